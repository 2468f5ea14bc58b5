from __future__ import annotations

import pytest
import spacy

from lagebild.nlp.extensions import register_extensions


def _runner(nlp):
    comp = nlp.get_pipe("lagebild_attributions")

    def run(text: str, entities=None):
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == "lagebild_attributions":
                break
            doc = proc(doc)
        doc._.lb_entities = entities or []
        return comp(doc)._.lb_attributions

    return run


@pytest.fixture(scope="session")
def de():
    """Blank German + sentencizer: the rules must work on tokens and word lists alone."""
    import lagebild.attributions.component  # noqa: F401

    register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_attributions")
    return _runner(nlp)


@pytest.fixture(scope="session")
def en():
    import lagebild.attributions.component  # noqa: F401

    register_extensions()
    from lagebild.lang import LanguageData
    from lagebild.nlp.loader import load_base
    from lagebild.settings import Settings

    nlp = load_base(LanguageData("en"), Settings())
    if "parser" not in nlp.pipe_names:
        pytest.skip("no English model with a parser installed")
    nlp.add_pipe("lagebild_attributions")
    return _runner(nlp)


@pytest.fixture(scope="session")
def en_blank():
    import lagebild.attributions.component  # noqa: F401

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_attributions")
    return _runner(nlp)
