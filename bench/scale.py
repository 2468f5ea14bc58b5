"""Scaling of `lagebild batch`: articles/s with 1 and 2 workers, local engine and Spark.

    .venv/bin/python bench/scale.py [--articles 120] [--engines local,spark] [--json out.json]

Input: the VOA stories (../shared/data/voa/voa_stories.jsonl) repeated to --articles
records with distinct ids, or synthetic English text when the data is absent. Every
configuration analyses the same input into a fresh output folder. Reported per run:
wall time of the job (Spark session start-up excluded, shown apart), articles/s, the
2-worker/1-worker ratio, and the peak resident memory of each worker process (Python;
Spark's JVM is not included). Numbers depend on what else runs on the machine: report
them with the load average printed at the end.

The bench runs on a snapshot of ``src/`` copied at start (put first on PYTHONPATH, which
spawned and Spark workers inherit), so edits to the working tree during a run cannot
change the code half-way through it.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOA = ROOT.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"


def build_input(folder: Path, n: int) -> tuple[Path, str]:
    out = folder / "input.jsonl"
    records: list[dict] = []
    if VOA.exists():
        stories = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines() if line.strip()]
        source = f"VOA stories ({len(stories)}) repeated"
        i = 0
        while len(records) < n:
            s = stories[i % len(stories)]
            records.append({"id": f"voa-{i // len(stories)}-{s['id']}", "text": s["text"],
                            "title": s.get("title"), "published": s.get("published"), "url": s.get("url")})
            i += 1
    else:
        rng = random.Random(7)
        actors = ["The government", "Officials in Kyiv", "The European Union", "Police", "The ministry"]
        verbs = ["announced new sanctions against", "held talks with", "accused", "pledged aid to", "criticised"]
        objects = ["Russia", "Iran", "the opposition", "protesters", "the United States"]
        source = "synthetic text (VOA data absent)"
        for i in range(n):
            text = " ".join(f"{rng.choice(actors)} {rng.choice(verbs)} {rng.choice(objects)} on Monday, "
                            f"a spokesperson said." for _ in range(25))
            records.append({"id": f"syn-{i}", "text": text, "published": "2025-07-15"})
    out.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    chars = sum(len(r["text"]) for r in records)
    return out, f"{len(records)} articles, {chars / len(records):,.0f} characters each on average; {source}"


def run(engine: str, workers: int, inp: Path, work: Path, batch_size: int) -> dict:
    from lagebild import Settings
    from lagebild.batch import run_batch

    out = work / f"out-{engine}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    spark, startup = None, 0.0
    if engine == "spark":
        from lagebild.batch.spark import spark_session

        t = time.perf_counter()
        spark = spark_session(f"local[{workers}]")
        spark.sparkContext.parallelize([0], 1).count()  # JVM and first Python worker up
        startup = time.perf_counter() - t
    try:
        result = run_batch([inp], out, engine=engine, workers=workers, spark=spark,
                           settings=Settings(batch_size=batch_size))
    finally:
        if spark is not None:
            spark.stop()
    if result.errors:
        from lagebild.batch import read_errors

        first = read_errors(out).to_pylist()[:1]
        print(f"  ({result.errors} errors, first: {first[0]['reason'] if first else '?'})", flush=True)
    rss = result.peak_rss_by_process()
    busy: dict[int, float] = {}
    cpu: dict[int, float] = {}
    for w in result.workers:
        busy[w.pid] = busy.get(w.pid, 0.0) + w.seconds
        cpu[w.pid] = cpu.get(w.pid, 0.0) + w.cpu_seconds
    return {
        "engine": engine, "workers": workers, "articles": result.articles, "errors": result.errors,
        "seconds": result.seconds, "articles_per_s": result.articles_per_second, "startup_s": startup,
        "processes": len(rss), "peak_rss_mb": max(rss.values(), default=0.0),
        "busy_articles_per_s": result.articles / max(busy.values()) if busy else 0.0,
        # what the run would do with a free core per worker: bounded by the busiest worker's CPU time
        "cpu_articles_per_s": result.articles / max(cpu.values()) if cpu else 0.0,
        "cpu_seconds": sum(cpu.values()),
        "tasks": result.tasks,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--engines", default="local,spark")
    ap.add_argument("--batch-size", type=int, default=8, help="Articles per nlp.pipe batch (as `lagebild batch`).")
    ap.add_argument("--json", type=Path, default=None, help="Also write the results as JSON here.")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    work = Path(tempfile.mkdtemp(prefix="lagebild-scale-"))
    snapshot = work / "src"
    shutil.copytree(ROOT / "src", snapshot, ignore=shutil.ignore_patterns("__pycache__"))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(snapshot), *filter(None, [os.environ.get("PYTHONPATH")])])
    sys.path.insert(0, str(snapshot))
    try:
        inp, what = build_input(work, args.articles)
        print(f"input: {what}; nlp.pipe batch size {args.batch_size}")
        print(f"machine: {os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f}")
        rows = []
        for engine in args.engines.split(","):
            for workers in (1, 2):
                r = run(engine, workers, inp, work, args.batch_size)
                rows.append(r)
                print(f"  {engine:5} {workers} worker(s): {r['articles']} articles, {r['errors']} errors "
                      f"in {r['seconds']:.1f} s "
                      f"= {r['articles_per_s']:.2f}/s (startup {r['startup_s']:.1f} s), "
                      f"peak RSS/worker {r['peak_rss_mb']:.0f} MiB", flush=True)
        print()
        print("| engine | workers | articles/s (wall) | 2w/1w (wall) | articles per CPU-s of busiest worker | 2w/1w (CPU) "
              "| CPU s in all | peak RSS per worker (MiB) |")
        print("|---|---|---|---|---|---|---|---|")
        for engine in args.engines.split(","):
            one, two = [r for r in rows if r["engine"] == engine]
            for r in (one, two):
                ratio = f"{two['articles_per_s'] / one['articles_per_s']:.2f}" if r is two and one["articles_per_s"] else ""
                cpu_ratio = (f"{two['cpu_articles_per_s'] / one['cpu_articles_per_s']:.2f}"
                             if r is two and one["cpu_articles_per_s"] else "")
                print(f"| {engine} | {r['workers']} | {r['articles_per_s']:.2f} | {ratio} | "
                      f"{r['cpu_articles_per_s']:.2f} | {cpu_ratio} | {r['cpu_seconds']:.0f} | {r['peak_rss_mb']:.0f} |")
        print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
              f"(the machine is shared; 2 workers cannot scale past the free cores). "
              f"'CPU' columns: throughput if each worker had a core of its own, from the busiest "
              f"worker's CPU time (pipeline loading included; driver, planning and commit excluded).")
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
