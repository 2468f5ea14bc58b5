"""Merged-event and story ids in exports, and the flags as a table of their own.

- JSONL (``lagebild/1`` records): each event gets ``merged_event_id`` and ``story_id``, each
  article ``story_ids`` (its own story first); a store never merged gives nulls and ``[]``.
- ``--table flags``: one row per report on each side of a flag (CSV, Parquet) or, in JSONL,
  one record per flag with both sides and their reports' evidence spans.
- ``--table events`` (CSV, Parquet): ``cluster_id`` is the merged-event id; ``story_id`` is added.
"""
from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

MERGED_TABLES = ("merged_events", "stories", "story_articles", "flags")


def has_merge_tables(store) -> bool:  # noqa: ANN001 - lagebild.store.Store
    have = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return set(MERGED_TABLES) <= have


def ids(store) -> tuple[dict, dict]:  # noqa: ANN001
    """``(article, event) -> (merged_event_id, story_id)`` and ``article -> [story ids, own first]``."""
    if not has_merge_tables(store):
        return {}, {}
    events = {(a, e): (c, s) for a, e, c, s in store.con.execute(
        "SELECT e.article_id, e.id, e.cluster_id, m.story_id FROM events e LEFT JOIN merged_events m ON m.id = e.cluster_id"
    ).fetchall()}
    stories: dict[str, list[str]] = {}
    for a, s in store.con.execute("SELECT article_id, story_id FROM story_articles ORDER BY article_id, own DESC, story_id").fetchall():
        stories.setdefault(a, []).append(s)
    return events, stories


def annotate(record: dict, events: dict, stories: dict) -> dict:
    """Add the merge ids to one ``lagebild/1`` record (a dict, changed in place and returned)."""
    record["story_ids"] = stories.get(record["id"], [])
    for ev in record.get("events", []):
        ev["merged_event_id"], ev["story_id"] = events.get((record["id"], ev["id"]), (None, None))
    return record


def flag_records(store) -> Iterator[dict]:  # noqa: ANN001
    """One record per flag: kind, merged event, story, and per side its value and reports with evidence spans."""
    if not has_merge_tables(store):
        return
    rows = store.con.execute(
        "SELECT id, side, kind, merged_event_id, story_id, value, article_id, event_id, modality, evidence_start, "
        "evidence_end, evidence_text, outlet FROM flags ORDER BY merged_event_id, id, side, article_id, event_id").fetchall()
    current: dict | None = None
    for fid, side, kind, mid, sid, value, aid, eid, modality, es, ee, text, outlet in rows:
        if current is None or current["id"] != fid:
            if current is not None:
                yield current
            current = {"id": fid, "kind": kind, "merged_event_id": mid, "story_id": sid,
                       "a": {"value": None, "reports": []}, "b": {"value": None, "reports": []}}
        current[side]["value"] = value
        current[side]["reports"].append({"article_id": aid, "event_id": eid, "modality": modality, "outlet": outlet,
                                         "evidence": {"start": es, "end": ee, "text": text}})
    if current is not None:
        yield current


def with_story(store, data: pa.Table) -> pa.Table:  # noqa: ANN001
    """The events table with a ``story_id`` column (after ``cluster_id``)."""
    events, _ = ids(store)
    story = [events.get((a, e), (None, None))[1] for a, e in
             zip(data.column("article_id").to_pylist(), data.column("id").to_pylist())]
    return data.append_column("story_id", pa.array(story, pa.string()))
