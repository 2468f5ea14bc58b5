"""Flatten an :class:`Article` into the rows of the store's tables.

The events table is denormalised (actor names, source, evidence text, place
coordinates, date range) so the API can filter and sort without joins.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json

from ..records import Article
from .dates import value_range

#: table -> ordered (column, DuckDB type); the first columns form the primary key.
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "VARCHAR"), ("language", "VARCHAR"), ("published", "DATE"), ("title", "VARCHAR"),
        ("url", "VARCHAR"), ("path", "VARCHAR"), ("outlet", "VARCHAR"), ("text", "VARCHAR"),
        ("n_events", "INTEGER"), ("content_hash", "VARCHAR"), ("record", "VARCHAR"),
        ("ingested_at", "TIMESTAMP"),
    ],
    "entities": [
        ("article_id", "VARCHAR"), ("id", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"),
        ("qid", "VARCHAR"), ("country", "VARCHAR"), ("sector", "VARCHAR"), ("n_mentions", "INTEGER"),
        ("mentions", "VARCHAR"),
    ],
    "times": [
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("text", "VARCHAR"), ("value", "VARCHAR"), ("kind", "VARCHAR"), ("mod", "VARCHAR"),
    ],
    "places": [
        ("article_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("name", "VARCHAR"), ("geonameid", "BIGINT"),
        ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("country", "VARCHAR"), ("feature", "VARCHAR"),
    ],
    "attributions": [
        ("article_id", "VARCHAR"), ("id", "VARCHAR"), ("form", "VARCHAR"), ("cue_text", "VARCHAR"),
        ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("content_start", "INTEGER"),
        ("content_end", "INTEGER"), ("source_kind", "VARCHAR"), ("source_text", "VARCHAR"),
        ("source_entity", "VARCHAR"), ("source_count", "INTEGER"), ("source_description", "VARCHAR"),
        ("medium", "VARCHAR"), ("according_to", "VARCHAR"),
    ],
    "events": [
        ("article_id", "VARCHAR"), ("id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
        ("context", "VARCHAR[]"), ("actor_ids", "VARCHAR[]"), ("actor_names", "VARCHAR[]"),
        ("recipient_ids", "VARCHAR[]"), ("recipient_names", "VARCHAR[]"),
        ("location_id", "VARCHAR"), ("location_name", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
        ("date", "VARCHAR"), ("date_start", "DATE"), ("date_end", "DATE"), ("modality", "VARCHAR"),
        ("attribution_id", "VARCHAR"), ("source_kind", "VARCHAR"), ("source_text", "VARCHAR"),
        ("source_count", "INTEGER"), ("evidence_start", "INTEGER"), ("evidence_end", "INTEGER"),
        ("evidence_text", "VARCHAR"), ("trigger_text", "VARCHAR"), ("confidence", "DOUBLE"),
        ("language", "VARCHAR"), ("published", "DATE"),
        ("actor_keys", "VARCHAR[]"), ("recipient_keys", "VARCHAR[]"), ("cluster_id", "VARCHAR"),
    ],
}
KEYS = {"articles": 1, "entities": 2, "times": 2, "places": 2, "attributions": 2, "events": 2}


def identity_key(qid: str | None, name: str) -> str:
    """What makes two entities of different articles the same: the QID, else the name."""
    return qid or " ".join(name.lower().split())


def content_hash(article: Article) -> str:
    """SHA-1 of the record without ``source.path``: the same article read from another
    file, or under another spelling of the same path, is unchanged."""
    if article.source.path is not None:
        article = article.model_copy(update={"source": article.source.model_copy(update={"path": None})})
    return hashlib.sha1(article.to_json().encode("utf-8")).hexdigest()


def article_rows(article: Article, *, now: dt.datetime | None = None) -> dict[str, list[tuple]]:
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    aid = article.id
    published = dt.date.fromisoformat(article.published) if article.published else None
    names = {e.id: e.name for e in article.entities}
    keys = {e.id: identity_key(e.qid, e.name) for e in article.entities}
    places = {p.entity: p for p in article.places if p.entity}
    attrs = {a.id: a for a in article.attributions}
    rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
    rows["articles"].append((
        aid, article.language, published, article.source.title, article.source.url, article.source.path,
        article.source.outlet, article.text, len(article.events), content_hash(article), article.to_json(), now,
    ))
    for e in article.entities:
        rows["entities"].append((
            aid, e.id, e.name, e.type, e.qid, e.actor.country if e.actor else None,
            e.actor.sector if e.actor else None, len(e.mentions),
            json.dumps([m.model_dump() for m in e.mentions], ensure_ascii=False),
        ))
    for i, t in enumerate(article.times):
        rows["times"].append((aid, i, t.start, t.end, t.text, t.value, t.kind, t.mod))
    for p in article.places:
        rows["places"].append((aid, p.entity or p.name, p.name, p.geonameid, p.lat, p.lon, p.country, p.feature))
    for a in article.attributions:
        s = a.source
        rows["attributions"].append((
            aid, a.id, a.form, a.cue.text if a.cue else None, a.cue.start if a.cue else None,
            a.cue.end if a.cue else None, a.content.start if a.content else None,
            a.content.end if a.content else None, s.kind, s.text, s.entity, s.count, s.description,
            a.medium, a.according_to,
        ))
    for v in article.events:
        place = places.get(v.location) if v.location else None
        attr = attrs.get(v.attribution) if v.attribution else None
        span = value_range(v.date)
        rows["events"].append((
            aid, v.id, v.type, v.mode, list(v.context), list(v.actor), [names.get(x, x) for x in v.actor],
            list(v.recipient), [names.get(x, x) for x in v.recipient], v.location,
            (place.name if place else names.get(v.location)) if v.location else None,
            place.lat if place else None, place.lon if place else None, v.date,
            span[0] if span else None, span[1] if span else None, v.modality, v.attribution,
            attr.source.kind if attr else None, attr.source.text if attr else None,
            attr.source.count if attr else None, v.evidence.start, v.evidence.end,
            article.text[v.evidence.start:v.evidence.end], v.trigger.text if v.trigger else None,
            v.confidence, article.language, published,
            sorted({keys.get(x, x) for x in v.actor}), sorted({keys.get(x, x) for x in v.recipient}), None,
        ))
    return rows
