"""The DuckDB store: one file, one table per section of the schema.

Ingest is idempotent: an article with an id already stored and the same content is
skipped; with changed content its rows are replaced in one transaction. A failing
batch rolls back and leaves everything stored before it intact. The content hash leaves
``source.path`` out, so the path an article was read from does not make it new.

``article_inputs`` remembers, per stored article, a hash of the input it was analysed
from (text and metadata, and what the analysis depends on; see
:func:`lagebild.read.identity.input_hash`). An ingest asks :meth:`Store.unchanged_inputs`
before analysing, and skips what is stored already: a restart after an interrupted
ingest does not analyse the same articles again.
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
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS article_inputs (id VARCHAR PRIMARY KEY, input_hash VARCHAR, "
            "content_hash VARCHAR, recorded_at TIMESTAMP)"
        )
        from .merged import MERGE_INDEXES, MERGE_KEYS, MERGE_TABLES

        for table, columns in MERGE_TABLES.items():
            cols = ", ".join(f'"{c}" {t}' for c, t in columns)
            key = ", ".join(f'"{c}"' for c, _ in columns[: MERGE_KEYS[table]])
            self.con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({cols}, PRIMARY KEY ({key}))')
        for name, table, column in MERGE_INDEXES:
            self.con.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}"("{column}")')
        from .derived import add_columns

        add_columns(self.con)  # search columns and cluster ranks (serve reads them; stores made before get them)

    def unchanged_inputs(self, hashes: dict[str, str]) -> set[str]:
        """The ids of ``hashes`` (id -> input hash) stored from that very input, whose
        stored record is still the one analysed from it."""
        if not hashes:
            return set()
        ids = list(hashes)
        rows = self.con.execute(
            "SELECT i.id, i.input_hash FROM article_inputs i JOIN articles a ON a.id = i.id "
            "AND a.content_hash = i.content_hash WHERE i.id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {i for i, h in rows if hashes.get(i) == h}

    # -- writing -------------------------------------------------------------------
    def ingest(self, articles: Iterable[Article], inputs: dict[str, str] | None = None) -> IngestResult:
        """Store articles (one transaction for the lot). ``inputs``: id -> input hash of
        the articles given, remembered for :meth:`unchanged_inputs`."""
        articles = list(articles)
        result = IngestResult()
        if not articles:
            return result
        inputs = inputs or {}
        ids = list({a.id for a in articles})
        known = dict(self.con.execute(
            "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchall())
        todo: dict[str, Article] = {}
        hashes: dict[str, str] = {}
        for a in articles:
            old = known.get(a.id)
            new = content_hash(a)
            hashes.setdefault(a.id, new)  # a second article of the same id is not stored
            if old is not None and old == new:
                result.unchanged += 1
            elif a.id not in todo:
                todo[a.id] = a
                if old is None:
                    result.added += 1
                else:
                    result.replaced += 1
        remembered = [(i, h, hashes[i]) for i, h in inputs.items() if i in hashes]
        if not todo:
            self._remember(remembered)
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
            self._remember(remembered, transaction=False)
            self.con.execute("COMMIT")
        except duckdb.Error as err:
            self.con.execute("ROLLBACK")
            raise StoreError(f"ingest failed, nothing of this batch stored: {err}", path=self.path) from err
        return result

    def _remember(self, rows: list[tuple[str, str, str]], *, transaction: bool = True) -> None:
        """(id, input hash, content hash) into ``article_inputs``."""
        if not rows:
            return
        import datetime as dt

        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        arrow = pa.table({"id": [r[0] for r in rows], "input_hash": [r[1] for r in rows],  # noqa: F841 - used by SQL
                          "content_hash": [r[2] for r in rows], "recorded_at": [now] * len(rows)})
        try:
            if transaction:
                self.con.execute("BEGIN TRANSACTION")
            self.con.execute("INSERT OR REPLACE INTO article_inputs SELECT id, input_hash, content_hash, recorded_at "
                             "FROM arrow")
            if transaction:
                self.con.execute("COMMIT")
        except duckdb.Error as err:
            if transaction:
                self.con.execute("ROLLBACK")
            raise StoreError(f"cannot record ingested inputs: {err}", path=self.path) from err

    def _insert(self, table: str, rows: list[tuple]) -> None:
        from .derived import derived_columns, derived_select

        columns = [c for c, _ in TABLES[table]]
        arrow = pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)})  # noqa: F841 - used by SQL
        cols = ", ".join(f'"{c}"' for c in columns)
        into = "".join(f', "{c}"' for c in derived_columns(table))
        self.con.execute(f'INSERT INTO "{table}" ({cols}{into}) SELECT {cols}{derived_select(table)} FROM arrow')

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
        cols = ", ".join(f'"{c}"' for c, _ in tables[name])  # not the derived columns (lagebild.store.derived)
        return self.con.sql(f'SELECT {cols} FROM "{name}" ORDER BY {order}').to_arrow_table()
