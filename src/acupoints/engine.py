"""Rules -> candidates -> scores -> a ranked :class:`~acupoints.selection.Selection`.

The engine knows a handful of selector kinds and condition types; which rules exist, when
they apply, what they select and how much they weigh is data (``rules.yaml``). A point's
score is the sum of:

- each rule that selected it: ``weight x quality`` (x the cause's multiplier, x
  ``inferred_root`` when root involvement is only inferred from the dermatome);
- ``score.region``: how close the point lies to the numb region, times ``Scoring.region``;
- ``score.segment``: ``Scoring.segment`` when the point's nerves carry one of the roots
  the location points to;
- ``score.evidence``: ``Scoring.evidence`` per reference protocol that uses the point for
  this cause (at most ``evidence_cap``).

Every part appears as a :class:`~acupoints.selection.Reason`. Ties break on the WHO order
of the codes, so the same query always gives the same list.

How it runs: each rule that applies adds the points it chose as a tuple of codes from a
per-data table (keyed by rule and region, never by query) with one shared hit; every
candidate is then scored as one sortable tuple, and only the places a selection reads
become candidates with their reasons and models. The patient-independent ranking of a
query is memoised (``_rank``); the patient's exclusions and cautions are applied on every
call. ``tests/test_snapshot.py`` pins 640 answers, so a change here that moves one shows.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, cast
from weakref import WeakKeyDictionary

from . import DISCLAIMER, __version__
from ._fast import construct, make
from .errors import LocationError, QueryError, SelectionError, UnknownCauseError, names_arg
from .index import code_order
from .models import Location, Point, RegionRef
from .rules import Cause, Conditions, Rule, Selector
from .safety import (
    ConditionEffect,
    Exclusion,
    Patient,
    PatientCondition,
    PointWarning,
    cautions_for,
    detect_red_flags,
    effect_matcher,
    not_checked,
    patient_effects,
)
from .selection import ProtocolNote, RankedPoint, Reason, Selection

if TYPE_CHECKING:
    from .anatomy import Anatomy
    from .kb import KnowledgeBase

__all__ = ["closeness", "root_levels", "select"]

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


@dataclass
class _Static:
    """Per knowledge base tables the engine reads on every call (built once)."""

    order: dict[str, tuple[int, int, int]]
    segments: dict[str, frozenset[str]]
    info: dict[str, tuple[str, tuple[int, int, int], frozenset[str]]]  # region, order, roots
    steps: dict[str, ProtocolNote]
    # (cause, protocols left out) -> points' source counts, and the score part each gives
    evidence: dict[tuple[str, frozenset[str]], tuple[dict[str, int], dict[str, float]]]
    reasons: dict[tuple[object, ...], Reason]
    rankings: OrderedDict[tuple[object, ...], _Ranking]
    protocol_ids: frozenset[str]
    lock: threading.Lock
    not_checked: str
    # per-data tables filled on first use; keyed by rules and regions, never by a query
    by_level: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    picked: dict[tuple[str, str], tuple[Point, ...]] = field(default_factory=dict)
    fitting: dict[tuple[object, ...], tuple[str, ...]] = field(default_factory=dict)
    near_regions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    nerve_sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    texts: dict[tuple[object, ...], str] = field(default_factory=dict)  # rule reasons
    next_to: dict[tuple[object, ...], tuple[str, ...]] = field(default_factory=dict)
    groups: dict[tuple[object, ...], tuple[tuple[object, tuple[str, ...]], ...]] = field(
        default_factory=dict
    )
    levels: dict[tuple[object, ...], _LevelPlan] = field(default_factory=dict)
    pairs: _Pairs = field(default_factory=dict)  # closeness
    weights: dict[str | None, dict[str, float]] = field(default_factory=dict)  # per cause
    region_fits: dict[tuple[str, bool, tuple[str, ...]], bool] = field(default_factory=dict)
    dermatomes: dict[tuple[str, tuple[str, ...]], frozenset[str]] = field(default_factory=dict)


_STATIC: WeakKeyDictionary[KnowledgeBase, _Static] = WeakKeyDictionary()


def _static(kb: KnowledgeBase) -> _Static:
    found = _STATIC.get(kb)
    if found is None:
        anatomy = kb.anatomy
        levels: dict[str, list[Point]] = defaultdict(list)
        for p in kb.points:
            if p.location.level is not None:
                levels[p.location.level].append(p)
        order = {p.code: code_order(p.code) for p in kb.points}
        segments = {p.code: frozenset(anatomy.segments_of_point(p.code)) for p in kb.points}
        found = _STATIC[kb] = _Static(
            order=order,
            segments=segments,
            info={p.code: (p.location.region, order[p.code], segments[p.code]) for p in kb.points},
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


@dataclass(slots=True)
class _Hit:
    """One rule choosing points (one object shared by every point it chose alike)."""

    rule: Rule
    group: str  # the rule's
    quality: float
    factor: float
    value: float  # round(weight x factor x quality, 4): the rule's part of the score
    where: str = ""
    level: str | None = None
    sites: tuple[str, ...] = ()


@dataclass
class _Context:
    kb: KnowledgeBase
    location: Location
    cause: Cause | None
    tenderness: str
    static: _Static
    weights: dict[str, float]
    kind: str = "unknown"  # of the cause
    # the points chosen so far: each with the first hit that chose it, and the ones chosen
    # more than once with all their hits (in the order of the rules)
    one: dict[str, _Hit] = field(default_factory=dict)
    many: dict[str, list[_Hit]] = field(default_factory=dict)
    nearness: dict[str, float] = field(default_factory=dict)

    def add(self, codes: Collection[str], hit: _Hit) -> int:
        """``hit`` chose ``codes`` (a code given twice counts once); how many."""
        one = self.one
        fresh = dict.fromkeys(codes, hit)
        chosen = len(fresh)
        clash = one.keys() & fresh.keys()
        if clash:
            many = self.many
            for code in clash:
                del fresh[code]
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
        value = round(self.weights[rule.id] * factor * quality, 4)
        return _Hit(rule, rule.group, quality, factor, value, where, level, sites)


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
    but the numbness follows a dermatome from that part of the spine; else 0."""
    cause = ctx.cause
    if cause is not None and cause.spine is not None:
        return 1.0 if spine in ("any", cause.spine) else 0.0
    if ctx.kind != "unknown":
        return 0.0
    loc = ctx.location
    if loc.pattern == "dermatome" and loc.segments:
        found = _spine_of(loc.segments[0])
        if found is not None and spine in ("any", found):
            return inferred
    return 0.0


def applies(ctx: _Context, when: Conditions, inferred: float) -> float:
    """The factor (0 = does not apply) of a rule's or step's conditions."""
    if when.causes and (ctx.cause is None or ctx.cause.id not in when.causes):
        return 0.0
    kind = ctx.kind
    if when.cause_kinds and kind not in when.cause_kinds:
        return 0.0
    if when.not_cause_kinds and kind in when.not_cause_kinds:
        return 0.0
    loc = ctx.location
    if when.patterns and loc.pattern not in when.patterns:
        return 0.0
    if when.tenderness and ctx.tenderness not in when.tenderness:
        return 0.0
    if when.regions and not _names_region(ctx, when.regions):
        return 0.0
    if when.surfaces and not any(r.surface in when.surfaces for r in loc.regions):
        return 0.0
    if when.root is not None:
        return _root_factor(ctx, when.root, inferred)
    return 1.0


def _names_region(ctx: _Context, wanted: tuple[str, ...]) -> bool:
    """Whether a region of the location lies inside one of ``wanted``, or (named alone,
    with no aspect or surface) holds one of them (a per-data table: regions, not texts)."""
    table = ctx.static.region_fits
    for r in ctx.location.regions:
        bare = not r.aspects and r.surface is None
        key = (r.region, bare, wanted)
        found = table.get(key)
        if found is None:
            within = ctx.kb.anatomy.within
            found = table[key] = any(
                within(r.region, want) or (bare and within(want, r.region)) for want in wanted
            )
        if found:
            return True
    return False


def _points(ctx: _Context, region: str, sel: Selector, rid: str) -> tuple[Point, ...]:
    """The points of ``region`` a rule's selector takes (its aspects, surface, meridians)."""
    key = (rid, region)
    found = ctx.static.picked.get(key)
    if found is None:
        found = ctx.static.picked[key] = tuple(
            p
            for p in ctx.kb.points_in(region, aspects=sel.aspects, surface=sel.surface)
            if not sel.meridians or p.meridian in sel.meridians
        )
    return found


def _fits(p: Point, ref: RegionRef) -> bool:
    """Whether a point lies on the part of a region the text named ("back of the leg")."""
    if ref.surface is not None and p.location.surface not in (None, ref.surface):
        return False
    if ref.aspects:
        return not _aspects_twins(ref.aspects).isdisjoint(_aspects_twins(p.location.aspects))
    return True


@lru_cache(maxsize=1024)
def _aspects_twins(aspects: tuple[str, ...]) -> frozenset[str]:
    from .anatomy import _equivalent

    return frozenset(_equivalent(aspects))


def _near_regions(ctx: _Context, region: str) -> tuple[str, ...]:
    """The regions next to a numb one: its enclosing part, and the limb segments on either
    side of it (the forearm for the wrist: the elbow and the hand)."""
    found = ctx.static.near_regions.get(region)
    if found is None:
        anatomy = ctx.kb.anatomy
        near: list[str] = []
        parents = anatomy.ancestors(region)
        if parents and parents[0] not in _LIMB_ROOTS:
            near.append(parents[0])
        pos = _chain_position(anatomy, region)
        if pos is not None:
            chain = ARM_CHAIN if pos[0] == "arm" else LEG_CHAIN
            near.extend(chain[i] for i in (pos[1] - 1, pos[1] + 1) if 0 <= i < len(chain))
        found = ctx.static.near_regions[region] = tuple(near)
    return found


def _local(ctx: _Context, rule: Rule, factor: float) -> int:
    static, rid = ctx.static, rule.id
    refs = ctx.location.regions
    added = 0
    for ref in refs:
        codes = _fitting(ctx, rule, ref)
        if codes:
            broad = ref.region in _LIMB_ROOTS and not ref.aspects
            added += ctx.add(
                codes, ctx.hit(rule, 0.6 if broad else 1.0, factor, "in the numb area")
            )
    hit = ctx.hit(rule, rule.select.near, factor, "next to the numb area")
    if len(refs) == 1:  # most locations: a per-data table of the points next to the region
        ref = refs[0]
        key = (rid, ref.region, ref.aspects, ref.surface)
        near = static.next_to.get(key)
        if near is None:
            near = static.next_to[key] = _next_to(ctx, rule, [ref])
    else:
        near = _next_to(ctx, rule, refs)
    return added + ctx.add(near, hit)


def _fitting(ctx: _Context, rule: Rule, ref: RegionRef) -> tuple[str, ...]:
    """The points a ``local`` rule takes in a numb region (and on the part of it named)."""
    key = (rule.id, ref.region, ref.aspects, ref.surface)
    codes = ctx.static.fitting.get(key)
    if codes is None:
        codes = ctx.static.fitting[key] = tuple(
            p.code for p in _points(ctx, ref.region, rule.select, rule.id) if _fits(p, ref)
        )
    return codes


def _next_to(ctx: _Context, rule: Rule, refs: Collection[RegionRef]) -> tuple[str, ...]:
    """The points a ``local`` rule takes next to the numb regions and not in them."""
    inside = {code for ref in refs for code in _fitting(ctx, rule, ref)}
    near: set[str] = set()
    for ref in refs:
        near.update(_near_regions(ctx, ref.region))
    out: dict[str, None] = {}
    for region in sorted(near):
        for p in _points(ctx, region, rule.select, rule.id):
            if p.code not in inside:
                out[p.code] = None
    return tuple(out)


def _grouped(
    points: Collection[Point], key: Callable[[Point], object]
) -> tuple[tuple[object, tuple[str, ...]], ...]:
    """The codes of ``points`` grouped by ``key``, groups in order of first appearance."""
    groups: dict[object, list[str]] = {}
    for p in points:
        groups.setdefault(key(p), []).append(p.code)
    return tuple((k, tuple(codes)) for k, codes in groups.items())


def _region(ctx: _Context, rule: Rule, factor: float) -> int:
    key = (rule.id, "region")
    groups = ctx.static.groups.get(key)
    if groups is None:
        points = _first([_points(ctx, r, rule.select, rule.id) for r in rule.select.regions])
        groups = ctx.static.groups[key] = _grouped(points, lambda p: p.location.region)
    added = 0
    for region, codes in groups:
        quality = max(0.2, ctx.near(cast(str, region)))
        added += ctx.add(codes, ctx.hit(rule, quality, factor))
    return added


def _first(lists: list[tuple[Point, ...]]) -> list[Point]:
    """The points of ``lists`` in order, each at its first appearance."""
    out: dict[str, Point] = {}
    for points in lists:
        for p in points:
            out.setdefault(p.code, p)
    return list(out.values())


def _codes(ctx: _Context, rule: Rule, factor: float) -> int:
    return ctx.add(rule.select.codes, ctx.hit(rule, 1.0, factor))


def _by_limb(ctx: _Context, rule: Rule, factor: float) -> int:
    anatomy = ctx.kb.anatomy
    limbs = {anatomy.limb_of(r.region) for r in ctx.location.regions}
    codes = (rule.select.arm if "arm" in limbs else ()) + (
        rule.select.leg if "leg" in limbs else ()
    )
    return ctx.add(codes, ctx.hit(rule, 1.0, factor))


def _reflex(ctx: _Context, rule: Rule, factor: float) -> int:
    sel = rule.select
    regions = sel.regions or (ctx.cause.sites if ctx.cause is not None else ())
    key = (rule.id, "reflex", regions)
    groups = ctx.static.groups.get(key)
    if groups is None:
        points = [
            p
            for p in _first([_points(ctx, r, sel, rule.id) for r in regions])
            if not (sel.levels and p.location.level is not None) or p.location.level in sel.levels
        ]
        groups = ctx.static.groups[key] = _grouped(points, lambda p: p.location.level)
    added = 0
    for level, codes in groups:
        added += ctx.add(codes, ctx.hit(rule, 1.0, factor, level=cast("str | None", level)))
    return added


def _root_level(ctx: _Context, rule: Rule, factor: float) -> int:
    targets = tuple(ctx.location.segments[:2])
    if factor == 0 or not targets:
        return 0
    key = (rule.id, "root_level", targets)
    plan = ctx.static.levels.get(key)
    if plan is None:
        plan = ctx.static.levels[key] = _root_plan(ctx, rule, targets)
    added = 0
    for quality, seg, sites, codes in plan:
        added += ctx.add(codes, ctx.hit(rule, quality, factor, level=seg, sites=sites))
    return added


_LevelPlan = tuple[tuple[float, str, tuple[str, ...], tuple[str, ...]], ...]


def _root_plan(ctx: _Context, rule: Rule, targets: tuple[str, ...]) -> _LevelPlan:
    """The points a ``root_level`` rule takes for the first two root segments of a
    location, as (quality, segment, sites, codes) groups: each point once, at the best
    quality any segment gives it (the first segment on a tie)."""
    sel = rule.select
    best: dict[str, tuple[float, str, tuple[str, ...]]] = {}

    def offer(code: str, hit: tuple[float, str, tuple[str, ...]]) -> None:
        if code not in best or hit[0] > best[code][0]:
            best[code] = hit

    by_level = ctx.static.by_level
    for seg in targets:
        primary, near = root_levels(seg)
        for levels, quality in ((primary, 1.0), (near, sel.near)):
            for level in sorted(levels, key=_ORDER.index):
                for p in by_level.get(level, ()):
                    if not sel.meridians or p.meridian in sel.meridians:
                        offer(p.code, (quality, seg, ()))
        if sel.jiaji:
            jiaji = ctx.kb.point("EX-B2")
            sites = tuple(s.level for s in jiaji.sites if s.level in primary)
            if sites:
                offer(jiaji.code, (1.0, seg, sites))
            else:
                sites = tuple(s.level for s in jiaji.sites if s.level in near)
                if sites:
                    offer(jiaji.code, (sel.near, seg, sites))
    groups: dict[tuple[float, str, tuple[str, ...]], list[str]] = {}
    for code, hit in best.items():
        groups.setdefault(hit, []).append(code)
    return tuple((q, seg, sites, tuple(codes)) for (q, seg, sites), codes in groups.items())


_SELECTORS = {
    "local": _local,
    "region": _region,
    "codes": _codes,
    "by_limb": _by_limb,
    "reflex": _reflex,
    "root_level": _root_level,
}


def _weight(rule: Rule, cause: Cause | None) -> float:
    if cause is not None:
        if cause.id in rule.cause_weights:
            return rule.weight * rule.cause_weights[cause.id]
        if cause.kind in rule.cause_weights:
            return rule.weight * rule.cause_weights[cause.kind]
    return rule.weight


def _reason_text(rule: Rule, p: Point, hit: _Hit, kb: KnowledgeBase) -> str:
    values = {
        "point": f"{p.code} {p.names.pinyin}",
        "region": kb.region(p.location.region).name,
        "where": hit.where or "near the numb area",
        "level": hit.level or "",
        "surface": p.location.surface or "",
        "limb": kb.anatomy.limb_of(p.location.region) or "body",
    }
    try:
        text = rule.reason.format(**values)
    except (KeyError, IndexError, ValueError):
        text = rule.reason
    if hit.sites:
        text += f" (sites: {', '.join(hit.sites)})"
    return text


def _side(p: Point, location: Location) -> tuple[str, bool]:
    """Where a point is needled for this location, and whether that is the numb side."""
    lat = p.location.laterality
    if lat == "midline":
        return "midline", False
    if lat in ("left", "right"):
        return lat, location.side in (lat, "both")
    if location.side is None:
        return "unspecified", True
    return location.side, True


_Matcher = Callable[[Point, str | None], bool]  # safety.effect_matcher
_Part = tuple[str, float, _Hit | None, bool]  # rule or score part, value, hit, counted


@dataclass(slots=True)
class _Candidate:
    """A scored point before it is turned into a :class:`RankedPoint` (only the chosen
    ones are, so the models and sentences are built for ``limit`` points, not for all)."""

    code: str
    point: Point
    score: float
    group: str
    order: tuple[int, int, int]
    parts: list[_Part]
    hits: list[_Hit]
    side: str
    affected: bool
    near: float
    shared: list[str]
    built: RankedPoint | None = None  # the RankedPoint when no patient caution applies


def _reason(
    kb: KnowledgeBase,
    static: _Static,
    c: _Candidate,
    rid: str,
    value: float,
    hit: _Hit | None,
    counted: bool,
    counts: dict[str, int],
    cause_id: str,
    skip: frozenset[str],
) -> Reason:
    p = c.point
    if hit is not None:
        key = (rid, c.code, hit.where, hit.level, hit.sites)
        text = static.texts.get(key) or static.texts.setdefault(
            key, _reason_text(hit.rule, p, hit, kb)
        )
        if not counted:
            text += f" (not added: the {hit.rule.group} group counts its strongest rule only)"
        return make(
            Reason, {"rule": rid, "text": text, "contribution": value, "sources": hit.rule.sources}
        )
    if rid == "score.region":
        return construct(
            Reason,
            rule=rid,
            contribution=value,
            text=f"closeness of its region ({kb.region(p.location.region).name}) to "
            f"the numb area: {c.near:.2f}",
            sources=(),
        )
    if rid == "score.segment":
        return construct(
            Reason,
            rule=rid,
            contribution=value,
            text=f"its nerves carry {', '.join(c.shared)}, a root the numb area points to",
            sources=_nerve_sources(static, p),
        )
    total, cap = counts[c.code], kb.scoring.evidence_cap
    return construct(
        Reason,
        rule=rid,
        contribution=value,
        text=f"used for this cause by {total} published source(s)"
        + (f" (counted up to {cap})" if total > cap else ""),
        sources=kb.evidence_sources(cause_id, c.code, exclude=skip),
    )


def _nerve_sources(static: _Static, p: Point) -> tuple[str, ...]:
    """The sources of a point's innervation, sorted (once per point)."""
    table = static.nerve_sources
    found = table.get(p.code)
    if found is None:
        found = table[p.code] = tuple(sorted({s for i in p.innervation for s in i.sources}))
    return found


def _ranked(
    kb: KnowledgeBase,
    static: _Static,
    c: _Candidate,
    patient: Patient | None,
    cautioning: list[tuple[PatientCondition, ConditionEffect, _Matcher]],
    counts: dict[str, int],
    cause_id: str,
    skip: frozenset[str],
) -> RankedPoint:
    p = c.point
    if not cautioning:  # no patient, or none of theirs cautions: built once per candidate
        if c.built is not None:
            return c.built
        warnings: list[PointWarning] = []
    else:
        warnings = [
            construct(
                PointWarning,
                origin=cond.id,
                kind="other",
                structure=None,
                note=eff.note,
                max_depth_cun=None,
                sources=eff.sources,
            )
            for cond, eff, matches in cautioning
            if matches(p, c.side)
        ]
        if not warnings and c.built is not None:
            return c.built
    memo = static.reasons
    reasons: list[Reason] = []
    for rid, value, hit, counted in c.parts:
        # a Reason depends only on these keys, and is immutable: build each once
        if hit is not None:
            key: tuple[object, ...] = (rid, c.code, value, counted, hit.where, hit.level, hit.sites)
        elif rid == "score.region":
            key = (rid, c.code, value, c.near)
        elif rid == "score.segment":
            key = (rid, c.code, value, tuple(c.shared))
        else:
            key = (rid, c.code, value, cause_id, skip)
        reason = memo.get(key)
        if reason is None:
            reason = memo[key] = _reason(
                kb, static, c, rid, value, hit, counted, counts, cause_id, skip
            )
            if len(memo) > 200_000:
                memo.clear()
        reasons.append(reason)
    hits = c.hits
    if len(hits) == 1:
        root_level = hits[0].level if hits[0].rule.select.kind == "root_level" else None
        sites = tuple(dict.fromkeys(hits[0].sites)) if hits[0].sites else ()
    else:
        root_level = next((h.level for h in hits if h.rule.select.kind == "root_level"), None)
        sites = tuple(dict.fromkeys(s for h in hits for s in h.sites))
    ranked = make(
        RankedPoint,
        {
            "code": c.code,
            "point": p,
            "score": c.score,
            "group": c.group,
            "reasons": tuple(reasons),
            "side": c.side,
            "affected_side": c.affected,
            "root_level": root_level,
            "sites": sites,
            "cautions": cautions_for(p, warnings),
        },
    )
    if not warnings:
        c.built = ranked
    return ranked


def _matchers(
    kb: KnowledgeBase,
    effects: list[tuple[PatientCondition, ConditionEffect]],
    patient: Patient | None,
    action: str,
) -> list[tuple[PatientCondition, ConditionEffect, _Matcher]]:
    """The patient's effects of one ``action``, each with its test of a candidate point
    (the effect and the patient fixed once, then one call per point)."""
    if patient is None:
        return []
    return [(c, e, effect_matcher(kb, e, patient)) for c, e in effects if e.action == action]


_ROOTS = ("root", "root_level")


def _share(groups: list[str], pool: Sequence[int], limit: int, root_share: float) -> list[int]:
    """The first ``limit`` of ``pool`` (indices into the ranking, best first), with root
    and root-level points taking at most ``root_share`` of the places while other points
    are left to fill them."""
    cap = max(1, -(-round(root_share * limit * 100) // 100))
    top = list(pool[:limit])  # a slice of a range costs nothing, whatever its length
    if sum(1 for i in top if groups[i] in _ROOTS) <= cap:
        return top  # the share is kept already (the roots below the cut are not needed)
    roots = [i for i in pool if groups[i] in _ROOTS]
    others = [i for i in pool if groups[i] not in _ROOTS]
    if not roots or not others:
        return top
    keep = set(roots[: max(cap, limit - len(others))]) | set(others)
    return [i for i in pool if i in keep][:limit]


def _cause_id(kb: KnowledgeBase, cause: str | None) -> str | None:
    if cause is None:
        return None
    try:
        return kb.cause(cause).id
    except UnknownCauseError:
        return None


# a scored point before it is a _Candidate: (-score, WHO order, code, group, and when
# several rules chose it its hits and rule parts, the hit that decides its group); the
# tuples sort best
# first (the orders are unique, so the comparison never reaches the code)
_Entry = tuple[
    float, tuple[int, int, int], str, str, "list[_Hit] | None", "list[_Part] | None", _Hit
]


@dataclass(slots=True)
class _Ranking:
    """The patient-independent part of a selection, memoised per query (see _rank).

    Every candidate is scored (``entries``, best first), but only the ones a selection
    reads are turned into :class:`_Candidate` objects (``cand``), usually the first
    ``limit``. It holds no reference to the knowledge base (it is kept in a table the
    knowledge base owns)."""

    entries: list[_Entry]
    groups: list[str]
    applied: tuple[str, ...]
    notes: tuple[str, ...]
    counts: dict[str, int]
    steps: tuple[ProtocolNote, ...]
    location: Location
    point_of: Mapping[str, Point]
    regions: dict[str, tuple[float, float | None]]  # point region -> closeness, score part
    segments: dict[str, frozenset[str]]
    top_segments: frozenset[str]
    segment_value: float
    evidence: dict[str, float]  # code -> its evidence part of the score
    slots: list[_Candidate | None]

    def cand(self, i: int) -> _Candidate:
        """The candidate at place ``i`` (built once; threads that race build equal ones)."""
        c = self.slots[i]
        if c is None:
            c = self.slots[i] = self._build(self.entries[i])
        return c

    def _build(self, entry: _Entry) -> _Candidate:
        neg, order, code, group, hits, rule_parts, main = entry
        p = self.point_of[code]
        side, affected = _side(p, self.location)
        if hits is None or rule_parts is None:
            hits = [main]
            parts: list[_Part] = [(main.rule.id, main.value, main, True)]
        else:
            parts = list(rule_parts)
        near, region_value = self.regions[p.location.region]
        if region_value is not None:
            parts.append(("score.region", region_value, None, True))
        shared: list[str] = []
        top = self.top_segments
        if top and not self.segments[code].isdisjoint(top):
            shared = sorted(self.segments[code] & top)
            parts.append(("score.segment", self.segment_value, None, True))
        evidence = self.evidence.get(code)
        if evidence is not None:
            parts.append(("score.evidence", evidence, None, True))
        return _Candidate(code, p, -neg, group, order, parts, hits, side, affected, near, shared)


def _rule_parts(hits: list[_Hit]) -> tuple[list[_Part], _Hit]:
    """The rule parts of a point's score when several rules (or one rule several times)
    chose it, and the hit that decides its group (the strongest, then the greatest id)."""
    if len(hits) == 2:  # the usual case: two rules of different groups, both counted
        a, b = hits
        if a.group != b.group:  # so different rules too
            main = a if (a.value, a.rule.id) > (b.value, b.rule.id) else b
            return [(a.rule.id, a.value, a, True), (b.rule.id, b.value, b, True)], main
    by_rule: dict[str, float] = {}
    best_hit: dict[str, _Hit] = {}
    for h in hits:
        rid = h.rule.id
        value = h.value
        old = by_rule.get(rid)
        if old is not None and old >= value:
            continue
        by_rule[rid] = value
        best_hit[rid] = h
    # within a group only the strongest rule counts: a point on both leg surfaces, or
    # both named and in the reflex area, is not counted twice for the same idea
    group_best: dict[str, tuple[float, str]] = {}
    top = (-1.0, "")
    for rid, value in by_rule.items():
        grp = best_hit[rid].group
        cur = group_best.get(grp)
        if cur is None or value > cur[0] or (value == cur[0] and rid < cur[1]):
            group_best[grp] = (value, rid)
        if (value, rid) > top:
            top = (value, rid)
    parts: list[_Part] = []
    for rid, value in by_rule.items():
        h = best_hit[rid]
        counted = group_best[h.group][1] == rid
        parts.append((rid, value if counted else 0.0, h, counted))
    return parts, best_hit[top[1]]


def kb_protocol_ids(kb: KnowledgeBase) -> frozenset[str]:
    return _static(kb).protocol_ids


def _rank(
    kb: KnowledgeBase,
    static: _Static,
    loc: Location,
    the_cause: Cause | None,
    tenderness: str,
    evidence: bool,
    skip: frozenset[str],
) -> _Ranking:
    """Every candidate point with its score, best first: what the rules, the anatomy and
    the evidence say, before any patient. It depends only on its arguments, so the last
    few hundred are kept (a batch of patients with the same complaint scores it once)."""
    key = (loc, the_cause.id if the_cause else None, tenderness, evidence, skip)
    memo = static.rankings
    with static.lock:
        found = memo.get(key)
        if found is not None:
            memo.move_to_end(key)
            return found
    found = _rank_now(kb, static, loc, the_cause, tenderness, evidence, skip)
    with static.lock:
        memo[key] = found
        if len(memo) > _RANKINGS_KEPT:
            memo.popitem(last=False)
    return found


_RANKINGS_KEPT = 512


def forget(kb: KnowledgeBase) -> None:
    """Drop what earlier calls memoised (parsed texts, cause words, rankings, reasons,
    red-flag words)."""
    from .parse import _PARSED
    from .safety import _TEXT_HITS

    _PARSED.pop(kb, None)
    kb._cause_memo.clear()
    static = _STATIC.get(kb)
    if static is not None:
        with static.lock:
            static.rankings.clear()
            static.reasons.clear()
    _TEXT_HITS.pop(kb, None)
    from .text.reader import forget as forget_text

    forget_text(kb)


def _evidence(
    kb: KnowledgeBase, cause: str, skip: frozenset[str]
) -> tuple[dict[str, int], dict[str, float]]:
    """For a cause: how many sources use each point, and the score part that gives
    (``Scoring.evidence`` per source, at most ``evidence_cap``; none when it adds none)."""
    counts = kb.evidence_counts(cause, exclude=skip)
    cap, weight = kb.scoring.evidence_cap, kb.scoring.evidence
    parts = {code: round(weight * m, 4) for code, n in counts.items() if (m := min(n, cap))}
    return counts, parts if weight > 0 else {}


_SPINE_WORDS = {"cervical": "cervical roots", "lumbosacral": "lumbar and sacral roots"}


def _misfit(kb: KnowledgeBase, cause: Cause, loc: Location) -> str | None:
    """A note when the cause given cannot explain where the person is numb: a compressed
    root from a part of the spine whose dermatomes hold none of the numb area, or a nerve
    compressed on another limb (carpal tunnel with numb toes). The points still follow the
    cause as given; the note asks to check it."""
    if cause.spine is not None:
        # every dermatome that reaches the area, not only the five the location lists
        covering = _dermatomes(kb, loc)
        if any(_spine_of(s) == cause.spine for s in covering):
            return None
        where = (
            f"its dermatomes are {', '.join(loc.segments)}"
            if loc.segments
            else "it follows no spinal dermatome"
        )
        why = f"{_SPINE_WORDS[cause.spine]} supply none of it ({where})"
    elif cause.kind == "compression" and (cause.sites or cause.nerves):
        limb_of = kb.anatomy.limb_of
        limbs = {limb for site in cause.sites if (limb := limb_of(site)) is not None}
        if limbs and not limbs & {limb_of(r.region) for r in loc.regions}:
            sites = ", ".join(kb.region(site).name for site in cause.sites)
            why = f"the nerve is compressed at the {sites}, on the {' or '.join(sorted(limbs))}"
            why += ", and the numb area is not on that limb"
        elif (
            cause.nerves
            and loc.nerves
            and not any(_branch_of(kb, n, cause.nerves) for n in loc.nerves)
        ):
            names = " or the ".join(kb.nerve(n).name for n in cause.nerves)
            skin = ", the ".join(kb.nerve(n).name for n in loc.nerves)
            why = f"the {names} supplies none of it (its skin nerves are the {skin})"
        else:
            return None
    else:
        return None
    return (
        f"The cause given, {cause.name}, does not fit the numb area: {why}. The points "
        "follow the cause as given; check the cause."
    )


def _dermatomes(kb: KnowledgeBase, loc: Location) -> set[str]:
    """Every segment whose dermatome reaches a region of ``loc`` (a per-data table by
    region and aspects)."""
    table = _static(kb).dermatomes
    out: set[str] = set()
    for ref in loc.regions:
        key = (ref.region, ref.aspects)
        found = table.get(key)
        if found is None:
            found = table[key] = frozenset(kb.anatomy.segments_for(ref.region, ref.aspects))
        out |= found
    return out


def _branch_of(kb: KnowledgeBase, nerve: str, trunks: tuple[str, ...]) -> bool:
    """Whether ``nerve`` is one of ``trunks`` or a branch of one."""
    seen: str | None = nerve
    while seen is not None:
        if seen in trunks:
            return True
        seen = kb.nerve(seen).parent
    return False


class _RegionParts(dict[str, tuple[float, float | None]]):
    """Point region -> its closeness to the numb area and the score part that gives
    (``None`` when it adds none), worked out on first use."""

    def __init__(self, ctx: _Context, weight: float) -> None:
        super().__init__()
        self.ctx, self.weight = ctx, weight

    def __missing__(self, region: str) -> tuple[float, float | None]:
        near = self.ctx.near(region)
        value = round(self.weight * near, 4) if near > 0 and self.weight > 0 else None
        self[region] = (near, value)
        return near, value


def _rank_now(
    kb: KnowledgeBase,
    static: _Static,
    loc: Location,
    the_cause: Cause | None,
    tenderness: str,
    evidence: bool,
    skip: frozenset[str],
) -> _Ranking:
    scoring = kb.scoring
    rules = kb.rules
    cause_id = the_cause.id if the_cause is not None else None
    weights = static.weights.get(cause_id) or static.weights.setdefault(
        cause_id, {rule.id: _weight(rule, the_cause) for rule in rules}
    )
    ctx = _Context(kb, loc, the_cause, tenderness, static, weights, _cause_kind(the_cause))
    notes: list[str] = []
    applied: list[str] = []
    inferred = False
    if the_cause is not None and the_cause.kind == "residual":
        notes.append(
            "Numbness or heaviness left after a session is usually residual needle "
            "sensation: no new points are suggested; see the aftercare steps."
        )
    else:
        for rule in rules:
            factor = applies(ctx, rule.when, scoring.inferred_root)
            if factor <= 0:
                continue
            applied.append(rule.id)
            chose = _SELECTORS[rule.select.kind](ctx, rule, factor)
            if chose and factor < 1 and rule.group.startswith("root"):
                inferred = True
    if inferred:
        notes.append(
            "Root involvement was inferred from the dermatome, not given as a cause; "
            "root rules count at reduced weight."
        )
    misfit = _misfit(kb, the_cause, loc) if the_cause is not None else None
    if misfit is not None:
        notes.append(misfit)
    counts: dict[str, int] = {}
    evidence_parts: dict[str, float] = {}
    if the_cause is not None and evidence:
        ekey = (the_cause.id, skip)
        found = static.evidence.get(ekey)
        if found is None:
            found = static.evidence[ekey] = _evidence(kb, the_cause.id, skip)
        counts, evidence_parts = found
    top_segments = frozenset(loc.segments[:3]) if scoring.segment > 0 else frozenset()
    point_of, segments = kb.point_map, static.segments
    segment_value = round(scoring.segment, 4)
    # the score as _Ranking._build makes its parts, added in the same order (a missing
    # part adds 0.0, which leaves a float as it is)
    regions = _RegionParts(ctx, scoring.region)
    entries: list[_Entry] = []
    many, info = ctx.many, static.info
    for code, main in ctx.one.items():
        region, rank, segs = info[code]
        hits = many.get(code) if many else None
        if hits is None:  # most points: one rule chose them
            rule_parts = None
            score = main.value
        else:
            rule_parts, main = _rule_parts(hits)
            score = 0.0
            for part in rule_parts:
                score += part[1]
        score += regions[region][1] or 0.0
        if top_segments and not segs.isdisjoint(top_segments):
            score += segment_value
        if evidence_parts:
            score += evidence_parts.get(code, 0.0)
        entries.append((-round(score, 4), rank, code, main.group, hits, rule_parts, main))
    entries.sort()
    steps = tuple(static.steps[st.id] for st in kb.protocol if applies(ctx, st.when, 1.0) > 0)
    return _Ranking(
        entries,
        [e[3] for e in entries],
        tuple(applied),
        tuple(notes),
        counts,
        steps,
        loc,
        point_of,
        dict(regions),  # a plain copy: the ranking must not hold the kb (through ctx)
        segments,
        top_segments,
        segment_value,
        evidence_parts,
        [None] * len(entries),
    )


def select(
    kb: KnowledgeBase,
    location: str | Location,
    *,
    cause: str | None = None,
    side: str | None = None,
    patient: Patient | None = None,
    tenderness: str = "unknown",
    limit: int = 10,
    evidence: bool = True,
    without_protocols: Collection[str] = (),
) -> Selection:
    """See :meth:`KnowledgeBase.select`."""
    from .parse import _assemble

    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise SelectionError(f"limit must be a positive integer, got {limit!r}")
    limit = min(limit, len(kb))  # more than there are points: all of them
    if tenderness not in ("pronounced", "vague", "unknown"):
        raise SelectionError(
            f"tenderness must be 'pronounced', 'vague' or 'unknown', got {tenderness!r}"
        )
    if side not in (None, "left", "right", "both"):
        raise SelectionError(f"side must be 'left', 'right' or 'both', got {side!r}")
    if isinstance(patient, dict):
        from pydantic import ValidationError

        try:
            patient = Patient.model_validate(patient)
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            field = ".".join(str(x) for x in err["loc"])
            raise SelectionError(f"patient field {field!r}: {err['msg']}") from None
    if patient is not None and not isinstance(patient, Patient):
        raise SelectionError(f"patient must be a Patient, got {type(patient).__name__}")
    if not isinstance(location, (str, Location)):
        raise SelectionError(f"location must be text or a Location, got {type(location).__name__}")
    query = location if isinstance(location, str) else location.text
    if isinstance(location, str):
        try:
            loc = kb.parse_location(location)
        except LocationError as exc:
            flags = detect_red_flags(kb, location, None, patient, _cause_id(kb, cause))
            if not flags:
                raise
            raise LocationError(
                exc.message, exc.text, exc.unknown, exc.suggestions, red_flags=flags
            ) from None
    elif isinstance(location, Location):
        loc = location
    else:
        raise SelectionError(f"location must be text or a Location, got {type(location).__name__}")
    if side is not None:
        refs = [RegionRef.model_validate({**r.model_dump(), "side": side}) for r in loc.regions]
        loc = _assemble(kb, refs, loc.negated, loc.text, set(), loc.ignored, loc.reading)
    # -- the text reader (acupoints.text): a cause written in the text, when none is given
    from .text.use import cause_from_text

    given_cause = cause  # red flags follow a cause given, not one read from the text
    cause, text_notes = cause_from_text(kb, loc, cause)
    # --
    the_cause = kb.cause(cause) if cause is not None else None
    rules = kb.rules
    if not rules:
        raise SelectionError("the knowledge base has no selection rules (rules.yaml)")
    scoring = kb.scoring
    if not isinstance(evidence, bool):
        raise SelectionError(f"evidence must be True or False, got {evidence!r}")
    try:
        skip = frozenset(names_arg("without_protocols", without_protocols))
    except QueryError as exc:
        raise SelectionError(str(exc)) from None
    unknown_protocols = skip - kb_protocol_ids(kb)
    if unknown_protocols:
        raise SelectionError(
            f"unknown reference protocol(s): {', '.join(sorted(unknown_protocols))}"
        )
    static = _static(kb)
    ranking = _rank(kb, static, loc, the_cause, tenderness, evidence, skip)
    counts = ranking.counts
    notes = [*text_notes, *ranking.notes]
    applied = ranking.applied
    effects = patient_effects(kb, patient)
    excluding = _matchers(kb, effects, patient, "exclude")
    cautioning = _matchers(kb, effects, patient, "caution")
    exclusions: list[Exclusion] = []
    pool: Sequence[int] = range(len(ranking.entries))  # places in the ranking, best first
    if excluding:
        kept: list[int] = []
        for i in pool:
            c = ranking.cand(i)
            excluded_by = [
                (cond, eff) for cond, eff, matches in excluding if matches(c.point, c.side)
            ]
            if not excluded_by:
                kept.append(i)
                continue
            exclusions.append(
                construct(
                    Exclusion,
                    code=c.code,
                    reasons=tuple(f"{cond.name}: {eff.note}" for cond, eff in excluded_by),
                    conditions=tuple(dict.fromkeys(cond.id for cond, _ in excluded_by)),
                    sources=tuple(dict.fromkeys(x for _, eff in excluded_by for x in eff.sources)),
                )
            )
        pool = kept
    exclusions.sort(key=lambda e: static.order[e.code])
    picked = _share(ranking.groups, pool, limit, scoring.root_share)
    if picked != list(pool[:limit]):
        notes.append(
            f"At most {scoring.root_share:.0%} of the list goes to root and root-level "
            "points, so that points of the numb limb keep their place."
        )
    cause_id = the_cause.id if the_cause else ""
    chosen = [
        _ranked(kb, static, ranking.cand(i), patient, cautioning, counts, cause_id, skip)
        for i in picked
    ]
    protocol = list(ranking.steps)
    seen_protocol: set[tuple[str, str]] = set()
    patient_steps: list[ProtocolNote] = []
    for cond, eff in effects:
        if eff.action != "protocol" or (cond.id, eff.note) in seen_protocol:
            continue
        if (
            eff.from_week is not None
            and patient is not None
            and (patient.pregnancy_week is not None and patient.pregnancy_week < eff.from_week)
        ):
            continue
        seen_protocol.add((cond.id, eff.note))
        patient_steps.append(
            construct(
                ProtocolNote,
                id=f"patient.{cond.id}",
                title=f"For {cond.name}",
                text=eff.note,
                sources=eff.sources,
            )
        )
    protocol = patient_steps + protocol
    if patient is None and kb.safety_conditions:
        notes.append(static.not_checked)
    flags = detect_red_flags(kb, query, loc, patient, _cause_id(kb, given_cause))
    emergency = any(f.urgency == "emergency" for f in flags)
    if emergency:
        notes.insert(
            0,
            "An emergency red flag was raised: no points are suggested. "
            "Get emergency medical care first.",
        )
        chosen = []
    elif flags:
        notes.insert(
            0, "Red flags were raised: have a doctor assess these symptoms before any acupuncture."
        )
    return make(
        Selection,
        {
            "disclaimer": DISCLAIMER,
            "emergency": emergency,
            "red_flags": flags,
            "query": query,
            "location": loc,
            "cause": the_cause.id if the_cause else None,
            "tenderness": tenderness,
            "patient": patient,
            "points": tuple(chosen),
            "excluded": tuple(exclusions),
            "protocol": tuple(protocol),
            "aftercare": kb.aftercare_items,
            "notes": tuple(notes),
            "rules_applied": tuple(applied),
            "version": __version__,
        },
    )
