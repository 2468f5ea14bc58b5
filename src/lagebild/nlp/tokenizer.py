"""Tokenizer special cases from a language's ``sentences.json``.

``tokenizer_special_cases`` lists abbreviations kept whole with their period (``Nr.``,
``St.``, ``z.B.``); ``tokenizer_remove_special_cases`` lists spaCy defaults that do more harm
than good in news (weekday abbreviations such as ``Di.`` eat the period of names like
``Fei Di.``). The training script applies them before saving the model, so the shipped
tokenizer carries them and loading needs no code of ours.
"""
from __future__ import annotations

from spacy.language import Language

from ..lang import LanguageData


def apply_special_cases(nlp: Language, data: str = "sentences") -> Language:
    rules = LanguageData(nlp.lang).json(data)
    remove = set(rules.get("tokenizer_remove_special_cases", ()))
    if remove:
        nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in remove}
    for form in rules.get("tokenizer_special_cases", ()):
        nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    return nlp
