"""One way to read (issue #18): a bad input gives the same coded error or warning through
``iter_articles``, ``lagebild ingest`` and the batch job's inputs, local or as a URI.
A stand-in pipeline passes read failures on: no model."""
from __future__ import annotations

import os
import re

import pytest
from typer.testing import CliRunner

import lagebild.cli.analyse as analyse
from lagebild.batch import worker
from lagebild.batch.inputs import plan, read_shard
from lagebild.cli import app
from lagebild.read import Input, ReadFailure, iter_articles, iter_inputs, read_input
from lagebild.settings import Settings
from tests.cli.test_ingest_integrity import CountingPipeline


def _missing(tmp_path):
    return tmp_path / "nope.txt"


def _write(name, data):
    def make(tmp_path):
        path = tmp_path / name
        path.write_bytes(data)
        return path
    return make


def _empty_folder(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF")
    return folder


def _fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def _link_out(tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "a.txt").write_text("Troops attacked the town on Monday, officials said.")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").symlink_to(tmp_path / "outside" / "a.txt")
    return folder


CASES = {
    "unsupported": (_write("x.pdf", b"%PDF"), ["E007"]),
    "missing": (_missing, ["E001"]),
    "empty jsonl": (_write("empty.jsonl", b""), ["W100"]),
    "bad json": (_write("bad.jsonl", b"{not json\n"), ["E100"]),
    "binary": (_write("bin.txt", b"\x00\x01binary junk"), ["E003"]),
    "not warc": (_write("fake.warc", b"hello, not a WARC file\n"), ["E104"]),
    "empty folder": (_empty_folder, ["W100"]),
    "not a regular file": (_fifo, ["E108"]),
    "link out of the folder": (_link_out, ["W104", "W100"]),  # local only: remote file systems have no links
}


def _codes_read(path) -> list[str]:
    return [item.error.code for item in iter_articles([path]) if isinstance(item, ReadFailure)]


def _codes_ingest(path, tmp_path, monkeypatch) -> list[str]:
    monkeypatch.setattr(analyse, "ShowLoading", CountingPipeline)
    res = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "s.duckdb")])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.output
    return re.findall(r"\[([EW]\d{3})\]", res.output)


def _codes_batch(inputs, monkeypatch) -> tuple[list[str], tuple]:
    monkeypatch.setattr(worker, "worker_pipeline", CountingPipeline)
    shards = [s for t in plan(inputs, parallelism=1) for s in t]
    rows = list(worker.task_rows(shards, Settings(), "run"))
    codes = [row[4] for table, row in rows if table == "errors"]
    return codes, rows[-1][1]


@pytest.mark.parametrize("case", list(CASES))
def test_the_same_bad_input_gives_the_same_code_everywhere(case, tmp_path, monkeypatch):
    make, codes = CASES[case]
    path = make(tmp_path)
    assert _codes_read(path) == codes
    assert _codes_ingest(path, tmp_path, monkeypatch) == codes
    batch, stats = _codes_batch([path], monkeypatch)
    assert batch == codes
    errors, warnings = stats[2], stats[7]  # a warning does not fail a run
    assert (errors, warnings) == (sum(c[0] == "E" for c in codes), sum(c[0] == "W" for c in codes))
    if case != "link out of the folder":
        assert _codes_batch([path.as_uri()], monkeypatch)[0] == codes


def test_a_uri_is_listed_and_read_like_the_local_path(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "b.txt").write_text("Troops attacked the town on Monday, officials said.")
    (tmp_path / "in" / "sub" / "a.jsonl").write_text('{"id": "1", "text": "Talks were held in Geneva."}\n{bad\n')
    (tmp_path / "in" / "skip.pdf").write_bytes(b"%PDF")
    local = list(iter_inputs([tmp_path / "in"]))
    remote = list(iter_inputs([(tmp_path / "in").as_uri()]))
    assert all(isinstance(i, Input) for i in local + remote)
    assert [(i.path, i.kind, i.size) for i in remote] == [("file://" + i.path, i.kind, i.size) for i in local]
    assert [i.kind for i in local] == ["txt", "jsonl"]

    def read(path):
        return [(type(item).__name__, getattr(item, "text", None) or item.error.code, offset)
                for item, offset in read_input(path)]

    for a, b in zip(local, remote):
        assert read(a.path) == read(b.path)
    assert read(local[1].path) == [("RawArticle", "Talks were held in Geneva.", 1), ("ReadFailure", "E100", 2)]


def test_a_uri_that_cannot_be_opened_fails_with_a_code(tmp_path):
    (item, _), = list(read_input("nosuchscheme://host/a.txt"))
    assert item.error.code == "E001" and "cannot open" in item.reason
    (item, _), = list(read_input((tmp_path / "gone.jsonl").as_uri()))
    assert item.error.code == "E001" and "no such file or folder" in item.reason
    shard = [s for t in plan(["nosuchscheme://host/a.txt"], parallelism=1) for s in t]
    assert [i.error.code for i, _ in read_shard(shard[0], Settings())] == ["E001"]
