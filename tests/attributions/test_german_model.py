"""German attribution on the shipped German model (parser frames), when it is installed."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def de_model():
    from lagebild.lang import LanguageData
    from lagebild.nlp.loader import build_nlp, shipped_model_path
    from lagebild.settings import Settings

    if not (shipped_model_path("de_lagebild") / "config.cfg").exists():
        pytest.skip("German model not shipped")
    try:
        nlp = build_nlp("de", Settings())
    except Exception as err:  # another stage not ready
        pytest.skip(f"pipeline does not build: {err}")
    assert LanguageData("de")
    return nlp


def test_parser_frames_keep_forms_counts_and_chains(de_model):
    text = ("Zwei mit den Gesprächen vertraute Diplomaten sagten, die Regierung plane neue Verhandlungen. "
            "Der Minister habe geantwortet: „Das kommt nicht in Frage.“")
    atts = de_model(text)._.lb_attributions
    first = atts[0]
    assert first.form == "indirect"
    assert first.source.kind == "anonymous" and first.source.count == 2
    assert text[first.content.start:first.content.end].startswith("die Regierung plane")
    answer = next(a for a in atts if a.cue and a.cue.text == "habe geantwortet")
    assert answer.form == "direct" and answer.according_to == first.id


def test_fronted_adverbial_or_date_is_not_the_source(de_model):
    text = ("Insgesamt spricht die Polizei nun von weniger Auseinandersetzungen. "
            "Anfang Februar forderte der Verband höhere Löhne.")
    atts = de_model(text)._.lb_attributions
    assert [a.source.text for a in atts] == ["die Polizei", "der Verband"]
