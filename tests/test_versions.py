"""Versions: the library's version is written in one place, the data carry a version of
their own, and both travel with every selection, export and ``acupoints --version``."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import acupoints
from acupoints import KnowledgeBase, Selection
from acupoints.cli import main
from acupoints.export import (
    graph_for_export,
    meridians_document,
    node_link,
    points_document,
    write_points_csv,
)
from acupoints.loading import data_version

ROOT = Path(__file__).resolve().parent.parent


def test_version_is_written_once_in_the_package() -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        tomllib = pytest.importorskip("tomli")
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in meta["project"], "pyproject must read the version, not repeat it"
    assert "version" in meta["project"]["dynamic"]
    assert meta["tool"]["hatch"]["version"]["path"] == "src/acupoints/__init__.py"
    written = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "src").rglob("*.py"))
        if re.search(r"^__version__\s*=", p.read_text(encoding="utf-8"), re.M)
    ]
    assert written == ["src/acupoints/__init__.py"], written
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?(\.dev\d+)?", acupoints.__version__)


def test_installed_metadata_agrees_with_the_package() -> None:
    assert version("acupoints") == acupoints.__version__


def test_cli_version_prints_library_and_data_versions(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out == f"acupoints {acupoints.__version__} (data {kb.data_version})\n"


def test_cli_version_of_another_data_directory(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--data", str(ROOT / "data"), "--version"])
    assert exit_.value.code == 0
    assert re.fullmatch(r"acupoints \S+ \(data [0-9a-f]{12} from \S+\)\n", capsys.readouterr().out)


def test_cli_version_with_unreadable_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--data", str(tmp_path / "missing"), "--version"])
    assert exit_.value.code == 2
    assert "data not readable" in capsys.readouterr().err


def test_data_version_is_a_digest_of_the_content(kb: KnowledgeBase) -> None:
    assert re.fullmatch(r"[0-9a-f]{12}", kb.data_version)
    assert data_version(kb.dataset) == kb.data_version
    # the same records, however they were loaded, give the same version
    again = KnowledgeBase.from_directory(ROOT / "data")
    assert again.data_version == kb.data_version
    # any change to a record gives another
    first = kb.dataset.sources[0]
    changed = kb.dataset.model_copy(
        update={"sources": (first.model_copy(update={"title": first.title + "."}),)}
    )
    assert data_version(changed) != kb.data_version


def test_every_selection_carries_both_versions(kb: KnowledgeBase) -> None:
    sel = kb.select("numb right index finger", cause="carpal tunnel")
    assert sel.version == acupoints.__version__
    assert sel.data_version == kb.data_version
    as_json = json.loads(sel.model_dump_json())
    assert as_json["data_version"] == kb.data_version
    assert sel.to_dict()["data_version"] == kb.data_version
    assert Selection.from_dict(sel.to_dict()) == sel


def test_selections_saved_before_the_data_version_still_load(kb: KnowledgeBase) -> None:
    old = kb.select("numb left foot").to_dict()
    del old["data_version"]
    assert Selection.from_dict(old).data_version == ""


def test_exports_carry_both_versions(kb: KnowledgeBase) -> None:
    assert node_link(kb)["graph"] == {
        "name": "acupoints",
        "version": acupoints.__version__,
        "data_version": kb.data_version,
    }
    assert graph_for_export(kb).graph["data_version"] == kb.data_version
    for document in (points_document(kb), meridians_document(kb)):
        assert (document["version"], document["data_version"]) == (
            acupoints.__version__,
            kb.data_version,
        )
    out = io.StringIO()
    write_points_csv(kb, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {(r["version"], r["data_version"]) for r in rows} == {
        (acupoints.__version__, kb.data_version)
    }


def test_frames_carry_both_versions(kb: KnowledgeBase) -> None:
    pytest.importorskip("pandas")
    versions = {"version": acupoints.__version__, "data_version": kb.data_version}
    assert kb.to_frame().attrs == versions
    assert kb.select("numb right thumb").to_frame().attrs == versions


def test_changelog_has_unreleased_and_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "keepachangelog.com" in text and "semver.org" in text
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    assert headings[0] == "Unreleased", headings
    assert acupoints.__version__ in headings, headings
    for name in headings:  # every heading has its link at the foot
        assert re.search(rf"^\[{re.escape(name)}\]: \S+", text, re.M), name
