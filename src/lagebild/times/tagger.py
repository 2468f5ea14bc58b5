"""Plain-text temporal tagger: find time expressions and give them TIMEX3 values.

``TimeTagger(LanguageData(code)).tag(text, published, sentences)`` returns
:class:`lagebild.records.Time` records in text order. Everything language-specific
comes from ``lang/<code>/times.json`` (compiled once, in the constructor).

Anchoring: deictic expressions (yesterday, last week, two months ago) resolve against
the publication date (``anchor="published"``); anaphoric ones (the day before, the next
day, a clock time, "that year") against the last day or year mentioned before them in
the text (``anchor="t<i>"``, ``i`` the 0-based index of that time in the returned
list), falling back to the publication date. Bare weekdays, months and weekends take
the tense of their clause. Without a publication date, values stay unresolved
(``XXXX-07-04``, ``XXXX-WXX-1``, ``PAST_REF``) instead of guessed.
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from typing import Any

from ..lang import LanguageData
from ..records import Time
from .dates import Day
from .normalise import Context
from .periods import NORMALISERS
from .patterns import Patterns, Rule
from .tense import Tense

_DAY = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)")
_YEAR = re.compile(r"^(\d{4})(?:$|-)")
_NO_UPDATE = ("clock", "daypart")


def _speaks_of_past(value: str, kind: str, anchor: Any, published: datetime.date | None) -> bool:
    """PAST_REF ("damals") or an absolute date two or more years before publication."""
    if value == "PAST_REF":
        return True
    year = _YEAR.match(value)
    return (kind == "date" and anchor is None and year is not None and published is not None
            and int(year.group(1)) < published.year - 1)


class TimeTagger:
    def __init__(self, lang: LanguageData) -> None:
        data = lang.json("times")
        self.code = lang.code
        self.patterns = Patterns(data)
        self.tense = Tense(data.get("tense", {}), data.get("sentences"))

    def _slots(self, rule: Rule, m: re.Match[str]) -> dict[str, Any]:
        slots: dict[str, Any] = {}
        for group, slot in rule.slots.items():
            raw = m.group(group)
            if raw is None:
                continue
            cls = rule.classes.get(group)
            slots[slot] = self.patterns.value(cls, raw) if cls else raw
        return slots

    def _pieces(self, rule: Rule, m: re.Match[str], slots: dict[str, Any]
                ) -> list[tuple[tuple[int, int], dict[str, Any]]]:
        """The expression's extent and slots; a range ("16. und 17. Mai") gives two."""
        extent = m.span(f"r{rule.index}_x")
        first = {k: v for k, v in slots.items() if k.startswith("first_")}
        if not first:
            return [(extent, slots)]
        groups = [g for g, s in rule.slots.items() if m.group(g) is not None]
        f_spans = [m.span(g) for g in groups if rule.slots[g].startswith("first_")]
        f_start, f_end = min(s for s, _ in f_spans), max(e for _, e in f_spans)
        base = {k: v for k, v in slots.items() if not k.startswith("first_") and not k[-1].isdigit()}
        first_slots = dict(base)
        first_slots.update({k[len("first_"):]: v for k, v in first.items()})
        if "first_minute" not in first:
            first_slots.pop("minute", None)
        # shared parts before the first item belong to it ("March 20-21", "Samstag, 16."),
        # the second item starts with the first shared part after it ("17. Jänner")
        others = [m.span(g) for g in groups if not rule.slots[g].startswith("first_")]
        first_extent = (min([f_start] + [s for s, _ in others if s < f_start]), f_end)
        after = [s for s, _ in others if s >= f_end]
        second_extent = (min(after), extent[1]) if after else extent
        return [(first_extent, first_slots), (second_extent, base)]

    def tag(self, text: str, published: datetime.date | None,
            sentences: list[tuple[int, int]] | None = None) -> list[Time]:
        """Time expressions of ``text`` with values resolved against ``published``."""
        if isinstance(published, datetime.datetime):
            published = published.date()
        elif isinstance(published, str):
            published = datetime.date.fromisoformat(published[:10])
        matches = self.patterns.find(text)
        if not matches:
            return []
        sents = sorted(sentences) if sentences else self.tense.sentences(text)
        starts = [s for s, _ in sents]
        times: list[Time] = []
        last_day: tuple[int, Day] | None = None
        last_year: tuple[int, int] | None = None
        abs_year: tuple[int, int] | None = None
        past: int | None = None  # index of the last time that speaks of the past
        for rule, m in matches:
            slots = self._slots(rule, m)
            for (start, end), piece in self._pieces(rule, m, slots):

                def tense(start: int = start, end: int = end) -> tuple[str, bool]:
                    clause = self.tense.clause(text, sents, starts, start, end)
                    return self.tense.of(text, clause, (start, end))

                near = last_day is not None and (
                    bisect_right(starts, start) - bisect_right(starts, times[last_day[0]].start) <= 1)
                focus = None
                if abs_year is not None and (
                        bisect_right(starts, start) - bisect_right(starts, times[abs_year[0]].start) <= 1):
                    focus = abs_year
                contrast = past is not None and (
                    bisect_right(starts, start) - bisect_right(starts, times[past].start) <= 1)
                ctx = Context(published, last_day, last_year, tense, near, focus,
                              focus is not None and bool(_DAY.match(times[focus[0]].value or "")),
                              contrast)
                try:
                    res = NORMALISERS[rule.norm]({**rule.params, **piece}, rule.params, ctx)
                except (ValueError, OverflowError):  # a date off the calendar: no value
                    continue
                if res is None or not res.value:
                    continue
                anchor = res.anchor
                if isinstance(anchor, tuple):
                    anchor = f"t{anchor[1]}"
                index = len(times)
                times.append(Time(start=start, end=end, text=text[start:end], value=res.value,
                                  kind=res.kind, mod=res.mod, anchor=anchor))
                if _speaks_of_past(res.value, res.kind, res.anchor, published):
                    past = index
                if res.kind in ("duration", "set") or rule.norm in _NO_UPDATE or isinstance(res.anchor, tuple):
                    continue
                day = _DAY.match(res.value)
                if day:
                    y = None if day.group(1) == "XXXX" else int(day.group(1))
                    last_day = (index, Day(y, int(day.group(2)), int(day.group(3))))
                year = _YEAR.match(res.value)
                if year:
                    last_year = (index, int(year.group(1)))
                    if res.anchor is None and (published is None or last_year[1] != published.year):
                        abs_year = last_year
        return times
