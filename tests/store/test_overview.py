"""store.overview: the questions `lagebild summary` asks, as functions (no SQL in the CLI)."""
from lagebild.records import SourceInfo
from lagebild.store import Store
from lagebild.store.overview import ARTICLE_COLUMNS, EVENT_COLUMNS, article_overview, event_overview

from .test_store import make_article


def _article(aid, published, url=None, outlet=None, title=None):
    art = make_article(aid)
    return art.model_copy(update={"published": published, "source": SourceInfo(url=url, outlet=outlet, title=title)})


def test_articles_in_publication_order_with_their_outlet(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([_article("a-late", "2025-07-09", url="https://www.daily.example/a", title="Late"),
                      _article("m-none", None, outlet="Wire"),
                      _article("x-early", "2025-07-01", outlet=" Herald ")])
        rows = [dict(zip(ARTICLE_COLUMNS, r)) for r in article_overview(store)]
    assert [r["id"] for r in rows] == ["x-early", "a-late", "m-none"]  # unknown dates last
    assert [r["outlet"] for r in rows] == ["Herald", "daily.example", "Wire"]
    assert rows[1]["title"] == "Late" and rows[0]["language"] == "en" and rows[0]["n_events"] == 1


def test_first_events_by_date_with_their_article(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([_article(f"a{i}", "2025-07-05", url=f"https://news{i}.example/x", title=f"T{i}")
                      for i in range(3)])
        rows = [dict(zip(EVENT_COLUMNS, r)) for r in event_overview(store, 2)]
        assert len(event_overview(store, 10)) == 3
    assert [r["article_id"] for r in rows] == ["a0", "a1"]
    first = rows[0]
    assert first["type"] == "CONSULT" and first["actor_names"] == ["Donald Trump"]
    assert first["recipient_names"] == ["Volodymyr Zelenskyy"] and first["source_count"] == 2
    assert (first["title"], first["outlet"]) == ("T0", "news0.example")
