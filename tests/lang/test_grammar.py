"""Closed word classes live once per language in ``grammar.json``; the stages read them from there."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from lagebild.attributions.lexicon import GRAMMAR_CLASSES, Lexicon
from lagebild.events.lexicon import compile_lexicon, compile_modality
from lagebild.errors import DataFileError
from lagebild.lang import LanguageData, available_languages
from lagebild.lang.classes import word_class

SRC = Path(__file__).resolve().parents[2] / "src" / "lagebild"
LANGS = available_languages()


@pytest.mark.parametrize("code", LANGS)
def test_every_language_has_a_grammar_with_every_class(code):
    grammar = LanguageData(code).model("grammar")
    for name, words in grammar:
        if isinstance(words, bool):
            continue  # a fact of the grammar (nouns_capitalised), not a word class
        assert words, f"{code}: grammar class {name} is empty"
        assert len(words) == len(set(words)), f"{code}: {name} repeats a word"


@pytest.mark.parametrize("code", LANGS)
def test_attribution_reads_the_grammar(code):
    lang = LanguageData(code)
    grammar, data = lang.json("grammar"), lang.json("attribution")
    lex = Lexicon.load(lang)
    for name, cls in GRAMMAR_CLASSES.items():
        assert set(word_class(grammar, data, cls, stage_file="")) <= lex.words[name], (code, name)
    assert lex.words["subordinators"] == set(grammar["subordinators"]) | set(data.get("clause_openers", []))
    assert lex.words["articles"] == set(grammar["articles"])


@pytest.mark.parametrize("code", LANGS)
def test_events_read_the_grammar(code):
    lang = LanguageData(code)
    grammar, data = lang.json("grammar"), lang.json("events")
    lex = compile_lexicon(data, grammar, lang.syntax)
    cls = lambda name: set(word_class(grammar, data, name, stage_file=""))  # noqa: E731
    assert lex.preps == set(grammar["prepositions"])
    assert lex.relative_words == set(grammar["relative_words"])
    assert lex.passive_aux == set(grammar["passive_auxiliaries"])
    assert lex.subordinators == cls("subordinators") | set(data.get("clause_openers", []))
    assert lex.subject_pronouns == set(grammar["subject_pronouns"])
    assert lex.perfect_aux == {w.lower() for w in grammar["perfect_auxiliaries"]}
    assert compile_modality(lang.json("modality"), grammar).negation == {w.lower() for w in grammar["negation"]}


def test_a_stage_subset_stays_inside_the_grammar_class():
    grammar = {"prepositions": ["in", "on"]}
    assert word_class(grammar, {}, "prepositions", stage_file="x.json") == ["in", "on"]
    assert word_class(grammar, {"grammar_subsets": {"prepositions": ["in"]}}, "prepositions",
                      stage_file="x.json") == ["in"]
    with pytest.raises(DataFileError, match="'under'"):
        word_class(grammar, {"grammar_subsets": {"prepositions": ["in", "under"]}}, "prepositions",
                   stage_file="x.json")


#: keys a stage file may no longer carry: the class is the grammar's
MOVED = {"attribution": ["prepositions", "subordinators", "relative_pronouns", "conjunctions", "passive_aux",
                         "subject_pronouns"],
         "events": ["prepositions", "subordinators", "relative_words", "conjunctions", "passive_aux",
                    "subject_pronouns"],
         "modality": ["negation"]}


@pytest.mark.parametrize("code", LANGS)
def test_no_stage_file_keeps_its_own_copy_of_a_grammar_class(code):
    lang = LanguageData(code)
    for name, keys in MOVED.items():
        raw = json.loads((lang.path / f"{name}.json").read_text(encoding="utf-8"))
        assert not set(keys) & set(raw), (code, name, set(keys) & set(raw))


#: German grammar terms that once named keys in every language's files
GERMAN_TERMS = ("konjunktiv", "wie_", "es_cue", "so_cue", "_es", "vorfeld")


@pytest.mark.parametrize("code", LANGS)
def test_data_keys_have_neutral_names(code):
    for file in LanguageData(code).path.glob("*.json"):
        if file.stem in ("attribution_verbs", "event_concepts", "event_lexicon"):
            continue  # keyed by words of the language, not by names
        keys = json.loads(file.read_text(encoding="utf-8")).keys()
        bad = [k for k in keys if any(t in k.lower() for t in GERMAN_TERMS)]
        assert not bad, (code, file.name, bad)


def _word_tuples(tree: ast.AST):
    """Tuples, lists and sets of two or more lower-case word literals in membership tests or
    ``endswith`` calls: words that belong in language data."""
    for node in ast.walk(tree):
        seqs = []
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            seqs = [c for c in node.comparators if isinstance(c, (ast.Tuple, ast.List, ast.Set))]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "endswith", "startswith"):
            seqs = [a for a in node.args if isinstance(a, ast.Tuple)]
        for seq in seqs:
            words = [e.value for e in seq.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and e.value.isalpha() and e.value.islower()]
            if len(words) >= 2:
                yield node.lineno, words


@pytest.mark.parametrize("module", sorted(p.name for p in (SRC / "attributions").glob("*.py")))
def test_attribution_code_holds_no_words(module):
    """Labels of the pipeline's own vocabulary (kinds, forms, media) are fine; words of a language are not."""
    labels = {"speech", "thought", "act", "verb", "carry", "no_comment", "anonymous", "person", "unknown",
              "indirect", "direct", "reported", "noun", "adjective", "quote", "inf", "institution", "document",
              "social_media", "partial", "mixed", "prep"}
    tree = ast.parse((SRC / "attributions" / module).read_text(encoding="utf-8"))
    found = [(line, words) for line, words in _word_tuples(tree) if not set(words) <= labels]
    assert not found, f"{module}: words in code {found}"


@pytest.mark.parametrize("code", LANGS)
def test_capitalised_nouns_are_a_grammar_fact_both_stages_read(code):
    lang = LanguageData(code)
    grammar = lang.json("grammar")
    assert isinstance(grammar["nouns_capitalised"], bool)
    assert Lexicon.load(lang).nouns_capitalised is grammar["nouns_capitalised"]
    assert compile_lexicon(lang.json("events"), grammar, lang.syntax).nouns_capitalised is grammar["nouns_capitalised"]


@pytest.mark.parametrize("code", LANGS)
def test_word_order_facts_come_from_the_grammar(code):
    lang = LanguageData(code)
    grammar, lex = lang.json("grammar"), Lexicon.load(lang)
    assert (lex.verb_second, lex.prenominal_pp) == (grammar["verb_second"], grammar["prenominal_pp"])
    raw = json.loads((lang.path / "attribution.json").read_text(encoding="utf-8"))
    assert not {"verb_second", "prenominal_pp", "post_left_source"} & set(raw)


def test_where_nouns_are_capitalised_a_capital_tells_a_noun_from_a_verb():
    de, en = LanguageData("de"), LanguageData("en")
    grammar, events = de.json("grammar"), de.json("events")
    cased = compile_lexicon(events, grammar, de.syntax)
    assert cased.forms["Angriff"] == [("Angriff", "NOUN")] * len(cased.forms["Angriff"])
    assert all(pos == "VERB" for _, pos in cased.forms["angriff"])  # "griff ... an": a verb form
    folded = compile_lexicon(events, {**grammar, "nouns_capitalised": False}, de.syntax)
    assert {pos for _, pos in folded.forms["angriff"]} == {"NOUN", "VERB"}
    # cue verbs: a capitalised German form is not the verb; English folds case
    assert Lexicon.load(de).cue_for("sagte") is not None and Lexicon.load(de).cue_for("Sagte") is None
    assert Lexicon.load(en).cue_for("Said") is not None


#: on/off switches of the stage files that still take different values in German and English.
#: Each is a language branch under another name: move it to a grammar fact (``grammar.json``), a
#: model fact (``pipeline.json``) or a syntax hook, then take it off this list. It only shrinks.
DIFFERING_FLAGS_LEFT = {
    ("attribution", "compact_sources"),
    ("attribution", "merge_quote_runs"),
    ("attribution", "nested_quotes"),
    ("attribution", "plural_sources_speak"),
    ("attribution", "reported_after_cue"),
    ("attribution", "source_relative_clause"),
}
#: files of facts about the language or its models, not of a stage's switches
FACT_FILES = ("grammar", "pipeline")


def _differing_flags(a: LanguageData, b: LanguageData) -> set[tuple[str, str]]:
    """(file, key) of every top-level on/off key (schema defaults included) that differs."""
    from lagebild.lang._schema import SCHEMAS

    out = set()
    for name in sorted(set(SCHEMAS) - set(FACT_FILES)):
        if not (a.has(f"{name}.json") and b.has(f"{name}.json")):
            continue
        ma, mb = a.model(name), b.model(name)
        if type(ma) is not type(mb):
            continue  # one file kind in two shapes (event_concepts): no shared switches
        for key in getattr(type(ma), "model_fields", {}):
            va, vb = getattr(ma, key), getattr(mb, key)
            if isinstance(va, bool) and va != vb:
                out.add((name, key))
    return out


def test_no_stage_flag_takes_opposite_values_per_language_beyond_the_list():
    found = _differing_flags(LanguageData("de"), LanguageData("en"))
    assert found <= DIFFERING_FLAGS_LEFT, f"new language branches in stage files: {sorted(found - DIFFERING_FLAGS_LEFT)}"
    assert DIFFERING_FLAGS_LEFT <= found, f"gone: take off DIFFERING_FLAGS_LEFT {sorted(DIFFERING_FLAGS_LEFT - found)}"


def test_a_differing_flag_is_found(tmp_path):
    for code in ("de", "en"):
        (tmp_path / code).mkdir()
        for name in ("attribution", "attribution_verbs"):
            src = LanguageData(code).path / f"{name}.json"
            (tmp_path / code / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    raw = json.loads((tmp_path / "en" / "attribution.json").read_text(encoding="utf-8"))
    raw["headline_colon"] = not raw["headline_colon"]
    (tmp_path / "en" / "attribution.json").write_text(json.dumps(raw), encoding="utf-8")
    found = _differing_flags(LanguageData("de", root=tmp_path), LanguageData("en", root=tmp_path))
    assert ("attribution", "headline_colon") in found
