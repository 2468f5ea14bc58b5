"""``lagebild serve``: the web page and REST API over a store (lagebild.serve)."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import LagebildError
from .common import err_console, setup

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Path = typer.Option(Path("lagebild.duckdb"), "--db", help="DuckDB store (opened read-only)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; the default is this machine only."),
        port: int = typer.Option(8000, "--port", min=1, max=65535),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every request."),
    ) -> None:
        """Browse the store in a web browser: events, their sources and evidence; API under /api."""
        import uvicorn

        from ..serve import create_app

        setup(verbose)
        try:
            web = create_app(db)
        except LagebildError as err:
            err_console.print(f"[red]error[/] {err}", highlight=False)
            raise typer.Exit(code=2) from None
        if host not in LOCAL_HOSTS:
            err_console.print(f"[yellow]warning[/] binding to {host}: other machines can reach this store's page")
        shown = f"[{host}]" if ":" in host else host
        err_console.print(f"serving {db} (read-only) at [bold]http://{shown}:{port}/[/]  (API: /api, stop with Ctrl+C)")
        uvicorn.run(web, host=host, port=port, log_level="info" if verbose else "warning", access_log=verbose)
