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


class DataSchemaError(DataFileError):
    """A language data file does not fit its schema: an unknown or missing key, or a wrong type.

    ``key`` is the dotted path of the offending key (``prep_before.0.tokens``), or None.
    """

    code = "E031"

    def __init__(self, message: str, *, path: str | None = None, key: str | None = None) -> None:
        self.key = key
        super().__init__(message, path=path)


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


# -- ingest integrity (E100-E129, W100-W129) ------------------------------------------
class InvalidJSONError(InputError):
    """A JSONL line that is not one JSON object within the limits (depth, number size)."""

    code = "E100"


class InvalidFieldError(InputError):
    """A record field of the wrong type or value; ``field`` names it."""

    code = "E101"

    def __init__(self, message: str, *, path: str | None = None, field: str | None = None) -> None:
        self.field = field
        super().__init__(f'field "{field}": {message}' if field else message, path=path)


class DuplicateIdError(InputError):
    """A second record with an id already read in this batch, with different content."""

    code = "E102"


class CorruptInputError(InputError):
    """A compressed or archive file damaged part-way; what came before the damage is kept."""

    code = "E103"


class NotWarcError(InputError):
    """A file named .warc that is not a WARC file."""

    code = "E104"


class HTMLLimitError(InputError):
    """An HTML page too large, too deeply nested or with too many elements to parse safely."""

    code = "E105"


class FetchBlockedError(InputError):
    """A feed or page URL not allowed: not http(s), or a loopback, private or link-local address."""

    code = "E106"


class FetchLimitError(InputError):
    """A response over the size or time cap."""

    code = "E107"


class NotRegularFileError(InputError):
    """A path that is not a regular file (a device, a pipe, a socket)."""

    code = "E108"


class NoArticlesWarning(LagebildWarning):
    """An input (file or folder) that yielded no article and no error."""

    code = "W100"


class ReplacedCharactersWarning(LagebildWarning):
    """Invalid bytes or lone surrogates in a text were replaced by U+FFFD."""

    code = "W101"


class GuessedDateWarning(LagebildWarning):
    """The publication date was guessed (page text, crawl time), not read from metadata."""

    code = "W102"


class DuplicateRecordWarning(LagebildWarning):
    """The same record (same id, same content) read twice in one batch; the second is skipped."""

    code = "W103"


class SymlinkSkippedWarning(LagebildWarning):
    """A symbolic link in a scanned folder that points outside it; not followed."""

    code = "W104"


class DateDiscardedWarning(LagebildWarning):
    """A date found in a page but not used (impossible, or only a year)."""

    code = "W105"


class DocumentTimeoutError(LagebildError):
    """A batch job's watchdog stopped an article whose analysis ran over its time budget
    (``Settings.doc_timeout_s``); the article becomes a failure row and the job goes on."""

    code = "E130"


class RequestParameterError(LagebildError):
    """``lagebild serve``: a request's parameters are not valid (HTTP 422)."""

    code = "E131"


class NotFoundError(LagebildError):
    """``lagebild serve``: no such page, article, event or entity (HTTP 404), or a method not allowed."""

    code = "E132"


class ServerError(LagebildError):
    """``lagebild serve``: an unexpected failure while answering; the answer names the code, never a trace."""

    code = "E133"


class MergeError(LagebildError):
    """Merging events, stories or flags in the store failed; the store is left as it was."""

    code = "E170"
