"""Every language data file is checked against its schema when loaded (lagebild.lang._schema)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.errors import DataFileError, DataSchemaError
from lagebild.lang import LanguageData, available_languages
from lagebild.lang._schema import SCHEMAS

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _shipped() -> list[tuple[str, str]]:
    out = []
    for code in available_languages():
        for file in sorted(LanguageData(code).path.glob("*.json")):
            out.append((code, file.stem))
    return out


@pytest.mark.parametrize(("code", "name"), _shipped())
def test_every_shipped_file_validates(code: str, name: str) -> None:
    lang = LanguageData(code)
    model = lang.model(name)
    assert model is not None
    assert name in SCHEMAS


def test_every_language_ships_every_required_file() -> None:
    kinds = {code: {f.stem for f in LanguageData(code).path.glob("*.json")} for code in available_languages()}
    shared = set.intersection(*kinds.values())
    assert {"attribution", "attribution_verbs", "events", "modality", "places", "roles", "times"} <= shared


def test_valid_fixture_gives_dict_and_model() -> None:
    lang = LanguageData("xx", root=FIXTURES / "good")
    data = lang.json("merge")
    assert data["numbers"] == {"one": 1, "two": 2}
    assert lang.model("merge").families == {"attack": ["attack", "strike"]}


def test_misspelt_key_is_an_error() -> None:
    lang = LanguageData("xx", root=FIXTURES / "misspelt")
    with pytest.raises(DataSchemaError) as info:
        lang.json("merge")
    assert info.value.key == "familes"
    assert "unknown key 'familes'" in str(info.value)
    assert "misspelt/xx/merge.json" in str(info.value)
    assert str(info.value).startswith("[E031]")


def test_missing_key_is_an_error() -> None:
    lang = LanguageData("xx", root=FIXTURES / "missing")
    with pytest.raises(DataSchemaError) as info:
        lang.json("merge")
    assert info.value.key == "scale"
    assert "missing key 'scale'" in str(info.value)


def test_wrong_type_is_an_error() -> None:
    lang = LanguageData("xx", root=FIXTURES / "wrong_type")
    with pytest.raises(DataSchemaError) as info:
        lang.json("merge")
    assert info.value.key == "numbers.two"
    assert "got str" in str(info.value)


def test_misspelt_key_inside_a_record_is_an_error() -> None:
    lang = LanguageData("xx", root=FIXTURES / "nested")
    with pytest.raises(DataSchemaError) as info:
        lang.json("attribution_verbs")
    assert info.value.key == "point out.splt"


def test_schema_error_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError):
        LanguageData("xx", root=FIXTURES / "misspelt").json("merge")


def test_missing_file_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError) as info:
        LanguageData("xx", root=FIXTURES / "good").json("modality")
    assert not isinstance(info.value, DataSchemaError)


def test_file_kind_without_schema_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "surprise.json").write_text("{}", encoding="utf-8")
    with pytest.raises(DataSchemaError, match="no schema"):
        LanguageData("xx", root=tmp_path).json("surprise")


def test_validated_once_per_file_per_process() -> None:
    a, b = LanguageData("en"), LanguageData("en")
    assert a.json("modality") is b.json("modality")
    assert a.model("modality") is b.model("modality")


def test_model_is_frozen() -> None:
    model = LanguageData("en").model("modality")
    with pytest.raises(Exception):
        model.negation = []  # type: ignore[misc]
