"""Schemas of the event files: ``events.json`` (curated triggers and roles), ``event_lexicon.json``
(generated triggers), ``event_concepts.json`` (the generator's input) and ``modality.json``."""
from __future__ import annotations

from typing import Union

from .base import DataModel, FileModel, WordTable, Words
from .grammar import GrammarSubsets


class ObjectRule(DataModel):
    """What a trigger means with a given object (``sign`` + ``treaty`` -> SUPPORT)."""

    type: str | None = None
    mode: str | None = None


class Trigger(DataModel):
    """How a trigger word takes its roles."""

    type: str | None = None
    recipient: Words = []
    reciprocal: bool = False
    governs: bool = False
    requires: Words = []
    not_with: Words = []
    weight: float = 1.0
    future: str | None = None
    objects: dict[str, ObjectRule] = {}
    denial: bool = False
    control: bool = False
    needs_content: bool = False
    governs_complement: bool = False
    possessor: str | None = None
    mode: str | None = None
    crowd: str | None = None


class Separable(DataModel):
    """A separable verb: its particle, its finite stems and its joined forms."""

    particle: str
    finite: Words
    joined: Words


class Reversers(DataModel):
    """Verbs that turn a type into another (``lift`` + SANCTION -> CONCEDE)."""

    verbs: Words
    types: Words
    to: str


class Triggers(FileModel):
    """Trigger tables shared by the curated and the generated lexicon."""

    verbs: WordTable
    nouns: WordTable
    adjectives: WordTable
    phrases: WordTable
    entries: dict[str, Trigger]
    forms: WordTable = {}
    separable: dict[str, Separable] = {}
    no_compound_heads: Words = []
    past_participles: Words = []
    participle_forms: Words = []


class Events(Triggers):
    infinitive_markers: Words = []
    topic_preps: Words = []
    hostile_content: dict[str, str] = {}
    reversers: Reversers
    reporting_verbs: Words
    role_nouns: Words
    role_links: Words
    actor_preps: Words
    between: Words
    np_preps: Words
    genitive_preps: Words
    reciprocal_preps: Words
    default_recipient_preps: Words
    purpose_preps: Words
    location_recipient_types: Words
    temporal_preps: Words
    location_preps: Words
    dative_articles: Words
    pronouns: dict[str, str]
    own_time_markers: Words
    future_types: dict[str, str]
    refusal_types: dict[str, str]
    threat_modes: dict[str, str]
    obligation: Words
    mode_cues: dict[str, WordTable]
    contexts: WordTable
    habitual: Words
    oblique_cases: Words = []
    determiners: Words = []
    finite_endings: Words = []
    genitive_suffix: Words = []
    relative_subjects: Words = []
    state_passive_aux: Words = []
    sein_perfect: Words = []
    perfect_aux_forms: Words = []
    genitive_articles: Words = []
    infinitive_openers: Words | None = None
    type_defaults: dict[str, Trigger] = {}
    light_verbs: Words = []
    purpose_types: Words = []
    crowd_nouns: Words = []
    obligation_heads: Words = []
    #: words besides the grammar's subordinators that open a clause for this stage
    clause_openers: Words = []
    #: this stage's subsets of grammar classes, where the whole class measured worse
    grammar_subsets: GrammarSubsets = {}
    #: marks that join a list like the grammar's coordinators (",")
    coordinator_marks: Words = []


class EventLexicon(Triggers):
    """The generated trigger lexicon (scripts/build_event_lexicon_<code>.py)."""


class Concept(DataModel):
    verbs: Words = []
    nouns: Words = []
    adjectives: Words = []
    phrases: Words = []


class ConceptTables(FileModel):
    """Generator input as concept tables (German)."""

    modes: WordTable
    concepts: dict[str, Concept]
    type_details: dict[str, dict[str, Trigger]]
    details: dict[str, Trigger]
    no_compound_heads: Words
    separable_override: dict[str, str]
    participles: dict[str, str]
    nouns_plural: WordTable


class PloverTables(FileModel):
    """Generator input as PLOVER code tables (English)."""

    code_overrides: dict[str, str]
    drop: Words
    noun_entries: dict[str, Trigger]
    nouns: WordTable
    object_stop: Words
    object_verbs: Words
    objects_drop: WordTable
    objects_keep: WordTable
    objects_only: Words
    phrase_entries: dict[str, Trigger]
    phrases: WordTable
    plover_modes: WordTable
    retype: dict[str, str]
    skip_code_prefixes: Words
    table_modes: dict[str, str]
    verb_entries: dict[str, Trigger]
    verbs: WordTable


#: ``event_concepts.json`` takes one of two shapes, chosen by the language's generator
EventConcepts = Union[ConceptTables, PloverTables]


class Modality(FileModel):
    """Modality cues; the negation words are the grammar's (``grammar.json``)."""

    negation_prefixes: Words
    denial: Words
    hypothetical: Words
    conditional: Words
    question: Words
    planned: Words
    planned_governors: Words
    hypothetical_governors: Words
    question_governors: Words
    uncertain: Words
    uncertain_governors: Words
    reported_future: Words
    modifier_only: Words
    correlative_negation: WordTable
    privative_preps: Words = []
    negation_exceptions: Words = []
