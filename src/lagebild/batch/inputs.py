"""Split the inputs into tasks, and read one share of one file.

A :class:`Shard` is a file, or the ``index``-th of ``count`` interleaved shares of a record
file (JSONL, gzip'd JSONL, WARC): record ``i`` belongs to share ``i % count``. Every
share reads (decompresses) the whole file but parses only its own records, so one large
file spreads over several workers without a byte-range index; parsing and analysis, not
reading, are what cost. Shards are grouped into tasks of roughly equal input size.

Inputs are local paths, or URIs that ``pyarrow.fs`` opens (``s3://bucket/prefix/``,
``gs://…``, ``hdfs://namenode/path``, ``file:///…``): listed on the driver, opened by
the task that reads them.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..read import RawArticle, ReadFailure, read_source
from ..read.files import file_kind, iter_paths
from ..settings import Settings

RECORD_KINDS = ("jsonl", "jsonl.gz", "warc")
SHARD_BYTES = 64 * 1024 * 1024
"""A record file is split into at least one share per this many bytes."""


@dataclass(frozen=True, slots=True)
class Shard:
    path: str
    index: int = 0
    count: int = 1
    size: int = 0

    def select(self, i: int) -> bool:
        return i % self.count == self.index


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def is_uri(path: str | Path) -> bool:
    return "://" in str(path)


def _remote_files(uri: str) -> list[tuple[str, int]]:
    """(URI, size) of the supported files at or under ``uri``."""
    import pyarrow.fs as pafs

    fs, root = pafs.FileSystem.from_uri(uri)
    root = root.rstrip("/")
    prefix = uri.rstrip("/")[: len(uri.rstrip("/")) - len(root)]
    info = fs.get_file_info(root)
    if info.type == pafs.FileType.Directory:
        infos = sorted(fs.get_file_info(pafs.FileSelector(root, recursive=True)), key=lambda i: i.path)
        return [(prefix + i.path, i.size or 0) for i in infos
                if i.type == pafs.FileType.File and file_kind(Path(i.base_name)) is not None]
    return [(uri, info.size or 0)]  # a file, or missing: reading it reports which


def _files(inputs: Iterable[str | Path], settings: Settings | None = None) -> Iterator[tuple[str, str | None, int]]:
    for item in inputs:
        if is_uri(item):
            for uri, size in _remote_files(str(item)):
                yield uri, file_kind(uri), size
        else:
            for p in iter_paths([item], settings):
                if isinstance(p, Path):  # links not followed and empty folders are the CLI's to report
                    yield str(p), file_kind(p), _size(p)


def plan(inputs: Iterable[str | Path], parallelism: int, *, tasks_per_worker: int = 2,
         shard_bytes: int = SHARD_BYTES, settings: Settings | None = None) -> list[list[Shard]]:
    """Files under ``inputs`` → tasks (lists of shards), about ``tasks_per_worker`` per worker.

    Record files are split so that there are enough shares to keep every worker busy:
    a file gets shares in proportion to its size, at least one per ``shard_bytes``.
    """
    files = list(_files(inputs, settings))
    target = max(1, parallelism * tasks_per_worker)
    record_bytes = sum(s for _, k, s in files if k in RECORD_KINDS) or 1
    shards: list[Shard] = []
    for path, kind, size in files:
        if kind in RECORD_KINDS and size > 0:
            count = max(math.ceil(size / shard_bytes), round(target * size / record_bytes), 1)
            count = min(count, max(1, size // 1024))  # never a share per tiny record
            shards += [Shard(str(path), i, count, math.ceil(size / count)) for i in range(count)]
        else:
            shards.append(Shard(str(path), 0, 1, size))
    n_tasks = min(len(shards), target) or 1
    tasks: list[list[Shard]] = [[] for _ in range(n_tasks)]
    load = [0] * n_tasks
    for shard in sorted(shards, key=lambda s: -s.size):  # largest first onto the lightest task
        i = load.index(min(load))
        tasks[i].append(shard)
        load[i] += max(shard.size, 1)
    return [t for t in tasks if t]


def read_shard(shard: Shard, settings: Settings) -> Iterator[tuple[RawArticle | ReadFailure, int | None]]:
    """``(item, offset)`` for the articles and read failures of one shard, in file order.

    ``offset`` locates the record for the errors table: the line number in JSONL, the
    record's byte offset in a WARC file, None for a one-article file. Local files and
    ``pyarrow.fs`` URIs alike are read by :func:`lagebild.read.read_source`.
    """
    select = shard.select if shard.count > 1 else None
    if not is_uri(shard.path):
        yield from read_source(shard.path, settings, select=select)
        return
    import pyarrow.fs as pafs

    uri = shard.path
    try:
        fs, path = pafs.FileSystem.from_uri(uri)
        size = fs.get_file_info(path).size
        stream = fs.open_input_stream(path, compression=None)
    except (OSError, ValueError) as err:
        yield ReadFailure(uri, InputError(f"cannot open: {err}", path=uri)), None
        return
    with stream:
        yield from read_source(uri, settings, select=select, stream=stream, size=size)
