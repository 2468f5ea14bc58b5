"""The page in headless Chromium (Debian's, driven by Playwright) on a store of fixture articles.

Screenshots go to a temporary folder, or to $LAGEBILD_SCREENSHOTS (e.g. docs/screenshots).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from .articles import XSS_NAME
from .conftest import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium; .ci/run installs it)"),
]


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("LAGEBILD_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def page(browser, live_server):
    """A page that may talk to the test server only, and fails the test on a dialog or a script error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=live_server)
    pg = context.new_page()
    outside: list[str] = []
    problems: list[str] = []

    def route(r):  # noqa: ANN001, ANN202
        if r.request.url.startswith(live_server) or r.request.url.startswith("data:"):
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    pg.route("**/*", route)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    yield pg
    context.close()
    assert outside == [], f"the page asked for something outside the server: {outside}"
    assert problems == []


def cards(pg) -> list[tuple[str, str, str]]:  # noqa: ANN001
    return [(c.get_attribute("data-event"), c.get_attribute("data-type"), c.get_attribute("data-modality"))
            for c in pg.locator("main .cards article.card").all()]


def test_events_page_timeline_and_cards(page, shots):
    page.goto("/")
    assert len(cards(page)) == 12
    assert page.locator("#result-summary .total").inner_text() == "12"
    # by month (three events are dated only to a month): March, May, June (asserted; planned), July (asserted +
    # negated), August
    assert page.locator("#timeline svg rect.seg").count() == 7
    assert "per month" in page.locator("#timeline figcaption").inner_text()
    assert page.locator("#timeline svg rect.published").count() >= 1
    # modalities look different: border style of an asserted, a planned and a negated card
    style = {m: page.locator(f"main .cards article.mod-{m}").first.evaluate(
        "e => getComputedStyle(e).borderLeftStyle + ' ' + getComputedStyle(e).borderLeftColor") for m in
        ("asserted", "planned", "negated", "hypothetical")}
    assert len(set(style.values())) == 4, style
    assert "line-through" in page.locator("main .cards article.mod-negated .who").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine")
    # the reporting date is shown apart from the event date
    card = page.locator('article[data-event="call-1/v1"]')
    assert card.locator(".when time").inner_text() == "4 Jul 2025"  # readable, with its precision
    assert card.locator(".when .precision").inner_text() == "(day)"
    assert card.locator(".when time").get_attribute("title") == "TIMEX value 2025-07-04"
    assert card.locator(".reported").inner_text() == "· reported 5 Jul 2025"
    page.screenshot(path=str(shots / "events.png"), full_page=True)
    # the README's picture: every type but the hostile article's PROTEST
    types = "&".join(f"type={t}" for t in ("AGREE", "CONSULT", "AID", "ACCUSE", "ASSAULT"))
    page.goto(f"/?{types}")
    assert len(cards(page)) == 8
    page.screenshot(path=str(shots / "overview.png"), full_page=True)


def test_filters_and_asserted_only(page, shots):
    page.goto("/")
    with page.expect_navigation():
        page.locator("input[name=asserted_only]").check()
    assert "asserted_only=1" in page.url and "q=" not in page.url  # empty fields are left out
    shown = cards(page)
    assert len(shown) == 6 and {m for _, _, m in shown} == {"asserted"}
    with page.expect_navigation():
        page.locator("select[name=type]").select_option(["CONSULT"])
    assert sorted(e for e, _, _ in cards(page)) == ["call-1/v1", "de/merz 1/v1"]
    page.goto("/")
    page.fill("input[name=actor]", "Trump")
    with page.expect_navigation():
        page.locator("form#filters button[type=submit]").click()
    assert sorted(e for e, _, _ in cards(page)) == ["call-1/v1", "call-1/v2"]
    # a click on a timeline bar filters by that date range
    page.goto("/?language=en")
    with page.expect_navigation():
        page.locator("#timeline a.bar").first.click()
    assert "date_from=" in page.url and "date_to=" in page.url
    assert 0 < len(cards(page)) < 6
    page.goto("/?asserted_only=1")
    page.screenshot(path=str(shots / "events-asserted-only.png"), full_page=True)


def test_one_card_per_real_event(page, shots):
    page.goto("/?asserted_only=1")
    assert len(cards(page)) == 6
    with page.expect_navigation():
        page.locator("input[name=distinct]").check()
    assert "distinct=1" in page.url and "asserted_only=1" in page.url
    shown = [e for e, _, _ in cards(page)]
    assert len(shown) == 5 and "eu-b/v1" in shown and "eu-a/v1" not in shown
    assert page.locator("#result-summary").inner_text().startswith("5 distinct events")
    link = page.locator('article[data-event="eu-b/v1"] a.reports')
    assert link.inner_text() == "reported by 2 articles"
    page.screenshot(path=str(shots / "events-distinct.png"), full_page=True)
    with page.expect_navigation():
        link.click()
    assert "cluster=" in page.url
    assert sorted(e for e, _, _ in cards(page)) == ["eu-a/v1", "eu-b/v1"]  # the reports of it, the switch kept
    # the event page: the other outlet's report, and the planned sanctions kept apart
    page.goto("/events/eu-a/v1")
    rows = page.locator("table.cluster-reports tbody tr")
    assert rows.count() == 1 and "Daily Ledger" in rows.inner_text() and "asserted" in rows.inner_text()
    related = page.locator("table.related-reports tbody tr")
    assert related.count() == 1 and "planned" in related.inner_text()
    page.screenshot(path=str(shots / "event-reports.png"), full_page=True)


def test_event_card_shows_evidence_and_source(page, shots):
    page.goto("/")
    with page.expect_navigation():
        page.locator('article[data-event="call-1/v1"] a.open').click()
    assert page.url.endswith("/events/call-1/v1")
    ev = page.locator("blockquote.evidence")
    assert ev.locator("mark.hl-actor").first.inner_text() == "Trump"
    assert ev.locator("mark.hl-trigger").inner_text() == "called"
    assert ev.locator("mark.hl-recipient").inner_text() == "Zelenskyy"
    assert ev.locator("mark.hl-date").inner_text() == "on Friday"
    assert ev.locator("mark.hl-source").inner_text() == "two officials familiar with the call"
    assert "according to two officials familiar with the call (anonymous ×2)" in page.locator(".according").inner_text()
    page.screenshot(path=str(shots / "event.png"), full_page=True)
    # the attribution chain of a reported report
    page.goto("/events/chain-1/v1")
    chain = page.locator("ol.chain li").all_inner_texts()
    assert len(chain) == 2 and "an unnamed official" in chain[0] and "the newspaper Haaretz" in chain[1]
    assert "hypothetical" in page.locator("article.card .badge").first.inner_text()


def test_article_view_highlights_every_annotation(page, shots):
    page.goto("/events/call-1/v2")
    with page.expect_navigation():
        page.locator("a.article-link").first.click()
    assert "/articles/call-1" in page.url
    text = page.locator("#article-text")
    assert text.inner_text().startswith("Trump called Zelenskyy on Friday")
    assert text.locator("mark.hl-ent-PER").count() >= 4
    assert set(text.locator("mark.hl-time").all_inner_texts()) == {"on Friday", "in August", "on Thursday"}
    assert "two officials familiar with the call" in text.locator("mark.hl-source").all_inner_texts()
    assert text.locator("mark.hl-quote").count() >= 3 and text.locator("mark.hl-evidence").count() >= 3
    focus = text.locator("#hl-focus")
    assert focus.count() == 1 and focus.inner_text() == "Trump"
    assert "".join(text.locator("mark.hl-focus").all_inner_texts()) == "Trump plans to meet Putin in Alaska in August"
    page.screenshot(path=str(shots / "article.png"), full_page=True)


def test_hostile_article_renders_as_text(page):
    for path in ("/articles/xss-1", "/events/xss-1/v1", "/?article=xss-1", f"/entity?name={XSS_NAME}", "/network"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.locator("main img, main svg[onload], main script").count() == 0
    page.goto("/articles/xss-1")
    assert '<script>window.__xss="text"</script>' in page.locator("#article-text").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0


def test_map_draws_outlines_and_places_offline(page, shots):
    page.goto("/map")
    page.wait_for_selector("#map[data-ready='1']")
    assert page.locator("#map path.land").count() > 100  # Natural Earth outlines, shipped with the package
    places = page.locator("#map .leaflet-marker-icon.place")
    groups = page.locator("#map .leaflet-marker-icon.cluster")
    # every event place is drawn, alone or inside a cluster that shows their total
    counted = places.count() + sum(int(t) for t in groups.all_inner_texts())
    assert places.count() + groups.count() >= 1 and counted >= 5
    page.click("#map-world")
    page.screenshot(path=str(shots / "map.png"), full_page=True)


def test_actor_network(page, shots):
    page.goto("/network")
    page.wait_for_selector("#network[data-ready='1']")
    names = page.locator("#network .node text").all_text_contents()
    assert {"Donald Trump", "Vladimir Putin", "Iran", "Israel"} <= set(names)
    assert page.locator("#network path.edge").count() == 7
    assert page.locator("#network path.edge.q-conf-material").count() == 2  # Israel -> Iran ASSAULT, EU -> Russia SANCTION
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    page.goto("/network?type=ACCUSE")
    page.wait_for_selector("#network[data-ready='1']")
    assert page.locator("#network path.edge").count() == 1
