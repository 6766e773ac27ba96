"""Validation of a data directory with many problems (issue 18): every problem is named by
file, entry, field and line, and the YAML is composed for lines once per file, not once
per problem (that made 40 problems in points.yaml take 78 s)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import acupoints
from acupoints import loading


def break_points(path: Path, count: int) -> list[tuple[str, str, int]]:
    """Break the ``number`` of the first ``count`` points of points.yaml, four ways in
    turn (not a number, an unknown field next to it, below 1, a list); the expected
    (entry, field, line) of each problem, in file order."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out: list[str] = []
    expected: list[tuple[str, str, int]] = []
    code = ""
    for line in lines:
        if line.startswith("- code: "):
            code = line.split(":", 1)[1].strip()
        if line.startswith("  number: ") and len(expected) < count:
            kind = len(expected) % 4
            if kind == 0:
                line = "  number: zz\n"
            elif kind == 1:
                out.append(line)
                line = "  colour: red\n"
            elif kind == 2:
                line = line.replace("number: ", "number: -")
            else:
                line = "  number: [" + line.split(":", 1)[1].strip() + "]\n"
            field = "colour" if kind == 1 else "number"
            expected.append((code, field, len(out) + 1))
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")
    return expected


def test_forty_problems_are_all_named_with_their_lines(data_copy: Path) -> None:
    expected = break_points(data_copy / "points.yaml", 40)
    problems = acupoints.validate(data_copy)
    assert [(p.entry, p.field, p.line) for p in problems] == expected
    assert {p.file for p in problems} == {str(data_copy / "points.yaml")}
    first = str(problems[0])
    assert first.startswith(f"{data_copy / 'points.yaml'}:{expected[0][2]}, entry 'LU1'")


def test_the_yaml_is_composed_once_per_file_with_problems(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    break_points(data_copy / "points.yaml", 40)
    path = data_copy / "meridians.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  flow_order: 1\n", "  flow_order: one\n", 1),
        encoding="utf-8",
    )
    composed: list[Any] = []
    original = yaml.compose

    def counting(stream: Any, Loader: Any = None) -> Any:
        composed.append(Loader)
        return original(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "compose", counting)
    problems = acupoints.validate(data_copy)
    assert len(problems) == 41
    assert len(composed) == 2  # points.yaml and meridians.yaml, each once
    if getattr(yaml, "__with_libyaml__", False):
        assert all(loader is yaml.CSafeLoader for loader in composed)


def test_lines_are_the_same_without_libyaml(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = break_points(data_copy / "points.yaml", 6)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    monkeypatch.setattr(loading, "_strict_loader", loading._strict_loader.__wrapped__)
    problems = acupoints.validate(data_copy)
    assert [(p.entry, p.field, p.line) for p in problems] == expected


def test_validate_command_lists_every_problem_as_json(data_copy: Path) -> None:
    expected = break_points(data_copy / "points.yaml", 40)
    run = subprocess.run(
        [sys.executable, "-m", "acupoints", "validate", str(data_copy), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr
    listed = json.loads(run.stdout)
    assert [(p["entry"], p["field"], p["line"]) for p in listed] == expected
    assert all(p["file"] == str(data_copy / "points.yaml") for p in listed)
