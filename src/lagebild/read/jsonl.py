"""JSONL by the JSON Lines protocol: records are split on ``\\n`` only (a U+2028 or U+0085
inside a JSON string is part of the record), plain and gzip'd files alike, line by line.

Every line is checked before it becomes an article: its length, its decoding (invalid
bytes replaced and recorded), JSON within limits (nesting depth, number length, no
duplicate keys, no NaN), and the type and value of every known field. A bad line is
reported with its file, line number and field, and the other lines go on. A gzip stream
damaged half-way keeps every line before the damage and reports the rest (E103).
"""
from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from ..errors import CorruptInputError, InputError, InvalidJSONError, ReplacedCharactersWarning
from ..settings import Settings
from .article import RawArticle, ReadFailure
from .decode import decode_bytes, replaced_note
from .fields import record_to_article
from .limits import JSON_MAX_CONTAINERS, JSON_MAX_DEPTH, JSON_MAX_NUMBER_CHARS, max_line_bytes

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class _Limit(ValueError):
    pass


def _number(kind: type) -> Callable[[str], object]:
    def parse(s: str) -> object:
        if len(s) > JSON_MAX_NUMBER_CHARS:
            raise _Limit(f"a number of {len(s):,} characters (the limit is {JSON_MAX_NUMBER_CHARS})")
        value = kind(s)
        if kind is float and value in (float("inf"), float("-inf")):
            raise _Limit(f"the number {s} is out of range")
        return value
    return parse


def _constant(name: str) -> object:
    raise _Limit(f"{name} is not a JSON number")


def _pairs(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _Limit(f'the key "{key[:40]}" appears twice in one object')
        out[key] = value
    return out


def _depth(line: str) -> int:
    """Deepest nesting of arrays and objects, strings left out."""
    return _max_depth(_NOT_BRACKET.sub("", _STRING.sub("", line)))


def _max_depth(brackets: str) -> int:
    if brackets.count("[") + brackets.count("{") > JSON_MAX_CONTAINERS:
        raise _Limit(f"more than {JSON_MAX_CONTAINERS:,} arrays and objects")
    depth = deepest = 0
    for c in brackets:
        if c in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        else:
            depth -= 1
    return deepest


def parse_json_line(line: str, *, where: str) -> object:
    """One JSON value within the limits; raises InvalidJSONError naming ``where``."""
    try:
        deepest = _depth(line)
        if deepest > JSON_MAX_DEPTH:
            raise _Limit(f"nested {deepest:,} levels deep (the limit is {JSON_MAX_DEPTH})")
        return json.loads(line, parse_int=_number(int), parse_float=_number(float), parse_constant=_constant,
                          object_pairs_hook=_pairs)
    except _Limit as err:
        raise InvalidJSONError(f"JSON over the limits: {err}", path=where) from None
    except json.JSONDecodeError as err:
        raise InvalidJSONError(f"not JSON ({err.msg} at column {err.colno})", path=where) from None
    except (RecursionError, ValueError) as err:  # belt and braces: the checks above come first
        raise InvalidJSONError(f"JSON over the limits: {err}", path=where) from None


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(number, raw line)`` split on ``\\n`` only; a line over ``limit`` bytes is skipped
    to its end without being held in memory and given as None."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, raw


def iter_jsonl(handle: BinaryIO, source: str, settings: Settings, *,
               select: Callable[[int], bool] | None = None) -> Iterator[tuple[RawArticle | ReadFailure, int | None]]:
    """``(article or failure, line number)`` for every non-blank line of an open binary stream."""
    number = 0
    limit = max_line_bytes(settings.max_chars)
    try:
        with handle:
            for number, raw in _lines(handle, limit):
                if select is not None and not select(number):
                    continue
                where = f"{source}:{number}"
                if raw is None:
                    yield ReadFailure(source, InvalidJSONError(
                        f"line longer than {limit:,} bytes, skipped", path=where), offset=number), number
                    continue
                if not raw.strip():
                    continue
                try:
                    yield _line_article(raw, number, source, where, settings), number
                except InputError as err:
                    yield ReadFailure(source, err, offset=number), number
    except (CorruptInputError, OSError, EOFError, zlib.error) as err:  # a broken or cut gzip stream
        why = str(err).split(f"{source}: ", 1)[-1]
        failure = CorruptInputError(f"unreadable after line {number}: {why}; the lines before it are kept, "
                                    "the rest of the file is not read", path=source)
        yield ReadFailure(source, failure, offset=number or None), number or None


def _line_article(raw: bytes, number: int, source: str, where: str, settings: Settings) -> RawArticle:
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text, replaced, first = decode_bytes(raw, path=where)
    record = parse_json_line(text, where=where)
    article = record_to_article(record, where=where, settings=settings, source=source)
    if replaced:
        article.warn(ReplacedCharactersWarning, replaced_note(replaced, first), where=where)
    return article
