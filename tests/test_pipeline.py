import datetime as dt
import importlib.util
import subprocess
import sys

import pytest

import lagebild
from lagebild import Article, Pipeline, RawArticle, ReadFailure
from lagebild.errors import UnsupportedLanguageError
from lagebild.lang import LanguageData

from .conftest import DE_TEXT, EN_TEXT

def test_pipeline_loads_nothing_until_first_use():
    assert Pipeline()._nlp == {}


SUBPROCESS_PROBE = """
import sys
import lagebild
models = {models!r}
assert not [m for m in models if m in sys.modules], "import lagebild loaded a model"
pipeline = lagebild.Pipeline()
assert pipeline._nlp == {{}}, "Pipeline() loaded a model"
pipeline.nlp("de")
loaded = [m for m in models if m in sys.modules]
assert not loaded, f"building the German pipeline imported the English model {{loaded}}"
pipeline.nlp("en")  # the probe sees a model once one is loaded
print("english model seen:", any(m in sys.modules for m in models))
"""


@pytest.mark.model
def test_import_and_german_load_no_english_model():
    # A fresh interpreter: other tests in this session may have loaded the English model.
    models = [m for m in LanguageData("en").json("pipeline")["models"] if not m.startswith("package:")]
    proc = subprocess.run([sys.executable, "-c", SUBPROCESS_PROBE.format(models=models)], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    installed = any(importlib.util.find_spec(m) for m in models)
    assert f"english model seen: {installed}" in proc.stdout


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
