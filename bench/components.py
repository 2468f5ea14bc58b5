"""Share of pipeline CPU time per pipeline component (English and German).

English: ../shared/data/voa/voa_stories.jsonl (VOA stories); German: the documents of
../shared/data/wikinews-quotes-de/dev. Each component is timed with the process CPU clock
around its ``__call__`` over the same documents, after one warm-up document (models and
gazetteers load once, on first use). Usage:

    .venv/bin/python bench/components.py [--limit N] [--lang en|de]

Issue targets it checks: entity linking (lagebild_entities + lagebild_places) at most a
tenth of pipeline time, attribution (lagebild_attributions) at most a fifth.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from throughput import DATA, texts  # noqa: E402


def timed_run(lang: str, docs: list[str]) -> Counter:
    sys.path.insert(0, str(ROOT.parent / "src"))
    from lagebild.nlp.loader import build_nlp
    from lagebild.settings import Settings

    nlp = build_nlp(lang, Settings())
    nlp(docs[0])  # warm-up: lazy tables and gazetteers
    spent: Counter = Counter()
    for text in docs:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            t0 = time.process_time()
            doc = proc(doc)
            spent[name] += time.process_time() - t0
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--lang", choices=("en", "de"), action="append")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA} not found: the component benchmark needs ../shared/data (skipped)")
        return 0
    for lang in args.lang or ["en", "de"]:
        docs = texts(lang, args.limit)
        spent = timed_run(lang, docs)
        total = sum(spent.values()) or 1.0
        print(f"{lang}: {len(docs)} documents, {total:.2f} CPU s in the pipeline")
        for name, secs in spent.most_common():
            print(f"  {name:<28} {secs:7.2f} s  {100 * secs / total:5.1f} %")
        linking = spent["lagebild_entities"] + spent["lagebild_places"]
        print(f"  entity linking (entities + places): {100 * linking / total:.1f} % (target <= 10 %); "
              f"attribution: {100 * spent['lagebild_attributions'] / total:.1f} % (target <= 20 %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
