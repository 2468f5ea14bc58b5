"""The store's contents at a glance: the questions ``lagebild summary`` asks.

Every article in order of publication, and the first events by date with the article
each comes from. The outlet follows :func:`lagebild.export.outlet.outlet_sql`, the rule
every export and the web page use.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .duck import Store

ARTICLE_COLUMNS = ("id", "title", "outlet", "language", "published", "n_events")
EVENT_COLUMNS = ("type", "mode", "actor_names", "recipient_names", "date", "modality", "source_kind", "source_text",
                 "source_count", "location_name", "evidence_text", "title", "outlet", "article_id", "published")


def article_overview(store: "Store") -> list[tuple]:
    """One row per article (:data:`ARTICLE_COLUMNS`), by publication date (unknown last), then id."""
    from ..export.outlet import outlet_sql

    return store.con.execute(
        f"SELECT id, title, {outlet_sql()}, language, published, n_events FROM articles "
        "ORDER BY published NULLS LAST, id"
    ).fetchall()


def event_overview(store: "Store", limit: int) -> list[tuple]:
    """The first ``limit`` events (:data:`EVENT_COLUMNS`) by the start of their date (unknown
    last), then article and position in it, with the title and outlet of their article."""
    from ..export.outlet import outlet_sql

    return store.con.execute(
        f"""SELECT e.type, e.mode, e.actor_names, e.recipient_names, e.date, e.modality, e.source_kind, e.source_text,
                  e.source_count, e.location_name, e.evidence_text, a.title, {outlet_sql('a')}, e.article_id, e.published
           FROM events e JOIN articles a ON a.id = e.article_id
           ORDER BY e.date_start NULLS LAST, e.article_id, e.evidence_start LIMIT ?""",
        [limit],
    ).fetchall()


__all__ = ["ARTICLE_COLUMNS", "EVENT_COLUMNS", "article_overview", "event_overview"]
