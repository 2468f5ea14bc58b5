"""Propose, then decide: whether a trigger with its arguments is an event, and how sure.

The lexicon proposes; this step rejects what the context shows is no event and scores the
rest. Rejections are general rules of grammar, not word lists:

* a verb trigger the tagger reads as a plain adjective, not a participle ("close to the
  border");
* a reciprocal trigger (meet, talk) with a topic ("talk about") but no partner and at most one
  actor: speech about something, not a consultation;
* an adjective trigger used attributively ("angry Palestinians held rallies"): only a
  predicative one states a stance ("X was angry with Y");
* an event with neither actor nor recipient (after the events of its sentence are merged)
  says nothing about who did what to whom.

``confidence`` is a logistic model over features of the decision (trigger weight, which
arguments were found and how, nominal or verbal trigger, a noun that only modifies
another noun ("sanctions legislation"), depth of the trigger in the
sentence, modality, attribution). Its weights live in ``lagebild/data/event_confidence.json``,
fitted by ``scripts/fit_event_confidence.py`` on the English readings of half A of
``events-dev`` (VOA, public domain) and the PLOVER GSR dev half (CC BY-SA), and checked on the untouched half B (``eval/events.py``
prints the calibration table). Events under ``Settings.event_min_confidence`` are dropped.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..errors import DataFileError
from .entities import EntityIndex
from .lexicon import Lexicon
from .participants import Arguments
from .triggers import Trigger

ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "ADJA", "ADJD"})
"""Fine-grained adjective and adverb tags (PTB, STTS); a model that tags only UPOS never
rejects here."""
FEATURES = ("bias", "weight", "actor", "actor_named", "actor_group", "actor_pronoun", "recipient",
            "noun", "adjective", "modifier", "depth", "asserted", "attributed", "later_clause", "phrase")


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]

    def probability(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model() -> Model:
    path = resources.files("lagebild") / "data" / "event_confidence.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise DataFileError(f"cannot read the event confidence model: {err}", path=str(path)) from err
    weights = data.get("weights", {})
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise DataFileError(f"unknown confidence features {sorted(unknown)}", path=str(path))
    return Model(weights={k: float(v) for k, v in weights.items()})


def rejection(t: Trigger, args: Arguments, lex: Lexicon, parsed: bool) -> str | None:
    """Why this candidate is no event, or None."""
    tok = t.token
    if t.entry.pos == "VERB" and tok.tag_ in ADJECTIVE_TAGS and not _participle(tok, lex):
        return "adjective"  # "close to the border", "a base located close to"
    if t.entry.pos == "ADJ" and (tok.dep_ == "amod" or tok.tag_ == "ADJA"):
        return "attributive"  # "angry Palestinians held rallies": a state named in passing
    if t.entry.reciprocal and not args.recipient and not args.partners and len(args.actor) < 2 and any(
            c.dep_ == "prep" and lex.key(c.text) in lex.topic_preps for c in tok.children):
        return "topic only"  # "we don't want to talk about it", "there was talk about": no partner
    return None


def has_participants(actor: list[str], recipient: list[str]) -> bool:
    """An event needs an actor or a recipient, once the events of its sentence are merged
    ("Der kühnste Angriff erfolgte Anfang Juni, als die Ukraine ... angriff")."""
    return bool(actor or recipient)


def _participle(tok: Token, lex: Lexicon) -> bool:
    if "Part" in tok.morph.get("VerbForm") or tok.tag_ in ("VBN", "VBG"):
        return True
    key = lex.key(tok.text)
    return key in lex.participle_forms or key in lex.past_participles


def features(t: Trigger, args: Arguments, idx: EntityIndex, parsed: bool, modality: str,
             attributed: bool) -> dict[str, float]:
    named = [a for a in args.actor if a not in idx.groups and idx.linked(a)]
    groups = [a for a in args.actor if a in idx.groups]
    return {
        "bias": 1.0,
        "weight": t.entry.weight,
        "actor": float(bool(args.actor)),
        "actor_named": float(bool(named)),
        "actor_group": float(bool(groups) and not named),
        "actor_pronoun": float(args.pronoun_actor),
        "recipient": float(bool(args.recipient)),
        "noun": float(t.is_noun),
        "adjective": float(t.entry.pos == "ADJ"),
        "modifier": float(parsed and t.is_noun and t.token.dep_ == "compound"
                          and t.token.head.pos_ in ("NOUN", "PROPN")),
        "depth": min(t.depth, 5) / 5 if parsed else (0.4 if t.clause.marker or t.clause.relative else 0.0),
        "asserted": float(modality == "asserted"),
        "attributed": float(attributed),
        "later_clause": float(t.clause.index > 0),
        "phrase": float(len(t.tokens) > 1),
    }


def confidence(feats: dict[str, float]) -> float:
    return round(load_model().probability(feats), 2)
