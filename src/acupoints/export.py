"""Exports: the points as flat rows (CSV, DataFrame), the graph as GraphML and node-link
JSON, and a JSON Schema for every data file.

```pycon
>>> import acupoints, io
>>> kb = acupoints.load()
>>> rows = point_rows(kb)
>>> len(rows), rows[0]["code"], rows[0]["hanzi"]
(409, 'LU1', '中府')
>>> buf = io.StringIO()
>>> write_points_csv(kb, buf), buf.getvalue().splitlines()[0][:40]
(409, 'code,meridian,group,number,pinyin,hanzi,')
>>> sorted(schemas())[:3]
['causes.yaml', 'figure.yaml', 'meridians.yaml']

```

Nothing here imports pandas unless :func:`points_frame` or :func:`selection_frame` is
called; pandas is the optional extra ``acupoints[frames]``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from .kb import KnowledgeBase
    from .selection import Selection

__all__ = [
    "POINT_COLUMNS",
    "POINT_CSV_COLUMNS",
    "SCHEMA_BASE",
    "SELECTION_COLUMNS",
    "graph_for_export",
    "meridians_document",
    "node_link",
    "point_rows",
    "points_document",
    "points_frame",
    "schema_text",
    "schemas",
    "selection_frame",
    "selection_rows",
    "write_graphml",
    "write_points_csv",
    "write_schemas",
]

SEP = "; "
"""Separator of list values inside one CSV cell or GraphML attribute."""

POINT_COLUMNS: tuple[str, ...] = (
    "code",
    "meridian",
    "group",
    "number",
    "pinyin",
    "hanzi",
    "hanzi_simplified",
    "english",
    "korean",
    "vietnamese",
    "japanese",
    "aliases",
    "region",
    "aspects",
    "surface",
    "laterality",
    "level",
    "location",
    "landmarks",
    "nerves",
    "segments",
    "needling",
    "depth_min_cun",
    "depth_max_cun",
    "categories",
    "cautions",
    "structures_at_risk",
    "pregnancy_caution",
    "sites",
    "sources",
)
"""Columns of :func:`point_rows`, of the points CSV and of ``kb.to_frame()``."""

POINT_CSV_COLUMNS: tuple[str, ...] = (*POINT_COLUMNS, "version", "data_version")
"""The columns of ``acupoints export points-csv``: :data:`POINT_COLUMNS`, then the
library's version and the data version on every row."""


def _join(values: Iterable[Any]) -> str:
    return SEP.join(str(v) for v in values)


def point_rows(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One flat dict per point (standard points in meridian order, then extra points),
    with the columns of :data:`POINT_COLUMNS`. Lists are joined with ``"; "``; a missing
    value is ``None``; ``sources`` lists every source cited anywhere in the record and its
    readings (``korean`` is the Hangul of readings.yaml, ``vietnamese`` the Hán-Việt,
    ``japanese`` the kana)."""
    rows = []
    for p in kb.points:
        loc = p.location
        depths = [n.depth_cun for n in p.needling if n.depth_cun]
        limit = p.depth_limit_cun
        readings = kb.readings(p.code)
        korean = readings.korean if readings is not None else None
        vietnamese = readings.vietnamese if readings is not None else None
        japanese = readings.japanese if readings is not None else None
        sources: dict[str, None] = {}
        for part in (
            p.names,
            loc,
            *p.aliases,
            *p.innervation,
            *p.needling,
            *p.categories,
            *p.cautions,
            *p.sites,
            korean,
            vietnamese,
            japanese,
        ):
            sources.update(dict.fromkeys(getattr(part, "sources", ())))
        rows.append(
            {
                "code": p.code,
                "meridian": p.meridian,
                "group": p.group,
                "number": p.number,
                "pinyin": p.names.pinyin,
                "hanzi": p.names.hanzi,
                "hanzi_simplified": p.names.hanzi_simplified,
                "english": p.names.english,
                "korean": korean.hangul if korean is not None else None,
                "vietnamese": vietnamese.name if vietnamese is not None else None,
                "japanese": japanese.kana if japanese is not None else None,
                "aliases": _join(a.name for a in p.aliases),
                "region": loc.region,
                "aspects": _join(loc.aspects),
                "surface": loc.surface,
                "laterality": loc.laterality,
                "level": loc.level,
                "location": loc.description,
                "landmarks": _join(loc.landmarks),
                "nerves": _join(dict.fromkeys(i.nerve for i in p.innervation)),
                "segments": _join(kb.segments_of(p)),
                "needling": _join(dict.fromkeys(n.angle for n in p.needling)),
                # the deepest shown is the most conservative source's (Point.depth_limit_cun)
                "depth_min_cun": None if limit is None else min([*(d[0] for d in depths), limit]),
                "depth_max_cun": limit,
                "categories": _join(
                    dict.fromkeys(c.kind + (f":{c.of}" if c.of else "") for c in p.categories)
                ),
                "cautions": _join(dict.fromkeys(c.kind for c in p.cautions)),
                "structures_at_risk": _join(
                    dict.fromkeys(c.structure for c in p.cautions if c.structure)
                ),
                "pregnancy_caution": any(c.kind == "pregnancy" for c in p.cautions),
                "sites": len(p.sites) or None,
                "sources": _join(sources),
            }
        )
    return rows


def write_points_csv(kb: KnowledgeBase, out: IO[str]) -> int:
    """Write :func:`point_rows` as CSV (UTF-8 text, header row) with the columns of
    :data:`POINT_CSV_COLUMNS`: every row ends with the library's ``version`` and the
    ``data_version``, so a table saved apart from its source still says what made it.
    Returns the row count."""
    rows = point_rows(kb)
    versions = {"version": _version(), "data_version": kb.data_version}
    writer = csv.DictWriter(out, fieldnames=POINT_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({**row, **versions} for row in rows)
    return len(rows)


def points_document(kb: KnowledgeBase) -> dict[str, Any]:
    """Every point's full record (``to_dict``), in the order of ``kb.points``, with the
    versions that made them: ``{"version", "data_version", "points": [...]}`` (what
    ``acupoints export points-json`` writes)."""
    return {
        "version": _version(),
        "data_version": kb.data_version,
        "points": [p.to_dict() for p in kb.points],
    }


def meridians_document(kb: KnowledgeBase) -> dict[str, Any]:
    """Every meridian and vessel's full record with the versions that made them:
    ``{"version", "data_version", "meridians": [...]}``, the 14 channels first, then the
    other vessels (what ``acupoints export meridians-json`` writes)."""
    return {
        "version": _version(),
        "data_version": kb.data_version,
        "meridians": [m.to_dict() for m in (*kb.meridians, *kb.vessels)],
    }


def _pandas() -> Any:
    import importlib

    try:
        return importlib.import_module("pandas")
    except ImportError:
        from .errors import MissingExtraError

        raise MissingExtraError(
            "pandas is not installed; install the extra: pip install 'acupoints[frames]'"
        ) from None


def points_frame(kb: KnowledgeBase) -> Any:
    """The points as a :class:`pandas.DataFrame` indexed by code (``kb.to_frame()``);
    ``frame.attrs`` holds the library's ``version`` and the ``data_version``."""
    pd = _pandas()
    frame = pd.DataFrame.from_records(point_rows(kb), columns=list(POINT_COLUMNS))
    frame["number"] = frame["number"].astype("int64")
    for col in ("depth_min_cun", "depth_max_cun"):
        frame[col] = frame[col].astype("float64")
    frame["sites"] = frame["sites"].astype("Int64")
    frame = frame.set_index("code")
    frame.attrs.update(version=_version(), data_version=kb.data_version)
    return frame


SELECTION_COLUMNS: tuple[str, ...] = (
    "rank",
    "code",
    "pinyin",
    "hanzi",
    "english",
    "meridian",
    "region",
    "surface",
    "side",
    "group",
    "role",
    "alternatives",
    "score",
    "rules",
    "sources",
    "why",
    "cautions",
)


def selection_rows(sel: Selection) -> list[dict[str, Any]]:
    """One flat dict per selected point, in prescription order (see ``Selection.to_frame``)."""
    rows = []
    for rank, rp in enumerate(sel.points, 1):
        p = rp.point
        mains = [r for r in rp.reasons if not r.rule.startswith("score.")]
        rows.append(
            {
                "rank": rank,
                "code": rp.code,
                "pinyin": p.names.pinyin,
                "hanzi": p.names.hanzi,
                "english": p.names.english,
                "meridian": p.meridian,
                "region": p.location.region,
                "surface": p.location.surface,
                "side": rp.side,
                "group": rp.group,
                "role": rp.role,
                "alternatives": _join(rp.alternatives),
                "score": rp.score,
                "rules": _join(r.rule for r in mains),
                "sources": _join(dict.fromkeys(s for r in rp.reasons for s in r.sources)),
                "why": rp.why.text if rp.why is not None else "",
                "cautions": _join(f"{w.origin}: {w.note}" for w in rp.cautions),
            }
        )
    return rows


def selection_frame(sel: Selection) -> Any:
    """A selection as a :class:`pandas.DataFrame`, one row per point, indexed by rank;
    ``frame.attrs`` holds the selection's ``version`` and ``data_version``."""
    pd = _pandas()
    frame = pd.DataFrame.from_records(selection_rows(sel), columns=list(SELECTION_COLUMNS))
    frame = frame.set_index("rank")
    frame.attrs.update(version=sel.version, data_version=sel.data_version)
    return frame


# -- the graph ------------------------------------------------------------------------


def _scalar(value: Any) -> Any:
    if isinstance(value, (tuple, list, set, frozenset)):
        return _join(value)
    return value


def graph_for_export(kb: KnowledgeBase) -> nx.MultiDiGraph:
    """A copy of ``kb.graph`` that GraphML can hold: list values joined with ``"; "``,
    ``None`` values left out, and each edge's key also stored as its ``type``."""
    import networkx as nx

    g = kb.graph
    out = nx.MultiDiGraph(name="acupoints", version=_version(), data_version=kb.data_version)
    for node, data in g.nodes(data=True):
        out.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for u, v, key, data in g.edges(keys=True, data=True):
        attrs = {k: _scalar(x) for k, x in data.items() if x is not None}
        out.add_edge(u, v, key=key, type=key, **attrs)
    return out


def write_graphml(kb: KnowledgeBase, out: str | Path | IO[bytes]) -> None:
    """Write the graph as GraphML (readable by Gephi, Cytoscape, yEd, ``networkx``)."""
    import networkx as nx

    nx.write_graphml(graph_for_export(kb), out, encoding="utf-8", named_key_ids=True)


def node_link(kb: KnowledgeBase) -> dict[str, Any]:
    """The graph as node-link JSON data (``{"nodes": [...], "edges": [...]}``, the form
    of :func:`networkx.node_link_data` with ``edges="edges"``; list values stay lists).
    ``networkx.node_link_graph(data, edges="edges")`` reads it back. As in networkx,
    ``id`` is the node's identifier (``region:face.jaw``); the bare id that region, nerve
    and segment nodes carry as an attribute is its part after the colon."""
    g = kb.graph
    nodes = [{**_jsonable(d), "id": n} for n, d in g.nodes(data=True)]
    edges = [
        {"source": u, "target": v, "key": k, **_jsonable(d)}
        for u, v, k, d in g.edges(keys=True, data=True)
    ]
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"name": "acupoints", "version": _version(), "data_version": kb.data_version},
        "nodes": nodes,
        "edges": edges,
    }


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


def _version() -> str:
    from . import __version__

    return __version__


# -- JSON Schemas of the data files ------------------------------------------------------

SCHEMA_BASE = "https://acupoints.github.io/acupoints/schemas/"
"""Where the schemas are published; each schema's ``$id`` is this plus its file name."""


def schemas() -> dict[str, dict[str, Any]]:
    """A JSON Schema (draft 2020-12) for every data file, by file name, generated from
    the models that load it. ``data/schemas/<file>.schema.json`` holds the same text
    (a test checks that it is current); point an editor's YAML support at it to get
    completion and validation while editing the data."""
    from pydantic import ConfigDict, create_model

    from .loading import DATA_FILES

    out = {}
    for spec in DATA_FILES:
        fields: dict[str, Any] = {}
        for section, model in spec.sections.items():
            if section in spec.single:
                fields[section] = (model | None, None)
            else:
                fields[section] = (list[model], [])  # type: ignore[valid-type]
        stem = spec.name.removesuffix(".yaml")
        wrapper = create_model(
            f"{stem.title()}File",
            __config__=ConfigDict(extra="forbid"),
            **fields,
        )
        schema = wrapper.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_BASE + spec.name.replace(".yaml", ".schema.json"),
            "title": f"acupoints {spec.name}",
            "description": f"The {spec.name} data file of acupoints: top-level sections "
            + ", ".join(f"`{s}`" for s in spec.sections)
            + ". Generated from the models; do not edit by hand.",
            **{k: v for k, v in schema.items() if k not in ("title", "description")},
        }
        out[spec.name] = schema
    return out


def schema_text(schema: dict[str, Any]) -> str:
    """The checked-in form of a schema: sorted keys off, 2-space indent, final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: str | Path) -> list[Path]:
    """Write every schema to ``directory/<file>.schema.json``; returns the paths."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = target / name.replace(".yaml", ".schema.json")
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written
