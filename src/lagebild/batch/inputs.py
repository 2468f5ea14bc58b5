"""Split the inputs into tasks, and read one share of one file.

A :class:`Shard` is a file, or the ``index``-th of ``count`` interleaved shares of a record
file (JSONL, gzip'd JSONL, WARC): record ``i`` belongs to share ``i % count``. Every
share reads (decompresses) the whole file but parses only its own records, so one large
file spreads over several workers without a byte-range index; parsing and analysis, not
reading, are what cost. Shards are grouped into tasks of roughly equal input size.

Listing and reading are :mod:`lagebild.read`'s (:func:`~lagebild.read.iter_inputs`,
:func:`~lagebild.read.read_input`), as for ``lagebild ingest``: local paths and URIs that
``pyarrow.fs`` opens (``s3://bucket/prefix/``, ``gs://…``, ``hdfs://namenode/path``,
``file:///…``), listed on the driver, opened by the task that reads them, with the same
coded errors and warnings. A warning of the listing (a link not followed, a folder
without a supported file) travels as a shard of its own, so that a task writes it to the
errors table like every other read notice.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..read import Input, RawArticle, ReadFailure, ReadWarning, iter_inputs, read_input
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
    notice: ReadWarning | None = field(default=None, compare=False)
    """A warning of the listing about ``path``: reported instead of reading anything."""

    def select(self, i: int) -> bool:
        return i % self.count == self.index


def plan(inputs: Iterable[str | Path], parallelism: int, *, tasks_per_worker: int = 2,
         shard_bytes: int = SHARD_BYTES, settings: Settings | None = None) -> list[list[Shard]]:
    """Files under ``inputs`` → tasks (lists of shards), about ``tasks_per_worker`` per worker.

    Record files are split so that there are enough shares to keep every worker busy:
    a file gets shares in proportion to its size, at least one per ``shard_bytes``.
    """
    listed = list(iter_inputs(inputs, settings))
    files = [f for f in listed if isinstance(f, Input)]
    target = max(1, parallelism * tasks_per_worker)
    record_bytes = sum(f.size for f in files if f.kind in RECORD_KINDS) or 1
    shards: list[Shard] = [Shard(w.source, notice=w) for w in listed if isinstance(w, ReadWarning)]
    for f in files:
        if f.kind in RECORD_KINDS and f.size > 0:
            count = max(math.ceil(f.size / shard_bytes), round(target * f.size / record_bytes), 1)
            count = min(count, max(1, f.size // 1024))  # never a share per tiny record
            shards += [Shard(f.path, i, count, math.ceil(f.size / count)) for i in range(count)]
        else:
            shards.append(Shard(f.path, 0, 1, f.size))
    n_tasks = min(len(shards), target) or 1
    tasks: list[list[Shard]] = [[] for _ in range(n_tasks)]
    load = [0] * n_tasks
    for shard in sorted(shards, key=lambda s: -s.size):  # largest first onto the lightest task
        i = load.index(min(load))
        tasks[i].append(shard)
        load[i] += max(shard.size, 1)
    return [t for t in tasks if t]


def read_shard(shard: Shard, settings: Settings) -> Iterator[tuple[RawArticle | ReadFailure, int | None]]:
    """``(item, offset)`` for the articles, read failures and warnings of one shard, in file order.

    ``offset`` locates the record for the errors table: the line number in JSONL, the
    record's byte offset in a WARC file, None for a one-article file. Local files and
    ``pyarrow.fs`` URIs alike are read by :func:`lagebild.read.read_input`.
    """
    if shard.notice is not None:
        yield shard.notice, None
        return
    yield from read_input(shard.path, settings, select=shard.select if shard.count > 1 else None)
