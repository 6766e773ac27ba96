"""How many of each published protocol's points a selection returns in its top 10.

For every reference protocol in ``data/protocols.yaml`` it runs ``kb.select`` on a typical
description of the numbness the protocol treats, with the protocol's cause, and counts
the protocol's points among the first ``--top`` points. Three settings:

- ``rules``: the seed's rules and the anatomy only (``evidence=False``);
- ``held out``: plus the evidence term, counted from the *other* publications only (the
  protocol's own publication is left out, so a protocol cannot vote for itself);
- ``all``: plus the evidence term from every protocol, its own included (in-sample, an
  upper bound, shown to make the leak visible).

Prints a Markdown table (the one in docs/benchmark.md) and the totals; ``--sweep`` also
prints the held-out totals for other weights of the evidence term (``scoring.evidence`` in
rules.yaml), each on a temporary copy of the data.

Run: python bench/protocol_recall.py [--top 10] [--sweep]
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import acupoints
from acupoints.loading import packaged_data_dir

# A typical description for each cause: where people with it say they are numb.
QUERIES = {
    "diabetic": "numbness and tingling in both feet",
    "chemotherapy": "numbness in both hands and feet",
    "carpal_tunnel": "numb thumb, index and middle finger of the right hand",
    "cervical_root": "numbness down the right arm into the thumb and index finger",
    "lumbar_root": "numbness down the back of the left leg into the outer foot",
    "sciatica": "numbness down the back of the left leg into the outer foot",
}


def held_out(kb: acupoints.KnowledgeBase, top: int) -> tuple[int, int]:
    """(points found, points asked) over all protocols, own publication left out."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for pr in kb.reference_protocols:
        by_source[pr.source].append(pr.id)
    found = asked = 0
    for pr in kb.reference_protocols:
        cause = pr.causes[0]
        s = kb.select(
            QUERIES[cause], cause=cause, limit=top, without_protocols=by_source[pr.source]
        )
        points = set(pr.points)
        found += len(points & set(s.codes))
        asked += len(points)
    return found, asked


def sweep(top: int) -> None:
    print("| scoring.evidence | held out |")
    print("|---:|---:|")
    for weight in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0):
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            shutil.copytree(packaged_data_dir(), data)
            rules = data / "rules.yaml"
            text = re.sub(
                r"(?m)^  evidence: .*$", f"  evidence: {weight}", rules.read_text("utf-8")
            )
            rules.write_text(text, "utf-8")
            found, asked = held_out(acupoints.load(data), top)
        print(f"| {weight} | {found}/{asked} ({found / asked:.0%}) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--sweep", action="store_true", help="also vary scoring.evidence")
    args = parser.parse_args()
    kb = acupoints.load()
    by_source: dict[str, list[str]] = defaultdict(list)
    for pr in kb.reference_protocols:
        by_source[pr.source].append(pr.id)

    print("| protocol | cause | points | rules | held out | all | found (held out) |")
    print("|---|---|---:|---:|---:|---:|---|")
    totals = {"rules": 0, "held out": 0, "all": 0}
    n_points = 0
    per_cause: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for pr in kb.reference_protocols:
        cause = pr.causes[0]
        query = QUERIES[cause]
        points = list(dict.fromkeys(pr.points))
        runs = {
            "rules": kb.select(query, cause=cause, limit=args.top, evidence=False),
            "held out": kb.select(
                query, cause=cause, limit=args.top, without_protocols=by_source[pr.source]
            ),
            "all": kb.select(query, cause=cause, limit=args.top),
        }
        hits = {k: [c for c in points if c in s.codes] for k, s in runs.items()}
        for k in totals:
            totals[k] += len(hits[k])
        n_points += len(points)
        pc = per_cause[cause]
        pc[0] += len(points)
        pc[1] += len(hits["rules"])
        pc[2] += len(hits["held out"])
        pc[3] += len(hits["all"])
        print(
            f"| {pr.id} | {cause} | {len(points)} | {len(hits['rules'])} | "
            f"{len(hits['held out'])} | {len(hits['all'])} | "
            f"{', '.join(hits['held out']) or '-'} |"
        )
    print()
    print("| cause | points | rules | held out | all |")
    print("|---|---:|---:|---:|---:|")
    for cause, (n, r, h, a) in per_cause.items():
        print(f"| {cause} | {n} | {r} ({r / n:.0%}) | {h} ({h / n:.0%}) | {a} ({a / n:.0%}) |")
    print(
        f"| all | {n_points} | "
        + " | ".join(f"{v} ({v / n_points:.0%})" for v in totals.values())
        + " |"
    )
    print()
    for cause, query in QUERIES.items():
        print(f"- {cause}: {query!r}")
    if args.sweep:
        print()
        sweep(args.top)


if __name__ == "__main__":
    main()
