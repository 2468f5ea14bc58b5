"""Builds the alias matcher and the name-key indexes of one language, once."""
from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..lang import LanguageData
from ..kb.gazetteer import Gazetteer
from ..kb.resolve import Resolver
from .groups import people_nouns
from .matcher import AliasMatcher, Entry
from ..kb.names import fold, name_keys, surname
from ..kb.actors import ActorTable

_SHORT = 3


class Linker:
    """Everything the entity finder looks names up in, for one language."""

    def __init__(self, lang: LanguageData, gazetteer: Gazetteer) -> None:
        self.lang = lang
        self.gaz = gazetteer
        self.table = ActorTable(lang, gazetteer)
        self.resolver = Resolver(gazetteer, lang)
        roles = lang.json("roles")
        places = lang.json("places")
        actors = lang.json("actors") if lang.has("actors.json") else {}
        self.places = places
        self.office_sector: dict[str, str] = roles.get("office_sector", {})
        self.org_sectors: dict[str, str] = {fold(k): v for k, v in roles.get("org_sectors", {}).items()}
        names = lang.json("names") if lang.has("names.json") else {}
        self.given_names = frozenset(fold(n) for n in names.get("given_names", []))
        self.not_surnames = frozenset(fold(n) for n in names.get("not_surnames", []))
        self.title_words = frozenset(fold(w) for w in roles.get("title_words", []))
        self.determiners = frozenset(fold(w) for w in roles.get("determiners", []))
        self.matcher = AliasMatcher(roles.get("inflection", []))
        platform = tuple(fold(w) for w in actors.get("platform_before", []))
        self._memo: dict[tuple[str, bool], str | None] = {}
        self.keys: dict[str, str] = {}  # name key -> actor id (persons, weapons: cross-spelling)
        for aid, names in self.table.aliases.items():
            rec = self.table.records[aid]
            for name in names:
                self._add(name, Entry(aid, "name", name, exact_case=len(name) <= _SHORT,
                                      any_case=name[:1].islower(),
                                      context=platform if len(name) == 1 else ()))
                if rec.type in ("PER", "WEAPON") and len(fold(name)) >= 4:
                    for key in name_keys(name):
                        self.keys.setdefault(key, aid)
            if rec.type == "PER":
                for key in name_keys(surname(rec.name)):
                    if len(key) >= 4:
                        self.keys.setdefault(key, aid)
        self.key_list = [k for k in self.keys if len(k) >= 6]
        endings = places.get("demonym_endings", [])
        self.lowercase_demonyms = bool(endings)
        for stem, iso3 in places.get("demonyms", {}).items():
            forms = [stem] + [stem + e for e in endings]
            for form in forms:
                self._add(form, Entry(f"country:{iso3}", "demonym", form, any_case=form[:1].islower()))
        self.extra_demonyms: dict[str, str] = {}  # countryinfo's (English) demonyms
        for iso2, info in gazetteer.country_info.items():
            dem = info.get("demonym")
            iso3 = gazetteer.iso3(iso2)
            if dem and iso3 and not endings and dem[:1].isupper():
                self._add(dem, Entry(f"country:{iso3}", "demonym", dem))
                self.extra_demonyms.setdefault(dem, iso3)
        for noun, iso3 in people_nouns(places, self.extra_demonyms).items():
            if f"country:{iso3}" in self.table.records:
                self._add(noun, Entry(f"country:{iso3}", "people", noun))
        for seat, iso3 in places.get("seats", {}).items():
            self._add(seat, Entry(f"country:{iso3}", "seat", seat))
        self.fixed_places: dict[str, object] = {}
        self.fixed_names: set[str] = set()  # exonyms and renamed places: never re-resolved
        seats = {fold(n) for n in places.get("seats", {})}
        for name, cand in self.resolver.fixed.items():
            if cand.feature == "PCLI" or name in seats:
                continue
            self.fixed_places[cand.key] = cand
            self.fixed_names.add(name)
            self._add(name, Entry(cand.key, "place", name))
        for cand in list(gazetteer.states.values()) + list(gazetteer.regions.values()):
            # multi-word states and regions before the country inside them (New Mexico, North Africa)
            for name in [cand.name] + gazetteer.region_names.get(cand.key, []):
                if " " in name.strip() and cand.lat is not None and fold(name) not in self.resolver.fixed:
                    self.fixed_places.setdefault(cand.key, cand)
                    self._add(name, Entry(cand.key, "place", name))
        min_pop = int(places.get("capital_min_population", 500000))
        for cand in gazetteer.capitals.values():  # capitals by their own name, even without NER
            if cand.population >= min_pop:
                self.fixed_places[cand.key] = cand
                self._add(cand.name, Entry(cand.key, "place", cand.name))
        for old, (new, iso2) in gazetteer.data.get("renamed", {}).items():
            cand = gazetteer.find(new, iso2)
            if cand is not None:
                self.fixed_places[cand.key] = cand
                self.fixed_names.add(fold(old))
                self._add(old, Entry(cand.key, "place", old))
        self.locative = frozenset(fold(w) for w in places.get("locative_before", []))
        self.target_after = frozenset(fold(w) for w in places.get("target_after", []))
        self.agentive_after = frozenset(fold(w) for w in places.get("agentive_after", []))
        self.agentive_suffixes = tuple(places.get("agentive_after_suffixes", []))
        self.place_heads = tuple(fold(w) for w in places.get("place_heads", []))
        self.clause_before = frozenset(fold(w) for w in places.get("clause_before", []))
        self.agentive_before = frozenset(fold(w) for w in places.get("agentive_before", []))
        self.government_words = tuple(places.get("government_words", []))

    def _add(self, alias: str, entry: Entry) -> None:
        if alias:
            self.matcher.add(alias, entry)

    def by_key(self, name: str, fuzzy: bool = True) -> str | None:
        """Actor id of a person or weapon spelled differently from every alias."""
        memo = (name, fuzzy)
        if memo in self._memo:
            return self._memo[memo]
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[memo] = hit = self._by_key(name, fuzzy)
        return hit

    def _by_key(self, name: str, fuzzy: bool) -> str | None:
        keys = name_keys(name)
        for key in keys:
            if key in self.keys:
                return self.keys[key]
        if not fuzzy:
            return None
        for key in keys:
            if len(key) < 6:
                continue
            limit = 1 if len(key) < 10 else 2
            hit = process.extractOne(key, self.key_list, scorer=Levenshtein.distance, score_cutoff=limit)
            if hit is not None and hit[0][0] == key[0]:
                return self.keys[hit[0]]
        return None

    def actor_geo(self, entry: Entry):
        """The place an actor mention also names: a seat of power its capital, the EU Europe."""
        if entry.kind == "seat":
            country = self.gaz.country(entry.target.split(":", 1)[1])
            return self.gaz.capital(country.country) if country else None
        key = self.gaz.data.get("actor_places", {}).get(entry.target)
        if not key:
            return None
        if key.startswith("city:"):
            name, _, iso2 = key[5:].partition("|")
            return self.gaz.find(name, iso2 or None)
        return self.gaz.regions.get(key)

    def roles_sector(self, offices) -> str | None:
        for office in sorted(offices):
            if office in self.office_sector:
                return self.office_sector[office]
        return None

    def org_sector(self, text: str) -> str | None:
        words = fold(text).split()
        for n in (2, 1):
            for i in range(len(words) - n + 1):
                w = " ".join(words[i:i + n])
                if w in self.org_sectors:
                    return self.org_sectors[w]
            for w in words:  # German compounds: Verteidigungsministerium
                for k, v in self.org_sectors.items():
                    if " " not in k and len(k) >= 5 and w.endswith(k):
                        return v
        return None
