"""bench/bench_batch.py still runs and prints its ratios (nothing about speed is asserted:
speed is measured in bench/, never in tests); what it compares must be the same."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_batch.py"

pytestmark = pytest.mark.skipif(not BENCH.is_file(), reason="bench/ is not beside the tests")


def test_batch_benchmark_prints_ratios_of_identical_outputs(tmp_path: Path) -> None:
    env = dict(os.environ, ACUPOINTS_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, str(BENCH), "--rows", "60", "--rounds", "1", "--small", "20"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"median: one process \d+ rows/s, 2 workers \d+ rows/s; ratio [\d.]+x", out)
    assert "files identical: True" in out
    assert re.search(r"size: points by code [\d.]+ KiB, full records [\d.]+ KiB", out)
    assert re.search(r"write: json.dumps\(to_dict\(\)\) [\d.]+ ms", out)
    sames = re.findall(r"same: (True|False)", out)
    assert sames == ["True"] * 4, out
    assert "load average" in out
