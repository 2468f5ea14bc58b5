"""Latency of the events API on a store of 100,000 synthetic events.

Builds the store in a temporary folder through the normal ingest path (synthetic
``lagebild.Article`` records, 10 events each), then times ``GET /api/events`` with
several filter combinations through FastAPI's TestClient (routing, validation, SQL,
JSON) and prints p50/p99 per combination. Target: p99 < 200 ms. The app's memo of
aggregate answers is turned off, so every request does its full work.

    .venv/bin/python bench/api.py [--events 100000] [--runs 200]
    .venv/bin/python bench/api.py --load [--clients 4] [--requests 400]   # under load, over loopback

``--load`` starts the real ``lagebild serve`` (uvicorn, bound to 127.0.0.1) on the store in a
subprocess and lets ``--clients`` concurrent clients each send ``--requests`` requests (bounded:
no client sends a new one before its last answer came), cycling through the filter
combinations and the other endpoints; prints p50/p95/p99 over all requests and the errors
(any answer other than 200, or no answer in 10 s). Target: p99 < 200 ms, 0 errors.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lagebild.records import (
    Actor, Article, Attribution, AttributionSource, Entity, Event, Evidence, Mention, Place, SourceInfo, Span, Time,
)
from lagebild.store import Store

ACTORS = [("Vladimir Putin", "RUS", "GOV"), ("Donald Trump", "USA", "GOV"), ("Volodymyr Zelenskyy", "UKR", "GOV"),
          ("Friedrich Merz", "DEU", "GOV"), ("Emmanuel Macron", "FRA", "GOV"), ("Xi Jinping", "CHN", "GOV"),
          ("NATO", "IGO", "MIL"), ("Hamas", "PSE", "REB"), ("Israeli army", "ISR", "MIL"), ("Russian forces", "RUS", "MIL"),
          ("Ukrainian army", "UKR", "MIL"), ("European Union", "IGO", "GOV"), ("Kremlin", "RUS", "GOV"),
          ("Pentagon", "USA", "MIL"), ("Iran", "IRN", None), ("protesters", None, "CVL")]
ACTORS += [(f"Minister {i}", "XXX", "GOV") for i in range(200)]
PLACES = [("Kyiv", 50.45, 30.52, "UA"), ("Kharkiv", 49.98, 36.25, "UA"), ("Moscow", 55.75, 37.62, "RU"),
          ("Berlin", 52.52, 13.41, "DE"), ("Gaza", 31.5, 34.47, "PS"), ("Tehran", 35.69, 51.42, "IR"),
          ("Washington", 38.9, -77.04, "US"), ("Brussels", 50.85, 4.35, "BE"), ("Beijing", 39.9, 116.4, "CN")]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
VERBS = {"ASSAULT": "attacked", "CONSULT": "met", "THREATEN": "threatened", "ACCUSE": "accused", "AID": "sent drones to"}
MODALITIES = ["asserted"] * 6 + ["negated", "hypothetical", "planned", "uncertain", "question"]
SOURCES = [None, None, ("anonymous", "two officials familiar with the talks", 2), ("person", "a spokesman", None),
           ("institution", "the ministry", None), ("social_media", "a post on X", None)]


#: a share of the events re-report one of these stories (type, actor, recipient, day, modality), popular ones
#: far more often (index ~ u**3), so the store has clusters of every size, as many outlets reporting one event
STORY_SHARE = 0.4
STORIES = [(rng.choice(TYPES), *rng.sample(ACTORS, 2), dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1000)),
            rng.choice(MODALITIES)) for rng in [random.Random(9)] for _ in range(3000)]


def synthetic_article(i: int, rng: random.Random, n_events: int) -> Article:
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1000))
    text, entities, times, attrs, events, places = "", {}, [], [], [], {}
    language = "de" if i % 3 == 0 else "en"

    def entity(name: str, country: str | None, sector: str | None, start: int) -> str:
        eid = entities.setdefault(name, Entity(id=f"e{len(entities) + 1}", name=name, type="ORG",
                                               actor=Actor(country=country, sector=sector) if country or sector else None)).id
        entities[name].mentions.append(Mention(start=start, end=start + len(name), text=name))
        return eid

    for k in range(n_events):
        story = STORIES[int(len(STORIES) * rng.random() ** 3)] if rng.random() < STORY_SHARE else None
        typ = story[0] if story else rng.choice(TYPES)
        a, r = story[1:3] if story else rng.sample(ACTORS, 2)
        place = rng.choice(PLACES) if rng.random() < 0.6 else None
        date = story[3] if story else published - dt.timedelta(days=rng.randrange(10))
        s0 = len(text)
        text += a[0] + " "
        aid = entity(*a, s0)
        verb = VERBS.get(typ, typ.lower() + "ed")
        trig = Span(start=len(text), end=len(text) + len(verb), text=verb)
        text += verb + " "
        rid = entity(*r, len(text))
        text += r[0]
        lid = None
        if place:
            text += " in "
            lid = entity(place[0], None, None, len(text))
            places[lid] = Place(entity=lid, name=place[0], lat=place[1], lon=place[2], country=place[3])
            text += place[0]
        text += " on "
        times.append(Time(start=len(text), end=len(text) + 10, text=date.isoformat(), value=date.isoformat()))
        text += date.isoformat()
        ev_end = len(text)
        src = rng.choice(SOURCES)
        att = None
        if src:
            text += ", " + src[1]
            att = f"a{len(attrs) + 1}"
            attrs.append(Attribution(id=att, form="indirect", content=Span(start=s0, end=ev_end),
                                     source=AttributionSource(kind=src[0], text=src[1], count=src[2],
                                                              start=len(text) - len(src[1]), end=len(text))))
            text += " said"
        text += ". "
        dated = rng.random() < 0.85
        modality = story[4] if story else rng.choice(MODALITIES)
        events.append(Event(id=f"v{k + 1}", type=typ, actor=[aid], recipient=[rid], location=lid,
                            date=date.isoformat() if dated else None, modality=modality,
                            attribution=att, evidence=Evidence(start=s0, end=ev_end), trigger=trig,
                            confidence=round(rng.random(), 2)))
    return Article(id=f"syn-{i:06d}", language=language, published=published.isoformat(), text=text,
                   source=SourceInfo(title=f"Synthetic article {i}"), entities=list(entities.values()),
                   places=list(places.values()), times=times, attributions=attrs, events=events)


def build(path: Path, n_events: int, per_article: int = 10) -> tuple[float, float, dict]:
    rng = random.Random(8)
    t0 = time.perf_counter()
    with Store(path) as store:
        batch = []
        for i in range(n_events // per_article):
            batch.append(synthetic_article(i, rng, per_article))
            if len(batch) == 1000:
                store.ingest(batch)
                batch = []
        store.ingest(batch)
        assert store.counts()["events"] == n_events
        t1 = time.perf_counter()
        merged = store.merge()  # as `lagebild ingest` does: clusters of the same event across articles
    return t1 - t0, time.perf_counter() - t1, merged


CASES = [
    ("no filter, newest first", {}),
    ("type=ASSAULT", {"type": "ASSAULT"}),
    ("asserted_only, 2 types, one month", {"asserted_only": 1, "type": ["CONSULT", "AGREE"],
                                           "date_from": "2024-03-01", "date_to": "2024-03-31"}),
    ("actor substring 'putin'", {"actor": "putin"}),
    ("free text q='drones'", {"q": "drones"}),
    ("anonymous, de, by confidence", {"source_kind": "anonymous", "language": "de", "sort": "-confidence"}),
    ("entity exact + year", {"entity": "Donald Trump", "date_from": "2024-01-01", "date_to": "2024-12-31"}),
    ("place=Kyiv, modality planned", {"place": "Kyiv", "modality": "planned"}),
    ("deep page offset=20000", {"offset": 20000, "sort": "date"}),
    ("no total (count skipped)", {"total": "false", "type": "SANCTION"}),
    ("distinct=true, no filter", {"distinct": "true"}),
    ("distinct=true, asserted, by confidence", {"distinct": "true", "asserted_only": 1, "sort": "-confidence"}),
    ("distinct=true, actor 'putin'", {"distinct": "true", "actor": "putin"}),
    ("distinct=true, offset=20000", {"distinct": "true", "offset": 20000, "sort": "date"}),
    ("cluster=<one of the biggest>", {"cluster": None}),
]
OTHERS = [
    ("/api/facets (filtered)", "/api/facets", {"type": "ASSAULT"}),
    ("/api/timeline", "/api/timeline", {}),
    ("/api/network (asserted)", "/api/network", {"asserted_only": 1}),
    ("/api/map", "/api/map", {}),
    ("page / (HTML, 25 cards)", "/", {"type": "ASSAULT"}),
    ("/api/facets (distinct)", "/api/facets", {"distinct": "true"}),
    ("/api/timeline (distinct)", "/api/timeline", {"distinct": "true"}),
    ("page /?distinct=1 (HTML)", "/", {"type": "ASSAULT", "distinct": 1}),
    ("one event with its reports", "/api/events/{biggest}", {}),
]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs)) - 1))]


def measure(client, url: str, params: dict, runs: int) -> tuple[float, float, int]:  # noqa: ANN001
    for _ in range(5):
        r = client.get(url, params=params)
        assert r.status_code == 200, r.text
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get(url, params=params)
        times.append((time.perf_counter() - t0) * 1000)
    total = r.json().get("total") if url.startswith("/api/events") else None
    return pct(times, 50), pct(times, 99), total


def load(path: Path, cases: list[tuple[str, dict]], others: list[tuple[str, str, dict]], clients: int,
         requests: int) -> float:
    """The real server under ``clients`` concurrent clients; returns p99 in ms."""
    import socket
    import subprocess
    import threading

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = str(Path(sys.executable).parent / "lagebild")
    server = subprocess.Popen([exe, "serve", "--db", str(path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        else:
            raise SystemExit("the server did not start")
        work = [("/api/events", p) for _, p in cases] + [(u, p) for _, u, p in others]
        times: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        per_kind: dict[int, list[float]] = {}

        def client(k: int) -> None:
            with httpx.Client(base_url=base, timeout=10) as c:
                mine, bad = [], []
                for i in range(requests):
                    kind = (i + k * 7) % len(work)
                    url, params = work[kind]
                    t0 = time.perf_counter()
                    try:
                        r = c.get(url, params=params)
                        if r.status_code != 200:
                            bad.append(f"{url} {params}: HTTP {r.status_code}")
                    except httpx.HTTPError as err:
                        bad.append(f"{url} {params}: {err!r}")
                    mine.append((time.perf_counter() - t0) * 1000)
                    per_kind.setdefault(kind, []).append(mine[-1])
                with lock:
                    times.extend(mine)
                    errors.extend(bad)

        for url, params in work:  # warm up once: the first aggregate answers are remembered after that
            httpx.get(base + url, params=params, timeout=60)
        t0 = time.perf_counter()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=30)
    p99 = pct(times, 99)
    print(f"\nunder load: `lagebild serve` on 127.0.0.1, {clients} concurrent clients x {requests} requests "
          f"({len(times)} in {wall:.1f} s, {len(times) / wall:.0f} per s), {len(work)} request kinds")
    print(f"p50 {pct(times, 50):.1f} ms   p95 {pct(times, 95):.1f} ms   p99 {p99:.1f} ms   max {max(times):.1f} ms   "
          f"errors {len(errors)}")
    slow = sorted(per_kind.items(), key=lambda kv: -pct(kv[1], 99))[:5]
    print("slowest kinds (p99 ms): " + "; ".join(f"{work[k][0]} {work[k][1]}: {pct(v, 99):.0f}" for k, v in slow))
    for e in errors[:20]:
        print("  error:", e)
    verdict = "meets" if p99 < 200 and not errors else "MISSES"
    print(f"p99 under load {p99:.1f} ms, {len(errors)} errors ({verdict} the target: p99 < 200 ms, 0 errors)")
    return p99


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--db", type=Path, help="Keep the synthetic store here (reused when it exists).")
    ap.add_argument("--load", action="store_true", help="Only the load test: concurrent clients on the real server.")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--requests", type=int, default=400, help="Requests per client.")
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        if path.exists():
            print(f"store: reusing {path}")
        else:
            secs, msecs, merged = build(path, args.events)
            size = path.stat().st_size / 1e6
            print(f"store: {args.events:,} events in {args.events // 10:,} articles, built in {secs:.1f} s, {size:.0f} MB; "
                  f"merged into {merged['clusters']:,} clusters in {msecs:.1f} s")
        with Store(path, read_only=True) as store:
            biggest = store.con.execute(
                "SELECT cluster_id, count(*) n, any_value(article_id || '/' || id) FROM events "
                "WHERE cluster_id IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1").fetchone()
            multi = store.con.execute("SELECT count(*), coalesce(sum(n), 0) FROM (SELECT count(*) n FROM events "
                                      "GROUP BY cluster_id HAVING count(*) > 1)").fetchone()
        print(f"clusters of more than one report: {multi[0]:,} ({multi[1]:,} events); biggest: {biggest[1] if biggest else 0}")
        cases = [(n, {**p, "cluster": biggest[0] if biggest else "none"} if "cluster" in p else p) for n, p in CASES]
        others = [(n, u.replace("{biggest}", biggest[2] if biggest else "none/v1"), p) for n, u, p in OTHERS]
        if args.load:
            load(path, cases, others, args.clients, args.requests)
            return 0
        with TestClient(create_app(path, memo_size=0)) as client:  # nothing remembered: every request works
            print(f"\nGET /api/events (limit 50, with total unless said), {args.runs} runs each, ms")
            print(f"{'filters':<38} {'matches':>8} {'p50':>7} {'p99':>7}")
            worst = 0.0
            for name, params in cases:
                p50, p99, total = measure(client, "/api/events", params, args.runs)
                worst = max(worst, p99)
                print(f"{name:<38} {total if total is not None else '-':>8} {p50:7.1f} {p99:7.1f}")
            print(f"\nother endpoints, {args.runs // 4} runs each, ms")
            for name, url, params in others:
                p50, p99, _ = measure(client, url, params, max(20, args.runs // 4))
                print(f"{name:<38} {'':>8} {p50:7.1f} {p99:7.1f}")
    verdict = "meets" if worst < 200 else "MISSES"
    print(f"\nworst p99 of the events query: {worst:.1f} ms ({verdict} the 200 ms target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
