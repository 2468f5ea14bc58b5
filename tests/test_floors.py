"""eval/floors.py: without the data it passes, but never silently."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors.py"


@pytest.fixture
def floors(monkeypatch):
    spec = importlib.util.spec_from_file_location("lagebild_eval_floors", FLOORS)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setattr(sys, "path", list(sys.path))  # floors.py puts eval/ on the path
    spec.loader.exec_module(module)
    return module


def test_missing_data_passes_with_a_banner_on_stderr(floors, tmp_path, capsys):
    absent = tmp_path / "shared" / "data"
    assert floors.main(data=absent) == 0
    err = capsys.readouterr().err
    assert f"SKIPPED: {absent} absent — no floors checked" in err
    assert "!!!" in err


def test_an_evaluation_without_its_data_is_named_on_stderr(floors, tmp_path, capsys, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "nodata_eval.py").write_text("def evaluate():\n    return None\n", encoding="utf-8")
    (tmp_path / "good_eval.py").write_text("def evaluate():\n    return {'f1': 0.9}\n", encoding="utf-8")
    spec = tmp_path / "floors.json"
    spec.write_text(json.dumps({"nodata_eval": {"f1": 0.5}, "good_eval": {"f1": 0.5}}), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert floors.main(data=tmp_path / "data", floors_file=spec) == 0
    out = capsys.readouterr()
    assert "SKIPPED: data absent for nodata_eval" in out.err
    assert "ok   good_eval.f1" in out.out


def test_a_figure_below_its_floor_fails(floors, tmp_path, capsys, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "low_eval.py").write_text("def evaluate():\n    return {'f1': 0.1}\n", encoding="utf-8")
    spec = tmp_path / "floors.json"
    spec.write_text(json.dumps({"low_eval": {"f1": 0.5}}), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert floors.main(data=tmp_path / "data", floors_file=spec) == 1
    assert "FAIL low_eval.f1" in capsys.readouterr().out
