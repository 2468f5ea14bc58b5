"""Stage 2 of the pipeline: which of our supported languages an article is written in."""
from .detect import LanguageDetector

__all__ = ["LanguageDetector"]
