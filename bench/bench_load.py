"""Load time, as whole processes, against the floor our dependencies set.

Prints, from one run on one machine:
- the median wall time of `python -c "import pydantic, networkx, yaml"` (the floor),
- `python -c "import acupoints"` (import only),
- `python -c "import acupoints; acupoints.load()"` with a warm cache and with no cache,
- the first answer, `import acupoints; print(acupoints.select(...).codes)`, with a warm
  cache and cold (a fresh, empty cache directory every run), and the command line's
  `acupoints select`,
- the packaged data read from its YAML files with no cache (`load(path)`, the road of
  someone else's data, and of the packaged data when its prebuilt dataset does not match),
and each as a ratio of the floor: the median of the ratios of each round, where a round runs
every command once, in turn, so the noise of a shared machine falls on all alike.
Bytecode is written and one unmeasured round runs first (PYTHONDONTWRITEBYTECODE is
dropped from the environment: with it every module would be compiled on every run).

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

FIRST = "import acupoints; print(acupoints.select('numb back of my left hand').codes)"
YAML = (
    "import acupoints; from acupoints.loading import packaged_data_dir; "
    "acupoints.load(packaged_data_dir())"
)
CASES = {
    "floor: import pydantic, networkx, yaml": "import pydantic, networkx, yaml",
    "import acupoints": "import acupoints",
    "import acupoints; load() (warm cache)": "import acupoints; acupoints.load()",
    "import acupoints; load() (no cache)": "import acupoints; acupoints.load()",
    "first answer (warm cache)": FIRST,
    "first answer (cold: empty cache dir)": FIRST,
    "cli: acupoints select (warm cache)": "",
    "load(path) from YAML (no cache)": YAML,
}
CLI = ["-m", "acupoints", "select", "numb back of my left hand"]


def once(code: str, env: dict[str, str]) -> float:
    argv = ["-c", code] if code else CLI
    t = time.perf_counter()
    subprocess.run([sys.executable, *argv], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="acupoints-bench-")
    base = dict(os.environ, ACUPOINTS_CACHE_DIR=cache)
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    for code in CASES.values():  # fill the cache, write the bytecode
        once(code, base)
    floor_label = next(iter(CASES))
    times: dict[str, list[float]] = {label: [] for label in CASES}
    ratios: dict[str, list[float]] = {label: [] for label in CASES}
    # rounds of every case in turn, so that the machine's drift (a shared VM's load moves
    # within a minute) falls on all of them alike; each round gives its own ratios
    for i in range(args.runs):
        labels = list(CASES)
        labels = labels[i % len(labels) :] + labels[: i % len(labels)]
        got = {}
        for label in labels:
            env = dict(base, ACUPOINTS_NO_CACHE="1") if "no cache" in label else base
            if "cold" in label:
                env = dict(base, ACUPOINTS_CACHE_DIR=tempfile.mkdtemp(prefix="acupoints-cold-"))
            got[label] = once(CASES[label], env)
        for label, t in got.items():
            times[label].append(t)
            ratios[label].append(t / got[floor_label])
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} rounds "
        "(median time; median and range of the per-round ratio to the floor)"
    )
    for label in CASES:
        r = ratios[label]
        print(
            f"{label:<42} {statistics.median(times[label]) * 1000:8.1f} ms   "
            f"{statistics.median(r):5.2f}x floor  ({min(r):.2f}-{max(r):.2f})"
        )


if __name__ == "__main__":
    main()
