"""Content hash without the path; input hashes for resume (issue #21)."""
from __future__ import annotations

from lagebild.records import SourceInfo
from lagebild.store import Store
from lagebild.store.rows import content_hash
from tests.store.test_store import make_article


def _at(path: str):
    a = make_article()
    a.source = SourceInfo(path=path, title="t")
    return a


def test_content_hash_ignores_the_path_only():
    assert content_hash(_at("x/file.jsonl")) == content_hash(_at("./x/../x/file.jsonl")) == content_hash(_at("/abs"))
    other = _at("x/file.jsonl")
    other.source = SourceInfo(path="x/file.jsonl", title="another title")
    assert content_hash(other) != content_hash(_at("x/file.jsonl"))


def test_reingest_under_another_path_spelling_is_unchanged(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        assert s.ingest([_at("x/file.jsonl")]).added == 1
        r = s.ingest([_at("./x/../x/file.jsonl")])
        assert (r.added, r.replaced, r.unchanged) == (0, 0, 1)


def test_unchanged_inputs(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        assert s.unchanged_inputs({"a1": "h1"}) == set()
        s.ingest([make_article()], {"a1": "h1"})
        assert s.unchanged_inputs({"a1": "h1", "zz": "h1"}) == {"a1"}
        assert s.unchanged_inputs({"a1": "h2"}) == set()  # another input under the same id
        s.ingest([make_article(modality="planned")], {"a1": "h2"})  # replaced: the new input is remembered
        assert s.unchanged_inputs({"a1": "h2"}) == {"a1"} and s.unchanged_inputs({"a1": "h1"}) == set()
        # a record replaced by something else (batch output, no input hash) is not skipped
        s.ingest([make_article()])
        assert s.unchanged_inputs({"a1": "h2"}) == set()
    with Store(tmp_path / "s.duckdb") as s:  # an existing store opens (tables made if missing)
        assert s.counts()["articles"] == 1
