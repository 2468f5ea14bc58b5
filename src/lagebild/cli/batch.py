"""``lagebild batch``: registered by the batch stage (lagebild.batch)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:  # replaced by the batch stage
    pass
