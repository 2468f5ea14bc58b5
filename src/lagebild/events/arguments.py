"""Actor, recipient and location of a trigger: from the dependency parse where the language
uses it (:mod:`.parsed_args`), else from clause positions (:mod:`.surface_args`); where the
parse failed around the trigger (a broken attachment and no argument found), the clause
positions decide.
"""
from __future__ import annotations

from .entities import EntityIndex
from .lexicon import Lexicon
from .parsed_args import parsed_arguments
from .participants import Arguments
from .surface_args import surface_arguments
from .triggers import Clause, Trigger

__all__ = ["Arguments", "find_arguments"]


def find_arguments(lex: Lexicon, trig: Trigger, clist: list[Clause], idx: EntityIndex, parsed: bool,
                   others: frozenset[int] = frozenset()) -> Arguments:
    if parsed:
        args = parsed_arguments(lex, trig, idx)
        if args.actor or args.recipient or trig.token.dep_ not in lex.broken_deps:
            return args
    return surface_arguments(lex, trig, clist, idx, others)
