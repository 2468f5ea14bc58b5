"""WARC files (CC-NEWS style): HTTP response records holding HTML → articles.

Each ``response`` record with an HTML body becomes one :class:`RawArticle` (text, title,
date and url via trafilatura, as for ``.html`` files). Records of other types (request,
metadata, warcinfo), non-200 responses and non-HTML bodies are skipped silently: they are
not articles. A record that cannot be parsed becomes a :class:`ReadFailure` whose
``offset`` is the record's byte offset in the (possibly gzip'd) file; a broken archive
(truncated gzip, garbage between records) ends the file with one failure at the offset
where reading stopped, and the articles before it are kept.

The publication date is the one the page declares (see :mod:`lagebild.read.html`); when
it declares none, the record's ``WARC-Date`` (the crawl time) is used instead, marked as
such (``published_source = "crawl"``, a W102 warning): for a news crawl it is within
hours of publication, and relative dates ("on Monday") need some anchor. Only without a
crawl time is a date guessed from the page text.

A file that does not begin like a WARC (or ARC) file, plain or gzip'd, is refused (E104)
before warcio sees it; an empty one yields nothing (the caller warns, W100). warcio's own
notes on stderr are silenced: the library never prints.
"""
from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import CorruptInputError, GuessedDateWarning, InputError, NotWarcError
from ..settings import Settings
from .article import RawArticle, ReadFailure, parse_published
from .html import read_html, use_guess

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


class _Silent:
    """Stands in for warcio's message template, so that its stderr note is empty."""

    def format(self, *args: object) -> str:
        return ""


class _Prefixed(io.RawIOBase):
    """``head`` and then the rest of ``stream``: a stream that was sniffed, unread."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self.stream.close()
        super().close()


def sniff_warc(head: bytes) -> str | None:
    """None if ``head`` (the first bytes of a file) can begin a WARC/ARC file or is empty,
    else what it looks like instead."""
    if not head.strip():
        return None
    data = head
    if head[:2] == b"\x1f\x8b":
        try:
            data = zlib.decompressobj(47).decompress(head, 4096)
        except zlib.error as err:
            return f"a damaged gzip file ({err})"
        if not data:
            return None
    start = data.lstrip()[:9]
    if start.startswith((b"WARC/", b"filedesc:")):
        return None
    return "a gzip file that holds no WARC records" if head[:2] == b"\x1f\x8b" else "not a WARC file"


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

    class _Iterator(ArchiveIterator):
        INC_RECORD = _Silent()

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
        head = stream.read(65536)
    except OSError as err:
        stream.close()
        yield 0, ReadFailure(source, InputError(f"cannot read: {err}", path=source))
        return
    problem = sniff_warc(head)
    if problem:
        stream.close()
        yield 0, ReadFailure(source, NotWarcError(f"{problem} (a WARC file begins with 'WARC/')", path=source))
        return
    try:
        stream.seek(0)
    except (OSError, ValueError, AttributeError):
        stream = io.BufferedReader(_Prefixed(head, stream))
    try:
        records = _Iterator(stream)
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
                html = decode_html(body, ctype)
                article = read_html(html, path=where, settings=settings, url=url, guess=False)
                if article.published is None:
                    _crawl_date(article, warc_date, html, url, where)
                article.path = source
                yield offset, article
            except InputError as err:
                yield offset, ReadFailure(source, err, offset=offset, extra={"url": url})
            except Exception as err:  # noqa: BLE001 - a broken record must not end the file
                yield offset, ReadFailure(source, InputError(f"cannot read record: {err!r}", path=where),
                                          offset=offset, extra={"url": url})
        if end is not None and size is not None and end < size and not _blank_tail(stream, end, size):
            # warcio ends quietly at a cut-off gzip member
            yield end, ReadFailure(source, CorruptInputError(
                f"the last {size - end:,} bytes are not a complete WARC record (file cut short?)", path=source),
                offset=end)
    except Exception as err:  # noqa: BLE001 - warcio raises ArchiveLoadFailed, zlib/EOF errors, ...
        yield offset, ReadFailure(
            source, CorruptInputError(f"broken WARC after byte {offset}, rest of the file skipped: {err}", path=source),
            offset=offset,
        )
    finally:
        stream.close()


def _crawl_date(article: RawArticle, warc_date: str | None, html: str, url: str | None, where: str) -> None:
    """The crawl time as the publication date, marked as such; else a guess from the text."""
    try:
        crawled = parse_published(warc_date, path=where)
    except InputError:
        crawled = None
    if crawled is None:
        use_guess(article, html, url)
        return
    article.published, article.published_source = crawled, "crawl"
    article.warn(GuessedDateWarning, f"the page declares no publication date; the crawl date {crawled} "
                 "(WARC-Date) is used", where=where)
