"""Merging in the store: merged events across outlets and languages, stable ids, stories, flags."""
import itertools

import pytest

from lagebild.errors import MergeError
from lagebild.store import Store

from .fixtures import all_articles, denial_en, shooting_de_a, shooting_de_b, shooting_en, trade_en


def merged(path, batches):
    with Store(path) as s:
        for batch in batches:
            s.ingest(batch)
            s.merge()
            orphans = s.con.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL OR cluster_id NOT IN "
                                    "(SELECT id FROM merged_events)").fetchone()[0]
            assert orphans == 0  # every report belongs to a merged event after every merge
        events = dict(((a, e), c) for a, e, c in s.con.execute("SELECT article_id, id, cluster_id FROM events").fetchall())
        stories = dict(s.con.execute("SELECT id, story_id FROM merged_events").fetchall())
        flags = sorted(s.con.execute("SELECT kind, side, article_id, value FROM flags").fetchall())
    return events, stories, flags


def groups(events):
    out = {}
    for k, c in events.items():
        out.setdefault(c, set()).add(k[0])
    return sorted(sorted(g) for g in out.values())


def test_one_event_three_outlets_two_languages_and_a_denial(tmp_path):
    events, stories, flags = merged(tmp_path / "m.duckdb", [all_articles()])
    assert groups(events) == [["minsk-de-a", "minsk-de-b", "minsk-denial", "minsk-en"], ["minsk-protest"], ["trade"]]
    shooting, protest, trade = (events[(a, "v1")] for a in ("minsk-en", "minsk-protest", "trade"))
    # the protest days later follows the same story; the trade deal is another
    assert stories[shooting] == stories[protest] != stories[trade]
    # the denial and the disputed figure are flagged, each report named on its side
    assert ("modality", "b", "minsk-denial", "negated") in flags
    assert {("figure", "a", "minsk-de-b", "10 Demonstranten"), ("figure", "b", "minsk-de-a", "4 Demonstranten")} <= set(flags)
    assert not any(k == "actor" or k == "date" for k, *_ in flags)


@pytest.mark.parametrize("order", list(itertools.permutations(range(3)))[::2])
def test_incremental_equals_all_at_once(tmp_path, order):
    arts = all_articles()
    once, stories_once, flags_once = merged(tmp_path / "once.duckdb", [arts])
    # the same articles one by one, the shooting's reports in another order
    shooting = [arts[i] for i in order]
    step, stories_step, flags_step = merged(tmp_path / "step.duckdb", [[a] for a in shooting + arts[3:]])
    assert groups(once) == groups(step)
    assert flags_once == flags_step
    assert len(set(stories_once.values())) == len(set(stories_step.values()))


def test_ids_stay_stable_and_absorbed_ids_are_aliased(tmp_path):
    db = tmp_path / "m.duckdb"
    with Store(db) as s:
        s.ingest([shooting_de_a()])
        s.merge()
        (first,) = s.con.execute("SELECT cluster_id FROM events").fetchone()
        (story,) = s.con.execute("SELECT story_id FROM merged_events").fetchone()
        s.ingest([shooting_en(), denial_en(), trade_en()])
        s.merge()
        ids = {a: c for a, c in s.con.execute("SELECT article_id, cluster_id FROM events").fetchall()}
        assert ids["minsk-en"] == ids["minsk-denial"] == first  # joined the first report's merged event
        assert s.con.execute("SELECT story_id FROM merged_events WHERE id = ?", [first]).fetchone()[0] == story
        assert s.con.execute("SELECT n_reports, n_articles, n_outlets, n_languages, contested FROM merged_events "
                             "WHERE id = ?", [first]).fetchone() == (3, 3, 3, 2, True)
        # merging again without new articles changes nothing
        before = s.con.execute("SELECT * FROM merged_events ORDER BY id").fetchall()
        assert s.merge()["new_events"] == 0
        assert s.con.execute("SELECT * FROM merged_events ORDER BY id").fetchall() == before


def test_two_stored_events_joined_by_a_new_report(tmp_path):
    from lagebild.merge.events import assign
    from tests.merge.test_decide import rep

    a = rep("a", text="strike on the port", trigger="strike", actors=("Q1",), recips=())
    b = rep("b", text="strike on the port", trigger="strike", actors=(), recips=("Q2",))
    bridge = rep("c", text="strike on the port", trigger="strike", actors=("Q1",), recips=("Q2",))
    mapping, aliases = assign([bridge], [a, b], {a.uid: "m-old", b.uid: "m-new"}, {"m-old": (1,), "m-new": (2,)})
    assert mapping[bridge.uid] == "m-old" and aliases == {"m-new": "m-old"} and mapping[b.uid] == "m-old"


def test_reingested_article_is_merged_again(tmp_path):
    db = tmp_path / "m.duckdb"
    with Store(db) as s:
        s.ingest([shooting_de_a(), shooting_de_b()])
        s.merge()
        assert s.con.execute("SELECT count(DISTINCT id) FROM flags WHERE kind = 'figure'").fetchone()[0] == 1
        corrected = shooting_de_b().model_copy(update={"text": shooting_de_b().text.replace("zehn", "vier")})
        s.ingest([corrected])
        s.merge()
        assert s.con.execute("SELECT count(*) FROM flags WHERE kind = 'figure'").fetchone()[0] == 0
        assert s.con.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0] == 1
        assert s.con.execute("SELECT n_reports FROM merged_events").fetchall() == [(2,)]


def test_a_failing_merge_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    import duckdb

    import lagebild.merge.run as run

    db = tmp_path / "m.duckdb"
    with Store(db) as s:
        s.ingest([shooting_de_a()])

        def broken(con, new):  # noqa: ANN001, ANN202
            con.execute("UPDATE events SET cluster_id = 'x'")
            raise duckdb.Error("disk full")

        monkeypatch.setattr(run, "_cluster", broken)
        with pytest.raises(MergeError) as err:
            s.merge()
        assert err.value.code == "E170"
        assert s.con.execute("SELECT cluster_id FROM events").fetchall() == [(None,)]


def test_a_store_clustered_by_an_earlier_version_is_merged_anew(tmp_path):
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest([shooting_de_a(), shooting_en()])
        s.con.execute("UPDATE events SET cluster_id = 'c-old'")  # what the old Store.merge left
        stats = s.merge()
        assert stats["clusters"] == 1 and stats["new_events"] == 2
        assert s.con.execute("SELECT DISTINCT cluster_id FROM events").fetchall() != [("c-old",)]


def test_an_absorbed_merged_event_takes_all_its_reports_along(tmp_path):
    # a (old) and b+b2 (newer) are two merged events; a new report shares a key with a and with b,
    # none with b2: the newer merged event is absorbed, and b2 must move with it (no report may keep
    # an id whose merged event is gone)
    from lagebild.records import Place

    from .fixtures import _article, _ent, _event

    def art(aid, published, actor=None, recip=None, place=False):  # noqa: ANN001, ANN202
        t = "Soldiers struck the port of Odesa on Monday."
        ents, places, kw = [], [], {}
        if actor:
            ents.append(_ent(t, "e1", "Soldiers", "ORG", "Soldiers", actor))
            kw["actor"] = ["e1"]
        if recip:
            ents.append(_ent(t, "e2", "Port of Odesa", "ORG", "port", recip))
            kw["recipient"] = ["e2"]
        if place:
            ents.append(_ent(t, "e3", "Odesa", "LOC", "Odesa", "Q1874"))
            places.append(Place(entity="e3", name="Odesa", geonameid=698740, lat=46.48, lon=30.73, country="UA", feature="PPLA"))
            kw["location"] = "e3"
        return _article(aid, "en", published, f"Outlet {aid}", "Strike on Odesa", t, ents,
                        [_event(t, "v1", "ASSAULT", "Soldiers struck the port of Odesa", "struck", date="2025-03-03", **kw)],
                        places=places)

    with Store(tmp_path / "m.duckdb") as s:
        s.ingest([art("a", "2025-03-03", actor="Q10")])
        s.merge()
        s.ingest([art("b", "2025-03-04", recip="Q20", place=True), art("b2", "2025-03-04", place=True)])
        s.merge()
        before = dict(s.con.execute("SELECT article_id, cluster_id FROM events").fetchall())
        s.ingest([art("bridge", "2025-03-05", actor="Q10", recip="Q20")])
        s.merge()
        after = dict(s.con.execute("SELECT article_id, cluster_id FROM events").fetchall())
        orphans = s.con.execute("SELECT count(*) FROM events WHERE cluster_id NOT IN (SELECT id FROM merged_events)").fetchone()[0]
    assert before["b"] == before["b2"] != before["a"]  # the set-up: two merged events
    assert after["bridge"] == after["a"] == after["b"]  # the bridge joins them
    assert after["b2"] == after["b"] and orphans == 0
