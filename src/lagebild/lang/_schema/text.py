"""Schemas of the text-level files: ``pipeline.json``, ``sentences.json``, ``morph_rules.json``,
``times.json`` and ``merge.json``."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .base import DataModel, FileModel, WordTable, Words


class Pipeline(FileModel):
    #: the language's name in English, for messages ("German")
    name: str
    models: Words
    disable: Words
    #: annotations of the models that the stages rely on (``lagebild.nlp.trusted``): ``pos`` (coarse
    #: part-of-speech tags), ``dep`` (the dependency parse); a model may set others untrusted
    trusted_annotations: list[Literal["pos", "dep"]]


class Sentences(FileModel):
    terminals: Words
    closers: Words
    continuations: Words
    abbreviation_stems: Words
    final_abbreviations: Words
    sentence_starters: Words
    tokenizer_special_cases: Words
    hard_terminals: Words
    tokenizer_remove_special_cases: Words
    tokenizer_word_prefixes: Words


class MorphRule(DataModel):
    """A morphology correction: which tokens it applies to (``pos``, ``forms``, suffixes, features)
    and the features it sets."""

    set: dict[str, str]
    pos: Words
    doc: str | None = Field(default=None, alias="_doc")
    forms: Words = []
    not_forms: Words = []
    suffixes: Words = []
    not_suffixes: Words = []
    not_features: dict[str, str] = {}
    requires_missing: Words = []
    requires_child_deps: Words = []
    requires_any: list[dict[str, str]] = []
    first_person_subjects: Words = []
    subject_deps: Words = []
    subject_overrides: Words = []
    aux_deps: Words = []


class MorphRules(FileModel):
    rules: list[MorphRule]


class TimexRule(DataModel):
    """A time expression template: ``pattern`` with ``{class}`` and ``{macro}`` slots, normalised by ``norm``."""

    name: str
    pattern: str
    norm: str
    pre: str | None = None
    not_after: str | None = None
    params: dict[str, Any] = {}
    case: bool = False


class Tense(DataModel):
    past: Words
    future: Words
    past_aux: Words
    participle: str
    participle_not: Words
    default: str
    clause_breaks: str
    abbreviations: Words
    past_pattern: str | None = None
    past_weak: Words = []
    weak_after: Words = []


class Times(FileModel):
    #: word classes: class name -> word -> value (a number, a code, a list, or null)
    classes: dict[str, dict[str, Any]]
    macros: dict[str, str]
    rules: list[TimexRule]
    tense: Tense
    sentences: dict[str, str]


class Merge(FileModel):
    numbers: dict[str, int]
    scale: dict[str, int]
    ignore: Words
    families: WordTable
