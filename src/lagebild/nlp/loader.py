"""Build the spaCy pipeline for one language, once, offline.

The base model comes from ``lang/<code>/pipeline.json``: a list of candidates
(installed package names, or ``package:<dir>`` for a model shipped under
``lagebild/models/``). The first that loads wins; with none, a blank pipeline with a
rule-based sentence splitter is used and a :class:`FallbackModelWarning` issued.
lagebild's own components are then appended in the order the stages run.
"""
from __future__ import annotations

import importlib
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import FallbackModelWarning, ModelNotFoundError, warn
from ..lang import LanguageData
from ..settings import Settings
from .config import stage_config
from .extensions import register_extensions

#: lagebild's components, in pipeline order (each declares requires/assigns).
STAGES = (
    "lagebild_entities",
    "lagebild_times",
    "lagebild_places",
    "lagebild_attributions",
    "lagebild_events",
)


def register_components() -> None:
    """Register lagebild's spaCy factories and Doc extensions (idempotent).

    Needed before loading the shipped German model on its own (its config names
    lagebild's sentence splitter, lemmatizer and morphology rules) or adding a stage with
    ``nlp.add_pipe(stage, config=stage_config(settings))``; :func:`build_nlp` calls it.
    """
    register_extensions()
    # Importing registers the factories with spaCy: the base models' own components
    # (used by the shipped German model) first, then lagebild's stages.
    for module in ("sentences", "lemmatizer", "morph_rules", "guard"):
        importlib.import_module(f"lagebild.nlp.{module}")
    for module in ("entities", "times", "places", "attributions", "events"):
        importlib.import_module(f"lagebild.{module}.component")


def shipped_model_path(name: str) -> Path:
    return Path(str(resources.files("lagebild") / "models" / name))


def _load_base(candidate: str) -> Language | None:
    if candidate.startswith("package:"):
        path = shipped_model_path(candidate.removeprefix("package:"))
        if not (path / "config.cfg").exists():
            return None
        return spacy.load(path)
    try:
        module = importlib.import_module(candidate)
    except ImportError:
        return None
    return module.load()


def load_base(lang: LanguageData, settings: Settings) -> Language:
    """The language's base model, before lagebild's components."""
    override = settings.model_overrides.get(lang.code)
    if override:
        try:
            return spacy.load(override)
        except OSError as err:
            raise ModelNotFoundError(f"cannot load model {override!r} for {lang.code}: {err}") from err
    config = lang.json("pipeline")
    for candidate in config.get("models", []):
        nlp = _load_base(candidate)
        if nlp is not None:
            return nlp
    warn(FallbackModelWarning, f"no trained {lang.code} model installed; using rules on a blank pipeline")
    nlp = spacy.blank(lang.code)
    nlp.add_pipe("sentencizer")
    return nlp


def build_nlp(code: str, settings: Settings) -> Language:
    """Base model for ``code`` plus lagebild's stages. Expensive: call once per language."""
    register_components()
    lang = LanguageData(code)
    nlp = load_base(lang, settings)
    disable = lang.json("pipeline").get("disable", [])
    for name in disable:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    # Bound every sentence before the parser sees it (after any rule-based splitter).
    cap = {"config": {"max_tokens": settings.max_sentence_tokens}}
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("lagebild_sentence_cap", before="parser", **cap)
    else:
        nlp.add_pipe("lagebild_sentence_cap", **cap)
    for stage in STAGES:
        nlp.add_pipe(stage, config=stage_config(settings))
    return nlp
