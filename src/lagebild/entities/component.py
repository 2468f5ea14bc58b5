"""spaCy component ``lagebild_entities``: mentions grouped into entities, linked, actor-coded.

Works with or without NER in the base model: the curated actor table (``data/actors.jsonl``
with ``lang/<code>/actors.json``), countries, demonyms, seats of power and exonyms are
matched directly in the text; NER spans (when present) add names not in the table;
role phrases ("der US-Präsident") are resolved to the person holding the role;
surnames, genitives and given names join the full name; capitals used for their
government join the country. Resources load once, in the constructor.

Besides ``doc._.lb_entities`` the component sets ``doc._.lb_toponyms``
(:class:`lagebild.kb.toponyms.Toponyms`) for ``lagebild_places``: each toponym mention with
the gazetteer entry it was linked to in the article's context, and each LOC entity's place.
"""
from __future__ import annotations

from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import LanguageData
from ..kb.gazetteer import get_gazetteer
from ..kb.toponyms import Toponyms
from ..nlp.config import DEFAULT_SETTINGS
from ..records import Entity
from ..settings import Settings
from . import group
from .finder import EntityFinder
from .linker import Linker


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
        group.in_context(text, found, ln)
        group.one_sense(text, found)
        found += group.resolve_roles(roles, found, ln, published)
        return group.build(text, found, ln)

    def find(self, doc: Doc) -> tuple[list[Entity], Toponyms]:
        ents = _ents(doc) if self.has_ner else []
        published = _as_date(doc._.lb_published if Doc.has_extension("lb_published") else None)
        return self.analyse(doc.text, ents, published)

    def set_annotations(self, doc: Doc, found: tuple[list[Entity], Toponyms]) -> None:
        doc._.lb_entities, doc._.lb_toponyms = found

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
    assigns=["doc._.lb_entities", "doc._.lb_toponyms"],
    default_config={"settings": DEFAULT_SETTINGS},
)
def make_entities(nlp: Language, name: str, settings: Settings) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, settings)
