"""Stage 3, composition: the first places of a prescription, taken from the ranking by
role (guaranteed shares and caps from ``rules.yaml``) with the spread rule."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, cast

from .._plain import Plain
from ..rules import Cause, Composition, RoleQuota
from .context import _cause_kind, _inferred_spine, _spine_pain, _Static
from .explanation import _part

if TYPE_CHECKING:
    from ..kb import KnowledgeBase
    from ..models import Location
    from .scoring import _Ranking


def _places(share: float, limit: int) -> int:
    """A share of ``limit`` places, rounded half up."""
    return int(share * limit + 0.5 + 1e-9)


class _Composed(Plain):
    """The places a composition chose (indices into the ranking, in prescription order),
    the role each was chosen for, the alternatives each stands for, and the roles whose
    cap held a better point back."""

    __slots__ = ("alternatives", "capped", "picked", "roles")
    picked: list[int]
    roles: dict[int, str]
    alternatives: dict[int, tuple[str, ...]]
    capped: dict[str, int]

    def __init__(
        self,
        picked: list[int],
        roles: dict[int, str],
        alternatives: dict[int, tuple[str, ...]],
        capped: dict[str, int],
    ) -> None:
        self.picked = picked
        self.roles = roles
        self.alternatives = alternatives
        self.capped = capped


def _neighbours(kb: KnowledgeBase, static: _Static, code: str, gap: int) -> tuple[str, ...]:
    """The points of ``code``'s channel in its region whose numbers are at most ``gap``
    from its own (the spread rule; once per point)."""
    found = static.neighbours.get((code, gap))
    if found is None:
        p = kb.point(code)
        found = ()
        if gap > 0 and p.meridian is not None and p.number is not None:
            found = tuple(
                q.code
                for q in kb.points_of(p.meridian)
                if q.code != code
                and q.location.region == p.location.region
                and q.number is not None
                and abs(q.number - p.number) <= gap
            )
        static.neighbours[code, gap] = found
    return found


def _root_placed(loc: Location) -> bool:
    """Whether root points are given places with no cause said (the ``inferred_root``
    quotas): the neck or back hurts, or is named as the seat of the trouble, where the
    roots of the numb area leave the spine (:func:`_inferred_spine`), as in "lower back pain
    shooting down my leg, my foot is numb". A numbness that only follows a dermatome is no
    such sign (a peripheral nerve may give the same strip): its root points come in by
    their score, as before."""
    spine = _inferred_spine(loc)
    return spine is not None and spine in _spine_pain(loc)


def _compose(
    kb: KnowledgeBase,
    static: _Static,
    ranking: _Ranking,
    pool: Sequence[int],
    limit: int,
    composition: Composition,
    cause: Cause | None,
) -> _Composed:
    """The first ``limit`` places of a prescription, from ``pool`` (places in the ranking,
    best first). Each role of ``composition`` first takes its guaranteed places, in the
    composition's order, with its best points: the ``rest`` role's (the core points the
    literature uses) first, and a point already placed that serves the role holds one of
    its places. Then the ``rest`` role's points, strongest first, and the best scored fill
    the rest, no role beyond its cap. A point taken sets its neighbours on the channel
    aside as its alternatives (the spread rule). Should caps or the spread leave places
    empty, they are filled from the points held back, best first. Each point is named
    for the role whose guaranteed place it holds. The places come back in the
    composition's order of roles, and in a role the strongest by its own rules first."""
    inferred = _cause_kind(cause) == "unknown" and _root_placed(ranking.location)
    quotas = cast("dict[str, RoleQuota]", composition.quotas_for(cause, inferred=inferred))
    gap, n_alt = composition.spread.gap, composition.spread.alternatives
    codes, roles = ranking.codes, ranking.roles
    picked: list[int] = []
    role_at: dict[int, str] = {}
    count: dict[str, int] = {}
    aside: dict[str, int] = {}  # code -> the place that set it aside
    caps: dict[str, int] = {
        r: max(1, _places(q.max, limit)) for r, q in quotas.items() if q.max < 1
    }
    capped: dict[str, int] = {}

    # each role's places in the pool, best scored first (one pass, instead of one per role)
    by_role: defaultdict[str, list[int]] = defaultdict(list)
    for i in pool:
        for r in roles[i]:
            by_role[r].append(i)
    core = {codes[i] for i in by_role.get("core", ())}
    spots, neighbours = static.spots, static.neighbours
    runs: dict[tuple[str, str], set[int]] = {}  # (channel, region) -> numbers taken

    def spot(code: str) -> tuple[tuple[str, str], int] | None:
        """The channel and region of a point, and its number (once per point)."""
        try:
            return spots[code]
        except KeyError:
            p = ranking.point_of[code]
            found = None if p.meridian is None else ((p.meridian, p.location.region), p.number)
            spots[code] = found
            return found

    def free(code: str) -> bool:
        """Not set aside, and not the third of a run of neighbours (core points, which
        the spread rule leaves apart, may stand in pairs but not in threes)."""
        if code in aside:
            return False
        where = spot(code) if gap else None
        if where is None:
            return True
        run = runs.get(where[0])
        if not run:
            return True
        n = where[1]
        return not ({n - 2, n - 1} <= run or {n - 1, n + 1} <= run or {n + 1, n + 2} <= run)

    def take(i: int, role: str) -> None:
        code = codes[i]
        picked.append(i)
        role_at[i] = role
        count[role] = count.get(role, 0) + 1
        where = spot(code)
        if where is not None:
            runs.setdefault(where[0], set()).add(where[1])
        near_by = neighbours.get((code, gap))
        if near_by is None:
            near_by = _neighbours(kb, static, code, gap)
        for near in near_by:
            if near not in core:  # points the literature uses together stay apart
                aside.setdefault(near, i)

    chosen: set[int] = set()
    lead = composition.rest or ""
    for role in composition.order:
        quota = quotas.get(role)
        need = _places(quota.min, limit) if quota is not None else 0
        if need <= 0:
            continue
        # the role's best points: those the literature uses most (the ``rest`` role's
        # strength), then the strongest by the role's own rules, then the best scored; at
        # the root the seed's named points come first
        # (the pool is in ranking order, so a place's index breaks ties as its position
        # in the pool would)
        serving = by_role.get(role, ())
        members = sorted(
            [(-roles[i][role], -roles[i].get(lead, 0.0), i) for i in serving]
            if role == "root"
            else [(-roles[i].get(lead, 0.0), -roles[i][role], i) for i in serving]
        )
        # a point already placed that serves this role holds one of its places
        have = sum(1 for i in picked if role in roles[i])
        for _, _, i in members:
            if len(picked) >= limit or have >= need:
                break
            if i not in chosen and free(codes[i]):
                chosen.add(i)
                take(i, role)
                have += 1
    # every part of the body with a numb area keeps its share of the places ("left hand
    # and right cheek": the cheek's points are not all outscored by the hand's)
    parts = _area_parts(kb, ranking, composition.areas)
    if parts:
        need = _places(composition.areas / len(parts), limit)
        part_at = {i: _part_of(kb, ranking, i) for i in pool}  # each place's part, once
        for part in parts:
            have = sum(1 for i in picked if part_at[i] == part)
            for _, _, i in sorted(
                (-roles[i].get(lead, 0.0), n, i)
                for n, i in enumerate(pool)
                if i not in chosen and part_at[i] == part
            ):
                if len(picked) >= limit or have >= need:
                    break
                open_roles = [r for r in roles[i] if count.get(r, 0) < caps.get(r, limit)]
                if open_roles and free(codes[i]):
                    chosen.add(i)
                    take(i, lead if lead in open_roles else open_roles[0])
                    have += 1
    # the places no guarantee holds go first to the points of ``composition.rest`` (the
    # cause's core points), the strongest first, then to the best scored
    leading = sorted(by_role.get(lead, ()), key=lambda i: (-roles[i][lead], i)) if lead else []

    def fill_order() -> Iterator[int]:
        yield from leading
        for i in pool:
            if lead not in roles[i]:
                yield i

    for strict in (True, False):
        for i in fill_order():
            if len(picked) >= limit:
                break
            if i in chosen or (strict and not free(codes[i])):
                continue
            open_roles = [r for r in roles[i] if count.get(r, 0) < caps.get(r, limit)]
            if not open_roles:
                first = next(iter(roles[i]))
                if strict:
                    capped[first] = caps[first]
                    continue
                open_roles = [first]
            chosen.add(i)
            take(i, lead if lead in open_roles else open_roles[0])
    # a point may serve several roles (ST36 is a core point and a distal one for numb feet):
    # it holds a role's guaranteed place when it serves it, so the roles are named to show
    # each guaranteed share, taking points from roles that have more than their own share
    needs = {r: _places(q.min, limit) for r, q in quotas.items() if q.min > 0}
    for role in composition.order:
        need = needs.get(role, 0)
        while count.get(role, 0) < need:
            spare = [
                i
                for i in picked
                if role in roles[i]
                and role_at[i] != role
                and count[role_at[i]] > needs.get(role_at[i], 0)
            ]
            if not spare:
                break
            i = max(spare, key=lambda i: (roles[i][role], -picked.index(i)))
            count[role_at[i]] -= 1
            role_at[i] = role
            count[role] = count.get(role, 0) + 1
    # the prescription in the composition's order of roles; in a role, the points its own
    # rules chose most strongly first, then the best scored
    rank: dict[str, int] = {role: n for n, role in enumerate(composition.order)}
    picked.sort(key=lambda i: (rank.get(role_at[i], len(rank)), -roles[i][role_at[i]], i))
    alternatives: dict[int, tuple[str, ...]] = {}
    if n_alt and aside:
        # the points set aside that are in the pool and not taken, in ranking order
        # (the pool is in ranking order: the places set aside in it come in that order)
        left = [code for j in pool if (code := codes[j]) in aside and j not in chosen]
        by_place: dict[int, list[str]] = {}
        for code in left:
            alts = by_place.setdefault(aside[code], [])
            if len(alts) < n_alt:
                alts.append(code)
        alternatives = {i: tuple(alts) for i, alts in by_place.items()}
    return _Composed(picked, role_at, alternatives, capped)


def _area_parts(kb: KnowledgeBase, ranking: _Ranking, share: float) -> tuple[str, ...]:
    """The parts of the body (head, neck, trunk, upper or lower limb) of the numb areas,
    in the order the areas are named, when there are several and ``share`` keeps places
    for them; otherwise none."""
    if share <= 0 or len(ranking.location.regions) < 2:  # one area: one part
        return ()
    anatomy = kb.anatomy
    parts = tuple(dict.fromkeys(_part(anatomy, r.region) for r in ranking.location.regions))
    return parts if len(parts) > 1 else ()


def _part_of(kb: KnowledgeBase, ranking: _Ranking, i: int) -> str:
    """The part of the body of the point at place ``i`` of the ranking."""
    return _part(kb.anatomy, ranking.point_of[ranking.codes[i]].location.region)
