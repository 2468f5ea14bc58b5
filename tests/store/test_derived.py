"""Derived columns: filled at insert, added and filled in stores made before them, never exported."""
from __future__ import annotations

from lagebild.store import Store
from lagebild.store.derived import DERIVED, RANK
from lagebild.store.rows import TABLES

from ..serve.articles import all_articles

COLUMNS = [c for c, _, _ in DERIVED["events"]] + [RANK]


def _derived(store: Store) -> list[tuple]:
    cols = ", ".join(COLUMNS)
    return store.con.execute(f"SELECT article_id, id, {cols} FROM events ORDER BY 1, 2").fetchall()


def test_filled_at_insert_with_their_expressions(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest(all_articles())
        for column, _, expr in DERIVED["events"]:
            bad = store.con.execute(f"SELECT count(*) FROM events WHERE {column} IS DISTINCT FROM {expr}").fetchone()[0]
            assert bad == 0, column
        assert store.con.execute("SELECT count(*) FROM events WHERE evidence_lc <> evidence_text").fetchone()[0] > 0
        assert store.con.execute(f"SELECT count({RANK}) FROM events").fetchone()[0] == 0  # not merged yet
        store.merge()
        ranks = store.con.execute(f"SELECT {RANK}, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
        assert ranks[0][0] == 1 and ranks[-1][0] == 2  # eu-a/v1 and eu-b/v1 are one merged event


def test_a_store_made_before_gets_them_filled(tmp_path, monkeypatch):
    with Store(tmp_path / "new.duckdb") as store:
        store.ingest(all_articles())
        store.merge()
        want = _derived(store)
    path = tmp_path / "old.duckdb"
    with monkeypatch.context() as m:  # as the store was before: no derived columns, no ranks
        m.setattr("lagebild.store.derived.DERIVED", {"events": []})
        m.setattr("lagebild.store.derived.add_columns", lambda con: None)
        m.setattr("lagebild.merge.run.rank_sql", lambda clusters: "UPDATE events SET type = type WHERE FALSE")
        with Store(path) as store:
            store.ingest(all_articles())
            store.merge()
            have = {r[0] for r in store.con.execute("DESCRIBE events").fetchall()}
            assert not have & set(COLUMNS)
    from lagebild.serve.db import StoreReader

    reader = StoreReader(path)
    assert not reader.searchable and not reader.ranked  # served with the expressions, as before
    reader.close()
    with Store(path) as store:  # opened for writing: the columns are back
        assert _derived(store) == want


def test_tables_read_back_without_them(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest(all_articles())
        assert store.table("events").column_names == [c for c, _ in TABLES["events"]]
