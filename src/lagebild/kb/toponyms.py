"""The toponyms an article names, as ``lagebild_entities`` hands them to ``lagebild_places``.

``doc._.lb_toponyms`` holds one :class:`Toponyms`: every mention that names a place, with
the gazetteer entry the entity stage linked it to in the article's context, and the
place of each LOC entity. A LOC mention the gazetteer has no entry for comes with
``candidate=None``; the places stage may still locate it (the article's focus near a
street or building it names).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Candidate


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    kind: str  # how the mention was found: name, place, demonym, seat, embedded, ...
    type: str  # the mention's type: LOC, ORG, PER, or EMBEDDED (a place inside an organisation's name)
    entity: str | None  # the entity id (None for an embedded place)
    candidate: Candidate | None  # None: a LOC name the gazetteer lacks
    own: bool = True  # the mention names this place itself (False: its entity's place, a country)


@dataclass
class Toponyms:
    mentions: list[Toponym] = field(default_factory=list)  # in text order
    entities: dict[str, Candidate] = field(default_factory=dict)  # LOC entity id -> its place
