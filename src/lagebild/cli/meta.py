"""Per-file metadata for single-file articles (``.txt``, ``.html``): a header or a sidecar.

A plain-text file may start with header lines, one ``key: value`` each, keys ``published``
(YYYY-MM-DD), ``url``, ``outlet``, ``title`` and ``language``; a blank line may follow them::

    published: 2009-03-25
    url: https://www.example.org/news/1
    outlet: Example News

    Title of the article

    Body ...

Any single-file article may instead (or as well) have a sidecar ``NAME.meta.json`` beside
``NAME.txt`` / ``NAME.html`` with the same keys: ``{"published": "2009-03-25", "url": ...}``.
Order of precedence for each field: header, then sidecar, then the file's own metadata
(HTML), then the command line's ``--published`` (the date for files that name none; a date
guessed from the page text or taken from a WARC crawl is not the file's own and yields to it).
The header lines are removed from the text before analysis.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import DateDiscardedWarning, GuessedDateWarning, InputError
from ..read import RawArticle, ReadFailure, article_id, parse_published
from ..read.text import split_title

KEYS = ("published", "url", "outlet", "title", "language")
_HEADER = re.compile(r"(published|url|outlet|title|language)[ \t]*:[ \t]*(\S.*?)\s*", re.IGNORECASE)
_SINGLE = (".txt", ".text", ".html", ".htm")
_NOT_OWN = ("guessed", "crawl")  # a date guessed from the page text or taken from the crawl yields to --published


def sidecar_path(path: str | Path) -> Path:
    p = Path(path)
    return p.with_name(p.stem + ".meta.json")


def read_header(text: str) -> tuple[dict, str]:
    """``(fields, rest)``: the header lines at the top of ``text`` and the text after them."""
    fields: dict[str, str] = {}
    lines = text.lstrip("\ufeff").split("\n")
    i = 0
    while i < len(lines) and (m := _HEADER.fullmatch(lines[i].rstrip("\r"))):
        fields.setdefault(m.group(1).lower(), m.group(2))
        i += 1
    if not fields:
        return {}, text
    while i < len(lines) and not lines[i].strip():
        i += 1
    return fields, "\n".join(lines[i:])


def read_sidecar(path: str | Path) -> dict:
    """The fields of ``NAME.meta.json`` beside ``path`` ({} when there is none); InputError when broken."""
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"sidecar {side.name}: cannot read ({err})", path=str(side)) from err
    if not isinstance(data, dict):
        raise InputError(f"sidecar {side.name}: not a JSON object", path=str(side))
    return {k: str(data[k]) for k in KEYS if data.get(k) not in (None, "")}


def with_file_meta(raw: RawArticle, fallback_published=None) -> RawArticle | ReadFailure:  # noqa: ANN001
    """``raw`` with its header and sidecar applied, and ``fallback_published`` where it has no date."""
    path = raw.path or ""
    try:
        fields: dict[str, str] = {}
        if path.lower().endswith((".txt", ".text")):
            full = f"{raw.title}\n\n{raw.text}" if raw.title else raw.text
            header, rest = read_header(full)
            if header:
                title, body = split_title(rest)
                raw.text, raw.title = body, title
                raw.id = article_id(body)
                fields.update(header)
        if path.lower().endswith(_SINGLE):
            for k, v in read_sidecar(path).items():
                fields.setdefault(k, v)
        if "published" in fields:
            raw.published, raw.published_source = parse_published(fields["published"], path=path), "metadata"
            _drop_date_warnings(raw)
        for k in ("url", "outlet", "title", "language"):
            if k in fields:
                setattr(raw, k, fields[k])
    except InputError as err:
        return ReadFailure(path, err)
    if fallback_published is not None and (raw.published is None or raw.published_source in _NOT_OWN):
        raw.published, raw.published_source = fallback_published, "caller"
        _drop_date_warnings(raw)
    return raw


def _drop_date_warnings(raw: RawArticle) -> None:
    """The W102 (guessed date) and W105 (date not used) notes no longer apply once a date is given."""
    raw.drop_warnings(GuessedDateWarning)
    raw.drop_warnings(DateDiscardedWarning)
