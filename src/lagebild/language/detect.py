"""Language detection restricted to the languages we support.

Each language ships ``stopwords.txt``; the language whose function words cover the
most tokens wins. Fast (a set lookup per token), deterministic and data-driven.
"""
from __future__ import annotations

import re

from ..errors import UnsupportedLanguageError
from ..lang import LanguageData

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


class LanguageDetector:
    def __init__(self, languages: tuple[str, ...], default: str, max_words: int = 2000) -> None:
        if not languages:
            raise UnsupportedLanguageError("no languages configured")
        self.languages = languages
        self.default = default if default in languages else languages[0]
        self.max_words = max_words
        self._stop = {code: LanguageData(code).words("stopwords") for code in languages}

    def scores(self, text: str) -> dict[str, float]:
        words = [m.group().lower() for _, m in zip(range(self.max_words), _WORD.finditer(text))]
        if not words:
            return {code: 0.0 for code in self.languages}
        return {code: sum(w in stop for w in words) / len(words) for code, stop in self._stop.items()}

    def detect(self, text: str) -> str:
        scores = self.scores(text)
        best = max(scores, key=lambda c: scores[c])
        return best if scores[best] > 0 else self.default
