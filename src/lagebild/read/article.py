"""What a reader yields: an article before analysis, or a failure naming its source."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from ..errors import (
    BadDateError,
    BinaryInputError,
    EmptyInputError,
    LagebildWarning,
    ReplacedCharactersWarning,
    TooLargeInputError,
)

_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:([T ])(.+?))?\s*$")
_TIME = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_VISIBLE = re.compile(r"[^\W_]")  # a letter or a digit, in any script


@dataclass(slots=True)
class RawArticle:
    """An article as read, not yet analysed.

    ``id`` follows the identity rule (:func:`lagebild.read.identity.resolve_id`): the
    caller's id, else the URL it was given or fetched from, else a hash of the text.
    ``warnings`` are coded notes on how it was read ("[W101] ..."); ``published_source``
    says where ``published`` came from: caller, metadata, feed, guessed or crawl.
    """

    text: str
    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None
    path: str | None = None
    outlet: str | None = None
    warnings: list[str] = field(default_factory=list)
    published_source: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            return  # the pipeline refuses it with a coded InputError naming the article
        if _SURROGATE.search(self.text):
            self.text, n = scrub_surrogates(self.text)
            self.warn(ReplacedCharactersWarning, f"{n} lone surrogate(s) replaced by U+FFFD")
        if self.id is None:
            from .identity import resolve_id

            self.id = resolve_id(None, self.url, self.text)

    def warn(self, category: type[LagebildWarning], message: str, *, where: str | None = None) -> None:
        where = where or self.path
        self.warnings.append(f"[{category.code}] {where + ': ' if where else ''}{message}")

    def drop_warnings(self, category: type[LagebildWarning]) -> None:
        self.warnings = [w for w in self.warnings if not w.startswith(f"[{category.code}]")]


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

    @property
    def is_warning(self) -> bool:
        return False


class ReadWarning(ReadFailure):
    """Not a failure: a coded notice about an input (it yielded nothing, a link was not
    followed, a record was a repeat). It travels with failures, so that every stage
    passes it on, but it does not fail the run. ``error`` holds the coded message."""

    @property
    def is_warning(self) -> bool:
        return True


def notice(category: type[LagebildWarning], message: str, *, source: str, offset: int | None = None,
           where: str | None = None) -> ReadWarning:
    """A :class:`ReadWarning` of ``category`` naming ``where`` (default: ``source``)."""
    text = f"[{category.code}] {where or source}: {message}"
    return ReadWarning(source, category(text), offset=offset, extra={"code": category.code})


def article_id(text: str) -> str:
    """Stable id derived from the text: the same article always gets the same id."""
    norm = " ".join(text.split())
    return hashlib.sha1(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def scrub_surrogates(text: str) -> tuple[str, int]:
    """Lone surrogates (from JSON ``\\ud800`` escapes) → U+FFFD, one for one, so offsets hold."""
    n = 0

    def repl(_m: re.Match) -> str:
        nonlocal n
        n += 1
        return "\ufffd"

    return _SURROGATE.sub(repl, text), n


def parse_published(value: object, *, path: str | None = None) -> dt.date | None:
    """``YYYY-MM-DD``, optionally with a valid time and offset (``T10:00:00Z``), or a date
    → date; None/"" → None. Impossible dates and times (2025-13-45, T99:99:99) are errors."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) <= 64:
        m = _DATE.match(value)
        if m:
            try:
                date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError as err:
                raise BadDateError(f"invalid publication date {value!r}: {err}", path=path) from err
            if m.group(5) is not None:
                _check_time(m.group(5), value, path)
            return date
    shown = value if not isinstance(value, str) or len(value) <= 64 else value[:60] + "…"
    raise BadDateError(f"publication date {shown!r} is not YYYY-MM-DD (optionally with a time)", path=path)


def _check_time(part: str, value: str, path: str | None) -> None:
    m = _TIME.match(part)
    problem = None
    if not m:
        problem = "the time is not HH:MM[:SS][Z|±HH:MM]"
    else:
        hh, mm, ss, tz = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0), m.group(4)
        if hh > 23 or mm > 59 or ss > 59:
            problem = f"no such time of day {hh:02d}:{mm:02d}:{ss:02d}"
        elif tz and tz != "Z":
            oh, om = int(tz[1:3]), int(tz[-2:]) if len(tz) > 3 else 0
            if oh > 23 or om > 59:
                problem = f"no such UTC offset {tz}"
    if problem:
        raise BadDateError(f"invalid publication date {value!r}: {problem}", path=path)


def check_text(text: str, *, path: str | None, max_chars: int) -> str:
    """Reject what is not an article: empty, binary, too large, or with nothing visible
    (only whitespace, zero-width or control characters, no letter or digit)."""
    if "\x00" in text[:4096]:
        raise BinaryInputError("looks like binary data (NUL bytes), not text", path=path)
    if not text.strip():
        raise EmptyInputError("no article text", path=path)
    if len(text) > max_chars:
        raise TooLargeInputError(f"{len(text):,} characters, more than the limit of {max_chars:,}", path=path)
    if not _VISIBLE.search(text):
        raise EmptyInputError("no visible text (no letter or digit; only spaces, zero-width, control or "
                              "punctuation characters)", path=path)
    return text


__all__ = ["RawArticle", "ReadFailure", "ReadWarning", "article_id", "check_text", "notice",
           "parse_published", "scrub_surrogates"]
