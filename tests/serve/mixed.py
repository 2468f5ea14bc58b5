"""A small store whose reporting dates (2001-2009) stretch far beyond its event dates (2009),
with outlets, titles and URLs, an undated event and a part-of-day date."""
from __future__ import annotations

from lagebild.records import Article, Entity, Event, Evidence, Mention, Place, SourceInfo


def _article(aid: str, published: str, date: str | None, *, outlet: str | None, url: str | None,
             title: str, place: tuple[str, float, float] | None = None) -> Article:
    t = "Protesters marched against the government in the capital."
    ents = [Entity(id="e1", name="Protesters", type="MISC", mentions=[Mention(start=0, end=10, text="Protesters")]),
            Entity(id="e2", name="Government", type="ORG", mentions=[Mention(start=31, end=41, text="government")])]
    places = []
    loc = None
    if place:
        ents.append(Entity(id="e3", name=place[0], type="LOC", mentions=[Mention(start=49, end=56, text="capital")]))
        places.append(Place(entity="e3", name=place[0], geonameid=None, lat=place[1], lon=place[2], country=None, feature="PPL"))
        loc = "e3"
    return Article(
        id=aid, language="en", published=published, text=t,
        source=SourceInfo(title=title, url=url, outlet=outlet, path="articles.jsonl"),
        sentences=[(0, len(t))], entities=ents, places=places,
        events=[Event(id="v1", type="PROTEST", actor=["e1"], recipient=["e2"], date=date, location=loc,
                      modality="asserted", evidence=Evidence(start=0, end=len(t) - 1), confidence=0.8)],
    )


def mixed_articles() -> list[Article]:
    return [
        _article("old-2001", "2001-05-02", "2009-03-20", outlet="Daily Planet", url="https://www.dailyplanet.example/a1",
                 title="Marches in the capital", place=("Kyiv", 50.45, 30.52)),
        _article("mid-2005", "2005-11-20", "2009-03-25TAF", outlet=None, url="https://news.example.org/2005/b2",
                 title="Afternoon march", place=("Kyiv", 50.46, 30.53)),
        _article("new-2009", "2009-03-26", None, outlet="Daily Planet", url="https://www.dailyplanet.example/c3",
                 title="Undated march", place=("Lviv", 49.84, 24.03)),
        _article("late-2009", "2009-12-30", "2009-03-27", outlet="Gazette", url=None,
                 title="Year-end march"),
    ]
