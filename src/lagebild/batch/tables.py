"""The batch output's tables: the store's flattening plus partition columns, and errors.

Every analysis table is the store table of the same name (``lagebild.store.rows.TABLES``,
rows from ``article_rows``) plus the partition columns ``language`` (added where the store
table has none) and ``month`` (``YYYY-MM`` of the publication date, ``unknown`` without
one). Partition columns live in the directory names (``language=en/month=2025-07``),
not inside the Parquet files, as Spark writes them; readers with hive partitioning
(pyarrow.dataset, DuckDB ``hive_partitioning``, Spark) get them back as columns.
``articles.record`` is the full ``lagebild/1`` JSON, from which the loader rebuilds
:class:`~lagebild.records.Article` objects.
"""
from __future__ import annotations

import datetime as dt
import hashlib

from ..read import ReadFailure
from ..records import Article
from ..store.rows import TABLES, article_rows

PARTITION = ("language", "month")
ERRORS_PARTITION = ("input",)
UNKNOWN_MONTH = "unknown"

#: The errors table: one row per record that failed to read or analyse.
ERRORS: list[tuple[str, str]] = [
    ("run_id", "VARCHAR"), ("source", "VARCHAR"), ("offset", "BIGINT"), ("stage", "VARCHAR"),
    ("code", "VARCHAR"), ("reason", "VARCHAR"), ("article_id", "VARCHAR"), ("url", "VARCHAR"),
    ("failed_at", "TIMESTAMP"), ("input", "VARCHAR"),
]


def _columns(table: str) -> list[tuple[str, str]]:
    cols = list(TABLES[table])
    names = {c for c, _ in cols}
    cols += [(c, "VARCHAR") for c in PARTITION if c not in names]
    return cols


#: table -> ordered (column, DuckDB type), partition columns included (at their position).
BATCH_TABLES: dict[str, list[tuple[str, str]]] = {t: _columns(t) for t in TABLES}
BATCH_TABLES["errors"] = ERRORS
PARTITIONS: dict[str, tuple[str, ...]] = {t: PARTITION for t in TABLES} | {"errors": ERRORS_PARTITION}


def month_of(published: str | None) -> str:
    return published[:7] if published else UNKNOWN_MONTH


def input_key(source: str) -> str:
    """Partition value of the errors table: a short stable name of the input file."""
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:12]


def _cast(value: object, kind: str) -> object:
    if value is None:
        return None
    if kind == "DOUBLE":
        return float(value)
    if kind in ("INTEGER", "BIGINT"):
        return int(value)
    return value


def batch_rows(article: Article, now: dt.datetime) -> dict[str, list[tuple]]:
    """The article's rows for every analysis table, with partition columns, typed."""
    extra = {"language": article.language, "month": month_of(article.published)}
    out: dict[str, list[tuple]] = {}
    for table, rows in article_rows(article, now=now).items():
        n_store = len(TABLES[table])
        cols = BATCH_TABLES[table]
        tail = tuple(extra[c] for c, _ in cols[n_store:])
        out[table] = [tuple(_cast(v, k) for v, (_, k) in zip(row + tail, cols)) for row in rows]
    return out


def error_row(failure: ReadFailure, *, run_id: str, stage: str, now: dt.datetime, input_source: str,
              article_id: str | None = None) -> tuple:
    err = failure.error
    return (
        run_id, failure.source, failure.offset, stage, getattr(err, "code", None) or type(err).__name__,
        str(err), article_id, failure.extra.get("url") if failure.extra else None, now, input_key(input_source),
    )


# -- the same schema for pyarrow and Spark -------------------------------------------
def arrow_schema(table: str, *, with_partition: bool = True):
    import pyarrow as pa

    types = {
        "VARCHAR": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(), "VARCHAR[]": pa.list_(pa.string()), "TIMESTAMP": pa.timestamp("us"),
    }
    skip = () if with_partition else PARTITIONS[table]
    return pa.schema([pa.field(c, types[k]) for c, k in BATCH_TABLES[table] if c not in skip])


def spark_schema(table: str):
    from pyspark.sql import types as T

    types = {
        "VARCHAR": T.StringType(), "DATE": T.DateType(), "INTEGER": T.IntegerType(), "BIGINT": T.LongType(),
        "DOUBLE": T.DoubleType(), "VARCHAR[]": T.ArrayType(T.StringType()), "TIMESTAMP": T.TimestampNTZType(),
    }
    return T.StructType([T.StructField(c, types[k], True) for c, k in BATCH_TABLES[table]])
