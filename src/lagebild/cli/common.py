"""Console, progress and error reporting shared by the commands."""
from __future__ import annotations

import datetime as dt
import logging
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..read import ReadFailure

err_console = Console(stderr=True, soft_wrap=True)


def setup(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    def show(message, category, filename, lineno, file=None, line=None):  # noqa: ANN001
        err_console.print(f"[yellow]warning[/] {message}", highlight=False)

    warnings.showwarning = show


def parse_date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def report_failure(failure: ReadFailure) -> None:
    if failure.is_warning:
        report_warning(str(failure.error))
        return
    where = f"{failure.source}" + (f":{failure.offset}" if failure.offset else "")
    reason = str(failure.error)
    if where not in reason:
        reason = f"{where}: {reason}"
    err_console.print(f"[red]error[/] {reason}", highlight=False)


def report_warning(message: str) -> None:
    """A coded warning ("[W100] file: ...") that does not fail the run."""
    err_console.print(f"[yellow]warning[/] {message}", highlight=False)


@contextmanager
def progress(description: str, total: int | None) -> Iterator[Progress]:
    bar = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err_console, transient=True, disable=not err_console.is_terminal,
    )
    with bar:
        bar.add_task(description, total=total)
        yield bar


def tracked(items: Iterable, bar: Progress) -> Iterator:
    task = bar.task_ids[0]
    for item in items:
        yield item
        bar.advance(task)
