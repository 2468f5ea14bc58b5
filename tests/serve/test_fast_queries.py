"""The fast event queries (stored search columns, stored cluster ranks) answer exactly as the
expressions they replace: every filter, sort and page, on a store merged in steps, with a re-ingested
article and reports not merged yet."""
from __future__ import annotations

import dataclasses

import pytest

from lagebild.serve import queries
from lagebild.serve.db import StoreReader
from lagebild.serve.filters import SORTS, EventFilter
from lagebild.store import Store
from lagebild.store.derived import RANK, rank_sql

from .synthetic import synthetic_articles

FILTERS = [
    {}, {"q": "drones"}, {"q": "PUTIN"}, {"q": "2024-01"}, {"actor": "putin"}, {"actor": "russian f"},
    {"recipient": "nato"}, {"recipient": "zelenskyy", "q": "two officials"}, {"asserted_only": True},
    {"modality": ("planned", "negated")}, {"language": "de"}, {"source_kind": ("anonymous", "none")},
    {"type": ("ASSAULT", "AID")}, {"actor": "trump", "asserted_only": True}, {"date_from": "2024-02-01"},
    {"outlet": ("Outlet 2",)}, {"q": "no such words"},
]


@pytest.fixture(scope="module")
def synth_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("fast") / "synth.duckdb"
    arts = synthetic_articles(130, seed=3)
    with Store(path) as store:
        store.ingest(arts[:70])
        store.merge()
        store.ingest(arts[70:120])  # an incremental merge joins new reports to stored clusters
        changed = arts[5].model_copy(deep=True)
        for e in changed.events:
            e.confidence = 1.0 - e.confidence  # re-ingested with other confidences: other representatives
        store.ingest([changed])
        store.merge()
        store.ingest(arts[120:])  # not merged yet: these reports stand for themselves
    return path


@pytest.fixture(scope="module")
def reader(synth_path):
    r = StoreReader(synth_path, memo_size=0)
    yield r
    r.close()


@pytest.fixture()
def cur(reader):
    gen = reader.cursor()
    yield next(gen)
    gen.close()


def _pair(reader: StoreReader, **kw) -> tuple[EventFilter, EventFilter]:
    fast = EventFilter(**kw, **reader.cluster_args())
    return fast, dataclasses.replace(fast, searchable=False, ranked=False)


def test_the_store_has_what_the_fast_queries_read(reader, cur):
    assert reader.searchable and reader.ranked
    multi = cur.execute("SELECT count(*) FROM merged_events WHERE n_reports > 2").fetchone()[0]
    unmerged = cur.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone()[0]
    assert multi >= 5 and unmerged > 0


def test_stored_ranks_are_those_of_a_full_recompute(synth_path, tmp_path):
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copy(synth_path, copy)
    with Store(copy) as store:
        before = store.con.execute(f"SELECT article_id, id, {RANK} FROM events ORDER BY 1, 2").fetchall()
        store.con.execute(f"UPDATE events SET {RANK} = NULL")
        store.con.execute(rank_sql("(SELECT DISTINCT cluster_id AS id FROM events)"))
        after = store.con.execute(f"SELECT article_id, id, {RANK} FROM events ORDER BY 1, 2").fetchall()
    assert before == after
    assert any(r[2] and r[2] > 2 for r in before)


@pytest.mark.parametrize("kw", FILTERS, ids=repr)
@pytest.mark.parametrize("distinct", [False, True])
def test_pages_and_counts_are_those_of_the_old_queries(reader, cur, kw, distinct):
    fast, old = _pair(reader, **kw, distinct=distinct)
    assert queries.count_events(cur, fast) == queries.count_events(cur, old)
    for sort in SORTS:
        for offset in (0, 7, 40):
            assert queries.list_events(cur, fast, sort, 9, offset) == queries.list_events(cur, old, sort, 9, offset)
    assert queries.list_events(cur, fast, "date", 20, 1000) == queries.list_events(cur, old, "date", 20, 1000)


@pytest.mark.parametrize("kw", [{}, {"asserted_only": True}, {"actor": "putin"}, {"q": "drones", "language": "en"}],
                         ids=repr)
def test_distinct_aggregates_are_those_of_the_old_queries(reader, cur, kw):
    fast, old = _pair(reader, **kw, distinct=True)
    assert queries.facets(cur, fast) == queries.facets(cur, old)
    assert queries.timeline(cur, fast) == queries.timeline(cur, old)
    assert queries.map_places(cur, fast) == queries.map_places(cur, old)
    assert queries.network(cur, fast) == queries.network(cur, old)


def test_distinct_takes_another_report_where_the_representative_does_not_match(reader, cur):
    """The filter leaves out some clusters' best reports: the best matching one stands instead (rank > 1)."""
    fast, old = _pair(reader, modality=("planned", "negated", "uncertain"), distinct=True)
    from lagebild.serve.clusters import distinct_rows

    sql, params = distinct_rows(fast, reader.cluster_index())
    ranks = [r[0] for r in cur.execute(f"SELECT e.{RANK} FROM ({sql}) d JOIN events e ON e.rowid = d.rid", params).fetchall()]
    assert any(r and r > 1 for r in ranks)
    old_sql, old_params = distinct_rows(old, reader.cluster_index())
    rids = lambda s, p: sorted(r[0] for r in cur.execute(f"SELECT rid FROM ({s})", p).fetchall())  # noqa: E731
    assert rids(sql, params) == rids(old_sql, old_params)


def test_the_api_remembers_counts_and_answers_the_same(synth_path):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    app = create_app(synth_path)
    with TestClient(app) as c:
        params = {"q": "drones", "distinct": "true", "limit": 5}
        first = c.get("/api/events", params=params).json()
        assert any(k[0] == "count" for k in app.state.reader._memo)
        assert c.get("/api/events", params=params).json() == first
        assert first["total"] == len(c.get("/api/events", params={**params, "limit": 200}).json()["events"])
