"""Lemmas from a lookup table keyed by UPOS and form, shipped inside the model.

The table (built by ``scripts/train_german.py`` from treebank lemmas and HanTa's lemmas
over the training texts) maps ``"UPOS form"`` to a lemma where it differs from the
fallback, and ``" form"`` (any POS) to the most frequent lemma. Unknown words get the
suffix rule learnt from the table for their POS and ending (``~NOUN ungen`` -> strip 1:
``Bemühungen`` -> ``Bemühung``), else the fallback: the form itself for nouns, names,
numbers and symbols, else the lower-cased form.
"""
from __future__ import annotations

from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

_KEEP_CASE = frozenset({"NOUN", "PROPN", "NUM", "SYM", "X", "PUNCT"})
_FILE = "lemmas.msgpack"
MIN_SUFFIX, MAX_SUFFIX = 2, 6


def edit_rule(form: str, lemma: str) -> str:
    """``"<chars to strip>|<text to append>"`` turning ``form`` (the fallback lemma) into ``lemma``."""
    i = 0
    while i < min(len(form), len(lemma)) and form[i] == lemma[i]:
        i += 1
    return f"{len(form) - i}|{lemma[i:]}"


def apply_rule(form: str, rule: str) -> str:
    strip, append = rule.split("|", 1)
    n = int(strip)
    return (form[:-n] if n else form) + append


def fallback_lemma(form: str, upos: str) -> str:
    return form if upos in _KEEP_CASE else form.lower()


class TableLemmatizer:
    def __init__(self, nlp: Language, name: str, overwrite: bool = True) -> None:
        self.name = name
        self.overwrite = overwrite
        self.table: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[str]:
        table = self.table
        out = []
        for token in doc:
            upos, form = token.pos_, token.text
            lemma = table.get(f"{upos} {form}")
            if lemma is None:
                lemma = table.get(f" {form}") if upos not in _KEEP_CASE else None
                if lemma is None:
                    lemma = self._by_suffix(form, upos)
            out.append(lemma)
        return out

    def _by_suffix(self, form: str, upos: str) -> str:
        base = fallback_lemma(form, upos)
        for n in range(min(MAX_SUFFIX, len(base) - 3), MIN_SUFFIX - 1, -1):
            rule = self.table.get(f"~{upos} {base[-n:]}")
            if rule is not None:
                return apply_rule(base, rule)
        return base

    def set_annotations(self, doc: Doc, lemmas: list[str]) -> None:
        for token, lemma in zip(doc, lemmas):
            if self.overwrite or not token.lemma:
                token.lemma_ = lemma

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_msgpack(path / _FILE, self.table)

    def from_disk(self, path, exclude=tuple()) -> "TableLemmatizer":
        self.table = srsly.read_msgpack(Path(path) / _FILE)
        return self


@Language.factory("lagebild_lemmatizer", assigns=["token.lemma"], requires=["token.pos"],
                  default_config={"overwrite": True})
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> TableLemmatizer:
    return TableLemmatizer(nlp, name, overwrite)
