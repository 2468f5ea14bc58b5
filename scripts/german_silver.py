"""Silver UPOS for the German tagger: HanTa (STTS, trained on a large treebank) as teacher.

HanTa tags the sentences of the permissively licensed entity-training texts (SmartData
minus v3 test, GermEval 2014 dev minus the held-out part); its STTS tags become UPOS by
the majority UPOS of each (STTS tag, word) and STTS tag in the gold training trees of
UD German-GSD dev, with two context rules for auxiliaries: ``haben`` and modals are AUX
only next to a participle or infinitive, ``sein`` and ``werden`` always.
"""
from __future__ import annotations

from collections import Counter, defaultdict

AUX_ALWAYS = {"sein", "werden"}
NONFINITE = ("VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "VVIZU")


def stts_mapping(sents) -> tuple[dict, dict]:
    """(by (STTS, lower word), by STTS) majority UPOS from trees with STTS XPOS."""
    by_word, by_tag = defaultdict(Counter), defaultdict(Counter)
    for s in sents:
        for w, x, u in zip(s.words, s.xpos, s.upos):
            by_word[(x, w.lower())][u] += 1
            by_tag[x][u] += 1
    word_map = {k: c.most_common(1)[0][0] for k, c in by_word.items() if sum(c.values()) >= 3}
    tag_map = {k: c.most_common(1)[0][0] for k, c in by_tag.items()}
    return word_map, tag_map


def _norm(tag: str) -> str:
    tag = tag.replace("(", "").replace(")", "")
    return {"PROAV": "PAV", "NNI": "NN"}.get(tag, tag)


def silver_upos(tagged: list[tuple[str, str, str]], word_map: dict, tag_map: dict) -> list[str]:
    """UPOS for one HanTa-tagged sentence [(word, lemma, tag)]."""
    tags = [_norm(t) for _, _, t in tagged]
    has_nonfinite = any(t in NONFINITE for t in tags)
    out = []
    for (w, lemma, _), tag in zip(tagged, tags):
        if tag.startswith("VA") or tag.startswith("VM"):
            aux = lemma in AUX_ALWAYS or has_nonfinite
            out.append("AUX" if aux else "VERB")
            continue
        if tag == "APPRART":
            out.append("ADP")
            continue
        u = word_map.get((tag, w.lower())) or tag_map.get(tag)
        if u is None:
            u = "PUNCT" if tag.startswith("$") else "X"
        out.append(u)
    return out


def silver_sentences(nlp, germeval_train: list, smartdata_train: list) -> list[list[str]]:
    """Token lists of the silver texts: GermEval sentences as given, SmartData split by ``nlp``."""
    out = [list(words) for words, _ in germeval_train]
    for text, _ in smartdata_train:
        doc = nlp(text[:20000])
        for sent in doc.sents:
            words = [t.text for t in sent if not t.is_space]
            if 3 <= len(words) <= 80:
                out.append(words)
    return out


def silver_docs(vocab, sentences: list[list[str]], word_map: dict, tag_map: dict):
    """Docs with silver UPOS in ``tag`` only (no POS, features or heads: those stay missing)."""
    from HanTa import HanoverTagger as ht
    from spacy.tokens import Doc

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    docs = []
    for words in sentences:
        upos = silver_upos(tagger.tag_sent(words, taglevel=1), word_map, tag_map)
        docs.append(Doc(vocab, words=words, tags=upos))
    return docs
