"""Per-file metadata of plain-text articles: a header (``published:`` first line) or a sidecar."""
from __future__ import annotations

import datetime as dt
import json

from lagebild.cli.meta import read_header, with_file_meta
from lagebild.read import ReadFailure, iter_articles


def _one(path, fallback=None):  # noqa: ANN001, ANN202
    (item,) = list(iter_articles([path]))
    return with_file_meta(item, fallback)


def test_header_lines_set_date_url_outlet_and_leave_the_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("published: 2009-03-25\nurl: https://www.example.org/n/1\noutlet: Example News\n\n"
                 "Marches in the capital\n\nThousands marched on Saturday.\n", encoding="utf-8")
    raw = _one(f, dt.date(2025, 7, 15))
    assert raw.published == dt.date(2009, 3, 25)  # the file's own date beats --published
    assert raw.url == "https://www.example.org/n/1" and raw.outlet == "Example News"
    assert raw.title == "Marches in the capital"
    assert raw.text == "Thousands marched on Saturday."
    plain = tmp_path / "b.txt"
    plain.write_text("Thousands marched on Saturday.\n", encoding="utf-8")
    assert raw.id == _one(plain).id  # the id follows the text, not the header


def test_sidecar_and_fallback(tmp_path):
    f = tmp_path / "c.txt"
    f.write_text("Title here\n\nThe army withdrew from the town on Monday.\n", encoding="utf-8")
    assert _one(f, dt.date(2025, 7, 15)).published == dt.date(2025, 7, 15)  # nothing of its own: --published
    (tmp_path / "c.meta.json").write_text(json.dumps({"published": "2001-05-02", "outlet": "Gazette"}), encoding="utf-8")
    raw = _one(f, dt.date(2025, 7, 15))
    assert raw.published == dt.date(2001, 5, 2) and raw.outlet == "Gazette" and raw.title == "Title here"
    # a folder does not read the sidecar as an article
    assert len(list(iter_articles([tmp_path]))) == 1


def test_bad_header_date_is_reported_with_the_file(tmp_path):
    f = tmp_path / "d.txt"
    f.write_text("published: 25.03.2009\n\nText of the article.\n", encoding="utf-8")
    got = _one(f)
    assert isinstance(got, ReadFailure) and "d.txt" in got.source
    (tmp_path / "e.meta.json").write_text("{broken", encoding="utf-8")
    (tmp_path / "e.txt").write_text("Text of the article.\n", encoding="utf-8")
    assert isinstance(_one(tmp_path / "e.txt"), ReadFailure)


def test_only_a_leading_header_counts():
    fields, rest = read_header("Title: not a header because text follows\nPublished: 2009\nbody")
    assert fields == {"title": "not a header because text follows", "published": "2009"} and rest == "body"
    assert read_header("The minister said: published: no")[0] == {}


def test_progress_line_names_what_loads(monkeypatch, tmp_path):
    from rich.progress import Progress

    from lagebild import Pipeline
    from lagebild.cli.analyse import ShowLoading

    seen = []
    monkeypatch.setattr(Pipeline, "nlp", lambda self, lang: seen.append(bar.tasks[0].description) or "nlp")
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))  # empty: the place index will be built
    bar = Progress(disable=True)
    bar.add_task("analysing", total=1)
    p = ShowLoading()
    p.bar = bar
    assert p.nlp("en") == "nlp"
    assert seen[0].startswith("loading the English models and building the place index")
    assert bar.tasks[0].description == "analysing"  # restored afterwards
