"""Generate a corpus of hostile and odd inputs for ``lagebild extract`` (the files are not committed).

    .venv/bin/python -m tests.fuzz.corpus OUT_DIR [--n 1000] [--seed 20] [--small]

Every input is a file named ``NNNN_<category>.<ext>``. The hand-made categories come first
(binary, UTF-16/32 with BOM, Latin-1, RTL overrides, zalgo, emoji, 100,000-character words,
one endless sentence, many short lines, nested brackets, a word repeated for megabytes, XXE
and billion-laughs documents, HTML entity floods and deep nesting, a WARC that is not one,
corrupt and truncated gzip, deep JSON, huge integers, lone surrogates, wrong JSONL field
types, ...); the rest are seeded random mutations of small good inputs (byte flips,
truncation, splices, repeats, inserted control and format characters). ``small`` keeps every
input small (the sample run by ``make test``); the full corpus has a few large ones too.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import random
from collections.abc import Callable
from pathlib import Path

EN = ("Russian forces attacked the city of Kharkiv with drones on Monday, officials said. "
      "The regional governor said two people were injured. Ukraine's air force said it shot down most drones.")
DE = ("Bundeskanzler Olaf Scholz hat am Dienstag mit dem französischen Präsidenten telefoniert. "
      "Beide hätten über die Lage in der Ukraine gesprochen, teilte ein Regierungssprecher mit.")
GOOD = {"id": "ok-1", "text": EN, "title": "Drones hit Kharkiv", "published": "2025-07-14", "language": "en"}


def _html(title: str, body: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>")


def _jsonl(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode(
        "utf-8", "surrogatepass") + b"\n"


def _warc(body: bytes, *, gz: bool = True, ctype: str = "text/html") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    headers = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/a", "response", payload=io.BytesIO(body),
                                                  http_headers=headers))
    return buf.getvalue()


def _nested_json(depth: int) -> str:
    return '{"id": "deep", "text": "x", "extra": ' + "[" * depth + "]" * depth + "}"


XXE = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<rss><channel><item><title>&xxe;</title><description>&xxe; ' + EN + '</description></item></channel></rss>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + ']><html><body><p>&lol9;</p><p>' + EN + '</p></body></html>')


def handmade(scale: float) -> list[tuple[str, str, bytes]]:
    """(category, extension, bytes). ``scale`` 1: small sizes; larger: the big pathological ones grow."""
    def k_(n: int) -> int:
        return max(1, int(n * scale))
    out: list[tuple[str, str, bytes]] = []

    def add(cat: str, ext: str, data: bytes | str) -> None:
        out.append((cat, ext, data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")))

    rnd = random.Random(7)
    add("binary", "txt", bytes(rnd.randrange(256) for _ in range(4096)))
    add("binary_no_nul", "txt", bytes(rnd.randrange(1, 256) for _ in range(4096)))
    add("png_as_html", "html", b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(2048)))
    add("empty", "txt", b"")
    add("whitespace", "txt", " \n\t\r\n  \u3000".encode())
    add("utf16le_bom", "txt", "\ufeff".encode("utf-16-le") + EN.encode("utf-16-le"))
    add("utf16be_bom", "txt", "\ufeff".encode("utf-16-be") + DE.encode("utf-16-be"))
    add("utf16_no_bom", "txt", EN.encode("utf-16-le"))
    add("utf32_bom", "txt", EN.encode("utf-32"))
    add("utf8_bom", "txt", b"\xef\xbb\xbf" + EN.encode())
    add("latin1", "txt", DE.encode("latin-1"))
    add("cp1252_html", "html", _html("Gespräch", "<p>" + DE + " – „Zitat“</p>").encode("cp1252", "replace"))
    add("invalid_utf8", "txt", EN.encode()[:50] + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" + EN.encode()[50:])
    add("overlong_utf8", "txt", b"\xc0\xaf\xe0\x80\xaf " + EN.encode())
    add("lone_surrogate_bytes", "txt", "A \ud800 B \udfff ".encode("utf-8", "surrogatepass") + EN.encode())
    add("rtl_override", "txt", "\u202eSaid officials\u202c " + EN.replace("Kharkiv", "\u202evikrahK\u202c"))
    add("bidi_isolates", "txt", "\u2066\u2067\u2068" + EN + "\u2069\u200f\u200e")
    zalgo = "".join(c + "".join(chr(0x300 + rnd.randrange(0x70)) for _ in range(30)) for c in EN)
    add("zalgo", "txt", zalgo)
    add("emoji", "txt", "🚀🔥 " + EN.replace(" ", " 👩‍👩‍👧‍👦 ") + " 🇺🇦🇷🇺" * 200)
    add("zero_width", "txt", "\u200b".join(EN))
    add("control_chars", "txt", "".join(ch + chr(rnd.randrange(1, 32)) for ch in EN))
    add("cr_only", "txt", EN.replace(". ", ".\r"))
    add("form_feeds", "txt", EN.replace(" ", "\f\v"))
    add("cjk_arabic", "txt", "俄罗斯军队周一用无人机袭击了哈尔科夫市。 " + "قالت الحكومة إن الهجوم وقع يوم الاثنين. " + EN)
    add("only_punctuation", "txt", "!?.,;:…" * 500)
    add("only_digits", "txt", "1234567890 " * 500)
    add("word_100k", "txt", "Start. " + "a" * 100_000 + " " + EN)
    add("url_50k", "txt", EN + " https://example.org/" + "x/" * 25_000)
    add("brackets_nested", "txt", "(" * k_(20_000) + EN + ")" * k_(20_000))
    add("brackets_spaced", "txt", "( " * k_(5_000) + EN + " )" * k_(5_000))
    add("quotes_unclosed", "txt", "„" + (EN + " ") * k_(40))
    add("one_sentence", "txt", "the army attacked the village and " * k_(1_500))
    add("word_repeated", "txt", "buffalo " * k_(25_000))
    add("short_lines", "txt", "\n".join(f"line {i} word" for i in range(k_(4_000))))
    add("many_sentences", "txt", (EN + " ") * k_(150))
    add("entities_text", "txt", "&amp;" * k_(20_000) + " " + EN)
    add("html_entity_flood", "html", _html("Flood", "<p>" + "&amp;&lt;&#x41;&#65;&nbsp;" * k_(20_000) + "</p><p>" + EN + "</p>"))
    add("html_bad_entities", "html", _html("Bad", "<p>&#xFFFFFFFF; &#0; &#xD800; &#99999999999; &notanentity; " + EN + "</p>"))
    add("html_deep_nesting", "html", "<html><body>" + "<div>" * k_(20_000) + EN + "</div>" * k_(20_000) + "</body></html>")
    add("html_unclosed", "html", "<html><body>" + "<div><span><b>" * k_(5_000) + EN)
    add("html_many_paragraphs", "html", _html("Paras", "".join(f"<p>Paragraph {i} says little.</p>" for i in range(k_(5_000)))))
    add("html_script_only", "html", "<html><head><script>" + "var a=1;" * 5000 + "</script></head><body></body></html>")
    add("html_huge_attribute", "html", '<html><body><p title="' + "x" * 200_000 + '">' + EN + "</p></body></html>")
    add("html_comment_bomb", "html", "<!--" * 20_000 + EN)
    add("html_xss", "html", _html('<script>alert(1)</script>', '<p onclick="alert(1)">' + EN + '</p><svg onload=alert(1)>'
                                  '<a href="javascript:alert(1)">x</a><iframe src="javascript:alert(2)"></iframe>'))
    add("html_meta_charset_lie", "html", b'<html><head><meta charset="utf-16"></head><body><p>' + EN.encode() + b"</p></body></html>")
    add("html_null_bytes", "html", _html("Nulls", "<p>" + EN + "</p>").replace("<p>", "<p>\x00"))
    add("xxe_html", "html", XXE)
    add("xxe_xml", "xml", XXE)
    add("billion_laughs_html", "html", LAUGHS)
    add("billion_laughs_txt", "txt", LAUGHS)
    add("svg_html", "html", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text>' + EN + "</text></svg>")
    # JSONL: types, numbers, nesting, encodings, one bad line among good ones
    add("jsonl_good", "jsonl", _jsonl(GOOD, {**GOOD, "id": "ok-2", "text": DE, "language": "de"}))
    add("jsonl_language_int", "jsonl", _jsonl({**GOOD, "language": 5}))
    add("jsonl_language_list", "jsonl", _jsonl({**GOOD, "language": ["en", "de"]}))
    add("jsonl_text_int", "jsonl", _jsonl({**GOOD, "text": 12345}))
    add("jsonl_text_null", "jsonl", _jsonl({**GOOD, "text": None}))
    add("jsonl_text_object", "jsonl", _jsonl({**GOOD, "text": {"a": EN}}))
    add("jsonl_id_object", "jsonl", _jsonl({**GOOD, "id": {"x": 1}}))
    add("jsonl_id_float", "jsonl", _jsonl({**GOOD, "id": 1e308}))
    add("jsonl_title_list", "jsonl", _jsonl({**GOOD, "title": [1, 2]}))
    add("jsonl_url_int", "jsonl", _jsonl({**GOOD, "url": 42}))
    add("jsonl_published_int", "jsonl", _jsonl({**GOOD, "published": 20250714}))
    add("jsonl_published_bad", "jsonl", _jsonl({**GOOD, "published": "2025-02-30"}))
    add("jsonl_published_huge", "jsonl", _jsonl({**GOOD, "published": "99999-01-01"}))
    add("jsonl_not_object", "jsonl", _jsonl([GOOD], "42", '"just a string"', "null", "true"))
    add("jsonl_huge_int", "jsonl", '{"id": "big", "text": "' + EN + '", "n": ' + "9" * 5000 + "}\n" + json.dumps(GOOD) + "\n")
    add("jsonl_huge_int_id", "jsonl", '{"id": ' + "7" * 5000 + ', "text": "' + EN + '"}\n')
    add("jsonl_huge_float", "jsonl", '{"id": "f", "text": "' + EN + '", "x": 1e99999}\n')
    add("jsonl_nan", "jsonl", '{"id": "nan", "text": "' + EN + '", "x": NaN, "y": -Infinity}\n')
    add("jsonl_deep_arrays", "jsonl", _nested_json(100_000) + "\n" + json.dumps(GOOD) + "\n")
    add("jsonl_deep_objects", "jsonl", '{"a":' * 50_000 + "1" + "}" * 50_000 + "\n" + json.dumps(GOOD) + "\n")
    add("jsonl_lone_surrogate", "jsonl", '{"id": "sur", "text": "A \\ud800 B \\udfff ' + EN + '"}\n')
    add("jsonl_lone_surrogate_raw", "jsonl", _jsonl('{"id": "raw", "text": "\ud800 ' + EN + '"}'))
    add("jsonl_bad_line_middle", "jsonl", _jsonl(GOOD, "{broken json", {**GOOD, "id": "ok-3"}))
    add("jsonl_duplicate_keys", "jsonl", '{"id": "a", "id": "b", "text": "x", "text": "' + EN + '"}\n')
    add("jsonl_bom", "jsonl", b"\xef\xbb\xbf" + _jsonl(GOOD))
    add("jsonl_utf16", "jsonl", _jsonl(GOOD).decode().encode("utf-16"))
    add("jsonl_empty_lines", "jsonl", b"\n\n\n" + _jsonl(GOOD) + b"\n\n")
    add("jsonl_crlf", "jsonl", _jsonl(GOOD, {**GOOD, "id": "ok-4"}).replace(b"\n", b"\r\n"))
    add("jsonl_long_line", "jsonl", _jsonl({**GOOD, "text": (EN + " ") * k_(100)}))
    add("jsonl_many_keys", "jsonl", _jsonl({**GOOD, **{f"k{i}": i for i in range(20_000)}}))
    add("jsonl_empty_text", "jsonl", _jsonl({**GOOD, "text": ""}, {**GOOD, "text": "   "}))
    add("jsonl_missing_text", "jsonl", _jsonl({"id": "nt", "title": "no text"}))
    add("jsonl_binary_text", "jsonl", _jsonl({**GOOD, "text": "\x00\x01\x02" * 100}))
    # gzip and WARC
    good_gz = gzip.compress(_jsonl(GOOD, {**GOOD, "id": "ok-5"}))
    add("gzip_good", "jsonl.gz", good_gz)
    add("gzip_truncated", "jsonl.gz", good_gz[: len(good_gz) // 2])
    big_gz = gzip.compress(_jsonl(*({**GOOD, "id": f"g{i}", "text": f"{EN} Number {i}."} for i in range(200))))
    corrupt = bytearray(big_gz)
    for i in range(len(corrupt) // 2, len(corrupt) // 2 + 64):
        corrupt[i] ^= 0xFF
    add("gzip_corrupt_half_way", "jsonl.gz", bytes(corrupt))
    add("gzip_not_gzip", "jsonl.gz", _jsonl(GOOD))
    add("gzip_bad_crc", "jsonl.gz", good_gz[:-8] + b"\x00" * 8)
    add("gzip_bomb", "jsonl.gz", gzip.compress(b'{"id": "bomb", "text": "' + b"a " * k_(5_000_000) + b'"}\n'))
    add("gzip_empty", "jsonl.gz", b"")
    good_warc = _warc(_html("Drones", "<p>" + EN + "</p>").encode())
    add("warc_good", "warc.gz", good_warc)
    add("warc_not_warc", "warc", EN.encode() * 10)
    add("warc_not_warc_gz", "warc.gz", gzip.compress(EN.encode() * 10))
    add("warc_html_as_warc", "warc", _html("x", "<p>" + EN + "</p>").encode())
    add("warc_truncated", "warc.gz", good_warc[: len(good_warc) * 2 // 3])
    add("warc_corrupt", "warc.gz", good_warc[:40] + bytes(rnd.randrange(256) for _ in range(400)) + good_warc[440:])
    add("warc_binary_payload", "warc", _warc(bytes(rnd.randrange(256) for _ in range(4000)), gz=False))
    add("warc_bad_length", "warc", _warc(_html("L", "<p>" + EN + "</p>").encode(), gz=False).replace(
        b"Content-Length: ", b"Content-Length: 9", 1))
    add("warc_huge_header", "warc", b"WARC/1.0\r\nWARC-Type: response\r\nX: " + b"h" * 200_000 + b"\r\n\r\n")
    add("warc_latin1_page", "warc", _warc(_html("Gespräch", "<p>" + DE + "</p>").encode("latin-1"), gz=False,
                                          ctype="text/html; charset=iso-8859-1"))
    add("warc_xxe", "warc.gz", _warc(XXE.encode(), ctype="application/xml"))
    add("warc_billion_laughs", "warc.gz", _warc(LAUGHS.encode()))
    add("unknown_extension", "pdf", b"%PDF-1.4\n" + EN.encode())
    return out


def _mutate(rnd: random.Random, data: bytes) -> tuple[str, bytes]:
    ops: list[tuple[str, Callable[[bytearray], None]]] = []
    b = bytearray(data)

    def flip(b: bytearray) -> None:
        for _ in range(rnd.randint(1, 20)):
            if b:
                b[rnd.randrange(len(b))] = rnd.randrange(256)

    def truncate(b: bytearray) -> None:
        del b[rnd.randrange(len(b) + 1):]

    def splice(b: bytearray) -> None:
        if b:
            i, j = sorted(rnd.randrange(len(b)) for _ in range(2))
            b[i:i] = b[i:j] * rnd.randint(1, 50)

    def insert(b: bytearray) -> None:
        junk = rnd.choice(["\u202e", "\u200b", "\x00", "\ufeff", "\ud800", "&amp;" * 50, "(((", "„", "\r",
                           "<script>", "\\u0000", "}", "]]]]", "\n\n", "😀", "\u0301" * 40])
        pos = rnd.randrange(len(b) + 1)
        b[pos:pos] = junk.encode("utf-8", "surrogatepass")

    ops = [("flip", flip), ("truncate", truncate), ("splice", splice), ("insert", insert)]
    names = []
    for _ in range(rnd.randint(1, 3)):
        name, op = rnd.choice(ops)
        op(b)
        names.append(name)
    return "+".join(names), bytes(b[:200_000])


def generate(out: Path, n: int = 1000, seed: int = 20, small: bool = False,
             only: list[str] | None = None, scale: float | None = None) -> list[Path]:
    """Write ``n`` inputs into ``out`` (the hand-made ones, or those of the categories in
    ``only``, then mutations); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    items = handmade(scale if scale is not None else (0.5 if small else 1))
    if only is not None:
        items = [it for it in items if it[0] in only]
    seeds = [(c, e, d) for c, e, d in items if len(d) < 5_000 and not c.startswith("gzip_bomb")]
    rnd = random.Random(seed)
    while len(items) < n:
        cat, ext, data = rnd.choice(seeds)
        how, mutated = _mutate(rnd, data)
        items.append((f"mut-{cat}-{how}", ext, mutated))
    paths = []
    for i, (cat, ext, data) in enumerate(items):
        path = out / f"{i:04d}_{cat}.{ext}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--small", action="store_true")
    args = ap.parse_args(argv)
    paths = generate(args.out, args.n, args.seed, args.small)
    print(f"{len(paths)} inputs in {args.out}")


if __name__ == "__main__":
    main()
