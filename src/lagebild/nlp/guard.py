"""Hostile or huge text, made safe for the model without moving a single offset.

Three guards, all keeping every character position of the original text:

* :func:`sanitize` replaces lone surrogates (which spaCy's string store cannot encode)
  with U+FFFD, and blanks out runs of non-space characters longer than
  ``Settings.max_token_chars`` (a 300,000-character "word", 100,000 nested brackets: the
  tokenizer's prefix and suffix search is quadratic in such a run) with spaces of the same
  length. The record keeps the original text; only the model never sees the run.
* :func:`segments` cuts a long text into pieces of at most ``Settings.segment_chars``
  characters, each ending right after whitespace, preferring a paragraph break, then a line
  break, then a sentence end, then any space. The pieces joined give the text back exactly,
  so a Doc built from them has every offset of the original.
* the ``lagebild_sentence_cap`` component, placed before the parser, starts a new sentence
  every ``Settings.max_sentence_tokens`` tokens of a sentence that runs on (one word repeated
  for megabytes, 100,000 tokens without a full stop): the parser and the stages after it,
  some of which grow faster than linearly with a sentence's length, see bounded sentences.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..settings import Settings

_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_BREAKS = (
    re.compile(r"\n[ \t]*\n\s*"),          # paragraph
    re.compile(r"\n\s*"),                  # line
    re.compile(r"[.!?…][\"'»«”“)\]]*\s+"),  # sentence end
    re.compile(r"\s+"),                    # any space
)


def fix_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (same length)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def sanitize(text: str, max_token_chars: int) -> str:
    """The text the model sees: same length as ``text``, surrogates replaced, overlong runs blanked."""
    text = fix_surrogates(text)
    long_run = re.compile(r"\S{%d,}" % (max_token_chars + 1))
    if long_run.search(text):
        text = long_run.sub(lambda m: " " * len(m.group()), text)
    return text


def _cut(text: str, start: int, limit: int) -> int:
    """End of the piece that starts at ``start``: at most ``limit`` characters, at the best break."""
    hard = start + limit
    if hard >= len(text):
        return len(text)
    floor = start + limit // 2  # a break in the second half of the window, so pieces stay large
    for pattern in _BREAKS:
        best = None
        for m in pattern.finditer(text, floor, hard):
            if m.end() <= hard:
                best = m.end()
        if best is not None:
            return best
    return hard  # no space at all in the window (cannot happen after sanitize); cut anyway


def estimate_tokens(text: str) -> int:
    """About how many tokens the tokenizer makes of ``text`` (words and punctuation marks)."""
    return sum(1 for _ in _TOKEN.finditer(text))


def segments(text: str, limit: int, max_tokens: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces covering ``text``, each at most ``limit`` characters
    and, with ``max_tokens``, about that many tokens at most (text dense in punctuation makes
    more tokens per character, and the model's memory follows the tokens)."""
    out = []
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        if max_tokens and end - start > 1000:
            n = estimate_tokens(text[start:end])
            if n > max_tokens:
                end = _cut(text, start, max(1000, int((end - start) * max_tokens / n * 0.9)))
        out.append((start, end))
        start = end
    return out or [(0, 0)]


#: Marks after which a run may end a sentence: where no splitter ran before the parser
#: (English: the parser draws the sentences), the cap counts from the last of these.
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


class SentenceCap:
    """Force a sentence start every ``max_tokens`` tokens of a sentence that is longer.

    Before a parser that draws the sentences itself, no token is marked yet: the run is then
    counted from the last sentence-final mark or line break, so only text that runs on
    without one (a pathological "sentence") is cut, never a document of normal sentences.
    """

    def __init__(self, name: str, max_tokens: int) -> None:
        self.name = name
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        run = 0
        for token in doc:
            prev = doc[token.i - 1] if token.i else None
            if prev is None or token.is_sent_start or prev.text in _SENTENCE_ENDS or (
                    prev.is_space and "\n" in prev.text):
                run = 0
            run += 1
            if run > self.max_tokens and not token.is_space:
                token.is_sent_start = True
                run = 1
        return doc

    def to_disk(self, path, exclude=tuple()):  # nothing to save
        pass

    def from_disk(self, path, exclude=tuple()):
        return self


@Language.factory("lagebild_sentence_cap", assigns=["token.is_sent_start"],
                  default_config={"max_tokens": Settings.model_fields["max_sentence_tokens"].default})
def make_sentence_cap(nlp: Language, name: str, max_tokens: int) -> SentenceCap:
    return SentenceCap(name, max_tokens)
