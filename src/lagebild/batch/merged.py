"""Merged events, stories and flags of a batch output, as Parquet beside its other tables.

After the articles are written (by the process pool or by Spark: the same records), the
driver loads them into a temporary store in publication order and runs the same merge
as ``lagebild ingest`` (:func:`lagebild.merge.merge_store`), so both engines, and ingesting
the output into an empty store, give the same merged events, stories and flags. The
result goes to ``OUTPUT/merged/``: ``event_ids`` (article, event, merged event, story),
``merged_events``, ``stories``, ``story_articles`` and ``flags``. Merging is sequential by
nature and cheap beside the analysis (bench/merge.py); it needs a local output folder.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from ..store import Store
from .load import iter_batch_articles

TABLES = ("merged_events", "stories", "story_articles", "flags")


def merge_output(output: str | Path, chunk: int = 1000) -> dict[str, int]:
    """Merge the articles of a batch output; writes ``OUTPUT/merged/*.parquet`` and returns the counts."""
    out = Path(output) / "merged"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "merge.duckdb") as store:
            articles = sorted(iter_batch_articles(output), key=lambda a: (a.published or "", a.id))
            for i in range(0, len(articles), chunk):
                store.ingest(articles[i:i + chunk])
                stats = store.merge()
            if not articles:
                stats = store.merge()
            pq.write_table(store.con.sql(
                "SELECT e.article_id, e.id AS event_id, e.cluster_id AS merged_event_id, m.story_id FROM events e "
                "LEFT JOIN merged_events m ON m.id = e.cluster_id ORDER BY 1, 2").to_arrow_table(), out / "event_ids.parquet")
            for table in TABLES:
                pq.write_table(store.table(table), out / f"{table}.parquet")
    return stats
