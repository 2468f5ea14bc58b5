"""Stages rely on a model's annotation only where the language's ``pipeline.json`` trusts it."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.lang import LanguageData, available_languages
from lagebild.nlp.annotations import SPACY_ANNOTATIONS, trusted


def _doc(code: str, *, pos: bool, dep: bool) -> Doc:
    words = ["Putin", "sagte", "etwas", "."]
    doc = Doc(spacy.blank(code).vocab, words=words,
              pos=["PROPN", "VERB", "PRON", "PUNCT"] if pos else None,
              heads=[1, 1, 1, 1] if dep else None, deps=["nsubj", "ROOT", "obj", "punct"] if dep else None)
    return doc


@pytest.mark.parametrize("code", available_languages())
def test_trust_follows_pipeline_json(code):
    lang = LanguageData(code)
    listed = set(lang.json("pipeline")["trusted_annotations"])
    doc = _doc(code, pos=True, dep=True)
    for name in SPACY_ANNOTATIONS:
        assert trusted(doc, name) == (name in listed), (code, name)
        assert trusted(doc, name, lang) == (name in listed), (code, name)


def test_an_annotation_the_doc_lacks_is_never_trusted():
    bare = _doc("en", pos=False, dep=False)
    assert not trusted(bare, "pos") and not trusted(bare, "dep")
    full = _doc("en", pos=True, dep=True)
    assert trusted(full, "pos") and trusted(full, "dep")  # English trusts both (pipeline.json)


def test_the_german_parse_is_not_trusted_but_its_tags_are():
    doc = _doc("de", pos=True, dep=True)
    assert trusted(doc, "pos") and not trusted(doc, "dep")


def test_an_unknown_annotation_is_an_error():
    with pytest.raises(ValueError, match="morph"):
        trusted(_doc("en", pos=True, dep=False), "morph")  # type: ignore[arg-type]
