"""Shared helpers of the evaluation scripts: where the data is, P/R/F1, tables."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def data_dir(name: str) -> Path | None:
    """``../shared/data/<name>`` or None (after saying so) when it is absent."""
    path = DATA / name
    if not path.exists():
        print(f"{path} not found: this evaluation needs ../shared/data (skipped)")
        return None
    return path


def prf(tp: float, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(rows: list[list[object]], header: list[str]) -> str:
    cells = [[str(c) if not isinstance(c, float) else f"{c:.3f}" for c in row] for row in [header, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def run_main(main) -> None:  # noqa: ANN001
    sys.exit(main() or 0)
