from __future__ import annotations

import datetime

from lagebild.records import Time
from lagebild.times.resolve import event_date, event_time, is_calendar


def _t(start: int, end: int, value: str, kind: str = "date") -> Time:
    return Time(start=start, end=end, text="x" * (end - start), value=value, kind=kind)


TIMES = [
    _t(3, 10, "2025-07-04"),
    _t(20, 27, "P1D", "duration"),
    _t(30, 36, "PRESENT_REF"),
    _t(50, 55, "2025-W28"),
    _t(60, 66, "2025-07-14"),
    _t(70, 80, "2025-07-14T20:30", "time"),
    _t(90, 99, "XXXX-WXX-1", "set"),
]


def test_value_inside_span():
    assert event_date(TIMES, 0, 15) == "2025-07-04"
    assert event_date(TIMES, 45, 58) == "2025-W28"


def test_no_date_in_span_gives_none():
    assert event_date(TIMES, 11, 19) is None
    assert event_date([], 0, 100) is None
    assert event_date(None, 0, 100) is None


def test_durations_sets_and_refs_do_not_date_events():
    assert event_date(TIMES, 18, 40) is None
    assert event_date(TIMES, 85, 100) is None


def test_partly_inside_does_not_count():
    assert event_date(TIMES, 5, 40) is None


def test_first_or_nearest():
    assert event_date(TIMES, 45, 85) == "2025-W28"
    assert event_date(TIMES, 45, 85, near=68) == "2025-07-14"
    assert event_time(TIMES, 45, 85, near=75).value == "2025-07-14T20:30"


def test_is_calendar():
    assert is_calendar(_t(0, 1, "XXXX-07-04"))
    assert is_calendar(_t(0, 1, "199"))
    assert not is_calendar(_t(0, 1, "PAST_REF"))
    assert not is_calendar(_t(0, 1, "P2Y", "duration"))


def test_with_the_tagger(de):
    text = "Am 4. Juli telefonierte Trump mit Putin. Er reiste ab."
    times = de.tag(text, datetime.date(2025, 7, 15))
    first = (0, text.index(".", 10) + 1)
    assert event_date(times, *first) == "2025-07-04"
    assert event_date(times, first[1], len(text)) is None
