"""Score the pipeline on the seed article against its reference reading (gold.json).

Prints a table per section: entities (found, canonical name, type, actor code), times
(value, mod), attributions (form, source kind, count, entity, according_to), required
events (type, actor, date, modality; optional ones not counted) and every ``must_not``
violation. ``evaluate()`` returns the headline figures for the floors gate.

    .venv/bin/python eval/seed.py [--show]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, table  # noqa: E402

SEED = "000_d8b280992632ea56.txt"


def norm(s: str | None) -> str:
    return " ".join((s or "").lower().replace("-", " ").split())


def find_span(text: str, needle: str, near: int = 0) -> tuple[int, int] | None:
    i = text.find(needle, near)
    if i < 0:
        i = text.find(needle)
    return (i, i + len(needle)) if i >= 0 else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def actor_code(entity) -> str | None:  # noqa: ANN001
    if entity is None or entity.actor is None:
        return None
    return " ".join(x for x in (entity.actor.country, entity.actor.sector) if x)


def score_entities(article, gold) -> tuple[list[list], dict]:  # noqa: ANN001
    rows, ok = [], {"found": 0, "name": 0, "type": 0, "actor": 0, "all": 0}
    for g in gold["entities"]:
        mentions = {norm(m) for m in g["mentions"]}
        best = None
        for e in article.entities:
            hits = sum(norm(m.text) in mentions for m in e.mentions)
            if hits and (best is None or hits > best[0]):
                best = (hits, e)
        e = best[1] if best else None
        name_ok = e is not None and (norm(e.name) == norm(g["name"]) or (g.get("qid") and e.qid == g.get("qid")))
        type_ok = e is not None and e.type == g["type"]
        actor_ok = "actor" not in g or (e is not None and actor_code(e) == g["actor"])
        flags = [e is not None, name_ok, type_ok, actor_ok]
        for key, flag in zip(("found", "name", "type", "actor"), flags):
            ok[key] += bool(flag)
        ok["all"] += all(flags)
        rows.append([g["name"], "✓" if e else "✗", e.name if e else "-", e.type if e else "-",
                     actor_code(e) or "-", g.get("actor", "-"), "✓" if all(flags) else "✗"])
    return rows, ok


def score_times(article, gold) -> tuple[list[list], int]:  # noqa: ANN001
    rows, right = [], 0
    for g in gold["times"]:
        span = find_span(article.text, g["text"])
        t = next((t for t in article.times if span and overlaps((t.start, t.end), span)), None)
        good = t is not None and t.value == g["value"] and (t.mod or None) == g.get("mod") \
            and ("kind" not in g or t.kind == g["kind"])
        right += good
        rows.append([g["text"], g["value"] + (f" {g['mod']}" if g.get("mod") else ""),
                     (f"{t.value}" + (f" {t.mod}" if t.mod else "")) if t else "-", "✓" if good else "✗"])
    return rows, right


def score_attributions(article, gold) -> tuple[list[list], int]:  # noqa: ANN001
    names = {e.id: e.name for e in article.entities}
    by_id = {a.id: a for a in article.attributions}
    rows, right = [], 0
    for g in gold["attributions"]:
        ev = find_span(article.text, g["evidence"])
        cue = find_span(article.text[ev[0]:ev[1]], g["cue"].split()[-1]) if ev and g.get("cue") else None
        cue = (cue[0] + ev[0], cue[1] + ev[0]) if cue else None
        cands = [a for a in article.attributions if ev and (
            (cue and a.cue and overlaps((a.cue.start, a.cue.end), cue))
            or (not cue and a.content and overlaps((a.content.start, a.content.end), ev)))]
        if not cands and ev:  # the cue lies outside the evidence: match on the source span
            cands = [a for a in article.attributions if a.source.start is not None
                     and overlaps((a.source.start, a.source.end), ev)]
        if not cands and ev:  # a quote without its cue: match on the content
            cands = [a for a in article.attributions if a.content and overlaps((a.content.start, a.content.end), ev)]
        a = cands[0] if cands else None
        gs = g["source"]
        problems = []
        if a is None:
            problems.append("not found")
        else:
            if a.form != g["form"]:
                problems.append(f"form {a.form}")
            if a.source.kind != gs["kind"]:
                problems.append(f"kind {a.source.kind}")
            if gs.get("count") is not None and a.source.count != gs["count"]:
                problems.append(f"count {a.source.count}")
            if gs.get("entity") and norm(names.get(a.source.entity)) != norm(gs["entity"]):
                problems.append(f"entity {names.get(a.source.entity)}")
            if g.get("according_to"):
                parent = by_id.get(a.according_to) if a.according_to else None
                if parent is None or parent.source.kind != g["according_to"]["kind"]:
                    problems.append("according_to missing")
        right += not problems
        rows.append([g["evidence"][:50], g["form"], gs["kind"], gs.get("count", "") or "",
                     "✓" if not problems else "✗ " + ", ".join(problems)])
    return rows, right


def _names(article, ids) -> set[str]:  # noqa: ANN001
    by_id = {e.id: e for e in article.entities}
    return {norm(by_id[i].name) for i in ids if i in by_id}


def date_ok(pred: str | None, gold: str | None, lenient: bool) -> bool:
    if pred == gold:
        return True
    return lenient and pred is None


def score_events(article, gold) -> tuple[list[list], dict]:  # noqa: ANN001
    rows, ok = [], {"required": 0, "found": 0, "modality": 0, "full": 0}
    for g in gold["events"]:
        if g.get("optional"):
            continue
        ok["required"] += 1
        ev = find_span(article.text, g["evidence"])
        gold_actors = {norm(x) for x in g["actor"]}
        cands = [v for v in article.events if ev and overlaps((v.evidence.start, v.evidence.end), ev)
                 and v.type in g["types"]]
        lenient = "date_note" in g and "unresolved" in g["date_note"]

        def quality(v):  # noqa: ANN001, ANN202
            return (bool(_names(article, v.actor) & gold_actors), v.modality == g["modality"],
                    date_ok(v.date, g["date"], lenient))

        cands.sort(key=lambda v: quality(v), reverse=True)
        v = cands[0] if cands else None
        q = quality(v) if v else (False, False, False)
        found = v is not None and q[0]
        ok["found"] += found
        ok["modality"] += found and q[1]
        ok["full"] += all(q)
        rows.append([g["evidence"][:46], "/".join(g["types"]), ", ".join(g["actor"])[:24], g["date"] or "-",
                     g["modality"], (f"{v.type} {v.date or '-'} {v.modality}" if v else "-"),
                     "✓" if all(q) else ("~" if found else "✗")])
    return rows, ok


def must_not_violations(article, gold) -> list[str]:  # noqa: ANN001
    by_id = {e.id: e for e in article.entities}
    out = []
    for trap in gold["must_not"]:
        span = find_span(article.text, trap["evidence"])
        sent = next(((s, e) for s, e in article.sentences if span and s <= span[0] < e), span)
        actors = {norm(x) for x in trap.get("actor", [])}
        where = {norm(x) for x in trap.get("where", [])}
        for v in article.events:
            if v.type not in trap["types"] or v.modality != "asserted":
                continue
            if actors and not (_names(article, v.actor) & actors):
                continue
            targets = _names(article, v.recipient) | ({norm(by_id[v.location].name)} if v.location in by_id else set())
            ev_text = article.text[v.evidence.start:v.evidence.end]
            in_trap = sent is not None and overlaps((v.evidence.start, v.evidence.end), sent)
            if (where & targets) or in_trap or (trap.get("what") and trap["what"] in ev_text):
                out.append(f"{v.id} {v.type} {v.modality}: {ev_text[:80]!r} — {trap['why']}")
    return out


def analyse(seed_dir: Path):  # noqa: ANN201
    from lagebild import Pipeline
    from lagebild.read import read_file

    gold = json.loads((seed_dir / "gold.json").read_text(encoding="utf-8"))
    raw = next(read_file(seed_dir / SEED))
    article = Pipeline().analyze(raw.text, published=gold["published"], language=gold["language"])
    return article, gold


def evaluate() -> dict[str, float] | None:
    seed_dir = data_dir("seed")
    if seed_dir is None:
        return None
    article, gold = analyse(seed_dir)
    _, ent = score_entities(article, gold)
    _, times = score_times(article, gold)
    _, attrs = score_attributions(article, gold)
    _, evs = score_events(article, gold)
    return {
        "entities_right": ent["all"] / len(gold["entities"]),
        "times_right": times / len(gold["times"]),
        "attributions_right": attrs / len(gold["attributions"]),
        "events_found": evs["found"] / evs["required"],
        "events_modality": evs["modality"] / evs["required"],
        "events_full": evs["full"] / evs["required"],
        "must_not_violations": -len(must_not_violations(article, gold)),
    }


def main() -> int:
    seed_dir = data_dir("seed")
    if seed_dir is None:
        return 0
    article, gold = analyse(seed_dir)
    rows, ent = score_entities(article, gold)
    n = len(gold["entities"])
    print(table(rows, ["gold entity", "found", "our name", "type", "actor", "gold actor", "ok"]))
    print(f"entities: found {ent['found']}/{n}, name {ent['name']}/{n}, type {ent['type']}/{n}, "
          f"actor {ent['actor']}/{n}, all right {ent['all']}/{n}\n")
    rows, times = score_times(article, gold)
    print(table(rows, ["time", "gold value", "ours", "ok"]))
    print(f"times: {times}/{len(gold['times'])} right\n")
    rows, attrs = score_attributions(article, gold)
    print(table(rows, ["attribution evidence", "form", "kind", "count", "ok"]))
    print(f"attributions: {attrs}/{len(gold['attributions'])} right (form, source kind, count, entity, chain)\n")
    rows, evs = score_events(article, gold)
    print(table(rows, ["event evidence", "types", "actor", "date", "modality", "ours", "ok"]))
    r = evs["required"]
    print(f"required events: found (type+actor) {evs['found']}/{r}, with right modality {evs['modality']}/{r}, "
          f"all right (type, actor, date, modality) {evs['full']}/{r}")
    violations = must_not_violations(article, gold)
    print(f"must_not violations: {len(violations)}")
    for line in violations:
        print("  ✗", line)
    if "--show" in sys.argv:
        print(json.dumps([e.model_dump() for e in article.events], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
