"""Events on exhaustive readings (``../shared/data/events-dev``): precision, recall, F1 per language
and per half, with the shared scorer's own definitions (``events-dev/score.py`` is imported, not copied).

The split is fixed (decided before any change to the events stage, issue #14): the articles of each
language, sorted by file name, alternate between

* half **A** (positions 1, 3, 5, 7): the half rules and lexicon entries may be written while looking at;
* half **B** (positions 2, 4, 6, 8): **untouched** -- only ever scored, never read or printed event by
  event. A change is kept only if half B agrees.

Printed per half and language: predicted, required, type precision, full precision, type recall,
full recall, F1 (full), duplicates, false assertions (and false assertions per ten articles), then the
confidence calibration table over all predictions (a prediction is right when it matches a gold event
with type, evidence, actor and modality, as the scorer's full precision counts it).

Usage: .venv/bin/python eval/events.py [--verbose A]   (--verbose only for half A)
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import data_dir, table  # noqa: E402

BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def split(paths: list[Path]) -> dict[str, list[Path]]:
    """Half A / half B by alternating positions per language (sorted file names)."""
    halves: dict[str, list[Path]] = {"A": [], "B": []}
    for lang in sorted({p.name.split("-", 1)[0] for p in paths}):
        mine = sorted(p for p in paths if p.name.startswith(lang + "-"))
        for i, p in enumerate(mine):
            halves["A" if i % 2 == 0 else "B"].append(p)
    return halves


def _scorer(folder: Path):
    spec = importlib.util.spec_from_file_location("events_dev_score", folder / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _records(golds: list[tuple[Path, dict]], settings=None) -> dict[str, dict]:  # noqa: ANN001
    import lagebild
    from lagebild.read import RawArticle

    pipe = lagebild.Pipeline(settings or lagebild.Settings())
    arts = []
    for path, g in golds:
        text = (path.parent / g["doc"]).read_text(encoding="utf-8")
        arts.append(RawArticle(id=g["doc"], text=text, published=dt.date.fromisoformat(g["published"]) if g.get("published") else None,
                               language=g.get("language")))
    out = {}
    for art in pipe.analyze_many(arts):
        out[art.id] = json.loads(art.model_dump_json())
    return out


def _figures(t: dict) -> dict:
    pt = t["match"] / t["pred"] if t["pred"] else 0.0
    pf = t["full"] / t["pred"] if t["pred"] else 0.0
    rt = t["rec_type"] / t["required"] if t["required"] else 0.0
    rf = t["rec_full"] / t["required"] if t["required"] else 0.0
    f1 = 2 * pf * rf / (pf + rf) if pf + rf else 0.0
    return dict(predicted=t["pred"], required=t["required"], precision_type=pt, precision_full=pf,
                recall_type=rt, recall_full=rf, f1=f1, duplicates=t["dup"],
                false_assertions=t["false_assert"], false_per_10=10 * t["false_assert"] / max(t["docs"], 1))


def evaluate(verbose: str | None = None) -> dict | None:
    folder = data_dir("events-dev")
    if folder is None:
        return None
    sc = _scorer(folder)
    golds = sc.load_golds([str(folder)])
    halves = split([p for p, _ in golds])
    recs = _records(golds)
    by_path = dict(golds)
    rows, out, calib = [], {}, []
    for half, paths in halves.items():
        per_lang: dict[str, dict] = {}
        for path in paths:
            g = by_path[path]
            text = (path.parent / g["doc"]).read_text(encoding="utf-8")
            rec = recs.get(g["doc"], {})
            show = verbose == half == "A"
            if show:
                print(f"=== {g['doc']}")
            n = sc.score_doc(g, rec, text, show)
            for bucket in (per_lang.setdefault(g["language"], {}), per_lang.setdefault("all", {})):
                for k, v in n.items():
                    bucket[k] = bucket.get(k, 0) + v
                bucket["docs"] = bucket.get("docs", 0) + 1
            for ev in rec.get("events", []):  # calibration: each prediction scored alone
                alone = sc.score_doc(g, {**rec, "events": [ev]}, text)
                calib.append((ev.get("confidence") or 0.0, alone["full"] == 1))
        for lang, t in sorted(per_lang.items()):
            f = _figures(t)
            rows.append([half, lang, f["predicted"], f["required"], f["precision_type"], f["precision_full"],
                         f["recall_type"], f["recall_full"], f["f1"], f["duplicates"], f["false_assertions"]])
            for k, v in f.items():
                out[f"{half}_{lang}_{k}"] = v
    print(__doc__.split("\n")[0])
    print(table(rows, ["half", "lang", "pred", "req", "P type", "P full", "R type", "R full", "F1",
                       "dup", "false"]))
    print("\ncalibration (all predictions): confidence bin, events, right, share right")
    crow = []
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [ok for c, ok in calib if lo <= c < hi]
        crow.append([f"[{lo:.1f}, {min(hi, 1.0):.1f})", len(inside), sum(inside),
                     sum(inside) / len(inside) if inside else 0.0])
    print(table(crow, ["confidence", "events", "right", "share"]))
    high = [ok for c, ok in calib if c >= 0.8]
    out["calibration_share_right_at_08"] = sum(high) / len(high) if high else 1.0
    out["calibration_n_at_08"] = len(high)
    print(f"\nconfidence >= 0.8: {len(high)} events, {out['calibration_share_right_at_08']:.2f} right (target >= 0.80)")
    return out


def main() -> int:
    verbose = sys.argv[sys.argv.index("--verbose") + 1] if "--verbose" in sys.argv else None
    if verbose == "B":
        print("half B is the untouched half: it is never shown event by event")
        return 2
    return 0 if evaluate(verbose) is not None else 0


if __name__ == "__main__":
    sys.exit(main())
