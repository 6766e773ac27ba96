"""Exports: to_dict/to_json of every model, JSON Schemas of the data files (current, and
valid for the data), GraphML and node-link JSON, the points CSV and DataFrames."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from pydantic import BaseModel

import acupoints
from acupoints import DataError, KnowledgeBase
from acupoints._record import Record
from acupoints.cli import main as cli_main
from acupoints.export import (
    POINT_COLUMNS,
    graph_for_export,
    node_link,
    point_rows,
    schema_text,
    schemas,
    write_graphml,
)
from acupoints.loading import DATA_FILES, packaged_data_dir
from acupoints.testing import strategies as ast

SCHEMA_DIR = packaged_data_dir() / "schemas"


# ------------------------------------------------------------------ to_dict / to_json
def _every_record(kb: KnowledgeBase) -> list[BaseModel]:
    data = kb.dataset
    out: list[BaseModel] = []
    for name in type(data).model_fields:
        value = getattr(data, name)
        out += list(value) if isinstance(value, tuple) else [value] if value is not None else []
    return out


def test_every_model_is_a_record() -> None:
    for spec in DATA_FILES:
        for model in spec.sections.values():
            assert issubclass(model, Record), model
    for model in (acupoints.Selection, acupoints.Patient, acupoints.Location):
        assert issubclass(model, Record)


def test_every_record_of_the_data_round_trips(kb: KnowledgeBase) -> None:
    records = _every_record(kb)
    assert len(records) > 1200  # sources, meridians, points, rules, figure ...
    for rec in records:
        assert isinstance(rec, Record)
        d = rec.to_dict()
        json.dumps(d)  # JSON-ready
        assert type(rec).from_dict(d) == rec
        assert type(rec).from_json(rec.to_json()) == rec


@settings(max_examples=60, deadline=None)
@given(sel=ast.selections())
def test_selections_round_trip(sel: acupoints.Selection) -> None:
    assert acupoints.Selection.from_json(sel.to_json(indent=1)) == sel
    assert acupoints.Selection.from_dict(json.loads(json.dumps(sel.to_dict()))) == sel


def test_from_dict_names_the_field() -> None:
    with pytest.raises(DataError) as err:
        acupoints.Patient.from_dict({"pregnant": True, "pregnancy_week": "soon"})
    assert err.value.entry == "Patient"
    assert err.value.field == "pregnancy_week"
    with pytest.raises(DataError, match="not JSON"):
        acupoints.Patient.from_json("{")
    with pytest.raises(DataError, match=r"unknown|Extra"):
        acupoints.Patient.from_dict({"pregnnat": True})


def test_to_json_keeps_hanzi(kb: KnowledgeBase) -> None:
    assert "合谷" in kb.point("LI4").to_json()


# ------------------------------------------------------------------ JSON Schemas
def test_schemas_cover_every_data_file() -> None:
    assert sorted(schemas()) == sorted(spec.name for spec in DATA_FILES)


@pytest.mark.parametrize("name", [spec.name for spec in DATA_FILES])
def test_checked_in_schema_is_current(name: str) -> None:
    path = SCHEMA_DIR / name.replace(".yaml", ".schema.json")
    assert path.is_file(), f"missing {path}: run `acupoints export schemas -o data/schemas`"
    assert path.read_text(encoding="utf-8") == schema_text(schemas()[name]), (
        f"{path} is stale: run `acupoints export schemas -o data/schemas`"
    )


def _parsed(pristine_yaml: dict[str, tuple[str, Any]], name: str) -> Any:
    """A copy of what the library's parser made of the packaged file ``name`` (parsed once
    per test process by the ``pristine_yaml`` fixture; PyYAML's pure-Python ``safe_load``
    of points.yaml took a second each time)."""
    text = (packaged_data_dir() / name).read_text(encoding="utf-8")
    found, parsed = pristine_yaml[text]
    assert found == name
    return copy.deepcopy(parsed)


@pytest.mark.parametrize("name", [spec.name for spec in DATA_FILES])
def test_data_file_declares_and_passes_its_schema(
    name: str, pristine_yaml: dict[str, tuple[str, Any]]
) -> None:
    import jsonschema

    text = (packaged_data_dir() / name).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schemas/{name[:-5]}.schema.json"
    jsonschema.validate(_parsed(pristine_yaml, name), schemas()[name])


@pytest.mark.parametrize(
    ("name", "breakage"),
    [
        ("points.yaml", lambda d: d["points"][0].pop("names")),
        ("points.yaml", lambda d: d["points"][3]["location"].update(surface="outer")),
        ("points.yaml", lambda d: d["points"][5].update(colour="red")),
        ("meridians.yaml", lambda d: d["meridians"][0].update(point_count="eleven")),
        ("safety.yaml", lambda d: d["red_flags"][0].update(urgency="whenever")),
        ("figure.yaml", lambda d: d["positions"][0].update(view="side")),
    ],
)
def test_schema_rejects_what_loading_rejects(
    name: str, breakage: Any, data_copy: Path, pristine_yaml: dict[str, tuple[str, Any]]
) -> None:
    import jsonschema
    import yaml

    path = data_copy / name
    data = _parsed(pristine_yaml, name)
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schemas()[name])
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # the C emitter when there is one
    path.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as err:
        acupoints.load(data_copy)
    assert err.value.file is not None and err.value.file.endswith(name)


# ------------------------------------------------------------------ graph
def test_graphml_round_trips_every_node_and_edge(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(kb, path)
    back = nx.read_graphml(path, force_multigraph=True)
    g = kb.graph
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes["point:LI4"]["kind"] == "point"
    assert back.nodes["point:LI4"]["meridian"] == "LI"
    types = {d["type"] for _, _, d in back.edges(data=True)}
    assert types == {k for _, _, k in g.edges(keys=True)}
    exported = graph_for_export(kb)
    for _, _, d in exported.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values())


def test_node_link_round_trips(kb: KnowledgeBase) -> None:
    data = json.loads(json.dumps(node_link(kb)))
    back = nx.node_link_graph(data, edges="edges")
    g = kb.graph
    assert set(back.nodes) == set(g.nodes)
    assert sorted(back.edges(keys=True)) == sorted(g.edges(keys=True))
    assert back.nodes["point:BL10"] == dict(g.nodes["point:BL10"])
    assert back.nodes["region:face.jaw"]["kind"] == "region"


# ------------------------------------------------------------------ points, frames
def test_points_csv_has_a_row_per_point(kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "points.csv"
    assert cli_main(["export", "points-csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == len(kb.points) == 409
    assert tuple(rows[0]) == (*POINT_COLUMNS, "version", "data_version")
    assert {(r["version"], r["data_version"]) for r in rows} == {
        (acupoints.__version__, kb.data_version)
    }
    by_code = {r["code"]: r for r in rows}
    assert sum(1 for r in rows if r["meridian"]) == 361
    li4 = by_code["LI4"]
    assert (li4["pinyin"], li4["hanzi"], li4["region"], li4["surface"]) == (
        "Hegu",
        "合谷",
        "hand.dorsum",
        "yang",
    )
    assert li4["pregnancy_caution"] == "True"
    assert "radial.superficial" in li4["nerves"].split("; ")
    for row, p in zip(rows, kb.points, strict=True):
        assert row["code"] == p.code
        assert row["english"] == p.names.english
        cited = set(row["sources"].split("; "))
        assert set(p.names.sources) <= cited and set(p.location.sources) <= cited


def test_point_rows_are_flat(kb: KnowledgeBase) -> None:
    for row in point_rows(kb):
        assert all(v is None or isinstance(v, (str, int, float, bool)) for v in row.values())


def test_frames(kb: KnowledgeBase) -> None:
    pd = pytest.importorskip("pandas")
    frame = kb.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert frame.shape == (409, len(POINT_COLUMNS) - 1)
    assert frame.loc["ST36", "pinyin"] == "Zusanli"
    assert frame["meridian"].value_counts()["BL"] == 67
    sel = kb.select("numb soles of both feet", cause="diabetic")
    table = sel.to_frame()
    assert list(table["code"]) == list(sel.codes)
    assert table.index[0] == 1
    assert list(table["role"]) == [p.role for p in sel.points]


def test_export_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for what in ("points-json", "meridians-json", "node-link"):
        out = tmp_path / f"{what}.json"
        assert cli_main(["export", what, "-o", str(out)]) == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data
    kb = acupoints.load()
    versions = {"version": acupoints.__version__, "data_version": kb.data_version}
    meridians = json.loads((tmp_path / "meridians-json.json").read_text())
    points = json.loads((tmp_path / "points-json.json").read_text())
    assert {k: meridians.pop(k) for k in versions} == versions
    assert {k: points.pop(k) for k in versions} == versions
    assert [m["code"] for m in meridians.pop("meridians")] == [
        m.code for m in (*kb.meridians, *kb.vessels)
    ]
    assert len(kb.meridians) == 14 and meridians == {}
    assert [p["code"] for p in points.pop("points")] == [p.code for p in kb.points]
    assert len(kb.points) == 409 and points == {}
    assert cli_main(["export", "graphml", "-o", str(tmp_path / "g.graphml")]) == 0
    assert cli_main(["export", "schemas", "-o", str(tmp_path / "schemas")]) == 0
    for spec in DATA_FILES:
        name = spec.name.replace(".yaml", ".schema.json")
        assert (tmp_path / "schemas" / name).read_text() == (SCHEMA_DIR / name).read_text()
    capsys.readouterr()
    assert cli_main(["export", "schemas"]) == 2
    assert "needs a directory" in capsys.readouterr().err
    assert cli_main(["export", "node-link", "-o", str(tmp_path / "no" / "such" / "x")]) == 2
    assert "cannot write" in capsys.readouterr().err
