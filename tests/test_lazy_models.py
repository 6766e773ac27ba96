"""The model classes an answer never uses (issue 18, memory) are made on first use: the
source register, the readings of the points' names and the body figure
(:mod:`acupoints._models_rare`). Every way in still finds them where they were: the
package, :mod:`acupoints.models`, pickles, ``Dataset.model_fields``, ``DATA_FILES``,
the schema export, and YAML loads, which still validate every record. Each check runs in
a fresh process, where nothing else has made the classes first."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RARE = (
    "CorePoint",
    "DangerZone",
    "FigurePart",
    "JapaneseReading",
    "KoreanReading",
    "PointPosition",
    "PointReadings",
    "RegionFigure",
    "RegionShape",
    "Source",
    "VietnameseReading",
)

_MADE = (
    "import sys, gc, pydantic\n"
    "def made():\n"
    "    seen, todo = set(), [pydantic.BaseModel]\n"
    "    while todo:\n"
    "        for sub in todo.pop().__subclasses__():\n"
    "            if sub not in seen:\n"
    "                seen.add(sub)\n"
    "                todo.append(sub)\n"
    "    return sorted(c.__name__ for c in seen if c.__module__.startswith('acupoints'))\n"
)


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _MADE + code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_first_answer_makes_none_of_the_rare_classes() -> None:
    out = _run(
        "import acupoints\n"
        "kb = acupoints.load()\n"
        "print(acupoints.select('numb back of my left hand').codes)\n"
        "print(kb.point('LI4').code)\n"
        "print('MADE', *made())\n"
        "print('MODULE', 'acupoints._models_rare' in sys.modules)\n"
    )
    made = next(line for line in out.splitlines() if line.startswith("MADE")).split()[1:]
    assert "Point" in made and "Selection" in made  # the check sees the classes it made
    assert not set(RARE) & set(made), sorted(set(RARE) & set(made))
    assert "MODULE False" in out


@pytest.mark.parametrize(
    "way_in",
    [
        "from acupoints.models import PointReadings as C",
        "import acupoints; C = acupoints.PointReadings",
        "from acupoints import *; C = PointReadings",
        "from acupoints.models import *; C = PointReadings",
        "import acupoints.models as m; C = getattr(m, 'PointReadings')",
        "from acupoints.loading import Dataset; C = Dataset.model_fields['readings'].annotation",
        "from acupoints.loading import DATA_FILES; "
        "C = next(s for s in DATA_FILES if s.name == 'readings.yaml').sections['readings']",
        "import acupoints; C = type(acupoints.load().readings('LI4'))",
        "from acupoints.safety import DangerZone as D; "
        "from acupoints.loading import Dataset; "
        "assert Dataset.model_fields['danger_zones'].annotation == tuple[D, ...]; "
        "from acupoints.rules import CorePoint; import acupoints.models as m; "
        "C = m.PointReadings",
        "import pickle, acupoints.models as m; "
        "C = pickle.loads(b'\\x80\\x04\\x95\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x8c\\x10"
        "acupoints.models\\x94\\x8c\\rPointReadings\\x94\\x93\\x94.')",
    ],
)
def test_every_way_in_finds_the_same_class(way_in: str) -> None:
    out = _run(
        way_in + "\n"
        "import typing, acupoints.models as m\n"
        "args = typing.get_args(C)\n"
        "C = args[0] if args else C\n"
        "assert C is m.PointReadings, C\n"
        "assert C.__module__ == 'acupoints.models' and C.__qualname__ == 'PointReadings'\n"
        "assert C.model_fields['korean'].annotation == m.KoreanReading | None\n"
        "print('OK', sorted(set(made()) & {'PointReadings', 'Source', 'FigurePart'}))\n"
    )
    assert "OK ['FigurePart', 'PointReadings', 'Source']" in out


HOME = {"DangerZone": "acupoints.safety", "CorePoint": "acupoints.rules"}


def test_the_namespaces_are_whole() -> None:
    import importlib
    import pickle

    import acupoints

    for name in RARE:
        m = importlib.import_module(HOME.get(name, "acupoints.models"))
        cls = getattr(m, name)
        assert name in m.__all__ and name in dir(m)
        if name in acupoints.__all__:
            assert getattr(acupoints, name) is cls
        assert (cls.__module__, cls.__qualname__) == (m.__name__, name)
        assert pickle.loads(pickle.dumps(cls)) is cls
    for home in ("acupoints.models", "acupoints.safety", "acupoints.rules"):
        with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
            importlib.import_module(home).Nothing  # noqa: B018
    kb = acupoints.load()
    readings = kb.readings("LI4")
    assert readings is not None and pickle.loads(pickle.dumps(readings)) == readings
    assert kb.source(kb.sources[0].id) is kb.sources[0]
    core = kb.core_prescription("carpal_tunnel")
    assert core and all(type(c) is acupoints.rules.CorePoint for c in core)
    zone = kb.danger_zones[0]
    assert type(zone) is acupoints.safety.DangerZone and pickle.loads(pickle.dumps(zone)) == zone


def test_the_file_list_of_the_fingerprint_follows_data_files() -> None:
    from acupoints import loading

    assert [(s.name, s.optional) for s in loading.DATA_FILES] == list(loading._FILES)
    assert tuple(loading.Dataset.model_fields) == loading._FIELDS


def test_a_yaml_load_still_checks_the_rare_records(tmp_path: Path) -> None:
    """In a fresh process, so that the first validation of a dataset is the one that makes
    the classes (through ``Dataset.model_rebuild``)."""
    from acupoints.loading import packaged_data_dir

    root = tmp_path / "data"
    shutil.copytree(packaged_data_dir(), root)
    readings = root / "readings.yaml"
    text = readings.read_text(encoding="utf-8")
    assert "hangul: 중부," in text
    readings.write_text(text.replace("hangul: 중부,", "hangul: jungbu,", 1), encoding="utf-8")
    out = _run(
        "import acupoints\n"
        f"try:\n    acupoints.load({str(root)!r})\n"
        "except acupoints.DataError as e:\n    print('ERROR', e)\n"
    )
    assert "ERROR" in out and "readings.yaml" in out and "hangul" in out
    readings.write_text(text, encoding="utf-8")
    figure = root / "figure.yaml"
    ftext = figure.read_text(encoding="utf-8")
    assert "view: front" in ftext
    figure.write_text(ftext.replace("view: front", "view: side", 1), encoding="utf-8")
    out = _run(
        "import acupoints\n"
        f"try:\n    acupoints.load({str(root)!r})\n"
        "except acupoints.DataError as e:\n    print('ERROR', e)\n"
    )
    assert "ERROR" in out and "figure.yaml" in out
    figure.write_text(ftext, encoding="utf-8")
    out = _run(
        "import acupoints\n"
        f"kb = acupoints.load({str(root)!r})\n"
        "print('OK', kb.readings('LU1').korean.hangul, len(kb.sources) > 0)\n"
    )
    assert "OK 중부 True" in out


def test_the_schema_of_a_dataset_in_a_fresh_process() -> None:
    out = _run(
        "import json\n"
        "from acupoints.loading import Dataset\n"
        "schema = Dataset.model_json_schema()\n"
        "print('OK', sorted(k for k in schema['$defs'] if k in "
        "{'PointReadings', 'Source', 'RegionFigure', 'PointPosition', 'FigurePart'}))\n"
    )
    assert "OK ['FigurePart', 'PointPosition', 'PointReadings', 'RegionFigure', 'Source']" in out


def test_a_pickle_names_each_home_module_once() -> None:
    """The classes carry their home module's own name string, so a pickle (the prebuilt
    file's sections) stores it once, as when they were defined at home."""
    import pickle

    from acupoints import models, rules, safety

    for home, here, rare in (
        (safety, safety.AdviceItem, "DangerZone"),
        (rules, rules.Rule, "CorePoint"),
        (models, models.Point, "PointReadings"),
    ):
        data = pickle.dumps((here, getattr(home, rare)), protocol=pickle.HIGHEST_PROTOCOL)
        assert data.count(home.__name__.encode()) == 1, home.__name__


# -- the reader's records of the sections the prebuilt file leaves unread -----------------

LEXICON_RARE = ("ContextTrigger", "CourseTerm", "FlagClass", "FlagRule", "RoleCue", "Spelling")
"""Made on first use, in :mod:`acupoints._lexicon_rare`, given by
:mod:`acupoints.text.lexicon`'s ``__getattr__``."""


def test_a_first_answer_makes_none_of_the_reader_rare_classes_nor_reads_yaml() -> None:
    """Nor does it import the YAML road of :mod:`acupoints.loading`
    (:mod:`acupoints._from_yaml`)."""
    out = _run(
        "import acupoints\n"
        "kb = acupoints.load()\n"
        "print(acupoints.select('numb back of my left hand').codes)\n"
        "print(acupoints.read('numb feet and I cannot control my bladder').flags)\n"
        "print('MADE', *made())\n"
        "print('MODULES', *sorted(m for m in sys.modules if m.startswith('acupoints._')))\n"
    )
    made = next(line for line in out.splitlines() if line.startswith("MADE")).split()[1:]
    assert {"FlagConcept", "CauseCue", "WordList", "WordConcept"} <= set(made)
    assert not set(LEXICON_RARE) & set(made), sorted(set(LEXICON_RARE) & set(made))
    modules = next(line for line in out.splitlines() if line.startswith("MODULES")).split()
    assert "acupoints._record" in modules  # the check sees the modules it imported
    assert not {"acupoints._lexicon_rare", "acupoints._from_yaml"} & set(modules), modules


@pytest.mark.parametrize(
    "way_in",
    [
        "from acupoints.text.lexicon import Spelling as C",
        "import acupoints.text.lexicon as m; C = m.Spelling",
        "from acupoints.text.lexicon import *; C = Spelling",
        "import acupoints.text.lexicon as m; C = getattr(m, 'Spelling')",
        "from acupoints.loading import Dataset; C = Dataset.model_fields['spellings'].annotation",
        "from acupoints.loading import DATA_FILES; "
        "C = next(s for s in DATA_FILES if s.name == 'text.yaml').sections['spellings']",
        "import acupoints; C = type(acupoints.load()._data.spellings[0])",
        "import acupoints; kb = acupoints.load(); "
        "assert type(kb._data.flag_rules[0]).__name__ == 'FlagRule'; "
        "import acupoints.text.lexicon as m; C = m.Spelling",
        "import pickle, acupoints.text.lexicon as m; "
        "C = pickle.loads(b'\\x80\\x04\\x95\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x8c\\x16"
        "acupoints.text.lexicon\\x94\\x8c\\x08Spelling\\x94\\x93\\x94.')",
    ],
)
def test_every_way_in_finds_the_same_reader_class(way_in: str) -> None:
    out = _run(
        way_in + "\n"
        "import typing, acupoints.text.lexicon as m\n"
        "args = typing.get_args(C)\n"
        "C = args[0] if args else C\n"
        "assert C is m.Spelling, C\n"
        "assert C.__module__ == 'acupoints.text.lexicon' and C.__qualname__ == 'Spelling'\n"
        "assert C.model_fields['variants'].annotation == m.Words\n"
        "print('OK', sorted(set(made()) & {'Spelling', 'FlagRule', 'ContextTrigger'}))\n"
    )
    assert "OK ['ContextTrigger', 'FlagRule', 'Spelling']" in out


def test_the_reader_namespace_is_whole() -> None:
    import pickle

    import acupoints
    from acupoints.text import lexicon

    for name in LEXICON_RARE:
        cls = getattr(lexicon, name)
        assert name in lexicon.__all__ and name in dir(lexicon)
        assert (cls.__module__, cls.__qualname__) == ("acupoints.text.lexicon", name)
        assert pickle.loads(pickle.dumps(cls)) is cls
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        lexicon.Nothing  # noqa: B018
    data = acupoints.load()._data
    for field, name in (
        ("context", "ContextTrigger"),
        ("roles", "RoleCue"),
        ("course", "CourseTerm"),
        ("flag_classes", "FlagClass"),
    ):
        records = getattr(data, field)
        assert records and all(type(r) is getattr(lexicon, name) for r in records)
        assert pickle.loads(pickle.dumps(records[0])) == records[0]
    data = pickle.dumps((lexicon.WordList, lexicon.FlagRule), protocol=pickle.HIGHEST_PROTOCOL)
    assert data.count(b"acupoints.text.lexicon") == 1


def test_a_yaml_load_still_checks_the_reader_rare_records(tmp_path: Path) -> None:
    """In a fresh process: a spelling of an unknown kind and a flag rule with a bad scope
    are each refused, naming text.yaml, the entry and the field."""
    from acupoints.loading import packaged_data_dir

    root = tmp_path / "data"
    shutil.copytree(packaged_data_dir(), root)
    text_yaml = root / "text.yaml"
    text = text_yaml.read_text(encoding="utf-8")
    for old, new, field in (
        ("  - text: havent\n    kind: informal", "  - text: havent\n    kind: slang", "kind"),
        (
            "all: [bladder, failure], near: 3,",
            "all: [bladder, failure], near: 3, scope: page,",
            "scope",
        ),
    ):
        assert text.count(old) == 1, old
        text_yaml.write_text(text.replace(old, new), encoding="utf-8")
        out = _run(
            "import acupoints\n"
            f"try:\n    acupoints.load({str(root)!r})\n"
            "except acupoints.DataError as e:\n    print('ERROR', e.file, e.entry, e.field)\n"
        )
        assert "ERROR" in out and "text.yaml" in out and field in out, out
    text_yaml.write_text(text, encoding="utf-8")
    out = _run(
        "import acupoints\n"
        f"kb = acupoints.load({str(root)!r})\n"
        "print('OK', kb._data.spellings[0].text, kb._data.flag_rules[0].id)\n"
    )
    assert "OK havent bladder_failing" in out


def test_the_yaml_road_is_found_on_loading() -> None:
    """:mod:`acupoints._from_yaml`'s names are :mod:`acupoints.loading`'s, and the two
    that callers replace there (``_parse_yaml``, ``_strict_loader``) are read from it."""
    from acupoints import _from_yaml, loading

    for name in loading._YAML_ROAD:
        assert getattr(loading, name) is getattr(_from_yaml, name)
    assert loading.DATA_FILES is _from_yaml._data_files()
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        loading.Nothing  # noqa: B018


def test_a_parse_replaced_on_loading_is_the_one_read_dataset_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acupoints import DataError, loading

    shutil.copytree(loading.packaged_data_dir(), tmp_path / "data")
    seen: list[str] = []

    def parse(text: str, file: str) -> object:
        seen.append(Path(file).name)
        raise DataError("refused by the test", file=file)

    monkeypatch.setattr(loading, "_parse_yaml", parse)
    with pytest.raises(DataError, match="refused by the test"):
        loading.read_dataset(tmp_path / "data", cache=False)
    assert "points.yaml" in seen and "text.yaml" in seen


def test_the_romanisations_are_found_in_models() -> None:
    """Made with the readings (:mod:`acupoints._models_rare`), named by and found in
    :mod:`acupoints.models` as before."""
    import pickle

    from acupoints import _models_rare, models
    from acupoints.models import romanize_hangul, romanize_kana

    for f in (romanize_hangul, romanize_kana):
        assert f.__module__ == "acupoints.models" and getattr(models, f.__name__) is f
        assert getattr(_models_rare, f.__name__) is f and f.__name__ in dir(models)
        assert pickle.loads(pickle.dumps(f)) is f
    assert (romanize_hangul("합곡"), romanize_kana("ごうこく")) == ("Hapgok", "Gōkoku")


def test_the_alias_index_is_made_by_its_first_look_up() -> None:
    """:class:`acupoints.index.PointIndex` (in :mod:`acupoints._point_index`): a first answer
    does not import it; a look-up by name does, and finds the class in
    :mod:`acupoints.index` as before."""
    out = _run(
        "import acupoints\n"
        "kb = acupoints.load()\n"
        "print(acupoints.select('numb back of my left hand').codes)\n"
        "print('FIRST', 'acupoints._point_index' in sys.modules)\n"
        "print(kb.point('Hegu').code, kb.point('li-4').code)\n"
        "import acupoints.index as m\n"
        "assert type(kb._index) is m.PointIndex and m.PointIndex.__module__ == m.__name__\n"
        "assert 'PointIndex' in dir(m) and 'PointIndex' in m.__all__\n"
        "try:\n    kb.point('LI44')\n"
        "except acupoints.UnknownPointError as e:\n    print('UNKNOWN', e)\n"
    )
    assert "FIRST False" in out
    assert "LI4 LI4" in out and "UNKNOWN" in out and "LI4" in out.split("UNKNOWN")[1]
