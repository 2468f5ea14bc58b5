"""Every command of the README's "Use" section, as written, on a fresh store in a fresh folder.

Skipped with their reason: `make demo` / `make test` (they (re)build the environment and run
this suite) and the feed URL (an example address; the network is not used in tests).
`lagebild serve` runs briefly on a free loopback port and must answer its page.
"""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SKIP = {
    "make ": "make demo / make test rebuild the environment and run this very suite",
    "--feed https://example.org/": "an example feed address; tests never use the network",
}

pytestmark = pytest.mark.model


def blocks(lang: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def commands() -> list[str]:
    return [line.strip() for b in blocks("sh") for line in b.splitlines() if line.strip() and not line.startswith("#")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_readme_names_no_path_outside_the_repository():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](../shared" not in text  # a fresh clone has no ../shared
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).exists(), f"README links {target}, which a fresh clone lacks"
    assert (ROOT / "docs" / "contract.md").exists()


def test_readme_covers_the_guide():
    from lagebild.records import PLOVER_TYPES
    from lagebild.serve import guide

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## How to read lagebild data"):]
    assert set(guide.TYPES) == set(PLOVER_TYPES)
    for t, (_, modes) in guide.TYPES.items():
        row = next(line for line in section.splitlines() if line.startswith(f"| {t} |"))
        assert [m.strip() for m in row.split("|")[3].split(",") if m.strip() != "–"] == list(modes), t
    for words in (guide.MODALITIES, guide.FORMS, guide.SOURCE_KINDS):
        for w in words:
            assert f"`{w}`" in section, w


def test_every_readme_command_runs_on_a_fresh_store(tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    ran, skipped = [], []
    for cmd in commands():
        reason = next((why for key, why in SKIP.items() if key in cmd), None)
        if reason:
            skipped.append((cmd, reason))
            continue
        line = cmd.replace(".venv/bin/", f"{BIN}/")
        if " serve " in f" {line} ":
            _serve_briefly(line, tmp_path)
        else:
            res = subprocess.run(["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True, timeout=400)
            assert res.returncode == 0, f"{cmd}\n{res.stdout[-2000:]}\n{res.stderr[-3000:]}"
        ran.append(cmd)
    assert len(ran) >= 9 and len(skipped) == 3, (ran, skipped)
    # what the commands made
    assert len((tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()) >= 3
    import pyarrow.parquet as pq

    events = pq.read_table(tmp_path / "events.parquet")
    assert {"outlet", "title", "url"} <= set(events.column_names) and events.num_rows > 0
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").startswith('"article_id","id","outlet","title","url",')
    assert (tmp_path / "events.plover.jsonl").stat().st_size > 0
    # the Python example
    (tmp_path / "example.py").write_text(blocks("python")[0], encoding="utf-8")
    res = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, timeout=400)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "CONSULT" in res.stdout


def _serve_briefly(line: str, cwd: Path) -> None:
    port = free_port()
    line = re.sub(r"\s+#.*$", "", line)  # the comment off, a free port on
    proc = subprocess.Popen(["bash", "-c", f"exec {line} --port {port}"], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    assert r.status == 200 and b"events" in r.read().lower()
                    return
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"{line} exited: {proc.stderr.read().decode()[-2000:]}")
                time.sleep(0.1)
        pytest.fail(f"{line} did not answer")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
