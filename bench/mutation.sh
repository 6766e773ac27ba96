#!/usr/bin/env bash
# Mutation testing of the safety code (src/acupoints/safety.py), the engine
# (src/acupoints/engine/) and the reading code (the location grammar,
# src/acupoints/parse.py, and the text reader, src/acupoints/text/) with mutmut; the files
# and the tests it runs are set in [tool.mutmut] of pyproject.toml. Needs the `mutation`
# extra:
#   pip install -e '.[test,mutation]' && bash bench/mutation.sh [MODULE ...]
# With no argument every mutant is run afresh (hours on two cores); with module names
# (e.g. `acupoints.engine.composition acupoints.safety acupoints.text.reader`) only their
# mutants are run, keeping the results of earlier runs in ./mutants, and the score is
# given per module.
# It works in ./mutants (ignored by git), prints the score and lists the survivors;
# `mutmut show NAME` shows one. bench/mutation_sample.py runs a seeded sample of one
# module instead, and bench/mutation_fork.py MODULE [--sample N --seed S] every mutant (or
# a seeded sample) of one module in children forked from a warm parent (docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
    rm -rf mutants
    mutmut run --max-children "${JOBS:-2}" || true
else
    for module in "$@"; do
        mutmut run --max-children "${JOBS:-2}" "$module.*" || true
    done
fi
mutmut results --all true > mutants/results.txt || true
python - "$@" <<'PY'
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

lines = [l.strip() for l in Path("mutants/results.txt").read_text().splitlines() if ": " in l]
wanted = sys.argv[1:]
by_module: dict[str, Counter[str]] = defaultdict(Counter)
survivors = []
for line in lines:
    name, status = line.rsplit(": ", 1)
    # acupoints.engine.composition.x__places__mutmut_2, acupoints.safety.xǁPatientǁ...
    module = re.split(r"\.x[_ǁ]", name, maxsplit=1)[0]
    if wanted and module not in wanted:
        continue
    by_module[module][status] += 1
    if status == "survived":
        survivors.append(name)
for module, status in sorted(by_module.items()):
    killed = status.get("killed", 0)
    total = sum(status.values()) - status.get("skipped", 0) - status.get("not checked", 0)
    print(f"{module}: {killed}/{total} killed ({100 * killed / max(total, 1):.1f}%)", dict(status))
for name in survivors:
    print("survived:", name)
PY
