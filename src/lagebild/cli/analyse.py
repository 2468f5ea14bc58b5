"""``extract``, ``ingest``, ``export`` and ``summary``."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from ..errors import LagebildError
from ..pipeline import Pipeline
from ..read import ReadFailure, iter_articles
from ..settings import Settings
from .common import err_console, parse_date_option, progress, report_failure, setup, tracked
from .summary import print_summary


class Lang(str, Enum):
    auto = "auto"
    de = "de"
    en = "en"


class OutFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"
    plover = "plover"


def _articles(paths: list[Path], published: str | None, lang: Lang, settings: Settings):
    date = parse_date_option(published)
    for item in iter_articles(paths, settings):
        if not isinstance(item, ReadFailure):
            if date is not None:
                item.published = date
            if lang is not Lang.auto:
                item.language = lang.value
        yield item


def _analysed(pipeline: Pipeline, paths: list[Path], published: str | None, lang: Lang, settings: Settings,
              label: str, failures: list[ReadFailure]):
    """Analysed articles of ``paths`` under a progress bar; read failures are reported and
    appended to ``failures``, and the rest goes on."""
    with progress(label, _count(paths)) as bar:
        for result in tracked(pipeline.analyze_many(_articles(paths, published, lang, settings)), bar):
            if isinstance(result, ReadFailure):
                report_failure(result)
                failures.append(result)
                continue
            yield result


def _count(paths: list[Path]) -> int | None:
    from ..read.files import iter_paths
    return sum(1 for _ in iter_paths(paths))


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        paths: list[Path] = typer.Argument(..., help="Files (.txt, .html, .jsonl) or folders."),
        published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD for every article."),
        lang: Lang = typer.Option(Lang.auto, "--lang", help="Language, or auto-detect."),
        fmt: OutFormat = typer.Option(OutFormat.json, "--format", help="json: indented; jsonl: one line each."),
        verbose: bool = typer.Option(False, "--verbose", "-v"),
    ) -> None:
        """Print one lagebild/1 record per article to stdout."""
        setup(verbose)
        settings = Settings()
        parse_date_option(published)
        pipeline = Pipeline(settings)
        failures: list[ReadFailure] = []
        for article in _analysed(pipeline, paths, published, lang, settings, "analysing", failures):
            data = article.to_dict()
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if fmt is OutFormat.json else None) + "\n")
        if failures:
            raise typer.Exit(code=1)

    @app.command()
    def ingest(
        paths: list[Path] = typer.Argument(
            None, help="Files (.txt, .html, .jsonl, .jsonl.gz, .warc), folders, or `lagebild batch` output folders."),
        db: Path = typer.Option(Path("lagebild.duckdb"), "--db", help="DuckDB store."),
        published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD for every article."),
        lang: Lang = typer.Option(Lang.auto, "--lang"),
        feed: list[str] = typer.Option(None, "--feed", help="RSS/Atom feed URL (repeatable): new entries are "
                                       "fetched politely, conditionally, de-duplicated by URL and content."),
        interval: float = typer.Option(1.0, "--interval", help="Seconds between two requests to one host (--feed)."),
        verbose: bool = typer.Option(False, "--verbose", "-v"),
    ) -> None:
        """Analyse articles into the store. Re-ingesting the same article changes nothing.

        A folder written by `lagebild batch` is loaded as it is (no second analysis).
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
        settings = Settings()
        parse_date_option(published)
        pipeline = Pipeline(settings)
        total, read_failures, failures, batch = IngestResult(), [], 0, []
        try:
            with Store(db) as store:
                for out in outputs:
                    loaded = load_batch_output(out, store)
                    err_console.print(f"{out}: batch output, {loaded.added + loaded.replaced + loaded.unchanged} "
                                      f"articles loaded", highlight=False)
                    total += loaded
                if files:
                    for article in _analysed(pipeline, files, published, lang, settings, "ingesting", read_failures):
                        batch.append(article)
                        if len(batch) >= settings.batch_size:
                            total += store.ingest(batch)
                            batch = []
                    total += store.ingest(batch)
                    failures += len(read_failures)
                for url in feeds:
                    done, failed = _ingest_feed(url, store, pipeline, settings, interval, lang)
                    total += done
                    failures += failed
                merged = store.merge()
                counts = store.counts()
        except LagebildError as err:
            err_console.print(f"[red]error[/] {err}")
            raise typer.Exit(code=2) from None
        err_console.print(
            f"{db}: {total.added} added, {total.replaced} replaced, {total.unchanged} unchanged, "
            f"{failures} failed; store holds {counts['articles']} articles, {counts['events']} events "
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


def _ingest_feed(url: str, store, pipeline: Pipeline, settings: Settings, interval: float, lang: Lang):
    """One feed into the store; returns (IngestResult, failures)."""
    from ..read.feeds import FeedState, PoliteClient, read_feed
    from ..records import Article
    from ..store.duck import IngestResult

    state = FeedState(store.con)
    with PoliteClient(min_interval=interval) as client:
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
