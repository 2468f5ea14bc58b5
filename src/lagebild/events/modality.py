"""Modality of an event: asserted, negated, uncertain, question, hypothetical or planned.

The cues (``modality.json``) are looked for in the trigger's clause and in the clause that
governs it (``fragte, ob ...``, ``unclear whether ...``). With a parse, negation must hang
on the trigger or its verb; without one, it counts anywhere in the clause. Priority:
negated > uncertain > question > hypothetical > planned > asserted.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Lexicon, ModalityCues
from .syntax import SUBJ
from .triggers import Clause, Trigger

NEG_DEPS = {"neg", "ng"}


def _words(doc: Doc, c: Clause, lex: Lexicon, skip: frozenset[int] = frozenset(),
           lemmas: bool = False) -> set[str]:
    """Lower-cased surface forms of a clause (with ``lemmas``, their lemmas too)."""
    out: set[str] = set()
    for t in doc[c.start:c.end]:
        if t.i in skip:
            continue
        out.add(t.lower_)
        if lemmas and t.lemma_:
            out.add(t.lemma_.lower())
    return out


def _focus(t: Token, cues: ModalityCues) -> bool:
    """A negation that only focuses a part ("not only X, but also Y") negates nothing."""
    return t.i + 1 < len(t.doc) and t.nbor(1).lower_ in cues.negation_exceptions


def _negated_parsed(tok: Token, cues: ModalityCues) -> bool:
    heads = [tok]
    if tok.pos_ not in ("VERB", "AUX") and tok.head.pos_ in ("VERB", "AUX"):
        heads.append(tok.head)
    for h in heads:
        for c in h.children:
            if (c.dep_ in NEG_DEPS or (c.dep_ == "det" and c.lower_ in cues.negation)) and not _focus(c, cues):
                return True
    return False


def _governor_chain(tok: Token) -> list[Token]:
    out, t = [], tok
    for _ in range(6):
        if t.head.i == t.i:
            break
        t = t.head
        out.append(t)
    return out


def modality(trig: Trigger, clist: list[Clause], cues: ModalityCues, lex: Lexicon,
             parsed: bool, sentence_has_condition: bool) -> str:
    doc = trig.token.doc
    c = trig.clause
    if trig.forced_modality:
        return trig.forced_modality
    own = frozenset(t.i for t in trig.tokens) | {trig.token.i}
    words = _words(doc, c, lex, own)  # cues are word forms ("potenzielle" is no "potenziell")
    prev = _words(doc, clist[c.index - 1], lex, lemmas=True) if c.index > 0 else set()
    marker = c.marker
    tok = trig.token
    if trig.is_noun and any(t.lower_ in cues.privative for t in doc[max(c.start, tok.i - 3):tok.i]):
        return "negated"  # "ergab sich ohne Widerstand"
    if parsed and tok.dep_ == "pcomp" and any(x.dep_ in SUBJ for x in tok.children):
        # "could accelerate with Cavusoglu warning that ...": a clause of its own under a
        # preposition; the modal of the verb it modifies is not its modality
        inside = {x.i for x in tok.subtree}
        words = {x.lower_ for x in doc[c.start:c.end] if x.i in inside and x.i not in own}
    fronted = not parsed and trig.is_noun and tok.i - c.start <= 3 and doc[c.start].lower_ in lex.preps
    if fronted:  # "Bei einem Treffen ... kündigte X an": the framing PP keeps its own modality
        end = min(c.end, tok.i + 10)
        words = {t.lower_ for t in doc[c.start:end]}
        if words & cues.negation:
            return "negated"
        if words & (cues.uncertain | cues.hypothetical):
            return "hypothetical" if words & cues.hypothetical else "uncertain"
        return "asserted"
    # negation
    if parsed:
        neg = _negated_parsed(tok, cues)
    else:
        ctoks = doc[c.start:c.end]
        neg = any(t.lower_ in cues.negation and not _focus(t, cues) for t in ctoks if t.i not in own) or bool(
            cues.negation_prefixes) and any(t.lower_.startswith(cues.negation_prefixes) for t in ctoks)
    chain = _governor_chain(tok) if parsed else []
    chain_lemmas = {t.lemma_.lower() for t in chain} | {t.lower_ for t in chain}
    if neg or chain_lemmas & cues.denial or (not parsed and words & cues.denial):
        return "negated"
    first = doc[c.start].lower_ if c.start < c.end else ""
    if first in cues.correlative and any(
            w in cues.correlative[first] for cl in clist[:c.index] for w in _words(doc, cl, lex)):
        return "negated"  # "Weder die G8, noch die EU ... erkennen ... an", "neither X nor Y"
    # uncertainty: "unklar, ob", "possibly", "potential" (only right before the trigger)
    if words & cues.uncertain:
        return "uncertain"
    left = doc[max(c.start, tok.i - 2):tok.i]
    if any(t.lower_ in cues.modifier_only for t in left):
        return "uncertain"
    if marker in cues.question and (prev & cues.uncertain_governors or chain_lemmas & cues.uncertain_governors):
        return "uncertain"
    # questions: "ob", "whether", a clause ending in "?"
    if marker in cues.question and marker not in cues.conditional:
        return "question"
    if marker in cues.conditional and (prev & cues.question_governors or chain_lemmas & cues.question_governors):
        return "question"
    if c.end < len(doc) and doc[c.end].text == "?":
        return "question"
    if marker in cues.conditional:
        return "hypothetical"
    if words & cues.hypothetical:
        return "hypothetical"
    if words & cues.reported_future:
        return "hypothetical" if sentence_has_condition else "planned"
    if prev & cues.hypothetical_governors and c.marker is None:
        return "hypothetical"
    before = {t.lower_ for t in doc[c.start:tok.i]} | {t.lemma_.lower() for t in doc[c.start:tok.i]}
    if before & cues.hypothetical_governors or chain_lemmas & cues.hypothetical_governors:
        return "hypothetical"
    if words & cues.planned or before & cues.planned_governors or chain_lemmas & cues.planned_governors:
        return "planned"
    if parsed and any(t.lemma_.lower() in cues.planned for c2 in chain for t in c2.children if t.dep_ == "aux"):
        return "planned"
    return "asserted"
