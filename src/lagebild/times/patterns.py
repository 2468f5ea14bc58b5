"""Compile the rule templates of ``lang/<code>/times.json`` into regular expressions.

Template syntax (in ``rules[].pattern``, ``pre``, and in ``macros``):

- ``{slot}``: a capturing group named ``slot`` over the class (word → value map) or
  macro (regex) of the same name; ``{slot=name}`` uses class/macro ``name``;
  ``{#name}`` is the same without capturing;
- a single space stands for one or more whitespace characters, `` ?`` for optional
  whitespace;
- everything else is a regular expression, matched against the lower-cased text
  (rules with ``"case": true`` against the original text, ignoring case).

Speed: class alternations are built as prefix tries; matching is only tried from word
starts that have a trigger word (a class word or a literal word of a pattern) or a
number among the next few words; there, one alternation of all rules tells whether
any rule can start, and only then is every rule tried. The match reaching furthest
wins (ties: the earlier start, then the earlier rule).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataFileError

_SLOT = re.compile(r"\{(#?)([a-z_][a-z_0-9]*)(?:=([a-z_0-9]+))?\}")
_TOKEN = re.compile(r"\w+")
_PUNCT = re.compile(r"[,(]")
_PREFIX = 4
_WINDOW = 3


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


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` as a prefix trie (longest alternatives first)."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends and body else body

    return "(?:" + build(tree) + ")"


def _spaces(pattern: str) -> str:
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+")


def lower(text: str) -> str:
    """``text`` lower-cased, keeping every character's offset."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


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
    case: bool = False
    """matched against the original text, ignoring case (else: the lower-cased text)"""


class Patterns:
    """All rules of one language, compiled once."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            self.classes = {name: _forms(words) for name, words in data["classes"].items()}
            self.macros: dict[str, str] = dict(data.get("macros", {}))
            rules = data["rules"]
        except (KeyError, AttributeError) as err:
            raise DataFileError(f"times.json lacks {err}") from err
        self._alts = {name: _trie(sorted(words)) for name, words in self.classes.items()}
        self.rules: list[Rule] = []
        parts: list[str] = []
        for i, spec in enumerate(rules):
            rule, source = self._compile(i, spec)
            self.rules.append(rule)
            if not rule.case:
                parts.append(source)
        self.case_rules = [r for r in self.rules if r.case]
        self.scanner = re.compile("|".join(parts))
        self.triggers = self._triggers(rules)

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
        left = r"(?<![\w])" if pre else r"(?<![\w.,-])"
        source = rf"{left}{pre}(?P<{prefix}_x>{pattern})(?!\w|-[^\W\d])"
        case = bool(spec.get("case"))
        try:
            regex = re.compile(source, re.I if case else 0)
            not_after = re.compile(_spaces(spec["not_after"]), re.I) if spec.get("not_after") else None
        except re.error as err:
            raise DataFileError(f"times.json rule {name!r}: {err}") from err
        rule = Rule(i, name, norm, dict(spec.get("params", {})), regex, slots, classes, not_after, case)
        return rule, re.sub(r"\(\?P<[^>]+>", "(?:", source)

    def _triggers(self, rules: list[dict[str, Any]]) -> frozenset[str]:
        """The beginnings (up to four letters) of the words that can occur in an
        expression: its class words and the literal words of the patterns."""
        words: set[str] = set()
        for forms in self.classes.values():
            words.update(max(reversed(key.split()), key=len) for key in forms)
        for spec in rules:
            words.update(re.findall(r"[^\W\d_]{4,}", _SLOT.sub(" ", spec["pattern"]).lower()))
        # words under three letters ("a", "of", "je") are never all of an expression;
        # the word or number they come with is the trigger
        return frozenset(w[:_PREFIX] for w in words if len(w) >= 3)

    def candidates(self, low: str) -> list[int]:
        """Word starts (and commas) from which an expression may begin: those with a
        trigger word or a number among the next few words."""
        trig = self.triggers
        tokens = list(_TOKEN.finditer(low))
        hot = []
        for t in tokens:
            w = t.group(0)
            hot.append(w[:4] in trig or w[:3] in trig or not w.isalpha())
        out: list[int] = []
        for i, tok in enumerate(tokens):
            if True in hot[i:i + _WINDOW]:
                gap_start = tokens[i - 1].end() if i else 0
                out.extend(m.start() for m in _PUNCT.finditer(low, gap_start, tok.start()))
                out.append(tok.start())
        return out

    def value(self, cls: str, text: str) -> Any:
        """The class value of a matched word (whitespace and case normalised)."""
        return self.classes[cls].get(" ".join(text.lower().split()))

    def _at(self, text: str, low: str, pos: int, scan: bool) -> list[tuple[Rule, re.Match[str]]]:
        found = []
        for rule in self.rules if scan else self.case_rules:
            m = rule.regex.match(text if rule.case else low, pos)
            if m is not None and not (rule.not_after and rule.not_after.match(text, m.end())):
                found.append((rule, m))
        return found

    def find(self, text: str) -> list[tuple[Rule, re.Match[str]]]:
        """Non-overlapping matches, left to right (matches of the lower-cased text, or
        of ``text`` for case rules; offsets are the same)."""
        low = lower(text)
        out: list[tuple[Rule, re.Match[str]]] = []
        pos = 0
        starts = self.candidates(low)
        for k, start in enumerate(starts):
            if start < pos:
                continue
            scan = self.scanner.match(low, start) is not None
            cands = self._at(text, low, start, scan)
            if not cands:
                continue
            # a rule with left context ("vor" + expression) competes with the rules
            # that start inside that context or at the expression itself
            reach = max(c[1].start(f"r{c[0].index}_x") for c in cands)
            for q in starts[k + 1:]:
                if q > reach:
                    break
                cands.extend(self._at(text, low, q, True))
            if reach not in starts:
                cands.extend(self._at(text, low, reach, True))
            best = max(cands, key=lambda c: (c[1].end(), -c[1].start(), -c[0].index))
            out.append(best)
            pos = best[1].end()
        return out
