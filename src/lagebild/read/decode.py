"""Bytes → text, with one replacement policy for every input.

UTF-8 (a byte-order mark is dropped; UTF-16 with a byte-order mark is read as such).
Invalid byte sequences are replaced by U+FFFD and counted, so that one bad byte does not
lose an article; the caller records the count as a W101 warning on the article. A text
in which more than a tenth of the characters would be replaced is not UTF-8 at all, and
is refused (E004) instead of being turned into noise.
"""
from __future__ import annotations

import codecs

from ..errors import BinaryInputError, EncodingInputError

#: Refuse a text when more than this share of its characters would be U+FFFD.
MAX_REPLACED_SHARE = 0.1


def decode_bytes(data: bytes, *, path: str) -> tuple[str, int, int | None]:
    """``(text, replaced, first_bad_byte)``; raises BinaryInputError / EncodingInputError."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            return data.decode("utf-16"), 0, None
        except UnicodeDecodeError as err:
            raise EncodingInputError(f"starts like UTF-16 but is not (byte {err.start})", path=path) from err
    if b"\x00" in data[:4096]:
        raise BinaryInputError("looks like binary data (NUL bytes), not text", path=path)
    try:
        return data.decode("utf-8-sig"), 0, None
    except UnicodeDecodeError as err:
        first = err.start
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    if replaced > max(1, len(text) * MAX_REPLACED_SHARE):
        raise EncodingInputError(
            f"not UTF-8 ({replaced:,} invalid byte sequences, the first at byte {first}: "
            f"{data[first:first + 4]!r}); convert the file to UTF-8", path=path)
    return text, replaced, first


def replaced_note(replaced: int, first: int | None) -> str:
    return f"{replaced:,} invalid UTF-8 byte sequence(s) replaced by U+FFFD (the first at byte {first})"
