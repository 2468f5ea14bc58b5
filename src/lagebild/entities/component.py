"""spaCy component ``lagebild_entities`` (first version: base-model NER only)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Entity, Mention

_TYPES = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC",
          "NORP": "MISC", "EVENT": "EVENT", "FAC": "LOC", "MISC": "MISC"}


class EntitiesComponent:
    def __init__(self, nlp: Language, name: str, settings: dict | None = None) -> None:
        self.name = name
        self.settings = dict(settings or {})

    def find(self, doc: Doc) -> list[Entity]:
        groups: dict[tuple[str, str], list[Mention]] = {}
        for ent in doc.ents:
            etype = _TYPES.get(ent.label_)
            if etype is None:
                continue
            key = (ent.text, etype)
            groups.setdefault(key, []).append(Mention(start=ent.start_char, end=ent.end_char, text=ent.text))
        return [Entity(id=f"e{i}", name=k[0], type=k[1], mentions=m)
                for i, (k, m) in enumerate(groups.items(), 1)]

    def set_annotations(self, doc: Doc, entities: list[Entity]) -> None:
        doc._.lb_entities = entities

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "lagebild_entities",
    requires=["doc.sents"],
    assigns=["doc._.lb_entities"],
    default_config={"settings": {}},
)
def make_entities(nlp: Language, name: str, settings: dict) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, settings)
