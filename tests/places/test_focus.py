"""The article's local focus (places.focus): where a place the gazetteer lacks most likely lies."""
from __future__ import annotations

import pytest

from lagebild.kb.gazetteer import get_gazetteer
from lagebild.kb.resolve import Context, Resolver
from lagebild.lang import LanguageData
from lagebild.places.focus import focus_place


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.fixture(scope="module")
def en(gaz):
    return Resolver(gaz, LanguageData("en"))


def ctx_of(gaz, *iso3: str) -> Context:
    ctx = Context()
    for code in iso3:
        ctx.add(gaz.country(code))
    return ctx


def _point(place) -> tuple[float, float] | None:
    return None if place is None else (place.lat, place.lon)


def test_focus_counts_counties(gaz, en) -> None:
    kent, paris = en.resolve("Kent", ctx_of(gaz, "GBR")), en.resolve("Paris")
    assert _point(focus_place([(500, kent, "place"), (900, kent, "place"), (1200, paris, "place")])) == (kent.lat, kent.lon)


def test_focus_prefers_the_city_its_state_votes_for(gaz, en) -> None:
    iowa, des_moines, chicago = en.resolve("Iowa"), en.resolve("Des Moines"), en.resolve("Chicago")
    mentions = [(400, iowa, "place"), (900, iowa, "place"), (1500, iowa, "place"), (2000, des_moines, "place"),
                (2500, chicago, "place")]
    assert _point(focus_place(mentions)) == (des_moines.lat, des_moines.lon)


def test_focus_near_the_mention_and_without_cities(gaz, en) -> None:
    liverpool, rome = en.resolve("Liverpool"), en.resolve("Rome")
    mentions = [(500, liverpool, "place"), (5000, rome, "place")]
    assert _point(focus_place(mentions, at=600)) == (liverpool.lat, liverpool.lon)
    assert _point(focus_place(mentions, at=5100)) == (rome.lat, rome.lon)
    ireland = gaz.countries["IE"]
    assert _point(focus_place([(700, ireland, "name"), (900, ireland, "name")])) == (ireland.lat, ireland.lon)
    assert focus_place([]) is None
