"""Readers and the explicit train/evaluation split for the German model.

Shared by ``scripts/train_german.py`` (training) and ``eval/german_model.py``
(evaluation), so both use the same split. Data: ``../shared/data`` (see its README).

Split (never train on what is evaluated):

* trees, train: UD German-GSD dev + UD German-PUD (CC BY-SA); every 20th tree is kept
  aside to pick the best checkpoint (``monitor``).
* trees, evaluation only: UD German-GSD test, UD German-LIT (CC BY-NC-SA, never trained on).
* entities, train: GermEval 2014 dev sentences whose index is not a multiple of 5;
  GermEval 2014 test part 1 (all 2,550 sentences); SmartData v1 train + v1 test + v3 dev
  documents, minus every document that also occurs (same id or same text) in SmartData v3
  test; MobIE train + dev + test (CC BY 4.0), minus every document whose text also occurs in
  SmartData v3 test; Universal NER German-PUD (CC BY-SA 3.0).
* entities, evaluation only: GermEval 2014 dev sentences with index % 5 == 0
  ("germeval-heldout"), SmartData v3 test, LER test (unclear licence: evaluation only).
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

TREES_TRAIN = ("ud-german-gsd/de_gsd-ud-dev.conllu", "ud-german-extra/de_pud-ud-test.conllu")
TREES_EVAL = {"gsd-test": "ud-german-gsd/de_gsd-ud-test.conllu", "lit": "ud-german-extra/de_lit-ud-test.conllu"}
MONITOR_EVERY = 20
GERMEVAL = "germeval2014/NER-de-dev.tsv"
GERMEVAL_HELDOUT_EVERY = 5
GERMEVAL_PART1 = "germeval2014/NER-de-test-part1.tsv"  # training only, never reported on
MOBIE = ("mobie/train.conll2003", "mobie/dev.conll2003", "mobie/test.conll2003")
UNER_PUD = "uner-german-pud/de_pud-ud-test.iob2"
SMARTDATA_TRAIN = ("smartdata/v1_20180119/train.json.gz", "smartdata/v1_20180119/test.json.gz",
                   "smartdata/v3_20200302/dev.json.gz")
SMARTDATA_EVAL = "smartdata/v3_20200302/test.json.gz"
LER_EVAL = "ler/ler_test.conll"

GERMEVAL_TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}  # -deriv/-part dropped
SMARTDATA_TYPES = {"person": "PER", "organization": "ORG", "organization-company": "ORG",
                   "location": "LOC", "location-city": "LOC", "location-street": "LOC",
                   "location-stop": "LOC", "location-route": "LOC"}
# MobIE's fine-grained types: persons, organisations and companies, and every kind of place
# (generic, city, street, stop = station, route = road or line such as A7 or S4: SmartData's
# guidelines, which MobIE follows, and eval's SmartData mapping call them all locations). Dates,
# times, durations, numbers, distances, money, triggers, event causes, disaster types and
# org-positions are not names: outside.
MOBIE_TYPES = dict(SMARTDATA_TYPES)
UNER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
LER_TYPES = {"PER": "PER", "RR": "PER", "AN": "PER", "LD": "LOC", "ST": "LOC", "STR": "LOC",
             "LDS": "LOC", "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG"}


def available() -> bool:
    return (DATA / TREES_TRAIN[0]).exists()


# -- entities ----------------------------------------------------------------
def _bio_to_spans(tags: list[str], mapping: dict[str, str]) -> list[tuple[int, int, str]]:
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        kind = tag[2:] if len(tag) > 2 else ""
        mapped = mapping.get(kind)
        if start is not None and not (tag.startswith("I-") and mapped == label):
            spans.append((start, i, label))
            start, label = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            if mapped:
                start, label = i, mapped
    return spans


def read_germeval() -> tuple[list, list]:
    """(train, heldout) of GermEval dev: lists of (words, [(start, end, label)]) by sentence index."""
    sents = _read_germeval_file(GERMEVAL)
    train = [s for i, s in enumerate(sents) if i % GERMEVAL_HELDOUT_EVERY]
    heldout = [s for i, s in enumerate(sents) if i % GERMEVAL_HELDOUT_EVERY == 0]
    return train, heldout


def read_germeval_part1() -> list:
    """The first half of GermEval 2014 test: training only (the second half is held back)."""
    return _read_germeval_file(GERMEVAL_PART1)


def _read_germeval_file(name: str) -> list:
    sents, words, tags = [], [], []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sents.append((words, _bio_to_spans(tags, GERMEVAL_TYPES)))
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    if words:
        sents.append((words, _bio_to_spans(tags, GERMEVAL_TYPES)))
    return sents


def _norm(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum()).lower()


def read_mobie() -> list:
    """MobIE documents as (words, [(start, end, label)]), sentences of a document joined;
    documents whose text also occurs in SmartData v3 test (the same DFKI sources) dropped."""
    test = [_norm(t) for _, t, _ in (_smartdata_doc(d) for d in _avro_json_docs(DATA / SMARTDATA_EVAL))]
    test_keys = {t[i:i + 40] for t in test for i in range(0, max(1, len(t) - 39), 20)}
    docs = []
    for name in MOBIE:
        for chunk in (DATA / name).read_text(encoding="utf-8").split("-DOCSTART-")[1:]:
            words, tags = [], []
            for line in chunk.splitlines()[1:]:
                cols = line.split()
                if len(cols) >= 4:
                    words.append(cols[0])
                    tags.append(cols[-1])
            if not words:
                continue
            key = _norm("".join(words))
            if len(key) < 40 and any(key in t for t in test):
                continue
            if any(key[i:i + 40] in test_keys for i in range(0, len(key) - 39)):
                continue
            docs.append((words, _bio_to_spans(tags, MOBIE_TYPES)))
    return docs


def read_uner_pud() -> list:
    """Universal NER German-PUD sentences as (words, [(start, end, label)])."""
    sents, words, tags = [], [], []
    for line in (DATA / UNER_PUD).read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            if words:
                sents.append((words, _bio_to_spans(tags, UNER_TYPES)))
            words, tags = [], []
            continue
        words.append(cols[1])
        tags.append(cols[2])
    return sents


def read_ler(limit: int | None = None) -> list:
    sents, words, tags = [], [], []
    with open(DATA / LER_EVAL, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                if words:
                    sents.append((words, _bio_to_spans(tags, LER_TYPES)))
                words, tags = [], []
                if limit and len(sents) >= limit:
                    break
                continue
            w, t = line.rsplit(" ", 1)
            words.append(w)
            tags.append(t)
    return sents


def _avro_json_docs(path: Path):
    text = gzip.open(path, "rt", encoding="utf-8").read()
    dec, i = json.JSONDecoder(), 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = dec.raw_decode(text, i)
        yield obj


def _unwrap(value):
    if isinstance(value, dict) and len(value) == 1:
        return next(iter(value.values()))
    return value


def _smartdata_doc(doc: dict) -> tuple[str, str, list[tuple[int, int, str]]]:
    text = _unwrap(doc["text"]) or ""
    ents = []
    for m in _unwrap(doc.get("conceptMentions")) or []:
        label = SMARTDATA_TYPES.get(m["type"].lower().replace("_", "-"))
        if label:
            ents.append((m["span"]["start"], m["span"]["end"], label))
    return doc["id"], text, ents


def read_smartdata() -> tuple[list, list]:
    """(train, test): lists of (text, [(char_start, char_end, label)])."""
    test = [_smartdata_doc(d) for d in _avro_json_docs(DATA / SMARTDATA_EVAL)]
    test_ids = {i for i, _, _ in test}
    test_texts = {t.strip()[:300] for _, t, _ in test}
    train, seen = [], set()
    for name in SMARTDATA_TRAIN:
        for d in _avro_json_docs(DATA / name):
            ident, text, ents = _smartdata_doc(d)
            key = text.strip()[:300]
            if ident in test_ids or key in test_texts or key in seen or not key:
                continue
            seen.add(key)
            train.append((text, ents))
    return train, [(t, e) for _, t, e in test]


def smartdata_test_by_source() -> dict[str, list]:
    """SmartData v3 test split by its documents' source (``news``, ``rss``, ``tweet``)."""
    out: dict[str, list] = {}
    for d in _avro_json_docs(DATA / SMARTDATA_EVAL):
        source = ((d.get("refids") or {}).get("map") or {}).get("source") or "other"
        _, text, ents = _smartdata_doc(d)
        out.setdefault(source, []).append((text, ents))
    return out
