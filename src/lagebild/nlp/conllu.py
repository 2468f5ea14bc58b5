"""A small CoNLL-U reader for training and evaluation.

Multi-word tokens (``zum`` = ``zu`` + ``dem``) are merged into their surface form, as a
tokenizer sees them: UPOS, XPOS and lemma of the first part, the features of all parts,
and the head and relation of the part that attaches outside the token.
"""
from __future__ import annotations

from dataclasses import dataclass, field

@dataclass
class Sent:
    text: str
    words: list
    spaces: list
    lemmas: list
    upos: list
    xpos: list
    feats: list
    heads: list  # 0-based absolute index into words; self for root
    deps: list
    ner: list = field(default_factory=list)

def read(path) -> list[Sent]:
    """Sentences of a CoNLL-U file."""
    sents, lines, text = [], [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[9:]
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if lines:
                    sents.append(_build(text, lines))
                lines, text = [], None
            else:
                lines.append(line.split("\t"))
    if lines:
        sents.append(_build(text, lines))
    return sents

def _build(text, rows):
    # map word ids -> surface token index
    toks = []  # each: dict(form, ids(list), misc)
    i = 0
    word_rows = {r[0]: r for r in rows if r[0].isdigit()}
    while i < len(rows):
        r = rows[i]
        if "." in r[0]:
            i += 1; continue
        if "-" in r[0]:
            a, b = map(int, r[0].split("-"))
            toks.append({"form": r[1], "ids": [str(k) for k in range(a, b + 1)], "misc": r[9]})
            i += 1 + (b - a + 1)
            continue
        toks.append({"form": r[1], "ids": [r[0]], "misc": r[9]})
        i += 1
    id2tok = {}
    for ti, t in enumerate(toks):
        for wid in t["ids"]:
            id2tok[wid] = ti
    words, spaces, lemmas, upos, xpos, feats, heads, deps = [], [], [], [], [], [], [], []
    for ti, t in enumerate(toks):
        subs = [word_rows[w] for w in t["ids"]]
        # the subtoken whose head is outside the MWT decides head/dep
        main = subs[0]
        for s in subs:
            h = s[6]
            if h == "0" or id2tok.get(h) != ti:
                main = s
                break
        words.append(t["form"])
        spaces.append("SpaceAfter=No" not in t["misc"])
        lemmas.append(subs[0][2] if len(subs) == 1 else t["form"].lower())
        upos.append(subs[0][3])
        xpos.append(subs[0][4])
        fs = {}
        for s in reversed(subs):
            if s[5] != "_":
                for kv in s[5].split("|"):
                    k, v = kv.split("=", 1)
                    fs[k] = v
        feats.append("|".join(f"{k}={fs[k]}" for k in sorted(fs)))
        h = main[6]
        heads.append(ti if h == "0" else id2tok[h])
        deps.append("ROOT" if h == "0" else main[7])
    if text is None:
        text = "".join(w + (" " if s else "") for w, s in zip(words, spaces)).strip()
    return Sent(text, words, spaces, lemmas, upos, xpos, feats, heads, deps)
