"""Shared pieces of the data-file schemas: a strict, frozen base model and word-list types.

Top-level keys that start with ``_`` are comments (``_doc``, ``_about``) and are dropped before
validation; every other key must be declared by the file's model.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

#: a list of words or phrases
Words = list[str]
#: a list of sequences of words (``[["heißt", "es"], ...]``)
WordSeqs = list[list[str]]
#: a named list of words (``{"AGREE": ["agree", ...]}``)
WordTable = dict[str, list[str]]


class DataModel(BaseModel):
    """A record in a language data file: unknown keys are errors, the result cannot change."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class FileModel(DataModel):
    """The top level of a language data file."""


def strip_comments(data: Any) -> Any:
    """``data`` without its top-level comment keys (those starting with ``_``)."""
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("_"))}
    return data


__all__ = ["DataModel", "Field", "FileModel", "WordSeqs", "WordTable", "Words", "strip_comments"]
