"""Batch output (Parquet) → the DuckDB store, so a cluster run ends in the same web page.

Articles are rebuilt from the ``articles.record`` column (the full ``lagebild/1`` JSON) and
stored with :meth:`Store.ingest`, which is idempotent: loading the same output twice, or
an output that overlaps the store, adds nothing twice.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import Article
from ..store import Store
from ..store.duck import IngestResult
from .output import MANIFEST


def is_batch_output(path: str | Path) -> bool:
    """A folder written by ``lagebild batch`` (manifest, or an ``articles`` table of Parquet)."""
    path = Path(path)
    if not path.is_dir():
        return False
    return (path / MANIFEST).exists() or any((path / "articles").glob("language=*/month=*/*.parquet"))


def _dataset(folder: Path):
    import pyarrow.dataset as ds

    return ds.dataset(str(folder), format="parquet", partitioning="hive")


def iter_batch_articles(output: str | Path, batch_rows: int = 256) -> Iterator[Article]:
    folder = Path(output) / "articles"
    if not folder.is_dir():
        return
    for batch in _dataset(folder).to_batches(columns=["record"], batch_size=batch_rows):
        for record in batch.column(0).to_pylist():
            yield Article.model_validate_json(record)


def read_errors(output: str | Path):
    """The errors table as a pyarrow Table (empty when the run had none)."""
    import pyarrow as pa

    from .tables import arrow_schema

    folder = Path(output) / "errors"
    if not folder.is_dir() or not any(folder.rglob("*.parquet")):
        return pa.table({f.name: pa.array([], f.type) for f in arrow_schema("errors")})
    return _dataset(folder).to_table()


def load_batch_output(output: str | Path, store: Store, chunk: int = 256) -> IngestResult:
    """Ingest every article of a batch output into ``store``."""
    total = IngestResult()
    pending: list[Article] = []
    for article in iter_batch_articles(output):
        pending.append(article)
        if len(pending) >= chunk:
            total += store.ingest(pending)
            pending = []
    total += store.ingest(pending)
    return total
