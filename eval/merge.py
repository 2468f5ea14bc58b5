"""Merged events, stories and contradiction flags against the gold of eval/merge_gold.json.

The documents (eval/merge_docs.tsv): PolNeAR articles of seven outlets on the same
matters of the 2016 campaign (the FBI decision not to charge Clinton, Trump and Justice
Ginsburg, Clinton's health, the aides' immunity deals, Trump's taxes) and German
Wikinews articles that follow one story over days (Gaza 2008/09, Libya 2011,
Fukushima 2011). They are analysed by the pipeline (cached, see _merge_docs.py),
ingested into a fresh store and merged by ``Store.merge`` as ``lagebild ingest`` does.

The gold names reports as [article id, character offset of the trigger]; every report the
pipeline finds is scored: those the gold groups into a merged event are that event,
those it lists as ``excluded`` (no event: extraction noise) are left out, all others are
events of their own. Stories: a report's gold story is its merged event's, else the one
the gold names for it, else its article's. Printed per split: ``tune`` (the documents the
weights were set on) and ``test`` (untouched while tuning).

- merged events: pairwise and B-cubed precision/recall/F1 over reports;
- stories: the same, a report's system story being its merged event's story;
- flags: precision (a flag is right when the gold has a flag of its kind with a report
  of each side), and how many gold flags were found.

``--errors [tune|test] [-v]``: the pairwise errors of the merged events on one split (tune by
default), false and missed merges counted by cause (same article, type, modality, date
precision, actor shared/missing/without QID, trigger family, blocking, the pair's own score).
"""
from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import data_dir, prf, run_main, table  # noqa: E402
from _merge_docs import analysed, documents  # noqa: E402

GOLD = HERE / "merge_gold.json"


def pairwise(gold: dict, system: dict) -> tuple[float, float, float]:
    items = sorted(gold)
    g = {p for p in combinations(items, 2) if gold[p[0]] == gold[p[1]]}
    s = {p for p in combinations(items, 2) if system[p[0]] == system[p[1]]}
    return prf(len(g & s), len(s), len(g))


def bcubed(gold: dict, system: dict) -> tuple[float, float, float]:
    gc, sc = defaultdict(set), defaultdict(set)
    for x in gold:
        gc[gold[x]].add(x)
        sc[system[x]].add(x)
    if not gold:
        return 0.0, 0.0, 0.0
    p = sum(len(gc[gold[x]] & sc[system[x]]) / len(sc[system[x]]) for x in gold) / len(gold)
    r = sum(len(gc[gold[x]] & sc[system[x]]) / len(gc[gold[x]]) for x in gold) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_maps(gold: dict) -> tuple[dict, dict, set]:
    event, story = {}, {}
    for eid, e in gold["events"].items():
        for a, o in e["reports"]:
            event[(a, o)] = eid
            if e["story"]:
                story[(a, o)] = e["story"]
    for sid, reports in gold["stories"].items():
        for a, o in reports:
            story.setdefault((a, o), sid)
    return event, story, {(a, o) for a, o in gold["excluded"]}


def merged_store(articles: list, path: Path):  # noqa: ANN201
    from lagebild.store import Store

    store = Store(path)
    # one article at a time, in publication order: the way a feed arrives (and the incremental path)
    for a in sorted(articles, key=lambda a: (a.published or "", a.id)):
        store.ingest([a])
        store.merge()
    return store


def evaluate(verbose: bool = False) -> dict[str, float] | None:
    data = data_dir(".")
    if data is None:
        return None
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    split = {d.id: d.split for d in documents()}
    articles = analysed(data)
    g_event, g_story, excluded = gold_maps(gold)
    with tempfile.TemporaryDirectory() as tmp:
        store = merged_store(articles, Path(tmp) / "merge.duckdb")
        try:
            rows = store.con.execute(
                "SELECT e.article_id, e.id, e.cluster_id, m.story_id FROM events e "
                "LEFT JOIN merged_events m ON m.id = e.cluster_id").fetchall()
            flag_rows = store.con.execute("SELECT id, side, kind, article_id, event_id FROM flags").fetchall()
        finally:
            store.close()
    trigger = {(a.id, v.id): (a.id, v.trigger.start if v.trigger else v.evidence.start) for a in articles for v in a.events}
    out: dict[str, float] = {}
    for part in ("tune", "test", "all"):
        reports = {trigger[(a, e)]: (c, s) for a, e, c, s in rows
                   if trigger[(a, e)] not in excluded and (part == "all" or split[a] == part)}
        ge = {k: g_event.get(k, f"single:{k}") for k in reports}
        se = {k: reports[k][0] for k in reports}
        gs = {k: g_story.get(k) or gold["articles"][k[0]]["story"] for k in reports}
        ss = {k: reports[k][1] or f"none:{k}" for k in reports}
        for name, (p, r, f) in (("event_pair", pairwise(ge, se)), ("event_b3", bcubed(ge, se)),
                                ("story_pair", pairwise(gs, ss)), ("story_b3", bcubed(gs, ss))):
            out[f"{part}_{name}_p"], out[f"{part}_{name}_r"], out[f"{part}_{name}_f1"] = p, r, f
        sides: dict[str, dict] = defaultdict(lambda: {"a": set(), "b": set()})
        kinds = {}
        for fid, side, kind, a, e in flag_rows:
            if part == "all" or split[a] == part:
                sides[fid][side].add(trigger[(a, e)])
                kinds[fid] = kind
        right, found = 0, set()
        for fid, s in sides.items():
            for i, gf in enumerate(gold["flags"]):
                ga, gb = {tuple(x) for x in gf["a"]}, {tuple(x) for x in gf["b"]}
                if gf["kind"] == kinds[fid] and ((s["a"] & ga and s["b"] & gb) or (s["a"] & gb and s["b"] & ga)):
                    right += 1
                    found.add(i)
                    break
            else:
                if verbose:
                    print("wrong flag:", kinds[fid], sorted(s["a"]), sorted(s["b"]))
        n_gold = sum(1 for gf in gold["flags"] if part == "all" or split[gf["a"][0][0]] == part)
        out[f"{part}_flag_precision"] = right / len(sides) if sides else 1.0
        out[f"{part}_flags"] = float(len(sides))
        out[f"{part}_gold_flags_found"] = float(len(found))
        out[f"{part}_gold_flags"] = float(n_gold)
        out[f"{part}_reports"] = float(len(reports))
    out["event_pair_f1"] = out["all_event_pair_f1"]
    out["story_b3_f1"] = out["all_story_b3_f1"]
    out["flag_precision"] = out["all_flag_precision"]
    return out


def causes(a, b) -> list[str]:  # noqa: ANN001 - two lagebild.merge.Report
    """What a pair of reports has in common or not, by category: where the same-event decision can go wrong."""
    from lagebild.merge.decide import RELATED_TYPES, THRESHOLD, block_keys, score

    out = ["same article" if a.article_id == b.article_id else "two articles"]
    if a.type != b.type:
        out.append("type: related" if frozenset((a.type, b.type)) in RELATED_TYPES else "type: unrelated")
    if a.modality != b.modality:
        out.append("modality differs")
    if a.precision_days is None or b.precision_days is None:
        out.append("date: undated")
    elif a.precision_days == 1 and b.precision_days == 1:
        gap = abs((a.start - b.start).days)
        out.append("date: same day" if not gap else "date: a day apart" if gap == 1 else "date: days apart")
    else:
        out.append("date: coarse")
    if a.actors & b.actors:
        out.append("actor: shared")
    elif not (a.actors and b.actors):
        out.append("actor: missing")
    else:
        out.append("actor: disjoint")
    if any(k and not k[0] == "Q" for k in a.actors | b.actors):
        out.append("actor: QID missing")
    out.append("trigger family: same" if a.family and a.family == b.family else "trigger family: differs")
    if not block_keys(a) & block_keys(b):
        out.append("no blocking key shared")
    # a false merge under the threshold was made by a chain of other reports
    out.append("score: at or over the threshold" if score(a, b) >= THRESHOLD else "score: under the threshold")
    return out


def errors(part: str = "tune", verbose: bool = False) -> dict[str, Counter]:
    """Pairwise errors of the merged events on one split, counted by cause (:func:`causes`): ``false`` (merged,
    the gold has two events) and ``missed`` (the gold has one event, the system two)."""
    from lagebild.merge.reports import SELECT, from_row

    data = data_dir(".")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    split = {d.id: d.split for d in documents()}
    articles = analysed(data)
    g_event, _, excluded = gold_maps(gold)
    trigger = {(a.id, v.id): (a.id, v.trigger.start if v.trigger else v.evidence.start) for a in articles for v in a.events}
    with tempfile.TemporaryDirectory() as tmp:
        store = merged_store(articles, Path(tmp) / "merge.duckdb")
        try:
            rows = store.con.execute(f"SELECT e.cluster_id, {SELECT} FROM events e JOIN articles a ON a.id = e.article_id").fetchall()
        finally:
            store.close()
    reports = {}
    for row in rows:
        r = from_row(row[1:])
        key = trigger[(r.article_id, r.event_id)]
        if key not in excluded and split[r.article_id] == part:
            reports[key] = (r, row[0])
    out = {"false": Counter(), "missed": Counter()}
    for x, y in combinations(sorted(reports), 2):
        (a, ca), (b, cb) = reports[x], reports[y]
        same_gold = x in g_event and g_event.get(x) == g_event.get(y)
        if same_gold == (ca == cb):
            continue
        kind = "missed" if same_gold else "false"
        why = causes(a, b)
        out[kind][""] += 1
        out[kind].update(why)
        if verbose:
            print(kind, why, *(f"\n    {r.article_id[:32]} {r.type} {r.modality} {sorted(r.actors)} {r.start}: {r.evidence[:90]!r}"
                                for r in (a, b)))
    return out


def main(argv: list[str]) -> int:
    if "--errors" in argv:
        part = "test" if "test" in argv else "tune"
        for kind, counts in errors(part, verbose="-v" in argv).items():
            print(f"{kind} merges ({part}): {counts.pop('', 0)} pairs")
            print(table([[k, n] for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))], ["cause", "pairs"]))
        return 0
    got = evaluate(verbose="-v" in argv)
    if got is None:
        return 0
    rows = []
    for part in ("tune", "test", "all"):
        for name in ("event_pair", "event_b3", "story_pair", "story_b3"):
            rows.append([part, name, got[f"{part}_{name}_p"], got[f"{part}_{name}_r"], got[f"{part}_{name}_f1"]])
    print(table(rows, ["split", "measure", "P", "R", "F1"]))
    print()
    print(table([[p, int(got[f"{p}_reports"]), int(got[f"{p}_flags"]), got[f"{p}_flag_precision"],
                  f"{int(got[f'{p}_gold_flags_found'])}/{int(got[f'{p}_gold_flags'])}"] for p in ("tune", "test", "all")],
                ["split", "reports", "flags", "flag precision", "gold flags found"]))
    return 0


if __name__ == "__main__":
    run_main(lambda: main(sys.argv[1:]))
