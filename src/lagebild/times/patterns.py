"""Compile the rule templates of ``lang/<code>/times.json`` into regular expressions.

Template syntax (in ``rules[].pattern``, ``pre``, and in ``macros``):

- ``{slot}``: a capturing group named ``slot`` over the class (word → value map) or
  macro (regex) of the same name; ``{slot=name}`` uses class/macro ``name``;
  ``{#name}`` is the same without capturing;
- a single space stands for one or more whitespace characters;
- everything else is a regular expression (matched case-insensitively).

Each rule's groups are renamed ``r<i>_<slot>`` so that all rules can be joined into one
alternation, which finds the leftmost candidate in one pass; at that position every rule
is then tried and the longest match wins (ties: the earlier rule).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataFileError

_SLOT = re.compile(r"\{(#?)([a-z_][a-z_0-9]*)(?:=([a-z_0-9]+))?\}")


def _forms(words: dict[str, Any]) -> dict[str, Any]:
    """A class's word → value map with its ``_suffixes`` applied (lower case)."""
    suffixes = words.get("_suffixes")
    out: dict[str, Any] = {}
    for word, value in words.items():
        if word.startswith("_"):
            continue
        for suffix in suffixes or [""]:
            out[(word + suffix).lower()] = value
    return out


def _alternation(words: dict[str, Any]) -> str:
    keys = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", " ") for k in keys) + ")"


def _spaces(pattern: str) -> str:
    return pattern.replace(" ", r"\s+")


@dataclass
class Rule:
    index: int
    name: str
    norm: str
    params: dict[str, Any]
    regex: re.Pattern[str]
    slots: dict[str, str] = field(default_factory=dict)
    """group name in ``regex`` → slot name (one slot may have several groups)"""
    classes: dict[str, str] = field(default_factory=dict)
    """group name → class name (absent for macros)"""
    not_after: re.Pattern[str] | None = None


class Patterns:
    """All rules of one language, compiled once."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            self.classes = {name: _forms(words) for name, words in data["classes"].items()}
            self.macros: dict[str, str] = dict(data.get("macros", {}))
            rules = data["rules"]
        except (KeyError, AttributeError) as err:
            raise DataFileError(f"times.json lacks {err}") from err
        self._alts = {name: _alternation(words) for name, words in self.classes.items()}
        self.rules: list[Rule] = []
        parts: list[str] = []
        for i, spec in enumerate(rules):
            rule, source = self._compile(i, spec)
            self.rules.append(rule)
            parts.append(f"(?P<r{i}>{source})")
        self.scanner = re.compile("|".join(parts), re.I)

    def _piece(self, name: str) -> str:
        if name in self._alts:
            return self._alts[name]
        if name in self.macros:
            return "(?:" + self._expand(self.macros[name], None, None) + ")"
        raise DataFileError(f"times.json: unknown class or macro {name!r}")

    def _expand(self, template: str, prefix: str | None, slots: dict[str, str] | None,
                classes: dict[str, str] | None = None) -> str:
        def sub(m: re.Match[str]) -> str:
            hide, slot, source = m.group(1), m.group(2), m.group(3) or m.group(2)
            piece = self._piece(source)
            if hide or prefix is None or slots is None:
                return piece
            group = f"{prefix}_{slot}_{len(slots)}"
            slots[group] = slot
            if classes is not None and source in self.classes:
                classes[group] = source
            return f"(?P<{group}>{piece})"

        return _SLOT.sub(sub, _spaces(template))

    def _compile(self, i: int, spec: dict[str, Any]) -> tuple[Rule, str]:
        prefix = f"r{i}"
        slots: dict[str, str] = {}
        classes: dict[str, str] = {}
        try:
            pattern = self._expand(spec["pattern"], prefix, slots, classes)
            pre = self._expand(spec["pre"], None, None) if spec.get("pre") else ""
            name, norm = spec["name"], spec["norm"]
        except KeyError as err:
            raise DataFileError(f"times.json rule {i} lacks {err}") from err
        source = rf"(?<![\w.,-]){pre}(?P<{prefix}_x>{pattern})(?![\w])"
        if pre:
            source = rf"(?<![\w]){pre}(?P<{prefix}_x>{pattern})(?![\w])"
        try:
            regex = re.compile(source, re.I)
            not_after = re.compile(_spaces(spec["not_after"]), re.I) if spec.get("not_after") else None
        except re.error as err:
            raise DataFileError(f"times.json rule {name!r}: {err}") from err
        rule = Rule(i, name, norm, dict(spec.get("params", {})), regex, slots, classes, not_after)
        return rule, source

    def value(self, cls: str, text: str) -> Any:
        """The class value of a matched word (whitespace and case normalised)."""
        return self.classes[cls].get(" ".join(text.lower().split()))

    def _at(self, text: str, pos: int) -> list[tuple[Rule, re.Match[str]]]:
        found = []
        for rule in self.rules:
            m = rule.regex.match(text, pos)
            if m is not None and not (rule.not_after and rule.not_after.match(text, m.end())):
                found.append((rule, m))
        return found

    def find(self, text: str) -> list[tuple[Rule, re.Match[str]]]:
        """Non-overlapping matches, left to right. At the leftmost candidate position
        (and at the expression starts of the candidates found there) the match reaching
        furthest wins; ties go to the earlier start, then to the earlier rule."""
        out: list[tuple[Rule, re.Match[str]]] = []
        pos = 0
        while True:
            m = self.scanner.search(text, pos)
            if m is None:
                return out
            start = m.start()
            cands = self._at(text, start)
            for q in {c[1].start(f"r{c[0].index}_x") for c in cands} - {start}:
                cands.extend(self._at(text, q))
            if not cands:
                pos = start + 1
                continue
            best = max(cands, key=lambda c: (c[1].end(), -c[1].start(), -c[0].index))
            out.append(best)
            pos = max(best[1].end(), start + 1)
