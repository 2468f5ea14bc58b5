"""lagebild: news articles to event data you can trust.

Who did what to whom, when and where; who says so; and how sure the text is.
The public API is exactly ``__all__``: a test checks that every public name of this
namespace (other than lagebild's own submodules) is in it, so keep helpers out of here.
"""
from .errors import LagebildError
from .pipeline import Pipeline, analyze
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
