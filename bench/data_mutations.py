"""Semantic mutations of the data, one per kind of record, and the first test (other than
the snapshot) that catches each: `python bench/data_mutations.py` (from the repository
root, with the test extra installed). Each mutation edits a file of data/ in place, runs
the oracle, vocabulary, integrity and safety tests with -x, and restores the file, also
when interrupted. Prints one line per mutation and exits 1 if any survived.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = [
    "tests/test_oracles.py",
    "tests/test_names_oracle.py",
    "tests/test_vocabulary.py",
    "tests/test_data_integrity.py",
    "tests/test_safety.py",
]

# (file, text, replacement, what it means); each text occurs once in its file
MUTATIONS = [
    ("points.yaml", "    hanzi: 光明\n", "    hanzi: 光銘\n", "GB37's characters, same reading"),
    (
        "causes.yaml",
        " slipped disc, herniated disc,",
        " slipped disc,",
        "cause synonym 'herniated disc' removed",
    ),
    (
        "safety.yaml",
        "        regions: [abdomen.upper]\n        from_week: 13\n",
        "        regions: [abdomen.upper]\n        from_week: 20\n",
        "pregnancy: upper abdomen from week 20 instead of 13",
    ),
    (
        "safety.yaml",
        "cant speak, trouble speaking]]",
        "cant speak]]",
        "stroke trigger 'trouble speaking' removed (safety.yaml)",
    ),
    (
        "text.yaml",
        "cant speak, trouble speaking, cant get",
        "cant speak, cant get",
        "stroke concept word 'trouble speaking' removed (text.yaml)",
    ),
    (
        "safety.yaml",
        "points: [LI4, SP6, BL60, BL67, BL31, BL32, BL33, BL34]",
        "points: [LI4, SP6, BL60, BL31, BL32, BL33, BL34]",
        "pregnancy: BL67 no longer forbidden",
    ),
    (
        "safety.yaml",
        "  - id: anticoagulants\n    name: anticoagulant drugs\n    effects:\n"
        "      - action: exclude\n        structures: [artery, vein]\n",
        "  - id: anticoagulants\n    name: anticoagulant drugs\n    effects:\n"
        "      - action: exclude\n        structures: [vein]\n",
        "anticoagulants: points on an artery no longer left out",
    ),
    (
        "safety.yaml",
        "  - id: unstable_spine\n    name: unstable spine or spinal fracture\n    effects:\n"
        "      - action: refer_first\n",
        "  - id: unstable_spine\n    name: unstable spine or spinal fracture\n    effects:\n"
        "      - action: protocol\n",
        "unstable spine: no longer sent to a doctor first",
    ),
    (
        "regions.yaml",
        "[armpit, armpits,",
        "[armpits,",
        "region synonym 'armpit' removed",
    ),
]


def run(file: str, old: str, new: str) -> tuple[bool, str]:
    path = ROOT / "data" / file
    text = path.read_text("utf-8")
    if text.count(old) != 1:
        return False, f"the text to mutate is not once in {file}: update this script"
    try:
        path.write_text(text.replace(old, new), "utf-8")
        r = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    finally:
        path.write_text(text, "utf-8")
    failed = [line[7:] for line in r.stdout.splitlines() if line.startswith("FAILED ")]
    return r.returncode != 0, (failed[0].split(" - ")[0] if failed else "")


def main() -> int:
    survived = 0
    for file, old, new, what in MUTATIONS:
        start = time.perf_counter()
        caught, by = run(file, old, new)
        survived += not caught
        took = time.perf_counter() - start
        print(f"{'caught  ' if caught else 'SURVIVED'} {what} ({took:.0f} s) {by}", flush=True)
    print(f"{len(MUTATIONS) - survived}/{len(MUTATIONS)} data mutations caught")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
