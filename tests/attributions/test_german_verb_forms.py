"""German cue verb forms in lang/de/attribution_verbs.json are spelt as German inflects them."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

VERBS = json.loads((Path(__file__).resolve().parents[2] / "src" / "lagebild" / "lang" / "de"
                    / "attribution_verbs.json").read_text(encoding="utf-8"))


def _forms(entry: dict) -> list[str]:
    return entry.get("joined", []) + entry.get("split", [])


def test_no_epenthetic_e_after_a_long_vowel_or_liquid_before_n_or_m():
    # betonte, lehnte, mahnte, verneinte, warnte, filmte — not *betonete (but rechnete, atmete)
    wrong = [(lemma, f) for lemma, e in VERBS.items() if not lemma.startswith("_") for f in _forms(e)
             if re.search(r"(?:[aeiouäöü]|[aeiouäöü]h|[lr])[nm](?:ete|eten|etest|et)$", f)
             and not re.search(r"(?:ieren|eien)$", lemma)]
    assert wrong == []


@pytest.mark.parametrize("form,lemma", [("betonte", "betonen"), ("betont", "betonen"),
                                        ("lehnte", "ablehnen"), ("charakterisierte", "charakterisieren")])
def test_common_forms_are_cues(form, lemma):
    from lagebild.attributions.lexicon import Lexicon
    from lagebild.lang import LanguageData

    lex = Lexicon.load(LanguageData("de"))
    found = [lex.cue_for(form)] + lex.split_for(form)
    assert lemma in [c.lemma for c in found if c]
