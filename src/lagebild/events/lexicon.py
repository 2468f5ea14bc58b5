"""Event and modality lexicons of one language, compiled once per component.

``lang/<code>/events.json`` maps trigger words to PLOVER types; ``modality.json`` lists the
cues of negation, condition, question, plan and doubt. Nothing here knows a language: every
difference between languages lives in those two files.

Trigger lists are keyed ``"TYPE"`` or ``"TYPE/mode"`` (``"CONSULT/phone": ["telephone"]``).
``entries`` adds details to one lemma (recipient prepositions, object-dependent types, a
separable particle, ...). ``forms`` maps a lemma to surface forms, for pipelines without a
lemmatiser. Where the language capitalises its nouns (``nouns_capitalised`` in ``grammar.json``), forms
match with their case, so noun and verb forms stay apart ("Angriff", "angriff") without a tagger.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lang.classes import word_class
from ..lang.syntax import Syntax
from ..records import PLOVER_TYPES

POS_KEYS = {"verbs": "VERB", "nouns": "NOUN", "adjectives": "ADJ"}


@dataclass(frozen=True)
class Entry:
    """What one trigger word means."""

    lemma: str
    pos: str
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    """Prepositions (or ``obj``/``dat``) that mark the recipient."""
    reciprocal: bool = False
    """All participants are actors (meetings, talks, agreements between parties)."""
    future: str | None = None
    """Type when the event is only announced or planned (PLOVER: future SUPPORT is AGREE)."""
    objects: dict = field(default_factory=dict, hash=False, compare=False)
    """Object lemma -> {"type":..., "mode":...}: the object decides the type."""
    requires: tuple[str, ...] = ()
    """The trigger counts only with one of these words in its clause (``einsetzen`` + ``gegen``)."""
    particle: str | None = None
    """Separable particle that must follow a split finite form (``kündigte ... an``)."""
    governs: bool = False
    """Its content (an embedded event) is absorbed into this event."""
    denial: bool = False
    """Denying an event negates it instead of being a REJECT ("denied attacking Kyiv")."""
    control: bool = False
    """An event only with a complement that has a subject of its own and an infinitive marker:
    "expects the government to uphold" demands; "expects to meet" only plans."""
    governs_complement: bool = False
    """Absorbs the events of its complement only (objects, complement clauses, to-infinitives),
    not those of adjuncts: "pleading with civilians to return ... after fighting displaced them"."""
    needs_content: bool = False
    """With a clausal complement, an event only if an event is inside it: "warned that the
    measures could be misread" warns of a danger and threatens nothing."""
    not_with: tuple[str, ...] = ()
    """Words in the trigger's clause that cancel it (``ask whether`` is a question, not a request)."""
    crowd: str | None = None
    """Type when the actor is a crowd (``farmers protested``: PROTEST, not ACCUSE)."""
    possessor: str = "actor"
    """Role of a possessor: ``Russia's attack`` (actor) vs ``al-Rufayi's killing`` (recipient)."""
    weight: float = 0.7


@dataclass
class Lexicon:
    entries: dict[tuple[str, str], Entry]
    """(lemma, POS) -> entry; the POS is VERB, NOUN or ADJ."""
    forms: dict[str, list[tuple[str, str]]]
    """surface form -> [(lemma, POS)]."""
    split_forms: dict[str, list[str]]
    """finite stem form of a separable verb -> [lemma]."""
    phrases: dict[tuple[str, ...], Entry]
    """word sequence (lemmas or lower-case forms) -> entry."""
    nouns_capitalised: bool
    """The language capitalises its nouns: forms are keyed with their case (see the module)."""
    syntax: Syntax
    """The language's syntax hooks: closed compounds count by their parts and head."""
    light_verbs: frozenset[str]
    reversers: dict[str, dict]
    reporting: frozenset[str]
    role_nouns: frozenset[str]
    actor_preps: frozenset[str]
    between: frozenset[str]
    conj_words: frozenset[str]
    preps: frozenset[str]
    dative_articles: frozenset[str]
    passive_aux: frozenset[str]
    perfect_aux: frozenset[str]
    """Lemmas of the perfect auxiliary (``grammar.json``)."""
    pronouns: dict[str, str]
    contexts: dict[str, frozenset[str]]
    mode_cues: dict[str, dict[str, frozenset[str]]]
    threat_modes: dict[str, str]
    future_types: dict[str, str]
    subordinators: frozenset[str]
    relative_words: frozenset[str]
    location_preps: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    purpose_types: frozenset[str] = frozenset()
    purpose_preps: frozenset[str] = frozenset()
    np_preps: frozenset[str] = frozenset()
    genitive_preps: frozenset[str] = frozenset()
    reciprocal_preps: frozenset[str] = frozenset()
    default_recipient_preps: tuple[str, ...] = ()
    location_recipient_types: frozenset[str] = frozenset()
    finite_endings: tuple[str, ...] = ()
    genitive_suffix: tuple[str, ...] = ()
    obligation: frozenset[str] = frozenset()
    obligation_heads: frozenset[str] = frozenset()
    crowd_nouns: frozenset[str] = frozenset()
    refusal_types: dict = field(default_factory=dict)
    """Type of a negated future cooperation ("will not meet" -> REJECT/meet)."""
    subject_pronouns: frozenset[str] = frozenset()
    relative_subjects: frozenset[str] = frozenset()
    state_passive_aux: frozenset[str] = frozenset()
    """Forms of "sein" (and Konjunktiv "würde") that make a passive with the participle of a
    verb whose perfect takes "haben" ("ist ... angeklagt", "würden ... angegriffen")."""
    sein_perfect: frozenset[str] = frozenset()
    perfect_aux_forms: frozenset[str] = frozenset()
    """Forms of "haben": with one in the clause, a participle is an active perfect (no lemmas needed)."""
    genitive_articles: frozenset[str] = frozenset()
    """Articles that open a genitive attribute after a noun ("die Nähe der Ortschaft")."""
    """Participles whose perfect takes "sein" ("ist einmarschiert"): active, not passive."""
    infinitive_openers: frozenset[str] | None = None
    """Subordinators of infinitive clauses (``um ... zu``), whose subject is the governing clause's;
    where listed, a clause opened by any other subordinator has a subject of its own. None: unknown."""
    """Relative pronouns that can be a clause's subject (``der``, ``die``, ``welche``)."""
    broken_deps: frozenset[str] = frozenset({"compound", "dep", "amod", "npadvmod", "nmod", "appos"})
    temporal_preps: frozenset[str] = frozenset()
    oblique_cases: frozenset[str] = frozenset()
    participle_forms: frozenset[str] = frozenset()
    past_participles: frozenset[str] = frozenset()
    own_time_markers: frozenset[str] = frozenset()
    role_links: frozenset[str] = frozenset()
    max_phrase: int = 1
    noun_forms_lower: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()
    """Particles that mark an infinitive ("to"): a controlled complement."""
    topic_preps: frozenset[str] = frozenset()
    """Prepositions of a topic ("talk about"): a reciprocal event with only a topic has no partner."""
    hostile_content: dict[str, str] = field(default_factory=dict)
    """Type of a governing event whose content is a conflict act (``threat_modes``): a promise
    or readiness to attack is a threat ("is prepared to impose martial law")."""
    habitual: frozenset[str] = frozenset()
    """Adverbs of repetition: the event is a series and gets no date from the discourse."""

    def key(self, text: str) -> str:
        return text if self.nouns_capitalised else text.lower()


def _entry(lemma: str, pos: str, type_mode: str, details: dict) -> Entry:
    type_, _, mode = type_mode.partition("/")
    if type_ not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {type_!r} for {lemma!r}")
    d = dict(details)
    return Entry(
        lemma=lemma, pos=pos, type=type_, mode=d.pop("mode", mode or None),
        context=tuple(d.pop("context", ())), recipient=tuple(d.pop("recipient", ())),
        reciprocal=bool(d.pop("reciprocal", False)), future=d.pop("future", None),
        objects=d.pop("objects", {}), requires=tuple(d.pop("requires", ())),
        particle=d.pop("particle", None), governs=bool(d.pop("governs", False)),
        denial=bool(d.pop("denial", False)), control=bool(d.pop("control", False)),
        needs_content=bool(d.pop("needs_content", False)),
        governs_complement=bool(d.pop("governs_complement", False)),
        not_with=tuple(d.pop("not_with", ())), weight=float(d.pop("weight", 0.7)),
        possessor=d.pop("possessor", "actor"), crowd=d.pop("crowd", None),
    )


TRIGGER_KEYS = ("verbs", "nouns", "adjectives", "phrases")
LIST_KEYS = ("past_participles", "participle_forms", "no_compound_heads")


def merge_lexicons(base: dict, extra: dict) -> dict:
    """``base`` (the curated ``events.json``) extended by ``extra`` (a generated
    ``event_lexicon.json``): a lemma the base lists keeps its base type and details;
    forms, separable verbs and participle lists are united."""
    out = dict(base)
    known = {(key, w) for key in TRIGGER_KEYS for ws in base.get(key, {}).values() for w in ws}
    for key in TRIGGER_KEYS:
        merged = {t: list(ws) for t, ws in base.get(key, {}).items()}
        for type_mode, words in extra.get(key, {}).items():
            new = [w for w in words if (key, w) not in known]
            if new:
                merged.setdefault(type_mode, []).extend(new)
                known.update((key, w) for w in new)
        out[key] = merged
    out["entries"] = {**extra.get("entries", {}), **base.get("entries", {})}
    for key in ("forms", "separable"):
        out[key] = {**extra.get(key, {}), **base.get(key, {})}
    for key in LIST_KEYS:
        out[key] = sorted(set(base.get(key, [])) | set(extra.get(key, [])))
    return out


def compile_lexicon(events: dict, grammar: dict, syntax: Syntax) -> Lexicon:
    """Build the lookup tables from a parsed ``events.json``, the language's ``grammar.json``
    (its closed word classes; ``clause_openers`` and ``coordinator_marks`` in ``events.json``
    add what this stage treats as such besides) and its syntax hooks."""
    nouns_capitalised = bool(grammar["nouns_capitalised"])
    norm = (lambda s: s) if nouns_capitalised else str.lower
    details: dict[str, dict] = events.get("entries", {})
    defaults: dict[str, dict] = events.get("type_defaults", {})
    entries: dict[tuple[str, str], Entry] = {}
    for key, pos in POS_KEYS.items():
        for type_mode, lemmas in events.get(key, {}).items():
            type_ = type_mode.partition("/")[0]
            for lemma in lemmas:
                d = {**defaults.get(type_, {}), **details.get(f"{lemma}|{pos}", details.get(lemma, {}))}
                if "type" in d:  # an entry may re-type a lemma listed elsewhere
                    continue
                entries[(norm(lemma), pos)] = _entry(norm(lemma), pos, type_mode, d)
    phrases: dict[tuple[str, ...], Entry] = {}
    for type_mode, items in events.get("phrases", {}).items():
        type_ = type_mode.partition("/")[0]
        for item in items:
            d = {**defaults.get(type_, {}), **details.get(item, {})}
            words = tuple(norm(w) for w in item.split())
            phrases[words] = _entry(item, "PHRASE", type_mode, d)
    forms: dict[str, list[tuple[str, str]]] = {}
    split_forms: dict[str, list[str]] = {}
    not_forms = {norm(w) for w in events.get("determiners", [])}
    for lemma, fs in events.get("forms", {}).items():
        lem = norm(lemma)
        pos = next((p for (lm, p) in entries if lm == lem), None)
        if pos is None:
            continue
        for f in fs:
            if norm(f) not in not_forms:
                forms.setdefault(norm(f), []).append((lem, pos))
    for lemma, spec in events.get("separable", {}).items():
        lem = norm(lemma)
        for f in spec.get("finite", []):
            split_forms.setdefault(norm(f), []).append(lem)
        for f in spec.get("joined", []):
            if norm(f) not in not_forms:
                forms.setdefault(norm(f), []).append((lem, "VERB"))
        if (lem, "VERB") in entries:
            old = entries[(lem, "VERB")]
            entries[(lem, "VERB")] = Entry(**{**old.__dict__, "particle": spec.get("particle")})
    for (lem, pos) in entries:  # every lemma is a form of itself
        if lem not in not_forms:
            forms.setdefault(lem, []).append((lem, pos))
    no_heads = {w.lower() for w in events.get("no_compound_heads", [])}
    noun_forms = frozenset(f.lower() for f, v in forms.items()
                           if any(p == "NOUN" for _, p in v) and f.lower() not in no_heads)
    sets = lambda name: frozenset(norm(w) for w in events.get(name, []))  # noqa: E731
    cls = lambda name: word_class(grammar, events, name, stage_file="events.json")  # noqa: E731
    return Lexicon(
        entries=entries, forms=forms, split_forms=split_forms, phrases=phrases,
        nouns_capitalised=nouns_capitalised, syntax=syntax,
        light_verbs=sets("light_verbs"), reversers=events.get("reversers", {}),
        reporting=sets("reporting_verbs"), role_nouns=frozenset(w.lower() for w in events.get("role_nouns", [])),
        actor_preps=frozenset(events.get("actor_preps", [])), between=frozenset(events.get("between", [])),
        conj_words=frozenset(cls("coordinators") + events.get("coordinator_marks", [])),
        preps=frozenset(cls("prepositions")),
        dative_articles=frozenset(events.get("dative_articles", [])),
        passive_aux=frozenset(cls("passive_auxiliaries")),
        perfect_aux=frozenset(w.lower() for w in cls("perfect_auxiliaries")),
        pronouns=events.get("pronouns", {}),
        contexts={c: frozenset(w.lower() for w in ws) for c, ws in events.get("contexts", {}).items()},
        mode_cues={t: {m: frozenset(w.lower() for w in ws) for m, ws in modes.items()}
                   for t, modes in events.get("mode_cues", {}).items()},
        threat_modes=events.get("threat_modes", {}),
        future_types=events.get("future_types", {}),
        subordinators=frozenset(cls("subordinators") + events.get("clause_openers", [])),
        relative_words=frozenset(cls("relative_words")),
        location_preps=frozenset(events.get("location_preps", [])),
        determiners=frozenset(events.get("determiners", [])),
        purpose_types=frozenset(events.get("purpose_types", [])),
        purpose_preps=frozenset(events.get("purpose_preps", [])),
        np_preps=frozenset(events.get("np_preps", [])),
        genitive_preps=frozenset(events.get("genitive_preps", [])),
        reciprocal_preps=frozenset(events.get("reciprocal_preps", [])),
        default_recipient_preps=tuple(events.get("default_recipient_preps", [])),
        location_recipient_types=frozenset(events.get("location_recipient_types", [])),
        finite_endings=tuple(events.get("finite_endings", [])),
        genitive_suffix=tuple(events.get("genitive_suffix", [])),
        obligation=frozenset(events.get("obligation", [])),
        obligation_heads=frozenset(events.get("obligation_heads", [])),
        crowd_nouns=frozenset(w.lower() for w in events.get("crowd_nouns", [])),
        subject_pronouns=frozenset(cls("subject_pronouns")),
        relative_subjects=sets("relative_subjects"),
        state_passive_aux=sets("state_passive_aux"), sein_perfect=sets("sein_perfect"),
        perfect_aux_forms=sets("perfect_aux_forms"), genitive_articles=sets("genitive_articles"),
        infinitive_openers=sets("infinitive_openers") if "infinitive_openers" in events else None,
        temporal_preps=frozenset(events.get("temporal_preps", [])),
        oblique_cases=frozenset(events.get("oblique_cases", [])),
        participle_forms=frozenset(norm(f) for f in events.get("participle_forms", [])),
        past_participles=frozenset(norm(f) for f in events.get("past_participles", [])),
        refusal_types=events.get("refusal_types", {}),
        own_time_markers=frozenset(events.get("own_time_markers", [])),
        role_links=frozenset(events.get("role_links", [])),
        max_phrase=max((len(p) for p in phrases), default=1),
        noun_forms_lower=noun_forms,
        habitual=frozenset(w.lower() for w in events.get("habitual", [])),
        infinitive_markers=sets("infinitive_markers"),
        topic_preps=sets("topic_preps"),
        hostile_content=events.get("hostile_content", {}),
    )


@dataclass
class ModalityCues:
    negation: frozenset[str]
    negation_prefixes: tuple[str, ...]
    denial: frozenset[str]
    hypothetical: frozenset[str]
    conditional: frozenset[str]
    question: frozenset[str]
    planned: frozenset[str]
    planned_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    question_governors: frozenset[str]
    uncertain: frozenset[str]
    uncertain_governors: frozenset[str]
    reported_future: frozenset[str]
    modifier_only: frozenset[str]
    negation_exceptions: frozenset[str] = frozenset()
    """Words that make the negation right before them a focus, not a negation ("not only")."""
    correlative: dict[str, frozenset[str]] = field(default_factory=dict)
    """Second part of a correlative negation -> its first part ("noch" -> "weder")."""
    privative: frozenset[str] = frozenset()
    """Prepositions that deny the event noun they govern ("ohne Widerstand", "without resistance")."""


def compile_modality(data: dict, grammar: dict) -> ModalityCues:
    """The cues of ``modality.json``; negation is the grammar's (``grammar.json``)."""
    s = lambda name: frozenset(w.lower() for w in data.get(name, []))  # noqa: E731
    return ModalityCues(
        negation=frozenset(w.lower() for w in grammar["negation"]),
        negation_prefixes=tuple(data.get("negation_prefixes", [])),
        denial=s("denial"), hypothetical=s("hypothetical"), conditional=s("conditional"),
        question=s("question"), planned=s("planned"), planned_governors=s("planned_governors"),
        hypothetical_governors=s("hypothetical_governors"), question_governors=s("question_governors"),
        uncertain=s("uncertain"), uncertain_governors=s("uncertain_governors"),
        reported_future=s("reported_future"), modifier_only=s("modifier_only"),
        negation_exceptions=s("negation_exceptions"),
        correlative={k.lower(): frozenset(w.lower() for w in v)
                     for k, v in data.get("correlative_negation", {}).items()},
        privative=s("privative_preps"),
    )
