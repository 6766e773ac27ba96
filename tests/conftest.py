"""Fixtures in two tiers: ``tiny_kb``, a hand-drawn knowledge base for logic tests, and
``kb``, the full packaged one (session-scoped) for data tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from acupoints import KnowledgeBase
from acupoints.loading import packaged_data_dir

pytest_plugins = ["pytester"]


def _point(
    code: str,
    meridian: str | None,
    number: int,
    pinyin: str,
    hanzi: str,
    english: str,
    region: str,
    **extra: Any,
) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "code": code,
        "meridian": meridian,
        "number": number,
        "names": {
            "pinyin": pinyin,
            "hanzi": hanzi,
            "hanzi_simplified": hanzi,
            "english": english,
            "sources": ["who2008"],
        },
        "location": {
            "region": region,
            "aspects": ["dorsal"],
            "surface": "yang",
            "laterality": "bilateral",
            "description": f"Tiny test point {code}.",
            "landmarks": ["test landmark"],
            "sources": ["who2008"],
        },
    }
    rec.update(extra)
    return rec


def _meridian(code: str, partner: str, order: int, count: int, yin_yang: str) -> dict[str, Any]:
    return {
        "code": code,
        "kind": "regular",
        "names": {
            "pinyin": f"Test {code}",
            "hanzi": "經",
            "hanzi_simplified": "经",
            "english": f"{code} Meridian",
        },
        "yin_yang": yin_yang,
        "limb": "hand",
        "six_channel": "taiyin",
        "organ": "test",
        "element": "metal",
        "partner": partner,
        "same_name_partner": partner,
        "flow_order": order,
        "point_count": count,
        "course": {"limb": "arm", "surface": yin_yang, "edge": "radial"},
        "course_note": "test course",
        "sources": ["who2008"],
    }


def tiny_records() -> dict[str, list[dict[str, Any]]]:
    """A knowledge base small enough to draw::

        meridian LU (yin, flow 1)  <-interior/exterior->  meridian LI (yang, flow 2)
          LU1 Alpha 甲 (chest) -next-> LU2 Beta 乙 (hand.dorsum)
                                        |flow_next
          LI1 Gamma 丙 (hand.dorsum) -next-> LI2 Beta 丁 (hand.dorsum)
        extra point EX-UE9 Delta 戊 (hand.dorsum)

    "Beta" names two points (LU2 and LI2), so it is ambiguous.
    """
    return {
        "sources": [{"id": "who2008", "title": "WHO 2008", "kind": "standard", "used_for": "test"}],
        "meridians": [_meridian("LU", "LI", 1, 2, "yin"), _meridian("LI", "LU", 2, 2, "yang")],
        "regions": [
            {"id": "body", "name": "body", "parent": None},
            {"id": "chest", "name": "chest", "parent": "body"},
            {"id": "hand", "name": "hand", "parent": "body"},
            {"id": "hand.dorsum", "name": "back of the hand", "parent": "hand"},
        ],
        "points": [
            _point("LU1", "LU", 1, "Alpha", "甲", "First", "chest"),
            _point("LU2", "LU", 2, "Beta", "乙", "Second", "hand.dorsum"),
            _point("LI1", "LI", 1, "Gamma", "丙", "Third", "hand.dorsum"),
            _point("LI2", "LI", 2, "Beta", "丁", "Fourth", "hand.dorsum"),
            _point("EX-UE9", None, 9, "Delta", "戊", "Fifth", "hand.dorsum", group="UE"),
        ],
    }


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the test run's dataset cache out of the user's home directory."""
    import os

    os.environ.setdefault("ACUPOINTS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _no_memo_under_mutmut(request: pytest.FixtureRequest) -> None:
    """Under mutmut (bench/mutation.sh), each test starts with the packaged knowledge
    base's memos and the reader's empty. mutmut runs a mutant against the tests it saw
    call the mutated function; a test whose answers an earlier test had memoised calls
    nothing, so it was never run against the engine's mutants, and mutants it kills were
    counted as survivors. Outside mutmut the memos are kept (the suite relies on them for speed)."""
    import os

    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    from acupoints import parse
    from acupoints.engine.context import _STATIC
    from acupoints.text import compiled

    kb = request.getfixturevalue("kb")
    kb.clear_caches()  # with the texts read and parsed
    _STATIC.pop(kb, None)  # the per-data tables (neighbours, points of a region, ...)
    # the reader's and the location grammar's memos (bench/mutation_fork.py empties its
    # tables too for a mutant of the code that builds them)
    for tables in list(compiled._TABLES.values()):
        tables.fixes.clear()  # the typo look-ups
    compiled._STEMS.clear()
    parse._VOCABS.clear()
    parse._NERVE_NAMES.clear()
    getattr(parse._vocab_for, "cache_clear", lambda: None)()


@pytest.fixture
def tiny_kb() -> KnowledgeBase:
    return KnowledgeBase.from_records(**tiny_records())


@pytest.fixture(scope="session")
def kb(acupoints_kb: KnowledgeBase) -> KnowledgeBase:
    """The packaged knowledge base, from our own pytest plugin (acupoints.testing.plugin),
    so the fixture other projects use is the one our suite runs on."""
    return acupoints_kb


@pytest.fixture(scope="session")
def pristine_yaml() -> Iterator[dict[str, tuple[str, Any]]]:
    """Each packaged data file's text -> (its name, what the library's own parser made of
    it), parsed once per test process (in a fixture, so a broken file fails the tests that
    use it instead of stopping collection).

    The parsed documents are shared, not copied, by the loads of ``data_copy`` (a deep
    copy of points.yaml's cost a tenth of a load, 250 times in test_reliability): the
    library never writes to what it parsed, and this fixture checks that at the end of
    the session by parsing every file again and comparing."""
    from acupoints import loading

    out: dict[str, tuple[str, Any]] = {}
    for spec in loading.DATA_FILES:
        text = (packaged_data_dir() / spec.name).read_text(encoding="utf-8")
        out[text] = (spec.name, loading._parse_yaml(text, spec.name))
    yield out
    changed = [name for text, (name, doc) in out.items() if loading._parse_yaml(text, name) != doc]
    assert not changed, f"a test or the library wrote to the parsed documents of {changed}"


@pytest.fixture
def data_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pristine_yaml: dict[str, tuple[str, Any]]
) -> Path:
    """A writable copy of the packaged data directory, for breaking on purpose.

    While the test runs, a file whose text is still exactly the packaged file of that name
    is given what the library's parser made of that text earlier in the session (the
    parser is a pure function of the text); any other text, the file a test broke among
    them, goes through the real parser. A test that breaks one file of fourteen parses
    that one: parsing the YAML was most of a load."""
    from acupoints import loading

    dest = tmp_path / "data"
    shutil.copytree(packaged_data_dir(), dest)
    original = loading._parse_yaml
    loader = loading._strict_loader  # what parsed the pristine documents

    def parse(text: str, file: str) -> Any:
        found = pristine_yaml.get(text)
        if found is not None and Path(file).name == found[0] and loading._strict_loader is loader:
            return found[1]
        # a broken file, or a test that swapped the loader (test_validate's pure-Python
        # parser reads every file, as before)
        return original(text, file)

    monkeypatch.setattr(loading, "_parse_yaml", parse)
    return dest
