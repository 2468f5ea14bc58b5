"""Feed state in the store's DuckDB file: what a feed reader remembers between runs.

Two small tables, created on first use (:func:`create_feed_tables`):

- ``feed_state``: per feed URL, the validators of its last ``200`` answer (ETag,
  Last-Modified) for conditional requests, its status and when it was checked;
- ``feed_seen``: every entry URL taken (stored, a duplicate, or failed for good), with
  the hash of its text when it has one, the feed it came from and when.

Storage only: what to remember, and when, is decided in :mod:`lagebild.read.feeds`.
Every function takes the :class:`~lagebild.store.Store`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .duck import Store

FEED_TABLES: dict[str, str] = {
    "feed_state": "url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, status INTEGER, checked_at TIMESTAMP",
    "feed_seen": "url VARCHAR PRIMARY KEY, content_hash VARCHAR, feed VARCHAR, seen_at TIMESTAMP",
}


def create_feed_tables(store: "Store") -> None:
    for table, columns in FEED_TABLES.items():
        store.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")


def feed_validators(store: "Store", feed_url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) remembered for ``feed_url``; (None, None) when none."""
    row = store.con.execute("SELECT etag, last_modified FROM feed_state WHERE url = ?", [feed_url]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def save_feed_validators(store: "Store", feed_url: str, etag: str | None, last_modified: str | None,
                         status: int, checked_at: dt.datetime) -> None:
    store.con.execute("INSERT OR REPLACE INTO feed_state VALUES (?, ?, ?, ?, ?)",
                      [feed_url, etag, last_modified, status, checked_at])


def url_seen(store: "Store", url: str) -> bool:
    return store.con.execute("SELECT 1 FROM feed_seen WHERE url = ?", [url]).fetchone() is not None


def content_seen(store: "Store", content_hash: str) -> bool:
    row = store.con.execute("SELECT 1 FROM feed_seen WHERE content_hash = ? LIMIT 1", [content_hash]).fetchone()
    return row is not None


def mark_seen(store: "Store", rows: Iterable[tuple[str, str | None, str, dt.datetime]]) -> None:
    """Remember entries: (url, content hash or None, feed url, seen at) each."""
    for row in rows:
        store.con.execute("INSERT OR REPLACE INTO feed_seen VALUES (?, ?, ?, ?)", list(row))


__all__ = ["FEED_TABLES", "content_seen", "create_feed_tables", "feed_validators", "mark_seen",
           "save_feed_validators", "url_seen"]
