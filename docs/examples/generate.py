"""Writes what the documentation shows as output, from code run now, so that it cannot go
stale.

- Output blocks of the Markdown pages: a block between ``<!-- output: COMMAND -->`` and
  ``<!-- end output -->`` holds what COMMAND prints (an ``acupoints`` command line, run
  in-process; ``| head -N`` keeps the first N lines).
- Pictures: ``docs/img/*.svg`` named in FIGURES, each drawn by its function.
- The example notebook: docs/examples/quickstart.ipynb (cells from make_notebook.py) is
  run in a fresh kernel; the run, with its outputs, is written to
  docs/examples/quickstart-outputs.ipynb and rendered as the page
  docs/examples/quickstart.md. Both are build products (ignored by git).

Run: ``python docs/examples/generate.py`` (everything), ``--check`` (exit 1 when an
output block or picture differs from what the code gives now; the test suite runs the
same check), ``--no-notebook`` (skip the notebook, which needs the ``notebook`` extra),
``--notebook`` (only the notebook: what the docs build runs after ``--check``).
"""

from __future__ import annotations

import contextlib
import html
import importlib.util
import io
import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parents[1]
ROOT = DOCS.parent
EXAMPLES = DOCS / "examples"
PAGES = ("index.md",)
"""Pages whose output blocks are generated."""

BLOCK = re.compile(
    r"(<!-- output: (?P<command>.+?) -->\n```text\n)(?P<body>.*?)(```\n<!-- end output -->)",
    re.S,
)


def run_command(command: str) -> str:
    """What ``command`` (``acupoints ...``, optionally ``| head -N``) prints on stdout."""
    from acupoints.cli import main

    command, _, head = command.partition(" | head -")
    argv = shlex.split(command)
    if argv[0] != "acupoints":
        raise ValueError(f"an output block runs an acupoints command, not {command!r}")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(argv[1:])
    text = out.getvalue()
    if head:
        text = "".join(text.splitlines(keepends=True)[: int(head)])
    return text if text.endswith("\n") else text + "\n"


def fill_blocks(text: str) -> str:
    """``text`` with every output block holding what its command prints now."""
    return BLOCK.sub(lambda m: m.group(1) + run_command(m.group("command")) + m.group(4), text)


def _left_hand() -> str:
    import acupoints

    sel = acupoints.select("numbness on the back of my left hand and fingers", cause="diabetic")
    return sel.body_map().svg


def _sciatica_focus() -> str:
    import acupoints

    sel = acupoints.select("numb down the back of my right leg into the heel", cause="sciatica")
    return sel.body_map(focus=160).svg


FIGURES: dict[str, Callable[[], str]] = {
    "left-hand.svg": _left_hand,
    "sciatica.svg": _sciatica_focus,
}
"""Pictures of the tutorial, under docs/img/."""


def stale() -> list[str]:
    """The output blocks and pictures that differ from what the code gives now."""
    found = []
    for name in PAGES:
        path = DOCS / name
        text = path.read_text(encoding="utf-8")
        if fill_blocks(text) != text:
            found.append(str(path.relative_to(ROOT)))
    for name, draw in FIGURES.items():
        path = DOCS / "img" / name
        if not path.exists() or path.read_text(encoding="utf-8") != draw():
            found.append(str(path.relative_to(ROOT)))
    return found


def write_outputs() -> None:
    for name in PAGES:
        path = DOCS / name
        path.write_text(fill_blocks(path.read_text(encoding="utf-8")), encoding="utf-8")
    for name, draw in FIGURES.items():
        (DOCS / "img" / name).write_text(draw(), encoding="utf-8")


# ------------------------------------------------------------------ the notebook
PRIORITY = ("text/html", "image/svg+xml", "image/png", "text/markdown", "text/plain")
"""The one representation kept of each output, the first it has (as Jupyter shows it)."""


def make_notebook() -> Any:
    """The example notebook's cells, as make_notebook.py writes them (no outputs)."""
    spec = importlib.util.spec_from_file_location("make_notebook", EXAMPLES / "make_notebook.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build()


def execute(nb: Any, cwd: Path) -> Any:
    """``nb`` run top to bottom in a fresh python3 kernel (in place; returned)."""
    import nbclient

    nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    ).execute()
    return nb


def published(nb: Any) -> Any:
    """``nb`` as published: each output keeps one representation (PRIORITY), cells have no
    run metadata, and paths inside the checkout are written relative to it."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata = {}
        for out in cell.outputs:
            if "data" in out:
                kind = next(k for k in (*PRIORITY, *out["data"]) if k in out["data"])
                value = out["data"][kind]
                if isinstance(value, str):
                    value = value.replace(str(ROOT) + "/", "")
                out["data"] = {kind: value}
                out["metadata"] = {}
    return nb


def page(nb: Any) -> str:
    """The executed notebook as a Markdown page: markdown cells as they are, code in
    Python blocks, each output below its cell (HTML and SVG as they display)."""
    parts = [
        "<!-- Written by docs/examples/generate.py from quickstart.ipynb, run at build"
        " time: do not edit. -->\n",
    ]
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            parts.append(cell.source.strip() + "\n")
            if i == 0:  # under the notebook's title
                parts.append(
                    "Run in a fresh kernel when this site was built. [Download it with its "
                    "outputs](quickstart-outputs.ipynb) or [without them](quickstart.ipynb).\n"
                )
            continue
        parts.append(f"```python\n{cell.source.strip()}\n```\n")
        for out in cell.get("outputs", []):
            if out["output_type"] == "stream":
                parts.append(f"```text\n{out['text'].rstrip()}\n```\n")
            elif out["output_type"] == "error":
                raise RuntimeError(f"the notebook failed: {out['ename']}: {out['evalue']}")
            elif "data" in out:
                kind, value = next(iter(out["data"].items()))
                if kind in ("text/html", "image/svg+xml"):
                    body = "\n".join(line for line in value.splitlines() if line.strip())
                    parts.append(f'<div class="notebook-output">\n{body}\n</div>\n')
                else:
                    parts.append(f"```text\n{html.unescape(value).rstrip()}\n```\n")
    return "\n".join(parts)


def write_notebook() -> None:
    import tempfile

    import nbformat

    with tempfile.TemporaryDirectory() as cwd:
        nb = published(execute(make_notebook(), Path(cwd)))
    nbformat.write(nb, EXAMPLES / "quickstart-outputs.ipynb")
    (EXAMPLES / "quickstart.md").write_text(page(nb), encoding="utf-8")


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = stale()
        for name in found:
            print(f"{name} is stale: run python docs/examples/generate.py", file=sys.stderr)
        return 1 if found else 0
    if "--notebook" not in argv:
        write_outputs()
    if "--no-notebook" not in argv:
        write_notebook()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
