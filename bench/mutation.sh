#!/usr/bin/env bash
# Mutation testing of the safety code (src/acupoints/safety.py) with mutmut; the files and
# the tests it runs are set in [tool.mutmut] of pyproject.toml. Needs the `mutation` extra:
#   pip install -e '.[test,mutation]' && bash bench/mutation.sh
# It works in ./mutants (ignored by git), prints the score and lists the survivors;
# `mutmut show NAME` shows one. Takes tens of minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf mutants
mutmut run --max-children "${JOBS:-2}" || true
mutmut results --all true > mutants/results.txt || true
python - <<'PY'
from collections import Counter
from pathlib import Path

lines = [l.strip() for l in Path("mutants/results.txt").read_text().splitlines() if ": " in l]
status = Counter(l.rsplit(": ", 1)[1] for l in lines)
killed = status.get("killed", 0)
total = sum(status.values()) - status.get("skipped", 0)
print(dict(status))
print(f"mutation score: {killed}/{total} killed ({100 * killed / max(total, 1):.1f}%)")
for l in lines:
    if l.endswith(": survived"):
        print("survived:", l.rsplit(": ", 1)[0])
PY
