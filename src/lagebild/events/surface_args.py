"""Arguments without a parser: positional rules over a clause.

The first entity not governed by a preposition or an oblique article is the subject
(``Trumps Entscheidung`` is a possessor, not a subject); ``von``/``durch`` after a passive
auxiliary (or on a nominal trigger) marks the actor; the recipient follows a preposition
the lexicon names for the trigger, or is the next free entity; ``zwischen X und Y`` makes
both actors; a clause without a subject takes the one of the previous clause of its
sentence (coordination, ``erklärte Putin ... und startete``); ``Staatschefs der USA`` is
the head of state the article names for that country.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .entities import EntityIndex
from .lexicon import Lexicon
from .participants import Arguments, pronoun
from .triggers import Clause, Trigger


def _np_word(lex: Lexicon, tok: Token) -> bool:
    """Can this token sit between a preposition/article and its noun (an adjective)?"""
    w = tok.lower_
    if tok.text[:1].isupper() or tok.is_punct or w in lex.forms or w in lex.split_forms:
        return False
    return not w.endswith(lex.finite_endings)


def _free(lex: Lexicon, doc: Doc, i: int, start: int, idx: EntityIndex | None = None) -> bool:
    """Is token i not governed by a preposition or an oblique article?"""
    if idx is not None and _genitive(lex, doc, i, idx):
        return False
    if idx is not None and idx.of(doc[i]) in idx.groups and i > start and idx.of(doc[i - 1]) \
            and idx.of(doc[i - 1]) != idx.of(doc[i]):
        return True  # "in Mainz und Bonn zwei Personen": a name ends the phrase before the group
    case = doc[i].morph.get("Case") if lex.oblique_cases else []
    if case and case[0] in lex.oblique_cases:
        return False  # the tagger's morphology: "die Ukraine" (Acc) is no subject
    j = i - 1
    while j >= start and j >= i - 4:
        w = doc[j].lower_
        if w in lex.np_preps and j - 1 >= start and doc[j - 1].text[:1].isupper() and \
                j - 1 <= start + 2 and not (idx and idx.of(doc[j - 1])) and \
                not (j - 2 >= start and doc[j - 2].lower_ in lex.preps):  # "Auf Einladung von X"
            return True  # "Der Innenminister von Peru trat zurück": Peru stands for the subject
        if w in lex.preps or w in lex.dative_articles:
            return False
        if w in lex.genitive_articles and start + 2 < j - 1 and _common_noun(doc[j - 1], idx) \
                and not (j == i - 1 and _role_holder(lex, idx.of(doc[i]), doc, idx, i)):
            return False  # "in der Nähe der Ortschaft X": a genitive attribute of a noun
        if w in lex.conj_words and j - 1 >= start and idx is not None and idx.of(doc[j - 1]):
            j -= 1  # "in Mainz und Bonn": the second conjunct shares the first one's preposition
            continue
        if w in lex.conj_words or doc[j].is_punct:
            return True
        title = j == i - 1 and doc[j].text[:1].isupper() and not doc[j].is_sent_start
        if not (w in lex.determiners or _np_word(lex, doc[j]) or (idx and idx.of(doc[j])) or title):
            return True
        j -= 1
    return True


def _genitive_owner(lex: Lexicon, doc: Doc, start: int, end: int, idx: EntityIndex) -> int | None:
    """The first name of a genitive phrase, through chained genitives ("des Kreises der G7"), but
    not past its head noun or a preposition ("die Zerstörung der Monarchie in Thailand")."""
    for k in range(start, end):
        tok = doc[k]
        if idx.of(tok):
            return k
        if tok.lower_ in lex.preps or tok.is_punct:
            return None
        if _common_noun(tok, idx) and k + 1 < len(doc) and not idx.of(doc[k + 1]):  # "des Reporters Yücel"
            nxt = doc[k + 1].lower_
            if nxt not in lex.genitive_articles and nxt not in lex.dative_articles:
                return None
    return None


def _common_noun(tok: Token, idx: EntityIndex | None) -> bool:
    """A capitalised word inside a clause that names nothing and is no time ("Nähe", not "Montag")."""
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start and idx is not None \
        and not idx.of(tok) and tok.i not in idx.blocked


def _genitive(lex: Lexicon, doc: Doc, i: int, idx: EntityIndex) -> bool:
    """``Trumps Entscheidung``: a possessor, not the subject."""
    t = doc[i]
    if not lex.genitive_suffix or not t.text.endswith(lex.genitive_suffix):
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return bool(nxt is not None and nxt.text[:1].isupper() and not idx.of(nxt))


def _free_entities(lex: Lexicon, doc: Doc, c: Clause, idx: EntityIndex, skip: set[int]) -> list[tuple[int, str]]:
    out, seen = [], set()
    for i in range(c.start, c.end):
        e = idx.of(doc[i])
        if e and e not in seen and i not in skip and (i == c.start or idx.of(doc[i - 1]) != e):
            seen.add(e)
            if _free(lex, doc, i, c.start, idx):
                out.append((i, e))
    return out


def surface_arguments(lex: Lexicon, trig: Trigger, sent_clauses: list[Clause], idx: EntityIndex,
             others: frozenset[int] = frozenset()) -> Arguments:
    doc = trig.token.doc
    args = Arguments()
    c = trig.clause
    ti = trig.token.i
    skip = {t.i for t in trig.tokens}
    rprep = set(trig.entry.recipient)
    # prepositional recipients and agents, and "zwischen X und Y"
    nxt = doc[ti + 1] if ti + 1 < len(doc) else None  # "von den USA gelieferte Raketen"
    participle = lex.key(trig.token.text) in lex.participle_forms and nxt is not None \
        and nxt.text[:1].isalpha() and nxt.text[:1].isupper()
    key = lex.key(trig.token.text)
    aux = {doc[i].lower_ for i in range(c.start, c.end)}
    passive = participle or (key in lex.past_participles and bool(
        aux & lex.passive_aux  # "wurden ... festgenommen"
        or (aux & lex.state_passive_aux and key not in lex.sein_perfect  # "ist ... angeklagt"
            and not aux & lex.perfect_aux_forms)))  # "waren ... vorgedrungen und hatten ... festgenommen"
    stop = c.end
    if trig.is_noun:
        stop = min([c.end, ti + 9] + [o for o in others if o > ti])
    for i in range(c.start, stop):
        w = doc[i].lower_
        if w in lex.between:
            for k in range(i + 1, min(c.end, i + 12)):
                e = idx.of(doc[k])
                if e and (k == i + 1 or idx.of(doc[k - 1]) != e):
                    e = _role(lex, e, doc, idx, k)
                    if e not in args.actor:
                        args.actor.append(e)
        elif participle and w in lex.actor_preps and i < ti:
            args.actor += [e for e in _pp_entities(lex, doc, i, ti, idx) if e not in args.actor]
        elif w in rprep or (w in lex.actor_preps and (passive or trig.is_noun)):
            ents = _pp_entities(lex, doc, i, stop, idx)
            if not ents:
                continue
            if w in lex.actor_preps and (passive or trig.is_noun) and w not in rprep:
                if trig.is_noun and not passive and i < ti:
                    continue  # an agent phrase follows its noun: "Einleitung eines Verfahrens durch X"
                if trig.is_noun and i == ti + 1 and w in lex.np_preps and trig.entry.possessor == "recipient":
                    args.recipient += [e for e in ents if e not in args.recipient]
                    continue  # "von" for a genitive: "die Festnahme von zwei Journalisten"
                args.actor += [e for e in ents if e not in args.actor]
            elif not (trig.is_noun and i < ti):
                args.recipient += [e for e in ents if e not in args.recipient]
                if w in lex.reciprocal_preps:
                    args.partners += [e for e in ents if e not in args.partners]
    # the owner of a nominal event acts ("Trumps Telefonat"), or suffers it where the lexicon
    # says so ("die Festnahme des Journalisten": entry possessor "recipient")
    owner_role = args.recipient if trig.entry.possessor == "recipient" else args.actor
    if trig.is_noun and not owner_role:
        # possessor right before ("Trumps Telefonat") or genitive right after
        j = ti - 1
        while j >= c.start and not idx.of(doc[j]) and doc[j].text[:1].islower() and j > ti - 3:
            j -= 1
        if j >= c.start and idx.of(doc[j]) and doc[j].text.endswith(("s", "'s", "’s")) \
                and (j + 1 >= ti or not idx.of(doc[j + 1])):
            owner_role.append(idx.of(doc[j]))
        elif ti + 1 < c.end and idx.of(doc[ti + 1]) and doc[ti + 1].text.endswith(lex.genitive_suffix or ("\0",)):
            owner_role.append(idx.of(doc[ti + 1]))
        elif ti + 1 < c.end and (doc[ti + 1].lower_ in lex.dative_articles or doc[ti + 1].lower_ in lex.genitive_articles):
            k = _genitive_owner(lex, doc, ti + 2, min(c.end, ti + 7), idx)
            if k is not None:
                owner_role.append(_role(lex, idx.of(doc[k]), doc, idx, k))
    if participle and not args.recipient:
        free = [e for _, e in _free_entities(lex, doc, c, idx, skip) if e not in args.actor]
        args.recipient += free[:1]
    if not args.actor and passive and not participle and not trig.is_noun:
        # a passive without agent names no actor: its free entities are what it happened to
        for _, e in _free_entities(lex, doc, c, idx, skip):
            if e not in args.recipient:
                args.recipient.append(e)
                break
    elif not args.actor and not participle:
        free = [(i, e) for i, e in _free_entities(lex, doc, c, idx, skip)
                if e not in args.recipient]
        pron = _subject_pronoun(lex, doc, c)
        if pron is not None and (not free or pron < free[0][0]):
            # "ob er Moskau angreifen würde": the pronoun is the subject, Moskau the object
            args.actor += pronoun(lex, doc[pron], idx, args)
            if free and (not rprep or "obj" in rprep) and free[0][1] not in args.actor:
                args.recipient.append(free[0][1])
            free = []
        if free:
            args.actor.append(_role(lex, free[0][1], doc, idx, free[0][0]))
            args.actor += [e for e in _coordinated(lex, doc, free[0][0], c.end, idx) if e not in args.actor]
            for i, e in free[1:]:
                if e not in args.actor + args.recipient and (not rprep or "obj" in rprep or "dat" in rprep):
                    args.recipient.append(e)
                    break
        elif not args.actor:
            args.actor += _pronoun_in(lex, doc, c, idx, args)
    rel = _antecedent(doc, c, idx) if not trig.is_noun else None
    if rel and not args.actor and not passive and doc[c.start].lower_ in lex.relative_subjects \
            and rel not in args.recipient:
        args.actor.append(rel)  # "Rebellen, die das Dorf angriffen": the antecedent acts
    elif rel and not args.recipient and rel not in args.actor:
        args.recipient.append(rel)  # "eine Lehrerin, die festgenommen wurde", "X, dem ... vorgeworfen wird"
    own_subject = lex.infinitive_openers is not None and (
        c.relative or (c.marker is not None and c.marker not in lex.infinitive_openers))
    if not args.actor and not trig.is_noun and not passive and not own_subject:
        # a main or infinitive clause without a subject shares the previous clause's; a finite
        # subordinate or relative clause has its own ("obwohl die Regierung ... untersagt hatte")
        for prev in reversed(sent_clauses[:c.index]):
            free = _free_entities(lex, doc, prev, idx, skip)
            if free:
                args.actor.append(_role(lex, free[0][1], doc, idx, free[0][0]))
                break
            pron = _pronoun_in(lex, doc, prev, idx, args)
            if pron:
                args.actor += pron
                break
    if not args.recipient and "obj" in rprep:
        for i in range(c.start, c.end):
            e = idx.of(doc[i])
            if e and e not in args.actor and _genitive(lex, doc, i, idx):
                args.recipient.append(e)
                break
    if not args.recipient and ("dat" in rprep or "obj" in rprep):
        for i, e in _oblique_entities(lex, doc, c, idx):
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


def _coordinated(lex: Lexicon, doc: Doc, i: int, end: int, idx: EntityIndex) -> list[str]:
    """Entities coordinated with the one at token i ("Japan und Südkorea", "X, Y und Z")."""
    out: list[str] = []
    first = idx.of(doc[i])
    j = i
    while j < end and idx.of(doc[j]) == first:
        j += 1
    while j < end - 1 and (doc[j].lower_ in lex.conj_words or doc[j].text == ","):
        k = j + 1
        while k < end and k < j + 4 and not idx.of(doc[k]) and (doc[k].lower_ in lex.determiners
                                                                or _np_word(lex, doc[k])):
            k += 1
        e = idx.of(doc[k]) if k < end else None
        if not e:
            break
        out.append(_role(lex, e, doc, idx, k))
        j = k
        while j < end and idx.of(doc[j]) == e:
            j += 1
    return out


def _pp_entities(lex: Lexicon, doc: Doc, i: int, end: int, idx: EntityIndex) -> list[str]:
    """Entities of the phrase after the preposition at i (with coordination)."""
    out, j = [], i + 1
    while j < end and j < i + 10:
        t = doc[j]
        if (t.lower_ in lex.preps and j > i + 1) or t.pos_ in ("VERB", "AUX") or t.lower_ in lex.passive_aux:
            break  # the phrase ends at the next preposition or verb ("Von Seiten X wurde Y beschossen")
        e = idx.of(t)
        if e and (j == i + 1 or idx.of(doc[j - 1]) != e):
            e = _role(lex, e, doc, idx, j)
            if e not in out:
                out.append(e)
        j += 1
    return out


def _oblique_entities(lex: Lexicon, doc: Doc, c: Clause, idx: EntityIndex) -> list[tuple[int, str]]:
    out = []
    for i in range(c.start, c.end):
        e = idx.of(doc[i])
        if e and i > c.start and doc[i - 1].lower_ in lex.dative_articles:
            out.append((i, e))
        elif e and i > c.start + 1 and doc[i - 2].lower_ in lex.dative_articles:
            out.append((i, e))
    return out


def _subject_pronoun(lex: Lexicon, doc: Doc, c: Clause) -> int | None:
    for i in range(c.start, min(c.end, c.start + 4)):
        if doc[i].lower_ in lex.subject_pronouns:
            return i
    return None


def _pronoun_in(lex: Lexicon, doc: Doc, c: Clause, idx: EntityIndex, args: Arguments) -> list[str]:
    for i in range(c.start, min(c.end, c.start + 4)):
        if lex.pronouns.get(doc[i].lower_):
            return pronoun(lex, doc[i], idx, args)
    return []


def _role(lex: Lexicon, eid: str, doc: Doc, idx: EntityIndex, at: int) -> str:
    """``Staatschefs der USA`` -> the head of state of the USA named in the article."""
    if idx.type(eid) != "LOC":
        return eid
    holder = _role_holder(lex, eid, doc, idx, at)
    if holder:
        return holder
    k = at - 1
    while k >= 0 and k >= at - 7:
        w = doc[k]
        if w.lower_ in lex.role_nouns:
            return idx.head_of_state(eid) or eid
        if w.is_punct or not (w.lower_ in lex.dative_articles or w.lower_ in lex.conj_words
                              or idx.of(w) or w.lower_ in lex.role_links):
            break
        k -= 1
    return eid



def _role_holder(lex: Lexicon, eid: str, doc: Doc, idx: EntityIndex, at: int) -> str | None:
    """``Außenminister der Russischen Föderation Sergei Lawrow``: a role noun, an article, the
    country and right after it the person who holds the role; the person acts."""
    j = at
    while j < len(doc) and idx.of(doc[j]) == eid:
        j += 1
    person = idx.of(doc[j]) if j < len(doc) else None
    if not person or idx.type(person) != "PER" or at < 2:
        return None
    art, role = doc[at - 1], doc[at - 2]
    if art.lower_ in lex.determiners and role.text[:1].isupper() and not idx.of(role) and role.is_alpha:
        return person
    return None


def _antecedent(doc: Doc, c: Clause, idx: EntityIndex) -> str | None:
    """The entity a relative clause refers to: the one right before its comma."""
    if not c.relative or c.start < 2:
        return None
    return idx.of(doc[c.start - 2])
