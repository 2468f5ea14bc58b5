"""German temporal tagging on KRAUTS (Dolomiten-100 + Dolomiten-42), ours vs HeidelTime.

Usage: ``.venv/bin/python eval/timex_de.py [--errors] [--json]``

Splits (fixed for issue 16, before any rule change of that round): **Dolomiten-100 is the
working split** (look at its errors while writing rules; ``--errors`` prints only its
errors) and **Dolomiten-42 is the untouched split** (never read its errors; a change is
kept only if its figures agree). Both are printed side by side, with the pooled figures;
the floors pin the pooled keys (``value_f1`` …) and the untouched ones (``d42_*``).

Reads the gold TimeML of both subsets (the DCT from the ``<DCT>`` TIMEX3), runs our
:class:`lagebild.times.tagger.TimeTagger` on the document text (the gold text with the
tags stripped, which equals the shipped raw text), and scores it TempEval-3 style:

- strict extent P/R/F1: identical character spans;
- relaxed extent P/R/F1: overlapping spans, matched one-to-one;
- value accuracy: of the relaxed matches, the share with the same ``value``;
- value F1: relaxed matches with the same value, P over system count, R over gold count;
- type accuracy: of the relaxed matches, the share with the same TIMEX3 type.

The DCT and the empty (non-text) TIMEX3 tags are excluded. HeidelTime's shipped output
(``…_Heideltime``) is scored the same way in the same run. Data are read from
``../shared/data/krauts`` relative to the repository root; without them the script
says so and exits 0.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "krauts"
SUBSETS = ("KRAUTS_Dolomiten-100", "KRAUTS_Dolomiten-42")
WORKING, UNTOUCHED = SUBSETS  # issue 16: rules are written looking at WORKING only
TAG = re.compile(r"<TIMEX3\b([^>]*?)(/?)>|</TIMEX3>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


def parse_tml(path: Path) -> tuple[str, str, list[dict]]:
    """(dct, text, timexes) of one TimeML file; offsets into the tag-stripped text."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]*)"', raw).group(1)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S).group(1)
    parts: list[str] = []
    found: list[dict] = []
    stack: list[tuple[dict, int]] = []
    pos = n = 0
    for m in TAG.finditer(body):
        seg = html.unescape(body[pos:m.start()])
        parts.append(seg)
        n += len(seg)
        pos = m.end()
        if m.group(0).startswith("</"):
            attrs, start = stack.pop()
            found.append({"start": start, "end": n, "value": attrs.get("value", "").strip(),
                          "type": attrs.get("type", "")})
        elif m.group(2) != "/":
            stack.append((dict(ATTR.findall(m.group(1))), n))
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    for t in found:
        t["text"] = text[t["start"]:t["end"]]
    return dct, text, [t for t in found if t["end"] > t["start"]]


def match(gold: list[dict], system: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one relaxed matching: exact spans first, then largest overlap."""
    pairs: list[tuple[dict, dict]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    cands = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            ov = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if ov > 0:
                exact = g["start"] == s["start"] and g["end"] == s["end"]
                cands.append((not exact, -ov, i, j))
    for _, _, i, j in sorted(cands):
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((gold[i], system[j]))
    return pairs


class Score:
    def __init__(self) -> None:
        self.gold = self.system = self.strict = self.relaxed = self.value = self.type = 0

    def add(self, gold: list[dict], system: list[dict]) -> list[tuple[dict, dict]]:
        pairs = match(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.relaxed += len(pairs)
        self.strict += sum(g["start"] == s["start"] and g["end"] == s["end"] for g, s in pairs)
        self.value += sum(g["value"] == s["value"] for g, s in pairs)
        self.type += sum(g["type"] == s["type"] for g, s in pairs)
        return pairs

    @staticmethod
    def prf(hit: int, sys_n: int, gold_n: int) -> tuple[float, float, float]:
        p = hit / sys_n if sys_n else 0.0
        r = hit / gold_n if gold_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, hit in (("strict", self.strict), ("relaxed", self.relaxed), ("value", self.value)):
            p, r, f = self.prf(hit, self.system, self.gold)
            out |= {f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f}
        out["value_accuracy"] = self.value / self.relaxed if self.relaxed else 0.0
        out["type_accuracy"] = self.type / self.relaxed if self.relaxed else 0.0
        return out


def seed(tagger) -> float | None:
    """Print the seed article's expected times (seed/gold.json "times") against ours.

    Each gold expression is found in the text (first occurrence, whole words) and is
    right when one of our times overlaps it with the same value (and kind/mod where the
    gold gives them). Returns the share right, or None without the seed."""
    import datetime

    folder = DATA.parent / "seed"
    gold_file = folder / "gold.json"
    if not gold_file.exists():
        return None
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    text_file = next(iter(sorted(folder.glob("*.txt"))), None)
    if text_file is None or not gold.get("times"):
        return None
    text = text_file.read_text(encoding="utf-8")
    published = datetime.date.fromisoformat(str(gold.get("published", "2025-07-15"))[:10])
    times = tagger.tag(text, published)
    right = 0
    print(f"seed {text_file.name} (published {published}):")
    for g in gold["times"]:
        m = re.search(rf"(?<!\w){re.escape(g['text'])}(?!\w)", text)
        ours = [t for t in times if m and t.start < m.end() and t.end > m.start()]
        t = ours[0] if ours else None
        ok = t is not None and t.value == g["value"] and (
            "kind" not in g or t.kind == g["kind"]) and ("mod" not in g or t.mod == g["mod"])
        right += ok
        got = f"{t.text!r} {t.value} {t.kind} mod={t.mod} anchor={t.anchor}" if t else "-"
        print(f"  {'ok ' if ok else 'BAD'} {g['text']!r:28} gold={g['value']:<10} ours: {got}")
    print(f"seed: {right}/{len(gold['times'])} right")
    return right / len(gold["times"])


def run(errors: bool = False) -> dict | None:
    """Score ours and HeidelTime on KRAUTS (printing the table); None without the data."""
    if not DATA.is_dir():
        print(f"KRAUTS data not found at {DATA}; nothing to evaluate.")
        return None
    sys.path.insert(0, str(ROOT / "src"))
    import datetime

    from lagebild.lang import LanguageData
    from lagebild.times.tagger import TimeTagger

    tagger = TimeTagger(LanguageData("de"))
    ours, heidel = Score(), Score()
    per = {subset: (Score(), Score()) for subset in SUBSETS}
    docs: list[tuple[str, str, str, list[dict], list[dict], str]] = []
    for subset in SUBSETS:
        for gold_file in sorted((DATA / subset).glob("*.tml")):
            dct, text, gold = parse_tml(gold_file)
            _, htext, hsys = parse_tml(DATA / f"{subset}_Heideltime" / gold_file.name)
            if htext != text:
                print(f"warning: HeidelTime text differs for {gold_file.name}", file=sys.stderr)
            docs.append((gold_file.name, dct, text, gold, hsys, subset))
    # speed: best of three timed passes over all documents (the machine is shared)
    elapsed = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _, dct, text, _, _, _ in docs:
            tagger.tag(text, datetime.date.fromisoformat(dct[:10]))
        elapsed = min(elapsed, time.perf_counter() - t0)
    for name, dct, text, gold, hsys, subset in docs:
        times = tagger.tag(text, datetime.date.fromisoformat(dct[:10]))
        system = [{"start": t.start, "end": t.end, "value": t.value or "", "type": TYPES[t.kind],
                   "text": t.text} for t in times]
        pairs = ours.add(gold, system)
        heidel.add(gold, hsys)
        per[subset][0].add(gold, system)
        per[subset][1].add(gold, hsys)
        if errors and subset == WORKING:
            print_errors(name, dct, text, gold, system, pairs)
    mo, mh = ours.metrics(), heidel.metrics()
    print(f"KRAUTS Dolomiten-100 + Dolomiten-42: {len(docs)} documents, {ours.gold} gold TIMEX3 (DCT excluded)")
    print(f"{'metric':<16}{'lagebild':>10}{'HeidelTime':>12}")
    for key in mo:
        print(f"{key:<16}{mo[key]:>10.3f}{mh[key]:>12.3f}")
    print(f"{'system count':<16}{ours.system:>10d}{heidel.system:>12d}")
    split = {s: (o.metrics(), h.metrics()) for s, (o, h) in per.items()}
    print(f"\nper split: {WORKING} = working (looked at), {UNTOUCHED} = untouched")
    print(f"{'metric':<16}{'D100 ours':>10}{'D100 HT':>9}{'D42 ours':>10}{'D42 HT':>9}")
    for key in ("strict_f1", "relaxed_f1", "value_f1", "value_accuracy", "type_accuracy"):
        w, u = split[WORKING], split[UNTOUCHED]
        print(f"{key:<16}{w[0][key]:>10.3f}{w[1][key]:>9.3f}{u[0][key]:>10.3f}{u[1][key]:>9.3f}")
    dps = len(docs) / elapsed if elapsed else float("inf")
    print(f"lagebild speed: {dps:.0f} documents/s ({elapsed:.3f} s for {len(docs)} documents, "
          "single thread, best of 3 passes)")
    seed_ok = seed(tagger)
    out = dict(mo)
    out["docs_per_s"] = dps
    out["relaxed_f1_over_heideltime"] = mo["relaxed_f1"] - mh["relaxed_f1"]
    out["value_f1_over_heideltime"] = mo["value_f1"] - mh["value_f1"]
    for prefix, subset in (("d100_", WORKING), ("d42_", UNTOUCHED)):
        for key in ("strict_f1", "relaxed_f1", "value_f1", "value_accuracy"):
            out[prefix + key] = split[subset][0][key]
    if seed_ok is not None:
        out["seed_correct"] = seed_ok
    return {"lagebild": out, "heideltime": mh}


def print_errors(name: str, dct: str, text: str, gold: list[dict], system: list[dict],
                 pairs: list[tuple[dict, dict]]) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    for g in gold:
        if id(g) not in matched_g:
            print(f"MISS {name} {dct} {g['text']!r} {g['value']} | {text[max(0, g['start'] - 40):g['start']]!r}")
    for s in system:
        if id(s) not in matched_s:
            print(f"FP   {name} {dct} {s['text']!r} {s['value']} | {text[max(0, s['start'] - 40):s['start']]!r}")
    for g, s in pairs:
        if g["value"] != s["value"]:
            print(f"VAL  {name} {dct} {g['text']!r}/{s['text']!r} gold={g['value']} ours={s['value']}"
                  f" | {text[max(0, g['start'] - 50):g['start']]!r}")
        elif (g["start"], g["end"]) != (s["start"], s["end"]):
            print(f"EXT  {name} {g['text']!r} ours={s['text']!r}")


def evaluate() -> dict | None:
    """Our figures for the floors gate (eval/floors.py), or None without the data."""
    result = run()
    return result["lagebild"] if result else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true",
                    help="print our misses and wrong values (working split Dolomiten-100 only)")
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON too")
    args = ap.parse_args()
    result = run(args.errors)
    if result and args.json:
        print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
