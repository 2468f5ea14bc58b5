"""Clauses and event triggers of one sentence.

Clauses are contiguous token ranges cut at punctuation and at subordinating words (data:
``subordinators``); they work with or without a parser. Triggers are found by lemma and
part of speech where the pipeline has them, else by the surface forms listed in the
lexicon (German compounds by their head: ``Kriegsbombardements`` -> ``Bombardement``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import Entry, Lexicon
from .syntax import SUBJ

OBLIGATION = Entry(lemma="<obligation>", pos="VERB", type="REQUEST", governs=True, weight=0.6)
BOUNDARY = frozenset(",;:()[]„“”\"«»–—?!…")


@dataclass
class Clause:
    start: int
    end: int
    """Token indices into the Doc, end exclusive."""
    marker: str | None = None
    """The subordinating word that opens it (``ob``, ``whether``, ``if``), lower-cased."""
    index: int = 0
    relative: bool = False
    """Opens with a relative pronoun after a comma (its time belongs to it alone)."""


@dataclass
class Trigger:
    token: Token
    entry: Entry
    type: str
    mode: str | None
    clause: Clause
    tokens: list[Token] = field(default_factory=list)
    """All tokens of the trigger (a phrase, a particle, a light verb)."""
    absorbed_by: Trigger | None = None
    depth: int = 0
    forced_modality: str | None = None
    """Set when a denial governs this trigger ("denied attacking": the attack, negated)."""

    @property
    def is_noun(self) -> bool:
        return self.entry.pos in ("NOUN", "PHRASE") and self.token.pos_ not in ("VERB", "AUX")


def clauses(sent: Span, lex: Lexicon) -> list[Clause]:
    out: list[Clause] = []
    relative: set[int] = set()
    start, marker = sent.start, None
    for tok in sent:
        cut = tok.text in BOUNDARY or tok.is_space
        opener = lex.key(tok.text) in lex.subordinators or tok.lower_ in lex.subordinators
        if (cut or opener) and tok.i > start:
            out.append(Clause(start, tok.i, marker))
            start, marker = (tok.i + 1, None) if cut else (tok.i, tok.lower_)
        elif cut:
            start = tok.i + 1
        elif opener and tok.i == start:
            marker = tok.lower_
        elif tok.i == start and tok.i > sent.start and doc_prev_is_comma(tok) and \
                (tok.lower_ in lex.relative_words):
            relative.add(tok.i)  # ", das ... stattfand": a relative clause
    if start < sent.end:
        out.append(Clause(start, sent.end, marker))
    for i, c in enumerate(out):
        c.index = i
        c.relative = c.start in relative
    return out


def doc_prev_is_comma(tok: Token) -> bool:
    return tok.i > 0 and tok.nbor(-1).text == ","


def clause_of(clist: list[Clause], i: int) -> Clause:
    for c in clist:
        if c.start <= i < c.end:
            return c
    return clist[-1]


def _pos(tok: Token, parsed_pos: bool) -> str | None:
    if not parsed_pos:
        return None
    p = tok.pos_
    if p in ("VERB", "AUX"):
        return "VERB"
    if p in ("NOUN", "PROPN"):
        return "NOUN"
    if p == "ADJ":
        return "ADJ"
    return None


class TriggerFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def _lookup_form(self, tok: Token, sent_start: bool) -> list[tuple[str, str]]:
        lex = self.lex
        hits = list(lex.forms.get(lex.key(tok.text), []))
        if not hits and sent_start and lex.nouns_capitalised:  # a verb capitalised as the first word
            alt = tok.text[:1].lower() + tok.text[1:]
            hits = list(lex.forms.get(alt, []))
        if not hits and len(tok.text) > 5:
            for head in lex.syntax.compound_heads(tok.text):
                if head in lex.noun_forms_lower:
                    cap = head[:1].upper() + head[1:]
                    hits = [h for h in lex.forms.get(lex.key(cap), []) if h[1] == "NOUN"]
                    if hits:
                        break
        return hits

    def candidates(self, tok: Token, parsed_pos: bool, has_lemma: bool) -> list[Entry]:
        lex = self.lex
        pos = _pos(tok, parsed_pos)
        found: list[Entry] = []
        if has_lemma:
            lem = lex.key(tok.lemma_)
            # participles and predicative adjectives are often tagged either way
            near = {"VERB": ["VERB", "ADJ"], "ADJ": ["ADJ", "VERB"]}.get(pos or "", [pos] if pos else [])
            for p in (near or ["VERB", "NOUN", "ADJ"]):
                e = lex.entries.get((lem, p))
                if e is not None:
                    found.append(e)
        if not found:
            sent_start = tok.is_sent_start or (tok.i > 0 and tok.nbor(-1).text in BOUNDARY)
            for lem, p in self._lookup_form(tok, bool(sent_start)):
                if pos and p != pos and {pos, p} != {"ADJ", "VERB"} and not (pos == "NOUN" and p == "ADJ"):
                    continue
                e = lex.entries.get((lem, p))
                if e is not None and e not in found:
                    found.append(e)
        return found

    def find(self, sent: Span, clist: list[Clause], parsed: bool, parsed_pos: bool,
             has_lemma: bool, weapons: frozenset[int] | set[int] = frozenset(),
             blocked: frozenset[int] | set[int] = frozenset()) -> list[Trigger]:
        """Triggers of one sentence; ``blocked`` tokens (inside a time expression or a
        name, e.g. "March", "Operation Strike") are never triggers."""
        lex = self.lex
        doc = sent.doc
        out: list[Trigger] = []
        used: set[int] = set()
        # multi-word phrases first ("hunger strike", "state of emergency", "call off")
        if lex.phrases:
            words = [lex.key(t.lemma_ if has_lemma else t.text) for t in sent]
            lows = [lex.key(t.text) for t in sent]
            for i in range(len(words)):
                for n in range(min(lex.max_phrase, len(words) - i), 1, -1):
                    e = lex.phrases.get(tuple(words[i:i + n])) or lex.phrases.get(tuple(lows[i:i + n]))
                    if e is not None and e.requires:
                        cl = clause_of(clist, sent[i].i)
                        if not _has_any(doc[cl.start:cl.end], e.requires, weapons):
                            e = None
                    if e is not None and not any(sent[j].i in blocked for j in range(i, i + n)):
                        toks = [sent[j] for j in range(i, i + n)]
                        head = _phrase_head(toks, parsed)
                        out.append(Trigger(head, e, e.type, e.mode, clause_of(clist, head.i), toks))
                        used.update(t.i for t in toks)
                        break
        for tok in sent:
            if tok.i in used or not tok.is_alpha or tok.i in blocked:
                continue
            for e in self.candidates(tok, parsed_pos, has_lemma):
                trig = self._check(tok, e, sent, clist, parsed, weapons)
                if trig is not None:
                    out.append(trig)
                    used.add(tok.i)
                    break
        if parsed and lex.phrases:  # phrasal verbs split by their object: "forced the agency out"
            for tok in sent:
                if tok.i in used or tok.pos_ not in ("VERB", "AUX") or tok.i in blocked:
                    continue
                for c in tok.children:
                    if c.dep_ not in ("prt", "prep", "advmod"):
                        continue
                    e = lex.phrases.get((lex.key(tok.lemma_), c.lower_))
                    if e is not None and c.i > tok.i + 1:
                        out.append(Trigger(tok, e, e.type, e.mode, clause_of(clist, tok.i), [tok, c]))
                        used.add(tok.i)
                        break
        if parsed and lex.obligation:
            out.extend(self._obligations(sent, clist, used))
        # split separable verbs: "kündigte ... an"
        if lex.split_forms:
            for tok in sent:
                if tok.i in used:
                    continue
                for lem in lex.split_forms.get(lex.key(tok.text), []):
                    e = lex.entries.get((lem, "VERB"))
                    if e is None or not e.particle:
                        continue
                    cl = clause_of(clist, tok.i)
                    # the particle closes the clause; an earlier equal word is a preposition ("schloss X aus der G8 aus")
                    part = next((t for t in reversed(doc[tok.i + 1:cl.end]) if t.lower_ == e.particle), None)
                    if part is not None and (part.i + 1 >= cl.end or doc[part.i + 1].is_punct):
                        trig = self._check(tok, e, sent, clist, parsed, weapons)  # objects, requires, not_with
                        if trig is None:
                            continue
                        trig.tokens = [tok, part]
                        out.append(trig)
                        used.add(tok.i)
                        break
        out.sort(key=lambda t: t.token.i)
        return out

    def _obligations(self, sent: Span, clist: list[Clause], used: set[int]) -> list[Trigger]:
        """``X declared that Y must drop barriers``: a REQUEST by X to Y."""
        out = []
        for tok in sent:
            if tok.lower_ not in self.lex.obligation or tok.dep_ != "aux":
                continue
            v = tok.head
            g = v.head
            while g.pos_ not in ("VERB", "AUX") and g.head.i != g.i:
                g = g.head
            if g.i == v.i or g.i in used or g.pos_ not in ("VERB", "AUX"):
                continue
            if self.lex.obligation_heads and g.lemma_.lower() not in self.lex.obligation_heads:
                continue
            e = OBLIGATION
            out.append(Trigger(g, e, e.type, None, clause_of(clist, g.i), [g, v]))
            used.add(g.i)
        return out

    def _check(self, tok: Token, e: Entry, sent: Span, clist: list[Clause], parsed: bool,
               weapons: frozenset[int] | set[int]) -> Trigger | None:
        lex = self.lex
        doc = sent.doc
        cl = clause_of(clist, tok.i)
        ctoks = doc[cl.start:cl.end]
        if e.not_with:
            nxt = next((c for c in clist if c.index == cl.index + 1), None)
            scope = doc[cl.start:nxt.end] if nxt is not None else ctoks
            words = {lex.key(t.lemma_) for t in scope} | {t.lower_ for t in scope}
            if words & {lex.key(w) for w in e.not_with}:
                return None
        type_, mode = e.type, e.mode
        toks = [tok]
        if e.control and not (parsed and _controls(tok, lex)):
            return None
        if e.objects:
            obj = _object_of(tok, ctoks, parsed, lex)
            spec = None
            for o in obj:
                spec = _object_spec(e.objects, o, lex)
                if spec:
                    break
            if spec is None:
                spec = e.objects.get("*")
            if spec is None and e.requires:
                return None
            if spec is not None:
                if spec.get("type") is None:
                    return None
                type_, mode = spec["type"], spec.get("mode", mode)
        elif e.requires:
            nxt = next((c for c in clist if c.index == cl.index + 1), None)
            scope = doc[cl.start:nxt.end] if nxt is not None else ctoks
            if not _has_any(scope, e.requires, weapons):
                return None
        if type_ in lex.reversers.get("types", []) and _reversed(tok, ctoks, parsed, lex):
            type_, mode = lex.reversers.get("to", "CONCEDE"), None
        return Trigger(tok, e, type_, mode, cl, toks)


def _controls(tok: Token, lex: Lexicon) -> bool:
    """A clausal complement with its own subject and an infinitive marker ("X to do")."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "oc"):
            kids = list(c.children)
            if any(k.dep_ in SUBJ for k in kids) and any(
                    k.dep_ == "aux" and lex.key(k.text) in lex.infinitive_markers for k in kids):
                return True
    return False


def _object_spec(objects: dict, o: Token, lex: Lexicon) -> dict | None:
    for key in (lex.key(o.lemma_), o.lower_, lex.key(o.text)):
        if key in objects:
            return objects[key]
    if lex.syntax.closed_compounds:
        for key, spec in objects.items():
            if len(key) > 3 and key != "*" and lex.syntax.compound_has_head(o.lower_, key.lower()):
                return spec
    return None


def _reversed(tok: Token, ctoks: Span, parsed: bool, lex: Lexicon) -> bool:
    """``lift the curfew``, ``called off the strike``: the head verb undoes the event."""
    verbs = set(lex.reversers.get("verbs", []))
    if parsed and tok.pos_ not in ("VERB", "AUX"):
        h = tok.head if tok.dep_ != "pobj" else tok.head.head
        if h.lemma_.lower() in verbs or h.lower_ in verbs:
            return True
        prt = [c.lower_ for c in h.children if c.dep_ == "prt"]
        return any(f"{h.lemma_.lower()} {p}" in verbs for p in prt)
    if not parsed:
        return any(t.lower_ in verbs for t in ctoks if abs(t.i - tok.i) <= 6 and t.i != tok.i)
    return False


def _has_any(ctoks: Span, words: tuple[str, ...], weapons: frozenset[int] | set[int]) -> bool:
    """A required word in the clause (also as a compound head), or a weapon entity."""
    if any(t.i in weapons for t in ctoks):
        return True
    low = [w.lower() for w in words]
    for t in ctoks:
        x, lem = t.lower_, t.lemma_.lower()
        if x in low or lem in low or any(len(w) > 4 and x.endswith(w) for w in low):
            return True
    return False


def _phrase_head(toks: list[Token], parsed: bool) -> Token:
    if parsed:
        ids = {t.i for t in toks}
        for t in toks:
            if t.head.i not in ids or t.head.i == t.i:
                return t
    return toks[0] if toks[0].pos_ in ("VERB", "AUX") else toks[-1]


def _object_of(tok: Token, ctoks: Span, parsed: bool, lex: Lexicon) -> list[Token]:
    """Objects of a verb: its direct object(s) with parse, else the clause's nouns."""
    if parsed:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "oa", "attr", "nsubjpass", "dative")]
        for c in tok.children:
            if c.dep_ == "prep":
                objs.extend(g for g in c.children if g.dep_ == "pobj")
        for o in list(objs):
            objs.extend(c for c in o.children if c.dep_ in ("conj", "compound", "pobj"))
            objs.extend(g for c in o.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
        return objs
    return [t for t in ctoks if t.i != tok.i and (t.text[:1].isupper() or t.pos_ in ("NOUN", "PROPN"))]
