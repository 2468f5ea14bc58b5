"""Which annotations of a Doc the stages may rely on.

A base model can tag and parse without doing it well enough for the rules that would read it:
the German model's parser (UD labels, LAS 0.65) measured worse than the clause heuristics. What
the models of a language give reliably is a fact about those models, kept with them in the
language's ``pipeline.json`` (``trusted_annotations``). A stage asks :func:`trusted` ("is the
dependency parse trusted for this Doc?") instead of ``doc.has_annotation`` or a flag of its own.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc

from ..lang import LanguageData

#: a lagebild annotation name -> the spaCy annotation that must be set on the Doc
Annotation = Literal["pos", "dep"]
SPACY_ANNOTATIONS: dict[str, str] = {"pos": "POS", "dep": "DEP"}


@lru_cache(maxsize=None)
def _language(code: str) -> LanguageData:
    return LanguageData(code)


def trusted(doc: Doc, annotation: Annotation, lang: LanguageData | None = None) -> bool:
    """``doc`` carries ``annotation`` and the models of its language (``lang``, else
    ``doc.lang_``) are trusted for it."""
    if annotation not in SPACY_ANNOTATIONS:
        raise ValueError(f"unknown annotation {annotation!r}; known: {sorted(SPACY_ANNOTATIONS)}")
    if not doc.has_annotation(SPACY_ANNOTATIONS[annotation]):
        return False
    return (lang if lang is not None else _language(doc.lang_)).trusts(annotation)
