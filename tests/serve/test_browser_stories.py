"""The story view and its flags in headless Chromium (Debian's, driven by Playwright)."""
from __future__ import annotations

import pytest

from .conftest import serving
from .test_browser import pytestmark  # noqa: F401 - the same skip conditions
from .test_stories import story_store  # noqa: F401 - fixture


@pytest.fixture(scope="module")
def story_server(story_store):  # noqa: F811
    from lagebild.serve import create_app

    with serving(create_app(story_store)) as url:
        yield url


@pytest.fixture
def page(browser, story_server, tmp_path):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, base_url=story_server)
    pg = context.new_page()
    problems: list[str] = []
    pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(story_server) else
             (problems.append(r.request.url), r.abort()))
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    yield pg
    context.close()
    assert problems == []


def test_story_view_timeline_reports_and_flags_side_by_side(page, tmp_path):
    import os

    page.goto("/")
    with page.expect_navigation():
        page.locator("header.top nav a", has_text="Stories").click()
    rows = page.locator("#story-list tr[data-story]")
    assert rows.count() == 2
    with page.expect_navigation():
        page.locator("#story-filters input[name=contested]").check()
        page.locator("#story-filters button").click()
    assert "contested=1" in page.url and page.locator("#story-list tr[data-story]").count() == 1
    with page.expect_navigation():
        page.locator("#story-list a").first.click()
    items = page.locator("#timeline-list li.merged")
    assert items.count() == 2
    assert [items.nth(i).get_attribute("data-date") for i in range(2)] == ["2025-03-01", "2025-03-04"]  # by event date
    shooting = items.nth(0)
    assert "contested" in shooting.get_attribute("class")
    assert shooting.locator("table.story-reports tbody tr").count() == 4
    flag = shooting.locator('.flag[data-kind="figure"]')
    sides = flag.locator(".side")
    assert sides.count() == 2
    # the two sides stand next to each other, not one under the other
    a, b = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert abs(a["y"] - b["y"]) < 2 and b["x"] > a["x"] + a["width"] - 2
    texts = sides.nth(0).inner_text() + sides.nth(1).inner_text()
    assert "vier Demonstranten" in texts and "zehn Demonstranten" in texts
    assert shooting.locator('.flag[data-kind="modality"]').inner_text().count("Ledger") == 1
    page.screenshot(path=str(os.environ.get("LAGEBILD_SCREENSHOTS") and
                             os.path.join(os.environ["LAGEBILD_SCREENSHOTS"], "story.png") or tmp_path / "story.png"),
                    full_page=True)
    # only the contested events of the story
    with page.expect_navigation():
        page.locator("#only-contested").click()
    assert page.locator("#timeline-list li.merged").count() == 1


def test_contested_filter_on_the_events_page(page):
    page.goto("/")
    with page.expect_navigation():
        page.locator("input[name=contested]").check()
    assert "contested=1" in page.url
    shown = [c.get_attribute("data-event") for c in page.locator("main .cards article.card").all()]
    assert sorted(shown) == ["minsk-de-a/v1", "minsk-de-b/v1", "minsk-denial/v1", "minsk-en/v1"]
