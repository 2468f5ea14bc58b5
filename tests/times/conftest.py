from __future__ import annotations

import datetime

import pytest

from lagebild.lang import LanguageData
from lagebild.times.tagger import TimeTagger


@pytest.fixture(scope="session")
def de() -> TimeTagger:
    return TimeTagger(LanguageData("de"))


@pytest.fixture(scope="session")
def en() -> TimeTagger:
    return TimeTagger(LanguageData("en"))


def by_text(tagger: TimeTagger, text: str, published: datetime.date | None):
    """{expression text: Time} of ``text``."""
    return {t.text: t for t in tagger.tag(text, published)}
