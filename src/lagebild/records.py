"""Typed records of the ``lagebild/1`` output contract (see SCHEMA.md in the docs).

Fields may be added; none may be renamed or dropped without a new schema version.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "lagebild/1"

EntityType = Literal["PER", "ORG", "LOC", "WEAPON", "EVENT", "MISC"]
TimeKind = Literal["date", "time", "duration", "set"]
AttributionForm = Literal["direct", "indirect", "reported", "no_comment"]
SourceKind = Literal["person", "anonymous", "institution", "document", "social_media", "unknown"]
Modality = Literal["asserted", "negated", "hypothetical", "planned", "uncertain", "question"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = PloverType.__args__  # type: ignore[attr-defined]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class SourceInfo(_Record):
    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


class Mention(_Record):
    start: int
    end: int
    text: str


class Actor(_Record):
    country: str | None = None
    sector: str | None = None


class Entity(_Record):
    id: str
    name: str
    type: EntityType
    qid: str | None = None
    actor: Actor | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Place(_Record):
    entity: str | None = None
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None


class Time(_Record):
    start: int
    end: int
    text: str
    value: str | None
    kind: TimeKind = "date"
    mod: str | None = None
    anchor: str | None = None
    """What a relative value was resolved against: "published", or "t<i>" (another time)."""


class Span(_Record):
    start: int
    end: int
    text: str | None = None
    spans: list[tuple[int, int]] | None = None
    """Set only when the span is discontinuous; start/end then cover the whole."""


class AttributionSource(_Record):
    kind: SourceKind = "unknown"
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    count: int | None = None
    description: str | None = None
    """For anonymous sources: what qualifies them ("familiar with the talks")."""
    spans: list[tuple[int, int]] | None = None


class Attribution(_Record):
    id: str
    form: AttributionForm
    content: Span | None = None
    cue: Span | None = None
    source: AttributionSource = Field(default_factory=AttributionSource)
    medium: str | None = None
    according_to: str | None = None


class Evidence(_Record):
    start: int
    end: int


class Event(_Record):
    id: str
    type: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    actor: list[str] = Field(default_factory=list)
    recipient: list[str] = Field(default_factory=list)
    location: str | None = None
    date: str | None = None
    modality: Modality = "asserted"
    attribution: str | None = None
    evidence: Evidence
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    trigger: Span | None = None


class Article(_Record):
    """One analysed article: the ``lagebild/1`` record."""

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    source: SourceInfo = Field(default_factory=SourceInfo)
    language: str
    published: str | None = None
    text: str
    sentences: list[tuple[int, int]] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    """Coded notes on how the article was read ("[W101] a.jsonl:3: 2 invalid UTF-8 byte
    sequence(s) replaced by U+FFFD", "[W102] …: publication date … guessed …")."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        """The record as plain JSON-able data, keys exactly as in the schema."""
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
