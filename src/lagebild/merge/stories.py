"""Stories: articles and their events that follow one matter over days and weeks.

An article joins the story it is most like, among the stories active within
``GAP_DAYS`` of its publication, when the likeness reaches ``THRESHOLD``; else it opens
a story of its own. Likeness is the cosine of tf-idf vectors over the article's
entities (QID, else name; by how often it is mentioned) and the content words of its
title and first sentences, plus a bonus for each of its events already merged into an
event of that story (the same strike reported again belongs where it was reported
first). Document frequencies come from the articles merged before (``merge_df``), so
ubiquitous names (the two candidates of a campaign) weigh little.

A merged event belongs to the story of its first report; an article belongs to its own
story and to the stories of its merged events. Story ids never change: a story is named
after the article that opened it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field

from .reports import content_words

GAP_DAYS = 21
THRESHOLD = 0.12
EVENT_BONUS = 0.35
#: terms kept in a story's vector
TOP_TERMS = 60
LEAD_CHARS = 600


@dataclass
class StoryState:
    id: str
    first: dt.date | None
    last: dt.date | None
    terms: Counter = field(default_factory=Counter)
    norm: float = 0.0

    def __post_init__(self) -> None:
        self.norm = math.sqrt(sum(v * v for v in self.terms.values()))

    def add(self, vector: dict[str, float], day: dt.date | None) -> None:
        self.terms.update(vector)
        if len(self.terms) > TOP_TERMS:
            self.terms = Counter(dict(self.terms.most_common(TOP_TERMS)))
        self.norm = math.sqrt(sum(v * v for v in self.terms.values()))
        if day:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)


def story_id(article_id: str) -> str:
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:15]


def article_terms(entity_mentions: dict[str, int], title: str | None, text: str, language: str) -> Counter:
    """Raw term counts of an article: ``e|<entity key>`` and ``w|<word stem>``."""
    terms: Counter = Counter()
    for key, n in entity_mentions.items():
        terms["e|" + key] += min(n, 5)
    for w in content_words(f"{title or ''} {text[:LEAD_CHARS]}", language):
        terms["w|" + w] += 1
    return terms


def tfidf(terms: Counter, df: dict[str, int], n_docs: int) -> dict[str, float]:
    out = {}
    for t, n in terms.items():
        idf = math.log((n_docs + 2) / (df.get(t, 0) + 1))
        weight = (2.0 if t.startswith("e|") else 1.0) * (1 + math.log(n)) * idf
        if weight > 0:
            out[t] = weight
    norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
    return {t: v / norm for t, v in out.items()}


def cosine(a: dict[str, float], b: Counter, norm: float | None = None) -> float:
    if not a or not b:
        return 0.0
    norm = norm or math.sqrt(sum(v * v for v in b.values())) or 1.0
    return sum(v * b[t] for t, v in a.items() if t in b) / norm


def choose(vector: dict[str, float], day: dt.date | None, candidates: list[StoryState],
           event_votes: Counter) -> tuple[StoryState | None, float]:
    """The best story for an article among ``candidates`` (None when none reaches the threshold).

    ``event_votes[story id]``: the share of the article's events already merged into that story's events."""
    best, best_score = None, THRESHOLD
    for s in sorted(candidates, key=lambda s: s.id):
        if day and s.last and (day - s.last).days > GAP_DAYS:
            continue
        if day and s.first and (s.first - day).days > GAP_DAYS:
            continue
        score = cosine(vector, s.terms, s.norm) + EVENT_BONUS * event_votes.get(s.id, 0.0)
        if score > best_score:
            best, best_score = s, score
    return best, best_score
