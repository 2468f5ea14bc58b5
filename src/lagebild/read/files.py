"""Readers for .txt, .html and .jsonl files, and folders of them.

Every reader yields :class:`RawArticle` or :class:`ReadFailure`, never raises for a bad
input: one bad file or line is reported with its name and the rest goes on.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import (
    BinaryInputError,
    EncodingInputError,
    InputError,
    TooLargeInputError,
    UnsupportedFormatError,
)
from ..settings import Settings
from .article import RawArticle, ReadFailure, check_text, parse_published
from .html import read_html
from .text import split_title

SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


def _read_bytes(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise TooLargeInputError(f"{size:,} bytes, more than the limit of {settings.max_file_bytes:,}", path=str(path))
    return path.read_bytes()


def decode(data: bytes, *, path: str) -> str:
    if b"\x00" in data[:4096]:
        raise BinaryInputError("looks like binary data (NUL bytes), not text", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise EncodingInputError(
            f"not valid UTF-8 (byte {err.start}: {data[err.start:err.start + 4]!r}); convert the file to UTF-8",
            path=path,
        ) from err


def read_file(path: str | Path, settings: Settings | None = None) -> Iterator[RawArticle | ReadFailure]:
    """Articles in one file (a .jsonl file holds many)."""
    settings = settings or Settings()
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    try:
        if kind is None:
            raise UnsupportedFormatError(f"unsupported file type {path.suffix!r} (use .txt, .html or .jsonl)", path=str(path))
        data = _read_bytes(path, settings)
        text = decode(data, path=str(path))
    except (InputError, OSError) as err:
        yield ReadFailure(str(path), err)
        return
    if kind == "jsonl":
        yield from read_jsonl_lines(text.splitlines(), source=str(path), settings=settings)
        return
    try:
        if kind == "html":
            article = read_html(text, path=str(path), settings=settings)
        else:
            title, body = split_title(text)
            article = RawArticle(text=check_text(body, path=str(path), max_chars=settings.max_chars), title=title)
        article.path = str(path)
        yield article
    except InputError as err:
        yield ReadFailure(str(path), err)


def read_jsonl_lines(lines: Iterable[str], *, source: str, settings: Settings) -> Iterator[RawArticle | ReadFailure]:
    """One article per line: ``{"id", "text", "title"?, "published"?, "url"?, "language"?}``."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield record_to_article(json.loads(line), where=where, settings=settings, source=source)
        except json.JSONDecodeError as err:
            yield ReadFailure(source, InputError(f"line {number}: not JSON ({err.msg})", path=source), offset=number)
        except InputError as err:
            yield ReadFailure(source, err, offset=number)


def record_to_article(record: object, *, where: str, settings: Settings, source: str | None = None) -> RawArticle:
    if not isinstance(record, dict):
        raise InputError("record is not a JSON object", path=where)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('record has no "text" string', path=where)
    check_text(text, path=where, max_chars=settings.max_chars)
    rid = record.get("id")
    return RawArticle(
        text=text,
        id=str(rid) if rid not in (None, "") else None,
        title=record.get("title"),
        published=parse_published(record.get("published"), path=where),
        url=record.get("url"),
        language=record.get("language"),
        path=source,
        outlet=record.get("outlet"),
    )


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given files and folders (folders recursively, sorted)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            yield p


def iter_articles(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[RawArticle | ReadFailure]:
    settings = settings or Settings()
    for path in iter_paths(paths):
        if not path.exists():
            yield ReadFailure(str(path), InputError("no such file or folder", path=str(path)))
            continue
        yield from read_file(path, settings)
