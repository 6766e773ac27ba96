"""Stage 2, scoring: every candidate scored (its rules, then closeness, segment and
evidence), sorted best first and memoised per query as a :class:`_Ranking`; the notes a
ranking carries (inferred root, a cause that does not fit, guideline positions)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast
from weakref import WeakKeyDictionary

from .._plain import Plain
from ..errors import UnknownCauseError
from ..models import Location, Point
from ..rules import (
    ROLE_OF_GROUP,
    Cause,
    Guideline,
)
from ..safety import standing_exclusions
from ..selection import ProtocolNote
from .candidates import _SELECTORS, _cause_factor, _place_holds, _weight
from .context import (
    _STATIC,
    _cause_kind,
    _Context,
    _Hit,
    _inferred_spine,
    _place,
    _spine_of,
    _spine_pain,
    _Static,
    _static,
)
from .explanation import _Candidate, _MadeOf, _Part, _side, _sides_by_part

if TYPE_CHECKING:
    from ..kb import KnowledgeBase
    from ..safety import AdviceItem
    from ..selection import RankedPoint
    from .composition import _Composed


def _cause_id(kb: KnowledgeBase, cause: str | None) -> str | None:
    if cause is None:
        return None
    try:
        return kb.cause(cause).id
    except UnknownCauseError:
        return None


# a scored point before it is a _Candidate is its place in a ranking: ``codes[i]`` and
# ``values[i]`` (its score, rounded to 4 places), best first; its hits are in the
# ranking's ``main`` and ``many``. Two flat lists of plain values, not a tuple per point:
# a ranking is kept in a memo, and every tuple made counts toward the collector's next
# pass (a pass over 2,000 new queries made 25,000 of them, a third of all it counted)
# where a ranking's points are needled: the location's side and the side of each point
# region where the numb areas have different sides (_sides_by_part), sorted
_Facing = tuple[str | None, tuple[tuple[str, str], ...]]
# the points of a selection without a patient's caution and their aftercare, by the
# composition's key (limit, codes left out) and where they are needled
_Chosen = dict[
    tuple[tuple[int, tuple[str, ...]], _Facing],
    "tuple[tuple[RankedPoint, ...], tuple[AdviceItem, ...]]",
]


@dataclass(init=False, repr=False, eq=False)  # fields() and replace(), not exec'd methods
class _Ranking(Plain):
    """The patient-independent part of a selection, memoised per query (see _rank).

    Every candidate is scored (``codes`` and ``values``, best first), but only the ones a selection
    reads are turned into :class:`_Candidate` objects (``cand``), usually the first
    ``limit``. It holds no reference to the knowledge base (it is kept in a table the
    knowledge base owns)."""

    __slots__ = (
        "applied",
        "built",
        "chosen",
        "codes",
        "compositions",
        "counts",
        "evidence",
        "facing",
        "info",
        "location",
        "made",
        "made_of",
        "main",
        "many",
        "never",
        "notes",
        "parts_of",
        "point_of",
        "regions",
        "roles",
        "segment_value",
        "sides",
        "slots",
        "steps",
        "top_segments",
        "values",
    )
    codes: list[str]  # every candidate scored, best first
    values: list[float]  # their scores
    roles: list[dict[str, float]]  # each candidate's roles (main hit's first), with values
    # each point's hit that decides its group: the one hit that chose most points, for the
    # others the strongest (_rule_parts); and the hits of the points several chose
    main: dict[str, _Hit]
    many: dict[str, tuple[_Hit, ...]]
    applied: tuple[str, ...]
    notes: tuple[str, ...]
    counts: dict[str, int]
    steps: tuple[ProtocolNote, ...]
    location: Location
    point_of: Mapping[str, Point]
    regions: dict[str, tuple[float, float | None]]  # point region -> closeness, score part
    info: dict[str, tuple[str, int, frozenset[str]]]  # point -> region, rank, roots
    top_segments: frozenset[str]
    segment_value: float
    evidence: dict[str, float]  # code -> its evidence part of the score
    # the candidates built and kept, by place (few: most answers keep none, so a dict that
    # starts empty, which the collector does not track, not a list with a slot a place)
    slots: dict[int, _Candidate]
    # the side of a point region where the numb areas have different sides (_sides_by_part)
    sides: dict[str, str]
    # compositions made from this ranking, by limit and the codes a patient excluded (in
    # WHO order, each once: a tuple of plain values, which the collector stops tracking)
    compositions: dict[tuple[int, tuple[str, ...]], _Composed]
    # the places of the points every selection leaves out (never needled): the scores'
    never: tuple[int, ...]
    # the rule parts and main hit of a point several hits chose, by the ids of its hits
    # (the shared table _Static.rule_parts: it keeps the hits, and so their ids)
    parts_of: dict[tuple[int, ...], tuple[tuple[_Hit, ...], tuple[_Part, ...], _Hit]]

    def __init__(
        self,
        codes: list[str],
        values: list[float],
        roles: list[dict[str, float]],
        main: dict[str, _Hit],
        many: dict[str, tuple[_Hit, ...]],
        applied: tuple[str, ...],
        notes: tuple[str, ...],
        counts: dict[str, int],
        steps: tuple[ProtocolNote, ...],
        location: Location,
        point_of: Mapping[str, Point],
        regions: dict[str, tuple[float, float | None]],
        info: dict[str, tuple[str, int, frozenset[str]]],
        top_segments: frozenset[str],
        segment_value: float,
        evidence: dict[str, float],
        slots: dict[int, _Candidate],
        sides: dict[str, str],
        compositions: dict[tuple[int, tuple[str, ...]], _Composed] | None = None,
        never: tuple[int, ...] = (),
        parts_of: dict[tuple[int, ...], tuple[tuple[_Hit, ...], tuple[_Part, ...], _Hit]]
        | None = None,
        chosen: _Chosen | None = None,
        made: dict[str, _MadeOf] | None = None,
        made_of: dict[tuple[object, ...], tuple[object, ...]] | None = None,
    ) -> None:
        self.codes = codes
        self.values = values
        self.roles = roles
        self.main = main
        self.many = many
        self.applied = applied
        self.notes = notes
        self.counts = counts
        self.steps = steps
        self.location = location
        self.point_of = point_of
        self.regions = regions
        self.info = info
        self.top_segments = top_segments
        self.segment_value = segment_value
        self.evidence = evidence
        self.slots = slots
        self.sides = sides
        self.compositions = {} if compositions is None else compositions
        self.never = never
        self.parts_of = {} if parts_of is None else parts_of
        # the points of a selection without a patient's caution and their aftercare, by
        # composition (limit and codes left out) and by where the points are needled (the
        # location's side and ``sides``: all a point's side reads of the location), on
        # first use; the table of the scores (_Scores.chosen), so a ranking made again
        # after the memo dropped it finds its points; not a field, so a ranking made by
        # replace() starts with a table of its own
        self.chosen: _Chosen = {} if chosen is None else chosen
        self.facing: _Facing = (location.side, tuple(sorted(sides.items())))
        # the point last built at each place without a patient's warning (explanation.
        # _ranked: reused by an answer that gives it the same role and alternatives)
        self.built: dict[int, RankedPoint] = {}
        # a point made from these scores, by code: what its side, role and patient do not
        # change (explanation._made_at: the entry of ``made_of``, a tuple) is read from it;
        # the table of the scores (_Scores.made), shared by the rankings of every side
        self.made: dict[str, _MadeOf] = {} if made is None else made
        # what a point's side does not change, by all it is made of (explanation._made_at):
        # the per-data table of _MADE_OF, shared by every ranking
        self.made_of: dict[tuple[object, ...], tuple[object, ...]] = (
            {} if made_of is None else made_of
        )

    def cand(self, i: int, keep: bool = True) -> _Candidate:
        """The candidate at place ``i`` (built once when ``keep``; threads that race
        build equal ones). A selection without a patient's caution does not keep it: its
        points are kept (``chosen``, ``built``), and a candidate kept is a dozen objects
        more for the collector to go over in the memos."""
        c = self.slots.get(i)
        if c is None:
            c = self._build(i)
            if keep:
                self.slots[i] = c
        return c

    def point_side(self, i: int) -> tuple[Point, str]:
        """The point at place ``i`` and where it would be needled, without building its
        candidate (the exclusions test every place; a selection builds only its own)."""
        c = self.slots.get(i)
        if c is not None:
            return c.point, c.side
        p = self.point_of[self.codes[i]]
        return p, _side(p, self.location, self.sides)[0]

    def _build(self, i: int) -> _Candidate:
        code = self.codes[i]
        p = self.point_of[code]
        side, affected = _side(p, self.location, self.sides)
        several = self.many.get(code)
        if several is None:
            main = self.main[code]
            hits: tuple[_Hit, ...] = (main,)
            parts: list[_Part] = [(main.rule.id, main.value, main, True)]
        else:  # (worked out once per list of hits, for the few a selection reads)
            hits = several
            _, rule_parts, main = _by_hits(self.parts_of, several, _rule_parts)
            parts = list(rule_parts)
        near, region_value = self.regions[p.location.region]
        if region_value is not None:
            parts.append(("score.region", region_value, None, True))
        shared: tuple[str, ...] = ()
        top = self.top_segments
        if top and not (roots := self.info[code][2]).isdisjoint(top):
            shared = tuple(sorted(roots & top))
            parts.append(("score.segment", self.segment_value, None, True))
        evidence = self.evidence.get(code)
        if evidence is not None:
            parts.append(("score.evidence", evidence, None, True))
        return _Candidate(
            code, p, self.values[i], main.group, parts, hits, side, affected, near, shared
        )


def _rule_parts(hits: Sequence[_Hit]) -> tuple[tuple[_Part, ...], _Hit]:
    """The rule parts of a point's score when several rules (or one rule several times)
    chose it, and the hit that decides its group (the strongest, then the greatest id)."""
    main = _usual_pair(hits)
    if main is not None:
        a, b = hits
        return ((a.rule.id, a.value, a, True), (b.rule.id, b.value, b, True)), main
    best, counted, main = _counted(hits)
    parts: list[_Part] = []
    for rid, h in best.items():
        is_counted = counted[h.group][1] == rid
        parts.append((rid, h.value if is_counted else 0.0, h, is_counted))
    return tuple(parts), main


_Kept = TypeVar("_Kept", bound=tuple[Any, ...])


def _by_hits(
    table: dict[tuple[int, ...], _Kept],
    hits: Sequence[_Hit],
    make: Callable[[Sequence[_Hit]], tuple[Any, ...]],
) -> _Kept:
    """``(hits as a tuple, *make(hits))`` for the hits several rules chose a point by,
    kept in ``table`` (``_Static.scored``, ``_Static.rule_parts``) by the ids of the hits:
    the same lists recur across rankings, and the entry holds the hits, so their ids stay
    theirs while it lives (at most ``_SCORED_KEPT`` entries)."""
    key = tuple(map(id, hits))
    known = table.get(key)
    if known is None:
        if len(table) >= _SCORED_KEPT:
            table.clear()
        known = table[key] = cast(_Kept, (tuple(hits), *make(hits)))
    return known


def _counted(
    hits: Sequence[_Hit],
) -> tuple[dict[str, _Hit], dict[str, tuple[float, str]], _Hit]:
    """Of several hits: each rule's strongest hit (its first of that value), in the order
    of the rules' first hits; each group's counted value and rule; and the hit that
    decides the point's group (the strongest, then the greatest rule id)."""
    best: dict[str, _Hit] = {}
    for h in hits:
        old = best.get(h.rule.id)
        if old is None or h.value > old.value:
            best[h.rule.id] = h
    # within a group only the strongest rule counts (then the smaller id): a point on both
    # leg surfaces, or both named and in the reflex area, is not counted twice for one idea
    group_best: dict[str, tuple[float, str]] = {}
    top = (-1.0, "")
    for rid, h in best.items():
        value = h.value
        cur = group_best.get(h.group)
        if cur is None or value > cur[0] or (value == cur[0] and rid < cur[1]):
            group_best[h.group] = (value, rid)
        if (value, rid) > top:
            top = (value, rid)
    return best, group_best, best[top[1]]


def _usual_pair(hits: Sequence[_Hit]) -> _Hit | None:
    """The usual case of several hits: two rules of different groups (so different rules
    too), both counted. Then the hit that decides the group (the stronger, then the greater
    id); otherwise None."""
    if len(hits) == 2:
        a, b = hits
        if a.group != b.group:
            return a if (a.value, a.rule.id) > (b.value, b.rule.id) else b
    return None


def _scored(hits: Sequence[_Hit]) -> tuple[float, _Hit, dict[str, float]]:
    """The score of a point several hits chose, the hit that decides its group and its
    roles, without building the parts (the ranking's inner loop: two thirds of a
    ranking's candidates have several hits). The score is the sum of :func:`_rule_parts`,
    added in the same order. The roles: each role's strongest value, the main hit's role
    first."""
    if len(hits) == 2:
        a, b = hits
        if a.group != b.group:  # the usual pair (_usual_pair), written out: most points
            main = a if (a.value, a.rule.id) > (b.value, b.rule.id) else b
            ra, rb = ROLE_OF_GROUP[a.group], ROLE_OF_GROUP[b.group]
            roles: dict[str, float] = {ROLE_OF_GROUP[main.group]: main.value}
            if a.value > roles.get(ra, -1.0):
                roles[ra] = a.value
            if b.value > roles.get(rb, -1.0):
                roles[rb] = b.value
            return 0.0 + a.value + b.value, main, roles
    best, counted, main = _counted(hits)
    score = 0.0
    for rid, h in best.items():
        if counted[h.group][1] == rid:
            score += h.value
    roles = {ROLE_OF_GROUP[main.group]: main.value}
    for h in hits:
        role = ROLE_OF_GROUP[h.group]
        if h.value > roles.get(role, -1.0):
            roles[role] = h.value
    return score, main, roles


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
    few hundred are kept (a batch of patients with the same complaint scores it once).
    They are keyed by :func:`_shape`, so texts worded differently that name the same
    place share one."""
    key = (_shape(loc), the_cause.id if the_cause else None, tenderness, evidence, skip)
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


def _shape(loc: Location) -> tuple[object, ...]:
    """What a ranking reads of a location: its regions (each with its aspects, surface and
    side), side, pattern, segments and nerves, with its digits and the regions it excludes
    (read by nothing here, kept so that a future reader of them cannot be misled). Not the
    text, the words that named a region, the words ignored or the reader's findings: two
    wordings of the same place score the same."""
    return (
        tuple((r.region, r.aspects, r.surface, r.side) for r in loc.regions),
        loc.side,
        loc.pattern,
        loc.segments,
        loc.nerves,
        loc.digits,
        loc.negated,
        _spine_pain(loc),
    )


def _inferred_note(loc: Location) -> str:
    """The note of a root involvement inferred with no cause given (_inferred_spine)."""
    if loc.pattern == "dermatome":
        how = "from the dermatome"
    else:
        where = "neck" if _inferred_spine(loc) == "cervical" else "back"
        how = (
            f"from the {where}, named as sore or as the seat of the trouble, with numbness "
            "where its roots reach"
        )
    return (
        f"Root involvement was inferred {how}, not given as a cause; root rules count at "
        "reduced weight."
    )


def forget(kb: KnowledgeBase) -> None:
    """Drop what earlier calls memoised (parsed texts, cause words, rankings and their
    scores, reasons, red-flag words)."""
    from ..parse import _PARSED
    from ..safety import _TEXT_HITS

    _PARSED.pop(kb, None)
    kb._cause_memo.clear()
    static = _STATIC.get(kb)
    if static is not None:
        with static.lock:
            static.rankings.clear()
            static.reasons.clear()
            static.scores.clear()
            static.places.clear()
            static.conditions.clear()
            static.cause_factors.clear()
            static.rounded.clear()
            static.plans.clear()
            static.scored.clear()
            static.rule_parts.clear()
    made_of = _MADE_OF.get(kb)
    if made_of is not None:
        made_of.clear()
    _TEXT_HITS.pop(kb, None)
    from ..text.reader import forget as forget_text

    forget_text(kb)


def _evidence(
    kb: KnowledgeBase, cause: str, skip: frozenset[str]
) -> tuple[dict[str, int], dict[str, float], dict[str, tuple[str, ...]]]:
    """For a cause: how many sources use each point, the score part that gives
    (``Scoring.evidence`` per source, at most ``evidence_cap``; none when it adds none),
    and the sources themselves (:meth:`KnowledgeBase.evidence_sources`, one pass over the
    protocols for every point instead of one a point)."""
    uses = kb._uses((cause,), skip)
    counts = {code: len(srcs) for code, srcs in uses.items()}
    cap, weight = kb.scoring.evidence_cap, kb.scoring.evidence
    parts = {code: round(weight * m, 4) for code, n in counts.items() if (m := min(n, cap))}
    sources = {code: tuple(srcs) for code, srcs in uses.items()}
    return counts, parts if weight > 0 else {}, sources


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


_POSITION_WORDS = {
    "for": "recommends acupuncture",
    "against": "recommends against acupuncture",
    "uncertain": "finds the evidence for acupuncture uncertain",
    "no_recommendation": "makes no recommendation on acupuncture",
}


def _guideline_note(kb: KnowledgeBase, g: Guideline) -> str:
    """What a clinical guideline says of acupuncture for the cause (stated, not obeyed)."""
    src = kb.source(g.source)
    return (
        f"Guideline: {src.title} {_POSITION_WORDS[g.position]} here ({g.note}). "
        "The points are given as reference information, not as a recommendation to treat."
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


def _region_part(ctx: _Context, region: str, weight: float) -> tuple[float, float | None]:
    """A point region's closeness to the numb area and the score part that gives
    (``None`` when it adds none)."""
    near = ctx.near(region)
    return near, round(weight * near, 4) if near > 0 and weight > 0 else None


_CONDITIONS_KEPT = 4096
_SCORED_KEPT = 8192


def _conditions(
    kb: KnowledgeBase, static: _Static, ctx: _Context
) -> tuple[list[float], tuple[ProtocolNote, ...]]:
    """Each rule's factor (``applies``) and the protocol steps that apply."""
    # applies() is the conditions on the place (_place_holds) times those on the cause,
    # the tenderness and the root (_cause_factor); each part is worked out once per what
    # it reads: the pattern and each region (whether named without an aspect, and its
    # surface), in _Static.conditions; the cause, the tenderness and, with no cause that
    # names a part of the spine, the part a root involvement is inferred at, in
    # _Static.cause_factors
    loc, cause = ctx.location, ctx.cause
    rules, protocol, table = kb.rules, kb.protocol, static.conditions
    where = (loc.pattern, tuple((r.region, not r.aspects, r.surface) for r in loc.regions))
    holds = table.get(where)
    if holds is None:
        holds = (
            *(_place_holds(ctx, rule.when) for rule in rules),
            *(_place_holds(ctx, st.when) for st in protocol),
        )
        if len(table) >= _CONDITIONS_KEPT:
            table.clear()
        table[where] = holds
    inferred = (
        _inferred_spine(loc)
        if ctx.kind == "unknown" and (cause is None or cause.spine is None)
        else None
    )
    why = (cause.id if cause is not None else None, ctx.tenderness, inferred)
    factors = static.cause_factors.get(why)
    if factors is None:
        weight = kb.scoring.inferred_root
        factors = (
            *(_cause_factor(ctx, rule.when, weight) for rule in rules),
            *(_cause_factor(ctx, st.when, 1.0) for st in protocol),
        )
        static.cause_factors[why] = factors
    n = len(rules)
    return (
        [f if ok else 0.0 for f, ok in zip(factors[:n], holds, strict=False)],
        tuple(
            static.steps[st.id]
            for st, f, ok in zip(protocol, factors[n:], holds[n:], strict=True)
            if ok and f > 0
        ),
    )


class _Scores(Plain):
    """A ranking's scores (:func:`_scores`), shared by the rankings they fit."""

    # every candidate scored and sorted, with its roles and hits, the rules applied,
    # whether a root involvement was inferred, the protocol steps, the evidence, and the
    # compositions made from them; shared by the rankings of locations that differ only
    # in what scoring never reads (the sides, the nerves, the words)

    __slots__ = (
        "applied",
        "chosen",
        "codes",
        "compositions",
        "counts",
        "evidence",
        "inferred",
        "made",
        "main",
        "many",
        "never",
        "regions",
        "roles",
        "segment_value",
        "steps",
        "top_segments",
        "values",
    )
    codes: list[str]
    values: list[float]
    roles: list[dict[str, float]]
    main: dict[str, _Hit]
    many: dict[str, tuple[_Hit, ...]]
    applied: tuple[str, ...]
    inferred: bool
    steps: tuple[ProtocolNote, ...]
    counts: dict[str, int]
    evidence: dict[str, float]
    regions: dict[str, tuple[float, float | None]]
    top_segments: frozenset[str]
    segment_value: float
    # the places of the points every selection leaves out (never needled: the standing
    # exclusions' points), read by the rankings of every side instead of found by each
    never: tuple[int, ...]
    compositions: dict[tuple[int, tuple[str, ...]], _Composed]
    chosen: _Chosen
    made: dict[str, _MadeOf]

    def __init__(
        self,
        codes: list[str],
        values: list[float],
        roles: list[dict[str, float]],
        main: dict[str, _Hit],
        many: dict[str, tuple[_Hit, ...]],
        applied: tuple[str, ...],
        inferred: bool,
        steps: tuple[ProtocolNote, ...],
        counts: dict[str, int],
        evidence: dict[str, float],
        regions: dict[str, tuple[float, float | None]],
        top_segments: frozenset[str],
        segment_value: float,
        never: tuple[int, ...],
    ) -> None:
        self.codes = codes
        self.values = values
        self.roles = roles
        self.main = main
        self.many = many
        self.applied = applied
        self.inferred = inferred
        self.steps = steps
        self.counts = counts
        self.evidence = evidence
        self.regions = regions
        self.top_segments = top_segments
        self.segment_value = segment_value
        self.never = never
        # a composition reads the scores, the regions (not their sides) and the
        # places a patient left out: shared by the rankings that share these scores
        self.compositions = {}
        # the points made of a composition, by where they are needled (_Ranking.chosen),
        # and what a point's side does not change, by code (_Ranking.made)
        self.chosen = {}
        self.made = {}


_SCORES_KEPT = 512
_ROUNDED_KEPT = 2048

# per data: the parts of a point that its side does not change, by what they are made of
# (explanation._made_at; at most _MADE_KEPT entries, dropped by forget)
_MADE_OF: WeakKeyDictionary[KnowledgeBase, dict[tuple[object, ...], tuple[object, ...]]] = (
    WeakKeyDictionary()
)


def _rank_now(
    kb: KnowledgeBase,
    static: _Static,
    loc: Location,
    the_cause: Cause | None,
    tenderness: str,
    evidence: bool,
    skip: frozenset[str],
) -> _Ranking:
    """A ranking: the scores (:func:`_scores`), with the location's notes and sides."""
    # what scoring reads of the location: each region with its aspects and surface, the
    # pattern, the segments and where the neck or back hurts (not the sides, the nerves,
    # the digits or the words); with the cause and the options
    key = (
        tuple((r.region, r.aspects, r.surface) for r in loc.regions),
        loc.pattern,
        loc.segments,
        _spine_pain(loc),
        the_cause.id if the_cause is not None else None,
        tenderness,
        evidence,
        skip,
    )
    memo = static.scores
    with static.lock:
        scores = memo.get(key)
        if scores is not None:
            memo.move_to_end(key)
    if scores is None:
        scores = _scores(kb, static, loc, the_cause, tenderness, evidence, skip)
        with static.lock:
            memo[key] = scores
            if len(memo) > _SCORES_KEPT:
                memo.popitem(last=False)
    notes: list[str] = []
    if the_cause is not None and the_cause.kind == "residual":
        notes.append(
            "Numbness or heaviness left after a session is usually residual needle "
            "sensation: no new points are suggested; see the aftercare steps."
        )
    if scores.inferred:
        notes.append(_inferred_note(loc))
    misfit = _misfit(kb, the_cause, loc) if the_cause is not None else None
    if misfit is not None:
        notes.append(misfit)
    if the_cause is not None:
        notes.extend(_guideline_note(kb, g) for g in the_cause.guidelines)
    info, codes = static.info, scores.codes
    return _Ranking(
        codes,
        scores.values,
        scores.roles,
        scores.main,
        scores.many,
        scores.applied,
        tuple(notes),
        scores.counts,
        scores.steps,
        loc,
        kb.point_map,
        scores.regions,  # the place's (a plain table: the ranking must not hold the kb)
        info,
        scores.top_segments,
        scores.segment_value,
        scores.evidence,
        {},
        # (the point regions of this ranking: the place's table may hold more)
        _sides_by_part(kb.anatomy, loc, (info[code][0] for code in codes)),
        scores.compositions,
        scores.never,
        parts_of=static.rule_parts,
        chosen=scores.chosen,
        made=scores.made,
        made_of=_MADE_OF.get(kb) or _MADE_OF.setdefault(kb, {}),
    )


def _scores(
    kb: KnowledgeBase,
    static: _Static,
    loc: Location,
    the_cause: Cause | None,
    tenderness: str,
    evidence: bool,
    skip: frozenset[str],
) -> _Scores:
    """Every candidate scored and sorted best first (see the module's docstring)."""
    scoring = kb.scoring
    rules = kb.rules
    cause_id = the_cause.id if the_cause is not None else None
    weights = static.weights.get(cause_id) or static.weights.setdefault(
        cause_id, {rule.id: _weight(rule, the_cause) for rule in rules}
    )
    place = _place(static, loc)
    ctx = _Context(
        kb,
        loc,
        the_cause,
        tenderness,
        static,
        weights,
        _cause_kind(the_cause),
        # the protocols left out are left out of the core points too, with or without
        # the evidence term (evidence=False once brought them back: a leave-one-out
        # run without the evidence term leaked the protocol it left out)
        skip,
        nearness=place.nearness,
    )
    applied: list[str] = []
    inferred = False
    factors, steps = _conditions(kb, static, ctx)
    if the_cause is None or the_cause.kind != "residual":
        for rule, factor in zip(rules, factors, strict=True):
            if factor <= 0:
                continue
            applied.append(rule.id)
            chose = _SELECTORS[rule.select.kind](ctx, rule, factor)
            if chose and factor < 1 and rule.group.startswith("root"):
                inferred = True
    counts: dict[str, int] = {}
    evidence_parts: dict[str, float] = {}
    if the_cause is not None and evidence:
        ekey = (the_cause.id, skip)
        found = static.evidence.get(ekey)
        if found is None:
            found = static.evidence[ekey] = _evidence(kb, the_cause.id, skip)
        counts, evidence_parts = found[0], found[1]
    top_segments = frozenset(loc.segments[:3]) if scoring.segment > 0 else frozenset()
    segment_value = round(scoring.segment, 4)
    # the score as _Ranking._build makes its parts, added in the same order (a missing
    # part adds 0.0, which leaves a float as it is)
    # the place's table of region parts, shared with its rankings for other causes
    regions = place.parts
    region_weight = scoring.region
    # each point's score and a sort key of plain ints: the score to 4 places, higher
    # first, then the point's place in the WHO order (unique, so the order is total and
    # the same as sorting (-score, place) pairs)
    values: list[float] = []
    keys: list[int] = []
    info = static.info
    many = ctx.many
    # the hits of each point several chose, as the tuple kept with their scores (shared by
    # every ranking that met the same hits; the lists of the context are let go)
    several: dict[str, tuple[_Hit, ...]] = {}
    mains = ctx.one  # made each point's main hit below (the context is not used after)
    roles_of: list[dict[str, float]] = []
    scored = static.scored
    rounded = static.rounded
    if len(rounded) >= _ROUNDED_KEPT:
        rounded.clear()
    for code, main in mains.items():
        region, rank, segs = info[code]
        hits = many.get(code) if many else None
        if hits is None:  # most points: one rule chose them
            score = main.value
            roles = main.roles  # one table per hit, shared by the points it chose
            if roles is None:
                roles = main.roles = {ROLE_OF_GROUP[main.group]: main.value}
        else:  # several hits: scored once per list of hits (shared, _Context.hit)
            several[code], score, main, roles = _by_hits(scored, hits, _scored)
            mains[code] = main
        part = regions.get(region)
        if part is None:
            part = regions[region] = _region_part(ctx, region, region_weight)
        score += part[1] or 0.0
        if top_segments and not segs.isdisjoint(top_segments):
            score += segment_value
        if evidence_parts:
            score += evidence_parts.get(code, 0.0)
        roles_of.append(roles)
        known = rounded.get(score)
        if known is None:
            value = round(score, 4)
            known = rounded[score] = (value, round(value * 10_000) * (len(info) + 1))
        values.append(known[0])
        keys.append(rank - known[1])
    order = sorted(range(len(keys)), key=keys.__getitem__)
    scored_codes = list(mains)  # (in the order met: a main hit replaced keeps its place)
    codes = [scored_codes[i] for i in order]
    suspects = static.never_needled
    if suspects is None:  # each standing exclusion names its one point
        suspects = static.never_needled = frozenset(
            code for _, eff, _ in standing_exclusions(kb) for code in eff.points
        )
    # (most scores hold none of them: their places are looked for only when some are)
    held = suspects.intersection(mains)
    never = tuple(i for i, code in enumerate(codes) if code in held) if held else ()
    return _Scores(
        codes,
        [values[i] for i in order],
        [roles_of[i] for i in order],
        mains,
        several,
        tuple(applied),
        inferred,
        steps,
        counts,
        evidence_parts,
        regions,
        top_segments,
        segment_value,
        never,
    )
