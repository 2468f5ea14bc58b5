"""The entities -> places hand-over: declared ``doc._.lb_toponyms``, nothing in user_data."""
from __future__ import annotations

import pytest

from lagebild.kb.gazetteer import get_gazetteer
from lagebild.kb.toponyms import Toponym, Toponyms
from lagebild.nlp.extensions import ATTRIBUTES
from lagebild.places.component import mention_places
from lagebild.records import Entity, Mention

from ..entities.conftest import blank, run


@pytest.fixture(scope="module")
def en_nlp():
    return blank("en")


def test_components_declare_the_hand_over(en_nlp) -> None:
    assert "doc._.lb_toponyms" in en_nlp.get_pipe_meta("lagebild_entities").assigns
    assert "doc._.lb_toponyms" in en_nlp.get_pipe_meta("lagebild_places").requires
    assert {"lb_toponyms", "lb_place_mentions"} <= set(ATTRIBUTES)


def test_nothing_undeclared_in_user_data(en_nlp) -> None:
    doc = run(en_nlp, "Protesters gathered in Odesa and Kharkiv. Russia condemned the rally.")
    assert doc._.lb_toponyms.mentions and mention_places(doc)
    undeclared = [k for k in doc.user_data if not (isinstance(k, tuple) and k[0] == "._." and k[1] in ATTRIBUTES)]
    assert undeclared == []


def test_places_work_from_the_toponyms_alone(en_nlp) -> None:
    """Places reads only lb_entities and lb_toponyms: a street the gazetteer lacks gets the
    article's focus near it, the city its own place."""
    text = "Protesters gathered in Odesa. Police closed Deribasivska Street near the port."
    odesa = next(c for c in get_gazetteer().lookup("Odesa") if c.country == "UA")
    s1, s2 = text.index("Odesa"), text.index("Deribasivska Street")
    e2 = s2 + len("Deribasivska Street")
    doc = en_nlp.make_doc(text)
    doc._.lb_entities = [
        Entity(id="e1", name="Odesa", type="LOC", mentions=[Mention(start=s1, end=s1 + 5, text="Odesa")]),
        Entity(id="e2", name="Deribasivska Street", type="LOC",
               mentions=[Mention(start=s2, end=e2, text=text[s2:e2])]),
    ]
    doc._.lb_toponyms = Toponyms([Toponym(s1, s1 + 5, "name", "LOC", "e1", odesa),
                                  Toponym(s2, e2, "name", "LOC", "e2", None)], {"e1": odesa})
    doc = en_nlp.get_pipe("lagebild_places")(doc)
    places = {p.entity: p for p in doc._.lb_places}
    assert places["e1"].geonameid == odesa.geonameid
    assert places["e2"].feature == "APPROX" and (places["e2"].lat, places["e2"].lon) == (places["e1"].lat, places["e1"].lon)
    assert [(m.text, p.feature) for m, p, _ in mention_places(doc)] == [("Odesa", odesa.feature),
                                                                        ("Deribasivska Street", "APPROX")]
