"""Writes docs/examples/quickstart.ipynb (cells without outputs; CI runs it with nbclient).

Run: python docs/examples/make_notebook.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    (
        "md",
        "# acupoints in a notebook\n\n"
        "Points, meridians and selections display as tables with a body map. "
        "acupoints is reference information for research and software: not a diagnosis, "
        "not a treatment plan.",
    ),
    ("code", "import acupoints\n\nkb = acupoints.load()\nkb"),
    ("md", "## A point, and a meridian"),
    ("code", 'kb["LI4"]'),
    ("code", 'kb.meridian("PC")'),
    (
        "md",
        "## A selection\n\nRanked points with the rule and source behind each, the "
        "protocol, aftercare, and a body map: the numb regions shaded, each point marked "
        "on the side it is used on and coloured by the group of the rule that chose it.",
    ),
    (
        "code",
        'sel = kb.select("numbness on the back of my left hand and fingers", cause="diabetic")\n'
        "sel",
    ),
    ("code", "sel.body_map()"),
    ("md", "For a patient, excluded points are listed with the reason:"),
    (
        "code",
        "pregnant = acupoints.Patient(pregnant=True, pregnancy_week=20)\n"
        'kb.select("numb soles of both feet", cause="diabetic", patient=pregnant)',
    ),
    ("md", "Symptoms that need a doctor first come on top, and no points are offered:"),
    ("code", 'kb.select("sudden numbness of the left side of my face and arm")'),
    ("md", "## Tables\n\nWith pandas installed (`pip install 'acupoints[frames]'`):"),
    ("code", "sel.to_frame()[['code', 'pinyin', 'score', 'group', 'rules']]"),
    ("code", 'kb.to_frame().groupby("meridian").size()'),
    ("md", "## Drawing anything\n\nPoints, meridians and regions on one map:"),
    (
        "code",
        'kb.body_map(points=["GV14", "BL10", "SI15"], meridians=["GB"], '
        'regions=["neck.posterior"], title="neck points and the Gallbladder meridian")',
    ),
]


def build() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.cells = [new_markdown_cell(t) if k == "md" else new_code_cell(t) for k, t in CELLS]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


if __name__ == "__main__":
    out = Path(__file__).with_name("quickstart.ipynb")
    nbformat.write(build(), out)
    print(out)
