"""Lemmas from a lookup table keyed by UPOS and form, shipped inside the model.

The table (built by ``scripts/train_german.py`` from treebank lemmas and HanTa's lemmas
over the training texts) maps ``"UPOS form"`` to a lemma where it differs from the
fallback, and ``" form"`` (any POS) to the most frequent lemma. Unknown words get the
suffix rule learnt from the table for their POS and ending (``~NOUN ungen`` -> strip 1:
``Bemühungen`` -> ``Bemühung``), else the fallback: the form itself for nouns, names,
numbers and symbols, else the lower-cased form.

Where the table has no entry for a word (the rules would have to guess), a form-to-lemma
lookup table is consulted first (``lookup``: spaCy's German lemma lookup from
spacy-lookups-data, MIT, copied into the model at training time, so nothing is downloaded at
run time). Its lemma is taken only where it fits the part of speech: a capitalised lemma for
a noun, a lower-case one for any other word (``Ab`` -> ``ab`` is no noun lemma).
"""
from __future__ import annotations

import gzip
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

_KEEP_CASE = frozenset({"NOUN", "PROPN", "NUM", "SYM", "X", "PUNCT"})
_FILE = "lemmas.msgpack"
_LOOKUP_FILE = "lookup.txt.gz"
"""The lookup as text: the forms, one per line, a NUL, then their lemmas in the same order. Two
``str.split`` calls read it in half the time msgpack takes for 354,661 pairs (a cold start pays it)."""
_NO_LOOKUP = frozenset({"PROPN", "NUM", "SYM", "X", "PUNCT"})
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
        self.lookup = {}

    @property
    def lookup(self) -> dict[str, str]:
        return self._lookup

    @lookup.setter
    def lookup(self, value: dict[str, str]) -> None:
        self._lookup = value
        self._lemmas = frozenset(value.values())

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
                    lemma = self._by_lookup(form, upos) or self._by_suffix(form, upos)
            out.append(lemma)
        return out

    def _by_lookup(self, form: str, upos: str) -> str | None:
        """The lookup table's lemma where it fits the part of speech, else None."""
        if upos in _NO_LOOKUP or not self.lookup:
            return None
        if upos == "NOUN":
            lemma = self.lookup.get(form) or (form if form in self._lemmas else None)
            return lemma if lemma and lemma[:1].isupper() else None
        low = form.lower()
        lemma = self.lookup.get(low) or self.lookup.get(form) or (low if low in self._lemmas else None)
        return lemma if lemma and not lemma[:1].isupper() else None

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
        if self.lookup:
            forms = sorted(self.lookup)
            data = "\n".join(forms) + "\0" + "\n".join(self.lookup[f] for f in forms)
            (path / _LOOKUP_FILE).write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))

    def from_disk(self, path, exclude=tuple()) -> "TableLemmatizer":
        path = Path(path)
        self.table = srsly.read_msgpack(path / _FILE)
        lookup = path / _LOOKUP_FILE
        self.lookup = _read_lookup(gzip.decompress(lookup.read_bytes())) if lookup.exists() else {}
        return self


def _read_lookup(data: bytes) -> dict[str, str]:
    forms, lemmas = data.decode("utf-8").split("\0")
    return dict(zip(forms.split("\n"), lemmas.split("\n"))) if forms else {}


@Language.factory("lagebild_lemmatizer", assigns=["token.lemma"], requires=["token.pos"],
                  default_config={"overwrite": True})
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> TableLemmatizer:
    return TableLemmatizer(nlp, name, overwrite)
