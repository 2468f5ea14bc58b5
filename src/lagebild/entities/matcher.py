"""A fast alias matcher over words of the text (no tokenizer needed).

Words are runs of letters/digits; hyphens split words, so German compounds such as
"Tomahawk-Raketen" or "US-Präsident" expose their name part. Aliases are folded
(lower case, no accents) word tuples; the last word may carry an inflection suffix of
the language ("Trumps", "Moskaus", "Putin's"). Longest match wins, left to right.
Case rules: aliases of up to three characters (US, EU, X) match only in their own
case; aliases written with a lower-case first letter ("russische", "ukrainische
Präsidialamt") match in any case; all others need a capitalised first word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..kb.names import fold

WORD = re.compile(r"[^\W_]+")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


@dataclass(frozen=True)
class Entry:
    target: str  # actor id, "country:ISO3", or "geo:<key>"
    kind: str  # name, demonym, people, seat, place, government
    surface: str  # the alias as written in the data
    exact_case: bool = False
    any_case: bool = False
    context: tuple[str, ...] = ()  # required previous word (folded), if any


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry: Entry
    first_word: int
    last_word: int


def words_of(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


class AliasMatcher:
    def __init__(self, suffixes: list[str]) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self.suffixes = sorted({fold(s) or s for s in suffixes if s}, key=len, reverse=True)
        self.suffixes = [s for s in self.suffixes if s.isalpha()]

    def add(self, alias: str, entry: Entry) -> None:
        key = tuple(fold(alias).split())
        if not key:
            return
        if _ACRONYM.fullmatch(alias):
            self._add(tuple(key[0]), entry)  # "FBI" is also written "F.B.I." (its letters as words)
        self._add(key, entry)

    def _add(self, key: tuple[str, ...], entry: Entry) -> None:
        bucket = self.index.setdefault(key[0], [])
        if any(k == key and e.target == entry.target for k, e in bucket):
            return
        bucket.append((key, entry))
        bucket.sort(key=lambda item: -len(item[0]))

    def _variants(self, word: str) -> list[str]:
        out = [word]
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                out.append(word[: -len(suffix)])
        return out

    def _case_ok(self, entry: Entry, words: list[tuple[int, int, str]], i: int, n: int) -> bool:
        first = words[i][2]
        if entry.exact_case:
            return "".join(w[2] for w in words[i:i + n]) == "".join(WORD.findall(entry.surface))
        if entry.any_case:
            return True
        return first[:1].isupper() or first[:1].isdigit()

    def find(self, text: str, words: list[tuple[int, int, str]] | None = None) -> list[Match]:
        words = words if words is not None else words_of(text)
        folded = [fold(w[2]) for w in words]
        out: list[Match] = []
        i = 0
        while i < len(words):
            best: Match | None = None
            for first in self._variants(folded[i]):
                for key, entry in self.index.get(first, ()):
                    n = len(key)
                    if best is not None and n <= best.last_word - best.first_word + 1:
                        break
                    if i + n > len(words) or (first != folded[i] and n > 1):
                        continue
                    if n > 1 and tuple(folded[i:i + n - 1]) != key[:-1]:
                        continue
                    if n > 1 and key[-1] not in self._variants(folded[i + n - 1]):
                        continue
                    if n > 1 and not _adjacent(text, words, i, n):
                        continue
                    if entry.context and (i == 0 or folded[i - 1] not in entry.context):
                        continue
                    if not self._case_ok(entry, words, i, n):
                        continue
                    best = Match(words[i][0], words[i + n - 1][1], entry, i, i + n - 1)
                    break
            if best is not None:
                out.append(best)
                i = best.last_word + 1
            else:
                i += 1
        return out


def _adjacent(text: str, words: list[tuple[int, int, str]], i: int, n: int) -> bool:
    """Words of one name are separated by spaces, hyphens or abbreviation dots only."""
    for k in range(i, i + n - 1):
        gap = text[words[k][1]:words[k + 1][0]]
        if len(gap) > 3 or any(c not in " .,-'’\u00a0" for c in gap):
            return False
    return True
