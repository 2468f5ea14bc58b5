"""Small API for the later stages: which entity a span is, and who a capital stands for."""
from __future__ import annotations

from ..records import Actor, Entity


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention covering ``[start, end)``; else the one whose mention
    overlaps it most (None when no mention overlaps)."""
    best, best_overlap = None, 0
    for ent in entities:
        for m in ent.mentions:
            if m.start <= start and end <= m.end:
                return ent
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
    return best


def mention_at(entities: list[Entity], start: int, end: int):
    """(entity, mention) of the mention covering ``[start, end)``, or None."""
    for ent in entities:
        for m in ent.mentions:
            if m.start <= start and end <= m.end:
                return ent, m
    return None


def government_of(entity: Entity | None) -> Actor | None:
    """The government a place stands for when it speaks or acts ("Washington warnte",
    "der Kreml drohte"): its country with sector GOV. Countries and capitals qualify;
    for other places (and non-places) None. A capital used for its government is
    already grouped under its country by ``lagebild_entities``."""
    if entity is None or entity.type != "LOC":
        return None
    if entity.actor is not None and entity.actor.country:
        return Actor(country=entity.actor.country, sector="GOV")
    from ..kb.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    for cand in gaz.lookup(entity.name):
        if cand.feature == "PPLC" and cand.name == entity.name:
            iso3 = gaz.iso3(cand.country)
            return Actor(country=iso3, sector="GOV") if iso3 else None
    return None
