"""The knowledge graph: node and edge schema, and the counts that follow from the data."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import networkx as nx

from acupoints import KnowledgeBase

DOCS = Path(__file__).resolve().parents[1] / "docs" / "graph.md"


def relations(g: nx.MultiDiGraph) -> Counter[str]:
    return Counter(k for _, _, k in g.edges(keys=True))


def test_graph_is_a_multidigraph_and_cached(kb: KnowledgeBase) -> None:
    assert isinstance(kb.graph, nx.MultiDiGraph)
    assert kb.graph is kb.graph


def test_node_kinds_and_ids(kb: KnowledgeBase) -> None:
    g = kb.graph
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert kinds == {
        "point": 409,
        "meridian": 14,
        "vessel": 6,
        "region": len(kb.regions),
        "nerve": len(kb.nerves),
        "segment": 31,
    }  # C1-S5 and Co
    bad = [n for n, d in g.nodes(data=True) if not n.startswith(d["kind"] + ":")]
    assert not bad
    assert all("label" in d for _, d in g.nodes(data=True))


def test_edge_counts(kb: KnowledgeBase) -> None:
    r = relations(kb.graph)
    assert r["on_meridian"] == 361
    assert r["next"] == 361 - 14
    assert r["flow_next"] == 12 + 12  # meridian ring and point-level hand-overs
    assert r["located_in"] == 409
    assert r["part_of"] == len(kb.regions) - 1
    assert r["interior_exterior"] == 12
    assert r["same_name"] == 12
    assert r["confluent_of"] == 8
    assert r["back_shu_of"] == 12 and r["front_mu_of"] == 12
    assert r["lower_he_sea_of"] == 6 and r["xi_cleft_of"] == 16 and r["luo_connecting_of"] == 15
    assert r["crosses"] > 150


def test_flow_runs_around_the_twelve_meridians(kb: KnowledgeBase) -> None:
    g = kb.graph
    handover = {
        u: v for u, v, k in g.edges(keys=True) if k == "flow_next" and u.startswith("point:")
    }
    assert handover["point:LU11"] == "point:LI1"
    assert handover["point:LI20"] == "point:ST1"
    assert handover["point:LR14"] == "point:LU1"
    ring = {
        u: v for u, v, k in g.edges(keys=True) if k == "flow_next" and u.startswith("meridian:")
    }
    cur, seen = "meridian:LU", []
    for _ in range(12):
        seen.append(cur)
        cur = ring[cur]
    assert cur == "meridian:LU" and len(set(seen)) == 12


def test_point_edges(kb: KnowledgeBase) -> None:
    g = kb.graph
    out = {(v, k) for _, v, k in g.out_edges("point:LI4", keys=True)}
    assert ("meridian:LI", "on_meridian") in out
    assert ("region:hand.dorsum", "located_in") in out
    assert ("point:LI5", "next") in out
    assert ("vessel:CHONG", "confluent_of") in {
        (v, k) for _, v, k in g.out_edges("point:SP4", keys=True)
    }
    assert ("meridian:LU", "back_shu_of") in {
        (v, k) for _, v, k in g.out_edges("point:BL13", keys=True)
    }


def test_regions_form_a_tree_rooted_at_body(kb: KnowledgeBase) -> None:
    g = kb.graph
    parts = nx.DiGraph([(u, v) for u, v, k in g.edges(keys=True) if k == "part_of"])
    assert nx.is_arborescence(parts.reverse())
    assert all(nx.has_path(parts, n, "region:body") for n in parts)


def test_points_in_a_region_by_graph(kb: KnowledgeBase) -> None:
    g = kb.graph
    hand = {u for u, v, k in g.in_edges("region:hand.dorsum", keys=True) if k == "located_in"}
    assert {"point:LI4", "point:TE3", "point:SI3", "point:EX-UE9"} <= hand


def test_schema_is_documented(kb: KnowledgeBase) -> None:
    """Every relation in the graph is described in docs/graph.md, and nothing more."""
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", DOCS.read_text(encoding="utf-8"), re.M))
    assert documented == set(relations(kb.graph))
    kinds = set(re.findall(r"^\| `([a-z]+):", DOCS.read_text(encoding="utf-8"), re.M))
    assert kinds == {"point", "meridian", "vessel", "region", "nerve", "segment"}


def test_tiny_graph(tiny_kb: KnowledgeBase) -> None:
    g = tiny_kb.graph
    r = relations(g)
    assert r["on_meridian"] == 4 and r["next"] == 2 and r["located_in"] == 5
    assert ("point:LU2", "point:LI1", "flow_next") in set(g.edges(keys=True))
