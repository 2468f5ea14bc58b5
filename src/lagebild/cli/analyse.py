"""``extract``, ``ingest``, ``export`` and ``summary``."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from ..errors import LagebildError
from ..lang import available_languages, language_name
from ..pipeline import Pipeline
from ..read import ReadFailure, iter_articles
from ..settings import Settings
from .common import err_console, parse_date_option, progress, report_failure, report_warning, setup, tracked
from .meta import with_file_meta
from .summary import print_summary


#: ``--lang``: auto-detect, or one of the languages that have data under ``lagebild/lang/``
Lang = Enum("Lang", {"auto": "auto", **{code: code for code in available_languages()}}, type=str)  # type: ignore[misc]


class OutFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"
    plover = "plover"


PUBLISHED_HELP = ("Publication date YYYY-MM-DD for articles that name none of their own (a `published:` header line, "
                  "a NAME.meta.json sidecar, HTML metadata or a record's field win).")


class ShowLoading(Pipeline):
    """A pipeline that says on the progress line what it is loading (models, the place index on first use)."""

    bar = None

    def nlp(self, language: str):  # noqa: ANN201
        if self.bar is None or language in self._nlp or language not in self.settings.languages:
            return super().nlp(language)
        from ..kb.cache import is_cached

        what = f"loading the {language_name(language)} models"
        if not is_cached(self.settings.geo_min_population):
            what += " and building the place index (once, then cached; about 10-20 s)"
        task = self.bar.task_ids[0]
        before = self.bar.tasks[0].description
        self.bar.update(task, description=what + "…")
        try:
            return super().nlp(language)
        finally:
            self.bar.update(task, description=before)


def _articles(paths: list[Path], published: str | None, lang: Lang, settings: Settings):
    """Read items with the command's overrides applied: a single file's header or sidecar
    metadata, then ``published`` for articles that name no date of their own (a date guessed
    from the page text or taken from the crawl is not their own), then ``lang``; article
    warnings are shown as read."""
    date = parse_date_option(published)
    for item in iter_articles(paths, settings):
        if not isinstance(item, ReadFailure):
            item = with_file_meta(item, date)
            if not isinstance(item, ReadFailure):
                if lang is not Lang.auto:
                    item.language = lang.value
                for note in item.warnings:
                    report_warning(note)
        yield item


def _analysed(pipeline: Pipeline, items, paths: list[Path], settings: Settings, label: str,
              failures: list[ReadFailure], notices: list[ReadFailure]):
    """Analysed articles of ``items`` under a progress bar; read failures are reported and
    appended to ``failures``, warnings to ``notices``, and the rest goes on."""
    with progress(label, _count(paths, settings)) as bar:
        if isinstance(pipeline, ShowLoading):
            pipeline.bar = bar
        for result in tracked(pipeline.analyze_many(items), bar):
            if isinstance(result, ReadFailure):
                if result.is_warning:
                    report_warning(str(result.error))
                    notices.append(result)
                else:
                    report_failure(result)
                    failures.append(result)
                continue
            yield result


def _count(paths: list[Path], settings: Settings) -> int | None:
    from ..read import Input, iter_inputs
    return sum(1 for p in iter_inputs(paths, settings) if isinstance(p, Input))


def analysis_fingerprint(settings: Settings) -> str:
    """What an analysis depends on besides its input: lagebild, spaCy and the settings
    that change results. A stored article is analysed again when this changes."""
    import spacy

    from .. import __version__

    relevant = settings.model_dump(mode="json", exclude={"batch_size", "follow_symlinks", "max_file_bytes"})
    return json.dumps({"lagebild": __version__, "spacy": spacy.__version__, "settings": relevant}, sort_keys=True)


def _skip_stored(items, store, salt: str, hashes: dict[str, str], skipped: list[int], *, skip: bool = True,
                 chunk: int = 256):
    """Hold back the articles stored already from the same input (resume; not with
    ``skip=False``): they are not analysed again. ``hashes`` receives id -> input hash of
    the articles passed on, for the store to remember."""
    from ..read.identity import input_hash

    def flush(buf):
        wanted = {i.id: input_hash(i, salt) for i in buf if not isinstance(i, ReadFailure)}
        done = store.unchanged_inputs(wanted) if skip else set()
        for item in buf:
            if isinstance(item, ReadFailure):
                yield item
            elif item.id in done:
                skipped[0] += 1
            else:
                hashes[item.id] = wanted[item.id]
                yield item

    buf: list = []
    for item in items:
        buf.append(item)
        if len(buf) >= chunk:
            yield from flush(buf)
            buf = []
    yield from flush(buf)


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        paths: list[Path] = typer.Argument(..., help="Files (.txt, .html, .jsonl) or folders."),
        published: str | None = typer.Option(None, help=PUBLISHED_HELP),
        lang: Lang = typer.Option(Lang.auto, "--lang", help="Language, or auto-detect."),
        fmt: OutFormat = typer.Option(OutFormat.json, "--format", help="json: indented; jsonl: one line each."),
        follow_symlinks: bool = typer.Option(False, "--follow-symlinks",
                                             help="Follow links that lead out of a scanned folder."),
        verbose: bool = typer.Option(False, "--verbose", "-v"),
    ) -> None:
        """Print one lagebild/1 record per article to stdout."""
        setup(verbose)
        settings = Settings(follow_symlinks=follow_symlinks)
        parse_date_option(published)
        pipeline = ShowLoading(settings)
        failures: list[ReadFailure] = []
        items = _articles(paths, published, lang, settings)
        for article in _analysed(pipeline, items, paths, settings, "analysing", failures, []):
            data = article.to_dict()
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if fmt is OutFormat.json else None) + "\n")
        if failures:
            raise typer.Exit(code=1)

    @app.command()
    def ingest(
        paths: list[Path] = typer.Argument(
            None, help="Files (.txt, .html, .jsonl, .jsonl.gz, .warc), folders, or `lagebild batch` output folders."),
        db: Path = typer.Option(Path("lagebild.duckdb"), "--db", help="DuckDB store."),
        published: str | None = typer.Option(None, help=PUBLISHED_HELP),
        lang: Lang = typer.Option(Lang.auto, "--lang"),
        feed: list[str] = typer.Option(None, "--feed", help="RSS/Atom feed URL (repeatable): new entries are "
                                       "fetched politely, conditionally, de-duplicated by URL and content."),
        interval: float = typer.Option(1.0, "--interval", help="Seconds between two requests to one host (--feed)."),
        allow_private: bool = typer.Option(False, "--allow-private-feeds",
                                           help="Let --feed fetch from loopback, private and link-local addresses "
                                           "(intranet feeds). Off: public addresses only."),
        follow_symlinks: bool = typer.Option(False, "--follow-symlinks",
                                             help="Follow links that lead out of a scanned folder."),
        reanalyse: bool = typer.Option(False, "--reanalyse",
                                       help="Analyse every article again, even one stored from the same input."),
        verbose: bool = typer.Option(False, "--verbose", "-v"),
    ) -> None:
        """Analyse articles into the store. Re-ingesting the same article changes nothing.

        An article stored before from the same input (same id, text and metadata, same
        lagebild version and settings) is not analysed again: it counts as unchanged, and a
        restart after an interrupted ingest goes on where it stopped. A folder written by
        `lagebild batch` is loaded as it is (no second analysis).
        """
        from ..batch import is_batch_output, load_batch_output
        from ..store import Store
        from ..store.duck import IngestResult

        setup(verbose)
        paths, feeds = list(paths or []), list(feed or [])
        if not paths and not feeds:
            raise typer.BadParameter("give files or folders to ingest, or --feed URL")
        outputs = [p for p in paths if is_batch_output(p)]
        files = [p for p in paths if p not in outputs]
        settings = Settings(follow_symlinks=follow_symlinks)
        parse_date_option(published)
        pipeline = ShowLoading(settings)
        total, read_failures, notices, failures, batch = IngestResult(), [], [], 0, []
        hashes: dict[str, str] = {}
        skipped = [0]
        try:
            with Store(db) as store:
                for out in outputs:
                    loaded = load_batch_output(out, store)
                    err_console.print(f"{out}: batch output, {loaded.added + loaded.replaced + loaded.unchanged} "
                                      f"articles loaded", highlight=False)
                    total += loaded
                if files:
                    items = _articles(files, published, lang, settings)
                    items = _skip_stored(items, store, analysis_fingerprint(settings), hashes, skipped,
                                         skip=not reanalyse)
                    for article in _analysed(pipeline, items, files, settings, "ingesting", read_failures, notices):
                        batch.append(article)
                        if len(batch) >= settings.batch_size:
                            total += _store(store, batch, hashes)
                            batch = []
                    total += _store(store, batch, hashes)
                    total.unchanged += skipped[0]
                    failures += len(read_failures)
                for url in feeds:
                    done, failed = _ingest_feed(url, store, pipeline, settings, interval, lang, allow_private)
                    total += done
                    failures += failed
                merged = store.merge()
                counts = store.counts()
        except LagebildError as err:
            err_console.print(f"[red]error[/] {err}")
            raise typer.Exit(code=2) from None
        resumed = f" ({skipped[0]} of them not analysed again)" if skipped[0] else ""
        warned = f", {len(notices)} warnings" if notices else ""
        err_console.print(
            f"{db}: {total.added} added, {total.replaced} replaced, {total.unchanged} unchanged{resumed}, "
            f"{failures} failed{warned}; store holds {counts['articles']} articles, {counts['events']} events "
            f"in {merged['clusters']} distinct events across articles, {merged['stories']} stories, "
            f"{merged['flags']} contradiction flags"
        )
        if failures:
            raise typer.Exit(code=1)

    @app.command("export")
    def export_cmd(
        db: Path = typer.Option(Path("lagebild.duckdb"), "--db"),
        fmt: ExportFormat = typer.Option(..., "--format"),
        out: Path | None = typer.Option(None, "--out", help="Output file (stdout for jsonl, plover, csv if omitted)."),
        table: str = typer.Option("events", help="Table for parquet/csv: events, articles, entities, times, places, attributions, "
                                         "merged_events, stories, story_articles, flags (these four also as jsonl)."),
    ) -> None:
        """Export the store as JSONL (lagebild/1), Parquet, CSV or PLOVER JSONL."""
        from ..export import export
        from ..store import Store

        setup()
        if not db.exists():
            err_console.print(f"[red]error[/] {db}: no such store (run `lagebild ingest` first)")
            raise typer.Exit(code=2)
        try:
            with Store(db, read_only=True) as store:
                n = export(store, fmt.value, out, sys.stdout, table=table)
        except LagebildError as err:
            err_console.print(f"[red]error[/] {err}")
            raise typer.Exit(code=2) from None
        err_console.print(f"exported {n} {fmt.value} records" + (f" to {out}" if out else ""))

    @app.command()
    def summary(
        db: Path = typer.Option(Path("lagebild.duckdb"), "--db"),
        limit: int = typer.Option(40, help="Most events shown."),
    ) -> None:
        """A readable table of the stored events: actors, dates, modality and sources."""
        from ..store import Store

        setup()
        if not db.exists():
            err_console.print(f"[red]error[/] {db}: no such store")
            raise typer.Exit(code=2)
        with Store(db, read_only=True) as store:
            print_summary(store, limit)


def _store(store, articles: list, hashes: dict[str, str]):
    """``store.ingest`` with the input hashes of ``articles`` (handed over, then forgotten)."""
    return store.ingest(articles, {a.id: hashes.pop(a.id) for a in articles if a.id in hashes})


def _ingest_feed(url: str, store, pipeline: Pipeline, settings: Settings, interval: float, lang: Lang,
                 allow_private: bool = False):
    """One feed into the store; returns (IngestResult, failures)."""
    from ..read.feeds import FeedState, PoliteClient, read_feed
    from ..records import Article
    from ..store.duck import IngestResult

    state = FeedState(store)
    with PoliteClient(min_interval=interval, allow_private=allow_private) as client:
        fetched = read_feed(url, state, client, settings)
    if lang is not Lang.auto:
        for raw in fetched.articles:
            raw.language = lang.value
    failures = list(fetched.failures)
    articles: list[Article] = []
    for result in pipeline.analyze_many(fetched.articles):
        if isinstance(result, ReadFailure):
            failures.append(result)
        else:
            articles.append(result)
    for failure in failures:
        report_failure(failure)
    stored = store.ingest(articles) if articles else IngestResult()
    state.save(fetched, stored={a.id for a in articles})
    what = "not modified" if fetched.not_modified else (
        f"{fetched.entries} entries, {len(fetched.articles)} new, {fetched.seen} seen before, "
        f"{len(fetched.duplicates)} duplicate content")
    err_console.print(f"{url}: {what}", highlight=False)
    return stored, len(failures)
