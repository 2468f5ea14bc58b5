"""The limits every input is checked against before it is parsed or analysed.

They are generous for real news and tight for hostile input: nothing here should ever
reject a genuine article, and nothing beyond them reaches a parser.
"""
from __future__ import annotations

MAX_ID_CHARS = 300
"""Longest article id: the API and the web page accept ids up to 300 characters."""
MAX_TITLE_CHARS = 2_000
MAX_URL_CHARS = 8_192
MAX_OUTLET_CHARS = 300
MAX_LANGUAGE_CHARS = 35
"""Longest BCP 47 tag worth reading (``de``, ``en-GB``, ``de-Latn-CH``)."""

JSON_MAX_DEPTH = 32
"""Deepest nesting of arrays and objects in one JSONL line."""
JSON_MAX_NUMBER_CHARS = 100
"""Longest number literal in JSON (Python refuses integers over 4,300 digits; we stop long before)."""
JSON_MAX_CONTAINERS = 100_000
"""Most arrays and objects in one JSONL line."""


def max_line_bytes(max_chars: int) -> int:
    """Longest JSONL line: an article of ``max_chars`` characters, every one escaped
    (``\\uXXXX``, 6 bytes), plus room for the other fields."""
    return max_chars * 6 + 1_000_000


HTML_MAX_DEPTH = 512
"""Deepest nesting of HTML elements (elements whose end tag may be left out do not count)."""
HTML_MAX_ELEMENTS = 200_000
"""Most start tags in one page; a long news page has a few thousand."""


def max_html_chars(max_chars: int) -> int:
    """Largest HTML page: markup around an article is often ten times its text."""
    return max_chars * 10
