"""The transliteration-aware name matcher: pairs that must match and pairs that must not."""
from __future__ import annotations

import pytest

from lagebild.kb.names import fold, name_keys, names_match, strip_possessive, surname

MUST_MATCH = [
    # German and English transliterations of the same Cyrillic name
    ("Selenskyj", "Zelenskyy"), ("Selensky", "Zelensky"), ("Selenskyj", "Zelenskiy"),
    ("Wolodymyr Selenskyj", "Volodymyr Zelenskyy"), ("Wolodymir", "Volodymyr"),
    ("Medwedew", "Medvedev"), ("Dmitri Medwedew", "Dmitry Medvedev"), ("Lawrow", "Lavrov"),
    ("Peskow", "Peskov"), ("Schoigu", "Shoigu"), ("Gerassimow", "Gerasimov"), ("Nawalny", "Navalny"),
    ("Lukaschenko", "Lukashenko"), ("Sacharowa", "Zakharova"), ("Chodorkowski", "Khodorkovsky"),
    ("Jelzin", "Yeltsin"), ("Netanjahu", "Netanyahu"), ("Chamenei", "Khamenei"),
    # places
    ("Charkiw", "Kharkiv"), ("Tschernihiw", "Chernihiv"), ("Saporischschja", "Zaporizhzhia"),
    ("Mykolajiw", "Mykolaiv"),
    # weapons: case and one-letter slips
    ("Atacms", "ATACMS"), ("Atacmas", "ATACMS"), ("Oreschnik", "Oreshnik"),
    # accents
    ("Erdoğan", "Erdogan"), ("Orbán", "Orban"),
]

MUST_NOT_MATCH = [
    ("Medwedew", "Medinsky"), ("Medvedev", "Medinski"), ("Putin", "Puttin"), ("Putin", "Puttin's"),
    ("Trump", "Truman"), ("Scholz", "Schulz"), ("Merz", "Marx"), ("Biden", "Bidet"),
    ("Lawrow", "Lavrentiev"), ("Iran", "Iraq"), ("Austria", "Australia"), ("Rutte", "Russland"),
    ("Selenskyj", "Selinsky Street"), ("Kiew", "Kiel"),
]


@pytest.mark.parametrize("a,b", MUST_MATCH)
def test_must_match(a: str, b: str) -> None:
    assert names_match(a, b), (name_keys(a), name_keys(b))
    assert names_match(b, a)


@pytest.mark.parametrize("a,b", MUST_NOT_MATCH)
def test_must_not_match(a: str, b: str) -> None:
    assert not names_match(a, b), (name_keys(a), name_keys(b))


def test_fold_and_helpers() -> None:
    assert fold("Weiße  Haus") == "weisse haus"
    assert fold("Jean-Noël Barrot") == "jean noel barrot"
    assert surname("Wolodymyr Selenskyj") == "Selenskyj"
    assert strip_possessive("Putin's", ("'s", "’s", "'")) == "Putin"
    assert names_match("", "Putin") is False


def test_each_language_folder_brings_its_reading(monkeypatch) -> None:
    """The readings are language data: a language folder with a ``reading`` adds a key."""
    from lagebild.kb import names
    from lagebild.lang import LanguageData

    assert names._readings() == tuple(tuple(map(tuple, LanguageData(c).json("names")["reading"])) for c in ("de", "en"))

    class French:
        def __init__(self, code: str) -> None:
            self.real = LanguageData(code) if code != "fr" else None

        def has(self, name: str) -> bool:
            return True

        def json(self, name: str) -> dict:
            return {"reading": [["ou", "u"], ["ch", "š"]]} if self.real is None else self.real.json(name)

    monkeypatch.setattr(names, "available_languages", lambda: ("de", "en", "fr"))
    monkeypatch.setattr(names, "LanguageData", French)
    readings = names._readings()
    assert len(readings) == 3 and readings[-1] == (("ou", "u"), ("ch", "š"))
    monkeypatch.setattr(names, "_READINGS", readings)
    assert names._reading("tchekhov", readings[-1]) == "tšekhov"
    assert len(names.name_keys.__wrapped__("Tschechow")) == 3  # a German, an English and a French key


def test_gazetteer_indexes_each_languages_country_names() -> None:
    from lagebild.kb.gazetteer import get_gazetteer, translation_keys

    assert translation_keys() == ("de", "en")  # lang/<code>/places.json countryinfo_translation
    assert any(c.country == "DE" and c.feature == "PCLI" for c in get_gazetteer().lookup("Deutschland"))
