"""German feature and essay prose (issue 16): vague references, decades, sets, durations
and dates that belong to a narrated year far from publication. Written by hand."""
from __future__ import annotations

import datetime

import pytest

from .conftest import by_text

PUB = datetime.date(2017, 3, 9)  # a Thursday


@pytest.mark.parametrize("text,expr,value", [
    # "heute" opposed to a past just named means the present, not the publication day
    ("Damals war er arm. Heute ist er reich.", "Heute", "PRESENT_REF"),
    ("1968 protestierten die Studenten. Heute sind viele von ihnen Professoren.", "Heute",
     "PRESENT_REF"),
    ("Er war 2001 in Rom. Heute würde er das anders machen.", "Heute", "PRESENT_REF"),
    ("Das gilt heute noch.", "heute", "PRESENT_REF"),
    ("Diese Regel gilt heute nicht mehr.", "heute", "PRESENT_REF"),
    ("Früher war mehr Lametta.", "Früher", "PAST_REF"),
    ("Es ist wie früher.", "früher", "PAST_REF"),
    ("Seinerzeit galt das als modern.", "Seinerzeit", "PAST_REF"),
    ("In der Vergangenheit war das anders.", "der Vergangenheit", "PAST_REF"),
    ("In den kommenden Jahren wird das teurer.", "den kommenden Jahren", "FUTURE_REF"),
    ("In den nächsten Monaten soll gebaut werden.", "den nächsten Monaten", "FUTURE_REF"),
])
def test_vague_references(de, text, expr, value):
    assert by_text(de, text, PUB)[expr].value == value


@pytest.mark.parametrize("text,expr,value", [
    # "heute" stays the day: no past nearby, a daypart, or a clause told in the past
    ("Heute beginnt die Sitzung.", "Heute", "2017-03-09"),
    ("Der Minister hat heute in Berlin gesagt, dass damals Fehler gemacht wurden.", "heute",
     "2017-03-09"),
    ("Heute Abend spielt die Band, die 1990 gegründet wurde.", "Heute Abend", "2017-03-09TEV"),
    ("Er war 2016 in Rom. Heute reist er ab.", "Heute", "2017-03-09"),
])
def test_today_stays_the_day(de, text, expr, value):
    assert by_text(de, text, PUB)[expr].value == value


def test_comparative_frueher_is_no_time(de):
    found = by_text(de, "Der Zug kam früher als geplant. Wie früher als Kind.", PUB)
    assert "früher" not in found or found["früher"].start > 20


@pytest.mark.parametrize("text,expr,value,mod", [
    ("Schon damals, in den Neunzigern, stritt man darüber.", "den Neunzigern", "199", None),
    ("Mitte der Achtziger begann der Boom.", "Mitte der Achtziger", "198", "MID"),
    ("Anfang der Nuller zog er um.", "Anfang der Nuller", "200", "START"),
    ("In den 80ern war das so.", "80ern", "198", None),
    ("Die 80er Jahre waren bunt.", "Die 80er Jahre", "198", None),
])
def test_decades(de, text, expr, value, mod):
    t = by_text(de, text, PUB)[expr]
    assert (t.value, t.mod) == (value, mod)


def test_decade_word_before_a_noun_is_no_decade(de):
    assert "die Achtziger" not in by_text(de, "Die Achtziger Band spielte.", PUB)


@pytest.mark.parametrize("text,expr,value,kind", [
    ("Jeden Sommer fährt er ans Meer.", "Jeden Sommer", "XXXX-SU", "set"),
    ("Jeden zweiten Tag geht er joggen.", "Jeden zweiten Tag", "P2D", "set"),
    ("Alle paar Jahre kommt ein neues Modell.", "Alle paar Jahre", "PXY", "set"),
    ("Den ganzen Tag regnete es.", "Den ganzen Tag", "P1D", "duration"),
    ("Jahrhundertelang war das so.", "Jahrhundertelang", "PXCE", "duration"),
    ("Ein halbes Jahrhundert lang regierte die Partei.", "Ein halbes Jahrhundert", "P50Y",
     "duration"),
    # a future stretch in a clause told in the past is a stretch of that time
    ("In den nächsten Jahren war er oft krank.", "den nächsten Jahren", "PXY", "duration"),
])
def test_sets_and_durations(de, text, expr, value, kind):
    t = by_text(de, text, PUB)[expr]
    assert (t.value, t.kind) == (value, kind)


@pytest.mark.parametrize("text,expr,value", [
    ("1989 fiel die Mauer. Am 9. November standen die Menschen auf der Mauer.", "9. November",
     "1989-11-09"),
    ("Im Herbst 1989 demonstrierten Tausende. Im Winter war alles vorbei.", "Winter", "1989-WI"),
    ("Im Jahr 1990 war er in Rom. Zu Ostern fuhr er heim.", "Ostern", "1990-04-15"),
    # a year close to publication does not pull a date away from it
    ("2016 war ein gutes Jahr. Am 2. März kam der Bescheid.", "2. März", "2017-03-02"),
])
def test_dates_in_a_narrated_year(de, text, expr, value):
    assert by_text(de, text, PUB)[expr].value == value


@pytest.mark.parametrize("text,expr,value,mod", [
    ("Ende 2016 kam er zurück.", "Ende 2016", "2016", "END"),
    ("Anfang 2017 kam er zurück.", "Anfang 2017", "2017", "START"),
    ("Im Spätherbst 1989 kam er zurück.", "Spätherbst 1989", "1989-FA", None),
    ("Im späten 19. Jahrhundert war das anders.", "späten 19. Jahrhundert", "18", "END"),
    ("Anfang des 20. Jahrhunderts war das anders.", "Anfang des 20. Jahrhunderts", "19", "START"),
])
def test_modified_years_seasons_centuries(de, text, expr, value, mod):
    t = by_text(de, text, PUB)[expr]
    assert (t.value, t.mod) == (value, mod)


def test_every_last_day_is_no_set(de):
    assert "jeden letzten Tag" not in by_text(de, "Er kam jeden letzten Tag.", PUB)
