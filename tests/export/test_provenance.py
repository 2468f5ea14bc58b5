"""Outlet, title and URL of every report in every export; PLOVER's publication is the outlet."""
from __future__ import annotations

import io
import json

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from lagebild.export import export, plover_records
from lagebild.export.outlet import outlet_name
from lagebild.store import Store

from ..serve.mixed import mixed_articles

WANT = {  # article -> (outlet, title, url)
    "old-2001": ("Daily Planet", "Marches in the capital", "https://www.dailyplanet.example/a1"),
    "mid-2005": ("news.example.org", "Afternoon march", "https://news.example.org/2005/b2"),
    "new-2009": ("Daily Planet", "Undated march", "https://www.dailyplanet.example/c3"),
    "late-2009": ("Gazette", "Year-end march", None),
}


@pytest.mark.parametrize("outlet, url, want", [
    ("  Example News ", None, "Example News"),
    (None, "https://www.Example.org/a?b=1", "example.org"),
    ("", "http://user@news.example.co.uk:8080/x", "news.example.co.uk"),
    (None, "not a url", None),
    (None, None, None),
])
def test_outlet_name(outlet, url, want):
    assert outlet_name(outlet, url) == want


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.ingest(mixed_articles())
        yield s


def test_csv_and_parquet_carry_outlet_title_url(store, tmp_path):
    buf = io.StringIO()
    export(store, "csv", None, buf)
    rows = pacsv.read_csv(io.BytesIO(buf.getvalue().encode())).to_pylist()
    assert {r["article_id"]: (r["outlet"], r["title"], r["url"] or None) for r in rows} == WANT  # CSV: no null
    assert list(rows[0])[:5] == ["article_id", "id", "outlet", "title", "url"]
    export(store, "parquet", tmp_path / "e.parquet", buf)
    rows = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert {r["article_id"]: (r["outlet"], r["title"], r["url"]) for r in rows} == WANT
    # other tables too; the articles table's own outlet column follows the same rule
    export(store, "parquet", tmp_path / "a.parquet", buf, table="articles")
    arts = pq.read_table(tmp_path / "a.parquet").to_pylist()
    assert {r["id"]: r["outlet"] for r in arts} == {k: v[0] for k, v in WANT.items()}
    export(store, "parquet", tmp_path / "p.parquet", buf, table="places")
    assert {r["outlet"] for r in pq.read_table(tmp_path / "p.parquet").to_pylist()} == {"Daily Planet", "news.example.org"}


def test_jsonl_and_plover(store):
    buf = io.StringIO()
    export(store, "jsonl", None, buf)
    recs = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert {r["id"]: (r["source"]["outlet"], r["source"]["title"], r["source"]["url"]) for r in recs} == WANT
    buf = io.StringIO()
    export(store, "plover", None, buf)
    recs = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert {r["articleId"]: (r["publication"], r["title"], r["url"]) for r in recs} == WANT
    assert all(r["publication"] != "articles.jsonl" for r in recs)  # never the input file's name


def test_plover_publication_without_outlet_or_url_is_none():
    (art,) = [a for a in mixed_articles() if a.id == "late-2009"]
    art.source.outlet = None
    (rec,) = plover_records(art)
    assert rec["publication"] is None
