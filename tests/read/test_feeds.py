"""Feeds from a local HTTP server on 127.0.0.1 (never the internet)."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest

from lagebild.read.feeds import FeedState, PoliteClient, read_feed
from lagebild.store import Store

pytestmark = pytest.mark.network

BODY_1 = ("The European Union pledged new aid to Ukraine on Thursday, the commission said.\n"
          "The package includes funds for energy repairs and air defence, officials in Brussels said.")
BODY_2 = ("Bundeskanzler Olaf Scholz hat am Dienstag mit dem französischen Präsidenten telefoniert.\n"
          "Beide hätten über die Lage in der Ukraine gesprochen, teilte ein Regierungssprecher mit.")


def _page(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f"<html><head><title>{title}</title></head><body><nav>Menu</nav><article><h1>{title}</h1>"
            f"{paras}</article></body></html>").encode("utf-8")


def _feed(base: str) -> bytes:
    items = [
        ("EU pledges aid", "/a1.html", "Thu, 12 Jun 2025 09:00:00 GMT"),
        ("Scholz telefoniert", "/a2.html", "Tue, 15 Jul 2025 10:00:00 GMT"),
        ("EU pledges aid (copy)", "/syndicated/a1-copy.html", "Thu, 12 Jun 2025 09:05:00 GMT"),
        ("Members only", "/private/p.html", "Thu, 12 Jun 2025 10:00:00 GMT"),
        ("Flaky", "/flaky.html", "Thu, 12 Jun 2025 11:00:00 GMT"),
    ]
    xml = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>" for t, p, d in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title><link>{base}/</link>'
            f"{xml}</channel></rss>").encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    log: list[tuple[str, dict]] = []

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        type(self).log.append((self.path, dict(self.headers)))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304)
            else:
                self._send(200, _feed(base), "application/rss+xml", ETag='"v1"',
                           Last_Modified="Thu, 12 Jun 2025 12:00:00 GMT")
        elif self.path in ("/a1.html", "/syndicated/a1-copy.html"):
            self._send(200, _page("EU pledges aid", BODY_1))
        elif self.path == "/a2.html":
            self._send(200, _page("Scholz telefoniert", BODY_2))
        elif self.path == "/flaky.html":
            self._send(503, b"busy")
        else:
            self._send(404, b"not found")


@pytest.fixture
def server():
    _Handler.log = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)  # a free port
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler.log
    httpd.shutdown()
    httpd.server_close()


def test_feed_dedup_robots_and_conditional_requests(server):
    base, log = server
    store = Store(":memory:")
    state = FeedState(store)
    with PoliteClient(min_interval=0, allow_private=True) as client:
        first = read_feed(f"{base}/feed.xml", state, client)
    assert first.status == 200 and first.entries == 5
    assert [a.url for a in first.articles] == [f"{base}/a1.html", f"{base}/a2.html"]
    a1 = first.articles[0]
    assert a1.title == "EU pledges aid" and "pledged new aid" in a1.text and "Menu" not in a1.text
    assert str(a1.published) == "2025-06-12"  # from the feed entry
    assert [u for u, _ in first.duplicates] == [f"{base}/syndicated/a1-copy.html"]  # same text, other URL
    reasons = {f.source: f.reason for f in first.failures}
    assert "robots.txt" in reasons[f"{base}/private/p.html"]
    assert "503" in reasons[f"{base}/flaky.html"]
    assert not any(path.startswith("/private/") for path, _ in log)  # never fetched
    assert all("lagebild" in headers.get("User-Agent", "") for _, headers in log)

    state.save(first)
    n_before = len(log)
    with PoliteClient(min_interval=0, allow_private=True) as client:
        second = read_feed(f"{base}/feed.xml", state, client)
    assert second.not_modified and not second.articles
    new = log[n_before:]
    assert [p for p, _ in new if p != "/robots.txt"] == ["/feed.xml"]
    assert new[-1][1].get("If-None-Match") == '"v1"'
    assert new[-1][1].get("If-Modified-Since") == "Thu, 12 Jun 2025 12:00:00 GMT"

    # the feed changes (validators forgotten): seen URLs are not fetched again, the flaky one is
    store.con.execute("UPDATE feed_state SET etag = NULL, last_modified = NULL")
    n_before = len(log)
    with PoliteClient(min_interval=0, allow_private=True) as client:
        third = read_feed(f"{base}/feed.xml", state, client)
    assert third.status == 200 and not third.articles and third.seen == 4
    assert [p for p, _ in log[n_before:] if p != "/robots.txt"] == ["/feed.xml", "/flaky.html"]


def test_rate_limit_per_host(server):
    base, log = server
    with PoliteClient(min_interval=0.3, allow_private=True) as client:
        start = time.monotonic()
        for _ in range(3):
            client.get(f"{base}/a1.html")
        elapsed = time.monotonic() - start
    # robots.txt + 3 pages on one host: at least three waits of 0.3 s
    assert elapsed >= 0.85 and len(log) == 4


def test_feed_that_is_not_a_feed(server):
    base, _ = server
    with PoliteClient(min_interval=0, allow_private=True) as client:
        result = read_feed(f"{base}/a1.html", FeedState(Store(":memory:")), client)
    assert not result.articles and result.failures and "not an RSS/Atom feed" in result.failures[0].reason


@pytest.mark.model
def test_ingest_feed_cli(server, tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    base, _ = server
    db = tmp_path / "f.duckdb"
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", "--feed", f"{base}/feed.xml", "--db", str(db), "--interval", "0", "--allow-private-feeds"])
    assert "2 added" in res.output, res.output
    assert res.exit_code == 1  # the 503 and the robots.txt page are reported
    res2 = runner.invoke(app, ["ingest", "--feed", f"{base}/feed.xml", "--db", str(db), "--interval", "0", "--allow-private-feeds"])
    assert "not modified" in res2.output and "0 added" in res2.output and res2.exit_code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM feed_state").fetchone()[0] == 1
