"""A typed schema per language data file kind, checked once when a file is loaded.

:data:`SCHEMAS` maps a file's name (``attribution`` for ``lang/<code>/attribution.json``) to its
model; :func:`validate` checks parsed data against it and raises
:class:`~lagebild.errors.DataSchemaError` naming the file and the key at fault. The schemas are not
language specific: a new language passes the same models.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ...errors import DataSchemaError
from .attribution import Attribution, AttributionVerbs
from .base import strip_comments
from .entities import Actors, Names, Places, Roles
from .events import EventConcepts, EventLexicon, Events, Modality
from .grammar import Grammar
from .text import Merge, MorphRules, Pipeline, Sentences, Times

SCHEMAS: dict[str, Any] = {
    "actors": Actors,
    "attribution": Attribution,
    "attribution_verbs": AttributionVerbs,
    "event_concepts": EventConcepts,
    "event_lexicon": EventLexicon,
    "events": Events,
    "grammar": Grammar,
    "merge": Merge,
    "modality": Modality,
    "morph_rules": MorphRules,
    "names": Names,
    "pipeline": Pipeline,
    "places": Places,
    "roles": Roles,
    "sentences": Sentences,
    "times": Times,
}

_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _adapter(name: str) -> TypeAdapter[Any]:
    if name not in _ADAPTERS:
        _ADAPTERS[name] = TypeAdapter(SCHEMAS[name])
    return _ADAPTERS[name]


def _problem(err: dict[str, Any]) -> str:
    key = ".".join(str(p) for p in err["loc"] if not _is_union_tag(p)) or "(top level)"
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown key {key!r}"
    if kind == "missing":
        return f"missing key {key!r}"
    return f"key {key!r}: {err['msg']} (got {type(err.get('input')).__name__})"


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and part in _UNION_TAGS


_UNION_TAGS = {"ConceptTables", "PloverTables"}


def _closest(errors: list[Any]) -> list[Any]:
    """For a file with several possible shapes, the errors against the shape it comes closest to."""
    groups: dict[Any, list[Any]] = {}
    for e in errors:
        tag = e["loc"][0] if e["loc"] and _is_union_tag(e["loc"][0]) else None
        groups.setdefault(tag, []).append(e)
    return min(groups.values(), key=len)


def validate(name: str, data: Any, path: str) -> BaseModel:
    """``data`` (the parsed ``name.json``) as its model; raises ``DataSchemaError`` if it does not fit.

    A file kind without a schema is an error too: every shipped data file is typed.
    """
    if name not in SCHEMAS:
        raise DataSchemaError(f"no schema for data file kind {name!r}; have {sorted(SCHEMAS)}",
                              path=path, key=None)
    try:
        return _adapter(name).validate_python(strip_comments(data))
    except ValidationError as err:
        errors = sorted(_closest(err.errors()), key=lambda e: _ORDER.get(e["type"], len(_ORDER)))
        problems = "; ".join(_problem(e) for e in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        key = ".".join(str(p) for p in errors[0]["loc"] if not _is_union_tag(p)) or None
        raise DataSchemaError(problems + more, path=path, key=key) from None


#: a misspelt key shows as an unknown and a missing key: name the unknown one first
_ORDER = {"extra_forbidden": 0, "missing": 1}


__all__ = ["SCHEMAS", "validate"]
