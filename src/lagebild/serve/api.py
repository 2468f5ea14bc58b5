"""The REST API under ``/api``: events, one event, articles, entities, facets, timeline, map, network."""
from __future__ import annotations

from typing import Annotated, Literal

from duckdb import DuckDBPyConnection as Cursor
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from . import queries
from .annotate import event_card, safe_url, source_label
from .clusters import cluster_reports
from .filters import EventFilter, SortParam, event_filter
from .geo import world_outlines
from .outlets import DOWNLOADS, encode, outlets, selection

router = APIRouter(prefix="/api")

Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=200, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
ArticleId = Annotated[str, Path(max_length=300)]


def cursor(request: Request):  # noqa: ANN201 - generator dependency
    yield from request.app.state.reader.cursor()


Cur = Annotated[Cursor, Depends(cursor)]


def _event(cur: Cursor, request: Request, article_id: str, event_id: str) -> dict:
    article = request.app.state.reader.record(cur, article_id)
    event = next((v for v in article.events if v.id == event_id), None) if article else None
    if event is None:
        raise HTTPException(404, "no such event")
    card = event_card(article, event)
    card.pop("_marks")
    card["cluster"] = cluster_info(cur, request, article_id, event_id)
    return card


def cluster_info(cur: Cursor, request: Request, article_id: str, event_id: str) -> dict:
    """The event's cluster: its size, the other reports of it, and related reports with another modality."""
    reader = request.app.state.reader
    info = cluster_reports(cur, article_id, event_id, reader.cluster_index(), reader.clustered)
    for r in info["reports"] + info["related"]:
        r["url"] = safe_url(r["url"])
        r["according_to"] = source_label(r["source_kind"], r["source_text"], r["source_count"], None)
    return info


@router.get("/events", summary="Events, filtered, sorted and paginated")
def events(
    cur: Cur, request: Request, f: Filter, sort: SortParam = "-date", limit: Limit = 50, offset: Offset = 0,
    total: Annotated[bool, Query(description="Also count all matching events (one more query).")] = True,
) -> dict:
    """Each event row names its ``cluster_id`` (the same real-world event across articles) and
    that cluster's ``n_reports``, ``n_articles`` and ``n_outlets``. With ``distinct=true`` there is one
    row per cluster, its representative (the highest-confidence, then earliest, matching report),
    and ``total`` counts clusters."""
    rows = queries.list_events(cur, f, sort, limit, offset)
    memo = request.app.state.reader.memo  # the count is an aggregate, remembered as the page's is
    return {
        "total": memo(("count", f), lambda: queries.count_events(cur, f)) if total else None,
        "limit": limit, "offset": offset, "sort": sort, "events": rows,
    }


@router.get("/events/{article_id:path}/{event_id}", summary="One event with its evidence, attribution chain and article")
def event(cur: Cur, request: Request, article_id: ArticleId, event_id: Annotated[str, Path(max_length=100)]) -> dict:
    return _event(cur, request, article_id, event_id)


@router.get("/facets", summary="Event counts by type, modality, source kind, language and actor")
def facets(cur: Cur, request: Request, f: Filter, top: Annotated[int, Query(ge=1, le=100)] = 20) -> dict:
    return request.app.state.reader.memo(("facets", f, top), lambda: queries.facets(cur, f, top))


@router.get("/timeline", summary="Event counts per event-date bucket by modality, and per reporting date")
def timeline(cur: Cur, request: Request, f: Filter,
             granularity: Literal["auto", "day", "week", "month", "year"] = "auto") -> dict:
    return request.app.state.reader.memo(("timeline", f, granularity), lambda: queries.timeline(cur, f, granularity))


@router.get("/map", summary="Event places (and other places the same articles name)")
def map_(cur: Cur, request: Request, f: Filter) -> dict:
    return request.app.state.reader.memo(("map", f), lambda: queries.map_places(cur, f))


@router.get("/map/world", summary="Country outlines as SVG paths (x = lon + 180, y = 90 - lat)")
def world() -> dict:
    return {"width": 360, "height": 180, "countries": world_outlines()}


@router.get("/network", summary="Actor network: who acts on whom, by event type")
def network(cur: Cur, request: Request, f: Filter, nodes: Annotated[int, Query(ge=2, le=200)] = 40) -> dict:
    return request.app.state.reader.memo(("network", f, nodes), lambda: queries.network(cur, f, nodes))


@router.get("/articles", summary="Articles, newest first")
def articles(
    cur: Cur, q: Annotated[str | None, Query(max_length=200)] = None,
    language: Annotated[str | None, Query(pattern=r"^([a-z]{2,3})?$")] = None, limit: Limit = 50, offset: Offset = 0,
) -> dict:
    rows, total = queries.article_list(cur, q or None, language or None, limit, offset)
    for r in rows:
        r["url"] = safe_url(r["url"])
    return {"total": total, "limit": limit, "offset": offset, "articles": rows}


@router.get("/articles/{article_id:path}", summary="One article with all its annotations (the lagebild/1 record)")
def article(cur: Cur, request: Request, article_id: ArticleId) -> dict:
    record = request.app.state.reader.record(cur, article_id)
    if record is None:
        raise HTTPException(404, "no such article")
    return record.to_dict()


@router.get("/entities", summary="Entities by name and type, with how often they act and are acted on")
def entities(
    cur: Cur, q: Annotated[str | None, Query(max_length=200)] = None,
    type: Annotated[Literal["", "PER", "ORG", "LOC", "WEAPON", "EVENT", "MISC"] | None, Query()] = None,  # noqa: A002
    limit: Limit = 50, offset: Offset = 0,
) -> dict:
    rows, total = queries.entity_list(cur, q or None, type or None, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "entities": rows}


@router.get("/entity", summary="One entity (by exact name) with its articles and events")
def entity(
    cur: Cur, request: Request, name: Annotated[str, Query(min_length=1, max_length=200)], sort: SortParam = "-date",
    limit: Limit = 50, offset: Offset = 0,
) -> dict:
    info = queries.entity_detail(cur, name)
    if info is None:
        raise HTTPException(404, "no such entity")
    f = EventFilter(entity=name, **request.app.state.reader.cluster_args())
    info["events"] = queries.list_events(cur, f, sort, limit, offset)
    return info


@router.get("/outlets", summary="Outlets with their articles and matching events")
def outlet_list(cur: Cur, request: Request, f: Filter) -> dict:
    """An outlet is the article's site name, else its URL's host; ``null`` when neither is known."""
    return {"outlets": request.app.state.reader.memo(("outlets", f), lambda: outlets(cur, f))}


@router.get("/download", summary="Exactly the filtered events as a CSV, Parquet or JSON file")
def download(cur: Cur, f: Filter, format: Literal["csv", "parquet", "json"] = "csv",  # noqa: A002
             sort: SortParam = "-date") -> Response:
    """Every matching event (not one page), sorted like the page, with the outlet, title and URL of its article."""
    media, suffix = DOWNLOADS[format]
    body = encode(selection(cur, f, sort), format)
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="lagebild-events.{suffix}"'})
