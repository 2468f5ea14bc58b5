"""The REST API on a store of hand-made articles (FastAPI's TestClient)."""
from __future__ import annotations

import pytest

from lagebild.errors import StoreError
from lagebild.serve import create_app
from lagebild.store import Store

from .articles import all_articles


def ids(resp) -> set[str]:  # noqa: ANN001
    return {f"{e['article_id']}/{e['id']}" for e in resp.json()["events"]}


def test_events_all_sorted_and_paginated(client):
    r = client.get("/api/events", params={"sort": "date"})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == sum(len(a.events) for a in all_articles())
    dated = [e["date_start"] for e in body["events"] if e["date_start"]]
    assert dated == sorted(dated) and body["events"][-1]["date_start"] is None  # undated last
    page1 = client.get("/api/events", params={"sort": "date", "limit": 4}).json()["events"]
    page2 = client.get("/api/events", params={"sort": "date", "limit": 4, "offset": 4}).json()["events"]
    assert [e["id"] for e in page1 + page2] == [e["id"] for e in body["events"][:8]]
    assert client.get("/api/events", params={"total": "false"}).json()["total"] is None


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "CONSULT"}, {"call-1/v1", "call-1/v2", "de/merz 1/v1"}),
    ({"type": ["CONSULT", "AID"], "language": "de"}, {"de/merz 1/v1", "de/merz 1/v2"}),
    ({"asserted_only": "true", "type": "CONSULT"}, {"call-1/v1", "de/merz 1/v1"}),
    ({"modality": ["planned", "negated"]}, {"call-1/v2", "call-1/v3", "eu-b/v2"}),
    ({"actor": "trump"}, {"call-1/v1", "call-1/v2"}),
    ({"recipient": "Israel"}, {"chain-1/v2"}),
    ({"entity": "Iran"}, {"chain-1/v1", "chain-1/v2"}),
    ({"source_kind": "anonymous"}, {"call-1/v1", "chain-1/v1", "eu-b/v1"}),
    ({"source_kind": "none", "language": "de"}, {"de/merz 1/v2", "de/merz 1/v3"}),
    ({"date_from": "2025-07-01", "date_to": "2025-07-31"}, {"call-1/v1", "call-1/v3"}),
    ({"date_from": "2025-08-15"}, {"call-1/v2"}),  # "in August" covers the whole month
    ({"article": "chain-1"}, {"chain-1/v1", "chain-1/v2"}),
    ({"place": "Kharkiv"}, {"call-1/v3"}),
    ({"q": "TELEFONIERT"}, {"de/merz 1/v1"}),
    ({"q": "100%_"}, set()),  # wildcards are text, not patterns
    ({"actor": "' OR 1=1 --"}, set()),  # a value, never SQL
])
def test_event_filters(client, params, expected):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    assert ids(r) == expected
    assert r.json()["total"] == len(expected)


@pytest.mark.parametrize("params", [
    {"type": "BOMB"}, {"modality": "probably"}, {"sort": "id; DROP TABLE events"}, {"limit": 0}, {"limit": 1000},
    {"offset": -1}, {"date_from": "yesterday"}, {"language": "english!"}, {"q": "x" * 500}, {"source_kind": "rumour"},
])
def test_invalid_parameters_are_rejected(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert r.json()["detail"]
    assert client.get("/api/events").json()["total"] == 12  # nothing dropped


def test_empty_form_fields_mean_no_filter(client):
    r = client.get("/api/events?q=&type=&modality=&date_from=&date_to=&language=&source_kind=")
    assert r.status_code == 200 and r.json()["total"] == 12


def test_one_event_with_evidence_chain_and_article(client):
    r = client.get("/api/events/chain-1/v1")
    assert r.status_code == 200
    e = r.json()
    assert e["type"] == "ASSAULT" and e["modality"] == "hypothetical"
    assert e["evidence"]["text"] == "Israel could strike Iran if the talks fail"
    assert [a["id"] for a in e["attribution_chain"]] == ["a1", "a2"]
    assert e["attribution_chain"][0]["kind"] == "anonymous" and e["attribution_chain"][1]["text"] == "the newspaper Haaretz"
    assert e["according_to"] == "an unnamed official (anonymous ×1)"
    assert e["article"] == {"id": "chain-1", "title": "Israel weighs strike", "url": "http://example.com/x",
                            "path": None, "outlet": None, "published": "2025-06-02"}
    kinds = {h["kind"] for h in e["highlights"]}
    assert {"actor", "recipient", "trigger", "source", "cue", "place"} <= kinds
    assert e["place"]["lat"] == 32.0


def test_event_of_article_with_slash_and_space_in_id(client):
    r = client.get("/api/events/de/merz%201/v1")
    assert r.status_code == 200 and r.json()["article_id"] == "de/merz 1"
    date = [h for h in r.json()["highlights"] if h["kind"] == "date"]
    text = client.get("/api/articles/de/merz%201").json()["text"]
    assert [text[h["start"]:h["end"]] for h in date] == ["am 3. März 2025"]
    assert client.get("/api/events/de/merz%201/v9").status_code == 404
    assert client.get("/api/events/nope/v1").status_code == 404


def test_anonymous_count_and_description(client):
    e = client.get("/api/events/call-1/v1").json()
    assert e["according_to"] == "two officials familiar with the call (anonymous ×2)"
    assert e["attribution_chain"][0]["count"] == 2
    assert e["attribution_chain"][0]["description"] == "familiar with the call"


def test_articles(client):
    r = client.get("/api/articles")
    assert r.status_code == 200 and r.json()["total"] == 6
    xss = next(a for a in r.json()["articles"] if a["id"] == "xss-1")
    assert xss["url"] is None  # javascript: is never handed out as a link
    a = client.get("/api/articles/call-1").json()
    assert a["schema"] == "lagebild/1" and len(a["entities"]) == 9 and len(a["events"]) == 3
    assert client.get("/api/articles", params={"q": "Macron"}).json()["total"] == 1
    assert client.get("/api/articles/none-such").status_code == 404


def test_entities_with_their_events(client):
    r = client.get("/api/entities", params={"q": "trump"})
    rows = r.json()["entities"]
    assert len(rows) == 1 and rows[0]["name"] == "Donald Trump" and rows[0]["as_actor"] == 2
    e = client.get("/api/entity", params={"name": "Donald Trump"}).json()
    assert e["qids"] == ["Q22686"] and e["as_actor"] == 2 and e["as_recipient"] == 0
    assert {v["id"] for v in e["events"]} == {"v1", "v2"}
    assert client.get("/api/entity", params={"name": "Nobody"}).status_code == 404
    assert client.get("/api/entities", params={"type": "ORG"}).json()["total"] == 5  # + European Union


def test_facets_follow_filters(client):
    f = client.get("/api/facets").json()
    assert f["total"] == 12 and f["type"]["CONSULT"] == 3 and f["modality"]["asserted"] == 6
    assert f["source_kind"]["none"] == 4 and f["actor"]["Donald Trump"] == 2
    f = client.get("/api/facets", params={"language": "de"}).json()
    assert f["total"] == 3 and set(f["modality"]) == {"asserted", "uncertain", "question"}


def test_timeline_map_network(client):
    t = client.get("/api/timeline", params={"granularity": "month"}).json()
    months = {b["start"]: b["counts"] for b in t["buckets"]}
    assert months["2025-07-01"] == {"asserted": 1, "negated": 1} and months["2025-08-01"] == {"planned": 1}
    assert t["undated"] == 3 and sum(p["count"] for p in t["published"]) == 12
    day = client.get("/api/timeline", params={"granularity": "day"}).json()
    assert day["coarser"] == 3  # "2025-08", "2025-06" and "2025-05" are not drawn as days
    m = client.get("/api/map").json()
    assert {p["name"] for p in m["events"]} == {"Alaska", "Kharkiv", "Kyiv", "Iran", "Berlin"}
    assert client.get("/api/map", params={"asserted_only": 1}).json()["events"][0]["name"] == "Berlin"
    w = client.get("/api/map/world").json()
    assert len(w["countries"]) > 100 and all(c["d"].startswith("M") for c in w["countries"])
    n = client.get("/api/network").json()
    assert {"source": "Donald Trump", "target": "Vladimir Putin", "type": "CONSULT", "count": 1} in n["edges"]
    assert client.get("/api/network", params={"type": "ACCUSE"}).json()["edges"] == [
        {"source": "Iran", "target": "Israel", "type": "ACCUSE", "count": 1}]


def test_openapi_and_offline_reference(client):
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"]
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "type", "modality", "source_kind", "date_from", "date_to", "language", "article", "q", "sort",
            "limit", "offset"} <= names
    page = client.get("/api")
    assert page.status_code == 200 and "/api/events" in page.text and "cdn" not in page.text.lower()
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_security_headers(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "none.duckdb")
    (tmp_path / "junk.duckdb").write_bytes(b"not a database")
    with pytest.raises(StoreError):
        create_app(tmp_path / "junk.duckdb")


def test_store_is_opened_read_only(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        s.ingest(all_articles()[:1])
    app = create_app(path)
    with pytest.raises(Exception, match="(?i)read.only"):
        app.state.reader.con.execute("DELETE FROM events")
    app.state.reader.close()


@pytest.mark.parametrize("sort", ["date", "-date", "published", "-confidence", "type"])
def test_deep_pages_come_out_the_same(client, monkeypatch, sort):
    from lagebild.serve import queries

    pages = lambda: [[e["id"] + e["article_id"] for e in client.get(  # noqa: E731
        "/api/events", params={"sort": sort, "limit": 3, "offset": o}).json()["events"]] for o in (1, 4, 7)]
    shallow = pages()
    monkeypatch.setattr(queries, "DEEP_OFFSET", 1)  # every page now goes through the row-id path
    assert pages() == shallow and sum(map(len, shallow)) == 9


def test_aggregates_are_remembered_per_filter(app, client):
    first = client.get("/api/facets", params={"type": "AID"}).json()
    assert client.get("/api/facets", params={"type": "AID"}).json() == first
    keys = [k for k in app.state.reader._memo if k[0] == "facets"]
    assert any(k[1].type == ("AID",) for k in keys)
    assert client.get("/api/facets", params={"type": "AGREE"}).json()["type"] == {"AGREE": 1}
