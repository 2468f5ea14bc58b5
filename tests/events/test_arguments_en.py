"""English argument structure: stative participles, prepositions the parser left without object,
and purpose phrases of MOBILIZE."""
from __future__ import annotations

import datetime

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.events.entities import EntityIndex
from lagebild.events.parsed_args import _dangling_object
from lagebild.nlp.extensions import register_extensions
from lagebild.records import Actor, Entity, Mention

from .test_events import _run


def _entity(doc: Doc, eid: str, surface: str, country: str) -> Entity:
    start = doc.text.index(surface)
    return Entity(id=eid, name=surface, type="ORG", actor=Actor(country=country),
                  mentions=[Mention(start=start, end=start + len(surface), text=surface)])


def test_dangling_preposition_takes_the_next_entity() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    words = ["Chile", "granted", "asylum", "to", "three", "Bolivian", "officers", "hiding", "in", "Lima"]
    heads = [1, 1, 1, 1, 6, 6, 7, 1, 7, 8]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nummod", "amod", "nsubj", "advcl", "prep", "pobj"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "NUM", "ADJ", "NOUN", "VERB", "ADP", "PROPN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc._.lb_entities = [_entity(doc, "e1", "Chile", "CHL"), _entity(doc, "e2", "Bolivian officers", "BOL"),
                         _entity(doc, "e3", "Lima", "PER")]
    doc._.lb_times, doc._.lb_places, doc._.lb_attributions = [], [], []
    idx = EntityIndex(doc)
    got = _dangling_object(doc[3], idx)
    assert got is not None and idx.of(got) == "e2"
    assert _dangling_object(doc[8], idx, span=0) is None  # nothing within reach
    # another preposition ends the search: after "granted", "asylum to ..." is not the object
    assert _dangling_object(doc[1], idx) is None


@pytest.mark.model
def test_en_stative_participle_subject_is_the_actor(en):
    evs = _run(en, "Poland is opposed to German plans for a pipeline.",
               {"Poland": ("e1", "LOC", "POL"), "German": ("e2", "LOC", "DEU")})
    best = max(evs, key=lambda e: e.confidence)
    assert best.type == "REJECT" and best.actor == ["e1"] and best.recipient == ["e2"]
    # a true passive keeps its subject as the recipient
    evs = _run(en, "Kyiv was attacked by Russia.", {"Kyiv": ("e1", "LOC", "UKR"), "Russia": ("e2", "LOC", "RUS")})
    assert [(e.actor, e.recipient) for e in evs if e.type == "ASSAULT"] == [(["e2"], ["e1"])]


@pytest.mark.model
def test_en_mobilisation_against_a_country(en):
    evs = _run(en, "Serbia has deployed 300 reservists capable of launching raids against Kosovo.",
               {"Serbia": ("e1", "LOC", "SRB"), "Kosovo": ("e2", "LOC", "XKX")})
    mob = [e for e in evs if e.type == "MOBILIZE"]
    assert mob and mob[0].actor == ["e1"] and mob[0].recipient == ["e2"]
