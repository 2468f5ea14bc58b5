"""HTML articles via trafilatura: text, title, date and url.

Before trafilatura sees a page it is checked against size, element-count and nesting
limits (E105). The publication date is *read* only from what the page declares for
machines (meta tags, JSON-LD, ``<time datetime>``, its URL: htmldate's fast search). When
the page declares none, htmldate's extensive search over the page text gives a *guess*:
it is used with a W102 warning and ``published_source = "guessed"`` — except a bare year,
which htmldate turns into 1 January (an impossible ``2025-13-45`` becomes 2025-01-01):
that is not used (W105).
"""
from __future__ import annotations

import datetime as dt
import re

from ..errors import DateDiscardedWarning, GuessedDateWarning, HTMLLimitError, InputError
from ..settings import Settings
from .article import RawArticle, check_text, parse_published
from .identity import resolve_id
from .limits import HTML_MAX_DEPTH, HTML_MAX_ELEMENTS, max_html_chars

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_NO_NESTING = frozenset(
    "area base br col embed hr img input link meta source track wbr param keygen "  # void elements
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp html head body".split())
_MONTHS_JAN = r"(?:jan(?:uary|uar|\.)?|jän(?:ner)?\.?|janvier|enero)"


def check_html(html: str, *, path: str, settings: Settings) -> None:
    """Size, element count and nesting depth, before any parser runs."""
    check_text(html, path=path, max_chars=max_html_chars(settings.max_chars))
    if html.count("<") > HTML_MAX_ELEMENTS:
        n = sum(1 for _ in _TAG.finditer(html))
        if n > HTML_MAX_ELEMENTS:
            raise HTMLLimitError(f"{n:,} tags, more than the limit of {HTML_MAX_ELEMENTS:,}", path=path)
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _NO_NESTING or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > HTML_MAX_DEPTH:
                    raise HTMLLimitError(f"elements nested more than {HTML_MAX_DEPTH} deep", path=path)


def _states_jan_first(year: int, html: str) -> bool:
    """Whether the page really names 1 January ``year`` (htmldate's year-only fallback does not)."""
    y = str(year)
    pattern = (rf"{y}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{y}|\b0?1(?:st)?\.?\s+{_MONTHS_JAN}\s+{y}"
               rf"|{_MONTHS_JAN}\s+0?1(?:st)?,?\s+{y}")
    return re.search(pattern, html, re.IGNORECASE) is not None


def guess_date(html: str, *, url: str | None) -> str | None:
    """htmldate's extensive search (page text included); None when it finds nothing."""
    from htmldate import find_date

    try:
        return find_date(html, url=url, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a guess that fails is no guess
        return None


def read_html(html: str, *, path: str, settings: Settings, url: str | None = None, guess: bool = True) -> RawArticle:
    """One article from a page. ``url``: where the page was fetched from (WARC, feed), its
    identity; a URL the page only names for itself is kept as ``url`` but not as its id.
    ``guess``: guess a date from the page text when it declares none (see :func:`use_guess`)."""
    import trafilatura  # heavy import, only when HTML is read

    check_html(html, path=path, settings=settings)
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=True,
                                          date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as err:  # trafilatura raises many kinds on broken markup
        raise InputError(f"cannot parse HTML: {err!r}", path=path) from err
    if doc is None:
        raise InputError("no article text found in the HTML", path=path)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    check_text(text, path=path, max_chars=settings.max_chars)
    article = RawArticle(text=text, id=resolve_id(None, url, text), title=data.get("title"), url=url,
                         path=path, outlet=data.get("sitename"))
    article.url = data.get("url") or url
    try:
        article.published = parse_published(data.get("date"), path=path)
        article.published_source = "metadata" if article.published else None
    except InputError:
        article.warn(DateDiscardedWarning, f"the page declares an impossible date {data.get('date')!r}; not used")
    if article.published is None and guess:
        use_guess(article, html, url)
    return article


def use_guess(article: RawArticle, html: str, url: str | None) -> None:
    guess = guess_date(html, url=url)
    if not guess:
        return
    try:
        date = dt.date.fromisoformat(guess)
    except ValueError:
        return
    if date.month == 1 and date.day == 1 and not _states_jan_first(date.year, html):
        article.warn(DateDiscardedWarning, f"only a year ({date.year}) found for the publication date; not used")
        return
    article.published, article.published_source = date, "guessed"
    article.warn(GuessedDateWarning, f"publication date {guess} guessed from the page text (the page declares "
                 "none); check it")
