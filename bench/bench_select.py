"""Selection speed, memory, and how both grow with the data.

Prints, from one run on one machine:

1. ``kb.select`` over a fixed set of queries (every region of the data named in plain words,
   with four causes and none: 320 queries), each run ``--repeat`` times: median, p90 and p99
   per call, from text and from a prepared ``Location``; and the first call of each query
   (nothing about that query cached yet; the per-data tables built), the best of
   ``--rounds`` rounds per query; and how long the pass that built the per-data tables
   took;
2. throughput over 2,000 distinct generated queries (texts and causes, seeded): the first
   calls of a fresh process, one core, in selections per second, then a second pass over
   the same queries, and the ratio; once as the load leaves the collector and once with
   ``gc.freeze()`` after the load, each in a process of its own;
3. memory (tracemalloc, what is kept): import + load + a first select, the target of
   issue 18, and with the graph built as well;
4. load and select times (a query's first call, and repeated) when the data grows 10x and
   100x (synthetic extra points, copies of the real ones under new codes and names), each
   as a ratio of the real data's; medians of 4 queries x 3 rounds.

Run: python bench/bench_select.py [--repeat 5] [--rounds 5] [--no-scale]
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import yaml

import acupoints
from acupoints.loading import packaged_data_dir

CAUSES = (None, "diabetic", "cervical radiculopathy", "carpal tunnel", "sciatica")


def queries(kb: acupoints.KnowledgeBase) -> list[tuple[str, str | None]]:
    """Every region named as people write it, on a side where it has one, with each cause."""
    out = []
    sides = ("left", "right", "")
    for i, region in enumerate(kb.regions):
        if region.id == "body":
            continue
        word = region.synonyms[0] if region.synonyms else region.name
        text = f"numbness in my {sides[i % 3]} {word}".replace("  ", " ")
        for cause in CAUSES:
            out.append((text, cause))
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def timings(kb: acupoints.KnowledgeBase, repeat: int, rounds: int) -> None:
    cases = []
    for text, cause in queries(kb):
        try:
            cases.append((text, cause, kb.parse_location(text)))
        except acupoints.LocationError:
            continue
    keys = ("parse1", "parse", "text1", "loc1", "text", "loc")
    series: dict[str, list[float]] = {k: [] for k in keys}

    def clock(fn: Any, *args: Any, **kw: Any) -> float:
        t = time.perf_counter()
        fn(*args, **kw)
        return time.perf_counter() - t

    # the per-data tables (points per rule and region, texts of reasons ...) are built on
    # first use: this pass builds them as it goes
    kb.clear_caches()
    warm_up = sum(clock(kb.select, text, cause=cause) for text, cause, _ in cases)
    # first calls: nothing about the query memoised (the per-data tables are built); each
    # query's first call is timed once per round, with the caches cleared before each
    # pass, and its best round kept (as timeit does: the slower rounds are the shared
    # machine's noise, which moved whole passes by up to 50%)
    texts = list(dict.fromkeys(text for text, _, _ in cases))  # each text once
    first: dict[str, list[list[float]]] = {"parse1": [], "text1": [], "loc1": []}
    for _ in range(rounds):
        kb.clear_caches()
        first["parse1"].append([clock(kb.parse_location, text) for text in texts])
        kb.clear_caches()
        first["text1"].append([clock(kb.select, text, cause=cause) for text, cause, _ in cases])
        kb.clear_caches()
        first["loc1"].append([clock(kb.select, loc, cause=cause) for _, cause, loc in cases])
    for key, runs in first.items():
        series[key] = [min(per_query) for per_query in zip(*runs, strict=True)]
    # repeated calls: the same queries again, as a batch or a notebook does
    for _ in range(repeat):
        for text, cause, loc in cases:
            series["parse"].append(clock(kb.parse_location, text))
            series["text"].append(clock(kb.select, text, cause=cause))
            series["loc"].append(clock(kb.select, loc, cause=cause))
    later = sum(first["text1"][-1])
    print(
        f"per-data tables: the first pass over the {len(cases)} queries (from text) took "
        f"{warm_up * 1000:.0f} ms, building them as it went; a later pass of first calls "
        f"{later * 1000:.0f} ms"
    )
    print(
        f"select: {len(cases)} queries; first calls: best of {rounds} rounds per query; "
        f"repeats x {repeat} (ms per call)"
    )
    print(f"{'':38}{'median':>8}{'p90':>8}{'p99':>8}")
    for label, key in [
        ("parse_location(text), first call", "parse1"),
        ("parse_location(text), repeated", "parse"),
        ("select(text), first call", "text1"),
        ("select(prepared Location), first call", "loc1"),
        ("select(text), repeated", "text"),
        ("select(prepared Location), repeated", "loc"),
    ]:
        ms = [v * 1000 for v in series[key]]
        print(f"  {label:<36}{statistics.median(ms):8.3f}{pct(ms, 0.9):8.3f}{pct(ms, 0.99):8.3f}")


TEMPLATES = (
    "numbness in my {side} {word}",
    "{side} {word} feels numb",
    "pins and needles in my {side} {word}",
    "tingling and numb {side} {word}",
    "my {side} {word} has gone numb",
    "numb {side} {word} for two weeks",
    "no feeling in the {side} {word}",
    "{side} {word} numb and tingly at night",
)


def generated(kb: acupoints.KnowledgeBase, n: int) -> list[tuple[str, str | None]]:
    """``n`` distinct (text, cause) queries that read as a location: every way the data
    names a region, in templates, on a side, with a cause or none (seeded, so every run
    asks the same)."""
    import random

    rng = random.Random(18)
    words = sorted(
        {
            w
            for r in kb.regions
            if r.id != "body"
            for w, _ in ((r.name, ()), *r.phrases())
            if w.isascii()
        }
    )
    out: dict[tuple[str, str | None], None] = {}
    tries = 0
    while len(out) < n and tries < 50 * n:
        tries += 1
        text = rng.choice(TEMPLATES).format(
            side=rng.choice(("left", "right", "both", "")), word=rng.choice(words)
        )
        query = (" ".join(text.split()), rng.choice(CAUSES))
        if query in out:
            continue
        try:
            kb.parse_location(query[0])
        except acupoints.LocationError:
            continue
        out[query] = None
    kb.clear_caches()
    return list(out)


_THROUGHPUT = """
import gc, sys, time
sys.path.insert(0, {bench!r})
import acupoints
from bench_select import generated
kb = acupoints.load()
if {freeze}:
    gc.freeze()
queries = generated(kb, {n})
passes = []
for _ in range(2):
    t = time.process_time()
    for text, cause in queries:
        kb.select(text, cause=cause)
    passes.append(time.process_time() - t)
print(len(queries), *passes)
"""


def throughput(n: int) -> None:
    """First calls of ``n`` distinct queries in a fresh process (the per-data tables built
    as they go, as a new worker does), then the same queries again; CPU time, so the
    figure is per core."""
    bench = str(Path(__file__).resolve().parent)
    for label, freeze in (
        ("as load() leaves the collector", False),
        ("gc.freeze() after load", True),
    ):
        out = subprocess.run(
            [sys.executable, "-c", _THROUGHPUT.format(bench=bench, freeze=freeze, n=n)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        count, first, second = int(out[0]), float(out[1]), float(out[2])
        print(
            f"  throughput, {count} distinct queries ({label}): first calls "
            f"{count / first:6.0f}/s, second pass {count / second:6.0f}/s "
            f"({first / second:.1f}x faster)"
        )


def memory() -> None:
    first = "acupoints.select('numb back of my left hand').codes; "
    for label, extra in [
        ("import + load + first select", first),
        ("import + load + first select + graph", first + "kb.graph; "),
    ]:
        code = (
            "import tracemalloc, gc; tracemalloc.start(); import acupoints; "
            f"kb = acupoints.load(); {extra}gc.collect(); "
            "cur, peak = tracemalloc.get_traced_memory(); print(cur, peak)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        cur, peak = (int(x) / 2**20 for x in out)
        print(f"  memory, {label}: {cur:.1f} MiB kept, {peak:.1f} MiB peak")


def synthetic(dest: Path, factor: int) -> None:
    """A data directory with the real points plus (factor - 1) x as many synthetic ones."""
    src = packaged_data_dir()
    dest.mkdir(parents=True)
    for f in src.glob("*.yaml"):
        if f.name == "figure.yaml":  # optional; synthetic points have no place on it
            continue
        (dest / f.name).write_bytes(f.read_bytes())
    data: dict[str, Any] = yaml.load(
        (src / "points.yaml").read_text("utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )
    real = data["points"]
    extra = []
    arm = ("hand", "wrist", "forearm", "elbow", "upper_arm", "shoulder", "axilla")
    leg = ("foot", "ankle", "leg", "knee", "thigh", "hip", "buttock")
    n = 1000
    for _ in range(factor - 1):
        for p in real:
            q = {k: v for k, v in p.items() if k not in ("aliases", "categories", "sites", "xrefs")}
            top = p["location"]["region"].split(".")[0]
            group = p.get("group") or (
                "UE"
                if top in arm
                else "LE"
                if top in leg
                else "HN"
                if top in ("head", "face")
                else "B"
            )
            n += 1
            letters = "".join(chr(ord("a") + int(d)) for d in str(n))
            hanzi = chr(0x3400 + n // 6000) + chr(0x3400 + n % 6000)  # CJK extension A
            q.update(
                code=f"EX-{group}{n}",
                meridian=None,
                group=group,
                number=n,
                names={
                    "pinyin": f"Syn {letters.capitalize()}",
                    "hanzi": hanzi,
                    "hanzi_simplified": hanzi,
                    "english": f"Synthetic point {n}",
                    "sources": ["who1991"],
                },
            )
            extra.append(q)
    data["points"] = real + extra
    (dest / "points.yaml").write_text(
        yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True),
        "utf-8",
    )


def scale() -> None:
    print("growth with the data (synthetic extra points):")
    probe = [
        ("numb back of the left hand", None),
        ("pins and needles in both feet", "diabetic"),
        ("numb thumb and index finger", "cervical radiculopathy"),
        ("numbness down the back of my right leg", "sciatica"),
    ]
    base: dict[str, float] = {}
    for factor in (1, 10, 100):
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            synthetic(data, factor)
            os.environ["ACUPOINTS_NO_CACHE"] = "1"
            gc.collect()
            t = time.perf_counter()
            kb = acupoints.load(data)
            load = time.perf_counter() - t
            del os.environ["ACUPOINTS_NO_CACHE"]
            kb.select(probe[0][0])  # the per-data tables
            first, again = [], []
            for _ in range(3):
                kb.clear_caches()
                for text, cause in probe:
                    t = time.perf_counter()
                    kb.select(text, cause=cause)
                    first.append(time.perf_counter() - t)
                for text, cause in probe:
                    t = time.perf_counter()
                    kb.select(text, cause=cause)
                    again.append(time.perf_counter() - t)
            cold, warm = statistics.median(first), statistics.median(again)
            if factor == 1:
                base = {"load": load, "cold": cold, "warm": warm}
            print(
                f"  {factor:>3}x ({len(kb):>6} points): load {load:6.2f} s "
                f"({load / base['load']:5.1f}x); select, first call {cold * 1000:6.2f} ms "
                f"({cold / base['cold']:5.1f}x), repeated {warm * 1000:5.2f} ms "
                f"({warm / base['warm']:5.1f}x)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of first calls")
    parser.add_argument("--no-scale", action="store_true", help="skip the 10x/100x runs")
    parser.add_argument("--queries", type=int, default=2000, help="distinct queries, throughput")
    args = parser.parse_args()
    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cpus, "
        f"acupoints {acupoints.__version__}"
    )
    kb = acupoints.load()
    kb.select("numb hand")  # build the per-knowledge-base tables once
    timings(kb, args.repeat, args.rounds)
    tracemalloc.stop()
    throughput(args.queries)
    memory()
    if not args.no_scale:
        scale()


if __name__ == "__main__":
    main()
