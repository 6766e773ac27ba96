#!/usr/bin/env bash
# Build the sdist and the wheel (from the sdist), install the wheel into a fresh virtual
# environment and load the packaged data from a directory outside the source tree: proves
# data/ ships inside the wheel, and that the licences, the version and the data version
# ship with it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/build-env"
"$work/build-env/bin/pip" install -q build
"$work/build-env/bin/python" -m build --outdir "$work/dist" . > "$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/*.whl
cd "$work"
ACUPOINTS_NO_CACHE=1 "$work/venv/bin/python" - <<'PY'
import acupoints, acupoints.loading as loading
d = loading.packaged_data_dir()
assert "site-packages" in str(d), f"data found outside the wheel: {d}"
from acupoints import prebuilt
assert prebuilt.artifact_path().is_file(), "the prebuilt dataset is missing from the wheel"
assert prebuilt.read(d) is not None, "the prebuilt dataset does not match the data files"
found = prebuilt.read_all(d)
assert found is not None and found[2] is not None, "the reader's tables are not prebuilt"
kb = acupoints.load()
assert len(kb.standard_points) == 361, len(kb.standard_points)
assert kb["LI4"].names.hanzi == "合谷"
assert "<svg" in kb.body_map(points=["LI4"]).svg  # figure.yaml ships too
assert (d / "schemas" / "points.schema.json").is_file()
from importlib.metadata import entry_points
assert any(e.value == "acupoints.testing.plugin" for e in entry_points(group="pytest11"))
from importlib.metadata import files, version
assert version("acupoints") == acupoints.__version__, (version("acupoints"), acupoints.__version__)
licences = {str(f) for f in files("acupoints") if f.name == "LICENSE"}
assert any(f.endswith(".dist-info/licenses/LICENSE") for f in licences), licences
assert "MIT License" in (d / "LICENSE").read_text(encoding="utf-8")  # the data licence
sel = kb.select("numb right index finger")
assert sel.data_version == kb.data_version and len(kb.data_version) >= 12, sel.data_version
print(f"wheel ok: {len(kb)} points loaded from {d}, data {kb.data_version}")
PY
listing=$(tar -tzf "$work"/dist/*.tar.gz)
for f in LICENSE data/LICENSE CHANGELOG.md CITATION.cff; do
  grep -q "^acupoints-[^/]*/$f\$" <<<"$listing" || { echo "$f missing from the sdist"; exit 1; }
done
printed=$("$work/venv/bin/acupoints" --version)
wanted=$("$work/venv/bin/python" -c 'import acupoints; print(acupoints.__version__)')
grep -Eq "^acupoints $wanted \(data [0-9a-f]{12}\)$" <<<"$printed" \
  || { echo "acupoints --version printed '$printed'"; exit 1; }
"$work/venv/bin/acupoints" point GV14 > /dev/null
