from __future__ import annotations

import datetime
import re

import pytest

from lagebild.errors import DataFileError
from lagebild.times.dates import Day, add_months, at, duration, easter, shift, weekday_near, weekend_near
from lagebild.times.patterns import Patterns, _trie, lower

D = datetime.date


def test_easter():
    assert [easter(y) for y in (2015, 2024, 2025)] == [D(2015, 4, 5), D(2024, 3, 31), D(2025, 4, 20)]


def test_add_months_clamps_the_day():
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 3, 31), -1) == D(2024, 2, 29)
    assert add_months(D(2025, 7, 15), -8) == D(2024, 11, 15)


@pytest.mark.parametrize("unit,value", [
    ("Y", "2025"), ("M", "2025-07"), ("W", "2025-W29"), ("D", "2025-07-15"), ("Q", "2025-Q3"),
    ("H", "2025-H2"), ("WE", "2025-W29-WE"), ("DE", "202"), ("CE", "20"),
])
def test_granularity(unit, value):
    assert at(D(2025, 7, 15), unit) == value


def test_unknown_year():
    assert at(D(2000, 7, 4), "D", year_known=False) == "XXXX-07-04"
    assert Day(None, 7, 3).value() == "XXXX-07-03"


def test_shift_and_iso_week_across_years():
    assert at(shift(D(2025, 1, 2), "W", -1), "W") == "2024-W52"
    assert at(D(2024, 12, 30), "W") == "2025-W01"


def test_weekday_and_weekend_near():
    tue = D(2025, 7, 15)
    assert weekday_near(tue, 1, -1) == D(2025, 7, 14)
    assert weekday_near(tue, 2, -1) == tue          # on or before
    assert weekday_near(tue, 2, -2) == D(2025, 7, 8)  # strictly before
    assert weekday_near(tue, 5, 1) == D(2025, 7, 18)
    assert weekend_near(tue, -1) == D(2025, 7, 12)
    assert weekend_near(D(2025, 7, 13), -1) == D(2025, 7, 12)  # on a Sunday: this one
    assert weekend_near(tue, 0) == D(2025, 7, 19)


def test_duration_values():
    assert duration(3.0, "D") == "P3D"
    assert duration(1.5, "H") == "PT1.5H"
    assert duration(90, "MIN") == "PT90M"
    assert duration("X", "Y") == "PXY"


def test_trie_matches_exactly_its_words():
    words = ["jan", "januar", "jänner", "juni", "juli", "mai ende"]
    rx = re.compile(_trie(words) + "$")
    for w in words:
        assert rx.match(w)
    assert rx.match("mai   ende")
    assert not rx.match("ju") and not rx.match("janu")


def test_lower_keeps_offsets():
    text = "İstanbul am 4. JULI"
    assert len(lower(text)) == len(text)


def _data(pattern: str) -> dict:
    return {"classes": {"month": {"juli": 7}}, "macros": {"day": "[0-9]{1,2}"},
            "rules": [{"name": "r", "pattern": pattern, "norm": "date"}]}


def test_patterns_compile_templates():
    p = Patterns(_data("{day}\\. ?{month}"))
    text = "am 4.Juli und"
    rule, m = p.find(text)[0]
    assert text[m.start():m.end()] == "4.Juli" and rule.name == "r"


@pytest.mark.parametrize("bad", [
    {"rules": []},
    _data("{nosuchclass}"),
    _data("{day}(unclosed"),
])
def test_bad_data_files_raise_data_file_error(bad):
    with pytest.raises(DataFileError):
        Patterns(bad)
