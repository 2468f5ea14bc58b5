"""Resolving frames within a unit (overlap, scope, nesting) and across units
(speaker carry-over, Konjunktiv I continuation, reported chains)."""
from __future__ import annotations

from .rules import Frame, _name_like
from .tokens import View


def _frame_tokens(f: Frame) -> list[int]:
    pts = [k for s, e in f.cue for k in range(s, e)]
    if f.source:
        pts.extend(range(*f.source))
    return pts


def _covers(f: Frame, k: int) -> bool:
    return any(s <= k < e for s, e in f.content)


def nested(items: list[tuple[int | None, list[tuple[int, int]]]]) -> list[bool]:
    """For attributions given as (cue start, content spans): whether each one's cue lies inside
    the content of another that does not, in turn, hold its own cue (the senator said the
    governor *announced* …). Offsets may be tokens or characters, as long as they agree."""
    def inside(k: int, spans) -> bool:
        return any(s <= k < e for s, e in spans)

    return [cue is not None and any(j != n and inside(cue, content_b) and not (cue_b is not None and inside(cue_b, content))
                                    for j, (cue_b, content_b) in enumerate(items))
            for n, (cue, content) in enumerate(items)]


def _share_subject(v: View, frames: list[Frame]) -> None:
    """"X spricht von … und fordert Y": a cue right after "und" shares the subject of the cue before."""
    lex = v.lex
    for f in frames:
        if not f.cue or f.kind != "verb":
            continue
        k = f.cue[0][0]
        if k == 0 or not lex.has("conjunctions", v.lowers[k - 1]):
            continue
        if f.source is not None and (f.source[0] < k or lex.has("subject_pronouns", v.lowers[f.source[0]])):
            continue
        before = [g for g in frames if g is not f and g.kind == "verb" and g.cue and g.source is not None
                  and g.cue[-1][1] <= k and g.source[1] <= k]
        if before:
            f.source = max(before, key=lambda g: g.cue[-1][1]).source


def resolve_unit(v: View, frames: list[Frame]) -> list[Frame]:
    """Trims contents that run over a frame scoping back and links nested frames to the frame
    around them (``according_to``): a frame whose cue lies inside the content of a frame that
    does not, in turn, hold its own cue. Nested frames stay (an evaluation against data that
    marks only the outermost attribution filters them with :func:`nested`)."""
    _share_subject(v, frames)
    if len(frames) < 2:
        return frames
    # a frame whose content runs over another frame that scopes back over it ends there
    for a in frames:
        for b in frames:
            if a is b or not a.cue:
                continue
            fb = _frame_tokens(b)
            if not fb:
                continue
            start = min(fb)
            if start <= a.cue[-1][1] - 1 or not _covers(b, a.cue[0][0]):
                continue
            trimmed = []
            for s, e in a.content:
                if s < start < e:
                    e = start
                trimmed.append(v.strip(s, e))
            a.content = [c for c in trimmed if c[1] > c[0]]
    frames = [f for f in frames if f.content or f.form == "no_comment"]
    # nesting: the smallest other frame whose content holds this frame's cue
    for a in frames:
        if not a.cue:
            continue
        k = a.cue[0][0]
        best = None
        for b in frames:
            if b is a or not _covers(b, k):
                continue
            size = sum(e - s for s, e in b.content)
            if best is None or size < best[0]:
                best = (size, b)
        if best is not None and not (best[1].according_to is not None and best[1].according_to == id(a)):
            a.according_to = id(best[1])
    return frames


def _unit_konj(v: View, u: int) -> bool:
    lo, hi = v.units[u]
    return any(v.quote_of[k] == -1 and v.is_konj(k) for k in range(lo, hi))


def _unit_strong_konj(v: View, u: int) -> bool:
    lo, hi = v.units[u]
    return any(v.quote_of[k] == -1 and v.lex.has("reported_speech_mood_strong", v.lowers[k]) for k in range(lo, hi))


def _reportative(v: View, u: int) -> bool:
    """"Er soll ... geholfen haben": the modal of hearsay."""
    lo, hi = v.units[u]
    s, e = v.strip(lo, hi)
    if e - s < 4 or not v.lex.has("reportative_final", v.lowers[e - 1]):
        return False
    return any(v.lex.has("reportative_modals", v.lowers[k]) for k in range(s, min(e, s + 6)))


def link_units(v: View, frames: list[Frame], window: int = 2, merge_runs: bool = False) -> list[Frame]:
    by_unit: dict[int, list[Frame]] = {}
    for f in frames:
        by_unit.setdefault(f.unit, []).append(f)
    claimed = set()
    for f in frames:
        for s, e in f.content:
            for k in range(s, e):
                if v.quote_of[k] != -1:
                    claimed.add(v.quote_of[k])
    out: list[Frame] = []
    speaker: Frame | None = None  # last frame with a named source
    reporter: Frame | None = None  # last top-level reporting frame
    continued: Frame | None = None  # indirect frame whose content the next unit may continue
    for u in range(len(v.units)):
        uf = sorted(by_unit.get(u, []), key=lambda f: f.anchor)
        lo, hi = v.units[u]
        if not uf:
            quotes = [q for q in dict.fromkeys(v.quotes[v.quote_of[k]] for k in range(lo, hi)
                                               if v.quote_of[k] != -1) if v.quote_of[q[0]] not in claimed]
            long_quotes = [q for q in quotes if (q[0] - lo) <= 3 and (
                q[1] - q[0] >= 10 or v.texts[q[1] - 2] in (".", "!", "?", "…"))]
            if long_quotes and speaker is not None and merge_runs and speaker.form != "no_comment" \
                    and u - speaker.extra.get("last_unit", speaker.unit) == 1:
                speaker.content = speaker.content + long_quotes
                speaker.extra["last_unit"] = u
                continued = None
                continue
            if long_quotes and speaker is not None and u - speaker.unit <= window:
                carry = Frame(form="direct", cue=[], source=None, content=long_quotes, unit=u,
                              kind="carry", lemma=speaker.lemma, according_to=speaker.according_to)
                carry.extra["antecedent"] = speaker.extra.get("antecedent", speaker)
                uf.append(carry)
                speaker = carry
                continued = None
            elif continued is not None and u - continued.extra.get("last_unit", continued.unit) == 1 \
                    and _unit_strong_konj(v, u):
                span = v.strip(lo, hi)
                if span[1] > span[0]:
                    if continued.kind == "carry":
                        s0 = continued.content[0][0]
                        continued.content = [(s0, span[1])]
                    else:
                        cont = Frame(form="indirect", cue=[], source=None, content=[span], unit=u, kind="carry",
                                     lemma=continued.lemma, according_to=continued.according_to)
                        cont.extra["antecedent"] = continued.extra.get("antecedent", continued)
                        out.append(cont)
                        continued = cont
                    continued.extra["last_unit"] = u
                continue
            elif _unit_strong_konj(v, u) or _reportative(v, u):
                # reported speech with no cue: the last speaker within reach, else nobody named
                span = v.strip(lo, hi)
                ante = speaker if speaker is not None and u - speaker.unit <= 6 else None
                cont = Frame(form="indirect", cue=[], source=None, content=[span], unit=u, kind="carry",
                             lemma=ante.lemma if ante else None,
                             according_to=ante.according_to if ante else None)
                if ante is not None:
                    cont.extra["antecedent"] = ante.extra.get("antecedent", ante)
                out.append(cont)
                continued = cont
                continued.extra["last_unit"] = u
                continue
            else:
                continued = None
        for f in uf:
            if f.konj_cue and f.according_to is None and reporter is not None and u - reporter.unit <= 3 \
                    and reporter.unit != u:
                f.according_to = id(reporter)
            if f.kind == "anaphoric" and f.source is None:
                ante = speaker or reporter
                if ante is not None and u - ante.unit <= 3:
                    f.extra["antecedent"] = ante.extra.get("antecedent", ante)
            out.append(f)
        verbal = [f for f in uf if f.kind in ("verb", "carry") and (f.source or f.kind == "carry")]
        if verbal:
            speaker = verbal[-1]
        elif any(f.kind == "prep" for f in uf):
            speaker = [f for f in uf if f.kind == "prep"][-1]
        tops = [f for f in uf if f.kind == "verb" and f.according_to is None and not f.konj_cue and f.source]
        if tops:
            reporter = tops[-1]
        ind = [f for f in uf if f.kind in ("verb", "prep") and f.form != "no_comment" and f.according_to is None]
        continued = ind[-1] if ind else None
    return out


def nested_quotes(v: View, frames: list[Frame]) -> list[Frame]:
    """Quoted words inside reported speech are also the source's direct words."""
    out = []
    taken = {c for f in frames for c in f.content}
    for f in frames:
        if f.form != "indirect" or f.kind not in ("verb", "prep"):
            continue
        for s, e in f.content:
            seen = set()
            for k in range(s, e):
                q = v.quote_of[k]
                if q == -1 or q in seen:
                    continue
                seen.add(q)
                qs, qe = v.quotes[q]
                if qs >= s and qe <= e and (qs, qe) != (s, e) and (qs, qe) not in taken \
                        and not _name_like(v, (qs, qe)):
                    taken.add((qs, qe))
                    n = Frame(form="direct", cue=list(f.cue), source=f.source, content=[(qs, qe)], unit=f.unit,
                              kind="nested", lemma=f.lemma, according_to=f.according_to)
                    n.extra = dict(f.extra)
                    out.append(n)
    return frames + out
