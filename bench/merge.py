"""Cost of merging: a full merge of a store, and adding 1,000 articles to stores of growing size.

    .venv/bin/python bench/merge.py [--size 100000] [--new 1000] [--json out.json]

Synthetic articles (5 events each; actors and recipients drawn from 3,000 entities with QIDs
(heavy-tailed: the most frequent in about 3% of events), 400 places, 16 PLOVER types, day-precise dates, ~200 events per
day) are ingested into a fresh store in publication order, ``--new`` articles at a time,
each batch merged as ``lagebild ingest`` does:

1. merging the whole store as it grows (to ``--size`` events): total time and memory, and
   the time of each batch against the size of the store it was added to (flat: the cost
   does not grow with the store);
2. at the full size, on copies of the store, adding half, once and twice ``--new`` articles
   published on the following days: the cost grows with the new articles.

Times are CPU seconds of this process (``time.process_time``), so other load on the
machine does not inflate them; memory is the peak resident size of the process
(``ru_maxrss``) and the growth of it during the step. Why it scales: a new report is
compared only with stored reports that share a blocking key (entity, place or trigger
family) and were published within ``WINDOW_DAYS``; ``merge_keys`` is written in day order
and read by a day range, so DuckDB skips the row groups of other days (zone maps), and
stories are looked up through ``story_terms`` among stories active in the last 21 days.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.records import Article, Entity, Event, Evidence, Mention, Place, SourceInfo, Span  # noqa: E402
from lagebild.store import Store  # noqa: E402

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
VERBS = {t: f"{t.lower()}ed" for t in TYPES}
EVENTS_PER_ARTICLE = 5
EVENTS_PER_DAY = 200
START = dt.date(2020, 1, 1)


def zipf(rng: random.Random, n: int) -> int:
    """A heavy-tailed pick: the most frequent entity is in about 3% of events (a country in the news), most are rare."""
    return min(int((rng.paretovariate(1.0) - 1) * 30), n - 1)


def article(rng: random.Random, i: int, day: dt.date) -> Article:
    parts, ents, places, events = [], {}, [], []
    pos = 0
    for k in range(EVENTS_PER_ARTICLE):
        a, r, p = zipf(rng, 3000), zipf(rng, 3000), rng.randrange(400)
        typ = rng.choice(TYPES)
        sentence = f"Actor{a} {VERBS[typ]} Actor{r} in Place{p} on {day.isoformat()}. "
        for name, qid in ((f"Actor{a}", f"Q{1000 + a}"), (f"Actor{r}", f"Q{1000 + r}"), (f"Place{p}", f"Q{9000 + p}")):
            start = pos + sentence.index(name)
            ent = ents.setdefault(name, Entity(id=f"e{len(ents) + 1}", name=name, type="LOC" if name.startswith("Place") else "ORG",
                                               qid=qid, mentions=[]))
            ent.mentions.append(Mention(start=start, end=start + len(name), text=name))
        place = ents[f"Place{p}"]
        if not any(x.entity == place.id for x in places):
            places.append(Place(entity=place.id, name=place.name, lat=(p % 40) * 2.0 - 40, lon=(p // 40) * 20.0 - 100))
        vs = pos + sentence.index(VERBS[typ])
        events.append(Event(id=f"v{k + 1}", type=typ, actor=[ents[f"Actor{a}"].id], recipient=[ents[f"Actor{r}"].id],
                            location=place.id, date=day.isoformat(), evidence=Evidence(start=pos, end=pos + len(sentence) - 2),
                            trigger=Span(start=vs, end=vs + len(VERBS[typ]), text=VERBS[typ]), confidence=0.7))
        parts.append(sentence)
        pos += len(sentence)
    return Article(id=f"a{i:07d}", language="en", published=day.isoformat(), text="".join(parts),
                   entities=list(ents.values()), places=places, events=events,
                   source=SourceInfo(outlet=f"outlet{i % 40}", title=f"Article {i}"))


def articles(seed: int, first: int, n: int):  # noqa: ANN201
    """Articles ``first`` … ``first + n - 1``; each drawn from its own seed, so a store can be grown in several runs."""
    per_day = EVENTS_PER_DAY // EVENTS_PER_ARTICLE
    for i in range(first, first + n):
        yield article(random.Random(seed * 1_000_003 + i), i, START + dt.timedelta(days=i // per_day))


def ingest(store: Store, seed: int, first: int, n: int) -> None:
    batch = []
    for a in articles(seed, first, n):
        batch.append(a)
        if len(batch) == 500:
            store.ingest(batch)
            batch = []
    if batch:
        store.ingest(batch)


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn):  # noqa: ANN001, ANN201
    rss0 = maxrss_mb()
    t0 = time.process_time()
    out = fn()
    return out, time.process_time() - t0, maxrss_mb(), maxrss_mb() - rss0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000, help="store size in events, reached in batches of --new articles")
    ap.add_argument("--new", type=int, default=1000, help="articles per batch")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--progress", action="store_true", help="print each batch as it is merged")
    ap.add_argument("--store", type=Path, help="keep the growing store here and continue it on the next run "
                    "(to build a large store in several runs on a busy machine); trials run once it has --size events")
    args = ap.parse_args(argv)
    batches, trials = [], []
    with tempfile.TemporaryDirectory() as tmp:
        db = args.store or Path(tmp) / "store.duckdb"
        total_cpu = 0.0
        want = args.size // EVENTS_PER_ARTICLE
        with Store(db) as s:
            done = s.con.execute("SELECT count(*) FROM articles").fetchone()[0]
            s.con.execute("SET threads = 1")  # one core, as the target says
            # 1. the whole store merged as it is built, --new articles at a time (what repeated `ingest` does)
            while done < want:
                n = min(args.new, want - done)
                ingest(s, 7, done, n)
                events_before = done * EVENTS_PER_ARTICLE
                stats, cpu, peak, _ = timed(s.merge)
                done += n
                total_cpu += cpu
                batches.append({"store_events_before": events_before, "new_articles": n, "cpu_s": cpu,
                                "peak_rss_mb": peak, "clusters": stats["clusters"], "stories": stats["stories"]})
                if args.progress:
                    print(f"batch: {n} articles added to a store of {events_before:,} events: {cpu:.2f} CPU s, "
                          f"peak RSS {peak:.0f} MB", flush=True)
        # 2. at the full size: half, the same and twice as many new articles
        for n in (args.new // 2, args.new, args.new * 2):
            trial = Path(tmp) / "trial.duckdb"
            shutil.copy(db, trial)
            with Store(trial) as s:
                s.con.execute("SET threads = 1")
                ingest(s, 11, done, n)
                stats, cpu, peak, grew = timed(s.merge)
            trial.unlink()
            trials.append({"store_events": done * EVENTS_PER_ARTICLE, "new_articles": n, "cpu_s": cpu,
                           "per_1000_articles_s": cpu / n * 1000, "peak_rss_mb": peak, "rss_growth_mb": grew})
    if not batches:
        batches.append({"store_events_before": done * EVENTS_PER_ARTICLE, "new_articles": 0, "cpu_s": 0.0,
                        "peak_rss_mb": maxrss_mb()})
    print(f"merging {done * EVENTS_PER_ARTICLE:,} events as they arrive, {args.new:,} articles "
          f"({args.new * EVENTS_PER_ARTICLE:,} events) at a time: {total_cpu:.1f} CPU s in all, "
          f"peak RSS {max(b['peak_rss_mb'] for b in batches):.0f} MB")
    print(f"{'store events before':>19} {'CPU s for the batch':>19}")
    step = max(1, len(batches) // 10)
    for b in batches[::step] + ([batches[-1]] if (len(batches) - 1) % step else []):
        print(f"{b['store_events_before']:>19,} {b['cpu_s']:>19.2f}")
    print(f"\nadding to the store of {trials[0]['store_events']:,} events:")
    print(f"{'new articles':>12} {'CPU s':>7} {'s per 1000 articles':>20} {'RSS growth MB':>14}")
    for t in trials:
        print(f"{t['new_articles']:>12,} {t['cpu_s']:>7.2f} {t['per_1000_articles_s']:>20.2f} {t['rss_growth_mb']:>14.0f}")
    print("CPU seconds of this process (one core; other load on the machine does not count)")
    if args.json:
        args.json.write_text(json.dumps({"batches": batches, "trials": trials}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
