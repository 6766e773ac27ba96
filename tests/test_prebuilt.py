"""The prebuilt dataset (``acupoints/_dataset.pickle``, :mod:`acupoints.prebuilt`): built
from the YAML with every check, it loads to the same records and the same data version,
and a file that does not match the data files is never used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import acupoints
from acupoints import DataError, KnowledgeBase
from acupoints.loading import LAZY_SECTIONS, Dataset, data_version, packaged_data_dir, read_dataset
from acupoints.prebuilt import _MAGIC, artifact_path, build, load_packaged, read


@pytest.fixture(scope="module")
def from_yaml() -> Dataset:
    """The packaged data read from YAML with every check (no cache), once for the module:
    a dataset is frozen, and each test makes its own knowledge base of it."""
    return read_dataset(packaged_data_dir(), cache=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    target = tmp_path_factory.mktemp("prebuilt") / "_dataset.pickle"
    return target, build(packaged_data_dir(), target)


def test_it_holds_the_records_of_the_yaml(built: tuple[Path, str], from_yaml: Dataset) -> None:
    target, version = built
    found = read(packaged_data_dir(), target)
    assert found is not None, "a dataset built from the packaged files must match them"
    data, stored = found
    assert data == from_yaml
    assert stored == version == data_version(from_yaml)
    # the records of one type with the same fields share one set (memory), and a copy
    # with changes does not write through it
    assert len({id(p.__pydantic_fields_set__) for p in data.points}) < len(data.points) // 10
    li4 = next(p for p in data.points if p.code == "LI4")
    before = set(li4.__pydantic_fields_set__)
    li4.model_copy(update={"number": 99})
    assert li4.__pydantic_fields_set__ == before


_OWN_DICTS = """
import gc, sys
from pathlib import Path
from acupoints.loading import packaged_data_dir
from acupoints.prebuilt import read

found = read(packaged_data_dir(), Path(sys.argv[1]))
assert found is not None
data = found[0]
records = [*data.points, *(p.location for p in data.points), *data.readings, *data.flags]
print(len(records), sum(any(type(r) is dict for r in gc.get_referents(x)) for x in records))
"""


@pytest.mark.skipif(
    sys.version_info < (3, 11) or sys.implementation.name != "cpython",
    reason="CPython 3.11 and later keep an instance's values without a dict",
)
def test_its_records_keep_their_values_without_a_dict_each(built: tuple[Path, str]) -> None:
    """Memory: pydantic's unpickling gives every record a dict of its own; the prebuilt
    file rebuilds them with their values set one by one, kept in the compact layout
    their class shares (about 1 MiB of 4). In a fresh process: a process that has
    already made many records of a class (this one validated the YAML) has used up the
    room of that class's shared layout, and its records get dicts again. They are the
    same records all the same."""
    target, _ = built
    out = subprocess.run(
        [sys.executable, "-c", _OWN_DICTS, str(target)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) > 1000 and out[1] == "0", out
    found = read(packaged_data_dir(), target)
    assert found is not None
    li4 = next(p for p in found[0].points if p.code == "LI4")
    yaml_points = read_dataset(packaged_data_dir(), cache=False).points
    from_yaml = next(p for p in yaml_points if p.code == "LI4")
    assert list(li4.__dict__.items()) == list(from_yaml.__dict__.items())  # same order too
    assert li4.__pydantic_fields_set__ == from_yaml.__pydantic_fields_set__
    assert li4.__pydantic_extra__ is None and li4.__pydantic_private__ is None
    assert hash(li4) == hash(from_yaml) and li4.model_dump() == from_yaml.model_dump()
    import pickle

    assert pickle.loads(pickle.dumps(li4)) == li4  # pydantic's own pickling, unchanged


def test_two_builds_from_the_same_yaml_are_the_same_bytes(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    """The build is reproducible: a second build from the same files, in the same process
    (so pydantic's string cache is warm this time and hands out other string objects),
    writes the same bytes. It once differed from build to build around byte 917,830: which
    strings the pickle wrote once and referred back to followed pydantic's cache, whose
    slots depend on a random per-process hash, not the data."""
    first, version = built
    again = tmp_path / "_dataset.pickle"
    assert build(packaged_data_dir(), again) == version
    a, b = first.read_bytes(), again.read_bytes()
    pairs = enumerate(zip(a, b, strict=False))
    where = next((i for i, (x, y) in pairs if x != y), min(len(a), len(b)))
    assert a == b, f"two builds differ from byte {where} ({len(a)} and {len(b)} bytes)"


def test_a_knowledge_base_from_it_answers_as_one_from_yaml(
    built: tuple[Path, str], from_yaml: Dataset
) -> None:
    target, version = built
    found = read(packaged_data_dir(), target)
    assert found is not None
    fast = KnowledgeBase(found[0], _checked=True, _version=found[1])
    slow = KnowledgeBase(from_yaml)
    assert fast.data_version == slow.data_version == version
    for text, cause in (
        ("numb back of my left hand", None),
        ("pins and needles in both feet, worse at night", "diabetic"),
        ("numb outer side of my right calf", "sciatica"),
    ):
        a, b = fast.select(text, cause=cause), slow.select(text, cause=cause)
        assert a.model_dump() == b.model_dump(), text


def test_a_changed_data_file_is_not_hidden_by_a_stale_build(
    built: tuple[Path, str], data_copy: Path
) -> None:
    target, _ = built
    assert read(data_copy, target) is not None  # same bytes, same fingerprint
    points = data_copy / "points.yaml"
    points.write_text(points.read_text("utf-8").replace("Hegu", "Hegu ", 1), "utf-8")
    assert read(data_copy, target) is None
    kb = load_packaged(data_copy)  # falls back to the YAML
    assert kb.origin == str(data_copy) and len(kb) == len(acupoints.load())


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",
        lambda raw: raw[:200],  # cut short
        lambda raw: raw.replace(_MAGIC, b"acupoints-dataset 9", 1),
        lambda raw: raw.replace(b" 2\n", b" 1\n", 1),  # another major version of pydantic
        lambda raw: raw.split(b"\n", 1)[0] + b"\nnot a pickle",
    ],
    ids=["empty", "truncated", "format", "pydantic", "body"],
)
def test_a_damaged_file_is_ignored(built: tuple[Path, str], tmp_path: Path, damage: object) -> None:
    target, _ = built
    bad = tmp_path / "_dataset.pickle"
    bad.write_bytes(damage(target.read_bytes()))  # type: ignore[operator]
    assert read(packaged_data_dir(), bad) is None
    assert read(packaged_data_dir(), tmp_path / "absent.pickle") is None


def test_data_that_fails_a_check_fails_the_build(data_copy: Path, tmp_path: Path) -> None:
    points = data_copy / "points.yaml"
    points.write_text(points.read_text("utf-8").replace("code: LI4\n", "code: LI3\n", 1), "utf-8")
    with pytest.raises(DataError):
        build(data_copy, tmp_path / "out.pickle")
    assert not (tmp_path / "out.pickle").exists()


def test_the_packaged_load_uses_the_build_of_this_installation() -> None:
    """An install (``pip install -e .`` too) builds it: if this fails, the data files
    changed since, and ``pip install -e .`` builds it again (a load still works, from
    YAML and the cache, only slower)."""
    if not artifact_path().is_file():
        pytest.fail(f"{artifact_path()} is missing: run `pip install -e .` to build it")
    from acupoints.prebuilt import read_all

    found = read_all(packaged_data_dir())
    assert found is not None, "the prebuilt dataset is stale: run `pip install -e .` again"
    assert acupoints.load().data_version == found[1]
    assert found[2] is not None, (
        "the prebuilt reader tables were built by other code (text/compiled.py, "
        "text/lexicon.py or parse.py changed): run `pip install -e .` again"
    )


def test_repeated_selections_come_from_the_memo_and_equal_fresh_ones() -> None:
    """``kb.select`` keeps the last :data:`~acupoints.kb.ANSWERS_KEPT` answers by their
    arguments: a repeat is the same (frozen) object, equal to a fresh computation, and an
    argument of another type (``limit=True`` after ``limit=1``) is not taken for it."""
    from acupoints.kb import ANSWERS_KEPT

    kb = KnowledgeBase(acupoints.load().dataset, _checked=True)
    first = kb.select("numb back of my left hand", cause="diabetic", limit=1)
    assert kb.select("numb back of my left hand", cause="diabetic", limit=1) is first
    with pytest.raises(acupoints.AcupointsError):
        kb.select("numb back of my left hand", cause="diabetic", limit=True)  # type: ignore[arg-type]
    kb.clear_caches()
    again = kb.select("numb back of my left hand", cause="diabetic", limit=1)
    assert again is not first and again == first
    for n in range(ANSWERS_KEPT + 5):
        kb.select("numb left thumb", limit=1 + n)
    assert len(kb._answers) <= ANSWERS_KEPT


def _plain(value: object) -> object:
    """A table as plain values, to compare two builds (``PhraseIndex`` has no equality)."""
    from dataclasses import fields

    from acupoints.text.compiled import PhraseIndex, Tables

    if isinstance(value, Tables):  # by its fields (the rare ones are read when asked for)
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, PhraseIndex):
        return {k: _plain(getattr(value, k)) for k in PhraseIndex.__slots__}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def test_the_readers_tables_come_with_it_and_equal_a_fresh_build(
    built: tuple[Path, str], from_yaml: Dataset
) -> None:
    from acupoints.prebuilt import _load_tables, read_all
    from acupoints.text._compile import _build

    target, _ = built
    found = read_all(packaged_data_dir(), target)
    assert found is not None and found[2] is not None
    data, _, blob = found
    assert blob is not None
    tables = _load_tables(blob, data)
    # the tables a reading reads only for a word it does not know stay in the file
    assert {"deletes", "short", "targets", "joined"}.isdisjoint(vars(tables))
    fresh = _build(KnowledgeBase(from_yaml))
    assert _plain(tables) == _plain(fresh)
    assert tables.deletes and tables.targets and not tables.fixes  # built, memo empty
    # the red-flag concepts and the cause cues are the dataset's own records, not copies
    assert tables.concepts[: len(data.flags)] == data.flags
    assert all(a is b for a, b in zip(tables.concepts, data.flags, strict=False))
    assert all(a is b for a, b in zip(tables.cue_list, data.cause_cues, strict=True))


def test_a_packaged_knowledge_base_reads_with_the_prebuilt_tables() -> None:
    """Its first reading unpickles them (no build at run time); a load alone does not."""
    import acupoints.text._compile as building
    import acupoints.text.compiled as compiled
    from acupoints.prebuilt import _BLOBS

    kb = load_packaged(packaged_data_dir())
    assert kb in _BLOBS and kb not in compiled._TABLES
    built_at_run_time = []
    real = building._build
    building._build = lambda kb: built_at_run_time.append(kb) or real(kb)  # type: ignore[assignment]
    try:
        t = compiled.tables(kb)
    finally:
        building._build = real
    assert not built_at_run_time and kb not in _BLOBS
    assert compiled.tables(kb) is t and t.concepts[0] is kb.dataset.flags[0]
    assert kb.select("numb back of my left hand") == acupoints.load().select(
        "numb back of my left hand"
    )
    other = KnowledgeBase(kb.dataset, _checked=True)  # not the packaged load: builds its own
    assert compiled.tables(other) is not t


def test_the_tables_of_typos_are_read_from_the_file_on_the_first_unknown_word(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    """Memory: the reader's tables that only a word it does not know reads (the
    candidates of a typo, body words written as one) stay in the prebuilt file through
    readings of known words; the first unknown word reads them, and the answers are
    those of tables built at run time. A file changed after the load is a DataError."""
    import acupoints.text.compiled as compiled
    from acupoints.prebuilt import _load_tables, read_all

    rare = set(compiled.RARE)
    kb = load_packaged(packaged_data_dir())
    other = KnowledgeBase(kb.dataset, _checked=True)  # builds its own tables, whole
    for text in ("numb back of my left hand", "pins and needles in both feet"):
        assert kb.select(text) == other.select(text)
    t = compiled.tables(kb)
    assert rare.isdisjoint(vars(t)) and "_rare" in vars(t)
    for text in ("numbnes in my rigth hand", "my lefthand is numb", "numb calff"):
        assert kb.select(text) == other.select(text)
    assert rare <= set(vars(t)) and "_rare" not in vars(t)
    # the nerves by their names are among them: a nerve's name reads them
    kb = load_packaged(packaged_data_dir())
    kb.select("numb back of my left hand")
    assert "_rare" in vars(compiled.tables(kb))
    for text in (
        "numbness in the median nerve distribution",
        "the area supplied by the sural nerve is numb",
        "numb in the distribution of the ulnar nerve",
    ):
        assert kb.select(text) == other.select(text)
    assert "_rare" not in vars(compiled.tables(kb))
    fresh = compiled.tables(other)
    assert all(getattr(t, name) == getattr(fresh, name) for name in rare)
    with pytest.raises(AttributeError):
        t.not_a_table  # noqa: B018

    target, _ = built
    copy = tmp_path / "_dataset.pickle"
    raw = target.read_bytes()
    copy.write_bytes(raw)
    found = read_all(packaged_data_dir(), copy)
    assert found is not None and found[2] is not None
    tables = _load_tables(found[2], found[0])
    copy.write_bytes(raw.replace(b" 2\n", b" 1\n", 1))  # another build
    with pytest.raises(DataError, match="changed or went missing"):
        tables.deletes  # noqa: B018
    copy.write_bytes(raw)
    assert tables.deletes == compiled.tables(other).deletes


def test_the_tables_few_texts_read_are_read_from_the_file_on_their_first_use() -> None:
    """Memory: the reader's tables that only some texts read (the concepts of the flags
    found and their other words, the phrases that are no cause, the spellings with a
    condition ...: UNCOMMON) stay in the prebuilt file through a first answer; the first
    text that reads one reads them all, and the answers are those of tables built at run
    time. Their strings and tuples of words that the other tables hold too are those very
    objects, not copies, and the concepts of the dataset are its records."""
    import acupoints.text.compiled as compiled

    uncommon = set(compiled.UNCOMMON)
    assert uncommon.isdisjoint(compiled.RARE)
    kb = load_packaged(packaged_data_dir())
    other = KnowledgeBase(kb.dataset, _checked=True)  # builds its own tables, whole
    for text in ("numb back of my left hand", "pins and needles in both feet"):
        assert kb.select(text) == other.select(text)
    t = compiled.tables(kb)
    assert uncommon.isdisjoint(vars(t)) and "_uncommon" in vars(t)
    for text in (
        "numb face and the worst headache of my life",
        "my left arm went numb suddenly and my face is drooping",
        "numb feet, not from diabetes",
    ):
        assert kb.select(text) == other.select(text)
    assert uncommon <= set(vars(t)) and "_uncommon" not in vars(t)
    assert all(a is b for a, b in zip(t.concepts, kb.dataset.flags, strict=False))
    fresh = compiled.tables(other)
    for name in uncommon:
        assert _plain(getattr(t, name)) == _plain(getattr(fresh, name)), name
    words = {w: w for index in (t.flags, t.classes, t.context) for w in index._lengths}
    phrases = {k: k for index in (t.flags, t.classes, t.context) for k in index._values}
    met = 0
    for index in (i for group in t.also for i in group):
        for key in (*index._lengths, *index._values):
            same = (words if type(key) is str else phrases).get(key)
            if same is not None:
                assert key is same, key
                met += 1
    assert met > 100


def test_tables_built_by_other_reader_code_are_not_used(
    built: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import acupoints.prebuilt as prebuilt

    target, _ = built
    monkeypatch.setattr(prebuilt, "reader_key", lambda: "another version of the reader")
    found = prebuilt.read_all(packaged_data_dir(), target)
    assert found is not None, "the dataset itself still matches"
    assert found[2] is None
    assert prebuilt.read(packaged_data_dir(), target) is not None


def test_the_packaged_knowledge_base_builds_its_name_index_on_first_use() -> None:
    """The prebuilt data's alias checks ran when it was built, so its name index waits
    for the first look-up by name; a look-up by the exact code (the engine's) needs none
    and finds what the index finds. Any other knowledge base builds (and checks) it at
    construction."""
    kb = load_packaged(packaged_data_dir())
    assert "_index" not in kb.__dict__
    kb.select("numb back of my left hand")
    assert kb["LI4"].code == "LI4" and "_index" not in kb.__dict__
    assert all(kb._index.resolve(p.code) == p.code for p in kb)
    assert kb["li-4"].code == kb["Hegu"].code == "LI4"
    with pytest.raises(acupoints.UnknownPointError):
        kb["LI99"]
    assert "_index" in KnowledgeBase(kb.dataset, _checked=True).__dict__


def test_the_spelling_index_stays_packed_until_a_typo() -> None:
    """The prebuilt delete index (the largest table) is unpacked by the first word that
    needs correcting, not by a reading without typos, and then corrects as a fresh
    build does."""
    import acupoints.text._compile as building
    import acupoints.text.compiled as compiled

    kb = load_packaged(packaged_data_dir())
    t = compiled.tables(kb)
    assert t.deletes.packed
    kb.select("numb back of my left hand")
    assert t.deletes.packed  # every word known: no look-up
    s = kb.select("numb back of my left hnad")
    assert not t.deletes.packed
    assert s.location.regions == kb.select("numb back of my left hand").location.regions
    fresh = building._build(KnowledgeBase(kb.dataset, _checked=True))
    assert not fresh.deletes.packed and fresh.deletes == t.deletes and len(t.deletes) > 10_000


def test_a_first_answer_from_the_prebuilt_data_imports_no_checks() -> None:
    """The prebuilt dataset was checked when it was built: loading it and answering do
    not import the checks (``acupoints.integrity``); loading a data directory does."""
    code = (
        "import sys, acupoints\n"
        "acupoints.select('numb back of my left hand')\n"
        "print('acupoints.integrity' in sys.modules)\n"
        "from acupoints.loading import packaged_data_dir, read_dataset\n"
        "acupoints.KnowledgeBase(read_dataset(packaged_data_dir(), cache=False))\n"
        "print('acupoints.integrity' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_the_readers_tables_are_compact_and_answer_as_plain_sets(
    built: tuple[Path, str],
) -> None:
    """Memory: the ~5,600 known words are one sorted tuple (a frozenset of them is 0.5
    MiB once unpickled), the ~3,000 pairs of a side and a body word are tested rather
    than stored, equal value tuples of the phrase indexes are one object, and words that
    are terms of the word lists are the dataset's strings. Each answers as the plain set
    it replaces."""
    import tracemalloc

    from acupoints.prebuilt import _load_tables, read_all
    from acupoints.text.compiled import JoinedWords, WordSet

    target, _ = built
    found = read_all(packaged_data_dir(), target)
    assert found is not None and found[2] is not None
    tracemalloc.start()
    try:
        t = _load_tables(found[2], found[0])
        kept = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert kept < 1.8 * 2**20, kept / 2**20  # 2.5 MiB before

    # the known words that are terms of text.yaml's word lists are those very strings
    terms = {id(w) for wl in found[0].words for w in wl.terms}
    assert sum(id(w) in terms for w in t.known) > 3000

    assert isinstance(t.known, WordSet) and len(t.known) > 5000
    words = set(t.known)
    assert len(words) == len(t.known) and all(w in t.known for w in words)
    for w in ("numbness", "tingling", "hand", "zzzz", "", "nmbness", "handd", "a"):
        assert (w in t.known) == (w in words), w
    assert 3 not in t.known and ("hand",) not in t.known  # not a word: not in it
    assert t.known == words

    assert isinstance(t.joined, JoinedWords)
    pairs = set(t.joined)
    sides = {"left", "right"}
    assert {(s, w) for s in sides for w in t.region_words} <= pairs
    assert ("big", "toe") in pairs and ("toe", "big") not in pairs
    for a in ("left", "right", "big", "shoulder", "foot", "toe", "ball"):
        for b in ("hand", "toe", "blade", "ball", "left", "zzz"):
            assert ((a, b) in t.joined) == ((a, b) in pairs), (a, b)
    assert ("left",) not in t.joined and "lefthand" not in t.joined

    for index in (t.flags, t.context, t.causes, t.course, *(i for g in t.also for i in g)):
        values = list(index._values.values()) + list(index._lengths.values())
        assert all(type(v) is tuple for v in values)
        assert len({id(v) for v in values}) == len(set(values))  # equal ones are one
        # the gate of a look-up is the lengths' keys (no set of words of its own), and
        # only a word a phrase begins with opens it
        assert not hasattr(index, "__dict__") and index.words is index._lengths
        # (a phrase of one word is keyed by the word)
        firsts = {key if type(key) is str else key[0] for key in index._values}
        assert set(index.words) == firsts <= index.all_words()


_DEFERRED = {name for names in LAZY_SECTIONS.values() for name in names}


def _absent(data: Dataset) -> set[str]:
    return _DEFERRED - set(data.__dict__)


_TEXT_ONLY = {"context", "spellings", "roles", "course", "flag_classes", "flag_rules"}
_ADVICE = {"risks", "danger_zones"}


def test_a_first_select_leaves_the_readings_the_figure_and_the_sources_in_the_file(
    from_yaml: Dataset,
) -> None:
    """Memory: what a selection never reads (the readings of the names, the body figure,
    the source register, the parts of text.yaml the prebuilt reader tables were built
    from, the risks and danger zones) stays in the prebuilt file until something asks
    for it; then each part is read, alone, and equals the YAML's."""
    kb = load_packaged(packaged_data_dir())
    data = kb._data
    assert (
        _absent(data)
        == _DEFERRED
        == {"readings", "outline", "region_shapes", "positions", "sources"} | _TEXT_ONLY | _ADVICE
    )
    kb.select("numb back of my left hand")
    kb.select("pins and needles in both feet, worse at night", cause="diabetic")
    kb.select("numb left thumb", patient=acupoints.Patient(pregnant=True, pregnancy_week=30))
    # the reader's whole road: a red flag by a compositional rule, a context trigger, a
    # typo, a time course, a role cue
    kb.select("sudden numb left arm and he clutches his chest, not since a fall, nmubness")
    kb.select("numb right foot for three weeks after a knee operation")
    kb["Hegu"]  # the name index (it reads the readings: a look-up by a Korean name)
    rest = {"outline", "region_shapes", "positions", "sources"} | _TEXT_ONLY | _ADVICE
    assert _absent(data) == rest
    assert kb.readings("ST36") == next(r for r in from_yaml.readings if r.code == "ST36")
    assert kb.source("who1991") == next(s for s in from_yaml.sources if s.id == "who1991")
    assert _absent(data) == rest - {"sources", "readings"}
    kb.body_map(points=["LI4"])
    assert _absent(data) == _TEXT_ONLY | _ADVICE
    assert kb.risk_items == from_yaml.risks
    assert _absent(data) == _TEXT_ONLY
    assert data.flag_rules == from_yaml.flag_rules and _absent(data) == _TEXT_ONLY - {
        "flag_classes",
        "flag_rules",
    }
    assert data.spellings == from_yaml.spellings
    assert not _absent(data)
    assert data == from_yaml and data.model_dump_json() == from_yaml.model_dump_json()
    assert list(data.__dict__) == list(from_yaml.__dict__)  # the declared order again


@pytest.mark.parametrize(
    "whole",
    [
        lambda d: d.model_dump(),
        lambda d: d.model_dump_json(),
        lambda d: data_version(d),
        lambda d: repr(d),
        lambda d: dict(d),
        lambda d: d.model_copy(update={"steps": ()}).model_dump(),
        lambda d: __import__("copy").copy(d).model_dump(),
        lambda d: __import__("pickle").loads(__import__("pickle").dumps(d)).model_dump(),
    ],
    ids=["dump", "json", "version", "repr", "iter", "model_copy", "copy", "pickle"],
)
def test_what_reads_the_whole_dataset_reads_the_deferred_parts_first(
    built: tuple[Path, str], from_yaml: Dataset, whole: object
) -> None:
    target, _ = built
    found = read(packaged_data_dir(), target)
    assert found is not None and _absent(found[0]) == _DEFERRED
    assert whole(found[0]) == whole(from_yaml)  # type: ignore[operator]
    assert not _absent(found[0])


def test_the_public_dataset_is_whole() -> None:
    kb = load_packaged(packaged_data_dir())
    assert _absent(kb._data) == _DEFERRED
    assert not _absent(kb.dataset)


def test_a_deferred_part_that_is_gone_from_the_file_raises_a_data_error(
    built: tuple[Path, str], tmp_path: Path, from_yaml: Dataset
) -> None:
    """The file was cut short, or replaced by another build, after the load: asking for
    a part still in it is a clear DataError, and the parts read already stay."""
    target, _ = built
    raw = target.read_bytes()
    copy = tmp_path / "_dataset.pickle"
    copy.write_bytes(raw)
    found = read(packaged_data_dir(), copy)
    assert found is not None
    data = found[0]
    assert data.outline == from_yaml.outline  # read while the file is whole
    copy.write_bytes(raw.replace(b" 2\n", b" 1\n", 1))  # another head: another build
    with pytest.raises(DataError, match="changed or went missing"):
        data.readings  # noqa: B018
    copy.write_bytes(raw[:-1000])  # the last part (the sources) cut short
    with pytest.raises(DataError):
        data.sources  # noqa: B018
    with pytest.raises(DataError):
        data.model_dump()
    copy.unlink()
    with pytest.raises(DataError):
        data.sources  # noqa: B018
    copy.write_bytes(raw)
    assert data.readings == from_yaml.readings and data == from_yaml


def test_a_first_answer_compiles_none_of_the_slow_patterns_it_never_reads() -> None:
    """Speed of a first answer: the regular expressions whose wide character ranges take
    milliseconds to compile (the characters XML forbids, Hangul and CJK ideographs) are
    compiled on their first use, which a selection never makes; then they work."""
    import subprocess
    import sys

    code = (
        "import acupoints; acupoints.select('numb back of my left hand'); "
        "from acupoints import _record, names; "
        "print(_record.not_xml.cache_info().currsize, names._hangul.cache_info().currsize, "
        "names._han.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0"]
    from acupoints import _record, names

    assert _record.not_xml().search("a\x01b") is not None and not _record.not_xml().search("ab")
    assert names.hangul_key("합곡") == "합곡" and names.hangul_key("hegu") is None
    assert names.hanzi_key("合谷") is not None and names.hanzi_key("hegu") is None


def test_the_body_models_tables_come_with_it_and_equal_a_fresh_build(
    built: tuple[Path, str], from_yaml: Dataset
) -> None:
    """The region tree, the points per region, the points' nerves and what covers each
    region (``anatomy._Tables``) are built with the dataset, and unpickled by the first
    use of the body model: equal to tables built from the YAML, holding the dataset's own
    id strings, and read once."""
    import acupoints.prebuilt as prebuilt
    from acupoints.anatomy import _Tables

    target, _ = built
    found = prebuilt._read_all(packaged_data_dir(), target)
    assert found is not None and found[3] is not None
    data, blob = found[0], found[3]
    kb = KnowledgeBase(data, _checked=True)
    prebuilt._ANATOMY[kb] = (data, blob)
    tables = kb.anatomy._t
    assert kb not in prebuilt._ANATOMY  # read once; the knowledge base keeps them
    fresh = _Tables(KnowledgeBase(from_yaml))
    for name in _Tables.__slots__:
        assert getattr(tables, name) == getattr(fresh, name), name
    assert tables.inside and tables.supplies and tables.dermatomes and tables.point_nerves
    assert all(a is r.id for a, r in zip(tables.order, data.regions, strict=True))
    assert all(a is p.code for a, p in zip(tables.point_nerves, data.points, strict=True))


def test_a_packaged_knowledge_base_reads_its_body_model_without_building_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from acupoints.anatomy import _Tables

    built_now: list[object] = []
    real = _Tables.__init__

    def counted(self: _Tables, kb: KnowledgeBase) -> None:
        built_now.append(kb)
        real(self, kb)

    monkeypatch.setattr(_Tables, "__init__", counted)
    kb = load_packaged(packaged_data_dir())
    answer = kb.select("numb outer side of my right calf", cause="sciatica")
    assert not built_now
    slow = KnowledgeBase(read_dataset(packaged_data_dir(), cache=False))
    assert slow.select("numb outer side of my right calf", cause="sciatica") == answer
    assert built_now == [slow]  # any other knowledge base builds its own


def test_body_model_tables_built_by_other_code_or_damaged_are_not_used(
    built: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import acupoints.prebuilt as prebuilt

    target, _ = built
    with monkeypatch.context() as m:
        m.setattr(prebuilt, "anatomy_key", lambda: "another version of anatomy.py")
        found = prebuilt._read_all(packaged_data_dir(), target)
    assert found is not None, "the dataset itself still matches"
    assert found[3] is None
    found = prebuilt._read_all(packaged_data_dir(), target)
    assert found is not None and found[3] is not None
    data = found[0]
    damages = (b"", found[3][:-7], b"not a pickle", pickle_of({"parent": {}}), _bad_place())
    for damaged in damages:
        kb = KnowledgeBase(data, _checked=True)
        prebuilt._ANATOMY[kb] = (data, damaged)
        assert prebuilt.anatomy_tables_for(kb) is None  # so the body model builds its own
        kb = KnowledgeBase(data, _checked=True)
        prebuilt._ANATOMY[kb] = (data, damaged)
        assert kb.anatomy.within("hand.dorsum", "upper_limb")


def pickle_of(value: object) -> bytes:
    import pickle

    return pickle.dumps(value)


def _bad_place() -> bytes:
    """A pickle whose persistent id is not a place (an index) in the list of ids."""
    import io
    import pickle

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj: object) -> object:
            return "hand.dorsum" if obj == "x" else None

    buf = io.BytesIO()
    _Pickler(buf).dump({"parent": {"x": None}})
    return buf.getvalue()


_ANATOMY_BYTES = """
import hashlib
import acupoints
from acupoints.anatomy import _Tables
from acupoints.prebuilt import _dump_anatomy

kb = acupoints.load()
print(hashlib.sha256(_dump_anatomy(_Tables(kb), kb.dataset)).hexdigest())
"""


def test_the_body_models_tables_pickle_to_the_same_bytes_whatever_the_string_hashes() -> None:
    """Its sets are written as their sorted items: a set's own order follows the
    process's string hashes, which differ from one process to the next."""
    import os

    digests = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run(
            [sys.executable, "-c", _ANATOMY_BYTES], env=env, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_the_large_sets_of_the_readers_tables_are_sized_once_for_their_items() -> None:
    """Memory: a frozenset unpickled grows its table an item at a time, to four times its
    items; the packaged tables' large ones are remade sized once (the same members), and a
    set two tables share stays one object."""
    import acupoints.text.compiled as compiled
    from acupoints.prebuilt import _sized_sets

    kb = load_packaged(packaged_data_dir())
    t = compiled.tables(kb)
    for name in ("region_words", "nerve_first"):
        value = getattr(t, name)
        assert sys.getsizeof(value) == sys.getsizeof(frozenset(set(value))), name
    assert sys.getsizeof(t.vocab.words) == sys.getsizeof(frozenset(set(t.vocab.words)))
    assert sys.getsizeof(t.region_words) < sys.getsizeof(frozenset(list(t.region_words)))

    class Holder:
        pass

    shared = frozenset([f"w{i}" for i in range(300)])  # grown an item at a time
    inner = Holder()
    inner.__dict__["words"] = shared
    outer = Holder()
    outer.__dict__.update(a=shared, b=inner, small=frozenset({"x"}))
    _sized_sets(outer)
    assert outer.a == shared and sys.getsizeof(outer.a) <= sys.getsizeof(shared)
    assert outer.a is inner.words  # still one object
    grown = frozenset([f"w{i}" for i in range(323)])  # 2,048 slots
    outer.__dict__["c"] = grown
    _sized_sets(outer)
    assert outer.c == grown and sys.getsizeof(outer.c) < sys.getsizeof(grown)
    assert outer.small == frozenset({"x"})
