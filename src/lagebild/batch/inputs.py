"""Split the inputs into tasks, and read one share of one file.

A :class:`Shard` is a file, or the ``index``-th of ``count`` interleaved shares of a record
file (JSONL, gzip'd JSONL, WARC): record ``i`` belongs to share ``i % count``. Every
share reads (decompresses) the whole file but parses only its own records, so one large
file spreads over several workers without a byte-range index; parsing and analysis, not
reading, are what cost. Shards are grouped into tasks of roughly equal input size.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..read import RawArticle, ReadFailure
from ..read.files import file_kind, iter_paths, read_file, read_jsonl_stream
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


def plan(inputs: Iterable[str | Path], parallelism: int, *, tasks_per_worker: int = 2,
         shard_bytes: int = SHARD_BYTES) -> list[list[Shard]]:
    """Files under ``inputs`` → tasks (lists of shards), about ``tasks_per_worker`` per worker.

    Record files are split so that there are enough shares to keep every worker busy:
    a file gets shares in proportion to its size, at least one per ``shard_bytes``.
    """
    files = [(p, file_kind(p), _size(p)) for p in iter_paths(inputs)]
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
    record's byte offset in a WARC file, None for a one-article file.
    """
    path = Path(shard.path)
    if not path.exists():
        yield ReadFailure(shard.path, InputError("no such file or folder", path=shard.path)), None
        return
    kind = file_kind(path)
    if kind == "warc":
        from ..read.warc import iter_warc
        for offset, item in iter_warc(path, settings, select=shard.select if shard.count > 1 else None):
            yield item, offset
    elif kind in ("jsonl", "jsonl.gz"):
        line = [0]

        def select(number: int) -> bool:  # called for each line just before it is parsed
            line[0] = number
            return shard.select(number)

        for item in read_jsonl_stream(path, settings, select=select):
            yield item, (item.offset if isinstance(item, ReadFailure) else line[0])
    else:
        for item in read_file(path, settings):
            yield item, None
