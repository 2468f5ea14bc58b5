"""``run_batch``: inputs → analysed Parquet tables, on a process pool or on Spark."""
from __future__ import annotations

import datetime as dt
import os
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BatchError, InputError
from ..read import ReadFailure
from ..settings import Settings
from .inputs import plan
from .output import STAGING, LocalFS, PartWriter, commit, write_manifest
from .tables import error_row, input_key

ENGINES = ("local", "spark")
BATCH_SIZE = 8
"""Articles per ``nlp.pipe`` batch in batch jobs. spaCy holds a whole batch through every
component: peak memory of an English worker on VOA stories was 647 MiB at 8, 758 at 16 and
957 at 32 (the library default), for no measurable change in speed (docs/decisions.md)."""



@dataclass
class WorkerStats:
    pid: int
    articles: int
    errors: int
    seconds: float
    peak_rss_mb: float
    pipelines_built: int
    cpu_seconds: float = 0.0
    warnings: int = 0


@dataclass
class BatchResult:
    output: str
    run_id: str
    engine: str
    articles: int = 0
    errors: int = 0
    seconds: float = 0.0
    tasks: int = 0
    warnings: int = 0
    """Read warnings (W100-W105) in the errors table; they do not fail the run."""
    partitions: dict[str, int] = field(default_factory=dict)
    workers: list[WorkerStats] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def peak_rss_by_process(self) -> dict[int, float]:
        out: dict[int, float] = {}
        for w in self.workers:
            out[w.pid] = max(out.get(w.pid, 0.0), w.peak_rss_mb)
        return out


def _is_local(output: str) -> bool:
    return "://" not in output and not output.startswith(("hdfs:", "s3a:", "s3:", "gs:", "abfs:"))


def run_batch(
    inputs: Iterable[str | Path],
    output: str | Path,
    *,
    engine: str = "local",
    workers: int = 2,
    master: str | None = "local[2]",
    settings: Settings | None = None,
    spark=None,
    tasks_per_worker: int = 2,
    spark_writer: bool | None = None,
) -> BatchResult:
    """Analyse every article under ``inputs`` into Parquet tables under ``output``.

    ``engine="local"``: a pool of ``workers`` processes. ``engine="spark"``: PySpark on
    ``master`` (or the given ``spark`` session; ``master=None`` under spark-submit).
    ``spark_writer``: write through Spark's Parquet writer (default: only for Hadoop URIs;
    a local or mounted folder is written by the tasks themselves with pyarrow).
    Failed records go to the ``errors`` table; the job goes on.
    """
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    settings = settings or Settings(batch_size=BATCH_SIZE)
    inputs = [str(p) for p in inputs]
    out = str(Path(output).resolve()) if _is_local(str(output)) else str(output).rstrip("/")
    run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
    staging = f"{out}/{STAGING}/{run_id}"
    started = time.perf_counter()

    if engine == "local":
        from .local import run_local

        if _is_local(out):
            os.makedirs(out, exist_ok=True)
        else:
            raise BatchError(f"the local engine writes to local folders only, not {out}")
        tasks = plan(inputs, workers, tasks_per_worker=tasks_per_worker)
        stats, parts, failed = run_local(tasks, settings, staging, run_id, workers)
        fs = LocalFS()
    else:
        try:
            from .spark import HadoopFS, run_spark, run_spark_direct, spark_session
        except ImportError as err:
            raise BatchError(f"the spark engine needs pyspark (pip install 'lagebild[spark]'): {err}") from err
        if spark is None:
            spark = spark_session(master)
        parallelism = spark.sparkContext.defaultParallelism
        tasks = plan(inputs, parallelism, tasks_per_worker=tasks_per_worker)
        if spark_writer is None:
            spark_writer = not _is_local(out)
        runner = run_spark if spark_writer else run_spark_direct
        stats, parts = runner(spark, tasks, settings, staging, run_id)
        failed = []
        fs = HadoopFS(spark, out)

    sources = sorted({s.path for t in tasks for s in t})
    if failed:  # shards whose worker died: one error row each, written by the driver
        if not _is_local(out):
            raise BatchError(f"{len(failed)} shards failed: {failed[0][1]}")
        writer = PartWriter(Path(staging), prefix=f"{run_id}-driver")
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        for shard, reason in failed:
            failure = ReadFailure(shard.path, InputError(f"share {shard.index + 1}/{shard.count}: {reason}",
                                                         path=shard.path))
            writer.add("errors", error_row(failure, run_id=run_id, stage="worker", now=now, input_source=shard.path))
        writer.close()
    replaced = commit(fs, out, staging, article_parts=parts,
                      error_parts=[f"input={input_key(s)}" for s in sources])
    workers_stats = [WorkerStats(*s) for s in stats]
    result = BatchResult(
        output=out, run_id=run_id, engine=engine, tasks=len(tasks),
        articles=sum(w.articles for w in workers_stats),
        errors=sum(w.errors for w in workers_stats) + len(failed),
        warnings=sum(w.warnings for w in workers_stats),
        seconds=time.perf_counter() - started, partitions=replaced, workers=workers_stats,
    )
    if _is_local(out) and Path(out).is_dir():  # (a bare path under Spark may live on HDFS)
        write_manifest(Path(out), {
            "run_id": run_id, "engine": engine, "inputs": inputs, "articles": result.articles,
            "errors": result.errors, "seconds": round(result.seconds, 2),
            "sources": {input_key(s): s for s in sources},
        })
    return result
