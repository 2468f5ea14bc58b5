"""Language knowledge, as data files under ``lagebild/lang/<code>/``.

Code never branches on a language code: it asks the :class:`LanguageData` of the
article's language for a named resource (``lang.json("cues")``) and uses what is there.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import DataFileError, UnsupportedLanguageError


def available_languages() -> tuple[str, ...]:
    root = resources.files(__name__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


class LanguageData:
    """The data files of one language, read lazily and once per instance."""

    def __init__(self, code: str) -> None:
        if code not in available_languages():
            raise UnsupportedLanguageError(f"no language data for {code!r}; have {available_languages()}")
        self.code = code
        self.path = Path(str(resources.files(__name__) / code))
        self._cache: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"LanguageData({self.code!r})"

    def has(self, name: str) -> bool:
        return (self.path / name).exists()

    def json(self, name: str) -> Any:
        """``name.json`` of this language, parsed (cached)."""
        key = f"{name}.json"
        if key not in self._cache:
            file = self.path / key
            try:
                self._cache[key] = json.loads(file.read_text(encoding="utf-8"))
            except FileNotFoundError as err:
                raise DataFileError(f"missing language data file {key}", path=str(file)) from err
            except json.JSONDecodeError as err:
                raise DataFileError(f"malformed JSON: {err}", path=str(file)) from err
        return self._cache[key]

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
