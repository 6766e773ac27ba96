"""The README's two commands are what a newcomer pastes and what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)\n```", (ROOT / "README.md").read_text("utf-8"), re.S)


def test_readme_opens_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    first, second = blocks()[:2]
    assert text.index(first) < text.index("## ")  # before any section
    for cmd in (first, second):
        assert cmd.startswith("python3 -m venv .venv && .venv/bin/pip install -q -e ")
        assert "\n" not in cmd
    assert "-m acupoints select " in first
    assert second.endswith(".venv/bin/python -m pytest -q -n auto")


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "readme_command 1" in ci and "readme_command 0" in ci
    assert 'eval "$test_command"' in ci
