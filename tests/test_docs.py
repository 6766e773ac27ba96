"""The documentation site stays whole: every page is in the navigation, every rule and
every command is documented, and CI builds it strictly."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from acupoints import KnowledgeBase
from acupoints.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def nav_pages() -> set[str]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.add(node)
        elif isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(config["nav"])
    return found


def test_every_page_is_in_the_navigation() -> None:
    pages = {p.name for p in DOCS.glob("*.md")}
    assert pages == nav_pages()


def test_every_rule_is_documented_with_its_sources(kb: KnowledgeBase) -> None:
    text = (DOCS / "selection.md").read_text(encoding="utf-8")
    for rule in kb.rules:
        assert f"`{rule.id}`" in text or rule.id in text, rule.id


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"`acupoints {name}" in text, name


def test_ci_builds_the_site_strictly() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"zensical build --strict", ci)
    assert "mkdocs build" not in ci and "NO_MKDOCS_2_WARNING" not in ci
    assert yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["strict"] is True
    extra = tomllib_load()["project"]["optional-dependencies"]["docs"]
    assert any(re.fullmatch(r"zensical==0\.\d+\.\d+(;.*)?", d) for d in extra), extra


def tomllib_load() -> dict[str, Any]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")
    return dict(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8")))


def test_api_pages_show_no_sphinx_roles() -> None:
    """Zensical runs no MkDocs hooks: the griffe extension named in mkdocs.yml turns every
    :class:`X` of the docstrings into `X` on the API pages."""
    griffe = pytest.importorskip("griffe")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    python = config["plugins"][1]["mkdocstrings"]["handlers"]["python"]
    (spec,) = python["options"]["extensions"]
    path, _, name = spec.partition(":")
    assert (ROOT / path).is_file()
    extensions = griffe.load_extensions({str(ROOT / path): {}})
    package = griffe.load(
        "acupoints", search_paths=[str(ROOT / "src")], extensions=extensions, resolve_aliases=False
    )
    role = re.compile(r":(?:class|meth|func|mod|data|attr|exc|obj):`")
    left: list[str] = []

    def walk(obj: Any) -> None:
        if obj.is_alias:
            return
        if obj.docstring is not None and role.search(obj.docstring.value):
            left.append(obj.path)
        for member in obj.members.values():
            walk(member)

    walk(package)
    assert not left, f"Sphinx roles left in the docstrings of {left}"
    assert name == "SphinxRoles"
