"""spaCy component ``lagebild_entities``: mentions grouped into entities, linked, actor-coded.

Works with or without NER in the base model: the curated actor table (``data/actors.jsonl``
with ``lang/<code>/actors.json``), countries, demonyms, seats of power and exonyms are
matched directly in the text; NER spans (when present) add names not in the table;
role phrases ("der US-Präsident") are resolved to the person holding the role;
surnames, genitives and given names join the full name; capitals used for their
government join the country. Resources load once, in the constructor.

Besides ``doc._.lb_entities`` the component leaves, for ``lagebild_places``, the place of
each LOC entity and of each toponym mention in ``doc.user_data`` (see
:mod:`lagebild.places.component`).
"""
from __future__ import annotations

from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import LanguageData
from ..nlp.config import DEFAULT_SETTINGS
from ..places.gazetteer import get_gazetteer
from ..records import Entity
from ..settings import Settings
from . import group
from .finder import EntityFinder
from .linker import Linker
from .names import fold

GEO_KEY = "lb_entity_places"
MENTION_GEO_KEY = "lb_mention_places"


class EntitiesComponent:
    def __init__(self, nlp: Language, name: str, settings: Settings | None = None) -> None:
        self.name = name
        self.settings = settings or Settings()
        gaz = get_gazetteer(self.settings.geo_min_population)
        self.linker = Linker(LanguageData(nlp.lang), gaz)
        self.finder = EntityFinder(self.linker)
        # components before this one that set doc.ents (checked once, not per doc)
        self.has_ner = any("ner" in n or "entity_ruler" in n for n in nlp.pipe_names)

    def analyse(self, text: str, ents: list[tuple[int, int, str]], published: date | None):
        ln = self.linker
        found, roles = self.finder.find(text, ents, published)
        found = group.corefer(text, found, ln)
        group.metonymy(text, found, ln)
        contexts: dict[str, object] = {}
        for f in found:
            surface = fold(text[f.start:f.end])
            if f.kind == "place" and f.geo is not None and f.target == f.geo.key and surface not in ln.fixed_names:
                if surface not in contexts:
                    contexts[surface] = group.context_of(found, ln, text, exclude=surface)
                cand = ln.resolver.resolve(text[f.start:f.end], contexts[surface])
                if cand is not None:
                    f.geo, f.target = cand, cand.key
        group.one_sense(text, found)
        group.approximate(found, text, ln)
        found += group.resolve_roles(roles, found, ln, published)
        return group.build(text, found, ln)

    def find(self, doc: Doc) -> tuple[list[Entity], dict, list]:
        ents = _ents(doc) if self.has_ner else []
        published = _as_date(doc._.lb_published if Doc.has_extension("lb_published") else None)
        return self.analyse(doc.text, ents, published)

    def set_annotations(self, doc: Doc, found: tuple[list[Entity], dict, list]) -> None:
        entities, places, mention_places = found
        doc._.lb_entities = entities
        # records, like the other extensions (no gazetteer objects on the Doc)
        doc.user_data[GEO_KEY] = {eid: cand.to_place(eid) for eid, cand in places.items()}
        doc.user_data[MENTION_GEO_KEY] = [(s, e, cand.to_place(), kind) for s, e, cand, kind in mention_places]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _ents(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, label) of the NER spans, read from arrays (faster than doc.ents)."""
    arr = doc.to_array(["ENT_IOB", "ENT_TYPE", "IDX", "LENGTH"])
    strings = doc.vocab.strings
    out: list[list] = []
    for iob, etype, idx, length in arr.tolist():
        if iob == 3 or (iob == 1 and not out):
            out.append([idx, idx + length, strings[etype]])
        elif iob == 1:
            out[-1][1] = idx + length
    return [(s, e, label) for s, e, label in out]


@Language.factory(
    "lagebild_entities",
    requires=["doc.sents"],
    assigns=["doc._.lb_entities", "doc.user_data"],  # the places found, for lagebild_places
    default_config={"settings": DEFAULT_SETTINGS},
)
def make_entities(nlp: Language, name: str, settings: Settings) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, settings)
