"""A store of hand-made articles, and an app over it."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from lagebild.store import Store

from .articles import all_articles

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "fixture.duckdb"
    with Store(path) as store:
        store.ingest(all_articles())
        store.merge()  # as `lagebild ingest` does: eu-a/v1 and eu-b/v1 become one cluster
    return path


@pytest.fixture(scope="session")
def app(store_path):
    from lagebild.serve import create_app

    return create_app(store_path)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app):  # noqa: ANN001, ANN201 - a FastAPI app; yields its base URL
    """The app under uvicorn in a thread on 127.0.0.1 and a free port."""
    import threading
    import time

    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the test server did not start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(app):
    """The fixture app served on loopback; yields its base URL."""
    with serving(app) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, started once for all browser tests."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
