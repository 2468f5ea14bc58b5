"""The spaCy side of the pipeline: per-language ``Language`` objects and Doc extensions."""
from .extensions import register_extensions
from .loader import build_nlp

__all__ = ["build_nlp", "register_extensions"]
