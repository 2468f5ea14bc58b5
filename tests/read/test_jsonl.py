"""JSONL: the line protocol, decoding, JSON limits and field validation (issues #20, #21)."""
from __future__ import annotations

import gzip
import json

import pytest

from lagebild.errors import (
    BadDateError,
    CorruptInputError,
    EmptyInputError,
    InvalidFieldError,
    InvalidJSONError,
    ReplacedCharactersWarning,
)
from lagebild.read import RawArticle, ReadFailure, read_file
from lagebild.read.jsonl import parse_json_line

GOOD = {"id": "ok", "text": "Russian troops attacked the town of Izium on Monday."}


def _write(path, lines: list[str | bytes]) -> None:
    data = b"".join((line if isinstance(line, bytes) else line.encode("utf-8")) + b"\n" for line in lines)
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)


@pytest.mark.parametrize("name", ["u.jsonl", "u.jsonl.gz"])
@pytest.mark.parametrize("sep", ["\u2028", "\u0085", "\u2029", "\x1c"])
def test_line_separators_inside_strings_keep_the_record(tmp_path, name, sep):
    """#21: a raw U+2028 / U+0085 inside a JSON string split a valid record (str.splitlines)."""
    f = tmp_path / name
    _write(f, [json.dumps({"id": "u", "text": f"Tanks entered.{sep}The army attacked."}, ensure_ascii=False),
               json.dumps(GOOD)])
    out = list(read_file(f))
    assert [type(o).__name__ for o in out] == ["RawArticle", "RawArticle"]
    assert out[0].text == f"Tanks entered.{sep}The army attacked." and not out[0].warnings


@pytest.mark.parametrize("name", ["l.jsonl", "l.jsonl.gz"])
def test_one_latin1_line_is_kept_with_a_warning_and_the_rest_goes_on(tmp_path, name):
    """#21: one Latin-1 line failed a whole plain .jsonl; now plain and .gz behave alike."""
    f = tmp_path / name
    bad = '{"id": "b", "text": "Die Truppen griffen die Stadt an, sagte ein Sprecher in Köln."}'.encode("latin-1")
    _write(f, [json.dumps(GOOD), bad, json.dumps({**GOOD, "id": "c"})])
    out = list(read_file(f))
    assert [o.id for o in out] == ["ok", "b", "c"]
    assert "K\ufffdln" in out[1].text
    (note,) = out[1].warnings
    assert note.startswith(f"[{ReplacedCharactersWarning.code}] {f}:2:") and "U+FFFD" in note
    assert not out[0].warnings and not out[2].warnings


def test_a_line_of_noise_is_refused_not_replaced(tmp_path):
    f = tmp_path / "n.jsonl"
    _write(f, [bytes(range(0x80, 0xC0)) * 4, json.dumps(GOOD)])
    out = list(read_file(f))
    assert isinstance(out[0], ReadFailure) and out[0].offset == 1 and out[0].error.code == "E004"
    assert out[1].id == "ok"


def test_lone_surrogate_is_replaced_and_recorded(tmp_path):
    """#20: a lone surrogate crashed spaCy's string store."""
    f = tmp_path / "s.jsonl"
    _write(f, ['{"id": "s", "text": "Troops attacked the town. \\ud800 More text."}'])
    (art,) = list(read_file(f))
    assert "\ud800" not in art.text and art.text.count("\ufffd") == 1
    assert len(art.text) == len("Troops attacked the town. \ud800 More text.")  # offsets hold
    assert art.warnings and "lone surrogate" in art.warnings[0] and f"{f}:1" in art.warnings[0]
    art.text.encode("utf-8")  # strict: no surrogate left
    # a surrogate pair written as escapes is one real character, not a replacement
    _write(f, ['{"id": "e", "text": "Troops attacked the town \\ud83d\\ude00."}'])
    (art,) = list(read_file(f))
    assert "\U0001F600" in art.text and not art.warnings


@pytest.mark.parametrize("line,words", [
    ('{"id": "big", "text": "Troops attacked.", "n": ' + "9" * 5000 + "}", "a number of 5,000 characters"),
    ('{"id": "f", "text": "Troops attacked.", "n": 1.' + "5" * 5000 + "}", "a number of 5,002 characters"),
    ('{"id": "inf", "text": "Troops attacked.", "n": 1e999}', "out of range"),
    ('{"id": "nan", "text": "Troops attacked.", "n": NaN}', "NaN is not a JSON number"),
    ('{"id": "deep", "text": "Troops attacked.", "x": ' + "[" * 10000 + "]" * 10000 + "}", "nested 10,001 levels"),
    ('{"id": "deepo", "text": "Troops attacked.", "x": ' + '{"a":' * 10000 + "1" + "}" * 10000 + "}",
     "nested 10,001 levels"),
    ('{"id": "k", "text": "Troops attacked.", "text": "Other."}', 'the key "text" appears twice'),
    ('{"id": "x", "text": "Troops attacked."', "not JSON"),
    ("[1, 2, 3]", "a record must be a JSON object"),
])
def test_json_limits_give_a_clear_line_error(tmp_path, line, words):
    """#20: a 5,000-digit integer or 10,000-deep nesting gave a traceback."""
    f = tmp_path / "h.jsonl"
    _write(f, [json.dumps(GOOD), line, json.dumps({**GOOD, "id": "after"})])
    out = list(read_file(f))
    assert [getattr(o, "id", None) for o in out] == ["ok", None, "after"]
    bad = out[1]
    assert isinstance(bad.error, InvalidJSONError) and bad.offset == 2
    assert words in bad.reason and f"{f}:2" in bad.reason and bad.reason.startswith("[E100]")


def test_brackets_inside_strings_do_not_count_as_nesting():
    record = parse_json_line(json.dumps({"text": "[" * 500 + "{" * 500}), where="x:1")
    assert record["text"].startswith("[[[")


@pytest.mark.parametrize("record,field,words", [
    ({"id": "l5", "text": "Troops attacked.", "language": 5}, "language", "expected a string, got a number (5)"),
    ({"id": "ll", "text": "Troops attacked.", "language": ["de"]}, "language", "got an array"),
    ({"id": "lx", "text": "Troops attacked.", "language": "not a code!"}, "language", "is not a language code"),
    ({"id": ["a"], "text": "Troops attacked."}, "id", "got an array"),
    ({"id": True, "text": "Troops attacked."}, "id", "got a boolean"),
    ({"id": "x" * 1_000_000, "text": "Troops attacked."}, "id", "1,000,000 characters, more than the limit of 300"),
    ({"id": "a\nb", "text": "Troops attacked."}, "id", "control character"),
    ({"id": "t", "text": 42}, "text", "expected a string, got a number"),
    ({"id": "t"}, "text", "missing"),
    ({"id": "ti", "text": "Troops attacked.", "title": {"a": 1}}, "title", "got an object"),
    ({"id": "u", "text": "Troops attacked.", "url": 3}, "url", "expected a string"),
    ({"id": "o", "text": "Troops attacked.", "outlet": "x" * 301}, "outlet", "more than the limit of 300"),
    ({"id": "p", "text": "Troops attacked.", "published": 20250715}, "published", "expected a date string"),
])
def test_field_types_are_checked_naming_file_line_and_field(tmp_path, record, field, words):
    """#20: "language": 5 was an AttributeError on .lower(); every field is checked."""
    f = tmp_path / "fields.jsonl"
    _write(f, [json.dumps(GOOD), json.dumps(record)])
    ok, bad = list(read_file(f))
    assert ok.id == "ok"
    assert isinstance(bad.error, InvalidFieldError) and bad.error.field == field and bad.offset == 2
    assert bad.reason.startswith(f'[E101] {f}:2: field "{field}"') and words in bad.reason


def test_integer_ids_and_blank_fields(tmp_path):
    f = tmp_path / "ids.jsonl"
    _write(f, [json.dumps({"id": 123, "text": "Troops attacked.", "language": "auto", "title": " "}),
               json.dumps({"id": "", "text": "Troops attacked the town.", "url": "https://news.example/a"})])
    a, b = list(read_file(f))
    assert a.id == "123" and a.language is None and a.title is None
    assert b.id == "https://news.example/a"  # the identity rule: no caller id, so the URL


@pytest.mark.parametrize("value,ok", [
    ("2025-07-15", True), ("2025-07-15T10:00", True), ("2025-07-15T10:00:00Z", True),
    ("2025-07-15 10:00:00.123+02:00", True), ("2024-02-29", True),
    ("2025-07-15T99:99:99", False), ("2025-07-15T24:00:00", False), ("2025-07-15T10:61", False),
    ("2025-07-15T10:00:00+25:00", False), ("2025-02-29", False), ("2025-13-45", False),
    ("2025-07-15Tnonsense", False), ("15.07.2025", False),
])
def test_published_must_be_a_real_date_and_time(tmp_path, value, ok):
    """#21: a published of T99:99:99 was accepted."""
    f = tmp_path / "d.jsonl"
    _write(f, [json.dumps({"id": "d", "text": "Troops attacked.", "published": value})])
    (out,) = list(read_file(f))
    if ok:
        assert isinstance(out, RawArticle) and out.published.isoformat() == value[:10]
        assert out.published_source == "caller"
    else:
        assert isinstance(out.error, BadDateError) and 'field "published"' in out.reason and value in out.reason


@pytest.mark.parametrize("text", ["\u200b\u200b\u200b", "\u200b \u2060\ufeff\u200d", "\u00ad\u200e\u202e", "...!!!",
                                  " \t\n "])
def test_text_without_anything_visible_is_refused(tmp_path, text):
    """#21: a text of only zero-width spaces was accepted."""
    f = tmp_path / "z.jsonl"
    _write(f, [json.dumps({"id": "z", "text": text})])
    (out,) = list(read_file(f))
    assert isinstance(out.error, EmptyInputError) and out.offset == 1


def test_overlong_line_is_skipped_without_reading_it_whole(tmp_path):
    from lagebild.settings import Settings

    f = tmp_path / "long.jsonl"
    _write(f, ['{"id": "x", "text": "' + "a" * 1_200_000 + '"}', json.dumps(GOOD)])
    bad, ok = list(read_file(f, Settings(max_chars=1_000)))
    assert isinstance(bad.error, InvalidJSONError) and "line longer than" in bad.reason and ok.id == "ok"


def _many(n: int) -> bytes:
    return b"".join(json.dumps({"id": f"g{i}", "text": f"Troops attacked town number {i} today."}).encode() + b"\n"
                    for i in range(n))


def test_gzip_corrupt_half_way_keeps_what_came_before(tmp_path):
    """#20: a gzip corrupt half-way raised zlib.error (in a batch it ended the whole run)."""
    z = gzip.compress(_many(20_000))
    half = len(z) // 2
    f = tmp_path / "c.jsonl.gz"
    f.write_bytes(z[:half] + b"\xff" * 200 + z[half + 200:])
    out = list(read_file(f))
    good = [o for o in out if isinstance(o, RawArticle)]
    assert len(good) > 9_000 and [a.id for a in good[:3]] == ["g0", "g1", "g2"]
    assert isinstance(out[-1].error, CorruptInputError) and str(f) in out[-1].reason
    assert "the lines before it are kept" in out[-1].reason


def test_gzip_cut_short_and_not_gzip(tmp_path):
    z = gzip.compress(_many(20_000))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(z[: len(z) // 2])
    out = list(read_file(cut))
    good = [o for o in out if isinstance(o, RawArticle)]
    assert len(good) > 9_000 and good[-1].id == f"g{len(good) - 1}"  # every line before the cut
    assert isinstance(out[-1].error, CorruptInputError) and "cut short" in out[-1].reason
    fake = tmp_path / "fake.jsonl.gz"
    fake.write_bytes(_many(3))
    (out,) = list(read_file(fake))
    assert isinstance(out.error, CorruptInputError) and "not a gzip file" in out.reason


def test_multi_member_gzip_is_read_whole(tmp_path):
    f = tmp_path / "m.jsonl.gz"
    f.write_bytes(gzip.compress(_many(3)) + gzip.compress(_many(2)))
    assert [o.id for o in read_file(f)] == ["g0", "g1", "g2", "g0", "g1"]
