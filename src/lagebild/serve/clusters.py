"""Merged events (clusters of reports of one real-world event, written by ``lagebild.merge``) for serving.

:class:`ClusterIndex` is loaded once per open store (it is read-only, so it never goes
stale): the size of every cluster of more than one report and the row of its
representative. With it, sizes are dictionary lookups, and ``distinct`` needs a window
function only over clusters whose overall representative does not match the filter.
Stores made before merging (no ``cluster_id`` column or no ``merged_events`` table) or never
merged get an empty index: every event is its own cluster.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pyarrow as pa
from duckdb import DuckDBPyConnection as Cursor

from ..store.derived import RANK
from .filters import REPRESENTATIVE, EventFilter

#: the size of a cluster of one
SINGLE = {"n_reports": 1, "n_articles": 1, "n_outlets": 1}
#: what the distinct relation carries: the row id, the cluster, and every column a sort order uses
_KEYS = "rowid AS rid, cluster_id, date_start, date_end, published, confidence, type, article_id, evidence_start, id"


@dataclass(frozen=True)
class ClusterIndex:
    """Clusters of more than one report: ``sizes[cluster] = (reports, articles, outlets)``, and the row id of
    each one's representative over all its reports."""

    sizes: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    reps: list[int] = field(default_factory=list)

    @property
    def multi(self) -> list[str]:
        return list(self.sizes)

    def register(self, cur: Cursor) -> None:
        """Make the index visible to SQL on this cursor as ``lb_cluster_multi(cluster_id)`` and
        ``lb_cluster_reps(rid)`` (Arrow tables, no copy; a read-only store cannot hold them, and as
        bound parameters thousands of values would be planned anew on every query)."""
        if self.sizes:
            multi, reps = self._tables
            cur.register("lb_cluster_multi", multi)
            cur.register("lb_cluster_reps", reps)

    @cached_property
    def _tables(self) -> tuple[pa.Table, pa.Table]:
        return (pa.table({"cluster_id": pa.array(self.multi, pa.string())}),
                pa.table({"rid": pa.array(self.reps, pa.int64())}))

    def size(self, cluster: str | None) -> dict:
        s = self.sizes.get(cluster) if cluster else None
        return {"n_reports": s[0], "n_articles": s[1], "n_outlets": s[2]} if s else dict(SINGLE)


def load_index(cur: Cursor, clustered: bool) -> ClusterIndex:
    """Sizes and representatives as ``merge/`` stored them (``merged_events``); serve only reads them."""
    if not clustered:
        return ClusterIndex()
    rows = cur.execute(
        "SELECT m.id, m.n_reports, m.n_articles, m.n_outlets, e.rowid FROM merged_events m "
        "JOIN events e ON e.article_id = m.rep_article_id AND e.id = m.rep_event_id WHERE m.n_reports > 1"
    ).fetchall()
    return ClusterIndex({c: (n, na, no) for c, n, na, no, _ in rows}, [r[4] for r in rows])


def distinct_rows(f: EventFilter, index: ClusterIndex) -> tuple[str, list]:
    """SQL (and parameters) of the events matching ``f``, one per cluster: the best-ranked matching report
    (:data:`REPRESENTATIVE`). Events of no cluster or a cluster of one stand for themselves; a cluster
    whose overall representative matches is represented by it; only the remaining clusters are ranked."""
    where, params = f.where()
    if not f.clustered:
        return f"SELECT {_KEYS.replace('cluster_id', 'NULL::VARCHAR AS cluster_id')} FROM events WHERE {where}", params
    if not index.sizes:
        return f"SELECT {_KEYS} FROM events WHERE {where}", params
    if f.ranked and where == "TRUE":  # every representative matches: they (and the unmerged) are the rows
        return f"SELECT {_KEYS} FROM events WHERE {RANK} = 1 OR cluster_id IS NULL", params
    if f.ranked:  # merge stored each report's rank in its cluster: the matching rank 1 (or unmerged) stand
        return (
            f"WITH m AS (SELECT {_KEYS}, {RANK} FROM events WHERE {where}) "
            f"SELECT * EXCLUDE ({RANK}) FROM m WHERE {RANK} = 1 OR cluster_id IS NULL "
            f"UNION ALL (SELECT * EXCLUDE ({RANK}) FROM m WHERE {RANK} > 1 "
            f"AND cluster_id NOT IN (SELECT cluster_id FROM m WHERE {RANK} = 1) "
            f"QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY {RANK}) = 1)"
        ), params
    sql = (  # the cursor must have the index registered (StoreReader.cursor does it)
        f"WITH m AS (SELECT {_KEYS} FROM events WHERE {where}), "
        "r AS (SELECT * FROM m WHERE rid IN (SELECT rid FROM lb_cluster_reps)) "
        "SELECT * FROM m WHERE cluster_id IS NULL OR cluster_id NOT IN (SELECT cluster_id FROM lb_cluster_multi) "
        "UNION ALL SELECT * FROM r "
        "UNION ALL (SELECT * FROM m WHERE cluster_id IN (SELECT cluster_id FROM lb_cluster_multi) "
        "AND cluster_id NOT IN (SELECT cluster_id FROM r) "
        f"QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY {REPRESENTATIVE}) = 1)"
    )
    return sql, params


def event_clusters(cur: Cursor, keys: list[tuple[str, str]], index: ClusterIndex, clustered: bool = True) -> dict:
    """``(article_id, event_id) -> {cluster_id, n_reports, n_articles, n_outlets}`` for the given events."""
    if not keys or not clustered:
        return {k: {"cluster_id": None, **SINGLE} for k in keys}
    rows = cur.execute(
        "SELECT article_id, id, cluster_id FROM events WHERE article_id IN (SELECT unnest(?)) "
        "AND id IN (SELECT unnest(?))", [list({a for a, _ in keys}), list({i for _, i in keys})],
    ).fetchall()
    ids = {(a, i): c for a, i, c in rows}
    return {k: {"cluster_id": ids.get(k), **index.size(ids.get(k))} for k in keys}


_REPORT = (
    "SELECT e.article_id, e.id, e.type, e.modality, e.date, e.date_start, e.date_end, e.source_kind, e.source_text, "
    "e.source_count, e.confidence, e.evidence_text, e.cluster_id, a.title, a.published, a.outlet, a.url "
    "FROM events e JOIN articles a ON a.id = e.article_id "
)


def cluster_reports(cur: Cursor, article_id: str, event_id: str, index: ClusterIndex, clustered: bool = True,
                    related: int = 20, most: int = 200) -> dict:
    """The other reports of an event's cluster (the first ``most``), and reports of the same type and actor
    with another modality published within two weeks (separate clusters by design: "will strike" is not
    "struck")."""
    out: dict = {"id": None, **SINGLE, "reports": [], "related": []}
    if not clustered:
        return out
    me = cur.execute(
        "SELECT cluster_id, type, modality, actor_keys, published FROM events WHERE article_id = ? AND id = ?",
        [article_id, event_id],
    ).fetchone()
    if me is None:
        return out
    cid, typ, modality, actor_keys, published = me
    names = lambda c: [d[0] for d in c.description]  # noqa: E731
    if cid:
        out["id"] = cid
        out.update(index.size(cid))
        if out["n_reports"] > 1:
            c = cur.execute(
                _REPORT + "WHERE e.cluster_id = ? AND NOT (e.article_id = ? AND e.id = ?) "
                "ORDER BY a.published NULLS LAST, e.article_id, e.id LIMIT ?", [cid, article_id, event_id, most],
            )
            out["reports"] = [dict(zip(names(c), r)) for r in c.fetchall()]
    if actor_keys and published:
        c = cur.execute(
            _REPORT + "WHERE e.type = ? AND e.modality <> ? AND len(list_intersect(e.actor_keys, ?)) > 0 "
            "AND e.published BETWEEN ?::DATE - 14 AND ?::DATE + 14 "
            "ORDER BY abs(e.published - ?::DATE), e.modality, e.article_id, e.id LIMIT ?",
            [typ, modality, list(actor_keys), published, published, published, related],
        )
        out["related"] = [dict(zip(names(c), r)) for r in c.fetchall()]
    return out


def ranks_agree(cur: Cursor, index: ClusterIndex) -> bool:
    """Whether the store's ranks (``merge/`` writes them) name the reports that stand for themselves exactly as
    ``index`` does: then :func:`distinct_rows` may read them (else it ranks as stores without them need)."""
    if not index.sizes:
        return True
    index.register(cur)
    bad = cur.execute(
        f"SELECT count(*) FROM events WHERE (cluster_id IS NOT NULL AND {RANK} IS NULL) OR "
        f"(cluster_id IS NULL OR coalesce({RANK} = 1, FALSE)) <> (cluster_id IS NULL OR rowid IN (SELECT rid FROM "
        "lb_cluster_reps) OR cluster_id NOT IN (SELECT cluster_id FROM lb_cluster_multi))"
    ).fetchone()[0]
    return bad == 0
