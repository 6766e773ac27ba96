"""Load time, as whole processes, against the floor our dependencies set.

Prints, from one run on one machine:
- the median wall time of `python -c "import pydantic, networkx, yaml"` (the floor),
- `python -c "import acupoints"` (import only),
- `python -c "import acupoints; acupoints.load()"` with a warm cache and with no cache,
and each as a ratio of the floor.

Run: python bench/bench_load.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CASES = {
    "floor: import pydantic, networkx, yaml": "import pydantic, networkx, yaml",
    "import acupoints": "import acupoints",
    "import acupoints; load() (warm cache)": "import acupoints; acupoints.load()",
    "import acupoints; load() (no cache)": "import acupoints; acupoints.load()",
}


def run(code: str, env: dict[str, str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="acupoints-bench-")
    base = dict(os.environ, ACUPOINTS_CACHE_DIR=cache)
    subprocess.run(
        [sys.executable, "-c", "import acupoints; acupoints.load()"], env=base, check=True
    )  # fill the cache
    results = {}
    for label, code in CASES.items():
        env = dict(base, ACUPOINTS_NO_CACHE="1") if "no cache" in label else base
        results[label] = statistics.median(run(code, env, args.runs))
    floor = results["floor: import pydantic, networkx, yaml"]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, median of {args.runs} runs")
    for label, t in results.items():
        print(f"{label:<42} {t * 1000:8.1f} ms   {t / floor:5.2f}x floor")


if __name__ == "__main__":
    main()
