"""Schema of ``grammar.json``: a language's closed word classes, listed once for every stage."""
from __future__ import annotations

from .base import FileModel


class Grammar(FileModel):
    """Placeholder until the word classes move in."""
