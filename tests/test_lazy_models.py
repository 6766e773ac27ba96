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
