"""The store, opened read-only for serving, and a small cache of parsed article records."""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import duckdb

from ..errors import StoreError
from ..records import Article
from ..store.derived import RANK, derived_columns
from ..store.rows import TABLES

T = TypeVar("T")


class StoreReader:
    """One read-only DuckDB connection; each request works on its own cursor.

    DuckDB lets one process write a database file, so serving never takes the write
    lock: ``lagebild ingest`` into another file, or stop the server to ingest.
    """

    def __init__(self, path: str | Path, *, cache_size: int = 256, memo_size: int = 256) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError("no such store; create it with `lagebild ingest ARTICLES --db PATH`", path=str(self.path))
        try:
            self.con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as err:
            raise StoreError(f"cannot open the store read-only ({err})", path=str(self.path)) from err
        have = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        missing = [t for t in TABLES if t not in have]
        if missing:
            self.con.close()
            raise StoreError(f"not a lagebild store: no table {', '.join(missing)}", path=str(self.path))
        columns = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
        #: stores made before cross-article merging have no clusters: each event is then its own
        self.clustered = {"cluster_id", "actor_keys"} <= columns and "merged_events" in have
        #: stores made before stories and flags (lagebild.merge) have none to show
        self.storied = {"merged_events", "stories", "story_articles", "flags"} <= have
        #: stores made before the derived columns (lagebild.store.derived) are searched with the expressions
        self.searchable = set(derived_columns("events")) <= columns
        self._ranked = self.clustered and RANK in columns  # and they agree with the cluster index (cluster_index)
        self._clusters = None
        self._cache: OrderedDict[str, Article] = OrderedDict()
        self._cache_size = cache_size
        self._memo: OrderedDict[tuple, object] = OrderedDict()
        self._memo_size = memo_size
        self._lock = threading.Lock()

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """FastAPI dependency: a cursor of its own for one request (cursors are per thread)."""
        index = self.cluster_index()
        cur = self.con.cursor()
        try:
            index.register(cur)
            yield cur
        finally:
            cur.close()

    def records(self, cur: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, Article]:
        """Parsed article records by id (the store does not change while it is open read-only)."""
        ids = list(dict.fromkeys(ids))
        out: dict[str, Article] = {}
        with self._lock:
            for i in ids:
                if i in self._cache:
                    self._cache.move_to_end(i)
                    out[i] = self._cache[i]
        todo = [i for i in ids if i not in out]
        if todo:
            rows = cur.execute("SELECT id, record FROM articles WHERE id IN (SELECT unnest(?))", [todo]).fetchall()
            parsed = {aid: Article.model_validate_json(record) for aid, record in rows}
            out.update(parsed)
            with self._lock:
                for aid, art in parsed.items():
                    self._cache[aid] = art
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return out

    def memo(self, key: tuple, compute: Callable[[], T]) -> T:
        """``compute()``, remembered by ``key``: aggregates of a read-only store never change.

        Callers must not mutate what they get back.
        """
        if self._memo_size <= 0:
            return compute()
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > self._memo_size:
                self._memo.popitem(last=False)
        return value

    def cluster_index(self):  # noqa: ANN201 - ClusterIndex, imported late (it imports the filters)
        """Sizes and representatives of the store's clusters, loaded on first use."""
        from .clusters import load_index, ranks_agree

        if self._clusters is None:
            with self._lock:
                if self._clusters is None:
                    cur = self.con.cursor()
                    try:
                        index = load_index(cur, self.clustered)
                        self._ranked = self._ranked and ranks_agree(cur, index)
                        self._clusters = index
                    finally:
                        cur.close()
        return self._clusters

    def cluster_args(self) -> dict:
        """What an :class:`EventFilter` needs to know of the store's clusters."""
        index = self.cluster_index()
        return {"clustered": self.clustered, "clusters": index, "searchable": self.searchable, "ranked": self._ranked}

    @property
    def ranked(self) -> bool:
        """Whether ``distinct`` reads the ranks stored by ``merge/`` (:func:`.clusters.ranks_agree`)."""
        self.cluster_index()
        return self._ranked

    def record(self, cur: duckdb.DuckDBPyConnection, article_id: str) -> Article | None:
        return self.records(cur, [article_id]).get(article_id)
