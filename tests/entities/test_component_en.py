"""English entities, on a blank pipeline and (marked) on en_core_web_sm."""
from __future__ import annotations

import pytest

from lagebild.entities.lookup import entity_at, government_of

from .conftest import by_name, model_nlp, run, texts

TEXT = (
    "Russian President Vladimir Putin spoke to Donald Trump on Thursday. The Kremlin said Putin's aide "
    "briefed Zelenskiy's office. Later the Ukrainian leader said Kiev needs more Patriot systems. "
    "Washington warned Moscow. The Trump administration sent envoys to Russia and to St. Petersburg."
)


def test_blank_english(en_nlp) -> None:
    doc = run(en_nlp, TEXT)
    ents = by_name(doc)
    assert {"Vladimir Putin", "Donald Trump", "Volodymyr Zelenskyy", "Russia", "Ukraine", "United States"} <= set(ents)
    assert "Ukrainian leader" in texts(ents["Volodymyr Zelenskyy"])
    assert "Zelenskiy" in texts(ents["Volodymyr Zelenskyy"])
    assert "The Kremlin" in texts(ents["Russia"])
    assert "Washington" in texts(ents["United States"]) and "The Trump administration" in texts(ents["United States"])
    places = {p.name: p for p in doc._.lb_places}
    assert places["Saint Petersburg"].country == "RU"  # not Florida, in a Russia story


def test_lookup_api(en_nlp) -> None:
    doc = run(en_nlp, TEXT)
    start = doc.text.index("Washington")
    us = entity_at(doc._.lb_entities, start, start + len("Washington"))
    assert us is not None and us.name == "United States"
    gov = government_of(us)
    assert gov is not None and (gov.country, gov.sector) == ("USA", "GOV")
    assert entity_at(doc._.lb_entities, 0, 1) is None or entity_at(doc._.lb_entities, 0, 1).name != "United States"
    putin = entity_at(doc._.lb_entities, doc.text.index("Putin's"), doc.text.index("Putin's") + 5)
    assert government_of(putin) is None


@pytest.mark.model
def test_with_ner_model() -> None:
    doc = model_nlp()("Ukrainian officials said Olena Kovalenko, a farmer from Poltava, met Secretary Rubio. "
              "Kovalenko later returned to Poltava.")
    ents = by_name(doc)
    assert "Marco Rubio" in ents
    person = next(e for e in doc._.lb_entities if "Kovalenko" in e.name)
    assert len(person.mentions) == 2 and person.type == "PER"
    assert any(p.name == "Poltava" and p.country == "UA" for p in doc._.lb_places)
