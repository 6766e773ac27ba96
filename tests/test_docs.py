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
    nav = nav_pages()
    assert pages == {page for page in nav if "/" not in page}
    # the one page below docs/ is the example notebook, written at build time
    assert {page for page in nav if "/" in page} == {"examples/quickstart.md"}


def test_the_navigation_is_tutorial_howto_reference_explanation() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    sections = [next(iter(entry)) for entry in config["nav"]]
    assert sections == ["Tutorial", "How-to guides", "Reference", "Explanation"]
    first = next(iter(config["nav"][0]["Tutorial"][0].values()))
    assert first == "index.md"
    howto = [next(iter(e.values())) for e in config["nav"][1]["How-to guides"]]
    assert howto[0] == "install.md"


def _generate() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate", DOCS / "examples" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tutorial_outputs_and_pictures_are_current() -> None:
    """The terminal output and pictures on the tutorial are what the code gives now
    (regenerate: python docs/examples/generate.py)."""
    generate = _generate()
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    assert len(generate.BLOCK.findall(text)) >= 2
    for name in generate.FIGURES:
        assert f"(img/{name})" in text, name
    assert generate.stale() == [], "run python docs/examples/generate.py"


def test_a_stale_output_block_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generate = _generate()
    page = tmp_path / "index.md"
    page.write_text(
        "<!-- output: acupoints point LI4 | head -1 -->\n```text\nLI4  Hegu\n```\n"
        "<!-- end output -->\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(generate, "DOCS", tmp_path)
    monkeypatch.setattr(generate, "ROOT", tmp_path)
    monkeypatch.setattr(generate, "FIGURES", {})
    assert generate.stale() == ["index.md"]
    generate.write_outputs()
    assert generate.stale() == []
    assert "LI4  Hegu  合谷  Joining Valley" in page.read_text(encoding="utf-8")


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
    check, notebook, build = (
        ci.index("generate.py --check"),
        ci.index("generate.py --notebook"),
        ci.index("zensical build"),
    )
    assert check < notebook < build  # the notebook's page exists before the build
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
