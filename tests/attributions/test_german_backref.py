"""German verb-second frames whose content stands before the cue clause (issue 16):
the inverted perfect („…“, hatte X gesagt) and a demonstrative object („Das teilte X mit.“).
Blank German pipeline: token rules and word lists only."""
from __future__ import annotations


def _span(text, s):
    return None if s is None or s.start is None else text[s.start:s.end]


def test_inverted_perfect_after_a_direct_quote(de):
    text = "„Wir wollen unsere Werke enger verzahnen“, hatte VW-Chef Winterkorn in einem Interview erklärt."
    (a,) = de(text)
    assert a.form == "direct"
    assert _span(text, a.content) == "„Wir wollen unsere Werke enger verzahnen“"
    assert _span(text, a.source) == "VW-Chef Winterkorn"
    assert a.cue.text == "hatte erklärt"


def test_inverted_perfect_after_indirect_speech(de):
    text = "Die Lage sei ernst, hat der Minister gesagt."
    (a,) = de(text)
    assert (a.form, _span(text, a.content), _span(text, a.source)) == (
        "indirect", "Die Lage sei ernst", "der Minister")


def test_auxiliary_after_comma_without_a_cue_is_no_frame(de):
    assert de("Er kam spät, hatte aber vorher angerufen.") == []


def test_demonstrative_object_takes_the_sentence_before(de):
    text = "Ein Autofahrer hat die Kontrolle über seinen Wagen verloren. Das teilte Feuerwehrsprecher Axel Stüken mit."
    (a,) = de(text)
    assert _span(text, a.content) == "Ein Autofahrer hat die Kontrolle über seinen Wagen verloren"
    assert _span(text, a.source) == "Feuerwehrsprecher Axel Stüken"
    assert a.cue.text == "teilte mit"


def test_demonstrative_object_with_a_reported_clause_keeps_that_clause(de):
    text = "Die Lage ist ernst. Das sagte er, er wolle aber nicht aufgeben."
    atts = de(text)
    assert all(_span(text, a.content) != "Die Lage ist ernst" for a in atts)


def test_demonstrative_in_the_first_sentence_has_nothing_to_point_to(de):
    assert all(a.form != "indirect" for a in de("Das teilte der Sprecher mit."))


def test_subject_after_the_finite_auxiliary_behind_a_fronted_adverbial(de):
    text = "Bereits vor zwei Wochen hatte die Gewerkschaft erklärt, dass die Lotsen ihre Arbeitszeit erreicht hätten."
    (a,) = de(text)
    assert _span(text, a.source) == "die Gewerkschaft"
    assert _span(text, a.content).startswith("dass die Lotsen")


def test_fronted_object_is_no_vorfeld_adverbial(de):
    text = "Den Vorschlag hat die Kommission abgelehnt, weil er zu teuer sei."
    assert all(_span(text, a.source) != "die Kommission" or a.form != "indirect" for a in de(text))


def test_finite_auxiliary_belongs_to_the_cue(de):
    text = "Er hat gestern gesagt, er komme nicht."
    (a,) = de(text)
    assert a.cue.text == "hat gesagt"
    (b,) = de("Er sagte, er komme nicht.")
    assert b.cue.text == "sagte"
