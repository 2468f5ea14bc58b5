"""Normalisers of named periods (season, decade, century, quarter or half-year, feast)
and the registry of all normalisers by the name a rule in ``times.json`` gives (``norm``).
The point and stretch normalisers and the shared helpers live in :mod:`.normalise`."""
from __future__ import annotations

import datetime
import re
from typing import Any, Callable

from .dates import Day, easter
from .normalise import (SEASON_MID, Context, Result, _closest_year, _far_focus, _int, _year, norm_ago,
                        norm_anaphoric, norm_clock, norm_date, norm_daypart, norm_deictic, norm_duration,
                        norm_fixed, norm_none, norm_ref, norm_relative, norm_set, norm_vague_ref,
                        norm_weekday)


def norm_season(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    code = s.get("season")
    year, anchor = _year(s, ctx)
    if year is None:
        ref = ctx.published
        if ref is None:
            return Result(f"XXXX-{code}", "date", s.get("mod"))
        direction = s.get("dir")
        anchor = "published"
        if isinstance(direction, int):
            year = ref.year + direction
        elif _far_focus(ctx):  # "im Herbst 1989 … im Winter"
            year, anchor = ctx.year_focus[1], ("t", ctx.year_focus[0])
        else:  # the nearest such season, leaning to the clause's tense
            year = _closest_year(ref, SEASON_MID[code], 15, ctx.tense())
    return Result(f"{year:04d}-{code}", "date", s.get("mod"), anchor)


def norm_decade(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    d = _int(s.get("decade"))
    if d is None:
        return None
    mod = s.get("mod") or s.get("mod_adj")
    if 100 <= d < 1000:  # already a decade ("199")
        return Result(f"{d:03d}", "date", mod)
    if d < 100:
        ref_year = ctx.published.year if ctx.published else 1999
        d += 2000 if 2000 + d <= ref_year else 1900
    return Result(f"{d // 10:03d}", "date", mod)


def norm_century(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    n = _int(s.get("num"))
    if not n:
        return None
    mod = s.get("half") or s.get("mod") or s.get("mod_adj")
    if s.get("unit") == "MI":
        return Result(f"{n - 1}", "date", mod)
    return Result(f"{n - 1:02d}", "date", mod)


def norm_quarter(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    n = _int(s.get("ordinal"))
    unit = p.get("unit", "Q")
    top = 4 if unit == "Q" else 2
    if n is None or n == 0 or n > top:
        return None
    if n < 0:
        n = top
    year, anchor = _year(s, ctx)
    if year is None:
        if ctx.published is None:
            return Result(f"XXXX-{unit}{n}")
        year, anchor = ctx.published.year, "published"
    return Result(f"{year:04d}-{unit}{n}", "date", None, anchor)


def norm_holiday(s: dict[str, Any], p: dict[str, Any], ctx: Context) -> Result | None:
    """A feast: the class value is "MM-DD" (fixed) or "E+N" (N days after Easter)."""
    code = str(s.get("holiday") or "")
    m = re.fullmatch(r"(\d\d)-(\d\d)", code)
    if m is not None:
        return norm_date({**s, "month": int(m.group(1)), "day": int(m.group(2))}, p, ctx)
    m = re.fullmatch(r"E([+-]\d+)", code)
    if m is None:
        return None
    year, anchor = _year(s, ctx)
    if year is None and _far_focus(ctx) and not ctx.focus_is_day:
        year, anchor = ctx.year_focus[1], ("t", ctx.year_focus[0])
    if year is None:
        if ctx.published is None:
            return Result("XXXX-XX-XX")
        year, anchor = ctx.published.year, "published"
    d = easter(year) + datetime.timedelta(days=int(m.group(1)))
    return Result(Day.of(d).value(), "date", None, anchor)


NORMALISERS: dict[str, Callable[[dict[str, Any], dict[str, Any], Context], Result | None]] = {
    "date": norm_date, "weekday": norm_weekday, "deictic": norm_deictic,
    "relative": norm_relative, "anaphoric": norm_anaphoric, "ago": norm_ago,
    "duration": norm_duration, "fixed": norm_fixed, "set": norm_set, "ref": norm_ref,
    "vague_ref": norm_vague_ref,
    "clock": norm_clock, "daypart": norm_daypart, "season": norm_season,
    "decade": norm_decade, "century": norm_century, "quarter": norm_quarter,
    "holiday": norm_holiday, "none": norm_none,
}
