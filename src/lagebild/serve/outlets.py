"""Outlets and downloads: who reported what, and exactly the filtered selection as a file.

An outlet is the article's site name, else its URL's host (:mod:`lagebild.export.outlet`).
Downloads carry every matching event (not a page of them), in the order of the page, with
the outlet, title and URL of its article.
"""
from __future__ import annotations

import io
import json

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from duckdb import DuckDBPyConnection as Cursor

from ..export.outlet import outlet_sql
from .filters import SORTS, EventFilter
from .queries import EVENT_COLUMNS, source

#: download format -> (media type, file suffix)
DOWNLOADS = {"csv": ("text/csv; charset=utf-8", "csv"), "parquet": ("application/vnd.apache.parquet", "parquet"),
             "json": ("application/json", "json")}


def outlets(cur: Cursor, f: EventFilter) -> list[dict]:
    """Per outlet: articles, matching events, first and last reporting date, most frequent event types."""
    rel, where, params = source(cur, f)
    rows = cur.execute(
        f"WITH a AS (SELECT id, {outlet_sql()} AS outlet, published FROM articles), "
        f"ev AS (SELECT article_id, type FROM {rel} WHERE {where}) "
        "SELECT coalesce(a.outlet, '') o, count(DISTINCT a.id) articles, count(ev.article_id) events, "
        "min(a.published) first, max(a.published) last, "
        "list(ev.type ORDER BY ev.type) FILTER (WHERE ev.type IS NOT NULL) types "
        "FROM a LEFT JOIN ev ON ev.article_id = a.id GROUP BY o HAVING count(ev.article_id) > 0 "
        "ORDER BY events DESC, o",
        params,
    ).fetchall()
    out = []
    for o, n_art, n_ev, first, last, types in rows:
        counts: dict[str, int] = {}
        for t in types or []:
            counts[t] = counts.get(t, 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
        out.append({"outlet": o or None, "articles": n_art, "events": n_ev, "first": first, "last": last,
                    "types": dict(top)})
    return out


def selection(cur: Cursor, f: EventFilter, sort: str = "-date") -> pa.Table:
    """Every event the filter matches (one per cluster in ``distinct`` mode), sorted as the page
    sorts them, with ``outlet``, ``title`` and ``url`` of its article."""
    order = SORTS[sort]
    rel, where, params = source(cur, f)
    cols = ", ".join(f'e."{c}"' for c in EVENT_COLUMNS) + (", e.cluster_id" if f.clustered else "")
    sql = (
        f"SELECT * FROM (SELECT {cols}, {outlet_sql('a')} AS outlet, a.title AS title, a.url AS url "
        f"FROM (SELECT * FROM {rel} WHERE {where}) e LEFT JOIN articles a ON a.id = e.article_id) "
        f"ORDER BY {order}"
    )
    return cur.sql(sql, params=params).to_arrow_table()


def encode(table: pa.Table, fmt: str) -> bytes:
    """The table as a CSV (lists joined with ``|``), Parquet or JSON (an array of objects) file."""
    if fmt == "parquet":
        buf = io.BytesIO()
        pq.write_table(table, buf)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps(table.to_pylist(), ensure_ascii=False, default=str, indent=1).encode("utf-8")
    for i, field in enumerate(table.schema):
        if pa.types.is_list(field.type):
            joined = [None if v is None else "|".join(map(str, v)) for v in table.column(i).to_pylist()]
            table = table.set_column(i, field.name, pa.array(joined, pa.string()))
    buf = io.BytesIO()
    pacsv.write_csv(table, buf)
    return buf.getvalue()
