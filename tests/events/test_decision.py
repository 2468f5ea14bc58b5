"""Unnamed groups, discourse dates and the decision step (events/groups.py, dates.py, decide.py)."""
from __future__ import annotations

import json

import pytest

from lagebild.errors import DataFileError
from lagebild.events import decide
from lagebild.events.component import EventsComponent
from lagebild.settings import Settings

from .test_events import _run


def _by_type(evs, type_):
    return [e for e in evs if e.type == type_]


@pytest.mark.model
def test_unnamed_group_is_the_actor_and_becomes_an_entity(en):
    nlp, comp = en
    doc = nlp("Gunmen attacked a bus near the border on Monday.")
    import datetime
    doc._.lb_published = datetime.date(2025, 7, 15)
    doc._.lb_entities, doc._.lb_times, doc._.lb_places, doc._.lb_attributions = [], [], [], []
    comp(doc)
    (ev,) = _by_type(doc._.lb_events, "ASSAULT")
    groups = {e.id: e for e in doc._.lb_entities}
    assert ev.actor and groups[ev.actor[0]].name == "Gunmen"
    assert groups[ev.actor[0]].type == "MISC" and groups[ev.actor[0]].actor.sector == "REB"


@pytest.mark.model
def test_group_after_a_name_or_an_owner_is_no_group_of_its_own(en):
    evs = _run(en, "Hamas militants attacked an Israeli patrol.", {"Hamas": ("e1", "ORG", None)})
    assert _by_type(evs, "ASSAULT")[0].actor == ["e1"]
    evs = _run(en, "Israel strengthened its forces in Lebanon.",
               {"Israel": ("e1", "LOC", "ISR"), "Lebanon": ("e2", "LOC", "LBN")})
    assert all(not r.startswith("g") for e in evs for r in e.recipient)


@pytest.mark.model
def test_named_recipient_before_a_group(en):
    evs = _run(en, "The United Nations rejected a call for peacekeeping troops to enter Timor.",
               {"United Nations": ("e1", "ORG", None), "Timor": ("e2", "LOC", "TLS")})
    (ev,) = _by_type(evs, "REJECT")
    assert not any(r.startswith("g") for r in ev.recipient)


@pytest.mark.model
def test_present_tense_is_dated_by_the_report_and_pluperfect_is_not(en):
    ents = {"Turkey": ("e1", "LOC", "TUR"), "Washington": ("e2", "LOC", "USA")}
    (ev,) = _by_type(_run(en, "Turkey is threatening retaliation against Washington.", ents), "THREATEN")
    assert ev.date == "2025-07-15"
    evs = _run(en, "On 3 July Turkey met Washington. Turkey had threatened Washington.", ents,
               times={"3 July": "2025-07-03"})
    assert [e.date for e in _by_type(evs, "THREATEN")] == [None]
    evs = _run(en, "On 3 July Turkey met Washington. Turkey threatened Washington.", ents,
               times={"3 July": "2025-07-03"})
    assert [e.date for e in _by_type(evs, "THREATEN")] == ["2025-07-03"]


@pytest.mark.model
def test_a_series_gets_no_date(en):
    ents = {"Russia": ("e1", "LOC", "RUS"), "Ukraine": ("e2", "LOC", "UKR")}
    (ev,) = _by_type(_run(en, "Russia has repeatedly threatened Ukraine.", ents), "THREATEN")
    assert ev.date is None


@pytest.mark.model
def test_attributive_adjective_is_no_event(en):
    evs = _run(en, "Angry Palestinians held rallies against Abbas.",
               {"Palestinians": ("e1", "MISC", "PSE"), "Abbas": ("e2", "PER", "PSE")})
    assert not _by_type(evs, "ACCUSE") and _by_type(evs, "PROTEST")


def test_confidence_is_a_probability_that_rises_with_evidence():
    base = {f: 0.0 for f in decide.FEATURES} | {"bias": 1.0, "weight": 0.7}
    weak = decide.confidence(base)
    strong = decide.confidence(base | {"actor": 1.0, "actor_named": 1.0, "asserted": 1.0})
    assert 0.0 <= weak < strong <= 1.0


def test_confidence_model_with_unknown_feature_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "lagebild" / "data"
    bad.mkdir(parents=True)
    (bad / "event_confidence.json").write_text(json.dumps({"weights": {"bias": 1, "actorr": 2}}))
    monkeypatch.setattr(decide.resources, "files", lambda pkg: tmp_path / "lagebild")
    decide.load_model.cache_clear()
    try:
        with pytest.raises(DataFileError):
            decide.load_model()
    finally:
        monkeypatch.undo()
        decide.load_model.cache_clear()


@pytest.mark.model
def test_minimum_confidence_drops_all_but_the_best_event_of_the_lead(en):
    nlp, _ = en
    strict = EventsComponent(nlp, "lagebild_events", Settings(event_min_confidence=0.99))
    text = "Russia attacked Ukraine and the rebels threatened Kyiv."
    ents = {"Russia": ("e1", "LOC", "RUS"), "Ukraine": ("e2", "LOC", "UKR"), "Kyiv": ("e3", "LOC", "UKR")}
    assert len(_run((nlp, strict), text, ents)) == 1  # the lead keeps its best event
    assert len(_run(en, text, ents)) >= 2
    later = "Talks are planned. Nothing else happened today. " + text
    assert _run((nlp, strict), later, ents) == []  # past the lead, the minimum holds


@pytest.mark.model
def test_neither_nor_negates_and_a_present_refusal_is_a_rejection(en):
    ents = {"Britain": ("e1", "LOC", "GBR"), "France": ("e2", "LOC", "FRA"), "Crimea": ("e3", "LOC", "UKR")}
    evs = _run(en, "Neither Britain, nor France recognize the annexation of Crimea.", ents)
    assert evs and all(e.modality != "asserted" or e.type == "REJECT" for e in evs)
