"""German entities on a blank pipeline (no NER): table aliases, roles, coreference, metonymy."""
from __future__ import annotations

import datetime

from .conftest import by_name, run, texts

TEXT = (
    "Selensky traf Trump in Rom. Der US-Präsident sagte, Trumps Haltung sei klar, man prüfe die Lieferung von "
    "Atacmas-Raketen. Der ukrainische Präsident dankte seinem Amtskollegen. Moskau drohte mit Vergeltung, "
    "der Kreml sprach von Eskalation. Russische Drohnen griffen Charkiw an; Kiew erhielt Patriot-Systeme. "
    "Medwedew schrieb auf X, die USA würden es bereuen. Ob die Ukraine Moskau angreifen könne, blieb offen."
)


def test_grouping_and_canonical_names(de_nlp) -> None:
    ents = by_name(run(de_nlp, TEXT))
    zel = ents["Volodymyr Zelenskyy"]
    assert zel.qid == "Q3881" and zel.type == "PER"
    assert zel.actor is not None and (zel.actor.country, zel.actor.sector) == ("UKR", "GOV")
    assert "Selensky" in texts(zel) and "Der ukrainische Präsident" in texts(zel)  # sentence-initial article kept
    trump = ents["Donald Trump"]
    assert {"Trump", "Trumps", "Der US-Präsident"} <= set(texts(trump))
    assert ents["Dmitry Medvedev"].actor.country == "RUS"
    assert ents["ATACMS"].type == "WEAPON" and ents["ATACMS"].actor is None
    assert ents["X"].type == "ORG"


def test_ids_in_order_of_first_mention(de_nlp) -> None:
    doc = run(de_nlp, TEXT)
    ids = [e.id for e in doc._.lb_entities]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]
    firsts = [min(m.start for m in e.mentions) for e in doc._.lb_entities]
    assert firsts == sorted(firsts)
    for e in doc._.lb_entities:
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text


def test_metonymy_capital_as_government_but_target_as_city(de_nlp) -> None:
    ents = by_name(run(de_nlp, TEXT))
    russia = ents["Russia"]
    assert "Moskau" in texts(russia) and "Kreml" in texts(russia)  # "Moskau drohte", "der Kreml"
    assert russia.actor.country == "RUS" and russia.actor.sector is None
    assert texts(ents["Moscow"]) == ["Moskau"]  # "die Ukraine Moskau angreifen": the city
    assert "Kiew" in texts(ents["Ukraine"])  # "Kiew erhielt": the government
    assert "Rom" in texts(ents["Rome"])


def test_places_resolved(de_nlp) -> None:
    doc = run(de_nlp, TEXT)
    ents = {e.id: e for e in doc._.lb_entities}
    places = {ents[p.entity].name: p for p in doc._.lb_places}
    assert places["Rome"].country == "IT" and places["Rome"].geonameid == 3169070
    assert places["Kharkiv"].country == "UA"
    assert places["Russia"].feature == "PCLI"
    assert places["Moscow"].feature == "PPLC"


def test_role_without_holder_in_article_uses_date(de_nlp) -> None:
    ents = by_name(run(de_nlp, "Der russische Präsident kündigte eine Offensive an.", datetime.date(2025, 7, 15)))
    assert "Vladimir Putin" in ents
    ents = by_name(run(de_nlp, "Der russische Präsident kündigte eine Offensive an.", None))
    assert "Vladimir Putin" not in ents


def test_no_false_links(de_nlp) -> None:
    ents = by_name(run(de_nlp, "Der Medizinstudent Medinsky aß bei Puttin in der Rutte-Straße. Wir sehen us."))
    assert "Dmitry Medvedev" not in ents and "Vladimir Putin" not in ents and "United States" not in ents


def test_unknown_people_and_names_without_ner(de_nlp) -> None:
    doc = run(de_nlp, "Die Bäuerin Olena Kovalenko traf Sprecher Erik Larsen in Poltawa. Kovalenko lachte. "
                      "Die Deutsche Bank schwieg. Russische Truppen rückten vor.")
    ents = by_name(doc)
    assert texts(ents["Olena Kovalenko"]) == ["Olena Kovalenko", "Kovalenko"]
    assert ents["Erik Larsen"].type == "PER" and ents["Erik Larsen"].actor is None
    assert ents["Deutsche Bank"].type == "ORG" and "Germany" not in ents
    assert ents["Russian Armed Forces"].actor.sector == "MIL"  # sentence-initial demonym stays one
    assert ents["Poltava"].type == "LOC"


def test_hashtag_entity_is_named_without_the_hash() -> None:
    from spacy.language import Language
    from spacy.tokens import Span

    from lagebild.nlp.tokenizer import apply_special_cases

    from .conftest import blank

    @Language.component("test_hashtag_ents")
    def _ents(doc):
        doc.ents = [Span(doc, t.i, t.i + 1, label="LOC") for t in doc if t.text.startswith("#")]
        return doc

    nlp = apply_special_cases(blank("de"))
    nlp.add_pipe("test_hashtag_ents", before="lagebild_entities")
    doc = run(nlp, "Stau auf der A1 bei #Dortmund am Morgen.")
    ents = by_name(doc)
    assert "Dortmund" in ents
    assert texts(ents["Dortmund"]) == ["Dortmund"]
    ids = {e.id: e.name for e in doc._.lb_entities}
    assert "Dortmund" in {ids[p.entity] for p in doc._.lb_places}


def test_g8_is_an_intergovernmental_actor_inside_compounds(de_nlp) -> None:
    # the Group of Eight (1997-2014): "G8-Staaten" acts as the group
    ents = by_name(run(de_nlp, "In einer Erklärung verurteilten die G8-Staaten die Gewalt."))
    g8 = ents["G8"]
    assert g8.type == "ORG" and g8.actor is not None and g8.actor.country == "IGO"
