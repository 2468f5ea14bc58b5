"""The analyst's first hour: a store that mixes publication years, outlets everywhere, readable
dates, downloads of exactly the filtered selection, and a friendly page for unexpected failures."""
from __future__ import annotations

import io
import json

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from lagebild.serve import create_app
from lagebild.export.dates import readable, readable_text
from lagebild.store import Store

from .mixed import mixed_articles


@pytest.fixture(scope="module")
def mixed_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("mixed") / "mixed.duckdb"
    with Store(path) as store:
        store.ingest(mixed_articles())
    return path


@pytest.fixture(scope="module")
def mixed(mixed_path):
    with TestClient(create_app(mixed_path), raise_server_exceptions=False) as c:
        yield c


def test_front_page_with_publication_years_beyond_event_dates(mixed):
    # reporting dates 2001-2009, event dates all in 2009: one time axis for all that is drawn
    r = mixed.get("/")
    assert r.status_code == 200, r.text[:500]
    assert r.text.count('class="bar"') >= 1 or 'class="seg' in r.text
    t = mixed.get("/api/timeline").json()
    assert t["first"] == "2001-05-02" and t["last"] == "2009-12-30"
    assert t["granularity"] in ("month", "year")  # event dates alone (20-27 Mar 2009) would ask for days


def test_timeline_every_drawn_item_has_a_slot():
    import datetime as dt

    from lagebild.serve.filters import EventFilter
    from lagebild.serve.pages import timeline_svg

    d = dt.date
    data = {"granularity": "day", "undated": 0, "coarser": 0,
            "buckets": [{"start": d(2009, 3, 25), "end": d(2009, 3, 25), "counts": {"asserted": 1}}],
            "published": [{"start": d(2001, 5, 2), "end": d(2001, 5, 2), "count": 1},
                          {"start": d(2009, 3, 26), "end": d(2009, 3, 26), "count": 1}]}
    out = timeline_svg(data, EventFilter())  # used to raise KeyError (axis cut at 1,000 buckets)
    assert len(out["bars"]) == 1 and len(out["pub"]) == 2


@pytest.mark.parametrize("value, text, precision", [
    ("2009-03-25TAF", "25 Mar 2009, afternoon", "part of day"),
    ("2009-03-25", "25 Mar 2009", "day"),
    ("2009-03", "Mar 2009", "month"),
    ("2009", "2009", "year"),
    ("2025-W28", "week 28 of 2025 (7 Jul – 13 Jul)", "week"),
    ("2009-Q2", "Q2 2009 (Apr – Jun)", "quarter"),
    ("2009-SU", "summer 2009", "season"),
    ("2009-03-25T14:30", "25 Mar 2009, 14:30", "time"),
    ("PAST_REF", "in the past (no date)", "vague"),
    ("XXXX-wat", "XXXX-wat", "unknown"),
])
def test_readable_dates(value, text, precision):
    r = readable(value)
    assert (r["text"], r["precision"]) == (text, precision)


def test_readable_with_mod():
    assert readable_text("2009-03", "START") == "early Mar 2009"
    assert readable_text(None) == ""


def test_cards_show_readable_dates_and_label_reporting_date(mixed):
    html = mixed.get("/", params={"sort": "date"}).text
    assert "25 Mar 2009, afternoon" in html and "(part of day)" in html
    assert "2009-03-25TAF" not in html.replace('title="TIMEX value 2009-03-25TAF"', "")
    # the undated event shows its reporting date, labelled as such, and no event date
    assert "no event date in the text" in html
    assert "reporting date 26 Mar 2009" in html


def test_outlet_facet_filter_and_view(mixed):
    facets = mixed.get("/api/facets").json()
    # an article without a site name takes its URL's host (www. dropped)
    assert facets["outlet"] == {"Daily Planet": 2, "Gazette": 1, "news.example.org": 1}
    r = mixed.get("/api/events", params={"outlet": "Daily Planet"}).json()
    assert r["total"] == 2 and {e["article_id"] for e in r["events"]} == {"old-2001", "new-2009"}
    assert {(e["outlet"], e["title"], e["url"]) for e in r["events"]} == {
        ("Daily Planet", "Marches in the capital", "https://www.dailyplanet.example/a1"),
        ("Daily Planet", "Undated march", "https://www.dailyplanet.example/c3")}
    r = mixed.get("/api/events", params=[("outlet", "Gazette"), ("outlet", "news.example.org")]).json()
    assert {e["article_id"] for e in r["events"]} == {"late-2009", "mid-2005"}
    page = mixed.get("/", params={"outlet": "Gazette"}).text
    assert 'id="outlet-view"' in page and "Year-end march" in page and "Afternoon march" not in page
    outs = mixed.get("/api/outlets").json()["outlets"]
    assert [(o["outlet"], o["articles"], o["events"]) for o in outs][0] == ("Daily Planet", 2, 2)
    table = mixed.get("/outlets").text
    assert "news.example.org" in table and "/?outlet=Daily+Planet" in table


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_download_is_exactly_the_filtered_selection(mixed, fmt):
    params = {"outlet": "Daily Planet", "format": fmt, "sort": "published"}
    r = mixed.get("/api/download", params=params)
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    if fmt == "csv":
        rows = pacsv.read_csv(io.BytesIO(r.content)).to_pylist()
    elif fmt == "parquet":
        rows = pq.read_table(io.BytesIO(r.content)).to_pylist()
    else:
        rows = json.loads(r.content)
    assert [x["article_id"] for x in rows] == ["old-2001", "new-2009"]
    assert {x["outlet"] for x in rows} == {"Daily Planet"}
    assert rows[0]["title"] == "Marches in the capital"
    assert rows[0]["url"] == "https://www.dailyplanet.example/a1"
    everything = mixed.get("/api/download", params={"format": fmt})
    assert everything.status_code == 200 and len(everything.content) > len(r.content)


def test_friendly_page_for_unexpected_failures(mixed_path, caplog, monkeypatch):
    from lagebild.serve import pages

    def broken(*a, **k):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(pages.queries, "list_events", broken)
    with TestClient(create_app(mixed_path), raise_server_exceptions=False) as c, caplog.at_level("ERROR"):
        r = c.get("/")
        assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
        assert "something went wrong" in r.text and 'id="incident"' in r.text
        assert "secret internal detail" not in r.text and "Traceback" not in r.text
        assert "Content-Security-Policy" in r.headers
        api = c.get("/api/download", params={"format": "csv"})
    assert any("secret internal detail" in (rec.exc_text or "") or rec.exc_info for rec in caplog.records)
    assert api.status_code == 200  # the API's other routes are untouched
