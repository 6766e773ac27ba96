"""A seeded random sample of one module's mutants, run one at a time (docs/testing.md).

    python bench/mutation_sample.py acupoints.engine.scoring --seed 31 -n 10

Each mutant drawn is run against the module's test files (all their tests, stopping at the
first failure) in a fresh pytest process with ``MUTANT_UNDER_TEST`` set, so
tests/conftest.py empties the memos before each test. A mutant is killed when a test
fails or the run takes longer than ``--timeout`` seconds. Results are appended, one JSON
line per mutant, to mutants/sample.jsonl; mutants already there are not run again. The
sample is ``random.Random(seed).sample`` over the module's mutant names, sorted, so the
first k of a sample of n are the sample of k. The mutants are generated with mutmut's own
code (pinned to 3.8.1 in the ``mutation`` extra) when mutants/ does not hold them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE_TESTS = ["tests/test_select.py", "tests/test_prescription.py"]
SAFETY_TESTS = ["tests/test_safety.py", "tests/test_safety_gaps.py", "tests/test_oracles.py"]
# the reader (acupoints.text.*) and the location grammar (acupoints.parse): their test files
# (test_text*.py, test_parse.py, test_corpus.py); text.use is never reached by three of them
READER_FILES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_text*.py"))
READER_FILES += ["tests/test_parse.py", "tests/test_corpus.py"]
_NO_USE = {"tests/test_parse.py", "tests/test_text_course7.py", "tests/test_text_dermatomes.py"}
# the functions of safety.py scored in full on 2026-12-03 (left out of its samples)
SCORED = ("x_effect_matcher__", "x__concerns__", "x_patient_effects__", "x__text_hits__")


def _generate() -> None:
    from mutmut.__main__ import (
        copy_also_copy_files,
        copy_src_dir,
        create_mutants,
        set_mutant_under_test,
        setup_source_paths,
    )

    set_mutant_under_test("mutant_generation")
    Path("mutants").mkdir(exist_ok=True)
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    create_mutants(2)


def _meta(module: str) -> Path:
    base = Path("mutants/src", *module.split("."))
    if base.is_dir():  # a package: acupoints.engine
        return base / "__init__.py.meta"
    return base.with_suffix(".py.meta")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "module", help="e.g. acupoints.engine.scoring, acupoints.safety or acupoints.text.reader"
    )
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-n", type=int, default=30, help="mutants to draw")
    ap.add_argument("--timeout", type=float, default=300.0)
    args = ap.parse_args()
    os.chdir(ROOT)
    if not _meta(args.module).exists():
        _generate()
    meta = _meta(args.module)
    if not meta.exists():
        print(f"no mutants for {args.module} ({meta})", file=sys.stderr)
        return 2
    names = sorted(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    if args.module == "acupoints.safety":
        names = [n for n in names if not any(s in n for s in SCORED)]
        tests = SAFETY_TESTS
    elif args.module == "acupoints.engine":
        # select() applies the patient's exclusions, cautions and steps: the safety tests
        # check those (the oracle's table of every point is left out: too slow per mutant)
        tests = ENGINE_TESTS + SAFETY_TESTS[:2]
    elif args.module == "acupoints.parse" or args.module.startswith("acupoints.text"):
        tests = [f for f in READER_FILES if args.module != "acupoints.text.use" or f not in _NO_USE]
    else:
        tests = ENGINE_TESTS
    out = Path("mutants/sample.jsonl")
    done = set()
    if out.exists():
        done = {json.loads(line)["name"] for line in out.read_text(encoding="utf-8").splitlines()}
    sample = random.Random(args.seed).sample(names, min(args.n, len(names)))
    killed = survived = 0
    for name in sample:
        if name in done:
            continue
        start = time.monotonic()
        env = dict(os.environ, MUTANT_UNDER_TEST=name, PYTHONPATH="mutants/src")
        cmd = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly"]
        cmd += ["-p", "no:cacheprovider", "--no-header", *tests]
        try:
            run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=args.timeout)
            status = "survived" if run.returncode == 0 else "killed"
            failed = [line for line in run.stdout.splitlines() if line.startswith("FAILED")][:1]
        except subprocess.TimeoutExpired:
            status, failed = "timeout", []
        killed += status != "survived"
        survived += status == "survived"
        record = {
            "module": args.module,
            "seed": args.seed,
            "name": name,
            "status": status,
            "seconds": round(time.monotonic() - start, 1),
            "load": round(os.getloadavg()[0], 1),
            "failed": failed,
        }
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(status, name, *failed, flush=True)
    print(f"{args.module}: {killed} killed, {survived} survived of {killed + survived} run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
