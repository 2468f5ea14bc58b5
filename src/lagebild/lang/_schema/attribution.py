"""Schemas of ``attribution.json`` (quote and source rules) and ``attribution_verbs.json`` (cue verbs)."""
from __future__ import annotations

from pydantic import RootModel

from .base import DataModel, FileModel, WordSeqs, Words
from .grammar import GrammarSubsets


class PrepBefore(DataModel):
    """A preposition before its source (``laut X``): ``source_from`` tokens after the first."""

    tokens: Words
    source_from: int
    next_suffix: Words = []


class PrepAfter(DataModel):
    """A postposition after its source (``X zufolge``), optionally only after a noun ending so."""

    tokens: Words
    prev_suffix: Words = []


class Deps(DataModel):
    """Dependency labels of the parser the attribution rules read."""

    content: Words
    subject: Words
    inherit: Words
    relative: Words
    object: Words = []
    prep_object: Words = []
    possessor: Words = []
    noun_content: Words = []
    agent: Words = []
    passive_subject: Words = []
    gerund_in_pp: Words = []
    relative_clause: Words = []
    predicate: Words = []
    adjective_content: Words = []
    predicate_noun: Words = []
    adverbial_clause: Words = []
    apposition: Words = []


class Attribution(FileModel):
    # keys every language has
    quote_pairs: WordSeqs
    clause_markers: Words
    reported_speech_mood: Words
    subject_blockers: Words
    np_stops: Words
    np_continuers: Words
    pronouns: dict[str, str]
    prep_before: list[PrepBefore]
    prep_before_suffix: dict[str, Words]
    prep_after: list[PrepAfter]
    parenthetical_cue: Words
    anaphoric_cues: Words
    comparison_cue: Words
    expletive_cues: WordSeqs
    source_preps_after_expletive: Words
    passive_agent: Words
    aux: Words
    no_comment: Words
    social_media_words: Words
    social_media_preps: Words
    social_media_verbs: Words
    writing_verbs: Words
    anonymous_heads: Words
    anonymous_suffixes: Words
    anonymous_named_blocks: Words
    anaphoric_determiners: Words
    number_words: dict[str, int]
    count_skip: Words
    institution_heads: Words
    institution_suffixes: Words
    document_heads: Words
    document_suffixes: Words
    person_heads: Words
    person_suffixes: Words
    deps: Deps
    prep_before_gap: Words
    nested_quotes: bool
    headline_colon: bool
    object_pronouns: Words
    determiners: Words
    trailing_adverbs: Words
    non_subject_determiners: Words
    infinitive_marker: str
    passive_subject_source: Words
    particles: Words
    reported_speech_mood_strong: Words
    reportative_modals: Words
    reportative_final: Words
    compact_sources: bool
    addressee_verbs: Words
    # keys a language may leave out (the default is what the rules assume then)
    #: words besides the grammar's subordinators that open a clause for these rules
    clause_openers: Words = []
    #: this stage's subsets of grammar classes, where the whole class measured worse
    grammar_subsets: GrammarSubsets = {}
    #: words that may stand before the comparison cue ("denn wie X sagte")
    comparison_cue_lead_ins: Words = []
    #: words that open a genitive attribute after a head noun ("Der Leiter des ...")
    genitive_attribute_openers: Words = []
    #: endings of an inflected adjective between a preposition and its noun
    adjective_endings: Words = []
    infinitive_endings: Words = []
    source_relative_clause: bool = True
    demonstrative_objects: Words = []
    demonstrative_subjects: Words = []
    reported_min_words: int = 0
    cue_pos: Words = []
    merge_quote_runs: bool = False
    signature_dashes: Words = []
    nominal_cues: Words = []
    nominal_cue_preps: Words = []
    plural_sources_speak: bool = False
    personal_relatives: Words = []
    predicative_preps: Words = []
    reported_after_cue: bool = False
    adjective_cues: Words = []
    adjective_cue_preps: Words = []
    copulas: Words = []
    author_preps: Words = []
    share_heads: Words = []
    agent_nouns: Words = []
    clause_only_cues: Words = []
    adjunct_preps: Words = []
    survey_preps: Words = []
    survey_heads: Words = []
    setting_verbs: Words = []


class CueVerb(DataModel):
    """A cue verb: its kind and its forms, joined (``sagte``) and split (``teilte … mit``)."""

    kind: str
    joined: Words
    particle: str | None = None
    split: Words = []


class AttributionVerbs(RootModel[dict[str, CueVerb]]):
    """Lemma -> cue verb."""
