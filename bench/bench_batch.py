"""Batches: rows per second on one process and on worker processes, and what a row costs.

Prints, from one run on one machine:

1. ``acupoints batch`` over a cohort of ``--rows`` cases (default 10,000; a region of the
   data named as people write it, a side, a cause, patient columns), as whole processes:
   one process against ``--processes 2``, in ``--rounds`` rounds that run both in turn
   (the order alternating), each timed by the wall clock and by the CPU time of the
   process and its workers; rows per second of each, the ratio per round and its median;
   and whether the two wrote identical files;
2. one row's line: its size with points by code and with full point records, and the
   time to write it with ``model_dump_json`` (``BatchResult.to_json``) against
   ``json.dumps(to_dict())`` (how the command wrote rows before);
3. in one process, over ``--small`` cases: ``select_lines`` and ``select_many`` (which
   sends ``Selection`` objects back) on 2 workers against one process, with the packaged
   data and with a knowledge base loaded from another directory (which travels by value:
   to each worker once).

The load average of the machine is printed before and after each part: on a shared
machine the ratio of part 1 is only meaningful when it is low (under about 1 on 2 cores).

Run: python bench/bench_batch.py [--rows 10000] [--rounds 3] [--small 640]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import acupoints
from acupoints.batch import batch_collector, select_lines, select_many
from acupoints.loading import packaged_data_dir

PHRASES = (
    "numbness in my {side} {where}",
    "pins and needles in my {side} {where}",
    "my {side} {where} feels numb",
    "tingling {side} {where}",
)
CAUSES = ("", "diabetic", "cervical radiculopathy", "carpal tunnel", "sciatica", "chemo")
COLUMNS = ("id", "location", "cause", "anticoagulants", "pregnancy_week", "pacemaker")


def cohort(kb: acupoints.KnowledgeBase, n: int, seed: int = 18) -> list[dict[str, Any]]:
    words = [r.synonyms[0] if r.synonyms else r.name for r in kb.regions if r.id != "body"]
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        text = rng.choice(PHRASES).format(
            side=rng.choice(("left", "right", "both", "")), where=rng.choice(words)
        )
        rows.append(
            {
                "id": str(i),
                "location": " ".join(text.split()),
                "cause": rng.choice(CAUSES),
                "anticoagulants": rng.choice(("", "", "yes")),
                "pregnancy_week": rng.choice(("",) * 8 + ("14",)),
                "pacemaker": rng.choice(("",) * 9 + ("yes",)),
            }
        )
    return rows


def load_line() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} CPUs)"


def run_command(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (the process and its workers) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def commands(rows: list[dict[str, Any]], rounds: int, tmp: Path, processes: int) -> None:
    cases = tmp / "cohort.csv"
    with cases.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    base = [sys.executable, "-m", "acupoints", "batch", str(cases), "-q", "-o"]
    one, many = tmp / "one.jsonl", tmp / "many.jsonl"
    serial = [*base, str(one)]
    pooled = [*base, str(many), "--processes", str(processes)]
    n = len(rows)
    print(f"1. acupoints batch, {n} cases, whole processes, {rounds} rounds; {load_line()}")
    ratios, seen = [], {"serial": [], "pooled": []}
    for r in range(rounds):
        order = [("serial", serial), ("pooled", pooled)]
        if r % 2:
            order.reverse()
        got = {name: run_command(cmd) for name, cmd in order}
        for name in got:
            seen[name].append(got[name])
        ratio = got["serial"][0] / got["pooled"][0]
        ratios.append(ratio)
        print(
            f"   round {r + 1}: one process {n / got['serial'][0]:7.0f} rows/s "
            f"(cpu {got['serial'][1]:5.1f} s), {processes} workers {n / got['pooled'][0]:7.0f} "
            f"rows/s (cpu {got['pooled'][1]:5.1f} s): {ratio:.2f}x; {load_line()}"
        )
    walls = {k: statistics.median(w for w, _ in v) for k, v in seen.items()}
    cpus = {k: statistics.median(c for _, c in v) for k, v in seen.items()}
    print(
        f"   median: one process {n / walls['serial']:.0f} rows/s, {processes} workers "
        f"{n / walls['pooled']:.0f} rows/s; ratio {statistics.median(ratios):.2f}x "
        f"(rounds {min(ratios):.2f}-{max(ratios):.2f}); CPU per row "
        f"{cpus['serial'] / n * 1000:.2f} ms one process, {cpus['pooled'] / n * 1000:.2f} ms "
        f"with workers (their own warm-up included)"
    )
    same = one.read_bytes() == many.read_bytes()
    size = one.stat().st_size
    print(f"   files identical: {same}; {size / 1e6:.1f} MB ({size / n / 1024:.1f} KiB a row)")


def row_costs(kb: acupoints.KnowledgeBase, rows: list[dict[str, Any]]) -> None:
    results = [r for r in select_many(kb, rows) if r.ok]

    def per_row(fn: Any) -> float:
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            for r in results:
                fn(r)
            best = min(best, time.perf_counter() - t)
        return best / len(results) * 1000

    code = [len(r.to_json().encode()) for r in results]
    full = [len(r.to_json(full_points=True).encode()) for r in results]
    old = per_row(lambda r: json.dumps(r.to_dict(full_points=True), ensure_ascii=False))
    new_full = per_row(lambda r: r.to_json(full_points=True))
    new = per_row(lambda r: r.to_json())
    print(f"2. a row's line, over {len(results)} selections; {load_line()}")
    by_code, in_full = statistics.mean(code), statistics.mean(full)
    print(
        f"   size: points by code {by_code / 1024:.1f} KiB, full records "
        f"{in_full / 1024:.1f} KiB ({in_full / by_code:.2f}x)"
    )
    print(
        f"   write: json.dumps(to_dict()) {old:.3f} ms, model_dump_json full {new_full:.3f} ms "
        f"({old / new_full:.1f}x faster), by code {new:.3f} ms ({old / new:.1f}x faster)"
    )


def in_process(rows: list[dict[str, Any]], processes: int, tmp: Path) -> None:
    copy = tmp / "data"
    shutil.copytree(packaged_data_dir(), copy)
    batch_collector()  # as the batch command and the pool's workers do: like with like
    print(f"3. in one process, {len(rows)} cases, 1 against {processes} workers; {load_line()}")
    for label, kb in (
        ("packaged data", acupoints.load()),
        ("a data directory", acupoints.load(copy)),
    ):
        for name, fn in (
            ("select_lines", lambda kb, p: [b.line for b in select_lines(kb, rows, processes=p)]),
            (
                "select_many ",
                lambda kb, p: [r.to_dict() for r in select_many(kb, rows, processes=p)],
            ),
        ):
            times = {}
            outs = {}
            for p in (1, processes):
                kb.clear_caches()  # both start cold, as forked workers do
                t = time.perf_counter()
                outs[p] = fn(kb, p)
                times[p] = time.perf_counter() - t
            print(
                f"   {label:<17} {name}: one process {times[1]:6.2f} s, {processes} workers "
                f"{times[processes]:6.2f} s ({times[1] / times[processes]:.2f}x); same: "
                f"{outs[1] == outs[processes]}"
            )
    print(f"   {load_line()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--small", type=int, default=640)
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()
    print(
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, acupoints {acupoints.__version__}"
    )
    kb = acupoints.load()
    rows = cohort(kb, args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        commands(rows, args.rounds, Path(tmp), args.processes)
        row_costs(kb, rows[:300])
        in_process(rows[: args.small], args.processes, Path(tmp))


if __name__ == "__main__":
    main()
