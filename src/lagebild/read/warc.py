"""WARC files (CC-NEWS style): HTTP response records holding HTML → articles.

Each ``response`` record with an HTML body becomes one :class:`RawArticle` (text, title,
date and url via trafilatura, as for ``.html`` files). Records of other types (request,
metadata, warcinfo), non-200 responses and non-HTML bodies are skipped silently: they are
not articles. A record that cannot be parsed becomes a :class:`ReadFailure` whose
``offset`` is the record's byte offset in the (possibly gzip'd) file; a broken archive
(truncated gzip, garbage between records) ends the file with one failure at the offset
where reading stopped, and the articles before it are kept.

The publication date is the page's own (trafilatura); when the page has none, the
record's ``WARC-Date`` (the crawl time) is used instead: for a news crawl it is within
hours of publication, and relative dates ("on Monday") need some anchor.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..settings import Settings
from .article import RawArticle, ReadFailure, parse_published
from .html import read_html

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str | None, body: bytes) -> str:
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", content_type, re.IGNORECASE)
        if m:
            return m.group(1)
    m = _CHARSET.search(body[:4096])
    return m.group(1).decode("ascii", "replace") if m else "utf-8"


def decode_html(body: bytes, content_type: str | None) -> str:
    """Bytes of a web page → text, by the declared charset (header, then <meta>), else UTF-8.

    Web pages lie about their charset often enough that undecodable bytes are replaced
    rather than failing the record.
    """
    charset = _charset(content_type, body)
    try:
        return body.decode(charset, errors="replace")
    except LookupError:  # unknown charset name
        return body.decode("utf-8", errors="replace")


def _blank_tail(stream: BinaryIO, end: int, size: int) -> bool:
    """Only the blank lines that close an uncompressed WARC's last record follow ``end``."""
    if size - end > 16:
        return False
    try:
        stream.seek(end)
        return not stream.read().strip()
    except (OSError, ValueError):  # not seekable: do not accuse the file
        return True


def read_warc(
    path: str | Path,
    settings: Settings | None = None,
    *,
    select: Callable[[int], bool] | None = None,
) -> Iterator[RawArticle | ReadFailure]:
    """Articles in one WARC file (``.warc`` or ``.warc.gz``).

    ``select(i)`` (``i`` counts the HTML response records from 0) lets a caller take a
    share of the file — the batch job splits one large WARC over several tasks that way;
    records not selected are skipped before any HTML parsing.
    """
    for _, item in iter_warc(path, settings, select=select):
        yield item


def iter_warc(
    path: str | Path,
    settings: Settings | None = None,
    *,
    select: Callable[[int], bool] | None = None,
    stream: BinaryIO | None = None,
    size: int | None = None,
) -> Iterator[tuple[int, RawArticle | ReadFailure]]:
    """Like :func:`read_warc`, with each item's record byte offset. ``stream`` (with its
    ``size``) reads an already opened file, e.g. from a remote file system; ``path`` then
    only names it."""
    from warcio.archiveiterator import ArchiveIterator

    settings = settings or Settings()
    source = str(path)
    if stream is None:
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed below
            size = Path(path).stat().st_size
        except OSError as err:
            yield 0, ReadFailure(source, InputError(f"cannot open: {err}", path=source))
            return
    offset, end, index = 0, None, -1
    try:
        records = ArchiveIterator(stream)
        for record in records:
            # warcio knows a record's offset only once the record is read to its end
            if end is not None:
                offset = end
            end = None
            if record.rec_type != "response" or record.http_headers is None:
                end = records.get_record_offset() + records.get_record_length()
                continue
            status = record.http_headers.get_statuscode()
            ctype = record.http_headers.get_header("Content-Type") or ""
            if status != "200" or not ctype.lower().startswith(_HTML_TYPES):
                end = records.get_record_offset() + records.get_record_length()
                continue
            index += 1
            if select is not None and not select(index):
                end = records.get_record_offset() + records.get_record_length()
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            warc_date = record.rec_headers.get_header("WARC-Date")
            try:
                body = record.content_stream().read(settings.max_chars * 10 + 1)
            finally:
                offset = records.get_record_offset()
                end = offset + records.get_record_length()
            where = f"{source}@{offset}"
            try:
                article = read_html(decode_html(body, ctype), path=where, settings=settings, url=url)
                if article.published is None:
                    try:
                        article.published = parse_published(warc_date, path=where)
                    except InputError:
                        pass
                article.path = source
                yield offset, article
            except InputError as err:
                yield offset, ReadFailure(source, err, offset=offset, extra={"url": url})
            except Exception as err:  # noqa: BLE001 - a broken record must not end the file
                yield offset, ReadFailure(source, InputError(f"cannot read record: {err!r}", path=where),
                                          offset=offset, extra={"url": url})
        if end is not None and size is not None and end < size and not _blank_tail(stream, end, size):
            # warcio ends quietly at a cut-off gzip member
            yield end, ReadFailure(source, InputError(
                f"the last {size - end:,} bytes are not a complete WARC record (file cut short?)", path=source),
                offset=end)
    except Exception as err:  # noqa: BLE001 - warcio raises ArchiveLoadFailed, zlib/EOF errors, ...
        yield offset, ReadFailure(
            source, InputError(f"broken WARC after byte {offset}, rest of the file skipped: {err}", path=source),
            offset=offset,
        )
    finally:
        stream.close()
