"""lagebild_events: triggers, arguments, modality and dates on small hand-written inputs."""
from __future__ import annotations

import datetime
import re

import pytest
import spacy

from lagebild.events.component import EventsComponent
from lagebild.events.lexicon import compile_lexicon, compile_modality
from lagebild.lang import LanguageData
from lagebild.nlp.extensions import register_extensions
from lagebild.records import PLOVER_TYPES, Actor, Attribution, AttributionSource, Entity, Mention, Span, Time
from lagebild.settings import Settings


def _entities(text: str, spec: dict[str, tuple[str, str, str | None]]) -> list[Entity]:
    """spec: surface form -> (entity id, type, country); every occurrence becomes a mention."""
    by_id: dict[str, Entity] = {}
    taken: set[int] = set()
    for surface in sorted(spec, key=len, reverse=True):
        eid, etype, country = spec[surface]
        ent = by_id.setdefault(eid, Entity(id=eid, name=surface, type=etype,
                                           actor=Actor(country=country) if country else None))
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            ent.mentions.append(Mention(start=m.start(), end=m.end(), text=surface))
    return list(by_id.values())


def _times(text: str, spec: dict[str, str]) -> list[Time]:
    out = []
    for surface, value in spec.items():
        for m in re.finditer(re.escape(surface), text):
            out.append(Time(start=m.start(), end=m.end(), text=surface, value=value))
    return out


@pytest.fixture(scope="module")
def de():
    register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp, EventsComponent(nlp, "lagebild_events", Settings(event_min_confidence=0.0))


def _run(pair, text, ents, times=None, attributions=None):
    nlp, comp = pair
    doc = nlp(text)
    doc._.lb_published = datetime.date(2025, 7, 15)
    doc._.lb_entities = _entities(text, ents)
    doc._.lb_times = _times(text, times or {})
    doc._.lb_places = []
    doc._.lb_attributions = attributions or []
    comp(doc)
    return doc._.lb_events


@pytest.mark.parametrize("code", ["de", "en"])
def test_lexicons_compile_with_valid_types(code):
    lang = LanguageData(code)
    lex = compile_lexicon(lang.json("events"), lang.json("grammar"), lang.syntax)
    cues = compile_modality(lang.json("modality"), lang.json("grammar"))
    assert len(lex.entries) > 100
    assert all(e.type in PLOVER_TYPES for e in lex.entries.values())
    assert all(e.type in PLOVER_TYPES for e in lex.phrases.values())
    assert cues.negation and cues.question and cues.hypothetical


def test_threat_absorbs_the_threatened_attack(de):
    text = "Russland hat wiederholt mit Angriffen auf westliche Ziele gedroht."
    evs = _run(de, text, {"Russland": ("e1", "LOC", "RUS")})
    assert [e.type for e in evs] == ["THREATEN"]
    assert evs[0].actor == ["e1"] and evs[0].modality == "asserted"


def test_question_is_never_asserted(de):
    text = "Trump fragte Selenskyj, ob die Ukraine Moskau angreifen könnte."
    evs = _run(de, text, {"Trump": ("e1", "PER", "USA"), "Selenskyj": ("e2", "PER", "UKR"),
                          "Ukraine": ("e3", "LOC", "UKR"), "Moskau": ("e4", "LOC", "RUS")})
    strikes = [e for e in evs if e.type == "ASSAULT"]
    assert strikes and all(e.modality == "question" for e in strikes)
    assert strikes[0].actor == ["e3"]


def test_unclear_whether_is_uncertain(de):
    text = "Zwar ist unklar, ob Washington solche Waffen liefern wird."
    evs = _run(de, text, {"Washington": ("e1", "LOC", "USA")})
    assert [(e.type, e.modality) for e in evs] == [("AID", "uncertain")]


def test_conditional_konjunktiv_is_hypothetical(de):
    text = "Die Änderungen könnten einen russischen Erstschlag gegen die USA vorsehen."
    evs = _run(de, text, {"USA": ("e1", "LOC", "USA")})
    assert evs and all(e.modality == "hypothetical" for e in evs)


def test_negation(de):
    text = "Russland griff die Ukraine nicht an."
    evs = _run(de, text, {"Russland": ("e1", "LOC", "RUS"), "Ukraine": ("e2", "LOC", "UKR")})
    assert [(e.type, e.modality, e.actor) for e in evs] == [("ASSAULT", "negated", ["e1"])]


def test_nominal_call_with_possessor_partner_and_own_date(de):
    text = "Auslöser des Gesprächs mit Selenskyj am 4. Juli war Trumps Telefonat mit Putin am Vortag."
    evs = _run(de, text, {"Selenskyj": ("e1", "PER", "UKR"), "Trumps": ("e2", "PER", "USA"),
                          "Putin": ("e3", "PER", "RUS")},
               {"am 4. Juli": "2025-07-04", "am Vortag": "2025-07-03"})
    call = next(e for e in evs if e.trigger.text == "Telefonat")
    assert call.type == "CONSULT" and call.mode == "phone"
    assert set(call.actor) == {"e2", "e3"}
    assert call.date == "2025-07-03"


def test_no_time_in_clause_gives_no_date_not_the_publication_date(de):
    text = "Die Ukrainer hatten Tomahawk-Raketen angefordert."
    evs = _run(de, text, {"Ukrainer": ("e1", "LOC", "UKR")})
    assert [(e.type, e.mode, e.date, e.modality) for e in evs] == [("REQUEST", "assist", None, "asserted")]


def test_separable_announcement_is_planned(de):
    text = "Am Montag kündigte Trump eine Lieferung von Raketen an die Ukraine an."
    evs = _run(de, text, {"Trump": ("e1", "PER", "USA"), "Ukraine": ("e2", "LOC", "UKR")},
               {"Am Montag": "2025-07-14"})
    aid = [e for e in evs if e.type in ("AID", "AGREE")]
    assert aid and aid[0].modality == "planned" and aid[0].actor == ["e1"]
    assert aid[0].recipient == ["e2"] and aid[0].date == "2025-07-14"


def test_subject_of_previous_coordinated_clause_and_attribution_link(de):
    text = "Danach erklärte Putin, der Krieg sei global, und startete einen Test einer Rakete."
    start = text.index("der Krieg")
    att = Attribution(id="a1", form="indirect", content=Span(start=start, end=len(text) - 1),
                      source=AttributionSource(kind="person", entity="e1"))
    evs = _run(de, text, {"Putin": ("e1", "PER", "RUS")}, attributions=[att])
    assert [(e.type, e.actor) for e in evs] == [("ASSAULT", ["e1"])]
    assert evs[0].attribution == "a1"
    assert 0.0 < evs[0].confidence <= 1.0


def test_speakers_own_conditional_violence_is_a_threat(de):
    text = "Putin sagte, Moskau habe das Recht, unsere Waffen gegen Militäreinrichtungen einzusetzen."
    start = text.index("Moskau")
    att = Attribution(id="a1", form="indirect", content=Span(start=start, end=len(text) - 1),
                      source=AttributionSource(kind="person", entity="e1"))
    evs = _run(de, text, {"Putin": ("e1", "PER", "RUS"), "Moskau": ("e2", "LOC", "RUS")}, attributions=[att])
    assert [(e.type, e.mode, e.modality) for e in evs] == [("THREATEN", "violence", "asserted")]
    assert "e1" in evs[0].actor


def test_events_without_any_participant_are_dropped(de):
    evs = _run(de, "Der Angriff erfolgte am Abend.", {})
    assert evs == []


@pytest.mark.model
def test_en_threat_subject_and_content_recipient(en):
    evs = _run(en, "Iran threatened to shell Iraqi towns today.",
               {"Iran": ("e1", "LOC", "IRN"), "Iraqi": ("e2", "MISC", "IRQ")})
    best = max(evs, key=lambda e: e.confidence)
    assert best.type == "THREATEN" and best.actor == ["e1"] and best.recipient == ["e2"]


@pytest.mark.model
def test_en_whether_question_is_not_an_asserted_strike(en):
    evs = _run(en, "Trump asked Zelensky whether Ukraine could strike Moscow.",
               {"Trump": ("e1", "PER", "USA"), "Zelensky": ("e2", "PER", "UKR"),
                "Ukraine": ("e3", "LOC", "UKR"), "Moscow": ("e4", "LOC", "RUS")})
    assert not [e for e in evs if e.type == "ASSAULT" and e.modality == "asserted"]
    assert [e.modality for e in evs if e.type == "ASSAULT"] == ["question"]


@pytest.mark.model
def test_en_passive_agent_is_the_actor_and_negation(en):
    evs = _run(en, "Kyiv was attacked by Russia. Poland did not attack Belarus.",
               {"Kyiv": ("e1", "LOC", "UKR"), "Russia": ("e2", "LOC", "RUS"),
                "Poland": ("e3", "LOC", "POL"), "Belarus": ("e4", "LOC", "BLR")})
    got = [(e.type, e.actor, e.recipient, e.modality) for e in evs]
    assert ("ASSAULT", ["e2"], ["e1"], "asserted") in got
    assert ("ASSAULT", ["e3"], ["e4"], "negated") in got


@pytest.mark.model
def test_en_future_aid_is_agree_planned_and_coordination_is_one_event(en):
    evs = _run(en, "France and Germany will send weapons to Ukraine.",
               {"France": ("e1", "LOC", "FRA"), "Germany": ("e2", "LOC", "DEU"), "Ukraine": ("e3", "LOC", "UKR")})
    assert [(e.type, e.actor, e.recipient, e.modality) for e in evs] == [("AGREE", ["e1", "e2"], ["e3"], "planned")]


def test_month_name_in_a_time_expression_is_no_trigger(en_blank):
    text = "The Jairan remained at the island until March 3."
    evs = _run(en_blank, text, {"Jairan": ("e1", "ORG", None)}, {"March 3": "2025-03-03"})
    assert evs == []


@pytest.fixture(scope="module")
def en_blank():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, EventsComponent(nlp, "lagebild_events", Settings(event_min_confidence=0.0))


@pytest.mark.model
def test_en_possessor_of_a_killing_is_the_victim(en):
    evs = _run(en, "President Trump confirmed al-Rufayi's killing in a post.",
               {"Trump": ("e1", "PER", "USA"), "al-Rufayi": ("e2", "PER", None)})
    kill = [e for e in evs if e.type == "ASSAULT"]
    assert kill and kill[0].recipient == ["e2"] and "e2" not in kill[0].actor


@pytest.mark.model
def test_en_crowd_protest_vs_verbal_protest(en):
    evs = _run(en, "Thousands of farmers protested in Paris against new taxes. France protested to Algeria.",
               {"Paris": ("e1", "LOC", "FRA"), "France": ("e2", "LOC", "FRA"), "Algeria": ("e3", "LOC", "DZA")})
    types = sorted(e.type for e in evs)
    assert "PROTEST" in types and "ACCUSE" in types


def test_german_ruled_out_attack_is_negated(de):
    text = "Experten schlossen einen Terroranschlag der Rebellen aus."
    evs = _run(de, text, {"Rebellen": ("e1", "MISC", None)})
    assert evs and all(e.modality == "negated" for e in evs)


def test_german_tagged_participle_adjective_still_triggers(de):
    nlp, comp = de
    text = "Die Ukraine hat von den USA gelieferte Raketen eingesetzt, um Ziele gegen Russland anzugreifen."
    doc = nlp(text)
    for t in doc:
        t.pos_ = "ADJ" if t.text == "gelieferte" else ("PROPN" if t.text[:1].isupper() else "X")
    doc._.lb_entities = _entities(text, {"Ukraine": ("e1", "LOC", "UKR"), "USA": ("e2", "LOC", "USA"),
                                         "Russland": ("e3", "LOC", "RUS")})
    doc._.lb_times, doc._.lb_places, doc._.lb_attributions = [], [], []
    comp(doc)
    assert "AID" in {e.type for e in doc._.lb_events}


@pytest.mark.model
def test_en_will_not_meet_is_an_asserted_rejection(en):
    evs = _run(en, "Israel said it would not meet the Hamas delegation.",
               {"Israel": ("e1", "LOC", "ISR"), "Hamas": ("e2", "ORG", None)})
    assert [(e.type, e.mode, e.modality) for e in evs] == [("REJECT", "meet", "asserted")]


def test_german_coordinated_subject_is_one_event_with_a_list(de):
    text = "Japan und Südkorea vereinbarten am Montag eine engere Zusammenarbeit."
    evs = _run(de, text, {"Japan": ("e1", "LOC", "JPN"), "Südkorea": ("e2", "LOC", "KOR")},
               {"am Montag": "2025-07-14"})
    assert [(e.type, e.actor, e.date) for e in evs] == [("AGREE", ["e1", "e2"], "2025-07-14")]


def test_german_split_phrase_and_genitive_actor(de):
    evs = _run(de, "Die EU stellte Syrien 500 Millionen Euro zur Verfügung.",
               {"EU": ("e1", "ORG", "EUR"), "Syrien": ("e2", "LOC", "SYR")})
    assert [(e.type, e.actor) for e in evs] == [("AID", ["e1"])]
    evs = _run(de, "Bei einem Raketenangriff Russlands auf Odessa starben zwölf Menschen.",
               {"Russlands": ("e1", "LOC", "RUS"), "Odessa": ("e2", "LOC", "UKR")})
    assert [(e.type, e.actor, e.recipient) for e in evs] == [("ASSAULT", ["e1"], ["e2"])]


def test_german_participle_agent_pronoun_subject_and_determiner(de):
    evs = _run(de, "Die Ukraine hat von den USA gelieferte Raketen eingesetzt.",
               {"Ukraine": ("e1", "LOC", "UKR"), "USA": ("e2", "LOC", "USA")})
    aid = [e for e in evs if e.type == "AID"]
    assert aid and aid[0].actor == ["e2"] and aid[0].recipient == ["e1"]
    text = "Trump fragte Selenskyj, ob er Moskau angreifen würde."
    evs = _run(de, text, {"Trump": ("e1", "PER", "USA"), "Selenskyj": ("e2", "PER", "UKR"),
                          "Moskau": ("e3", "LOC", "RUS")})
    strike = next(e for e in evs if e.type == "ASSAULT")
    assert strike.recipient == ["e3"] and "e3" not in strike.actor and strike.modality == "question"
    assert _run(de, "In einigen Fällen griffen sie an.", {}) == []


def test_time_of_a_relative_clause_stays_there(de):
    text = "Das Gespräch, das am 4. Juli stattfand, verletzte Trumps Versprechen."
    evs = _run(de, text, {"Trumps": ("e1", "PER", "USA")}, {"am 4. Juli": "2025-07-04"})
    promise = [e for e in evs if e.trigger.text == "Versprechen"]
    assert promise and promise[0].date is None


@pytest.mark.model
def test_en_split_phrasal_verb_and_compound_nominal(en):
    evs = _run(en, "Indonesia forced the refugee agency out of the country.",
               {"Indonesia": ("e1", "LOC", "IDN")})
    assert [(e.type, e.mode, e.actor) for e in evs] == [("SANCTION", "expel", ["e1"])]
    evs = _run(en, "The Arab League envoy undertook a mediation mission between Syria and Jordan.",
               {"Arab League": ("e1", "ORG", None), "Syria": ("e2", "LOC", "SYR"), "Jordan": ("e3", "LOC", "JOR")})
    assert [e.type for e in evs] == ["CONSULT"] and evs[0].actor[0] == "e1"


@pytest.mark.model
def test_en_denied_attack_is_a_negated_attack_not_a_rejection(en):
    evs = _run(en, "Russia denied attacking Kyiv.", {"Russia": ("e1", "LOC", "RUS"), "Kyiv": ("e2", "LOC", "UKR")})
    assert [(e.type, e.modality, e.actor) for e in evs] == [("ASSAULT", "negated", ["e1"])]


def test_cue_words_are_forms_not_lemmas(de):
    nlp, comp = de
    text = "Die USA übergaben Selenskyj eine Liste potenzieller Waffen."
    doc = nlp(text)
    for t in doc:
        t.lemma_ = "potenziell" if t.text == "potenzieller" else t.text
    doc._.lb_entities = _entities(text, {"USA": ("e1", "LOC", "USA"), "Selenskyj": ("e2", "PER", "UKR")})
    doc._.lb_times, doc._.lb_places, doc._.lb_attributions = [], [], []
    comp(doc)
    assert [(e.type, e.modality) for e in doc._.lb_events] == [("AID", "asserted")]


def test_german_verb_governs_nominal_governor(de):
    evs = _run(de, "Ungarn lehnte die Forderung der EU ab.",
               {"Ungarn": ("e1", "LOC", "HUN"), "EU": ("e2", "ORG", None)})
    assert [(e.type, e.actor) for e in evs] == [("REJECT", ["e1"])]


def test_german_agentless_passive_has_no_actor_and_no_compound_misreading(de):
    evs = _run(de, "Am Morgen wurden in Mainz und Bonn zwei Personen festgenommen.",
               {"Mainz": ("e1", "LOC", "DEU"), "Bonn": ("e2", "LOC", "DEU")})
    assert all(not e.actor for e in evs)
    assert _run(de, "Die Hamburger Stadtreinigung äußerte Zweifel.", {"Hamburger": ("e1", "ORG", None)}) == []
