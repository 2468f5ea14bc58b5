import json

import pytest
from typer.testing import CliRunner

from lagebild.cli import app

runner = CliRunner()
pytestmark = pytest.mark.model


def test_extract_prints_schema_records(article_dir):
    res = runner.invoke(app, ["extract", str(article_dir / "a_en.txt"), "--published", "2025-07-15", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout.strip().splitlines()[0])
    assert rec["schema"] == "lagebild/1" and rec["language"] == "en" and rec["published"] == "2025-07-15"
    assert rec["source"]["title"] == "Drones hit Kharkiv"
    s, e = rec["sentences"][0]
    assert rec["text"][s:e].startswith("Russian forces")


def test_extract_rejects_bad_date(article_dir):
    res = runner.invoke(app, ["extract", str(article_dir / "a_en.txt"), "--published", "15.07.2025"])
    assert res.exit_code != 0


def test_ingest_bad_file_batch_goes_on_and_is_idempotent(article_dir, tmp_path):
    (article_dir / "broken.txt").write_bytes(b"\x00\x00binary")
    db = tmp_path / "t.duckdb"
    res = runner.invoke(app, ["ingest", str(article_dir), "--db", str(db)])
    assert res.exit_code == 1  # some files failed ...
    assert "broken.txt" in res.output and "c.jsonl:2" in res.output
    assert "4 added" in res.output and "2 failed" in res.output  # ... and the rest went in
    res2 = runner.invoke(app, ["ingest", str(article_dir), "--db", str(db)])
    assert "0 added, 0 replaced, 4 unchanged" in res2.output
    out = tmp_path / "e.jsonl"
    res3 = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])
    assert res3.exit_code == 0 and len(out.read_text().splitlines()) == 4
    res4 = runner.invoke(app, ["summary", "--db", str(db)])
    assert res4.exit_code == 0 and "store: 4 articles" in res4.output
    assert "article" in res4.output and "Drones hit Kharkiv" in res4.output  # each event names its article


def test_export_missing_store(tmp_path):
    res = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format", "jsonl"])
    assert res.exit_code == 2 and "no such store" in res.output


def test_extract_hostile_jsonl_lines_end_to_end(tmp_path):
    """#21/#20 through the real pipeline: a U+2028 inside a record, a lone surrogate, a
    5,000-digit number, deep nesting and "language": 5 — clear errors, the rest analysed."""
    f = tmp_path / "h.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "u", "text": "Tanks entered the town.\u2028The army attacked Izium."}, ensure_ascii=False),
        '{"id": "s", "text": "Russian troops attacked the town. \\ud800 Officials said."}',
        '{"id": "big", "text": "Troops attacked.", "n": ' + "9" * 5000 + "}",
        '{"id": "deep", "text": "Troops attacked.", "x": ' + "[" * 10000 + "]" * 10000 + "}",
        json.dumps({"id": "l5", "text": "Troops attacked.", "language": 5}),
    ]) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(f), "--format", "jsonl"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    records = [json.loads(line) for line in res.stdout.strip().split("\n") if line.startswith("{")]
    assert [r["id"] for r in records] == ["u", "s"]
    assert records[0]["text"] == "Tanks entered the town.\u2028The army attacked Izium."
    assert records[1]["warnings"] and "\ufffd" in records[1]["text"]
    for code, line in (("E100", 3), ("E100", 4), ("E101", 5)):
        assert f"[{code}] {f}:{line}" in res.output
