"""One settings object, passed down from the caller; nothing global changes at run time."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    """How lagebild runs. Frozen: make a copy with ``settings.model_copy(update=...)``; an
    unknown field (a misspelt name) is refused, never ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    languages: tuple[str, ...] = ("de", "en")
    """Languages we analyse; language detection chooses among these only."""
    default_language: str = "en"
    """Language used when detection has no evidence at all (very short texts)."""
    max_chars: int = Field(default=2_000_000, gt=0)
    """Articles longer than this are rejected with TooLargeInputError."""
    segment_chars: int = Field(default=50_000, gt=1000)
    """Longer articles are analysed in sentence-aligned segments of at most this many
    characters (paragraph breaks first, then line breaks, sentence ends, spaces), joined
    back into one document before entities, times, places, attributions and events, so
    every offset points into the original text. It is also the most characters the tagger
    and parser see in one batch. Memory grows by about 2.7 MB per 1,000 characters the model
    sees at once (measured with en_core_web_sm), so 50,000 keeps a worker near 700 MB;
    200,000 would take it over 1 GB. Articles longer than ``max_chars`` are still refused."""
    segment_tokens: int = Field(default=10_000, gt=100)
    """The same bound in tokens (estimated: words and punctuation marks): text dense in
    punctuation (an entity flood, ``&<A`` repeated) makes a token of every few characters, and
    the model's memory follows the tokens."""
    max_sentence_tokens: int = Field(default=200, gt=10)
    """A sentence that runs on longer than this is cut into pieces of this many tokens
    before the parser sees it (real sentences stay well under; the event and attribution
    rules grow faster than linearly with a sentence's length)."""
    max_token_chars: int = Field(default=1000, gt=10)
    """A run of non-space characters longer than this (a 300,000-character 'word', nested
    brackets) is hidden from the model (blanked, same length, so offsets hold); it stays
    in the record's text."""
    doc_timeout_s: float = Field(default=120.0, ge=0)
    """Batch jobs: an article whose analysis takes longer than this becomes a failure row
    (E130) and the job goes on. 0 turns the watchdog off."""
    max_file_bytes: int = Field(default=50_000_000, gt=0)
    batch_size: int = Field(default=32, gt=0)
    model_overrides: dict[str, str] = Field(default_factory=dict)
    """Language code -> spaCy model name or path, replacing the default choice."""
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
