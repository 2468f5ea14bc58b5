"""Frames without a cue verb: prepositional sources, "so X", "heißt es", no-comment."""
from __future__ import annotations

from .rules import Frame, _form_for, _nonempty
from .tokens import View


def _content_without(v: View, lo: int, hi: int, s: int, e: int) -> list[tuple[int, int]]:
    """The unit minus the source phrase [s, e)."""
    parts = [v.strip(lo, s), v.strip(e, hi)]
    return [p for p in parts if p[1] > p[0] and any(not v.is_punct(k) for k in range(*p))]


def _parenthetical_end(v: View, i: int, end: int) -> int | None:
    """The comma closing ", so X," inside reported speech, or None."""
    lex = v.lex
    for k in range(i + 2, min(end, i + 10)):
        if v.quote_of[k] != -1 or lex.cue_for(v.texts[k]) or v.texts[k] in (":", ";"):
            return None
        if v.texts[k] == ",":
            if k + 1 >= end or lex.has("relative_pronouns", v.lowers[k + 1]):
                return None
            rest = range(k + 1, end)
            speech = any(v.is_konj(j) for j in rest if v.quote_of[j] == -1) or v.quote_of[k + 1] != -1 or (
                lex.has("clause_markers", v.lowers[k + 1]))
            return k if speech else None
    return None


def prep_frames(v: View, u: int) -> list[Frame]:
    lo, hi = v.units[u]
    lex = v.lex
    out: list[Frame] = []
    i = lo
    while i < hi:
        if v.quote_of[i] != -1:
            i = v.quotes[v.quote_of[i]][1]
            continue
        low = v.lowers[i]
        if low not in lex.first_words:
            i += 1
            continue
        hit = None
        for pat in lex.prep_before:
            toks = pat["tokens"]
            n = len(toks)
            if v.lowers[i:i + n] != toks:
                continue
            start = i + pat.get("source_from", n)
            suff = pat.get("next_suffix")
            if suff:
                if start + 1 >= hi or not any(v.lowers[start + 1].endswith(s) for s in suff):
                    continue
            hit = (i, i + (1 if n > 1 and pat.get("source_from", n) < n else n), start)
            break
        if hit is None and low in lex.prep_before_suffix and i + 1 < hi:
            nxt = i + 1
            while nxt < min(hi - 1, i + 3) and not v.capital(nxt) and (
                    lex.has("prep_before_gap", v.lowers[nxt]) or lex.has("determiners", v.lowers[nxt])
                    or v.lowers[nxt].endswith(lex.adjective_endings)):
                nxt += 1
            if (v.capital(nxt) or not lex.nouns_capitalised) and any(  # the noun after it
                    v.lowers[nxt].endswith(s) for s in lex.prep_before_suffix[low]):
                hit = (i, i + 1, i + 1)
        if hit is not None:
            cs, ce, start = hit
            src = _nonempty(v.np_forward(start, hi, relative=False))
            if src is not None and src[1] + 1 < hi and lex.has("author_preps", v.lowers[src[1]]) \
                    and lex.head_class("document", v.texts[src[1] - 1]):
                author = _nonempty(v.np_forward(src[1] + 1, hi, relative=False))
                if author is not None:  # "according to an analysis by the Pew Research Center"
                    src = (src[0], author[1])
            if src is not None:
                content = _content_without(v, lo, hi, cs, src[1])
                if content:
                    out.append(Frame(form="indirect", cue=[(cs, ce)], source=src, content=content,
                                     unit=u, kind="prep", lemma=low))
                i = src[1]
                continue
        for pat in lex.prep_after:
            toks = pat["tokens"]
            if v.lowers[i:i + len(toks)] != toks or i == lo:
                continue
            prev = pat.get("prev_suffix")
            if prev and not any(v.lowers[i - 1].endswith(s) for s in prev):
                continue
            src = _nonempty(v.np_backward(i, lo))
            if src is None:
                continue
            content = _content_without(v, lo, hi, src[0], i + len(toks))
            if content:
                out.append(Frame(form="indirect", cue=[(i, i + len(toks))], source=src, content=content,
                                 unit=u, kind="prep", lemma=low))
            break
        # ", so die beiden Personen." at the end of the unit
        if lex.has("parenthetical_cue", low) and i > lo + 2 and v.texts[i - 1] == "," and i + 1 < hi and not (
                lex.has("clause_markers", v.lowers[i + 1]) or lex.has("subordinators", v.lowers[i + 1])
                or v.is_punct(i + 1)):
            end = hi
            while end > i + 1 and v.is_punct(end - 1) and v.quote_of[end - 1] == -1:
                end -= 1
            mid = _parenthetical_end(v, i, end)
            if mid is not None:  # "Das Problem sei, so der Präsident, dass …"
                end = mid
            tail = range(i + 1, end)
            if 0 < len(tail) <= 16 and not any(
                    v.texts[k] in (",", ":") and not lex.has("relative_pronouns", v.lowers[min(k + 1, hi - 1)])
                    for k in tail) and not any(lex.cue_for(v.texts[k]) for k in tail):
                content = [c for c in [v.strip(lo, i - 1)] + ([v.strip(mid + 1, hi)] if mid is not None else [])
                           if c[1] > c[0]]
                src_end = end
                if lex.compact_sources:  # "so X im Fernsehen": the place is not the source
                    seen_cap = False
                    for k in range(i + 1, end):
                        if seen_cap and lex.has("prepositions", v.lowers[k]):
                            src_end = k
                            break
                        seen_cap = seen_cap or v.capital(k)
                if content:
                    out.append(Frame(form=_form_for(v, content, "indirect"), cue=[(i, i + 1)],
                                     source=v.strip(i + 1, src_end), content=content, unit=u, kind="prep", lemma=low))
        # "Demnach ..." refers back to the source of the discourse
        if lex.has("anaphoric_cues", low):
            content = _content_without(v, lo, hi, i, i + 1)
            if content:
                out.append(Frame(form="indirect", cue=[(i, i + 1)], source=None, content=content,
                                 unit=u, kind="anaphoric", lemma=low))
        i += 1
    return out


def es_frames(v: View, u: int) -> list[Frame]:
    """Impersonal cues ("heißt es in einer Mitteilung", "it was reported")."""
    lo, hi = v.units[u]
    out: list[Frame] = []
    firsts = [i for i in range(lo, hi) if v.lowers[i] in v.lex.first_words]
    if not firsts:
        return out
    for pat in v.lex.expletive_cues:
        n = len(pat)
        for i in firsts:
            if v.lowers[i] != pat[0] or v.lowers[i:i + n] != list(pat) or v.quote_of[i] != -1:
                continue
            e = i + n
            src = None
            if e < hi and v.lex.has("source_preps_after_expletive", v.lowers[e]):
                src = _nonempty(v.np_forward(e + 1, hi, relative=False))
            ls = v.clause_start(i, lo)
            # "Wie aus Kreisen verlautete"
            at = ls + 1 if ls + 2 < i and v.lex.has("comparison_cue", v.lowers[ls]) else ls
            if src is None and at + 1 < i and v.lex.has("source_preps_after_expletive", v.lowers[at]):
                src = _nonempty(v.np_forward(at + 1, i, relative=False))  # "In einer Erklärung heißt es"
            if ls > lo and v.texts[ls - 1] == ",":
                content = [v.strip(lo, ls - 1)]
            else:
                p = v.clause_end(src[1] if src else e, hi)
                content = [v.strip(p + 1, hi)] if p < hi and v.texts[p] in (",", ":") else \
                    _content_without(v, lo, hi, i, src[1] if src else e)
            content = [c for c in content if c[1] > c[0]]
            if content:
                kind = "prep" if src else "impersonal"  # no source named: not the last speaker's
                out.append(Frame(form="indirect", cue=[(i, e)], source=src, content=content, unit=u,
                                 kind=kind, lemma=" ".join(pat)))
    return out


def no_comment_frames(v: View, u: int) -> list[Frame]:
    lo, hi = v.units[u]
    if not v.lex.no_comment:
        return []
    doc = v.doc
    start_char, end_char = v.chars(lo, hi)
    text = v.text[start_char:end_char]
    out = []
    for pat in v.lex.no_comment:
        for m in pat.finditer(text):
            span = doc.char_span(start_char + m.start(), start_char + m.end(), alignment_mode="expand")
            if span is None:
                continue
            cs, ce = span.start, span.end
            ls = v.clause_start(cs, lo)
            src = None
            if ls < cs and not v.lex.has("subject_blockers", v.lowers[ls]):
                src = _nonempty(v.strip(ls, cs))
            if src is None and ls == cs and ls > lo and v.texts[ls - 1] == ",":
                # "Ein Sprecher, der ..., reagierte nicht"
                prev = v.clause_start(ls - 1, lo)
                if prev - 1 > lo and v.texts[prev - 1] == ",":
                    src = _nonempty(v.strip(v.clause_start(prev - 1, lo), ls - 1))
            out.append(Frame(form="no_comment", cue=[(cs, ce)], source=src, content=[], unit=u,
                             kind="no_comment", lemma="no_comment"))
    return out


def headline_frame(v: View, u: int, entities: list) -> list[Frame]:
    """"Trump: We will win" — a named speaker, a colon, then what they said; also the
    all-capitals speaker label of a transcript ("PENCE: Well, …")."""
    from .sources import entity_for

    lo, hi = v.units[u]
    s, e = v.strip(lo, hi)
    for k in range(s + 1, min(e, s + 5)):
        if v.texts[k] != ":":
            continue
        if v.quote_of[k] != -1 or k + 1 >= e:
            return []
        ent = entity_for(entities, *v.chars(s, k))
        label = all(v.texts[j].isupper() and v.texts[j].isalpha() for j in range(s, k))  # "PENCE: …" in a transcript
        heads = ("document_heads", "survey_heads")  # "Poll: Wealthy voters abandon …"
        doc_head = k - s == 1 and any(v.lex.has(h, v.texts[s]) or v.lex.has(h, v.lowers[s]) for h in heads)
        if (ent is None or ent.type not in ("PER", "ORG")) and not label and not doc_head:
            return []
        content = [v.strip(k + 1, e)]
        if sum(1 for j in range(*content[0]) if v.texts[j].isalpha()) < 2:
            return []  # "Clinton: 547" is a table row, not a statement
        f = Frame(form="indirect" if v.quote_of[k + 1] == -1 else "direct", cue=[(k, k + 1)],
                  source=(s, k), content=content, unit=u, kind="verb", lemma=":")
        f.extra["speaker_label"] = label
        return [f]
    return []


def dash_frames(v: View, u: int) -> list[Frame]:
    """"“We will win.” ― Jane Doe": a quotation signed with a dash and a name that ends the unit."""
    lo, hi = v.units[u]
    dashes = v.lex.words.get("signature_dashes", ())
    if not dashes:
        return []
    s, e = v.strip(lo, hi)
    k = e
    while k > s and (v.is_punct(k - 1) and v.texts[k - 1] not in dashes or v.space[k - 1]):
        k -= 1  # the name, back to the dash
    name_end = k
    while k > s and not v.is_punct(k - 1):
        k -= 1
    name = (k, name_end)
    if not (0 < name[1] - name[0] <= 5) or k - 1 <= s or v.texts[k - 1] not in dashes:
        return _name_first(v, u, s, e, dashes)
    if not all(v.capital(j) or v.texts[j][:1].isdigit() for j in range(*name) if v.texts[j][:1].isalpha()):
        return []
    d = k - 1
    q = d - 1
    while q > s and v.space[q]:
        q -= 1
    if v.quote_of[q] == -1 or v.quotes[v.quote_of[q]][1] - 1 != q:
        return []
    return [Frame(form="direct", cue=[(d, d + 1)], source=v.strip(*name), content=[v.quotes[v.quote_of[q]]],
                  unit=u, kind="verb", lemma=v.texts[d])]



def _name_first(v: View, u: int, s: int, e: int, dashes) -> list[Frame]:
    """"Jane Doe ― “We will win.”": a name, a dash, and a quotation filling the rest."""
    d = next((j for j in range(s + 1, min(e, s + 6)) if v.texts[j] in dashes), None)
    if d is None or d + 1 >= e or v.quote_of[d + 1] == -1:
        return []
    q = v.quotes[v.quote_of[d + 1]]
    if q[0] != d + 1 or any(not (v.is_punct(j) or v.space[j]) for j in range(q[1], e)):
        return []
    name = v.strip(s, d)
    if not all(v.capital(j) for j in range(*name) if v.texts[j][:1].isalpha()) or name[1] <= name[0]:
        return []
    return [Frame(form="direct", cue=[(d, d + 1)], source=name, content=[q], unit=u, kind="verb",
                  lemma=v.texts[d])]
