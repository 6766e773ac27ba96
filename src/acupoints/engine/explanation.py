"""Stage 4, explanation: a chosen candidate turned into a :class:`RankedPoint`, with a
:class:`Reason` per part of its score, its side and its cautions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, cast

from .._fast import builder, construct
from .._plain import Plain
from ..models import Location, Point
from ..rules import (
    Rule,
)
from ..safety import (
    ConditionEffect,
    Patient,
    PatientCondition,
    PointWarning,
    cautions_for,
    effect_matcher,
)
from ..selection import RankedPoint, Reason
from .context import _Hit, _Static

if TYPE_CHECKING:
    from ..anatomy import Anatomy
    from ..kb import KnowledgeBase
    from .scoring import _Ranking


# Reason(rule, text, contribution, sources, group), trusted: a rule's, and a score term's
# (of no group: built as if given every field but that one)
_REASON = builder(Reason)
_TERM = builder(Reason, given=("rule", "text", "contribution", "sources"))
_RANKED = builder(RankedPoint)


def _reason_text(rule: Rule, p: Point, hit: _Hit, kb: KnowledgeBase) -> str:
    values = {
        "point": f"{p.code} {p.names.pinyin}",
        "region": kb.region(p.location.region).name,
        "where": hit.where or "near the numb area",
        "level": hit.level or "",
        "surface": p.location.surface or "",
        "limb": kb.anatomy.limb_of(p.location.region) or "body",
    }
    # every template format can fill with text: the loader checks (rules.Rule._check_reason)
    text = rule.reason.format(**values)
    if hit.sites:
        text += f" (sites: {', '.join(hit.sites)})"
    return text


def _side(p: Point, location: Location, sides: Mapping[str, str]) -> tuple[str, bool]:
    """Where a point is needled for this location, and whether that is the numb side.
    ``sides`` (from :func:`_sides_by_part`) gives the side of a point region when the
    numb areas have different sides; other regions take the location's side."""
    where = p.location  # (a model's field is read through its __getattr__ hook: once)
    lat = where.laterality
    if lat == "midline":
        return "midline", False
    side = sides.get(where.region, location.side) if sides else location.side
    if lat in ("left", "right"):
        return lat, side in (lat, "both")
    if side is None:
        return "unspecified", True
    return side, True


def _sides_by_part(anatomy: Anatomy, location: Location, regions: Iterable[str]) -> dict[str, str]:
    """The side of each point region of ``regions`` when the numb areas have different
    sides ("left hand and right foot"): the side of the numb areas in the same part of
    the body (head, neck, trunk, arm or leg; "both" when they differ there). A region in
    a part with no numb area, or with one of no side, is left out (it takes the
    location's side); so is every region when the areas all have one side."""
    if len({r.side for r in location.regions}) < 2:
        return {}
    by_part: dict[str, set[str | None]] = {}
    for r in location.regions:
        by_part.setdefault(_part(anatomy, r.region), set()).add(r.side)
    out: dict[str, str] = {}
    for region in regions:
        found = by_part.get(_part(anatomy, region))
        if found is None or None in found:
            continue
        out[region] = cast(str, next(iter(found))) if len(found) == 1 else "both"
    return out


def _part(anatomy: Anatomy, region: str) -> str:
    """The part of the body that holds ``region`` (:meth:`Anatomy.part_of`: head, neck,
    trunk, arm or leg), except the whole body, a part of its own that holds no point."""
    return region if region == "body" else anatomy.part_of(region)


_Matcher = Callable[[Point, str | None], bool]  # safety.effect_matcher
_Part = tuple[str, float, _Hit | None, bool]  # rule or score part, value, hit, counted


class _Candidate(Plain):
    """A scored point before it is turned into a :class:`RankedPoint` (only the chosen
    ones are, so the models and sentences are built for ``limit`` points, not for all)."""

    __slots__ = (
        "affected",
        "code",
        "group",
        "hits",
        "near",
        "parts",
        "point",
        "score",
        "shared",
        "side",
    )
    code: str
    point: Point
    score: float
    group: str
    parts: list[_Part]
    hits: tuple[_Hit, ...]
    side: str
    affected: bool
    near: float
    shared: tuple[str, ...]  # the roots it shares with the location (a tuple: most share none)

    def __init__(
        self,
        code: str,
        point: Point,
        score: float,
        group: str,
        parts: list[_Part],
        hits: tuple[_Hit, ...],
        side: str,
        affected: bool,
        near: float,
        shared: tuple[str, ...],
    ) -> None:
        self.code = code
        self.point = point
        self.score = score
        self.group = group
        self.parts = parts
        self.hits = hits
        self.side = side
        self.affected = affected
        self.near = near
        self.shared = shared


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
        return _REASON(
            rule=rid,
            text=text,
            contribution=value,
            sources=hit.rule.sources,
            group=hit.rule.group,
        )
    if rid == "score.region":
        return _TERM(
            rule=rid,
            text=f"closeness of its region ({kb.region(p.location.region).name}) to "
            f"the numb area: {c.near:.2f}",
            contribution=value,
            sources=(),
            group=None,
        )
    if rid == "score.segment":
        return _TERM(
            rule=rid,
            text=f"its nerves carry {', '.join(c.shared)}, a root the numb area points to",
            contribution=value,
            sources=_nerve_sources(static, p),
            group=None,
        )
    total, cap = counts[c.code], kb.scoring.evidence_cap
    return _TERM(
        rule=rid,
        text=f"used for this cause by {total} published source(s)"
        + (f" (counted up to {cap})" if total > cap else ""),
        contribution=value,
        # what kb.evidence_sources gives, from the table the ranking's evidence came from
        sources=static.evidence[(cause_id, skip)][2].get(c.code, ()),
        group=None,
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
    ranking: _Ranking,
    i: int,
    cautioning: list[tuple[PatientCondition, ConditionEffect, _Matcher]],
    counts: dict[str, int],
    cause_id: str,
    skip: frozenset[str],
    role: str,
    alternatives: tuple[str, ...],
) -> RankedPoint:
    """The point at place ``i`` of ``ranking``, chosen for ``role``. Without a warning
    of the patient's it is built once per place, role and alternatives (``built``: the
    last one built at the place is reused by the next answer of the ranking that gives
    it the same role and alternatives); what its side does not change is made once per
    code for the ranking's scores, and read from the first point made (``made``)."""
    prior = ranking.built.get(i)
    code = ranking.codes[i]
    made = ranking.made.get(code)
    c = None
    if not cautioning:  # no patient, or none of theirs cautions
        if prior is not None and prior.role == role and prior.alternatives == alternatives:
            return prior
        warnings: list[PointWarning] = []
    else:
        c = ranking.cand(i)
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
            if matches(c.point, c.side)
        ]
        if (
            not warnings
            and prior is not None
            and prior.role == role
            and prior.alternatives == alternatives
        ):
            return prior
    if made is None:  # (no candidate built when made of what was met before)
        made = ranking.made[code] = _made_at(kb, static, ranking, i, counts, cause_id, skip)
    # (else the point was made for these scores on another side: only its side is new)
    _, p, score, group, reasons, root_level, sites = made
    # (a candidate built for a caution has its side; else it is read from the point)
    side, affected = (
        (c.side, c.affected) if c is not None else _side(p, ranking.location, ranking.sides)
    )
    ranked = _RANKED(
        code=code,
        point=p,
        score=score,
        group=group,
        reasons=reasons,
        side=side,
        affected_side=affected,
        root_level=root_level,
        sites=sites,
        cautions=cautions_for(p, warnings),
        role=role,
        alternatives=alternatives,
    )
    if not warnings:
        ranking.built[i] = ranked
    return ranked


# what a RankedPoint holds that its side, role and patient do not change: its point,
# score, group, reasons, root level and sites
_Made = tuple[Point, float, str, tuple[Reason, ...], str | None, tuple[str, ...]]
# the same after the hits it was made of (the entry of _Ranking.made_of that keeps them)
_MadeOf = tuple[object, Point, float, str, tuple[Reason, ...], str | None, tuple[str, ...]]


def _made_at(
    kb: KnowledgeBase,
    static: _Static,
    ranking: _Ranking,
    i: int,
    counts: dict[str, int],
    cause_id: str,
    skip: frozenset[str],
) -> _MadeOf:
    """:func:`_made` of the point at place ``i`` of ``ranking`` after its hits, kept by
    all it is made of (``_Ranking.made_of``): many places and causes give a point the same
    hits, closeness, segment and evidence (about 4,600 points made over the benchmark's
    2,000 queries are 1,450 different ones), and those share one entry without a candidate
    built. The entry itself is given (and kept in ``_Ranking.made`` for the other sides):
    a plain tuple, read without a look-up of a model's field."""
    code = ranking.codes[i]
    hits = ranking.many.get(code) or ranking.main[code]  # (the ranking keeps them)
    region, _, roots = ranking.info[code]
    near, value = ranking.regions[region]
    top = ranking.top_segments  # (the roots a segment's reason names, as _build finds them)
    shared = tuple(sorted(roots & top)) if top and not roots.isdisjoint(top) else ()
    evidence = ranking.evidence.get(code)
    # (the evidence's reason reads the cause's counts and sources, less the protocols left
    # out: both are part of the key when the point has an evidence part)
    key: tuple[object, ...] = (code, ranking.values[i], id(hits), near, value, shared, evidence)
    if evidence is not None:
        key += (cause_id, skip)
    table = ranking.made_of
    found = table.get(key)
    if found is not None and found[0] is hits:  # the hits kept keep their id their own
        return found  # type: ignore[return-value]
    made = _made(kb, static, ranking.cand(i, keep=False), counts, cause_id, skip)
    if len(table) >= _MADE_KEPT:
        table.clear()
    found = table[key] = (hits, *made)  # (one tuple kept: the hits, then the _Made)
    return found


# at most this many points' _Made kept per data (a few hundred bytes each)
_MADE_KEPT = 8192


def _made(
    kb: KnowledgeBase,
    static: _Static,
    c: _Candidate,
    counts: dict[str, int],
    cause_id: str,
    skip: frozenset[str],
) -> _Made:
    """The parts of a candidate's :class:`RankedPoint` that do not depend on its side."""
    memo = static.reasons
    reasons: list[Reason] = []
    for rid, value, hit, counted in c.parts:
        # a Reason depends only on these keys, and is immutable: build each once
        if hit is not None:
            key: tuple[object, ...] = (rid, c.code, value, counted, hit.where, hit.level, hit.sites)
        elif rid == "score.region":
            key = (rid, c.code, value, c.near)
        elif rid == "score.segment":
            key = (rid, c.code, value, c.shared)
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
    return c.point, c.score, c.group, tuple(reasons), root_level, sites


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
