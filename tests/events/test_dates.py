"""The tense of a trigger's clause reads the parse's heads only where the parse is trusted."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.events.dates import clause_tense
from lagebild.events.lexicon import Entry
from lagebild.events.triggers import Clause, Trigger


def _tense(code: str) -> str | None:
    # "X geht Angriff begann": the noun's head "begann" (past) is found through the parse only;
    # without it the first finite verb of the clause, "geht" (present), carries the clause
    doc = Doc(spacy.blank(code).vocab, words=["X", "geht", "Angriff", "begann"],
              pos=["PROPN", "VERB", "NOUN", "VERB"], heads=[1, 3, 3, 3], deps=["nsubj", "ccomp", "nsubj", "ROOT"],
              morphs=["", "Tense=Pres|VerbForm=Fin", "", "Tense=Past|VerbForm=Fin"])
    t = Trigger(token=doc[2], entry=Entry("Angriff", "NOUN", "ASSAULT"), type="ASSAULT", mode=None,
                clause=Clause(0, len(doc)))
    return clause_tense(t, SimpleNamespace(perfect_aux=frozenset()))


@pytest.mark.parametrize(("code", "tense"), [("en", "Past"), ("de", "Pres")])
def test_the_heads_of_a_trigger_come_from_a_trusted_parse_only(code, tense):
    assert _tense(code) == tense  # en trusts its parse, de does not (pipeline.json)
