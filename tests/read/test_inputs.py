"""Whole inputs: nothing silent, symlinks, HTML limits and dates, identity (issues #20, #21)."""
from __future__ import annotations

import json
import os

import pytest

from lagebild.errors import (
    DateDiscardedWarning,
    DuplicateIdError,
    DuplicateRecordWarning,
    GuessedDateWarning,
    HTMLLimitError,
    NoArticlesWarning,
    NotRegularFileError,
    NotWarcError,
    SymlinkSkippedWarning,
)
from lagebild.read import RawArticle, ReadFailure, ReadWarning, article_id, iter_articles, read_file
from lagebild.read.identity import resolve_id
from lagebild.settings import Settings

BODY = ("Russian forces attacked the city of Kharkiv with drones on Monday, officials said. "
        "The mayor said three people were injured and two buildings were damaged.")


def _page(head: str = "", body: str = BODY) -> str:
    return (f"<html><head><title>Kharkiv attacked</title>{head}</head><body><article><p>{body}</p>"
            "</article></body></html>")


def _codes(items) -> list[str]:
    return [o.error.code if isinstance(o, ReadFailure) else "article" for o in items]


@pytest.mark.parametrize("name,data", [
    ("empty.jsonl", b""), ("blank.jsonl", b"\n\n  \n"), ("empty.warc", b""), ("empty.warc.gz", b""),
    ("empty.jsonl.gz", b""),
])
def test_an_input_that_yields_nothing_says_so(tmp_path, name, data):
    """#21: empty .jsonl/.warc files exited 0 with no message."""
    f = tmp_path / name
    f.write_bytes(data)
    (out,) = list(read_file(f))
    assert isinstance(out, ReadWarning) and out.is_warning
    assert isinstance(out.error, NoArticlesWarning) and str(out.error).startswith(f"[W100] {f}:")


def test_warc_of_only_other_records_says_so(tmp_path):
    from warcio.warcwriter import WARCWriter

    f = tmp_path / "info.warc.gz"
    with open(f, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("info.warc.gz", {"software": "test"}))
    (out,) = list(read_file(f))
    assert isinstance(out.error, NoArticlesWarning) and "no HTML response records" in out.reason


@pytest.mark.parametrize("name,data", [
    ("n.warc", b"hello, this is not a WARC file\nsecond line\n"),
    ("n2.warc", b"hello"),
    ("j.warc", json.dumps({"id": "1", "text": "x"}).encode()),
    ("g.warc.gz", __import__("gzip").compress(b"<html>not warc</html>")),
    ("h.warc.gz", b"plain text named .warc.gz"),
])
def test_a_file_named_warc_that_is_not_one_is_an_error(tmp_path, name, data, capfd):
    """#21: files named .warc that are not WARC exited 0 with no message (and warcio printed)."""
    f = tmp_path / name
    f.write_bytes(data)
    (out,) = list(read_file(f))
    assert isinstance(out.error, NotWarcError) and out.reason.startswith(f"[E104] {f}:")
    assert capfd.readouterr().err == ""  # the library never prints


def test_folder_without_inputs_and_not_regular_files(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "notes.pdf").write_bytes(b"%PDF")
    (out,) = list(iter_articles([tmp_path / "d"]))
    assert isinstance(out.error, NoArticlesWarning) and "no .txt" in out.reason
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (out,) = list(iter_articles([fifo]))  # would block for ever if opened
    assert isinstance(out.error, NotRegularFileError)


def test_folder_scan_does_not_follow_links_out_of_the_folder(tmp_path):
    """#21: a link to /etc/passwd in a scanned folder was ingested as an article."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(BODY, encoding="utf-8")
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash\n" + BODY.replace("Kharkiv", "Odesa"))
    os.symlink(outside / "passwd.txt", root / "passwd.txt")
    os.symlink(outside, root / "linked_dir")
    os.symlink(root / "a.txt", root / "again.txt")  # inside the folder: followed
    out = list(iter_articles([root]))
    articles = [o for o in out if isinstance(o, RawArticle)]
    assert [a.path for a in articles] == [str(root / "a.txt")]
    skipped = sorted(o.source for o in out if isinstance(o.error if isinstance(o, ReadFailure) else None,
                                                           SymlinkSkippedWarning))
    assert skipped == [str(root / "linked_dir"), str(root / "passwd.txt")]
    assert any(isinstance(o, ReadWarning) and isinstance(o.error, DuplicateRecordWarning) for o in out)
    assert not any("Odesa" in a.text for a in articles)
    # the option allows it
    out = list(iter_articles([root], Settings(follow_symlinks=True)))
    texts = [o.text for o in out if isinstance(o, RawArticle)]
    assert sum("Odesa" in t for t in texts) == 1  # passwd.txt and linked_dir/passwd.txt: one article, one repeat


def test_symlink_loops_end(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(BODY, encoding="utf-8")
    os.symlink(root, root / "sub" / "up")
    out = list(iter_articles([root], Settings(follow_symlinks=True)))
    assert sum(isinstance(o, RawArticle) for o in out) == 1


def test_html_limits_before_trafilatura(tmp_path):
    """#20: HTML size and nesting limits before trafilatura."""
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 5_000 + BODY + "</div>" * 5_000 + "</body></html>")
    (out,) = list(read_file(deep))
    assert isinstance(out.error, HTMLLimitError) and "nested more than" in out.reason
    many = tmp_path / "many.html"
    many.write_text("<html><body>" + "<span>x</span>" * 210_000 + "</body></html>")
    (out,) = list(read_file(many))
    assert isinstance(out.error, HTMLLimitError) and "tags" in out.reason
    big = tmp_path / "big.html"
    big.write_text(_page(body=BODY * 50))
    (out,) = list(read_file(big, Settings(max_chars=500)))
    assert out.error.code == "E005"
    # unclosed paragraphs and list items (end tags that may be left out) are no nesting
    loose = tmp_path / "loose.html"
    loose.write_text("<html><body><article>" + "<p>Paragraph text here." * 2_000 + f"<p>{BODY}</article></body></html>")
    (out,) = list(read_file(loose))
    assert isinstance(out, RawArticle)


def test_html_dates_read_guessed_or_discarded(tmp_path):
    """#21: trafilatura's reading of an HTML date 2025-13-45 as 2025-01-01 was taken as true."""
    impossible = tmp_path / "impossible.html"
    impossible.write_text(_page('<meta property="article:published_time" content="2025-13-45">'))
    (art,) = list(read_file(impossible))
    assert art.published is None and art.published_source is None
    assert any(w.startswith(f"[{DateDiscardedWarning.code}]") for w in art.warnings)

    declared = tmp_path / "declared.html"
    declared.write_text(_page('<meta property="article:published_time" content="2025-07-14T08:00:00+00:00">'))
    (art,) = list(read_file(declared))
    assert art.published.isoformat() == "2025-07-14" and art.published_source == "metadata" and not art.warnings

    in_text = tmp_path / "in_text.html"
    in_text.write_text(_page(body="Published on 14 July 2025 at 10:00. " + BODY))
    (art,) = list(read_file(in_text))
    assert art.published_source == "guessed" and art.published.isoformat() == "2025-07-14"
    assert any(w.startswith(f"[{GuessedDateWarning.code}]") and "guessed" in w for w in art.warnings)

    new_year = tmp_path / "new_year.html"
    new_year.write_text(_page(body="Published on 1 January 2025 at 10:00. " + BODY))
    (art,) = list(read_file(new_year))
    assert art.published.isoformat() == "2025-01-01" and art.published_source == "guessed"


def test_warc_without_page_date_uses_the_crawl_date_marked(tmp_path):
    from tests.read.test_warc import make_warc

    f = tmp_path / "a.warc.gz"
    make_warc(f)
    arts = {a.url: a for a in read_file(f) if isinstance(a, RawArticle)}
    declared, undated = arts["https://news.example/en/kharkiv"], arts["https://news.example/de/telefonat"]
    assert declared.published_source == "metadata" and not declared.warnings
    assert declared.id == "https://news.example/en/kharkiv"  # the WARC target URI is its identity
    assert undated.published.isoformat() == "2025-07-16" and undated.published_source == "crawl"
    assert any(w.startswith("[W102]") and "WARC-Date" in w for w in undated.warnings)


def test_identity_rule():
    """#21: the id is the caller's, else the URL, else a hash of the text alone."""
    assert resolve_id("mine", "https://x.example/a", "text") == "mine"
    assert resolve_id(None, "https://x.example/a", "text") == "https://x.example/a"
    assert resolve_id(None, None, "some  text") == article_id("some text")
    long_url = "https://x.example/" + "a" * 400
    assert resolve_id(None, long_url, "t").startswith("url-") and len(resolve_id(None, long_url, "t")) <= 300


def test_same_text_under_other_paths_has_the_same_id(tmp_path):
    (tmp_path / "x").mkdir()
    f = tmp_path / "x" / "a.txt"
    f.write_text(BODY, encoding="utf-8")
    ids = {next(iter(read_file(p))).id for p in (f, tmp_path / "x" / ".." / "x" / "a.txt", os.path.relpath(f))}
    assert len(ids) == 1


def test_duplicate_ids_in_one_batch(tmp_path):
    """#21: two records with one id and different text: the first is kept, the second is a
    conflict naming both line numbers; a repeat of the same record is a warning."""
    f = tmp_path / "dup.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "d", "text": "Russian troops attacked Kharkiv on Monday."},
        {"id": "e", "text": "Other news."},
        {"id": "d", "text": "Nothing happened."},
        {"id": "d", "text": "Russian troops attacked Kharkiv on Monday."},
        {"id": "d", "text": "Russian troops attacked Kharkiv on Monday.", "title": "New title"},
    ]) + "\n", encoding="utf-8")
    out = list(iter_articles([f]))
    assert _codes(out) == ["article", "article", "E102", "W103", "E102"]
    assert out[0].text.startswith("Russian")
    conflict = out[2]
    assert isinstance(conflict.error, DuplicateIdError) and conflict.offset == 3
    assert f"{f}:3" in conflict.reason and f"{f}:1" in conflict.reason and "different text" in conflict.reason
    assert "different title" in out[4].reason
    # across files too
    g = tmp_path / "dup2.jsonl"
    g.write_text(json.dumps({"id": "d", "text": "Something else."}) + "\n", encoding="utf-8")
    out = list(iter_articles([f, g]))
    assert f"{g}:1" in out[-1].reason and f"{f}:1" in out[-1].reason


def test_warc_damaged_half_way_keeps_the_records_before(tmp_path, capfd):
    """#20: gzip and WARC read with their errors caught per record."""
    from tests.read.test_warc import EN_BODY, make_warc, page

    from lagebild.read.warc import iter_warc

    records = [(f"https://news.example/{i}", page(f"Story {i}", EN_BODY.replace("Monday", f"day {i}"), "2025-07-14"),
                "text/html", "200 OK") for i in range(6)]
    f = tmp_path / "a.warc.gz"
    make_warc(f, records)
    offsets = [o for o, _ in iter_warc(f)]
    data = bytearray(f.read_bytes())
    middle = offsets[3] + 40
    data[middle:middle + 30] = b"\xff" * 30  # damage inside the fourth response record
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    out = list(read_file(bad))
    kept = [o for o in out if isinstance(o, RawArticle)]
    assert [a.url for a in kept[:3]] == [f"https://news.example/{i}" for i in range(3)]
    assert any(isinstance(o, ReadFailure) and o.error.code in ("E103", "E001") and str(bad) in o.reason for o in out)
    assert capfd.readouterr().err == ""


def test_batch_shards_read_through_the_one_entry_point(tmp_path, monkeypatch):
    """batch.inputs reads local files and URIs with read.read_input, which reads both with
    read.read_source, damaged gzip included."""
    import gzip as gz

    from lagebild.batch.inputs import Shard, read_shard
    from lagebild.read import sources

    data = b"".join(json.dumps({"id": f"g{i}", "text": f"Troops attacked town {i}."}).encode() + b"\n"
                    for i in range(20_000))
    z = gz.compress(data)
    f = tmp_path / "c.jsonl.gz"
    f.write_bytes(z[: len(z) // 2])
    calls = []
    real = sources.read_source
    monkeypatch.setattr(sources, "read_source", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    local = [(type(i).__name__, o) for i, o in read_shard(Shard(str(f)), Settings())]
    remote = [(type(i).__name__, o) for i, o in read_shard(Shard(f.as_uri()), Settings())]
    assert calls == [str(f), f.as_uri()]
    assert local == remote and local[-1][0] == "ReadFailure" and local[0] == ("RawArticle", 1)
    assert sum(1 for k, _ in local if k == "RawArticle") > 9_000


def test_text_file_encodings(tmp_path):
    """UTF-16 with a BOM is read as such; an HTML file declaring its charset is read by it;
    a few bad bytes in UTF-8 are replaced and recorded, not fatal."""
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes("\ufeff".encode("utf-16-le") + BODY.encode("utf-16-le"))
    (art,) = list(read_file(utf16))
    assert art.text == BODY and not art.warnings
    latin = tmp_path / "latin.html"
    latin.write_bytes(_page('<meta charset="iso-8859-1">', body=BODY + " Der Bürgermeister äußerte sich.")
                      .encode("latin-1"))
    (art,) = list(read_file(latin))
    assert "Bürgermeister äußerte" in art.text and not any(w.startswith("[W101]") for w in art.warnings)
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(BODY.encode() + b" \xff\xfe end.")
    (art,) = list(read_file(damaged))
    assert art.text.endswith("\ufffd\ufffd end.") and art.warnings[0].startswith(f"[W101] {damaged}:")
