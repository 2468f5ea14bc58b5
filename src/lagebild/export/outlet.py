"""Where a report comes from: its outlet, title and URL, the same way in every export and in the page.

An article's outlet is the name its metadata gives (``source.outlet``: the HTML site name,
a record's ``outlet`` field); without one, the host of its URL without ``www.``
(``https://www.dailyplanet.example/a`` -> ``dailyplanet.example``). The input file name
is never an outlet. :func:`outlet_sql` is the same rule over the store's ``articles`` table.
"""
from __future__ import annotations

from urllib.parse import urlsplit


def outlet_sql(table: str = "") -> str:
    """The outlet rule as a DuckDB expression over ``outlet`` and ``url`` of ``table`` (an alias, or none)."""
    p = f"{table}." if table else ""
    return (f"coalesce(nullif(trim({p}outlet), ''), nullif(regexp_replace(lower(regexp_extract(coalesce({p}url, ''), "
            "'^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)', 1)), '^www\\.', ''), ''))")


def outlet_name(outlet: str | None, url: str | None) -> str | None:
    """The outlet named in the metadata, else the URL's host without ``www.``; None when neither is known."""
    if outlet and outlet.strip():
        return outlet.strip()
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def provenance(source) -> dict:  # noqa: ANN001 - a lagebild.records.SourceInfo
    """``{"outlet", "title", "url"}`` of an article's :class:`~lagebild.records.SourceInfo`."""
    return {"outlet": outlet_name(source.outlet, source.url), "title": source.title, "url": source.url}
