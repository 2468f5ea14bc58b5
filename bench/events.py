"""Speed of the event coder alone: events per second and articles per second.

Earlier stages run once per article (not timed); then ``lagebild_events`` is timed over
the prepared Docs. English: ../shared/data/voa/voa_stories.jsonl; German: the seed
article and ../shared/data/wikinews-quotes-de/dev/*.json (originalText).

Usage: .venv/bin/python bench/events.py [--limit N] [--repeat N]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))


def texts(lang: str, limit: int) -> list[str]:
    if lang == "en":
        path = DATA / "voa" / "voa_stories.jsonl"
        if not path.exists():
            return []
        out = [json.loads(ln)["text"] for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    else:
        out = [p.read_text(encoding="utf-8") for p in sorted((DATA / "seed").glob("*.txt"))]
        for p in sorted((DATA / "wikinews-quotes-de" / "dev").glob("*.json")):
            doc = json.loads(p.read_text(encoding="utf-8"))
            if isinstance(doc, dict) and doc.get("originalText"):
                out.append(doc["originalText"])
    return out[:limit]


def build(lang: str):
    from lagebild.nlp import loader
    from lagebild.settings import Settings
    settings = Settings()
    loader.register_components()
    nlp = loader.load_base(loader.LanguageData(lang), settings)
    for stage in loader.STAGES:
        try:
            nlp.add_pipe(stage, config=loader.stage_config(settings))
        except Exception as err:  # noqa: BLE001 - a stage under construction
            print(f"  note: {stage} not loaded ({err!r})")
    return nlp


def bench(lang: str, limit: int, repeat: int) -> None:
    docs_text = texts(lang, limit)
    if not docs_text:
        print(f"{lang}: no data under {DATA}, skipped")
        return
    nlp = build(lang)
    comp = nlp.get_pipe("lagebild_events")
    before = [name for name in nlp.pipe_names if name != "lagebild_events"]
    docs = list(nlp.pipe(docs_text, disable=["lagebild_events"]))
    n_tok = sum(len(d) for d in docs)
    best = float("inf")
    n_ev = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n_ev = sum(len(comp.find(d)[0]) for d in docs)
        best = min(best, time.perf_counter() - t0)
    print(f"{lang}: {len(docs)} articles, {n_tok} tokens, {n_ev} events; stages before: {before}")
    print(f"  lagebild_events: {best:.3f}s  ->  {n_ev / best:,.0f} events/s, {len(docs) / best:,.1f} articles/s, "
          f"{n_tok / best:,.0f} tokens/s (best of {repeat}, one core)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    for lang in ("en", "de"):
        bench(lang, a.limit, a.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
