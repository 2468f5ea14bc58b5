"""A report: one event as one article tells it, with what the same-event decision reads.

Built from a row of the store's events table joined to its article (outlet), so the
merge works on stored data alone, in the same way after ``ingest``, after loading a
``batch`` output, and in tests.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import LanguageData, available_languages

#: columns of ``events e JOIN articles a`` a report is built from, in this order
COLUMNS = (
    "e.article_id", "e.id", "e.type", "e.modality", "e.actor_keys", "e.recipient_keys", "e.location_name",
    "e.lat", "e.lon", "e.date", "e.date_start", "e.date_end", "e.published", "e.evidence_start", "e.evidence_end",
    "e.evidence_text", "e.trigger_text", "e.language", "e.source_kind", "e.source_text", "a.outlet",
    f"substr(a.text, greatest(e.evidence_start - {{CONTEXT}}, 0) + 1, e.evidence_end - e.evidence_start + 2 * {{CONTEXT}})",
)
#: characters of article text on each side of the evidence that the decision reads
CONTEXT = 150
SELECT = ", ".join(COLUMNS).replace("{CONTEXT}", str(CONTEXT))

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True, eq=False)
class Report:
    article_id: str
    event_id: str
    type: str
    modality: str
    actors: frozenset[str]
    recipients: frozenset[str]
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    published: dt.date | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    evidence: str = ""
    trigger: str = ""
    language: str = "en"
    source_kind: str | None = None
    source_text: str | None = None
    outlet: str | None = None
    words: frozenset[str] = field(default=frozenset(), compare=False)
    #: the stem of the trigger's first word ("Angriffe" -> "angrif")
    head: str = ""
    #: the trigger's family (``lang/<code>/merge.json``: charges/indict/prosecute -> "charge"), else its head
    family: str = ""

    #: "<article id>\x1f<event id>": what identifies a report (equality and hash go by it)
    uid: str = ""
    #: its blocking keys, computed once (:func:`lagebild.merge.decide.block_keys`)
    bkeys: frozenset[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.uid:
            object.__setattr__(self, "uid", f"{self.article_id}\x1f{self.event_id}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Report) and other.uid == self.uid

    def __hash__(self) -> int:
        return hash(self.uid)

    @property
    def day(self) -> dt.date | None:
        """The day the event is anchored on: its own date when known, else the article's."""
        return self.start or self.published

    @property
    def precision_days(self) -> int | None:
        """How many days the event's date covers (1: a day); None when undated."""
        return (self.end - self.start).days + 1 if self.start and self.end else None


def from_row(row: tuple) -> Report:
    (aid, eid, typ, modality, actors, recipients, place, lat, lon, date, start, end, published, es, ee,
     evidence, trigger, language, source_kind, source_text, outlet, context) = row
    language = language or "en"
    return Report(
        aid, eid, typ, modality or "asserted", frozenset(actors or ()), frozenset(recipients or ()), place, lat, lon,
        date, start, end, published, es or 0, ee or 0, evidence or "", trigger or "", language, source_kind,
        source_text, outlet, content_words(context or f"{evidence or ''} {trigger or ''}", language), trigger_head(trigger),
        trigger_family(trigger, language),
    )


def trigger_family(trigger: str | None, language: str) -> str:
    words = _WORD.findall((trigger or "").lower())
    if not words:
        return ""
    for name, prefixes in merge_data(language)["families"].items():
        if any(words[0].startswith(p) for p in prefixes):
            return name
    return stem(words[0])


def trigger_head(trigger: str | None) -> str:
    words = _WORD.findall((trigger or "").lower())
    return stem(words[0]) if words else ""


@lru_cache(maxsize=8)
def merge_data(language: str) -> dict:
    """``lang/<code>/merge.json`` plus the language's stop words (empty for a language without them)."""
    if language not in available_languages():
        return {"numbers": {}, "scale": {}, "ignore": frozenset(), "families": {}}
    data = LanguageData(language)
    raw = data.json("merge") if data.has("merge.json") else {}
    stop = data.words("stopwords") if data.has("stopwords.txt") else frozenset()
    return {"numbers": raw.get("numbers", {}), "scale": raw.get("scale", {}),
            "ignore": frozenset(raw.get("ignore", ())) | stop, "families": raw.get("families", {})}


def stem(word: str) -> str:
    """A crude, language-blind stem: enough to match charges/charge, Angriffe/Angriff."""
    return word[:6]


def content_words(text: str, language: str) -> frozenset[str]:
    ignore = merge_data(language)["ignore"]
    return frozenset(stem(w) for w in (m.lower() for m in _WORD.findall(text))
                     if len(w) > 2 and not w.isdigit() and w not in ignore)


def figures(text: str, language: str) -> dict[str, tuple[int, str]]:
    """Counted things in a text: ``{"demons": (4, "Demonstranten")}`` for "vier Demonstranten".

    The key is the stem of the word after the number (of the next word when that one is a scale
    word such as "million"); the value the number and that word as written."""
    data = merge_data(language)
    numbers, scale = data["numbers"], data["scale"]
    out: dict[str, tuple[int, str]] = {}
    words = _WORD.findall(text)
    for i, w in enumerate(words[:-1]):
        low = w.lower()
        value: float | None = None
        if re.fullmatch(r"\d+", w):
            value = int(w)
            if 1900 <= value <= 2100:  # a year, not a count
                continue
        elif low in numbers:
            value = numbers[low]
        if value is None:
            continue
        j = i + 1
        if words[j].lower() in scale:
            value *= scale[words[j].lower()]
            j += 1
        if j < len(words):
            noun = words[j].lower()
            if noun in data["ignore"] or noun in numbers or noun.isdigit():
                continue
            out.setdefault(stem(noun), (int(value), words[j]))
    return out
