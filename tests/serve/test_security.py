"""Untrusted article text renders as text; static files never leave their folder."""
from __future__ import annotations

import re
import socket
from html.parser import HTMLParser

import pytest

from .articles import XSS_NAME, XSS_TITLE

PAGES = ["/", "/?q=protested", "/events/xss-1/v1", "/articles", "/articles/xss-1", "/articles/xss-1?event=v1",
         "/entities", "/entity?name=" + XSS_NAME, "/map", "/network"]
DANGEROUS = [r"<script>window", r"<img src=x onerror", r"<svg onload", r"<b onmouseover", r"<i>outlet</i>",
             r'href="javascript:']


@pytest.mark.parametrize("path", PAGES)
def test_article_text_is_escaped_everywhere(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    html = r.text
    for bad in DANGEROUS:
        assert bad not in html, f"{bad!r} unescaped on {path}"
    tags = Tags()
    tags.feed(html)
    # our own scripts are the only script tags, none inline; no element has an event handler
    scripts = [a for t, a in tags.seen if t == "script"]
    assert scripts and all(a.get("src", "").startswith("/static/") for a in scripts)
    assert not [(t, a) for t, a in tags.seen if any(k.startswith("on") for k in a)]
    assert not [t for t, _ in tags.seen if t in ("img", "iframe", "object", "embed", "i")]
    assert not [a for t, a in tags.seen if t == "a" and a.get("href", "").lower().startswith(("javascript:", "data:"))]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001, ANN201
        self.seen.append((tag, dict(attrs)))


def test_xss_payload_is_visible_as_text(client):
    html = client.get("/articles/xss-1").text
    assert "&lt;script&gt;window.__xss=&#34;text&#34;&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;" in html
    assert html.count("Evil title") >= 1 and "&lt;script&gt;window.__xss=&#34;title&#34;" in html
    card = client.get("/events/xss-1/v1").text
    assert "according to <b>&#34;&gt;&lt;svg onload=alert(1)&gt;</b>" in card


def test_attribute_context_is_escaped(client):
    html = client.get("/entity", params={"name": XSS_NAME}).text
    # the name appears inside title attributes and links only in escaped form
    assert 'onerror="window' not in html
    assert "name=%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D%27name%27%22%3EEvil%20Org" in html


def test_javascript_urls_are_not_links(client):
    for path in ("/articles/xss-1", "/events/xss-1/v1", "/"):
        assert "javascript:" not in re.sub(r"<span class=\"dim\">url [^<]*</span>", "", client.get(path).text)


@pytest.mark.parametrize("path", [
    "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fdb.py", "/static/..%5capp.py",
    "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
    "/static/....//app.py",
])
def test_no_path_traversal_in_static(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "create_app" not in r.text and "root:" not in r.text


def test_article_ids_are_data_not_paths(client):
    r = client.get("/articles/..%2F..%2F..%2Fetc%2Fpasswd")
    assert r.status_code == 404 and "root:" not in r.text
    assert client.get("/api/articles/%2e%2e%2fserve%2fapp.py").status_code == 404


@pytest.mark.network
def test_raw_dot_segments_over_http(live_server):
    """Browsers and httpx normalise '..' away; a raw request does not, and must still get nothing."""
    port = int(live_server.rsplit(":", 1)[1])
    for raw in ("/static/../app.py", "/static/../../store/duck.py", "/static/../../../../../../etc/passwd"):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(f"GET {raw} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        head = data.split(b"\r\n", 1)[0]
        assert b" 404 " in head or b" 400 " in head, (raw, head)
        assert b"create_app" not in data and b"root:" not in data and b"class Store" not in data
