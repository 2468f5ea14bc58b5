"""When an event happened, at the precision the text gives.

1. A time expression of the trigger's own clause (or of its sentence, unless it belongs to
   a clause of its own: "after the talks, which took place on 4 July, ..." keeps the talks'
   date for the talks).
2. Without one, the tense of the clause anchors the event in the discourse, as TimeML
   annotators do: an asserted event told in the present tense or present perfect ("Ankara is
   threatening", "the Taliban have rejected", "Russland greift an") happens at the time of
   reporting, the article's publication day; an event told in the past tense takes the last
   day the article named before it in the same paragraph (the narrative's reference time),
   if that day is not after the publication.
   A pluperfect ("had rejected", "hatten angefordert") is anterior to that time and gets none;
   nor does a series ("repeatedly", "wiederholt": ``events.json`` ``habitual``).
3. Otherwise no date: never the publication date by default.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from ..nlp.annotations import trusted
from .lexicon import Lexicon
from .triggers import Clause, Trigger

DATE_VALUE = re.compile(r"^\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?(T.*)?$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _dated(doc: Doc) -> list:
    return [x for x in (doc._.lb_times or []) if x.value and DATE_VALUE.match(x.value)]


def own_date(t: Trigger, sent: Span, clist: list[Clause], lex: Lexicon,
             others: frozenset[int] = frozenset()) -> str | None:
    """The date of a time expression in the trigger's sentence that belongs to it."""
    doc = sent.doc
    times = [x for x in _dated(doc) if sent.start_char <= x.start < sent.end_char]
    if not times:
        return None
    c = t.clause
    cs, ce = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])
    nouns = [o for o in others if o != t.token.i]

    def own(x) -> bool:  # "Gesprächs mit X am 4. Juli war Trumps Telefonat": the time is the talk's
        sp = doc.char_span(x.start, x.end, alignment_mode="expand")
        if sp is None:
            return True
        k = sp.start
        return not any(o < k and k - o <= 4 and not (o < t.token.i < k) and t.token.i > k for o in nouns)
    inside = [x for x in times if cs <= x.start < ce and own(x)]
    if inside:
        return min(inside, key=lambda x: abs(x.start - t.token.idx)).value
    owned = {cl.index for cl in clist if cl is not c and (cl.marker in lex.own_time_markers or cl.relative)}
    rest = []
    for x in times:
        cl = next((cl for cl in clist if doc[cl.start].idx <= x.start <= doc[cl.end - 1].idx), None)
        if cl is None or cl.index not in owned:
            rest.append(x)
    if not rest:
        return None
    return min(rest, key=lambda x: abs(x.start - t.token.idx)).value


def clause_tense(t: Trigger, lex: Lexicon) -> str | None:
    """``Pres``, ``Past`` or ``Pqp`` (pluperfect: "had rejected", "hatten angefordert"): the
    tense of the finite verb that carries the trigger's clause. A past finite perfect auxiliary
    (``perfect_auxiliaries`` in ``grammar.json``, lemmas) makes a pluperfect, anterior to the
    narrative's reference time."""
    doc = t.token.doc
    tok = t.token
    for x in doc[t.clause.start:t.clause.end]:  # "hatten ... angefordert", even if the tagger
        if x.pos_ == "AUX" and x.lemma_.lower() in lex.perfect_aux and x.morph.get("VerbForm") == ["Fin"]:
            return _tense(x, lex)  # calls the participle finite
    if tok.pos_ in ("VERB", "AUX") and tok.morph.get("VerbForm") == ["Fin"]:
        return _tense(tok, lex)
    chain = [tok, *tok.ancestors] if trusted(doc, "dep") else [tok]  # heads only from a trusted parse
    for h in chain[:4]:  # the trigger's own auxiliaries first ("have rejected", "is threatening")
        for x in [h, *h.children]:
            if x.pos_ in ("VERB", "AUX") and x.morph.get("VerbForm") == ["Fin"] and \
                    t.clause.start <= x.i < t.clause.end:
                return _tense(x, lex)
    for x in doc[t.clause.start:t.clause.end]:
        if x.pos_ in ("VERB", "AUX") and x.morph.get("VerbForm") == ["Fin"]:
            return _tense(x, lex)
    return None


def _tense(finite, lex: Lexicon) -> str | None:  # noqa: ANN001
    tense = (finite.morph.get("Tense") or [None])[0]
    if tense == "Past" and finite.pos_ == "AUX" and finite.lemma_.lower() in lex.perfect_aux:
        return "Pqp"
    return tense


def _paragraph_start(doc: Doc, char: int) -> int:
    cut = doc.text.rfind("\n", 0, char)
    return cut + 1 if cut >= 0 else 0


def narrative_date(t: Trigger, doc: Doc, published: dt.date | None) -> str | None:
    """The last day named before the trigger in its paragraph (else before it in the article),
    not after the publication."""
    start = _paragraph_start(doc, t.token.idx)
    best = None
    for lo in (start, 0):
        for x in _dated(doc):
            if lo <= x.start < t.token.idx and DAY.match(x.value):
                day = x.value[:10]
                if published is None or day <= published.isoformat():
                    best = day
        if best is not None:
            return best
    return best


def event_date(t: Trigger, sent: Span, clist: list[Clause], lex: Lexicon, modality: str,
               others: frozenset[int] = frozenset()) -> str | None:
    own = own_date(t, sent, clist, lex, others)
    if own is not None or modality not in ("asserted", "negated"):
        return own
    doc = sent.doc
    if any(x.lower_ in lex.habitual for x in doc[t.clause.start:t.clause.end]):
        return None  # "hat wiederholt gedroht": a series, not one day
    published = doc._.lb_published
    tense = clause_tense(t, lex)
    if tense == "Pres" and published is not None:
        return published.isoformat()
    if tense == "Past":
        return narrative_date(t, doc, published)
    return None
