"""Legal and provenance: the licences ship, every source states its terms and can be
found, and the citation file agrees with the package metadata."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from acupoints import KnowledgeBase
from acupoints.loading import packaged_data_dir

from .test_data_integrity import offenders

ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        tomllib = pytest.importorskip("tomli")
    meta: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return meta["project"]


def test_licence_file_is_the_mit_licence_of_the_authors() -> None:
    project = _pyproject()
    assert project["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    holders = ", ".join(a["name"] for a in project["authors"])
    assert re.search(rf"^Copyright \(c\) \d{{4}} {re.escape(holders)}$", text, re.M), holders
    assert set(project["license-files"]) == {"LICENSE", "data/LICENSE"}


def test_the_data_carry_their_licence() -> None:
    text = (packaged_data_dir() / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text and "sources.yaml" in text


def test_every_source_states_its_terms(kb: KnowledgeBase) -> None:
    bad = [s.id for s in kb.sources if not (s.license or "").strip()]
    assert not bad, offenders(bad) + (
        "\nGive each a `license:` in data/sources.yaml: the licence or terms the source "
        "states, or 'not stated; facts only were taken' when none could be read."
    )


def test_no_source_points_outside_the_repository(kb: KnowledgeBase) -> None:
    local = re.compile(r"^(/|\.{1,2}/|~/|file:)|(^|\s)shared/|\.txt$")
    bad = [
        f"{s.id}: {value}"
        for s in kb.sources
        for value in (s.identifier, s.url)
        if value and local.search(value)
    ]
    assert not bad, offenders(bad) + "\nName a public address, DOI, ISBN or repository instead."


def test_every_web_page_has_an_address(kb: KnowledgeBase) -> None:
    bad = [s.id for s in kb.sources if s.kind == "website" and not s.url]
    assert not bad, offenders(bad)


@pytest.mark.parametrize("sid", [f"seed00{i}" for i in range(5)])
def test_seed_pages_say_what_is_known(kb: KnowledgeBase, sid: str) -> None:
    s = kb.source(sid)
    assert s.url and s.url.startswith("https://"), sid
    assert s.note, f"{sid}: say what the page is and what is not known about it"
    if s.author is None:
        assert "no author" in s.note, f"{sid}: say plainly that no author is known"
    if s.year is None:
        assert re.search(r"\bno\b[^.]*\bdate\b|year is not known", s.note), f"{sid}: no date?"


def test_citation_file_agrees_with_the_package() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = _pyproject()
    assert cff["cff-version"] == "1.2.0"
    assert {"cff-version", "message", "title", "authors"} <= cff.keys()
    assert cff["license"] == project["license"]
    assert [a["name"] for a in cff["authors"]] == [a["name"] for a in project["authors"]]
    assert cff["repository-code"] == project["urls"]["Source"]
    assert "version" not in cff, "the version is written once, in acupoints/__init__.py"
