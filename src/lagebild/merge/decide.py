"""The same-event decision: are two reports the same real-world event?

A score adds up the evidence, each weight measured on the tuning part of the gold
(``eval/merge.py``; ``docs/decisions.md``):

- **who**: a shared actor or recipient (by Wikidata QID, else canonical name), also across
  roles (the extractor sometimes reads the target as the actor); actors named on both sides
  and disjoint count against;
- **when**: dates at their precision: two reports dated to different days are two events (two
  strikes on two days), a day inside a month is compatible but weak; undated reports lean on
  their articles' publication dates;
- **where**: the same place counts for, places far apart against;
- **what**: the same PLOVER type, or a type known to be read for the same happening
  (ASSAULT/COERCE, REQUEST/ACCUSE …); a factual claim (asserted, negated, uncertain, asked)
  and an announced or hypothetical event count against;
- **the text around the trigger**: overlap of the content words of both evidence spans.

Nothing here depends on the language: cross-language reports meet on QIDs, places and dates.
"""
from __future__ import annotations

import math

from .reports import Report

#: modalities that claim something happened (or did not): the same real event can be asserted and denied
FACTUAL = frozenset({"asserted", "negated", "uncertain", "question"})
#: types read for one happening by different wordings ("offensive" ASSAULT, "shelling" COERCE)
RELATED_TYPES = frozenset(frozenset(p) for p in [
    ("ASSAULT", "COERCE"), ("ASSAULT", "MOBILIZE"), ("COERCE", "SANCTION"), ("REQUEST", "ACCUSE"),
    ("REQUEST", "RETREAT"), ("AGREE", "COOPERATE"), ("AGREE", "CONCEDE"), ("REJECT", "ACCUSE"),
    ("THREATEN", "COERCE"), ("AID", "SUPPORT"), ("CONSULT", "COOPERATE"), ("AID", "REQUEST"),
])

#: weights (tuned on the tuning half of eval/merge_gold.json; see docs/decisions.md)
W = {
    "same_type": 1.5,
    "related_type": -0.05,
    "shared_actor": 1.75,
    "shared_recipient": 1.0,
    "crossed_role": 0.85,
    "disjoint_actors": -1.0,
    "same_day": 1.0,
    "near_day": -0.75,
    "coarse_overlap": -0.55,
    "no_overlap": -3.5,
    "same_place": 0.8,
    "far_place": -3.5,
    "words": 3.75,
    "same_trigger": 0.3,
    "same_family": 1.0,
    "same_modality": 0.05,
    "other_claim": -1.5,
    "published_gap": -0.65,
    "same_article": -0.05,
}
THRESHOLD = 3.5
#: places further apart than this (km) are never one event's (a country's centroid may be far from its cities: countries
#: are large, so this is generous)
FAR_KM = 1000
#: reports published further apart than this are never compared (blocking; also bounds the work)
WINDOW_DAYS = 7


def _km(a: Report, b: Report) -> float | None:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def word_overlap(a: Report, b: Report) -> float:
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / math.sqrt(len(a.words) * len(b.words))


def score(a: Report, b: Report) -> float:
    """Evidence that ``a`` and ``b`` report the same event (``-inf``: certainly not)."""
    if a.uid == b.uid:
        return math.inf
    if a.type == b.type:
        s = W["same_type"]
    elif frozenset((a.type, b.type)) in RELATED_TYPES:
        s = W["related_type"]
    else:
        return -math.inf
    if a.modality == b.modality:
        s += W["same_modality"]
    elif (a.modality in FACTUAL) != (b.modality in FACTUAL):
        s += W["other_claim"]  # "will strike" is not "struck" (unless everything else says it is)
    if a.article_id == b.article_id:
        s += W["same_article"]
    if not (block_keys(a) & block_keys(b)):
        return -math.inf  # nothing in common to block on: never compared, so never merged
    # who
    shared_actor = bool(a.actors & b.actors)
    if shared_actor:
        s += W["shared_actor"]
    if a.recipients & b.recipients:
        s += W["shared_recipient"]
    if not shared_actor and (a.actors & b.recipients or a.recipients & b.actors):
        s += W["crossed_role"]
    if a.actors and b.actors and not shared_actor and not (a.actors & b.recipients or a.recipients & b.actors):
        s += W["disjoint_actors"]
    # when
    if a.start and b.start and a.end and b.end:
        overlap = a.start <= b.end and b.start <= a.end
        if a.precision_days == 1 and b.precision_days == 1:
            gap = abs((a.start - b.start).days)
            if gap > 1:
                return -math.inf  # two days apart, each dated to its day: two events
            s += W["same_day"] if gap == 0 else W["near_day"]
        elif overlap:
            s += W["coarse_overlap"]
        elif min(abs((a.start - b.end).days), abs((b.start - a.end).days)) > 1:
            return -math.inf  # 20 May is not June: dates at their precision that cannot meet
        else:
            s += W["no_overlap"]
    elif a.published and b.published:
        s += W["published_gap"] * abs((a.published - b.published).days)
    # where
    km = _km(a, b)
    if km is not None:
        if km > FAR_KM:
            return -math.inf  # the same act does not happen in two places that far apart
        s += W["same_place"] if km < 50 else W["far_place"] if km > 150 else 0.0
    elif a.place and b.place and a.place == b.place:
        s += W["same_place"]
    # what the text says around the trigger
    s += W["words"] * word_overlap(a, b)
    if a.article_id != b.article_id and a.head and a.head == b.head:
        s += W["same_trigger"]
    if a.family and a.family == b.family:
        s += W["same_family"]
    return s


def same_event(a: Report, b: Report, threshold: float | None = None) -> bool:
    return score(a, b) >= (THRESHOLD if threshold is None else threshold)


def block_keys(r: Report) -> frozenset[str]:
    """Keys two reports must share to be compared at all: the type (or a pair of related types) with an entity
    (actor or recipient, either role), a place, or the trigger's family. :func:`score` rejects pairs that share
    none, so blocking on these keys loses no merge (and the store looks up only the new reports' keys)."""
    if r.bkeys is not None:
        return r.bkeys
    kinds = [r.type] + ["+".join(sorted(p)) for p in RELATED_TYPES if r.type in p]
    things = [f"e|{k}" for k in r.actors | r.recipients]
    if r.place:
        things.append(f"p|{r.place}")
    if r.family:
        things.append(f"t|{r.family}|{r.published or r.start}")
    keys = frozenset(f"{kind}|{thing}" for kind in kinds for thing in things)
    object.__setattr__(r, "bkeys", keys)
    return keys
