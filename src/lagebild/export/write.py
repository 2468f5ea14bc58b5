"""Write the store's contents to files or a stream."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..errors import ExportError
from ..store import Store
from . import merged
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
                records = [merged.annotate(article.to_dict(), *merge_ids)] if fmt == "jsonl" else plover_records(article)
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    n += 1
        finally:
            if out:
                handle.close()
        return n
    if table in merged.MERGED_TABLES and not merged.has_merge_tables(store):
        raise ExportError(f"this store has no {table} table (it was made before merging); run `lagebild ingest` on it")
    data = store.table(table)
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
