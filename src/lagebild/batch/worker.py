"""What one worker does with a task: read its shards, analyse, produce table rows.

The pipeline is a lazily built module-level singleton (:func:`worker_pipeline`): a worker
process — a process-pool worker, or a PySpark Python worker, which Spark reuses across
tasks (``spark.python.worker.reuse``, on by default) — builds one :class:`Pipeline` the
first time it needs one and keeps it for every later record and task. Models are never
loaded per record. This is the one place in lagebild with process-global state, and it
is deliberate: a worker process exists only to run this pipeline.
"""
from __future__ import annotations

import datetime as dt
import os
import resource
import time
from collections.abc import Iterable, Iterator

from ..errors import DocumentTimeoutError, LagebildError
from ..pipeline import Pipeline
from ..read import RawArticle, ReadFailure
from ..records import Article
from ..settings import Settings
from .inputs import Shard, read_shard
from .tables import batch_rows, error_row
from .watchdog import Expired, deadline

_PIPELINE: Pipeline | None = None
_PIPELINE_KEY: str | None = None
_LOADS = 0

STATS = "_stats"
"""Pseudo-table name of the one statistics row each task ends with."""


def worker_pipeline(settings: Settings) -> Pipeline:
    """This process's pipeline, built on first use (again only if the settings differ)."""
    global _PIPELINE, _PIPELINE_KEY, _LOADS
    key = settings.model_dump_json()
    if _PIPELINE is None or key != _PIPELINE_KEY:
        _PIPELINE, _PIPELINE_KEY = Pipeline(settings), key
        _LOADS += 1
    return _PIPELINE


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analysed(pipeline: Pipeline, items: Iterable[tuple[RawArticle | ReadFailure, int | None]]
             ) -> Iterator[tuple[RawArticle | ReadFailure, int | None, Article | ReadFailure]]:
    """(input, offset, result) triples. ``analyze_many`` yields one result per input, in order;
    should a whole chunk fail (a model that cannot load), every article in it becomes a
    failure and the next chunk is tried.

    Watchdog: a chunk gets one document's budget (``Settings.doc_timeout_s``); a chunk over
    it is redone one article at a time, each with the full budget, and an article over its
    budget becomes a :class:`~lagebild.errors.DocumentTimeoutError` (E130) failure."""
    budget = pipeline.settings.doc_timeout_s
    for chunk in _chunks(items, pipeline.settings.batch_size):
        try:
            with deadline(budget):
                results = _analyse_chunk(pipeline, chunk)
        except Expired:
            results = [_analyse_one(pipeline, item, budget) for item, _ in chunk]
        for (item, offset), result in zip(chunk, results):
            yield item, offset, result


def _analyse_chunk(pipeline: Pipeline, chunk: list) -> list[Article | ReadFailure]:
    try:
        results = list(pipeline.analyze_many([i for i, _ in chunk]))
        if len(results) != len(chunk):
            raise LagebildError(f"pipeline returned {len(results)} results for {len(chunk)} inputs")
        return results
    except Exception as err:  # noqa: BLE001 - reported per record in the errors table
        wrapped = err if isinstance(err, LagebildError) else LagebildError(f"analysis failed: {err!r}")
        return [i if isinstance(i, ReadFailure) else ReadFailure(i.path or str(i.id), wrapped) for i, _ in chunk]


def _analyse_one(pipeline: Pipeline, item: RawArticle | ReadFailure, budget: float) -> Article | ReadFailure:
    if isinstance(item, ReadFailure):
        return item
    try:
        with deadline(budget):
            return _analyse_chunk(pipeline, [(item, None)])[0]
    except Expired:
        where = item.path or str(item.id)
        return ReadFailure(where, DocumentTimeoutError(
            f"analysis stopped after {budget:g} s (Settings.doc_timeout_s); article {item.id!r}, "
            f"{len(item.text):,} characters", path=where))


def task_rows(shards: Iterable[Shard], settings: Settings, run_id: str) -> Iterator[tuple[str, tuple]]:
    """``(table, row)`` for every row the task's shards produce; then one ``(STATS, row)``:
    (pid, articles, errors, seconds, peak RSS MiB, pipelines built in this process, CPU
    seconds of the task, warnings). A read warning (W100-W105) is a row of the errors
    table with its code, counted as a warning: it does not fail the run, as in ``ingest``."""
    start, cpu = time.perf_counter(), _cpu()
    n_articles = n_errors = n_warnings = 0
    pipeline = worker_pipeline(settings)
    for shard in shards:
        for item, offset, result in analysed(pipeline, read_shard(shard, settings)):
            now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
            if isinstance(result, Article):
                n_articles += 1
                for table, rows in batch_rows(result, now).items():
                    for row in rows:
                        yield table, row
                continue
            if isinstance(item, ReadFailure) and item.is_warning:
                n_warnings += 1
            else:
                n_errors += 1
            if isinstance(item, ReadFailure):
                yield "errors", error_row(item, run_id=run_id, stage="read", now=now, input_source=shard.path)
            else:
                failure = ReadFailure(item.path or shard.path, result.error, offset=offset,
                                      extra={"url": item.url} if item.url else {})
                yield "errors", error_row(failure, run_id=run_id, stage="analyse", now=now,
                                          input_source=shard.path, article_id=item.id)
    yield STATS, (os.getpid(), n_articles, n_errors, time.perf_counter() - start, peak_rss_mb(), _LOADS,
                  _cpu() - cpu, n_warnings)
