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
from ..records import Mention, Place
from .gazetteer import Candidate, get_gazetteer
from .resolve import Context, Resolver


def to_place(entity_id: str | None, cand: Candidate) -> Place:
    return Place(entity=entity_id, name=cand.name, geonameid=cand.geonameid,
                 lat=None if cand.lat is None else round(float(cand.lat), 5),
                 lon=None if cand.lon is None else round(float(cand.lon), 5),
                 country=cand.country, feature=cand.feature)


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, settings: dict | None = None) -> None:
        self.name = name
        self.settings = dict(settings or {})
        gaz = get_gazetteer(int(self.settings.get("geo_min_population", 15000)))
        self.resolver = Resolver(gaz, LanguageData(nlp.lang))

    def find(self, doc: Doc) -> list[Place]:
        entities = doc._.lb_entities or []
        known: dict = doc.user_data.get(GEO_KEY, {})
        ctx = Context()
        for cand in known.values():
            ctx.add(cand)
        places = []
        for ent in entities:
            if ent.type != "LOC":
                continue
            cand = known.get(ent.id)
            if cand is None:
                cand = self.resolver.resolve(ent.name, ctx)
                if cand is None:
                    cand = next((c for m in ent.mentions if (c := self.resolver.resolve(m.text, ctx))), None)
            if cand is not None and cand.lat is not None:
                places.append(to_place(ent.id, cand))
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
    for start, end, cand, kind in doc.user_data.get(MENTION_GEO_KEY, []):
        if cand.lat is not None:
            out.append((Mention(start=start, end=end, text=doc.text[start:end]), to_place(None, cand), kind))
    return out


@Language.factory(
    "lagebild_places",
    requires=["doc._.lb_entities"],
    assigns=["doc._.lb_places"],
    default_config={"settings": {}},
)
def make_places(nlp: Language, name: str, settings: dict) -> PlacesComponent:
    return PlacesComponent(nlp, name, settings)
