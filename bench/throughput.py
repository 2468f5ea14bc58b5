"""Throughput and peak memory of the whole pipeline, beside the bare spaCy pipeline.

English: ../shared/data/voa/voa_stories.jsonl (89 VOA stories).
German:  ../shared/data/wikinews-quotes-de/dev/*.json (each document's originalText).

Each measurement runs in a fresh process on one core (torch/BLAS threads pinned to 1),
so "articles/s" is per core and "peak RSS" is that process's own. CPU-second figures
(articles per CPU second of that single-threaded process) do not change when other jobs
load the machine; wall-clock figures do. Usage:

    .venv/bin/python bench/throughput.py [--repeat N] [--limit N]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def texts(lang: str, limit: int | None) -> list[str]:
    if lang == "en":
        path = DATA / "voa" / "voa_stories.jsonl"
        out = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        out = [json.loads(p.read_text(encoding="utf-8"))["originalText"]
               for p in sorted((DATA / "wikinews-quotes-de" / "dev").glob("*.json"))]
    return out[:limit] if limit else out


def _measure(kind: str, lang: str, limit: int | None, repeat: int, queue) -> None:  # noqa: ANN001
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    sys.path.insert(0, str(ROOT / "src"))
    import warnings

    warnings.simplefilter("ignore")
    from lagebild import Pipeline, RawArticle, Settings
    from lagebild.nlp import load_base, register_components
    from lagebild.lang import LanguageData

    docs = texts(lang, limit)
    t_load = time.perf_counter()
    if kind == "bare":
        register_components()  # the shipped German model uses lagebild's own components
        nlp = load_base(LanguageData(lang), Settings())
        list(nlp.pipe(docs[:2]))
        run = lambda: sum(1 for _ in nlp.pipe(docs, batch_size=32))  # noqa: E731
    else:
        pipeline = Pipeline(Settings())
        list(pipeline.analyze_many([RawArticle(text=t, language=lang) for t in docs[:2]]))
        run = lambda: sum(1 for _ in pipeline.analyze_many(  # noqa: E731
            RawArticle(text=t, language=lang, published=None) for t in docs))
    load_s = time.perf_counter() - t_load
    best = best_cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        n = run()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    words = sum(len(t.split()) for t in docs)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"kind": kind, "lang": lang, "articles": n, "words": words, "seconds": best,
               "articles_per_s": n / best, "words_per_s": words / best,
               "cpu_seconds": best_cpu, "articles_per_cpu_s": n / best_cpu, "words_per_cpu_s": words / best_cpu, "peak_rss_mb": rss_mb, "load_s": load_s})


def measure(kind: str, lang: str, limit: int | None, repeat: int) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_measure, args=(kind, lang, limit, repeat, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"{DATA} not found: the throughput benchmark needs ../shared/data (skipped)")
        return 0
    rows = []
    for lang in ("en", "de"):
        for kind in ("bare", "lagebild"):
            rows.append(measure(kind, lang, args.limit, args.repeat))
    print(f"{'lang':4} {'pipeline':9} {'articles':>8} {'words':>7} {'art/s/core':>10} {'words/s':>8} "
          f"{'art/CPU-s':>9} {'words/CPU-s':>11} {'peak MB':>8} {'load s':>6}")
    for r in rows:
        label = "spaCy" if r["kind"] == "bare" else "lagebild"
        print(f"{r['lang']:4} {label:9} {r['articles']:8d} {r['words']:7d} {r['articles_per_s']:10.1f} "
              f"{r['words_per_s']:8.0f} {r['articles_per_cpu_s']:9.1f} {r['words_per_cpu_s']:11.0f} "
              f"{r['peak_rss_mb']:8.0f} {r['load_s']:6.1f}")
    for lang in ("en", "de"):
        bare, full = (r for r in rows if r["lang"] == lang)
        share = 100 * (1 - full["articles_per_cpu_s"] / bare["articles_per_cpu_s"])
        print(f"{lang}: lagebild's own stages take {share:.0f}% of pipeline CPU time (bare spaCy "
              f"{bare['articles_per_cpu_s']:.1f} art/CPU-s → lagebild {full['articles_per_cpu_s']:.1f} art/CPU-s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
