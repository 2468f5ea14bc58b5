"""English modality and decision rules of the third events round (issue 14), on small inputs."""
from __future__ import annotations

import pytest

from .test_events import _run

TR = {"Turkey": ("e1", "LOC", "TUR"), "Syria": ("e2", "LOC", "SYR"), "Congress": ("e3", "ORG", "USA")}


@pytest.mark.model
def test_not_only_but_also_negates_nothing(en):
    evs = _run(en, "Congress is not only angry with Syria, but also a Turkish offensive against Syria.", TR)
    assert [e.modality for e in evs if e.type == "ASSAULT"] == ["asserted"]
    evs = _run(en, "Turkey did not attack Syria.", TR)
    assert [e.modality for e in evs if e.type == "ASSAULT"] == ["negated"]


PK = {"Pakistan": ("e1", "LOC", "PAK"), "Afghanistan": ("e2", "LOC", "AFG"), "Kabul": ("e3", "LOC", "AFG")}


@pytest.mark.model
def test_expect_someone_to_act_is_a_request_that_absorbs_the_act(en):
    evs = _run(en, "Pakistan expects Kabul to deny support to militants against Pakistan.", PK)
    assert [(e.type, e.actor, e.modality) for e in evs] == [("REQUEST", ["e1"], "asserted")]
    evs = _run(en, "Pakistan expects to meet Afghanistan next week.", PK)
    assert not [e for e in evs if e.type == "REQUEST"]


@pytest.mark.model
def test_talk_about_a_topic_without_a_partner_is_no_consultation(en):
    evs = _run(en, "Turkey talked about the sanctions on Monday.", TR)
    assert not [e for e in evs if e.type == "CONSULT"]
    evs = _run(en, "Turkey talked with Syria about the sanctions on Monday.", TR)
    assert [e.type for e in evs] == ["CONSULT"]


@pytest.mark.model
def test_a_threat_posed_is_a_danger_not_a_threat_made(en):
    ents = {"Kabul": ("e1", "LOC", "AFG"), "Pakistan": ("e2", "LOC", "PAK")}
    evs = _run(en, "Kabul ignored the threat posed to Pakistan by the militants.", ents)
    assert not [e for e in evs if e.type == "THREATEN"]
    evs = _run(en, "Kabul repeated its threat against Pakistan.", ents)
    assert [e.type for e in evs] == ["THREATEN"]


@pytest.mark.model
def test_a_warning_of_a_danger_is_no_threat_a_warning_of_an_act_is(en):
    ents = {"Yesilada": ("e1", "PER", None), "Erdogan": ("e2", "PER", "TUR"), "Iran": ("e3", "LOC", "IRN"),
            "Iraq": ("e4", "LOC", "IRQ")}
    evs = _run(en, "Yesilada warns that such measures could well be misread by Erdogan.", ents)
    assert not [e for e in evs if e.type == "THREATEN"]
    evs = _run(en, "Iran warned that it would attack Iraq.", ents)
    assert [e.type for e in evs] == ["THREATEN"]


@pytest.mark.model
def test_a_conditional_announcement_of_violence_is_a_threat_made(en):
    ents = {"Iran": ("e1", "LOC", "IRN"), "Iraq": ("e2", "LOC", "IRQ")}
    evs = _run(en, "If Iraq closes the border, then Iran will attack Iraq.", ents)
    assert [(e.type, e.modality) for e in evs if e.type in ("THREATEN", "ASSAULT")] == [("THREATEN", "asserted")]
    evs = _run(en, "Iran will attack Iraq next week.", ents)
    assert [(e.type, e.modality) for e in evs] == [("THREATEN", "planned")]


def test_events_of_one_sentence_whose_actors_include_each_other_are_one_event():
    from lagebild.events.component import EventsComponent
    from lagebild.records import Event, Evidence

    def ev(actor, start):
        return Event(id="v0", type="ASSAULT", actor=actor, evidence=Evidence(start=start, end=start + 10))

    merged = EventsComponent._merge_sentence([(None, ev(["e1", "e2"], 0)), (None, ev(["e1"], 20))])
    assert len(merged) == 1 and merged[0][1].evidence.end == 30
    apart = EventsComponent._merge_sentence([(None, ev(["e1"], 0)), (None, ev(["e2"], 20))])
    assert len(apart) == 2


@pytest.mark.model
def test_with_absolute_clause_keeps_its_own_modality(en):
    ents = {"Iran": ("e1", "LOC", "IRN"), "Iraq": ("e2", "LOC", "IRQ")}
    evs = _run(en, "Relations could worsen further with Iran threatening Iraq.", ents)
    assert [(e.type, e.modality) for e in evs] == [("THREATEN", "asserted")]
    evs = _run(en, "Iran could threaten Iraq.", ents)
    assert [(e.type, e.modality) for e in evs] == [("THREATEN", "hypothetical")]


@pytest.mark.model
def test_readiness_for_a_conflict_act_is_a_threat_an_agreement_after_fighting_is_not(en):
    ents = {"Iran": ("e1", "LOC", "IRN"), "Iraq": ("e2", "LOC", "IRQ")}
    evs = _run(en, "Iran is prepared to impose martial law in Iraq.", ents)
    assert [e.type for e in evs] == ["THREATEN"]
    evs = _run(en, "Iran and Iraq agreed to a ceasefire after two days of fierce fighting.", ents)
    assert "THREATEN" not in [e.type for e in evs]
    assert "AGREE" in [e.type for e in evs]


@pytest.mark.model
def test_expecting_someone_to_recover_is_a_prediction_not_a_demand(en):
    ents = {"Fowler": ("e1", "PER", "USA"), "Clinton": ("e2", "PER", "USA"), "Pakistan": ("e3", "LOC", "PAK")}
    evs = _run(en, "Fowler expects Clinton to recover from the illness, which forced her to leave Pakistan.", ents)
    assert not [e for e in evs if e.type == "REQUEST"]


@pytest.mark.model
def test_a_reduced_passive_participle_takes_its_noun_as_the_victim_and_the_by_phrase_as_actor(en):
    ents = {"Sudan": ("e1", "LOC", "SDN"), "Chad": ("e2", "LOC", "TCD")}
    evs = _run(en, "Villagers attacked by Sudan fled to Chad.", ents)
    (ev,) = [e for e in evs if e.type == "ASSAULT"]
    assert ev.actor == ["e1"] and "e1" not in ev.recipient


@pytest.mark.model
def test_an_attributive_participle_is_done_to_its_noun(en):
    ents = {"Hamas": ("e1", "ORG", None), "Israel": ("e2", "LOC", "ISR")}
    evs = _run(en, "Militants linked with the banned Hamas attacked Israel.", ents)
    bans = [e for e in evs if e.type == "COERCE"]
    assert all(e.recipient == ["e1"] and not e.actor for e in bans)
    assert [e.type for e in evs if e.type == "ASSAULT"] == ["ASSAULT"]


@pytest.mark.model
def test_a_plea_absorbs_its_infinitive_but_not_an_adjunct_clause(en):
    ents = {"Chad": ("e1", "LOC", "TCD"), "Sudan": ("e2", "LOC", "SDN")}
    evs = _run(en, "Chad is pleading with civilians to return to villages after they were displaced by fighting "
                   "between rebels and Sudan.", ents)
    types = [e.type for e in evs]
    assert "REQUEST" in types and "RETREAT" not in types and "ASSAULT" in types
