"""HTML articles via trafilatura: text, title, date and url."""
from __future__ import annotations

from ..errors import InputError
from ..settings import Settings
from .article import RawArticle, check_text, parse_published


def read_html(html: str, *, path: str, settings: Settings, url: str | None = None) -> RawArticle:
    import trafilatura  # heavy import, only when HTML is read

    check_text(html, path=path, max_chars=settings.max_chars * 10)
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=True)
    except Exception as err:  # trafilatura raises many kinds on broken markup
        raise InputError(f"cannot parse HTML: {err}", path=path) from err
    if doc is None:
        raise InputError("no article text found in the HTML", path=path)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    check_text(text, path=path, max_chars=settings.max_chars)
    try:
        published = parse_published(data.get("date"), path=path)
    except InputError:
        published = None  # an unparseable date in page metadata is not the article's fault
    return RawArticle(
        text=text,
        title=data.get("title"),
        published=published,
        url=data.get("url") or url,
        language=None,
        outlet=data.get("sitename"),
    )
