"""Tables of merged events, stories and contradiction flags (written by :mod:`lagebild.merge`).

Storage only: what goes in them, and when, is decided in ``merge/``. An event's merged
event is ``events.cluster_id``; its story is ``merged_events.story_id``.
"""
from __future__ import annotations

#: table -> ordered (column, DuckDB type); the first ``MERGE_KEYS[table]`` columns form the primary key
MERGE_TABLES: dict[str, list[tuple[str, str]]] = {
    "merged_events": [
        ("id", "VARCHAR"), ("story_id", "VARCHAR"), ("type", "VARCHAR"), ("modality", "VARCHAR"),
        ("date", "VARCHAR"), ("date_start", "DATE"), ("date_end", "DATE"), ("first_published", "DATE"),
        ("last_published", "DATE"), ("n_reports", "INTEGER"), ("n_articles", "INTEGER"), ("n_outlets", "INTEGER"),
        ("n_languages", "INTEGER"), ("rep_article_id", "VARCHAR"), ("rep_event_id", "VARCHAR"),
        ("n_flags", "INTEGER"), ("contested", "BOOLEAN"),
    ],
    "stories": [
        ("id", "VARCHAR"), ("title", "VARCHAR"), ("first_date", "DATE"), ("last_date", "DATE"),
        ("n_events", "INTEGER"), ("n_articles", "INTEGER"), ("n_outlets", "INTEGER"), ("n_flags", "INTEGER"),
        ("terms", "VARCHAR"),
    ],
    "story_articles": [("story_id", "VARCHAR"), ("article_id", "VARCHAR"), ("own", "BOOLEAN")],
    #: one row per report on each side of a flag
    "flags": [
        ("id", "VARCHAR"), ("side", "VARCHAR"), ("article_id", "VARCHAR"), ("event_id", "VARCHAR"),
        ("kind", "VARCHAR"), ("merged_event_id", "VARCHAR"), ("story_id", "VARCHAR"), ("value", "VARCHAR"),
        ("modality", "VARCHAR"), ("evidence_start", "INTEGER"), ("evidence_end", "INTEGER"),
        ("evidence_text", "VARCHAR"), ("outlet", "VARCHAR"),
    ],
    #: blocking keys of every merged report (what a new report is compared against), by day
    "merge_keys": [("key", "VARCHAR"), ("article_id", "VARCHAR"), ("event_id", "VARCHAR"), ("day", "DATE"),
                   ("cluster_id", "VARCHAR")],
    #: merged events absorbed into another when a new report joined them: old id -> surviving id
    "merge_aliases": [("old_id", "VARCHAR"), ("new_id", "VARCHAR")],
    #: in how many merged articles each story term occurs (for tf-idf)
    "merge_df": [("term", "VARCHAR"), ("n", "INTEGER")],
    "story_terms": [("term", "VARCHAR"), ("story_id", "VARCHAR")],
}
MERGE_KEYS = {"merged_events": 1, "stories": 1, "story_articles": 2, "flags": 4, "merge_keys": 3,
              "merge_aliases": 1, "merge_df": 1, "story_terms": 2}
#: secondary indexes (name, table, columns)
MERGE_INDEXES = [
    ("merge_keys_day", "merge_keys", "day"),
    ("merged_events_story", "merged_events", "story_id"),
    ("story_articles_article", "story_articles", "article_id"),
    ("stories_last", "stories", "last_date"),
]
