import datetime as dt

from lagebild.merge import cluster_events, same_event
from lagebild.merge.cluster import EventKey
from lagebild.store import Store

from ..store.test_store import make_article

D = dt.date


def key(uid, art, typ="ASSAULT", actors=("Q159",), recips=("Q212",), start=None, end=None, pub=D(2025, 7, 1), mod="asserted"):
    return EventKey(uid, art, typ, mod, frozenset(actors), frozenset(recips), start, end or start, pub)


def test_same_event_rules():
    a = key("a:v1", "a", start=D(2025, 7, 4))
    assert same_event(a, key("b:v1", "b", start=D(2025, 7, 4)))
    assert not same_event(a, key("b:v1", "b", start=D(2025, 7, 9)))                    # other day
    assert not same_event(a, key("b:v1", "b", typ="THREATEN", start=D(2025, 7, 4)))     # other type
    assert not same_event(a, key("b:v1", "b", mod="hypothetical", start=D(2025, 7, 4)))  # not the same claim
    assert not same_event(a, key("b:v1", "b", actors=("Q30",), start=D(2025, 7, 4)))    # other actor
    assert not same_event(a, key("b:v1", "b", recips=("Q142",), start=D(2025, 7, 4)))   # other target
    assert not same_event(a, key("a:v2", "a", start=D(2025, 7, 4)))                     # same article
    month = key("b:v1", "b", start=D(2025, 7, 1), end=D(2025, 7, 31))
    assert same_event(a, month)                                                          # "in July" covers 4 July
    assert same_event(key("x:v", "x"), key("y:v", "y", pub=D(2025, 7, 3)))               # undated, close
    assert not same_event(key("x:v", "x"), key("y:v", "y", pub=D(2025, 7, 30)))          # undated, far apart


def test_one_kidnapping_many_reports_is_one_cluster():
    reports = [key(f"a{i}:v1", f"a{i}", typ="COERCE", start=D(2025, 3, 2), pub=D(2025, 3, 2) + dt.timedelta(days=i % 3))
               for i in range(366)]
    other = key("z:v1", "z", typ="COERCE", start=D(2025, 5, 2))
    clusters = cluster_events(reports + [other])
    assert len({clusters[r.uid] for r in reports}) == 1
    assert clusters[other.uid] != clusters[reports[0].uid]


def test_store_merge_sets_cluster_ids(tmp_path):
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest([make_article("x1"), make_article("x2")])
        res = s.merge()
        assert res == {"events": 2, "clusters": 1}
        (n,) = s.con.execute("SELECT count(DISTINCT cluster_id) FROM events WHERE cluster_id IS NOT NULL").fetchone()
        assert n == 1
