"""Rebuild lagebild's German spaCy pipeline from ../shared/data, in one command.

    .venv/bin/python scripts/train_german.py            # everything (~40 min on one quiet core)
    .venv/bin/python scripts/train_german.py --steps-trees 500 --steps-ner 500   # smoke run
    .venv/bin/python scripts/train_german.py --train ner --trees-from src/lagebild/models/de_lagebild
                                                          # retrain the entity recogniser only
    .venv/bin/python scripts/train_german.py --curve build/german-curve   # entity training curve

Steps (fixed seeds; corpora and checkpoints go to build/german/, outside the package):

1. corpora: UD trees (GSD dev + PUD) and entity data, split as defined in
   ``scripts/german_corpora.py``. Never trained on what is reported: the entity data is
   GermEval 2014 dev minus its held-out fifth (index % 5 == 0, what eval/german_model.py
   reports), all of GermEval 2014 test part 1 (never reported on), SmartData minus v3 test,
   MobIE minus every document whose text occurs in SmartData v3 test, and UNER German-PUD;
2. lemma table: gold lemmas of the training trees (they win), then HanTa's lemmas over the
   texts of the permissively licensed training data (only where the trees have none);
3. train tok2vec + tagger + morphologizer (UPOS + features) + parser on the trees;
4. train the entity recogniser (own tok2vec) on the entity data;
5. assemble: German tokenizer with lagebild's special cases, ``lagebild_sentences``,
   the tree components, ``lagebild_lemmatizer`` (table + spacy-lookups-data's German lemma
   lookup, copied into the model), ``ner``, and write the pipeline to
   ``src/lagebild/models/de_lagebild/``.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402
import srsly  # noqa: E402
from spacy.tokens import Doc, DocBin, Span  # noqa: E402
from spacy.util import filter_spans  # noqa: E402

import german_corpora as corpora  # noqa: E402
import german_ner_aug as ner_aug  # noqa: E402
import german_silver as silver  # noqa: E402
from lagebild.nlp import conllu, tokenizer  # noqa: E402
from lagebild.nlp import lemmatizer as _lemmatizer  # noqa: E402,F401  (registers the factory)
from lagebild.nlp import morph_rules as _morph_rules  # noqa: E402,F401
from lagebild.nlp import sentences as _sentences  # noqa: E402,F401

SEED = 0
OUT = ROOT / "src" / "lagebild" / "models" / "de_lagebild"

# STTS (HanTa's tag set) to the UPOS values a form can take, for the lemma table.
STTS_UPOS = {
    "ADJA": ("ADJ",), "ADJD": ("ADJ", "ADV"), "ADV": ("ADV",), "APPR": ("ADP",), "APPRART": ("ADP",),
    "APPO": ("ADP",), "APZR": ("ADP",), "ART": ("DET",), "CARD": ("NUM",), "KOUS": ("SCONJ",),
    "KOUI": ("SCONJ",), "KON": ("CCONJ",), "KOKOM": ("CCONJ", "ADP"), "NN": ("NOUN",), "NNI": ("NOUN",),
    "NE": ("PROPN",), "PDS": ("PRON",), "PIS": ("PRON",), "PPER": ("PRON",), "PRF": ("PRON",),
    "PRELS": ("PRON",), "PWS": ("PRON",), "PPOSS": ("PRON",), "PDAT": ("DET",), "PIAT": ("DET",),
    "PIDAT": ("DET",), "PPOSAT": ("DET",), "PWAT": ("DET",), "PRELAT": ("DET",), "PROAV": ("ADV",),
    "PWAV": ("ADV",), "PTKZU": ("PART",), "PTKNEG": ("PART",), "PTKA": ("PART",), "PTKVZ": ("ADP", "ADV"),
    "VAFIN": ("AUX", "VERB"), "VAINF": ("AUX", "VERB"), "VAPP": ("AUX", "VERB"), "VAIMP": ("AUX", "VERB"),
    "VMFIN": ("AUX", "VERB"), "VMINF": ("AUX", "VERB"), "VMPP": ("AUX", "VERB"), "VVFIN": ("VERB",),
    "VVINF": ("VERB",), "VVIZU": ("VERB",), "VVPP": ("VERB", "ADJ"), "VVIMP": ("VERB",),
}


def log(msg: str) -> None:
    print(f"[train_german] {msg}", flush=True)


def base_nlp() -> spacy.Language:
    """Blank German with lagebild's tokenizer special cases."""
    return tokenizer.apply_special_cases(spacy.blank("de"))


# -- corpora -------------------------------------------------------------------
def tree_doc(vocab, s: conllu.Sent) -> Doc:
    return Doc(vocab, words=s.words, spaces=s.spaces, pos=s.upos, tags=s.upos, morphs=s.feats, lemmas=s.lemmas,
               heads=s.heads, deps=s.deps, sent_starts=[i == 0 for i in range(len(s.words))])


def group(docs: list[Doc], size: int) -> list[Doc]:
    return [Doc.from_docs(docs[i:i + size]) for i in range(0, len(docs), size)]


def build_tree_corpora(nlp, build: Path, use_silver: bool) -> None:
    sents = [s for name in corpora.TREES_TRAIN for s in conllu.read(corpora.DATA / name)]
    train = [s for i, s in enumerate(sents) if i % corpora.MONITOR_EVERY]
    monitor = [s for i, s in enumerate(sents) if i % corpora.MONITOR_EVERY == 0]
    rng = random.Random(SEED)
    rng.shuffle(train)
    docs = group([tree_doc(nlp.vocab, s) for s in train], 8)
    if use_silver:
        word_map, tag_map = silver.stts_mapping(conllu.read(corpora.DATA / corpora.TREES_TRAIN[0]))
        splitter = base_nlp()
        splitter.add_pipe("lagebild_sentences")
        texts = silver.silver_sentences(splitter, corpora.read_germeval()[0], corpora.read_smartdata()[0])
        silver_docs = group(silver.silver_docs(nlp.vocab, texts, word_map, tag_map), 8)
        log(f"silver: {len(texts)} sentences tagged by HanTa")
        docs = docs * 2 + silver_docs  # gold trees twice
        rng.shuffle(docs)
    DocBin(docs=docs).to_disk(build / "trees-train.spacy")
    DocBin(docs=group([tree_doc(nlp.vocab, s) for s in monitor], 8)).to_disk(build / "trees-monitor.spacy")
    log(f"trees: {len(train)} train, {len(monitor)} monitor")


NER_SETS = ("germeval", "part1", "smartdata", "mobie", "pud")


def _word_docs(vocab, sents: list) -> list[Doc]:
    docs = []
    for words, spans in sents:
        doc = Doc(vocab, words=words)
        doc.set_ents([Span(doc, a, b, label=label) for a, b, label in spans])
        docs.append(doc)
    return docs


def ner_docs(nlp, germeval_repeat: int = 1, sets: tuple[str, ...] = NER_SETS) -> list[Doc]:
    """Entity training documents; never GermEval dev's held-out fifth or SmartData v3 test."""
    docs, counts = [], {}
    if "germeval" in sets:
        train, _ = corpora.read_germeval()
        docs += _word_docs(nlp.vocab, train) * germeval_repeat
        counts["GermEval dev sentences"] = len(train)
    if "part1" in sets:
        part1 = corpora.read_germeval_part1()
        docs += _word_docs(nlp.vocab, part1) * germeval_repeat
        counts["GermEval test part-1 sentences"] = len(part1)
    if "pud" in sets:
        pud = corpora.read_uner_pud()
        docs += _word_docs(nlp.vocab, pud)
        counts["UNER PUD sentences"] = len(pud)
    if "mobie" in sets:
        mobie = corpora.read_mobie()
        docs += _word_docs(nlp.vocab, mobie)
        counts["MobIE documents"] = len(mobie)
    dropped = 0
    if "smartdata" in sets:
        sd_train, _ = corpora.read_smartdata()
        for text, ents in sd_train:
            doc = nlp.make_doc(text[:20000])
            spans = []
            for a, b, label in ents:
                span = _clean_span(doc.char_span(a, b, label=label, alignment_mode="contract"))
                if span is None:
                    dropped += 1
                    continue
                spans.append(span)
            doc.set_ents(filter_spans(spans))
            docs.append(doc)
        counts["SmartData documents"] = len(sd_train)
    log("entities: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + f" ({dropped} SmartData spans unaligned)")
    return docs


def _clean_span(span: Span | None) -> Span | None:
    """The span without edge punctuation; None if empty or across a line break."""
    if span is None:
        return None
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start == end or any(t.is_space for t in doc[start:end]):
        return None
    return Span(doc, start, end, label=span.label_)


def build_ner_corpora(nlp, build: Path, augment: bool, germeval_repeat: int = 1,
                      sets: tuple[str, ...] = NER_SETS, fraction: float = 1.0) -> None:
    docs = ner_docs(nlp, germeval_repeat, sets)
    rng = random.Random(SEED)
    rng.shuffle(docs)
    monitor, train = docs[: len(docs) // 20], docs[len(docs) // 20:]
    if fraction < 1.0:  # for the training curve: the first part of the shuffled training data
        train = train[: round(len(train) * fraction)]
    info = {"documents": len(train), "tokens": sum(len(d) for d in train),
            "entities": sum(len(d.ents) for d in train)}
    log(f"entities: {info} for training ({fraction:.0%}), {len(monitor)} documents to monitor")
    if augment:
        pools = ner_aug.name_pools(train, nlp.tokenizer)
        extra = [d for d in (ner_aug.augment(doc, pools, rng) for doc in train) if d is not None]
        log(f"entities: {len(extra)} documents with replaced names")
        train = train + extra
        rng.shuffle(train)
    DocBin(docs=train).to_disk(build / "ner-train.spacy")
    DocBin(docs=monitor).to_disk(build / "ner-monitor.spacy")
    return info


def train_curve(nlp, folder: Path, args, sets: tuple[str, ...]) -> None:
    """Entity recognisers on 25, 50 and 100 % of the entity training data (same monitor set,
    seed and steps) for the training curve that ``eval/german_model.py --curve`` measures."""
    import json

    for pct in (25, 50, 100):
        sub = folder / str(pct)
        sub.mkdir(parents=True, exist_ok=True)
        info = build_ner_corpora(nlp, sub, args.augment, args.germeval_repeat, sets, pct / 100)
        train(ner_config(sub, args.curve_steps), sub / "ner")
        (sub / "curve.json").write_text(json.dumps({**info, "steps": args.curve_steps}))


# -- lemma table -------------------------------------------------------------------
def build_lemma_table(sents: list[conllu.Sent]) -> dict[str, str]:
    """``"UPOS form"`` and ``" form"`` (any POS) to lemma, where it differs from the fallback."""
    gold: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for w, u, lem in zip(s.words, s.upos, s.lemmas):
            if lem != "_":
                gold[f"{u} {w}"][lem] += 1
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    texts = [words for words, _ in corpora.read_germeval()[0]]
    nlp = base_nlp()
    for text, _ in corpora.read_smartdata()[0]:
        texts.extend([t.text for t in sent if not t.is_space] for sent in _rough_sentences(nlp, text))
    silver_counts: dict[str, Counter] = defaultdict(Counter)
    for words in texts:
        if not words:
            continue
        for w, lem, tag in tagger.tag_sent(words, taglevel=1):
            tag = tag.replace("(", "").replace(")", "")
            for u in STTS_UPOS.get(tag, ()):
                if u in ("NOUN", "PROPN") and lem != w and lem.lower() == w.lower():
                    lem = w  # HanTa recases acronyms and lower-case names (CDU -> Cdu, dpa -> Dpa)
                silver_counts[f"{u} {w}"][lem] += 1
    # a gold lemma of the trees wins outright; HanTa's only where the trees have none
    counts = {**silver_counts, **gold}
    table, by_form = {}, defaultdict(Counter)
    suffix_rules: dict[str, Counter] = defaultdict(Counter)
    for key, c in counts.items():
        lemma = c.most_common(1)[0][0]
        upos, form = key.split(" ", 1)
        by_form[form][lemma] += sum(c.values())
        if lemma != _lemmatizer.fallback_lemma(form, upos):
            table[key] = lemma
        base = _lemmatizer.fallback_lemma(form, upos)
        rule = _lemmatizer.edit_rule(base, lemma)
        for n in range(_lemmatizer.MIN_SUFFIX, _lemmatizer.MAX_SUFFIX + 1):
            if len(base) > n + 2:
                suffix_rules[f"~{upos} {base[-n:]}"][rule] += 1
    for form, c in by_form.items():
        table[f" {form}"] = c.most_common(1)[0][0]
    n_rules = 0
    for key, c in suffix_rules.items():
        rule, freq = c.most_common(1)[0]
        if freq >= 3 and freq / sum(c.values()) >= 0.8:
            table[key] = rule
            n_rules += 1
    log(f"lemma table: {len(table)} entries ({n_rules} suffix rules)")
    return table


def lemma_lookup() -> dict[str, str]:
    """spaCy's German lemma lookup (spacy-lookups-data, MIT), minus forms that are their own lemma."""
    import gzip
    import json

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lemma_lookup.json.gz"
    data = json.loads(gzip.decompress(path.read_bytes()))
    lookup = {form: lemma for form, lemma in sorted(data.items()) if form != lemma}
    log(f"lemma lookup: {len(lookup)} of {len(data)} forms (spacy-lookups-data)")
    return lookup


def _rough_sentences(nlp, text: str):
    doc = nlp.make_doc(text[:20000])
    start = 0
    for t in doc:
        if t.text in {".", "!", "?"} or "\n" in t.text:
            yield doc[start:t.i + 1]
            start = t.i + 1
    if start < len(doc):
        yield doc[start:]


# -- training --------------------------------------------------------------------
def _tok2vec(width: int, rows: list[int], depth: int) -> dict:
    return {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": rows,
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth,
                   "window_size": 1, "maxout_pieces": 3},
    }


def tree_config(build: Path, steps: int, use_silver: bool):
    from spacy.cli.init_config import init_config

    pipes = ["tagger", "morphologizer", "parser"] if use_silver else ["morphologizer", "parser"]
    cfg = init_config(lang="de", pipeline=pipes, optimize="efficiency")
    if use_silver:
        cfg["components"]["tagger"]["model"]["tok2vec"]["width"] = 96
        cfg["training"]["score_weights"].update({"tag_acc": 0.4, "pos_acc": 0.0, "morph_acc": 0.2,
                                                 "dep_uas": 0.2, "dep_las": 0.2})
    cfg["components"]["tok2vec"]["model"] = _tok2vec(96, [20000, 2000, 5000, 2500], 4)
    cfg["components"]["morphologizer"]["model"]["tok2vec"]["width"] = 96
    cfg["components"]["parser"]["model"]["tok2vec"]["width"] = 96
    cfg["components"]["parser"]["min_action_freq"] = 5
    return _training(cfg, build / "trees-train.spacy", build / "trees-monitor.spacy", steps)


def ner_config(build: Path, steps: int):
    from spacy.cli.init_config import init_config

    cfg = init_config(lang="de", pipeline=["ner"], optimize="efficiency")
    cfg["nlp"]["pipeline"] = ["ner"]
    del cfg["components"]["tok2vec"]
    cfg["components"]["ner"]["model"]["tok2vec"] = _tok2vec(96, [15000, 2000, 4000, 2500], 4)
    cfg["training"]["score_weights"] = {"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None}
    return _training(cfg, build / "ner-train.spacy", build / "ner-monitor.spacy", steps)


def _training(cfg, train: Path, dev: Path, steps: int):
    cfg["paths"]["train"] = str(train)
    cfg["paths"]["dev"] = str(dev)
    cfg["system"]["seed"] = SEED
    t = cfg["training"]
    t["max_steps"] = steps
    t["eval_frequency"] = max(100, steps // 12)
    t["patience"] = steps
    t["dropout"] = 0.2
    return cfg


def train(cfg, out: Path) -> Path:
    from spacy.cli.train import train as spacy_train

    cfg_path = out.with_suffix(".cfg")
    cfg.to_disk(cfg_path)
    spacy_train(cfg_path, out, use_gpu=-1)
    return out / "model-best"


# -- assembly --------------------------------------------------------------------
TREE_PIPES = ("tok2vec", "tagger", "morphologizer", "parser")


def extract_trees(model: Path, out: Path) -> None:
    """The tree components of an assembled pipeline, as ``train`` would have written them."""
    nlp = spacy.load(model)
    for name in list(nlp.pipe_names):
        if name not in TREE_PIPES:
            nlp.remove_pipe(name)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    log(f"tree components taken from {model}")


def assemble(tree_model: Path, ner_model: Path, table: dict[str, str], out: Path,
             lookup: dict[str, str] | None = None) -> None:
    nlp = spacy.load(tree_model)
    tok = base_nlp().tokenizer
    nlp.tokenizer.rules = tok.rules
    nlp.tokenizer.prefix_search = tok.prefix_search
    nlp.add_pipe("lagebild_sentences", first=True)
    if "tagger" in nlp.pipe_names:  # UPOS from the tagger (gold + silver) overrides the morphologizer's
        ruler = nlp.add_pipe("attribute_ruler", after="morphologizer")
        for label in nlp.get_pipe("tagger").labels:
            ruler.add(patterns=[[{"TAG": label}]], attrs={"POS": label})
        # a token of punctuation characters only is PUNCT, whatever the tagger says: the
        # trees have no guillemets, and the tagger took « » for nouns (LIT UPOS 0.9207 -> 0.9224)
        ruler.add(patterns=[[{"IS_PUNCT": True}]], attrs={"POS": "PUNCT"})
    nlp.add_pipe("lagebild_lemmatizer", after="parser")
    nlp.add_pipe("lagebild_morph_rules", after="lagebild_lemmatizer")
    nlp.get_pipe("lagebild_lemmatizer").table = table
    nlp.get_pipe("lagebild_lemmatizer").lookup = lookup or {}
    ner_nlp = spacy.load(ner_model)
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta.update({"name": "lagebild", "version": "0.2.0", "license": "CC BY-SA 4.0",
                     "description": "lagebild's German pipeline; see docs/models/german.md",
                     "sources": ["UD German-GSD (dev)", "UD German-PUD", "GermEval 2014 (dev, part; test part 1)",
                                 "DFKI MobIE (minus SmartData v3 test overlap)", "Universal NER German-PUD",
                                 "spacy-lookups-data de_lemma_lookup (MIT)",
                                 "DFKI SmartData (v1, v3 dev)", "HanTa lemmas (LGPL model output)"]})
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    log(f"wrote {out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", type=Path, default=ROOT / "build" / "german")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--steps-trees", type=int, default=4000)
    ap.add_argument("--steps-ner", type=int, default=2000)
    ap.add_argument("--train", choices=("all", "trees", "ner", "none"), default="all",
                    help="which parts to (re)train; the others are reused from --build")
    ap.add_argument("--no-silver", dest="silver", action="store_false",
                    help="train UPOS on the gold trees only (no HanTa silver tagger)")
    ap.add_argument("--no-augment", dest="augment", action="store_false",
                    help="no mention replacement in the entity training data")
    ap.add_argument("--no-lookup", dest="lookup", action="store_false",
                    help="no spacy-lookups-data lemma lookup in the lemmatizer")
    ap.add_argument("--germeval-repeat", type=int, default=1, help="copies of each GermEval sentence")
    ap.add_argument("--ner-sets", default=",".join(NER_SETS),
                    help=f"entity training sets, comma-separated, of {','.join(NER_SETS)}")
    ap.add_argument("--ner-fraction", type=float, default=1.0,
                    help="use only this share of the entity training documents (training curve)")
    ap.add_argument("--curve", type=Path, default=None,
                    help="only train the entity training curve (25/50/100 %% of the data) into this folder")
    ap.add_argument("--curve-steps", type=int, default=1000, help="steps of each training-curve run")
    ap.add_argument("--trees-from", type=Path, default=None,
                    help="with --train ner: take tok2vec, tagger, morphologizer and parser from this "
                         "pipeline (e.g. the shipped model) instead of --build's trees")
    args = ap.parse_args(argv)
    if not corpora.available():
        log(f"no data at {corpora.DATA}; nothing to do")
        return 1
    random.seed(SEED)
    spacy.util.fix_random_seed(SEED)
    args.build.mkdir(parents=True, exist_ok=True)
    nlp = base_nlp()
    sets = tuple(x for x in args.ner_sets.split(",") if x)
    unknown = set(sets) - set(NER_SETS)
    if unknown:
        ap.error(f"unknown --ner-sets {sorted(unknown)}")
    if args.curve is not None:
        train_curve(nlp, args.curve, args, sets)
        return 0
    if args.train in ("all", "trees"):
        build_tree_corpora(nlp, args.build, args.silver)
    if args.train in ("all", "ner"):
        build_ner_corpora(nlp, args.build, args.augment, args.germeval_repeat, sets, args.ner_fraction)
    trees, ner = args.build / "trees", args.build / "ner"
    if args.trees_from is not None:
        trees = args.build / "trees-from"
        extract_trees(args.trees_from, trees / "model-best")
    cached = args.build / "lemma-table.msgpack"
    if args.train == "none" and cached.exists():  # assembly only: the table of the last run
        table = srsly.read_msgpack(cached)
    else:
        table = build_lemma_table([s for name in corpora.TREES_TRAIN for s in conllu.read(corpora.DATA / name)])
        srsly.write_msgpack(cached, table)
    if args.train in ("all", "trees"):
        train(tree_config(args.build, args.steps_trees, args.silver), trees)
    if args.train in ("all", "ner"):
        train(ner_config(args.build, args.steps_ner), ner)
    assemble(trees / "model-best", ner / "model-best", table, args.out, lemma_lookup() if args.lookup else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
