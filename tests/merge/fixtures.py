"""Hand-made reports of one crackdown in Minsk by three outlets in two languages, a denial, a protest
days later, and an unrelated trade deal (no NLP pipeline involved)."""
from __future__ import annotations

from lagebild.records import Article, Entity, Event, Evidence, Mention, Place, SourceInfo, Span, Time

POLICE, MINSK, BELARUS, EU, CANADA = "Q1", "Q2280", "Q184", "Q458", "Q16"


def _at(text: str, sub: str) -> tuple[int, int]:
    i = text.index(sub)
    return i, i + len(sub)


def _ent(text, eid, name, typ, sub, qid=None):  # noqa: ANN001, ANN202
    s, e = _at(text, sub)
    return Entity(id=eid, name=name, type=typ, qid=qid, mentions=[Mention(start=s, end=e, text=sub)])


def _event(text, eid, typ, evidence, trigger, actor=(), recipient=(), date=None, modality="asserted",  # noqa: ANN001, ANN202
           location=None, confidence=0.8):
    s, e = _at(text, evidence)
    ts, te = _at(text, trigger)
    return Event(id=eid, type=typ, actor=list(actor), recipient=list(recipient), date=date, modality=modality,
                 location=location, evidence=Evidence(start=s, end=e), trigger=Span(start=ts, end=te, text=trigger),
                 confidence=confidence)


def _article(aid, lang, published, outlet, title, text, entities, events, times=(), places=()):  # noqa: ANN001, ANN202
    return Article(id=aid, language=lang, published=published, text=text, entities=entities, events=events,
                   times=list(times), places=list(places),
                   source=SourceInfo(title=title, outlet=outlet, url=f"https://{outlet.lower().replace(' ', '')}.example/{aid}"))


def _minsk(text: str, eid: str = "e2") -> tuple[Entity, Place]:
    return (_ent(text, eid, "Minsk", "LOC", "Minsk", MINSK),
            Place(entity=eid, name="Minsk", geonameid=625144, lat=53.9, lon=27.567, country="BY", feature="PPLC"))


def shooting_de_a() -> Article:
    t = "Polizisten erschossen am Samstag in Minsk vier Demonstranten. Die Regierung schwieg."
    minsk, place = _minsk(t)
    return _article("minsk-de-a", "de", "2025-03-02", "Tagesbote", "Polizei erschießt Demonstranten in Minsk", t,
                    [_ent(t, "e1", "Polizei von Belarus", "ORG", "Polizisten", POLICE), minsk],
                    [_event(t, "v1", "ASSAULT", "Polizisten erschossen am Samstag in Minsk vier Demonstranten", "erschossen",
                            actor=["e1"], date="2025-03-01", location="e2")],
                    [Time(start=t.index("am Samstag"), end=t.index("am Samstag") + 10, text="am Samstag", value="2025-03-01")],
                    [place])


def shooting_de_b() -> Article:
    t = "In Minsk hat die Polizei am Samstag zehn Demonstranten erschossen, berichten Augenzeugen."
    minsk, place = _minsk(t)
    return _article("minsk-de-b", "de", "2025-03-02", "Morgenpost", "Zehn Tote bei Protesten in Minsk", t,
                    [_ent(t, "e1", "Polizei von Belarus", "ORG", "Polizei", POLICE), minsk],
                    [_event(t, "v1", "ASSAULT", "In Minsk hat die Polizei am Samstag zehn Demonstranten erschossen", "erschossen",
                            actor=["e1"], date="2025-03-01", location="e2", confidence=0.9)], places=[place])


def shooting_en() -> Article:
    t = "Belarusian police opened fire on protesters in Minsk on Saturday, killing several."
    minsk, place = _minsk(t)
    return _article("minsk-en", "en", "2025-03-02", "Wire", "Police fire on Minsk protesters", t,
                    [_ent(t, "e1", "Belarusian police", "ORG", "Belarusian police", POLICE), minsk],
                    [_event(t, "v1", "ASSAULT", "Belarusian police opened fire on protesters in Minsk on Saturday",
                            "opened fire", actor=["e1"], date="2025-03-01", location="e2")], places=[place])


def denial_en() -> Article:
    t = "The interior ministry denied that police fired on protesters in Minsk on Saturday."
    minsk, place = _minsk(t)
    return _article("minsk-denial", "en", "2025-03-03", "Ledger", "Ministry denies shooting in Minsk", t,
                    [_ent(t, "e1", "Belarusian police", "ORG", "police", POLICE), minsk,
                     _ent(t, "e3", "Interior ministry of Belarus", "ORG", "interior ministry")],
                    [_event(t, "v1", "ASSAULT", "police fired on protesters in Minsk on Saturday", "fired",
                            actor=["e1"], date="2025-03-01", modality="negated", location="e2")], places=[place])


def protest_de() -> Article:
    t = "Tausende protestierten am Dienstag in Minsk gegen die Gewalt der Polizei."
    minsk, place = _minsk(t)
    return _article("minsk-protest", "de", "2025-03-05", "Tagesbote", "Tausende protestieren in Minsk gegen Polizeigewalt", t,
                    [_ent(t, "e1", "Polizei von Belarus", "ORG", "Polizei", POLICE), minsk],
                    [_event(t, "v1", "PROTEST", "Tausende protestierten am Dienstag in Minsk gegen die Gewalt der Polizei",
                            "protestierten", recipient=["e1"], date="2025-03-04", location="e2")], places=[place])


def trade_en() -> Article:
    t = "The European Union and Canada agreed on a new trade deal in Brussels on Monday."
    return _article("trade", "en", "2025-06-10", "Wire", "EU and Canada agree trade deal", t,
                    [_ent(t, "e1", "European Union", "ORG", "European Union", EU), _ent(t, "e2", "Canada", "LOC", "Canada", CANADA)],
                    [_event(t, "v1", "AGREE", "The European Union and Canada agreed on a new trade deal", "agreed",
                            actor=["e1", "e2"], date="2025-06-09")])


def all_articles() -> list[Article]:
    return [shooting_de_a(), shooting_de_b(), shooting_en(), denial_en(), protest_de(), trade_en()]
