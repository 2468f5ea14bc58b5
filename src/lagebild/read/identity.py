"""The identity rule, and duplicate ids within one batch.

An article's id is, in this order:

1. the caller's ``id`` (a JSONL field; up to 300 characters, no control characters);
2. else the URL it was given or fetched from (a JSONL ``url`` field, a WARC record's
   ``WARC-Target-URI``, a feed entry's link; a URL longer than 300 characters gives
   ``url-`` and a hash of it);
3. else a hash of the text alone (whitespace-normalised SHA-1, 16 hex digits).

Never of the path: the same article read from another file, or under another spelling
of the same path, has the same id. A URL that a page only claims for itself (an HTML
file's canonical link) is kept as ``url`` but is not its identity.

Within one batch (one :func:`~lagebild.read.sources.iter_articles` call), a second record
with an id already read is checked against the first: the same content is a repeat
(skipped with a W103 warning), other content a conflict (E102, naming both places); the
first is kept either way.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator

from ..errors import DuplicateIdError, DuplicateRecordWarning
from .article import RawArticle, ReadFailure, article_id, notice
from .limits import MAX_ID_CHARS

def resolve_id(caller_id: str | None, url: str | None, text: str) -> str:
    """The id by the identity rule (``caller_id`` is taken as validated)."""
    if caller_id:
        return caller_id
    if url:
        url = url.strip()
        if url:
            return url if len(url) <= MAX_ID_CHARS else "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:24]
    return article_id(text)


def input_fields(raw: RawArticle) -> dict:
    """What the analysis of ``raw`` depends on (its path is not among it)."""
    return {
        "id": raw.id, "text": raw.text, "title": raw.title,
        "published": raw.published.isoformat() if raw.published else None,
        "url": raw.url, "language": raw.language, "outlet": raw.outlet,
    }


def input_hash(raw: RawArticle, salt: str = "") -> str:
    """SHA-1 of the input fields (and ``salt``: what else the analysis depends on)."""
    data = json.dumps(input_fields(raw), ensure_ascii=False, sort_keys=True) + "\n" + salt
    return hashlib.sha1(data.encode("utf-8", "surrogatepass")).hexdigest()


def _where(raw: RawArticle, offset: int | None) -> str:
    return f"{raw.path}:{offset}" if offset is not None and raw.path else (raw.path or "?")


_COMPARED = ("text", "title", "published", "url", "language", "outlet")


def _field_digests(raw: RawArticle) -> bytes:
    """6 bytes per compared field: small enough to keep one per article of a large batch."""
    fields = input_fields(raw)
    return b"".join(hashlib.blake2b(json.dumps(fields[k], ensure_ascii=False).encode("utf-8", "surrogatepass"),
                                    digest_size=6).digest() for k in _COMPARED)


def dedupe(items: Iterable[tuple[RawArticle | ReadFailure, int | None]]
           ) -> Iterator[tuple[RawArticle | ReadFailure, int | None]]:
    """Pass ``(item, offset)`` pairs on, holding back every later record of an id already
    seen: a repeat becomes a W103 warning, a conflict an E102 failure naming both places
    and the fields that differ. Only short digests of the first records are kept."""
    first: dict[str, tuple[str, bytes]] = {}
    for item, offset in items:
        if isinstance(item, ReadFailure):
            yield item, offset
            continue
        digests = _field_digests(item)
        here = _where(item, offset)
        seen = first.get(item.id)
        if seen is None:
            first[item.id] = (here, digests)
            yield item, offset
            continue
        old_where, old = seen
        source = item.path or "?"
        differ = [k for i, k in enumerate(_COMPARED) if digests[6 * i:6 * i + 6] != old[6 * i:6 * i + 6]]
        if not differ:
            yield notice(DuplicateRecordWarning, f"the same record as {old_where} (id {item.id!r}); skipped",
                         source=source, offset=offset, where=here), offset
            continue
        what = "different text" if "text" in differ else "the same text but a different " + ", ".join(differ)
        yield ReadFailure(source, DuplicateIdError(
            f"id {item.id!r} was already read at {old_where}, with {what}; the first is kept, this one "
            f"is not stored", path=here), offset=offset, extra={"first": old_where}), offset


__all__ = ["dedupe", "input_fields", "input_hash", "resolve_id"]
