"""Readers for .txt, .html, .jsonl (also gzip'd) and WARC files, and folders of them.

:func:`read_source` reads one file, local or an open stream: every caller (through
:func:`lagebild.read.sources.read_input`, the one entry point of the CLI, the Python API
and the batch job) reads a file through it, so every file kind is chosen, limited and
reported in one place. It yields :class:`RawArticle`,
:class:`ReadFailure` or :class:`ReadWarning`, never raises for a bad input: one bad file
or line is reported with its name and the rest goes on, and an input that yields nothing
at all says so (W100).

Folder scans do not follow symbolic links that lead out of the folder (W104 names each
one) unless ``Settings.follow_symlinks`` is set.
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import (
    InputError,
    NoArticlesWarning,
    NotRegularFileError,
    ReplacedCharactersWarning,
    SymlinkSkippedWarning,
    TooLargeInputError,
    UnsupportedFormatError,
)
from ..settings import Settings
from .article import RawArticle, ReadFailure, ReadWarning, check_text, notice
from .decode import decode_bytes, replaced_note
from .fields import record_to_article
from .gz import GzipLines
from .html import read_html
from .identity import resolve_id
from .jsonl import iter_jsonl
from .text import split_title

SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
#: Streamed formats, matched on the end of the name (checked before SUFFIXES).
STREAM_SUFFIXES = {".warc": "warc", ".warc.gz": "warc", ".jsonl.gz": "jsonl.gz"}
Item = RawArticle | ReadFailure
NO_FILES = "no .txt, .html, .jsonl(.gz) or .warc(.gz) file in this folder"


def file_kind(path: str | Path) -> str | None:
    """``txt``, ``html``, ``jsonl``, ``jsonl.gz``, ``warc``, or None when unsupported."""
    name = Path(str(path).rsplit("/", 1)[-1]).name.lower()
    for suffix, kind in STREAM_SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return SUFFIXES.get(Path(name).suffix)


def unsupported(name: str) -> ReadFailure:
    """The failure of a file whose kind is not supported (E007)."""
    suffix = Path(name).suffix
    return ReadFailure(name, UnsupportedFormatError(
        f"unsupported file type {suffix!r} (use .txt, .html, .jsonl, .jsonl.gz, .warc or .warc.gz)", path=name))


def decode(data: bytes, *, path: str) -> str:
    """Bytes → text (see :mod:`lagebild.read.decode`; replacements are not reported here)."""
    return decode_bytes(data, path=path)[0]


def read_source(source: str | Path, settings: Settings | None = None, *,
                select: Callable[[int], bool] | None = None, stream: BinaryIO | None = None,
                size: int | None = None) -> Iterator[tuple[Item, int | None]]:
    """``(item, offset)`` for every article, failure and warning of one file.

    ``offset``: the line number in JSONL, the record's byte offset in WARC, None for a
    one-article file. ``stream`` (an open binary stream, with its ``size`` when known)
    is read instead of opening ``source``, which then only names it (a remote file).
    ``select(i)`` takes a share of a record file (line ``i`` of JSONL, HTML record ``i``
    of WARC) before it is parsed.
    """
    settings = settings or Settings()
    name = str(source)
    n = 0
    for item, offset in _dispatch(name, settings, select, stream, size):
        n += 1
        yield item, offset
    if n == 0 and select is None:
        kind = file_kind(name)
        what = {"warc": "no HTML response records", "txt": "no text"}.get(kind or "", "no records")
        yield notice(NoArticlesWarning, f"{what}: nothing read from this file", source=name), None


def _dispatch(name: str, settings: Settings, select, stream: BinaryIO | None,
              size: int | None) -> Iterator[tuple[Item, int | None]]:
    kind = file_kind(name)
    if kind is None:
        yield unsupported(name), None
        return
    if stream is None:
        try:
            _check_local(Path(name))
        except InputError as err:
            yield ReadFailure(name, err), None
            return
    if kind == "warc":
        from .warc import iter_warc

        for offset, item in iter_warc(name, settings, select=select, stream=stream, size=size):
            yield item, offset
        return
    if kind in ("jsonl", "jsonl.gz"):
        try:
            if stream is None:
                handle: BinaryIO = open(name, "rb")  # noqa: SIM115 - closed by iter_jsonl
            else:
                handle = io.BufferedReader(stream)  # pyarrow streams have no readline(limit)
            if kind == "jsonl.gz":
                handle = io.BufferedReader(GzipLines(handle, name), 65536)
        except OSError as err:
            yield ReadFailure(name, InputError(f"cannot open: {err}", path=name)), None
            return
        yield from iter_jsonl(handle, name, settings, select=select)
        return
    try:
        yield _one_article(name, kind, _read_bytes(name, settings, stream), settings), None
    except (InputError, OSError) as err:
        yield ReadFailure(name, err if isinstance(err, InputError) else InputError(str(err), path=name)), None


def _check_local(path: Path) -> None:
    if not path.exists():
        raise InputError("no such file or folder", path=str(path))
    if not path.is_file():
        raise NotRegularFileError("not a regular file (a device, pipe or socket?)", path=str(path))


def _read_bytes(name: str, settings: Settings, stream: BinaryIO | None) -> bytes:
    limit = settings.max_file_bytes
    if stream is None:
        with open(name, "rb") as fh:
            data = fh.read(limit + 1)
    else:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLargeInputError(f"more than the limit of {limit:,} bytes", path=name)
    return data


def _one_article(name: str, kind: str, data: bytes, settings: Settings) -> RawArticle:
    if kind == "html":
        from .warc import decode_html

        if data.startswith(b"\xef\xbb\xbf") or b"charset" not in data[:4096].lower():
            text, replaced, first = decode_bytes(data, path=name)
        else:  # the page's declared charset, as a browser would
            text, replaced, first = decode_html(data, None), 0, None
        article = read_html(text, path=name, settings=settings)
    else:
        text, replaced, first = decode_bytes(data, path=name)
        title, body = split_title(text)
        body = check_text(body, path=name, max_chars=settings.max_chars)
        article = RawArticle(text=body, id=resolve_id(None, None, body), title=title, path=name)
    article.path = name
    if replaced:
        article.warn(ReplacedCharactersWarning, replaced_note(replaced, first))
    return article


def read_file(path: str | Path, settings: Settings | None = None) -> Iterator[Item]:
    """Articles in one file (a .jsonl file holds many)."""
    for item, _ in read_source(path, settings):
        yield item


def read_jsonl_stream(path: str | Path, settings: Settings, *,
                      select: Callable[[int], bool] | None = None) -> Iterator[Item]:
    """A .jsonl or .jsonl.gz file read line by line; ``select(line_number)`` skips lines
    before they are parsed."""
    for item, _ in read_source(path, settings, select=select):
        yield item


def iter_paths(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Path | ReadWarning]:
    """Files under the given files and folders (folders recursively, sorted), and a
    warning for every link not followed and every folder without a supported file."""
    follow = bool(settings and settings.follow_symlinks)
    for p in paths:
        p = Path(p)
        if not p.is_dir():
            yield p
            continue
        found = False
        for item in _walk(p, p.resolve(), follow, set()):
            found = found or isinstance(item, Path)
            yield item
        if not found:
            yield notice(NoArticlesWarning, NO_FILES, source=str(p))


def _walk(folder: Path, root: Path, follow: bool, visited: set[Path]) -> Iterator[Path | ReadWarning]:
    real = folder.resolve()
    if real in visited:  # a link back up the tree
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_symlink():
            target = path.resolve()
            inside = target == root or root in target.parents
            if not (inside or follow):
                if target.is_dir() or file_kind(path) is not None:
                    yield notice(SymlinkSkippedWarning, f"a link to {target}, outside {root}; not followed "
                                 "(allow with --follow-symlinks)", source=str(path))
                continue
        if entry.is_dir():  # follows a link that is allowed
            yield from _walk(path, root, follow, visited)
        elif entry.is_file() and file_kind(path) is not None:
            yield path


__all__ = ["NO_FILES", "file_kind", "iter_paths", "read_file", "read_jsonl_stream", "read_source",
           "record_to_article", "unsupported"]
