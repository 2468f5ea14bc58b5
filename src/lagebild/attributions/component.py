"""spaCy component ``lagebild_attributions`` (skeleton; rules follow in extract.py)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Attribution


class AttributionsComponent:
    def __init__(self, nlp: Language, name: str, settings: dict | None = None) -> None:
        self.name = name
        self.settings = dict(settings or {})

    def find(self, doc: Doc) -> list[Attribution]:
        return []

    def set_annotations(self, doc: Doc, found: list[Attribution]) -> None:
        doc._.lb_attributions = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "lagebild_attributions",
    requires=["doc.sents", "doc._.lb_entities"],
    assigns=["doc._.lb_attributions"],
    default_config={"settings": {}},
)
def make_attributions(nlp: Language, name: str, settings: dict) -> AttributionsComponent:
    return AttributionsComponent(nlp, name, settings)
