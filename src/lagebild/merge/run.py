"""Merging what is new in a store: merged events, stories and flags, written to the store.

:func:`merge_store` takes the events no merge has seen yet (``events.cluster_id`` is NULL:
newly ingested, or re-ingested with changed content), looks up the stored reports that
share a blocking key within the time window (``merge_keys``, read by day so that only the
days around the new reports are scanned), decides, and rewrites only the merged events,
stories and flags the new reports touch. Its cost grows with the new reports and their
neighbours, not with the store (``bench/merge.py``). A full merge is the same function on
a store where nothing was merged yet, so ``ingest`` after ``ingest`` and one ``ingest`` of
everything give the same merged events.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict

import duckdb
import pyarrow as pa

from ..errors import MergeError
from ..store.derived import rank_sql
from ..store.rows import identity_key
from .decide import WINDOW_DAYS, block_keys
from .events import assign, order_key
from .flags import event_flags
from .reports import SELECT, Report, from_row
from .represent import REPRESENTATIVE as REP
from .stories import StoryState, article_terms, choose, story_id, tfidf

_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"


def _register(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list], types: dict[str, pa.DataType]) -> None:
    con.register(name, pa.table({c: pa.array(v, types[c]) for c, v in columns.items()}))


def _insert(con: duckdb.DuckDBPyConnection, sql: str, table: str, rows: list[tuple]) -> None:
    """Many rows at once (``executemany`` runs one statement per row): ``sql`` reads them from ``lb_rows``,
    whose columns are those of ``table``, in order."""
    if not rows:
        return
    from ..store.merged import MERGE_TABLES

    names = [c for c, _ in MERGE_TABLES[table]][: len(rows[0])]
    con.register("lb_rows", pa.table({c: [r[i] for r in rows] for i, c in enumerate(names)}))
    try:
        con.execute(sql)
    finally:
        con.unregister("lb_rows")


def _reports(con: duckdb.DuckDBPyConnection, where: str, params: list | None = None) -> list[Report]:
    return [from_row(r) for r in con.execute(f"SELECT {SELECT} {_FROM} WHERE {where}", params or []).fetchall()]


def merge_store(store) -> dict[str, int]:  # noqa: ANN001 - lagebild.store.Store
    """Merge the store's new events; returns counts of what the store now holds."""
    con = store.con
    try:
        con.execute("BEGIN TRANSACTION")
        stats = _merge(con)
        con.execute("COMMIT")
    except duckdb.Error as err:
        con.execute("ROLLBACK")
        raise MergeError(f"merge failed, the store is as before: {err}", path=store.path) from err
    finally:
        for name in ("lb_new_keys", "lb_cand", "lb_assign", "lb_affected"):
            try:
                con.unregister(name)
            except duckdb.Error:
                pass
    return stats


def _day(r: Report) -> dt.date | None:
    return r.published or r.start


def _merge(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    if con.execute("SELECT count(*) FROM merged_events").fetchone()[0] == 0:
        # a store clustered by an earlier version (cluster ids, no merged events): merge it anew
        con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
    new = sorted(_reports(con, "e.cluster_id IS NULL"), key=order_key)
    new_articles = [r[0] for r in con.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles WHERE own) "
        "ORDER BY published NULLS LAST, id").fetchall()]
    affected: set[str] = set()
    if new:
        # re-ingested articles: their old reports are gone; forget their keys, redo their clusters
        redo = sorted({r.article_id for r in new})
        old = con.execute("SELECT DISTINCT cluster_id FROM merge_keys WHERE article_id IN (SELECT unnest(?))",
                          [redo]).fetchall()
        affected |= {c for (c,) in old if c}
        con.execute("DELETE FROM merge_keys WHERE article_id IN (SELECT unnest(?))", [redo])
        con.execute("DELETE FROM flags WHERE article_id IN (SELECT unnest(?))", [redo])
        affected |= _cluster(con, new)
    stories = _stories(con, new_articles)
    _refresh(con, affected)
    con.execute(rank_sql("(SELECT old_id AS id FROM merge_aliases)"))  # reports left under an absorbed id
    _refresh_stories(con, stories | _stories_of(con, affected))
    (n_events,), (n_clusters,), (n_stories,), (n_flags,) = (
        con.execute(q).fetchone() for q in (
            "SELECT count(*) FROM events", "SELECT count(*) FROM merged_events", "SELECT count(*) FROM stories",
            "SELECT count(DISTINCT id) FROM flags"))
    return {"events": n_events, "clusters": n_clusters, "stories": n_stories, "flags": n_flags,
            "new_events": len(new), "new_articles": len(new_articles)}


def _cluster(con: duckdb.DuckDBPyConnection, new: list[Report]) -> set[str]:
    """Assign the new reports to merged events; returns the merged events that changed."""
    keys: dict[str, list] = {"key": [], "lo": [], "hi": []}
    days = [d for d in map(_day, new) if d]
    for r in new:
        d = _day(r)
        if d is None:
            continue
        for k in block_keys(r):
            keys["key"].append(k)
            keys["lo"].append(d - dt.timedelta(days=WINDOW_DAYS))
            keys["hi"].append(d + dt.timedelta(days=WINDOW_DAYS))
    stored: list[Report] = []
    clusters: dict[str, str] = {}
    if keys["key"]:
        _register(con, "lb_new_keys", keys, {"key": pa.string(), "lo": pa.date32(), "hi": pa.date32()})
        lo, hi = min(days) - dt.timedelta(days=WINDOW_DAYS), max(days) + dt.timedelta(days=WINDOW_DAYS)
        cand = con.execute(
            "SELECT DISTINCT k.article_id, k.event_id, k.cluster_id FROM merge_keys k JOIN lb_new_keys n "
            "ON k.key = n.key AND k.day BETWEEN n.lo AND n.hi WHERE k.day BETWEEN ? AND ?", [lo, hi],
        ).fetchall()
        if cand:
            _register(con, "lb_cand", {"a": [c[0] for c in cand], "e": [c[1] for c in cand]},
                      {"a": pa.string(), "e": pa.string()})
            stored = [from_row(r) for r in con.execute(
                f"SELECT {SELECT} {_FROM} JOIN lb_cand c ON c.a = e.article_id AND c.e = e.id").fetchall()]
            clusters = {f"{a}\x1f{e}": c for a, e, c in cand}
    first_seen = {}
    if clusters:
        ids = sorted(set(clusters.values()))
        first_seen = {c: (p or dt.date.max,) for c, p in con.execute(
            "SELECT id, first_published FROM merged_events WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}
    mapping, aliases = assign(new, stored, clusters, first_seen)
    uids = list(mapping)
    _register(con, "lb_assign", {"a": [u.split("\x1f")[0] for u in uids], "e": [u.split("\x1f")[1] for u in uids],
                                 "c": [mapping[u] for u in uids]}, {"a": pa.string(), "e": pa.string(), "c": pa.string()})
    con.execute("UPDATE events SET cluster_id = s.c FROM lb_assign s WHERE events.article_id = s.a AND events.id = s.e")
    con.execute("UPDATE merge_keys SET cluster_id = s.c FROM lb_assign s "
                "WHERE merge_keys.article_id = s.a AND merge_keys.event_id = s.e")
    if aliases:
        _insert(con, "INSERT OR REPLACE INTO merge_aliases SELECT * FROM lb_rows", "merge_aliases", sorted(aliases.items()))
        # earlier aliases of an absorbed id now point at the survivor
        con.execute("UPDATE merge_aliases SET new_id = s.n FROM (SELECT unnest(?) o, unnest(?) n) s "
                    "WHERE merge_aliases.new_id = s.o", [list(aliases), [aliases[a] for a in aliases]])
        # every report of an absorbed merged event moves, not only the ones this merge compared
        # (a report outside the new reports' blocking keys would keep an id with no merged event)
        pairs = [list(aliases), [aliases[a] for a in aliases]]
        for table in ("events", "merge_keys"):
            con.execute(f"UPDATE {table} SET cluster_id = s.n FROM (SELECT unnest(?) o, unnest(?) n) s "
                        f"WHERE {table}.cluster_id = s.o", pairs)
        con.execute("DELETE FROM merged_events WHERE id IN (SELECT unnest(?))", [list(aliases)])
        con.execute("DELETE FROM flags WHERE merged_event_id IN (SELECT unnest(?))", [list(aliases)])
    rows = sorted(((k, r.article_id, r.event_id, _day(r), mapping[r.uid]) for r in new if _day(r)
                   for k in block_keys(r)), key=lambda x: (x[3], x[0]))
    if rows:
        cols = list(zip(*rows))
        _register(con, "lb_new_keys", {"key": list(cols[0]), "a": list(cols[1]), "e": list(cols[2]),
                                       "day": list(cols[3]), "c": list(cols[4])},
                  {"key": pa.string(), "a": pa.string(), "e": pa.string(), "day": pa.date32(), "c": pa.string()})
        con.execute("INSERT OR IGNORE INTO merge_keys SELECT key, a, e, day, c FROM lb_new_keys")
    return set(mapping.values())


def _stories(con: duckdb.DuckDBPyConnection, articles: list[str]) -> set[str]:
    """Put each new article in a story (in publication order); returns the stories that changed."""
    if not articles:
        return set()
    meta = {r[0]: r[1:] for r in con.execute(
        "SELECT id, published, title, left(text, 800), language FROM articles WHERE id IN (SELECT unnest(?))",
        [articles]).fetchall()}
    ents: dict[str, Counter] = defaultdict(Counter)
    for aid, qid, name, n in con.execute(
            "SELECT article_id, qid, name, n_mentions FROM entities WHERE article_id IN (SELECT unnest(?)) "
            "AND type IN ('PER', 'ORG', 'LOC', 'EVENT')", [articles]).fetchall():
        ents[aid][identity_key(qid, name)] += n or 1
    terms = {a: article_terms(ents[a], meta[a][1], meta[a][2] or "", meta[a][3] or "en") for a in articles}
    vocab = sorted({t for c in terms.values() for t in c})
    df = dict(con.execute("SELECT term, n FROM merge_df WHERE term IN (SELECT unnest(?))", [vocab]).fetchall())
    (n_docs,) = con.execute("SELECT count(*) FROM story_articles WHERE own").fetchone()
    # the stories the new articles can join: active in their time span and sharing a term
    days = [meta[a][0] for a in articles if meta[a][0]]
    lo = min(days) - dt.timedelta(days=21) if days else dt.date.min
    states: dict[str, StoryState] = {}
    for sid, first, last, tj in con.execute(
            "SELECT s.id, s.first_date, s.last_date, s.terms FROM stories s WHERE (s.last_date >= ? OR s.last_date IS NULL) "
            "AND s.id IN (SELECT story_id FROM story_terms WHERE term IN (SELECT unnest(?)))", [lo, vocab]).fetchall():
        states[sid] = StoryState(sid, first, last, Counter(json.loads(tj or "{}")))
    # stories the articles' events were merged into
    votes: dict[str, Counter] = defaultdict(Counter)
    for aid, sid, n, total in con.execute(
            "SELECT e.article_id, m.story_id, count(*), any_value(a.n_events) FROM events e "
            "JOIN merged_events m ON m.id = e.cluster_id JOIN articles a ON a.id = e.article_id "
            "WHERE e.article_id IN (SELECT unnest(?)) AND m.story_id IS NOT NULL GROUP BY ALL", [articles]).fetchall():
        votes[aid][sid] = n / max(total or 1, 1)
    changed: set[str] = set()
    own_rows, df_add = [], Counter()
    for aid in articles:
        day = meta[aid][0]
        vector = tfidf(terms[aid], df, n_docs + 1)
        best, _ = choose(vector, day, list(states.values()), votes[aid])
        if best is None:
            best = StoryState(story_id(aid), day, day)
            states[best.id] = best
        best.add(vector, day)
        changed.add(best.id)
        own_rows.append((best.id, aid))
        for t in terms[aid]:
            df[t] = df.get(t, 0) + 1
            df_add[t] += 1
        n_docs += 1
    _insert(con, "INSERT OR REPLACE INTO story_articles SELECT story_id, article_id, TRUE FROM lb_rows", "story_articles",
            own_rows)
    if df_add:
        _insert(con, "INSERT INTO merge_df SELECT * FROM lb_rows ON CONFLICT (term) DO UPDATE SET n = n + excluded.n", "merge_df",
                        sorted(df_add.items()))
    term_rows: list[tuple[str, str]] = []
    story_rows = []
    for sid in sorted(changed):
        st = states[sid]
        story_rows.append((sid, None, st.first, st.last, None, None, None, None, json.dumps(dict(st.terms))))
        term_rows += [(t, sid) for t in sorted(st.terms)]
    _insert(con, "INSERT INTO stories SELECT * FROM lb_rows ON CONFLICT (id) DO UPDATE SET terms = excluded.terms, "
            "first_date = excluded.first_date, last_date = excluded.last_date", "stories", story_rows)
    _insert(con, "INSERT OR IGNORE INTO story_terms SELECT * FROM lb_rows", "story_terms", term_rows)
    return changed


def _stories_of(con: duckdb.DuckDBPyConnection, clusters: set[str]) -> set[str]:
    if not clusters:
        return set()
    return {s for (s,) in con.execute("SELECT DISTINCT story_id FROM merged_events WHERE id IN (SELECT unnest(?)) "
                                      "AND story_id IS NOT NULL", [sorted(clusters)]).fetchall()}


def _refresh(con: duckdb.DuckDBPyConnection, clusters: set[str]) -> None:
    """Recompute the rows, representative, story and flags of these merged events."""
    if not clusters:
        return
    ids = sorted(clusters)
    _register(con, "lb_affected", {"id": ids}, {"id": pa.string()})
    keep = dict(con.execute("SELECT id, story_id FROM merged_events WHERE id IN (SELECT id FROM lb_affected)").fetchall())
    con.execute("DELETE FROM merged_events WHERE id IN (SELECT id FROM lb_affected)")
    con.execute("DELETE FROM flags WHERE merged_event_id IN (SELECT id FROM lb_affected)")
    reports: dict[str, list[Report]] = defaultdict(list)
    for row in con.execute(f"SELECT e.cluster_id, {SELECT} {_FROM} WHERE e.cluster_id IN (SELECT id FROM lb_affected)").fetchall():
        reports[row[0]].append(from_row(row[1:]))
    own = dict(con.execute("SELECT article_id, story_id FROM story_articles WHERE own AND article_id IN "
                           "(SELECT DISTINCT article_id FROM events WHERE cluster_id IN (SELECT id FROM lb_affected))").fetchall())
    story = {}
    for cid, rs in reports.items():
        first = min(rs, key=order_key)
        story[cid] = keep.get(cid) or own.get(first.article_id)
    flags = []
    for cid in sorted(reports):
        for f in event_flags(cid, sorted(reports[cid], key=order_key)):
            for side, group, value in (("a", f.a, f.a_value), ("b", f.b, f.b_value)):
                flags += [(f.id, side, r.article_id, r.event_id, f.kind, cid, story[cid], value, r.modality,
                           r.evidence_start, r.evidence_end, r.evidence, r.outlet) for r in group]
    if flags:
        _insert(con, "INSERT OR IGNORE INTO flags SELECT * FROM lb_rows", "flags", flags)
    con.execute(
        "INSERT INTO merged_events SELECT r.cluster_id, NULL, r.type, r.modality, r.date, r.date_start, r.date_end, "
        "r.fp, r.lp, r.n, r.na, o.n_outlets, r.nl, r.ra, r.re, 0, FALSE FROM ("
        f"  SELECT cluster_id, first(type ORDER BY {REP}) type, first(modality ORDER BY {REP}) modality, "
        f"  first(date ORDER BY {REP}) date, first(date_start ORDER BY {REP}) date_start, "
        f"  first(date_end ORDER BY {REP}) date_end, min(published) fp, max(published) lp, count(*) n, "
        f"  count(DISTINCT article_id) na, count(DISTINCT language) nl, first(article_id ORDER BY {REP}) ra, "
        f"  first(id ORDER BY {REP}) re FROM events WHERE cluster_id IN (SELECT id FROM lb_affected) GROUP BY 1) r "
        "JOIN (SELECT e.cluster_id, count(DISTINCT coalesce(a.outlet, a.id)) n_outlets FROM events e "
        "  JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IN (SELECT id FROM lb_affected) GROUP BY 1) o "
        "ON o.cluster_id = r.cluster_id")
    con.execute(rank_sql("lb_affected"))  # which report stands for each, for serve's distinct rows
    _register(con, "lb_affected", {"id": list(story), "s": [story[c] for c in story]},
              {"id": pa.string(), "s": pa.string()})
    con.execute("UPDATE merged_events SET story_id = s.s FROM lb_affected s WHERE merged_events.id = s.id")
    con.execute("UPDATE merged_events SET n_flags = f.n, contested = TRUE FROM (SELECT merged_event_id, "
                "count(DISTINCT id) n FROM flags WHERE merged_event_id IN (SELECT id FROM lb_affected) GROUP BY 1) f "
                "WHERE merged_events.id = f.merged_event_id")
    # an article belongs to the stories of its merged events too
    con.execute("INSERT OR IGNORE INTO story_articles SELECT DISTINCT m.story_id, e.article_id, FALSE FROM events e "
                "JOIN merged_events m ON m.id = e.cluster_id WHERE m.id IN (SELECT id FROM lb_affected) "
                "AND m.story_id IS NOT NULL")


def _refresh_stories(con: duckdb.DuckDBPyConnection, stories: set[str]) -> None:
    if not stories:
        return
    ids = sorted(s for s in stories if s)
    con.execute(
        "UPDATE stories SET n_events = x.ne, n_flags = x.nf FROM ("
        "  SELECT s.id, (SELECT count(*) FROM merged_events m WHERE m.story_id = s.id) ne, "
        "  (SELECT count(DISTINCT f.id) FROM flags f WHERE f.story_id = s.id) nf "
        "  FROM stories s WHERE s.id IN (SELECT unnest(?))) x WHERE stories.id = x.id", [ids])
    con.execute(
        "UPDATE stories SET n_articles = x.na, n_outlets = x.no, title = coalesce(stories.title, x.t) FROM ("
        "  SELECT sa.story_id, count(DISTINCT sa.article_id) na, count(DISTINCT coalesce(a.outlet, a.id)) no, "
        "  any_value(coalesce(a.title, left(a.text, 100)) ORDER BY a.published NULLS LAST, a.id) "
        "  FILTER (WHERE sa.own) t FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
        "  WHERE sa.story_id IN (SELECT unnest(?)) GROUP BY 1) x WHERE stories.id = x.story_id", [ids])
