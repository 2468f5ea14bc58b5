"""The attribution knowledge of one language, compiled once from its data files.

``lang/<code>/attribution.json`` holds quote pairs, cue prepositions and patterns,
anonymity phrases, number words, no-comment patterns, medium words and the head nouns
that type a source; ``lang/<code>/attribution_verbs.json`` the cue verbs with their forms
(``joined``: forms that are a cue on their own; ``split`` + ``particle``: finite forms
that are a cue only with their separated particle at the end of the clause).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import DataFileError
from ..lang import LanguageData
from ..lang.classes import word_class

#: attribution word lists that are closed classes of the language (``grammar.json``), by the
#: name the rules use -> the grammar's class; ``clause_openers`` in ``attribution.json`` adds the
#: words besides subordinators that open a clause for these rules
GRAMMAR_CLASSES = {"articles": "articles", "prepositions": "prepositions", "subordinators": "subordinators",
                   "relative_pronouns": "relative_words", "conjunctions": "coordinators",
                   "passive_aux": "passive_auxiliaries", "subject_pronouns": "subject_pronouns"}
STAGE_ADDITIONS = {"subordinators": "clause_openers"}


@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str  # speech | act | thought
    particle: str | None = None


@dataclass
class Lexicon:
    """Lookup tables for one language; build with :meth:`load` (once per pipeline)."""

    nouns_capitalised: bool
    """The language capitalises its nouns (``grammar.json``): cue forms match with their case
    ("Sagen" is a noun), and capitals read noun phrases and names."""
    quote_pairs: list[tuple[str, str]]
    joined: dict[str, Cue]
    split: dict[str, list[Cue]]
    cue_pos: frozenset[str]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    prep_before: list[dict] = field(default_factory=list)
    prep_before_suffix: dict[str, tuple[str, ...]] = field(default_factory=dict)
    prep_after: list[dict] = field(default_factory=list)
    expletive_cues: list[tuple[str, ...]] = field(default_factory=list)
    no_comment: list[re.Pattern] = field(default_factory=list)
    number_words: dict[str, int] = field(default_factory=dict)
    pronouns: dict[str, str] = field(default_factory=dict)
    suffixes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    quote_re: re.Pattern | None = None
    first_words: frozenset[str] = frozenset()
    infinitive_marker: str | None = None
    infinitive_endings: tuple[str, ...] = ()
    """Endings of an infinitive that may carry the marker inside ("einzusetzen")."""
    adjective_endings: tuple[str, ...] = ()
    """Endings of an inflected adjective between a preposition and its noun ("nach neuesten Angaben")."""
    passive_subject_source: frozenset[str] = frozenset()
    compact_sources: bool = True
    """Sources take appositions ("X, Kopf der Gruppe,") and stay short inside subordinate clauses."""
    prenominal_pp: bool = False
    """Noun phrases may open with a prepositional phrase before their head
    ("zwei mit den Beratungen vertraute Personen"; ``grammar.json``)."""
    verb_second: bool = False
    """Main clauses put one phrase of any kind before the finite verb (see ``vorfeld.py``;
    ``grammar.json``); a clause after a comma with its subject first is then a new main clause."""
    source_relative_clause: bool = True
    """A relative clause after the source's head belongs to the source span."""
    reported_min_words: int = 0
    """A speech act with no reported clause needs this many words besides source and cue."""
    plural_sources_speak: bool = False
    """A plural noun source counts as one that can speak for a speech act with no reported clause."""
    reported_after_cue: bool = False
    """The content of a speech act without reported clause is the rest of its clause after the
    cue (else the whole clause, source and cue included)."""

    def index(self) -> None:
        """First words of every multi-word pattern, to skip tokens quickly."""
        first = {p["tokens"][0] for p in self.prep_before} | {p["tokens"][0] for p in self.prep_after}
        first |= {p[0] for p in self.expletive_cues} | set(self.prep_before_suffix)
        for name in ("parenthetical_cue", "anaphoric_cues"):
            first |= set(self.words.get(name, ()))
        self.first_words = frozenset(first)

    def has(self, name: str, word: str) -> bool:
        return word in self.words.get(name, ())

    def has_lower(self, name: str, word: str) -> bool:
        return word.lower() in self.words.get(name + "_lower", ())

    def head_class(self, name: str, word: str) -> bool:
        """``word`` is in the ``<name>_heads`` list or ends in one of ``<name>_suffixes``."""
        if word in self.words.get(name + "_heads", ()) or word.lower() in self.words.get(name + "_heads_lower", ()):
            return True
        low = word.lower()
        return any(low.endswith(s) and len(low) > len(s) for s in self.suffixes.get(name, ()))

    def cue_for(self, text: str) -> Cue | None:
        key = text if self.nouns_capitalised else text.lower()
        return self.joined.get(key)

    def split_for(self, text: str) -> list[Cue]:
        key = text if self.nouns_capitalised else text.lower()
        return self.split.get(key, [])

    @classmethod
    def load(cls, lang: LanguageData) -> Lexicon:
        data = lang.json("attribution")
        verbs = lang.json("attribution_verbs")
        grammar = lang.json("grammar")
        file = lang.path / "attribution.json"
        case = bool(grammar["nouns_capitalised"])  # a capitalised form is a noun, not the cue verb
        norm = (lambda w: w) if case else str.lower
        joined: dict[str, Cue] = {}
        split: dict[str, list[Cue]] = {}
        for lemma, entry in verbs.items():
            kind = entry.get("kind", "speech")
            particle = entry.get("particle")
            for form in entry.get("joined", []):
                joined.setdefault(norm(form), Cue(lemma, kind))
            for form in entry.get("split", []):
                split.setdefault(norm(form), []).append(Cue(lemma, kind, particle))
        pairs = [tuple(p) for p in data.get("quote_pairs", [])]
        if any(len(p) != 2 for p in pairs):
            raise DataFileError("quote_pairs must be [open, close] pairs", path=str(lang.path / "attribution.json"))
        alts = []
        for op, cl in pairs:
            o, c = re.escape(op), re.escape(cl)
            if len(op) > 1 or len(cl) > 1:
                alts.append(f"{o}(?:(?!{o}|{c})[^\\n]){{1,2000}}?{c}")
            else:
                alts.append(f"{o}[^{o}{c}\\n]{{1,2000}}?{c}" if op != cl else f"{o}[^{o}\\n]{{1,2000}}?{c}")
        quote_re = re.compile("|".join(alts)) if alts else None
        lists = ("clause_markers", "reported_speech_mood", "relative_pronouns", "subject_blockers", "np_stops",
                 "np_continuers", "parenthetical_cue", "anaphoric_cues", "comparison_cue",
                 "source_preps_after_expletive",
                 "passive_agent", "passive_aux", "aux", "social_media_words", "social_media_preps",
                 "social_media_verbs", "writing_verbs", "anonymous_heads", "anonymous_named_blocks",
                 "anaphoric_determiners", "count_skip", "institution_heads", "document_heads",
                 "person_heads", "subordinators", "prep_before_gap", "object_pronouns", "determiners",
                 "trailing_adverbs", "prepositions", "non_subject_determiners", "particles",
                 "reported_speech_mood_strong", "reportative_modals", "reportative_final", "addressee_verbs",
                 "conjunctions", "subject_pronouns", "demonstrative_subjects", "demonstrative_objects",
                 "signature_dashes", "predicative_preps", "personal_relatives", "nominal_cues", "nominal_cue_preps",
                 "adjective_cues", "adjective_cue_preps", "copulas", "author_preps", "share_heads", "agent_nouns",
                 "clause_only_cues", "adjunct_preps", "survey_preps", "survey_heads", "setting_verbs",
                 "articles", "comparison_cue_lead_ins", "genitive_attribute_openers")
        words: dict[str, frozenset[str]] = {}
        for name in lists:
            if name in GRAMMAR_CLASSES:
                values = word_class(grammar, data, GRAMMAR_CLASSES[name], stage_file=str(file)) \
                    + data.get(STAGE_ADDITIONS.get(name, ""), [])
            else:
                values = data.get(name, [])
            words[name] = frozenset(values)
            words[name + "_lower"] = frozenset(v.lower() for v in values)
        suffixes = {name: tuple(data.get(f"{name}_suffixes", [])) for name in
                    ("anonymous", "institution", "document", "person")}
        try:
            no_comment = [re.compile(p) for p in data.get("no_comment", [])]
        except re.error as err:
            raise DataFileError(f"bad no_comment pattern: {err}", path=str(lang.path / "attribution.json")) from err
        lex = cls(
            nouns_capitalised=case,
            quote_pairs=pairs,
            joined=joined,
            split=split,
            cue_pos=frozenset(data.get("cue_pos", [])),
            words=words,
            prep_before=data.get("prep_before", []),
            prep_before_suffix={k: tuple(v) for k, v in data.get("prep_before_suffix", {}).items()},
            prep_after=data.get("prep_after", []),
            expletive_cues=[tuple(x) for x in data.get("expletive_cues", [])],
            no_comment=no_comment,
            number_words={k.lower(): int(v) for k, v in data.get("number_words", {}).items()},
            pronouns={k.lower(): v for k, v in data.get("pronouns", {}).items()},
            suffixes=suffixes,
            quote_re=quote_re,
        )
        lex.infinitive_marker = data.get("infinitive_marker")
        lex.infinitive_endings = tuple(data.get("infinitive_endings", ()))
        lex.adjective_endings = tuple(data.get("adjective_endings", ()))
        lex.compact_sources = bool(data.get("compact_sources", True))
        lex.prenominal_pp = bool(grammar["prenominal_pp"])
        lex.verb_second = bool(grammar["verb_second"])
        lex.source_relative_clause = bool(data.get("source_relative_clause", True))
        lex.reported_min_words = int(data.get("reported_min_words", 0))
        lex.plural_sources_speak = bool(data.get("plural_sources_speak", False))
        lex.reported_after_cue = bool(data.get("reported_after_cue", False))
        lex.passive_subject_source = frozenset(data.get("passive_subject_source", []))
        lex.index()
        return lex
