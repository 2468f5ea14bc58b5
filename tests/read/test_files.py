import datetime as dt

import pytest

from lagebild.errors import BadDateError, BinaryInputError, EmptyInputError, EncodingInputError, TooLargeInputError
from lagebild.read import RawArticle, ReadFailure, article_id, iter_articles, parse_published, read_file
from lagebild.read.text import split_title, strip_residue
from lagebild.settings import Settings


def test_txt_title_and_residue(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("A headline without a full stop\n\nFirst sentence. Second one.\nExpansion\n", encoding="utf-8")
    (art,) = list(read_file(f))
    assert art.title == "A headline without a full stop"
    assert art.text == "First sentence. Second one."
    assert art.path == str(f)


def test_first_line_sentence_is_not_a_title():
    title, body = split_title("This is a sentence.\n\nAnd another.")
    assert title is None and body.startswith("This is a sentence.")


def test_residue_keeps_real_last_line():
    assert strip_residue("One sentence.\nAnother sentence here.") == "One sentence.\nAnother sentence here."


def test_stable_id_ignores_whitespace():
    assert article_id("a  b\nc") == article_id("a b c")
    assert RawArticle(text="x y").id == article_id("x y")


def test_jsonl_bad_line_goes_on(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "1", "text": "Hello there."}\nnot json\n{"id": "3", "text": "", "published": "x"}\n'
                 '{"id": "4", "text": "Fine.", "published": "2025-07-15 10:00:00Z", "language": "en"}\n')
    out = list(read_file(f))
    assert [type(o).__name__ for o in out] == ["RawArticle", "ReadFailure", "ReadFailure", "RawArticle"]
    assert out[1].offset == 2 and str(f) in out[1].reason
    assert out[3].published == dt.date(2025, 7, 15) and out[3].language == "en"


@pytest.mark.parametrize("data,error", [
    (b"", EmptyInputError), (b"   \n", EmptyInputError), (b"\x00\x01\x02binary", BinaryInputError),
    ("Käse über Öl".encode("latin-1"), EncodingInputError),
])
def test_bad_files_name_the_file(tmp_path, data, error):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    (out,) = list(read_file(f))
    assert isinstance(out, ReadFailure) and isinstance(out.error, error)
    assert str(f) in out.reason and out.error.code.startswith("E")


def test_too_large(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("word " * 100)
    (out,) = list(read_file(f, Settings(max_chars=50)))
    assert isinstance(out.error, TooLargeInputError)


def test_unsupported_and_missing(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    out = list(iter_articles([tmp_path / "x.pdf", tmp_path / "nope.txt"]))
    assert all(isinstance(o, ReadFailure) for o in out) and len(out) == 2


def test_folder_recursion_sorted(article_dir):
    out = list(iter_articles([article_dir]))
    assert sum(isinstance(o, RawArticle) for o in out) == 4
    assert sum(isinstance(o, ReadFailure) for o in out) == 1


def test_parse_published():
    assert parse_published("2025-07-15") == dt.date(2025, 7, 15)
    assert parse_published(None) is None
    for bad in ("15.07.2025", "2025-13-01", "yesterday"):
        with pytest.raises(BadDateError):
            parse_published(bad)


def test_broken_html(tmp_path):
    f = tmp_path / "p.html"
    f.write_text("<html><body><div><p>Unclosed <b>tags everywhere<p>Russia attacked Kharkiv on Monday, "
                 "officials said in a statement that was long enough to count as text for extraction.", encoding="utf-8")
    (out,) = list(read_file(f))
    assert isinstance(out, (RawArticle, ReadFailure))
    if isinstance(out, RawArticle):
        assert "Kharkiv" in out.text
