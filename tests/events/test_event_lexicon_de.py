"""The generated German trigger lexicon (lang/de/event_lexicon.json): it loads, covers every
PLOVER type with valid modes, is consistent, and its triggers fire (or stay silent) in context.
No ../shared needed; the behaviour tests use a blank pipeline, the tagged ones the shipped model."""
from __future__ import annotations

import datetime
import importlib.util
import json
from pathlib import Path

import pytest
import spacy

from lagebild.events.component import EventsComponent
from lagebild.events.lexicon import compile_lexicon, merge_lexicons
from lagebild.lang import LanguageData
from lagebild.nlp.extensions import register_extensions
from lagebild.nlp.loader import register_components, shipped_model_path
from lagebild.records import PLOVER_TYPES, Entity, Mention
from lagebild.settings import Settings

LANG = LanguageData("de")
GENERATED = LANG.json("event_lexicon")
CONCEPTS = LANG.json("event_concepts")
MODES = CONCEPTS["modes"]
TRIGGER_KEYS = ("verbs", "nouns", "adjectives", "phrases")


def _type_modes(data: dict):
    for key in TRIGGER_KEYS:
        for type_mode, words in data.get(key, {}).items():
            yield key, type_mode, words


def test_generated_file_merges_and_compiles():
    merged = merge_lexicons(LANG.json("events"), GENERATED)
    lex = compile_lexicon(merged, LANG.json("grammar"), LANG.syntax)
    curated = compile_lexicon(LANG.json("events"), LANG.json("grammar"), LANG.syntax)
    assert len(lex.entries) > len(curated.entries) + 800
    assert all(e.type in PLOVER_TYPES for e in lex.entries.values())
    assert ("Massenverhaftung", "NOUN") in lex.entries and ("untersagen", "VERB") in lex.entries
    # curated lemmas keep their curated type and details
    assert lex.entries[("verurteilen", "VERB")] == curated.entries[("verurteilen", "VERB")]


def test_every_plover_type_has_entries_and_modes_are_the_manuals():
    types = set()
    for _key, type_mode, words in _type_modes(GENERATED):
        t, _, mode = type_mode.partition("/")
        assert t in PLOVER_TYPES, type_mode
        assert not mode or mode in MODES[t], type_mode
        assert words
        types.add(t)
    assert types == set(PLOVER_TYPES)
    for lemma, det in GENERATED["entries"].items():
        for spec in det.get("objects", {}).values():
            if spec.get("type"):
                assert spec["type"] in PLOVER_TYPES, lemma
                assert spec.get("mode") is None or spec["mode"] in MODES[spec["type"]], lemma


def test_no_lemma_has_two_types():
    seen: dict[tuple[str, str], str] = {}
    for key, type_mode, words in _type_modes(GENERATED):
        for w in words:
            assert seen.setdefault((key, w), type_mode) == type_mode, (w, seen[(key, w)], type_mode)


def test_at_least_a_thousand_lemmas_and_forms_for_each():
    lemmas = {w for key in ("verbs", "nouns", "adjectives") for ws in GENERATED[key].values() for w in ws}
    assert len(lemmas) >= 1000
    for w in lemmas:
        assert w in GENERATED["forms"] or w in GENERATED["separable"], w
    sep = GENERATED["separable"]["festsetzen"]
    assert sep["particle"] == "fest" and "setzte" in sep["finite"] and "festgesetzt" in sep["joined"]
    assert "nahm" in GENERATED["separable"]["einnehmen"]["finite"]  # split forms are checked at run time
    assert "schloss" in GENERATED["separable"]["ausschließen"]["finite"]  # spelling after 1996, not only "schloß"
    assert "eingenommen" in GENERATED["separable"]["einnehmen"]["joined"]
    assert "Raketenbeschüsse" in GENERATED["forms"]["Raketenbeschuss"]
    assert {"festgenommen", "untersagt", "beschossen"} <= set(GENERATED["past_participles"]) | set(
        LANG.json("events")["past_participles"])


def test_generic_heads_do_not_count_in_compounds():
    lex = compile_lexicon(merge_lexicons(LANG.json("events"), GENERATED), LANG.json("grammar"), LANG.syntax)
    # "Botschaft", "Wirtschaft" end in "haft"; "Pressekonferenz" is no consultation
    assert "haft" not in lex.noun_forms_lower and "konferenz" not in lex.noun_forms_lower
    assert "beschuss" in lex.noun_forms_lower


def test_build_is_reproducible():
    """The committed file equals a fresh build (needs the build-time lemma table)."""
    if importlib.util.find_spec("spacy_lookups_data") is None:
        pytest.skip("spacy-lookups-data (build extra) not installed")
    path = Path(__file__).resolve().parents[2] / "scripts" / "build_event_lexicon_de.py"
    spec = importlib.util.spec_from_file_location("build_event_lexicon_de", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    stop = mod.stop_words(LANG.json("events"))
    built = mod.build(CONCEPTS, LANG.json("events"), mod.load_table(), stop)
    assert json.loads(json.dumps(built, ensure_ascii=False)) == GENERATED


# ---- behaviour through the real events component --------------------------------------------

@pytest.fixture(scope="module")
def blank():
    register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp, EventsComponent(nlp, "lagebild_events", Settings(event_min_confidence=0.0))


def _run(pair, text: str, names: dict[str, str]):
    nlp, comp = pair
    doc = nlp(text)
    doc._.lb_published = datetime.date(2025, 7, 15)
    ents = []
    for i, (surface, etype) in enumerate(names.items(), 1):
        start = text.index(surface)
        ents.append(Entity(id=f"e{i}", name=surface, type=etype,
                           mentions=[Mention(start=start, end=start + len(surface), text=surface)]))
    doc._.lb_entities, doc._.lb_times, doc._.lb_places, doc._.lb_attributions = ents, [], [], []
    comp(doc)
    return doc._.lb_events


def test_ban_by_an_authority_fires(blank):
    evs = _run(blank, "Das Innenministerium untersagte die Kundgebung der Opposition in Minsk.",
               {"Innenministerium": "ORG", "Minsk": "LOC"})
    assert ("COERCE", "restrict") in {(e.type, e.mode) for e in evs}


def test_compound_and_separable_triggers_fire(blank):
    evs = _run(blank, "Russland verhängte ein Ausreiseverbot gegen Nawalny.", {"Russland": "LOC", "Nawalny": "PER"})
    assert ("COERCE", "restrict") in {(e.type, e.mode) for e in evs}
    evs = _run(blank, "Die Polizei riegelte das Regierungsviertel von Minsk ab.", {"Polizei": "ORG", "Minsk": "LOC"})
    assert ("COERCE", "restrict") in {(e.type, e.mode) for e in evs}


def test_participation_in_a_protest_is_a_protest(blank):
    evs = _run(blank, "In Belgrad beteiligten sich Tausende an der Kundgebung gegen Vučić.",
               {"Belgrad": "LOC", "Vučić": "PER"})
    assert "PROTEST" in {e.type for e in evs}


def test_restricted_words_stay_silent_in_everyday_use(blank):
    # "schießen" in football, "teilen" without information, "Botschaft" (ends in -haft)
    for text, names in [
        ("Müller schoss in der 90. Minute das Siegtor für Bayern.", {"Müller": "PER", "Bayern": "ORG"}),
        ("Die Botschaft der USA in Kiew blieb geschlossen.", {"USA": "LOC", "Kiew": "LOC"}),
        ("Merkel teilte die Sorge von Macron.", {"Merkel": "PER", "Macron": "PER"}),
        ("Bei Müller wurden im Urlaub in Rom drei Koffer abgegeben.", {"Müller": "PER", "Rom": "LOC"}),
    ]:
        evs = _run(blank, text, names)
        assert not [e for e in evs if e.type in ("ASSAULT", "COERCE", "COOPERATE", "RETREAT")], text


def test_objects_decide_the_type(blank):
    evs = _run(blank, "Die Regierung in Kiew kappte die Stromversorgung der Region Donezk.",
               {"Kiew": "LOC", "Donezk": "LOC"})
    assert ("COERCE", "withhold") in {(e.type, e.mode) for e in evs}
    evs = _run(blank, "Frankreich hat seinen Botschafter aus Rom zurückgerufen.", {"Frankreich": "LOC", "Rom": "LOC"})
    assert ("SANCTION", "withdraw") in {(e.type, e.mode) for e in evs}
    evs = _run(blank, "Frankreich hat den Impfstoff aus Rom zurückgerufen.", {"Frankreich": "LOC", "Rom": "LOC"})
    assert "SANCTION" not in {e.type for e in evs}


def test_split_verbs_that_need_their_object_do_not_fire_split(blank):
    # "nahm ... teil" is checked like the joined form: objects, requires, not_with
    evs = _run(blank, "An der Papstwahl in Rom nehmen Kardinäle aus Italien teil.", {"Rom": "LOC", "Italien": "LOC"})
    assert "PROTEST" not in {e.type for e in evs}
    evs = _run(blank, "In Minsk haben Tausende an der Kundgebung gegen Lukaschenko teilgenommen.",
               {"Minsk": "LOC", "Lukaschenko": "PER"})
    assert "PROTEST" in {e.type for e in evs}


@pytest.fixture(scope="module")
def de_model():
    register_extensions()
    register_components()  # the shipped model's own components
    path = shipped_model_path("de_lagebild")
    if not (path / "config.cfg").exists():
        pytest.skip("de_lagebild model not shipped in this checkout")
    nlp = spacy.load(path)
    return nlp, EventsComponent(nlp, "lagebild_events", Settings(event_min_confidence=0.0))


@pytest.mark.model
def test_model_passive_arrest_and_shelling_report(de_model):
    evs = _run(de_model, "In Minsk wurden am Montag Dutzende Menschen festgenommen.", {"Minsk": "LOC"})
    assert "COERCE" in {e.type for e in evs}
    evs = _run(de_model, "Die Armee meldete schweren Artilleriebeschuss auf Bachmut.", {"Bachmut": "LOC"})
    assert "ASSAULT" in {e.type for e in evs}


def test_split_verb_particle_closes_the_clause(blank):
    # the first "aus" is a preposition; the particle is the clause's last word
    evs = _run(blank, "Die G8 schloss am Montag Russland aus ihrer Gruppe aus.", {"G8": "ORG", "Russland": "LOC"})
    assert "SANCTION" in {e.type for e in evs}
    evs = _run(blank, "Die G8 schloss am Montag Russland aus.", {"G8": "ORG", "Russland": "LOC"})
    assert "SANCTION" in {e.type for e in evs}
    evs = _run(blank, "Die Regierung schloss am Montag Neuwahlen aus.", {})
    assert "SANCTION" not in {e.type for e in evs}  # "ausschließen" = rule out: requires an organisation
