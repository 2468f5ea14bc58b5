"""Typing a source span: person / institution / anonymous / document / social_media."""
from __future__ import annotations

from dataclasses import dataclass

from ..records import Entity
from .tokens import View


@dataclass
class SourceInfo:
    kind: str
    entity: str | None
    count: int | None
    description: str | None
    head: str | None


def _chunk(v: View, s: int, e: int) -> tuple[int, int]:
    """The source up to its first comma (drops relative clauses)."""
    for k in range(s, e):
        if v.texts[k] == "," and v.quote_of[k] == -1:
            return s, k
    return s, e


def head_token(v: View, s: int, e: int) -> int:
    cs, ce = _chunk(v, s, e)
    if v.has_dep and v.phrase_pos and ce > cs:
        root = v.doc[cs:ce].root.i
        return root
    if v.lex.nouns_capitalised:  # capitals mark the nouns: conjuncts and genitive attributes by them
        # coordinated sources ("Das Weiße Haus und das Präsidialamt"): the first conjunct leads
        for k in range(cs + 1, ce - 1):
            if v.lowers[k] in v.lex.words.get("conjunctions", ()) and v.capital(k - 1) \
                    and v.lex.has("determiners", v.lowers[k + 1]):
                ce = k
                break
        # the last capitalised word before a genitive attribute ("Der Leiter des ...")
        for k in range(cs + 1, ce - 1):
            if v.lex.has("genitive_attribute_openers", v.lowers[k]) and v.capital(k - 1) and \
                    v.lowers[k - 1] not in v.lex.number_words and k - 1 > cs - 1:
                if not v.lex.has("articles", v.lowers[k - 1]):
                    ce = k
                    break
        for k in range(ce - 1, cs - 1, -1):
            if v.capital(k) and v.texts[k].isalpha() or (v.capital(k) and "-" in v.texts[k]):
                return k
        return ce - 1
    for k in range(cs, ce):
        if k > cs and (v.lex.has("np_continuers", v.lowers[k]) or v.lex.has("np_stops", v.lowers[k])):
            return k - 1
    return ce - 1


def entity_for(entities: list[Entity], start: int, end: int, prefer: tuple[str, ...] = ("PER",)) -> Entity | None:
    best = None
    for ent in entities or ():
        for m in ent.mentions:
            if m.start < end and start < m.end:
                if best is None or (ent.type in prefer and best.type not in prefer):
                    best = ent
                break
    return best


def classify(v: View, s: int, e: int, entities: list[Entity]) -> SourceInfo:
    lex = v.lex
    doc = v.doc
    cs, ce = _chunk(v, s, e)
    h = head_token(v, s, e)
    head = v.texts[h]
    start_char, end_char = v.chars(cs, ce)
    hs, he = v.chars(h, h + 1)
    ent = entity_for(entities, hs, he)
    if ent is None and all(v.capital(k) or v.is_punct(k) for k in range(cs, ce)):
        ent = entity_for(entities, start_char, end_char)
    kind = "unknown"
    if lex.head_class("document", head) and h + 2 < e and lex.has("np_continuers", v.lowers[h + 1]) \
            and v.lowers[h + 1] != "und":
        inner = classify(v, h + 2, e, entities)  # "Angaben der Polizei" speaks for the police
        if inner.kind in ("institution", "person", "anonymous"):
            return SourceInfo(inner.kind, inner.entity, inner.count, inner.description, inner.head)
    if ce - cs == 1 and v.lowers[cs] in lex.pronouns:
        kind = lex.pronouns[v.lowers[cs]]
    elif lex.head_class("anonymous", head) and not (ent is not None and ent.type == "PER"):
        kind = "anonymous"
    elif ent is not None and ent.type == "PER":
        kind = "person"
    elif lex.head_class("institution", head):
        kind = "institution"
    elif lex.head_class("document", head):
        kind = "document"
    elif lex.has("social_media_words", head) and ce - cs <= 2 and head[:1].isupper():
        kind = "social_media"
    elif ent is not None and ent.type in ("ORG", "LOC"):
        kind = "institution"
    elif lex.head_class("person", head):
        kind = "person"
    elif v.capital(cs) and all(v.capital(k) or v.is_punct(k) for k in range(cs, ce)) and not lex.nouns_capitalised:
        kind = "person"  # capitals mark names only where nouns are lower-case
    elif lex.nouns_capitalised and ce - cs <= 3 and all(v.capital(k) for k in range(cs, ce)):  # short names
        kind = "person"
    count = None
    description = None
    if kind == "anonymous":
        k = cs
        while k < ce and lex.has("count_skip", v.lowers[k]):
            k += 1
        if k < ce:
            if v.lowers[k] in lex.number_words:
                count = lex.number_words[v.lowers[k]]
            elif v.texts[k].isdigit():
                count = int(v.texts[k])
        drop = {h}
        k = cs
        while k < e and (v.lowers[k] in lex.number_words or lex.has("count_skip", v.lowers[k])
                         or lex.has("anaphoric_determiners", v.lowers[k]) or v.texts[k].isdigit()):
            drop.add(k)
            k += 1
        words = [v.doc[k] for k in range(s, e) if k not in drop]
        text = "".join(t.text_with_ws for t in words).strip(" ,")
        description = text or None
    return SourceInfo(kind, ent.id if ent is not None else None, count, description, head)


def is_anaphoric(v: View, s: int, e: int) -> bool:
    """"diesen Personen", "the sources": points back to a source named before."""
    return e - s <= 3 and v.lex.has("anaphoric_determiners", v.lowers[s]) and v.lowers[s] not in v.lex.number_words


def medium_for(v: View, lemma: str | None, lo: int, hi: int, around: tuple[int, int]) -> str | None:
    lex = v.lex
    if lemma and lex.has("social_media_verbs", lemma):
        return "social_media"
    s, e = around
    for k in range(max(lo, s - 1), min(hi, e + 6)):
        if lex.has("social_media_preps", v.lowers[k]) and v.quote_of[k] == -1:
            for j in range(k + 1, min(hi, k + 4)):
                if lex.has("social_media_words", v.texts[j]) or lex.has("social_media_words", v.texts[j].rstrip(".")):
                    return "social_media"
    return None
