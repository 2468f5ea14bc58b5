"""Role phrases ("der ukrainische Präsident", "US-Präsident", "the Ukrainian leader").

A role phrase names an office and, through a demonym or a prefix, a country. It is
resolved to the person of the article who holds that office (by the actor table's
roles, at the publication date), else to the table's holder at that date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import LanguageData


@dataclass(frozen=True)
class RolePhrase:
    start: int
    end: int
    text: str
    country: str | None  # ISO3 or IGO
    offices: frozenset[str]
    sector: str | None = None  # set by a group phrase used as a role ("U.S. negotiator Paul Nitze")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class RoleFinder:
    def __init__(self, lang: LanguageData) -> None:
        roles = lang.json("roles")
        places = lang.json("places")
        self.offices: dict[str, list[str]] = {k.lower(): v for k, v in roles["offices"].items()}
        self.office_sector: dict[str, str] = roles.get("office_sector", {})
        infl = roles.get("inflection", [])
        office_re = rf"(?P<office>{_alt(list(self.offices))})(?:{_alt(infl)})?"
        endings = places.get("demonym_endings", [])
        self.adjectives: dict[str, str] = {}
        for stem, iso3 in places.get("demonyms", {}).items():
            self.adjectives[stem.lower()] = iso3
        end_re = f"(?:{_alt(endings)})?" if endings else ""
        adj_re = rf"(?P<adj>{_alt(list(self.adjectives))}){end_re}"
        self.prefixes: dict[str, str] = {k.lower(): v for k, v in roles.get("prefixes", {}).items()}
        pre_re = rf"(?P<pre>{_alt(list(roles.get('prefixes', {})))})"
        self.pattern = re.compile(
            rf"(?<![\w-])(?:{adj_re}\s+|{pre_re}(?:-|\s+))(?:(?P<office2>{_alt(list(self.offices))})\s+)?{office_re}(?![\w-])",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[RolePhrase]:
        out = []
        for m in self.pattern.finditer(text):
            office = m.group("office").lower()
            if m.group("office2"):
                office = f"{m.group('office2').lower()} {office}"
                if office not in self.offices:
                    office = m.group("office").lower()
            if m.group("adj"):
                country = self.adjectives.get(m.group("adj").lower())
            else:
                country = self.prefixes.get(m.group("pre").lower())
            out.append(RolePhrase(m.start(), m.end(), m.group(), country, frozenset(self.offices.get(office, []))))
        return out

    def sector(self, offices: frozenset[str]) -> str | None:
        for office in sorted(offices):
            if office in self.office_sector:
                return self.office_sector[office]
        return None
