"""The layers of docs/architecture.md: nothing flows backwards at import time.

The records, the loading and the knowledge base import no reader, engine or renderer at
module level (their conveniences, such as ``Selection.body_map()`` or ``kb.select()``,
import what they delegate to inside the method), and a first answer imports neither
networkx nor the renderers.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "acupoints"

LOWER = (
    "errors",
    "vocab",
    "names",
    "_fast",
    "_record",
    "models",
    "rules",
    "safety",
    "_models_rare",
    "selection",
    "text.lexicon",
    "_lexicon_rare",
    "loading",
    "_from_yaml",
    "integrity",
    "prebuilt",
    "_prebuild",
    "index",
    "_point_index",
    "anatomy",
    "kb",
    "graph",
)
"""Records, loading and the knowledge base (docs/architecture.md, layers 1-3)."""

UPPER = ("parse", "text", "engine", "html", "figure", "export", "cli", "batch", "testing")
"""The reader, the engine and the outputs (layers 4-6); ``text.lexicon`` (the records of
text.yaml) is a record module."""


def _upper(module: str) -> bool:
    name = module.removeprefix("acupoints.")
    if name == "text.lexicon" or name == "text":  # the package itself imports nothing
        return False
    return any(name == u or name.startswith(u + ".") for u in UPPER)


def _module_level_imports(path: Path, package: str) -> set[str]:
    """Modules of ours imported at module level (not inside a function, not only for
    type checking)."""
    out = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for n in ast.walk(node):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                break
            if isinstance(n, ast.ImportFrom) and n.level:
                base = package.split(".")[: len(package.split(".")) - (n.level - 1)]
                target = ".".join(base + ([n.module] if n.module else []))
                names = [target] if n.module else [f"{target}.{a.name}" for a in n.names]
                out.update(names)
    return out


@pytest.mark.parametrize("module", LOWER)
def test_lower_layers_import_nothing_above_them(module: str) -> None:
    path = SRC / (module.replace(".", "/") + ".py")
    package = "acupoints" + ("." + module.rsplit(".", 1)[0] if "." in module else "")
    above = sorted(m for m in _module_level_imports(path, package) if _upper(m))
    assert not above, (
        f"acupoints.{module} imports {above} at module level: import it inside the "
        "method that needs it (a short delegate), see docs/architecture.md"
    )


def test_the_lower_layers_load_without_the_upper_ones() -> None:
    """Importing every lower module and loading the packaged data pulls in no reader,
    engine or renderer, and no networkx (checked in a fresh process, transitively)."""
    code = (
        "import sys, importlib\n"
        f"for m in {LOWER!r}:\n"
        "    importlib.import_module('acupoints.' + m)\n"
        "import acupoints\n"
        "acupoints.load()\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout.split()
    above = [m for m in loaded if m.startswith("acupoints.") and _upper(m)]
    assert not above, above
    assert "networkx" not in loaded


def test_a_first_answer_leaves_out_what_only_other_paths_use() -> None:
    """Memory (tracemalloc, issue 18): modules a first answer does not use are imported
    where they are used: difflib (and heapq) for suggestions after a miss, json for
    ``to_json``/``from_json``, string for checking a rule's reason, yaml for reading
    data files, networkx for the graph, ``acupoints._prebuild`` for building the prebuilt
    file, ``acupoints.text._compile`` for building the reader's tables of data without
    the prebuilt file (checked in a fresh process)."""
    code = (
        "import sys, acupoints\n"
        "print(acupoints.select('numb back of my left hand').codes)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    left_out = {"difflib", "heapq", "json", "string", "yaml", "networkx", "acupoints._prebuild"}
    left_out.add("acupoints.text._compile")
    assert loaded.isdisjoint(left_out), sorted(loaded & left_out)
    # and they still work where they are used
    import acupoints

    with pytest.raises(acupoints.AcupointsError, match="LI4"):
        acupoints.load().point("LI44")
    assert acupoints.Patient.from_json(acupoints.Patient(pregnant=True).to_json()).pregnant
    from acupoints import _prebuild, prebuilt

    assert prebuilt.build is _prebuild.build
    from acupoints.text import _compile, compiled

    kb = acupoints.load()
    assert _compile._build(kb).vocab == compiled.tables(kb).vocab


# one child process per module, forked from a parent that has imported only the
# third-party libraries below (never acupoints or hypothesis): each child is a fresh
# interpreter as far as the package is concerned, and starting one costs a fork, not a
# Python start-up. Without fork (Windows), one interpreter per module.
_IMPORT_EACH_FIRST = r"""
import importlib, os, sys, traceback
modules = sys.argv[1:]
if not hasattr(os, "fork"):
    import subprocess
    for name in modules:
        done = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True,
                              text=True)
        if done.returncode:
            print(f"{name}: {done.stderr.strip().splitlines()[-1]}")
    sys.exit(0)
import networkx, pydantic, yaml  # noqa: F401 - shared by the children, none of ours
assert not [m for m in sys.modules if m.split(".")[0] in ("acupoints", "hypothesis")]
for name in modules:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            importlib.import_module(name)
        except BaseException:
            os.write(write, traceback.format_exc().strip().splitlines()[-1].encode())
            os._exit(1)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    if status:
        print(f"{name}: {message or status}")
"""


def package_modules() -> list[str]:
    """Every module of the package, from the source tree (``__main__`` left out: importing
    it runs the command line)."""
    names = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] != "__main__":
            names.append(".".join(parts))
    return names


def test_every_module_can_be_imported_first() -> None:
    """Importing any module of the package first, in a fresh interpreter, works: no
    circular import whichever way in (``acupoints.testing.strategies`` first once failed:
    it imports hypothesis, whose entry point loaded the hook from the half-imported
    strategies module)."""
    modules = package_modules()
    assert "acupoints.testing.strategies" in modules and len(modules) > 40
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH_FIRST, *modules],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "", f"modules that fail when imported first:\n{done.stdout}"
