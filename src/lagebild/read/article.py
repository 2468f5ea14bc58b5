"""What a reader yields: an article before analysis, or a failure naming its source."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from ..errors import BadDateError, BinaryInputError, EmptyInputError, TooLargeInputError

_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


@dataclass(slots=True)
class RawArticle:
    """An article as read, not yet analysed."""

    text: str
    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None
    path: str | None = None
    outlet: str | None = None

    def __post_init__(self) -> None:
        if self.id is None:
            self.id = article_id(self.text)


@dataclass(slots=True)
class ReadFailure:
    """A file or record that could not be read; the batch goes on without it."""

    source: str
    error: Exception
    offset: int | None = None
    """Line number (JSONL) or record offset (WARC) inside ``source``, if any."""
    extra: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return str(self.error)


def article_id(text: str) -> str:
    """Stable id derived from the text: the same article always gets the same id."""
    norm = " ".join(text.split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def parse_published(value: object, *, path: str | None = None) -> dt.date | None:
    """``YYYY-MM-DD`` (optionally with a time) or a date → date; None/"" → None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _DATE.match(value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError as err:
                raise BadDateError(f"invalid publication date {value!r}: {err}", path=path) from err
    raise BadDateError(f"publication date {value!r} is not YYYY-MM-DD", path=path)


def check_text(text: str, *, path: str | None, max_chars: int) -> str:
    """Reject what is not an article: empty, binary, or too large."""
    if "\x00" in text[:4096]:
        raise BinaryInputError("looks like binary data (NUL bytes), not text", path=path)
    if not text.strip():
        raise EmptyInputError("no article text", path=path)
    if len(text) > max_chars:
        raise TooLargeInputError(f"{len(text):,} characters, more than the limit of {max_chars:,}", path=path)
    return text
