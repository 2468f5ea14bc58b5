"""The quality gate: every figure pinned in ``eval/floors.json`` must still be reached.

Each key of floors.json names an evaluation module ``eval/<key>.py`` whose
``evaluate()`` returns ``{metric: value}`` (or None when ../shared/data is absent).
``make test`` runs this after the unit tests; it fails if any figure falls below its
floor, and says so clearly when the data is absent (then nothing is checked).
"""
from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import DATA  # noqa: E402


def main() -> int:
    floors = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
    if not DATA.exists():
        print(f"quality floors: {DATA} not found, evaluations skipped (they run where ../shared/data exists)")
        return 0
    failed = []
    for name, metrics in floors.items():
        if name.startswith("_"):
            continue
        t0 = time.perf_counter()
        module = importlib.import_module(name)
        got = module.evaluate()
        took = time.perf_counter() - t0
        if got is None:
            print(f"{name}: data absent, skipped")
            continue
        for metric, floor in metrics.items():
            value = got.get(metric)
            ok = value is not None and value >= floor - 1e-9
            print(f"{'ok  ' if ok else 'FAIL'} {name}.{metric} = {value if value is None else round(value, 4)} (floor {floor})")
            if not ok:
                failed.append(f"{name}.{metric}")
        print(f"     ({name} took {took:.1f}s)")
    if failed:
        print(f"quality floors: {len(failed)} below the floor: {', '.join(failed)}")
        return 1
    print("quality floors: all reached")
    return 0


if __name__ == "__main__":
    sys.exit(main())
