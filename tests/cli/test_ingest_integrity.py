"""``lagebild ingest``: unchanged whatever the path spelling, resume without re-analysis,
duplicate ids, warnings (issue #21). A counting stand-in replaces the pipeline: these
tests count analyses, they need no model."""
from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

import lagebild.cli.analyse as analyse
from lagebild.cli import app
from lagebild.read import ReadFailure
from lagebild.records import Article, SourceInfo

runner = CliRunner()


class CountingPipeline:
    """Turns each RawArticle into an Article without NLP; counts the analyses; can fail
    after ``fail_after`` analyses, as a killed ingest would stop."""

    analysed: list[str] = []
    fail_after: int | None = None

    def __init__(self, settings) -> None:
        self.settings = settings

    def analyze_many(self, items):
        for item in items:
            if isinstance(item, ReadFailure):
                yield item
                continue
            if self.fail_after is not None and len(self.analysed) >= self.fail_after:
                raise KeyboardInterrupt("killed")
            type(self).analysed.append(item.id)
            yield Article(id=item.id, language="en", text=item.text, warnings=list(item.warnings),
                          published=item.published.isoformat() if item.published else None,
                          source=SourceInfo(path=item.path, url=item.url, title=item.title))


@pytest.fixture
def counting(monkeypatch):
    CountingPipeline.analysed = []
    CountingPipeline.fail_after = None
    monkeypatch.setattr(analyse, "Pipeline", CountingPipeline)
    monkeypatch.setattr(analyse, "ShowLoading", CountingPipeline)  # the commands' pipeline (analyst, #19)
    return CountingPipeline


def _records(n: int) -> str:
    return "".join(json.dumps({"id": f"a{i}", "text": f"Troops attacked town number {i} on Monday."}) + "\n"
                   for i in range(n))


def test_ingest_twice_and_under_another_path_spelling_is_unchanged(tmp_path, counting, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "file.jsonl").write_text(_records(3), encoding="utf-8")
    res = runner.invoke(app, ["ingest", "x/file.jsonl", "--db", "s.duckdb"])
    assert res.exit_code == 0 and "3 added, 0 replaced, 0 unchanged" in res.output, res.output
    for spelling in ("x/file.jsonl", "./x/../x/file.jsonl", str(tmp_path / "x" / "file.jsonl")):
        res = runner.invoke(app, ["ingest", spelling, "--db", "s.duckdb"])
        assert res.exit_code == 0 and "0 added, 0 replaced, 3 unchanged" in res.output, res.output
    assert len(counting.analysed) == 3  # never analysed again
    # analysed again on request: still unchanged, the path does not count
    res = runner.invoke(app, ["ingest", "./x/../x/file.jsonl", "--db", "s.duckdb", "--reanalyse"])
    assert "0 added, 0 replaced, 3 unchanged" in res.output and len(counting.analysed) == 6
    res = runner.invoke(app, ["ingest", "x/file.jsonl", "--db", "s.duckdb"])  # and skipped again after it
    assert "3 unchanged (3 of them not analysed again)" in res.output and len(counting.analysed) == 6


def test_resume_skips_what_is_stored_before_analysing(tmp_path, counting):
    """#21: a restart after an interrupted ingest analysed everything again."""
    f = tmp_path / "many.jsonl"
    f.write_text(_records(200), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    counting.fail_after = 70  # killed during the third batch of 32
    res = runner.invoke(app, ["ingest", str(f), "--db", str(db)])
    assert res.exit_code == 130  # the interrupt ended the run
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == 64
    counting.analysed, counting.fail_after = [], None
    res = runner.invoke(app, ["ingest", str(f), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert len(counting.analysed) == 200 - stored  # the stored ones were not analysed again
    assert f"136 added, 0 replaced, 64 unchanged (64 of them not analysed again)" in res.output
    # an edited record is analysed again and replaced
    f.write_text(_records(200).replace("town number 5 ", "village number 5 "), encoding="utf-8")
    counting.analysed = []
    res = runner.invoke(app, ["ingest", str(f), "--db", str(db)])
    assert counting.analysed == ["a5"] and "0 added, 1 replaced, 199 unchanged" in res.output


def test_duplicate_id_conflict_is_reported_and_the_first_kept(tmp_path, counting):
    """#21: the stored text alternated between two records of one id on every ingest."""
    f = tmp_path / "dup.jsonl"
    f.write_text(json.dumps({"id": "d", "text": "Russian troops attacked Kharkiv on Monday."}) + "\n"
                 + json.dumps({"id": "d", "text": "Nothing happened."}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    for _ in range(3):
        res = runner.invoke(app, ["ingest", str(f), "--db", str(db)])
        assert res.exit_code == 1 and "[E102]" in res.output and f"{f}:2" in res.output and f"{f}:1" in res.output
        assert "0 replaced" in res.output
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT text FROM articles").fetchall() == [("Russian troops attacked Kharkiv on Monday.",)]


def test_inputs_that_yield_nothing_are_named(tmp_path, counting):
    """#21: empty .jsonl/.warc files and non-WARC .warc files exited 0 without a word."""
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "e.warc").write_bytes(b"")
    (tmp_path / "n.warc").write_bytes(b"not a warc at all\n")
    db = str(tmp_path / "s.duckdb")
    res = runner.invoke(app, ["ingest", str(tmp_path / "e.jsonl"), str(tmp_path / "e.warc"), "--db", db])
    assert res.exit_code == 0 and res.output.count("[W100]") == 2 and "2 warnings" in res.output
    assert "e.jsonl" in res.output and "e.warc" in res.output
    res = runner.invoke(app, ["extract", str(tmp_path / "n.warc")])
    assert res.exit_code == 1 and "[E104]" in res.output


def test_symlink_out_of_folder_is_not_ingested(tmp_path, counting):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("Troops attacked the town on Monday.", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    os.symlink(secret, root / "passwd.txt")
    db = str(tmp_path / "s.duckdb")
    res = runner.invoke(app, ["ingest", str(root), "--db", db])
    assert "1 added" in res.output and "[W104]" in res.output and "passwd.txt" in res.output
    assert len(counting.analysed) == 1
    res = runner.invoke(app, ["ingest", str(root), "--db", db, "--follow-symlinks"])
    assert "1 added, 0 replaced, 1 unchanged" in res.output


def test_guessed_date_warning_shown_and_dropped_for_a_given_date(tmp_path, counting):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>T</title></head><body><article><p>Published on 14 July 2025. Russian "
                    "forces attacked the city of Kharkiv with drones on Monday, officials said.</p></article>"
                    "</body></html>", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(page), "--format", "jsonl"])
    rec = json.loads(res.stdout.strip().splitlines()[-1])
    assert "[W102]" in res.output and any(w.startswith("[W102]") for w in rec["warnings"])
    res = runner.invoke(app, ["extract", str(page), "--format", "jsonl", "--published", "2025-07-15"])
    rec = json.loads(res.stdout.strip().splitlines()[-1])
    assert rec["published"] == "2025-07-15" and not rec["warnings"] and "[W102]" not in res.output
