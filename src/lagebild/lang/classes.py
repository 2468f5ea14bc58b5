"""A stage's view of the language's closed word classes (``grammar.json``).

A stage reads a class from the grammar. Where it has measured that it works better with
fewer words, its own file says so in ``grammar_subsets`` (class -> the words it keeps); a
subset must stay inside the grammar's class, so the two cannot drift apart again.
"""
from __future__ import annotations

from ..errors import DataFileError


def word_class(grammar: dict, stage: dict, name: str, *, stage_file: str) -> list[str]:
    """Class ``name`` of ``grammar`` as the stage whose parsed file is ``stage`` reads it."""
    words = grammar[name]
    subset = stage.get("grammar_subsets", {}).get(name)
    if subset is None:
        return list(words)
    outside = sorted(set(subset) - set(words))
    if outside:
        raise DataFileError(f"grammar_subsets.{name} lists words that grammar.json {name} lacks: {outside}",
                            path=stage_file)
    return list(subset)
