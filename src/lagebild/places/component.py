"""spaCy component ``lagebild_places``: LOC entities resolved to GeoNames places.

``lagebild_entities`` has already resolved each toponym with the article's context
(countries mentioned boost their cities; curated exonyms and renamed places win) and
left the result in ``doc.user_data``; this component turns it into
:class:`lagebild.records.Place` records, one per LOC entity that has a place. Entities
it finds without one (from another entities implementation) are resolved here.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..entities.component import GEO_KEY, MENTION_GEO_KEY
from ..lang import LanguageData
from ..nlp.config import DEFAULT_SETTINGS
from ..records import Mention, Place
from ..settings import Settings
from .gazetteer import Candidate, get_gazetteer
from .resolve import Context, Resolver


def to_place(entity_id: str | None, cand: Candidate) -> Place:
    return cand.to_place(entity_id)


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, settings: Settings | None = None) -> None:
        self.name = name
        self.settings = settings or Settings()
        gaz = get_gazetteer(self.settings.geo_min_population)
        self.gaz = gaz
        self.resolver = Resolver(gaz, LanguageData(nlp.lang))

    def find(self, doc: Doc) -> list[Place]:
        entities = doc._.lb_entities or []
        known: dict[str, Place] = doc.user_data.get(GEO_KEY, {})
        ctx = Context()
        for place in known.values():
            country = self.gaz.countries.get(place.country or "")
            if country is not None:
                ctx.add(country, 0.5)
        places = []
        for ent in entities:
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
        return places

    def set_annotations(self, doc: Doc, places: list[Place]) -> None:
        doc._.lb_places = places

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


def mention_places(doc: Doc) -> list[tuple[Mention, Place, str]]:
    """Every toponym mention with the place it names itself (a capital used for its
    government still names the city here), and how it was found (name, place, demonym,
    people, metonym, government, ...). For geoparsing evaluation and event locations."""
    out = []
    for start, end, place, kind in doc.user_data.get(MENTION_GEO_KEY, []):
        if place.lat is not None:
            out.append((Mention(start=start, end=end, text=doc.text[start:end]), place, kind))
    return out


@Language.factory(
    "lagebild_places",
    requires=["doc._.lb_entities", "doc.user_data"],  # the places lagebild_entities found
    assigns=["doc._.lb_places"],
    default_config={"settings": DEFAULT_SETTINGS},
)
def make_places(nlp: Language, name: str, settings: Settings) -> PlacesComponent:
    return PlacesComponent(nlp, name, settings)
