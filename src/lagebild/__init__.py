"""lagebild: news articles to event data you can trust.

Who did what to whom, when and where; who says so; and how sure the text is.
The public API is exactly ``__all__`` (guarded by a test).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .errors import LagebildError
from .pipeline import Pipeline
from .read import RawArticle, ReadFailure, iter_articles
from .records import SCHEMA_VERSION, Article
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "LagebildError",
    "Pipeline",
    "RawArticle",
    "ReadFailure",
    "Settings",
    "__version__",
    "analyze",
    "iter_articles",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    # Built on first use, never at import; models load once per language.
    return Pipeline(Settings())


def analyze(text: str, published: str | dt.date | None = None, language: str | None = None) -> Article:
    """Analyse one article with the default settings.

    ``published`` (``YYYY-MM-DD``) anchors relative dates; without it they stay
    unresolved. ``language`` is detected among the supported ones when not given.
    """
    return _default_pipeline().analyze(text, published=published, language=language)
