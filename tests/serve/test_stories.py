"""Stories, merged events and flags in the API and the pages (a store of the Minsk fixture articles)."""
from __future__ import annotations

import pytest

from lagebild.store import Store

from ..merge.fixtures import all_articles


@pytest.fixture(scope="module")
def story_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "stories.duckdb"
    with Store(path) as store:
        for a in all_articles():  # one at a time, as a feed arrives
            store.ingest([a])
            store.merge()
    return path


@pytest.fixture(scope="module")
def story_client(story_store):
    from fastapi.testclient import TestClient

    from lagebild.serve import create_app

    with TestClient(create_app(story_store)) as c:
        yield c


def minsk_story(client) -> dict:  # noqa: ANN001
    stories = client.get("/api/stories").json()["stories"]
    return next(s for s in stories if s["title"].startswith("Polizei"))


def test_story_list_and_contested_filter(story_client):
    body = story_client.get("/api/stories").json()
    assert body["total"] == 2
    assert [s["title"] for s in body["stories"]] == ["EU and Canada agree trade deal", "Polizei erschießt Demonstranten in Minsk"]
    contested = story_client.get("/api/stories", params={"contested": True}).json()
    assert [s["title"] for s in contested["stories"]] == ["Polizei erschießt Demonstranten in Minsk"]
    assert story_client.get("/api/stories", params={"q": "canada"}).json()["total"] == 1


def test_story_timeline_by_event_date_with_reports_and_flags(story_client):
    story = story_client.get(f"/api/stories/{minsk_story(story_client)['id']}").json()
    assert [(e["type"], e["date"]) for e in story["timeline"]] == [("ASSAULT", "2025-03-01"), ("PROTEST", "2025-03-04")]
    shooting = story["timeline"][0]
    assert shooting["n_reports"] == 4 and shooting["n_outlets"] == 4 and shooting["n_languages"] == 2
    assert {(r["outlet"], r["modality"]) for r in shooting["reports"]} == {
        ("Tagesbote", "asserted"), ("Morgenpost", "asserted"), ("Wire", "asserted"), ("Ledger", "negated")}
    kinds = {f["kind"]: f for f in shooting["flags"]}
    assert set(kinds) == {"modality", "figure"}
    figure = kinds["figure"]
    sides = {figure["a"]["value"], figure["b"]["value"]}
    assert sides == {"10 Demonstranten", "4 Demonstranten"}
    evidence = [r["evidence_text"] for side in ("a", "b") for r in figure[side]["reports"]]
    assert any("vier Demonstranten" in t for t in evidence) and any("zehn Demonstranten" in t for t in evidence)
    assert story["outlets"] == ["Ledger", "Morgenpost", "Tagesbote", "Wire"]
    only = story_client.get(f"/api/stories/{story['id']}", params={"contested": True}).json()
    assert [e["type"] for e in only["timeline"]] == ["ASSAULT"]


def test_merged_event_flags_and_contested_events(story_client):
    events = story_client.get("/api/events", params={"contested": True}).json()
    assert events["total"] == 4 and {e["article_id"] for e in events["events"]} == {
        "minsk-de-a", "minsk-de-b", "minsk-en", "minsk-denial"}
    merged = story_client.get(f"/api/merged/{events['events'][0]['cluster_id']}").json()
    assert merged["n_flags"] == 2 and len(merged["reports"]) == 4
    assert story_client.get("/api/flags", params={"kind": "figure"}).json()["flags"][0]["kind"] == "figure"
    assert story_client.get("/api/merged/nope").status_code == 404
    assert story_client.get("/api/stories/nope").status_code == 404
    assert story_client.get("/api/flags", params={"kind": "nonsense"}).status_code == 422


def test_story_page_escapes_and_shows_both_sides(story_client):
    sid = minsk_story(story_client)["id"]
    html = story_client.get(f"/stories/{sid}").text
    assert html.count('class="flag flag-') == 2 and "zehn Demonstranten" in html and "vier Demonstranten" in html
    listing = story_client.get("/stories", params={"q": "<script>x</script>"}).text
    assert "<script>x" not in listing and "&lt;script&gt;x" in listing
    assert story_client.get("/stories/%3Cscript%3E").status_code == 404


def test_stores_without_stories(client):
    """The other fixture store has no flags: nothing is contested; its stories are listed."""
    assert client.get("/api/events", params={"contested": True}).json()["total"] == 0
    assert client.get("/api/stories").status_code == 200
