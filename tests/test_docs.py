"""The documentation site stays whole: every page is in the navigation, every rule and
every command is documented, and CI builds it strictly."""

from __future__ import annotations

import re
from pathlib import Path

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
    assert re.search(r"mkdocs build --strict", ci)
    assert yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["strict"] is True
