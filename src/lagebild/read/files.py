"""Readers for .txt, .html, .jsonl (also gzip'd) and WARC files, and folders of them.

Every reader yields :class:`RawArticle` or :class:`ReadFailure`, never raises for a bad
input: one bad file or line is reported with its name and the rest goes on.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator
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
#: Streamed formats, matched on the end of the name (checked before SUFFIXES).
STREAM_SUFFIXES = {".warc": "warc", ".warc.gz": "warc", ".jsonl.gz": "jsonl.gz"}


def file_kind(path: Path) -> str | None:
    """``txt``, ``html``, ``jsonl``, ``jsonl.gz``, ``warc``, or None when unsupported."""
    name = path.name.lower()
    for suffix, kind in STREAM_SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return SUFFIXES.get(path.suffix.lower())


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
    kind = file_kind(path)
    if kind == "warc":
        from .warc import read_warc
        yield from read_warc(path, settings)
        return
    if kind == "jsonl.gz":
        yield from read_jsonl_stream(path, settings)
        return
    try:
        if kind is None:
            raise UnsupportedFormatError(
                f"unsupported file type {path.suffix!r} (use .txt, .html, .jsonl, .jsonl.gz, .warc or .warc.gz)",
                path=str(path),
            )
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


def read_jsonl_lines(
    lines: Iterable[str], *, source: str, settings: Settings, first: int = 1
) -> Iterator[RawArticle | ReadFailure]:
    """One article per line: ``{"id", "text", "title"?, "published"?, "url"?, "language"?}``."""
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield record_to_article(json.loads(line), where=where, settings=settings, source=source)
        except json.JSONDecodeError as err:
            yield ReadFailure(source, InputError(f"line {number}: not JSON ({err.msg})", path=source), offset=number)
        except InputError as err:
            yield ReadFailure(source, err, offset=number)


def read_jsonl_stream(
    path: str | Path, settings: Settings, *, select: Callable[[int], bool] | None = None
) -> Iterator[RawArticle | ReadFailure]:
    """A .jsonl or .jsonl.gz file read line by line (no size limit on the file, only on
    each article); ``select(line_number)`` skips lines before they are parsed."""
    for item, _ in iter_jsonl_numbered(path, settings, select=select):
        yield item


def iter_jsonl_numbered(
    path: str | Path, settings: Settings, *, select: Callable[[int], bool] | None = None, handle=None
) -> Iterator[tuple[RawArticle | ReadFailure, int | None]]:
    """:func:`read_jsonl_stream` with each item's line number; ``handle`` is an open binary
    stream to read instead of opening ``path`` (which then only names the source)."""
    source = str(path)
    number = 0
    try:
        if handle is None:
            opener = gzip.open if source.lower().endswith(".gz") else open
            handle = opener(Path(path), "rb")
        with handle:
            for number, raw in enumerate(handle, start=1):
                if (select is not None and not select(number)) or not raw.strip():
                    continue
                try:
                    line = decode(raw, path=f"{source}:{number}")
                except InputError as err:
                    yield ReadFailure(source, err, offset=number), number
                    continue
                for item in read_jsonl_lines([line], source=source, settings=settings, first=number):
                    yield item, number
    except (OSError, EOFError) as err:  # missing file, broken gzip stream
        failure = InputError(f"cannot read after line {number}: {err}", path=source)
        yield ReadFailure(source, failure, offset=number or None), number or None


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
            yield from sorted(f for f in p.rglob("*") if f.is_file() and file_kind(f) is not None)
        else:
            yield p


def iter_articles(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[RawArticle | ReadFailure]:
    settings = settings or Settings()
    for path in iter_paths(paths):
        if not path.exists():
            yield ReadFailure(str(path), InputError("no such file or folder", path=str(path)))
            continue
        yield from read_file(path, settings)
