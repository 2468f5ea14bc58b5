"""One gazetteer per settings value: a second pipeline with another minimum population
gets its own, the same value the same object."""
from __future__ import annotations

from lagebild.kb import cache, gazetteer

from .test_cache import small_gazetteer


def test_one_gazetteer_per_min_population(monkeypatch) -> None:
    built: list[int] = []

    def fake(min_population: int = 15000):
        built.append(min_population)
        return small_gazetteer(min_population)

    monkeypatch.setattr(cache, "cached_gazetteer", fake)
    monkeypatch.setattr(gazetteer, "_INSTANCES", {})
    first = gazetteer.get_gazetteer(15000)
    other = gazetteer.get_gazetteer(50000)
    assert (first.min_population, other.min_population) == (15000, 50000)
    assert gazetteer.get_gazetteer(15000) is first and gazetteer.get_gazetteer(50000) is other
    assert built == [15000, 50000]  # loaded once per value
