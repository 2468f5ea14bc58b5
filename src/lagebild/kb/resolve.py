"""Toponym resolution: pick one GeoNames candidate for a name, with article-context priors.

Score = population prior + own-name bonus + feature prior + context: a country the
article mentions boosts its cities ("St. Petersburg" in a Russia story is not Florida),
a US state the article mentions boosts its cities, other places of a state boost the
state itself (Washington state in a Seattle story), a curated exonym or renamed place
("Rom", "Kiew", "Dnepropetrowsk") wins outright, and a language's ``preferred`` readings
("Washington" = the capital) get a bonus that a clear context can still overrule.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .names import fold
from ..lang import LanguageData
from .gazetteer import Candidate, Gazetteer, distance_km

_FEATURE_PRIOR = {"PCLI": 4.0, "CONT": 3.0, "ADM1": 2.0, "PPLC": 1.5, "RGN": 1.5, "TERR": 1.5, "SEA": 1.0}
_DIVISIONS = {"ADM1": ("ADM1", "RGN", "TERR"), "ADM2": ("ADM2",)}  # what "X State", "X County" may be
_LARGE = ("PCLI", "CONT", "RGN", "OCN", "SEA", "STM", "MTS", "DSRT")  # no point for proximity
# weights of the score (see Resolver.score); measured on GeoWebNews, checked on TR-News
_W = {"pop": 1.25,  # per power of ten of population
      "country": 2.5, "share": 2.0,  # the place's country is mentioned (+ its share of mentions)
      "admin": 1.5,  # a city whose state/province is mentioned
      "adm1_ctx": 2.5,  # a state/province with other places of it mentioned (Washington state)
      "near": 2.5,  # within 150 km of another place of the article (half within 500 km)
      "preferred": 4.0,  # the usual reading of an ambiguous name (Washington = the capital)
      "small_share": 0.5}  # a village counts where its country has this share of the mentions


@dataclass
class Context:
    """What the article says about where it is: countries (ISO2) and US states mentioned."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)
    points: list = field(default_factory=list)

    def add(self, cand: Candidate, weight: float = 1.0) -> None:
        if cand.country:
            self.countries[cand.country] += weight
        if cand.admin1:
            self.admin1[(cand.country, cand.admin1)] += weight
        if cand.feature not in _LARGE and cand.lat is not None:
            self.points.append((cand.lat, cand.lon))

    def near(self, cand: Candidate) -> float:
        """Closeness to the other places of the article: 1 within 150 km, 0.5 within 500 km."""
        best = 0.0
        for lat, lon in self.points:
            if (lat, lon) == (cand.lat, cand.lon):
                continue
            d = distance_km(lat, lon, cand.lat, cand.lon)
            best = max(best, 1.0 if d <= 150 else 0.5 if d <= 500 else 0.0)
        return best


class Resolver:
    """Resolves place names for one language (its exonyms, country names, regions)."""

    def __init__(self, gazetteer: Gazetteer, lang: LanguageData) -> None:
        self.gaz = gazetteer
        data = lang.json("places") if lang.has("places.json") else {}
        self.fixed: dict[str, Candidate] = {}
        self.articles = tuple(f"{a} " for a in data.get("leading_articles", []))
        self.preferred: set[str] = set()  # the usual reading of an ambiguous name: a bonus, not fixed
        for name, (english, iso2) in data.get("preferred", {}).items():
            cand = gazetteer.find(english, iso2)
            if cand is not None:
                self.preferred.add(cand.key)
        for name, (english, iso2) in data.get("exonyms", {}).items():
            cand = gazetteer.find(english, iso2)
            if cand is not None:
                self.fixed[fold(name)] = cand
        for name, iso3 in data.get("countries", {}).items():
            cand = gazetteer.country(iso3)
            if cand is not None:
                self.fixed[fold(name)] = cand
        self.admin_suffixes = {fold(w): level for w, level in data.get("admin_suffixes", {}).items()}
        self.admin_prefixes = {fold(w): level for w, level in data.get("admin_prefixes", {}).items()}
        endings = data.get("demonym_endings", [])
        for stem, iso3 in data.get("demonyms", {}).items():
            cand = gazetteer.country(iso3)
            if cand is not None:
                for form in [stem] + [stem + e for e in endings]:
                    self.fixed.setdefault(fold(form), cand)
        if not endings:
            for iso2, info in gazetteer.country_info.items():
                dem, cand = info.get("demonym"), gazetteer.countries.get(iso2)
                if dem and cand is not None:
                    self.fixed.setdefault(fold(dem), cand)
        for seat, iso3 in data.get("seats", {}).items():
            country = gazetteer.country(iso3)
            capital = gazetteer.capital(country.country) if country else None
            if capital is not None:
                self.fixed[fold(seat)] = capital
        for name, key in data.get("regions", {}).items():
            cand = gazetteer.regions.get(key)
            if cand is not None and cand.lat is not None:
                self.fixed[fold(name)] = cand

    def candidates(self, name: str) -> list[Candidate]:
        fixed = self.fixed.get(fold(name))
        if fixed is not None:
            return [fixed]
        cands = self.gaz.lookup(name)
        dropped, rest = self.strip_article(name)
        if not cands and dropped:
            cands = self.gaz.lookup(rest)
        words = name.split()
        if not cands and len(words) > 1:  # "Sokoto State", "Oaxaca state", "Provinz Idlib"
            level, rest = self.admin_suffixes.get(fold(words[-1])), " ".join(words[:-1])
            if level is None:
                level, rest = self.admin_prefixes.get(fold(words[0])), " ".join(words[1:])
            if level is not None:  # the division, else the city it is named after (Provinz Idlib)
                found = self.gaz.lookup(rest)
                cands = [c for c in found if c.feature in _DIVISIONS[level]] or \
                    [c for c in found if c.feature in ("PPL", "PPLC") and c.primary]
        return cands

    def strip_article(self, name: str) -> tuple[int, str]:
        """``(characters dropped, rest)``: the name without a leading article ("the Kremlin")."""
        if self.articles and name.lower().startswith(self.articles):
            rest = name.split(" ", 1)[1]
            return len(name) - len(rest), rest
        return 0, name

    def score(self, cand: Candidate, ctx: Context | None) -> float:
        s = _W["pop"] * math.log10(cand.population + 10)
        s += 1.5 if cand.primary else 0.0
        s += _FEATURE_PRIOR.get(cand.feature, 0.0)
        if cand.key in self.preferred:
            s += _W["preferred"]
        if ctx is not None and cand.feature != "PCLI":
            total = sum(ctx.countries.values()) or 1.0
            if cand.country in ctx.countries:
                s += _W["country"] + _W["share"] * ctx.countries[cand.country] / total
            if cand.admin1 and (cand.country, cand.admin1) in ctx.admin1:
                s += _W["admin"] if cand.feature != "ADM1" else _W["adm1_ctx"]
            s += _W["near"] * ctx.near(cand)
        return s

    def local(self, cand: Candidate, ctx: Context | None) -> bool:
        """A place below the population threshold counts only where the article points to
        its area: its US state / province is mentioned, another place is within 150 km, or
        its country has half the article's country mentions (Samos in a Greek story)."""
        if cand.feature != "PPL" or cand.population >= self.gaz.min_population:
            return True
        if ctx is None:
            return False
        if cand.country in ctx.countries:
            total = sum(ctx.countries.values()) or 1.0
            if ctx.countries[cand.country] / total >= _W["small_share"]:
                return True
        return (cand.country, cand.admin1) in ctx.admin1 or ctx.near(cand) >= 1.0

    def resolve(self, name: str, ctx: Context | None = None) -> Candidate | None:
        cands = [c for c in self.candidates(name) if c.lat is not None and self.local(c, ctx)]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        return max(cands, key=lambda c: self.score(c, ctx))
