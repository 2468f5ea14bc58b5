"""A store of hand-made articles, and an app over it."""
from __future__ import annotations

import pytest

from lagebild.store import Store

from .articles import all_articles


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "fixture.duckdb"
    with Store(path) as store:
        store.ingest(all_articles())
    return path


@pytest.fixture(scope="session")
def app(store_path):
    from lagebild.serve import create_app

    return create_app(store_path)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c
