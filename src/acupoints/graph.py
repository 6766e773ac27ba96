"""Build the knowledge graph: a ``networkx.MultiDiGraph`` over ids.

Node ids are ``<kind>:<id>``; every node has the attributes ``kind`` and ``label``.
The edge *key* is the relation. The schema is documented in ``docs/graph.md`` and pinned
by ``tests/test_graph.py``.

========================  ==================  ===========================================
relation (edge key)        from -> to          meaning
========================  ==================  ===========================================
``on_meridian``           point -> meridian   the point belongs to the meridian
``next``                  point -> point      next point along the same meridian
``flow_next``             point -> point      last point of a meridian -> first of the
                                              next one in the daily flow (LI20 -> ST1)
``flow_next``             meridian -> meridian  daily flow order LU -> LI -> ... -> LR -> LU
``interior_exterior``     meridian -> meridian  paired meridians (both directions)
``same_name``             meridian -> meridian  hand/foot meridians sharing a six-channel
                                              name (both directions)
``located_in``            point -> region     the point's most specific region
``part_of``               region -> region    region hierarchy, child -> parent
``crosses``               point -> meridian|vessel  a crossing point's other channels
``confluent_of``          point -> vessel|meridian  eight confluent points
``back_shu_of`` ...       point -> meridian   ``<category>_of`` for back_shu, front_mu,
                                              lower_he_sea, xi_cleft, luo_connecting
``innervated_by``         point -> nerve      a nerve supplying the point (attrs layer,
                                              sources)
``branch_of``             nerve -> nerve      a branch and the nerve it leaves
``carries``               nerve -> segment    the spinal roots in the nerve
``supplies``              nerve -> region     cutaneous territory (attr ``aspects``)
``dermatome``             region -> segment   the region lies (partly) in the segment's
                                              dermatome (attr ``aspects``)
========================  ==================  ===========================================
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from .anatomy import merged_territory as _merged

if TYPE_CHECKING:
    import networkx as nx

    from .kb import KnowledgeBase

__all__ = ["build_graph", "node_id"]

_OF_RELATIONS = ("back_shu", "front_mu", "lower_he_sea", "xi_cleft", "luo_connecting")


def node_id(kind: str, ident: str) -> str:
    """The graph id of a record: ``node_id("point", "LI4") == "point:LI4"``."""
    return f"{kind}:{ident}"


def _channel_node(code: str) -> str:
    return node_id("meridian" if len(code) == 2 else "vessel", code)


def build_graph(kb: KnowledgeBase) -> nx.MultiDiGraph:
    """Build the graph of ``kb`` (use :attr:`KnowledgeBase.graph`, which caches it).

    networkx is imported here, on first use of the graph: lookups and selections read
    the plain tables of :mod:`acupoints.anatomy` and never need it."""
    import networkx as nx

    g = nx.MultiDiGraph(name="acupoints")
    for m in kb.meridians:
        g.add_node(node_id("meridian", m.code), kind="meridian", label=m.names.english, code=m.code)
    for v in kb.vessels:
        g.add_node(node_id("vessel", v.code), kind="vessel", label=v.names.english, code=v.code)
    for r in kb.regions:
        g.add_node(node_id("region", r.id), kind="region", label=r.name, id=r.id)
    for r in kb.regions:
        if r.parent is not None:
            g.add_edge(node_id("region", r.id), node_id("region", r.parent), key="part_of")
    for n in kb.nerves:
        g.add_node(node_id("nerve", n.id), kind="nerve", label=n.name, id=n.id)
    for seg in kb.segments:
        g.add_node(
            node_id("segment", seg.id), kind="segment", label=f"spinal segment {seg.id}", id=seg.id
        )
    for n in kb.nerves:
        here = node_id("nerve", n.id)
        if n.parent is not None:
            g.add_edge(here, node_id("nerve", n.parent), key="branch_of")
        for level in n.segments:
            there = node_id("segment", level)
            if there not in g:  # roots outside the dermatome table (C1, Co)
                g.add_node(there, kind="segment", label=f"spinal segment {level}", id=level)
            g.add_edge(here, there, key="carries")
        for region, aspects in _merged(n.territory):
            g.add_edge(here, node_id("region", region), key="supplies", aspects=aspects)
    for seg in kb.segments:
        for region, aspects in _merged(seg.territory):
            g.add_edge(
                node_id("region", region),
                node_id("segment", seg.id),
                key="dermatome",
                aspects=aspects,
            )
    for p in kb.points:
        g.add_node(
            node_id("point", p.code), kind="point", label=str(p), code=p.code, meridian=p.meridian
        )
        g.add_edge(node_id("point", p.code), node_id("region", p.location.region), key="located_in")
        if p.meridian is not None:
            g.add_edge(node_id("point", p.code), node_id("meridian", p.meridian), key="on_meridian")
        for inn in p.innervation:
            g.add_edge(
                node_id("point", p.code),
                node_id("nerve", inn.nerve),
                key="innervated_by",
                layer=inn.layer,
                sources=inn.sources,
            )
        for c in p.categories:
            if c.kind == "crossing":
                for ch in c.meridians:
                    if ch != p.meridian:
                        g.add_edge(node_id("point", p.code), _channel_node(ch), key="crosses")
            elif c.kind == "confluent" and c.of is not None:
                g.add_edge(node_id("point", p.code), _channel_node(c.of), key="confluent_of")
            elif c.kind in _OF_RELATIONS and c.of is not None:
                g.add_edge(node_id("point", p.code), _channel_node(c.of), key=f"{c.kind}_of")

    regular = sorted(
        (m for m in kb.meridians if m.flow_order is not None), key=lambda m: m.flow_order or 0
    )
    for i, m in enumerate(regular):
        nxt = regular[(i + 1) % len(regular)]
        g.add_edge(node_id("meridian", m.code), node_id("meridian", nxt.code), key="flow_next")
        line, following = kb.points_of(m.code), kb.points_of(nxt.code)
        if line and following:
            g.add_edge(
                node_id("point", line[-1].code),
                node_id("point", following[0].code),
                key="flow_next",
            )
        if m.partner is not None:
            g.add_edge(
                node_id("meridian", m.code), node_id("meridian", m.partner), key="interior_exterior"
            )
        if m.same_name_partner is not None:
            g.add_edge(
                node_id("meridian", m.code),
                node_id("meridian", m.same_name_partner),
                key="same_name",
            )
    for m in kb.meridians:
        line = kb.points_of(m.code)
        for a, b in pairwise(line):
            g.add_edge(node_id("point", a.code), node_id("point", b.code), key="next")
    return g
