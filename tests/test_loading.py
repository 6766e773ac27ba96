"""Loading: the packaged data, someone else's directory, and every way a file can be broken.

Each broken copy must give a :class:`DataError` naming the file, the entry, the field and,
where YAML knows it, the line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import acupoints
from acupoints import DataError, KnowledgeBase
from acupoints.loading import MAX_FILE_BYTES, packaged_data_dir


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def load_error(directory: Path) -> DataError:
    with pytest.raises(DataError) as exc:
        acupoints.load(directory)
    return exc.value


def test_load_is_cached_and_shared() -> None:
    assert acupoints.load() is acupoints.load()


def test_load_path_gives_a_fresh_equal_kb(data_copy: Path) -> None:
    kb = acupoints.load(data_copy)
    assert kb is not acupoints.load()
    assert kb.points == acupoints.load().points
    assert kb.origin == str(data_copy)


def test_packaged_data_dir_holds_the_files() -> None:
    d = packaged_data_dir()
    for name in ("points.yaml", "meridians.yaml", "regions.yaml", "sources.yaml"):
        assert (d / name).is_file()


def test_validate_reports_nothing_for_good_data(data_copy: Path) -> None:
    assert acupoints.validate() == []
    assert acupoints.validate(data_copy) == []


def test_data_error_is_a_value_error() -> None:
    err = DataError("x", file="points.yaml", entry="LI4", field="names.pinyin", line=7)
    assert isinstance(err, ValueError) and isinstance(err, acupoints.AcupointsError)
    assert str(err) == "points.yaml:7, entry 'LI4', field 'names.pinyin': x"


def test_yaml_syntax_error_names_file_and_line(data_copy: Path) -> None:
    path = data_copy / "points.yaml"
    edit(path, "  names:\n    pinyin: Hegu", "  names:\n    pinyin: [Hegu")
    err = load_error(data_copy)
    assert err.file == str(path)
    assert err.line is not None and abs(err.line - line_of(path, "pinyin: [Hegu")) <= 2
    assert "invalid YAML" in str(err)


def test_unknown_field(data_copy: Path) -> None:
    path = data_copy / "points.yaml"
    edit(path, "    pinyin: Hegu\n", "    pinyin: Hegu\n    pinyn: Hegu\n")
    err = load_error(data_copy)
    assert (err.entry, err.field) == ("LI4", "names.pinyn")
    assert err.line == line_of(path, "pinyn: Hegu")
    assert "unknown field" in str(err)


def test_missing_field(data_copy: Path) -> None:
    path = data_copy / "points.yaml"
    edit(path, "    pinyin: Hegu\n", "")
    err = load_error(data_copy)
    assert (err.entry, err.field) == ("LI4", "names.pinyin")
    assert "missing" in str(err)


def test_wrong_type(data_copy: Path) -> None:
    path = data_copy / "points.yaml"
    text = path.read_text(encoding="utf-8")
    block = text[text.index("- code: LI4\n") :]
    old = block[: block.index("  number: 4\n") + len("  number: 4\n")]
    edit(path, old, old.replace("  number: 4\n", "  number: four\n"))
    err = load_error(data_copy)
    assert (err.entry, err.field) == ("LI4", "number")
    assert err.line == line_of(path, "number: four")


def test_bad_vocabulary_value(data_copy: Path) -> None:
    path = data_copy / "points.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- code: LI4\n")
    i = text.index("    surface: yang\n", start)
    path.write_text(
        text[:i] + "    surface: outer\n" + text[i + len("    surface: yang\n") :], encoding="utf-8"
    )
    err = load_error(data_copy)
    assert (err.entry, err.field) == ("LI4", "location.surface")
    assert "'yin' or 'yang'" in str(err)


def test_code_that_contradicts_meridian(data_copy: Path) -> None:
    edit(
        data_copy / "points.yaml", "- code: LI4\n  meridian: LI\n", "- code: LI4\n  meridian: ST\n"
    )
    err = load_error(data_copy)
    assert err.entry == "LI4" and "does not match meridian" in str(err)


def test_duplicate_code(data_copy: Path) -> None:
    edit(
        data_copy / "points.yaml",
        "- code: LI5\n  meridian: LI\n  number: 5\n",
        "- code: LI4\n  meridian: LI\n  number: 4\n",
    )
    err = load_error(data_copy)
    assert err.file == str(data_copy / "points.yaml") and err.entry == "LI4"
    assert "appears 2 times" in str(err)
    # the same mistake also breaks the LI count
    assert any("point_count" in (p.field or "") for p in err.problems)


def test_duplicate_yaml_key_is_not_silently_dropped(data_copy: Path) -> None:
    path = data_copy / "points.yaml"
    edit(path, "    pinyin: Hegu\n", "    pinyin: Hegu\n    pinyin: Hoku\n")
    err = load_error(data_copy)
    assert "duplicate key 'pinyin'" in str(err)
    assert err.line == line_of(path, "pinyin: Hoku")


def test_two_points_claim_one_alias(data_copy: Path) -> None:
    path = data_copy / "points.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- code: ST36\n")
    i = text.index("  location:\n", start)
    alias = "  aliases:\n  - name: 合谷\n    kind: hanzi\n    sources: [who2008]\n"
    if text[start:i].count("  aliases:\n"):
        alias = "  - name: 合谷\n    kind: hanzi\n    sources: [who2008]\n"
    path.write_text(text[:i] + alias + text[i:], encoding="utf-8")
    err = load_error(data_copy)
    assert "claimed by both LI4 and ST36" in str(err)
    assert err.entry == "ST36" and err.field is not None and err.field.startswith("aliases.")


def test_point_on_unknown_meridian_group(data_copy: Path) -> None:
    edit(data_copy / "meridians.yaml", "  - code: LR\n", "  - code: LX\n")
    err = load_error(data_copy)
    assert err.file is not None and err.file.endswith("meridians.yaml")
    assert err.field == "code"


def test_point_refers_to_missing_meridian(data_copy: Path) -> None:
    path = data_copy / "meridians.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - code: CV\n")
    end = text.index("vessels:\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    err = load_error(data_copy)
    messages = [str(p) for p in err.problems]
    assert any("unknown meridian 'CV'" in m and "CV1" in m for m in messages), messages


def test_wrong_count(data_copy: Path) -> None:
    edit(data_copy / "meridians.yaml", "    point_count: 20\n", "    point_count: 21\n")
    err = load_error(data_copy)
    assert (err.file, err.entry, err.field) == (
        str(data_copy / "meridians.yaml"),
        "LI",
        "point_count",
    )
    assert "LI21" in str(err)


def test_unknown_region(data_copy: Path) -> None:
    edit(data_copy / "points.yaml", "    region: hand.dorsum\n", "    region: hand.dorsal\n")
    err = load_error(data_copy)
    assert err.field == "location.region" and "hand.dorsal" in str(err)


def test_cause_names_an_unknown_nerve(data_copy: Path) -> None:
    edit(data_copy / "causes.yaml", "    nerves: [median]\n", "    nerves: [medain]\n")
    err = load_error(data_copy)
    assert Path(err.file or "").name == "causes.yaml"
    assert (err.entry, err.field) == ("carpal_tunnel", "nerves.0")
    assert "unknown nerve 'medain' (not in nerves.yaml)" in str(err)


def test_unknown_source(data_copy: Path) -> None:
    edit(data_copy / "points.yaml", "sources: [who2008,", "sources: [who2009,")
    err = load_error(data_copy)
    assert "unknown source 'who2009'" in str(err) and err.field is not None


def test_region_cycle(data_copy: Path) -> None:
    edit(
        data_copy / "regions.yaml",
        "- id: hand\n  name: hand\n  parent: upper_limb\n",
        "- id: hand\n  name: hand\n  parent: hand.dorsum\n",
    )
    err = load_error(data_copy)
    assert any("cycle" in str(p) for p in err.problems)


def test_unmutual_partner(data_copy: Path) -> None:
    edit(data_copy / "meridians.yaml", "    partner: LI\n", "    partner: ST\n")
    err = load_error(data_copy)
    assert err.entry == "LU" and err.field == "partner" and "not mutual" in str(err)


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "regions.yaml").unlink()
    err = load_error(data_copy)
    assert err.file is not None and err.file.endswith("regions.yaml")
    assert "not found" in str(err)


def test_not_a_directory(tmp_path: Path) -> None:
    err = load_error(tmp_path / "nowhere")
    assert "not a directory" in str(err)


def test_top_level_not_a_mapping(data_copy: Path) -> None:
    (data_copy / "sources.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    err = load_error(data_copy)
    assert err.file is not None and err.file.endswith("sources.yaml")
    assert "top level must be a mapping" in str(err)


def test_unknown_section(data_copy: Path) -> None:
    path = data_copy / "regions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "extras: []\n", encoding="utf-8")
    err = load_error(data_copy)
    assert err.field == "extras" and "unknown top-level section" in str(err)


def test_section_not_a_list(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("surfaces: []\nregions: {body: 1}\n", encoding="utf-8")
    err = load_error(data_copy)
    assert err.field == "regions" and "must be a list" in str(err)


def test_entry_not_a_mapping(data_copy: Path) -> None:
    path = data_copy / "regions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: body\n")
    end = text.index("- id: head\n")
    path.write_text(text[:start] + "- body\n" + text[end:], encoding="utf-8")
    err = load_error(data_copy)
    assert err.entry == "#1" and "must be a mapping" in str(err)


def test_not_utf8(data_copy: Path) -> None:
    (data_copy / "sources.yaml").write_bytes(b"sources: [\xff\xfe]\n")
    err = load_error(data_copy)
    assert "not UTF-8" in str(err)


def test_file_too_large_is_refused(data_copy: Path) -> None:
    path = data_copy / "sources.yaml"
    with path.open("ab") as fh:
        fh.write(b"#" * (MAX_FILE_BYTES + 1))
    err = load_error(data_copy)
    assert "over the limit" in str(err)


def test_yaml_tags_that_run_code_are_refused(data_copy: Path) -> None:
    path = data_copy / "sources.yaml"
    edit(path, "sources:\n", "sources: !!python/object/apply:os.system ['echo pwned']\n")
    err = load_error(data_copy)
    assert "invalid YAML" in str(err)


def test_every_problem_is_collected(data_copy: Path) -> None:
    edit(data_copy / "points.yaml", "    pinyin: Hegu\n", "    pinyin: hegu\n")
    edit(data_copy / "points.yaml", "    pinyin: Quchi\n", "    pinyin: quchi\n")
    problems = acupoints.validate(data_copy)
    assert {p.entry for p in problems} >= {"LI4", "LI11"}


def test_from_records_rejects_bad_records() -> None:
    from tests.conftest import tiny_records

    recs = tiny_records()
    recs["points"][0]["number"] = "one"
    with pytest.raises(DataError) as exc:
        KnowledgeBase.from_records(**recs)
    assert exc.value.file == "<records>" and "points" in (exc.value.entry or "")


@pytest.mark.parametrize(
    ("escape", "char"),
    [("\\x1f", "U+001F"), ("\\0", "U+0000"), ("\\uffff", "U+FFFF")],
)
def test_text_with_a_character_xml_forbids_is_refused(
    data_copy: Path, escape: str, char: str
) -> None:
    # a control character would make the GraphML, SVG and HTML unreadable: refused and
    # named (YAML itself refuses a lone surrogate, "\ud800")
    points = data_copy / "points.yaml"
    edit(points, "    english: Joining Valley\n", f'    english: "Join{escape}"\n')
    err = load_error(data_copy)
    assert Path(err.file or "").name == "points.yaml"
    assert (err.entry, err.field) == ("LI4", "names.english")
    assert f"text holds {char}, a character XML 1.0 forbids" in str(err)


# a lone surrogate is refused by the record's own validation (named by its place)
@pytest.mark.parametrize(("bad", "entry"), [("ha\x07nd", "hand"), ("ha\ud800nd", "regions.2")])
def test_records_with_a_control_character_or_lone_surrogate_are_refused(
    bad: str, entry: str
) -> None:
    from tests.conftest import tiny_records

    recs = tiny_records()
    recs["regions"][2]["name"] = bad
    with pytest.raises(DataError) as exc:
        KnowledgeBase.from_records(**recs)
    assert (exc.value.entry, exc.value.field) == (entry, "name")


def test_error_messages_never_leak_a_pydantic_traceback(data_copy: Path) -> None:
    edit(data_copy / "points.yaml", "    pinyin: Hegu\n", "    pinyin: 42\n")
    err = load_error(data_copy)
    assert "pydantic" not in str(err).lower()
    assert err.__cause__ is None
    assert err.__context__ is None or err.__suppress_context__
    assert re.search(r"points\.yaml:\d+, entry 'LI4', field 'names\.pinyin'", str(err))


def test_cache_hit_miss_and_corruption(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acupoints.loading import read_dataset

    cache = tmp_path / "cache"
    monkeypatch.setenv("ACUPOINTS_CACHE_DIR", str(cache))
    first = read_dataset(data_copy)
    files = list(cache.glob("*.json"))
    assert len(files) == 1
    assert read_dataset(data_copy) == first  # served from the cache
    files[0].write_text("{not json", encoding="utf-8")  # corrupt it
    assert read_dataset(data_copy) == first  # ignored, rebuilt, rewritten
    assert files[0].read_bytes().startswith(b"acupoints-cache 4 ")
    # valid JSON whose checksum disagrees (a hand edit, a flipped bit) is not trusted
    head, body = files[0].read_bytes().split(b"\n", 1)
    files[0].write_bytes(head + b"\n" + body.replace(b'"Hegu"', b'"Hoku"', 1))
    again = read_dataset(data_copy)
    assert (
        again == first and next(p for p in again.points if p.code == "LI4").names.pinyin == "Hegu"
    )
    edit(data_copy / "points.yaml", "    pinyin: Hegu\n", "    pinyin: Hoku\n")
    changed = read_dataset(data_copy)  # a changed file misses the cache
    assert next(p for p in changed.points if p.code == "LI4").names.pinyin == "Hoku"
    assert len(list(cache.glob("*.json"))) == 2


def test_old_cache_files_are_pruned(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every edit makes a new cache file; only the CACHE_KEEP most recently used stay,
    and the one just used is never the one removed."""
    import os

    from acupoints.loading import CACHE_KEEP, read_dataset

    cache = tmp_path / "cache"
    monkeypatch.setenv("ACUPOINTS_CACHE_DIR", str(cache))
    stranger = cache / "notes.json"  # not ours: left alone
    cache.mkdir()
    stranger.write_text("{}", encoding="utf-8")
    path = data_copy / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    made = []
    for i in range(CACHE_KEEP + 3):
        path.write_text(text + f"# edit {i}\n", encoding="utf-8")
        read_dataset(data_copy)
        newest = max((p for p in cache.glob("*.json") if p != stranger), key=os.path.getmtime)
        made.append(newest.name)
        os.utime(newest, (1_000_000 + i, 1_000_000 + i))  # make the order unambiguous
    left = {p.name for p in cache.glob("*.json")} - {stranger.name}
    assert len(left) == CACHE_KEEP
    assert made[-1] in left and made[0] not in left
    assert stranger.exists()


def test_cache_can_be_turned_off(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acupoints.loading import cache_dir, read_dataset

    monkeypatch.setenv("ACUPOINTS_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("ACUPOINTS_NO_CACHE", "1")
    assert cache_dir() is None
    read_dataset(data_copy)
    assert not (tmp_path / "c").exists()


def test_unwritable_cache_does_not_stop_a_load(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acupoints.loading import read_dataset

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ACUPOINTS_CACHE_DIR", str(blocker / "sub"))
    assert len(read_dataset(data_copy).points) == 409


def test_data_that_fails_a_cross_check_is_never_cached(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACUPOINTS_CACHE_DIR", str(tmp_path / "c"))
    edit(data_copy / "meridians.yaml", "    point_count: 20\n", "    point_count: 21\n")
    for _ in range(2):  # data that fails a cross-check is never cached: same error twice
        err = load_error(data_copy)
        assert err.field == "point_count"
    assert not list((tmp_path / "c").glob("*.json"))
