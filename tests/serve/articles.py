"""Hand-made article records for the web tests (no NLP pipeline involved)."""
from __future__ import annotations

from lagebild.records import (
    Actor, Article, Attribution, AttributionSource, Entity, Event, Evidence, Mention, Place, SourceInfo, Span, Time,
)


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def ent(text, eid, name, typ, *subs, actor=None, qid=None):  # noqa: ANN001, ANN202
    mentions = [Mention(start=s, end=e, text=text[s:e]) for s, e in (at(text, x) for x in subs)]
    return Entity(id=eid, name=name, type=typ, qid=qid, actor=actor, mentions=mentions)


def sp(text, sub, nth=0) -> Span:  # noqa: ANN001
    s, e = at(text, sub, nth)
    return Span(start=s, end=e, text=sub)


def ev(text, sub) -> Evidence:  # noqa: ANN001
    s, e = at(text, sub)
    return Evidence(start=s, end=e)


def tm(text, sub, value) -> Time:  # noqa: ANN001
    s, e = at(text, sub)
    return Time(start=s, end=e, text=sub, value=value)


def src(text, sub, kind, **kw) -> AttributionSource:  # noqa: ANN001
    s, e = at(text, sub)
    return AttributionSource(kind=kind, start=s, end=e, text=sub, **kw)


def call_article() -> Article:
    t = ("Trump called Zelenskyy on Friday, two officials familiar with the call said. "
         "Trump plans to meet Putin in Alaska in August, the White House announced. "
         "The Kremlin denied that Russian forces attacked Kharkiv on Thursday.")
    s1 = t.index("Trump plans")
    s2 = t.index("The Kremlin")
    return Article(
        id="call-1", language="en", published="2025-07-05", text=t,
        source=SourceInfo(title="Trump calls Zelenskyy", url="https://example.org/call", outlet="Example News"),
        sentences=[(0, s1 - 1), (s1, s2 - 1), (s2, len(t))],
        entities=[
            ent(t, "e1", "Donald Trump", "PER", "Trump", actor=Actor(country="USA", sector="GOV"), qid="Q22686"),
            Entity(id="e1b", name="Donald Trump", type="PER", mentions=[Mention(start=s1, end=s1 + 5, text="Trump")]),
            ent(t, "e2", "Volodymyr Zelenskyy", "PER", "Zelenskyy", actor=Actor(country="UKR", sector="GOV")),
            ent(t, "e3", "Vladimir Putin", "PER", "Putin", actor=Actor(country="RUS", sector="GOV")),
            ent(t, "e4", "Alaska", "LOC", "Alaska"),
            ent(t, "e5", "Kremlin", "ORG", "Kremlin"),
            ent(t, "e6", "Russia", "LOC", "Russian forces"),
            ent(t, "e7", "Kharkiv", "LOC", "Kharkiv"),
            ent(t, "e8", "White House", "ORG", "White House"),
        ],
        places=[Place(entity="e4", name="Alaska", geonameid=5879092, lat=64.0, lon=-150.0, country="US", feature="ADM1"),
                Place(entity="e7", name="Kharkiv", geonameid=706483, lat=49.98, lon=36.25, country="UA", feature="PPLA")],
        times=[tm(t, "on Friday", "2025-07-04"), tm(t, "in August", "2025-08"), tm(t, "on Thursday", "2025-07-03")],
        attributions=[
            Attribution(id="a1", form="indirect", content=sp(t, "Trump called Zelenskyy on Friday"), cue=sp(t, "said"),
                        source=src(t, "two officials familiar with the call", "anonymous", count=2,
                                   description="familiar with the call")),
            Attribution(id="a2", form="indirect", content=sp(t, "Trump plans to meet Putin in Alaska in August"),
                        cue=sp(t, "announced"), source=src(t, "the White House", "institution", entity="e8")),
            Attribution(id="a3", form="reported", content=sp(t, "Russian forces attacked Kharkiv on Thursday"),
                        cue=sp(t, "denied"), source=src(t, "The Kremlin", "institution", entity="e5")),
        ],
        events=[
            Event(id="v1", type="CONSULT", mode="phone", actor=["e1"], recipient=["e2"], date="2025-07-04",
                  modality="asserted", attribution="a1", evidence=ev(t, "Trump called Zelenskyy on Friday"),
                  confidence=0.9, trigger=sp(t, "called")),
            Event(id="v2", type="CONSULT", mode="meet", actor=["e1b"], recipient=["e3"], location="e4", date="2025-08",
                  modality="planned", attribution="a2", evidence=ev(t, "Trump plans to meet Putin in Alaska in August"),
                  confidence=0.7, trigger=sp(t, "meet")),
            Event(id="v3", type="ASSAULT", actor=["e6"], recipient=[], location="e7", date="2025-07-03",
                  modality="negated", attribution="a3", evidence=ev(t, "Russian forces attacked Kharkiv on Thursday"),
                  confidence=0.6, trigger=sp(t, "attacked")),
        ],
    )


def german_article() -> Article:
    t = ("Bundeskanzler Friedrich Merz hat am 3. März 2025 mit Emmanuel Macron telefoniert, teilte ein "
         "Regierungssprecher mit. Ob Deutschland Taurus-Raketen an die Ukraine liefert, ist unklar. "
         "Wird Russland die Waffenruhe in Kyjiw einhalten?")
    return Article(
        id="de/merz 1", language="de", published="2025-03-04", text=t,
        source=SourceInfo(title="Merz telefoniert mit Macron", path="articles/merz.txt"),
        entities=[
            ent(t, "e1", "Friedrich Merz", "PER", "Friedrich Merz", actor=Actor(country="DEU", sector="GOV")),
            ent(t, "e2", "Emmanuel Macron", "PER", "Emmanuel Macron", actor=Actor(country="FRA", sector="GOV")),
            ent(t, "e3", "Deutschland", "LOC", "Deutschland", actor=Actor(country="DEU")),
            ent(t, "e4", "Ukraine", "LOC", "Ukraine", actor=Actor(country="UKR")),
            ent(t, "e5", "Russland", "LOC", "Russland", actor=Actor(country="RUS")),
            ent(t, "e6", "Kyjiw", "LOC", "Kyjiw"),
        ],
        places=[Place(entity="e6", name="Kyiv", geonameid=703448, lat=50.45, lon=30.52, country="UA", feature="PPLC")],
        times=[tm(t, "am 3. März 2025", "2025-03-03")],
        attributions=[
            Attribution(id="a1", form="indirect", content=sp(t, "Bundeskanzler Friedrich Merz hat am 3. März 2025 mit Emmanuel Macron telefoniert"),
                        cue=Span(start=at(t, "teilte")[0], end=at(t, "mit.")[1] - 1, text="teilte … mit",
                                 spans=[at(t, "teilte"), (at(t, "mit.")[0], at(t, "mit.")[1] - 1)]),
                        source=src(t, "ein Regierungssprecher", "person", description="Regierungssprecher")),
        ],
        events=[
            Event(id="v1", type="CONSULT", mode="phone", actor=["e1"], recipient=["e2"], date="2025-03-03", modality="asserted",
                  attribution="a1", evidence=ev(t, "Bundeskanzler Friedrich Merz hat am 3. März 2025 mit Emmanuel Macron telefoniert"),
                  confidence=0.85, trigger=sp(t, "telefoniert")),
            Event(id="v2", type="AID", mode="military", actor=["e3"], recipient=["e4"], modality="uncertain",
                  evidence=ev(t, "Ob Deutschland Taurus-Raketen an die Ukraine liefert, ist unklar."), confidence=0.5,
                  trigger=sp(t, "liefert")),
            Event(id="v3", type="AGREE", actor=["e5"], location="e6", modality="question",
                  evidence=ev(t, "Wird Russland die Waffenruhe in Kyjiw einhalten?"), confidence=0.4, trigger=sp(t, "einhalten")),
        ],
    )


def chain_article() -> Article:
    t = ("Israel could strike Iran if the talks fail, an unnamed official told the newspaper Haaretz, "
         "which reported it on Sunday. Iran accused Israel of sabotage in May 2025.")
    return Article(
        id="chain-1", language="en", published="2025-06-02", text=t,
        source=SourceInfo(title="Israel weighs strike", url="http://example.com/x"),
        entities=[
            ent(t, "e1", "Israel", "LOC", "Israel", actor=Actor(country="ISR")),
            ent(t, "e2", "Iran", "LOC", "Iran", actor=Actor(country="IRN")),
            ent(t, "e3", "Haaretz", "ORG", "Haaretz"),
        ],
        places=[Place(entity="e2", name="Iran", geonameid=130758, lat=32.0, lon=53.0, country="IR", feature="PCLI")],
        times=[tm(t, "on Sunday", "2025-06-01"), tm(t, "in May 2025", "2025-05")],
        attributions=[
            Attribution(id="a1", form="reported", content=sp(t, "Israel could strike Iran if the talks fail"), cue=sp(t, "told"),
                        source=src(t, "an unnamed official", "anonymous", count=1), according_to="a2"),
            Attribution(id="a2", form="reported", cue=sp(t, "reported"), source=src(t, "the newspaper Haaretz", "institution", entity="e3"),
                        medium="print"),
        ],
        events=[
            Event(id="v1", type="ASSAULT", actor=["e1"], recipient=["e2"], location="e2", modality="hypothetical",
                  attribution="a1", evidence=ev(t, "Israel could strike Iran if the talks fail"), confidence=0.55,
                  trigger=sp(t, "strike")),
            Event(id="v2", type="ACCUSE", actor=["e2"], recipient=["e1"], date="2025-05", modality="asserted",
                  evidence=ev(t, "Iran accused Israel of sabotage in May 2025."), confidence=0.8, trigger=sp(t, "accused")),
        ],
    )


XSS_TITLE = '<script>window.__xss="title"</script>Evil title'
XSS_NAME = '<img src=x onerror="window.__xss=\'name\'">Evil Org'


def xss_article() -> Article:
    t = ('<script>window.__xss="text"</script> Members of <img src=x onerror="window.__xss=1"> protested '
         'in Berlin on 1 June 2025, "><svg onload=alert(1)> said.')
    return Article(
        id="xss-1", language="en", published="2025-06-02", text=t,
        source=SourceInfo(title=XSS_TITLE, url='javascript:window.__xss="url"', outlet="<i>outlet</i>"),
        entities=[
            Entity(id="e1", name=XSS_NAME, type="ORG",
                   mentions=[Mention(start=at(t, '<img src=x onerror="window.__xss=1">')[0],
                                     end=at(t, '<img src=x onerror="window.__xss=1">')[1], text="x")]),
            ent(t, "e2", "Berlin", "LOC", "Berlin"),
        ],
        places=[Place(entity="e2", name="Berlin", geonameid=2950159, lat=52.52, lon=13.41, country="DE", feature="PPLC")],
        times=[tm(t, "on 1 June 2025", "2025-06-01")],
        attributions=[Attribution(id="a1", form="indirect", cue=sp(t, "said"),
                                  source=src(t, '"><svg onload=alert(1)>', "person"))],
        events=[
            Event(id="v1", type="PROTEST", actor=["e1"], location="e2", date="2025-06-01", modality="asserted",
                  attribution="a1", evidence=Evidence(start=0, end=len(t)), confidence=0.7, trigger=sp(t, "protested")),
        ],
    )


EU = Actor(country="IGO", sector="GOV")


def sanctions_article_a() -> Article:
    """One of two outlets reporting the same sanctions (same type, actor QID, recipient, day)."""
    t = "The European Union imposed new sanctions on Russia on Tuesday, the European Commission said."
    return Article(
        id="eu-a", language="en", published="2025-05-20", text=t,
        source=SourceInfo(title="EU imposes new sanctions on Russia", url="https://wire.example/eu", outlet="Brussels Wire"),
        entities=[ent(t, "e1", "European Union", "ORG", "European Union", actor=EU, qid="Q458"),
                  ent(t, "e2", "Russia", "LOC", "Russia", actor=Actor(country="RUS"))],
        times=[tm(t, "on Tuesday", "2025-05-20")],
        attributions=[Attribution(id="a1", form="indirect", content=sp(t, "The European Union imposed new sanctions on Russia on Tuesday"),
                                  cue=sp(t, "said"), source=src(t, "the European Commission", "institution"))],
        events=[Event(id="v1", type="SANCTION", actor=["e1"], recipient=["e2"], date="2025-05-20", modality="asserted",
                      attribution="a1", evidence=ev(t, "The European Union imposed new sanctions on Russia on Tuesday"),
                      confidence=0.8, trigger=sp(t, "imposed"))],
    )


def sanctions_article_b() -> Article:
    """The other outlet: the same sanctions (asserted, anonymous source), and more of them planned."""
    t = "Brussels sanctioned Russia on 20 May, diplomats said. The EU plans further sanctions against Moscow in June."
    s1 = t.index("The EU")
    return Article(
        id="eu-b", language="en", published="2025-05-21", text=t,
        source=SourceInfo(title="Brussels tightens the screws", url="https://ledger.example/b", outlet="Daily Ledger"),
        sentences=[(0, s1 - 1), (s1, len(t))],
        entities=[ent(t, "e1", "European Union", "ORG", "Brussels", "EU", actor=EU, qid="Q458"),
                  ent(t, "e2", "Russia", "LOC", "Russia", "Moscow", actor=Actor(country="RUS"))],
        times=[tm(t, "on 20 May", "2025-05-20"), tm(t, "in June", "2025-06")],
        attributions=[Attribution(id="a1", form="indirect", content=sp(t, "Brussels sanctioned Russia on 20 May"),
                                  cue=sp(t, "said"), source=src(t, "diplomats", "anonymous"))],
        events=[
            Event(id="v1", type="SANCTION", actor=["e1"], recipient=["e2"], date="2025-05-20", modality="asserted",
                  attribution="a1", evidence=ev(t, "Brussels sanctioned Russia on 20 May"), confidence=0.9,
                  trigger=sp(t, "sanctioned")),
            Event(id="v2", type="SANCTION", actor=["e1"], recipient=["e2"], date="2025-06", modality="planned",
                  evidence=ev(t, "The EU plans further sanctions against Moscow in June."), confidence=0.7,
                  trigger=sp(t, "sanctions")),
        ],
    )


def all_articles() -> list[Article]:
    return [call_article(), german_article(), chain_article(), xss_article(), sanctions_article_a(), sanctions_article_b()]
