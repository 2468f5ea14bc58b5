"""TIMEX values as people read them, with their precision: ``2009-03-25TAF`` is
"25 Mar 2009, afternoon" (precision: part of day), ``2025-W28`` is "week 28 of 2025 (7–13 Jul)".

Used by the page (Jinja filters), the event cards and `lagebild summary`; the raw value stays in the data and in
the page's ``datetime``/``title`` attributes.
"""
from __future__ import annotations

import datetime as dt
import re

from ..store.dates import value_range

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_REFS = {"PRESENT_REF": "now (no date)", "PAST_REF": "in the past (no date)", "FUTURE_REF": "in the future (no date)"}
_MODS = {"APPROX": "about", "START": "early", "MID": "mid", "END": "late", "BEFORE": "before", "AFTER": "after",
         "ON_OR_BEFORE": "on or before", "ON_OR_AFTER": "on or after"}


def _day(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _short(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}"


def readable(value: str | None) -> dict:
    """``{"text", "precision", "value"}`` for a TIMEX date value; ``text`` is None for no value.

    Precision is one of: time, part of day, day, week, month, quarter, half-year, season,
    year, decade, vague, unknown (a value this function does not know is shown as it is).
    """
    if not value:
        return {"text": None, "precision": None, "value": value}
    v = value.strip()
    if v in _REFS:
        return {"text": _REFS[v], "precision": "vague", "value": value}
    rng = value_range(v)
    text, precision = None, "unknown"
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{1,2}):(\d{2})(?::\d{2})?.*", v):
        text, precision = f"{_day(rng[0])}, {int(m.group(2)):02d}:{m.group(3)}", "time"
    elif m := re.fullmatch(r"\d{4}-\d{2}-\d{2}T(MO|MI|AF|EV|NI|DT)", v):
        text, precision = f"{_day(rng[0])}, {_PARTS[m.group(1)]}", "part of day"
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) and rng:
        text, precision = _day(rng[0]), "day"
    elif m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
        if rng:
            what = "weekend of week" if m.group(3) else "week"
            text = f"{what} {int(m.group(2))} of {m.group(1)} ({_short(rng[0])} – {_short(rng[1])})"
            precision = "week"
    elif re.fullmatch(r"\d{4}-\d{2}", v) and rng:
        text, precision = f"{_MONTHS[rng[0].month - 1]} {rng[0].year}", "month"
    elif m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        text, precision = f"Q{m.group(2)} {m.group(1)} ({_MONTHS[rng[0].month - 1]} – {_MONTHS[rng[1].month - 1]})", "quarter"
    elif m := re.fullmatch(r"(\d{4})-H([12])", v):
        text, precision = f"{'first' if m.group(2) == '1' else 'second'} half of {m.group(1)}", "half-year"
    elif m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
        text, precision = f"{_SEASONS[m.group(2)]} {m.group(1)}", "season"
    elif re.fullmatch(r"\d{4}", v):
        text, precision = v, "year"
    elif m := re.fullmatch(r"(\d{3})X?", v):
        text, precision = f"the {m.group(1)}0s", "decade"
    if text is None:
        return {"text": v, "precision": "unknown", "value": value}
    return {"text": text, "precision": precision, "value": value}


def readable_text(value: str | None, mod: str | None = None) -> str:
    """Just the readable text ("" for no value), with a TIMEX ``mod`` in front ("about 25 Mar 2009")."""
    r = readable(value)
    if not r["text"]:
        return ""
    return f"{_MODS[mod]} {r['text']}" if mod in _MODS else r["text"]


def readable_day(day: dt.date | str | None) -> str:
    """A reporting date ("2009-03-26" or a date) as "26 Mar 2009"; "" for none."""
    if not day:
        return ""
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day[:10])
        except ValueError:
            return day
    return _day(day)
