"""The Spark engine: PySpark ``mapPartitions`` over the planned tasks.

Two ways to write, chosen by the output path:

- a local or mounted folder (every executor sees the same path): each task writes its
  Parquet parts with pyarrow straight into the staging folder (:func:`run_spark_direct`,
  the same code as the local engine's workers) — one Spark job, no rows through the JVM;
- a Hadoop URI (``hdfs://``, ``s3a://`` …): the rows go through Spark's own Parquet
  writer (:func:`run_spark`), as below.


Each Spark partition holds one task (a list of shards, see :mod:`lagebild.batch.inputs`);
its Python worker reads the shards itself — input paths must be readable from every
executor (a shared or mounted file system) — and analyses them with the worker's one
lazily built pipeline (:func:`lagebild.batch.worker.worker_pipeline`; Spark reuses Python
workers between tasks, so an executor loads the models once, not per record or task).
The ``(table, row)`` stream is saved once (a pickle file in the staging folder) and
written per table with Spark's Parquet writer (``partitionBy``) into the staging folder; the driver then commits the
partitions through the Hadoop FileSystem API, so the output may be any Hadoop file
system (``file:``, ``hdfs:``, ``s3a:`` …).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from ..settings import Settings
from .inputs import Shard
from .output import part_dir
from .tables import BATCH_TABLES, PARTITIONS, spark_schema
from .worker import STATS, task_rows

DEFAULT_CONF = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.python.worker.reuse": "true",
    "spark.driver.memory": "1g",
    "spark.ui.showConsoleProgress": "false",
}


def spark_session(master: str | None = "local[2]", conf: dict[str, str] | None = None):
    """A SparkSession whose Python workers run this interpreter (``sys.executable``).

    Under ``spark-submit`` (``master=None``) the submitted configuration decides.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("lagebild-batch")
    if master:
        builder = builder.master(master)
    for key, value in {**DEFAULT_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _partition(tasks: Iterator[list[Shard]], settings_json: str, run_id: str) -> Iterator[tuple[str, tuple]]:
    settings = Settings.model_validate_json(settings_json)
    for shards in tasks:
        yield from task_rows(shards, settings, run_id)


class HadoopFS:
    """The few file operations the commit needs, on the output's Hadoop FileSystem."""

    def __init__(self, spark, root: str) -> None:
        self.jpath = spark._jvm.org.apache.hadoop.fs.Path
        self.fs = self.jpath(root).getFileSystem(spark._jsc.hadoopConfiguration())

    def listdir(self, path: str) -> list[str]:
        p = self.jpath(path)
        if not self.fs.exists(p):
            return []
        return sorted(s.getPath().getName() for s in self.fs.listStatus(p) if s.isDirectory())

    def exists(self, path: str) -> bool:
        return bool(self.fs.exists(self.jpath(path)))

    def delete(self, path: str) -> None:
        self.fs.delete(self.jpath(path), True)

    def rename(self, src: str, dst: str) -> None:
        target = self.jpath(dst)
        self.fs.mkdirs(target.getParent())
        if not self.fs.rename(self.jpath(src), target):
            raise OSError(f"cannot move {src} to {dst}")


def run_spark_direct(spark, tasks: list[list[Shard]], settings: Settings, staging: str, run_id: str
                     ) -> tuple[list[tuple], set[str]]:
    """Each task writes its own Parquet parts under ``staging`` (a path all executors share)."""
    settings_json = settings.model_dump_json()

    def run(index: int, it: Iterator[list[Shard]]) -> Iterator[dict]:
        from .local import run_task  # part names derive from the task index: a retried task rewrites them

        for shards in it:
            yield run_task(shards, settings_json, staging, run_id, index)

    results = spark.sparkContext.parallelize(tasks, max(1, len(tasks))).mapPartitionsWithIndex(run).collect()
    parts: set[str] = set()
    for r in results:
        parts.update(r["article_parts"])
    return [r["stats"] for r in results if r["stats"]], parts


def run_spark(spark, tasks: list[list[Shard]], settings: Settings, staging: str, run_id: str
              ) -> tuple[list[tuple], set[str]]:
    """Analyse and write every table under ``staging``; returns (worker stats, article partitions)."""
    settings_json = settings.model_dump_json()
    sc = spark.sparkContext
    rows_path = f"{staging}/analysed-rows"  # no leading "_": Hadoop input formats skip such paths
    # One job analyses every task and saves the (table, row) stream; the table writes then
    # read it back. Analysis runs exactly once whatever happens to cached blocks.
    sc.parallelize(tasks, max(1, len(tasks))).mapPartitions(
        lambda it: _partition(it, settings_json, run_id)
    ).saveAsPickleFile(rows_path, batchSize=256)
    rows = sc.pickleFile(rows_path)
    stats = rows.filter(lambda r: r[0] == STATS).map(lambda r: r[1]).collect()
    parts = set(rows.filter(lambda r: r[0] == "articles").map(lambda r: part_dir("articles", r[1]))
                .distinct().collect())
    for table in BATCH_TABLES:
        data = rows.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1])
        frame = spark.createDataFrame(data, spark_schema(table), verifySchema=False)
        frame.write.mode("overwrite").partitionBy(*PARTITIONS[table]).parquet(f"{staging}/{table}")
    return stats, parts
