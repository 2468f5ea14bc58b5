"""The Spark engine in local[2]: a WARC + JSONL + HTML mix into Parquet, and from there into
the web page's store. Slow (JVM start): one Spark session for the module, few runs."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.store import Store

from .conftest import N_ARTICLES, check_output, read_table

pytestmark = [pytest.mark.spark, pytest.mark.model]


def _java_problem() -> str | None:
    if shutil.which("java") is None:
        return "Spark tests need Java 17: no `java` on PATH (.ci/run installs default-jre-headless)"
    try:
        subprocess.run(["java", "-version"], capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as err:
        return f"Spark tests need a working Java 17: `java -version` failed ({err})"
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "Spark tests need pyspark (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module")
def spark():
    problem = _java_problem()
    if problem:
        pytest.skip(problem)
    from lagebild.batch.spark import spark_session

    session = spark_session("local[2]", {"spark.driver.memory": "512m"})
    yield session
    session.stop()


def test_spark_batch_into_parquet_and_store(spark, mixed_inputs, tmp_path):
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["batch", str(mixed_inputs), "--output", str(out), "--engine", "spark",
                                   "--master", "local[2]"])
    assert res.exit_code == 1, res.output  # four bad records are reported ...
    assert f"{N_ARTICLES} articles, 4 errors" in res.output
    records = check_output(out)  # ... the rest is in the tables

    # re-running replaces partitions: no duplicate rows. This time through Spark's own
    # Parquet writer (what an hdfs:// or s3a:// output uses): the same tables.
    counts = {t: read_table(out, t).num_rows for t in ("articles", "entities", "errors")}
    from lagebild.batch import run_batch

    again = run_batch([mixed_inputs], out, engine="spark", spark=spark, spark_writer=True)
    assert {t: read_table(out, t).num_rows for t in counts} == counts
    assert again.articles == N_ARTICLES and check_output(out) == records
    # one pipeline per Python worker, reused across tasks
    assert all(w.pipelines_built == 1 for w in again.workers)

    # the same analysis as the local engine
    local_out = tmp_path / "local"
    run_batch([mixed_inputs], local_out, engine="local", workers=1)
    assert check_output(local_out) == records

    # from Parquet into the store behind the web page
    db = tmp_path / "web.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(out), "--db", str(db)])
    assert res.exit_code == 0 and f"{N_ARTICLES} added" in res.output, res.output
    n_events = read_table(out, "events").num_rows if (out / "events").exists() else 0
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == N_ARTICLES and store.counts()["events"] == n_events
        assert store.article("j-de").language == "de"
        assert store.article("j-en").to_json() == records["j-en"]
