"""Selections for a cohort on Dask's distributed scheduler, checked against one process.

The cohort is split into partitions; each worker process loads the knowledge base once,
when it starts (a worker plugin), and runs ``kb.select_many`` over each partition it is
given, returning finished JSON lines (``BatchResult.to_json``, points by code) rather than
``Selection`` objects, so only text travels back. The lines are then compared with
``kb.select_many`` in this process, row by row (a line's ``index`` is its place in its
partition; the ``id`` column is what joins results to cases).

Needs the extra: ``pip install 'acupoints[dask]'``. Run::

    python docs/examples/dask_batch.py [--rows 2000] [--workers 2] [--partitions 8]
                                       [--data DIR] [--full-points]

``tests/test_dask_example.py`` runs a small version (local cluster of two worker
processes). How to size a real cohort, and the same on Spark: ``docs/batch.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Iterable
from typing import Any

import acupoints

PLUGIN = "acupoints-kb"

PHRASES = (
    "numbness in my {side} {where}",
    "pins and needles in my {side} {where}",
    "my {side} {where} feels numb",
)
CAUSES = ("", "diabetic", "carpal tunnel", "sciatica", "cervical radiculopathy")


def cohort(n: int, *, seed: int = 18, kb: acupoints.KnowledgeBase | None = None) -> list[dict]:
    """``n`` synthetic cases: a region of the data named as people write it, a side, a
    cause, and a few patient columns (as a CSV of cases would hold them)."""
    kb = kb or acupoints.load()
    words = [r.synonyms[0] if r.synonyms else r.name for r in kb.regions if r.id != "body"]
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        text = rng.choice(PHRASES).format(
            side=rng.choice(("left", "right", "both", "")), where=rng.choice(words)
        )
        rows.append(
            {
                "id": i,
                "location": " ".join(text.split()),
                "cause": rng.choice(CAUSES),
                "anticoagulants": rng.choice(("", "", "yes")),
                "pregnancy_week": rng.choice(("",) * 9 + ("14",)),
            }
        )
    return rows


def knowledge_base_plugin(data: str | None = None) -> Any:
    """A Dask worker plugin that loads the knowledge base once per worker, when the worker
    starts (or joins later), from the packaged data or from ``data`` (a directory every
    worker can read). It counts its loads, so that a test can check there was one."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadKnowledgeBase(WorkerPlugin):  # type: ignore[misc]
        name = PLUGIN

        def __init__(self) -> None:
            self.data = data
            self.kb: acupoints.KnowledgeBase | None = None
            self.loads = 0
            self.rows = 0

        def setup(self, worker: Any) -> None:
            self.kb = acupoints.load(self.data) if self.data else acupoints.load()
            self.loads += 1

    return LoadKnowledgeBase()


def select_partition(rows: Iterable[dict], full_points: bool = False) -> list[str]:
    """One partition's finished lines, computed with the worker's knowledge base."""
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN]
    rows = list(rows)
    plugin.rows += len(rows)
    return [r.to_json(full_points=full_points) for r in plugin.kb.select_many(rows)]


def run_on_dask(
    client: Any,
    rows: list[dict],
    *,
    partitions: int,
    data: str | None = None,
    full_points: bool = False,
    timeout: float | None = None,
) -> list[str]:
    """The lines of ``rows``, in order, computed over ``partitions`` on ``client``'s
    workers (the plugin is registered first: every worker loads once); ``timeout``
    seconds at most, if given."""
    import dask.bag as db

    if __name__ != "__main__":
        # imported (as in the tests): the workers need this file to import the functions
        # they are sent by name; a script's own functions travel by value
        client.upload_file(__file__)
    client.register_plugin(knowledge_base_plugin(data))
    bag = db.from_sequence(rows, npartitions=partitions)
    future = client.compute(bag.map_partitions(select_partition, full_points))
    lines: list[str] = future.result(timeout=timeout)
    return lines


def worker_counts(client: Any) -> dict[str, tuple[int, int, int]]:
    """For each worker: (its process id, how many times it loaded, rows it computed)."""

    def counts(dask_worker: Any) -> tuple[int, int, int]:
        plugin = dask_worker.plugins[PLUGIN]
        return (os.getpid(), plugin.loads, plugin.rows)

    return client.run(counts)  # type: ignore[no-any-return]


def serial_lines(
    rows: list[dict], *, data: str | None = None, full_points: bool = False
) -> list[str]:
    """The same lines from ``kb.select_many`` in this process."""
    kb = acupoints.load(data) if data else acupoints.load()
    return [r.to_json(full_points=full_points) for r in kb.select_many(rows)]


def same_results(lines: list[str], expected: list[str]) -> bool:
    """Whether two lists of lines hold the same results in the same order, apart from
    ``index`` (the place in a partition, on Dask)."""

    def key(line: str) -> Any:
        row = json.loads(line)
        del row["index"]
        return row

    return len(lines) == len(expected) and all(
        key(a) == key(b) for a, b in zip(lines, expected, strict=True)
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--data", default=None, help="a data directory instead of the packaged data")
    ap.add_argument("--full-points", action="store_true")
    args = ap.parse_args(argv)

    from distributed import Client, LocalCluster

    rows = cohort(args.rows)
    with (
        LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        t = time.perf_counter()
        lines = run_on_dask(
            client,
            rows,
            partitions=args.partitions,
            data=args.data,
            full_points=args.full_points,
        )
        dask_s = time.perf_counter() - t
        counts = worker_counts(client)
    t = time.perf_counter()
    expected = serial_lines(rows, data=args.data, full_points=args.full_points)
    serial_s = time.perf_counter() - t
    same = same_results(lines, expected)
    print(
        f"{len(rows)} rows in {args.partitions} partitions on {args.workers} workers: "
        f"{dask_s:.2f} s (this process alone: {serial_s:.2f} s); "
        f"results {'the same as' if same else 'DIFFERENT from'} select_many in this process"
    )
    for address, (pid, loads, done) in sorted(counts.items()):
        print(f"  worker {address} (pid {pid}): loaded {loads} time(s), {done} rows")
    return 0 if same and all(c[1] == 1 for c in counts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
