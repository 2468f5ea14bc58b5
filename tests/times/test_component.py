from __future__ import annotations

import datetime

import spacy

from lagebild.nlp.extensions import register_extensions


def _nlp(code: str):
    register_extensions()
    import lagebild.times.component  # noqa: F401  (registers the factory)

    nlp = spacy.blank(code)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_times")
    return nlp


def test_component_sets_lb_times():
    nlp = _nlp("de")
    doc = nlp.make_doc("Am 4. Juli telefonierte Trump mit Putin. Am Vortag hatte er Selenskyj getroffen.")
    doc._.lb_published = datetime.date(2025, 7, 15)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(t.text, t.value, t.anchor) for t in doc._.lb_times] == [
        ("4. Juli", "2025-07-04", "published"), ("Vortag", "2025-07-03", "t0")]


def test_component_without_publication_date():
    nlp = _nlp("en")
    doc = nlp("He called on July 4 and again yesterday.")
    assert [t.value for t in doc._.lb_times] == ["XXXX-07-04", "PAST_REF"]


def test_component_find_and_set_are_separate():
    nlp = _nlp("en")
    comp = nlp.get_pipe("lagebild_times")
    doc = nlp.make_doc("It happened in 2019.")
    doc = nlp.get_pipe("sentencizer")(doc)
    found = comp.find(doc)
    assert doc._.lb_times is None
    comp.set_annotations(doc, found)
    assert [t.value for t in doc._.lb_times] == ["2019"]
