"""Calendar arithmetic and TIMEX3 value formatting, free of any language.

A point is a :class:`Day` whose year may be unknown (``None``: no publication date to
resolve against); values then come out with ``XXXX`` for the year.
"""
from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

_DUMMY_LEAP_YEAR = 2000


@dataclass(frozen=True)
class Day:
    year: int | None
    month: int
    day: int

    @classmethod
    def of(cls, date: datetime.date) -> "Day":
        return cls(date.year, date.month, date.day)

    def date(self) -> datetime.date:
        return datetime.date(self.year or _DUMMY_LEAP_YEAR, self.month, self.day)

    def value(self) -> str:
        y = f"{self.year:04d}" if self.year is not None else "XXXX"
        return f"{y}-{self.month:02d}-{self.day:02d}"


def valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year or _DUMMY_LEAP_YEAR, month)[1]


def add_months(date: datetime.date, months: int) -> datetime.date:
    total = date.year * 12 + date.month - 1 + months
    year, month = divmod(total, 12)
    year = max(1, min(9999, year))
    day = min(date.day, calendar.monthrange(year, month + 1)[1])
    return datetime.date(year, month + 1, day)


def shift(date: datetime.date, unit: str, n: int) -> datetime.date:
    """``date`` moved by ``n`` units (D, W, WE, M, Q, H, Y, DE, CE)."""
    if unit == "D":
        return date + datetime.timedelta(days=n)
    if unit in ("W", "WE"):
        return date + datetime.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200, "MI": 12000}.get(unit)
    if months is None:
        return date
    return add_months(date, months * n)


def week_value(date: datetime.date) -> str:
    y, w, _ = date.isocalendar()
    return f"{y:04d}-W{w:02d}"


def at(date: datetime.date, unit: str, year_known: bool = True) -> str:
    """The TIMEX3 value of the ``unit``-sized period that contains ``date``."""
    y = f"{date.year:04d}" if year_known else "XXXX"
    if unit == "Y":
        return y
    if unit == "M":
        return f"{y}-{date.month:02d}"
    if unit == "Q":
        return f"{y}-Q{(date.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{y}-H{(date.month - 1) // 6 + 1}"
    if unit == "W":
        return week_value(date) if year_known else "XXXX-WXX"
    if unit == "WE":
        return (week_value(date) if year_known else "XXXX-WXX") + "-WE"
    if unit == "DE":
        return y[:3] if year_known else "XXX"
    if unit == "CE":
        return y[:2] if year_known else "XX"
    if unit == "MI":
        return y[:1] if year_known else "X"
    return f"{y}-{date.month:02d}-{date.day:02d}"


def weekday_near(ref: datetime.date, weekday: int, direction: int) -> datetime.date:
    """The ``weekday`` (1 = Monday) on or before ``ref`` (direction -1), on or after it
    (+1), or strictly before/after when ``direction`` is -2/+2."""
    diff = weekday - ref.isoweekday()
    if direction < 0:
        back = (-diff) % 7
        if direction == -2 and back == 0:
            back = 7
        return ref - datetime.timedelta(days=back)
    ahead = diff % 7
    if direction == 2 and ahead == 0:
        ahead = 7
    return ref + datetime.timedelta(days=ahead)


def weekend_near(ref: datetime.date, direction: int) -> datetime.date:
    """A Saturday: the last weekend (direction < 0), this one (0) or the next (> 0)."""
    if direction < 0:
        return weekday_near(ref - datetime.timedelta(days=1), 6, -1) if ref.isoweekday() != 7 \
            else ref - datetime.timedelta(days=1)
    if direction == 0:
        return ref + datetime.timedelta(days=6 - ref.isoweekday())
    return weekday_near(ref, 6, 2)


def duration(n: float | str, unit: str) -> str:
    """``P3D``, ``PT2H``, ``PXY``, ``P1.5Y`` for ``n`` units."""
    if isinstance(n, float) and not n.is_integer() and unit in ("DE", "CE"):
        n, unit = n * (10 if unit == "DE" else 100), "Y"  # ein halbes Jahrhundert: P50Y
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    num = str(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{num}{'M' if unit == 'MIN' else unit}"
    if unit == "DE":
        return f"P{num}DE"
    if unit == "CE":
        return f"P{num}CE"
    return f"P{num}{unit}"


def easter(year: int) -> datetime.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)
