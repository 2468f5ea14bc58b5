"""Unnamed participants: groups the text names by a common noun ("rebels", "zwei Personen").

PLOVER codes "Dutzende Menschen wurden festgenommen" and "gunmen attacked a bus" although
no name is given: the actor or recipient is a group. The entities stage finds names (and
groups after a country word, "Iraqi troops"); this module finds the remaining noun phrases
whose head is a noun for persons or groups of persons in ``roles.json`` ``unnamed_heads``
(noun -> PLOVER sector; no institutions or weapons: those act through a name), so that the event coder can use them as
arguments. Mentions with the same head word form one entity per article. Only groups that
an event uses are kept (the events component decides).

The noun phrase is the head with the words before it that belong to it: adjectives,
numbers, compounds and participles, never a determiner (``the attackers`` -> ``attackers``,
``zwei Personen``, ``demonstrierenden Massen``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lang import LanguageData
from ..records import Actor, Entity, Mention

NP_POS = frozenset({"ADJ", "NUM", "PROPN", "NOUN", "VERB"})
NP_DEPS = frozenset({"amod", "nummod", "compound", "quantmod", "nmod", "nk", "npadvmod"})


@dataclass(frozen=True)
class GroupHeads:
    heads: dict[str, str | None]
    """Lower-case head form (one word, or several: "security forces") -> sector."""
    min_suffix: int
    """Shortest head that may end a compound ("Sicherheitskräfte" by "kräfte"); 0: none."""
    determiners: frozenset[str]
    max_left: int = 3

    @classmethod
    def of(cls, lang: LanguageData) -> GroupHeads:
        roles = lang.json("roles")
        heads: dict[str, str | None] = {}
        for word, sector in roles.get("unnamed_heads", {}).items():
            if not word.startswith("_"):
                heads[word.lower()] = sector
        return cls(heads=heads, min_suffix=int(roles.get("unnamed_compound_min", 0)),
                   determiners=frozenset(w.lower() for w in roles.get("determiners", [])))

    def head_of(self, doc: Doc, tok: Token) -> tuple[int, str | None] | None:
        """(first token of the head words, sector) when ``tok`` ends a group head."""
        if not tok.is_alpha or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
        for n in (3, 2):  # multi-word heads: "riot police", "security forces"
            if tok.i - n + 1 >= 0:
                words = " ".join(t.lower_ for t in doc[tok.i - n + 1:tok.i + 1])
                if words in self.heads:
                    return tok.i - n + 1, self.heads[words]
        low = tok.lower_
        if low in self.heads:
            return tok.i, self.heads[low]
        if self.min_suffix and tok.text[:1].isupper():
            for cut in range(2, len(low) - self.min_suffix + 1):
                tail = low[cut:]
                if tail in self.heads and len(tail) >= self.min_suffix:
                    return tok.i, self.heads[tail]
        return None


def _left_edge(doc: Doc, first: int, tok: Token, spec: GroupHeads, taken: set[int]) -> int:
    """Extend the head to the left over the words of its noun phrase (no determiners)."""
    i = first
    while i - 1 >= 0 and first - (i - 1) <= spec.max_left:
        prev = doc[i - 1]
        if prev.i in taken or prev.is_punct or prev.lower_ in spec.determiners:
            break
        if prev.pos_ not in NP_POS:
            break
        if prev.pos_ in ("NOUN", "PROPN", "VERB") and prev.dep_ not in NP_DEPS and prev.head.i != tok.i:
            break
        if prev.pos_ == "VERB" and not prev.tag_.startswith(("ADJ", "VBN", "VBG")) and prev.dep_ != "amod":
            break
        i -= 1
    return i


def find_groups(doc: Doc, spec: GroupHeads, taken: set[int]) -> list[Entity]:
    """Group entities of ``doc`` (ids ``g1``, ``g2``, ...); ``taken`` tokens belong to names."""
    by_head: dict[str, Entity] = {}
    for tok in doc:
        if tok.i in taken:
            continue
        hit = spec.head_of(doc, tok)
        if hit is None:
            continue
        first, sector = hit
        if any(i in taken for i in range(first - 1, tok.i + 1)):
            continue  # part of a name or right after one ("Arab League envoy", "3R rebels")
        start = _left_edge(doc, first, tok, spec, taken)
        if start > 0 and start - 1 in taken and not doc[start - 1].is_punct:
            continue  # "European Community foreign ministers": the name stands for the group
        if any(c.i in taken for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")):
            continue  # "Israel's troops", "U.S.-led forces"
        if any(c.dep_ == "poss" or c.tag_ in ("PRP$", "PPOSAT") for c in tok.children) or \
                (start > 0 and doc[start - 1].tag_ in ("PRP$", "PPOSAT")):
            continue  # "its forces", "seine Truppen": the owner's own, who acts through them
        span = doc[start:tok.i + 1]
        key = tok.lemma_.lower() or tok.lower_
        ent = by_head.get(key)
        mention = Mention(start=span.start_char, end=span.end_char, text=span.text)
        if ent is None:
            ent = Entity(id=f"g{len(by_head) + 1}", name=doc[first:tok.i + 1].text, type="MISC",
                         actor=Actor(sector=sector) if sector else None, mentions=[mention])
            by_head[key] = ent
        else:
            ent.mentions.append(mention)
    return list(by_head.values())
