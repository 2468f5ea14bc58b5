"""store.feeds: the feed tables and their questions, without a feed."""
import datetime as dt

from lagebild.store import Store
from lagebild.store.feeds import (
    content_seen,
    create_feed_tables,
    feed_validators,
    mark_seen,
    save_feed_validators,
    url_seen,
)

NOW = dt.datetime(2025, 7, 15, 12, 0)


def test_validators_are_remembered_per_feed_and_replaced():
    with Store(":memory:") as store:
        create_feed_tables(store)
        create_feed_tables(store)  # again: nothing happens
        assert feed_validators(store, "https://a.example/feed") == (None, None)
        save_feed_validators(store, "https://a.example/feed", '"v1"', "Mon, 14 Jul 2025", 200, NOW)
        save_feed_validators(store, "https://a.example/feed", '"v2"', None, 200, NOW)
        save_feed_validators(store, "https://b.example/feed", '"b"', None, 200, NOW)
        assert feed_validators(store, "https://a.example/feed") == ('"v2"', None)
        assert feed_validators(store, "https://b.example/feed") == ('"b"', None)


def test_seen_urls_and_content():
    with Store(":memory:") as store:
        create_feed_tables(store)
        mark_seen(store, [("https://a.example/1", "h1", "https://a.example/feed", NOW),
                          ("https://a.example/gone", None, "https://a.example/feed", NOW)])
        assert url_seen(store, "https://a.example/1") and url_seen(store, "https://a.example/gone")
        assert not url_seen(store, "https://a.example/2")
        assert content_seen(store, "h1") and not content_seen(store, "h2")
        mark_seen(store, [("https://a.example/1", "h3", "https://a.example/feed", NOW)])  # the same URL again
        assert content_seen(store, "h3") and not content_seen(store, "h1")
