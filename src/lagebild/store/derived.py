"""Columns the store derives from others, so that serving does not recompute them per request.

They are not part of an article's flattening (:data:`lagebild.store.rows.TABLES`): exports and
batch outputs do not carry them. :data:`DERIVED` columns are computed by DuckDB when rows are
inserted (the very expressions the API used to evaluate on every request, so answers stay the
same); :data:`RANK` is written by ``merge/`` for the events of every merged event it refreshes.
A store made before these columns existed gets them, filled, the next time it is opened for
writing (:func:`add_columns`); ``serve`` checks which ones a store has and falls back to the
expressions where it lacks them.
"""
from __future__ import annotations

import duckdb

#: table -> (column, DuckDB type, SQL expression over the table's columns)
DERIVED: dict[str, list[tuple[str, str, str]]] = {
    "events": [
        ("evidence_lc", "VARCHAR", "lower(evidence_text)"),
        ("actors_lc", "VARCHAR", "lower(array_to_string(actor_names, chr(31)))"),
        ("recipients_lc", "VARCHAR", "lower(array_to_string(recipient_names, chr(31)))"),
    ],
}
#: an event's place among the reports of its merged event, as ``serve`` reads ``merged_events``: 1 for the report
#: that stands for it (``rep_*``) and for every report of a merged event of one report (or of none: an id that is
#: gone); 2, 3, ... for the other reports of a merged event of several, in :data:`REPRESENTATIVE` order; NULL while
#: the event is not merged
RANK = "cluster_rank"


def rank_sql(clusters: str) -> str:
    """The SQL that sets :data:`RANK` for the events whose ``cluster_id`` is listed in ``clusters`` (a relation
    with an ``id`` column)."""
    from ..merge.represent import REPRESENTATIVE  # late: merge imports the store

    return (
        f'UPDATE events SET "{RANK}" = r.n FROM (SELECT article_id a, id i, CASE WHEN stands THEN 1 ELSE 1 + '
        f"row_number() OVER (PARTITION BY cluster_id, stands ORDER BY {REPRESENTATIVE}) END n FROM ("
        "  SELECT e.article_id, e.id, e.cluster_id, e.confidence, e.published, e.date_start, "
        "  coalesce(e.article_id = m.rep_article_id AND e.id = m.rep_event_id, TRUE) stands "
        "  FROM events e LEFT JOIN merged_events m ON m.id = e.cluster_id AND m.n_reports > 1 "
        f"  WHERE e.cluster_id IN (SELECT id FROM {clusters}))) r "
        "WHERE events.article_id = r.a AND events.id = r.i"
    )


def derived_columns(table: str) -> list[str]:
    return [c for c, _, _ in DERIVED.get(table, [])]


def derived_select(table: str) -> str:
    """``, expr AS "col"`` for each derived column of ``table`` ('' if none), to follow a SELECT list."""
    return "".join(f', {expr} AS "{c}"' for c, _, expr in DERIVED.get(table, []))


def add_columns(con: duckdb.DuckDBPyConnection) -> None:
    """Add the derived columns and the rank a store lacks, and fill them for the rows it holds."""
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
    for column, kind, expr in DERIVED["events"]:
        if column not in have:
            con.execute(f'ALTER TABLE events ADD COLUMN "{column}" {kind}')
            con.execute(f'UPDATE events SET "{column}" = {expr}')
    if RANK not in have:
        con.execute(f'ALTER TABLE events ADD COLUMN "{RANK}" INTEGER')
        con.execute(rank_sql("(SELECT DISTINCT cluster_id AS id FROM events)"))
