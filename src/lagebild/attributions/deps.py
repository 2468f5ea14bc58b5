"""Frames from the dependency parse, when the base model has one.

The labels come from ``attribution.json`` → ``deps`` of the language ("content": labels
of a clausal complement, "subject", "agent"), so one rule serves every scheme.
"""
from __future__ import annotations

from .lexicon import Cue
from .rules import Frame, _aux_before, _form_for, _left_source, _nonempty
from .tokens import View


def _subtree(v: View, tok, lo: int, hi: int) -> tuple[int, int]:
    s, e = max(lo, tok.left_edge.i), min(hi, tok.right_edge.i + 1)
    # widen to whole quotations the span cuts into
    if s < e:
        if v.quote_of[s] != -1:
            s = min(s, v.quotes[v.quote_of[s]][0])
        if v.quote_of[e - 1] != -1:
            e = max(e, v.quotes[v.quote_of[e - 1]][1])
    return v.strip(max(lo, s), min(hi, e))


def _before_relative(v: View, a: int, b: int, deps: dict) -> int:
    """The end of [a, b) before a relative clause set off by a comma."""
    labels = set(deps.get("relative_clause", []))
    for t in v.doc[a:b]:
        if t.dep_ in labels and t.left_edge.i > a + 1 and v.texts[t.left_edge.i - 1] == ",":
            return t.left_edge.i - 1
    return b


def dep_frame(v: View, u: int, i: int, ce: int, part: int | None, cue: Cue, deps: dict) -> Frame | None:
    lo, hi = v.units[u]
    tok = v.doc[i]
    content_labels = set(deps.get("content", []))
    kids = [c for c in tok.children if c.dep_ in content_labels and lo <= c.i < hi
            and not (c.right_edge.i < i and v.texts[c.right_edge.i + 1] == ":")]  # "…: X said": what follows
    default = "indirect"
    agent = None  # "was endorsed by dozens of papers": the agent is the source, the subject what was said
    agent_labels, passive_labels = set(deps.get("agent", [])), set(deps.get("passive_subject", []))
    for c in tok.children:
        if c.dep_ in agent_labels and lo <= c.i < hi:
            objs = [g for g in c.children if g.i > c.i and lo <= g.i < hi]
            agent = _nonempty(_subtree(v, objs[0], lo, hi)) if objs else None
    passive_subj = [c for c in tok.children if c.dep_ in passive_labels and lo <= c.i < hi]
    if kids:
        content = _nonempty(_subtree(v, kids[0], lo, hi))
    elif agent is not None and passive_subj:
        content = _nonempty(_subtree(v, passive_subj[0], lo, hi))
        default = "reported"
    else:
        objs = [c for c in tok.children if c.dep_ in set(deps.get("object", [])) and lo <= c.i < hi]
        if v.lex.has("addressee_verbs", cue.lemma):  # "told reporters": the object is the addressee
            objs = [c for c in objs if c.dep_ != "dobj"]
        if not objs:  # "called for new tariffs", "fired back at X": the object of a preposition right after the verb
            after = part + 1 if part == ce else ce
            preps = [c for c in tok.children if c.dep_ in set(deps.get("prep_object", [])) and c.i == after
                     and not v.lex.has("adjunct_preps", v.lowers[c.i])  # "said in a statement": not what was said
                     and c.i + 1 < hi and any(g.i > c.i for g in c.children)]
            if preps:
                objs = [g for g in preps[0].children if g.i > preps[0].i][:1]
                ce, part = preps[0].i + 1, None if part == ce else part
        if not objs:
            return None
        preds = [c for c in tok.children if c.i > objs[-1].i and v.lex.has("predicative_preps", v.lowers[c.i])]
        a, _ = _subtree(v, objs[0], lo, hi)
        _, b = _subtree(v, (preds or objs)[-1], lo, hi)  # "accused the leader of recklessness"
        b = _before_relative(v, a, b, deps)  # "criticism of Lauer, who took heat …": not what was cited
        content = _nonempty((a, b))
        default = "reported"
    if content is None:
        return None
    # the reported clause starts right after the boundary that follows the cue
    p = v.clause_end(ce, hi)
    if p < content[0] and p < hi and v.texts[p] in (",", ":"):
        content = v.strip(p + 1, max(content[1], v.clause_end(content[1] - 1, hi) if v.lex.compact_sources else content[1]))
    subj_labels = set(deps.get("subject", []))
    src = agent
    holder = tok
    passive = False
    for _ in range(3 if src is None else 0):
        subj = [c for c in holder.children if c.dep_ in subj_labels]
        if subj and holder is tok and subj[0].dep_ in passive_labels \
                and cue.lemma not in v.lex.passive_subject_source:
            passive = True  # "he was identified as the gunman": what was said, not who said it
            break
        if subj:
            src = _nonempty(_subtree(v, subj[0], lo, hi))
            if len(list(subj[0].subtree)) == 1 and v.lex.has("relative_pronouns", v.lowers[subj[0].i]) \
                    and holder.dep_ in set(deps.get("relative", [])) and lo <= holder.head.i < hi:
                noun = holder.head  # "officials who said": the officials
                src = _nonempty(v.strip(max(lo, noun.left_edge.i), noun.i + 1))
            break
        if holder.dep_ in set(deps.get("gerund_in_pp", [])) and holder.head.head.pos_ in ("VERB", "AUX") \
                and holder.head.head is not holder.head:
            holder = holder.head.head  # "she started off by emphasizing": the subject of the verb the PP hangs on
        elif holder.dep_ in set(deps.get("inherit", [])) and holder.head is not holder:
            holder = holder.head
        else:
            break
    if content[0] <= i < content[1] or (src is not None and content[0] <= src[0] < content[1]):
        return None  # the parse disagrees with itself: let the token rules decide
    cs = _aux_before(v, i, lo)
    if src is None and not passive:
        src = _left_source(v, v.clause_start(cs, lo), cs, lo)
    if src is None and not passive and cs > lo and v.pos[cs - 1] in ("PROPN", "PRON") and v.quote_of[cs - 1] == -1:
        src = _nonempty(v.np_backward(cs, lo, limit=4))  # "In a meeting with the Post Trump said": the parse lost it
    cue_spans = [(cs, ce)] + ([(part, part + 1)] if part is not None else [])
    konj = any(v.is_konj(k) for k in range(cs, ce))
    frame = Frame(form=_form_for(v, [content], default), cue=cue_spans, source=src, content=[content],
                  unit=u, cue_kind=cue.kind, lemma=cue.lemma, konj_cue=konj)
    if passive:
        frame.extra["agentless_passive"] = True
    return frame


def _complement(v: View, tok, lo: int, hi: int, clause: set, preps: str, skip: tuple[int, int] | None = None,
                adjacent: bool = False) -> tuple[tuple[int, int] | None, str, int]:
    """What a nominal or adjectival cue at ``tok`` is about, with its form and the cue's end:
    a clause of it (``clause`` labels; indirect with a clause marker, else reported) or the object
    of a preposition of the language list ``preps`` after it (``adjacent``: right after it).
    Children inside ``skip`` (the source) are passed over."""
    i = tok.i
    for c in tok.children:
        if c.i <= i or not lo <= c.i < hi or (skip is not None and skip[0] <= c.i < skip[1]):
            continue
        if c.dep_ in clause:
            marked = any(v.lex.has("clause_markers", v.lowers[g.i]) for g in c.children)
            return _subtree(v, c, lo, hi), "indirect" if marked else "reported", i + 1
        if (not adjacent or c.i == i + 1) and v.lex.has(preps, v.lowers[c.i]):
            obj = [g for g in c.children if g.i > c.i]
            return (_subtree(v, obj[0], lo, hi), "reported", c.i + 1) if obj else (None, "reported", i + 1)
    return None, "reported", i + 1


def noun_frames(v: View, u: int, deps: dict, taken: set[int]) -> list[Frame]:
    """Nominal cues with their holder: "Trump's claim that …", "his call for new sanctions",
    "the warning by the ministry that …". The noun comes from ``nominal_cues`` of the language
    data; the holder is a possessive or a "by" phrase; the content a clause (that/to) or the
    object of a preposition of ``nominal_cue_preps`` right after the noun."""
    lo, hi = v.units[u]
    lex = v.lex
    poss = set(deps.get("possessor", []))
    clause = set(deps.get("noun_content", []))
    out = []
    for i in range(lo, hi):
        if i in taken or v.quote_of[i] != -1 or v.tags[i] != "NOUN":
            continue
        tok = v.doc[i]
        if not lex.has("nominal_cues", tok.lemma_.lower()):
            continue
        kids = [c for c in tok.children if lo <= c.i < hi]
        src = next((_subtree(v, c, lo, hi) for c in kids if c.dep_ in poss and c.i < i), None)
        if src is None:
            agent = [c for c in kids if c.i > i and lex.has("passive_agent", v.lowers[c.i])
                     and any(g.i > c.i for g in c.children)]
            if agent:
                src = _subtree(v, [g for g in agent[0].children if g.i > agent[0].i][0], lo, hi)
        cs = i
        if src is None and tok.dep_ in set(deps.get("object", [])) and tok.head.i < i and tok.head.pos_ == "VERB":
            subj = [c for c in tok.head.children if c.dep_ in set(deps.get("subject", [])) and lo <= c.i < tok.head.i]
            if subj:  # "Obama sounded a call for …": the light verb's subject holds it
                src, cs = _subtree(v, subj[0], lo, hi), tok.head.i
        if not src or src[1] <= src[0]:
            continue
        content, form, ce = _complement(v, tok, lo, hi, clause, "nominal_cue_preps", skip=src, adjacent=True)
        content = _nonempty(content)
        if content is None or content[0] <= src[0] < content[1]:
            continue
        out.append(Frame(form=form, cue=[(cs, ce)], source=_nonempty(v.strip(*src)), content=[content],
                         unit=u, kind="noun", cue_kind="speech", lemma=tok.lemma_.lower()))
    return out


def adjective_frames(v: View, u: int, deps: dict, taken: set[int]) -> list[Frame]:
    """Stance adjectives after a copula: "Cruz was critical of the deal", "Aides are confident
    that …", "she is eager to run". The adjective comes from ``adjective_cues``, the copula from
    ``copulas`` of the language data; the holder is the copula's subject; the content a clause
    of the adjective or the object of a preposition of ``adjective_cue_preps`` after it."""
    lo, hi = v.units[u]
    lex = v.lex
    subj_labels = set(deps.get("subject", []))
    clause = set(deps.get("adjective_content", []))
    out = []
    for i in range(lo, hi):
        if i in taken or v.quote_of[i] != -1 or not lex.has("adjective_cues", v.lowers[i]):
            continue
        tok = v.doc[i]
        if tok.dep_ not in set(deps.get("predicate", [])) or not lex.has("copulas", tok.head.lemma_.lower()):
            continue
        cop = tok.head
        if not lo <= cop.i < i:
            continue
        subj = [c for c in cop.children if c.dep_ in subj_labels and lo <= c.i < cop.i]
        if not subj:
            continue
        src = _nonempty(_subtree(v, subj[0], lo, hi))
        content, form, ce = _complement(v, tok, lo, hi, clause, "adjective_cue_preps")
        content = _nonempty(content)
        if src is None or content is None or content[0] <= src[0] < content[1]:
            continue
        cs = _aux_before(v, cop.i, lo)
        out.append(Frame(form=form, cue=[(cs, ce)], source=_nonempty(v.strip(*src)), content=[content],
                         unit=u, kind="adjective", cue_kind="thought", lemma=v.lowers[i]))
    return out


def agent_noun_frames(v: View, u: int, deps: dict, taken: set[int]) -> list[Frame]:
    """Nouns for one who holds a stance, after a copula or in apposition: "Clinton is an
    outspoken supporter of Roe v. Wade", "Rep. Grijalva, an early backer of Sanders, …". The
    noun comes from ``agent_nouns``; the content is the object of a preposition of
    ``nominal_cue_preps`` after it."""
    lo, hi = v.units[u]
    lex = v.lex
    out = []
    for i in range(lo, hi):
        if i in taken or v.quote_of[i] != -1 or v.tags[i] != "NOUN" or not lex.has("agent_nouns", v.doc[i].lemma_.lower()):
            continue
        tok = v.doc[i]
        prep = next((c for c in tok.children if c.i > i and lo <= c.i < hi), None)
        if prep is None or not lex.has("nominal_cue_preps", v.lowers[prep.i]):
            continue
        obj = [g for g in prep.children if g.i > prep.i]
        if not obj:
            continue
        content = _nonempty(_subtree(v, obj[0], lo, hi))
        src, cs = None, None
        if tok.dep_ in set(deps.get("predicate_noun", [])) and lex.has("copulas", tok.head.lemma_.lower()) \
                and tok.head.i < i:
            subj = [c for c in tok.head.children if c.dep_ in set(deps.get("subject", [])) and lo <= c.i < tok.head.i]
            if subj:
                src, cs = _subtree(v, subj[0], lo, hi), _aux_before(v, tok.head.i, lo)
        elif tok.dep_ in set(deps.get("apposition", [])) and lo <= tok.head.i < i:
            src, cs = v.strip(max(lo, tok.head.left_edge.i), tok.head.i + 1), tok.left_edge.i
        src = _nonempty(src)
        if src is None or content is None or content[0] <= src[0] < content[1]:
            continue
        out.append(Frame(form="reported", cue=[(cs, prep.i + 1)], source=src, content=[content],
                         unit=u, kind="noun", cue_kind="speech", lemma=tok.lemma_.lower()))
    return out


def survey_frames(v: View, u: int, deps: dict, taken: set[int]) -> list[Frame]:
    """A survey as the source of the clause it is fronted to: "In the latest poll, Clinton leads
    Sanders by 10 points". The preposition comes from ``survey_preps``, the head noun of its
    object from ``survey_heads``; a clause whose own verb is a cue is left to that cue."""
    lo, hi = v.units[u]
    lex = v.lex
    out = []
    for i in range(lo, hi):
        if i in taken or v.quote_of[i] != -1 or not lex.has("survey_preps", v.lowers[i]):
            continue
        tok = v.doc[i]
        head = tok.head
        if tok.dep_ not in set(deps.get("prep_object", [])) or not i < head.i < hi or head.i < lo:
            continue
        objs = [g for g in tok.children if g.i > i]
        if not objs or not lex.has("survey_heads", objs[0].lemma_.lower()) or lex.cue_for(v.texts[head.i]):
            continue
        src = _nonempty(_subtree(v, objs[0], lo, hi))
        if src is None or src[1] >= head.i:
            continue
        start = src[1] + 1 if src[1] < hi and v.texts[src[1]] == "," else src[1]
        content = _nonempty(v.strip(start, v.clause_end(head.i, hi) if v.clause_end(head.i, hi) > head.i else hi))
        if content is None:
            continue
        out.append(Frame(form="indirect", cue=[(i, i + 1)], source=src, content=[content],
                         unit=u, kind="prep", cue_kind="speech", lemma=v.lowers[i]))
    return out
