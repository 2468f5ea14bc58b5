"""The ``lagebild`` command line. The only place that prints, exits or sets up logging."""
from __future__ import annotations

import typer

from . import analyse, batch, serve

app = typer.Typer(
    name="lagebild",
    help="News articles to event data you can trust: who did what to whom, when, where, who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
analyse.register(app)
serve.register(app)
batch.register(app)

__all__ = ["app"]
