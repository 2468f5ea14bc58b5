"""English headline and signature frames (issue 16): a document noun before a headline
colon, and a name signed before a dash and a quotation. Blank English pipeline."""
from __future__ import annotations


def _span(text, s):
    return None if s is None or s.start is None else text[s.start:s.end]


def test_document_noun_before_a_headline_colon_is_the_source(en):
    text = "Poll: Wealthy Voters Abandon Republican Party"
    (a,) = en(text)
    assert _span(text, a.source) == "Poll"
    assert _span(text, a.content) == "Wealthy Voters Abandon Republican Party"


def test_other_word_before_a_colon_is_no_source(en):
    assert en("Weather: Sunny spells and showers later") == []


def test_name_dash_quotation(en):
    text = "Pamela Padilla ― “During the debate he said we live in hell.”"
    (a,) = en(text)
    assert (a.form, _span(text, a.source)) == ("direct", "Pamela Padilla")
    assert _span(text, a.content) == "“During the debate he said we live in hell.”"


def test_name_dash_without_a_quotation_is_no_frame(en):
    assert en("Pamela Padilla ― a teacher from Ohio") == []


def test_a_headline_colon_stands_only_where_no_other_frame_is(en):
    """A headline colon frame is built only in a unit without frames; a transcript's speaker
    label (all capitals) also over its turn's frames (test_english.py). One rule for every
    language since issue 18 (once the switch headline_over_frames)."""
    alone = "Poll: Wealthy Voters Abandon Republican Party"
    assert [a.cue.text for a in en(alone)] == [":"]
    text = "Poll: Voters said the economy was weak."
    found = en(text)
    assert found and all(a.cue.text != ":" for a in found)
