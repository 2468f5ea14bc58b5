"""How lagebild's spaCy components receive the one :class:`~lagebild.settings.Settings`.

spaCy builds a component from its factory's config, which must stay plain data (it is
validated, copied and can be written out as ``config.cfg``). So a component's config holds
a promise, ``{"@misc": "lagebild.settings.v1", "fields": {...}}``, that spaCy resolves by
calling :func:`settings_from_config` before the factory runs: the factory receives the
typed, frozen ``Settings`` object, never a dict, and no default is repeated here (the
fields are only those that differ from ``Settings``' own defaults).
"""
from __future__ import annotations

from typing import Any

from spacy.util import registry

from ..settings import Settings

SETTINGS_FUNCTION = "lagebild.settings.v1"

DEFAULT_SETTINGS: dict[str, Any] = {"@misc": SETTINGS_FUNCTION}
"""A factory's default config value: ``Settings()``."""


@registry.misc(SETTINGS_FUNCTION)
def settings_from_config(fields: dict[str, Any] | None = None) -> Settings:
    """The Settings whose fields differ from the defaults by ``fields`` (validated)."""
    return Settings(**(fields or {}))


def settings_config(settings: Settings) -> dict[str, Any]:
    """The config value that gives a component ``settings``."""
    fields = settings.model_dump(mode="json", exclude_defaults=True)
    return {**DEFAULT_SETTINGS, "fields": fields} if fields else dict(DEFAULT_SETTINGS)


def stage_config(settings: Settings) -> dict[str, Any]:
    """``nlp.add_pipe(stage, config=stage_config(settings))`` for a lagebild stage."""
    return {"settings": settings_config(settings)}
