"""The analyst's page in headless Chromium, on a store whose reporting dates (2001-2009) reach far
beyond its event dates: no crash, readable dates, outlets, downloads, the pan/zoom map, the error page."""
from __future__ import annotations

import csv
import io

import pytest

from lagebild.serve import create_app
from lagebild.store import Store

from .conftest import serving
from .mixed import mixed_articles
from .test_browser import pytestmark  # noqa: F401 - the same skip conditions


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    import uvicorn

    path = tmp_path_factory.mktemp("mixed-browser") / "mixed.duckdb"
    with Store(path) as store:
        store.ingest(mixed_articles())
    app = create_app(path)

    def boom() -> None:
        raise RuntimeError("secret internal detail")

    app.add_api_route("/boom", boom, include_in_schema=False)
    with serving(app) as url:
        yield url


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=base_url, accept_downloads=True)
    pg = context.new_page()
    outside: list[str] = []
    problems: list[str] = []

    def route(r):  # noqa: ANN001, ANN202
        if r.request.url.startswith(base_url) or r.request.url.startswith("data:"):
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    pg.route("**/*", route)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
          if m.type == "error" and "500" not in m.text else None)
    yield pg
    context.close()
    assert outside == [], f"the page asked for something outside the server: {outside}"
    assert problems == []


def until(page, check, what: str, tries: int = 40) -> None:  # noqa: ANN001
    """Poll ``check()`` (no page-side eval: the page's CSP forbids it)."""
    for _ in range(tries):
        if check():
            return
        page.wait_for_timeout(100)
    pytest.fail(f"timed out waiting for {what}")


def test_front_page_dates_and_timeline(page):
    page.goto("/?sort=date")
    assert page.locator("#timeline svg").count() == 1  # used to be a bare "Internal Server Error"
    assert page.locator("#timeline svg rect.published").count() >= 3  # 2001, 2005 and 2009 reports on one axis
    whens = page.locator("main .cards .when").all_inner_texts()
    assert any("25 Mar 2009, afternoon" in w and "(part of day)" in w for w in whens), whens
    undated = page.locator('article[data-event="new-2009/v1"] .when')
    assert "no event date in the text" in undated.inner_text()
    assert "reporting date 26 Mar 2009" in undated.inner_text()
    assert undated.locator("time.event-date").count() == 0  # the reporting date is never shown as the event date


def test_outlet_filter_view_and_download(page):
    page.goto("/")
    page.select_option("#filters select[name=outlet]", "Daily Planet")  # a change submits the form
    page.wait_for_url("**/?outlet=Daily+Planet*")
    assert page.locator("#outlet-view").inner_text().startswith("Reported by Daily Planet")
    events = sorted(c.get_attribute("data-event") for c in page.locator("main .cards article.card").all())
    assert events == ["new-2009/v1", "old-2001/v1"]
    assert set(page.locator("main .cards a.outlet").all_inner_texts()) == {"Daily Planet"}
    with page.expect_download() as dl:
        page.click("#downloads a.dl-csv")
    rows = list(csv.DictReader(io.StringIO(open(dl.value.path(), encoding="utf-8").read())))
    assert sorted(r["article_id"] for r in rows) == ["new-2009", "old-2001"]
    assert {r["outlet"] for r in rows} == {"Daily Planet"} and all(r["title"] and r["url"] for r in rows)
    page.goto("/outlets")
    outlets = page.locator("#outlet-list tbody tr").evaluate_all("rs => rs.map(r => r.dataset.outlet)")
    assert outlets[0] == "Daily Planet" and set(outlets) == {"Daily Planet", "Gazette", "news.example.org"}
    with page.expect_navigation():
        page.click("#outlet-list a.outlet:text('news.example.org')")
    assert [c.get_attribute("data-event") for c in page.locator("main .cards article.card").all()] == ["mid-2005/v1"]


def test_map_pans_zooms_clusters_and_opens_the_event_card(page):
    page.goto("/map")
    page.wait_for_selector("#map[data-ready='1']")
    assert page.locator("#map path.land").count() > 100
    page.click("#map-world")
    page.wait_for_timeout(400)
    # no country is drawn across the whole world (rings over the antimeridian are unwrapped)
    zoom = float(page.locator("#map").get_attribute("data-zoom"))
    world = 256 * 2 ** zoom
    widths = [b["width"] for b in (p.bounding_box() for p in page.locator("#map path.land").all()) if b]
    assert len(widths) > 100 and max(widths) < 0.5 * world, max(widths)
    # at world zoom the two Kyiv places (1 km apart) and Lviv are one cluster of 3 events
    clusters = page.locator("#map .leaflet-marker-icon.cluster")
    assert clusters.count() == 1 and clusters.first.inner_text() == "3"
    # a click on a cluster zooms to its places: Lviv parts from the two Kyiv places
    clusters.first.click()
    until(page, lambda: page.locator("#map .leaflet-marker-icon.place").count() >= 1, "the cluster to split")
    page.wait_for_timeout(500)
    assert page.locator("#map .leaflet-marker-icon.place[title^='Lviv']").count() == 1
    kyiv = page.locator("#map .leaflet-marker-icon.cluster")
    assert kyiv.count() == 1 and kyiv.inner_text() == "2"
    # zoom with the control, and pan by dragging
    zoom = float(page.locator("#map").get_attribute("data-zoom"))
    page.click("#map .leaflet-control-zoom-out")
    until(page, lambda: float(page.locator("#map").get_attribute("data-zoom")) < zoom, "zooming out")
    center = page.locator("#map").get_attribute("data-center")
    box = page.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for i in range(1, 11):
        page.mouse.move(x + 15 * i, y + 6 * i)
        page.wait_for_timeout(20)
    page.mouse.up()
    until(page, lambda: page.locator("#map").get_attribute("data-center") != center, "the map to pan")
    # the Kyiv cluster opens into its two places at a street-level zoom
    page.click("#map-fit")
    page.wait_for_timeout(400)
    page.locator("#map .leaflet-marker-icon.cluster").first.click()
    until(page, lambda: page.locator("#map .leaflet-marker-icon.place[title^='Kyiv']").count() == 2, "the Kyiv places")
    page.wait_for_timeout(400)
    page.locator("#map .leaflet-marker-icon.place[title^='Kyiv: 1']").first.click()
    page.wait_for_selector("#map-card .map-event")
    text = page.locator("#map-card").inner_text()
    assert "Kyiv" in text and "PROTEST" in text and "according to the article itself" in text
    assert "Mar 2009" in text and "open the event" in text


def test_friendly_error_page(page):
    response = page.goto("/boom")
    assert response.status == 500
    assert "something went wrong" in page.locator("main h1").inner_text()
    assert len(page.locator("#incident").inner_text()) == 8
    body = page.content()
    assert "secret internal detail" not in body and "Traceback" not in body


def test_guide_and_event_page_dates(page):
    page.goto("/")
    with page.expect_navigation():
        page.click("header.top nav a:text('How to read')")
    assert page.locator("#guide h1").inner_text() == "How to read lagebild data"
    assert page.locator("#guide tr[id^='type-']").count() == 16
    assert "25 Mar 2009, afternoon" in page.locator("#guide").inner_text()
    page.goto("/events/mid-2005/v1")
    assert page.locator("dd.event-date").inner_text().startswith("25 Mar 2009, afternoon (part of day)")
    page.goto("/events/new-2009/v1")
    assert page.locator("dd.event-date").inner_text() == "no event date in the text"
    assert page.locator("dd.reporting-date").inner_text().startswith("26 Mar 2009 (when the article appeared")
