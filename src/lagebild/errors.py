"""Every error and warning lagebild raises, with a stable code.

One exception tree: everything derives from :class:`LagebildError`. The library
never prints, exits or configures logging; callers (the CLI) decide what to show.
"""
from __future__ import annotations

import warnings


class LagebildError(Exception):
    """Base of all lagebild errors. ``code`` is stable across versions (E001…)."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        prefix = f"[{self.code}] "
        where = f"{path}: " if path else ""
        super().__init__(prefix + where + message)


class InputError(LagebildError):
    """An input file or record cannot be read as an article."""

    code = "E001"


class EmptyInputError(InputError):
    code = "E002"


class BinaryInputError(InputError):
    code = "E003"


class EncodingInputError(InputError):
    code = "E004"


class TooLargeInputError(InputError):
    code = "E005"


class BadDateError(InputError):
    code = "E006"


class UnsupportedFormatError(InputError):
    code = "E007"


class UnsupportedLanguageError(LagebildError):
    code = "E010"


class ModelNotFoundError(LagebildError):
    """A spaCy model the pipeline needs is not installed."""

    code = "E020"


class DataFileError(LagebildError):
    """A language or knowledge data file shipped with the package is missing or malformed."""

    code = "E030"


class StoreError(LagebildError):
    code = "E040"


class ExportError(LagebildError):
    code = "E050"


class BatchError(LagebildError):
    """The batch job could not run at all (bad engine, no Spark, unwritable output)."""

    code = "E060"


class LagebildWarning(UserWarning):
    code = "W000"


class FallbackModelWarning(LagebildWarning):
    """A language has no trained model installed; rules on a blank pipeline are used."""

    code = "W001"


class DateInTextWarning(LagebildWarning):
    code = "W002"


def warn(category: type[LagebildWarning], message: str) -> None:
    """Issue a coded warning; the CLI decides whether to show it."""
    warnings.warn(f"[{category.code}] {message}", category, stacklevel=3)


class MergeError(LagebildError):
    """Merging events, stories or flags in the store failed; the store is left as it was."""

    code = "E170"
