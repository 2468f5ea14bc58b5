"""Group phrases: collective actors named by a country word and a group noun.

"Iraqi troops", "Egyptian police", "the U.S. negotiator", "russische Soldaten",
"US-Beamte": a demonym (or a country prefix) before a group head noun of
``roles.json`` ``group_heads`` (noun -> PLOVER sector) is one actor with the country
and the head's sector. Plural people nouns ("Liberians", "die Ukrainer", "Russen")
are the country's civilians (sector ``people_sector``). People nouns come from
``places.json`` ``people`` and, where the language gives ``people_plural`` rules
(demonym ending -> plural ending), from the demonyms themselves (Iraqi -> Iraqis).
All language knowledge is in the data files; the code only builds patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import LanguageData


@dataclass(frozen=True)
class GroupPhrase:
    start: int
    end: int
    country: str  # ISO3 or IGO
    sector: str | None
    head: str
    demonym: tuple[int, int] | None  # the country word inside, as a toponym mention
    singular: bool  # a single person ("the U.S. negotiator"): a role for an adjacent name


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def people_nouns(places: dict, extra_demonyms: dict[str, str]) -> dict[str, str]:
    """People noun -> ISO3: the listed ones plus plurals derived from demonyms."""
    out = dict(places.get("people", {}))
    rules = places.get("people_plural", [])
    if not rules:
        return out
    demonyms = dict(extra_demonyms)
    demonyms.update(places.get("demonyms", {}))
    for dem, iso3 in demonyms.items():
        if not dem[:1].isupper() or " " in dem or not dem.isalpha():
            continue
        for ending, plural in rules:
            if dem.endswith(ending):
                out.setdefault(dem[: len(dem) - len(ending)] + plural, iso3)
                break
    return out


class GroupFinder:
    def __init__(self, lang: LanguageData, extra_demonyms: dict[str, str] | None = None) -> None:
        roles = lang.json("roles")
        places = lang.json("places")
        demonyms = dict(extra_demonyms or {})
        demonyms.update(places.get("demonyms", {}))
        heads: dict[str, str | None] = roles.get("group_heads", {})
        self.heads = {h: s for h, s in heads.items() if not h.startswith("_")}
        self.singular = frozenset(roles.get("group_heads_singular", []))
        self.people_sector = roles.get("people_sector", "CVL")
        endings = places.get("demonym_endings", [])
        self.adjectives = {k.lower(): v for k, v in demonyms.items()}
        self.prefixes = {k.lower(): v for k, v in roles.get("prefixes", {}).items()}
        self.ok = bool(self.heads and self.adjectives)
        if not self.ok:
            return
        end_re = f"(?:{_alt(endings)})?" if endings else ""
        mods = roles.get("group_modifiers_max", 2)
        infl = roles.get("group_head_inflection", [])
        head_re = rf"(?P<head>(?-i:{_alt(self.heads)})){'(?:' + _alt(infl) + ')?' if infl else ''}"
        # modifiers: lower-case words between the country word and the head ("armed", "civilian")
        stop = roles.get("group_modifier_stop", [])
        not_stop = rf"(?!(?:{_alt(stop)})\s)" if stop else ""
        mod_re = rf"(?:{not_stop}(?-i:[a-zäöüß][\w-]*)\s+){{0,{int(mods)}}}?"
        upper = [a for a in demonyms if a[:1].isupper()]
        lower = [a for a in demonyms if not a[:1].isupper()]
        adj_alts = ([f"(?-i:{_alt(upper)})"] if upper else []) + ([_alt(lower)] if lower else [])
        adj = rf"(?P<adj>{'|'.join(adj_alts)}){end_re}"
        pre = rf"(?P<pre>(?-i:{_alt(roles.get('prefixes', {}))}))" if self.prefixes else None
        parts = [rf"{adj}\s+{mod_re}{head_re}"]
        if pre:
            parts.append(rf"{pre}(?:-|\s+{mod_re}){head_re.replace('?P<head>', '?P<head2>')}")
        self.pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> list[GroupPhrase]:
        if not self.ok:
            return []
        out: list[GroupPhrase] = []
        for m in self.pattern.finditer(text):
            if m.group("adj"):
                country = self.adjectives.get(m.group("adj").lower())
                head = m.group("head")
                # the country word as written, with its inflection ending
                span = (m.start(), m.start() + len(m.group().split()[0]))
            else:
                country = self.prefixes.get(m.group("pre").lower())
                head, span = m.group("head2"), m.span("pre")
            if not country or head is None:
                continue
            out.append(GroupPhrase(m.start(), m.end(), country, self.heads.get(head), head,
                                   span, head in self.singular))
        return out
