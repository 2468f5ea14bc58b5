"""Rule-based sentence splitting, driven by a language's ``sentences.json``.

Runs before the tagger and parser and fixes every token's ``is_sent_start``, so the
parser keeps these boundaries. The rules, in order:

* a blank line ends a sentence, and so does a single line break unless the next word
  starts in lower case (a wrapped line);
* a terminal mark (``.``, ``!``, ``?``, ``…``) ends a sentence, together with the
  closing quotes and brackets written right after it, unless the next word starts in
  lower case or is a continuation mark (``„Wir kommen.“, sagte sie`` stays one sentence);
* a number with its period (``4.``) or an abbreviation (``Dr.``, ``z.``) ends a sentence
  only when the next word is a typical sentence opener (``2004. Die …``), or, for numbers
  that are rarely ordinals (three digits or more, letters: ``1985.``, ``5.000.``,
  ``DC-9.``), any capitalised word; such a number is then split into number and period. A lone period right after an abbreviation stem
  (``Hauptstr.``) ends nothing.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lang import LanguageData

_NUMBER_PERIOD = re.compile(r"^[\w.:,/-]*\d\.$")
_NOT_ORDINAL = re.compile(r"\d{3}|[^\W\d]")  # years, 5.000, DC-9: rarely ordinals


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str, data: str = "sentences") -> None:
        self.name = name
        rules = LanguageData(nlp.lang).json(data)
        self.terminals = frozenset(rules["terminals"])
        self.closers = frozenset(rules["closers"])
        self.continuations = frozenset(rules["continuations"])
        self.stems = frozenset(rules["abbreviation_stems"])
        self.final_abbreviations = frozenset(rules["final_abbreviations"])
        self.starters = frozenset(rules["sentence_starters"])
        self.hard_terminals = frozenset(rules.get("hard_terminals", ()))

    def __call__(self, doc: Doc) -> Doc:
        doc = self._split_numbers(doc)
        starts = self.find(doc)
        self.set_annotations(doc, starts)
        return doc

    # -- finding ---------------------------------------------------------------
    def _next_word(self, doc: Doc, k: int) -> tuple[int, bool]:
        """Index of the next non-space token from ``k`` and whether a line break came first."""
        newline = False
        while k < len(doc) and doc[k].is_space:
            newline = newline or "\n" in doc[k].text
            k += 1
        return k, newline

    def _opens_sentence(self, token: Token) -> bool:
        text = token.text
        return text in self.starters or (text[:1] in "„»\"‚" and len(text) == 1)

    def _split_numbers(self, doc: Doc) -> Doc:
        """Split ``2004.`` into ``2004`` + ``.`` where it ends a sentence."""
        todo = []
        for token in doc:
            if _NUMBER_PERIOD.match(token.text):
                k, newline = self._next_word(doc, token.i + 1)
                if k >= len(doc) or newline or self._opens_sentence(doc[k]) or (
                    _NOT_ORDINAL.search(token.text[:-1]) and doc[k].text[:1].isupper()
                ):
                    todo.append(token)
        if todo:
            with doc.retokenize() as retok:
                for token in todo:
                    retok.split(token, [token.text[:-1], "."], heads=[(token, 0), (token, 0)])
        return doc

    def find(self, doc: Doc) -> list[bool]:
        """``is_sent_start`` for every token."""
        starts = [False] * len(doc)
        if not len(doc):
            return starts
        starts[0] = True
        i = 0
        while i < len(doc):
            token = doc[i]
            if token.is_space:
                k, newline = self._next_word(doc, i)
                paragraph = "\n\n" in "".join(t.text for t in doc[i:k])
                if newline and k < len(doc) and (paragraph or not doc[k].text[:1].islower()):
                    starts[k] = True
                i = max(k, i + 1)
                continue
            end = self._sentence_end(doc, i)
            if end is not None:
                k, newline = self._next_word(doc, end + 1)
                hard = doc[end].text in self.hard_terminals
                if k < len(doc) and (newline or hard or self._may_start(doc[k])):
                    starts[k] = True
                i = end + 1
                continue
            i += 1
        return starts

    def _sentence_end(self, doc: Doc, i: int) -> int | None:
        """Last token index of a sentence that may end at token ``i``, else None."""
        token = doc[i]
        text = token.text
        if text in self.hard_terminals:
            return i
        if text in self.terminals or (text and all(c in ".!?…" for c in text)):
            if text == "." and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text in self.stems:
                return None
            end = i
            while end + 1 < len(doc) and doc[end + 1].text in self.closers and not doc[end].whitespace_:
                end += 1
            return end
        if len(text) > 1 and text.endswith(".") and (_NUMBER_PERIOD.match(text) or text[:-1].isalpha() or "." in text[:-1]):
            k, newline = self._next_word(doc, i + 1)
            if newline or (k < len(doc) and text in self.final_abbreviations and self._opens_sentence(doc[k])):
                return i
        return None

    def _may_start(self, token: Token) -> bool:
        text = token.text
        if text in self.continuations:
            return False
        first = text[:1]
        return not (first.isalpha() and first.islower())

    # -- setting ---------------------------------------------------------------
    def set_annotations(self, doc: Doc, starts: list[bool]) -> None:
        for token, start in zip(doc, starts):
            token.is_sent_start = start

    def to_disk(self, path, exclude=tuple()):  # rules live in the language data
        pass

    def from_disk(self, path, exclude=tuple()):
        return self


@Language.factory("lagebild_sentences", assigns=["token.is_sent_start"], default_config={"data": "sentences"})
def make_sentence_splitter(nlp: Language, name: str, data: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name, data)
