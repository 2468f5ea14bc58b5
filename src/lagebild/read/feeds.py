"""RSS/Atom feeds: entries → pages fetched politely → articles.

- :class:`PoliteClient`: httpx with a User-Agent naming lagebild, timeouts, a minimum
  interval between two requests to the same host, robots.txt honoured (a host without
  one, or one that cannot be read, allows everything), and a size limit per page.
- :class:`FeedState`: what a feed reader must remember between runs, in two small tables
  of the store's DuckDB file: ``feed_state`` (ETag / Last-Modified per feed, for
  conditional requests) and ``feed_seen`` (every entry URL and content hash taken).
- :func:`read_feed`: one conditional fetch of a feed (``304 Not Modified`` → nothing to
  do); entries whose URL was seen before are not fetched again, and a page whose text
  (whitespace-normalised SHA-1, the article id) was seen under another URL is dropped.

The caller stores the articles and then calls :meth:`FeedState.save`, so validators and
seen URLs are remembered only for what really went into the store.
"""
from __future__ import annotations

import calendar
import datetime as dt
import time
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import InputError
from ..settings import Settings
from .article import RawArticle, ReadFailure, article_id
from .html import read_html

USER_AGENT = "lagebild/0.1 (news event extraction; feed reader; +https://pypi.org/project/lagebild/)"


class TransientFetchError(InputError):
    """A fetch that may work later (network error, timeout, HTTP 429 or 5xx)."""


class PoliteClient:
    """HTTP GET with manners. ``transport`` is for tests (an httpx transport)."""

    def __init__(self, *, user_agent: str = USER_AGENT, min_interval: float = 1.0, timeout: float = 15.0,
                 max_bytes: int = 10_000_000, transport=None) -> None:
        import httpx

        self.user_agent = user_agent
        self.min_interval = min_interval
        self.max_bytes = max_bytes
        self.http = httpx.Client(headers={"User-Agent": user_agent}, timeout=timeout, follow_redirects=True,
                                 transport=transport)
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self.requests = 0

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            delay = self.min_interval - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last[host] = time.monotonic()

    def _raw_get(self, url: str, headers: dict[str, str] | None = None):
        self._wait(urlsplit(url).netloc)
        self.requests += 1
        return self.http.get(url, headers=headers or {})

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            parser: RobotFileParser | None = None
            try:
                resp = self._raw_get(urljoin(host, "/robots.txt"))
                if resp.status_code == 200:
                    parser = RobotFileParser()
                    parser.parse(resp.text.splitlines())
            except Exception:  # noqa: BLE001 - no readable robots.txt: allowed
                parser = None
            self._robots[host] = parser
        parser = self._robots[host]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def get(self, url: str, headers: dict[str, str] | None = None):
        """GET ``url`` (robots.txt and the per-host interval respected); raises InputError."""
        import httpx

        if not self.allowed(url):
            raise InputError("robots.txt does not allow fetching this page", path=url)
        try:
            resp = self._raw_get(url, headers)
        except httpx.HTTPError as err:
            raise TransientFetchError(f"cannot fetch: {err!r}", path=url) from err
        if resp.status_code == 429 or resp.status_code >= 500:
            raise TransientFetchError(f"HTTP {resp.status_code}, try again later", path=url)
        if len(resp.content) > self.max_bytes:
            raise InputError(f"{len(resp.content):,} bytes, more than the limit of {self.max_bytes:,}", path=url)
        return resp


class FeedState:
    """Validators and seen entries, in the store's DuckDB file (``con``: a duckdb connection)."""

    def __init__(self, con) -> None:
        self.con = con
        con.execute(
            "CREATE TABLE IF NOT EXISTS feed_state (url VARCHAR PRIMARY KEY, etag VARCHAR, "
            "last_modified VARCHAR, status INTEGER, checked_at TIMESTAMP)"
        )
        con.execute(
            "CREATE TABLE IF NOT EXISTS feed_seen (url VARCHAR PRIMARY KEY, content_hash VARCHAR, "
            "feed VARCHAR, seen_at TIMESTAMP)"
        )

    def validators(self, feed_url: str) -> tuple[str | None, str | None]:
        row = self.con.execute("SELECT etag, last_modified FROM feed_state WHERE url = ?", [feed_url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def seen_url(self, url: str) -> bool:
        return self.con.execute("SELECT 1 FROM feed_seen WHERE url = ?", [url]).fetchone() is not None

    def seen_content(self, content_hash: str) -> bool:
        return self.con.execute("SELECT 1 FROM feed_seen WHERE content_hash = ? LIMIT 1",
                                [content_hash]).fetchone() is not None

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
            self.con.execute(
                "INSERT OR REPLACE INTO feed_state VALUES (?, ?, ?, ?, ?)",
                [result.url, result.etag, result.last_modified, result.status, now],
            )
        rows = [(a.url, a.id, result.url, now) for a in result.articles if stored is None or a.id in stored]
        rows += [(u, h, result.url, now) for u, h in result.duplicates]
        rows += [(f.source, None, result.url, now) for f in result.failures
                 if f.offset is not None and f.source != result.url and not f.extra.get("retry")]
        for row in rows:
            self.con.execute("INSERT OR REPLACE INTO feed_seen VALUES (?, ?, ?, ?)", list(row))


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
    result.etag, result.last_modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
    parsed = feedparser.parse(resp.content, response_headers={"content-location": str(resp.url)})
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
        link = urldefrag(urljoin(str(resp.url), link))[0]
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
        article.published = _entry_date(entry) or article.published  # the feed knows better than a guess
        result.articles.append(article)
    return result
