"""How many of each published protocol's points a selection returns in its top 10, held
out, against a frequency-table baseline.

For every reference protocol in ``data/protocols.yaml`` it leaves the protocol's
publication out (every protocol of that publication, so it cannot vote for itself), runs
``kb.select`` on several typical descriptions of the numbness the condition causes, with
the protocol's cause, and counts the protocol's points among the first ``--top``. Beside
it, on the same left-out data, the **frequency baseline**: the ``--top`` points the other
publications for the cause use most (ties in WHO order). Recall is points found over
points asked, per cause and overall; for each cause the mean over its phrasings and the
spread (best minus worst phrasing).

``--ablation`` also prints the overall figure with parts of the engine taken away (on
temporary copies of the data): which part of the agreement comes from which change.

Run: python bench/protocol_recall.py [--top 10] [--detail] [--ablation]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import tempfile
from collections import defaultdict
from pathlib import Path

import acupoints
from acupoints.loading import packaged_data_dir

# Several ways people with each condition describe where they are numb.
PHRASINGS = {
    "diabetic": [
        "numbness and tingling in both feet",
        "both feet",
        "numb feet and lower legs",
        "pins and needles in my toes and soles, both sides",
        "burning numb feet",
        "numbness in both feet and hands",
    ],
    "chemotherapy": [
        "numbness in both hands and feet",
        "numb fingers and toes",
        "tingling in my hands and feet",
        "both feet",
        "numb fingertips and soles",
        "pins and needles in both hands",
    ],
    "carpal_tunnel": [
        "numb thumb, index and middle finger of the right hand",
        "numb fingers",
        "tingling in my right hand at night",
        "numb palm and fingers of my left hand",
        "numbness in my thumb and first two fingers",
    ],
    "cervical_root": [
        "numbness down the right arm into the thumb and index finger",
        "numb arm",
        "numb neck, shoulder and arm on the left",
        "tingling down my arm into my middle finger",
        "numb forearm and hand",
    ],
    "lumbar_root": [
        "numbness down the back of the left leg into the outer foot",
        "numb leg",
        "numb lower back and left leg",
        "numb outer calf and top of the foot",
        "numbness in my buttock and the back of my thigh",
    ],
    "sciatica": [
        "numbness down the back of the left leg into the outer foot",
        "numb leg",
        "numb buttock and back of the thigh",
        "tingling down the back of my right leg to the heel",
        "numb calf and sole",
    ],
    "infection": [
        "numb right side of my chest",
        "numb skin on my upper back",
        "numbness in both feet",
        "numb chest and back on the left",
        "numb and burning feet",
    ],
}

# A nerve injury is a different condition on the face, an arm or a leg: a protocol that
# names its site (`sites` in protocols.yaml) is asked with descriptions of numbness there.
SITE_PHRASINGS = {
    ("injury", "head"): [
        "numb lower lip and chin",
        "numb chin and lip after jaw surgery",
        "numb tongue and lower lip",
        "numb cheek",
        "numbness of my jaw and lower lip on the right",
    ],
    ("injury", "arm"): [
        "numb arm after an injury",
        "numb hand",
        "numb forearm and fingers",
        "numb thumb side of my hand after a cut",
        "numb upper arm and shoulder",
    ],
    ("injury", "leg"): [
        "numb leg",
        "numb top of my foot",
        "numb outer calf",
        "numb shin and foot",
        "numb sole after an ankle injury",
    ],
}


def baseline(
    kb: acupoints.KnowledgeBase,
    cause: str,
    skip: list[str],
    top: int,
    sites: tuple[str, ...] = (),
) -> list[str]:
    """The ``top`` points the publications left in use most for ``cause`` (ties in WHO
    order); with ``sites``, the publications on that part of the body (or anywhere)."""
    core = kb.core_prescription(cause, exclude=skip, within=sites)
    return [c.code for c in core][:top]  # sorted by publications, then WHO order


def condition(
    kb: acupoints.KnowledgeBase, pr: acupoints.rules.ReferenceProtocol
) -> tuple[str, tuple[str, ...], list[str]] | None:
    """The protocol's condition as this benchmark asks it: (cause, sites, phrasings)."""
    for cause in pr.causes:
        parts = {kb.anatomy.part_of(s) for s in pr.sites}
        if len(parts) == 1 and (cause, *parts) in SITE_PHRASINGS:
            return cause, pr.sites, SITE_PHRASINGS[cause, parts.pop()]
    cause = next((c for c in pr.causes if c in PHRASINGS), None)
    return None if cause is None else (cause, (), PHRASINGS[cause])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--detail", action="store_true", help="a line per protocol")
    parser.add_argument("--ablation", action="store_true", help="parts of the engine off")
    args = parser.parse_args()
    table(acupoints.load(), args.top, args.detail, show=True)
    if args.ablation:
        print()
        print("| engine | held out, mean of phrasings | frequency baseline |")
        print("|---|---:|---:|")
        for name, edits in ABLATIONS:
            with tempfile.TemporaryDirectory() as tmp:
                data = Path(tmp) / "data"
                shutil.copytree(packaged_data_dir(), data)
                rules = data / "rules.yaml"
                text = rules.read_text("utf-8")
                for pattern, new in edits:
                    text = re.sub(pattern, new, text, flags=re.S | re.M)
                rules.write_text(text, "utf-8")
                found, base = table(acupoints.load(data), args.top, False, show=False)
            print(f"| {name} | {found:.2f} | {base:.2f} |")


# (name, regex edits of rules.yaml)
_NO_QUOTAS = (r"^    (systemic|compression|injury): \{.*?\}\}\n", "")
_NO_DISTAL = (r"^  - id: distal\.channel\n.*?(?=^  - id: )", "")
_NO_CORE = (r"^  - id: core\.cause\n.*\Z", "")
_NO_SPREAD = (r"^    gap: 1$", "    gap: 0")
_NO_REST = (r"^  rest: core$", "  rest: null")
ABLATIONS = [
    ("the shipped engine", []),
    ("without the spread rule", [_NO_SPREAD]),
    ("places left to the score, not to the core points first", [_NO_REST]),
    ("without the quotas (the score decides, root points at most half)", [_NO_QUOTAS]),
    ("without the core rule", [_NO_CORE]),
    ("without the distal channel rule", [_NO_DISTAL]),
    (
        "without core, distal and quotas (the seed's rules and evidence score)",
        [_NO_QUOTAS, _NO_CORE, _NO_DISTAL, _NO_REST],
    ),
]


def table(kb: acupoints.KnowledgeBase, top: int, detail: bool, show: bool) -> tuple[float, float]:
    """Print the per-cause table (when ``show``); return the overall recall of select and
    of the baseline."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for pr in kb.reference_protocols:
        by_source[pr.source].append(pr.id)

    # per cause: points asked, baseline found, found per phrasing
    asked: dict[str, int] = defaultdict(int)
    base: dict[str, int] = defaultdict(int)
    found: dict[str, list[int]] = {}
    seeded_table: dict[str, list[int]] = {}
    # the ceiling: every protocol of a condition is asked with the same descriptions, so
    # any answer to a description is one list for all of them; the best such list, with
    # every publication in view (held-out one included), holds each condition's most
    # used points (recall is a sum over points). Per condition: (cause, part) -> point sets.
    groups: dict[tuple[str, frozenset[str]], list[set[str]]] = defaultdict(list)
    # the same ceiling when the list keeps the seed's places of each phrasing
    seed_places: dict[tuple[str, frozenset[str]], list[list[str]]] = {}
    # and when it keeps only the points the seed names (rules that select by code)
    named_rules = {r.id for r in kb.rules if r.select.kind == "codes"}
    named_places: dict[tuple[str, frozenset[str]], list[list[str]]] = {}
    for pr in kb.reference_protocols:
        found_condition = condition(kb, pr)
        if found_condition is None:
            continue
        cause, sites, phrasings = found_condition
        skip = by_source[pr.source]
        points = set(pr.points)
        asked[cause] += len(points)
        group = (cause, frozenset(kb.anatomy.part_of(x) for x in sites))
        groups[group].append(points)
        if group not in seed_places:  # the seed's places with every publication in view
            answers = [kb.select(t, cause=cause, limit=top) for t in phrasings]
            seed_places[group] = [
                [p.code for p in s.points if "core.cause" not in p.rules] for s in answers
            ]
            named_places[group] = [
                [p.code for p in s.points if named_rules & set(p.rules)] for s in answers
            ]
        b = len(points & set(baseline(kb, cause, skip, top, sites)))
        base[cause] += b
        hits = []
        table_hits = []
        ranked = baseline(kb, cause, skip, len(kb), sites)
        for text in phrasings:
            s = kb.select(text, cause=cause, limit=top, without_protocols=skip)
            hits.append(len(points & set(s.codes)))
            # the table given the same seed places: the points the seed's rules alone
            # chose (not core points) kept, the rest of the places from the table
            seeded = [p.code for p in s.points if "core.cause" not in p.rules]
            filled = seeded + [c for c in ranked if c not in seeded][: top - len(seeded)]
            table_hits.append(len(points & set(filled)))
        row = found.setdefault(cause, [0] * len(phrasings))
        trow = seeded_table.setdefault(cause, [0] * len(phrasings))
        for k, h in enumerate(hits):
            row[k] += h
            trow[k] += table_hits[k]
        if detail:
            print(f"{pr.id:32} {cause:14} {len(points):3} base {b:2}  select {hits}")
    best: dict[str, float] = defaultdict(float)  # points the best list finds, per cause
    best_seeded: dict[str, float] = defaultdict(float)
    best_named: dict[str, float] = defaultdict(float)
    named_codes: dict[str, set[str]] = defaultdict(set)
    for (cause, _), sets in groups.items():
        best[cause] += _ceiling(sets, [], top)
        places = seed_places[cause, _]
        best_seeded[cause] += statistics.mean(_ceiling(sets, kept, top) for kept in places)
        named = named_places[cause, _]
        best_named[cause] += statistics.mean(_ceiling(sets, kept, top) for kept in named)
        named_codes[cause].update(c for kept in named for c in kept)
    lines = [
        "| cause | protocols' points | frequency baseline | table with the seed's places "
        "| select, mean of phrasings | spread | ceiling | ceiling with the seed's places |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    tot_asked = tot_base = 0
    tot_found = tot_seeded = tot_best = tot_best_seeded = 0.0
    for cause, row in found.items():
        n = asked[cause]
        tot_best += best[cause]
        tot_best_seeded += best_seeded[cause]
        recalls = [h / n for h in row]
        mean = statistics.mean(recalls)
        seeded = statistics.mean(h / n for h in seeded_table[cause])
        tot_seeded += seeded * n
        tot_asked += n
        tot_base += base[cause]
        tot_found += mean * n
        lines.append(
            f"| {cause} | {n} | {base[cause] / n:.2f} | {seeded:.2f} | {mean:.2f} | "
            f"{max(recalls) - min(recalls):.2f} | {best[cause] / n:.2f} | "
            f"{best_seeded[cause] / n:.2f} |"
        )
    lines.append(
        f"| all | {tot_asked} | {tot_base / tot_asked:.2f} | {tot_seeded / tot_asked:.2f} | "
        f"{tot_found / tot_asked:.2f} | | {tot_best / tot_asked:.2f} | "
        f"{tot_best_seeded / tot_asked:.2f} |"
    )
    if show:
        print()
        print("\n".join(lines))
        print()
        n_pubs = len(by_source)
        print(f"Reference set: {len(kb.reference_protocols)} protocols from {n_pubs} publications.")
        print()
        print("Ceiling when the list keeps only the points the seed names (mean of phrasings):")
        for cause, codes in named_codes.items():
            if codes:
                n = asked[cause]
                print(
                    f"  {cause}: {best_named[cause] / n:.2f} holding {', '.join(sorted(codes))}"
                    f" (baseline {base[cause] / n:.2f}, ceiling {best[cause] / n:.2f})"
                )
    return tot_found / tot_asked, tot_base / tot_asked


def _ceiling(sets: list[set[str]], kept: list[str], top: int) -> int:
    """Points of ``sets`` found by the best list of ``top`` points that holds ``kept``:
    recall is a sum over the points of a list, so the best list adds the points used by
    the most protocols (in-sample: every protocol in view)."""
    counts: dict[str, int] = defaultdict(int)
    for points in sets:
        for code in points:
            counts[code] += 1
    rest = sorted((c for c in counts if c not in kept), key=lambda c: -counts[c])
    chosen = set(kept[:top]) | set(rest[: max(0, top - len(kept))])
    return sum(len(points & chosen) for points in sets)


if __name__ == "__main__":
    main()
