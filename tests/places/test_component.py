"""lagebild_places on blank pipelines: places per LOC entity, toponym mentions, approximations."""
from __future__ import annotations

import pytest

from lagebild.entities.lookup import government_of
from lagebild.places.component import mention_places

from ..entities.conftest import blank, model_nlp, run


@pytest.fixture(scope="module")
def de_nlp():
    return blank("de")


@pytest.fixture(scope="module")
def en_nlp():
    return blank("en")


def test_one_place_per_loc_entity(de_nlp) -> None:
    doc = run(de_nlp, "In Rom und in Dnepropetrowsk wurde gestreikt. Russland schwieg, Kiew protestierte.")
    ents = {e.id: e for e in doc._.lb_entities}
    places = {ents[p.entity].name: p for p in doc._.lb_places}
    assert set(places) == {"Rome", "Dnipro", "Russia", "Ukraine"}
    assert all(ents[p.entity].type == "LOC" for p in doc._.lb_places)
    assert places["Dnipro"].geonameid == 709930
    assert places["Ukraine"].feature == "PCLI"


def test_mention_places_keep_the_city_of_a_metonym(de_nlp) -> None:
    doc = run(de_nlp, "Kiew protestierte. Moskaus Antwort kam schnell.")
    by_text = {m.text: (p, kind) for m, p, kind in mention_places(doc)}
    assert by_text["Kiew"][0].name == "Kyiv" and by_text["Kiew"][1] == "metonym"
    assert by_text["Moskaus"][0].name == "Moscow"
    russia = next(e for e in doc._.lb_entities if e.name == "Russia")
    assert any(m.text == "Moskaus" for m in russia.mentions)
    assert government_of(russia).sector == "GOV"


def test_unknown_street_gets_the_focus_approximately(en_nlp) -> None:
    doc = run(en_nlp, "Protesters gathered in Odesa. In Odesa police closed Deribasivska Street near the port.")
    # blank English has no NER: the street is not found, but nothing wrong is invented either
    assert all(p.feature != "APPROX" or p.name.endswith("Street") for p in doc._.lb_places)
    assert any(p.name == "Odesa" and p.country == "UA" for p in doc._.lb_places)


@pytest.mark.model
def test_street_with_ner_gets_focus() -> None:
    doc = model_nlp()("Protesters gathered in Odesa on Monday. In Odesa, police closed Deribasivska Street near the port.")
    street = next(p for p in doc._.lb_places if p.name == "Deribasivska Street")
    odesa = next(p for p in doc._.lb_places if p.name == "Odesa")
    assert street.feature == "APPROX" and street.geonameid is None
    assert (street.lat, street.lon) == (odesa.lat, odesa.lon)


def test_no_places_without_toponyms(en_nlp) -> None:
    doc = run(en_nlp, "The committee met on Tuesday and agreed on nothing.")
    assert doc._.lb_places == []
    assert mention_places(doc) == []


@pytest.mark.model
def test_state_abbreviation_inside_an_organisation_name() -> None:
    nlp = model_nlp()
    doc = nlp("The NSW Health department said the Glenrock Lagoon was closed.")
    by_text = {m.text: (p, kind) for m, p, kind in mention_places(doc)}
    assert by_text["NSW"][0].name == "New South Wales" and by_text["NSW"][1] == "embedded"
    doc = nlp("The Ministry of Health said the hospital was closed.")
    assert all(p.feature != "ADM1" for _, p, _ in mention_places(doc))  # no abbreviation, no state


def test_capital_used_for_its_government_does_not_vote_for_its_own_country(en_nlp) -> None:
    # "LONDON" at the start reads as the British government, but that reading must not
    # outvote Kentucky when the other "London" is resolved (London, Ky.)
    doc = run(en_nlp, "LONDON, Ky. (WKYT) - Police in London have arrested two people. "
                      "Police were called to a store in Kentucky.")
    places = [(m.text, p) for m, p, kind in mention_places(doc) if kind == "place"]
    london = next(p for text, p in places if text == "London")
    assert london.country == "US"


def test_one_place_per_name_in_an_article(en_nlp) -> None:
    # "London" beside St. Thomas is London, Ontario; "London said" then is that city, not the
    # British government
    doc = run(en_nlp, "Drug use is rising in London, said a nurse in St. Thomas. "
                      "London said it would hire more nurses.")
    londons = [(p, kind) for m, p, kind in mention_places(doc) if m.text == "London"]
    assert len(londons) == 2 and all(p.country == "CA" for p, _ in londons)
    assert all(kind == "place" for _, kind in londons)
    assert not any(e.name == "United Kingdom" for e in doc._.lb_entities)
