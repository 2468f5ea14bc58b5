"""Planning and sharding: every record read exactly once, however a file is split. No model."""
from __future__ import annotations

import json

from lagebild.batch.inputs import Shard, plan, read_shard
from lagebild.batch.tables import BATCH_TABLES, arrow_schema, month_of
from lagebild.read import RawArticle, read_file
from lagebild.settings import Settings
from lagebild.store.rows import TABLES

from .conftest import write_inputs


def _texts(items):
    return sorted(i.text for i, _ in items if isinstance(i, RawArticle))


def test_shares_cover_a_file_exactly_once(tmp_path):
    f = tmp_path / "big.jsonl"
    f.write_text("\n".join(json.dumps({"id": str(i), "text": f"Article number {i} " + "x" * 200})
                           for i in range(40)) + "\n", encoding="utf-8")
    tasks = plan([f], parallelism=2)
    shards = [s for t in tasks for s in t]
    assert len(tasks) == 4 and len(shards) == 4 and {s.count for s in shards} == {4}
    parts = [_texts(read_shard(s, Settings())) for s in shards]
    assert all(parts)  # every share has work
    assert sorted(t for p in parts for t in p) == sorted(a.text for a in read_file(f))
    # offsets are line numbers
    assert {o for _, o in read_shard(shards[0], Settings())} <= set(range(1, 41))


def test_plan_mixed_folder_keeps_every_file(tmp_path):
    write_inputs(tmp_path / "in")
    tasks = plan([tmp_path / "in"], parallelism=2)
    assert 1 <= len(tasks) <= 4
    paths = {s.path.rsplit("/", 1)[-1] for t in tasks for s in t}
    assert paths == {"news.warc.gz", "stories.jsonl", "more.jsonl.gz", "page.html", "story.txt", "broken.txt"}


def test_warc_shares(tmp_path):
    from tests.read.test_warc import make_warc

    f = tmp_path / "a.warc.gz"
    make_warc(f)
    whole = list(read_shard(Shard(str(f)), Settings()))
    halves = list(read_shard(Shard(str(f), 0, 2), Settings())) + list(read_shard(Shard(str(f), 1, 2), Settings()))
    assert sorted(o for _, o in whole) == sorted(o for _, o in halves) and len(whole) == 3


def test_missing_input_is_a_shard_that_fails(tmp_path):
    (item, offset), = list(read_shard(Shard(str(tmp_path / "nope.jsonl")), Settings()))
    assert "no such file" in item.reason and offset is None


def test_tables_extend_the_store_tables():
    for table, cols in TABLES.items():
        assert BATCH_TABLES[table][: len(cols)] == cols  # the store's flattening, unchanged
        names = [c for c, _ in BATCH_TABLES[table]]
        assert "language" in names and names[-1] == "month"
        assert "month" not in arrow_schema(table, with_partition=False).names
    assert month_of("2025-07-15") == "2025-07" and month_of(None) == "unknown"


def test_uri_inputs_read_like_local_paths(tmp_path):
    """file:// goes through pyarrow.fs, the path s3://, gs:// and hdfs:// inputs take."""
    write_inputs(tmp_path / "in")
    local = plan([tmp_path / "in"], parallelism=2)
    remote = plan([(tmp_path / "in").as_uri()], parallelism=2)

    def read_all(tasks):
        out = []
        for shard in (s for t in tasks for s in t):
            name = shard.path.rsplit("/", 1)[-1]
            for item, offset in read_shard(shard, Settings()):
                out.append((name, offset, getattr(item, "text", None), type(item).__name__))
        return sorted(out, key=str)

    assert [s.path.rsplit("/", 1)[-1] for t in remote for s in t] == [s.path.rsplit("/", 1)[-1] for t in local for s in t]
    assert read_all(remote) == read_all(local)
    assert all(s.path.startswith("file://") for t in remote for s in t)
    missing = plan([(tmp_path / "nope.jsonl").as_uri()], parallelism=1)
    (item, _), = list(read_shard(missing[0][0], Settings()))
    assert "no such file or folder" in item.reason and item.error.code == "E001"  # as for a local path
