"""Actor, recipient and location of a trigger.

With a dependency parse: subject / passive agent / object / prepositional objects (labels of
both the ClearNLP scheme of the English models and Universal Dependencies). Without one:
positional rules over the clause (the first entity not governed by a preposition or an
oblique article is the subject; ``von`` after a passive auxiliary marks the agent; the
recipient follows a preposition the lexicon names, or is the next free entity); a clause
without a subject takes the one of the previous clause of its sentence (coordination).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .entities import EntityIndex
from .lexicon import Lexicon
from .triggers import Clause, Trigger

PASS_SUBJ = {"nsubjpass", "nsubj:pass", "csubjpass"}
OBJ = {"dobj", "obj", "oa"}
IOBJ = {"dative", "iobj", "da"}
CLAUSAL_UP = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acl", "oc"}
CUT = {"relcl", "acl", "advcl", "ccomp", "punct", "cc", "parataxis", "appos"}


@dataclass
class Arguments:
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    location: str | None = None
    pronoun_actor: bool = False


def _prep_objects(tok: Token) -> list[tuple[str, Token]]:
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


def _core_range(tok: Token) -> list[Token]:
    """The tokens of a noun phrase, without its clauses and coordinated parts."""
    toks = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in CUT or c.dep_ == "conj":
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of", "from", "in"):
                continue
            toks.append(c)
            stack.append(c)
    return toks


class ArgumentFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    # --- entity lookup -------------------------------------------------------------
    def _entities(self, tok: Token, idx: EntityIndex, args: Arguments | None = None) -> list[str]:
        out: list[str] = []
        for head in [tok] + [c for c in tok.subtree if c.dep_ == "conj" and _conj_chain(c, tok)]:
            eid = idx.of(head)
            if eid:
                out.append(eid)
                continue
            found = [idx.of(t) for t in sorted(_core_range(head), key=lambda t: t.i)]
            found = [e for e in found if e]
            if found:
                out.extend(dict.fromkeys(found))
            else:
                out.extend(self._pronoun(head, idx, args))
        return list(dict.fromkeys(out))

    def _pronoun(self, tok: Token, idx: EntityIndex, args: Arguments | None) -> list[str]:
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

    # --- parsed --------------------------------------------------------------------
    def parsed(self, trig: Trigger, idx: EntityIndex) -> Arguments:
        args = Arguments()
        tok = trig.token
        rprep = set(trig.entry.recipient) or {"to", "with", "against", "on", "from"}
        actor_toks: list[Token] = []
        recip_toks: list[Token] = []
        verb = tok if tok.pos_ in ("VERB", "AUX", "ADJ") else None
        if verb is None:  # nominal trigger
            for c in tok.children:
                if c.dep_ in ("poss", "nmod:poss") or (c.dep_ in ("compound", "amod", "nmod") and idx.of(c)):
                    actor_toks.append(c)
            for p, o in _prep_objects(tok):
                if p in self.lex.actor_preps or p == "of" and not actor_toks and idx.of(o):
                    actor_toks.append(o)
                elif p in rprep or p in self.lex.between:
                    recip_toks.append(o)
            if not actor_toks and tok.dep_ in ("dobj", "obj", "pobj", "attr", "oa", "nsubjpass"):
                verb = tok.head if tok.dep_ != "pobj" else tok.head.head
                if verb.pos_ not in ("VERB", "AUX"):
                    verb = None
        if verb is not None and not actor_toks:
            v = verb
            for _ in range(4):
                subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj", "sb")]
                pas = [c for c in v.children if c.dep_ in PASS_SUBJ]
                agents = [o for p, o in _prep_objects(v) if p in self.lex.actor_preps]
                if agents and pas:
                    actor_toks += agents
                    if not recip_toks:
                        recip_toks += pas
                    break
                if subs:
                    actor_toks += subs
                    break
                if pas:
                    recip_toks += pas
                    if agents:
                        actor_toks += agents
                    break
                if v.dep_ == "relcl":
                    actor_toks.append(v.head)
                    break
                if v.dep_ in CLAUSAL_UP and v.head.i != v.i:
                    v = v.head
                    continue
                break
            if verb is tok or not recip_toks:
                for c in verb.children:
                    if c.dep_ in OBJ | IOBJ and c.i != tok.i and (not rprep or "obj" in rprep
                                                                  or not trig.entry.recipient):
                        recip_toks.append(c)
                for p, o in _prep_objects(verb):
                    if o.i != tok.i and (p in rprep or p in self.lex.between):
                        recip_toks.append(o)
        if trig.entry.lemma == "<obligation>" and len(trig.tokens) > 1:
            emb = trig.tokens[1]
            recip_toks = [c for c in emb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")] or recip_toks
        for t in actor_toks:
            args.actor += [e for e in self._entities(t, idx, args) if e not in args.actor]
        for t in recip_toks:
            args.recipient += [e for e in self._entities(t, idx) if e not in args.actor + args.recipient]
        if not args.recipient and verb is not None and (trig.entry.governs or "obj" in rprep):
            args.recipient += self._complement_entity(verb, tok, idx, args, trig.entry.governs)
        if not args.recipient and trig.type in self.lex.purpose_types:
            for head in (tok, verb):
                if head is None or args.recipient:
                    continue
                for c in head.children:
                    if c.dep_ in ("advcl", "xcomp", "acl") and not args.recipient:
                        args.recipient += [e for e in self._complement_entity(c, c, idx, args, False)
                                           or self._subtree_entity(c, idx, args)]
        args.location = self._location_parsed(tok, verb, idx, args)
        return args

    def _complement_entity(self, verb: Token, tok: Token, idx: EntityIndex, args: Arguments,
                           clausal: bool) -> list[str]:
        """First entity inside the object or complement of the verb (``threatened to cut off
        electricity to Nakhichevan``, ``denounced Serbia's suppression``)."""
        deps = OBJ | IOBJ | {"xcomp", "ccomp", "oc", "attr"} if clausal else OBJ | IOBJ | {"attr", "oprd"}
        for c in verb.children:
            if c.dep_ not in deps or c.i == tok.i and not clausal:
                continue
            for t in c.subtree:
                if t.dep_ in ("relcl", "advcl") or (t.dep_ == "pobj" and t.head.lower_ in self.lex.location_preps):
                    continue
                e = idx.of(t)
                if e and e not in args.actor and not (idx.is_place(e) and t.head.lower_ in self.lex.location_preps):
                    return [e]
        return []

    def _subtree_entity(self, head: Token, idx: EntityIndex, args: Arguments) -> list[str]:
        for t in head.subtree:
            e = idx.of(t)
            if e and e not in args.actor and not (t.dep_ == "pobj" and t.head.lower_ in self.lex.location_preps):
                return [e]
        return []

    def _location_parsed(self, tok: Token, verb: Token | None, idx: EntityIndex, args: Arguments) -> str | None:
        for head in (tok, verb):
            if head is None:
                continue
            for p, o in _prep_objects(head):
                if p in self.lex.location_preps:
                    for e in self._entities(o, idx):
                        if idx.is_place(e) and e not in args.recipient:
                            return e
        return None

    # --- unparsed ------------------------------------------------------------------
    def _np_word(self, tok: Token) -> bool:
        """Can this token sit between a preposition/article and its noun (an adjective)?"""
        w = tok.lower_
        if tok.text[:1].isupper() or tok.is_punct or w in self.lex.forms or w in self.lex.split_forms:
            return False
        return not w.endswith(self.lex.finite_endings)

    def _free(self, doc: Doc, i: int, start: int, idx: EntityIndex | None = None) -> bool:
        """Is token i not governed by a preposition or an oblique article?"""
        if idx is not None and self._genitive(doc, i, idx):
            return False
        j = i - 1
        while j >= start and j >= i - 4:
            w = doc[j].lower_
            if w in self.lex.preps or w in self.lex.dative_articles:
                return False
            if w in self.lex.conj_words or doc[j].is_punct:
                return True
            title = j == i - 1 and doc[j].text[:1].isupper() and not doc[j].is_sent_start
            if not (w in self.lex.determiners or self._np_word(doc[j]) or (idx and idx.of(doc[j])) or title):
                return True
            j -= 1
        return True

    def _genitive(self, doc: Doc, i: int, idx: EntityIndex) -> bool:
        """``Trumps Entscheidung``: a possessor, not the subject."""
        t = doc[i]
        if not self.lex.genitive_suffix or not t.text.endswith(self.lex.genitive_suffix):
            return False
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return bool(nxt is not None and nxt.text[:1].isupper() and not idx.of(nxt))

    def _free_entities(self, doc: Doc, c: Clause, idx: EntityIndex, skip: set[int]) -> list[tuple[int, str]]:
        out, seen = [], set()
        for i in range(c.start, c.end):
            e = idx.of(doc[i])
            if e and e not in seen and i not in skip and (i == c.start or idx.of(doc[i - 1]) != e):
                seen.add(e)
                if self._free(doc, i, c.start, idx):
                    out.append((i, e))
        return out

    def unparsed(self, trig: Trigger, sent_clauses: list[Clause], idx: EntityIndex,
                 others: frozenset[int] = frozenset()) -> Arguments:
        doc = trig.token.doc
        lex = self.lex
        args = Arguments()
        c = trig.clause
        ti = trig.token.i
        skip = {t.i for t in trig.tokens}
        rprep = set(trig.entry.recipient)
        # prepositional recipients and agents, and "zwischen X und Y"
        passive = any(doc[i].lower_ in lex.passive_aux for i in range(c.start, c.end))
        stop = c.end
        if trig.is_noun:
            stop = min([c.end, ti + 9] + [o for o in others if o > ti])
        for i in range(c.start, stop):
            w = doc[i].lower_
            if w in lex.between:
                for k in range(i + 1, min(c.end, i + 12)):
                    e = idx.of(doc[k])
                    if e and (k == i + 1 or idx.of(doc[k - 1]) != e):
                        e = self._role(e, doc, idx, k)
                        if e not in args.actor:
                            args.actor.append(e)
            elif w in rprep or (w in lex.actor_preps and (passive or trig.is_noun)):
                ents = self._pp_entities(doc, i, stop, idx)
                if not ents:
                    continue
                if w in lex.actor_preps and (passive or trig.is_noun) and w not in rprep:
                    args.actor += [e for e in ents if e not in args.actor]
                elif not (trig.is_noun and i < ti):
                    args.recipient += [e for e in ents if e not in args.recipient]
        if trig.is_noun and not args.actor:
            # possessor right before ("Trumps Telefonat") or genitive right after
            j = ti - 1
            while j >= c.start and not idx.of(doc[j]) and doc[j].text[:1].islower() and j > ti - 3:
                j -= 1
            if j >= c.start and idx.of(doc[j]) and doc[j].text.endswith(("s", "'s", "’s")) \
                    and (j + 1 >= ti or not idx.of(doc[j + 1])):
                args.actor.append(idx.of(doc[j]))
            elif ti + 1 < c.end and doc[ti + 1].lower_ in lex.dative_articles:
                k = next((k for k in range(ti + 2, min(c.end, ti + 7)) if idx.of(doc[k])), None)
                if k is not None:
                    args.actor.append(self._role(idx.of(doc[k]), doc, idx, k))
        if not args.actor:
            free = [(i, e) for i, e in self._free_entities(doc, c, idx, skip)
                    if e not in args.recipient]
            if free:
                args.actor.append(self._role(free[0][1], doc, idx, free[0][0]))
                for i, e in free[1:]:
                    if e not in args.actor + args.recipient and (not rprep or "obj" in rprep or "dat" in rprep):
                        args.recipient.append(e)
                        break
            else:
                args.actor += self._pronoun_in(doc, c, idx, args)
        if not args.actor and not trig.is_noun:
            for prev in reversed(sent_clauses[:c.index]):
                free = self._free_entities(doc, prev, idx, skip)
                if free:
                    args.actor.append(self._role(free[0][1], doc, idx, free[0][0]))
                    break
                pron = self._pronoun_in(doc, prev, idx, args)
                if pron:
                    args.actor += pron
                    break
        if not args.recipient and "obj" in rprep:
            for i in range(c.start, c.end):
                e = idx.of(doc[i])
                if e and e not in args.actor and self._genitive(doc, i, idx):
                    args.recipient.append(e)
                    break
        if not args.recipient and ("dat" in rprep or "obj" in rprep):
            for i, e in self._oblique_entities(doc, c, idx):
                if e not in args.actor:
                    args.recipient.append(e)
                    break
        args.recipient = [e for e in args.recipient if e not in args.actor]
        for i in range(c.start, c.end - 1):
            if doc[i].lower_ in lex.location_preps and doc[i].lower_ not in rprep:
                for e in idx.in_range(i + 1, min(c.end, i + 3)):
                    if idx.is_place(e) and e not in args.recipient and e not in args.actor:
                        args.location = e
                        break
            if args.location:
                break
        return args

    def _pp_entities(self, doc: Doc, i: int, end: int, idx: EntityIndex) -> list[str]:
        """Entities of the phrase after the preposition at i (with coordination)."""
        out, j = [], i + 1
        while j < end and j < i + 10:
            t = doc[j]
            if t.lower_ in self.lex.preps and j > i + 1:
                break
            e = idx.of(t)
            if e and (j == i + 1 or idx.of(doc[j - 1]) != e):
                e = self._role(e, doc, idx, j)
                if e not in out:
                    out.append(e)
            j += 1
        return out

    def _oblique_entities(self, doc: Doc, c: Clause, idx: EntityIndex) -> list[tuple[int, str]]:
        out = []
        for i in range(c.start, c.end):
            e = idx.of(doc[i])
            if e and i > c.start and doc[i - 1].lower_ in self.lex.dative_articles | {"ihm", "ihr"}:
                out.append((i, e))
            elif e and i > c.start + 1 and doc[i - 2].lower_ in self.lex.dative_articles:
                out.append((i, e))
        return out

    def _pronoun_in(self, doc: Doc, c: Clause, idx: EntityIndex, args: Arguments) -> list[str]:
        for i in range(c.start, min(c.end, c.start + 4)):
            if self.lex.pronouns.get(doc[i].lower_):
                return self._pronoun(doc[i], idx, args)
        return []

    def _role(self, eid: str, doc: Doc, idx: EntityIndex, at: int) -> str:
        """``Staatschefs der USA`` -> the head of state of the USA named in the article."""
        if idx.type(eid) != "LOC":
            return eid
        k = at - 1
        while k >= 0 and k >= at - 7:
            w = doc[k]
            if w.lower_ in self.lex.role_nouns:
                return idx.head_of_state(eid) or eid
            if w.is_punct or not (w.lower_ in self.lex.dative_articles or w.lower_ in self.lex.conj_words
                                  or idx.of(w) or w.lower_ in self.lex.role_links):
                break
            k -= 1
        return eid


def _conj_chain(c: Token, root: Token) -> bool:
    t = c
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
        if t.i == root.i:
            return True
    return False
