"""A killed ingest loses and duplicates nothing; a second ingest into the same store fails fast.

Real ``lagebild ingest`` subprocesses on a few dozen tiny articles: one clean run, one run
killed with SIGKILL at a random moment after it has opened the store, then the same command
again; the store must equal the clean one table by table (``ingested_at`` aside).
"""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from lagebild.store.rows import KEYS, TABLES

pytestmark = pytest.mark.model

LAGEBILD = str(Path(sys.executable).parent / "lagebild")
SUBJECTS = ["The European Union", "Russia", "The United Nations", "Germany", "Police in Berlin", "Iran"]
ACTS = ["pledged new aid to Ukraine", "threatened retaliation against NATO", "condemned the strike on Kyiv",
        "met officials from China", "arrested three protesters", "imposed sanctions on Belarus"]


def _write_articles(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = (f"{SUBJECTS[i % 6]} {ACTS[(i * 5) % 6]} on Monday, a spokesperson said. "
                    f"Story number {i} was filed in the morning.")
            fh.write(json.dumps({"id": f"art-{i:03d}", "text": text, "published": f"2025-0{1 + i % 9}-1{i % 10}",
                                 "language": "en"}) + "\n")


def _ingest(inputs: Path, db: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([LAGEBILD, "ingest", str(inputs), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, columns in TABLES.items():
            cols = ", ".join(f'"{c}"' for c, _ in columns if c != "ingested_at")
            order = ", ".join(f'"{c}"' for c, _ in columns[: KEYS[table]])
            out[table] = con.execute(f'SELECT {cols} FROM "{table}" ORDER BY {order}').fetchall()
        return out
    finally:
        con.close()


def _wait_for_store(db: Path, proc: subprocess.Popen) -> None:
    while not db.exists():
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)


def test_kill_9_then_rerun_equals_one_clean_run(tmp_path):
    inputs = tmp_path / "feed.jsonl"
    _write_articles(inputs, 80)  # more than two store batches (batch_size 32)
    clean_db = tmp_path / "clean.duckdb"
    start = time.monotonic()
    proc = _ingest(inputs, clean_db)
    _wait_for_store(clean_db, proc)
    opened = time.monotonic()
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    work = time.monotonic() - opened
    clean = _tables(clean_db)
    assert len(clean["articles"]) == 80 and clean["events"]

    seed = random.randrange(1 << 30)
    delay = random.Random(seed).uniform(0, work)
    db = tmp_path / "killed.duckdb"
    proc = _ingest(inputs, db)
    _wait_for_store(db, proc)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL or proc.returncode == 0  # it may have finished first

    rerun = _ingest(inputs, db)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, f"seed {seed}, kill after {delay:.2f}s: {err}"
    again = _tables(db)
    for table in TABLES:
        assert again[table] == clean[table], f"table {table} differs (seed {seed}, kill after {delay:.2f}s of {work:.1f}s)"
    del start


def test_second_concurrent_ingest_fails_fast_with_e040(tmp_path):
    inputs = tmp_path / "feed.jsonl"
    _write_articles(inputs, 300)
    db = tmp_path / "busy.duckdb"
    first = _ingest(inputs, db)
    try:
        _wait_for_store(db, first)
        second = _ingest(inputs, db)
        out, err = second.communicate(timeout=300)
        assert second.returncode != 0
        assert "E040" in err + out
        assert "Traceback" not in err
        assert first.poll() is None, "the first ingest should still be running: the second did not fail fast"
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=60)
