"""Find mentions in one article, link them, group them into entities.

Sources, in order of trust: the alias matcher (actor table, countries, demonyms, seats
of power, exonyms), role phrases, the base model's NER if it has one, and, for names
that are in neither, transliteration-aware key lookup, locative cues ("in Charkiw")
and in-article surname / given-name coreference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..kb.gazetteer import Candidate
from .linker import Linker
from .matcher import words_of
from ..kb.names import fold, strip_possessive, surname
from .groups import GroupFinder
from .roles import RolePhrase, RoleFinder

_NER = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
        "EVENT": "EVENT", "NORP": "NORP", "PRODUCT": "PRODUCT", "MISC": "MISC"}


@dataclass
class Found:
    start: int
    end: int
    target: str | None  # actor id / country:ISO3 / geo:key, or None (unlinked)
    type: str
    kind: str = "name"
    geo: Candidate | None = None
    role: RolePhrase | None = None


class EntityFinder:
    def __init__(self, linker: Linker) -> None:
        self.ln = linker
        self.roles = RoleFinder(linker.lang)
        self.groups = GroupFinder(linker.lang, linker.extra_demonyms)
        names = linker.lang.json("names") if linker.lang.has("names.json") else {}
        self.possessives = tuple(names.get("possessive_suffixes", ()))
        gov = "|".join(re.escape(w) for w in linker.government_words)
        self.gov_re = re.compile(rf"[-\s](?:{gov})\b", re.IGNORECASE) if gov else None

    # -- finding -------------------------------------------------------------------
    def find(self, text: str, ents: list[tuple[int, int, str]], published: date | None) -> tuple[list[Found], list[Found]]:
        words = words_of(text)
        roles = self.roles.find(text)
        taken: list[tuple[int, int]] = [(r.start, r.end) for r in roles]
        found: list[Found] = []
        matches = self.ln.matcher.find(text, words)
        names = [(m.start, m.end) for m in matches if m.entry.kind not in ("demonym", "people")
                 and not m.entry.target.startswith("country:")]  # "U.S. troops": the country word
        # a curated name ("ukrainische Streitkräfte") wins over a group phrase
        groups = [g for g in self.groups.find(text)
                  if not any(s < g.end and g.start < e for s, e in taken + names)]
        for g in groups:
            found.append(Found(g.start, g.end, f"group:{g.country}:{g.sector or ''}",
                               "MISC" if g.sector in (None, self.groups.people_sector) else "ORG", "group"))
            geo = self.ln.gaz.country(g.country) if g.demonym and len(g.country) == 3 and g.country != "IGO" else None
            if geo is not None:  # the country word stays a toponym mention
                found.append(Found(g.demonym[0], g.demonym[1], None, "EMBEDDED", "embedded", geo=geo))
            taken.append((g.start, g.end))
        for m in matches:
            if any(s <= m.start and m.end <= e for s, e in taken):
                continue
            if m.entry.kind in ("demonym", "people") and self.ln.lowercase_demonyms:
                org = self._proper_name(text, words, m)
                if org is not None:  # "die Deutsche Bank": a name, not the country
                    found.append(org)
                    continue
            rec = self.ln.table.get(m.entry.target)
            typ = rec.type if rec else "LOC"
            f = Found(m.start, m.end, m.entry.target, typ, m.entry.kind,
                      geo=self.ln.fixed_places.get(m.entry.target) if rec is None else self.ln.actor_geo(m.entry))
            if self.gov_re and m.entry.kind in ("name", "demonym") and typ in ("PER", "LOC"):
                g = self.gov_re.match(text, m.end)
                country = rec.country if rec else None
                if g and country and f"country:{country}" in self.ln.table.records:
                    f = Found(m.start, g.end(), f"country:{country}", "LOC", "government")
            found.append(f)
        taken += [(f.start, f.end) for f in found]
        for start, end, label in ents:
            typ = _NER.get(label)
            if typ is None:
                continue
            inner = [f for f in found if start <= f.start and f.end <= end and (f.start, f.end) != (start, end)]
            if typ in ("ORG", "LOC", "EVENT") and inner and all(f.type == "LOC" for f in inner) \
                    and not any(s < end and start < e and not (start <= s and e <= end) for s, e in taken):
                # "Syrian Observatory for Human Rights", "Washington Post": the name wins;
                # the place inside it stays a toponym mention only
                f = self._link_ner(text[start:end], start, end, typ)
                if f is not None and f.target is None and typ != "LOC":
                    for x in inner:
                        found.remove(x)
                        taken.remove((x.start, x.end))
                        x.type = "EMBEDDED"
                        if x.geo is None and x.target and x.target.startswith("country:"):
                            x.geo = self.ln.gaz.country(x.target.split(":", 1)[1])
                        found.append(x)
                    found.append(f)
                    taken.append((f.start, f.end))
                    continue
                if f is not None and typ == "LOC" and f.geo is not None and f.kind == "place" \
                        and any(x.kind in ("name", "place", "demonym") for x in inner):
                    # "New Jersey", "North Africa", "Indian Ocean": the whole name is the place
                    for x in inner:
                        found.remove(x)
                        taken.remove((x.start, x.end))
                    found.append(f)
                    taken.append((f.start, f.end))
                    continue
            if any(s < end and start < e for s, e in taken):
                continue
            prev = text[max(0, start - 12):start].split()
            f = self._link_ner(text[start:end], start, end, typ, fold(prev[-1]) if prev else "")
            if f is not None:
                found.append(f)
                taken.append((f.start, f.end))
                if f.type == "ORG" and f.target is None:
                    found += self._embedded(text, words, f)
        found += self._heuristics(text, words, taken, bool(ents))
        found.sort(key=lambda f: f.start)
        found = self._group_roles(text, found, groups)
        role_found = [Found(r.start, r.end, None, "PER", "role", role=r) for r in roles]
        return found, role_found

    def _group_roles(self, text: str, found: list[Found], groups) -> list[Found]:
        """A singular group phrase right before a person's name is that person's role:
        "U.S. negotiator Paul Nitze" is Nitze, coded USA GOV."""
        drop = set()
        for g in groups:
            if not g.singular:
                continue
            nxt = next((f for f in found if f.start >= g.end), None)
            if nxt is not None and nxt.type == "PER" and nxt.start - g.end <= 2 and nxt.role is None:
                nxt.role = RolePhrase(g.start, g.end, text[g.start:g.end], g.country, frozenset(), g.sector)
                drop.add((g.start, g.end))
        if not drop:
            return found
        return [f for f in found if not (f.kind == "group" and (f.start, f.end) in drop)]

    def _link_ner(self, span: str, start: int, end: int, typ: str, prev: str = "") -> Found | None:
        # strip a leading article the model included ("the Kremlin") and a possessive
        if typ in ("LOC", "ORG"):
            dropped, span = self.ln.resolver.strip_article(span)
            start += dropped
        bare = strip_possessive(span, self.possessives)
        end, span = end - (len(span) - len(bare)), bare
        if typ == "PER":
            aid = self.ln.by_key(span) or (self.ln.by_key(surname(span), fuzzy=False) if " " in span else None)
            rec = self.ln.table.get(aid) if aid else None
            return Found(start, end, aid if rec and rec.type == "PER" else None, "PER")
        if typ == "LOC":
            cand = self.ln.resolver.resolve(span)
            if cand is None:
                return Found(start, end, None, "LOC")
            if cand.feature == "PCLI":
                iso3 = self.ln.gaz.iso3(cand.country)
                return Found(start, end, f"country:{iso3}", "LOC")
            return Found(start, end, cand.key, "LOC", "place", geo=cand)
        if typ in ("ORG", "PRODUCT"):
            aid = self.ln.by_key(span, fuzzy=False)
            rec = self.ln.table.get(aid) if aid else None
            if rec and rec.type in ("ORG", "WEAPON"):
                return Found(start, end, aid, rec.type)
            last = fold(span).split()[-1:] or [""]
            if typ == "ORG" and last[0] in self.ln.place_heads and len(span.split()) > 1 \
                    and self.ln.org_sector(span) is None:  # "Deribasivska Street" tagged ORG
                return self._link_ner(span, start, end, "LOC")
            if typ == "ORG" and prev in self.ln.locative and self.ln.org_sector(span) is None:
                cand = self.ln.resolver.resolve(span)  # "from Poltava" tagged ORG by a small model
                if cand is not None and cand.primary:
                    return self._link_ner(span, start, end, "LOC")
            return Found(start, end, None, "ORG") if typ == "ORG" else None
        if typ in ("EVENT", "MISC"):
            return Found(start, end, None, typ)
        return None

    def _proper_name(self, text: str, words: list, m) -> Found | None:
        """A capitalised demonym inside a sentence followed by capitalised words starts a name."""
        i, j = m.first_word, m.last_word
        if not words[i][2][:1].isupper() or i == 0 or text[words[i - 1][1]:words[i][0]].strip() in (".", "!", "?", ":", "„", "\"") \
                or fold(words[i - 1][2]) in self.ln.given_names:
            return None
        k = j
        while k + 1 < len(words) and k - j < 2 and words[k + 1][2][:1].isupper() \
                and text[words[k][1]:words[k + 1][0]] in (" ", "-"):
            k += 1
        if k == j:
            return None
        return Found(words[i][0], words[k][1], None, "ORG", "heuristic")

    def _embedded(self, text: str, words: list, org: Found) -> list[Found]:
        """Place names inside an organisation's name ("New Orleans Police Department")."""
        idx = [k for k, w in enumerate(words) if org.start <= w[0] and w[1] <= org.end]
        out, k = [], 0
        while k < len(idx):
            hit = None
            for n in (3, 2, 1):
                ws = idx[k:k + n]
                if len(ws) < n or not all(words[j][2][:1].isupper() for j in ws):
                    continue
                span = text[words[ws[0]][0]:words[ws[-1]][1]]
                cand = self.ln.resolver.resolve(span)
                # an alternate name only as a state's abbreviation ("FrontCounter BC", "NSW Health")
                if cand is not None and (cand.primary or span.isupper() and cand.feature == "ADM1") \
                        and fold(span) not in self.ln.title_words \
                        and (cand.feature in ("PCLI", "ADM1", "PPLC") or cand.population >= 100000):
                    hit = (n, Found(words[ws[0]][0], words[ws[-1]][1], cand.key, "EMBEDDED", "embedded", geo=cand))
                    break
            if hit:
                out.append(hit[1])
                k += hit[0]
            else:
                k += 1
        return out

    def _heuristics(self, text: str, words: list, taken: list[tuple[int, int]], has_ner: bool) -> list[Found]:
        out: list[Found] = []
        covered = bytearray(len(text) + 1)
        for s0, e0 in taken:
            covered[s0:e0] = b"\x01" * (e0 - s0)
        free = [not covered[w[0]] for w in words]
        i = 0
        while i < len(words):
            s, e, w = words[i]
            if not free[i] or not w[:1].isupper():
                i += 1
                continue
            # a person or weapon in another spelling (Selensky, Atacmas)
            aid = self.ln.by_key(w, fuzzy=len(w) >= 6) if len(w) >= 4 else None
            rec = self.ln.table.get(aid) if aid else None
            if rec is not None and rec.type in ("PER", "WEAPON") and not fold(w) in self.ln.title_words:
                out.append(Found(s, e, aid, rec.type, "key"))
                i += 1
                continue
            # "Olena Kovalenko", "Präsident Erik Larsen": a person no table knows (no NER)
            if not has_ner and (fold(w) in self.ln.given_names
                                or (i > 0 and fold(words[i - 1][2]) in self.ln.title_words)):
                j = i
                while j + 1 < len(words) and j - i < 2 and free[j + 1] and words[j + 1][2][:1].isupper() \
                        and text[words[j][1]:words[j + 1][0]] in (" ", "-") and not words[j + 1][2].isupper():
                    j += 1
                if j > i and fold(words[j][2]) not in self.ln.title_words:
                    out.append(Found(s, words[j][1], None, "PER", "heuristic"))
                    i = j + 1
                    continue
            # "in Charkiw", "nach Pokrowsk": a capitalised name after a locative word
            if i > 0 and fold(words[i - 1][2]) in self.ln.locative and fold(w) not in self.ln.not_surnames:
                j = i
                while j + 1 < len(words) and free[j + 1] and words[j + 1][2][:1].isupper() and j - i < 2 \
                        and (text[words[j][1]:words[j + 1][0]] in (" ", "-")
                             or (text[words[j][1]:words[j + 1][0]] == ". " and len(words[j][2]) <= 3)):
                    j += 1
                for k in range(j, i - 1, -1):
                    span = text[s:words[k][1]]
                    cand = self.ln.resolver.resolve(span)
                    if cand is not None and (cand.primary or cand.population >= 100000) \
                            and (not has_ner or cand.population >= self.ln.gaz.min_population):
                        if cand.feature == "PCLI":
                            out.append(Found(s, words[k][1], f"country:{self.ln.gaz.iso3(cand.country)}", "LOC"))
                        else:
                            out.append(Found(s, words[k][1], cand.key, "LOC", "place", geo=cand))
                        i = k
                        break
            i += 1
        return out
