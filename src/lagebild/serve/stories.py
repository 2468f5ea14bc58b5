"""Stories, merged events and contradiction flags (written by ``lagebild.merge``): API and pages.

Read only. A story's timeline is its merged events ordered by event date (undated ones
last, by publication), each with its reports (outlet, article, evidence, attribution,
modality as that report gives it) and its flags, the reports of each side next to each
other. Stores made before stories existed answer with empty lists (and 404 for one story).
"""
from __future__ import annotations

from typing import Annotated

from duckdb import DuckDBPyConnection as Cursor
from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from .annotate import safe_url, source_label
from .api import Cur

router = APIRouter(prefix="/api")
pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

Id = Annotated[str, Path(max_length=100)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Contested = Annotated[bool, Query(description="Only stories (events) with a contradiction flag.")]

_STORY = "id, title, first_date, last_date, n_events, n_articles, n_outlets, n_flags"
_MERGED = ("m.id, m.story_id, m.type, m.modality, m.date, m.date_start, m.date_end, m.first_published, "
           "m.last_published, m.n_reports, m.n_articles, m.n_outlets, m.n_languages, m.n_flags, m.contested")
_REPORT = (
    "SELECT e.cluster_id, e.article_id, e.id, e.type, e.modality, e.date, e.evidence_start, e.evidence_end, "
    "e.evidence_text, e.source_kind, e.source_text, e.source_count, e.language, e.actor_names, e.recipient_names, "
    "a.title, a.published, a.outlet, a.url FROM events e JOIN articles a ON a.id = e.article_id "
)


def _dicts(cur: Cursor, rows: list[tuple]) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in rows]


def _storied(request: Request) -> bool:
    return getattr(request.app.state.reader, "storied", False)


def list_stories(cur: Cursor, q: str | None, contested: bool, limit: int, offset: int) -> tuple[list[dict], int]:
    parts, params = ["TRUE"], []
    if q:
        parts.append("contains(lower(coalesce(title, '')), ?)")
        params.append(q.lower())
    if contested:
        parts.append("n_flags > 0")
    where = " AND ".join(parts)
    total = cur.execute(f"SELECT count(*) FROM stories WHERE {where}", params).fetchone()[0]
    c = cur.execute(f"SELECT {_STORY} FROM stories WHERE {where} ORDER BY last_date DESC NULLS LAST, n_events DESC, id "
                    "LIMIT ? OFFSET ?", [*params, limit, offset])
    return _dicts(c, c.fetchall()), total


def _reports(cur: Cursor, clusters: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {c: [] for c in clusters}
    if not clusters:
        return out
    c = cur.execute(_REPORT + "WHERE e.cluster_id IN (SELECT unnest(?)) ORDER BY a.published NULLS LAST, e.article_id, "
                    "e.evidence_start", [clusters])
    for r in _dicts(c, c.fetchall()):
        r["url"] = safe_url(r["url"])
        r["according_to"] = source_label(r["source_kind"], r["source_text"], r["source_count"], None)
        out[r.pop("cluster_id")].append(r)
    return out


def flags_of(cur: Cursor, where: str, params: list) -> list[dict]:
    """Flags (grouped from their rows per report) matching ``where`` over the flags table."""
    c = cur.execute("SELECT f.id, f.side, f.kind, f.merged_event_id, f.story_id, f.value, f.article_id, f.event_id, "
                    "f.modality, f.evidence_start, f.evidence_end, f.evidence_text, f.outlet, a.title, a.published "
                    f"FROM flags f JOIN articles a ON a.id = f.article_id WHERE {where} "
                    "ORDER BY f.merged_event_id, f.id, f.side, a.published NULLS LAST, f.article_id", params)
    out: dict[str, dict] = {}
    for r in _dicts(c, c.fetchall()):
        flag = out.setdefault(r["id"], {"id": r["id"], "kind": r["kind"], "merged_event_id": r["merged_event_id"],
                                        "story_id": r["story_id"], "a": {"value": None, "reports": []},
                                        "b": {"value": None, "reports": []}})
        side = flag[r["side"]]
        side["value"] = r["value"]
        side["reports"].append({k: r[k] for k in ("article_id", "event_id", "modality", "evidence_start", "evidence_end",
                                                  "evidence_text", "outlet", "title", "published")})
    return list(out.values())


def merged_event(cur: Cursor, merged_id: str) -> dict | None:
    """One merged event with its reports and flags (an absorbed id leads to the event it joined)."""
    row = cur.execute(f"SELECT {_MERGED} FROM merged_events m WHERE m.id = ?", [merged_id]).fetchone()
    if row is None:
        alias = cur.execute("SELECT new_id FROM merge_aliases WHERE old_id = ?", [merged_id]).fetchone()
        if alias is None:
            return None
        row = cur.execute(f"SELECT {_MERGED} FROM merged_events m WHERE m.id = ?", [alias[0]]).fetchone()
        if row is None:
            return None
    event = dict(zip([d[0] for d in cur.description], row))
    event["reports"] = _reports(cur, [event["id"]])[event["id"]]
    event["flags"] = flags_of(cur, "f.merged_event_id = ?", [event["id"]])
    return event


def story_detail(cur: Cursor, story_id: str, contested: bool = False, limit: int = 200, offset: int = 0) -> dict | None:
    row = cur.execute(f"SELECT {_STORY} FROM stories WHERE id = ?", [story_id]).fetchone()
    if row is None:
        return None
    story = dict(zip([d[0] for d in cur.description], row))
    cond = "m.story_id = ?" + (" AND m.contested" if contested else "")
    c = cur.execute(f"SELECT {_MERGED} FROM merged_events m WHERE {cond} ORDER BY m.date_start NULLS LAST, "
                    "m.first_published NULLS LAST, m.id LIMIT ? OFFSET ?", [story_id, limit, offset])
    timeline = _dicts(c, c.fetchall())
    reports = _reports(cur, [e["id"] for e in timeline])
    flags: dict[str, list[dict]] = {}
    for f in flags_of(cur, "f.story_id = ?", [story_id]):
        flags.setdefault(f["merged_event_id"], []).append(f)
    for e in timeline:
        e["reports"] = reports[e["id"]]
        e["flags"] = flags.get(e["id"], [])
    c = cur.execute("SELECT a.id, a.title, a.published, a.outlet, a.url, a.language, sa.own FROM story_articles sa "
                    "JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published NULLS LAST, a.id",
                    [story_id])
    articles = _dicts(c, c.fetchall())
    for a in articles:
        a["url"] = safe_url(a["url"])
    story.update(timeline=timeline, articles=articles, limit=limit, offset=offset,
                 outlets=sorted({a["outlet"] for a in articles if a["outlet"]}))
    return story


def article_stories(cur: Cursor, article_id: str) -> list[dict]:
    c = cur.execute(f"SELECT {', '.join('s.' + x.strip() for x in _STORY.split(','))}, sa.own FROM story_articles sa "
                    "JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ? ORDER BY sa.own DESC, s.id", [article_id])
    return _dicts(c, c.fetchall())


# -- API ------------------------------------------------------------------------------
@router.get("/stories", summary="Stories: articles and events following one matter, latest first")
def api_stories(cur: Cur, request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
                contested: Contested = False, limit: Limit = 50, offset: Offset = 0) -> dict:
    if not _storied(request):
        return {"total": 0, "limit": limit, "offset": offset, "stories": []}
    rows, total = list_stories(cur, q or None, contested, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "stories": rows}


@router.get("/stories/{story_id}", summary="One story: its timeline of merged events by event date, reports, flags")
def api_story(cur: Cur, request: Request, story_id: Id, contested: Contested = False, limit: Limit = 200,
              offset: Offset = 0) -> dict:
    story = story_detail(cur, story_id, contested, limit, offset) if _storied(request) else None
    if story is None:
        raise HTTPException(404, "no such story")
    return story


@router.get("/merged/{merged_id}", summary="One merged event: every report of it and the flags where they disagree")
def api_merged(cur: Cur, request: Request, merged_id: Id) -> dict:
    event = merged_event(cur, merged_id) if _storied(request) else None
    if event is None:
        raise HTTPException(404, "no such merged event")
    return event


@router.get("/flags", summary="Contradiction flags, each with the reports and evidence on both sides")
def api_flags(cur: Cur, request: Request, story: Annotated[str | None, Query(max_length=100)] = None,
              kind: Annotated[str | None, Query(pattern=r"^(modality|figure|actor|date)?$")] = None,
              limit: Limit = 100, offset: Offset = 0) -> dict:
    if not _storied(request):
        return {"flags": []}
    parts, params = ["TRUE"], []
    if story:
        parts.append("f.story_id = ?")
        params.append(story)
    if kind:
        parts.append("f.kind = ?")
        params.append(kind)
    where = " AND ".join(parts)
    ids = [r[0] for r in cur.execute(f"SELECT DISTINCT f.id FROM flags f WHERE {where} ORDER BY f.id LIMIT ? OFFSET ?",
                                     [*params, limit, offset]).fetchall()]
    return {"flags": flags_of(cur, "f.id IN (SELECT unnest(?))", [ids]) if ids else []}


# -- pages ----------------------------------------------------------------------------
def _render(request: Request, name: str, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


@pages.get("/stories")
def stories_page(cur: Cur, request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
                 contested: Contested = False, offset: Offset = 0) -> HTMLResponse:
    rows, total = list_stories(cur, q or None, contested, 50, offset) if _storied(request) else ([], 0)
    return _render(request, "stories.html", stories=rows, total=total, q=q or "", contested=contested, offset=offset)


@pages.get("/stories/{story_id}")
def story_page(cur: Cur, request: Request, story_id: Id, contested: Contested = False,
               offset: Offset = 0) -> HTMLResponse:
    story = story_detail(cur, story_id, contested, 200, offset) if _storied(request) else None
    if story is None:
        raise HTTPException(404, "no such story")
    return _render(request, "story.html", s=story, contested=contested)
