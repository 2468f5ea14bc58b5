"""Arguments from a dependency parse (ClearNLP labels of the English models, and UD).

Verb triggers: subject, or passive agent (``by``); objects and the prepositions the lexicon
names for the trigger mark the recipient; a trigger without subject climbs xcomp/conj/advcl
to the one it shares. Nominal triggers: possessor or adjectival entity (``Israeli raids``),
``by``-phrase, else the subject of the verb they are the object of. Fallbacks for the
recipient: prepositions on the object (``granted asylum to X``), the object's or complement's
first entity (``threatened to cut off electricity to X``), a purpose clause or phrase
(``in protest against X``).
"""
from __future__ import annotations

from spacy.tokens import Token

from .entities import EntityIndex
from .lexicon import Lexicon
from .participants import Arguments, entities_of
from .syntax import CLAUSAL_UP, IOBJ, OBJ, PASS_SUBJ, SUBJ, prep_objects, pruned
from .triggers import Trigger

def parsed_arguments(lex: Lexicon, trig: Trigger, idx: EntityIndex) -> Arguments:
    args = Arguments()
    tok = trig.token
    rprep = set(trig.entry.recipient) or set(lex.default_recipient_preps)
    stative = _stative(lex, tok)
    if stative is not None:
        rprep |= set(stative.recipient)
    partner_preps = lex.between | lex.reciprocal_preps
    actor_toks: list[Token] = []
    recip_toks: list[Token] = []
    partner_toks: list[Token] = []

    def add_recipient(p: str, o: Token) -> None:
        (partner_toks if p in partner_preps else recip_toks).append(o)

    verb = tok if tok.pos_ in ("VERB", "AUX", "ADJ") else None
    if verb is None:  # nominal trigger ("mediation mission": the compound's head carries the phrase)
        patient = trig.entry.possessor == "recipient"
        np = tok.head if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") else tok
        for c in tok.children:
            if c.dep_ in ("poss", "nmod:poss") or (c.dep_ in ("compound", "amod", "nmod") and idx.of(c)):
                (recip_toks if patient else actor_toks).append(c)
        for p, o in _noun_preps(np):
            if p in lex.actor_preps or (p in lex.genitive_preps and not actor_toks and idx.of(o)
                                        and not patient and not idx.is_place(idx.of(o))):
                actor_toks.append(o)
            elif p in rprep or p in lex.between:
                add_recipient(p, o)
        if not actor_toks and np.dep_ in ("dobj", "obj", "attr", "oa", "nsubjpass"):
            verb = np.head if np.head.pos_ in ("VERB", "AUX") else None
        elif not actor_toks and np.dep_ == "pobj" and np.head.head.lemma_.lower() in lex.light_verbs:
            verb = np.head.head
    if verb is not None and not actor_toks:
        v = verb
        for _ in range(5):
            subs = [c for c in v.children if c.dep_ in SUBJ]
            pas = [c for c in v.children if c.dep_ in PASS_SUBJ]
            agents = [o for p, o in prep_objects(v) if p in lex.actor_preps]
            if agents and pas:
                actor_toks += agents
                recip_toks += pas if not recip_toks and v is verb else []
                break
            if v is tok and not subs and not pas and v.dep_ in ("acl", "amod", "advcl") and _passive_participle(v):
                # "civilians attacked by the rebels", "the banned BLA", "Encouraged by X, he ...": the
                # noun or the subject the participle leans on suffers the event; the by-phrase does it
                actor_toks += agents
                if v.dep_ in ("acl", "amod") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
                    recip_toks.append(v.head)
                elif v.dep_ == "advcl":
                    recip_toks += [c for c in v.head.children if c.dep_ in SUBJ]
                break
            if subs:
                actor_toks += subs
                break
            if pas:
                if v is verb and not agents and stative is not None:
                    actor_toks += pas  # "Israel is opposed to X": a state of the subject
                    break
                if v is verb:
                    recip_toks += pas
                actor_toks += agents
                break
            if (v.dep_ == "relcl" or (v.dep_ == "acl" and not any(c.dep_ == "aux" for c in v.children))) \
                    and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
                actor_toks.append(v.head)
                break
            if v.dep_ in CLAUSAL_UP and v.head.i != v.i:
                v = v.head
                continue
            break
        if verb is tok or not recip_toks:
            for c in verb.children:
                if c.dep_ in OBJ | IOBJ and c.i != tok.i and c.pos_ != "ADP" and \
                        ("obj" in rprep or "dative" in rprep or not trig.entry.recipient):
                    (partner_toks if trig.entry.reciprocal else recip_toks).append(c)
            for p, o in prep_objects(verb):
                if o.i != tok.i and (p in rprep or p in lex.between):
                    add_recipient(p, o)
            for c in verb.children:  # the parser lost the preposition's object ("to five officers holed up")
                if c.dep_ == "prep" and c.lower_ in rprep and not any(g.dep_ == "pobj" for g in c.children):
                    o = _dangling_object(c, idx)
                    if o is not None:
                        add_recipient(c.lower_, o)
            # "granted asylum to X", "tighten the blockade of X": prepositions on the object
            for c in verb.children:
                if c.dep_ in OBJ and c.i != tok.i:
                    for p, o in _noun_preps(c):
                        if (p in rprep or p in lex.between) and p not in lex.actor_preps:
                            add_recipient(p, o)
    if trig.entry.lemma == "<obligation>" and len(trig.tokens) > 1:
        emb = trig.tokens[1]
        recip_toks = [c for c in emb.children if c.dep_ in SUBJ | PASS_SUBJ | {"expl"}] or recip_toks
    args.crowd = any(t.lemma_.lower() in lex.crowd_nouns or t.lower_ in lex.crowd_nouns for t in actor_toks)
    for t in actor_toks:
        args.actor += [e for e in entities_of(lex, t, idx, args) if e not in args.actor]
    for t in partner_toks:
        args.partners += [e for e in entities_of(lex, t, idx) if e not in args.actor + args.partners]
    for t in recip_toks:
        args.recipient += [e for e in entities_of(lex, t, idx) if e not in args.actor + args.recipient]
    args.recipient += [e for e in args.partners if e not in args.recipient]
    args.location = _location(lex, tok, verb, idx, args)
    groups_only = [r for r in args.recipient if r in idx.groups]
    if groups_only == args.recipient:  # no recipient, or only unnamed groups: look for a name
        args.recipient = []
    if not args.recipient and verb is not None and (trig.entry.governs or "obj" in rprep):
        args.recipient += (_complement_entity(lex, verb, tok, idx, args, trig.entry.governs)
                           or _after_entity(lex, verb, tok, idx, args))
    if not args.recipient and trig.type in lex.purpose_types:
        for head in (tok, verb):
            if head is None or args.recipient:
                continue
            for c in head.children:
                if args.recipient:
                    break
                if c.dep_ in ("advcl", "xcomp", "acl"):
                    args.recipient += (_complement_entity(lex, c, c, idx, args, False)
                                       or _subtree_entity(lex, c, idx, args))
                elif c.dep_ in ("prep", "dobj", "obj", "attr"):
                    for t in pruned(c):
                        if t.lower_ in lex.purpose_preps and t.dep_ == "prep":
                            args.recipient += _subtree_entity(lex, t, idx, args)
                            break
    if not args.recipient:
        args.recipient = groups_only
    return args


def _passive_participle(tok: Token) -> bool:
    """A past participle without an auxiliary of its own (a reduced passive clause)."""
    form = tok.morph.get("VerbForm")
    past = "Part" in form and "Past" in tok.morph.get("Tense") or tok.tag_ == "VBN"
    return past and not any(c.dep_ in ("aux", "auxpass", "aux:pass") for c in tok.children)


def _stative(lex, tok: Token):
    """The adjective entry of a participle listed in its own right ("opposed", "committed"):
    its passive-looking subject holds the state and is the actor ("Israel is opposed to X")."""
    form = tok.lower_
    if tok.pos_ != "VERB" or tok.lemma_.lower() == form:
        return None
    return lex.entries.get((form, "ADJ"))


def _dangling_object(prep: Token, idx: EntityIndex, span: int = 6) -> Token | None:
    """First entity token right after a preposition without object, before the next verb
    or punctuation."""
    doc = prep.doc
    for t in doc[prep.i + 1: min(len(doc), prep.i + 1 + span)]:
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
            return None
        if idx.of(t):
            return t
    return None


def _noun_preps(tok: Token) -> list[tuple[str, Token]]:
    """Prepositions on a noun and on its ``of``-dependents (``withdrawal of forces from X``)."""
    out = prep_objects(tok)
    for _, o in list(out):
        out += prep_objects(o)
    return out


def _complement_entity(lex: Lexicon, verb: Token, tok: Token, idx: EntityIndex, args: Arguments,
                       clausal: bool) -> list[str]:
    """First entity inside the object or complement of the verb (``threatened to cut off
    electricity to Nakhichevan``, ``denounced Serbia's suppression``)."""
    deps = OBJ | IOBJ | {"xcomp", "ccomp", "oc", "attr"} if clausal else OBJ | IOBJ | {"attr", "oprd"}
    tokens = (t for c in verb.children if c.dep_ in deps and (clausal or c.i != tok.i) for t in pruned(c))
    return _first_entity(lex, tokens, idx, args)


def _first_entity(lex: Lexicon, tokens, idx: EntityIndex, args: Arguments) -> list[str]:  # noqa: ANN001
    """The first entity among ``tokens`` that is not an actor; a place (the object of a
    location preposition), then an unnamed group, only when no other entity comes."""
    loc: list[str] = []
    group: list[str] = []
    for t in tokens:
        e = idx.of(t)
        if not e or e in args.actor:
            continue
        if e in idx.groups:  # an unnamed group only when no name follows
            group = group or [e]
            continue
        if t.dep_ == "pobj" and t.head.lower_ in lex.location_preps:
            loc = loc or [e]
            continue
        return [e]
    return loc or group


def _after_entity(lex: Lexicon, verb: Token, tok: Token, idx: EntityIndex, args: Arguments) -> list[str]:
    """First entity after the trigger in its verb phrase, outside the subject and embedded
    clauses (``denounced as a crime Serbia's suppression``); a place only as a last resort."""
    skip: set[int] = set()
    for c in verb.children:
        if c.dep_ in SUBJ | PASS_SUBJ | {"relcl", "advcl", "parataxis", "ccomp", "punct"} or \
                (c.dep_ == "prep" and c.lower_ in lex.temporal_preps):
            skip.update(t.i for t in c.subtree)
    tokens = (t for t in sorted(verb.subtree, key=lambda x: x.i) if t.i > tok.i and t.i not in skip)
    return _first_entity(lex, tokens, idx, args)


def _subtree_entity(lex: Lexicon, head: Token, idx: EntityIndex, args: Arguments) -> list[str]:
    group: list[str] = []
    for t in pruned(head):
        e = idx.of(t)
        if e and e in idx.groups and e not in args.actor:
            group = group or [e]
        elif e and e not in args.actor and not (t.dep_ == "pobj" and t.head.lower_ in lex.location_preps):
            return [e]
    return group


def _location(lex: Lexicon, tok: Token, verb: Token | None, idx: EntityIndex, args: Arguments) -> str | None:
    for head in (tok, verb):
        if head is None:
            continue
        for p, o in prep_objects(head):
            if p in lex.location_preps:
                for e in entities_of(lex, o, idx):
                    if idx.is_place(e) and e not in args.recipient and e not in args.actor:
                        return e
    return None
