"""Rebuild lagebild's German spaCy pipeline from ../shared/data, in one command.

    .venv/bin/python scripts/train_german.py            # everything (~40 min on one core)
    .venv/bin/python scripts/train_german.py --steps-trees 500 --steps-ner 500   # smoke run

Steps (fixed seeds; corpora and checkpoints go to build/german/, outside the package):

1. corpora: UD trees (GSD dev + PUD) and entity data (GermEval 2014 dev minus held-out part,
   SmartData minus v3 test), split as defined in ``scripts/german_corpora.py``;
2. lemma table: gold lemmas of the training trees, then HanTa's lemmas over the texts of
   the permissively licensed training data (only where the trees have none);
3. train tok2vec + morphologizer (UPOS + features) + parser on the trees;
4. train the entity recogniser (own tok2vec) on the entity data;
5. assemble: German tokenizer with lagebild's special cases, ``lagebild_sentences``,
   the tree components, ``lagebild_lemmatizer``, ``ner``, and write the pipeline to
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


def ner_docs(nlp, germeval_repeat: int = 1) -> list[Doc]:
    train, _ = corpora.read_germeval()
    docs = []
    for words, spans in train:
        doc = Doc(nlp.vocab, words=words)
        doc.set_ents([Span(doc, a, b, label=label) for a, b, label in spans])
        docs.append(doc)
    docs = docs * germeval_repeat
    sd_train, _ = corpora.read_smartdata()
    dropped = 0
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
    log(f"entities: {len(train)} GermEval sentences, {len(sd_train)} SmartData documents ({dropped} spans unaligned)")
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


def build_ner_corpora(nlp, build: Path, augment: bool, germeval_repeat: int = 1) -> None:
    docs = ner_docs(nlp, germeval_repeat)
    rng = random.Random(SEED)
    rng.shuffle(docs)
    monitor, train = docs[: len(docs) // 20], docs[len(docs) // 20:]
    if augment:
        pools = ner_aug.name_pools(train, nlp.tokenizer)
        extra = [d for d in (ner_aug.augment(doc, pools, rng) for doc in train) if d is not None]
        log(f"entities: {len(extra)} documents with replaced names")
        train = train + extra
        rng.shuffle(train)
    DocBin(docs=train).to_disk(build / "ner-train.spacy")
    DocBin(docs=monitor).to_disk(build / "ner-monitor.spacy")


# -- lemma table -------------------------------------------------------------------
def build_lemma_table(sents: list[conllu.Sent]) -> dict[str, str]:
    """``"UPOS form"`` and ``" form"`` (any POS) to lemma, where it differs from the fallback."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for w, u, lem in zip(s.words, s.upos, s.lemmas):
            if lem != "_":
                counts[f"{u} {w}"][lem] += 10  # gold beats silver
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    texts = [words for words, _ in corpora.read_germeval()[0]]
    nlp = base_nlp()
    for text, _ in corpora.read_smartdata()[0]:
        texts.extend([t.text for t in sent if not t.is_space] for sent in _rough_sentences(nlp, text))
    for words in texts:
        if not words:
            continue
        for w, lem, tag in tagger.tag_sent(words, taglevel=1):
            tag = tag.replace("(", "").replace(")", "")
            for u in STTS_UPOS.get(tag, ()):
                counts[f"{u} {w}"][lem] += 1
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
def assemble(tree_model: Path, ner_model: Path, table: dict[str, str], out: Path) -> None:
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
    ner_nlp = spacy.load(ner_model)
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta.update({"name": "lagebild", "version": "0.1.0", "license": "CC BY-SA 4.0",
                     "description": "lagebild's German pipeline; see docs/models/german.md",
                     "sources": ["UD German-GSD (dev)", "UD German-PUD", "GermEval 2014 (dev, part)",
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
    ap.add_argument("--germeval-repeat", type=int, default=1, help="copies of each GermEval sentence")
    args = ap.parse_args(argv)
    if not corpora.available():
        log(f"no data at {corpora.DATA}; nothing to do")
        return 1
    random.seed(SEED)
    spacy.util.fix_random_seed(SEED)
    args.build.mkdir(parents=True, exist_ok=True)
    nlp = base_nlp()
    if args.train in ("all", "trees"):
        build_tree_corpora(nlp, args.build, args.silver)
    if args.train in ("all", "ner"):
        build_ner_corpora(nlp, args.build, args.augment, args.germeval_repeat)
    table = build_lemma_table([s for name in corpora.TREES_TRAIN for s in conllu.read(corpora.DATA / name)])
    trees, ner = args.build / "trees", args.build / "ner"
    if args.train in ("all", "trees"):
        train(tree_config(args.build, args.steps_trees, args.silver), trees)
    if args.train in ("all", "ner"):
        train(ner_config(args.build, args.steps_ner), ner)
    assemble(trees / "model-best", ner / "model-best", table, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
