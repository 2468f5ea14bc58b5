"""Hooks for what a language does differently in code rather than in word lists.

A language may ship ``lang/<code>/syntax.py`` that defines any of the hooks of
:class:`Syntax`; the others keep the neutral default here. Like spaCy's ``syntax_iterators``:
the stages call the hook of the article's language and never ask which language it is.

Hooks:

``compound_heads(word)``
    The possible heads of ``word`` read as a closed compound, longest first, lower-cased
    ("raketenangriff" -> "ketenangriff", ..., "angriff", ...). Default: none.
``compound_has_part(word, part)``
    ``part`` (lower-case) is written inside the closed compound ``word`` (lower-case). Default: no.
``compound_has_head(word, head)``
    ``word`` (lower-case) is a closed compound ending in ``head`` (lower-case). Default: no.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError


def _no_heads(word: str) -> Iterator[str]:
    return iter(())


def _never(word: str, part: str) -> bool:
    return False


@dataclass(frozen=True)
class Syntax:
    """The syntax hooks of one language (neutral defaults where the language defines none)."""

    compound_heads: Callable[[str], Iterator[str]] = _no_heads
    compound_has_part: Callable[[str, str], bool] = _never
    compound_has_head: Callable[[str, str], bool] = _never

    @property
    def closed_compounds(self) -> bool:
        """The language writes compounds as one word (it defines a compound hook)."""
        return self.compound_has_part is not _never or self.compound_has_head is not _never \
            or self.compound_heads is not _no_heads


NEUTRAL = Syntax()
HOOKS = tuple(f.name for f in fields(Syntax))


@lru_cache(maxsize=None)
def load_syntax(path: str) -> Syntax:
    """The hooks that ``path`` (a language's ``syntax.py``) defines over the neutral defaults;
    :data:`NEUTRAL` when the language has no such module. Loaded once per process."""
    file = Path(path)
    if not file.exists():
        return NEUTRAL
    if file.parent.parent == Path(__file__).parent:  # a shipped language: importable by name (pickles)
        module = importlib.import_module(f"{__package__}.{file.parent.name}.syntax")
    else:
        spec = importlib.util.spec_from_file_location(f"_lagebild_syntax_{abs(hash(path))}", file)
        if spec is None or spec.loader is None:
            raise DataFileError("cannot load the syntax hooks", path=path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    public = {n for n in vars(module) if not n.startswith("_") and callable(getattr(module, n))
              and getattr(getattr(module, n), "__module__", None) == module.__name__}
    unknown = public - set(HOOKS)
    if unknown:
        raise DataFileError(f"unknown syntax hooks {sorted(unknown)}; known: {list(HOOKS)}", path=path)
    return Syntax(**{name: getattr(module, name) for name in HOOKS if hasattr(module, name)})
