"""Build hook: the packaged dataset, checked once here instead of on every cold start.

Loads ``data/`` with every check the library runs (``acupoints.prebuilt.build``) and
ships the result in the wheel as ``acupoints/_dataset.pickle``; an editable install
(``pip install -e .``) writes it next to the sources instead (``src/acupoints``, ignored
by git). The data files ship as before, and a prebuilt dataset that no longer matches
them is ignored at load (see ``src/acupoints/prebuilt.py``). Data that fails a check
fails the build.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class PrebuiltDataset(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from acupoints.prebuilt import ARTIFACT, build
        finally:
            sys.path.pop(0)
        if version == "editable":
            build(root / "data", root / "src" / "acupoints" / ARTIFACT)
            return
        self._dir = tempfile.TemporaryDirectory(prefix="acupoints-build-")
        target = Path(self._dir.name) / ARTIFACT
        build(root / "data", target)
        build_data["force_include"][str(target)] = f"acupoints/{ARTIFACT}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_dir", None)
        if tmp is not None:
            tmp.cleanup()
