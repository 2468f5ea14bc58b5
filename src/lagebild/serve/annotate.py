"""Highlighted text and event cards from an article record.

Article text is untrusted: every piece of it goes through :func:`markupsafe.escape`;
the only markup added is ``<mark>`` with classes from a fixed set. Overlapping
annotations are cut into flat segments, each carrying every annotation it lies in.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from ..records import Article, Event
from ..store.dates import value_range

KINDS = {
    "actor", "recipient", "trigger", "date", "source", "cue", "place", "quote", "evidence", "focus", "time",
    "ent-PER", "ent-ORG", "ent-LOC", "ent-WEAPON", "ent-EVENT", "ent-MISC",
}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    label: str = ""


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web address (never ``javascript:`` or ``data:``), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def highlight(text: str, marks: list[Mark], lo: int = 0, hi: int | None = None, anchor: str | None = None) -> Markup:
    """``text[lo:hi]`` as escaped HTML with each mark wrapped in ``<mark class="hl-KIND">``."""
    hi = len(text) if hi is None else min(hi, len(text))
    lo = max(0, min(lo, hi))
    marks = [m for m in marks if m.kind in KINDS and m.end > lo and m.start < hi and m.end > m.start]
    points = sorted({lo, hi, *(max(lo, m.start) for m in marks), *(min(hi, m.end) for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(max(lo, m.start), []).append(m)
    active: list[Mark] = []
    out: list[str] = []
    anchored = False
    for a, b in zip(points, points[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        kinds = sorted({m.kind for m in active})
        labels = list(dict.fromkeys(m.label for m in active if m.label))
        ident = ""
        if anchor and not anchored and anchor in kinds:
            ident, anchored = f' id="hl-{escape(anchor)}"', True
        out.append(
            f'<mark class="{escape(" ".join("hl-" + k for k in kinds))}"{ident} title="{escape("; ".join(labels))}">'
            f"{piece}</mark>"
        )
    return Markup("".join(out))


def _spans(span) -> list[tuple[int, int]]:  # noqa: ANN001
    if span is None or span.start is None or span.end is None:
        return []
    return [tuple(s) for s in span.spans] if span.spans else [(span.start, span.end)]


def attribution_chain(article: Article, attribution_id: str | None) -> list[dict]:
    """The attribution of an event and those it is reported through (``according_to``), in order."""
    attrs = {a.id: a for a in article.attributions}
    names = {e.id: e.name for e in article.entities}
    chain: list[dict] = []
    seen: set[str] = set()
    aid = attribution_id
    while aid and aid in attrs and aid not in seen:
        seen.add(aid)
        a = attrs[aid]
        s = a.source
        chain.append({
            "id": a.id, "form": a.form, "medium": a.medium, "cue": a.cue.text if a.cue else None,
            "kind": s.kind, "text": s.text, "entity": s.entity, "entity_name": names.get(s.entity) if s.entity else None,
            "count": s.count, "description": s.description, "according_to": a.according_to,
            "label": source_label(s.kind, s.text or (names.get(s.entity) if s.entity else None), s.count, s.description),
        })
        aid = a.according_to
    return chain


def source_label(kind: str | None, text: str | None, count: int | None, description: str | None) -> str:
    """'according to …' in words: who, how many anonymous sources, and what qualifies them."""
    if not kind:
        return "the article itself (no source named)"
    who = text or {"anonymous": "anonymous sources", "unknown": "an unnamed source"}.get(kind, kind.replace("_", " "))
    extra = []
    if kind == "anonymous":
        extra.append(f"anonymous ×{count}" if count else "anonymous")
    elif kind != "person":
        extra.append(kind.replace("_", " "))
    if description and description not in who:
        extra.append(description)
    return who + (f" ({'; '.join(extra)})" if extra else "")


def event_marks(article: Article, event: Event) -> list[Mark]:
    """Actor, recipient, place, trigger, date and source spans of one event."""
    ents = {e.id: e for e in article.entities}
    marks: list[Mark] = []
    for kind, ids in (("actor", event.actor), ("recipient", event.recipient), ("place", [event.location] if event.location else [])):
        for eid in ids:
            e = ents.get(eid)
            for m in e.mentions if e else []:
                marks.append(Mark(m.start, m.end, kind, f"{kind}: {e.name}"))
    for s, e in _spans(event.trigger):
        marks.append(Mark(s, e, "trigger", f"trigger ({event.type})"))
    ev_s, ev_e = event.evidence.start, event.evidence.end
    if event.date:
        times = [t for t in article.times if t.value == event.date]
        near = [t for t in times if t.start < ev_e + 200 and t.end > ev_s - 200]
        for t in near or times[:1]:
            marks.append(Mark(t.start, t.end, "date", f"date: {t.value}"))
    attrs = {a.id: a for a in article.attributions}
    a = attrs.get(event.attribution) if event.attribution else None
    if a:
        for s, e in _spans(a.source) if a.source.start is not None else []:
            marks.append(Mark(s, e, "source", f"source: {a.source.kind}"))
        for s, e in _spans(a.cue):
            marks.append(Mark(s, e, "cue", "attribution cue"))
    return marks


def evidence_window(article: Article, event: Event, marks: list[Mark], reach: int = 300) -> tuple[int, int]:
    """The evidence span, widened to take in the source and cue when they are close by."""
    lo, hi = event.evidence.start, event.evidence.end
    for m in marks:
        if m.kind in ("source", "cue") and m.start >= lo - reach and m.end <= hi + reach:
            lo, hi = min(lo, m.start), max(hi, m.end)
    return lo, hi


def event_card(article: Article, event: Event) -> dict:
    """Everything an event card shows, as plain data (the page adds ``evidence_html``)."""
    ents = {e.id: e for e in article.entities}
    places = {p.entity: p for p in article.places if p.entity}

    def who(ids: list[str]) -> list[dict]:
        out = []
        for i in ids:
            e = ents.get(i)
            actor = e.actor if e else None
            out.append({"id": i, "name": e.name if e else i, "type": e.type if e else None, "qid": e.qid if e else None,
                        "country": actor.country if actor else None, "sector": actor.sector if actor else None})
        return out

    place = None
    if event.location:
        p = places.get(event.location)
        e = ents.get(event.location)
        place = {"id": event.location, "name": p.name if p else (e.name if e else event.location),
                 "lat": p.lat if p else None, "lon": p.lon if p else None, "country": p.country if p else None,
                 "geonameid": p.geonameid if p else None}
    rng = value_range(event.date)
    marks = event_marks(article, event)
    lo, hi = evidence_window(article, event, marks)
    chain = attribution_chain(article, event.attribution)
    return {
        "article_id": article.id, "id": event.id, "type": event.type, "mode": event.mode, "context": event.context,
        "actors": who(event.actor), "recipients": who(event.recipient), "place": place,
        "date": event.date, "date_start": rng[0] if rng else None, "date_end": rng[1] if rng else None,
        "published": article.published, "modality": event.modality, "confidence": event.confidence,
        "language": article.language,
        "according_to": chain[0]["label"] if chain else source_label(None, None, None, None),
        "attribution_chain": chain,
        "evidence": {"start": event.evidence.start, "end": event.evidence.end,
                     "text": article.text[event.evidence.start:event.evidence.end]},
        "trigger": event.trigger.model_dump() if event.trigger else None,
        "shown": {"start": lo, "end": hi},
        "highlights": [asdict(m) for m in marks],
        "article": {"id": article.id, "title": article.source.title, "url": safe_url(article.source.url),
                    "path": article.source.path, "outlet": article.source.outlet, "published": article.published},
        "_marks": marks,
    }


def article_marks(article: Article, focus: str | None = None) -> list[Mark]:
    """Every annotation of an article: entities, places, times, quotes, sources, cues, events."""
    marks: list[Mark] = []
    places = {p.entity: p for p in article.places if p.entity}
    for e in article.entities:
        p = places.get(e.id)
        extra = f" · place {p.name}" + (f" ({p.country})" if p.country else "") if p else ""
        qid = f" · {e.qid}" if e.qid else ""
        for m in e.mentions:
            marks.append(Mark(m.start, m.end, f"ent-{e.type}", f"{e.type} {e.name}{qid}{extra}"))
            if p:
                marks.append(Mark(m.start, m.end, "place", ""))
    for t in article.times:
        marks.append(Mark(t.start, t.end, "time", f"time {t.value or '?'} ({t.kind}{', ' + t.mod if t.mod else ''})"))
    for a in article.attributions:
        for s, e in _spans(a.content):
            marks.append(Mark(s, e, "quote", f"{a.form} attribution {a.id}"))
        for s, e in _spans(a.cue):
            marks.append(Mark(s, e, "cue", f"cue of {a.id}"))
        if a.source.start is not None:
            for s, e in _spans(a.source):
                marks.append(Mark(s, e, "source", f"source of {a.id}: {a.source.kind}"))
    for v in article.events:
        label = f"event {v.id}: {v.type} ({v.modality})"
        marks.append(Mark(v.evidence.start, v.evidence.end, "evidence", label))
        if v.id == focus:
            marks.append(Mark(v.evidence.start, v.evidence.end, "focus", ""))
        for s, e in _spans(v.trigger):
            marks.append(Mark(s, e, "trigger", f"trigger of {v.id}"))
    return marks
