"""Behaviour that differs by language in code, not words: ``lang/<code>/syntax.py`` hooks over
neutral defaults (lagebild.lang.syntax)."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from lagebild.errors import DataFileError
from lagebild.lang import LanguageData, available_languages
from lagebild.lang.syntax import HOOKS, NEUTRAL

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_a_language_without_hooks_is_neutral():
    syntax = LanguageData("xx", root=FIXTURES / "good").syntax
    assert syntax is NEUTRAL
    assert not syntax.closed_compounds
    assert list(syntax.compound_heads("Raketenangriff")) == []
    assert not syntax.compound_has_part("raketenangriff", "angriff")


def test_a_module_may_define_some_hooks():
    syntax = LanguageData("xx", root=FIXTURES / "one_hook").syntax
    assert syntax.closed_compounds
    assert syntax.compound_has_head("raketenangriff", "angriff")
    assert not syntax.compound_has_part("raketenangriff", "angriff")  # the default


def test_a_misspelt_hook_is_an_error():
    with pytest.raises(DataFileError, match="compound_haeds"):
        LanguageData("xx", root=FIXTURES / "bad_hook").syntax


@pytest.mark.parametrize("code", available_languages())
def test_shipped_hooks_load_and_pickle(code):
    syntax = LanguageData(code).syntax
    assert pickle.loads(pickle.dumps(syntax)) == syntax
    assert set(HOOKS) == {"compound_heads", "compound_has_part", "compound_has_head"}


def test_german_reads_closed_compounds():
    syntax = LanguageData("de").syntax
    assert syntax.closed_compounds
    assert "angriff" in list(syntax.compound_heads("Raketenangriff"))
    assert "einsatz" in list(syntax.compound_heads("Anti-Terror-Einsatz"))
    assert syntax.compound_has_part("drohnenangriffe", "drohne")
    assert syntax.compound_has_head("friedensvertrag", "vertrag")


def test_english_writes_compounds_apart():
    assert not LanguageData("en").syntax.closed_compounds


def test_a_german_compound_trigger_is_found_through_the_hook():
    """The events stage finds "Raketenangriff" as an ASSAULT by its head: only the hook says so."""
    import spacy

    from lagebild.events.lexicon import compile_lexicon
    from lagebild.events.triggers import TriggerFinder

    lang = LanguageData("de")
    lex = compile_lexicon(lang.json("events"), lang.json("grammar"), lang.syntax)
    tok = spacy.blank("de")("Raketenangriff")[0]
    assert "raketenangriff" not in lex.forms and "Raketenangriff" not in lex.forms
    hits = TriggerFinder(lex)._lookup_form(tok, False)
    assert hits and hits[0][1] == "NOUN"
    neutral = compile_lexicon(lang.json("events"), lang.json("grammar"), NEUTRAL)
    assert TriggerFinder(neutral)._lookup_form(tok, False) == []
