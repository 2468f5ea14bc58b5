"""Merging a batch output gives what merging a store gives (local and Spark write the same records)."""
import pyarrow as pa
import pyarrow.parquet as pq

from lagebild.batch import is_batch_output
from lagebild.batch.merged import merge_output
from lagebild.store import Store

from ..merge.fixtures import all_articles


def write_output(folder, articles):  # noqa: ANN001, ANN202
    for a in articles:
        part = folder / "articles" / f"language={a.language}" / f"month={a.published[:7]}"
        part.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.table({"id": [a.id], "record": [a.to_json()]}), part / f"{a.id}.parquet")


def test_batch_output_merge_equals_store_merge(tmp_path):
    arts = all_articles()
    write_output(tmp_path / "out", arts[::-1])  # written in any order
    assert is_batch_output(tmp_path / "out")
    stats = merge_output(tmp_path / "out")
    assert stats["clusters"] == 3 and stats["stories"] == 2
    ids = {(r["article_id"], r["event_id"]): (r["merged_event_id"], r["story_id"])
           for r in pq.read_table(tmp_path / "out" / "merged" / "event_ids.parquet").to_pylist()}
    with Store(tmp_path / "s.duckdb") as s:
        for a in arts:  # one by one, as ingest would
            s.ingest([a])
            s.merge()
        want = {(a, e): (c, st) for a, e, c, st in s.con.execute(
            "SELECT e.article_id, e.id, e.cluster_id, m.story_id FROM events e JOIN merged_events m ON m.id = e.cluster_id"
        ).fetchall()}
        flags = sorted(s.con.execute("SELECT id, side, article_id FROM flags").fetchall())
    assert ids == want
    got = sorted((r["id"], r["side"], r["article_id"]) for r in pq.read_table(tmp_path / "out" / "merged" / "flags.parquet").to_pylist())
    assert got == flags
