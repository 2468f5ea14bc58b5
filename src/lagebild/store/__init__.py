"""Stage: the embedded DuckDB store of analysed articles."""
from .dates import value_range
from .duck import Store

__all__ = ["Store", "value_range"]
