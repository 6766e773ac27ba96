"""How well and how fast ``select(text)`` reads what people write.

Prints, for the pinned corpus ``tests/corpus/readings.yaml`` (sentences written for the
test, each with its expected reading):

1. accuracy per field: numb areas (as a set), side (where the sentence gives one), cause,
   red flags with their urgency (sentences that should raise one), false flags (sentences
   that should raise none but do, above all the negated, past, supposed and someone
   else's), time course; and the sentences missed, by field, with ``--misses``;
2. the speed of ``select(text)`` over the corpus: the first call of each sentence (the
   memos dropped with ``KnowledgeBase.clear_caches``, which drops the selections
   ``select`` keeps as well; best of 3 rounds) and repeated calls,
   median and p90;
   with ``--baseline DIR`` the same timing for the library in ``DIR`` (a checkout, e.g.
   ``git archive <commit> src data | tar -x -C DIR``), run in a subprocess, and the ratio.

Run: python bench/text_bench.py [--misses] [--baseline DIR] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "readings.yaml"
ROUND2 = CORPUS.with_name("round2.yaml")
ROUND3 = CORPUS.with_name("round3.yaml")
ROUND4 = CORPUS.with_name("round4.yaml")
ROUND5 = CORPUS.with_name("round5.yaml")
ROUND6 = CORPUS.with_name("round6_flags.yaml")
ROUND6_CHECK = CORPUS.with_name("round6_check.yaml")
ROUND6_CHECK2 = CORPUS.with_name("round6_check2.yaml")
ROUND6_AREAS = CORPUS.with_name("round6_areas.yaml")
ROUND6_FIX = CORPUS.with_name("round6_fix.yaml")
ROUND6_AREASFIX = CORPUS.with_name("round6_areasfix.yaml")
HELDOUT = CORPUS.with_name("heldout.yaml")
HELDOUT2 = CORPUS.with_name("heldout2.yaml")
HELDOUT3 = CORPUS.with_name("heldout3.yaml")
HELDOUT4 = CORPUS.with_name("heldout4.yaml")
HELDOUT5 = CORPUS.with_name("heldout5.yaml")
HELDOUT6 = CORPUS.with_name("heldout6.yaml")
HELDOUT7 = CORPUS.with_name("heldout7.yaml")
HELDOUT8 = CORPUS.with_name("heldout8.yaml")
HELDOUT9 = CORPUS.with_name("heldout9.yaml")
HELDOUT10 = CORPUS.with_name("heldout10.yaml")
HELDOUT11 = CORPUS.with_name("heldout11.yaml")
HELDOUT12 = CORPUS.with_name("heldout12.yaml")
HELDOUT13 = CORPUS.with_name("heldout13.yaml")
HELDOUT14 = CORPUS.with_name("heldout14.yaml")
HELDOUT15 = CORPUS.with_name("heldout15.yaml")
HELDOUT16 = CORPUS.with_name("heldout16.yaml")
HELDOUT17 = CORPUS.with_name("heldout17.yaml")
HELDOUT18 = CORPUS.with_name("heldout18.yaml")
HELDOUT19 = CORPUS.with_name("heldout19.yaml")
HELDOUT20 = CORPUS.with_name("heldout20.yaml")
HELDOUT21 = CORPUS.with_name("heldout21.yaml")
HELDOUT22 = CORPUS.with_name("heldout22.yaml")
QUIET = ("negation", "negated", "other", "hypothetical", "historical", "past")
"""Kinds of sentence on which no red flag may fire."""


def corpus(path: Path = CORPUS) -> list[dict[str, Any]]:
    # the C loader where PyYAML has one: the pure-Python one took 7 of the 10 s of a run
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entries: list[dict[str, Any]] = yaml.load(path.read_text("utf-8"), Loader=loader)["sentences"]
    return entries


def reading_of(kb: Any, text: str) -> dict[str, Any]:
    """What the library makes of ``text``: areas, side, cause, flags, course."""
    import acupoints

    reading = kb.read(text)
    try:
        s = kb.select(text)
    except acupoints.LocationError as exc:
        return {
            "areas": set(),
            "side": None,
            "cause": reading.cause,
            "flags": {f.id: f.urgency for f in exc.red_flags},
            "course": {f.id for f in reading.course if not f.context},
        }
    return {
        "areas": set(s.location.region_ids),
        "side": s.location.side,
        "cause": s.cause,
        "flags": {f.id: f.urgency for f in s.red_flags},
        "course": {f.id for f in reading.course if not f.context},
    }


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, ok: bool, text: str, detail: str) -> None:
        self.total[name] = self.total.get(name, 0) + 1
        self.right[name] = self.right.get(name, 0) + ok
        if not ok:
            self.misses.setdefault(name, []).append(f"{text!r}: {detail}")

    def rate(self, name: str) -> float:
        return self.right.get(name, 0) / self.total[name] if self.total.get(name) else 1.0


def score(kb: Any, entries: list[dict[str, Any]]) -> Score:
    """Each field of each sentence against its expected reading."""
    out = Score()
    for e in entries:
        text = e["t"]
        got = reading_of(kb, text)
        want_areas = set(e.get("areas", []))
        out.add("areas", got["areas"] == want_areas, text, f"{sorted(got['areas'])}")
        if "side" in e:
            out.add("side", got["side"] == e["side"], text, f"{got['side']}")
        out.add("cause", got["cause"] == e.get("cause"), text, f"{got['cause']}")
        want_flags = e.get("flags") or {}
        if want_flags:
            caught = all(got["flags"].get(k) == v for k, v in want_flags.items())
            out.add("flags", caught, text, f"{got['flags']}")
        extra = {k: v for k, v in got["flags"].items() if k not in want_flags}
        out.add("no false flag", not extra, text, f"{extra}")
        if e.get("kind") in QUIET:
            out.add("no flag when negated/other", not got["flags"], text, f"{got['flags']}")
        for item in e.get("course", ()):
            out.add("course", item in got["course"], text, f"{item} not in {got['course']}")
    return out


FIELDS = (
    "areas",
    "side",
    "cause",
    "flags",
    "no false flag",
    "no flag when negated/other",
    "course",
)


def report(kb: Any, title: str, entries: list[dict[str, Any]], misses: bool) -> None:
    started = time.perf_counter()
    s = score(kb, entries)
    took = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for e in entries:
        kinds[e.get("kind", "?")] = kinds.get(e.get("kind", "?"), 0) + 1
    print(f"{title}: {len(entries)} sentences ({', '.join(f'{k} {n}' for k, n in kinds.items())})")
    for name in FIELDS:
        right, total = s.right.get(name, 0), s.total.get(name, 0)
        print(f"  {name:<28} {s.rate(name):7.1%}  ({right}/{total})")
    print(f"  scored in {took:.2f} s")
    if misses:
        for name, items in s.misses.items():
            print(f"\nmissed ({title}), {name}:")
            for item in items:
                print(f"  {item}")
    print()


_TIMER = r"""
import json, statistics, sys, time
import acupoints
texts = json.loads(sys.stdin.read())
kb = acupoints.load()
if hasattr(kb, "clear_caches"):  # the selections memoised by kb.select too
    forget = type(kb).clear_caches
else:  # a library from before KnowledgeBase.clear_caches
    from acupoints.engine import forget
def once(t):
    a = time.perf_counter()
    try:
        kb.select(t)
    except acupoints.AcupointsError:
        pass
    return time.perf_counter() - a
for t in texts[:20]:
    once(t)
first = []
for t in texts:  # the first call of each sentence: best of 3 rounds, as bench_select does
    best = []
    for _ in range(3):
        forget(kb)
        best.append(once(t))
    first.append(min(best))
for t in texts:  # warm: every sentence read and ranked once
    once(t)
rep = [once(t) for _ in range(REPEAT) for t in texts]
def q(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(p * len(v)))]
print(json.dumps({"first": [statistics.median(first), q(first, 0.9)],
                  "repeated": [statistics.median(rep), q(rep, 0.9)]}))
"""


def timing(texts: list[str], repeat: int, src: Path | None = None) -> dict[str, list[float]]:
    """select(text) times in a fresh interpreter (``src``: the package directory used)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    done = subprocess.run(
        [sys.executable, "-c", _TIMER.replace("REPEAT", str(repeat))],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        timeout=1200,
        check=True,
    )
    out: dict[str, list[float]] = json.loads(done.stdout)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list the sentences missed")
    ap.add_argument("--baseline", type=Path, help="a checkout of the library to compare with")
    ap.add_argument("--repeat", type=int, default=5, help="repeated calls per sentence")
    ap.add_argument("--no-speed", action="store_true", help="accuracy only")
    ap.add_argument(
        "--every",
        type=int,
        default=1,
        metavar="N",
        help="read only every Nth sentence of each set (a quick check that the script runs; "
        "the figures are then not the corpus's)",
    )
    args = ap.parse_args(argv)
    if args.every < 1:
        ap.error("--every must be 1 or more")

    import acupoints

    kb = acupoints.load()
    entries = corpus()
    if args.every > 1:
        print(f"(every {args.every}th sentence of each set only: not the corpus's figures)\n")
    for title, path in (
        ("corpus", CORPUS),
        ("round 2", ROUND2),
        ("round 3", ROUND3),
        ("round 4", ROUND4),
        ("round 5", ROUND5),
        ("round 6 (flags)", ROUND6),
        ("round 6 check (flags)", ROUND6_CHECK),
        ("round 6 check 2 (flags)", ROUND6_CHECK2),
        ("round 6 areas", ROUND6_AREAS),
        ("round 6 fix (context)", ROUND6_FIX),
        ("round 6 areas fix", ROUND6_AREASFIX),
        ("held out", HELDOUT),
        ("held out 2", HELDOUT2),
        ("held out 3", HELDOUT3),
        ("held out 4", HELDOUT4),
        ("held out 5", HELDOUT5),
        ("held out 6", HELDOUT6),
        ("held out 7", HELDOUT7),
        ("held out 8", HELDOUT8),
        ("held out 9", HELDOUT9),
        ("held out 10", HELDOUT10),
        ("held out 11", HELDOUT11),
        ("held out 12", HELDOUT12),
        ("held out 13", HELDOUT13),
        ("held out 14", HELDOUT14),
        ("held out 15", HELDOUT15),
        ("held out 16", HELDOUT16),
        ("held out 17", HELDOUT17),
        ("held out 18", HELDOUT18),
        ("held out 19", HELDOUT19),
        ("held out 20", HELDOUT20),
        ("held out 21", HELDOUT21),
        ("held out 22", HELDOUT22),
    ):
        if not path.is_file():
            continue
        report(kb, title, corpus(path)[:: args.every], args.misses)
    if args.no_speed:
        return 0
    texts = [e["t"] for e in entries[:: args.every]]
    now = timing(texts, args.repeat)
    print(f"select(text) over the corpus, ms (median, p90), {args.repeat} repeats:")
    print(f"  this library, first call   {now['first'][0] * 1e3:7.3f} {now['first'][1] * 1e3:7.3f}")
    print(
        f"  this library, repeated     {now['repeated'][0] * 1e3:7.3f} "
        f"{now['repeated'][1] * 1e3:7.3f}"
    )
    if args.baseline is not None:
        base = timing(texts, args.repeat, args.baseline / "src")
        for label in ("first", "repeated"):
            b, n = base[label][0], now[label][0]
            print(
                f"  baseline, {label:<16} {b * 1e3:7.3f} {base[label][1] * 1e3:7.3f}"
                f"   (this / baseline: {n / b:.2f}x)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
