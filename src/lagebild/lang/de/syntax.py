"""Syntax hooks of German (see ``lagebild.lang.syntax``).

German writes compounds as one word: a "Raketenangriff" is an "Angriff", and "Drohnenangriffe"
has a "drohne" in it.
"""
from __future__ import annotations

from collections.abc import Iterator


def compound_heads(word: str) -> Iterator[str]:
    low = word.lower()
    for cut in range(2, len(low) - 3):
        yield low[cut:].lstrip("-")  # "Anti-Terror-Einsatz": the head after a linking hyphen


def compound_has_part(word: str, part: str) -> bool:
    return part in word


def compound_has_head(word: str, head: str) -> bool:
    return word.endswith(head)
