"""Language knowledge, as data files under ``lagebild/lang/<code>/``.

Code never branches on a language code: it asks the :class:`LanguageData` of the
article's language for a named resource (``lang.json("attribution")``) and uses what is there.
Every JSON file is checked against its schema (``lang/_schema``) the first time a process reads
it: an unknown or missing key or a wrong type raises :class:`~lagebild.errors.DataSchemaError`.

Adding a language means adding a folder ``lang/<code>/``: ``pipeline.json`` (name, models and the
annotations of theirs the stages may trust), ``grammar.json`` (closed word classes and facts such
as ``nouns_capitalised`` or ``verb_second``, read by every stage), the files of the stages it should
run (``attribution.json`` and ``attribution_verbs.json``, ``events.json`` and ``modality.json``,
``places.json``, ``roles.json``, ``times.json``, ...; one schema per file kind in
``lang/_schema``) and, where the language does something in code that others do not, a
``syntax.py`` with hooks of :mod:`lagebild.lang.syntax`.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import DataFileError, UnsupportedLanguageError
from ._schema import validate
from .syntax import Syntax, load_syntax


def available_languages() -> tuple[str, ...]:
    root = resources.files(__name__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


def language_name(code: str) -> str:
    """The English name of language ``code`` (``pipeline.json`` ``name``), or the code itself."""
    if code not in available_languages():
        return code
    return str(LanguageData(code).json("pipeline")["name"])


@lru_cache(maxsize=None)
def _load(path: str, name: str) -> tuple[Any, BaseModel]:
    """``path`` parsed and validated as a ``name`` file: once per file per process."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise DataFileError(f"missing language data file {file.name}", path=path) from err
    except json.JSONDecodeError as err:
        raise DataFileError(f"malformed JSON: {err}", path=path) from err
    return data, validate(name, data, path)


class LanguageData:
    """The data files of one language, read lazily, validated once per process."""

    def __init__(self, code: str, *, root: Path | None = None) -> None:
        """The data of language ``code``; ``root`` is another folder of ``<code>/`` folders (tests)."""
        if root is None and code not in available_languages():
            raise UnsupportedLanguageError(f"no language data for {code!r}; have {available_languages()}")
        self.code = code
        self.path = (root / code) if root is not None else Path(str(resources.files(__name__) / code))
        self._cache: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"LanguageData({self.code!r})"

    def has(self, name: str) -> bool:
        return (self.path / name).exists()

    def json(self, name: str) -> Any:
        """``name.json`` of this language as parsed JSON, checked against its schema (cached)."""
        return _load(str(self.path / f"{name}.json"), name)[0]

    @property
    def syntax(self) -> Syntax:
        """The language's syntax hooks (``syntax.py`` in its folder over neutral defaults)."""
        return load_syntax(str(self.path / "syntax.py"))

    def trusts(self, annotation: str) -> bool:
        """The language's models give ``annotation`` (``"pos"``, ``"dep"``) well enough for the
        stages to rely on it (``trusted_annotations`` in ``pipeline.json``). Stages ask
        :func:`lagebild.nlp.annotations.trusted` for a Doc."""
        return annotation in self.json("pipeline")["trusted_annotations"]

    def model(self, name: str) -> BaseModel:
        """``name.json`` of this language as its typed, frozen model (cached)."""
        return _load(str(self.path / f"{name}.json"), name)[1]

    def words(self, name: str) -> frozenset[str]:
        """``name.txt`` as a set of lines (``#`` comments and blanks skipped), cached."""
        key = f"{name}.txt"
        if key not in self._cache:
            file = self.path / key
            try:
                lines = file.read_text(encoding="utf-8").splitlines()
            except FileNotFoundError as err:
                raise DataFileError(f"missing language data file {key}", path=str(file)) from err
            self._cache[key] = frozenset(
                ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")
            )
        return self._cache[key]
