"""``acupoints validate`` on a data directory with many problems, as whole processes.

Prints, from one run on one machine: the wall time of ``acupoints validate DIR`` on a copy
of the packaged data with ``--problems`` problems in points.yaml (default 40: a number
that is not a number, an unknown field, a number below 1, a list, in turn), against the
same command on the unbroken copy with the cache off (the YAML read and checked in full,
the floor any validation pays), in ``--runs`` rounds that run both in turn; medians, and
the ratio per round. Every problem must name the file, the entry, the field and the line.

Run: python bench/bench_validate.py [--problems 40] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import acupoints
from acupoints.loading import packaged_data_dir


def break_points(path: Path, count: int) -> int:
    out, broken = [], 0
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("  number: ") and broken < count:
            kind = broken % 4
            if kind == 0:
                line = "  number: zz\n"
            elif kind == 1:
                line += "  colour: red\n"
            elif kind == 2:
                line = line.replace("number: ", "number: -")
            else:
                line = "  number: [" + line.split(":", 1)[1].strip() + "]\n"
            broken += 1
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")
    return broken


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    t = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env)
    return time.perf_counter() - t, done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--problems", type=int, default=40)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    one, five, fifteen = os.getloadavg()
    print(
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, acupoints {acupoints.__version__}; load average "
        f"{one:.2f} {five:.2f} {fifteen:.2f}"
    )
    env = dict(os.environ, ACUPOINTS_NO_CACHE="1")
    with tempfile.TemporaryDirectory() as tmp:
        good, bad = Path(tmp) / "good", Path(tmp) / "bad"
        shutil.copytree(packaged_data_dir(), good)
        shutil.copytree(packaged_data_dir(), bad)
        broken = break_points(bad / "points.yaml", args.problems)
        cmd = [sys.executable, "-m", "acupoints", "validate", "--format", "json"]
        bad_s, good_s, ratios = [], [], []
        listed: list[dict[str, object]] = []
        for _ in range(args.runs):
            b, out = timed([*cmd, str(bad)], env)
            g, _ = timed([*cmd, str(good)], env)
            listed = json.loads(out)
            bad_s.append(b)
            good_s.append(g)
            ratios.append(b / g)
    complete = all(p["file"] and p["entry"] and p["field"] and p["line"] for p in listed)
    print(
        f"validate, {broken} problems in points.yaml: {statistics.median(bad_s):.2f} s "
        f"(runs {min(bad_s):.2f}-{max(bad_s):.2f}); no problems, cache off: "
        f"{statistics.median(good_s):.2f} s; ratio {statistics.median(ratios):.2f}x "
        f"({min(ratios):.2f}-{max(ratios):.2f})"
    )
    print(f"problems listed: {len(listed)}; each with file, entry, field and line: {complete}")
    one, five, fifteen = os.getloadavg()
    print(f"load average after: {one:.2f} {five:.2f} {fifteen:.2f}")


if __name__ == "__main__":
    main()
