"""TIMEX values to date ranges, for filtering events by when they happened."""
from __future__ import annotations

import calendar
import datetime as dt
import re

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def value_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX date value covers, or None when not a calendar date.

    >>> value_range("2025-07")
    (datetime.date(2025, 7, 1), datetime.date(2025, 7, 31))
    """
    if not value:
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            d = dt.date(*map(int, m.groups()))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
            start = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return start, start + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m.group(1)), int(m.group(2))
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m.group(1)), int(m.group(2))
            first = 3 * q - 2
            return dt.date(y, first, 1), dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1])
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            y, h = int(m.group(1)), int(m.group(2))
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            y = int(m.group(1))
            a, b = _SEASONS[m.group(2)]
            end_y, end_m = (y + 1, b - 12) if b > 12 else (y, b)
            return dt.date(y, a, 1), dt.date(end_y, end_m, calendar.monthrange(end_y, end_m)[1])
        if m := re.fullmatch(r"(\d{4})", value):
            y = int(m.group(1))
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := re.fullmatch(r"(\d{3})X?", value):
            y = int(m.group(1)) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    except ValueError:
        return None
    return None
