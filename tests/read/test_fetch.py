"""Feed fetching: public addresses only, redirects checked, size and time caps (issue #21).

Only loopback test servers and monkeypatched name resolution: no real host is contacted.
"""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lagebild.errors import FetchBlockedError, FetchLimitError
from lagebild.read import fetch
from lagebild.read.feeds import FeedState, read_feed
from lagebild.read.fetch import PoliteClient, address_allowed, checked_addresses
from lagebild.store import Store

pytestmark = pytest.mark.network


@pytest.mark.parametrize("address,ok", [
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True), ("8.8.8.8", True),
    ("127.0.0.1", False), ("127.8.9.10", False), ("::1", False), ("10.1.2.3", False), ("172.16.0.1", False),
    ("192.168.1.1", False), ("169.254.169.254", False), ("fe80::1", False), ("fc00::1", False),
    ("100.64.0.1", False), ("0.0.0.0", False), ("::", False), ("224.0.0.1", False), ("240.0.0.1", False),
    ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False), ("2002:7f00:1::", False), ("not an ip", False),
])
def test_public_addresses_only(address, ok):
    assert address_allowed(address) is ok


def _resolver(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError("no such host")
        return table[host]
    return resolve


def test_url_check_with_resolution_monkeypatched():
    resolve = _resolver({"news.example": ["93.184.216.34"], "evil.example": ["93.184.216.34", "10.0.0.5"],
                         "meta.example": ["169.254.169.254"]})
    assert checked_addresses("https://news.example/feed.xml", allow_private=False, resolve=resolve)
    for url in ("http://evil.example/", "http://meta.example/latest/meta-data", "http://127.0.0.1:8000/",
                "http://[::1]/", "file:///etc/passwd", "ftp://news.example/x", "gopher://news.example/",
                "javascript:alert(1)", "/relative/path", "http://[::1", "http://news.example:99999/"):
        with pytest.raises(FetchBlockedError):
            checked_addresses(url, allow_private=False, resolve=resolve)
    # the intranet option lets private addresses through, never other schemes
    assert checked_addresses("http://meta.example/", allow_private=True, resolve=resolve) == ["169.254.169.254"]
    with pytest.raises(FetchBlockedError):
        checked_addresses("file:///etc/passwd", allow_private=True, resolve=resolve)


class _Handler(BaseHTTPRequestHandler):
    log: list[str] = []

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if "no_length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            if k != "no_length":
                self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        type(self).log.append(self.path)
        port = self.server.server_address[1]
        if self.path == "/robots.txt":
            self._send(404)
        elif self.path == "/feed.xml":
            items = "".join(f"<item><title>{p}</title><link>{link}</link></item>" for p, link in [
                ("private", f"http://10.0.0.7:{port}/inside.html"),
                ("redirected", f"http://127.0.0.1:{port}/redirect"),
                ("file", "file:///etc/passwd"),
                ("fine", f"http://127.0.0.1:{port}/page.html"),
            ])
            self._send(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
                       "</channel></rss>".encode(), "application/rss+xml")
        elif self.path == "/redirect":
            self._send(302, Location=f"http://127.0.0.2:{port}/secret")
        elif self.path == "/redirect-file":
            self._send(302, Location="file:///etc/passwd")
        elif self.path == "/loop":
            self._send(302, Location="/loop")
        elif self.path == "/page.html":
            self._send(200, b"<html><head><title>Fine</title></head><body><article><p>Russian forces attacked "
                       b"the city of Kharkiv with drones on Monday, officials said. The mayor said three people "
                       b"were injured.</p></article></body></html>")
        elif self.path == "/huge":
            self._send(200, b"x" * 300_000)
        elif self.path == "/huge-unannounced":
            self._send(200, b"x" * 300_000, no_length="1")
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"x" * 100)
                self.wfile.flush()
                time.sleep(0.05)
        else:
            self._send(404)


@pytest.fixture
def server():
    _Handler.log = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler.log
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def loopback_is_public(monkeypatch):
    """Pretend 127.0.0.1 (the test server) is a public address; every other address,
    127.0.0.2 and 10.0.0.7 included, is judged as usual."""
    real = fetch.address_allowed
    monkeypatch.setattr(fetch, "address_allowed", lambda a: a == "127.0.0.1" or real(a))


def test_default_client_never_connects_to_loopback(server):
    base, log = server
    with PoliteClient(min_interval=0) as client, pytest.raises(FetchBlockedError):
        client.get(f"{base}/page.html")
    result = read_feed(f"{base}/feed.xml", FeedState(Store(":memory:")), PoliteClient(min_interval=0))
    assert not result.articles and isinstance(result.failures[0].error, FetchBlockedError)
    assert log == []  # not one request reached the server


def test_connection_guard_checks_the_address_really_connected_to(server, monkeypatch):
    """A name that passes the URL check but resolves to loopback at connect time (DNS
    rebinding) is refused by the transport."""
    base, log = server
    port = base.rsplit(":", 1)[1]
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"], ["127.0.0.1"]])
    client = PoliteClient(min_interval=0, resolve=lambda host, p: next(answers))
    client._robots[f"http://rebind.example:{port}"] = None  # robots.txt known: no extra lookups
    with client, pytest.raises(Exception) as err:
        client._once(f"http://rebind.example:{port}/page.html", None, 1_000_000)
    assert "not a public address" in str(err.value)
    assert log == []


def test_feed_entries_and_redirects_to_private_addresses_are_refused(server, loopback_is_public):
    base, log = server
    with PoliteClient(min_interval=0) as client:
        result = read_feed(f"{base}/feed.xml", FeedState(Store(":memory:")), client)
    assert [a.url for a in result.articles] == [f"{base}/page.html"]
    reasons = {f.source.rsplit("/", 1)[-1]: f for f in result.failures}
    assert isinstance(reasons["inside.html"].error, FetchBlockedError)
    assert isinstance(reasons["redirect"].error, FetchBlockedError) and "127.0.0.2" in reasons["redirect"].reason
    assert isinstance(reasons["passwd"].error, FetchBlockedError)
    assert "/secret" not in log and "/inside.html" not in log
    with PoliteClient(min_interval=0) as client:
        with pytest.raises(FetchBlockedError):
            client.get(f"{base}/redirect-file")
        with pytest.raises(FetchLimitError, match="redirects"):
            client.get(f"{base}/loop")


def test_size_and_time_caps(server, loopback_is_public):
    base, _ = server
    with PoliteClient(min_interval=0, max_bytes=100_000) as client:
        with pytest.raises(FetchLimitError, match="announced"):
            client.get(f"{base}/huge")
        with pytest.raises(FetchLimitError, match="more than the limit"):
            client.get(f"{base}/huge-unannounced")
        assert len(client.get(f"{base}/page.html").content) < 1000
    with PoliteClient(min_interval=0, max_seconds=0.5) as client:
        with pytest.raises(FetchLimitError, match="still sending"):
            client.get(f"{base}/slow")


def test_intranet_option(server):
    base, _ = server
    with PoliteClient(min_interval=0, allow_private=True) as client:
        assert client.get(f"{base}/page.html").status_code == 200


def test_cli_feed_is_refused_without_the_intranet_option(server, tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    base, log = server
    res = CliRunner().invoke(app, ["ingest", "--feed", f"{base}/feed.xml", "--db", str(tmp_path / "f.duckdb"),
                                   "--interval", "0"])
    assert res.exit_code == 1 and "[E106]" in res.output and "--allow-private-feeds" in res.output
    assert log == []
