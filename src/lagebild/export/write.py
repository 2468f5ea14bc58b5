"""Write the store's contents to files or a stream."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..errors import ExportError
from ..store import Store
from ..store.rows import KEYS, TABLES
from . import merged
from .outlet import outlet_name, outlet_sql
from .plover import plover_records

FORMATS = ("jsonl", "parquet", "csv", "plover")


def export(store: Store, fmt: str, out: Path | None, stream: TextIO, table: str = "events") -> int:
    """Export to ``out`` (or ``stream`` for text formats); returns the number of records."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in ("jsonl", "plover"):
        handle = out.open("w", encoding="utf-8") if out else stream
        n = 0
        merge_ids = merged.ids(store) if fmt == "jsonl" else ({}, {})
        try:
            if fmt == "jsonl" and table in merged.MERGED_TABLES and table != "flags":
                for row in store.table(table).to_pylist():
                    handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                    n += 1
                return n
            if fmt == "jsonl" and table == "flags":
                for record in merged.flag_records(store):
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    n += 1
                return n
            for article in store.articles():
                records = ([merged.annotate(_with_outlet(article.to_dict()), *merge_ids)] if fmt == "jsonl"
                           else plover_records(article))
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    n += 1
        finally:
            if out:
                handle.close()
        return n
    if table in merged.MERGED_TABLES:
        # merged events, stories and flags span articles: no single article's provenance
        # (flags carry each report's outlet themselves)
        if not merged.has_merge_tables(store):
            raise ExportError(f"this store has no {table} table (it was made before merging); run `lagebild ingest` on it")
        data = store.table(table)
    else:
        data = provenance_table(store, table)
    if table == "events" and merged.has_merge_tables(store):
        data = merged.with_story(store, data)
    if fmt == "parquet":
        if out is None:
            raise ExportError("parquet needs --out FILE")
        pq.write_table(data, out)
    else:
        # CSV has no lists: join them with "|".
        for i, field in enumerate(data.schema):
            if str(field.type).startswith("list"):
                joined = [None if v is None else "|".join(map(str, v)) for v in data.column(i).to_pylist()]
                data = data.set_column(i, field.name, [joined])
        if out is None:
            import io
            buf = io.BytesIO()
            pacsv.write_csv(data, buf)
            stream.write(buf.getvalue().decode("utf-8"))
        else:
            pacsv.write_csv(data, out)
    return data.num_rows


def _with_outlet(record: dict) -> dict:
    """A lagebild/1 record whose ``source.outlet`` is filled from its URL's host when its metadata names none."""
    src = record.get("source") or {}
    src["outlet"] = outlet_name(src.get("outlet"), src.get("url"))
    return record


def provenance_table(store: Store, name: str):  # noqa: ANN201 - pyarrow.Table
    """Table ``name`` with the outlet, title and URL of each row's article after its key columns
    (the articles table: its outlet filled from the URL's host where its metadata names none)."""
    if name not in TABLES:
        raise ExportError(f"no table {name!r}; choose one of {', '.join(TABLES)}")
    cols = [c for c, _ in TABLES[name]]
    order = ", ".join(f't."{c}"' for c in cols[: KEYS[name]])
    if name == "articles":
        select = ", ".join(f"{outlet_sql('t')} AS outlet" if c == "outlet" else f't."{c}"' for c in cols)
        return store.con.sql(f"SELECT {select} FROM articles t ORDER BY {order}").to_arrow_table()
    keys = cols[: KEYS[name]]
    rest = cols[KEYS[name]:]
    select = ", ".join([f't."{c}"' for c in keys] + [f"{outlet_sql('a')} AS outlet",
                       "a.title AS title", "a.url AS url"] + [f't."{c}"' for c in rest])
    return store.con.sql(
        f'SELECT {select} FROM "{name}" t LEFT JOIN articles a ON a.id = t.article_id ORDER BY {order}'
    ).to_arrow_table()
