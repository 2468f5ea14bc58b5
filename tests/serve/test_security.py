"""Untrusted article text renders as text; static files never leave their folder."""
from __future__ import annotations

import json
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


# -- the API: hostile text stays data, parameters are bound and capped, errors are coded ----------

API = ["/api/events", "/api/events?q=protested", "/api/events/xss-1/v1", "/api/articles", "/api/articles/xss-1",
       "/api/entities", "/api/entity?name=" + XSS_NAME, "/api/facets", "/api/timeline", "/api/map", "/api/network"]


@pytest.mark.parametrize("path", API)
def test_api_answers_are_json_never_html(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]
    r.json()  # parses: a payload such as </script> is a JSON string, not markup


def test_hostile_text_survives_as_text_in_the_api(client):
    article = client.get("/api/articles/xss-1").json()
    text = json.dumps(article)
    assert '<script>window.__xss=\\"text\\"</script>' in text  # kept verbatim, as data
    event = client.get("/api/events/xss-1/v1").json()
    assert all(not str(v).lower().startswith("javascript:") for k, v in _walk(event) if k == "url")


def _walk(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, key)
    else:
        yield key, value


INJECTIONS = ["' OR 1=1 --", "x'); DROP TABLE events; --", "%' OR '%'='", "\\", "_%", "\x00", "é'||'",
              "1; SELECT * FROM articles", "\") OR (\"1\"=\"1", "ß\u202e'--"]
TEXT_PARAMS = ["actor", "recipient", "entity", "article", "place", "q", "cluster"]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_every_text_parameter_is_bound_not_interpolated(client, payload):
    before = client.get("/api/events", params={"limit": 1}).json()["total"]
    for name in TEXT_PARAMS:
        r = client.get("/api/events", params={name: payload})
        assert r.status_code in (200, 422), (name, payload, r.status_code, r.text)
        if r.status_code == 200:
            assert r.json()["total"] == 0, (name, payload)  # matched as a literal string: nothing has it
        for path in ("/api/facets", "/api/timeline", "/api/map", "/api/network", "/"):
            assert client.get(path, params={name: payload}).status_code in (200, 422), (path, name, payload)
    for path, params in (("/api/articles", {"q": payload}), ("/api/entities", {"q": payload}),
                         ("/api/entity", {"name": payload}), ("/articles", {"q": payload}),
                         ("/entities", {"q": payload})):
        assert client.get(path, params=params).status_code in (200, 404, 422), (path, payload)
    assert client.get("/api/events", params={"limit": 1}).json()["total"] == before


@pytest.mark.parametrize("path, params", [
    ("/api/events", {"limit": 201}), ("/api/events", {"limit": 0}), ("/api/events", {"offset": 10**9}),
    ("/api/events", {"offset": -1}), ("/api/articles", {"limit": 10**6}), ("/api/entities", {"limit": 10**6}),
    ("/api/facets", {"top": 10**6}), ("/api/network", {"nodes": 10**6}), ("/", {"offset": 10**12}),
    ("/api/events", {"sort": "date; DROP TABLE events"}), ("/api/timeline", {"granularity": "second'"}),
    ("/api/events", {"type": "ATTACK' OR 1=1"}), ("/api/events", {"q": "x" * 201}),
    ("/api/events", {"language": "en' OR 1=1"}), ("/api/events", {"date_from": "2025-13-45"}),
])
def test_sizes_and_choices_are_capped_with_a_coded_error(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 422, (path, params, r.status_code)
    if path.startswith("/api/"):
        body = r.json()
        assert body["error"]["code"] == "E131" and body["detail"]


def test_overlong_urls_are_refused(client):
    r = client.get("/api/events", params=[("type", "ASSAULT")] * 1000)
    assert r.status_code == 414 and r.json()["error"]["code"] == "E131"
    r = client.get("/api/articles/" + "a" * 2000)
    assert r.status_code == 414


def test_not_found_and_wrong_method_answer_coded_json(client):
    r = client.get("/api/articles/none-such")
    assert r.status_code == 404 and r.json()["error"]["code"] == "E132"
    r = client.get("/api/no-such-endpoint")
    assert r.status_code == 404 and r.json()["error"]["code"] == "E132"
    r = client.post("/api/events", json={"x": 1})
    assert r.status_code == 405 and r.json()["error"]["code"] == "E132"


def test_unexpected_errors_answer_a_code_never_a_trace(store_path):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    app = create_app(store_path, memo_size=0)

    @app.get("/api/boom")
    def boom() -> dict:
        raise RuntimeError("secret /home/user/path SELECT * FROM events")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
        assert r.status_code == 500
        body = r.json()
        assert body["error"] == {"code": "E133", "message": "internal error while answering this request"}
        assert set(body) == {"error", "incident"} and len(body["incident"]) == 8  # the id in the server's log
        assert "Traceback" not in r.text and "secret" not in r.text and "SELECT" not in r.text
        assert r.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in r.headers


def test_store_cannot_be_written_through_the_app(app):
    import duckdb

    with pytest.raises(duckdb.Error):
        app.state.reader.con.execute("DELETE FROM events")


def test_serve_binds_loopback_by_default():
    from typer.main import get_command

    from lagebild.cli import app as cli

    command = get_command(cli).commands["serve"]
    host = next(p for p in command.params if p.name == "host")
    assert host.default == "127.0.0.1"  # test_cli_serve checks that uvicorn is given this host
