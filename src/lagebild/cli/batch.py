"""``lagebild batch``: many articles → Parquet tables, on a process pool or on Spark."""
from __future__ import annotations

import os
from enum import Enum

import typer

from ..errors import LagebildError
from ..settings import Settings
from .common import err_console, setup


class Engine(str, Enum):
    local = "local"
    spark = "spark"


def register(app: typer.Typer) -> None:
    @app.command()
    def batch(
        inputs: list[str] = typer.Argument(
            ..., help="Files or folders (.txt, .html, .jsonl, .jsonl.gz, .warc, .warc.gz), local or as "
                      "s3://, gs://, hdfs://, file:// URIs."),
        output: str = typer.Option(..., "--output", "-o", help="Output folder (Spark: any Hadoop path)."),
        engine: Engine = typer.Option(Engine.local, "--engine", help="local: a process pool; spark: PySpark."),
        master: str = typer.Option("local[2]", "--master", help="Spark master (spark engine); 'submit' keeps "
                                   "what spark-submit configured."),
        workers: int = typer.Option(min(os.cpu_count() or 1, 8), "--workers", "-w", min=1,
                                    help="Worker processes (local engine)."),
        batch_size: int = typer.Option(8, "--batch-size", min=1, help="Articles per nlp.pipe batch (memory "
                                       "grows with it: ~13 MiB per article of the batch)."),
        verbose: bool = typer.Option(False, "--verbose", "-v"),
    ) -> None:
        """Analyse every article into Parquet tables partitioned by language and month.

        Records that fail go to the errors table and the job goes on; re-running into the
        same output replaces the partitions it covers. `lagebild ingest OUTPUT` loads the
        result into the store.
        """
        from ..batch import read_errors, run_batch

        setup(verbose)
        try:
            result = run_batch(
                inputs, output, engine=engine.value, workers=workers,
                master=None if master == "submit" else master,
                settings=Settings(batch_size=batch_size),
            )
        except LagebildError as err:
            err_console.print(f"[red]error[/] {err}")
            raise typer.Exit(code=2) from None
        if "://" not in result.output:  # merged events, stories and flags beside the tables (batch/merged.py)
            from ..batch.merged import merge_output

            merged = merge_output(result.output)
            err_console.print(f"{result.output}/merged: {merged['clusters']} merged events, {merged['stories']} stories, "
                              f"{merged['flags']} flags", highlight=False)
        rss = result.peak_rss_by_process()
        err_console.print(
            f"{result.output}: {result.articles} articles, {result.errors} errors"
            f"{f', {result.warnings} warnings' if result.warnings else ''} in {result.seconds:.1f} s "
            f"({result.articles_per_second:.2f} articles/s, {result.tasks} tasks, {engine.value}); "
            f"peak memory per worker {max(rss.values(), default=0):.0f} MiB",
            highlight=False,
        )
        if result.errors:
            if "://" not in result.output:
                rows = [r for r in read_errors(result.output).to_pylist() if r["run_id"] == result.run_id]
                for row in rows[:5]:
                    where = f"{row['source']}" + (f":{row['offset']}" if row["offset"] is not None else "")
                    err_console.print(f"[red]error[/] {row['stage']} {where}: {row['reason']}", highlight=False)
            err_console.print(f"all errors: {result.output}/errors")
            raise typer.Exit(code=1)
