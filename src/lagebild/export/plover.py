"""PLOVER event records (JSON, field names as in the PLOVER manual and its
gold-standard records), with lagebild's modality, attribution and evidence added."""
from __future__ import annotations

from collections.abc import Iterator

from ..records import Article, Entity
from .outlet import outlet_name


def _actor(entity: Entity | None, fallback: str) -> dict:
    if entity is None:
        return {"actorText": fallback, "code": None, "sector": None}
    actor = entity.actor
    return {
        "actorText": entity.mentions[0].text if entity.mentions else entity.name,
        "name": entity.name,
        "qid": entity.qid,
        "code": actor.country if actor else None,
        "sector": actor.sector if actor else None,
    }


def plover_records(article: Article) -> Iterator[dict]:
    """One PLOVER record per event of ``article``."""
    entities = {e.id: e for e in article.entities}
    places = {p.entity: p for p in article.places if p.entity}
    attributions = {a.id: a for a in article.attributions}
    sentences = article.sentences
    for event in article.events:
        ev = event.evidence
        sentence = next(((s, e) for s, e in sentences if s <= ev.start < e), (ev.start, ev.end))
        attr = attributions.get(event.attribution) if event.attribution else None
        place = places.get(event.location) if event.location else None
        record = {
            "id": f"{article.id}-{event.id}",
            "date": event.date,
            "event": event.type,
            "mode": event.mode,
            "context": event.context or None,
            "source": [_actor(entities.get(x), x) for x in event.actor],
            "target": [_actor(entities.get(x), x) for x in event.recipient],
            "eventText": event.trigger.text if event.trigger else article.text[ev.start:ev.end],
            "text": article.text[sentence[0]:sentence[1]],
            "location": None if event.location is None else {
                "placeName": place.name if place else (entities[event.location].name if event.location in entities else None),
                "geonameID": place.geonameid if place else None,
                "latitude": place.lat if place else None,
                "longitude": place.lon if place else None,
                "country": place.country if place else None,
            },
            "language": article.language,
            # the outlet (site name, else the URL's host); never the input file's name
            "publication": outlet_name(article.source.outlet, article.source.url),
            "publicationDate": article.published,
            "title": article.source.title,
            "url": article.source.url,
            "articleId": article.id,
            # lagebild's additions
            "modality": event.modality,
            "confidence": event.confidence,
            "evidence": {"start": ev.start, "end": ev.end, "text": article.text[ev.start:ev.end]},
            "attribution": None if attr is None else {
                "form": attr.form,
                "sourceKind": attr.source.kind,
                "sourceText": attr.source.text,
                "sourceEntity": entities[attr.source.entity].name if attr.source.entity in entities else None,
                "count": attr.source.count,
                "description": attr.source.description,
                "cue": attr.cue.text if attr.cue else None,
                "medium": attr.medium,
            },
            "coder": "lagebild",
        }
        yield record
