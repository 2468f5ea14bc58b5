"""English attribution on PolNeAR (dev by default): source, cue and content spans.

Usage: .venv/bin/python eval/quotes_en.py [--split dev|train] [--skip N] [--limit N] [--show N]
            [--no-untouched]

(--skip N leaves out the first N articles, e.g. train articles 250-499 as a set not used
while writing rules: --split train --skip 250 --limit 250.)

Splits (issue 16): **dev is the working split** (errors may be read, ``--show``);
**train articles 250-499 are the untouched split** (scored, never read; ``--show`` is
refused there). Every run of dev prints the untouched slice beside it
(``--no-untouched`` skips it); the floors pin both (``train250_*`` for the untouched one).

One annotator's file per article (the first by name). Gold and predicted attributions
are paired one-to-one by character overlap of their content (greedy on overlap F1).
For each role (content, source, cue):
- overlap P/R/F1: a predicted span counts when it overlaps the gold span of the paired
  attribution (precision over predicted spans of that role, recall over gold spans);
- exact P/R/F1: the same with identical boundaries (ignoring surrounding punctuation);
- token P/R/F1: pooled over word tokens of the spans.
PolNeAR has no licence (local evaluation only); nothing of it is shipped.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes_de import DATA, Timed, make_nlp, prf  # noqa: E402

ROLES = ("content", "source", "cue")
_WORD = re.compile(r"\w+")


def read_ann(path: Path) -> list[dict]:
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 2:  # not a continuation line of a mention's text
            tid, info, _ = line.split("\t", 2)
            _, offs = info.split(" ", 1)
            spans[tid] = [tuple(int(x) for x in part.split()) for part in offs.split(";")]
        elif line.startswith("E") and "\t" in line:
            _, args = line.split("\t", 1)
            roles = dict(a.split(":", 1) for a in args.split())
            events.append(roles)
    out = []
    for ev in events:
        out.append({r: spans.get(ev.get(r.capitalize()), []) for r in ROLES})
    return out


def chars(spans) -> set[int]:
    return {k for s, e in spans for k in range(s, e)}


def words(text: str, spans) -> set[int]:
    out = set()
    for s, e in spans:
        out.update(m.start() + s for m in _WORD.finditer(text[s:e]))
    return out


def norm(text: str, spans) -> tuple:
    return tuple(sorted((text[s:e].strip(" \"'“”‘’.,;:"),) for s, e in spans))


def pred_of(doc) -> list[dict]:
    out = []
    for a in doc._.lb_attributions or []:
        def sp(x):
            if x is None or x.start is None:
                return []
            return [tuple(t) for t in x.spans] if x.spans else [(x.start, x.end)]
        out.append({"content": sp(a.content), "source": sp(a.source), "cue": sp(a.cue), "form": a.form})
    return outermost(out)


def outermost(preds: list[dict]) -> list[dict]:
    """PolNeAR's convention: an attribution whose cue lies inside the content of another
    one ("The senator said the governor announced new taxes": the announcement) is not
    annotated on its own. lagebild reports it, linked by ``according_to``; it is left out
    here by the pipeline's own test (``attributions.discourse.nested``)."""
    from lagebild.attributions.discourse import nested

    flags = nested([(p["cue"][0][0] if p["cue"] else None, p["content"]) for p in preds])
    return [p for p, inner in zip(preds, flags) if not inner]


def pair(gold, pred):
    cands = []
    for gi, g in enumerate(gold):
        gc = chars(g["content"]) or chars(g["cue"])
        for pi, p in enumerate(pred):
            pc = chars(p["content"]) or chars(p["cue"])
            both = len(gc & pc)
            if both:
                cands.append((2 * both / (len(gc) + len(pc)), gi, pi))
    cands.sort(reverse=True)
    ug, up, out = set(), set(), []
    for _, gi, pi in cands:
        if gi not in ug and pi not in up:
            ug.add(gi)
            up.add(pi)
            out.append((gi, pi))
    return out, [g for g in range(len(gold)) if g not in ug], [p for p in range(len(pred)) if p not in up]


UNTOUCHED = ("train", 250, 250)  # split, skip, limit: never read while writing rules


def evaluate(split: str = "dev", limit: int | None = None, show: int = 0, skip: int = 0,
             untouched: bool = True) -> dict | None:
    """Figures as fractions (0..1) for eval/floors.py; None when the data is absent."""
    folder = DATA / "polnear" / split
    if not folder.is_dir():
        print(f"data not found at {folder}; nothing to evaluate")
        return None
    nlp, kind = make_nlp("en")
    print("pipeline:", kind, nlp.pipe_names)
    out = _run(nlp, kind, split, limit, show, skip)
    usplit, uskip, ulimit = UNTOUCHED
    if untouched and (split, skip) != (usplit, uskip) and (DATA / "polnear" / usplit).is_dir():
        print(f"\n--- untouched split: polnear/{usplit} articles {uskip}-{uskip + ulimit - 1} (scored, never read) ---")
        other = _run(nlp, kind, usplit, ulimit, 0, uskip)
        keys = [k for k in out if k.endswith(("overlap_f1", "token_f1"))]
        out.update({f"train250_{k}": other[k] for k in keys})
        print(f"\n{'metric':22} {split + ' (working)':>16} {'train 250-499 (untouched)':>27}")
        for k in keys:
            print(f"{k:22} {100 * out[k]:16.1f} {100 * other[k]:27.1f}")
    return out


def _run(nlp, kind: str, split: str, limit: int | None, show: int, skip: int) -> dict:
    args = argparse.Namespace(split=split, limit=limit, show=0 if (split, skip) == UNTOUCHED[:2] else show)
    folder = DATA / "polnear" / split
    timed = Timed(nlp)
    anns: dict[str, Path] = {}
    for f in sorted((folder / "attributions").glob("*.ann")):
        art = f.name.rsplit("_", 1)[0]
        anns.setdefault(art, f)
    arts = sorted(anns)[skip:]
    arts = arts[: args.limit] if args.limit else arts
    ov = {r: [0, 0, 0] for r in ROLES}  # matched-pred, n-pred, matched-gold / n-gold kept separately
    ov_gold = {r: [0, 0] for r in ROLES}
    ex = {r: [0, 0, 0, 0] for r in ROLES}
    tok = {r: [0, 0, 0] for r in ROLES}
    n_gold = n_pred = n_pair = 0
    shown = 0
    for art in arts:
        text = (folder / "text" / f"{art}.txt").read_text(encoding="utf-8")
        gold = read_ann(anns[art])
        doc = timed(text)
        pred = pred_of(doc)
        n_gold += len(gold)
        n_pred += len(pred)
        pairs, miss, extra = pair(gold, pred)
        n_pair += len(pairs)
        for r in ROLES:
            ov[r][1] += sum(1 for p in pred if p[r])
            ov_gold[r][1] += sum(1 for g in gold if g[r])
            ex[r][1] += sum(1 for p in pred if p[r])
            ex[r][3] += sum(1 for g in gold if g[r])
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            for r in ROLES:
                if g[r] and p[r] and chars(g[r]) & chars(p[r]):
                    ov[r][0] += 1
                    ov_gold[r][0] += 1
                if g[r] and p[r] and norm(text, g[r]) == norm(text, p[r]):
                    ex[r][0] += 1
                    ex[r][2] += 1
        for r in ROLES:
            for gi, pi in pairs:
                gw, pw = words(text, gold[gi][r]), words(text, pred[pi][r])
                tok[r][0] += len(gw & pw)
                tok[r][1] += len(pw - gw)
                tok[r][2] += len(gw - pw)
            for gi in miss:
                tok[r][2] += len(words(text, gold[gi][r]))
            for pi in extra:
                tok[r][1] += len(words(text, pred[pi][r]))
        if args.show and shown < args.show:
            for gi in miss[:2]:
                g = gold[gi]
                print("MISS", "|", " ".join(text[s:e] for s, e in g["source"]), "|",
                      " ".join(text[s:e] for s, e in g["cue"]), "|", " ".join(text[s:e] for s, e in g["content"])[:140])
                shown += 1
            for pi in extra[:2]:
                p = pred[pi]
                print("FP  ", p["form"], "|", " ".join(text[s:e] for s, e in p["source"]), "|",
                      " ".join(text[s:e] for s, e in p["cue"]), "|", " ".join(text[s:e] for s, e in p["content"])[:140])
                shown += 1
    print(f"\npolnear/{args.split}: {len(arts)} articles, gold {n_gold}, predicted {n_pred}, paired {n_pair}")
    print(f"{'role':8} {'overlap P/R/F1':>22} {'exact P/R/F1':>22} {'token P/R/F1':>22}")
    res = {}
    for r in ROLES:
        op = ov[r][0] / ov[r][1] if ov[r][1] else 0.0
        orr = ov_gold[r][0] / ov_gold[r][1] if ov_gold[r][1] else 0.0
        of = 2 * op * orr / (op + orr) if op + orr else 0.0
        ep = ex[r][0] / ex[r][1] if ex[r][1] else 0.0
        er = ex[r][2] / ex[r][3] if ex[r][3] else 0.0
        ef = 2 * ep * er / (ep + er) if ep + er else 0.0
        tp, tr, tf = prf(*tok[r])
        res[f"{r}_overlap_f1"] = round(100 * of, 1)
        res[f"{r}_exact_f1"] = round(100 * ef, 1)
        res[f"{r}_token_f1"] = round(100 * tf, 1)
        print(f"{r:8} {100*op:6.1f}/{100*orr:5.1f}/{100*of:5.1f}    {100*ep:6.1f}/{100*er:5.1f}/{100*ef:5.1f}"
              f"    {100*tp:6.1f}/{100*tr:5.1f}/{100*tf:5.1f}")
    share = timed.share()
    print(f"\nattribution share of pipeline time: {100*share:.1f}% "
          f"({timed.times['lagebild_attributions']:.2f}s of {sum(timed.times.values()):.2f}s; pipeline: {kind})")
    out = {k: v / 100 for k, v in res.items()}
    out["time_share"] = share
    print(json.dumps({k: round(v, 4) for k, v in out.items()}))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--no-untouched", action="store_true", help="do not score train 250-499")
    args = ap.parse_args()
    evaluate(args.split, args.limit, args.show, args.skip, not args.no_untouched)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
