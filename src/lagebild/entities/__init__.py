"""Entities: mentions grouped into entities, linked to a curated actor table, actor-coded."""
