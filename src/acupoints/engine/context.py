"""Stage 0 of a selection: the anatomy it measures by (closeness of regions, the spinal
levels of a root), the per-data tables it keeps, and the context a query is run in."""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .._fast import construct
from .._plain import Plain
from ..index import code_order
from ..models import Location, Point
from ..rules import (
    Cause,
    Rule,
)
from ..safety import (
    not_checked,
)
from ..selection import ProtocolNote, Reason

if TYPE_CHECKING:
    from ..anatomy import Anatomy
    from ..kb import KnowledgeBase
    from .scoring import _Ranking, _Scores


ARM_CHAIN = ("shoulder", "upper_arm", "elbow", "forearm", "wrist", "hand")
LEG_CHAIN = ("hip", "thigh", "knee", "leg", "ankle", "foot")
_LIMB_ROOTS = {"body", "upper_limb", "lower_limb", "trunk", "head", "neck", "back"}

_ORDER = (
    [f"C{i}" for i in range(1, 9)]
    + [f"T{i}" for i in range(1, 13)]
    + [f"L{i}" for i in range(1, 6)]
    + [f"S{i}" for i in range(1, 6)]
)


def _step(level: str, d: int) -> str | None:
    if level not in _ORDER:
        return None
    i = _ORDER.index(level) + d
    return _ORDER[i] if 0 <= i < len(_ORDER) else None


def root_levels(segment: str) -> tuple[set[str], set[str]]:
    """Spinal levels (as ``PointLocation.level`` values) where points for a compressed
    ``segment`` root sit: (primary, near).

    A cervical root Cn leaves the spine above vertebra Cn, so its level is C(n-1) (C8 ->
    C7); thoracic and lumbar roots leave below their vertebra (Ln -> Ln, and the disc above
    it, L(n-1)); S1 is pressed at L5/S1 or in its foramen.
    """
    if segment not in _ORDER:
        return set(), set()
    kind, n = segment[0], int(segment[1:])
    if kind == "C":
        primary = {_step(segment, -1) or segment}
    elif kind == "S" and n == 1:
        primary = {"S1", "L5"}
    elif kind == "L" and n > 1:
        primary = {segment, f"L{n - 1}"}
    else:
        primary = {segment}
    near = {s for p in primary for d in (-1, 1) if (s := _step(p, d))} - primary
    return primary, near


def _chain_position(anatomy: Anatomy, region: str) -> tuple[str, int] | None:
    chain = (region, *anatomy.ancestors(region))
    for limb, names in (("arm", ARM_CHAIN), ("leg", LEG_CHAIN)):
        for i, name in enumerate(names):
            if name in chain:
                return limb, i
    if "axilla" in chain:
        return "arm", 0
    if "buttock" in chain:
        return "leg", 0
    return None


def closeness(anatomy: Anatomy, point_region: str, location: Location) -> float:
    """How close a point's region is to the nearest numb region, 0..1: inside it 1.0;
    in the region that holds it 0.8; in a sibling part of the same limb segment 0.7; one,
    two or more limb segments away 0.6, 0.35, 0.15; off the limb in the same area 0.5. A
    whole limb named without an aspect counts at most 0.6."""
    table = _PAIRS.get(anatomy)
    if table is None:
        table = _PAIRS[anatomy] = {}
    return _closest(table, anatomy, point_region, location)


_Pairs = dict[tuple[str, str, bool], float]  # (point region, numb region, bare) -> closeness
_PAIRS: WeakKeyDictionary[Anatomy, _Pairs] = WeakKeyDictionary()


def _closest(table: _Pairs, anatomy: Anatomy, point_region: str, location: Location) -> float:
    """:func:`closeness`, with the pairs of regions worked out once in ``table``."""
    best = 0.0
    for ref in location.regions:
        key = (point_region, ref.region, not ref.aspects)
        score = table.get(key)
        if score is None:
            score = table[key] = _pair(anatomy, point_region, ref.region, not ref.aspects)
        if score > best:
            best = score
    return best


def _pair(anatomy: Anatomy, point_region: str, target: str, bare: bool) -> float:
    """:func:`closeness` for one numb region (``bare``: named without an aspect)."""
    if anatomy.within(point_region, target):
        score = 1.0
    elif anatomy.within(target, point_region):
        score = 0.8
    else:
        a, b = _chain_position(anatomy, point_region), _chain_position(anatomy, target)
        if a and b and a[0] == b[0]:
            d = abs(a[1] - b[1])
            score = (0.7, 0.6, 0.35)[d] if d < 3 else 0.15
        else:
            pa = (point_region, *anatomy.ancestors(point_region))
            pb = (target, *anatomy.ancestors(target))
            shared = [r for r in pa if r in pb and r not in ("body", "trunk")]
            score = 0.5 if shared else 0.0
    if target in _LIMB_ROOTS and bare:
        score = min(score, 0.6)  # a whole limb says little about where on it
    return score


_Evidence = tuple[dict[str, int], dict[str, float], dict[str, tuple[str, ...]]]
_LevelPlan = tuple[tuple[float, str, tuple[str, ...], tuple[str, ...]], ...]


class _Static(Plain):
    """Per knowledge base tables the engine reads on every call (built once)."""

    # point -> its region, its place in the WHO order (an int: points of equal sort keys
    # share one) and its roots
    info: dict[str, tuple[str, int, frozenset[str]]]
    steps: dict[str, ProtocolNote]
    # (cause, protocols left out) -> points' source counts, the score part each gives, and
    # their sources
    evidence: dict[tuple[str, frozenset[str]], _Evidence]
    reasons: dict[tuple[object, ...], Reason]
    rankings: OrderedDict[tuple[object, ...], _Ranking]
    # the scores of the last few hundred rankings, by what scoring reads of a query
    # (scoring._rank_now): locations that differ in their sides or nerves share them
    scores: OrderedDict[tuple[object, ...], _Scores]
    protocol_ids: frozenset[str]
    lock: threading.Lock
    not_checked: str
    # per-data tables filled on first use; keyed by rules and regions, never by a query
    by_level: dict[str, tuple[Point, ...]]
    picked: dict[tuple[str, str], tuple[Point, ...]]
    fitting: dict[tuple[object, ...], tuple[str, ...]]
    near_regions: dict[str, tuple[str, ...]]
    nerve_sources: dict[str, tuple[str, ...]]
    texts: dict[tuple[object, ...], str]  # rule reasons
    next_to: dict[tuple[object, ...], tuple[str, ...]]
    groups: dict[tuple[object, ...], tuple[tuple[object, tuple[str, ...]], ...]]
    levels: dict[tuple[object, ...], _LevelPlan]
    pairs: _Pairs  # closeness
    weights: dict[str | None, dict[str, float]]  # per cause
    region_fits: dict[tuple[str, bool, tuple[str, ...]], bool]
    dermatomes: dict[tuple[str, tuple[str, ...]], frozenset[str]]
    channels: dict[str, frozenset[str]]  # region -> meridians
    core: dict[
        tuple[str, frozenset[str], frozenset[str]], tuple[tuple[float, str, tuple[str, ...]], ...]
    ]
    # (rule, cause, protocols left out, parts, numb limbs) -> the core plan's groups split
    # for the numb limbs (candidates._core_split)
    core_split: dict[
        tuple[object, ...], tuple[tuple[float, str, tuple[str, ...], tuple[str, ...], str], ...]
    ]
    neighbours: dict[tuple[str, int], tuple[str, ...]]  # spread
    # code -> (channel, region) and number, None off the channels (the spread rule)
    spots: dict[str, tuple[tuple[str, str], int] | None]
    never_needled: frozenset[str] | None  # the codes of the standing exclusions
    # (rule, weight, factor, quality, where, level, sites) -> the one _Hit of those fields:
    # a hit depends on nothing else, so the rankings share them (a few hundred, made from
    # the data's rules and closeness values; at most _HITS_KEPT, about 0.2 MiB)
    hits: dict[tuple[object, ...], _Hit]
    # per place (each numb region with whether it was named without an aspect, in order:
    # all that closeness reads of a location) the closeness of each point region and
    # the score part it gives, filled on first use and shared by every ranking of the
    # place, whatever the cause (at most _PLACES_KEPT places of a few dozen regions each)
    places: dict[tuple[tuple[str, bool], ...], _Place]
    # the conditions of the rules, then of the protocol steps (scoring._conditions): by
    # what they read of the place, whether they hold (at most a few thousand tuples of
    # bools); by the cause, tenderness and inferred spine, their factor (a few dozen)
    conditions: dict[tuple[object, ...], tuple[bool, ...]]
    # the hits of a point several chose, by their ids -> those hits (which keeps the ids
    # theirs while the entry lives), and the score, main hit and roles scoring._scored
    # gives them: the same lists recur across rankings (at most _SCORED_KEPT entries of
    # about 0.3 KiB)
    scored: dict[tuple[int, ...], tuple[tuple[_Hit, ...], float, _Hit, dict[str, float]]]
    # the same for the rule parts of those points' reasons and their main hit
    # (scoring._rule_parts, read by _Ranking._build; at most as many entries)
    rule_parts: dict[
        tuple[int, ...],
        tuple[tuple[_Hit, ...], tuple[tuple[str, float, _Hit | None, bool], ...], _Hit],
    ]
    cause_factors: dict[tuple[object, ...], tuple[float, ...]]
    # a point's score before rounding -> that score rounded to 4 places, and the same in
    # units of 0.0001 times one more than the number of points (an int: the sort key's
    # part above every place in the WHO order): the same sums recur across rankings (25,000
    # points scored over the benchmark's 2,000 queries are 460 sums), and a look-up costs
    # a sixth of round(score, 4) (at most scoring._ROUNDED_KEPT entries, about 0.25 MiB
    # when full; a few KiB in practice)
    rounded: dict[float, tuple[float, int]]
    # a selector's point groups with their hits, by the groups' key in the tables above
    # (candidates._plan: rule, cause, parts... never a query), the rule's weight and its
    # factor: every code with its hit in one table when the groups share no code (as
    # adding them in turn would leave them), else the groups with their hits; the same
    # plan recurs across queries, and one update of the candidates replaces a hit looked
    # up and an add per group (at most _PLANS_KEPT entries of a few dozen codes)
    plans: dict[tuple[object, ...], _Plan]

    def __init__(
        self,
        info: dict[str, tuple[str, int, frozenset[str]]],
        steps: dict[str, ProtocolNote],
        evidence: dict[tuple[str, frozenset[str]], _Evidence],
        reasons: dict[tuple[object, ...], Reason],
        rankings: OrderedDict[tuple[object, ...], _Ranking],
        protocol_ids: frozenset[str],
        lock: threading.Lock,
        not_checked: str,
        by_level: dict[str, tuple[Point, ...]] | None = None,
    ) -> None:
        self.info = info
        self.steps = steps
        self.evidence = evidence
        self.reasons = reasons
        self.rankings = rankings
        self.scores = OrderedDict()
        self.protocol_ids = protocol_ids
        self.lock = lock
        self.not_checked = not_checked
        # the tables filled on first use start empty
        self.by_level = {} if by_level is None else by_level
        self.picked = {}
        self.fitting = {}
        self.near_regions = {}
        self.nerve_sources = {}
        self.texts = {}
        self.next_to = {}
        self.groups = {}
        self.levels = {}
        self.pairs = {}
        self.weights = {}
        self.region_fits = {}
        self.dermatomes = {}
        self.channels = {}
        self.core = {}
        self.core_split = {}
        self.neighbours = {}
        self.spots = {}
        self.never_needled = None
        self.hits = {}
        self.places = {}
        self.conditions = {}
        self.scored = {}
        self.rule_parts = {}
        self.cause_factors = {}
        self.rounded = {}
        self.plans = {}


_STATIC: WeakKeyDictionary[KnowledgeBase, _Static] = WeakKeyDictionary()

_HITS_KEPT = 4096
_PLANS_KEPT = 1024
_PLACES_KEPT = 2048


class _Place(Plain):
    """What the rankings of one place share (``_Static.places``)."""

    # each point region's closeness to the numb regions, and that closeness with the
    # score part it gives (None when it adds none); plain tables: it holds neither the
    # knowledge base nor a location

    __slots__ = ("nearness", "parts")
    nearness: dict[str, float]
    parts: dict[str, tuple[float, float | None]]

    def __init__(self) -> None:
        self.nearness = {}
        self.parts = {}


def _place(static: _Static, location: Location) -> _Place:
    """The shared tables of the place ``location`` names (made on first use)."""
    key = tuple((r.region, not r.aspects) for r in location.regions)
    found = static.places.get(key)
    if found is None:
        if len(static.places) >= _PLACES_KEPT:
            static.places.clear()
        found = static.places[key] = _Place()
    return found


def _static(kb: KnowledgeBase) -> _Static:
    found = _STATIC.get(kb)
    if found is None:
        anatomy = kb.anatomy
        levels: dict[str, list[Point]] = defaultdict(list)
        for p in kb.points:
            if p.location.level is not None:
                levels[p.location.level].append(p)
        # the WHO order as one int a point (ranks in sort order, equal keys equal): the
        # same order as the keys' tuples in 0.03 MiB less
        keys = {p.code: code_order(p.code) for p in kb.points}
        rank = {key: n for n, key in enumerate(sorted(set(keys.values())))}
        # one set for the points of equal segments (409 points, 93 sets: 0.08 MiB kept)
        shared: dict[frozenset[str], frozenset[str]] = {}
        info = {}
        for p in kb.points:
            own = frozenset(anatomy.segments_of_point(p.code))
            info[p.code] = (p.location.region, rank[keys[p.code]], shared.setdefault(own, own))
        found = _STATIC[kb] = _Static(
            info=info,
            steps={
                st.id: construct(
                    ProtocolNote,
                    id=st.id,
                    title=st.title,
                    text=st.text,
                    minutes=st.minutes,
                    sources=st.sources,
                )
                for st in kb.protocol
            },
            evidence={},
            reasons={},
            rankings=OrderedDict(),
            protocol_ids=frozenset(pr.id for pr in kb.reference_protocols),
            lock=threading.Lock(),
            not_checked=not_checked(kb),
            by_level={level: tuple(ps) for level, ps in levels.items()},
        )
    return found


class _Hit(Plain):
    """One rule choosing points (one object shared by every point it chose alike)."""

    __slots__ = ("group", "level", "roles", "rule", "sites", "value", "where")
    rule: Rule
    group: str  # the rule's
    value: float  # round(weight x factor x quality, 4): the rule's part of the score
    where: str
    level: str | None
    sites: tuple[str, ...]

    def __init__(
        self,
        rule: Rule,
        group: str,
        value: float,
        where: str = "",
        level: str | None = None,
        sites: tuple[str, ...] = (),
    ) -> None:
        self.rule = rule
        self.group = group
        self.value = value
        self.where = where
        self.level = level
        self.sites = sites
        # the roles of a point this hit alone chose, with their values (made on first use
        # by the ranking, shared by the points; not a field: no part of equality or repr)
        self.roles: dict[str, float] | None = None


class _Context(Plain):
    kb: KnowledgeBase
    location: Location
    cause: Cause | None
    tenderness: str
    static: _Static
    weights: dict[str, float]
    kind: str  # of the cause
    skip: frozenset[str]  # reference protocols left out
    # the points chosen so far: each with the first hit that chose it, and the ones chosen
    # more than once with all their hits (in the order of the rules)
    one: dict[str, _Hit]
    many: dict[str, list[_Hit]]
    nearness: dict[str, float]

    def __init__(
        self,
        kb: KnowledgeBase,
        location: Location,
        cause: Cause | None,
        tenderness: str,
        static: _Static,
        weights: dict[str, float],
        kind: str = "unknown",
        skip: frozenset[str] = frozenset(),
        one: dict[str, _Hit] | None = None,
        many: dict[str, list[_Hit]] | None = None,
        nearness: dict[str, float] | None = None,
    ) -> None:
        self.kb = kb
        self.location = location
        self.cause = cause
        self.tenderness = tenderness
        self.static = static
        self.weights = weights
        self.kind = kind
        self.skip = skip
        self.one = {} if one is None else one
        self.many = {} if many is None else many
        # (the place's shared table unless given: closeness reads only the regions)
        self.nearness = _place(static, location).nearness if nearness is None else nearness

    def add(self, codes: Collection[str], hit: _Hit) -> int:
        """``hit`` chose ``codes`` (a code given twice counts once); how many."""
        return self._merge(dict.fromkeys(codes, hit), kept=False)

    def add_plan(self, plan: _Plan) -> int:
        """What adding each group of ``plan`` with its hit in turn does (see
        ``_Static.plans``); how many codes the groups chose."""
        if not isinstance(plan, dict):  # groups that share codes: in turn
            return sum([self.add(codes, hit) for codes, hit in plan])
        # (a group's codes once, and no code in two groups: as adding them in turn)
        return self._merge(plan, kept=True)

    def _merge(self, fresh: dict[str, _Hit], kept: bool) -> int:
        """Each code of ``fresh`` chosen by its hit; a code chosen before gains the hit
        (``many``); how many codes. ``kept``: ``fresh`` is a kept plan, left as it is."""
        one = self.one
        chosen = len(fresh)
        if one.keys().isdisjoint(fresh):  # most groups and plans: every code new
            one.update(fresh)
            return chosen
        clash = one.keys() & fresh.keys()
        if kept:
            fresh = fresh.copy()
        many = self.many
        for code in clash:
            hit = fresh.pop(code)
            more = many.get(code)
            if more is None:
                many[code] = [one[code], hit]
            else:
                more.append(hit)
        one.update(fresh)
        return chosen

    def near(self, region: str) -> float:
        """:func:`closeness` of a point region to this location (once per region)."""
        found = self.nearness.get(region)
        if found is None:
            found = _closest(self.static.pairs, self.kb.anatomy, region, self.location)
            self.nearness[region] = found
        return found

    def hit(
        self,
        rule: Rule,
        quality: float,
        factor: float,
        where: str = "",
        level: str | None = None,
        sites: tuple[str, ...] = (),
    ) -> _Hit:
        weight = self.weights[rule.id]
        key = (rule.id, weight, factor, quality, where, level, sites)
        table = self.static.hits
        found = table.get(key)
        if found is None:
            value = round(weight * factor * quality, 4)
            found = _Hit(rule, rule.group, value, where, level, sites)
            if len(table) < _HITS_KEPT:
                table[key] = found
        return found


# a selector's groups with their hits (_Static.plans): each code with its hit when no two
# groups share a code, else the groups in turn
_Plan = dict[str, _Hit] | tuple[tuple[Collection[str], _Hit], ...]


def _plan(groups: Sequence[tuple[Collection[str], _Hit]]) -> _Plan:
    """``groups`` as a :data:`_Plan`."""
    merged: dict[str, _Hit] = {}
    total = 0
    for codes, hit in groups:
        fresh = dict.fromkeys(codes, hit)
        total += len(fresh)
        merged.update(fresh)
    return merged if len(merged) == total else tuple(groups)


def _cause_kind(cause: Cause | None) -> str:
    return cause.kind if cause is not None else "unknown"


def _spine_of(segment: str) -> str | None:
    if segment[:1] == "C" or segment == "T1":
        return "cervical"
    if segment[:1] in ("L", "S"):
        return "lumbosacral"
    return None


def _root_factor(ctx: _Context, spine: str, inferred: float) -> float:
    """1 when the cause compresses a root at ``spine``; ``inferred`` when no cause says so
    but the numbness follows a dermatome from that part of the spine, or lies where that
    part's roots reach while the neck or back there hurts (see :func:`_spine_pain`);
    else 0."""
    cause = ctx.cause
    if cause is not None and cause.spine is not None:
        return 1.0 if spine in ("any", cause.spine) else 0.0
    if ctx.kind != "unknown":
        return 0.0
    found = _inferred_spine(ctx.location)
    if found is not None and spine in ("any", found):
        return inferred
    return 0.0


def _inferred_spine(loc: Location) -> str | None:
    """The part of the spine (cervical, lumbosacral) a root involvement is inferred at,
    with no cause given: the part of the location's main root when the numbness follows
    its dermatome, or when the neck or back at that part hurts and the numbness is in one
    place (not a glove and stocking or several places)."""
    if not loc.segments:
        return None
    found = _spine_of(loc.segments[0])
    if found is None or loc.pattern == "dermatome":
        return found
    if loc.pattern in ("stocking_glove", "multifocal"):
        return None
    return found if found in _spine_pain(loc) else None


# the part of the spine whose roots a sore neck or back speaks for
_SPINE_PARTS = {
    "neck": "cervical",
    "neck.posterior": "cervical",
    "neck.lateral": "cervical",
    "back": "lumbosacral",
    "back.lumbar": "lumbosacral",
    "back.sacral": "lumbosacral",
}


def _spine_pain(loc: Location) -> frozenset[str]:
    """The parts of the spine where the text says the patient's own neck or back hurts
    now or holds the cause ("my neck hurts", "from a problem in my lower back"), not
    denied, past, supposed or someone else's."""
    reading = loc.reading
    if reading is None:
        return NONE
    return (
        frozenset(
            _SPINE_PARTS[a.id]
            for a in reading.areas
            if a.role in ("pain", "cause_site") and not a.context and a.id in _SPINE_PARTS
        )
        or NONE
    )


# the empty set a key of the memos holds when a part of it is empty (most are): one
# object shared by them, not one more for the collector in every key kept
NONE: frozenset[str] = frozenset()
