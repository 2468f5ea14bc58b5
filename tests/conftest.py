"""Shared fixtures: small articles written by hand, and one pipeline per test session."""
from __future__ import annotations

import pytest

from lagebild import Pipeline, Settings

EN_TEXT = (
    "Russian forces attacked the city of Kharkiv with drones on Monday, officials said. "
    '"We will respond," Ukrainian President Volodymyr Zelenskyy said in a video address.'
)
DE_TEXT = (
    "Bundeskanzler Olaf Scholz hat am 3. März 2025 mit dem französischen Präsidenten Emmanuel Macron "
    "telefoniert. „Wir stehen an der Seite der Ukraine“, sagte Scholz. Das Ministerium reagierte nicht "
    "auf eine Anfrage."
)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


@pytest.fixture
def article_dir(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a_en.txt").write_text("Drones hit Kharkiv\n\n" + EN_TEXT + "\n", encoding="utf-8")
    (d / "b_de.txt").write_text(DE_TEXT + "\n", encoding="utf-8")
    (d / "c.jsonl").write_text(
        '{"id": "j1", "text": "The European Union pledged aid to Ukraine on Thursday.", "published": "2025-06-12"}\n'
        "this line is not json\n"
        '{"id": "j2", "text": "Der Kreml drohte am Montag mit Vergeltung.", "language": "de"}\n',
        encoding="utf-8",
    )
    return d
