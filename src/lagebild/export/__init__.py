"""Stage: export the store as JSONL, Parquet, CSV or PLOVER records."""
from .plover import plover_records
from .write import FORMATS, export

__all__ = ["FORMATS", "export", "plover_records"]
