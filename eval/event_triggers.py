"""Trigger lexicon alone, before any decision: how many gold event triggers of the events-dev
readings does the lexicon propose, and how many of its candidates are gold triggers?

For each gold event (optional ones included) the gold ``trigger`` is located inside its
``evidence`` in the text; it counts as *found* when a trigger candidate of the events
component (lang/<code>/events.json merged with event_lexicon.json, or the curated file alone
with --curated-only) has a token inside it, and *typed* when that candidate's type is one of
the gold ``types``. Candidate precision: candidates whose token lies in some gold trigger, of
all candidates. This measures the lexicon, not the events stage (which then decides).

Usage: .venv/bin/python eval/event_triggers.py --gold FILE.gold.json ... [--curated-only] [--show]
(--show lists missed gold triggers; use it only on readings you may look at)
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _candidates(nlp, text: str, curated_only: bool):
    from lagebild.events.lexicon import compile_lexicon
    from lagebild.events.triggers import TriggerFinder, clauses
    from lagebild.lang import LanguageData

    comp = nlp.get_pipe("lagebild_events")
    lex, finder = comp.lex, comp.triggers
    if curated_only:
        lang = LanguageData(nlp.lang)
        lex = compile_lexicon(lang.json("events"), lang.json("grammar"), lang.syntax)
        finder = TriggerFinder(lex)
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        cl = clauses(sent, lex)
        if cl:
            for t in finder.find(sent, cl, True, True, True):
                out.append((min(x.idx for x in [t.token, *t.tokens]),
                            max(x.idx + len(x) for x in [t.token, *t.tokens]), t.type))
    return out


def evaluate(golds: list[Path], curated_only: bool, show: bool) -> dict:
    from lagebild.nlp.loader import build_nlp
    from lagebild.settings import Settings

    nlps: dict = {}
    gold_n = found = typed = cands = cand_hit = 0
    missed = []
    for g in golds:
        data = json.loads(g.read_text(encoding="utf-8"))
        text = (g.parent / data["doc"]).read_text(encoding="utf-8")
        lang = data["language"]
        if lang not in nlps:
            nlps[lang] = build_nlp(lang, Settings())
        cs = _candidates(nlps[lang], text, curated_only)
        spans = []
        for ev in data["events"]:
            ev_at = text.find(ev["evidence"])
            t_at = text.find(ev["trigger"], max(ev_at, 0)) if ev.get("trigger") else -1
            if t_at < 0:
                continue
            span = (t_at, t_at + len(ev["trigger"]))
            spans.append(span)
            gold_n += 1
            inside = [c for c in cs if c[0] < span[1] and span[0] < c[1]]
            found += bool(inside)
            ok = any(c[2] in ev["types"] for c in inside)
            typed += ok
            if not ok:
                missed.append((g.name[:30], ev["types"], ev["trigger"], [c[2] for c in inside]))
        cands += len(cs)
        cand_hit += sum(any(c[0] < s[1] and s[0] < c[1] for s in spans) for c in cs)
    if show:
        for m in missed:
            print("  missed", *m)
    return {"gold_triggers": gold_n, "found": round(found / max(gold_n, 1), 3),
            "typed": round(typed / max(gold_n, 1), 3), "candidates": cands,
            "candidate_precision": round(cand_hit / max(cands, 1), 3)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", nargs="+", type=Path, required=True)
    ap.add_argument("--curated-only", action="store_true")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    absent = [str(g) for g in args.gold if not g.is_file()]
    if absent:
        sys.stderr.write(f"ERROR: readings not found (../shared/data/events-dev absent?): {', '.join(absent)}\n")
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    res = evaluate(args.gold, args.curated_only, args.show)
    print(("curated events.json only" if args.curated_only else "events.json + event_lexicon.json") + ": "
          + " ".join(f"{k}={v}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
