"""Schemas of the entity and place files: ``actors.json``, ``names.json``, ``places.json``, ``roles.json``."""
from __future__ import annotations

from .base import FileModel, WordSeqs, WordTable, Words


class Actors(FileModel):
    platform_before: Words
    aliases: WordTable


class Names(FileModel):
    possessive_suffixes: Words
    given_names: Words
    not_surnames: Words
    reading: WordSeqs
    """Spelling rules for folding transliterations ([written, read as], in order)."""


class Places(FileModel):
    leading_articles: Words
    demonym_endings: Words
    demonyms: dict[str, str]
    people: dict[str, str]
    countries: dict[str, str]
    exonyms: WordTable
    regions: dict[str, str]
    seats: dict[str, str]
    locative_before: Words
    target_after: Words
    agentive_after: Words
    agentive_before: Words
    government_words: Words
    clause_before: Words
    agentive_after_suffixes: Words
    capital_min_population: int
    place_heads: Words
    countryinfo_translation: str
    """The language key of the gazetteer's country-name translations."""
    admin_prefixes: dict[str, str] = {}
    admin_suffixes: dict[str, str] = {}
    preferred: WordTable = {}
    people_plural: WordSeqs = []


class Roles(FileModel):
    offices: WordTable
    office_sector: dict[str, str]
    title_words: Words
    inflection: Words
    determiners: Words
    org_sectors: dict[str, str]
    prefixes: dict[str, str]
    group_heads: dict[str, str]
    group_heads_singular: Words
    group_head_inflection: Words
    group_modifiers_max: int
    group_modifier_stop: Words
    people_sector: str
    #: head noun -> PLOVER sector or null (``_doc`` inside is a comment)
    unnamed_heads: dict[str, str | None]
    unnamed_compound_min: int
