"""The DuckDB store: one file, one table per section of the schema.

Ingest is idempotent: an article with an id already stored and the same content is
skipped; with changed content its rows are replaced in one transaction. A failing
batch rolls back and leaves everything stored before it intact.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Article
from .rows import KEYS, TABLES, article_rows, content_hash


@dataclass
class IngestResult:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0

    def __iadd__(self, other: "IngestResult") -> "IngestResult":
        self.added += other.added
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        return self


class Store:
    """A lagebild DuckDB database. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = "lagebild.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"cannot open store: {err}", path=self.path) from err
        if not read_only:
            self.create_tables()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def create_tables(self) -> None:
        for table, columns in TABLES.items():
            cols = ", ".join(f'"{c}" {t}' for c, t in columns)
            key = ", ".join(f'"{c}"' for c, _ in columns[: KEYS[table]])
            self.con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({cols}, PRIMARY KEY ({key}))')
        self.con.execute("CREATE INDEX IF NOT EXISTS events_date ON events(date_start)")
        from .merged import MERGE_INDEXES, MERGE_KEYS, MERGE_TABLES

        for table, columns in MERGE_TABLES.items():
            cols = ", ".join(f'"{c}" {t}' for c, t in columns)
            key = ", ".join(f'"{c}"' for c, _ in columns[: MERGE_KEYS[table]])
            self.con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({cols}, PRIMARY KEY ({key}))')
        for name, table, column in MERGE_INDEXES:
            self.con.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}"("{column}")')

    # -- writing -------------------------------------------------------------------
    def ingest(self, articles: Iterable[Article]) -> IngestResult:
        """Store articles (one transaction for the lot)."""
        articles = list(articles)
        result = IngestResult()
        if not articles:
            return result
        ids = list({a.id for a in articles})
        known = dict(self.con.execute(
            "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchall())
        todo: dict[str, Article] = {}
        for a in articles:
            old = known.get(a.id)
            if old is not None and old == content_hash(a):
                result.unchanged += 1
            elif a.id not in todo:
                todo[a.id] = a
                if old is None:
                    result.added += 1
                else:
                    result.replaced += 1
        if not todo:
            return result
        rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
        for a in todo.values():
            for table, r in article_rows(a).items():
                rows[table].extend(r)
        try:
            self.con.execute("BEGIN TRANSACTION")
            replaced = [i for i in todo if i in known]
            if replaced:
                for table in TABLES:
                    col = "id" if table == "articles" else "article_id"
                    self.con.execute(f'DELETE FROM "{table}" WHERE "{col}" IN (SELECT unnest(?))', [replaced])
            for table, r in rows.items():
                if r:
                    self._insert(table, r)
            self.con.execute("COMMIT")
        except duckdb.Error as err:
            self.con.execute("ROLLBACK")
            raise StoreError(f"ingest failed, nothing of this batch stored: {err}", path=self.path) from err
        return result

    def _insert(self, table: str, rows: list[tuple]) -> None:
        columns = [c for c, _ in TABLES[table]]
        arrow = pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)})  # noqa: F841 - used by SQL
        cols = ", ".join(f'"{c}"' for c in columns)
        self.con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM arrow')

    def merge(self) -> dict[str, int]:
        """Merge what is new since the last merge into merged events, stories and flags
        (:func:`lagebild.merge.merge_store`). Returns counts."""
        from ..merge import merge_store

        return merge_store(self)

    # -- reading -------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}

    def article(self, article_id: str) -> Article | None:
        row = self.con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        return Article.model_validate_json(row[0]) if row else None

    def articles(self) -> Iterable[Article]:
        cur = self.con.execute("SELECT record FROM articles ORDER BY published NULLS LAST, id")
        while batch := cur.fetchmany(256):
            for (record,) in batch:
                yield Article.model_validate_json(record)

    def table(self, name: str) -> pa.Table:
        from .merged import MERGE_KEYS, MERGE_TABLES

        tables, keys = {**TABLES, **MERGE_TABLES}, {**KEYS, **MERGE_KEYS}
        if name not in tables:
            raise StoreError(f"no table {name!r}; have {', '.join(tables)}", path=self.path)
        order = ", ".join(f'"{c}"' for c, _ in tables[name][: keys[name]])
        return self.con.sql(f'SELECT * FROM "{name}" ORDER BY {order}').to_arrow_table()
