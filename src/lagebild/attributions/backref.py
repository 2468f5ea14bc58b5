"""Verb-second frames whose content stands before the cue clause.

Two German main-clause shapes put what was said in front of the clause that names the
speaker, so the cue has no reported clause of its own after it:

- an inverted perfect after the content: „…“, *hatte* X in einem Interview *gesagt*. The
  finite auxiliary opens the clause after the comma (verb-second), the participle closes
  it; the subject follows the auxiliary. The content is what precedes the comma, as in the
  simple ", sagte X" frame.
- a demonstrative object in the Vorfeld pointing back: „Das teilte X mit.“, „Dies sagte X
  am Montag.“ The pronoun is the object of the cue; what was said is the sentence before.

Both need ``verb_second`` in ``grammar.json``; the demonstratives are
``demonstrative_objects`` there.
"""
from __future__ import annotations

from .lexicon import Cue
from .rules import Frame, _clause_after, _form_for, _nonempty, _quotes_in
from .tokens import View
from .vorfeld import pronoun_after


def _source_after(v: View, k: int, end: int) -> tuple[int, int] | None:
    """The subject right after the finite verb at ``k - 1``, up to ``end``."""
    src = pronoun_after(v, k, end) or _nonempty(v.np_forward(k, end))
    if src is None or v.lex.has("non_subject_determiners", v.lowers[src[0]]) \
            or v.lex.has("object_pronouns", v.lowers[src[0]]):
        return None
    return src


def _closes_clause(v: View, ce: int, hi: int) -> bool:
    """Only punctuation follows the cue up to the end of its clause."""
    end = v.clause_end(ce, hi)
    return all(v.is_punct(k) or v.space[k] for k in range(ce, end))


def inverted_perfect(v: View, u: int, i: int, ce: int, part: int | None, cue: Cue) -> Frame | None:
    """„…“, hatte X (…) gesagt: content before the comma, source after the auxiliary."""
    lo, hi = v.units[u]
    lex = v.lex
    if not lex.verb_second or part is not None or cue.kind not in ("speech", "thought"):
        return None
    ls = v.clause_start(i, lo)
    if not (lo + 1 < ls < i - 1 and v.texts[ls - 1] == "," and lex.has("aux", v.lowers[ls])
            and v.quote_of[ls] == -1 and _closes_clause(v, ce, hi)):
        return None
    if any(v.quote_of[k] != -1 or lex.cue_for(v.texts[k]) for k in range(ls + 1, i)):
        return None
    src = _source_after(v, ls + 1, i)
    if src is None:
        return None
    qs = _quotes_in(v, lo, ls - 1)
    start = lo
    if qs and qs[-1][1] >= ls - 1:
        start = qs[0][0] if len(qs) == 1 or qs[0][1] >= qs[-1][0] else qs[-1][0]
    content = _nonempty(v.strip(start, ls - 1))
    if content is None or content[1] - content[0] < 2:
        return None
    return Frame(form=_form_for(v, [content], "indirect"), cue=[(ls, ls + 1), (i, ce)], source=src,
                 content=[content], unit=u, cue_kind=cue.kind, lemma=cue.lemma,
                 konj_cue=any(v.is_konj(k) for k in (ls, i)))


def demonstrative_object(v: View, u: int, i: int, ce: int, part: int | None, cue: Cue) -> Frame | None:
    """„Das teilte X mit.“: the cue's object points back to the sentence before."""
    lo, hi = v.units[u]
    lex = v.lex
    if not lex.verb_second or u == 0 or cue.kind != "speech":
        return None
    first = v.strip(lo, hi)[0]
    if not (first + 1 == i and lex.has("demonstrative_objects", v.lowers[first])):
        return None
    end = v.clause_end(ce, hi)
    if end < hi and v.texts[end] in (",", ":") and _clause_after(v, end, hi):
        return None  # "Das sagte X, er sei …": the clause after is what was said
    src = _source_after(v, ce, (part if part is not None and part > ce else end))
    if src is None:
        return None
    plo, phi = v.units[u - 1]
    content = _nonempty(v.strip(plo, phi))
    if content is None or content[1] - content[0] < 3:
        return None
    cue_spans = [(i, ce)] + ([(part, part + 1)] if part is not None else [])
    return Frame(form=_form_for(v, [content], "indirect"), cue=cue_spans, source=src, content=[content],
                 unit=u, cue_kind=cue.kind, lemma=cue.lemma, konj_cue=False)
