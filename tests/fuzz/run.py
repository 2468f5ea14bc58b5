"""Run hostile inputs through lagebild and count crashes, hangs, memory peaks and clear errors.

    .venv/bin/python -m tests.fuzz.run [--n 1000] [--dir DIR] [--hang-s 120] [--mem-mb 1024]
    .venv/bin/python -m tests.fuzz.run --cli FILE ...     # the same through `lagebild extract`, one call per file

Default mode: inputs go, one at a time, through a worker subprocess that does what
``lagebild extract FILE --format jsonl`` does (``iter_articles`` → ``Pipeline.analyze_many``
→ one JSON line per record, coded errors per failure), loading the models once for many
inputs. The parent watches the worker: before each input the worker names it; an input
that runs longer than ``--hang-s`` or takes the worker over ``--kill-mb`` of memory is a
hang or a memory failure, the worker is killed and a fresh one goes on with the next input;
a worker that dies is a crash of the input it was on. An exception that escapes the
library (a traceback) is a crash; a ``LagebildError`` with its code is a clear error, and so is a
coded warning the reader reports in its place (``W100`` no records, ``W103`` a duplicate record).
``--cli`` runs the real command, one subprocess per input, with the same caps.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


@dataclass
class Outcome:
    path: str
    kind: str  # "result" | "clear" | "silent" | "crash" | "hang" | "memory"
    reason: str = ""
    records: int = 0
    codes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    peak_mb: float = 0.0


# -- the worker (runs in the subprocess) --------------------------------------------------

def worker() -> None:
    """Read paths on stdin; for each, print ``start`` then one ``done`` JSON line on stdout."""
    import traceback

    from lagebild import Pipeline, Settings
    from lagebild.errors import LagebildError, LagebildWarning
    from lagebild.read import ReadFailure, iter_articles

    settings = Settings()
    pipeline = Pipeline(settings)
    out = sys.stdout
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        out.write(json.dumps({"start": path}) + "\n")
        out.flush()
        start, before = time.perf_counter(), _peak_mb()
        done = {"done": path, "records": 0, "codes": [], "crash": None}
        try:
            for result in pipeline.analyze_many(iter_articles([Path(path)], settings)):
                if isinstance(result, ReadFailure):
                    err = result.error
                    if not isinstance(err, (LagebildError, LagebildWarning)):
                        raise err
                    done["codes"].append(err.code)
                    str(result.reason).encode("utf-8")  # what the CLI prints must print
                    continue
                json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")  # what extract writes
                done["records"] += 1
        except LagebildError as err:
            done["codes"].append(err.code)
        except Exception as err:  # noqa: BLE001 - this is what the fuzz run counts
            tb = traceback.extract_tb(err.__traceback__)
            where = f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else "?"
            done["crash"] = f"{type(err).__name__} at {where}: {str(err)[:200]}"
        done["seconds"] = round(time.perf_counter() - start, 2)
        peak = _peak_mb()
        done["peak_mb"] = round(peak, 1) if peak > before else 0.0
        done["worker_peak_mb"] = round(peak, 1)
        out.write(json.dumps(done) + "\n")
        out.flush()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# -- the parent ---------------------------------------------------------------------------

class Runner:
    def __init__(self, hang_s: float, kill_mb: float) -> None:
        self.hang_s, self.kill_mb = hang_s, kill_mb
        self.worker_peak = 0.0

    def _spawn(self) -> subprocess.Popen:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "ignore"}
        return subprocess.Popen([sys.executable, "-m", "tests.fuzz.run", "--worker"], cwd=str(ROOT), env=env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, bufsize=1)

    def run(self, paths: list[Path], log=None) -> list[Outcome]:
        import queue
        import threading

        outcomes: list[Outcome] = []
        todo = [str(p) for p in paths]

        def record(o: Outcome) -> None:
            outcomes.append(o)
            todo.pop(0)
            if log:
                log(o)

        while todo:
            proc = self._spawn()
            lines: queue.Queue = queue.Queue()

            def pump(stream=proc.stdout, q=lines) -> None:  # a thread: no select on a buffered pipe
                for line in stream:
                    q.put(line)
                q.put("")

            threading.Thread(target=pump, daemon=True).start()
            started, loaded = time.monotonic(), False
            # the first input also waits for the models to load: a generous first deadline
            proc.stdin.write(todo[0] + "\n")
            proc.stdin.flush()
            while todo:
                limit = self.hang_s + (0 if loaded else 600)
                try:
                    line = lines.get(timeout=0.2)
                except queue.Empty:
                    line = None
                if line == "":  # the worker died
                    code = proc.wait()
                    record(Outcome(todo[0], "crash", f"worker died (exit {code}) on this input"))
                    break
                if line:
                    msg = json.loads(line)
                    if "start" in msg:
                        started = time.monotonic()
                        continue
                    loaded = True
                    self.worker_peak = max(self.worker_peak, msg.get("worker_peak_mb", 0.0))
                    record(_outcome(msg))
                    if todo:
                        proc.stdin.write(todo[0] + "\n")
                        proc.stdin.flush()
                    continue
                rss = _rss_mb(proc.pid)
                self.worker_peak = max(self.worker_peak, rss)
                if rss > self.kill_mb or time.monotonic() - started > limit:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    if rss > self.kill_mb:
                        record(Outcome(todo[0], "memory", f"worker over {self.kill_mb:.0f} MB ({rss:.0f} MB)", peak_mb=rss))
                    else:
                        record(Outcome(todo[0], "hang", f"no answer in {limit:.0f} s", seconds=limit))
                    break
            if proc.poll() is None:
                proc.stdin.close()
                proc.wait(timeout=60)
        return outcomes


def _outcome(msg: dict) -> Outcome:
    codes = msg["codes"]
    if msg["crash"]:
        kind, reason = "crash", msg["crash"]
    elif msg["records"]:
        kind, reason = "result", (f"{msg['records']} records" + (f", errors {sorted(set(codes))}" if codes else ""))
    elif codes:
        kind, reason = "clear", ", ".join(sorted(set(codes)))
    else:
        kind, reason = "silent", "no record and no error"
    return Outcome(msg["done"], kind, reason, msg["records"], codes, msg.get("seconds", 0.0), msg.get("peak_mb", 0.0))


def run_cli(paths: list[Path], hang_s: float, kill_mb: float) -> list[Outcome]:
    """The real ``lagebild extract`` per input, in its own process, with the same caps."""
    exe = str(Path(sys.executable).parent / "lagebild")
    outcomes = []
    for path in paths:
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            start = time.monotonic()
            proc = subprocess.Popen([exe, "extract", str(path), "--format", "jsonl"], stdout=out, stderr=err,
                                    env={**os.environ, "COLUMNS": "100000", "NO_COLOR": "1"})
            peak, kind = 0.0, None
            while proc.poll() is None:
                rss = _rss_mb(proc.pid)
                peak = max(peak, rss)
                if rss > kill_mb:
                    kind = "memory"
                elif time.monotonic() - start > hang_s:
                    kind = "hang"
                if kind:
                    proc.kill()
                    proc.wait()
                    break
                time.sleep(0.1)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
        records = sum(1 for line in stdout.splitlines() if line.startswith("{"))
        codes = sorted(set(c for c in _codes(stderr)))
        if kind:
            outcomes.append(Outcome(str(path), kind, f"killed: {kind}", peak_mb=peak))
        elif "Traceback" in stderr or proc.returncode not in (0, 1):
            last = [line for line in stderr.strip().splitlines() if line.strip()][-1:] or [f"exit {proc.returncode}"]
            outcomes.append(Outcome(str(path), "crash", last[0][:300], peak_mb=peak))
        else:
            kind = "result" if records else ("clear" if codes else "silent")
            outcomes.append(Outcome(str(path), kind, ", ".join(codes), records, codes, peak_mb=peak))
    return outcomes


def _codes(text: str) -> list[str]:
    import re

    return re.findall(r"\[(E\d{3})\]", text)


def summarise(outcomes: list[Outcome], worker_peak: float, seconds: float, mem_mb: float) -> tuple[str, bool]:
    n = Counter(o.kind for o in outcomes)
    peak = max([worker_peak] + [o.peak_mb for o in outcomes])
    heavy = max(outcomes, key=lambda o: o.peak_mb, default=None)
    over = [o for o in outcomes if o.peak_mb > mem_mb and o.kind not in ("memory",)]
    lines = [
        f"inputs tried:   {len(outcomes)}",
        f"crashes:        {n['crash']}",
        f"hangs:          {n['hang']}",
        f"memory kills:   {n['memory']}",
        f"peak memory:    {peak:.0f} MB (worker, models included; target <= {mem_mb:.0f} MB)"
        + (f"; largest rise on {Path(heavy.path).name}" if heavy and heavy.peak_mb else ""),
        f"clear errors:   {n['clear']} (inputs refused with a coded error)",
        f"results:        {n['result']} (inputs with at least one record)",
        f"silent:         {n['silent']} (nothing to analyse and nothing to report)",
        f"slowest input:  " + (lambda o: f"{o.seconds:.1f} s ({Path(o.path).name})")(
            max(outcomes, key=lambda o: o.seconds)) if outcomes else "",
        f"wall time:      {seconds:.0f} s",
    ]
    failures = [o for o in outcomes if o.kind in ("crash", "hang", "memory")] + over
    if failures:
        lines.append("failures:")
        lines += [f"  {o.kind:<7} {Path(o.path).name}: {o.reason or 'peak ' + str(o.peak_mb) + ' MB'}" for o in failures]
    if n["silent"]:
        lines.append("silent inputs: " + ", ".join(Path(o.path).name for o in outcomes if o.kind == "silent")[:2000])
    ok = not failures and peak <= mem_mb
    return "\n".join(lines), ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="lagebild fuzz run")
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=1000, help="inputs to generate (when no files are given)")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--dir", type=Path, help="where to generate (default: a temporary folder)")
    ap.add_argument("--hang-s", type=float, default=120.0, help="an input taking longer is a hang")
    ap.add_argument("--kill-mb", type=float, default=3000.0, help="kill the worker above this RSS (a memory failure)")
    ap.add_argument("--mem-mb", type=float, default=1024.0, help="target: peak memory at most this")
    ap.add_argument("--cli", action="store_true", help="one `lagebild extract` process per input")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    if args.worker:
        worker()
        return 0
    from .corpus import generate

    with tempfile.TemporaryDirectory(prefix="lagebild-fuzz-") as tmp:
        paths = args.files or generate(args.dir or Path(tmp), args.n, args.seed)
        start = time.monotonic()
        log = (lambda o: print(f"{o.kind:<7} {o.seconds:6.1f}s {Path(o.path).name}: {o.reason}", flush=True)) \
            if args.verbose else None
        if args.cli:
            outcomes, worker_peak = run_cli(paths, args.hang_s, args.kill_mb), 0.0
        else:
            runner = Runner(args.hang_s, args.kill_mb)
            outcomes = runner.run(paths, log)
            worker_peak = runner.worker_peak
        text, ok = summarise(outcomes, worker_peak, time.monotonic() - start, args.mem_mb)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
