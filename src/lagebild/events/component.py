"""spaCy component ``lagebild_events``: PLOVER events with modality, date and attribution.

Per sentence: clauses -> triggers (lexicon) -> embedded triggers absorbed by the verbal
event that governs them ("threatened to shell" is one THREATEN) -> actor, recipient and
location -> modality -> type adjustments (a planned SUPPORT is AGREE; a speaker's own
conditional violence is a THREATEN) -> mode, context, date, attribution, confidence.
Events of one sentence with the same type are merged; events with neither actor nor
recipient are dropped (PLOVER codes no actorless events).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lang import LanguageData
from ..nlp.annotations import trusted
from ..nlp.config import DEFAULT_SETTINGS
from ..records import Entity, Event, Evidence, Span as RSpan
from ..settings import Settings
from .arguments import Arguments, find_arguments
from .dates import clause_tense, event_date
from .decide import confidence, features, has_participants, rejection
from .entities import EntityIndex
from .groups import GroupHeads, find_groups
from .lexicon import compile_lexicon, compile_modality, merge_lexicons
from .modality import modality
from .syntax import CLAUSAL_COMPLEMENTS, COMPLEMENT_PATH
from .triggers import Clause, Trigger, TriggerFinder, clauses

LEAD_SENTENCES = 2
"""Sentences that open an article (a title line and the first sentence)."""


class EventsComponent:
    def __init__(self, nlp: Language, name: str, settings: Settings | None = None) -> None:
        self.name = name
        self.settings = settings or Settings()
        self.min_confidence = self.settings.event_min_confidence
        self.lang = lang = LanguageData(nlp.lang)
        data = lang.json("events")
        if lang.has("event_lexicon.json"):
            data = merge_lexicons(data, lang.json("event_lexicon"))
        grammar = lang.json("grammar")
        self.lex = compile_lexicon(data, grammar, lang.syntax)
        self.cues = compile_modality(lang.json("modality"), grammar)
        self.groups = GroupHeads.of(lang)
        self.triggers = TriggerFinder(self.lex)

    # ------------------------------------------------------------------------------
    def find(self, doc: Doc) -> tuple[list[Event], list[Entity]]:
        """The events of ``doc`` and the unnamed groups they use as arguments."""
        if not doc.has_annotation("SENT_START"):
            return [], []
        parsed = trusted(doc, "dep", self.lang)  # else clause heuristics for arguments and modality
        parsed_pos = trusted(doc, "pos", self.lang)
        has_lemma = doc.has_annotation("LEMMA")
        groups: list[Entity] = []
        if parsed_pos:
            groups = find_groups(doc, self.groups, EntityIndex(doc).name_tokens())
        idx = EntityIndex(doc, groups)
        found: list[tuple[Trigger, Event]] = []
        for n, sent in enumerate(doc.sents):
            clist = clauses(sent, self.lex)
            if not clist:
                continue
            trigs = self.triggers.find(sent, clist, parsed, parsed_pos, has_lemma, idx.weapon_tokens,
                                       idx.blocked)
            if not trigs:
                continue
            self._absorb(trigs, parsed)
            for a in trigs:  # a denial negates the event it is about and is no event itself
                if a.entry.denial and any(b.absorbed_by is a for b in trigs):
                    a.absorbed_by = a
                    for b in trigs:
                        if b.absorbed_by is a and b is not a:
                            b.absorbed_by, b.forced_modality = None, "negated"
            for b in trigs:  # "is prepared to impose martial law": readiness for a conflict act threatens
                a = b.absorbed_by
                if a is not None and a is not b and a.type in self.lex.hostile_content \
                        and b.type in self.lex.threat_modes and _complement_of(b.token, a.token):
                    a.type, a.mode = self.lex.hostile_content[a.type], self.lex.threat_modes[b.type]
            for a in trigs:  # a warning whose clause holds no act of anyone is no threat
                if a.entry.needs_content and parsed and any(c.dep_ in CLAUSAL_COMPLEMENTS for c in a.token.children) \
                        and not any(b.absorbed_by is a and _complement_of(b.token, a.token) for b in trigs):
                    a.absorbed_by = a
            cond = any(c.marker in self.cues.conditional for c in clist)
            sent_events = []
            for t in trigs:
                if t.absorbed_by is not None:
                    continue
                ev = self._event(t, sent, clist, idx, parsed, cond, frozenset(x.token.i for x in trigs))
                if ev is not None:
                    sent_events.append((t, ev))
            merged = [(t, e) for t, e in self._merge_sentence(sent_events) if has_participants(e.actor, e.recipient)]
            # the lead (headline and first sentence) reports the story's main event: its best
            # candidate stands even under the minimum confidence
            best = max((e.confidence for _, e in merged), default=0.0) if n < LEAD_SENTENCES else 1.0
            found.extend((t, e) for t, e in merged if e.confidence >= min(self.min_confidence, best))
        events = self._merge_document(found)
        for i, ev in enumerate(events, 1):
            ev.id = f"v{i}"
        used = {e for ev in events for e in (*ev.actor, *ev.recipient)}
        return events, [g for g in groups if g.id in used]

    def set_annotations(self, doc: Doc, found: tuple[list[Event], list[Entity]]) -> None:
        events, groups = found
        doc._.lb_events = events
        if groups:
            doc._.lb_entities = [*(doc._.lb_entities or []), *groups]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    # ------------------------------------------------------------------------------
    def _absorb(self, trigs: list[Trigger], parsed: bool) -> None:
        """Mark triggers that are the content of a governing verbal event."""
        for t in trigs:
            if parsed:
                d, h = 0, t.token
                while h.head.i != h.i and d < 20:
                    h, d = h.head, d + 1
                t.depth = d
        for b in trigs:
            for a in trigs:
                if a is b or not (a.entry.governs or a.entry.governs_complement) or b.absorbed_by is not None \
                        or a.absorbed_by is not None:
                    continue
                if not a.entry.governs:
                    if parsed and _complement_of(b.token, a.token, self.lex.infinitive_markers):
                        b.absorbed_by = a
                    continue
                if not parsed and a.is_noun and not b.is_noun:
                    continue  # "lehnte die Forderung ab": the verb governs the noun, not vice versa
                if parsed:
                    h, hops = b.token, 0
                    while h.head.i != h.i and hops < 8:
                        h, hops = h.head, hops + 1
                        if h.i == a.token.i:
                            b.absorbed_by = a
                            break
                        if h.lemma_.lower() in self.lex.reporting:
                            break
                else:
                    same = a.clause is b.clause
                    nxt = b.clause.index == a.clause.index + 1 and b.clause.marker is None \
                        and not self._reporting_frame(b.clause, b.token.doc)
                    if same or nxt:
                        b.absorbed_by = a

    def _reporting_frame(self, c: Clause, doc: Doc) -> bool:
        """Is this clause the frame of a report ("..., hatte Obama bei seinem Treffen gesagt")?"""
        return any(x.lemma_.lower() in self.lex.reporting or x.lower_ in self.lex.reporting
                   for x in doc[c.start:c.end])

    def _event(self, t: Trigger, sent: Span, clist: list[Clause], idx: EntityIndex,
               parsed: bool, cond: bool, others: frozenset[int] = frozenset()) -> Event | None:
        doc = sent.doc
        args = find_arguments(self.lex, t, clist, idx, parsed, others)
        mod = modality(t, clist, self.cues, self.lex, parsed, cond)
        type_, mode = t.type, t.mode
        if t.entry.crowd and args.crowd:
            type_, _, mode = t.entry.crowd.partition("/")
            mode = mode or None
        att = idx.attribution_at(t.token.idx)
        if mod == "negated" and type_ in self.lex.refusal_types and (
                self._future_cue(t) or clause_tense(t, self.lex) == "Pres"):
            # "said it would not meet the demands", "erkennen die Entwicklung nicht an": a refusal,
            # which did happen
            type_, _, m = self.lex.refusal_types[type_].partition("/")
            mode, mod = m or None, "asserted"
        if mod in ("planned",):
            fut = t.entry.future or self.lex.future_types.get(type_)
            if fut:
                type_, mode = fut, None
        # "if they take negative steps, then we will retaliate": a conditional announcement of
        # violence is a threat made; "announced it would prohibit aid" is the measure itself
        conditional_threat = cond and t.clause.marker is None and mod in ("hypothetical", "planned")
        if t.type in self.lex.threat_modes and (conditional_threat or (
                mod == "hypothetical" and self._own_threat(t, args, att, idx))):
            type_, mode, mod = "THREATEN", self.lex.threat_modes[t.type], "asserted"
            src = att.source.entity if att and att.source else None
            if src and src not in args.actor:
                args.actor.insert(0, src)
        named = [r for r in args.recipient if r not in idx.groups]
        if not named and args.location and t.type in self.lex.location_recipient_types \
                and not t.entry.reciprocal:
            named = [args.location]  # PLOVER codes "rebels shelled Juba" with Juba as recipient
        if named:  # a named recipient before an unnamed group ("sent troops to Liberia")
            args.recipient = named
        if t.entry.reciprocal and type_ == t.type:
            args.actor += [r for r in args.partners if r not in args.actor]
            args.recipient = [r for r in args.recipient if r not in args.partners]
        if mode is None:
            mode = self._mode(type_, sent)
        if rejection(t, args, self.lex, parsed) is not None:
            return None
        conf = confidence(features(t, args, idx, parsed, mod, att is not None))
        tokens = [t.token, *t.tokens]
        start = min(doc[t.clause.start].idx, *(x.idx for x in tokens))
        end = max(doc[t.clause.end - 1].idx + len(doc[t.clause.end - 1]),
                  *(x.idx + len(x) for x in tokens))
        first, last = min(tokens, key=lambda x: x.i), max(tokens, key=lambda x: x.i)
        trig_span = RSpan(start=first.idx, end=last.idx + len(last), text=doc[first.i:last.i + 1].text)
        if len(t.tokens) > 1 and last.i - first.i + 1 > len(t.tokens):
            trig_span.spans = [(x.idx, x.idx + len(x)) for x in sorted(t.tokens, key=lambda x: x.i)]
        return Event(
            id="v0", type=type_, mode=mode, context=self._context(sent),
            actor=args.actor, recipient=[r for r in args.recipient if r not in args.actor],
            location=args.location, date=event_date(t, sent, clist, self.lex, mod, others),
            modality=mod, attribution=att.id if att else None,
            evidence=Evidence(start=start, end=end),
            confidence=conf, trigger=trig_span,
        )

    def _future_cue(self, t: Trigger) -> bool:
        doc = t.token.doc
        words = {x.lower_ for x in doc[t.clause.start:t.clause.end]}
        return bool(words & (self.cues.planned | self.cues.reported_future))

    def _own_threat(self, t: Trigger, args: Arguments, att, idx: EntityIndex) -> bool:
        """A conflict act its own side says it may or will carry out is a threat."""
        src = att.source.entity if att and att.source else None
        if src is None:
            return False
        if src in args.actor or (args.pronoun_actor and not args.actor):
            return True
        if args.pronoun_actor:
            return True
        sc = idx.country(src)
        return bool(sc) and any(idx.country(a) == sc for a in args.actor)

    def _mode(self, type_: str, sent: Span) -> str | None:
        cues = self.lex.mode_cues.get(type_)
        if not cues:
            return None
        low = [t.lower_ for t in sent]
        syntax = self.lex.syntax
        for mode, words in cues.items():
            for w in low:
                if w in words or (syntax.closed_compounds and any(
                        len(c) > 4 and syntax.compound_has_part(w, c) for c in words)):
                    return mode
        return None

    def _context(self, sent: Span) -> list[str]:
        toks = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        out = []
        syntax = self.lex.syntax
        for ctx, words in self.lex.contexts.items():
            if toks & words or (syntax.closed_compounds and any(
                    len(w) > 5 and any(syntax.compound_has_part(t, w) for t in toks) for w in words)):
                out.append(ctx)
        return out[:3]

    # ------------------------------------------------------------------------------
    @staticmethod
    def _merge_sentence(items: list[tuple[Trigger, Event]]) -> list[tuple[Trigger, Event]]:
        out: list[tuple[Trigger, Event]] = []
        for t, ev in items:
            twin = next((o for o in out if o[1].type == ev.type and o[1].modality == ev.modality and (
                not ev.actor or not o[1].actor or set(ev.actor) <= set(o[1].actor)
                or set(o[1].actor) <= set(ev.actor))), None)
            if twin is None:
                out.append((t, ev))
                continue
            o = twin[1]
            lo, hi = min(o.evidence.start, ev.evidence.start), max(o.evidence.end, ev.evidence.end)
            o.evidence = ev.evidence = Evidence(start=lo, end=hi)
            if len(ev.actor) + len(ev.recipient) > len(o.actor) + len(o.recipient):
                ev.date = ev.date or o.date
                ev.mode = ev.mode or o.mode
                ev.confidence = max(ev.confidence, o.confidence)
                out[out.index(twin)] = (t, ev)
            else:
                o.date = o.date or ev.date
                o.mode = o.mode or ev.mode
                o.location = o.location or ev.location
                o.confidence = max(o.confidence, ev.confidence)  # as when the twin replaces it
        return out

    @staticmethod
    def _merge_document(items: list[tuple[Trigger, Event]]) -> list[Event]:
        out: list[Event] = []
        for _, ev in items:
            key = (ev.type, tuple(sorted(ev.actor)), tuple(sorted(ev.recipient)), ev.modality)
            twin = next((o for o in out if (o.type, tuple(sorted(o.actor)), tuple(sorted(o.recipient)),
                                            o.modality) == key and (o.date == ev.date or not ev.date)), None)
            if twin is None:
                out.append(ev)
            else:
                twin.confidence = max(twin.confidence, ev.confidence)
        return out


def _complement_of(tok: Token, gov: Token, infinitive: frozenset[str] = frozenset()) -> bool:
    """``tok`` is (inside) the complement of ``gov``: objects and complement clauses only (with
    ``infinitive`` markers also a to-infinitive the parser calls an adjunct), no adjunct ("agreed
    to a ceasefire after two days of fighting") or condition on the way."""
    for _ in range(6):
        to_inf = tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ in infinitive for c in tok.children)
        if (tok.dep_ not in COMPLEMENT_PATH and not to_inf) or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == gov.i:
            return True
    return False


@Language.factory(
    "lagebild_events",
    requires=["doc.sents", "doc._.lb_entities", "doc._.lb_times", "doc._.lb_places",
              "doc._.lb_attributions"],
    assigns=["doc._.lb_events", "doc._.lb_entities"],
    default_config={"settings": DEFAULT_SETTINGS},
)
def make_events(nlp: Language, name: str, settings: Settings) -> EventsComponent:
    return EventsComponent(nlp, name, settings)
