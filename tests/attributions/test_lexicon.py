"""The attribution data files of every language load and are well-formed."""
from __future__ import annotations

import re

import pytest

from lagebild.attributions.lexicon import Lexicon
from lagebild.lang import LanguageData, available_languages


@pytest.mark.parametrize("code", [c for c in available_languages() if LanguageData(c).has("attribution.json")])
def test_lexicon_loads(code):
    lex = Lexicon.load(LanguageData(code))
    assert lex.joined, "no cue verbs"
    assert lex.quote_re is not None and lex.quote_re.search("x „a b“ y" if code == "de" else 'x "a b" y')
    for pat in lex.no_comment:
        assert isinstance(pat, re.Pattern)
    for cues in lex.split.values():
        assert all(c.particle for c in cues)
    assert all(isinstance(n, int) and n > 0 for n in lex.number_words.values())


def test_english_cue_verbs_have_every_form():
    """Every English cue verb lists an -s and an -ing form, and doubled or irregular forms
    are spelt right (a misspelt form silently loses the cue)."""
    data = LanguageData("en").json("attribution_verbs")
    for lemma, entry in data.items():
        forms = entry.get("joined") or entry.get("split")
        assert any(f.endswith("ing") for f in forms), lemma
        assert any(f.endswith("s") for f in forms), lemma
    lex = Lexicon.load(LanguageData("en"))
    for form in ("referred", "referring", "sought", "planned", "slammed", "showing", "echoes"):
        assert lex.cue_for(form) is not None, form
    for wrong in ("refered", "seeked", "planed", "slamed", "echos"):
        assert lex.cue_for(wrong) is None, wrong
