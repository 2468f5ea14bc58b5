"""Settings: every field is read somewhere; components receive the typed object itself."""
from __future__ import annotations

import ast
from pathlib import Path

import pydantic
import pytest
import spacy

import lagebild
from lagebild import Settings
from lagebild.nlp import STAGES, register_components, stage_config

PACKAGE = Path(lagebild.__file__).parent


def _attributes_read() -> set[str]:
    """Every ``<expr>.<name>`` read in the package's code, outside settings.py itself."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "settings.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                names.add(node.attr)
    return names


def test_every_settings_field_is_read_somewhere():
    unread = set(Settings.model_fields) - _attributes_read()
    assert not unread, f"Settings fields nothing reads (remove them or use them): {sorted(unread)}"


def test_unknown_field_is_refused():
    with pytest.raises(pydantic.ValidationError):
        Settings(db_path="x.duckdb")  # removed: never read


def test_stage_config_round_trips_to_the_same_settings():
    register_components()
    changed = Settings(event_min_confidence=0.5, geo_min_population=1000, languages=("de",),
                       model_overrides={"de": "somewhere"})
    for settings in (Settings(), changed):
        resolved = spacy.util.registry.resolve(stage_config(settings))
        assert isinstance(resolved["settings"], Settings)
        assert resolved["settings"] == settings


@pytest.mark.parametrize("stage", STAGES)
def test_components_get_the_settings_given_and_default_to_settings_defaults(stage):
    register_components()
    nlp = spacy.blank("en")
    default = nlp.add_pipe(stage, name="default")
    assert default.settings == Settings()
    changed = Settings(event_min_confidence=0.5, max_chars=1234)
    given = nlp.add_pipe(stage, name="given", config=stage_config(changed))
    assert isinstance(given.settings, Settings) and given.settings == changed
    # nlp.config stays plain data: it can be written out and read back
    assert spacy.util.load_config_from_str(nlp.config.to_str())["components"]["given"]["settings"]


def test_events_use_the_minimum_confidence_of_the_settings():
    register_components()
    nlp = spacy.blank("en")
    events = nlp.add_pipe("lagebild_events", config=stage_config(Settings(event_min_confidence=0.42)))
    assert events.min_confidence == 0.42
    assert nlp.add_pipe("lagebild_events", name="d").min_confidence == Settings().event_min_confidence


def test_sentence_cap_defaults_to_the_settings_default():
    register_components()
    nlp = spacy.blank("en")
    assert nlp.add_pipe("lagebild_sentence_cap").max_tokens == Settings().max_sentence_tokens
