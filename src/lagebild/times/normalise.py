"""Normalisers: matched slots of a rule → TIMEX3 value, kind, mod and anchor.

Each rule in ``times.json`` names one normaliser (``norm``). Normalisers see only slot
values (numbers, codes from the language's classes), never words, so they serve every
language. A :class:`Context` gives the publication date, the discourse anchors (the
last day and last year mentioned before the expression) and the clause tense.

``anchor`` of a result: ``None`` (absolute or not anchored), ``"published"``, or
``("t", i)`` for the i-th time of the document (the tagger turns it into ``"t<i>"``).
Named periods (seasons, decades, centuries, quarters, feasts) and the registry
``NORMALISERS`` are in :mod:`.periods`.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Callable

from .dates import Day, add_months, at, duration, shift, valid, weekday_near, weekend_near

REF_BY_SIGN = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}
SEASON_MID = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
_FINE_UNITS = ("H", "MIN", "S")


@dataclass
class Result:
    value: str | None
    kind: str = "date"
    mod: str | None = None
    anchor: Any = None


@dataclass
class Context:
    published: datetime.date | None
    last_day: tuple[int, Day] | None
    last_year: tuple[int, int] | None
    tense: Callable[[], tuple[str, bool]]
    """() → ("past" | "future", whether the clause had an explicit cue)"""
    near: bool = True
    """whether ``last_day`` was mentioned in this sentence or the one before"""
    year_focus: tuple[int, int] | None = None
    """(index, year) of an absolute year given in this sentence or the one before"""
    focus_is_day: bool = False
    """whether ``year_focus`` came with a day ("24. Februar 2022"): a narrative of one
    day does not hand its year to later day dates"""
    contrast: bool = False
    """whether this sentence or the one before speaks of the past (a PAST_REF such as
    "damals", or an absolute year at least two years before publication): "heute" then
    means the present as opposed to that past (PRESENT_REF), not the publication day"""


def _sign(n: int) -> int:
    return (n > 0) - (n < 0)


def _num(text: str | float | int | None) -> float | str | None:
    if text is None or isinstance(text, float):
        return text
    if isinstance(text, int):
        return float(text)
    if text.upper() == "X":
        return "X"
    digits = re.sub(r"[^0-9.,]", "", text).replace(",", ".").strip(".")
    try:
        return float(digits) if digits else None
    except ValueError:
        return None


def _int(text: Any) -> int | None:
    n = _num(text)
    return int(n) if isinstance(n, float) else (n if isinstance(n, int) else None)


def _year(s: dict[str, Any], ctx: Context) -> tuple[int | None, Any]:
    """Explicit year of the slots (``year``, ``year2``, ``dir_year``), with its anchor."""
    if s.get("year") is not None:
        return _int(s["year"]), None
    if s.get("year2") is not None:
        y = _int(s["year2"]) or 0
        base = ctx.published.year if ctx.published else 2000
        century = base // 100 * 100
        return (century + y if century + y <= base + 10 else century - 100 + y), None
    d = s.get("dir_year")
    if d is not None:
        if d == "same" and ctx.last_year:
            return ctx.last_year[1], ("t", ctx.last_year[0])
        if ctx.published and isinstance(d, int):
            return ctx.published.year + d, "published"
        return None, None
    return None, None


def _daypart(value: str, s: dict[str, Any]) -> str:
    if s.get("hour") is not None:
        hour, minute = _int(s["hour"]) or 0, _int(s.get("minute")) or 0
        part = s.get("daypart")
        if (part in ("AF", "EV") or s.get("ampm") == "PM" or (part == "NI" and hour >= 6)) and hour < 12:
            hour += 12
        elif s.get("ampm") == "AM" and hour == 12:
            hour = 0
        return f"{value}T{hour:02d}:{minute:02d}"
    if s.get("daypart"):
        return f"{value}T{s['daypart']}"
    return value


def _timed(s: dict[str, Any]) -> str:
    return "time" if s.get("daypart") or s.get("hour") is not None else "date"


def _closest_year(ref: datetime.date, month: int, day: int, tense: tuple[str, bool]) -> int:
    """The year that puts month/day nearest to ``ref``, or on the tense's side of it."""
    t, explicit = tense
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if not valid(y, month, day):
            continue
        d = datetime.date(y, month, day)
        gap = abs((d - ref).days) + (0 if y == ref.year else 45)
        if explicit and ((t == "past" and d > ref + datetime.timedelta(days=1))
                         or (t == "future" and d < ref - datetime.timedelta(days=1))):
            gap += 120  # the tense's side is likelier, not certain
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best else ref.year


def _far_focus(ctx: Context) -> bool:
    """Whether the text just named a year two or more years away from publication: a
    month, day or season without a year then belongs to that year."""
    return bool(ctx.year_focus and ctx.published and abs(ctx.year_focus[1] - ctx.published.year) > 1)


def norm_date(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    mod = s.get("mod") or s.get("mod_adj")
    year, anchor = _year(s, ctx)
    month = _int(s.get("month"))
    day = _int(s.get("day"))
    if month is None and day is not None:  # "on the 4th": the month in focus
        base = _base_day(ctx if ctx.near else Context(ctx.published, None, None, ctx.tense), "D")
        if base is None:
            return Result(f"XXXX-XX-{day:02d}")
        ref, anchor, known = base
        if not valid(ref.year, ref.month, day):
            return None
        return Result(f"{ref.year if known else 'XXXX'}-{ref.month:02d}-{day:02d}", "date", mod, anchor)
    if month is None:
        if year is None:
            return None
        return Result(f"{year:04d}", "date", mod, anchor)
    direction = s.get("dir")
    if year is None and ctx.published is not None:
        ref = ctx.published
        anchor = "published"
        if isinstance(direction, int) and direction != 0:
            year = ref.year + (direction if (month - ref.month) * direction <= 0 else 0)
        elif direction == "same" and ctx.last_year:
            year, anchor = ctx.last_year[1], ("t", ctx.last_year[0])
        elif direction is None and _far_focus(ctx) and (day is None or not ctx.focus_is_day):
            # a narrative of another year: "im März 1992 … im April", "1989 … am 9. November"
            year, anchor = ctx.year_focus[1], ("t", ctx.year_focus[0])
        else:
            year = _closest_year(ref, month, day or 15, ctx.tense())
    if day is None:
        y = f"{year:04d}" if year is not None else "XXXX"
        return Result(f"{y}-{month:02d}", "date", mod, anchor)
    if not valid(year, month, day):
        return None
    value = _daypart(Day(year, month, day).value(), s)
    return Result(value, _timed(s), mod, anchor)


def norm_weekday(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    wd = _int(s.get("weekday"))
    if wd is None:
        return None
    if ctx.published is None:
        return Result(_daypart(f"XXXX-WXX-{wd}", s), _timed(s))
    direction = s.get("dir")
    if isinstance(direction, int) and direction != 0:
        d = weekday_near(ctx.published, wd, 2 * direction)
    else:
        d = weekday_near(ctx.published, wd, -1 if ctx.tense()[0] == "past" else 1)
    return Result(_daypart(Day.of(d).value(), s), _timed(s), None, "published")


def norm_deictic(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    offset = int(s.get("deictic") or 0)
    if offset == 0 and ctx.contrast and _timed(s) != "time" and ctx.tense() != ("past", True):
        return Result("PRESENT_REF")  # "damals … heute": the present, not the day
    if ctx.published is None:
        return Result(REF_BY_SIGN[_sign(offset)])
    d = ctx.published + datetime.timedelta(days=offset)
    return Result(_daypart(Day.of(d).value(), s), _timed(s), None, "published")


def _offset(code: str) -> tuple[str, int]:
    m = re.fullmatch(r"([A-Z]+)(-?\d+)", code)
    return (m.group(1), int(m.group(2))) if m else ("D", 0)


def norm_relative(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    mod = s.get("mod")
    if s.get("relative_word"):
        unit, n = _offset(s["relative_word"])
    else:
        unit, n = s.get("unit"), s.get("dir")
    if unit is None or n is None:
        return None
    if n == "same":
        base = _base_day(ctx, unit)
        if base is None:
            return None
        d, anchor, known = base
        return Result(at(d, unit, known), "date", mod, anchor)
    ref = ctx.published
    if n == "tense":
        n = -1 if ctx.tense()[0] == "past" else 0
    if ref is None:
        return Result(REF_BY_SIGN[_sign(int(n))], "date", mod)
    if unit == "WE":
        d = weekend_near(ref, int(n))
        if n > 0 and ref.isoweekday() < 6:
            d = weekend_near(ref, 0)
    else:
        d = shift(ref, unit, int(n))
    return Result(at(d, unit), "date", mod, "published")


def _base_day(ctx: Context, unit: str) -> tuple[datetime.date, Any, bool] | None:
    """The discourse date a relative expression hangs on: last day (or year) mentioned,
    else the publication date."""
    if unit in ("Y", "DE", "CE") and ctx.last_year and (
        not ctx.last_day or ctx.last_year[0] > ctx.last_day[0]
    ):
        return datetime.date(ctx.last_year[1], 7, 1), ("t", ctx.last_year[0]), True
    if ctx.last_day:
        i, day = ctx.last_day
        return day.date(), ("t", i), day.year is not None
    if ctx.published:
        return ctx.published, "published", True
    return None


def norm_anaphoric(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    if s.get("anaphoric_word"):
        unit, n = _offset(s["anaphoric_word"])
    else:
        unit = s.get("unit")
        n = s.get("dir")
        if n is None:
            k = _num(s.get("num"))
            if not isinstance(k, float):
                return None
            n = int(k) * int(s.get("after_before") or 0)
    if unit is None or n is None:
        return None
    base = _base_day(ctx, unit)
    if base is None:
        return Result(REF_BY_SIGN[_sign(int(n))])
    d, anchor, known = base
    if unit in _FINE_UNITS:
        return Result(at(d, "D", known), "date", None, anchor)
    return Result(at(shift(d, unit, int(n)), unit, known), "date", None, anchor)


def norm_ago(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    n, unit = _num(s.get("num")), s.get("unit")
    sign = int(p.get("sign", -1))
    if n == "X":
        return Result(REF_BY_SIGN[sign], "date", s.get("approx"))
    if not isinstance(n, float) or unit is None:
        return None
    if ctx.published is None:
        return Result(REF_BY_SIGN[sign], "date", s.get("approx"))
    if unit in _FINE_UNITS:
        return Result(at(ctx.published, "D"), "date", s.get("approx"), "published")
    if unit == "WE":
        unit = "W"
    if not n.is_integer():
        months = {"Y": 12, "DE": 120, "M": 1}.get(unit)
        if months:
            return Result(at(add_months(ctx.published, int(sign * n * months)), "M"),
                          "date", s.get("approx"), "published")
    d = shift(ctx.published, unit, sign * int(n))
    return Result(at(d, unit), "date", s.get("approx"), "published")


def norm_duration(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    n = _num(s.get("num") or p.get("num") or s.get("vague"))
    unit = s.get("unit")
    if n is None or unit is None:
        return None
    return Result(duration(n, unit), "duration", s.get("approx"))


def norm_fixed(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    return Result(s.get("value") or p.get("value"), p.get("kind", "date"))


def norm_set(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    if s.get("weekday") is not None:
        return Result(_daypart(f"XXXX-WXX-{_int(s['weekday'])}", s), "set")
    if s.get("daypart"):  # "every morning"
        return Result(_daypart("XXXX-XX-XX", s), "set")
    if s.get("season"):  # "jeden Sommer"
        return Result(f"XXXX-{s['season']}", "set")
    unit = s.get("unit")
    if unit is None:
        return None
    n = _num(s.get("num")) or 1.0
    if isinstance(n, float) and n <= 0:  # "jeden letzten Tag": no period
        return None
    return Result(duration(n, unit), "set")


def norm_ref(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    return Result(s.get("ref"), "date")


def norm_vague_ref(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    """An uncounted stretch on one side of now ("in den kommenden Jahren"): FUTURE_REF or
    PAST_REF by the sign of ``dir``; in a clause told in the past ("in den nächsten Jahren
    wuchs …") it is no reference to now but a stretch of that time: a duration."""
    n, unit = s.get("dir"), s.get("unit")
    if not isinstance(n, int) or unit is None:
        return None
    if n >= 0 and ctx.tense() == ("past", True):
        return Result(duration("X", unit), "duration")
    return Result(REF_BY_SIGN[_sign(n)], "date")


def norm_clock(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    hour = _int(s.get("hour"))
    if hour is None or hour > 24:
        return None
    base = _base_day(ctx if ctx.near else Context(ctx.published, None, None, ctx.tense), "D")
    if base is None:
        return Result(_daypart("XXXX-XX-XX", s), "time")
    d, anchor, known = base
    return Result(_daypart(at(d, "D", known), s), "time", None, anchor)


def norm_daypart(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    base = _base_day(ctx, "D")
    mod = s.get("mod_adj")
    if base is None:
        return Result(_daypart("XXXX-XX-XX", s), "time", mod)
    d, anchor, known = base
    return Result(_daypart(at(d, "D", known), s), "time", mod, anchor)


def norm_none(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    """A blocking rule: what it matches is no time expression (e.g. an age)."""
    return None
