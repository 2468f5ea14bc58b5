"""Placeholder tagger (replaced by the full tagger)."""
from __future__ import annotations

import datetime

from ..lang import LanguageData
from ..records import Time


class TimeTagger:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang

    def tag(self, text: str, published: datetime.date | None,
            sentences: list[tuple[int, int]] | None = None) -> list[Time]:
        return []
