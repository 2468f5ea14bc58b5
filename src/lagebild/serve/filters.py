"""Event filters from query parameters, turned into a parameterised WHERE clause.

User input only ever reaches DuckDB as a bound parameter (``?``); the SQL text is
built from fixed fragments chosen by which filters are set. Sort orders come from a
whitelist.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Query, Request

from ..export.outlet import outlet_sql
from ..merge.represent import REPRESENTATIVE
from ..records import PLOVER_TYPES

MODALITIES = ("asserted", "negated", "hypothetical", "planned", "uncertain", "question")
SOURCE_KINDS = ("person", "anonymous", "institution", "document", "social_media", "unknown", "none")

TypeParam = Literal[  # repeated here because FastAPI needs a literal type for the enum in OpenAPI
    "", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
ModalityParam = Literal["", "asserted", "negated", "hypothetical", "planned", "uncertain", "question"]
SourceParam = Literal["", "person", "anonymous", "institution", "document", "social_media", "unknown", "none"]
SortParam = Literal["date", "-date", "published", "-published", "confidence", "-confidence", "type"]
assert set(TypeParam.__args__[1:]) == set(PLOVER_TYPES)  # type: ignore[attr-defined]

_TIE = "article_id, evidence_start, id"
SORTS: dict[str, str] = {
    "date": f"date_start ASC NULLS LAST, date_end ASC NULLS LAST, {_TIE}",
    "-date": f"date_start DESC NULLS LAST, date_end DESC NULLS LAST, {_TIE}",
    "published": f"published ASC NULLS LAST, {_TIE}",
    "-published": f"published DESC NULLS LAST, {_TIE}",
    "confidence": f"confidence ASC, {_TIE}",
    "-confidence": f"confidence DESC, {_TIE}",
    "type": f"type, date_start DESC NULLS LAST, {_TIE}",
}


#: which event of a cluster stands for it in ``distinct`` mode is decided in ``merge/`` (REPRESENTATIVE: the surest,
#: then the earliest report) and applied here to the reports that match a filter
#: an event without a cluster (store never merged) is a cluster of its own
CLUSTER_KEY = "coalesce(cluster_id, article_id || chr(31) || id)"
SINGLE_KEY = "(article_id || chr(31) || id)"


def like(text: str) -> str:
    """A substring pattern for ``ILIKE ? ESCAPE '\\'`` with the user's wildcards escaped."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class EventFilter:
    """Which events to show. Every field is optional; unset fields do not filter."""

    actor: str | None = None
    recipient: str | None = None
    entity: str | None = None
    type: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    asserted_only: bool = False
    source_kind: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    language: str | None = None
    article: str | None = None
    place: str | None = None
    q: str | None = None
    cluster: str | None = None
    #: outlets (site name, else the URL's host; see :mod:`lagebild.export.outlet`)
    outlet: tuple[str, ...] = ()
    #: only events whose merged event has a contradiction flag (reports disagree)
    contested: bool = False
    #: one row per cluster (its representative) instead of one per report; not a condition
    distinct: bool = False
    #: whether the store has ``events.cluster_id`` (stores made before merging lack it)
    clustered: bool = field(default=True, compare=False, repr=False, metadata={"qs": False})
    #: the store's :class:`~lagebild.serve.clusters.ClusterIndex` (sizes, representatives); None: none known
    clusters: object = field(default=None, compare=False, repr=False, metadata={"qs": False})
    #: whether the store has the lowercased search columns of :mod:`lagebild.store.derived`
    searchable: bool = field(default=False, compare=False, repr=False, metadata={"qs": False})
    #: whether the store has ``events.cluster_rank`` (see :func:`lagebild.serve.clusters.distinct_rows`)
    ranked: bool = field(default=False, compare=False, repr=False, metadata={"qs": False})

    @property
    def cluster_key(self) -> str:
        """SQL expression naming an event's cluster (each event its own when the store has none)."""
        return CLUSTER_KEY if self.clustered else SINGLE_KEY

    def where(self) -> tuple[str, list]:
        """SQL condition over the events table and its parameters."""
        parts: list[str] = []
        params: list = []
        if self.actor:
            parts.append("contains(actors_lc, ?)" if self.searchable else
                         "contains(lower(array_to_string(actor_names, chr(31))), ?)")
            params.append(self.actor.lower())
        if self.recipient:
            parts.append("contains(recipients_lc, ?)" if self.searchable else
                         "contains(lower(array_to_string(recipient_names, chr(31))), ?)")
            params.append(self.recipient.lower())
        if self.entity:
            parts.append("(list_contains(actor_names, ?) OR list_contains(recipient_names, ?))")
            params += [self.entity, self.entity]
        if self.type:
            parts.append("type IN (SELECT unnest(?))")
            params.append(list(self.type))
        modalities = ["asserted"] if self.asserted_only else list(self.modality)
        if modalities:
            parts.append("modality IN (SELECT unnest(?))")
            params.append(modalities)
        if self.source_kind:
            kinds = [k for k in self.source_kind if k != "none"]
            cond = "source_kind IN (SELECT unnest(?))"
            if "none" in self.source_kind:
                cond = f"({cond} OR source_kind IS NULL)"
            parts.append(cond)
            params.append(kinds)
        if self.date_from:
            parts.append("date_end >= ?")
            params.append(self.date_from)
        if self.date_to:
            parts.append("date_start <= ?")
            params.append(self.date_to)
        if self.language:
            parts.append("language = ?")
            params.append(self.language)
        if self.article:
            parts.append("article_id = ?")
            params.append(self.article)
        if self.place:
            parts.append("location_name = ?")
            params.append(self.place)
        if self.q:
            parts.append("contains(evidence_lc, ?)" if self.searchable else "contains(lower(evidence_text), ?)")
            params.append(self.q.lower())
        if self.outlet:
            parts.append(f"article_id IN (SELECT id FROM articles WHERE {outlet_sql()} IN (SELECT unnest(?)))")
            params.append(list(self.outlet))
        if self.cluster:
            if self.clustered:
                parts.append("cluster_id = ?")
                params.append(self.cluster)
            else:
                parts.append("FALSE")  # no clusters in this store: no event belongs to one
        if self.contested:
            if self.clustered:
                parts.append("cluster_id IN (SELECT id FROM merged_events WHERE contested)")
            else:
                parts.append("FALSE")  # never merged: nothing is contested
        return (" AND ".join(parts) or "TRUE"), params

    def query_items(self, **override) -> list[tuple[str, str]]:
        """The filter as query-string items (for links that keep the current filters)."""
        f = replace(self, **override) if override else self
        items: list[tuple[str, str]] = []
        for fl in fields(f):
            if fl.metadata.get("qs") is False:
                continue
            value = getattr(f, fl.name)
            if value in (None, "", (), False):
                continue
            if isinstance(value, tuple):
                items += [(fl.name, v) for v in value]
            elif value is True:
                items.append((fl.name, "1"))
            else:
                items.append((fl.name, str(value)))
        return items

    def qs(self, **override) -> str:
        return urlencode(self.query_items(**override))

    @property
    def active(self) -> bool:
        return bool(self.query_items())


def _clean(values: list[str] | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in (values or []) if v))


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


Text = Annotated[str | None, Query(max_length=200)]


def event_filter(
    request: Request,
    actor: Text = None,
    recipient: Text = None,
    entity: Annotated[str | None, Query(max_length=200, description="Exact entity name, as actor or recipient.")] = None,
    type: Annotated[list[TypeParam] | None, Query(description="PLOVER event type; repeat for several.")] = None,  # noqa: A002
    modality: Annotated[list[ModalityParam] | None, Query(description="Repeat for several.")] = None,
    asserted_only: Annotated[bool, Query(description="Only events the text asserts happened.")] = False,
    source_kind: Annotated[list[SourceParam] | None, Query(description="Who says so; `none`: the article itself.")] = None,
    date_from: Annotated[dt.date | Literal[""] | None, Query(description="Event date range overlaps from this day.")] = None,
    date_to: Annotated[dt.date | Literal[""] | None, Query(description="Event date range overlaps up to this day.")] = None,
    language: Annotated[str | None, Query(pattern=r"^([a-z]{2,3})?$")] = None,
    article: Annotated[str | None, Query(max_length=300, description="Article id.")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Exact place name.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the evidence text (case-insensitive).")] = None,
    cluster: Annotated[str | None, Query(max_length=100, description="Cluster id: the reports of one real event.")] = None,
    distinct: Annotated[bool, Query(description="One row per cluster (real event), not per report; counts count clusters.")] = False,
    outlet: Annotated[list[Annotated[str, Query(max_length=200)]] | None,
                      Query(description="Outlet (site name, else the URL's host); repeat for several.")] = None,
    contested: Annotated[bool, Query(description="Only events whose reports disagree (a contradiction flag).")] = False,
) -> EventFilter:
    """FastAPI dependency: the event filter of a request (shared by the API and the pages)."""
    return EventFilter(
        actor=_text(actor), recipient=_text(recipient), entity=_text(entity), type=_clean(type),
        modality=_clean(modality), asserted_only=asserted_only, source_kind=_clean(source_kind),
        date_from=date_from or None, date_to=date_to or None, language=_text(language),
        article=_text(article), place=_text(place), q=_text(q), cluster=_text(cluster), distinct=distinct,
        outlet=_clean([o.strip() for o in outlet or [] if len(o) <= 200]), contested=contested,
        **request.app.state.reader.cluster_args(),
    )
