"""German time expressions, written by hand (published dates chosen per case)."""
from __future__ import annotations

import datetime

import pytest

from .conftest import by_text

D = datetime.date
PUB = D(2025, 7, 15)  # a Tuesday


@pytest.mark.parametrize("text,expr,value", [
    ("Das Treffen fand am 4. Juli 2023 statt.", "4. Juli 2023", "2023-07-04"),
    ("Er kam am 30.11.2013 an.", "30.11.2013", "2013-11-30"),
    ("Der Vertrag wurde im Jahr 1895 geschlossen.", "Jahr 1895", "1895"),
    ("Das war im März 1992 so.", "März 1992", "1992-03"),
    ("Im Frühjahr 2015 begann der Bau.", "Frühjahr 2015", "2015-SP"),
    ("Die Burg stammt aus der ersten Hälfte des 15. Jahrhunderts.",
     "der ersten Hälfte des 15. Jahrhunderts", "14"),
    ("In den 1990er-Jahren war das anders.", "den 1990er-Jahren", "199"),
    ("Der Umsatz stieg im dritten Quartal 2009.", "dritten Quartal 2009", "2009-Q3"),
    ("Am Donnerstag, 25. Februar 2010 um 20.30 Uhr spielt die Band.", "Donnerstag, 25. Februar 2010",
     "2010-02-25"),
])
def test_absolute(de, text, expr, value):
    found = by_text(de, text, PUB)
    assert found[expr].value == value
    assert found[expr].anchor is None


@pytest.mark.parametrize("text,expr,value", [
    ("Er ist gestern angekommen.", "gestern", "2025-07-14"),
    ("Heute beginnt die Sitzung.", "Heute", "2025-07-15"),
    ("Morgen wird gewählt.", "Morgen", "2025-07-16"),
    ("Die Übergabe fand letzte Woche in Rom statt.", "letzte Woche", "2025-W28"),
    ("Nächste Woche kommt er.", "Nächste Woche", "2025-W30"),
    ("Im vergangenen November scheiterten die Gespräche.", "vergangenen November", "2024-11"),
    ("Im kommenden März wird gewählt.", "kommenden März", "2026-03"),
    ("Das war im vergangenen Jahr.", "vergangenen Jahr", "2024"),
    ("Heuer gibt es mehr Touristen.", "Heuer", "2025"),
    ("Der Umsatz lag über dem Vorjahr.", "Vorjahr", "2024"),
    ("Wir hätten vor zwei Monaten eine Einigung erzielt.", "zwei Monaten", "2025-05"),
    ("Vor drei Jahren wurde er gewählt.", "drei Jahren", "2022"),
    ("Gestern Abend brannte es.", "Gestern Abend", "2025-07-14TEV"),
    ("Am Montagabend trafen sie sich.", "Montagabend", "2025-07-14TEV"),
    ("Der Zug fuhr am 4. Juli ab.", "4. Juli", "2025-07-04"),
])
def test_relative_to_publication(de, text, expr, value):
    found = by_text(de, text, PUB)
    assert found[expr].value == value
    assert found[expr].anchor == "published"


def test_mod_start_of_month(de):
    t = by_text(de, "Anfang Juni griff die Armee an.", PUB)["Anfang Juni"]
    assert (t.value, t.mod) == ("2025-06", "START")


@pytest.mark.parametrize("text,expr,mod", [
    ("Mitte April 2015 fällt die Quote.", "Mitte April 2015", "MID"),
    ("Ende Dezember war es kalt.", "Ende Dezember", "END"),
])
def test_mods(de, text, expr, mod):
    assert by_text(de, text, PUB)[expr].mod == mod


def test_vortag_anchored_on_discourse_date(de):
    text = "Am 4. Juli telefonierte Trump mit Putin. Am Vortag hatte er Selenskyj getroffen."
    times = de.tag(text, PUB)
    assert [t.text for t in times] == ["4. Juli", "Vortag"]
    assert times[1].value == "2025-07-03"
    assert times[1].anchor == "t0"


def test_vortag_without_discourse_date_uses_publication(de):
    t = by_text(de, "Am Vortag hatte er Selenskyj getroffen.", PUB)["Vortag"]
    assert (t.value, t.anchor) == ("2025-07-14", "published")


def test_next_day_and_days_later(de):
    text = "Am 2. März 2020 kam er an. Am nächsten Tag reiste er ab. Drei Tage später war er zurück."
    found = by_text(de, text, PUB)
    assert found["nächsten Tag"].value == "2020-03-03"
    assert found["Drei Tage später"].value == "2020-03-05"


@pytest.mark.parametrize("text,value", [
    ("Am Montag hatte Trump gesagt, er sei enttäuscht.", "2025-07-14"),   # past → last Monday
    ("Am Freitag wurde der Vertrag unterzeichnet.", "2025-07-11"),
    ("Am Freitag wird der Vertrag unterzeichnet.", "2025-07-18"),         # future → next Friday
    ("Am Samstag findet das Konzert statt.", "2025-07-19"),
    ("Am vergangenen Samstag brannte es.", "2025-07-12"),
    ("Am kommenden Montag soll gewählt werden.", "2025-07-21"),
])
def test_weekday_tense(de, text, value):
    times = de.tag(text, PUB)
    assert times[0].value == value


def test_weekday_and_clock_share_the_day(de):
    times = de.tag("Am Freitag wird um 20.30 Uhr gespielt.", PUB)
    assert [t.value for t in times] == ["2025-07-18", "2025-07-18T20:30"]
    assert times[1].kind == "time" and times[1].anchor == "t0"


@pytest.mark.parametrize("text,expr,value", [
    ("Die Waffen können innerhalb eines Tages geliefert werden.", "eines Tages", "P1D"),
    ("Seit drei Wochen wird gestreikt.", "drei Wochen", "P3W"),
    ("Er war zwei Jahre im Amt.", "zwei Jahre", "P2Y"),
    ("Das dauerte rund 200 Stunden.", "rund 200 Stunden", "PT200H"),
    ("In den vergangenen Tagen regnete es.", "den vergangenen Tagen", "PXD"),
    ("Seit einigen Wochen wird verhandelt.", "einigen Wochen", "PXW"),
    ("In den vergangenen zwei Jahren stieg der Preis.", "den vergangenen zwei Jahren", "P2Y"),
    ("Nach neun Minuten fiel das Tor.", "neun Minuten", "PT9M"),
    ("Es war eine einwöchige Reise.", "einwöchige", "P1W"),
])
def test_durations(de, text, expr, value):
    t = by_text(de, text, PUB)[expr]
    assert (t.value, t.kind) == (value, "duration")


def test_age_is_not_a_duration(de):
    assert by_text(de, "Die Männer sind 31 und 22 Jahre alt.", PUB) == {}


@pytest.mark.parametrize("text,expr,value", [
    ("Der Markt ist jeden Montag offen.", "jeden Montag", "XXXX-WXX-1"),
    ("Sie trainiert täglich.", "täglich", "P1D"),
    ("Die jährliche Feier fiel aus.", "jährliche", "P1Y"),
    ("Man trifft sich einmal im Monat.", "einmal im Monat", "P1M"),
    ("Sie verdient 400 Euro im Monat.", "im Monat", "P1M"),
])
def test_sets(de, text, expr, value):
    t = by_text(de, text, PUB)[expr]
    assert (t.value, t.kind) == (value, "set")


@pytest.mark.parametrize("text,expr,value", [
    ("Derzeit gibt es keine Lösung.", "Derzeit", "PRESENT_REF"),
    ("Jetzt wird gehandelt.", "Jetzt", "PRESENT_REF"),
    ("Damals war alles anders.", "Damals", "PAST_REF"),
    ("Das soll in Zukunft anders werden.", "Zukunft", "FUTURE_REF"),
])
def test_references(de, text, expr, value):
    assert by_text(de, text, PUB)[expr].value == value


@pytest.mark.parametrize("text,expr,value", [
    ("Der Zug kam um 20.30 Uhr an.", "20.30 Uhr", "2025-07-15T20:30"),
    ("Heute ab 17 Uhr ist geöffnet.", "17 Uhr", "2025-07-15T17:00"),
    ("Die Feier beginnt gegen 3 Uhr nachts.", "3 Uhr nachts", "2025-07-15T03:00"),
    ("Die Feier beginnt um 8 Uhr abends.", "8 Uhr abends", "2025-07-15T20:00"),
])
def test_clock_times(de, text, expr, value):
    t = by_text(de, text, PUB)[expr]
    assert (t.value, t.kind) == (value, "time")


def test_clock_range_gives_two_times(de):
    times = de.tag("Am 9. September 2015 von 16 bis 17.30 Uhr ist offen.", PUB)
    assert [(t.text, t.value) for t in times] == [
        ("9. September 2015", "2015-09-09"), ("16", "2015-09-09T16:00"),
        ("17.30 Uhr", "2015-09-09T17:30")]


def test_day_list_shares_the_month(de):
    times = de.tag("Gespielt wird am 3., 4. und 7. Oktober 2012.", PUB)
    assert [t.value for t in times] == ["2012-10-03", "2012-10-04", "2012-10-07"]


def test_year_inferred_from_tense(de):
    # published in January: a past-tense December is last year's, a future one this year's
    pub = D(2014, 1, 10)
    assert de.tag("Im Dezember wurde gewählt.", pub)[0].value == "2013-12"
    assert de.tag("Am 15. März wird gewählt.", pub)[0].value == "2014-03-15"


@pytest.mark.parametrize("text,value", [
    ("Am 4. Juli telefonierte er.", "XXXX-07-04"),
    ("Gestern telefonierte er.", "PAST_REF"),
    ("Letzte Woche telefonierte er.", "PAST_REF"),
    ("Am Montag telefonierte er.", "XXXX-WXX-1"),
    ("Vor zwei Monaten telefonierte er.", "PAST_REF"),
    ("Im vergangenen November telefonierte er.", "XXXX-11"),
    ("Anfang Juni telefonierte er.", "XXXX-06"),
    ("Heute telefoniert er.", "PRESENT_REF"),
])
def test_without_publication_date_unresolved(de, text, value):
    times = de.tag(text, None)
    assert times[0].value == value
    assert times[0].anchor is None


def test_vortag_without_publication_date(de):
    times = de.tag("Am 4. Juli telefonierte er. Am Vortag traf er ihn.", None)
    assert [t.value for t in times] == ["XXXX-07-04", "XXXX-07-03"]


def test_no_false_positives_in_plain_text(de):
    text = "Die Regierung schuf 2000 Stellen. Der 47-Jährige sagte, es gebe 1500 Euro."
    assert [t.text for t in de.tag(text, PUB)] == []


def test_offsets_point_into_text(de):
    text = "Am 4. Juli 2025 und gestern Abend."
    for t in de.tag(text, PUB):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text,expr,value", [
    ("Zu Ostern 2024 war es kalt.", "Ostern 2024", "2024-03-31"),
    ("Fronleichnam 2015 fiel auf einen Donnerstag.", "Fronleichnam 2015", "2015-06-04"),
    ("Zu Weihnachten wird gefeiert.", "Weihnachten", "2025-12-25"),
])
def test_holidays(de, text, expr, value):
    assert by_text(de, text, PUB)[expr].value == value


def test_age_thresholds_are_not_durations(de):
    assert by_text(de, "Wählen dürfen Jugendliche ab 16 Jahren.", PUB) == {}


def test_bare_month_takes_the_year_in_focus(de):
    times = de.tag("Im März 1992 begann der Krieg. Im April wurde die Stadt belagert.", PUB)
    assert [(t.text, t.value, t.anchor) for t in times] == [
        ("März 1992", "1992-03", None), ("April", "1992-04", "t0")]


def test_age_in_years_is_not_a_duration(de):
    assert by_text(de, "Er starb im Alter von 87 Jahren.", PUB) == {}


def test_today_in_the_generic_sense(de):
    assert by_text(de, "Das gilt auch heute.", PUB)["heute"].value == "PRESENT_REF"
    assert by_text(de, "Heute wurde gewählt.", PUB)["Heute"].value == "2025-07-15"


@pytest.mark.parametrize("text,expr,value,mod", [
    ("Ende letzten Jahres wurde gewählt.", "Ende letzten Jahres", "2024", "END"),
    ("Mitte nächster Woche wird entschieden.", "Mitte nächster Woche", "2025-W30", "MID"),
    ("Ende des Monats kam er.", "Ende des Monats", "2025-07", "END"),
    ("Anfang der Woche traf er ihn.", "Anfang der Woche", "2025-W29", "START"),
    ("Am 4.7. kam er.", "4.7.", "2025-07-04", None),
    ("Bisher gibt es keine Einigung.", "Bisher", "PRESENT_REF", None),
])
def test_more_forms(de, text, expr, value, mod):
    t = by_text(de, text, PUB)[expr]
    assert (t.value, t.mod) == (value, mod)


@pytest.mark.parametrize("text,expr,value,mod", [
    ("Ende der 1990er-Jahre zog er weg.", "Ende der 1990er-Jahre", "199", "END"),
    ("Anfang der Neunzigerjahre kam die Wende.", "Anfang der Neunzigerjahre", "199", "START"),
    ("Übernächste Woche wird gewählt.", "Übernächste Woche", "2025-W05", None),
    ("Im Sommer war es heiß.", "Sommer", "2024-SU", None),
    ("Im Sommer wird gebaut.", "Sommer", "2025-SU", None),
])
def test_decades_seasons_in_january(de, text, expr, value, mod):
    t = by_text(de, text, D(2025, 1, 13))[expr]
    assert (t.value, t.mod) == (value, mod)


def test_every_morning_is_a_set(de):
    t = by_text(de, "Er läuft jeden Morgen.", PUB)["jeden Morgen"]
    assert (t.value, t.kind) == ("XXXX-XX-XXTMO", "set")


def test_first_part_of_a_hyphen_compound_is_no_expression(de):
    assert by_text(de, "Zu den beiden Tag-und-Nacht-Gleichen kamen viele.", PUB) == {}


def test_night_to_a_weekday(de):
    t = by_text(de, "In der Nacht zum Sonntag brannte eine Scheune.", PUB)["Nacht zum Sonntag"]
    assert (t.value, t.kind) == ("2025-07-13TNI", "time")
