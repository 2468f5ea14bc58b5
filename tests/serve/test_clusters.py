"""Merged events in the API and the pages: eu-a/v1 and eu-b/v1 report the same sanctions (one cluster of 2)."""
from __future__ import annotations

import re

import pytest

from lagebild.serve import create_app
from lagebild.store import Store

from .articles import all_articles

PAIR = {"eu-a/v1", "eu-b/v1"}
N_EVENTS = sum(len(a.events) for a in all_articles())


def ids(body: dict) -> list[str]:
    return [f"{e['article_id']}/{e['id']}" for e in body["events"]]


@pytest.fixture(scope="module")
def cid(client) -> str:
    rows = client.get("/api/events", params={"type": "SANCTION", "modality": "asserted"}).json()["events"]
    assert {r["cluster_id"] for r in rows} and len({r["cluster_id"] for r in rows}) == 1
    return rows[0]["cluster_id"]


def test_rows_name_their_cluster_and_its_size(client, cid):
    rows = client.get("/api/events", params={"limit": 200}).json()["events"]
    assert len(rows) == N_EVENTS and all(r["cluster_id"] for r in rows)
    sizes = {f"{r['article_id']}/{r['id']}": (r["n_reports"], r["n_articles"], r["n_outlets"]) for r in rows}
    assert {k for k, v in sizes.items() if v != (1, 1, 1)} == PAIR
    assert sizes["eu-a/v1"] == (2, 2, 2)  # Brussels Wire and Daily Ledger
    assert len({r["cluster_id"] for r in rows}) == N_EVENTS - 1


def test_cluster_filter(client, cid):
    body = client.get("/api/events", params={"cluster": cid}).json()
    assert set(ids(body)) == PAIR and body["total"] == 2
    assert client.get("/api/events", params={"cluster": cid, "language": "de"}).json()["total"] == 0
    assert client.get("/api/events", params={"cluster": "c000000000000"}).json()["events"] == []
    assert client.get("/api/events", params={"cluster": "' OR 1=1 --"}).json()["total"] == 0
    assert client.get("/api/events", params={"cluster": "x" * 101}).status_code == 422


def test_distinct_one_row_per_cluster(client, cid):
    body = client.get("/api/events", params={"distinct": "true", "limit": 200}).json()
    assert body["total"] == N_EVENTS - 1 == len(body["events"])
    got = ids(body)
    assert len(got) == len(set(got)) and "eu-b/v1" in got and "eu-a/v1" not in got  # the surer report (0.9 > 0.8)
    rep = next(e for e in body["events"] if e["cluster_id"] == cid)
    assert (rep["n_reports"], rep["n_articles"], rep["n_outlets"]) == (2, 2, 2)
    # the representative is chosen among the matching reports; the size stays the cluster's
    only_a = client.get("/api/events", params={"distinct": "true", "q": "imposed"}).json()
    assert ids(only_a) == ["eu-a/v1"] and only_a["events"][0]["n_reports"] == 2
    # filters and sorting still apply; pages do not repeat a cluster
    assert client.get("/api/events", params={"distinct": 1, "asserted_only": 1}).json()["total"] == 5
    pages = [ids(client.get("/api/events", params={"distinct": 1, "sort": "date", "limit": 4, "offset": o}).json())
             for o in (0, 4, 8)]
    flat = [i for p in pages for i in p]
    assert len(flat) == len(set(flat)) == N_EVENTS - 1


def test_counts_count_clusters_when_distinct(client):
    f, fd = client.get("/api/facets").json(), client.get("/api/facets", params={"distinct": 1}).json()
    assert (f["total"], fd["total"]) == (N_EVENTS, N_EVENTS - 1)
    assert (f["type"]["SANCTION"], fd["type"]["SANCTION"]) == (3, 2)
    assert (f["actor"]["European Union"], fd["actor"]["European Union"]) == (3, 2)
    t = client.get("/api/timeline", params={"granularity": "month"}).json()
    td = client.get("/api/timeline", params={"granularity": "month", "distinct": 1}).json()
    may = lambda x: next(b["counts"] for b in x["buckets"] if b["start"] == "2025-05-01")  # noqa: E731
    assert may(t) == {"asserted": 3} and may(td) == {"asserted": 2}  # ACCUSE and the sanctions, once
    assert sum(p["count"] for p in td["published"]) == N_EVENTS - 1
    n = client.get("/api/network", params={"distinct": 1, "type": "SANCTION"}).json()
    assert n["edges"] == [{"source": "European Union", "target": "Russia", "type": "SANCTION", "count": 2}]


def test_event_lists_the_other_reports_and_related_ones(client, cid):
    e = client.get("/api/events/eu-a/v1").json()
    c = e["cluster"]
    assert c["id"] == cid and (c["n_reports"], c["n_articles"], c["n_outlets"]) == (2, 2, 2)
    [other] = c["reports"]
    assert (other["article_id"], other["id"], other["modality"]) == ("eu-b", "v1", "asserted")
    assert other["title"] == "Brussels tightens the screws" and other["outlet"] == "Daily Ledger"
    assert other["published"] == "2025-05-21" and other["url"] == "https://ledger.example/b"
    assert other["according_to"] == "diplomats (anonymous)"
    # same type and actor, another modality: a separate cluster, shown as related
    assert [(r["article_id"], r["id"], r["modality"]) for r in c["related"]] == [("eu-b", "v2", "planned")]
    single = client.get("/api/events/call-1/v1").json()["cluster"]
    assert single["reports"] == [] and single["n_reports"] == 1 and single["id"]


def test_cards_say_how_many_articles_report_it(client, cid):
    html = client.get("/").text
    links = re.findall(r'<a class="reports" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert links == [(f"/?cluster={cid}", "reported by 2 articles")] * 2
    html = client.get("/", params={"distinct": 1}).text
    assert html.count('class="card ') == N_EVENTS - 1 and "distinct events" in html
    assert re.findall(r'<a class="reports"[^>]*>([^<]+)</a>', html) == ["reported by 2 articles"]
    assert 'name="distinct" value="1" checked' in html
    html = client.get("/", params={"cluster": cid}).text
    assert html.count('class="card ') == 2 and "reports of one event" in html
    assert f'name="cluster" value="{cid}"' in html  # kept when other filters change


def test_event_page_lists_reports_with_source_and_modality(client):
    html = client.get("/events/eu-a/v1").text
    table = html.split('class="reports cluster-reports"')[1].split("</table>")[0]
    assert 'data-event="eu-b/v1"' in table and "Daily Ledger" in table and "diplomats (anonymous)" in table
    assert "✓ asserted" in table and "eu-a/v1" not in table
    related = html.split('class="reports related-reports"')[1].split("</table>")[0]
    assert 'data-event="eu-b/v2"' in related and "→ planned" in related
    html = client.get("/events/call-1/v1").text
    assert "No other article reports this event." in html and "related-reports" not in html


def test_cluster_value_is_escaped(client):
    html = client.get("/", params={"cluster": '"><script>x</script>'}).text
    assert "<script>x" not in html


@pytest.fixture(scope="module", params=["unmerged", "before clusters"])
def old_client(request, tmp_path_factory):
    """A store never merged (cluster_id NULL) and one made before the columns existed."""
    from fastapi.testclient import TestClient

    path = tmp_path_factory.mktemp("old") / "old.duckdb"
    with Store(path) as store:
        store.ingest(all_articles())
        if request.param == "before clusters":
            store.con.execute("DROP INDEX events_date")  # DuckDB alters no table with an index
            for col in ("cluster_id", "actor_keys", "recipient_keys"):
                store.con.execute(f"ALTER TABLE events DROP COLUMN {col}")
    app = create_app(path)
    assert app.state.reader.clustered == (request.param == "unmerged")
    with TestClient(app) as c:
        yield c


def test_stores_without_clusters_treat_each_event_as_its_own(old_client):
    body = old_client.get("/api/events", params={"distinct": 1, "limit": 200}).json()
    assert body["total"] == N_EVENTS == len(body["events"])
    assert all(e["n_reports"] == 1 and e["cluster_id"] is None for e in body["events"])
    assert old_client.get("/api/facets", params={"distinct": 1}).json()["total"] == N_EVENTS
    assert old_client.get("/api/timeline", params={"distinct": 1}).status_code == 200
    assert old_client.get("/api/events", params={"cluster": "c1"}).json()["total"] == 0
    assert old_client.get("/api/events/eu-a/v1").json()["cluster"]["reports"] == []
    for path in ("/", "/?distinct=1", "/events/eu-a/v1", "/entity?name=Russia", "/articles/eu-b", "/map?distinct=1"):
        r = old_client.get(path)
        assert r.status_code == 200 and 'class="reports"' not in r.text, path
    assert old_client.get("/api/map", params={"distinct": 1}).status_code == 200
    assert old_client.get("/api/network", params={"distinct": 1}).status_code == 200
