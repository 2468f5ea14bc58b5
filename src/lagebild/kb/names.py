"""Transliteration-aware name matching.

A name gets a set of *keys*: lower-cased, accents stripped (the character table of
``lagebild/data/folding.json``), and then, once per language, that language's reading of
it (``reading`` in ``lang/<code>/names.json``: the usual transliterations of Cyrillic and
other names, w/v, j/y/i, s/z, sch/sh, tsch/ch, ch/kh, -ow/-ov) folded onto one skeleton.
A German reading and an English reading are both produced, because "ch" is /x/ in German
(Charkiw = Kharkiv) but /tʃ/ in English (Chernihiv = Tschernihiw); two names match when
their key sets intersect, or, for long names, when their keys are within a small edit
distance.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from ..lang import LanguageData, available_languages


def _folding() -> dict:
    return json.loads((resources.files("lagebild") / "data" / "folding.json").read_text(encoding="utf-8"))


def _readings() -> tuple[tuple[tuple[str, str], ...], ...]:
    """Each language's reading (ordered rewrite rules on lower-case ASCII), in code order."""
    out = []
    for code in available_languages():
        lang = LanguageData(code)
        rules = lang.json("names").get("reading") if lang.has("names.json") else None
        if rules:
            out.append(tuple((a, b) for a, b in rules))
    return tuple(out)


_FOLDING = _folding()
_SPECIAL = str.maketrans(_FOLDING["characters"])
_SKELETON = tuple((a, b) for a, b in _FOLDING["skeleton"])  # after every reading
_READINGS = _readings() or ((),)


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _reading(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    for a, b in rules + _SKELETON:
        word = word.replace(a, b)
    return word


@lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[str]:
    """The transliteration keys of a name (empty for a name without letters)."""
    base = fold(name)
    if not base:
        return frozenset()
    return frozenset(_reading(base, rules) for rules in _READINGS)


def strip_possessive(text: str, suffixes: tuple[str, ...]) -> str:
    """``text`` without the first of ``suffixes`` it ends in (a language's
    ``possessive_suffixes``: "Putin's" -> "Putin"), unless too little would be left."""
    for suffix in suffixes:
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            return text[: -len(suffix)]
    return text


def names_match(a: str, b: str, *, fuzzy_min_len: int = 6, max_ratio: float = 0.15) -> bool:
    """Whether two spellings name the same thing (Medwedew = Medvedev, Putin ≠ Puttin)."""
    ka, kb = name_keys(a), name_keys(b)
    if not ka or not kb:
        return False
    if ka & kb:
        return True
    for x in ka:
        for y in kb:
            if x[0] != y[0] or min(len(x), len(y)) < fuzzy_min_len:
                continue
            limit = max(1, int(max_ratio * max(len(x), len(y))))
            if Levenshtein.distance(x, y, score_cutoff=limit) <= limit:
                return True
    return False


def surname(name: str) -> str:
    """Last word of a personal name ("Wolodymyr Selenskyj" -> "Selenskyj")."""
    parts = name.replace("-", " ").split()
    return parts[-1] if parts else name


def given_name(name: str) -> str:
    parts = name.split()
    return parts[0] if len(parts) > 1 else ""
