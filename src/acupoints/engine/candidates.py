"""Stage 1, candidates: which rules apply to a query, and the points each rule's selector
chooses (``local``, ``region``, ``codes``, ``by_limb``, ``reflex``, ``root_level``,
``distal_channel``, ``core``), each with the hit that says why."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from ..models import Location, Point, RegionRef
from ..rules import (
    Cause,
    Conditions,
    Rule,
    Selector,
)
from .context import (
    _LIMB_ROOTS,
    _ORDER,
    _PLANS_KEPT,
    ARM_CHAIN,
    LEG_CHAIN,
    _chain_position,
    _Context,
    _Hit,
    _LevelPlan,
    _Plan,
    _plan,
    _root_factor,
    root_levels,
)

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


def applies(ctx: _Context, when: Conditions, inferred: float) -> float:
    """The factor (0 = does not apply) of a rule's or step's conditions."""
    if not _place_holds(ctx, when):
        return 0.0
    return _cause_factor(ctx, when, inferred)


def _cause_factor(ctx: _Context, when: Conditions, inferred: float) -> float:
    """The factor of the conditions on the cause, the tenderness and the root (what
    :func:`applies` gives when the conditions on the place hold)."""
    if when.causes and (ctx.cause is None or ctx.cause.id not in when.causes):
        return 0.0
    kind = ctx.kind
    if when.cause_kinds and kind not in when.cause_kinds:
        return 0.0
    if when.not_cause_kinds and kind in when.not_cause_kinds:
        return 0.0
    if when.tenderness and ctx.tenderness not in when.tenderness:
        return 0.0
    if when.root is not None:
        return _root_factor(ctx, when.root, inferred)
    return 1.0


def _place_holds(ctx: _Context, when: Conditions) -> bool:
    """Whether the conditions on the place (pattern, regions, surfaces) hold."""
    # (each region with whether it is named without an aspect, and its surface, is all
    # they read)
    loc = ctx.location
    if when.patterns and loc.pattern not in when.patterns:
        return False
    if when.regions and not _names_region(ctx, when.regions):
        return False
    return not (when.surfaces and not any(r.surface in when.surfaces for r in loc.regions))


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
    from ..anatomy import _equivalent

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
    pkey, plan = _kept_plan(ctx, rule, factor, key)
    if plan is not None:
        return ctx.add_plan(plan)
    groups = ctx.static.groups.get(key)
    if groups is None:
        points = [
            p
            for p in _first([_points(ctx, r, sel, rule.id) for r in regions])
            if not (sel.levels and p.location.level is not None) or p.location.level in sel.levels
        ]
        groups = ctx.static.groups[key] = _grouped(points, lambda p: p.location.level)
    hits = [
        (codes, ctx.hit(rule, 1.0, factor, level=cast("str | None", level)))
        for level, codes in groups
    ]
    return ctx.add_plan(_keep_plan(ctx, pkey, hits))


def _root_targets(loc: Location, cause: Cause | None) -> tuple[str, ...]:
    """The (at most two) roots the root-level points are chosen for: the location's
    dermatomes, or, when the cause names its usual roots, those of the location's
    dermatomes that are among them, and else the cause's own (a numb area whose dermatomes
    point elsewhere, or nowhere, does not move a sciatica's points up the spine)."""
    if cause is not None and cause.roots:
        fitting = [s for s in loc.segments if s in cause.roots]
        return tuple(fitting[:2] or cause.roots[:2])
    return tuple(loc.segments[:2])


def _root_level(ctx: _Context, rule: Rule, factor: float) -> int:
    targets = _root_targets(ctx.location, ctx.cause)
    if not targets:  # (a selector is called only with a factor above 0)
        return 0
    key = (rule.id, "root_level", targets)
    pkey, found = _kept_plan(ctx, rule, factor, key)
    if found is not None:
        return ctx.add_plan(found)
    plan = ctx.static.levels.get(key)
    if plan is None:
        plan = ctx.static.levels[key] = _root_plan(ctx, rule, targets)
    hits = [
        (codes, ctx.hit(rule, quality, factor, level=seg, sites=sites))
        for quality, seg, sites, codes in plan
    ]
    return ctx.add_plan(_keep_plan(ctx, pkey, hits))


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


def _channels(ctx: _Context, region: str) -> frozenset[str]:
    """The channels (meridians) whose course runs through a region: those with points in
    it or in its parts (once per region)."""
    found = ctx.static.channels.get(region)
    if found is None:
        found = ctx.static.channels[region] = frozenset(
            p.meridian
            for p in ctx.kb.points_in(region)
            if p.meridian is not None and p.meridian not in ("GV", "CV")
        )
    return found


def _distal_channel(ctx: _Context, rule: Rule, factor: float) -> int:
    sel = rule.select
    channels = frozenset().union(*(_channels(ctx, r.region) for r in ctx.location.regions))
    if not channels:
        return 0
    key = (rule.id, "distal", channels)
    pkey, plan = _kept_plan(ctx, rule, factor, key)
    if plan is not None:
        return ctx.add_plan(plan)
    groups = ctx.static.groups.get(key)
    if groups is None:
        best: dict[str, float] = {}
        found: list[Point] = []
        for p in _first([_points(ctx, r, sel, rule.id) for r in sel.regions]):
            if p.meridian not in channels:
                continue
            quality = max((sel.categories.get(c.kind, 0.0) for c in p.categories), default=0.0)
            if quality > 0:
                best[p.code] = quality
                found.append(p)
        found.sort(key=lambda p: -best[p.code])  # stable: WHO order within a quality
        groups = ctx.static.groups[key] = _grouped(found, lambda p: best[p.code])
    hits = [
        (codes, ctx.hit(rule, cast(float, value), factor, "on its channel"))
        for value, codes in groups
    ]
    return ctx.add_plan(_keep_plan(ctx, pkey, hits))


def _core(ctx: _Context, rule: Rule, factor: float) -> int:
    cause = ctx.cause
    if cause is None:
        return 0
    # a compressed nerve or an injury is in one place: only the publications that treat
    # numbness in the parts of the body that are numb count (a facial nerve injury's
    # points are not an arm's), and a limb that is not numb gets none of the core points.
    # A systemic neuropathy, which rises from the feet and then takes the hands, keeps
    # them all.
    anatomy = ctx.kb.anatomy
    parts: frozenset[str] = frozenset()
    if ctx.kind != "systemic":
        parts = frozenset(anatomy.part_of(r.region) for r in ctx.location.regions)
    numb_limbs = frozenset(
        limb for r in ctx.location.regions if (limb := anatomy.limb_of(r.region)) is not None
    )
    key = (rule.id, cause.id, ctx.skip, parts, numb_limbs)
    pkey, plan = _kept_plan(ctx, rule, factor, key)
    if plan is None:
        split = ctx.static.core_split.get(key)
        if split is None:
            split = ctx.static.core_split[key] = _core_split(ctx, rule, cause.id, parts, numb_limbs)
        groups: list[tuple[Collection[str], _Hit]] = []
        for quality, where, codes, away, note in split:
            if away:
                groups.append((away, ctx.hit(rule, quality * rule.select.other_limb, factor, note)))
            groups.append((codes, ctx.hit(rule, quality, factor, where)))
        plan = _keep_plan(ctx, pkey, groups)
    return ctx.add_plan(plan)


def _kept_plan(
    ctx: _Context, rule: Rule, factor: float, key: tuple[object, ...]
) -> tuple[tuple[object, ...], _Plan | None]:
    """The key of a selector's plan (``_Static.plans``: its groups' ``key``, the rule's
    weight and the factor) and the plan kept under it, if one is."""
    pkey = (key, ctx.weights[rule.id], factor)
    return pkey, ctx.static.plans.get(pkey)


def _keep_plan(
    ctx: _Context, pkey: tuple[object, ...], groups: Sequence[tuple[Collection[str], _Hit]]
) -> _Plan:
    """``groups`` as the plan kept under ``pkey`` (:func:`_kept_plan`; at most
    ``_PLANS_KEPT`` plans)."""
    plans = ctx.static.plans
    if len(plans) >= _PLANS_KEPT:
        plans.clear()
    found = plans[pkey] = _plan(groups)
    return found


def _core_split(
    ctx: _Context, rule: Rule, cause: str, parts: frozenset[str], numb_limbs: frozenset[str]
) -> tuple[tuple[float, str, tuple[str, ...], tuple[str, ...], str], ...]:
    """A ``core`` rule's plan for a cause split for the numb limbs (once per data)."""
    # each group as (quality, reason words, the codes taken at that quality, the codes on
    # a limb that is not numb taken at ``other_limb`` of it (none when they are left
    # out), and the words for those); kept in _Static.core_split by rule, cause,
    # protocols left out, parts of the body and numb limbs, never by a query
    key = (cause, ctx.skip, parts)
    plan = ctx.static.core.get(key)
    if plan is None:
        plan = ctx.static.core[key] = _core_plan(ctx.kb, cause, ctx.skip, rule.select, parts)
    # the core points on a limb that is not numb: left out for a compression or an
    # injury; for a systemic cause kept at ``other_limb`` of their strength, and said so
    anatomy, info = ctx.kb.anatomy, ctx.static.info
    drop, share = ctx.kind != "systemic", rule.select.other_limb
    here = {*numb_limbs, None}
    out = []
    for quality, where, codes in plan:
        away: tuple[str, ...] = ()
        if numb_limbs and (drop or share < 1):
            away = tuple(c for c in codes if anatomy.limb_of(info[c][0]) not in here)
            if away:
                codes = tuple(c for c in codes if c not in away)
                if drop:
                    away = ()
        out.append((quality, where, codes, away, where + "; on a limb that is not numb"))
    return tuple(out)


_DESIGN_WORDS = {
    "trial": ("trial", "trials"),
    "review": ("review", "reviews"),
    "data_mining": ("data-mining study", "data-mining studies"),
    "consensus": ("consensus", "consensus statements"),
    "guideline": ("guideline", "guidelines"),
    "case_series": ("case series", "case series"),
    "case_report": ("case report", "case reports"),
    "textbook": ("textbook", "textbooks"),
}


def _core_plan(
    kb: KnowledgeBase, cause: str, skip: frozenset[str], sel: Selector, parts: frozenset[str]
) -> tuple[tuple[float, str, tuple[str, ...]], ...]:
    """The points a ``core`` rule takes for a cause, as (quality, reason words, codes)
    groups: quality is the number of publications using a point over the most any point
    of the cause has. With ``parts`` (of the body), only the publications that treat
    numbness there (or anywhere) count."""
    own = {pr.source for pr in kb.reference_protocols if cause in pr.causes and pr.id not in skip}
    pooled: tuple[str, ...] = ()
    kind = kb.cause(cause).kind
    if len(own) < sel.pool_below and kind == "systemic":
        pooled = tuple(c.id for c in kb.causes if c.kind == kind and c.id != cause)
    core = [
        c
        for c in kb._core_prescription(cause, skip, pooled, parts)
        if c.publications >= sel.min_publications
    ]
    if not core:
        return ()
    of = " for neuropathies of its kind, as it has few of its own" if pooled else ""
    most = core[0].publications
    groups: dict[tuple[float, str], list[str]] = {}
    for c in core:
        if c.publications < sel.min_share * most:
            break  # sorted: the rest are used less still
        designs = ", ".join(
            f"{n} {_DESIGN_WORDS[d][n != 1]}"
            for d, n in sorted(c.designs.items(), key=lambda x: -x[1])
        )
        where = f"used by {c.publications} publications{of} ({designs}); evidence level {c.level}"
        groups.setdefault((round(c.publications / most, 4), where), []).append(c.code)
    return tuple((q, where, tuple(codes)) for (q, where), codes in groups.items())


_SELECTORS = {
    "distal_channel": _distal_channel,
    "core": _core,
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
