"""Measure lagebild's German pipeline (src/lagebild/models/de_lagebild) on held-out data.

    .venv/bin/python eval/german_model.py [--model PATH] [--quick] [--curve DIR]

Prints UPOS / lemma / Mood accuracy and UAS/LAS on UD German-LIT (evaluation only,
CC BY-NC-SA) and UD German-GSD test (never trained on), sentence-splitting F1 on the
German WikiNews dev texts (gold sentence spans), entity F1 (exact span + type) on the
held-out GermEval 2014 part, SmartData v3 test and LER test (out of domain), and words
per second on one core over the WikiNews dev texts. Split: scripts/german_corpora.py.

``--curve DIR`` also measures the entity recognisers of the training curve that
``scripts/train_german.py --curve`` wrote to DIR (one per share of the entity training data,
same steps and seed): entity F1 on the GermEval held-out part and SmartData v3 test against
the number of training documents.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data"
MODEL = ROOT / "src" / "lagebild" / "models" / "de_lagebild"


def load(path: Path):
    import spacy

    from lagebild.nlp import lemmatizer, morph_rules, sentences  # noqa: F401  (register factories)

    return spacy.load(path)


def trees(nlp, name: str, limit: int | None) -> dict:
    from spacy.tokens import Doc
    from spacy.training import Example

    import german_corpora as corpora
    from lagebild.nlp import conllu

    sents = conllu.read(DATA / corpora.TREES_EVAL[name])[:limit]
    golds = [Doc(nlp.vocab, words=s.words, spaces=s.spaces, pos=s.upos, morphs=s.feats, lemmas=s.lemmas,
                 heads=s.heads, deps=s.deps) for s in sents]
    preds = list(nlp.pipe(g.text for g in golds))
    examples = [Example(p, g) for p, g in zip(preds, golds)]
    from spacy.scorer import Scorer

    pos = Scorer.score_token_attr(examples, "pos")["pos_acc"]
    lemma = Scorer.score_token_attr(examples, "lemma")["lemma_acc"]
    deps = Scorer.score_deps(examples, "dep", head_attr="head", ignore_labels=("ROOT",))
    mood = Counter()
    for ex in examples:
        gold_morph = ex.get_aligned("MORPH", as_string=True)
        for token, gm in zip(ex.predicted, gold_morph):
            if gm is None:
                continue
            g = dict(kv.split("=", 1) for kv in gm.split("|") if "=" in kv).get("Mood")
            p = token.morph.get("Mood")
            p = p[0] if p else None
            if g:
                mood["gold"] += 1
                mood["right"] += p == g
            if g == "Sub":
                mood["sub_gold"] += 1
                mood["sub_hit"] += p == "Sub"
            if p == "Sub" and g:
                mood["sub_pred"] += 1
    r = {"sentences": len(sents), "upos": pos, "lemma": lemma, "uas": deps["dep_uas"], "las": deps["dep_las"],
         "mood_acc": mood["right"] / mood["gold"] if mood["gold"] else None, "mood_tokens": mood["gold"],
         "sub_recall": mood["sub_hit"] / mood["sub_gold"] if mood["sub_gold"] else None,
         "sub_precision": mood["sub_hit"] / mood["sub_pred"] if mood["sub_pred"] else None}
    return r


def _wikinews():
    for f in sorted(glob.glob(str(DATA / "wikinews-quotes-de" / "dev" / "*.json"))):
        yield json.loads(Path(f).read_text(encoding="utf-8"))


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentence_f1(nlp) -> dict:
    tp = fp = fn = 0
    names = [n for n in nlp.pipe_names if n != "lagebild_sentences"]
    for d in _wikinews():
        text = d["originalText"]
        gold = {_strip(text, s["charBegin"], s["charEnd"]) for s in d["sentences"]}
        gold = {g for g in gold if g[0] < g[1]}
        with nlp.select_pipes(disable=names):
            doc = nlp(text)
        pred = {_strip(text, s.start_char, s.end_char) for s in doc.sents}
        pred = {p for p in pred if p[0] < p[1]}
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r), "gold": tp + fn}


def _prf(gold: set, pred: set) -> dict:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": len(gold)}


def entities_tokens(nlp, sents: list, labels: set | None = None) -> dict:
    """CoNLL-style exact span + type on gold tokens."""
    from spacy.tokens import Doc

    gold, pred = set(), set()
    docs = [Doc(nlp.vocab, words=w) for w, _ in sents]
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in ("ner", "entity_ruler")]):
        docs = list(nlp.pipe(docs))
    for i, ((_, spans), doc) in enumerate(zip(sents, docs)):
        gold |= {(i, a, b, lab) for a, b, lab in spans if labels is None or lab in labels}
        pred |= {(i, e.start, e.end, e.label_) for e in doc.ents if labels is None or e.label_ in labels}
    out = _prf(gold, pred)
    for lab in sorted({g[3] for g in gold}):
        out[lab] = round(_prf({g for g in gold if g[3] == lab}, {p for p in pred if p[3] == lab})["f1"], 3)
    return out


def entities_text(nlp, docs: list, labels: set, token_aligned_only: bool = False) -> dict:
    """Exact character span + type on raw text; optionally only gold spans on token boundaries."""
    gold, pred = set(), set()
    for i, doc in enumerate(nlp.pipe(t for t, _ in docs)):
        spans = docs[i][1]
        if token_aligned_only:
            spans = [(a, b, lab) for a, b, lab in spans if doc.char_span(a, b) is not None]
        gold |= {(i, a, b, lab) for a, b, lab in spans if lab in labels}
        pred |= {(i, e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in labels}
    out = _prf(gold, pred)
    for lab in sorted(labels):
        out[lab] = round(_prf({g for g in gold if g[3] == lab}, {p for p in pred if p[3] == lab})["f1"], 3)
    return out


def speed(nlp) -> dict:
    """Words per CPU second of this process (single-threaded), so that other load on the
    machine does not count; wall-clock figures are printed beside it."""
    texts = [d["originalText"] for d in _wikinews()]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:5]))  # warm up
    c0, t0 = time.process_time(), time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    return {"words": words, "cpu_s": cpu, "wall_s": wall, "words_per_s": words / cpu,
            "words_per_wall_s": words / wall, "tokens_per_s": tokens / cpu}


def evaluate(model: Path = MODEL, quick: bool = False, echo=None) -> dict | None:
    """Flat ``{metric: value}`` for eval/floors.py, or None without data or model."""
    say = echo or (lambda *a: None)
    if not (DATA / "ud-german-extra").exists():
        print(f"german_model: data not found at {DATA}; skipping")
        return None
    if not (model / "config.cfg").exists():
        print(f"german_model: no model at {model}; run scripts/train_german.py")
        return None
    import german_corpora as corpora

    nlp = load(model)
    limit = 500 if quick else None
    res = {}
    for name in ("lit", "gsd-test"):
        res[name] = trees(nlp, name, limit)
        say(name, json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in res[name].items()}))
    res["sentences"] = sentence_f1(nlp)
    say("sentences (wikinews dev)", json.dumps({k: round(v, 4) for k, v in res["sentences"].items()}))
    _, heldout = corpora.read_germeval()
    res["germeval"] = entities_tokens(nlp, heldout)
    say("entities germeval-heldout (PER/ORG/LOC/MISC)", _fmt(res["germeval"]))
    _, sd_test = corpora.read_smartdata()
    res["smartdata"] = entities_text(nlp, sd_test, {"PER", "ORG", "LOC"})
    say("entities smartdata-v3-test (PER/ORG/LOC, all gold spans)", _fmt(res["smartdata"]))
    res["smartdata_tok"] = entities_text(nlp, sd_test, {"PER", "ORG", "LOC"}, token_aligned_only=True)
    say("entities smartdata-v3-test (PER/ORG/LOC, gold spans on token boundaries)", _fmt(res["smartdata_tok"]))
    for source, docs in sorted(corpora.smartdata_test_by_source().items()):
        res[f"smartdata_{source}"] = entities_text(nlp, docs, {"PER", "ORG", "LOC"})
        say(f"entities smartdata-v3-test, {source} documents only ({len(docs)})", _fmt(res[f"smartdata_{source}"]))
    res["ler"] = entities_tokens(nlp, corpora.read_ler(2000 if quick else 6000), {"PER", "ORG", "LOC"})
    say("entities ler-test (PER/ORG/LOC, out of domain)", _fmt(res["ler"]))
    res["speed"] = speed(nlp)
    say("speed (one core, wikinews dev)", json.dumps({k: round(v, 1) for k, v in res["speed"].items()}))
    flat = {
        "lit_upos": res["lit"]["upos"], "lit_lemma": res["lit"]["lemma"], "lit_uas": res["lit"]["uas"],
        "lit_las": res["lit"]["las"], "gsd_upos": res["gsd-test"]["upos"], "gsd_lemma": res["gsd-test"]["lemma"],
        "gsd_las": res["gsd-test"]["las"], "gsd_mood_acc": res["gsd-test"]["mood_acc"],
        "gsd_sub_recall": res["gsd-test"]["sub_recall"], "sentence_f1": res["sentences"]["f1"],
        "germeval_heldout_f1": res["germeval"]["f1"], "smartdata_f1": res["smartdata"]["f1"],
        "smartdata_tok_f1": res["smartdata_tok"]["f1"], "ler_f1": res["ler"]["f1"],
        **{f"smartdata_{s}_f1": res[f"smartdata_{s}"]["f1"] for s in ("news", "rss", "tweet") if f"smartdata_{s}" in res},
        "words_per_s": res["speed"]["words_per_s"],
    }
    return {k: v for k, v in flat.items() if v is not None}


def curve(nlp, folder: Path) -> list[dict]:
    """Entity F1 of each recogniser under ``folder/<pct>/ner/model-best`` (training curve)."""
    import spacy

    import german_corpora as corpora

    _, heldout = corpora.read_germeval()
    _, sd_test = corpora.read_smartdata()
    rows = []
    for sub in sorted((p for p in folder.glob("*") if (p / "ner" / "model-best").exists()),
                      key=lambda p: int(p.name) if p.name.isdigit() else 999):
        ner = spacy.load(sub / "ner" / "model-best")
        ner.tokenizer = nlp.tokenizer
        info = json.loads((sub / "curve.json").read_text()) if (sub / "curve.json").exists() else {}
        rows.append({"share": sub.name, **info,
                     "germeval_heldout_f1": entities_tokens(ner, heldout)["f1"],
                     "smartdata_f1": entities_text(ner, sd_test, {"PER", "ORG", "LOC"})["f1"]})
    return rows


def _fmt(d: dict) -> str:
    return json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in d.items()})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--quick", action="store_true", help="fewer sentences (500 per treebank, 2000 LER)")
    ap.add_argument("--curve", type=Path, default=None,
                    help="folder of training-curve recognisers (scripts/train_german.py --curve)")
    ap.add_argument("--curve-only", action="store_true", help="only the training curve")
    args = ap.parse_args(argv)
    if not args.curve_only:
        flat = evaluate(args.model, args.quick, echo=print)
        if flat is None:
            return 0
        print("summary", json.dumps({k: round(v, 4) for k, v in flat.items()}))
    if args.curve is not None:
        if not DATA.exists():
            print(f"german_model: data not found at {DATA}; no training curve")
            return 0
        rows = curve(load(args.model), args.curve)
        if not rows:
            print(f"german_model: no training-curve models under {args.curve}; run scripts/train_german.py --curve")
        for row in rows:
            print("curve", _fmt(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
