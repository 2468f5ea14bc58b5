"""spaCy component ``lagebild_events`` (skeleton: finds nothing yet)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Event


class EventsComponent:
    def __init__(self, nlp: Language, name: str, settings: dict | None = None) -> None:
        self.name = name
        self.settings = dict(settings or {})

    def find(self, doc: Doc) -> list[Event]:
        return []

    def set_annotations(self, doc: Doc, events: list[Event]) -> None:
        doc._.lb_events = events

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "lagebild_events",
    requires=["doc.sents", "doc._.lb_entities", "doc._.lb_times", "doc._.lb_places",
              "doc._.lb_attributions"],
    assigns=["doc._.lb_events"],
    default_config={"settings": {}},
)
def make_events(nlp: Language, name: str, settings: dict) -> EventsComponent:
    return EventsComponent(nlp, name, settings)
