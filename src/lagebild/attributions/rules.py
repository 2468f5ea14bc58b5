"""Finding attribution frames in one unit: cue verbs, prepositional sources, no-comment.

Every finder returns :class:`Frame` objects in token indices. The frame shapes are:

- PRE: source and cue, then ``,`` or ``:`` and the content ("X sagte, er sei ...").
- POST: content, ``,``, cue and source ("..., sagte X." / "..., X said.").
- WIE: "..., wie X mitteilte." / "as X said".
- dependency frames when the parser is there (content = clausal complement of the cue).
- REPORTED: a speech act without a reported clause; content = the clause.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Cue
from .tokens import View
from .vorfeld import finite_aux, pronoun_after, subject_after_finite, vorfeld_subject


@dataclass
class Frame:
    form: str
    cue: list[tuple[int, int]]
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    unit: int
    kind: str = "verb"  # verb | prep | anaphoric | no_comment | carry
    cue_kind: str = "speech"
    lemma: str | None = None
    konj_cue: bool = False
    according_to: int | None = None
    source_hint: str | None = None
    medium: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def anchor(self) -> int:
        pts = [s for s, _ in self.cue] + [s for s, _ in self.content]
        if self.source:
            pts.append(self.source[0])
        return min(pts) if pts else 0


def _nonempty(span: tuple[int, int] | None) -> tuple[int, int] | None:
    return span if span and span[1] > span[0] else None


def find_cues(v: View, lo: int, hi: int) -> list[tuple[int, int, int | None, Cue]]:
    """(first token, last token + 1, particle token, cue) of every cue verb in the unit."""
    out = []
    lex = v.lex
    for i in range(lo, hi):
        if v.quote_of[i] != -1:
            continue
        if v.phrase_pos and lex.cue_pos and v.pos[i] not in lex.cue_pos:
            continue
        cue = lex.cue_for(v.texts[i])
        if cue is not None:
            out.append((i, i + 1, None, cue))
            continue
        cues = {c.particle: c for c in lex.split_for(v.texts[i]) if c.particle}
        if not cues:
            continue
        j = i + 1
        while j < hi and v.texts[j] not in (".", "!", "?", ";", ":"):
            if v.quote_of[j] != -1:  # "wies die Vorwürfe als „haltlos“ zurück"
                if v.quotes[v.quote_of[j]][0] != j or j == i + 1:
                    break
                j = v.quotes[v.quote_of[j]][1]
                continue
            if v.lowers[j] in cues and (j == i + 1 or j + 1 >= hi or v.is_punct(j + 1)):
                out.append((i, i + 1, j, cues[v.lowers[j]]))
                break
            if v.texts[j] == "," and (v.lex.has("clause_markers", v.lowers[min(j + 1, hi - 1)])
                                      or v.lex.has("subordinators", v.lowers[min(j + 1, hi - 1)])):
                break
            j += 1
        else:
            j = hi
        if not any(c[0] == i for c in out[-1:]) and i > lo and v.lowers[i - 1] in cues and (
                i + 1 >= hi or v.punct[i + 1]):
            out.append((i - 1, i + 1, None, cues[v.lowers[i - 1]]))  # "wie X bekannt gab"
    return out


def _aux_before(v: View, i: int, lo: int) -> int:
    j = i
    while j > lo and (v.lex.has("aux", v.lowers[j - 1]) or v.pos[j - 1] == "ADV") and v.quote_of[j - 1] == -1:
        j -= 1
    return j


def _clause_after(v: View, p: int, hi: int) -> str | None:
    """What reported clause starts after the boundary at ``p``: marker, konj, quote or None."""
    if p + 1 >= hi:
        return None
    nxt = p + 1
    while nxt < hi and v.space[nxt]:
        nxt += 1
    if nxt >= hi:
        return None
    if v.lex.has("clause_markers", v.lowers[nxt]):
        return "marker"
    end = v.clause_end(nxt if v.quote_of[nxt] == -1 else v.quotes[v.quote_of[nxt]][1], hi)
    if any(v.is_konj(k) for k in range(nxt, end)):
        return "konj"
    if any(_infinitive(v, k, end) for k in range(nxt, end)):
        return "inf"
    if v.quote_of[nxt] != -1:
        return "quote"
    return None


def _infinitive(v: View, k: int, end: int) -> bool:
    """"zu sein", "to leave", or a particle verb with the marker inside ("einzusetzen")."""
    inf = v.lex.infinitive_marker
    if not inf:
        return False
    low = v.lowers[k]
    if low == inf:
        return k + 1 < end and v.texts[k + 1][:1].islower()
    endings = v.lex.infinitive_endings
    if k != end - 1 or len(low) <= 6 or not v.texts[k][:1].islower() or not endings or not low.endswith(endings):
        return False
    at = low.find(inf, 2)
    return 0 < at < len(low) - 3 and v.lex.has("particles", low[:at])


def _left_source(v: View, ls: int, i: int, lo: int) -> tuple[int, int] | None:
    """Subject before the cue: the part of the clause before it, up to an auxiliary."""
    s = ls
    full = i
    if s < i and all(
            v.lex.has("aux", v.lowers[k]) or v.lex.has("trailing_adverbs", v.lowers[k]) for k in range(s, i)):
        i = s  # "X, Chef der Armee, hat bereits angekündigt": only the auxiliary stands between
    # a relative clause right before the cue ("Ein Beamter, der ..., sagte")
    while s == i or (s < i and all(v.is_punct(k) for k in range(s, i))):
        if s - 1 <= lo or v.texts[s - 1] != ",":
            break
        prev = v.clause_start(s - 1, lo)
        k = prev
        if prev - 1 > lo and v.texts[prev - 1] == "," and _apposition_like(v, prev, s - 1):
            head = v.clause_start(prev - 1, lo)
            if head < prev - 1 and not v.lex.has("subject_blockers", v.lowers[head]):
                return _trim(v, v.strip(head, i))
        if k < s - 1 and (v.lex.has("relative_pronouns", v.lowers[k]) or
                          (k + 1 < s - 1 and v.lex.has("relative_pronouns", v.lowers[k + 1])
                           and v.lex.has("prepositions", v.lowers[k]))):
            if prev - 1 > lo and v.texts[prev - 1] == ",":
                head = v.clause_start(prev - 1, lo)
                if v.lex.has("subject_blockers", v.lowers[head]) or v.lex.has("prepositions", v.lowers[head]):
                    return None
                return v.strip(head, i)
        break
    if s >= i:
        return None
    i = full
    # where capitals mark nouns (headings are not in title case), a capitalised determiner inside the
    # subject opens a new sentence: "Vorschlag an den Bundestag Der Bundesrat schlug vor": a heading ran in
    if v.lex.nouns_capitalised:
        for k in range(i - 1, s, -1):
            if v.lex.has("determiners", v.lowers[k]) and v.capital(k) and not v.is_punct(k - 1) \
                    and v.quote_of[k] == -1 and k + 1 < i:
                s = k
                break
    if v.lex.has("subject_blockers", v.lowers[s]):
        return None
    if i - s == 1 and v.lex.has("object_pronouns", v.lowers[s]):
        return None
    if v.lex.has("non_subject_determiners", v.lowers[s]):
        return None  # "Den Vorschlag lehnte X ab": the object comes first
    if i - s > 2 and v.lex.has("prepositions", v.lowers[s + 1]) and not (
            v.lowers[s] in v.lex.number_words or v.lex.has("determiners", v.lowers[s])) and not (
            v.pos[s] in ("NOUN", "PROPN")):
        return None  # "Sofort nach der Wahl äußerte X": a fronted adverbial, subject after the verb
    if s + 1 < i and (v.lex.has("clause_markers", v.lowers[s]) or (
            v.lex.has("relative_pronouns", v.lowers[s]) and s > lo and v.texts[s - 1] == ","
            and not (v.lex.nouns_capitalised and v.capital(s + 1)))):  # an article before a noun
        return _nonempty(v.np_forward(s + 1, i, relative=False))
    e = i
    for k in range(s, i):
        if k > s and v.quote_of[k] == -1 and (
                v.lex.has("aux", v.lowers[k]) or v.lex.has("reported_speech_mood", v.lowers[k])):
            e = k
            break
    if i - 1 >= s and v.lex.has("conjunctions", v.lowers[i - 1]):
        return _nonempty(v.np_forward(s, i, relative=False))
    if v.lex.compact_sources and s > lo and v.texts[s - 1] == "," and any(
            v.lex.has("np_stops", v.lowers[k]) for k in range(s + 1, e)):
        return _nonempty(v.np_forward(s, e, relative=False))  # inside a subordinate clause: keep it short
    span = _trim(v, v.strip(s, e))
    if span[1] - span[0] > 25:
        return None
    if not vorfeld_subject(v, *span):
        return None
    return _nonempty(span)


def _apposition_like(v: View, a: int, b: int) -> bool:
    """[a, b) between two commas reads as an apposition ("Aufsichtsratschef von SWB")."""
    lex = v.lex
    if not 0 < b - a <= 10 or not (v.capital(a) or lex.has("determiners", v.lowers[a])):
        return False
    if lex.has("relative_pronouns", v.lowers[a]) and not v.capital(min(a + 1, b - 1)):
        return False
    for k in range(a, b):
        if v.quote_of[k] != -1 or v.konj[k] or lex.cue_for(v.texts[k]) or lex.has("aux", v.texts[k]) \
                or lex.has("clause_markers", v.lowers[k]) or v.tags[k] in ("VERB", "AUX"):
            return False
        if not (v.capital(k) or v.is_punct(k) or lex.has("np_continuers", v.lowers[k])
                or lex.has("prepositions", v.lowers[k]) or lex.has("determiners", v.lowers[k])
                or v.tags[k] in ("ADJ", "DET", "NUM", "ADP", "PROPN", "NOUN")):
            return False
    return True


def _coordinated_cue(v: View, a: int, b: int) -> bool:
    """"bezeichnete X als „Y“ und kündigte an, …": the clause after the comma is the second cue's."""
    lex = v.lex
    return any(lex.has("conjunctions", v.lowers[k - 1]) and (lex.cue_for(v.texts[k]) or lex.split_for(v.texts[k]))
               for k in range(a + 1, b) if v.quote_of[k] == -1)


def _trim(v: View, span: tuple[int, int]) -> tuple[int, int]:
    """Drop adverbs at the edges of a source ("Die Kanadier hingegen", "schon die WHO")."""
    s, e = span
    while e > s + 1 and v.lex.has("trailing_adverbs", v.lowers[e - 1]) and v.quote_of[e - 1] == -1:
        e -= 1
    while s < e - 1 and v.lex.has("trailing_adverbs", v.lowers[s]) and v.quote_of[s] == -1:
        s += 1
    return v.strip(s, e)


def _passive_agent(v: View, ls: int, i: int) -> tuple[int, int] | None:
    for k in range(ls, i):
        if v.lex.has("passive_agent", v.lowers[k]) and v.quote_of[k] == -1:
            return _nonempty(v.np_forward(k + 1, i, relative=False))
    return None


def _quotes_in(v: View, s: int, e: int) -> list[tuple[int, int]]:
    seen = []
    for k in range(s, e):
        q = v.quote_of[k]
        if q != -1 and (not seen or seen[-1] != v.quotes[q]):
            seen.append(v.quotes[q])
    return seen


def _name_like(v: View, q: tuple[int, int]) -> bool:
    """„Grupo Planeta“, „Nürnberg Ice Tigers“: a quoted name or title, not quoted words."""
    words = [k for k in range(q[0] + 1, q[1] - 1) if v.texts[k][:1].isalpha()]
    # names run longer in capitals where nouns are capitalised too ("Deutscher Journalisten Verband")
    if len(words) < 2 or len(words) > (6 if v.lex.nouns_capitalised else 4):
        return False
    return all(v.capital(k) for k in words)


def _form_for(v: View, content: list[tuple[int, int]], default: str) -> str:
    if content and all(v.quote_of[s] != -1 and v.quotes[v.quote_of[s]] == (s, e) for s, e in content):
        return "direct"
    return default


def verb_frame(v: View, u: int, i: int, ce: int, part: int | None, cue: Cue) -> Frame | None:
    lo, hi = v.units[u]
    lex = v.lex
    cs = _aux_before(v, i, lo)
    cue_spans = [(cs, ce)] + ([(part, part + 1)] if part is not None else [])
    konj = any(v.is_konj(k) for k in range(cs, ce))
    ls = v.clause_start(cs, lo)
    fin = finite_aux(v, ls, cs, i, ce)
    if fin is not None:  # "hatte die Gewerkschaft erklärt": the verbal complex is the cue
        cue_spans.insert(0, (fin, fin + 1))
    after = (part + 1) if part is not None and part == i + 1 else ce
    base = dict(cue=cue_spans, unit=u, cue_kind=cue.kind, lemma=cue.lemma, konj_cue=konj)
    # --- PRE: cue (+ source) then boundary and a clause -----------------------------------
    p = v.clause_end(after, hi)
    if p < hi and v.texts[p] in (",", ":") and not _coordinated_cue(v, after, p):
        mid = _nonempty(v.strip(after, p))
        if mid and all(lex.has("aux", v.lowers[k]) for k in range(*mid)):
            mid = None
        why = _clause_after(v, p, hi)
        if not why and mid and v.texts[p] == ",":
            q = v.clause_end(p + 1, hi)
            if q < hi and v.texts[q] == "," and 0 < q - p - 1 <= 5 and all(
                    v.capital(k) or v.is_punct(k) for k in range(p + 1, q)):
                why2 = _clause_after(v, q, hi)
                if why2:
                    why, p = why2, q
                    mid = _nonempty(v.strip(after, p))
        nxt = min(p + 1, hi - 1)
        relative = ls > lo and v.texts[ls - 1] == "," and lex.has("relative_pronouns", v.lowers[ls])
        bare = (mid is None and v.texts[p] == "," and cue.kind in ("speech", "thought")
                and not lex.has("subordinators", v.lowers[nxt]) and not relative)
        if why == "quote" and ls > lo + 1 and v.texts[ls - 1] == "," and v.quote_of[ls - 2] != -1:
            why = None  # „A“, sagte X, „B“: a split quote, handled below
        if v.texts[p] == ":" or why or bare:
            content = [_nonempty(v.strip(p + 1, hi))]
            if content[0] is not None:
                left = pronoun_after(v, after, hi) or _left_source(v, ls, cs, lo) or (
                    subject_after_finite(v, ls, cs) if mid is None else None)
                if left is None and mid is None and cs - ls == 1 and lex.has("demonstrative_subjects", v.lowers[ls]):
                    left = (ls, cs)  # "Diese bestätigte, dass …"
                src = left if left is not None else (
                    _nonempty(v.np_forward(mid[0], p)) if mid else None)
                if src is not None or mid is None:
                    form = _form_for(v, content, "indirect")
                    starts_quoted = v.quote_of[content[0][0]] != -1
                    first = _quotes_in(v, *content[0])[:1]
                    whole = bool(first) and (  # the quote is the reported clause, not a word in it
                        all(v.is_punct(k) or v.space[k] for k in range(first[0][1], content[0][1]))
                        or any(_infinitive(v, k, first[0][1] - 1) for k in range(first[0][0] + 1, first[0][1] - 1)))
                    if v.texts[p] == "," and (why == "quote" or (why == "inf" and starts_quoted and whole)):
                        # "beschrieb die Strategie als …, „sie den Schmerz spüren zu lassen“"
                        content, form = _quotes_in(v, *content[0])[:1], "direct"
                    return Frame(form=form, source=src, content=content, **base)
    # --- WIE: "wie X mitteilte" -------------------------------------------------------
    if ls + 1 < cs and not lex.has("comparison_cue", v.lowers[ls]) and lex.has("comparison_cue", v.lowers[ls + 1]) \
            and lex.has("subordinators", v.lowers[ls]) is False and lex.has("comparison_cue_lead_ins", v.lowers[ls]):
        ls += 1
    if lex.has("comparison_cue", v.lowers[ls]) and ls < cs:
        src = _trim(v, v.strip(ls + 1, cs))
        if ls > lo:
            content = [_nonempty(v.strip(lo, ls))]
        else:
            content = [_nonempty(v.strip(v.clause_end(ce, hi) + 1, hi))]
        if content[0] is not None:
            return Frame(form="indirect", source=src, content=content, **base)
    # --- POST: content , cue source -------------------------------------------------------
    subject_before = ls == cs and ls > lo and (_left_source(v, ls, cs, lo) or (ls, ls))[0] < ls
    cend = v.clause_end(after if part is None else part + 1, hi)
    own_quotes = [q for q in _quotes_in(v, after, cend) if not _name_like(v, q)]
    if own_quotes and ls > lo and not _quotes_in(v, lo, ls) and not any(v.is_konj(k) for k in range(lo, ls)):
        subject_before = True  # "…, bezeichnete er als „Akt der Willkür“": the quote is what was said
    if ls > lo and v.texts[ls - 1] == "," and ls - 1 > lo and not subject_before:
        left = _nonempty(v.strip(ls, cs))
        if left is not None and lex.verb_second:
            left = (0, 0)  # verb-second order: ", X sagte" starts a new main clause (an inserted source is ", sagte X")
        src = left if left is not None else _nonempty(v.np_forward(after, hi))
        if src is not None and left is None and (lex.has("non_subject_determiners", v.lowers[src[0]])
                                                 or lex.has("object_pronouns", v.lowers[src[0]])):
            src = None  # "…, Mr. King, 82, told me": "me" is whom it was told
        if src is not None and left != (0, 0) and not (left and lex.has("subject_blockers", v.lowers[left[0]])) and (
                left is None or left[1] - left[0] <= 6):
            qs = _quotes_in(v, lo, ls - 1)
            cstart = lo
            if qs and qs[-1][1] >= ls - 1:
                cstart = qs[0][0] if len(qs) == 1 or qs[0][1] >= qs[-1][0] else qs[-1][0]
            content = [_nonempty(v.strip(cstart, ls - 1))]
            # split quote: „A“, sagte X, „B“
            tail = src[1] if src else ce
            if tail + 1 < hi and v.texts[tail] == "," and v.quote_of[tail + 1] != -1:
                content.append(v.quotes[v.quote_of[tail + 1]])
            elif tail < hi and v.quote_of[tail] != -1:
                content.append(v.quotes[v.quote_of[tail]])
            content = [c for c in content if c]
            if content:
                return Frame(form=_form_for(v, content, "indirect"), source=src, content=content, **base)
    # --- REPORTED (or a quote inside the clause: direct) -------------------------------
    if cue.kind == "thought":
        return None  # a belief verb reports only with a reported clause ("glaubt, dass ...")
    cend = v.clause_end(after if part is None else part + 1, hi)
    quotes = _quotes_in(v, ls, cend)
    # the passive auxiliary stands before the participle, unless clauses put the verb last
    pe = min(cend + 1, hi) if lex.verb_second else ce  # "said … if it were offered" is not a passive
    passive = any(lex.has("passive_aux", v.lowers[k]) for k in range(ls, pe)) \
        and cue.lemma not in lex.passive_subject_source
    src = _passive_agent(v, ls, cs) if passive else None
    if src is None and not passive:
        src = pronoun_after(v, after, hi) or _left_source(v, ls, cs, lo)
        if src is None and after < hi:
            src = _nonempty(v.np_forward(after, hi))
            if src is not None and lex.has("non_subject_determiners", v.lowers[src[0]]):
                src = None  # "schlug dem Bundestag vor": an object, not the speaker
    quotes = [q for q in quotes if not _name_like(v, q)]
    if quotes:
        return Frame(form="direct", source=src, content=quotes, **base)
    if lex.reported_after_cue:  # what the act was about: the rest of its clause after the cue
        rest = after if part is None else part + 1
        content = _nonempty(v.strip(rest, v.clause_end(rest, hi)))
    else:
        content = _nonempty(v.strip(ls, hi))
    if content is None:
        return None
    return Frame(form="reported", source=src, content=[content], **base)
