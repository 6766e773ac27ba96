"""The Dask example of docs/batch.md (docs/examples/dask_batch.py) runs on a local
distributed cluster of two worker processes: every worker loads the knowledge base once,
and the lines it gives are those of ``select_many`` in this process. Skipped when the
``[dask]`` extra is not installed (.ci/run installs it)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "dask_batch.py"

pytestmark = pytest.mark.skipif(not EXAMPLE.is_file(), reason="docs/ is not beside the tests")


@pytest.fixture(scope="module")
def example() -> Iterator[ModuleType]:
    # under its file's name: the workers import it by that name (run_on_dask uploads it)
    spec = importlib.util.spec_from_file_location(EXAMPLE.stem, EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_partitions_on_two_workers_give_the_serial_results(
    example: ModuleType, client: Any
) -> None:
    rows = example.cohort(120)
    lines = example.run_on_dask(client, rows, partitions=4, timeout=240)
    expected = example.serial_lines(rows)
    assert len(lines) == 120 and example.same_results(lines, expected)
    counts = example.worker_counts(client)
    assert len(counts) == 2
    assert [loads for _, loads, _ in counts.values()] == [1, 1]  # once per worker
    assert sum(done for _, _, done in counts.values()) == 120
    assert len({pid for pid, _, _ in counts.values()}) == 2  # two processes, not threads


def test_a_data_directory_is_loaded_once_per_worker(
    example: ModuleType, client: Any, data_copy: Path
) -> None:
    # a changed copy, so that a worker that silently used the packaged data would differ
    path = data_copy / "rules.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  region: 1.0\n", "  region: 1.5\n", 1), encoding="utf-8")
    rows = example.cohort(40, seed=7)
    lines = example.run_on_dask(
        client, rows, partitions=4, data=str(data_copy), full_points=True, timeout=240
    )
    expected = example.serial_lines(rows, data=str(data_copy), full_points=True)
    assert example.same_results(lines, expected)
    assert not example.same_results(lines, example.serial_lines(rows, full_points=True))
    counts = example.worker_counts(client)
    assert [loads for _, loads, _ in counts.values()] == [1, 1]
