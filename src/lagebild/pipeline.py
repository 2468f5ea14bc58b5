"""The whole pipeline: read → language → entities, times, places, attributions → events.

:class:`Pipeline` holds one spaCy pipeline per language, built lazily on first use
and reused for every article after that; articles are analysed in batches with
``nlp.pipe``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError, LagebildError, TooLargeInputError, UnsupportedLanguageError
from .language import LanguageDetector
from .nlp import build_nlp
from .nlp.guard import estimate_tokens, fix_surrogates, sanitize, segments
from .nlp.loader import STAGES
from .read import RawArticle, ReadFailure, parse_published
from .records import Article, SourceInfo
from .settings import Settings


class Pipeline:
    """Analyse articles into :class:`~lagebild.records.Article` records."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp: dict[str, Language] = {}
        self._detector: LanguageDetector | None = None

    # -- resources, loaded once -------------------------------------------------
    def nlp(self, language: str) -> Language:
        if language not in self.settings.languages:
            raise UnsupportedLanguageError(f"language {language!r} is not supported (have {self.settings.languages})")
        if language not in self._nlp:
            self._nlp[language] = build_nlp(language, self.settings)
        return self._nlp[language]

    @property
    def detector(self) -> LanguageDetector:
        if self._detector is None:
            self._detector = LanguageDetector(self.settings.languages, self.settings.default_language)
        return self._detector

    def language_of(self, raw: RawArticle) -> str:
        if not isinstance(raw.text, str):
            raise InputError(f"article text is {type(raw.text).__name__}, not a string", path=raw.path or raw.id)
        if raw.language is not None and not isinstance(raw.language, str):
            raise UnsupportedLanguageError(f"language {raw.language!r} is not a language code", path=raw.path or raw.id)
        if raw.language and raw.language not in ("auto", ""):
            code = raw.language.lower().split("-")[0]
            if code not in self.settings.languages:
                raise UnsupportedLanguageError(f"language {raw.language!r} is not supported", path=raw.path)
            return code
        return self.detector.detect(raw.text)

    # -- analysis ----------------------------------------------------------------
    def analyze(
        self,
        text: str,
        published: str | dt.date | None = None,
        language: str | None = None,
        *,
        id: str | None = None,
        title: str | None = None,
    ) -> Article:
        """Analyse one text. For many, use :meth:`analyze_many` (batched, faster)."""
        if isinstance(text, str):
            text = fix_surrogates(text)  # a lone surrogate cannot be hashed, stored or printed as UTF-8
        raw = RawArticle(text=text, id=id, title=title, published=parse_published(published), language=language)
        result = next(self.analyze_many([raw]))
        if isinstance(result, ReadFailure):
            raise result.error
        return result

    def analyze_many(self, items: Iterable[RawArticle | ReadFailure]) -> Iterator[Article | ReadFailure]:
        """Analyse a stream of articles in batches, keeping input order.

        Read failures pass through; an article that fails to analyse becomes a
        :class:`ReadFailure` too, and the rest of the batch goes on.
        """
        batch: list[RawArticle | ReadFailure] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[RawArticle | ReadFailure]) -> list[Article | ReadFailure]:
        out: list[Article | ReadFailure | None] = [None] * len(batch)
        groups: dict[str, list[int]] = {}
        for i, item in enumerate(batch):
            if isinstance(item, ReadFailure):
                out[i] = item
                continue
            try:
                groups.setdefault(self.language_of(item), []).append(i)
            except LagebildError as err:
                out[i] = ReadFailure(item.path or str(item.id), err)
        for language, indices in groups.items():
            nlp = self.nlp(language)
            try:
                docs = self._annotate(nlp, [batch[i] for i in indices])
                for i, doc in zip(indices, self._stages(nlp, docs)):
                    out[i] = to_article(batch[i], doc, language)
            except Exception:
                # One bad document must not sink the batch: redo it one by one.
                for i in indices:
                    out[i] = self._run_one(nlp, batch[i], language)
        return [o for o in out if o is not None]

    def _annotate(self, nlp: Language, raws: list[RawArticle]) -> list[Doc]:
        """The base model's annotations (tagger, parser, names) for each article.

        Each text is sanitised (same length, see :mod:`lagebild.nlp.guard`) and cut into
        sentence-aligned segments of at most ``segment_chars``; the model sees batches of at
        most that many characters, and each article's segments are joined back into one Doc
        whose text has the original's length, so all offsets point into the original.
        """
        limit = self.settings.segment_chars
        for raw in raws:
            if len(raw.text) > self.settings.max_chars:
                raise TooLargeInputError(f"{len(raw.text):,} characters, more than the limit of "
                                         f"{self.settings.max_chars:,}", path=raw.path or raw.id)
        pieces: list[tuple[int, str]] = []
        for k, raw in enumerate(raws):
            clean = sanitize(raw.text, self.settings.max_token_chars)
            pieces += [(k, clean[start:end]) for start, end in segments(clean, limit, self.settings.segment_tokens)]
        parts: list[list[Doc]] = [[] for _ in raws]
        base_off = [name for name in nlp.pipe_names if name in STAGES]
        for chunk in _by_size(pieces, limit, self.settings.segment_tokens):
            for (k, _), doc in zip(chunk, nlp.pipe([t for _, t in chunk], disable=base_off, batch_size=len(chunk))):
                doc.tensor = _NO_TENSOR  # tok2vec's output (384 bytes a token): no later stage reads it
                parts[k].append(doc)
        docs = [p[0] if len(p) == 1 else Doc.from_docs(p, ensure_whitespace=False, exclude=["tensor", "user_data"])
                for p in parts]
        for raw, doc in zip(raws, docs):
            doc._.lb_published = raw.published
        return docs

    def _stages(self, nlp: Language, docs: list[Doc]) -> Iterator[Doc]:
        """lagebild's own stages over whole, annotated documents."""
        stages_off = [name for name in nlp.pipe_names if name not in STAGES]
        return nlp.pipe(docs, disable=stages_off, batch_size=self.settings.batch_size)

    def _run_one(self, nlp: Language, raw: RawArticle, language: str) -> Article | ReadFailure:
        try:
            doc = next(self._stages(nlp, self._annotate(nlp, [raw])))
            return to_article(raw, doc, language)
        except Exception as err:  # noqa: BLE001 - reported with the article's name
            wrapped = err if isinstance(err, LagebildError) else LagebildError(f"analysis failed: {err!r}", path=raw.path or raw.id)
            return ReadFailure(raw.path or str(raw.id), wrapped)


_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def _by_size(pieces: list[tuple[int, str]], limit: int, max_tokens: int) -> Iterator[list[tuple[int, str]]]:
    """Consecutive batches of pieces, each of at most ``limit`` characters and about
    ``max_tokens`` tokens (or one piece)."""
    chunk: list[tuple[int, str]] = []
    size = tokens = 0
    for piece in pieces:
        n = estimate_tokens(piece[1])
        if chunk and (size + len(piece[1]) > limit or tokens + n > max_tokens):
            yield chunk
            chunk, size, tokens = [], 0, 0
        chunk.append(piece)
        size += len(piece[1])
        tokens += n
    if chunk:
        yield chunk


def to_article(raw: RawArticle, doc: Doc, language: str) -> Article:
    """Collect what the stages put on ``doc`` into the schema record."""
    return Article(
        id=str(raw.id),
        source=SourceInfo(path=raw.path, url=raw.url, title=raw.title, outlet=raw.outlet),
        language=language,
        published=raw.published.isoformat() if raw.published else None,
        text=fix_surrogates(raw.text),  # the original; the model saw a same-length sanitised copy
        sentences=[(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else [(0, len(doc.text))],
        entities=doc._.lb_entities or [],
        places=doc._.lb_places or [],
        times=doc._.lb_times or [],
        attributions=doc._.lb_attributions or [],
        events=doc._.lb_events or [],
        warnings=list(raw.warnings),
    )


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    # Built on first use, never at import; models load once per language.
    return Pipeline(Settings())


def analyze(text: str, published: str | dt.date | None = None, language: str | None = None) -> Article:
    """Analyse one article with the default settings (``lagebild.analyze``).

    ``published`` (``YYYY-MM-DD``) anchors relative dates; without it they stay
    unresolved. ``language`` is detected among the supported ones when not given.
    """
    return _default_pipeline().analyze(text, published=published, language=language)
