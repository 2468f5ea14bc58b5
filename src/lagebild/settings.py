"""One settings object, passed down from the caller; nothing global changes at run time."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    """How lagebild runs. Frozen: make a copy with ``settings.model_copy(update=...)``."""

    model_config = ConfigDict(frozen=True)

    languages: tuple[str, ...] = ("de", "en")
    """Languages we analyse; language detection chooses among these only."""
    default_language: str = "en"
    """Language used when detection has no evidence at all (very short texts)."""
    max_chars: int = Field(default=2_000_000, gt=0)
    """Articles longer than this are rejected with TooLargeInputError."""
    max_file_bytes: int = Field(default=50_000_000, gt=0)
    batch_size: int = Field(default=32, gt=0)
    n_process: int = Field(default=1, gt=0)
    model_overrides: dict[str, str] = Field(default_factory=dict)
    """Language code -> spaCy model name or path, replacing the default choice."""
    db_path: Path = Path("lagebild.duckdb")
    event_min_confidence: float = Field(default=0.15, ge=0.0, le=1.0)
    """Events whose calibrated confidence (share of such events that are right on the
    readings, see ``eval/events.py``) is below this are not reported."""
    geo_min_population: int = 15000
    """GeoNames places at least this populous are always candidates for a toponym; smaller
    places (down to 1,000 people) count only when the article names their state or province,
    or another place within 150 km."""
    follow_symlinks: bool = False
    """Folder scans follow symbolic links that lead out of the folder (off: each such link
    is skipped with a W104 warning naming it)."""
