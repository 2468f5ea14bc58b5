"""Cross-article event merging: one real-world event, however many outlets report it.

Two events of different articles are the same event when they have the same PLOVER
type and modality, share an actor (by Wikidata QID, else canonical name), do not
name disjoint recipients, and happened at compatible times: their date ranges overlap,
or, when either is undated, their articles appeared within ``window_days`` of each
other. Clusters are the connected components of that relation; a cluster's id is
derived from its earliest member, so it is stable when more articles arrive.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventKey:
    uid: str  # "<article_id>:<event_id>"
    article_id: str
    type: str
    modality: str
    actors: frozenset[str]
    recipients: frozenset[str]
    start: dt.date | None
    end: dt.date | None
    published: dt.date | None


def same_event(a: EventKey, b: EventKey, window_days: int = 3) -> bool:
    if a.article_id == b.article_id or a.type != b.type or a.modality != b.modality:
        return False
    if not (a.actors & b.actors):
        return False
    if a.recipients and b.recipients and not (a.recipients & b.recipients):
        return False
    if a.start and b.start and a.end and b.end:
        return a.start <= b.end and b.start <= a.end
    if a.published and b.published:
        return abs((a.published - b.published).days) <= window_days
    return False


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def cluster_events(events: list[EventKey], window_days: int = 3) -> dict[str, str]:
    """``uid -> cluster id`` for every event (singletons get their own cluster)."""
    parent = {e.uid: e.uid for e in events}
    # Candidates share type, modality and at least one actor: block on those.
    blocks: dict[tuple[str, str, str], list[EventKey]] = defaultdict(list)
    for e in events:
        for actor in e.actors:
            blocks[(e.type, e.modality, actor)].append(e)
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda e: (e.start or e.published or dt.date.min, e.uid))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if _find(parent, a.uid) != _find(parent, b.uid) and same_event(a, b, window_days):
                    parent[_find(parent, b.uid)] = _find(parent, a.uid)
    roots: dict[str, list[str]] = defaultdict(list)
    for e in events:
        roots[_find(parent, e.uid)].append(e.uid)
    out = {}
    for members in roots.values():
        cid = "c" + hashlib.sha1(min(members).encode("utf-8")).hexdigest()[:12]
        for uid in members:
            out[uid] = cid
    return out
