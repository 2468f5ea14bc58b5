"""Writing the output folder: staged Parquet parts, then partitions replaced in a commit.

Layout (both engines)::

    OUTPUT/articles/language=en/month=2025-07/part-….parquet     (and entities, times, places,
    OUTPUT/errors/input=<sha1 of source path, 12 hex>/part-….parquet    attributions, events)
    OUTPUT/_lagebild_batch.json                                   manifest: schema and runs

A run writes everything under ``OUTPUT/_staging/<run_id>/`` first. The commit then, for
every analysis table, replaces each (language, month) partition that the run produced
articles for — also where the run has no rows of that table there, so no stale child
rows outlive their articles — and, for the errors table, the partition of every input
the run read. Re-running into the same output therefore replaces partitions and never
duplicates rows; partitions the run did not touch stay as they were.
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..store.rows import TABLES
from .tables import BATCH_TABLES, PARTITIONS, arrow_schema

MANIFEST = "_lagebild_batch.json"
STAGING = "_staging"
FLUSH_ROWS = 20_000


def part_dir(table: str, row: tuple) -> str:
    """``language=en/month=2025-07`` (or ``input=…``) of a full row of ``table``."""
    names = [c for c, _ in BATCH_TABLES[table]]
    return "/".join(f"{c}={row[names.index(c)]}" for c in PARTITIONS[table])


class PartWriter:
    """Buffers full rows per (table, partition) and writes Parquet parts with pyarrow."""

    def __init__(self, root: Path, prefix: str, flush_rows: int = FLUSH_ROWS) -> None:
        self.root, self.prefix, self.flush_rows = Path(root), prefix, flush_rows
        self.buffers: dict[tuple[str, str], list[tuple]] = {}
        self.parts = 0
        self.written: set[tuple[str, str]] = set()

    def add(self, table: str, row: tuple) -> None:
        key = (table, part_dir(table, row))
        buf = self.buffers.setdefault(key, [])
        buf.append(row)
        if len(buf) >= self.flush_rows:
            self._flush(key)

    def _flush(self, key: tuple[str, str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = self.buffers.pop(key, [])
        if not rows:
            return
        table, part = key
        names = [c for c, _ in BATCH_TABLES[table]]
        keep = [i for i, c in enumerate(names) if c not in PARTITIONS[table]]
        schema = arrow_schema(table, with_partition=False)
        data = pa.table({schema.field(j).name: [r[i] for r in rows] for j, i in enumerate(keep)}, schema=schema)
        folder = self.root / table / part
        folder.mkdir(parents=True, exist_ok=True)
        self.parts += 1
        pq.write_table(data, folder / f"part-{self.prefix}-{self.parts:05d}.parquet")
        self.written.add(key)

    def close(self) -> None:
        for key in list(self.buffers):
            self._flush(key)


# -- committing: local folders or any Hadoop file system ---------------------------
class LocalFS:
    def listdir(self, path: str) -> list[str]:
        return sorted(os.listdir(path)) if os.path.isdir(path) else []

    def exists(self, path: str) -> bool:
        return os.path.exists(path)

    def delete(self, path: str) -> None:
        shutil.rmtree(path, ignore_errors=True)

    def rename(self, src: str, dst: str) -> None:
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        os.replace(src, dst)


def _partitions(fs: LocalFS, table_dir: str, depth: int) -> list[str]:
    """Partition paths (``a=x/b=y``) under a table folder, ``depth`` levels deep."""
    found = [""]
    for _ in range(depth):
        found = [f"{p}/{d}".lstrip("/") for p in found for d in fs.listdir(f"{table_dir}/{p}".rstrip("/"))
                 if "=" in d]
    return found


def commit(fs: LocalFS, output: str, staging: str, *, article_parts: Iterable[str],
           error_parts: Iterable[str]) -> dict[str, int]:
    """Move the staged partitions into ``output``, replacing those the run covers.

    Returns partitions replaced per table.
    """
    article_parts, error_parts = set(article_parts), set(error_parts)
    done: dict[str, int] = {}
    for table in list(TABLES) + ["errors"]:
        staged = set(_partitions(fs, f"{staging}/{table}", len(PARTITIONS[table])))
        covered = staged | (error_parts if table == "errors" else article_parts)
        for part in sorted(covered):
            target = f"{output}/{table}/{part}"
            if fs.exists(target):
                fs.delete(target)
            if part in staged:
                fs.rename(f"{staging}/{table}/{part}", target)
        done[table] = len(covered)
    fs.delete(staging)
    parent = staging.rsplit("/", 1)[0]
    if not fs.listdir(parent):  # no other run staging here
        fs.delete(parent)
    return done


def write_manifest(output: Path, run: dict) -> None:
    """Schema of the tables and the history of runs, for people and for ``ingest``."""
    path = Path(output) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    manifest["format"] = "lagebild-batch/1"
    manifest["schema"] = "lagebild/1"
    manifest["tables"] = {
        t: {"columns": [[c, k] for c, k in cols], "partitioned_by": list(PARTITIONS[t])}
        for t, cols in BATCH_TABLES.items()
    }
    manifest["runs"] = (manifest.get("runs") or [])[-49:] + [run]
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
