"""The documents of the merge gold, read from ../shared/data and analysed once.

``eval/merge_docs.tsv`` names them (corpus, path, outlet, publication date, split).
The pipeline output is cached as JSONL outside the repository (``$LAGEBILD_MERGE_CACHE``,
default ``/tmp/lagebild-merge-cache``), keyed by the file's content and by the code that
analyses it (:func:`code_fingerprint`: every file of the package the analysis runs, shipped
model included, and the versions of spaCy and the installed base models), because analysing
them takes minutes; ``--fresh`` ignores the cache.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("LAGEBILD_MERGE_CACHE", "/tmp/lagebild-merge-cache"))
#: parts of the package that never run while an article is analysed (changing them keeps the cache)
NOT_ANALYSIS = frozenset({"merge", "store", "serve", "batch", "cli", "export"})
#: distributions whose version changes the analysis
DISTRIBUTIONS = ("spacy", "en_core_web_sm", "en_core_web_md", "en_core_web_lg", "de_core_news_sm", "de_core_news_md")


@dataclass(frozen=True)
class Doc:
    corpus: str
    path: str
    outlet: str
    published: str
    split: str

    @property
    def id(self) -> str:
        """The article id in the store: the file name without extension (stable, readable)."""
        name = Path(self.path).name
        return name.split(" - ")[0] if self.corpus == "wikinews" else name.removesuffix(".txt")


def documents() -> list[Doc]:
    out = []
    for line in (HERE / "merge_docs.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(Doc(*line.split("\t")))
    return out


def text_of(doc: Doc, data: Path) -> str:
    path = data / doc.path
    if doc.corpus == "wikinews":
        return json.loads(path.read_text(encoding="utf-8"))["originalText"]
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of what the analysis runs: the package's files (outside :data:`NOT_ANALYSIS`) and the versions of
    :data:`DISTRIBUTIONS`, so a cached analysis is never one of older code or models."""
    import lagebild

    root = Path(lagebild.__file__).resolve().parent
    h = hashlib.sha1()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root)
        if rel.parts[0] in NOT_ANALYSIS or "__pycache__" in rel.parts or path.suffix == ".pyc":
            continue
        h.update(rel.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for dist in DISTRIBUTIONS:
        try:
            h.update(f"{dist}={metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=-\0".encode())
    return h.hexdigest()[:16]


def analysed(data: Path, fresh: bool = False) -> list:
    """The documents as :class:`lagebild.Article` (from the cache where it has them)."""
    from lagebild import Pipeline
    from lagebild.read.article import RawArticle
    from lagebild.records import Article

    CACHE.mkdir(parents=True, exist_ok=True)
    pipeline = None
    out = []
    for doc in documents():
        text = text_of(doc, data)
        key = hashlib.sha1(f"{code_fingerprint()}\n{doc.id}\n{doc.outlet}\n{doc.published}\n{text}".encode()).hexdigest()[:16]
        cached = CACHE / f"{key}.json"
        if cached.exists() and not fresh:
            out.append(Article.model_validate_json(cached.read_text(encoding="utf-8")))
            continue
        pipeline = pipeline or Pipeline()
        raw = RawArticle(text=text, id=doc.id, published=dt.date.fromisoformat(doc.published),
                         outlet=doc.outlet, path=doc.path, title=None)
        article = next(pipeline.analyze_many([raw]))
        if not isinstance(article, Article):
            raise article.error
        cached.write_text(article.to_json(), encoding="utf-8")
        out.append(article)
    return out


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    from _common import data_dir

    data = data_dir(".")
    if data is not None:
        for a in analysed(data, fresh="--fresh" in sys.argv):
            print(a.id, a.language, len(a.events), "events")
