"""Dependency labels and noun-phrase helpers shared by the argument finders.

Both label schemes the models use are listed: ClearNLP (English models) and Universal
Dependencies / TIGER (German model).
"""
from __future__ import annotations

from spacy.tokens import Token

PASS_SUBJ = {"nsubjpass", "nsubj:pass", "csubjpass"}
SUBJ = {"nsubj", "csubj", "sb"}
OBJ = {"dobj", "obj", "oa"}
IOBJ = {"dative", "iobj", "da"}
CLAUSAL_UP = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acl", "oc", "prep", "acomp", "pobj"}
CUT = {"relcl", "acl", "advcl", "ccomp", "punct", "cc", "parataxis", "appos"}
PRUNE = {"relcl", "advcl", "parataxis", "ccomp"}
CLAUSAL_COMPLEMENTS = {"ccomp"}
"""A finite complement clause ("warned that ...")."""
COMPLEMENT_PATH = {"xcomp", "ccomp", "dobj", "obj", "oc", "oa", "conj"}
"""Labels from an event up to the word whose complement it is (objects, complement clauses)."""


def prep_objects(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs attached to ``tok`` in either label scheme."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP":
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append((c.lower_, g))
        elif c.dep_.startswith(("obl", "nmod")):
            case = next((g for g in c.children if g.dep_ == "case"), None)
            if case is not None:
                out.append((case.lower_, c))
    return out


def core_range(tok: Token, np_preps: frozenset[str]) -> list[Token]:
    """The tokens of a noun phrase, without its clauses and coordinated parts."""
    toks, stack = [tok], [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in CUT or c.dep_ == "conj":
                continue
            if c.dep_ == "prep" and c.lower_ not in np_preps:
                continue
            toks.append(c)
            stack.append(c)
    return toks


def pruned(head: Token):
    """The subtree of ``head`` without embedded clauses."""
    stack = [head]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in reversed(list(t.children)) if c.dep_ not in PRUNE)
