"""Group phrases ("Iraqi troops", "russische Soldaten") and people nouns ("Liberians")."""
from __future__ import annotations

from lagebild.entities.groups import people_nouns

from .conftest import by_name, run, texts


def _actor(ent):
    return (ent.actor.country, ent.actor.sector) if ent.actor else None


def test_people_plurals_derived_from_demonyms() -> None:
    places = {"people": {"Turks": "TUR"}, "people_plural": [["ian", "ians"], ["an", "ans"], ["i", "is"]],
              "demonyms": {"Iraqi": "IRQ", "Liberian": "LBR", "Turkish": "TUR", "russisch": "RUS"}}
    got = people_nouns(places, {"Ghanaian": "GHA"})
    assert got["Iraqis"] == "IRQ" and got["Liberians"] == "LBR" and got["Ghanaians"] == "GHA"
    assert got["Turks"] == "TUR"
    assert "Turkishs" not in got and not any(k.startswith("russisch") for k in got)
    assert people_nouns({"people": {"Russen": "RUS"}, "demonyms": {"russisch": "RUS"}}, {}) == {"Russen": "RUS"}


def test_english_groups_carry_country_and_sector(en_nlp) -> None:
    doc = run(en_nlp, "Iraqi troops shelled the town. Egyptian police arrested 12 people, and "
                      "Ghanaian authorities deported 168 Liberians. Later the Iraqi soldiers withdrew.")
    ents = by_name(doc)
    assert _actor(ents["Iraqi troops"]) == ("IRQ", "MIL")
    assert "Iraqi soldiers" in texts(ents["Iraqi troops"])  # one group per country and sector
    assert _actor(ents["Egyptian police"]) == ("EGY", "COP")
    assert _actor(ents["Ghanaian authorities"]) == ("GHA", "GOV")
    assert "Liberians" in texts(ents["Liberia"]) and _actor(ents["Liberia"])[0] == "LBR"
    # a group is no place; the country word inside stays a toponym mention, not an entity place
    assert not {p.name for p in doc._.lb_places} & {"Iraqi troops", "Egyptian police"}


def test_english_singular_group_before_a_name_is_a_role(en_nlp) -> None:
    doc = run(en_nlp, "U.S. negotiator Paul Nitze met a Russian official in Geneva.")
    ents = by_name(doc)
    assert _actor(ents["Paul Nitze"]) == ("USA", "GOV")
    assert "U.S. negotiator" not in ents
    assert _actor(ents["Russian official"]) == ("RUS", "GOV")


def test_english_names_and_modifiers(en_nlp) -> None:
    doc = run(en_nlp, "Palestinian armed groups fired at the Israeli Defense Forces. "
                      "The British said troops would stay.")
    ents = by_name(doc)
    assert _actor(ents["Palestinian armed groups"]) == ("PSE", "REB")
    assert not any(n.startswith("British said") for n in ents)  # "said" is no modifier
    assert not any(t == "Israeli Defense" for e in ents.values() for t in texts(e))  # capitalised: a name


def test_german_groups_and_people(de_nlp) -> None:
    doc = run(de_nlp, "Russische Soldaten beschossen das Dorf. Die Ukrainer forderten Hilfe, "
                      "und US-Beamte trafen sich mit irakischen Diplomaten.")
    ents = by_name(doc)
    soldiers = next(e for e in ents.values() if "Russische Soldaten" in texts(e))
    assert _actor(soldiers) == ("RUS", "MIL")
    assert any(t.endswith("Ukrainer") for t in texts(ents["Ukraine"]))  # the people noun is the country
    us = next(e for e in ents.values() if "US-Beamte" in texts(e))
    assert _actor(us) == ("USA", "GOV")
    iraq = next(e for e in ents.values() if "irakischen Diplomaten" in texts(e))
    assert _actor(iraq) == ("IRQ", "GOV")


def test_german_name_wins_over_group(de_nlp) -> None:
    doc = run(de_nlp, "Die Deutsche Bank und deutsche Unternehmen investieren.")
    ents = by_name(doc)
    assert not any(e.actor and e.actor.sector == "BUS" and "Deutsche Bank" in texts(e) and e.name != "Deutsche Bank"
                   for e in ents.values())
    assert any(_actor(e) == ("DEU", "BUS") and "deutsche Unternehmen" in texts(e) for e in ents.values())


def test_role_without_known_holder_acts_as_the_office(en_nlp, de_nlp) -> None:
    doc = run(en_nlp, "Haniyeh refused a demand from the US President.", published=None)
    office = next(e for e in doc._.lb_entities if any("US President" in t for t in texts(e)))
    assert _actor(office) == ("USA", "GOV") and office.type == "PER"
    doc = run(de_nlp, "Der ukrainische Außenminister reiste nach Rom.", published=None)
    office = next(e for e in doc._.lb_entities if any("ukrainische Außenminister" in t for t in texts(e)))
    assert _actor(office) == ("UKR", "GOV")
