"""A small sample of the fuzz corpus (``make fuzz`` runs >= 1,000 inputs): no crash, no hang.

One worker process (models loaded once) takes a few inputs of each kind of hostility:
encodings, control and format characters, pathological text, HTML, JSONL field types,
numbers and nesting, gzip and WARC damage, plus random mutations of good inputs.
"""
from __future__ import annotations

import pytest

from .corpus import generate
from .run import Runner, summarise

pytestmark = pytest.mark.model

SAMPLE = [
    "binary", "utf16le_bom", "latin1", "lone_surrogate_bytes", "rtl_override", "zalgo", "emoji", "word_100k",
    "brackets_nested", "one_sentence", "short_lines", "html_entity_flood", "html_deep_nesting", "xxe_html",
    "billion_laughs_html", "jsonl_good", "jsonl_language_int", "jsonl_language_list", "jsonl_text_object",
    "jsonl_huge_int", "jsonl_deep_arrays", "jsonl_lone_surrogate", "jsonl_bad_line_middle",
    "gzip_corrupt_half_way", "gzip_truncated", "warc_not_warc", "warc_truncated", "unknown_extension",
]


def test_sample_of_hostile_inputs_neither_crashes_nor_hangs(tmp_path):
    paths = generate(tmp_path, n=len(SAMPLE) + 12, seed=3, only=SAMPLE, scale=0.25)
    assert len(paths) == len(SAMPLE) + 12
    runner = Runner(hang_s=60, kill_mb=2500)
    outcomes = runner.run(paths)
    text, ok = summarise(outcomes, runner.worker_peak, 0, 1024)
    assert len(outcomes) == len(paths)
    bad = [o for o in outcomes if o.kind in ("crash", "hang", "memory")]
    assert not bad, text
    assert runner.worker_peak <= 1024, text  # models included
    by_name = {o.path.rsplit("/", 1)[-1].split("_", 1)[1]: o for o in outcomes}
    assert by_name["jsonl_good.jsonl"].kind == "result" and by_name["jsonl_good.jsonl"].records == 2
    assert by_name["binary.txt"].kind == "clear" and by_name["jsonl_language_int.jsonl"].kind == "clear"
    assert ok, text
