"""RSS/Atom feeds: entries → pages fetched politely → articles.

- :class:`~lagebild.read.fetch.PoliteClient`: public addresses only by default (every
  redirect checked), size and time caps per response, a User-Agent naming lagebild,
  timeouts, a minimum interval per host, robots.txt honoured (see :mod:`lagebild.read.fetch`).
- :class:`FeedState`: what a feed reader must remember between runs, kept in the store
  (:mod:`lagebild.store.feeds`: ETag / Last-Modified per feed, for conditional requests,
  and every entry URL and content hash taken).
- :func:`read_feed`: one conditional fetch of a feed (``304 Not Modified`` → nothing to
  do); entries whose URL was seen before are not fetched again, and a page whose text
  (whitespace-normalised SHA-1, the article id) was seen under another URL is dropped.

The caller stores the articles and then calls :meth:`FeedState.save`, so validators and
seen URLs are remembered only for what really went into the store.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urljoin

from ..errors import DateDiscardedWarning, GuessedDateWarning, InputError
from ..settings import Settings
from ..store import feeds as feed_tables
from .article import RawArticle, ReadFailure, article_id
from .fetch import USER_AGENT, PoliteClient, TransientFetchError
from .html import read_html

if TYPE_CHECKING:
    from ..store import Store


class FeedState:
    """Validators and seen entries of feeds, kept in ``store`` (a :class:`~lagebild.store.Store`)
    by :mod:`lagebild.store.feeds`."""

    def __init__(self, store: "Store") -> None:
        self.store = store
        feed_tables.create_feed_tables(store)

    def validators(self, feed_url: str) -> tuple[str | None, str | None]:
        return feed_tables.feed_validators(self.store, feed_url)

    def seen_url(self, url: str) -> bool:
        return feed_tables.url_seen(self.store, url)

    def seen_content(self, content_hash: str) -> bool:
        return feed_tables.content_seen(self.store, content_hash)

    def save(self, result: "FeedResult", stored: set[str] | None = None) -> None:
        """Remember the feed's validators and the entries done with (``stored``: ids of the
        articles that went into the store; None means all).

        Done with: stored articles, duplicates, and entries that failed for good (no
        article text, 404, robots.txt). Entries that failed for the moment (timeouts, 5xx,
        429) and articles not stored are not remembered: they are tried again the next
        time the feed is fetched with changes.
        """
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        if result.status == 200:
            feed_tables.save_feed_validators(self.store, result.url, result.etag, result.last_modified,
                                             result.status, now)
        rows = [(a.url, article_id(a.text), result.url, now) for a in result.articles if stored is None or a.id in stored]
        rows += [(u, h, result.url, now) for u, h in result.duplicates]
        rows += [(f.source, None, result.url, now) for f in result.failures
                 if f.offset is not None and f.source != result.url and not f.extra.get("retry")]
        feed_tables.mark_seen(self.store, rows)


@dataclass
class FeedResult:
    url: str
    status: int = 0
    etag: str | None = None
    last_modified: str | None = None
    entries: int = 0
    articles: list[RawArticle] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    seen: int = 0
    """Entries skipped because their URL was taken before."""
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    """(url, content hash) of pages whose text was already taken under another URL."""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.timezone.utc).date()
    return None


def read_feed(url: str, state: FeedState, client: PoliteClient, settings: Settings | None = None) -> FeedResult:
    """Fetch ``url`` (conditionally) and the pages of its new entries."""
    import feedparser

    settings = settings or Settings()
    result = FeedResult(url)
    etag, modified = state.validators(url)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        resp = client.get(url, headers)
    except InputError as err:
        result.failures.append(ReadFailure(url, err))
        return result
    result.status = resp.status_code
    if resp.status_code == 304:
        result.etag, result.last_modified = etag, modified
        return result
    if resp.status_code != 200:
        result.failures.append(ReadFailure(url, InputError(f"feed answered HTTP {resp.status_code}", path=url)))
        return result
    result.etag, result.last_modified = resp.headers.get("etag"), resp.headers.get("last-modified")
    parsed = feedparser.parse(resp.content, response_headers={"content-location": resp.url})
    if parsed.bozo and not parsed.entries:
        result.failures.append(ReadFailure(url, InputError(f"not an RSS/Atom feed: {parsed.get('bozo_exception')}",
                                                           path=url)))
        return result
    taken: set[str] = set()
    for offset, entry in enumerate(parsed.entries, start=1):
        result.entries += 1
        link = entry.get("link")
        if not link:
            result.failures.append(ReadFailure(url, InputError("entry has no link", path=url), offset=offset))
            continue
        link = urldefrag(urljoin(resp.url, link))[0]
        if state.seen_url(link) or any(a.url == link for a in result.articles):
            result.seen += 1
            continue
        try:
            page = client.get(link)
            if page.status_code != 200:
                raise InputError(f"page answered HTTP {page.status_code}", path=link)
            article = read_html(page.text, path=link, settings=settings, url=link)
        except InputError as err:
            result.failures.append(ReadFailure(link, err, offset=offset,
                                               extra={"feed": url, "retry": isinstance(err, TransientFetchError)}))
            continue
        digest = article_id(article.text)
        if digest in taken or state.seen_content(digest):
            result.duplicates.append((link, digest))
            continue
        taken.add(digest)
        article.url = link
        article.path = link
        article.title = article.title or entry.get("title")
        entry_date = _entry_date(entry)
        if entry_date is not None:  # the feed knows better than a guess
            article.published, article.published_source = entry_date, "feed"
            article.drop_warnings(GuessedDateWarning)
            article.drop_warnings(DateDiscardedWarning)
        result.articles.append(article)
    return result


__all__ = ["USER_AGENT", "FeedResult", "FeedState", "PoliteClient", "TransientFetchError", "read_feed"]
