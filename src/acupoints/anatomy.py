"""The body model: regions, Yin/Yang limb surfaces, nerves and dermatomes, queried
through the knowledge graph.

All queries walk :attr:`KnowledgeBase.graph` (``part_of``, ``located_in``,
``innervated_by``, ``carries``, ``supplies``, ``dermatome`` edges); nothing here loops over
the record lists to answer a question.

```pycon
>>> import acupoints
>>> kb = acupoints.load()
>>> [p.code for p in kb.points_in("hand.dorsum", surface="yang")][:4]
['LI3', 'LI4', 'SI3', 'TE2']
>>> kb.segments_for("hand.thumb")[0], kb.nerves_for("foot.sole")[0]
('C6', 'tibial')

```
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

import networkx as nx

from .errors import UnknownNerveError, UnknownRegionError, UnknownSegmentError
from .graph import node_id
from .index import code_order
from .names import suggest

if TYPE_CHECKING:
    from .kb import KnowledgeBase
    from .models import Point

__all__ = ["Anatomy", "Coverage"]

Coverage = tuple[str, float]
"""An id (segment or nerve) and how well it covers a location, 0 < score <= 1."""

_ARM_ROOT = "upper_limb"
_LEG_ROOT = "lower_limb"


class Anatomy:
    """Region, surface, nerve and dermatome queries over one knowledge base's graph.

    Use it through the knowledge base: ``kb.points_in(...)``, ``kb.segments_for(...)``,
    ``kb.nerves_for(...)``, ``kb.surface_of(...)``.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._keys: dict[str, frozenset[str]] = {}  # region -> segments keyed in it
        self._g = kb.graph
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._points_cache: dict[tuple[object, ...], tuple[Point, ...]] = {}

    # --------------------------------------------------------------- graph views
    @cached_property
    def _regions(self) -> nx.DiGraph:
        """Region tree, child -> parent."""
        edges = [(u, v) for u, v, k in self._g.edges(keys=True) if k == "part_of"]
        tree = nx.DiGraph(edges)
        tree.add_nodes_from(node_id("region", r.id) for r in self._kb.regions)
        return tree

    def _view(self, *relations: str) -> nx.DiGraph:
        """The graph's edges of these relations, as a plain graph of all its nodes: built
        once, since a filtered view costs a pass over every node on each traversal."""
        keep = set(relations)
        out = nx.DiGraph()
        out.add_nodes_from(self._g)
        out.add_edges_from((u, v) for u, v, k in self._g.edges(keys=True) if k in keep)
        return out

    @cached_property
    def _roots(self) -> nx.DiGraph:
        """point -> nerve -> segment: the roots a point's own nerves carry."""
        return self._view("innervated_by", "carries")

    @cached_property
    def _branches(self) -> nx.DiGraph:
        """point -> nerve -> parent nerve."""
        return self._view("innervated_by", "branch_of")

    def _region_node(self, region: str) -> str:
        node = node_id("region", region)
        if node not in self._regions:
            raise UnknownRegionError(region, suggest(str(region), (r.id for r in self._kb.regions)))
        return node

    # --------------------------------------------------------------- regions
    def ancestors(self, region: str) -> tuple[str, ...]:
        """The enclosing regions of ``region``, nearest first, ending at ``body``."""
        cached = self._ancestors.get(region)
        if cached is not None:
            return cached
        found = self._walk_up(region)
        self._ancestors[region] = found
        return found

    def _walk_up(self, region: str) -> tuple[str, ...]:
        node = self._region_node(region)
        out = []
        while True:
            parents = list(self._regions.successors(node))
            if not parents:
                break
            node = parents[0]
            out.append(node.split(":", 1)[1])
        return tuple(out)

    def subregions(self, region: str) -> tuple[str, ...]:
        """Every region inside ``region`` (not itself), in data order."""
        node = self._region_node(region)
        inside = nx.ancestors(self._regions, node)  # edges point child -> parent
        return tuple(r.id for r in self._kb.regions if node_id("region", r.id) in inside)

    def part_of(self, region: str) -> str:
        """The part of the body ``region`` is in: ``"arm"``, ``"leg"``, ``"head"`` (with
        the face), ``"neck"`` or ``"trunk"`` (with the back, and the whole body)."""
        limb = self.limb_of(region)
        if limb is not None:
            return limb
        chain = (region, *self.ancestors(region))
        return "head" if "head" in chain else "neck" if "neck" in chain else "trunk"

    def within(self, region: str, other: str) -> bool:
        """Whether ``region`` is ``other`` or lies inside it."""
        return region == other or other in self.ancestors(region)

    def limb_of(self, region: str) -> str | None:
        """``"arm"``, ``"leg"`` or ``None`` for a region off the limbs."""
        try:
            return self._limbs[region]
        except KeyError:
            found = self._limbs[region] = self._limb_of(region)
            return found

    @cached_property
    def _limbs(self) -> dict[str, str | None]:
        return {}

    def _limb_of(self, region: str) -> str | None:
        chain = (region, *self.ancestors(region))
        if _ARM_ROOT in chain:
            return "arm"
        if _LEG_ROOT in chain:
            return "leg"
        return None

    def surface_of(self, region: str, aspects: Iterable[str]) -> str | None:
        """The Yin/Yang limb surface that ``aspects`` of ``region`` lie on, or ``None`` when
        the region is off the limbs or the aspects do not decide it (e.g. "radial")."""
        limb = self.limb_of(region)
        if limb is None:
            return None
        wanted = set(aspects)
        if region.startswith("foot.") and region.split(".")[1] in ("sole",):
            wanted.add("plantar")
        if region == "hand.palm":
            wanted.add("palmar")
        if region in ("hand.dorsum", "foot.dorsum"):
            wanted.add("dorsal")
        hits = {s.surface for s in self._kb.surfaces if s.limb == limb and wanted & set(s.aspects)}
        return hits.pop() if len(hits) == 1 else None

    # --------------------------------------------------------------- points
    def points_in(
        self,
        region: str,
        *,
        aspects: Iterable[str] = (),
        surface: str | None = None,
        subregions: bool = True,
    ) -> tuple[Point, ...]:
        """Points located in ``region`` (and, by default, its sub-regions), optionally only
        those with one of ``aspects`` or on the Yin/Yang ``surface``; in WHO order."""
        key = (region, tuple(sorted(aspects)), surface, subregions)
        try:
            hit = self._points_cache.get(key)
        except TypeError:  # unhashable, so not a region id
            self._region_node(region)  # UnknownRegionError
            raise
        if hit is None:
            hit = self._points_in(region, key[1], surface, subregions)
            self._points_cache[key] = hit
        return hit

    def _points_in(
        self, region: str, aspects: Iterable[str], surface: str | None, subregions: bool
    ) -> tuple[Point, ...]:
        target = self._region_node(region)
        places = {target} | (nx.ancestors(self._regions, target) if subregions else set())
        codes = {
            u.split(":", 1)[1]
            for place in places
            for u, _, k in self._g.in_edges(place, keys=True)
            if k == "located_in"
        }
        wanted = set(aspects)
        out = []
        for code in sorted(codes, key=code_order):
            p = self._kb.point(code)
            if wanted and not wanted & set(p.location.aspects):
                continue
            if surface is not None and p.location.surface != surface:
                continue
            out.append(p)
        return tuple(out)

    def points_innervated(
        self, *, segment: str | None = None, nerve: str | None = None
    ) -> tuple[Point, ...]:
        """Points supplied by ``nerve`` (or any of its branches), or by any nerve that
        carries roots of ``segment``; in WHO order."""
        if (segment is None) == (nerve is None):
            raise TypeError("give exactly one of segment= or nerve=")
        if segment is not None:
            g = self._roots
            start = node_id("segment", segment)
            if start not in g:
                raise UnknownSegmentError(segment, suggest(str(segment), self._segment_ids()))
        else:
            g = self._branches
            start = self._nerve_node(str(nerve))
        reach = nx.ancestors(g, start)
        codes = [n.split(":", 1)[1] for n in reach if n.startswith("point:")]
        return tuple(self._kb.point(c) for c in sorted(codes, key=code_order))

    def _nerve_node(self, nerve: str) -> str:
        node = node_id("nerve", nerve)
        if node not in self._g:
            raise UnknownNerveError(nerve, suggest(nerve, (n.id for n in self._kb.nerves)))
        return node

    def _segment_ids(self) -> list[str]:
        return [s.id for s in self._kb.segments]

    def segments_of_point(self, code: str) -> tuple[str, ...]:
        """Spinal segments carried by the nerves that supply a point, in cranial order."""
        found = self._point_segments.get(code)
        if found is None:  # not a canonical code: resolve the spelling first
            found = self._point_segments.get(self._kb.point(code).code, ())
        return found

    @cached_property
    def _point_segments(self) -> dict[str, tuple[str, ...]]:
        """point code -> segments, from the innervated_by and carries edges (one pass)."""
        g = self._g
        out: dict[str, tuple[str, ...]] = {}
        for p in self._kb.points:
            found: set[str] = set()
            for _, nerve, k in g.out_edges(node_id("point", p.code), keys=True):
                if k != "innervated_by":
                    continue
                for _, seg, k2 in g.out_edges(nerve, keys=True):
                    if k2 == "carries":
                        found.add(seg.split(":", 1)[1])
            out[p.code] = tuple(sorted(found, key=_segment_order))
        return out

    # --------------------------------------------------------------- coverage
    def _cover(
        self, relation: str, kind: str, region: str, aspects: Sequence[str]
    ) -> tuple[dict[str, float], dict[str, int]]:
        """How well each nerve (``supplies``) or segment (``dermatome``) covers one region:
        1.0 when its territory holds the region (and the asked aspects); 0.6 when it holds a
        part of the region on the asked side; 0.5 when it holds the region but only some of
        its aspects; 0.4 when it holds some part of the region. With it, how many parts of
        its territory do."""
        target = self._region_node(region)
        up = {target} | set(nx.descendants(self._regions, target))  # region and enclosing ones
        down = set(nx.ancestors(self._regions, target))  # regions inside it
        wanted = _equivalent(aspects)
        scores: dict[str, float] = {}
        touching: dict[str, int] = {}

        def note(ident: str, score: float) -> None:
            touching[ident] = touching.get(ident, 0) + 1
            if score > scores.get(ident, 0.0):
                scores[ident] = score

        edges = (
            self._g.in_edges(up | down, keys=True, data=True)
            if relation == "supplies"
            else self._g.out_edges(up | down, keys=True, data=True)
        )
        for u, v, k, d in edges:
            if k != relation:
                continue
            terr_node, other = (v, u) if relation == "supplies" else (u, v)
            ident = other.split(":", 1)[1]
            terr_aspects = _equivalent(d.get("aspects", ()))
            if terr_node in down and not terr_aspects & {"radial", "ulnar", "medial", "lateral"}:
                terr_aspects |= _equivalent(_INTRINSIC.get(terr_node.split(":", 1)[1], ()))
            if terr_node in up:
                if not terr_aspects or (wanted and wanted & terr_aspects):
                    note(ident, 1.0)
                elif not wanted:
                    note(ident, 0.5)
            elif wanted and terr_aspects:
                if wanted & terr_aspects:
                    note(ident, 0.6)  # part of the region, on the asked side
            else:
                note(ident, 0.4)  # part of the region
        return scores, touching

    def rank(self, relation: str, parts: Sequence[tuple[str, Sequence[str]]]) -> list[Coverage]:
        """Nerves (``"supplies"``) or segments (``"dermatome"``) covering every part of a
        location, best first: mean coverage over the parts; then, for nerves, a branch
        before the nerve it leaves, then id; for segments, as the comment below says."""
        if not parts:
            return []
        kind = "nerve" if relation == "supplies" else "segment"
        totals: dict[str, float] = {}
        spread: dict[str, int] = {}  # how many of its territory's parts touch the location
        leaders: set[int] = set()  # the best dermatome of each part (its place in order)
        for region, aspects in parts:
            scores, touching = self._cover(relation, kind, region, aspects)
            for ident, score in scores.items():
                totals[ident] = totals.get(ident, 0.0) + score
                spread[ident] = spread.get(ident, 0) + touching[ident]
            if kind == "segment" and scores:
                keyed = self._keyed(region)
                best = min(
                    scores,
                    key=lambda i: (-scores[i], i not in keyed, -touching[i], _segment_order(i)),
                )
                leaders.add(_segment_order(best))
        ranked = [(ident, round(total / len(parts), 3)) for ident, total in totals.items()]
        if kind == "nerve":
            ranked = self._drop_covered_parents(ranked)
            ranked.sort(key=lambda x: (-x[1], -self._nerve_depth(x[0]), _natural(x[0])))
        else:
            # on a tie: a dermatome whose key sensory point lies in the location first (S3
            # for the buttock), then the one nearest the best dermatome of a part named
            # (dermatomes are bands in order), then the one with more of its skin in the
            # location: a numb leg gives S1, L5 (foot, ankle and leg) before T12 (the hip
            # alone), an arm numb into the thumb C6, then C7 and C5 before C8, both hands
            # and feet C6 and L5, then their neighbours
            in_key = frozenset().union(*(self._keyed(region) for region, _ in parts))
            ranked.sort(
                key=lambda x: (
                    -x[1],
                    x[0] not in in_key,
                    min(abs(_segment_order(x[0]) - at) for at in leaders),
                    -spread[x[0]],
                    _segment_order(x[0]),
                )
            )
        return ranked

    def _keyed(self, region: str) -> frozenset[str]:
        """The segments whose ISNCSCI key sensory point lies in ``region``."""
        found = self._keys.get(region)
        if found is None:
            found = self._keys[region] = frozenset(
                s.id for s in self._kb.segments if self.within(s.key_region, region)
            )
        return found

    @cached_property
    def _nerve_tree(self) -> nx.MultiDiGraph:
        return self._view("branch_of")

    def _nerve_depth(self, nerve: str) -> int:
        return len(nx.descendants(self._nerve_tree, node_id("nerve", nerve)))

    def _drop_covered_parents(self, ranked: list[Coverage]) -> list[Coverage]:
        score = dict(ranked)
        branch = self._nerve_tree
        drop = set()
        for ident, s in ranked:
            for parent in nx.descendants(branch, node_id("nerve", ident)):
                pid = parent.split(":", 1)[1]
                if pid in score and score[pid] <= s:
                    drop.add(pid)
        return [(i, s) for i, s in ranked if i not in drop]

    def segments_for(self, region: str, aspects: Sequence[str] = ()) -> tuple[str, ...]:
        """Segments whose dermatome covers ``region`` (with ``aspects``), best first."""
        return tuple(i for i, _ in self.rank("dermatome", [(region, tuple(aspects))]))

    def nerves_for(self, region: str, aspects: Sequence[str] = ()) -> tuple[str, ...]:
        """Cutaneous nerves whose territory covers ``region`` (with ``aspects``), best first."""
        return tuple(i for i, _ in self.rank("supplies", [(region, tuple(aspects))]))


# The side of the limb some sub-regions lie on, used when a territory covers only them.
_INTRINSIC = {
    "hand.thumb": ("radial",),
    "hand.index_finger": ("radial",),
    "hand.ring_finger": ("ulnar",),
    "hand.little_finger": ("ulnar",),
    "foot.big_toe": ("medial",),
    "foot.little_toe": ("lateral",),
    "foot.medial_edge": ("medial",),
    "foot.lateral_edge": ("lateral",),
}
_SAME = {"radial": "lateral", "lateral": "radial", "ulnar": "medial", "medial": "ulnar"}


def _equivalent(aspects: Iterable[str]) -> set[str]:
    """Aspects with their anatomical-position twins (radial = lateral, ulnar = medial)."""
    out = set(aspects)
    out |= {_SAME[a] for a in out if a in _SAME}
    return out


def _natural(ident: str) -> tuple[object, ...]:
    """Sort key that puts dorsal_ramus.T2 before dorsal_ramus.T10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", ident))


_ORDER = (
    [f"C{i}" for i in range(1, 9)]
    + [f"T{i}" for i in range(1, 13)]
    + [f"L{i}" for i in range(1, 6)]
    + [f"S{i}" for i in range(1, 6)]
    + ["Co"]
)


def _segment_order(level: str) -> int:
    return _ORDER.index(level) if level in _ORDER else len(_ORDER)


def segment_order(level: str) -> int:
    """Cranial-to-caudal position of a spinal level (C1 = 0 ... Co)."""
    return _segment_order(level)
