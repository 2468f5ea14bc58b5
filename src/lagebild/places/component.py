"""spaCy component ``lagebild_places`` (first version: no resolution yet)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Place


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, settings: dict | None = None) -> None:
        self.name = name
        self.settings = dict(settings or {})

    def find(self, doc: Doc) -> list[Place]:
        return []

    def set_annotations(self, doc: Doc, places: list[Place]) -> None:
        doc._.lb_places = places

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "lagebild_places",
    requires=["doc._.lb_entities"],
    assigns=["doc._.lb_places"],
    default_config={"settings": {}},
)
def make_places(nlp: Language, name: str, settings: dict) -> PlacesComponent:
    return PlacesComponent(nlp, name, settings)
