"""Merge ids in exports and the flags table (JSONL, CSV, Parquet)."""
import io
import json

import pyarrow.parquet as pq
import pytest

from lagebild.errors import ExportError
from lagebild.export import export
from lagebild.store import Store

from ..merge.fixtures import all_articles
from ..store.test_store import make_article


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(all_articles())
        s.merge()
        yield s


def test_jsonl_records_carry_merged_event_and_story_ids(store):
    buf = io.StringIO()
    export(store, "jsonl", None, buf)
    recs = {r["id"]: r for r in map(json.loads, buf.getvalue().splitlines())}
    shooting = {recs[a]["events"][0]["merged_event_id"] for a in ("minsk-de-a", "minsk-de-b", "minsk-en", "minsk-denial")}
    assert len(shooting) == 1 and None not in shooting
    assert recs["minsk-protest"]["events"][0]["story_id"] == recs["minsk-en"]["events"][0]["story_id"]
    assert recs["trade"]["story_ids"] != recs["minsk-en"]["story_ids"] and len(recs["trade"]["story_ids"]) == 1
    assert recs["minsk-en"]["story_ids"][0] == recs["minsk-en"]["events"][0]["story_id"]


def test_flags_as_their_own_table(store, tmp_path):
    buf = io.StringIO()
    assert export(store, "jsonl", None, buf, table="flags") == 2
    flags = {f["kind"]: f for f in map(json.loads, buf.getvalue().splitlines())}
    fig = flags["figure"]
    spans = {r["article_id"]: r["evidence"] for side in ("a", "b") for r in fig[side]["reports"]}
    text = {a.id: a.text for a in all_articles()}
    for aid, span in spans.items():
        assert text[aid][span["start"]:span["end"]] == span["text"]
    assert export(store, "parquet", tmp_path / "f.parquet", buf, table="flags") == 6  # one row per report and side
    rows = pq.read_table(tmp_path / "f.parquet").to_pylist()
    assert {r["side"] for r in rows} == {"a", "b"} and all(r["merged_event_id"] for r in rows)
    csv = io.StringIO()
    export(store, "csv", None, csv, table="flags")
    assert "Demonstranten" in csv.getvalue()
    out = io.StringIO()
    assert export(store, "jsonl", None, out, table="stories") == 2


def test_events_table_has_story_id(store, tmp_path):
    export(store, "parquet", tmp_path / "e.parquet", io.StringIO(), table="events")
    rows = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert all(r["cluster_id"] and r["story_id"] for r in rows)


def test_never_merged_store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.ingest([make_article("x1")])
        buf = io.StringIO()
        export(s, "jsonl", None, buf)
        rec = json.loads(buf.getvalue())
        assert rec["story_ids"] == [] and rec["events"][0]["merged_event_id"] is None
        s.con.execute("DROP TABLE flags")
        with pytest.raises(ExportError):
            export(s, "csv", None, io.StringIO(), table="flags")


def test_merge_ids_and_provenance_together(store, tmp_path):
    """Integration of #17 and #19: an events row names its outlet, title and url after the
    keys and its story; a JSONL record has its outlet and its merge ids."""
    export(store, "parquet", tmp_path / "e.parquet", io.StringIO(), table="events")
    table = pq.read_table(tmp_path / "e.parquet")
    names = table.column_names
    assert names[names.index("outlet"):names.index("outlet") + 3] == ["outlet", "title", "url"]
    assert all(r["story_id"] and r["cluster_id"] for r in table.to_pylist())
    buf = io.StringIO()
    export(store, "jsonl", None, buf)
    recs = list(map(json.loads, buf.getvalue().splitlines()))
    assert all("outlet" in r["source"] and "story_ids" in r for r in recs)
    assert all("merged_event_id" in e for r in recs for e in r["events"])
