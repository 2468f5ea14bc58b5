"""Fit the event confidence model (``src/lagebild/data/event_confidence.json``).

Training data: the ENGLISH readings of half A of ``../shared/data/events-dev`` (VOA articles,
US public domain; readings written for this project: train + eval) and the PLOVER GSR dev half
(``../shared/data/plover-gsr``, CC BY-SA 4.0: train + eval; the other half stays held back). The German readings are
Wikinews (CC BY-NC-SA): never trained on. Half B stays untouched: ``eval/events.py`` reports
the calibration there.

Each event the pipeline reports (with every event kept: minimum confidence 0) is a sample;
its label is the shared scorer's notion of a right event (type, evidence, actor, modality).
A logistic regression (L2, plain gradient descent, fixed iterations: deterministic) maps the
decision features of :mod:`lagebild.events.decide` to the probability of being right.

Usage: .venv/bin/python scripts/fit_event_confidence.py [--dry-run]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
OUT = ROOT / "src" / "lagebild" / "data" / "event_confidence.json"
L2 = 0.5
STEPS = 4000
RATE = 0.1


def samples() -> tuple[np.ndarray, np.ndarray]:
    import events as E  # eval/events.py: the split and the scorer
    import lagebild
    from lagebild.events import component, decide

    folder = E.data_dir("events-dev")
    if folder is None:
        raise SystemExit("../shared/data/events-dev is needed to fit the confidence model")
    sc = E._scorer(folder)
    golds = sc.load_golds([str(folder)])
    half_a = set(E.split([p for p, _ in golds])["A"])
    train = [(p, g) for p, g in golds if p in half_a and g["language"] == "en"]
    seen: list[dict[str, float]] = []

    def recording(feats: dict[str, float]) -> float:  # the event's confidence names its features
        seen.append(feats)
        return (len(seen) - 1) / 1e6 + 0.5

    component.confidence = recording
    try:
        recs = E._records(train, lagebild.Settings(event_min_confidence=0.0))
    finally:
        component.confidence = decide.confidence
    xs, ys = [], []
    gsr = _gsr_samples(recording, seen)
    for path, g in train:
        rec = recs[g["doc"]]
        text = (path.parent / g["doc"]).read_text(encoding="utf-8")
        for ev in rec.get("events", []):
            k = round((ev["confidence"] - 0.5) * 1e6)
            alone = sc.score_doc(g, {**rec, "events": [ev]}, text)
            xs.append([seen[k].get(f, 0.0) for f in decide.FEATURES])
            ys.append(float(alone["full"] == 1))
    for feats, ok in gsr:
        xs.append([feats.get(f, 0.0) for f in decide.FEATURES])
        ys.append(float(ok))
    return np.array(xs), np.array(ys)


def _gsr_samples(recording, seen: list) -> list[tuple[dict, bool]]:  # noqa: ANN001
    """PLOVER GSR dev half (CC BY-SA): one gold event per sentence; a predicted event is right
    when its type, actor and recipient agree with the gold record (eval/plover_en.py's test)."""
    import plover_en as P
    import lagebild
    from lagebild.events import component, decide
    from lagebild.nlp import loader

    if not P.DATA.exists():
        raise SystemExit(f"{P.DATA} is needed to fit the confidence model")
    records = [r for r in json.loads(P.DATA.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    component.confidence = recording
    try:
        nlp = loader.build_nlp("en", lagebild.Settings(event_min_confidence=0.0))
        docs = list(nlp.pipe(r["text"] for r in records))
    finally:
        component.confidence = decide.confidence
    out = []
    for r, doc in zip(records, docs):
        gold = P.OLD.get(r["event"], r["event"])
        ents = {e.id: e for e in (doc._.lb_entities or [])}
        src, tar = r.get("source") or [], r.get("target") or []
        for ev in doc._.lb_events or []:
            k = round((ev.confidence - 0.5) * 1e6)
            rc = P.agree(ev.recipient, tar, ents) if tar else not ev.recipient
            out.append((seen[k], ev.type == gold and P.agree(ev.actor, src, ents) and rc))
    return out


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + L2 * np.r_[0.0, w[1:]] / len(y)
        w -= RATE * grad * 10
    return w


def main() -> int:
    from lagebild.events import decide

    x, y = samples()
    w = fit(x, y)
    weights = {f: round(float(v), 4) for f, v in zip(decide.FEATURES, w)}
    print(f"{len(y)} events (English half A of events-dev, GSR dev), {int(y.sum())} right")
    for f, v in weights.items():
        print(f"  {f:14} {v:+.3f}")
    if "--dry-run" not in sys.argv:
        OUT.write_text(json.dumps({
            "_doc": "Logistic weights of the event confidence (lagebild/events/decide.py), fitted by "
                    "scripts/fit_event_confidence.py on the English readings of events-dev half A "
                    "(VOA, public domain) and the PLOVER GSR dev half (CC BY-SA 4.0); calibration on the "
                    "untouched half B: eval/events.py.",
            "samples": len(y), "right": int(y.sum()), "weights": weights,
        }, indent=1) + "\n", encoding="utf-8")
        print(f"written {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
