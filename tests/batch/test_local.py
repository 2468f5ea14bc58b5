"""The local engine (process pool) end to end: Parquet tables, errors, re-runs, into the store."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lagebild.batch import is_batch_output, load_batch_output, run_batch
from lagebild.cli import app
from lagebild.store import Store

from .conftest import N_ARTICLES, check_output, read_table

pytestmark = pytest.mark.model


def test_local_engine_tables_errors_rerun_and_store(mixed_inputs, tmp_path):
    out = tmp_path / "out"
    first = run_batch([mixed_inputs], out, engine="local", workers=2)
    assert first.articles == N_ARTICLES and first.errors == 4
    records = check_output(out)
    assert is_batch_output(out) and not (out / "_staging").exists()
    # each worker process built its pipeline once, however many tasks it ran
    assert all(w.pipelines_built == 1 for w in first.workers)
    assert len({w.pid for w in first.workers}) <= 2

    counts = {t: read_table(out, t).num_rows for t in ("articles", "entities", "times", "errors")}
    second = run_batch([mixed_inputs], out, engine="local", workers=1)
    assert {t: read_table(out, t).num_rows for t in counts} == counts  # replaced, not duplicated
    assert set(read_table(out, "errors").column("run_id").to_pylist()) == {second.run_id}
    assert check_output(out) == records  # same analysis

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        loaded = load_batch_output(out, store)
        assert loaded.added == N_ARTICLES
        assert store.article("j-en").to_json() == records["j-en"]
    res = CliRunner().invoke(app, ["ingest", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert f"0 added, 0 replaced, {N_ARTICLES} unchanged" in res.output

    # a run over one input replaces the partitions it covers, whole, and only those
    before = read_table(out, "articles").to_pylist()
    covered = {(a["language"], a["month"]) for a in before if a["id"].startswith("j-")}
    kept = {a["id"] for a in before if (a["language"], a["month"]) not in covered}
    run_batch([mixed_inputs / "stories.jsonl"], out, engine="local", workers=1)
    after = set(read_table(out, "articles").column("id").to_pylist())
    assert after == kept | {"j-en", "j-de", "j-nodate"} and kept


def test_batch_cli_local(mixed_inputs, tmp_path):
    out = tmp_path / "cli-out"
    res = CliRunner().invoke(app, ["batch", str(mixed_inputs / "stories.jsonl"), "--output", str(out),
                                   "--engine", "local", "--workers", "1"])
    assert res.exit_code == 1  # two records failed ...
    assert "3 articles, 2 errors" in res.output and "stories.jsonl:3" in res.output
    assert read_table(out, "articles").num_rows == 3  # ... and the rest went in
