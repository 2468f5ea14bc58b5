"""spaCy component ``lagebild_attributions``: who says so.

``find`` builds a token view of the Doc, collects frames per unit (cue verbs,
prepositional sources, impersonal cues, no-comment phrases), resolves overlaps and
nesting within each unit, then links across units (speaker carry-over for quotes with
no cue, Konjunktiv I continuation, reported chains) and types the sources.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import LanguageData
from ..nlp.config import DEFAULT_SETTINGS
from ..records import Attribution, AttributionSource, Span
from ..settings import Settings
from .discourse import link_units, nested_quotes, resolve_unit
from .lexicon import Lexicon
from .prep import dash_frames, es_frames, headline_frame, no_comment_frames, prep_frames
from .rules import Frame, find_cues, verb_frame
from .sources import classify, head_token, is_anaphoric, medium_for
from .tokens import View
from .backref import demonstrative_object, inverted_perfect
from .deps import adjective_frames, agent_noun_frames, dep_frame, noun_frames, survey_frames


class AttributionsComponent:
    def __init__(self, nlp: Language, name: str, settings: Settings | None = None) -> None:
        self.name = name
        self.settings = settings or Settings()
        self.lang = LanguageData(nlp.lang)
        self.lex = Lexicon.load(self.lang)
        data = self.lang.json("attribution")
        self.deps = data.get("deps", {})
        self.nested = bool(data.get("nested_quotes", True))
        self.headline = bool(data.get("headline_colon", False))
        self.merge_runs = bool(data.get("merge_quote_runs", False))

    # --- finding ------------------------------------------------------------------------
    def frames(self, doc: Doc) -> tuple[View, list[Frame]]:
        v = View.build(doc, self.lex, self.lang)
        frames: list[Frame] = []
        for u, (lo, hi) in enumerate(v.units):
            unit: list[Frame] = no_comment_frames(v, u)
            taken = {k for f in unit for s, e in f.cue for k in range(s, e)}
            for i, ce, part, cue in find_cues(v, lo, hi):
                if i in taken or self._setting(v, i, cue):
                    continue
                f = inverted_perfect(v, u, i, ce, part, cue) or demonstrative_object(v, u, i, ce, part, cue)
                if f is None and v.has_dep and self.deps:
                    f = dep_frame(v, u, i, ce, part, cue, self.deps)
                if f is None:
                    f = verb_frame(v, u, i, ce, part, cue)
                if f is not None:
                    unit.append(f)
                    taken.update(k for s, e in f.cue for k in range(s, e))
            extra = prep_frames(v, u) + es_frames(v, u) + dash_frames(v, u)
            if v.has_dep and self.deps:
                extra += noun_frames(v, u, self.deps, taken) + adjective_frames(v, u, self.deps, taken)
                extra += agent_noun_frames(v, u, self.deps, taken) + survey_frames(v, u, self.deps, taken)
            if self.headline:  # a transcript's speaker label stands over its turn's frames (nested in it);
                # a headline colon ("Trump: …") only where the unit has no other frame
                extra += [f for f in headline_frame(v, u, doc._.lb_entities or [])
                          if not unit or f.extra.get("speaker_label")]
            for f in extra:
                if not any(k in taken for s, e in f.cue for k in range(s, e)):
                    unit.append(f)
                    taken.update(k for s, e in f.cue for k in range(s, e))
            frames.extend(resolve_unit(v, unit))
        frames = link_units(v, frames, merge_runs=self.merge_runs)
        if self.nested:
            frames = nested_quotes(v, frames)
        return v, frames

    def find(self, doc: Doc) -> list[Attribution]:
        v, frames = self.frames(doc)
        entities = doc._.lb_entities or []
        frames = [f for f in frames if not self._weak(v, f, entities)]
        frames.sort(key=lambda f: f.anchor)
        index = {id(f): n for n, f in enumerate(frames, 1)}
        out: list[Attribution] = []
        infos = []
        for f in frames:
            lo, hi = v.units[f.unit]
            info = None
            src = AttributionSource()
            if f.source is not None:
                s, e = f.source
                info = classify(v, s, e, entities)
                if info.kind == "anonymous" and info.count is None and is_anaphoric(v, s, e):
                    for prev in reversed(infos):
                        if prev and prev.kind == "anonymous" and prev.head == info.head and prev.count:
                            info.count = prev.count
                            break
                if info.kind in ("person", "unknown") and info.entity is None and s + 1 == e \
                        and v.lowers[s] in self.lex.pronouns:
                    for prev in reversed(infos):
                        if prev and prev.kind == "person" and prev.entity:
                            info.entity = prev.entity
                            break
                cs, ce = v.chars(*_without_relative(v, s, e))
                src = AttributionSource(kind=info.kind, entity=info.entity, start=cs, end=ce, text=v.text[cs:ce],
                                        count=info.count, description=info.description)
            infos.append(info)
            medium = medium_for(v, f.lemma, lo, hi, f.source or (f.cue or f.content)[0])
            if medium is None and f.kind in ("verb", "carry", "no_comment"):
                medium = "speech"
            if medium == "social_media" and src.kind == "unknown":
                src.kind = "social_media"
            rec = Attribution(
                id=f"a{index[id(f)]}",
                form=f.form,
                content=_span(v, f.content),
                cue=_span(v, f.cue, text=True),
                source=src,
                medium=medium,
                according_to=f"a{index[f.according_to]}" if f.according_to in index else None,
            )
            out.append(rec)
        # carried-over sources (cue-less quotes, "demnach") copy their antecedent's source
        for f, rec in zip(frames, out):
            ante = f.extra.get("antecedent")
            if ante is not None and f.source is None and id(ante) in index:
                a = out[index[id(ante)] - 1].source
                rec.source = a.model_copy()
        _break_cycles(out)
        return out

    def _setting(self, v: View, i: int, cue) -> bool:
        """"Speaking to reporters on Monday, Trump said …": a participle of speaking that sets
        the scene for another cue verb is part of that act, not one of its own."""
        if not (v.has_dep and self.lex.has("setting_verbs", cue.lemma)):
            return False
        tok = v.doc[i]
        return tok.dep_ in set(self.deps.get("adverbial_clause", [])) and tok.head.i != i \
            and self.lex.cue_for(v.texts[tok.head.i]) is not None

    @staticmethod
    def _weak(v: View, f: Frame, entities: list) -> bool:
        """A speech act with no reported clause needs a source that can speak."""
        if f.form != "reported":
            return False
        if f.source is None and f.extra.get("agentless_passive"):
            return False  # "he was lambasted as a moderate": said by someone unnamed
        if f.source is None or v.lex.has("clause_only_cues", f.lemma or ""):
            return True  # "needs more time", "maintains a blog": a cue only with a reported clause
        said = {k for s, e in f.content for k in range(s, e) if not v.is_punct(k)}
        said -= set(range(*_without_relative(v, *f.source))) | {k for s, e in f.cue for k in range(s, e)}
        if len(said) < v.lex.reported_min_words:
            return True  # "Wikinews berichtete": nothing is reported
        s, e = f.source
        info = classify(v, s, e, entities)
        if info.kind != "unknown" or info.entity is not None:
            return False
        if e - s == 1 and v.lex.has("personal_relatives", v.lowers[s]):
            return False  # "demonstrators, who called for …": a relative pronoun for people
        head = v.doc[head_token(v, s, e)]
        if v.lex.plural_sources_speak and head.pos_ in ("NOUN", "PROPN") and "Plur" in head.morph.get("Number"):
            return False  # a group can speak: "World leaders and diplomats expressed outrage
        if v.lex.has_lower("share_heads", head.text):
            return False  # a share of a group: "64 percent call him competent", "a third said so"
        # keep sources that look like a name: two capitalised words in a row
        return not any(v.capital(k) and v.capital(k + 1) and v.texts[k].isalpha() and v.texts[k + 1][:1].isalpha()
                       for k in range(s, e - 1))

    def set_annotations(self, doc: Doc, found: list[Attribution]) -> None:
        doc._.lb_attributions = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


def _without_relative(v: View, s: int, e: int) -> tuple[int, int]:
    """The source phrase without a relative clause at its end ("Personen, die … sind"),
    where the language data says sources are annotated so (the description keeps it)."""
    if v.lex.source_relative_clause:
        return s, e
    for k in range(s + 1, e - 1):
        if v.texts[k] == "," and v.quote_of[k] == -1 and v.lex.has("relative_pronouns", v.lowers[k + 1]) \
                and not v.capital(k + 2):
            end = next((j for j in range(k + 1, e) if v.texts[j] == ","), e)
            if any(v.tags[k + 2:end]) and not any(t in ("VERB", "AUX") for t in v.tags[k + 2:end]):
                continue  # ", die nordrhein-westfälische Justizministerin": an apposition, no verb
            return v.strip(s, k)
    return s, e


def _break_cycles(atts: list[Attribution]) -> None:
    """A reporting chain must end: drop the link that closes a loop."""
    by_id = {a.id: a for a in atts}
    for a in atts:
        seen = {a.id}
        x = a
        while x.according_to is not None:
            if x.according_to in seen or x.according_to not in by_id:
                x.according_to = None
                break
            seen.add(x.according_to)
            x = by_id[x.according_to]


def _span(v: View, spans: list[tuple[int, int]], text: bool = False) -> Span | None:
    spans = sorted(s for s in spans if s[1] > s[0])
    if not spans:
        return None
    chars = [v.chars(s, e) for s, e in spans]
    start, end = chars[0][0], max(c[1] for c in chars)
    if text:
        words = " ".join(v.text[a:b] for a, b in chars)
    else:
        words = None
    return Span(start=start, end=end, text=words, spans=chars if len(chars) > 1 else None)


@Language.factory(
    "lagebild_attributions",
    requires=["doc.sents", "doc._.lb_entities", "doc._.lb_times"],
    assigns=["doc._.lb_attributions"],
    default_config={"settings": DEFAULT_SETTINGS},
)
def make_attributions(nlp: Language, name: str, settings: Settings) -> AttributionsComponent:
    return AttributionsComponent(nlp, name, settings)
