"""The in-process engine: a pool of worker processes, one lazily built pipeline each.

Workers are started with ``spawn`` (no copy of the parent's state; each imports lagebild
and builds its :class:`~lagebild.pipeline.Pipeline` on its first task, see
:mod:`lagebild.batch.worker`), take tasks from the plan, and write their Parquet parts
straight into the staging folder, so only small statistics travel back.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from ..settings import Settings
from .inputs import Shard
from .output import PartWriter, part_dir
from .worker import STATS, task_rows


def run_task(shards: list[Shard], settings_json: str, staging: str, run_id: str, task_no: int) -> dict:
    """One task in a worker process: rows → Parquet parts under ``staging``."""
    settings = Settings.model_validate_json(settings_json)
    writer = PartWriter(Path(staging), prefix=f"{run_id}-t{task_no:04d}")
    stats: tuple | None = None
    article_parts: set[str] = set()
    for table, row in task_rows(shards, settings, run_id):
        if table == STATS:
            stats = row
            continue
        writer.add(table, row)
        if table == "articles":
            article_parts.add(part_dir("articles", row))
    writer.close()
    return {"stats": stats, "article_parts": sorted(article_parts)}


def run_local(tasks: list[list[Shard]], settings: Settings, staging: str, run_id: str, workers: int
              ) -> tuple[list[tuple], set[str], list[tuple[Shard, str]]]:
    """Run every task; returns (worker stats rows, article partitions, failed shards)."""
    settings_json = settings.model_dump_json()
    stats: list[tuple] = []
    parts: set[str] = set()
    failed: list[tuple[Shard, str]] = []
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx) as pool:
        futures = {pool.submit(run_task, t, settings_json, staging, run_id, i): t for i, t in enumerate(tasks)}
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as err:  # noqa: BLE001 - a dead worker: its shards go to the errors table
                failed += [(shard, f"worker failed: {err!r}") for shard in futures[future]]
                continue
            if result["stats"]:
                stats.append(result["stats"])
            parts.update(result["article_parts"])
    return stats, parts, failed
