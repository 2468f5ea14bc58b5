"""A small mixed input for the batch job: WARC, JSONL, gzip'd JSONL, HTML, text, and bad records."""
from __future__ import annotations

import gzip
import json
import shutil

import pytest

from tests.read.test_warc import make_warc, page

JSONL = [
    {"id": "j-en", "text": "The European Union pledged new aid to Ukraine on Thursday, the commission said.",
     "published": "2025-06-12"},
    {"id": "j-de", "text": "Der Kreml drohte am Montag mit Vergeltung, sagte ein Sprecher in Moskau.",
     "published": "2025-07-01", "language": "de"},
    "not json at all",
    {"id": "j-nodate", "text": "Protesters gathered outside the parliament in Tbilisi, police said."},
    {"id": "j-baddate", "text": "Some text.", "published": "15.07.2025"},
]
#: what the input holds: articles, and failed records by (file name, offset or None)
N_ARTICLES = 2 + 3 + 1 + 1 + 1  # warc, jsonl, jsonl.gz, html, txt
FAILED = {("news.warc.gz", "offset"), ("stories.jsonl", 3), ("stories.jsonl", 5), ("broken.txt", None)}


def write_inputs(folder) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    make_warc(folder / "news.warc.gz")  # 2 articles, 1 page without text
    (folder / "stories.jsonl").write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in JSONL) + "\n",
        encoding="utf-8")
    with gzip.open(folder / "more.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "gz-1", "text": "Israel and Hamas agreed on a ceasefire in Gaza on Sunday, "
                             "mediators said.", "published": "2025-01-19"}) + "\n")
    (folder / "page.html").write_text(page(
        "Talks in Geneva", "Diplomats from the United States and Russia met in Geneva on Friday.\n"
        "The talks focused on arms control, a spokesperson for the State Department said.", "2025-07-04"),
        encoding="utf-8")
    (folder / "story.txt").write_text("Sanctions announced\n\nThe United Kingdom announced new sanctions against "
                                      "Iran on Wednesday, the foreign office said.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary junk")


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch") / "in"
    write_inputs(folder)
    yield folder
    shutil.rmtree(folder.parent, ignore_errors=True)


def read_table(output, table: str):
    import pyarrow.dataset as ds

    return ds.dataset(str(output / table), format="parquet", partitioning="hive").to_table()


def check_output(output) -> dict:
    """The checks both engines must pass; returns {article id: record}."""
    from lagebild.records import Article

    articles = read_table(output, "articles").to_pylist()
    assert len(articles) == N_ARTICLES, [a["id"] for a in articles]
    ids = {a["id"] for a in articles}
    assert {"j-en", "j-de", "j-nodate", "gz-1"} <= ids
    by_id = {a["id"]: a for a in articles}
    assert by_id["j-en"]["month"] == "2025-06" and by_id["j-en"]["language"] == "en"
    assert by_id["j-de"]["month"] == "2025-07" and by_id["j-de"]["language"] == "de"
    assert by_id["j-nodate"]["month"] == "unknown"
    langs = {p.name for p in (output / "articles").iterdir() if p.is_dir()}
    assert langs == {"language=de", "language=en"}
    for a in articles:  # the full record rebuilds the Article, partition columns agree with it
        art = Article.model_validate_json(a["record"])
        assert art.id == a["id"] and art.language == a["language"]
        assert a["month"] == (art.published[:7] if art.published else "unknown")
    for table in ("entities", "times", "places", "attributions", "events"):
        if (output / table).exists():
            rows = read_table(output, table).to_pylist()
            assert {r["article_id"] for r in rows} <= ids
            assert all(by_id[r["article_id"]]["language"] == r["language"] for r in rows)
    assert sum(a["n_events"] for a in articles) == (
        read_table(output, "events").num_rows if (output / "events").exists() else 0)
    errors = read_table(output, "errors").to_pylist()
    got = {(e["source"].rsplit("/", 1)[-1], "offset" if e["source"].endswith(".warc.gz") else e["offset"])
           for e in errors}
    assert got == FAILED, errors
    warc_error = next(e for e in errors if e["source"].endswith(".warc.gz"))
    assert warc_error["offset"] > 0 and warc_error["url"] == "https://news.example/empty"
    assert all(e["stage"] == "read" and e["reason"] and e["code"].startswith("E") for e in errors)
    return {a["id"]: a["record"] for a in articles}
