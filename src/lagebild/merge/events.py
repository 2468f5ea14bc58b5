"""Merged events: reports of one real-world event, grouped; ids that stay stable as articles arrive.

Clusters are the connected components of :func:`~lagebild.merge.decide.same_event` over the
pairs that share a blocking key and were published within ``WINDOW_DAYS``. Adding reports
compares each new report with the stored reports that share one of its keys, so the
result is the same whether reports arrive one article at a time, in batches, or all at
once (the same pairs are compared). Ids: a cluster made only of new reports is named
after its earliest report (publication date, then article and event id); a cluster that
grows keeps its id; when a new report joins two stored clusters, the older id survives
and the other is recorded as its alias.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable

from .decide import WINDOW_DAYS, block_keys, same_event
from .reports import Report


def event_id(first: Report) -> str:
    """The id of a merged event first reported by ``first``."""
    return "m" + hashlib.sha1(first.uid.encode("utf-8")).hexdigest()[:15]


def order_key(r: Report) -> tuple:
    return (r.published or dt.date.max, r.article_id, r.event_id)


def _near(a: Report, b: Report) -> bool:
    if a.published and b.published:
        return abs((a.published - b.published).days) <= WINDOW_DAYS
    return True


def candidate_pairs(new: list[Report], stored: Iterable[Report]) -> Iterable[tuple[Report, Report]]:
    """Pairs (new, new) and (new, stored) that share a blocking key and fall within the window."""
    index: dict[str, list[Report]] = defaultdict(list)
    for r in stored:
        for k in block_keys(r):
            index[k].append(r)
    seen: set[tuple[str, str]] = set()
    for r in sorted(new, key=order_key):
        keys = block_keys(r)
        for k in keys:
            for other in index[k]:
                pair = (r.uid, other.uid)
                if pair in seen or other.uid == r.uid:
                    continue
                seen.add(pair)
                seen.add((other.uid, r.uid))
                if _near(r, other):
                    yield r, other
        for k in keys:
            index[k].append(r)


def assign(new: list[Report], stored: list[Report], clusters: dict[str, str],
           first_seen: dict[str, tuple]) -> tuple[dict[str, str], dict[str, str]]:
    """Cluster ids for the new reports (and for stored reports whose cluster is absorbed).

    ``clusters``: uid -> cluster id of the stored reports; ``first_seen``: cluster id -> the order key of its
    earliest report. Returns ``(uid -> cluster id, absorbed cluster id -> surviving id)``; the first maps
    every new report, and every stored report whose cluster changes.
    """
    parent: dict[str, str] = {}

    def node(r: Report) -> str:
        return "c:" + clusters[r.uid] if r.uid in clusters else "r:" + r.uid

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in new:
        find(node(r))
    for a, b in candidate_pairs(new, stored):
        ra, rb = find(node(a)), find(node(b))
        if ra != rb and same_event(a, b):
            parent[rb] = ra
    members: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        members[find(x)].append(x)
    by_uid = {r.uid: r for r in new}
    out: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for group in members.values():
        old = sorted((x[2:] for x in group if x.startswith("c:")), key=lambda c: (first_seen.get(c, ()), c))
        if old:
            cid = old[0]
            for absorbed in old[1:]:
                aliases[absorbed] = cid
        else:
            cid = event_id(min((by_uid[x[2:]] for x in group), key=order_key))
        for x in group:
            if x.startswith("r:"):
                out[x[2:]] = cid
    if aliases:
        for uid, c in clusters.items():
            if c in aliases:
                out[uid] = aliases[c]
    return out, aliases
