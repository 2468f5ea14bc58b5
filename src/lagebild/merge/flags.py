"""Contradiction flags: where the reports of one merged event disagree.

- ``modality``: one report asserts what another denies or calls unclear (within one article: the same act, by the
  same trigger family);
- ``figure``: the same counted thing with different numbers ("vier Demonstranten" / "zehn
  Demonstranten"), also within one article (a corrected figure);
- ``actor``: different actors (by Wikidata QID) named for the same act (blame), none shared by all sides;
- ``date``: reports of different articles date the event to different days (a report dated to
  its own publication day, the time of reporting, takes no part).

Each flag names the reports on each side (their evidence spans are in the store).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .decide import score
from .reports import Report, figures

_QID = re.compile(r"Q\d+$")
KINDS = ("modality", "figure", "actor", "date")
#: modalities that dispute an assertion
DISPUTING = frozenset({"negated", "uncertain"})
#: types where naming another actor is blaming someone else (not two sides of a talk)
BLAME_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE"})


@dataclass(frozen=True)
class Flag:
    kind: str
    event: str  # merged event id
    a: tuple[Report, ...]
    b: tuple[Report, ...]
    a_value: str
    b_value: str

    @property
    def id(self) -> str:
        sides = sorted([",".join(sorted(r.uid for r in self.a)), ",".join(sorted(r.uid for r in self.b))])
        key = "\x1e".join([self.kind, self.event, *sides])
        return "f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def _split(reports: list[Report], value) -> dict[str, list[Report]]:  # noqa: ANN001
    groups: dict[str, list[Report]] = {}
    for r in reports:
        v = value(r)
        if v is not None:
            groups.setdefault(v, []).append(r)
    return groups


def _pairs(kind: str, event: str, groups: dict[str, list[Report]]) -> list[Flag]:
    keys = sorted(groups)
    return [Flag(kind, event, tuple(groups[x]), tuple(groups[y]), x, y)
            for i, x in enumerate(keys) for y in keys[i + 1:]]


#: a flag needs reports on both sides that are the same event by their own evidence, not by a chain of
#: other reports (measured on the tuning part of the gold: eval/merge.py)
FLAG_THRESHOLD = 3.5


def _disputes(x: Report, y: Report) -> bool:
    """Whether ``y`` can dispute what ``x`` asserts: across articles, any report of the same event (outlets name one
    act with different words: "opened fire", "fired", "erschossen"); within one article, only one naming the same act
    by the same trigger family, because the events stage already joined an article's mentions of one act, so its
    reports with other triggers are other acts of the merged event ("calls for more investigation" is not denied by
    "the decision not to indict": the only such modality flag on the tuning gold was wrong)."""
    return x.article_id != y.article_id or x.family == y.family


def _confirmed(flag: Flag) -> Flag | None:
    """The flag with only the reports directly matched (score >= FLAG_THRESHOLD) by one on the other side (and, for
    a modality flag, able to dispute it: :func:`_disputes`)."""
    pairs = [(x, y) for x in flag.a for y in flag.b if score(x, y) >= FLAG_THRESHOLD
             and (flag.kind != "modality" or _disputes(x, y))]
    if not pairs:
        return None
    a = tuple(r for r in flag.a if any(r is x for x, _ in pairs))
    b = tuple(r for r in flag.b if any(r is y for _, y in pairs))
    return Flag(flag.kind, flag.event, a, b, flag.a_value, flag.b_value)


def event_flags(event: str, reports: list[Report]) -> list[Flag]:
    """Flags among the reports of one merged event (none for a single report)."""
    if len(reports) < 2:
        return []
    return [f for f in map(_confirmed, _candidates(event, reports)) if f is not None]


def _candidates(event: str, reports: list[Report]) -> list[Flag]:
    out: list[Flag] = []
    # one asserts, another denies or calls it unclear
    asserted = [r for r in reports if r.modality == "asserted"]
    for modality in sorted(DISPUTING):
        disputing = [r for r in reports if r.modality == modality]
        if asserted and disputing:
            out.append(Flag("modality", event, tuple(asserted), tuple(disputing), "asserted", modality))
    # the same counted thing, different numbers
    counted: dict[str, dict[str, list[Report]]] = {}
    for r in reports:
        for thing, (n, word) in figures(r.evidence, r.language).items():
            counted.setdefault(thing, {}).setdefault(f"{n} {word}", []).append(r)
    for thing, groups in sorted(counted.items()):
        if len({v.split()[0] for v in groups}) > 1:
            out += [f for f in _pairs("figure", event, groups) if f.a_value.split()[0] != f.b_value.split()[0]]
    # different actors blamed for the same act
    if reports[0].type in BLAME_TYPES:
        groups = _split(reports, lambda r: "|".join(sorted(a for a in r.actors if _QID.match(a))) or None)
        if len(groups) > 1:
            everyone = [set(k.split("|")) for k in groups]
            if not set.intersection(*everyone):
                out += _pairs("actor", event, groups)
    # dated to different days by different articles (within one article, two days for one event are the
    # extractor's reading of two time words, not the author's claim: every such flag on the tuning gold was wrong)
    # A report dated to its own article's publication day is anchored at the time of reporting (the
    # events stage dates present-tense events so, and the store cannot tell that from a stated "today"):
    # two such reports published a day apart are not a contradiction, so they take no part.
    days = _split(reports, lambda r: r.start.isoformat()
                  if r.precision_days == 1 and r.start != r.published else None)
    out += [f for f in _pairs("date", event, days)
            if {r.article_id for r in f.a} != {r.article_id for r in f.b} or len({r.article_id for r in f.a}) > 1]
    return out
