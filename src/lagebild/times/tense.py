"""Sentence spans and the tense of a clause, from word lists in ``times.json`` ("tense").

The tense decides which occurrence a bare weekday, month or weekend means: past tense →
the last one, future tense → the next one. The clause is the expression's sentence, cut
at the clause breaks the data give; in it, the cue word nearest to the expression
decides: a future cue (a modal such as "wird"/"will"), a past form (listed, listed as
``past_weak`` or matching ``past_pattern`` such as English "-ed", unless right after
a word of ``weak_after`` such as "be"), or a past
participle, which counts only with a perfect/passive auxiliary in the clause. Without
any cue the data's default tense is used (``explicit`` False).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

_WORD = re.compile(r"\w+", re.U)


class Tense:
    def __init__(self, data: dict[str, Any], sentences: dict[str, Any] | None) -> None:
        self.past = frozenset(w.lower() for w in data.get("past", []))
        self.future = frozenset(w.lower() for w in data.get("future", []))
        self.aux = frozenset(w.lower() for w in data.get("past_aux", []))
        self.participle = re.compile(data["participle"]) if data.get("participle") else None
        self.past_pattern = re.compile(data["past_pattern"]) if data.get("past_pattern") else None
        self.past_weak = frozenset(w.lower() for w in data.get("past_weak", []))
        self.weak_after = frozenset(w.lower() for w in data.get("weak_after", []))
        self.not_participle = frozenset(w.lower() for w in data.get("participle_not", []))
        self.default = data.get("default", "past")
        self.breaks = re.compile(data["clause_breaks"], re.I) if data.get("clause_breaks") else None
        self.abbreviations = frozenset(w.lower() for w in data.get("abbreviations", []))
        brk = (sentences or {}).get("break")
        self.sentence_break = re.compile(brk) if brk else None

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Rough sentence spans: a break not after a digit, single letter or abbreviation."""
        spans: list[tuple[int, int]] = []
        start = 0
        if self.sentence_break is not None:
            for m in self.sentence_break.finditer(text):
                before = text[max(0, m.start() - 12):m.start()]
                word = re.search(r"[\w.]*$", before).group(0)
                if m.group(0)[0] == "." and (
                    word[-1:].isdigit() or len(word) == 1 or word.lower() in self.abbreviations
                ):
                    continue
                spans.append((start, m.start() + 1))
                start = m.end()
        spans.append((start, len(text)))
        return [s for s in spans if s[1] > s[0]]

    def clause(self, text: str, sentences: list[tuple[int, int]], starts: list[int],
               start: int, end: int) -> tuple[int, int]:
        i = bisect_right(starts, start) - 1
        s, e = sentences[i] if i >= 0 else (0, len(text))
        if self.breaks is not None:
            for m in self.breaks.finditer(text, s, e):
                if m.end() <= start:
                    s = m.end()
                elif m.start() >= end:
                    e = m.start()
                    break
        return s, e

    def of(self, text: str, span: tuple[int, int], exclude: tuple[int, int]) -> tuple[str, bool]:
        """("past" | "future", explicit) for the clause ``span`` (minus ``exclude``);
        without a cue (``explicit`` False) the data's default tense."""
        nearest: tuple[int, str] | None = None
        aux = False
        participles: list[int] = []
        previous = ""
        for m in _WORD.finditer(text, span[0], span[1]):
            w = m.group(0).lower()
            before, previous = previous, w
            if exclude[0] <= m.start() < exclude[1]:
                continue
            gap = exclude[0] - m.end() if m.end() <= exclude[0] else m.start() - exclude[1]
            if w in self.future:
                cue = "future"
            elif w in self.past:
                cue = "past"
            elif (w in self.past_weak or (self.past_pattern and self.past_pattern.match(w))) \
                    and before not in self.weak_after:  # "will be signed": "be" rules
                cue = "past"
            else:
                if w in self.aux:
                    aux = True
                if self.participle and w not in self.not_participle and self.participle.match(w):
                    participles.append(gap)
                continue
            if w in self.aux:
                aux = True
            if nearest is None or gap < nearest[0]:
                nearest = (gap, cue)
        if aux and participles and (nearest is None or min(participles) < nearest[0]):
            nearest = (min(participles), "past")
        if nearest is None:
            return self.default, False
        return nearest[1], True
