"""Synthetic articles (as bench/api.py makes them, smaller): many re-report the same few stories, so that
merging gives clusters of every size whose reports differ in modality, confidence, language and source."""
from __future__ import annotations

import datetime as dt
import random

from lagebild.records import Actor, Article, Attribution, AttributionSource, Entity, Event, Evidence, Mention, SourceInfo, Span

ACTORS = [("Vladimir Putin", "RUS", "GOV"), ("Donald Trump", "USA", "GOV"), ("Volodymyr Zelenskyy", "UKR", "GOV"),
          ("NATO", "IGO", "MIL"), ("Russian forces", "RUS", "MIL"), ("Ukrainian Army", "UKR", "MIL"),
          ("Kremlin", "RUS", "GOV"), ("Pentagon", "USA", "MIL")]
TYPES = ["AGREE", "CONSULT", "THREATEN", "ACCUSE", "AID", "ASSAULT"]
VERBS = {"ASSAULT": "attacked", "CONSULT": "met", "AID": "sent DRONES to"}
MODALITIES = ["asserted"] * 3 + ["negated", "planned", "uncertain"]
SOURCES = [None, ("anonymous", "two officials"), ("person", "a spokesman")]


def synthetic_articles(n: int, seed: int = 1, prefix: str = "syn") -> list[Article]:
    rng = random.Random(seed)
    stories = [(rng.choice(TYPES), *rng.sample(ACTORS, 2), dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(60)),
                rng.choice(MODALITIES)) for _ in range(12)]
    out = []
    for i in range(n):
        published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(70))
        text, entities, events, attrs = "", {}, [], []
        for k in range(4):
            story = rng.choice(stories) if rng.random() < 0.7 else None
            typ, a, r = story[:3] if story else (rng.choice(TYPES), *rng.sample(ACTORS, 2))
            date = story[3] if story else published - dt.timedelta(days=rng.randrange(5))
            s0 = len(text)
            ids = []
            for who in (a, r):
                e = entities.setdefault(who[0], Entity(id=f"e{len(entities) + 1}", name=who[0], type="ORG",
                                                       actor=Actor(country=who[1], sector=who[2])))
                e.mentions.append(Mention(start=len(text), end=len(text) + len(who[0]), text=who[0]))
                ids.append(e.id)
                text += who[0] + (" " if who is a else "")
                if who is a:
                    verb = VERBS.get(typ, typ.lower() + "ed")
                    trigger = Span(start=len(text), end=len(text) + len(verb), text=verb)
                    text += verb + " "
            text += f" on {date.isoformat()}"
            end = len(text)
            src, att = rng.choice(SOURCES), None
            if src:
                text += ", " + src[1]
                att = f"a{len(attrs) + 1}"
                attrs.append(Attribution(id=att, form="indirect", content=Span(start=s0, end=end), source=AttributionSource(
                    kind=src[0], text=src[1], start=len(text) - len(src[1]), end=len(text))))
                text += " said"
            text += ". "
            events.append(Event(id=f"v{k + 1}", type=typ, actor=[ids[0]], recipient=[ids[1]],
                                date=date.isoformat() if rng.random() < 0.9 else None,
                                modality=story[4] if story and rng.random() < 0.8 else rng.choice(MODALITIES),
                                attribution=att, evidence=Evidence(start=s0, end=end), trigger=trigger,
                                confidence=round(rng.choice([0.5, 0.7, 0.9, rng.random()]), 2)))
        out.append(Article(id=f"{prefix}-{i:04d}", language="de" if i % 3 == 0 else "en", published=published.isoformat(),
                           text=text, source=SourceInfo(title=f"Synthetic {i}", outlet=f"Outlet {i % 5}"),
                           entities=list(entities.values()), attributions=attrs, events=events))
    return out
