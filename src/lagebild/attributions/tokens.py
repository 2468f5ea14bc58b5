"""Token-level view of a Doc for the attribution rules: quotes, units, noun phrases.

A *unit* is a sentence, or several when a quotation runs across a sentence boundary.
All rules work on token indices; only the final records carry character offsets.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..lang import LanguageData
from ..nlp.annotations import trusted
from .lexicon import Lexicon

_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART"})
_PUNCT_END = frozenset({".", "!", "?", ";", ":", ",", "…"})


#: Most tokens one unit may have (real units are one to a few sentences).
MAX_UNIT_TOKENS = 600


def _dangling(doc: Doc, prev: tuple[int, int], s: int) -> bool:
    """A sentence split that cannot be one: after a comma or colon, or before a lowercase word."""
    k = prev[1] - 1
    while k > prev[0] and doc[k].is_space:
        k -= 1
    if doc[k].text in (",", ":") or ("\n" in doc[s - 1].text and doc[s - 1].is_space):
        return doc[k].text in (",", ":")
    first = doc[s].text
    return first[:1].islower() and first.isalpha()


@dataclass
class View:
    doc: Doc
    lex: Lexicon
    texts: list[str]
    lowers: list[str]
    quote_of: list[int]  # token -> quote index, -1 outside
    quotes: list[tuple[int, int]]  # token ranges [start, end) incl. marks
    units: list[tuple[int, int]]
    phrase_pos: bool
    """POS tags read phrase boundaries (and ``pos`` holds them): the tags are trusted and the
    language does not capitalise its nouns; where it does, capitals and word lists read them."""
    has_dep: bool
    """The dependency parse is trusted for this Doc (parse frames, heads of sources)."""
    has_morph: bool
    text: str = ""
    starts: list[int] = None  # type: ignore[assignment]
    ends: list[int] = None  # type: ignore[assignment]
    punct: list[bool] = None  # type: ignore[assignment]
    space: list[bool] = None  # type: ignore[assignment]
    pos: list[str] = None  # type: ignore[assignment]
    konj: list[bool] = None  # type: ignore[assignment]
    tags: list[str] = None  # type: ignore[assignment]
    """Coarse POS from the model whatever ``phrase_pos`` says ("" without trusted tags)."""

    def chars(self, s: int, e: int) -> tuple[int, int]:
        return self.starts[s], self.ends[e - 1]

    @classmethod
    def build(cls, doc: Doc, lex: Lexicon, lang: LanguageData | None = None) -> View:
        """The view of ``doc``; ``lang`` (default: the Doc's language) says which of the model's
        annotations are trusted (:func:`lagebild.nlp.annotations.trusted`)."""
        toks = list(doc)
        texts = [t.text for t in toks]
        text = doc.text
        quotes_chars = [(m.start(), m.end()) for m in lex.quote_re.finditer(text)] if lex.quote_re else []
        quote_of = [-1] * len(doc)
        quotes: list[tuple[int, int]] = []
        for qs, qe in quotes_chars:
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            qi = len(quotes)
            quotes.append((span.start, span.end))
            for i in range(span.start, span.end):
                quote_of[i] = qi
        starts = {sent.start for sent in doc.sents}
        for i, tok in enumerate(toks):  # paragraph breaks always end a unit
            if tok.is_space and "\n" in tok.text and i + 1 < len(doc):
                starts.add(i + 1)
            elif i + 1 < len(doc) and tok.text.endswith(".") and len(tok.text) > 1 and \
                    lex.has("social_media_words", tok.text[:-1]) and doc[i + 1].text[:1].isupper():
                starts.add(i + 1)  # "schrieb er auf X. Zwei ..."
        fixed = set()
        for s in starts:
            # an opening quote mark left at the end of the previous sentence
            if s > 0 and quote_of[s - 1] != -1 and quotes[quote_of[s - 1]][0] == s - 1:
                s -= 1
            fixed.add(s)
        fixed.add(0)
        bounds = sorted(b for b in fixed if b < len(doc))
        units: list[tuple[int, int]] = []
        for n, s in enumerate(bounds):
            e = bounds[n + 1] if n + 1 < len(bounds) else len(doc)
            inside = s > 0 and quote_of[s] != -1 and quote_of[s - 1] == quote_of[s]
            signed = s > 0 and not doc[s - 1].is_space and (  # "“…” ― Name"
                lex.has("signature_dashes", doc[s].text) or lex.has("signature_dashes", doc[s - 1].text))
            # a unit never grows past MAX_UNIT_TOKENS (text that never ends a sentence, a quote
            # never closed): resolving frames within a unit is quadratic in its frames
            if units and e - units[-1][0] <= MAX_UNIT_TOKENS and (inside or signed or _dangling(doc, units[-1], s)):
                units[-1] = (units[-1][0], e)
            else:
                units.append((s, e))
        tagged = trusted(doc, "pos", lang)
        # where nouns are capitalised, capitals read the phrases, not POS tags (see ``phrase_pos``)
        phrase_pos = tagged and not lex.nouns_capitalised
        has_morph = doc.has_annotation("MORPH")
        lowers = [t.lower() for t in texts]
        konj = [("Sub" in t.morph.get("Mood")) if has_morph else False for t in toks]
        konj = [k or lex.has("reported_speech_mood", w) for k, w in zip(konj, lowers)]
        view = cls(doc, lex, texts, lowers, quote_of, quotes, units, phrase_pos,
                   trusted(doc, "dep", lang), has_morph)
        view.text = text
        view.starts = [t.idx for t in toks]
        view.ends = [t.idx + len(t.text) for t in toks]
        view.punct = [t.is_punct for t in toks]
        view.space = [t.is_space for t in toks]
        view.pos = [t.pos_ for t in toks] if phrase_pos else [""] * len(toks)
        view.tags = [t.pos_ for t in toks] if tagged else [""] * len(toks)
        view.konj = konj
        return view

    # --- small predicates -------------------------------------------------------------
    def is_punct(self, i: int) -> bool:
        return self.punct[i]

    def is_boundary(self, i: int) -> bool:
        """A clause boundary token: comma, semicolon, colon, dash."""
        return self.texts[i] in (",", ";", ":", "–", "—")

    def is_konj(self, i: int) -> bool:
        return self.konj[i]

    def capital(self, i: int) -> bool:
        t = self.texts[i]
        return t[:1].isupper()

    def clause_start(self, i: int, lo: int) -> int:
        """First token of the clause containing ``i`` (after a boundary or quote end)."""
        j = i
        while j > lo:
            if self.is_boundary(j - 1):
                break
            j -= 1
        return j

    def clause_end(self, i: int, hi: int) -> int:
        j = i
        while j < hi and not self.is_boundary(j) and self.texts[j] not in (".", "!", "?"):
            if self.quote_of[j] != -1 and self.quote_of[j] != self.quote_of[i]:
                j = self.quotes[self.quote_of[j]][1]
                continue
            j += 1
        return j

    def strip(self, s: int, e: int) -> tuple[int, int]:
        """Drop punctuation and spaces (but not quote marks of a quote) at both ends."""
        space, punct = self.space, self.punct
        qo, quotes = self.quote_of, self.quotes
        while s < e and (space[s] or (punct[s] and (qo[s] == -1 or quotes[qo[s]][1] - 1 == s))):
            s += 1  # a closing quote mark cannot start a span
        while e > s and (space[e - 1] or (punct[e - 1] and (qo[e - 1] == -1 or quotes[qo[e - 1]][0] == e - 1))):
            if self.texts[e - 1] == ")" and "(" in self.texts[s:e - 1]:
                break
            e -= 1
        return s, e

    # --- noun phrases -------------------------------------------------------------------
    def np_forward(self, s: int, hi: int, relative: bool = True) -> tuple[int, int]:
        """The noun phrase starting at ``s`` (POS when present, else case and word lists)."""
        lex = self.lex
        while s < hi and (lex.has("aux", self.lowers[s]) or lex.has("np_stops", self.lowers[s])) \
                and self.quote_of[s] == -1 and not self.capital(s):
            s += 1
        if s < hi and lex.has("subject_pronouns", self.lowers[s]) and self.quote_of[s] == -1:
            return s, s + 1  # "bezeichnete er als …": the pronoun is the whole phrase
        i = s
        seen_head = in_pp = False
        while i < hi:
            low, txt = self.lowers[i], self.texts[i]
            if lex.prenominal_pp and not seen_head and i > s and self.quote_of[i] == -1:
                # "zwei [mit den Beratungen] vertraute Personen": skip the PP before the head
                if not in_pp and lex.has("prepositions", low):
                    in_pp = True
                    i += 1
                    continue
                if in_pp:
                    if self.capital(i) or lex.has("determiners", low):
                        i += 1
                        continue
                    in_pp = False
            if self.quote_of[i] != -1:
                q0, q1 = self.quotes[self.quote_of[i]]
                if seen_head and lex.nouns_capitalised and not self._title(q0, q1):
                    break  # "Angaben der Polizei „ganz besonders sorgfältig“": quoted words, not a name
                    # (where nouns are capitalised, a quote after the head joins it only as a title)
                i = q1
                seen_head = True
                continue
            if txt == "(" and seen_head and lex.nouns_capitalised:  # a capitalised abbreviation joins the head
                close = next((k for k in range(i + 1, min(hi, i + 8)) if self.texts[k] == ")"), None)
                if close is not None and close > i + 1 and all(self.capital(k) or self.punct[k] or self.lowers[k][:1].isdigit()
                                                               for k in range(i + 1, close)):
                    i = close + 1  # "der Deutsche Journalisten-Verband (DJV)"
                    continue
            if self.is_punct(i) and txt not in ("-", "’s", "'s", "."):
                break
            if seen_head and lex.nouns_capitalised and txt[:1].isdigit():  # a number after the head ends it
                break
            if txt == "." and not (i > s and len(self.texts[i - 1]) <= 3):
                break
            if i > s and lex.has("np_continuers", low) and i + 1 < hi and (
                    not self.is_punct(i + 1) or (self.quote_of[i + 1] != -1 and self.quotes[self.quote_of[i + 1]][0] == i + 1)):
                if seen_head:
                    i += 1
                    # genitive/apposition: "des russischen Zivilschutzministeriums"
                    k = i
                    while k < hi and k - i < 3 and not self.capital(k) and not self.is_punct(k) \
                            and not lex.has("np_stops", self.lowers[k]):
                        k += 1
                    if k < hi and self.capital(k) and k > i:
                        i = k
                    continue
            if i > s and lex.has("np_stops", low):
                break
            if self.phrase_pos:
                pos = self.pos[i]
                if pos not in _NP_POS and not (pos == "ADP" and lex.has("np_continuers", low)):
                    break
                if pos == "PRON" and i > s:
                    break
            else:
                if not self.capital(i) and seen_head and not low.isdigit():
                    break
                if seen_head and i > s and self.tags[i] == "NOUN" and self.tags[i - 1] == "NOUN" \
                        and self.capital(i - 1) and self.quote_of[i - 1] == -1:
                    break  # "nach ersten Meldungen Schäden": two bare nouns are two phrases
            if self.capital(i) or (self.phrase_pos and self.pos[i] in ("NOUN", "PROPN", "PRON")):
                seen_head = True
            i += 1
        while i > s and lex.has("np_continuers", self.lowers[i - 1]):
            i -= 1
        if lex.nouns_capitalised and not any(self.capital(k) or self.quote_of[k] != -1 or self.lowers[k] in lex.pronouns
                                          or self.texts[k][:1].isdigit() for k in range(s, i)):
            return s, s  # where nouns are capitalised, a noun phrase has a capitalised head
        e = i
        if relative and e + 1 < hi and self.texts[e] == "," and lex.compact_sources:
            e = self._apposition(e, hi)
        if relative and e + 1 < hi and self.texts[e] == "," and (
            (lex.has("relative_pronouns", self.lowers[e + 1]) and not (e + 2 < hi and self.capital(e + 2)))
            or (e + 2 < hi and lex.has("relative_pronouns", self.lowers[e + 2]) and not self.capital(e + 1))
        ):
            e = self.clause_end(e + 1, hi)
        return self.strip(s, e)

    def _title(self, q0: int, q1: int) -> bool:
        """A quoted name or title („Reuters“, „Die Welt“): capitalised words only."""
        words = [k for k in range(q0 + 1, q1 - 1) if self.texts[k][:1].isalpha()]
        return 0 < len(words) <= 6 and all(self.capital(k) for k in words)

    def _apposition(self, e: int, hi: int) -> int:
        """", Kopf einer Gruppe von Inspektoren," after a name belongs to it."""
        q = self.clause_end(e + 1, hi)
        seg = range(e + 1, q)
        if not 0 < len(seg) <= 10 or not (self.capital(e + 1) or self.lex.has("determiners", self.lowers[e + 1])):
            return e
        if self.lex.has("relative_pronouns", self.lowers[e + 1]) and not self.capital(min(e + 2, q - 1)):
            return e
        end_ok = q >= hi or self.texts[q] == "," or all(self.punct[k] or self.space[k] for k in range(q, hi))
        if not end_ok or self.texts[q:q + 1] == [":"]:
            return e
        for k in seg:
            if self.konj[k] or self.lex.cue_for(self.texts[k]) or self.lex.has("aux", self.lowers[k]) \
                    or self.lex.has("clause_markers", self.lowers[k]) or self.quote_of[k] != -1:
                return e
        return q

    def np_backward(self, e: int, lo: int, limit: int = 8) -> tuple[int, int]:
        """The noun phrase ending just before ``e`` (for postpositions like "zufolge")."""
        lex = self.lex
        i = e
        loose = 0
        while i > lo and e - i < limit:
            j = i - 1
            if self.quote_of[j] != -1:
                i = self.quotes[self.quote_of[j]][0]
                continue
            low = self.lowers[j]
            if self.is_punct(j) or (lex.has("np_stops", low) and not lex.has("np_continuers", low)):
                break
            if lex.has("determiners", low) and not lex.has("np_continuers", low):
                i = j
                break
            if not self.capital(j) and not lex.has("np_continuers", low):
                loose += 1
                if loose > 1 or (self.phrase_pos and self.pos[j] not in ("ADJ", "DET", "NUM")) \
                        or self.tags[j] in ("VERB", "AUX"):
                    break
            elif self.capital(j):
                loose = 0
            i = j
        return self.strip(i, e)
