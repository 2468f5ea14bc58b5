"""English time expressions, written by hand (no English corpus is available here)."""
from __future__ import annotations

import datetime

import pytest

from .conftest import by_text

D = datetime.date
PUB = D(2025, 7, 15)  # a Tuesday


@pytest.mark.parametrize("text,expr,value", [
    ("The deal was signed on July 4, 2023.", "July 4, 2023", "2023-07-04"),
    ("The deal was signed on 4 July 2023.", "4 July 2023", "2023-07-04"),
    ("It was signed on the 4th of July 2023.", "the 4th of July 2023", "2023-07-04"),
    ("It happened on 2023-07-04.", "2023-07-04", "2023-07-04"),
    ("It happened on 7/4/2023.", "7/4/2023", "2023-07-04"),
    ("In March 1992 the war began.", "March 1992", "1992-03"),
    ("The company was founded in 1895.", "1895", "1895"),
    ("Music changed in the 1990s.", "the 1990s", "199"),
    ("It was built in the 19th century.", "the 19th century", "18"),
    ("Profits rose in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3"),
    ("Sales fell in Q2 2024.", "Q2 2024", "2024-Q2"),
    ("Work began in spring 2015.", "spring 2015", "2015-SP"),
])
def test_absolute(en, text, expr, value):
    t = by_text(en, text, PUB)[expr]
    assert (t.value, t.anchor) == (value, None)


@pytest.mark.parametrize("text,expr,value", [
    ("He arrived yesterday.", "yesterday", "2025-07-14"),
    ("The vote is today.", "today", "2025-07-15"),
    ("The vote is tomorrow.", "tomorrow", "2025-07-16"),
    ("The handover took place last week in Rome.", "last week", "2025-W28"),
    ("He will come next week.", "next week", "2025-W30"),
    ("Talks failed last November.", "last November", "2024-11"),
    ("We had a deal two months ago.", "two months ago", "2025-05"),
    ("He was elected three years ago.", "three years ago", "2022"),
    ("Sales grew this year.", "this year", "2025"),
    ("Sales grew last year.", "last year", "2024"),
    ("The vote is scheduled for next month.", "next month", "2025-08"),
    ("He will decide in two weeks.", "two weeks", "2025-W31"),
    ("Shots were fired last night.", "last night", "2025-07-14TNI"),
    ("The meeting is tonight.", "tonight", "2025-07-15TNI"),
    ("He spoke yesterday morning.", "yesterday morning", "2025-07-14TMO"),
    ("He was seen on July 4.", "July 4", "2025-07-04"),
])
def test_relative_to_publication(en, text, expr, value):
    t = by_text(en, text, PUB)[expr]
    assert (t.value, t.anchor) == (value, "published")


@pytest.mark.parametrize("text,expr,value,mod", [
    ("The army attacked in early June.", "early June", "2025-06", "START"),
    ("Prices rose in late 2024.", "late 2024", "2024", "END"),
    ("It ends at the end of the year.", "the end of the year", "2025", "END"),
    ("It was popular in the early 1990s.", "the early 1990s", "199", "START"),
])
def test_mods(en, text, expr, value, mod):
    t = by_text(en, text, PUB)[expr]
    assert (t.value, t.mod) == (value, mod)


def test_day_before_anchored_on_discourse_date(en):
    times = en.tag("On July 4, Trump called Putin. The day before, he had met Zelensky.", PUB)
    assert [(t.text, t.value, t.anchor) for t in times] == [
        ("July 4", "2025-07-04", "published"), ("The day before", "2025-07-03", "t0")]


def test_next_day_and_later(en):
    text = "He arrived on March 2, 2020. The next day he left. Three days later he was back."
    found = by_text(en, text, PUB)
    assert found["The next day"].value == "2020-03-03"
    assert found["Three days later"].value == "2020-03-05"


@pytest.mark.parametrize("text,value", [
    ("On Monday Trump said he was disappointed.", "2025-07-14"),
    ("The treaty was signed on Friday.", "2025-07-11"),
    ("The treaty will be signed on Friday.", "2025-07-18"),
    ("Ministers are scheduled to meet on Thursday.", "2025-07-17"),
    ("Last Saturday a fire broke out.", "2025-07-12"),
    ("Next Monday the vote takes place.", "2025-07-21"),
])
def test_weekday_tense(en, text, value):
    assert en.tag(text, PUB)[0].value == value


@pytest.mark.parametrize("text,expr,value", [
    ("He will arrive at 8:30 p.m.", "8:30 p.m.", "2025-07-15T20:30"),
    ("Shops open at 9am.", "9am", "2025-07-15T09:00"),
    ("The blast came at 12 a.m.", "12 a.m.", "2025-07-15T00:00"),
    ("The talks resumed at 14:00 local time.", "14:00 local time", "2025-07-15T14:00"),
    ("They met at noon.", "noon", "2025-07-15T12:00"),
])
def test_clock_times(en, text, expr, value):
    t = by_text(en, text, PUB)[expr]
    assert (t.value, t.kind) == (value, "time")


def test_clock_takes_the_day_in_focus(en):
    times = en.tag("On Friday, July 18, the convoy will leave at 6 a.m.", PUB)
    assert [t.value for t in times] == ["2025-07-18", "2025-07-18T06:00"]
    assert times[1].anchor == "t0"


@pytest.mark.parametrize("text,expr,value", [
    ("The weapons can arrive within a day.", "a day", "P1D"),
    ("Protests continued for three weeks.", "three weeks", "P3W"),
    ("He served a two-year term.", "two-year", "P2Y"),
    ("It took about 24 hours.", "about 24 hours", "PT24H"),
    ("Fighting has lasted several days.", "several days", "PXD"),
    ("Prices rose over the past five years.", "the past five years", "P5Y"),
    ("Prices rose over the past year.", "the past year", "P1Y"),
    ("It lasted 90 minutes.", "90 minutes", "PT90M"),
])
def test_durations(en, text, expr, value):
    t = by_text(en, text, PUB)[expr]
    assert (t.value, t.kind) == (value, "duration")


def test_age_is_not_a_duration(en):
    assert by_text(en, "The man is 45 years old.", PUB) == {}


@pytest.mark.parametrize("text,expr,value", [
    ("Talks are held every Monday.", "every Monday", "XXXX-WXX-1"),
    ("The market opens on Sundays.", "Sundays", "XXXX-WXX-7"),
    ("The report is published daily.", "daily", "P1D"),
    ("They meet once a month.", "once a month", "P1M"),
    ("Elections are held every four years.", "every four years", "P4Y"),
    ("The annual summit was cancelled.", "annual", "P1Y"),
])
def test_sets(en, text, expr, value):
    t = by_text(en, text, PUB)[expr]
    assert (t.value, t.kind) == (value, "set")


@pytest.mark.parametrize("text,expr,value", [
    ("Currently 3,000 troops are deployed.", "Currently", "PRESENT_REF"),
    ("Now is the time.", "Now", "PRESENT_REF"),
    ("He recently resigned.", "recently", "PAST_REF"),
    ("This will change in the future.", "in the future", "FUTURE_REF"),
    ("A decision is expected soon.", "soon", "FUTURE_REF"),
    ("So far no one has claimed responsibility.", "So far", "PRESENT_REF"),
])
def test_references(en, text, expr, value):
    assert by_text(en, text, PUB)[expr].value == value


@pytest.mark.parametrize("text,value", [
    ("He called on July 4.", "XXXX-07-04"),
    ("He called yesterday.", "PAST_REF"),
    ("He called last week.", "PAST_REF"),
    ("He called on Monday.", "XXXX-WXX-1"),
    ("He called two months ago.", "PAST_REF"),
    ("He called last November.", "XXXX-11"),
    ("He will call tomorrow.", "FUTURE_REF"),
])
def test_without_publication_date_unresolved(en, text, value):
    t = en.tag(text, None)[0]
    assert (t.value, t.anchor) == (value, None)


def test_modal_may_is_not_a_month(en):
    assert by_text(en, "Officials said they may decide and may leave.", PUB) == {}


def test_counts_are_not_years(en):
    assert by_text(en, "Some 2000 people and 1,500 troops took part.", PUB) == {}


def test_offsets_point_into_text(en):
    text = "On July 4, 2025 and yesterday evening at 8 p.m."
    times = en.tag(text, PUB)
    assert times
    for t in times:
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text,value", [
    ("He signed a declaration on Thursday that will serve as a constitution.", "2025-07-10"),
    ("There is another meeting in Paris on Wednesday.", "2025-07-16"),
    ("The summit will be held on Friday.", "2025-07-18"),
    ("The summit was held on Friday.", "2025-07-11"),
])
def test_weekday_nearest_verb_decides(en, text, value):
    assert en.tag(text, PUB)[0].value == value


def test_ordinal_second_and_fall_of(en):
    assert by_text(en, "A second ship left after the fall of Assad.", PUB) == {}
    assert by_text(en, "It rained in the fall of 2024.", PUB)["the fall of 2024"].value == "2024-FA"


@pytest.mark.parametrize("text,expr,value,mod", [
    ("Talks resume in mid-July.", "mid-July", "2025-07", "MID"),
    ("Prices peaked in mid-2024.", "mid-2024", "2024", "MID"),
    ("It lasted from the mid-1500s on.", "the mid-1500s", "150", "MID"),
    ("It was founded years ago.", "years ago", "PAST_REF", None),
    ("The law passes later this month.", "this month", "2025-07", None),
])
def test_more_forms(en, text, expr, value, mod):
    t = by_text(en, text, PUB)[expr]
    assert (t.value, t.mod) == (value, mod)


def test_month_day_range_gives_two_dates(en):
    times = en.tag("The EU summit on March 20-21 will discuss it.", D(2025, 3, 14))
    assert [(t.text, t.value) for t in times] == [("March 20", "2025-03-20"), ("21", "2025-03-21")]


def test_old_year_does_not_capture_later_day_dates(en):
    text = "The war began on Feb. 24, 2022. The Christmas truce held for two days."
    found = by_text(en, text, D(2025, 3, 14))
    assert found["Christmas"].value == "2024-12-25"


def test_age_decades_are_not_decades(en):
    assert by_text(en, "Joseph, in his early 20s, was arrested.", PUB) == {}


def test_approximate_later(en):
    text = "The mission began on March 2, 2015. Nearly five years later, troops remain."
    assert by_text(en, text, PUB)["Nearly five years later"].value == "2020"


def test_decimal_durations(en):
    assert by_text(en, "The talks lasted 2.5 hours.", PUB)["2.5 hours"].value == "PT2.5H"


def test_fall_as_a_verb_is_no_season(en):
    times = en.tag("Prices are expected to fall in the winter.", PUB)
    assert [(t.text, t.value) for t in times] == [("the winter", "2026-WI")]


def test_every_morning_is_a_set(en):
    t = by_text(en, "He runs every morning.", PUB)["every morning"]
    assert (t.value, t.kind) == ("XXXX-XX-XXTMO", "set")


def test_night_of_a_date(en):
    t = by_text(en, "The attack came on the night of July 4, 2024.", PUB)["the night of July 4, 2024"]
    assert (t.value, t.kind) == ("2024-07-04TNI", "time")
