"""Verb-second clauses: is what stands before the finite cue verb its subject?

In a verb-second language ("verb_second" in ``grammar.json``) one phrase of any
kind opens a main clause: "Insgesamt spricht die Polizei von …", "Bis Mittwoch sagte sie
…", "Den Vorschlag lehnte er ab". When that phrase is an adverb, a prepositional phrase
or a date, the subject follows the finite verb; a personal pronoun right after the
verb ("bezeichnete er als …") is the subject whatever came before.
"""
from __future__ import annotations

from .tokens import View

_NOT_SUBJECT_POS = frozenset({"ADV", "ADP", "SCONJ", "CCONJ", "VERB", "AUX", "PART"})


def _times(v: View) -> list[tuple[int, int]]:
    cached = getattr(v, "_time_chars", None)
    if cached is None:
        cached = [(t.start, t.end) for t in (getattr(v.doc._, "lb_times", None) or [])
                  if t.start is not None and t.end is not None]
        v._time_chars = cached  # type: ignore[attr-defined]
    return cached


def in_time(v: View, s: int, e: int) -> bool:
    """The tokens [s, e) all lie inside one time expression ("Anfang Februar")."""
    cs, ce = v.chars(s, e)
    return any(a <= cs and ce <= b for a, b in _times(v))


def vorfeld_subject(v: View, s: int, e: int) -> bool:
    """Can the phrase [s, e) before the finite verb be its subject?"""
    if not v.lex.verb_second or e <= s:
        return True
    if in_time(v, s, e):
        return False
    tag = v.tags[s]
    if tag in _NOT_SUBJECT_POS and not (tag == "ADV" and e - s > 1 and v.tags[s + 1] in ("DET", "NOUN", "PROPN", "NUM")):
        return False  # "Insgesamt", "Bis Mittwoch" (but "Auch die Polizei")
    return True


def pronoun_after(v: View, k: int, hi: int) -> tuple[int, int] | None:
    """A subject pronoun right after the finite verb at ``k - 1``: "sagte sie"."""
    if not v.lex.verb_second or k >= hi or v.quote_of[k] != -1:
        return None
    if not v.lex.has("subject_pronouns", v.lowers[k]):
        return None
    case = v.doc[k].morph.get("Case") if v.has_morph else []
    if case and "Nom" not in case:
        return None
    return k, k + 1


def subject_after_finite(v: View, ls: int, cs: int) -> tuple[int, int] | None:
    """"Bereits vor zwei Wochen hatte die Gewerkschaft erklärt": when the Vorfeld [ls, k)
    before the finite auxiliary at k is no subject, the subject follows the auxiliary and
    ends before the cue at ``cs``."""
    lex = v.lex
    if not lex.verb_second:
        return None
    k = next((j for j in range(ls + 1, cs) if lex.has("aux", v.lowers[j]) and v.quote_of[j] == -1), None)
    if k is None or k + 1 >= cs:
        return None
    if vorfeld_subject(v, ls, k) and not lex.has("subject_blockers", v.lowers[ls]):
        return None
    subject = pronoun_after(v, k + 1, cs)
    if subject is None:
        s, e = v.np_forward(k + 1, cs)
        subject = (s, e) if e > s else None
    if subject is None or lex.has("non_subject_determiners", v.lowers[subject[0]]) \
            or lex.has("object_pronouns", v.lowers[subject[0]]):
        return None
    return subject


def finite_aux(v: View, ls: int, cs: int, i: int, ce: int) -> int | None:
    """The finite auxiliary in second position whose participle or infinitive is the cue
    at ``i`` ("hatte … erklärt", "ließ … verlauten"): the cue is non-finite by its
    morphology, or closes its clause (the right bracket of a verb-second clause)."""
    if not v.lex.verb_second:
        return None
    form = v.doc[i].morph.get("VerbForm") if v.has_morph else []
    if "Fin" in form or not form:
        end = v.clause_end(ce, len(v.texts))
        if not all(v.is_punct(k) or v.space[k] for k in range(ce, end)):
            return None
    return next((j for j in range(ls, cs) if v.lex.has("aux", v.lowers[j]) and v.quote_of[j] == -1), None)
