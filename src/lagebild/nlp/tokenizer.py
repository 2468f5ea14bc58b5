"""Tokenizer rules from a language's ``sentences.json``.

``tokenizer_special_cases`` lists abbreviations kept whole with their period (``Nr.``,
``St.``, ``z.B.``); ``tokenizer_remove_special_cases`` lists spaCy defaults that do more harm
than good in news (weekday abbreviations such as ``Di.`` eat the period of names like
``Fei Di.``); ``tokenizer_word_prefixes`` lists prefix characters that stay on a following
word (``#Dortmund`` is one token, as ``@BILD`` already is). The training script applies them
before saving the model, so the shipped tokenizer carries them and loading needs no code of
ours.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.util import compile_prefix_regex

from ..lang import LanguageData


def word_prefixes(prefixes: list[str], keep: list[str]) -> list[str]:
    """``prefixes`` with each character of ``keep`` split off only when no word character follows."""
    escaped = {re.escape(c): c for c in keep} | {c: c for c in keep}
    out = []
    for p in prefixes:
        if p in escaped:
            out.append(re.escape(escaped[p]) + r"(?!\w)")
        else:
            out.append(p)
    return out


def apply_special_cases(nlp: Language, data: str = "sentences") -> Language:
    rules = LanguageData(nlp.lang).json(data)
    remove = set(rules.get("tokenizer_remove_special_cases", ()))
    if remove:
        nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in remove}
    for form in rules.get("tokenizer_special_cases", ()):
        nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    keep = rules.get("tokenizer_word_prefixes", ())
    if keep:
        prefixes = word_prefixes(list(nlp.Defaults.prefixes), list(keep))
        nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    return nlp
