"""Tokenizer special cases and the rule-based sentence splitter, on hand-written German."""
import pytest
import spacy

from lagebild.nlp import sentences  # noqa: F401  (registers lagebild_sentences)
from lagebild.nlp.tokenizer import apply_special_cases


@pytest.fixture(scope="module")
def nlp():
    nlp = apply_special_cases(spacy.blank("de"))
    nlp.add_pipe("lagebild_sentences")
    return nlp


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize("form", ["Nr.", "St.", "Dr.", "Prof.", "bzw.", "ca.", "z.B.", "u.a.", "Mio."])
def test_abbreviations_keep_their_period(nlp, form):
    doc = nlp.make_doc(f"Es gab {form} 5 Fälle")
    assert form in [t.text for t in doc]


def test_weekday_abbreviation_does_not_swallow_name_period(nlp):
    assert sents(nlp, "Er sprach mit seinem Sohn Fei Di. Nie Haisheng sprach mit seiner Frau.") == [
        "Er sprach mit seinem Sohn Fei Di.", "Nie Haisheng sprach mit seiner Frau."]


def test_quote_followed_by_speaker_is_one_sentence(nlp):
    text = "„Wir werden das nicht hinnehmen“, sagte Dr. Müller am 4. Juli in St. Gallen. Danach ging er."
    assert sents(nlp, text) == ["„Wir werden das nicht hinnehmen“, sagte Dr. Müller am 4. Juli in St. Gallen.",
                                "Danach ging er."]


def test_closing_mark_inside_quote_then_comma(nlp):
    text = "»Das ist gut.«, meinte Prof. Meier. Am 1. Mai kam die 2. Welle."
    assert sents(nlp, text) == ["»Das ist gut.«, meinte Prof. Meier.", "Am 1. Mai kam die 2. Welle."]


def test_question_in_quote_then_lower_case_verb(nlp):
    assert sents(nlp, "„Kommt ihr?“ fragte sie. Niemand antwortete.") == ["„Kommt ihr?“ fragte sie.",
                                                                         "Niemand antwortete."]


def test_quote_closing_a_sentence_takes_the_mark_along(nlp):
    assert sents(nlp, "Er sagte: „Wir kommen.“ Dann ging er.") == ["Er sagte: „Wir kommen.“", "Dann ging er."]


def test_abbreviations_inside_a_sentence(nlp):
    text = "Er wohnt z. B. in der Hauptstr. 5, u. a. mit ca. 3 Kindern bzw. v. a. Katzen. Dann kam Nr. 7 dran."
    assert len(sents(nlp, text)) == 2


def test_ordinal_dates_do_not_split(nlp):
    assert len(sents(nlp, "Am 4. Juli und am 17. Oktober 2024 tagte der 3. Senat in Karlsruhe.")) == 1


def test_year_at_sentence_end_is_split_from_its_period(nlp):
    doc = nlp("Das war im Jahr 2004. Die Welt war anders.")
    assert [s.text.strip() for s in doc.sents] == ["Das war im Jahr 2004.", "Die Welt war anders."]
    assert "2004" in [t.text for t in doc]


def test_line_breaks_end_headlines(nlp):
    assert sents(nlp, "Feuer in Jena\n\nDer Brand brach am Morgen aus.") == ["Feuer in Jena", "Der Brand brach am Morgen aus."]


def test_semicolon_ends_a_clause_sentence(nlp):
    assert len(sents(nlp, "Die Frau war sofort tot; die Tochter überlebte.")) == 2


def test_every_token_has_a_fixed_boundary_decision(nlp):
    doc = nlp("Er kam. Sie ging.")
    assert all(t.is_sent_start is not None for t in doc)


def test_wrapped_line_continues_the_sentence(nlp):
    assert len(sents(nlp, "Der Bär hält sich seitdem im\ndeutsch-österreichischen Grenzgebiet auf.")) == 1


def test_year_or_type_number_before_any_capitalised_word(nlp):
    text = "Das geschah im Jahr 1985. Zuletzt bebte es 2017. Es war eine DC-9. An Bord waren 103 Menschen."
    assert len(sents(nlp, text)) == 4
