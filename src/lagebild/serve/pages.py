"""The HTML pages: events (timeline, filters, cards), one event, articles, entities, map, network.

Rendered server-side with Jinja2 (autoescaping on); the little JavaScript in
``static/`` only submits filters, and draws the map and the network from the API.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..records import PLOVER_TYPES
from . import queries
from .annotate import article_marks, event_card, highlight, safe_url
from .api import Cur, Filter, Offset, cluster_info
from .clusters import SINGLE, event_clusters
from .filters import MODALITIES, SOURCE_KINDS, EventFilter, SortParam
from .outlets import outlets

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 25
MODALITY_ORDER = ("asserted", "planned", "hypothetical", "uncertain", "question", "negated")


def render(request: Request, name: str, **context) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context)


def cards(request: Request, cur, rows: list[dict]) -> list[dict]:  # noqa: ANN001
    """Cards for event rows, each with its cluster's size (from the row when :func:`queries.list_events` made it)."""
    reader = request.app.state.reader
    records = reader.records(cur, [r["article_id"] for r in rows])
    missing = [(r["article_id"], r["id"]) for r in rows if "n_articles" not in r]
    clusters = event_clusters(cur, missing, reader.cluster_index(), reader.clustered) if missing else {}
    out = []
    for r in rows:
        art = records.get(r["article_id"])
        ev = next((v for v in art.events if v.id == r["id"]), None) if art else None
        if ev is None:
            continue
        card = event_card(art, ev)
        lo, hi = card["shown"]["start"], card["shown"]["end"]
        card["evidence_html"] = highlight(art.text, card.pop("_marks"), lo, hi)
        card["cut_left"], card["cut_right"] = lo > 0, hi < len(art.text)
        size = r if "n_articles" in r else clusters.get((r["article_id"], r["id"]), SINGLE)
        card["cluster"] = {k: size.get(k) for k in ("cluster_id", "n_reports", "n_articles", "n_outlets")}
        out.append(card)
    return out


def timeline_svg(data: dict, f: EventFilter, width: int = 960, height: int = 150) -> dict:
    """Geometry of the timeline: stacked bars by modality per bucket, reporting dates in a strip below."""
    buckets = data["buckets"]
    out = {**data, "width": width, "height": height, "bars": [], "pub": [], "ticks": []}
    if not buckets:
        return out
    # one axis for everything drawn: the event-date bars and the reporting-date strip
    starts = [b["start"] for b in buckets] + [p["start"] for p in data["published"]]
    first, last = min(starts), max(starts)
    keys = _bucket_keys(first, last, data["granularity"])
    index = {k: i for i, k in enumerate(keys)}
    n = max(len(keys), 1)
    left, chart_h, strip_y = 40, height - 50, height - 28
    step = (width - left - 10) / n
    peak = max((sum(b["counts"].values()) for b in buckets), default=1)
    for b in buckets:
        x = left + index[b["start"]] * step
        y = 5 + chart_h
        total = sum(b["counts"].values())
        segs = []
        for m in MODALITY_ORDER:
            c = b["counts"].get(m, 0)
            if c:
                h = c / peak * chart_h
                y -= h
                segs.append({"modality": m, "y": round(y, 1), "h": round(h, 1), "count": c})
        out["bars"].append({
            "x": round(x + step * 0.1, 1), "w": round(max(step * 0.8, 1), 1), "segs": segs, "total": total,
            "label": f"{_fmt(b['start'], b['end'])}: {total} events",
            "href": "/?" + f.qs(date_from=b["start"].isoformat(), date_to=b["end"].isoformat()),
        })
    ppeak = max((p["count"] for p in data["published"]), default=1)
    for p in data["published"]:
        if p["start"] in index:
            out["pub"].append({
                "x": round(left + index[p["start"]] * step + step * 0.1, 1), "w": round(max(step * 0.8, 1), 1),
                "y": strip_y, "h": 14, "opacity": round(0.25 + 0.75 * p["count"] / ppeak, 2),
                "label": f"reported {_fmt(p['start'], p['end'])}: {p['count']} events",
            })
    every = max(1, n // 8)
    for i, k in enumerate(keys):
        if i % every == 0:
            out["ticks"].append({"x": round(left + i * step, 1), "label": k.isoformat()[: 7 if data["granularity"] in ("month", "year") else 10]})
    out["peak"] = peak
    out["chart_bottom"] = 5 + chart_h
    out["strip_y"] = strip_y
    return out


def _fmt(a: dt.date, b: dt.date) -> str:
    return a.isoformat() if a == b else f"{a.isoformat()} – {b.isoformat()}"


def _bucket_keys(first: dt.date, last: dt.date, granularity: str, least: int = 12) -> list[dt.date]:
    """Bucket starts from ``first`` to ``last``, padded on both sides to at least ``least`` bars."""
    keys, k = [], first
    while k <= last:  # every drawn bucket gets its slot (the granularity keeps them few)
        keys.append(k)
        k = queries.bucket_end(k, granularity) + dt.timedelta(days=1)
    while len(keys) < least:
        keys.append(queries.bucket_end(keys[-1], granularity) + dt.timedelta(days=1))
        if len(keys) < least:
            keys.insert(0, _bucket_start(keys[0] - dt.timedelta(days=1), granularity))
    return keys


def _bucket_start(day: dt.date, granularity: str) -> dt.date:
    if granularity == "week":
        return day - dt.timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    if granularity == "year":
        return day.replace(month=1, day=1)
    return day


def _choices(f: EventFilter) -> dict:
    return {"types": PLOVER_TYPES, "modalities": MODALITIES, "source_kinds": SOURCE_KINDS, "f": f}


@router.get("/")
def index(request: Request, cur: Cur, f: Filter, sort: SortParam = "-date", offset: Offset = 0) -> HTMLResponse:
    memo = request.app.state.reader.memo
    rows = queries.list_events(cur, f, sort, PAGE, offset)
    total = memo(("count", f), lambda: queries.count_events(cur, f))
    tl = timeline_svg(memo(("timeline", f, "auto"), lambda: queries.timeline(cur, f)), f)
    facets = memo(("facets", f, 12), lambda: queries.facets(cur, f, top=12))
    return render(
        request, "events.html", cards=cards(request, cur, rows), total=total, offset=offset, page=PAGE, sort=sort,
        timeline=tl, facets=facets, **_choices(f),
    )


@router.get("/events/{article_id:path}/{event_id}")
def event_page(request: Request, cur: Cur, article_id: Annotated[str, Path(max_length=300)],
               event_id: Annotated[str, Path(max_length=100)]) -> HTMLResponse:
    art = request.app.state.reader.record(cur, article_id)
    ev = next((v for v in art.events if v.id == event_id), None) if art else None
    if ev is None:
        raise HTTPException(404, "no such event")
    card = cards(request, cur, [{"article_id": article_id, "id": event_id}])[0]
    sentence = next(((s, e) for s, e in art.sentences if s <= ev.evidence.start < e), None)
    return render(request, "event.html", c=card, sentence=art.text[sentence[0]:sentence[1]] if sentence else None,
                  f=EventFilter(), cluster=cluster_info(cur, request, article_id, event_id))


@router.get("/articles")
def article_list(request: Request, cur: Cur, q: Annotated[str | None, Query(max_length=200)] = None,
                 offset: Offset = 0) -> HTMLResponse:
    rows, total = queries.article_list(cur, q or None, None, 50, offset)
    return render(request, "articles.html", articles=rows, total=total, q=q or "", offset=offset, page=50)


@router.get("/articles/{article_id:path}")
def article_page(request: Request, cur: Cur, article_id: Annotated[str, Path(max_length=300)],
                 event: Annotated[str | None, Query(max_length=100)] = None) -> HTMLResponse:
    art = request.app.state.reader.record(cur, article_id)
    if art is None:
        raise HTTPException(404, "no such article")
    body = highlight(art.text, article_marks(art, focus=event), anchor="focus")
    evs = cards(request, cur, [{"article_id": art.id, "id": v.id} for v in art.events])
    names = {e.id: e.name for e in art.entities}
    return render(request, "article.html", art=art, body=body, events=evs, names=names, focus=event,
                  url=safe_url(art.source.url), places={p.entity: p for p in art.places if p.entity})


@router.get("/entities")
def entity_list(request: Request, cur: Cur, q: Annotated[str | None, Query(max_length=200)] = None,
                type: Annotated[Literal["", "PER", "ORG", "LOC", "WEAPON", "EVENT", "MISC"] | None, Query()] = None,  # noqa: A002
                offset: Offset = 0) -> HTMLResponse:
    rows, total = queries.entity_list(cur, q or None, type or None, 50, offset)
    return render(request, "entities.html", entities=rows, total=total, q=q or "", type=type or "", offset=offset, page=50)


@router.get("/entity")
def entity_page(request: Request, cur: Cur, name: Annotated[str, Query(min_length=1, max_length=200)],
                offset: Offset = 0) -> HTMLResponse:
    info = queries.entity_detail(cur, name)
    if info is None:
        raise HTTPException(404, "no such entity")
    f = EventFilter(entity=name, **request.app.state.reader.cluster_args())
    rows = queries.list_events(cur, f, "-date", PAGE, offset)
    return render(request, "entity.html", info=info, cards=cards(request, cur, rows), f=f, offset=offset, page=PAGE,
                  total=info["as_actor"] + info["as_recipient"])


@router.get("/outlets")
def outlet_page(request: Request, cur: Cur, f: Filter) -> HTMLResponse:
    rows = request.app.state.reader.memo(("outlets", f), lambda: outlets(cur, f))
    return render(request, "outlets.html", outlets=rows, f=f)


@router.get("/guide")
def guide_page(request: Request) -> HTMLResponse:
    from . import guide

    return render(request, "guide.html", types=guide.TYPES, modalities=guide.MODALITIES, forms=guide.FORMS,
                  source_kinds=guide.SOURCE_KINDS, precisions=guide.PRECISIONS, confidence=guide.CONFIDENCE)


@router.get("/map")
def map_page(request: Request, f: Filter) -> HTMLResponse:
    return render(request, "map.html", **_choices(f))


@router.get("/network")
def network_page(request: Request, f: Filter) -> HTMLResponse:
    return render(request, "network.html", **_choices(f))


@router.get("/api")
def api_reference(request: Request) -> HTMLResponse:
    """The API described from its OpenAPI schema, offline (no Swagger UI from a CDN)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                schema = p.get("schema", {})
                params.append({"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "type": _schema_type(schema), "description": p.get("description", "")})
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""), "params": params})
    return render(request, "api.html", ops=ops, title=spec["info"]["title"], version=spec["info"]["version"])


def _schema_type(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_schema_type(schema.get('items', {}))}"
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"] if v != "")
    if "const" in schema:
        return repr(schema["const"])
    extra = []
    for k in ("minimum", "maximum", "maxLength", "pattern", "format"):
        if k in schema:
            extra.append(f"{k} {schema[k]}")
    return schema.get("type", "any") + (f" ({', '.join(extra)})" if extra else "")
