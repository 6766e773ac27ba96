"""The body model: regions, Yin/Yang limb surfaces, nerves and dermatomes.

The queries read plain tables built once from the records (:class:`_Tables`): the region
tree (parent, regions inside each region), the points located in each region, each
point's nerves, each nerve's parent and roots, and the nerves and dermatomes that cover
each region. They hold the same relations as the ``part_of``, ``located_in``,
``innervated_by``, ``branch_of``, ``carries``, ``supplies`` and ``dermatome`` edges of
:attr:`KnowledgeBase.graph` (``tests/test_anatomy.py`` checks that they agree), without
importing networkx or building the graph: a first selection needs neither.

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
import sys
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from .errors import UnknownNerveError, UnknownRegionError, UnknownSegmentError
from .index import code_order
from .names import suggest

if TYPE_CHECKING:
    from .kb import KnowledgeBase
    from .models import Point, Territory

__all__ = ["Anatomy", "Coverage"]

Coverage = tuple[str, float]
"""An id (segment or nerve) and how well it covers a location, 0 < score <= 1."""

_ARM_ROOT = "upper_limb"
_LEG_ROOT = "lower_limb"

_Cover = tuple[dict[str, float], dict[str, int]]


def merged_territory(territory: Iterable[Territory]) -> list[tuple[str, tuple[str, ...]]]:
    """Territory entries merged per region: one link per (nerve or segment, region); an
    entry without aspects (the whole region) wins over entries with some. The graph's
    ``supplies`` and ``dermatome`` edges are these links."""
    out: dict[str, set[str] | None] = {}
    for t in territory:
        if t.region in out and out[t.region] is None:
            continue
        if not t.aspects:
            out[t.region] = None
        else:
            cur = out.setdefault(t.region, set())
            assert cur is not None
            cur.update(t.aspects)
    return [(r, tuple(sorted(a)) if a else ()) for r, a in out.items()]


class _Tables:
    """The relations the body model reads, as dicts of ids (built in one pass over the
    records; a few hundred entries)."""

    __slots__ = (
        "dermatomes",
        "inside",
        "located",
        "nerve_nodes",
        "nerve_parent",
        "nerve_segments",
        "order",
        "parent",
        "point_nerves",
        "segment_nodes",
        "supplies",
    )

    def __init__(self, kb: KnowledgeBase) -> None:
        regions = kb.regions
        self.order = {r.id: i for i, r in enumerate(regions)}
        self.parent: dict[str, str | None] = {r.id: r.parent for r in regions}
        for r in regions:  # a parent the data does not list is still a node of the tree
            if r.parent is not None:
                self.parent.setdefault(r.parent, None)
        children: dict[str, list[str]] = {}
        for rid, parent in self.parent.items():
            if parent is not None:
                children.setdefault(parent, []).append(rid)
        self.inside: dict[str, frozenset[str]] = {}  # every region below each one

        def below(rid: str, path: frozenset[str]) -> frozenset[str]:
            found = self.inside.get(rid)
            if found is None:
                out: set[str] = set()
                for child in children.get(rid, ()):
                    if child not in path:
                        out.add(child)
                        out |= below(child, path | {child})
                found = self.inside[rid] = frozenset(out)
            return found

        for rid in self.parent:
            below(rid, frozenset({rid}))
        self.located: dict[str, list[str]] = {}
        self.point_nerves: dict[str, tuple[str, ...]] = {}
        same: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple for equal ones
        for p in kb.points:
            self.located.setdefault(p.location.region, []).append(p.code)
            nerves = tuple(dict.fromkeys(i.nerve for i in p.innervation))
            self.point_nerves[p.code] = same.setdefault(nerves, nerves)
        self.nerve_parent: dict[str, str | None] = {}
        self.nerve_segments: dict[str, tuple[str, ...]] = {}
        self.supplies: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for n in kb.nerves:
            self.nerve_parent[n.id] = n.parent
            self.nerve_segments[n.id] = tuple(dict.fromkeys(n.segments))
            for region, aspects in merged_territory(n.territory):
                self.supplies.setdefault(region, []).append((n.id, aspects))
        self.dermatomes: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for seg in kb.segments:
            for region, aspects in merged_territory(seg.territory):
                self.dermatomes.setdefault(region, []).append((seg.id, aspects))
        # every id a nerve or segment query may name: declared, or named by a link
        self.nerve_nodes = frozenset(
            {*self.nerve_parent, *(v for v in self.nerve_parent.values() if v is not None)}
            | {n for ns in self.point_nerves.values() for n in ns}
        )
        self.segment_nodes = frozenset(
            {s.id for s in kb.segments} | {s for ss in self.nerve_segments.values() for s in ss}
        )

    def nerve_chain(self, nerve: str) -> tuple[str, ...]:
        """The nerves ``nerve`` branches from, nearest first."""
        out: list[str] = []
        parent = self.nerve_parent.get(nerve)
        while parent is not None and parent not in out and parent != nerve:
            out.append(parent)
            parent = self.nerve_parent.get(parent)
        return tuple(out)


def _tables(kb: KnowledgeBase) -> _Tables:
    """The tables of ``kb``: those built with the prebuilt dataset when ``kb`` is the
    packaged knowledge base loaded from it (:func:`acupoints.prebuilt.anatomy_tables_for`),
    else built now."""
    prebuilt = sys.modules.get("acupoints.prebuilt")  # not imported: no prebuilt load
    found = None if prebuilt is None else prebuilt.anatomy_tables_for(kb)
    return _Tables(kb) if found is None else found


class Anatomy:
    """Region, surface, nerve and dermatome queries over one knowledge base.

    Use it through the knowledge base: ``kb.points_in(...)``, ``kb.segments_for(...)``,
    ``kb.nerves_for(...)``, ``kb.surface_of(...)``.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._t = _tables(kb)
        self._keys: dict[str, frozenset[str]] = {}  # region -> segments keyed in it
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._points_cache: dict[tuple[object, ...], tuple[Point, ...]] = {}
        self._covers: dict[tuple[str, str, tuple[str, ...]], _Cover] = {}
        self._ranks: dict[tuple[object, ...], list[Coverage]] = {}
        # nerve -> the nerves it branches from (nearest first) and its sort key: per data,
        # read for every nerve of every location's ranking
        self._chains: dict[str, tuple[str, ...]] = {}
        self._nerve_keys: dict[str, tuple[int, tuple[object, ...]]] = {}

    def forget(self) -> None:
        """Drop the memoised rankings of locations' parts (the per-region tables and
        coverage stay: they depend on the data only)."""
        self._ranks.clear()

    def _region_node(self, region: str) -> str:
        if not isinstance(region, str) or region not in self._t.parent:
            raise UnknownRegionError(region, suggest(str(region), (r.id for r in self._kb.regions)))
        return region

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
        parent = self._t.parent
        out: list[str] = []
        node = parent[self._region_node(region)]
        while node is not None and node not in out and node != region:
            out.append(node)
            node = parent[node]
        return tuple(out)

    def subregions(self, region: str) -> tuple[str, ...]:
        """Every region inside ``region`` (not itself), in data order."""
        inside = self._t.inside[self._region_node(region)]
        return tuple(r.id for r in self._kb.regions if r.id in inside)

    def part_of(self, region: str) -> str:
        """The part of the body ``region`` is in: ``"arm"``, ``"leg"``, ``"head"`` (with
        the face), ``"neck"`` or ``"trunk"`` (with the back, and the whole body).

        ```pycon
        >>> import acupoints
        >>> part_of = acupoints.load().anatomy.part_of
        >>> part_of("hand.fingers"), part_of("face.mouth"), part_of("back.lumbar")
        ('arm', 'head', 'trunk')

        ```
        """
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
        places = {target} | (self._t.inside[target] if subregions else set())
        located = self._t.located
        codes = {code for place in places for code in located.get(place, ())}
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
        t = self._t
        if segment is not None:
            if segment not in t.segment_nodes:
                raise UnknownSegmentError(segment, suggest(str(segment), self._segment_ids()))
            nerves = {n for n, levels in t.nerve_segments.items() if segment in levels}
        else:
            start = self._nerve_node(str(nerve))
            nerves = {start} | {n for n in t.nerve_parent if start in t.nerve_chain(n)}
        codes = [c for c, ns in t.point_nerves.items() if not nerves.isdisjoint(ns)]
        return tuple(self._kb.point(c) for c in sorted(codes, key=code_order))

    def _nerve_node(self, nerve: str) -> str:
        if nerve not in self._t.nerve_nodes:
            raise UnknownNerveError(nerve, suggest(nerve, (n.id for n in self._kb.nerves)))
        return nerve

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
        carried = self._t.nerve_segments
        out: dict[str, tuple[str, ...]] = {}
        same: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple for equal ones
        # worked out once per set of nerves (409 points, 214 sets in the packaged data)
        of_nerves: dict[tuple[str, ...], tuple[str, ...]] = {}
        for code, nerves in self._t.point_nerves.items():
            found = of_nerves.get(nerves)
            if found is None:
                segments = tuple(
                    sorted({s for n in nerves for s in carried.get(n, ())}, key=_segment_order)
                )
                found = of_nerves[nerves] = same.setdefault(segments, segments)
            out[code] = found
        return out

    # --------------------------------------------------------------- coverage
    def _cover(self, relation: str, region: str, aspects: Sequence[str]) -> _Cover:
        """:meth:`_coverage`, memoised per relation, region and aspects (read-only)."""
        key = (relation, self._region_node(region), tuple(aspects))
        found = self._covers.get(key)
        if found is None:
            found = self._covers[key] = self._coverage(relation, region, aspects)
        return found

    def _coverage(self, relation: str, region: str, aspects: Sequence[str]) -> _Cover:
        """How well each nerve (``supplies``) or segment (``dermatome``) covers one region:
        1.0 when its territory holds the region (and the asked aspects); 0.6 when it holds a
        part of the region on the asked side; 0.5 when it holds the region but only some of
        its aspects; 0.4 when it holds some part of the region. With it, how many parts of
        its territory do."""
        target = self._region_node(region)
        up = {target, *self.ancestors(target)}  # the region and the ones enclosing it
        down = self._t.inside[target]  # regions inside it
        wanted = _equivalent(aspects)
        scores: dict[str, float] = {}
        touching: dict[str, int] = {}

        def note(ident: str, score: float) -> None:
            touching[ident] = touching.get(ident, 0) + 1
            if score > scores.get(ident, 0.0):
                scores[ident] = score

        links = self._t.supplies if relation == "supplies" else self._t.dermatomes
        edges = [
            (place, ident, aspects)
            for place in (*up, *down)
            for ident, aspects in links.get(place, ())
        ]
        for terr_node, ident, aspects in edges:
            terr_aspects = _equivalent(aspects)
            if terr_node in down and not terr_aspects & {"radial", "ulnar", "medial", "lateral"}:
                terr_aspects |= _equivalent(_INTRINSIC.get(terr_node, ()))
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
        before the nerve it leaves, then id; for segments, as the comment below says.
        Memoised per relation and parts (the last few thousand)."""
        if not parts:
            return []
        key = (relation, tuple((region, tuple(aspects)) for region, aspects in parts))
        try:
            found = self._ranks.get(key)
        except TypeError:  # not region ids: let _region_node say why
            return self._rank(relation, parts)
        if found is None:
            found = self._rank(relation, key[1])
            if len(self._ranks) >= 4096:
                self._ranks.clear()
            self._ranks[key] = found
        return list(found)

    def _rank(self, relation: str, parts: Sequence[tuple[str, Sequence[str]]]) -> list[Coverage]:
        kind = "nerve" if relation == "supplies" else "segment"
        totals: dict[str, float] = {}
        spread: dict[str, int] = {}  # how many of its territory's parts touch the location
        leaders: set[int] = set()  # the best dermatome of each part (its place in order)
        for region, aspects in parts:
            scores, touching = self._cover(relation, region, aspects)
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
            ranked.sort(key=lambda x: (-x[1], *self._nerve_key(x[0])))
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

    def _chain(self, nerve: str) -> tuple[str, ...]:
        """:meth:`_Tables.nerve_chain`, once per nerve."""
        found = self._chains.get(nerve)
        if found is None:
            found = self._chains[nerve] = self._t.nerve_chain(nerve)
        return found

    def _nerve_key(self, nerve: str) -> tuple[int, tuple[object, ...]]:
        """How nerves of equal coverage sort: a branch before the nerve it leaves (the
        deeper first), then by id in natural order (once per nerve)."""
        found = self._nerve_keys.get(nerve)
        if found is None:
            found = self._nerve_keys[nerve] = (-len(self._chain(nerve)), _natural(nerve))
        return found

    def _drop_covered_parents(self, ranked: list[Coverage]) -> list[Coverage]:
        score = dict(ranked)
        drop = set()
        for ident, s in ranked:
            for pid in self._chain(ident):
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


_RANK = {level: i for i, level in enumerate(_ORDER)}


def _segment_order(level: str) -> int:
    return _RANK.get(level, len(_ORDER))


def segment_order(level: str) -> int:
    """Cranial-to-caudal position of a spinal level (C1 = 0 ... Co)."""
    return _segment_order(level)
