"""Actor, recipient and location of a trigger.

With a dependency parse: :mod:`.parsed_args`; without one: :mod:`.surface_args`. This module
holds what both share: from a token to entity ids (coordination kept as one list), pronouns
(the attribution's speaker, the last person), and the result record.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .entities import EntityIndex
from .lexicon import Lexicon
from .parsed_args import core_range, parsed_arguments
from .surface_args import SurfaceArguments
from .triggers import Trigger

@dataclass
class Arguments:
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    location: str | None = None
    partners: list[str] = field(default_factory=list)
    """Co-participants named by a reciprocal preposition (``talks with X``, ``Gespräch mit X``)."""
    pronoun_actor: bool = False
    crowd: bool = False
    """The actor is a crowd ("thousands of farmers protested"): a protest, not a complaint."""


class ArgumentFinder(SurfaceArguments):
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    # --- entity lookup -------------------------------------------------------------
    def entities(self, tok: Token, idx: EntityIndex, args: Arguments | None = None) -> list[str]:
        out: list[str] = []
        for head in [tok] + [c for c in tok.subtree if c.dep_ == "conj" and _conj_chain(c, tok)]:
            eid = idx.of(head)
            if eid:
                out.append(eid)
                continue
            found = [idx.of(t) for t in sorted(core_range(head, self.lex.np_preps), key=lambda t: t.i)]
            found = [e for e in found if e]
            if found:
                out.extend(dict.fromkeys(found))
            else:
                out.extend(self.pronoun(head, idx, args))
        return list(dict.fromkeys(out))

    def pronoun(self, tok: Token, idx: EntityIndex, args: Arguments | None) -> list[str]:
        kind = self.lex.pronouns.get(tok.lower_)
        if not kind:
            return []
        att = idx.attribution_at(tok.idx)
        src = att.source.entity if att and att.source else None
        res: str | None = None
        if kind == "SPEAKER" or (kind == "PER" and src and idx.type(src) == "PER"):
            res = src
        if kind == "ANY":
            before = [e for s, e in idx.mention_starts if tok.sent.start <= s < tok.i]
            res = before[-1] if before else None
        if res is None and kind in ("PER", "SPEAKER"):
            res = idx.previous_person(tok.sent.start if kind == "PER" else tok.i)
            if res is None:
                res = idx.previous_person(tok.i)
        if res and args is not None:
            args.pronoun_actor = True
        return [res] if res else []

    def new_args(self) -> Arguments:
        return Arguments()

    def parsed(self, trig: Trigger, idx: EntityIndex) -> Arguments:
        return parsed_arguments(self, trig, idx, Arguments())


def _conj_chain(c: Token, root: Token) -> bool:
    t = c
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
        if t.i == root.i:
            return True
    return False
