"""The Doc attributes that every stage enriches.

Each lagebild component reads what earlier stages set and assigns its own:

=====================  ==========================  ======================
attribute              set by                      holds
=====================  ==========================  ======================
``doc._.lb_published`` the pipeline, before nlp    ``datetime.date | None``
``doc._.lb_entities``  ``lagebild_entities``       ``list[records.Entity]``
``doc._.lb_toponyms``  ``lagebild_entities``       ``kb.toponyms.Toponyms`` (for places)
``doc._.lb_times``     ``lagebild_times``          ``list[records.Time]``
``doc._.lb_places``    ``lagebild_places``         ``list[records.Place]``
``doc._.lb_place_mentions`` ``lagebild_places``    ``list[(Mention, Place, kind)]``
``doc._.lb_attributions`` ``lagebild_attributions`` ``list[records.Attribution]``
``doc._.lb_events``    ``lagebild_events``         ``list[records.Event]``
=====================  ==========================  ======================
"""
from __future__ import annotations

from spacy.tokens import Doc

ATTRIBUTES = ("lb_published", "lb_entities", "lb_toponyms", "lb_times", "lb_places", "lb_place_mentions",
              "lb_attributions", "lb_events")

INPUTS = ("doc._.lb_published",)
"""Set by the caller before the pipeline runs, not by a component: components read them
without declaring them in ``requires`` (spaCy would report a requirement nothing assigns)."""


def register_extensions() -> None:
    """Register the Doc extensions (idempotent; called when a pipeline is built)."""
    for name in ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
