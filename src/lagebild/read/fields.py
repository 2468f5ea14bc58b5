"""A JSON record → :class:`RawArticle`, every known field checked for type and value.

Fields: ``text`` (required), ``id``, ``title``, ``published``, ``url``, ``language``,
``outlet``; others are ignored. A wrong one is an E101 error naming the field (and, through
``where``, the file and line): ``"language": 5`` is "field "language": expected a string,
got a number (5)", never a crash further down.
"""
from __future__ import annotations

import re

from ..errors import BadDateError, InvalidFieldError, InvalidJSONError, ReplacedCharactersWarning
from ..settings import Settings
from .article import RawArticle, check_text, parse_published, scrub_surrogates
from .identity import resolve_id
from .limits import MAX_ID_CHARS, MAX_LANGUAGE_CHARS, MAX_OUTLET_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_CONTROL_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, (list, dict)) else ""
    return f" ({text[:40]}{'…' if len(text) > 40 else ''})" if text else ""


def _string(record: dict, name: str, where: str, max_chars: int, *, single_line: bool = True) -> str | None:
    """An optional string field: null or "" → None; checked for type, length and control characters."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidFieldError(f"expected a string, got {_kind(value)}{_shown(value)}", path=where, field=name)
    value = value.strip()
    if not value:
        return None
    if len(value) > max_chars:
        raise InvalidFieldError(f"{len(value):,} characters, more than the limit of {max_chars:,}",
                                path=where, field=name)
    bad = (_CONTROL if single_line else _CONTROL_MULTILINE).search(value)
    if bad:
        raise InvalidFieldError(f"holds a control character or lone surrogate (U+{ord(bad.group()):04X})",
                                path=where, field=name)
    return value


def _id(record: dict, where: str) -> str | None:
    value = record.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
        record = {"id": value}
    return _string(record, "id", where, MAX_ID_CHARS)


def _language(record: dict, where: str) -> str | None:
    value = _string(record, "language", where, MAX_LANGUAGE_CHARS)
    if value is None or value.lower() == "auto":
        return None
    if not _LANGUAGE.match(value):
        raise InvalidFieldError(f"{value!r} is not a language code (de, en, en-GB)", path=where, field="language")
    return value


def record_to_article(record: object, *, where: str, settings: Settings, source: str | None = None) -> RawArticle:
    """Raise InvalidJSONError (not an object), InvalidFieldError, BadDateError or a text error."""
    if not isinstance(record, dict):
        raise InvalidJSONError(f"a record must be a JSON object, not {_kind(record)}", path=where)
    text = record.get("text")
    if text is None:
        raise InvalidFieldError('missing: every record needs a "text" string', path=where, field="text")
    if not isinstance(text, str):
        raise InvalidFieldError(f"expected a string, got {_kind(text)}{_shown(text)}", path=where, field="text")
    text, surrogates = scrub_surrogates(text)
    check_text(text, path=where, max_chars=settings.max_chars)
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise InvalidFieldError(f"expected a date string YYYY-MM-DD, got {_kind(published)}{_shown(published)}",
                                path=where, field="published")
    try:
        date = parse_published(published, path=where)
    except BadDateError as err:
        raise BadDateError(f'field "published": {str(err).split(f"{where}: ", 1)[-1]}', path=where) from None
    caller_id = _id(record, where)
    url = _string(record, "url", where, MAX_URL_CHARS)
    article = RawArticle(
        text=text,
        id=resolve_id(caller_id, url, text),
        title=_string(record, "title", where, MAX_TITLE_CHARS, single_line=False),
        published=date,
        url=url,
        language=_language(record, where),
        path=source,
        outlet=_string(record, "outlet", where, MAX_OUTLET_CHARS),
        published_source="caller" if date else None,
    )
    if surrogates:
        article.warn(ReplacedCharactersWarning, f"{surrogates} lone surrogate(s) in the text replaced by U+FFFD",
                     where=where)
    return article
