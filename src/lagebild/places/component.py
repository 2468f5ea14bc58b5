"""spaCy component ``lagebild_places``: the article's toponyms as GeoNames places.

``lagebild_entities`` has already linked each toponym to the gazetteer with the article's
context (countries mentioned boost their cities; curated exonyms and renamed places win)
and handed them over in ``doc._.lb_toponyms``. This component turns them into
:class:`lagebild.records.Place` records: one per LOC entity that has a place
(``doc._.lb_places``) and one per toponym mention (``doc._.lb_place_mentions``). A LOC name
the gazetteer lacks that names a street or building ("Deribasivska Street") gets the
article's focus near it as an approximate place (feature APPROX, see :mod:`.focus`); LOC
entities left without a place (from another entities implementation, too) are resolved here.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..kb.gazetteer import Candidate, get_gazetteer
from ..kb.names import fold
from ..kb.resolve import Context, Resolver
from ..kb.toponyms import Toponym, Toponyms
from ..lang import LanguageData
from ..nlp.config import DEFAULT_SETTINGS
from ..records import Mention, Place
from ..settings import Settings
from .focus import focus_place

_NOT_PLACES = ("people", "government", "group")  # mentions of a country's people or government


def to_place(entity_id: str | None, cand: Candidate) -> Place:
    return cand.to_place(entity_id)


def approx_candidate(name: str, focus: Candidate) -> Candidate:
    return Candidate(name, None, focus.lat, focus.lon, focus.country, "APPROX", 0, False, focus.admin1)


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, settings: Settings | None = None) -> None:
        self.name = name
        self.settings = settings or Settings()
        gaz = get_gazetteer(self.settings.geo_min_population)
        self.gaz = gaz
        lang = LanguageData(nlp.lang)
        self.resolver = Resolver(gaz, lang)
        data = lang.json("places") if lang.has("places.json") else {}
        self.place_heads = tuple(fold(w) for w in data.get("place_heads", []))

    def locate(self, text: str, toponyms: Toponyms) -> tuple[dict[str, Candidate], list[tuple[Toponym, Candidate]]]:
        """Each LOC entity's place and each mention's, with the names the gazetteer lacks
        placed at the article's focus near them where they name a street or building."""
        located = [(t.start, t.candidate, t.kind) for t in toponyms.mentions
                   if t.own and t.candidate is not None and t.type in ("LOC", "EMBEDDED") and t.kind not in _NOT_PLACES]
        entities = dict(toponyms.entities)
        mentions = []
        for t in toponyms.mentions:
            cand = t.candidate
            if cand is None and located and self._street_like(text[t.start:t.end]):
                focus = focus_place(located, at=t.start)
                if focus is not None:
                    cand = approx_candidate(text[t.start:t.end], focus)
                    if t.entity is not None:
                        entities.setdefault(t.entity, cand)
            if cand is not None:
                mentions.append((t, cand))
        return entities, mentions

    def _street_like(self, name: str) -> bool:
        last = fold(name).split()[-1:] or [""]
        return last[0].endswith(self.place_heads) and (last[0] in self.place_heads or len(last[0]) > 8)

    def find(self, doc: Doc) -> tuple[list[Place], list[tuple[Mention, Place, str]]]:
        toponyms = doc._.lb_toponyms if Doc.has_extension("lb_toponyms") else None
        cands, mentions = self.locate(doc.text, toponyms or Toponyms())
        known = {eid: cand.to_place(eid) for eid, cand in cands.items()}
        ctx = Context()
        for place in known.values():
            country = self.gaz.countries.get(place.country or "")
            if country is not None:
                ctx.add(country, 0.5)
        places = []
        for ent in doc._.lb_entities or []:
            if ent.type != "LOC":
                continue
            place = known.get(ent.id)
            if place is None:
                cand = self.resolver.resolve(ent.name, ctx)
                if cand is None:
                    cand = next((c for m in ent.mentions if (c := self.resolver.resolve(m.text, ctx))), None)
                place = cand.to_place(ent.id) if cand is not None else None
            if place is not None and place.lat is not None:
                places.append(place)
        on_text = []
        for t, cand in mentions:
            place = cand.to_place()
            if place.lat is not None:
                on_text.append((Mention(start=t.start, end=t.end, text=doc.text[t.start:t.end]), place, t.kind))
        return places, on_text

    def set_annotations(self, doc: Doc, found: tuple[list[Place], list[tuple[Mention, Place, str]]]) -> None:
        doc._.lb_places, doc._.lb_place_mentions = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


def mention_places(doc: Doc) -> list[tuple[Mention, Place, str]]:
    """Every toponym mention with the place it names itself (a capital used for its
    government still names the city here), and how it was found (name, place, demonym,
    people, metonym, government, ...). For geoparsing evaluation and event locations."""
    return list(doc._.lb_place_mentions or []) if Doc.has_extension("lb_place_mentions") else []


@Language.factory(
    "lagebild_places",
    requires=["doc._.lb_entities", "doc._.lb_toponyms"],
    assigns=["doc._.lb_places", "doc._.lb_place_mentions"],
    default_config={"settings": DEFAULT_SETTINGS},
)
def make_places(nlp: Language, name: str, settings: Settings) -> PlacesComponent:
    return PlacesComponent(nlp, name, settings)
