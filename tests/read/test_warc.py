"""WARC (CC-NEWS style) and gzip'd JSONL reading. No model needed: trafilatura only."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from lagebild.read import RawArticle, ReadFailure, iter_articles, read_file
from lagebild.read.warc import decode_html, iter_warc, read_warc


def page(title: str, body: str, published: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f"<html><head><title>{title}</title>{meta}</head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>© Example News</footer></body></html>")


EN_BODY = ("Russian forces attacked the city of Kharkiv with drones on Monday, officials said.\n"
           "The regional governor said two people were injured in the attack on the city centre.\n"
           "Ukraine's air force said it shot down most of the drones launched overnight.")
DE_BODY = ("Bundeskanzler Olaf Scholz hat am Dienstag mit dem französischen Präsidenten telefoniert.\n"
           "Beide hätten über die Lage in der Ukraine gesprochen, teilte ein Regierungssprecher mit.\n"
           "Weitere Gespräche seien für die kommende Woche geplant, hieß es in Berlin.")


def make_warc(path, records=None, *, gzip_it: bool = True) -> list[str]:
    """Write a small WARC with warcio: warcinfo, request, HTML responses, an image, a
    404 and an HTML page without article text. Returns the URLs of the good pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = records or [
        ("https://news.example/en/kharkiv", page("Drones hit Kharkiv", EN_BODY, "2025-07-14"), "text/html; charset=utf-8", "200 OK"),
        ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "image/png", "200 OK"),
        ("https://news.example/gone", "<html><body>Not found</body></html>", "text/html", "404 Not Found"),
        ("https://news.example/de/telefonat", page("Scholz telefoniert", DE_BODY), "text/html", "200 OK"),
        ("https://news.example/empty", "<html><head><title>x</title></head><body></body></html>", "text/html", "200 OK"),
    ]
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_it)
        writer.write_record(writer.create_warcinfo_record(str(path), {"software": "lagebild tests"}))
        for url, body, ctype, status in records:
            data = body.encode("utf-8") if isinstance(body, str) else body
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                            http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [], is_http_request=True))
            writer.write_record(req)
            headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(data)))],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(data), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-07-16T08:00:00Z"}))
    return [r[0] for r in records if r[3].startswith("200") and r[2].startswith("text/html")]


@pytest.mark.parametrize("gzip_it,name", [(True, "a.warc.gz"), (False, "a.warc")])
def test_warc_html_responses_become_articles(tmp_path, gzip_it, name):
    f = tmp_path / name
    make_warc(f, gzip_it=gzip_it)
    out = list(read_file(f))  # dispatched by suffix
    arts = [o for o in out if isinstance(o, RawArticle)]
    fails = [o for o in out if isinstance(o, ReadFailure)]
    assert [a.url for a in arts] == ["https://news.example/en/kharkiv", "https://news.example/de/telefonat"]
    assert arts[0].title == "Drones hit Kharkiv" and "Kharkiv with drones" in arts[0].text
    assert "Home | World" not in arts[0].text  # boilerplate removed
    assert str(arts[0].published) == "2025-07-14"  # the page's own date
    assert str(arts[1].published) == "2025-07-16"  # no date on the page: WARC-Date
    assert all(a.path == str(f) for a in arts)
    # the empty page is a failure naming the file and its record offset; image, 404, request: skipped
    assert len(fails) == 1 and fails[0].offset and fails[0].offset > 0
    assert str(f) in fails[0].reason and fails[0].extra["url"] == "https://news.example/empty"


def test_warc_offsets_point_at_records(tmp_path):
    from warcio.archiveiterator import ArchiveIterator

    f = tmp_path / "a.warc.gz"
    make_warc(f)
    offsets = [o for o, item in iter_warc(f)]
    with open(f, "rb") as fh:
        fh.seek(offsets[0])
        record = next(iter(ArchiveIterator(fh)))
        assert record.rec_headers.get_header("WARC-Target-URI") == "https://news.example/en/kharkiv"


def test_warc_select_takes_a_share(tmp_path):
    f = tmp_path / "a.warc.gz"
    make_warc(f)
    evens = list(read_warc(f, select=lambda i: i % 2 == 0))
    odds = list(read_warc(f, select=lambda i: i % 2 == 1))
    assert len(evens) + len(odds) == 3
    assert {getattr(x, "url", None) for x in evens}.isdisjoint({getattr(x, "url", None) for x in odds} - {None})


def test_truncated_warc_keeps_what_came_before(tmp_path):
    f = tmp_path / "a.warc.gz"
    make_warc(f)
    last = [o for o, _ in iter_warc(f)][-1]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(f.read_bytes()[: last + 60])  # the last response record is cut short
    out = list(read_warc(cut))
    assert [type(o).__name__ for o in out[:2]] == ["RawArticle", "RawArticle"]
    assert len(out) == 3 and isinstance(out[2], ReadFailure) and str(cut) in out[2].reason


def test_missing_warc_is_a_failure(tmp_path):
    (out,) = list(read_warc(tmp_path / "none.warc.gz"))
    assert isinstance(out, ReadFailure)


def test_charset_from_header_then_meta():
    assert decode_html("Käse".encode("latin-1"), "text/html; charset=ISO-8859-1") == "Käse"
    body = '<meta charset="windows-1252"><p>Käse</p>'.encode("cp1252")
    assert "Käse" in decode_html(body, "text/html")
    assert decode_html("Käse".encode("utf-8"), "text/html; charset=bogus-name") == "Käse"


def test_jsonl_gz_and_folder_dispatch(tmp_path):
    f = tmp_path / "a.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "1", "text": "Hello there.", "published": "2025-07-15"}) + "\n")
        fh.write("not json\n\n")
        fh.write(json.dumps({"id": "3", "text": "Fine."}) + "\n")
    (tmp_path / "ignored.gz").write_bytes(gzip.compress(b"x"))
    out = list(iter_articles([tmp_path]))
    assert [type(o).__name__ for o in out] == ["RawArticle", "ReadFailure", "RawArticle"]
    assert out[1].offset == 2 and out[2].id == "3"


def test_broken_gzip_jsonl_is_reported(tmp_path):
    f = tmp_path / "a.jsonl.gz"
    f.write_bytes(gzip.compress(b'{"id": "1", "text": "Hello there."}\n' * 50)[:-20])
    out = list(read_file(f))
    assert isinstance(out[-1], ReadFailure) and str(f) in out[-1].reason
