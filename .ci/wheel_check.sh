#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment and load the packaged data
# from a directory outside the source tree: proves data/ ships inside the wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/build-env"
"$work/build-env/bin/pip" install -q build
"$work/build-env/bin/python" -m build --wheel --outdir "$work/dist" . > "$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/*.whl
cd "$work"
ACUPOINTS_NO_CACHE=1 "$work/venv/bin/python" - <<'PY'
import acupoints, acupoints.loading as loading
d = loading.packaged_data_dir()
assert "site-packages" in str(d), f"data found outside the wheel: {d}"
kb = acupoints.load()
assert len(kb.standard_points) == 361, len(kb.standard_points)
assert kb["LI4"].names.hanzi == "合谷"
assert "<svg" in kb.body_map(points=["LI4"]).svg  # figure.yaml ships too
assert (d / "schemas" / "points.schema.json").is_file()
from importlib.metadata import entry_points
assert any(e.value == "acupoints.testing.plugin" for e in entry_points(group="pytest11"))
print(f"wheel ok: {len(kb)} points loaded from {d}")
PY
"$work/venv/bin/acupoints" point GV14 > /dev/null
