import io
import json

import pyarrow.parquet as pq

from lagebild.export import export, plover_records
from lagebild.store import Store

from ..store.test_store import make_article


def test_plover_record_fields():
    (rec,) = plover_records(make_article())
    assert rec["event"] == "CONSULT" and rec["mode"] == "phone" and rec["date"] == "2025-07-04"
    assert rec["source"][0]["actorText"] == "Trump" and rec["target"][0]["name"] == "Volodymyr Zelenskyy"
    assert rec["modality"] == "asserted"
    assert rec["attribution"]["sourceKind"] == "anonymous" and rec["attribution"]["count"] == 2
    assert rec["text"].startswith("Trump called")


def test_all_formats(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.ingest([make_article("x1"), make_article("x2")])
        buf = io.StringIO()
        assert export(s, "jsonl", None, buf) == 2
        lines = [json.loads(x) for x in buf.getvalue().splitlines()]
        assert lines[0]["schema"] == "lagebild/1" and {x["id"] for x in lines} == {"x1", "x2"}
        assert export(s, "parquet", tmp_path / "e.parquet", buf) == 2
        assert pq.read_table(tmp_path / "e.parquet").num_rows == 2
        csv = io.StringIO()
        export(s, "csv", None, csv)
        assert "Donald Trump" in csv.getvalue()
        pl = io.StringIO()
        assert export(s, "plover", None, pl) == 2
