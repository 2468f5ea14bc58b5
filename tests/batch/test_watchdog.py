"""The per-document time budget of batch jobs (no models: a stand-in pipeline)."""
from __future__ import annotations

import time

from lagebild.batch.watchdog import Expired, deadline
from lagebild.batch.worker import analysed
from lagebild.errors import DocumentTimeoutError
from lagebild.read import RawArticle, ReadFailure
from lagebild.records import Article
from lagebild.settings import Settings


class SlowOnSome:
    """Analyses instantly, except articles whose text says SLOW (they never finish in time)."""

    def __init__(self, budget: float, batch_size: int = 4) -> None:
        self.settings = Settings(doc_timeout_s=budget, batch_size=batch_size)
        self.calls = 0

    def analyze_many(self, items):
        for item in items:
            self.calls += 1
            if isinstance(item, ReadFailure):
                yield item
                continue
            if "SLOW" in item.text:
                while True:  # a hang in Python code (a pathological loop)
                    time.sleep(0.01)
            yield Article(id=str(item.id), language="en", text=item.text)


def _items(texts):
    return [(RawArticle(text=t, id=f"a{i}", path="in.jsonl"), i + 1) for i, t in enumerate(texts)]


def test_a_document_over_budget_becomes_a_failure_and_the_rest_goes_on():
    pipeline = SlowOnSome(budget=0.3)
    texts = ["one", "two", "SLOW three", "four", "five", "six"]
    start = time.perf_counter()
    out = list(analysed(pipeline, _items(texts)))
    elapsed = time.perf_counter() - start
    assert [item.id for item, _, _ in out] == [f"a{i}" for i in range(6)]
    kinds = [type(result).__name__ for _, _, result in out]
    assert kinds == ["Article", "Article", "ReadFailure", "Article", "Article", "Article"]
    failure = out[2][2]
    assert isinstance(failure.error, DocumentTimeoutError)
    assert failure.error.code == "E130" and "a2" in str(failure.error)
    assert out[2][1] == 3  # the line number travels with the failure
    # the slow chunk's budget once, then the slow document's once more; far from a hang
    assert elapsed < 5


def test_no_budget_means_no_watchdog():
    with deadline(0):
        time.sleep(0.05)  # nothing fires


def test_deadline_fires_and_is_disarmed_afterwards():
    try:
        with deadline(0.1):
            time.sleep(2)
        raise AssertionError("the deadline did not fire")
    except Expired:
        pass
    time.sleep(0.2)  # no stray alarm after the block
