"""Sentence spans and the tense of a clause, from word lists in ``times.json`` ("tense").

The tense decides which occurrence a bare weekday, month or weekend means: past tense →
the last one, future tense → the next one. Cues are counted in the clause around the
expression (its sentence, cut at the clause breaks the data give); a past participle
counts only with a perfect/passive auxiliary in the same clause. Listed past forms
outvoting future cues (or as many, the nearest being past) make a clause past; else any future cue (a modal such as
"wird"/"will") makes it future; else a past participle or a word matching
``past_pattern`` (English "-ed") or listed in ``past_weak`` (forms that are also
participles: "held", "said") makes it past.
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
        past = weak = future = 0
        aux = False
        participles = 0
        near_past = near_future = len(text)
        for m in _WORD.finditer(text, span[0], span[1]):
            if exclude[0] <= m.start() < exclude[1]:
                continue
            w = m.group(0).lower()
            gap = abs(m.start() - exclude[0])
            if w in self.future:
                future += 1
                near_future = min(near_future, gap)
            elif w in self.past:
                past += 1
                near_past = min(near_past, gap)
            elif w in self.past_weak or (self.past_pattern and self.past_pattern.match(w)):
                weak += 1
            elif self.participle and w not in self.not_participle and self.participle.match(w):
                participles += 1
            if w in self.aux:
                aux = True
        if aux:
            weak += participles
        if past > future or (past and past == future and near_past < near_future):
            return "past", True
        if future:
            return "future", True
        if weak:
            return "past", True
        return self.default, False
