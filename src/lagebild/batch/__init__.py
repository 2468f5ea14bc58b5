"""Stage: batch jobs over many articles, on a process pool or on Apache Spark.

``run_batch`` reads files (text, HTML, JSONL, gzip'd JSONL, WARC), analyses every article
and writes Parquet tables partitioned by language and publication month (see
``docs/batch.md``); ``load_batch_output`` puts them into the DuckDB store.
"""
from .job import BatchError, BatchResult, run_batch
from .load import is_batch_output, iter_batch_articles, load_batch_output, read_errors

__all__ = ["BatchError", "BatchResult", "is_batch_output", "iter_batch_articles", "load_batch_output",
           "read_errors", "run_batch"]
