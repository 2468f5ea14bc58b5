"""The SQL behind the API and the pages. Every value from a request is a bound parameter.

The WHERE clause comes from :meth:`EventFilter.where` (fixed fragments, ``?`` for
values); ORDER BY from the :data:`SORTS` whitelist; the timeline's bucket size from
:data:`BUCKETS`. Nothing a user sends is formatted into SQL text.
"""
from __future__ import annotations

import datetime as dt

import pyarrow as pa
from duckdb import DuckDBPyConnection as Cursor

from ..export.dates import readable, readable_day
from ..export.outlet import outlet_name, outlet_sql
from .clusters import ClusterIndex, distinct_rows
from .filters import SORTS, EventFilter, like

EVENT_COLUMNS = (
    "article_id", "id", "type", "mode", "context", "actor_ids", "actor_names", "recipient_ids",
    "recipient_names", "location_id", "location_name", "lat", "lon", "date", "date_start", "date_end",
    "modality", "attribution_id", "source_kind", "source_text", "source_count", "evidence_start",
    "evidence_end", "evidence_text", "trigger_text", "confidence", "language", "published",
)
_SELECT = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)

#: from this offset on, pages are cut from sorted row ids before the wide rows are read
DEEP_OFFSET = 1000

#: granularity -> (date_trunc part, widest date range in days that still fits one bucket)
BUCKETS = {"day": ("day", 1), "week": ("week", 7), "month": ("month", 31), "year": ("year", 366)}


def _dicts(cur: Cursor, rows: list[tuple]) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in rows]


def source(cur: Cursor, f: EventFilter) -> tuple[str, str, list]:
    """``(relation, condition, params)`` for ``FROM {relation} WHERE {condition}``.

    Normally the events table and the filter's condition. In ``distinct`` mode, the
    matching events reduced to one per cluster (its representative), so that every count
    over it counts real events rather than reports: their row ids are computed once and
    registered on the cursor (``lb_distinct``), as aggregates run several queries over them.
    """
    if not f.distinct:
        where, params = f.where()
        return "events", where, params
    rows, params = distinct_rows(f, f.clusters or ClusterIndex())
    rids = cur.execute(f"SELECT rid FROM ({rows})", params).fetchnumpy()["rid"]
    cur.register("lb_distinct", pa.table({"rid": pa.array(rids, pa.int64())}))
    return "(SELECT * FROM events WHERE rowid IN (SELECT rid FROM lb_distinct)) events", "TRUE", []


def list_events(cur: Cursor, f: EventFilter, sort: str = "-date", limit: int = 50, offset: int = 0) -> list[dict]:
    """A page of events; each row also names its cluster and how many reports, articles and outlets it has."""
    order = SORTS[sort]  # KeyError for anything not whitelisted
    select = _SELECT + (", cluster_id" if f.clustered else ", NULL::VARCHAR AS cluster_id")
    index = f.clusters or ClusterIndex()
    if f.distinct:  # sort the representatives' keys, then read the page's rows
        rows_sql, params = distinct_rows(f, index)
        sql = (f"SELECT {select} FROM events WHERE rowid IN "
               f"(SELECT rid FROM ({rows_sql}) ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}")
    else:
        where, params = f.where()
        if offset < DEEP_OFFSET:
            sql = f"SELECT {select} FROM events WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
        else:  # sort only row ids and the sort keys, then fetch the page's rows (late materialisation)
            sql = (f"SELECT {select} FROM events WHERE rowid IN "
                   f"(SELECT rowid FROM events WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}")
    rows = _dicts(cur, cur.execute(sql, [*params, limit, offset]).fetchall())
    arts = article_titles(cur, [r["article_id"] for r in rows])
    for r in rows:
        r.update(index.size(r["cluster_id"]))
        a = arts.get(r["article_id"], {})  # where the report comes from, as in the exports
        r.update(outlet=outlet_name(a.get("outlet"), a.get("url")), title=a.get("title"), url=a.get("url"))
        when = readable(r["date"])  # readable dates with their precision, for the page's scripts and API users
        r.update(date_text=when["text"], date_precision=when["precision"], published_text=readable_day(r["published"]) or None)
    return rows


def count_events(cur: Cursor, f: EventFilter) -> int:
    """Matching events; in ``distinct`` mode, matching clusters."""
    where, params = f.where()
    what = f"count(DISTINCT {f.cluster_key})" if f.distinct else "count(*)"
    return cur.execute(f"SELECT {what} FROM events WHERE {where}", params).fetchone()[0]


def facets(cur: Cursor, f: EventFilter, top: int = 20) -> dict:
    """Event counts by type, modality, source kind, language and the most frequent actors
    (in ``distinct`` mode, of the clusters' representatives)."""
    rel, where, params = source(cur, f)
    out: dict = {"total": count_events(cur, f)}
    for col in ("type", "modality", "source_kind", "language"):
        rows = cur.execute(
            f'SELECT coalesce("{col}", \'none\') k, count(*) n FROM {rel} WHERE {where} GROUP BY k ORDER BY n DESC, k',
            params,
        ).fetchall()
        out[col] = dict(rows)
    for col in ("actor_names", "recipient_names"):
        rows = cur.execute(
            f'SELECT x, count(*) n FROM (SELECT unnest("{col}") x FROM {rel} WHERE {where}) '
            "GROUP BY x ORDER BY n DESC, x LIMIT ?", [*params, top],
        ).fetchall()
        out[col.split("_")[0]] = dict(rows)
    rows = cur.execute(
        f"SELECT coalesce({outlet_sql('a')}, 'unknown') k, count(*) n FROM (SELECT article_id FROM {rel} WHERE {where}) e "
        "JOIN articles a ON a.id = e.article_id GROUP BY k ORDER BY n DESC, k LIMIT ?", [*params, max(top, 50)],
    ).fetchall()
    out["outlet"] = dict(rows)
    return out


def timeline(cur: Cursor, f: EventFilter, granularity: str = "auto", max_buckets: int = 120) -> dict:
    """Event counts per bucket of event date (by modality) and, apart, per reporting date."""
    rel, where, params = source(cur, f)
    lo, hi, undated, dated, *wider = cur.execute(
        # one time axis for all that is drawn: event dates and reporting dates alike
        "SELECT least(min(date_start), min(published)), greatest(max(date_start), max(published)), "
        "count(*) FILTER (WHERE date_start IS NULL), count(date_start), "
        + ", ".join(f"count(*) FILTER (WHERE date_end - date_start >= {w})" for _, w in BUCKETS.values())
        + f" FROM {rel} WHERE {where}",
        params,
    ).fetchone()
    if granularity == "auto":
        # the finest bucket that keeps the bars few and draws at least 80% of the dated events
        days = (hi - lo).days if lo and hi else 0
        granularity = "year"
        for (g, (_, width)), n_wider in zip(BUCKETS.items(), wider):
            if days / width <= max_buckets and n_wider <= 0.2 * dated:
                granularity = g
                break
    part, width = BUCKETS[granularity]
    rows = cur.execute(
        f"SELECT date_trunc('{part}', date_start)::DATE b, modality, count(*) FROM {rel} "
        f"WHERE {where} AND date_start IS NOT NULL AND date_end - date_start < {width} GROUP BY ALL ORDER BY b",
        params,
    ).fetchall()
    coarse = cur.execute(
        f"SELECT count(*) FROM {rel} WHERE {where} AND date_start IS NOT NULL AND date_end - date_start >= {width}",
        params,
    ).fetchone()[0]
    buckets: dict[dt.date, dict[str, int]] = {}
    for b, modality, n in rows:
        buckets.setdefault(b, {})[modality] = n
    published = cur.execute(
        f"SELECT date_trunc('{part}', published)::DATE b, count(*) FROM {rel} WHERE {where} AND published IS NOT NULL "
        "GROUP BY b ORDER BY b", params,
    ).fetchall()
    return {
        "granularity": granularity,
        "first": lo, "last": hi,
        "buckets": [{"start": b, "end": bucket_end(b, granularity), "counts": c} for b, c in buckets.items()],
        "published": [{"start": b, "end": bucket_end(b, granularity), "count": n} for b, n in published],
        "undated": undated,
        "coarser": coarse,
    }


def bucket_end(start: dt.date, granularity: str) -> dt.date:
    if granularity == "day":
        return start
    if granularity == "week":
        return start + dt.timedelta(days=6)
    if granularity == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


def map_places(cur: Cursor, f: EventFilter, limit: int = 2000) -> dict:
    """Event places with counts by modality, and the other places the same articles name."""
    rel, where, params = source(cur, f)
    rows = cur.execute(
        f"SELECT location_name, round(lat, 3) la, round(lon, 3) lo, modality, count(*) FROM {rel} "
        f"WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL",
        params,
    ).fetchall()
    places: dict[tuple, dict] = {}
    for name, lat, lon, modality, n in rows:
        p = places.setdefault((name, lat, lon), {"name": name, "lat": lat, "lon": lon, "count": 0, "modalities": {}})
        p["count"] += n
        p["modalities"][modality] = n
    events = sorted(places.values(), key=lambda p: (-p["count"], p["name"] or ""))[:limit]
    named = cur.execute(
        "SELECT name, round(lat, 3), round(lon, 3), count(DISTINCT article_id) n FROM places "
        f"WHERE lat IS NOT NULL AND lon IS NOT NULL AND article_id IN (SELECT article_id FROM {rel} WHERE {where}) "
        "GROUP BY ALL ORDER BY n DESC, name LIMIT ?", [*params, limit],
    ).fetchall()
    return {
        "events": events,
        "named": [{"name": n, "lat": la, "lon": lo, "articles": c} for n, la, lo, c in named],
    }


def network(cur: Cursor, f: EventFilter, max_nodes: int = 40, max_edges: int = 1000) -> dict:
    """Who acts on whom: actor -> recipient edges by event type, among the busiest actors."""
    rel, where, params = source(cur, f)
    rows = cur.execute(
        "WITH pairs AS (SELECT actor, recipient, type, count(*) n FROM ("
        "  SELECT actor, unnest(recips) recipient, type FROM ("
        f"    SELECT unnest(actor_names) actor, recipient_names recips, type FROM {rel} WHERE {where}"
        "    AND len(actor_names) > 0 AND len(recipient_names) > 0)) WHERE actor <> recipient GROUP BY ALL), "
        "w AS (SELECT name, sum(n)::BIGINT wt FROM (SELECT actor name, n FROM pairs UNION ALL "
        "      SELECT recipient, n FROM pairs) GROUP BY name), "
        "top AS (SELECT name, wt FROM w ORDER BY wt DESC, name LIMIT ?) "
        "SELECT p.actor, p.recipient, p.type, p.n, a.wt, r.wt, (SELECT count(*) FROM w) FROM pairs p "
        "JOIN top a ON a.name = p.actor JOIN top r ON r.name = p.recipient "
        "ORDER BY p.n DESC, p.actor, p.recipient, p.type LIMIT ?",
        [*params, max_nodes, max_edges],
    ).fetchall()
    weight: dict[str, int] = {}
    for a, r, _, _, wa, wr, _ in rows:
        weight[a], weight[r] = wa, wr
    return {
        "nodes": [{"id": k, "events": weight[k]} for k in sorted(weight, key=lambda k: (-weight[k], k))],
        "edges": [{"source": a, "target": r, "type": t, "count": n} for a, r, t, n, *_ in rows],
        "nodes_total": rows[0][6] if rows else 0,
    }


def article_list(cur: Cursor, q: str | None, language: str | None, limit: int, offset: int) -> tuple[list[dict], int]:
    parts, params = ["TRUE"], []
    if q:
        parts.append("(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\' OR id = ?)")
        params += [like(q), like(q), q]
    if language:
        parts.append("language = ?")
        params.append(language)
    where = " AND ".join(parts)
    total = cur.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]
    rows = cur.execute(
        "SELECT id, title, language, published, url, path, outlet, n_events, length(text) AS chars FROM articles "
        f"WHERE {where} ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?", [*params, limit, offset],
    ).fetchall()
    return _dicts(cur, rows), total


def article_titles(cur: Cursor, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    rows = cur.execute(
        "SELECT id, title, url, path, outlet FROM articles WHERE id IN (SELECT unnest(?))", [list(set(ids))]
    ).fetchall()
    return {r[0]: dict(zip(("id", "title", "url", "path", "outlet"), r)) for r in rows}


_ENTITY_EVENTS = (
    "SELECT x AS name, count(*) FILTER (WHERE role = 'a') AS as_actor, count(*) FILTER (WHERE role = 'r') AS as_recipient "
    "FROM (SELECT unnest(actor_names) x, 'a' AS role FROM events UNION ALL "
    "      SELECT unnest(recipient_names) x, 'r' AS role FROM events) GROUP BY x"
)


def entity_list(cur: Cursor, q: str | None, etype: str | None, limit: int, offset: int) -> tuple[list[dict], int]:
    parts, params = ["TRUE"], []
    if q:
        parts.append("name ILIKE ? ESCAPE '\\'")
        params.append(like(q))
    if etype:
        parts.append("type = ?")
        params.append(etype)
    where = " AND ".join(parts)
    total = cur.execute(f"SELECT count(*) FROM (SELECT DISTINCT name, type FROM entities WHERE {where})", params).fetchone()[0]
    rows = cur.execute(
        "WITH ent AS (SELECT name, type, any_value(qid) qid, any_value(country) country, any_value(sector) sector, "
        f"  count(DISTINCT article_id) articles, sum(n_mentions)::BIGINT mentions FROM entities WHERE {where} GROUP BY name, type), "
        f"ev AS ({_ENTITY_EVENTS}) "
        "SELECT ent.*, coalesce(ev.as_actor, 0) as_actor, coalesce(ev.as_recipient, 0) as_recipient "
        "FROM ent LEFT JOIN ev USING (name) "
        "ORDER BY as_actor + as_recipient DESC, mentions DESC, name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return _dicts(cur, rows), total


def entity_detail(cur: Cursor, name: str) -> dict | None:
    rows = cur.execute(
        "SELECT e.article_id, e.id, e.type, e.qid, e.country, e.sector, e.n_mentions, a.title, a.published "
        "FROM entities e JOIN articles a ON a.id = e.article_id WHERE e.name = ? "
        "ORDER BY a.published DESC NULLS LAST, e.article_id",
        [name],
    ).fetchall()
    mentions = _dicts(cur, rows)
    roles = cur.execute(
        "SELECT count(*) FILTER (WHERE list_contains(actor_names, ?)), count(*) FILTER (WHERE list_contains(recipient_names, ?)) "
        "FROM events", [name, name],
    ).fetchone()
    if not rows and not any(roles):
        return None
    return {
        "name": name,
        "types": sorted({m["type"] for m in mentions}),
        "qids": sorted({m["qid"] for m in mentions if m["qid"]}),
        "actors": sorted({f"{m['country'] or '?'}/{m['sector'] or '?'}" for m in mentions if m["country"] or m["sector"]}),
        "as_actor": roles[0],
        "as_recipient": roles[1],
        "articles": mentions,
    }
