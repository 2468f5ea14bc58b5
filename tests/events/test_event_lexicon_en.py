"""The generated English trigger lexicon (lang/en/event_lexicon.json) and its builder
(scripts/build_event_lexicon_en.py); nothing here needs ../shared (the builder runs on a fixture)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from lagebild.events.lexicon import compile_lexicon, merge_lexicons
from lagebild.lang import LanguageData
from lagebild.records import PLOVER_TYPES

from .test_events import _run

ROOT = Path(__file__).resolve().parents[2]
TRIGGER_KEYS = ("verbs", "nouns", "adjectives", "phrases")


def _builder():
    spec = importlib.util.spec_from_file_location("build_event_lexicon_en",
                                                  ROOT / "scripts" / "build_event_lexicon_en.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def generated() -> dict:
    return LanguageData("en").json("event_lexicon")


@pytest.fixture(scope="module")
def concepts() -> dict:
    return LanguageData("en").json("event_concepts")


def _readings(data: dict):
    for key in TRIGGER_KEYS:
        for type_mode, words in data.get(key, {}).items():
            for w in words:
                yield key, w, type_mode


def test_loads_under_the_curated_lexicon(generated):
    curated = LanguageData("en").json("events")
    grammar = LanguageData("en").json("grammar")
    base = compile_lexicon(curated, grammar, LanguageData("en").syntax)
    lex = compile_lexicon(merge_lexicons(curated, generated), grammar, LanguageData("en").syntax)
    assert len(lex.entries) + len(lex.phrases) >= len(base.entries) + len(base.phrases) + 500
    assert lex.entries[("impound", "VERB")].type == "COERCE"
    assert lex.entries[("annexation", "NOUN")].mode == "seize"
    assert lex.phrases[("rule", "out")].type == "REJECT"
    # curated readings win
    assert lex.entries[("attack", "VERB")] == base.entries[("attack", "VERB")]


def test_every_plover_type_has_triggers(generated):
    types = {tm.partition("/")[0] for _, _, tm in _readings(generated)}
    assert types == set(PLOVER_TYPES)


def test_types_and_modes_are_the_manuals(generated, concepts):
    modes = concepts["plover_modes"]
    assert set(modes) == set(PLOVER_TYPES)
    for key, w, tm in _readings(generated):
        t, _, m = tm.partition("/")
        assert t in modes and (not m or m in modes[t]), (key, w, tm)
    for lemma, d in generated["entries"].items():
        for obj, spec in d.get("objects", {}).items():
            if spec.get("type") is not None:
                assert spec["type"] in modes, (lemma, obj)
                assert spec.get("mode") in (None, *modes[spec["type"]]), (lemma, obj, spec)
        if "mode" in d:
            assert d["mode"] in {m for ms in modes.values() for m in ms}, lemma
        assert 0.05 <= d.get("weight", 0.7) <= 0.95, lemma


def test_no_lemma_has_two_readings_and_none_repeats_the_curated(generated):
    curated = LanguageData("en").json("events")
    seen: dict[tuple[str, str], str] = {}
    for key, w, tm in _readings(generated):
        assert seen.setdefault((key, w), tm) == tm, (key, w, seen[(key, w)], tm)
        assert not any(w in ws for ws in curated.get(key, {}).values()), (key, w)
    for key in TRIGGER_KEYS:
        for words in generated.get(key, {}).values():
            assert words == sorted(words)


def test_entries_belong_to_listed_lemmas(generated):
    listed = {w for _, w, _ in _readings(generated)}
    for name, d in generated["entries"].items():
        assert name.partition("|")[0] in listed, name
        if " " in name:  # the trigger finder honours only "requires" on phrases
            assert "objects" not in d and "not_with" not in d, name


# ------------------------------------------------------------------ the builder, on a fixture
CAMEO = """# fixture
&WEAPON
+GUN
+ROCKET_LAUNCHER

####### VERB PATTERNS #######

---  IMPOUND   [171]  ---
IMPOUND
GRAB
- * SHIP                                              [1711]        # IMPOUND
- * ATTENTION                                         [---]         # GRAB

---  PLANT   [---]  ---
PLANT
- * &WEAPON                                           [183]         # PLANT
- * TREE                                              [---]         # PLANT

---  SAY   [010]  ---
SAY
+KILLED_AND

---  SANCTION   [163]  ---
PENALIZE
+CRACK_DOWN {+CRACKED_DOWN}
"""
TABLE = """171: COERCE, seize, human_security # Seize
1711: COERCE, seize, human_security # Confiscate
183: ASSAULT, suicide-attack, # Bombing
163: COERCE, restrict, diplomatic # Impose embargo
"""


def _fixture_concepts(concepts: dict, **over) -> dict:
    c = {k: concepts[k] for k in ("plover_modes", "skip_code_prefixes", "table_modes")}
    c.update(code_overrides={"163": "SANCTION/discontinue"}, drop=["grab"], object_verbs=["plant"],
             objects_only=[], objects_drop={}, objects_keep={}, object_stop=[], retype={},
             verbs={}, nouns={"COERCE/seize": ["impoundment"]}, phrases={}, verb_entries={},
             noun_entries={"impoundment": {"weight": 0.6}}, phrase_entries={})
    c.update(over)
    return c


def _write_fixture(tmp_path: Path) -> Path:
    (tmp_path / "CAMEO.2.0.txt").write_text(CAMEO, encoding="utf-8")
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text(TABLE, encoding="utf-8")
    (tmp_path / "LICENSE.petrarch2").write_text("MIT", encoding="utf-8")
    return tmp_path


def test_builder_maps_curates_and_restricts(tmp_path, concepts):
    b = _builder()
    out = b.build(_write_fixture(tmp_path), _fixture_concepts(concepts), {"verbs": {}})
    assert out["verbs"]["COERCE/seize"] == ["impound"]        # 171 -> COERCE seize
    assert "grab" not in json.dumps(out["verbs"])               # dropped by the curation
    assert "say" not in json.dumps(out)                         # 010: a statement, no event
    assert out["verbs"]["SANCTION/discontinue"] == ["penalise", "penalize"]  # 163 overridden; British spelling
    assert out["phrases"]["SANCTION/discontinue"] == ["crack down"]
    plant = out["entries"]["plant|VERB"]["objects"]            # no code of its own: objects only
    assert plant["*"] == {"type": None} and plant["gun"] == {"type": "ASSAULT", "mode": "suicide-attack"}
    assert "tree" not in plant
    assert out["nouns"]["COERCE/seize"] == ["impoundment"] and out["entries"]["impoundment|NOUN"] == {"weight": 0.6}
    # the same inputs give the same bytes; a lemma the curated file lists is left to it
    assert b.dumps(out) == b.dumps(b.build(tmp_path, _fixture_concepts(concepts), {"verbs": {}}))
    again = b.build(tmp_path, _fixture_concepts(concepts), {"verbs": {"ASSAULT": ["impound"]}})
    assert "COERCE/seize" not in again["verbs"]


def test_builder_refuses_a_mode_the_manual_lacks(tmp_path, concepts):
    b = _builder()
    bad = _fixture_concepts(concepts, nouns={"COERCE/grab": ["grabbing"]})
    with pytest.raises(b.BuildError):
        b.build(_write_fixture(tmp_path), bad, {})
    twice = _fixture_concepts(concepts, nouns={"COERCE": ["seizure"], "ASSAULT": ["seizure"]})
    with pytest.raises(b.BuildError):
        b.build(tmp_path, twice, {})


def test_builder_says_loudly_when_cameo_is_absent(tmp_path, monkeypatch, capsys):
    b = _builder()
    monkeypatch.setattr(b, "CAMEO_DIR", tmp_path / "nowhere")
    monkeypatch.setattr(b, "OUT", tmp_path / "out.json")
    assert b.main([]) == 2
    assert "ERROR" in capsys.readouterr().err and not (tmp_path / "out.json").exists()


def test_committed_file_is_what_the_builder_gives():
    b = _builder()
    if not all((b.CAMEO_DIR / n).is_file() for n in b.NEEDED):
        pytest.skip("../shared/data/cameo absent: cannot rebuild")
    assert b.main(["--check"]) == 0


# ------------------------------------------------------------------ through the events component
@pytest.mark.model
def test_new_verbs_and_nominalisations_fire(en):
    evs = _run(en, "Hungary vilified Brussels on Monday.",
               {"Hungary": ("e1", "LOC", "HUN"), "Brussels": ("e2", "LOC", "BEL")})
    assert [(e.type, e.mode, e.actor, e.recipient) for e in evs] == [("ACCUSE", "disapprove", ["e1"], ["e2"])]
    evs = _run(en, "Russia's annexation of Crimea angered Ukraine.",
               {"Russia": ("e1", "LOC", "RUS"), "Crimea": ("e2", "LOC", "UKR"), "Ukraine": ("e3", "LOC", "UKR")})
    assert [(e.type, e.mode, e.actor, e.recipient) for e in evs] == [("COERCE", "seize", ["e1"], ["e2"])]
    evs = _run(en, "The Taliban barred women from universities in Afghanistan.",
               {"Taliban": ("e1", "ORG", "AFG"), "Afghanistan": ("e2", "LOC", "AFG")})
    assert [(e.type, e.mode) for e in evs] == [("COERCE", "restrict")]


@pytest.mark.model
def test_object_restricted_verbs_fire_only_with_their_objects(en):
    ents = {"Syria": ("e1", "LOC", "SYR"), "Turkey": ("e2", "LOC", "TUR")}
    evs = _run(en, "Syria and Turkey exchanged fire across the border.", ents)
    assert [(e.type, e.mode, sorted(e.actor)) for e in evs] == [("ASSAULT", "firearms", ["e1", "e2"])]
    assert _run(en, "Syria exchanged currency with Turkey.", ents) == []
    ents = {"Germany": ("e1", "LOC", "DEU"), "Kenya": ("e2", "LOC", "KEN"), "Siemens": ("e3", "ORG", "DEU")}
    assert _run(en, "Germany opened a hospital in Kenya.", ents) == []
    evs = _run(en, "Germany opened an investigation into Siemens.", ents)
    assert [(e.type, e.mode, e.actor) for e in evs] == [("ACCUSE", "investigate", ["e1"])]
    assert _run(en, "Officials from Kenya held a news conference in Germany.", ents) == []


@pytest.mark.model
def test_non_event_senses_stay_silent(en):
    ents = {"Iraq": ("e1", "LOC", "IRQ"), "Japan": ("e2", "LOC", "JPN")}
    assert _run(en, "Weapons of mass destruction were never found in Iraq.", ents) == []
    assert _run(en, "Japan is fine-tuning its budget for Iraq.", ents) == []
