"""Who takes part in an event: the argument record and the lookup from a token to entities.

Shared by both argument finders (:mod:`.parsed_args`, :mod:`.surface_args`): a token stands
for the entity it belongs to, for the entities of its noun phrase and of the phrases
coordinated with it ("Japan and South Korea"), or, for a pronoun, for the attribution's
speaker or the last person named (data: ``events.json`` ``pronouns``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .entities import EntityIndex
from .lexicon import Lexicon
from .syntax import core_range


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


def entities_of(lex: Lexicon, tok: Token, idx: EntityIndex, args: Arguments | None = None) -> list[str]:
    """The entities ``tok`` stands for (with its coordinated phrases)."""
    out: list[str] = []
    for head in [tok] + [c for c in tok.subtree if c.dep_ == "conj" and _conj_chain(c, tok)]:
        eid = idx.of(head)
        if eid:
            out.append(eid)
            continue
        found = [idx.of(t) for t in sorted(core_range(head, lex.np_preps), key=lambda t: t.i)]
        found = [e for e in found if e]
        if found:
            out.extend(dict.fromkeys(found))
        else:
            out.extend(pronoun(lex, head, idx, args))
    return list(dict.fromkeys(out))


def pronoun(lex: Lexicon, tok: Token, idx: EntityIndex, args: Arguments | None) -> list[str]:
    """A pronoun's entity: the speaker for first person, else the last fitting mention."""
    kind = lex.pronouns.get(tok.lower_)
    if not kind:
        return []
    att = idx.attribution_at(tok.idx)
    src = att.source.entity if att and att.source else None
    res: str | None = None
    if kind == "SPEAKER" or (kind == "PER" and src and idx.type(src) == "PER"):
        res = src
    if kind == "ANY":
        if src and not idx.is_place(src) and att.content and att.content.start <= tok.idx < att.content.end:
            res = src  # "Security forces in Somalia say they killed ...": the speakers themselves
        else:
            before = [e for s, e in idx.mention_starts if tok.sent.start <= s < tok.i]
            res = before[-1] if before else None
    if res is None and kind in ("PER", "SPEAKER"):
        res = idx.previous_person(tok.sent.start if kind == "PER" else tok.i)
        if res is None:
            res = idx.previous_person(tok.i)
    if res and args is not None:
        args.pronoun_actor = True
    return [res] if res else []


def _conj_chain(c: Token, root: Token) -> bool:
    t = c
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
        if t.i == root.i:
            return True
    return False
