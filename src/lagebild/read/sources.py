"""The one way to read: which files the inputs name, and one function that reads any of them.

Every caller lists its inputs with :func:`iter_inputs` and reads each file with
:func:`read_input`: :func:`iter_articles` (so the CLI's ``extract`` and ``ingest`` and the
Python API) and the batch job (:mod:`lagebild.batch.inputs`, which only adds the split
of a record file into shares). A bad input therefore gives the same coded error or
warning (E001-E108, W100-W105) whichever way it is read.

Inputs are local files and folders, or URIs that ``pyarrow.fs`` opens (``s3://bucket/prefix/``,
``gs://…``, ``hdfs://namenode/path``, ``file:///…``). A local folder is scanned by
:func:`lagebild.read.files.iter_paths` (links out of it are not followed: W104); a
remote one is listed with ``pyarrow.fs``; a folder without a supported file says so (W100).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, NoArticlesWarning, NotRegularFileError
from ..settings import Settings
from .article import ReadFailure, ReadWarning, notice
from .files import NO_FILES, Item, file_kind, iter_paths, read_source, unsupported
from .identity import dedupe


@dataclass(frozen=True, slots=True)
class Input:
    """One file to read: a local path or a URI, its kind (:func:`file_kind`; None when not
    supported) and its size in bytes (0 when unknown)."""

    path: str
    kind: str | None
    size: int = 0


def is_uri(path: str | Path) -> bool:
    return "://" in str(path)


def iter_inputs(inputs: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Input | ReadWarning]:
    """The files at or under ``inputs``, in order (folders sorted), and a warning for every
    link not followed and every folder without a supported file. A name that does not
    exist is passed on as it is: reading it reports it."""
    for item in inputs:
        if is_uri(item):
            yield from _remote_inputs(str(item))
            continue
        for path in iter_paths([item], settings):
            if isinstance(path, ReadWarning):
                yield path
            else:
                yield Input(str(path), file_kind(path), _size(path))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _remote_inputs(uri: str) -> Iterator[Input | ReadWarning]:
    import pyarrow.fs as pafs

    try:
        fs, root = pafs.FileSystem.from_uri(uri)
        info = fs.get_file_info(root.rstrip("/") or "/")
    except (OSError, ValueError):
        yield Input(uri, file_kind(uri))  # reading it reports why
        return
    if info.type != pafs.FileType.Directory:
        yield Input(uri, file_kind(uri), info.size or 0)  # a file, or missing
        return
    root = root.rstrip("/")
    prefix = uri.rstrip("/")[: len(uri.rstrip("/")) - len(root)]
    infos = sorted(fs.get_file_info(pafs.FileSelector(root, recursive=True)), key=lambda i: i.path)
    found = [Input(prefix + i.path, file_kind(i.base_name), i.size or 0) for i in infos
             if i.type == pafs.FileType.File and file_kind(i.base_name) is not None]
    yield from found
    if not found:
        yield notice(NoArticlesWarning, NO_FILES, source=uri)


def read_input(path: str | Path, settings: Settings | None = None, *,
               select: Callable[[int], bool] | None = None) -> Iterator[tuple[Item, int | None]]:
    """``(item, offset)`` for every article, failure and warning of one file, local or a URI
    (see :func:`lagebild.read.files.read_source`; ``select`` takes a share of a record file).

    A URI that cannot be read fails as a local path would: unsupported kind (E007), no
    such file (E001), not a regular file (E108), or cannot open (E001)."""
    settings = settings or Settings()
    if not is_uri(path):
        yield from read_source(path, settings, select=select)
        return
    uri = str(path)
    if file_kind(uri) is None:
        yield unsupported(uri), None
        return
    import pyarrow.fs as pafs

    try:
        fs, where = pafs.FileSystem.from_uri(uri)
        info = fs.get_file_info(where)
        if info.type == pafs.FileType.NotFound:
            raise InputError("no such file or folder", path=uri)
        if info.type != pafs.FileType.File:
            raise NotRegularFileError("not a regular file", path=uri)
        stream = fs.open_input_stream(where, compression=None)
    except InputError as err:
        yield ReadFailure(uri, err), None
        return
    except (OSError, ValueError) as err:
        yield ReadFailure(uri, InputError(f"cannot open: {err}", path=uri)), None
        return
    with stream:
        yield from read_source(uri, settings, select=select, stream=stream, size=info.size)


def iter_numbered(inputs: Iterable[str | Path], settings: Settings | None = None
                  ) -> Iterator[tuple[Item, int | None]]:
    """:func:`iter_articles` with each item's offset (line number, record byte offset)."""
    settings = settings or Settings()

    def raw() -> Iterator[tuple[Item, int | None]]:
        for item in iter_inputs(inputs, settings):
            if isinstance(item, ReadWarning):
                yield item, None
            else:
                yield from read_input(item.path, settings)

    yield from dedupe(raw())


def iter_articles(inputs: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Item]:
    """Every article under ``inputs``, with failures and warnings, one batch: a second record
    of an id already read is held back (see :func:`lagebild.read.identity.dedupe`)."""
    for item, _ in iter_numbered(inputs, settings):
        yield item


__all__ = ["Input", "is_uri", "iter_articles", "iter_inputs", "iter_numbered", "read_input"]
