"""The example notebook (docs/examples/quickstart.ipynb) runs top to bottom in a fresh
kernel, and its outputs are the rich displays: tables, red flags, body maps."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "examples" / "quickstart.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path_factory.mktemp("nb"))}},
    )
    env_cache = os.environ.get("ACUPOINTS_CACHE_DIR")
    assert env_cache  # the test session's private cache is passed on to the kernel
    client.execute()
    return nb


def _html(cell: Any) -> str:
    return "".join(
        o.get("data", {}).get("text/html", "")
        for o in cell.get("outputs", [])
        if o.get("output_type") in ("execute_result", "display_data")
    )


def test_notebook_is_current() -> None:
    """The checked-in notebook is what make_notebook.py writes (no stale outputs)."""
    import importlib.util

    nbformat = pytest.importorskip("nbformat")
    spec = importlib.util.spec_from_file_location(
        "make_notebook", NOTEBOOK.with_name("make_notebook.py")
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    want = module.build()
    have = nbformat.read(NOTEBOOK, as_version=4)
    assert [c.source for c in have.cells] == [c.source for c in want.cells]
    assert all(not c.get("outputs") for c in have.cells if c.cell_type == "code")


def test_notebook_runs_and_displays(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    for cell in code:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, (cell.source, errors)
    by_source = {c.source.splitlines()[0]: _html(c) for c in code}
    assert "acupoints knowledge base" in by_source["import acupoints"]
    assert "Hegu" in by_source['kb["LI4"]'] and "<svg" in by_source['kb["LI4"]']
    sel = by_source[
        'sel = kb.select("numbness on the back of my left hand and fingers", cause="diabetic")'
    ]
    assert "LI4" in sel and "<svg" in sel and "acupoints is reference information" in sel
    assert "<svg" in by_source["sel.body_map()"]
    pregnant = by_source["pregnant = acupoints.Patient(pregnant=True, pregnancy_week=20)"]
    assert "Left out for this patient" in pregnant
    flagged = by_source['kb.select("sudden numbness of the left side of my face and arm")']
    assert 'role="alert"' in flagged and "EMERGENCY" in flagged
    assert "<table" in by_source["sel.to_frame()[['code', 'pinyin', 'score', 'group', 'rules']]"]


def test_the_published_page_shows_the_outputs(executed: Any) -> None:
    """docs/examples/generate.py publishes the run: one representation per output (what
    Jupyter shows), no path of this checkout, and a page with every output rendered."""
    import copy
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate", NOTEBOOK.with_name("generate.py"))
    assert spec and spec.loader
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    nb = generate.published(copy.deepcopy(executed))
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert outputs and all(len(o.get("data", {"-": 1})) == 1 for o in outputs)
    assert str(ROOT) not in str(nb)
    page = generate.page(nb)
    assert page.count('<div class="notebook-output">') == sum(
        1 for o in outputs if next(iter(o.get("data", {"text/plain": ""}))) == "text/html"
    )
    assert "Left out for this patient" in page and 'role="alert"' in page
    assert page.count("<svg") >= 5 and "<table" in page
    assert "```text\nmeridian\nBL    67" in page  # a plain-text output as text
    for cell in nb.cells:  # every cell's source is on the page, in order
        assert cell.source.strip() in page
