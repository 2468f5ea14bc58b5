"""``lagebild serve``: options, default bind, and a clear error without a store."""
from __future__ import annotations

from typer.testing import CliRunner

from lagebild.cli import app


def test_serve_missing_store_is_a_clear_error(tmp_path):
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2
    assert "E040" in r.output and "no such store" in r.output and "lagebild ingest" in r.output


def test_serve_runs_uvicorn_on_localhost_by_default(store_path, monkeypatch):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: seen.update(kw, app=web))
    r = CliRunner().invoke(app, ["serve", "--db", str(store_path)])
    assert r.exit_code == 0, r.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    assert "http://127.0.0.1:8000/" in r.output
    r = CliRunner().invoke(app, ["serve", "--db", str(store_path), "--host", "0.0.0.0", "--port", "9001"])
    assert seen["host"] == "0.0.0.0" and seen["port"] == 9001 and "warning" in r.output
    seen["app"].state.reader.close()
