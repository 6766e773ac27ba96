"""The benchmark scripts still run and print what bench/README.md shows (no times are
asserted: speed is measured in bench/, never in tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import acupoints

BENCH = Path(__file__).resolve().parents[1] / "bench"

pytestmark = pytest.mark.skipif(not BENCH.is_dir(), reason="bench/ is not beside the tests")


def run(*args: str, tmp_path: Path) -> str:
    env = dict(os.environ, ACUPOINTS_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_load_benchmark_prints_ratios(tmp_path: Path) -> None:
    out = run(str(BENCH / "bench_load.py"), "--runs", "1", tmp_path=tmp_path)
    lines = [line for line in out.splitlines() if "x floor" in line]
    assert len(lines) == 8 and lines[0].split("ms")[1].split()[0] == "1.00x"


def test_select_benchmark_prints_the_distribution(tmp_path: Path) -> None:
    out = run(
        str(BENCH / "bench_select.py"),
        *("--repeat", "1", "--rounds", "1", "--no-scale", "--queries", "100"),
        tmp_path=tmp_path,
    )
    assert "select: 320 queries" in out
    assert "per-data tables: the first pass over the 320 queries" in out
    for label in ("select(text), first call", "select(prepared Location), repeated"):
        row = next(line for line in out.splitlines() if label in line)
        median, p90, p99 = (float(x) for x in row.split()[-3:])
        assert 0 < median <= p90 <= p99
    assert "MiB kept" in out
    rows = [line for line in out.splitlines() if "throughput, 100 distinct queries" in line]
    assert len(rows) == 2 and all("first calls" in r and "x faster" in r for r in rows)


def test_synthetic_data_loads_at_twice_the_size(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from bench_select import synthetic
    finally:
        sys.path.remove(str(BENCH))
    synthetic(tmp_path / "data", 2)
    kb = acupoints.load(tmp_path / "data")
    real = acupoints.load()
    assert len(kb) == 2 * len(real)
    assert kb.select("numb back of the left hand").points


def test_text_benchmark_prints_accuracy_per_field(tmp_path: Path) -> None:
    """The script runs and prints its table per field for every set (one sentence in seven
    of each: the corpus's accuracy itself is pinned by tests/test_corpus.py; the whole
    corpus took 13 s here)."""
    out = run(str(BENCH / "text_bench.py"), "--no-speed", "--every", "7", tmp_path=tmp_path)
    for label in ("areas", "cause", "flags", "no flag when negated/other", "held out:"):
        assert label in out, label


def test_protocol_benchmark_asks_each_condition_at_its_site(kb: acupoints.KnowledgeBase) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import protocol_recall as pr
    finally:
        sys.path.remove(str(BENCH))
    protocols = {p.id: p for p in kb.reference_protocols}
    cause, sites, phrasings = pr.condition(kb, protocols["inj.medacupunct2017"])
    assert (cause, sites) == ("injury", ("face",))
    assert phrasings is pr.SITE_PHRASINGS["injury", "head"]
    # the face protocol's baseline counts no arm-only publication, and the other way round
    face = pr.baseline(kb, "injury", [], 10, ("face",))
    arm = pr.baseline(kb, "injury", [], 10, ("upper_limb",))
    assert "ST5" in face and "ST5" not in arm
    cause, sites, phrasings = pr.condition(kb, protocols["cipn.bao2020"])
    assert (cause, sites) == ("chemotherapy", ()) and phrasings is pr.PHRASINGS["chemotherapy"]
    assert all(len(p) >= 5 for p in [*pr.PHRASINGS.values(), *pr.SITE_PHRASINGS.values()])
    found, base = pr.table(kb, 10, detail=False, show=False)
    assert 0 < found <= 1 and 0 < base <= 1


def test_protocol_benchmark_ceiling_is_the_best_list() -> None:
    """The ceiling column is the most any single list can find: checked against every
    list of a small universe, with and without kept places."""
    import itertools
    import random

    sys.path.insert(0, str(BENCH))
    try:
        import protocol_recall as pr
    finally:
        sys.path.remove(str(BENCH))
    rng = random.Random(7)
    universe = [f"P{i}" for i in range(8)]
    for _ in range(30):
        sets = [set(rng.sample(universe, rng.randint(1, 5))) for _ in range(rng.randint(1, 5))]
        kept = rng.sample(universe, rng.randint(0, 2))
        top = rng.randint(1, 4)
        lists = [
            set(kept[:top]) | set(c)
            for c in itertools.combinations(
                [u for u in universe if u not in kept], top - len(kept[:top])
            )
        ]
        brute = max(sum(len(s & chosen) for s in sets) for chosen in lists)
        assert pr._ceiling(sets, kept, top) == brute


def test_the_answers_dump_is_the_same_twice_and_holds_every_group(tmp_path: Path) -> None:
    outs = []
    for name in ("a.txt", "b.txt"):
        path = tmp_path / name
        printed = run(
            str(BENCH / "same_answers.py"),
            str(path),
            "--queries",
            "20",
            "--corpus-sets",
            "1",
            tmp_path=tmp_path,
        )
        outs.append(path.read_bytes())
        groups = [line.split()[0] for line in printed.splitlines()]
        assert groups == ["generated", "prepared", "options", "corpus", "reading", "location"]
    assert outs[0] == outs[1]  # deterministic, so a difference between checkouts is theirs
    lines = outs[0].decode().splitlines()
    assert sum(line.startswith("generated\t") for line in lines) == 20
    assert all(line.count("\t") >= 2 for line in lines)


def test_table_fill_prints_every_reader_table_with_its_room(tmp_path: Path) -> None:
    out = run(str(BENCH / "table_fill.py"), "--all", tmp_path=tmp_path)
    rows = {line.split()[0]: line.split() for line in out.splitlines()[2:]}
    assert "causes._values" in rows and "flags._values" in rows
    for name, row in rows.items():
        entries, room = int(row[1]), int(row[3])
        assert entries > 0 and room >= 0, name
