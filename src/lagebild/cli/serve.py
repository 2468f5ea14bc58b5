"""``lagebild serve``: registered by the web stage (lagebild.serve)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:  # replaced by the web stage
    pass
