"""Plain-text conventions: a first line that is a title, and page residue at the end."""
from __future__ import annotations

_END = (".", "!", "?", "…", "\"", "“", "”", "«", "»", ":", ";", ")")


def split_title(text: str) -> tuple[str | None, str]:
    """``(title, body)``: the first line is a title when a blank line follows it and it
    does not end like a sentence; trailing residue lines are dropped from the body."""
    lines = text.strip("\ufeff\n\r ").split("\n")
    title = None
    if len(lines) > 2 and not lines[1].strip() and 0 < len(lines[0].strip()) <= 300:
        first = lines[0].strip()
        if not first.endswith(_END[:3]):
            title = first
            lines = lines[2:]
    return title, strip_residue("\n".join(lines))


def strip_residue(body: str) -> str:
    """Drop trailing lines that are page furniture: one or two words, no punctuation,
    after a body that ends in a full sentence ("Expansion", "Mehr zum Thema")."""
    lines = body.rstrip().split("\n")
    while len(lines) > 1:
        last = lines[-1].strip()
        prev = lines[-2].rstrip()
        if last and len(last.split()) <= 2 and not last.endswith(_END) and prev.endswith(_END):
            lines.pop()
        else:
            break
    return "\n".join(lines).rstrip()
