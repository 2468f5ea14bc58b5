"""Helpers for later stages: which time expression dates an event.

:func:`event_date` is what the events stage calls::

    from lagebild.times.resolve import event_date
    date = event_date(doc._.lb_times, clause_start, clause_end, near=trigger_start)

It looks only at the time expressions lying inside ``[start, end)`` (character offsets
of the event's clause or sentence) and returns the TIMEX3 value of the one that can
date an event: kind ``date`` or ``time`` with a calendar value (``2025-07-04``,
``2025-W28``, ``2024-11``, ``2025-07-04T20:30``, also partly unresolved ones such as
``XXXX-07-04``). Durations, sets and vague references (``PAST_REF``, ``PRESENT_REF``,
``FUTURE_REF``) never date an event. With several candidates, the one nearest to
``near`` (e.g. the event verb) wins, else the first. No candidate → ``None``: an event
without a date in its clause gets no date (never the publication date).
:func:`event_time` returns the :class:`~lagebild.records.Time` itself.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import Time

_CALENDAR = re.compile(r"^(?:\d{4}|XXXX|\d{1,3}(?!\d))")


def is_calendar(time: Time) -> bool:
    """Whether ``time`` names a calendar period or point (not a duration, set or ref)."""
    return time.kind in ("date", "time") and bool(time.value) and bool(_CALENDAR.match(time.value))


def event_time(times: Iterable[Time] | None, start: int, end: int,
               near: int | None = None) -> Time | None:
    """The time expression inside ``[start, end)`` that dates an event there, or None."""
    inside = [t for t in times or () if start <= t.start and t.end <= end and is_calendar(t)]
    if not inside:
        return None
    if near is None:
        return min(inside, key=lambda t: t.start)

    def distance(t: Time) -> int:
        return 0 if t.start <= near < t.end else min(abs(t.start - near), abs(t.end - near))

    return min(inside, key=lambda t: (distance(t), t.start))


def event_date(times: Iterable[Time] | None, start: int, end: int,
               near: int | None = None) -> str | None:
    """The value of :func:`event_time`, or None."""
    found = event_time(times, start, end, near)
    return found.value if found else None
