"""Feed state in the store's DuckDB file: what a feed reader remembers between runs.

Two small tables, created on first use (:func:`create_feed_tables`):

- ``feed_state``: per feed URL, the validators of its last ``200`` answer (ETag,
  Last-Modified) for conditional requests, its status and when it was checked;
- ``feed_seen``: every entry URL taken (stored, a duplicate, or failed for good), with
  the hash of its text when it has one, the feed it came from and when.

Storage only: what to remember, and when, is decided in :mod:`lagebild.read.feeds`.
Every function takes the store's DuckDB connection.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

FEED_TABLES: dict[str, str] = {
    "feed_state": "url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, status INTEGER, checked_at TIMESTAMP",
    "feed_seen": "url VARCHAR PRIMARY KEY, content_hash VARCHAR, feed VARCHAR, seen_at TIMESTAMP",
}


def create_feed_tables(con) -> None:  # noqa: ANN001 - a duckdb connection
    for table, columns in FEED_TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")


def feed_validators(con, feed_url: str) -> tuple[str | None, str | None]:  # noqa: ANN001
    """(ETag, Last-Modified) remembered for ``feed_url``; (None, None) when none."""
    row = con.execute("SELECT etag, last_modified FROM feed_state WHERE url = ?", [feed_url]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def save_feed_validators(con, feed_url: str, etag: str | None, last_modified: str | None,  # noqa: ANN001
                         status: int, checked_at: dt.datetime) -> None:
    con.execute("INSERT OR REPLACE INTO feed_state VALUES (?, ?, ?, ?, ?)",
                [feed_url, etag, last_modified, status, checked_at])


def url_seen(con, url: str) -> bool:  # noqa: ANN001
    return con.execute("SELECT 1 FROM feed_seen WHERE url = ?", [url]).fetchone() is not None


def content_seen(con, content_hash: str) -> bool:  # noqa: ANN001
    return con.execute("SELECT 1 FROM feed_seen WHERE content_hash = ? LIMIT 1", [content_hash]).fetchone() is not None


def mark_seen(con, rows: Iterable[tuple[str, str | None, str, dt.datetime]]) -> None:  # noqa: ANN001
    """Remember entries: (url, content hash or None, feed url, seen at) each."""
    for row in rows:
        con.execute("INSERT OR REPLACE INTO feed_seen VALUES (?, ?, ?, ?)", list(row))


__all__ = ["FEED_TABLES", "content_seen", "create_feed_tables", "feed_validators", "mark_seen",
           "save_feed_validators", "url_seen"]
