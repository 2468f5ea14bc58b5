"""The entities of a Doc as seen by the event coder: which entity a token belongs to."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Attribution, Entity

ACTOR_TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})


class EntityIndex:
    """Token -> entity id, for the entities that can act (not weapons, not events)."""

    def __init__(self, doc: Doc, groups: list[Entity] | None = None) -> None:
        """``groups``: unnamed groups (:mod:`.groups`), used as arguments but never blocking
        a trigger ("demonstrierenden Massen" is a protest and its actor)."""
        self.doc = doc
        self.entities: dict[str, Entity] = {e.id: e for e in (doc._.lb_entities or [])}
        self.groups = frozenset(g.id for g in groups or [])
        self.entities.update({g.id: g for g in groups or []})
        self.by_token: dict[int, str] = {}
        self.weapon_tokens: set[int] = set()
        self.mention_starts: list[tuple[int, str]] = []
        for ent in self.entities.values():
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                if ent.type == "WEAPON":
                    self.weapon_tokens.update(t.i for t in span)
                    continue
                if ent.type not in ACTOR_TYPES:
                    continue
                for t in span:
                    self.by_token.setdefault(t.i, ent.id)
                self.mention_starts.append((span.start, ent.id))
        self._compound_names(doc)
        self.mention_starts.sort()
        self.blocked: set[int] = set()
        """Tokens inside a time expression or a multi-word name: never event triggers."""
        for t in doc._.lb_times or []:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                self.blocked.update(x.i for x in span)
        for ent in self.entities.values():
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and len(span) > 1 and ent.type in ("ORG", "EVENT", "MISC", "PER") \
                        and ent.id not in self.groups:
                    self.blocked.update(x.i for x in span)
        self.places = {p.entity: p for p in (doc._.lb_places or []) if p.entity}
        self.attributions: list[Attribution] = list(doc._.lb_attributions or [])

    def _compound_names(self, doc: Doc) -> None:
        """A hyphenated compound whose first part is a name the article mentions elsewhere
        ("G8-Staaten" after "die G8") stands for that entity, as the entities stage's table
        names already do inside compounds ("G7-Staaten")."""
        names: dict[str, str] = {}
        for ent in self.entities.values():
            if ent.type in ACTOR_TYPES and ent.id not in self.groups:
                for m in ent.mentions:
                    names.setdefault(m.text, ent.id)
        if not names:
            return
        for tok in doc:
            if tok.i in self.by_token or "-" not in tok.text[1:-1]:
                continue
            first, _, rest = tok.text.partition("-")
            eid = names.get(first)
            if eid and rest[:1].isalpha():
                self.by_token[tok.i] = eid
                self.mention_starts.append((tok.i, eid))

    def name_tokens(self) -> set[int]:
        """Tokens inside a mention of a named entity (not of an unnamed group)."""
        return {i for i, e in self.by_token.items() if e not in self.groups}

    def of(self, tok: Token) -> str | None:
        return self.by_token.get(tok.i)

    def in_range(self, start: int, end: int) -> list[str]:
        out: list[str] = []
        for i in range(start, end):
            e = self.by_token.get(i)
            if e and e not in out:
                out.append(e)
        return out

    def type(self, eid: str) -> str | None:
        e = self.entities.get(eid)
        return e.type if e else None

    def country(self, eid: str) -> str | None:
        e = self.entities.get(eid)
        if e is None:
            return None
        if e.actor and e.actor.country:
            return e.actor.country
        place = self.places.get(eid)
        if place and place.country:
            return _alpha3(place.country)
        return None

    def is_place(self, eid: str) -> bool:
        return eid in self.places or self.type(eid) == "LOC"

    def linked(self, eid: str) -> bool:
        """Does the entity carry a Wikidata id, an actor code or a gazetteer place?"""
        e = self.entities.get(eid)
        return bool(e and (e.qid or (e.actor and (e.actor.country or e.actor.sector)) or eid in self.places))

    def mention_count(self, eid: str) -> int:
        e = self.entities.get(eid)
        return len(e.mentions) if e else 0

    def previous_person(self, before: int, after: int = 0) -> str | None:
        """The last PER entity mentioned before token ``before`` (and at or after ``after``)."""
        best = None
        for start, eid in self.mention_starts:
            if start >= before:
                break
            if start >= after and self.type(eid) == "PER":
                best = eid
        return best

    def head_of_state(self, eid: str) -> str | None:
        """The person leading the country of ``eid`` in this article, if it names one."""
        country = self.country(eid)
        if not country:
            return None
        cands = [e for e in self.entities.values()
                 if e.type == "PER" and e.actor and e.actor.country == country
                 and (e.actor.sector in (None, "GOV"))]
        if not cands:
            return None
        return max(cands, key=lambda e: len(e.mentions)).id

    def attribution_at(self, char: int) -> Attribution | None:
        """The attribution with the smallest content span containing ``char``."""
        best = None
        for a in self._attributions_near(char):
            c = a.content
            parts = c.spans or [(c.start, c.end)]
            if any(s <= char < e for s, e in parts):
                if best is None or (c.end - c.start) < (best.content.end - best.content.start):
                    best = a
        return best

    def _attributions_near(self, char: int) -> list[Attribution]:
        """Attributions whose content overlaps the 1,000-character bucket of ``char``, in
        document order (an index built once: linear, not events x attributions)."""
        if getattr(self, "_buckets", None) is None:
            self._buckets: dict[int, list[Attribution]] = {}
            for a in self.attributions:
                if a.content is None:
                    continue
                for s, e in a.content.spans or [(a.content.start, a.content.end)]:
                    for b in range(s // _BUCKET, max(s, e - 1) // _BUCKET + 1):
                        bucket = self._buckets.setdefault(b, [])
                        if not bucket or bucket[-1] is not a:
                            bucket.append(a)
        return self._buckets.get(char // _BUCKET, [])


_BUCKET = 1000


def _alpha3(code: str) -> str | None:
    if len(code) == 3:
        return code.upper()
    try:
        import pycountry
        c = pycountry.countries.get(alpha_2=code.upper())
        return c.alpha_3 if c else None
    except (ImportError, LookupError, KeyError):
        return None
