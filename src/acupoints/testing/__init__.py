"""For other projects' test suites: assertions that explain failures, hypothesis
strategies (:mod:`acupoints.testing.strategies`) and a pytest plugin
(:mod:`acupoints.testing.plugin`, registered by entry point, so installing acupoints is
enough) with a session-scoped ``acupoints_kb`` fixture.

```pycon
>>> from acupoints.testing import assert_valid_code
>>> assert_valid_code("LI4")
>>> assert_valid_code("LI44")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AssertionError: 'LI44' is not a WHO point code in acupoints 0.1.0; nearest: LI4, LI14, ...

```

Hand-written safety facts with their sources, apart from ``data/safety.yaml`` (pregnancy
week by week, structures at risk, what each condition of a patient must do), and
:func:`oracle_violations`, which checks a selection against them without the library's
own safety matcher: :mod:`acupoints.testing.oracles`.

The assertions import nothing heavy; the strategies need hypothesis (the ``test`` extra).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..safety import Patient
    from ..selection import Selection

from .oracles import oracle_violations

__all__ = [
    "assert_explained",
    "assert_names_point",
    "assert_safe_for",
    "assert_valid_code",
    "oracle_violations",
    "safety_violations",
]


def _kb(kb: KnowledgeBase | None) -> KnowledgeBase:
    if kb is not None:
        return kb
    from .. import load

    return load()


def assert_valid_code(code: object, kb: KnowledgeBase | None = None) -> None:
    """Assert that ``code`` is exactly a point code of ``kb`` (default: the packaged
    data), in its canonical form (``LI4``, ``EX-UE9``; not ``li-4``, not a name). The
    message names the nearest codes, or the canonical code when ``code`` is another
    spelling of one."""
    from .. import __version__
    from ..errors import AcupointsError

    kb = _kb(kb)
    if isinstance(code, str) and code in kb.point_map:
        return
    where = f"acupoints {__version__}" if kb is _kb(None) else kb.origin
    if isinstance(code, str):
        try:
            canonical = kb.point(code).code
        except AcupointsError:
            near = kb.suggest(code)
            hint = f"; nearest: {', '.join(near)}" if near else ""
            raise AssertionError(f"{code!r} is not a WHO point code in {where}{hint}") from None
        raise AssertionError(f"{code!r} names {canonical} but is not its code; write {canonical!r}")
    raise AssertionError(f"a point code is a str, got {type(code).__name__}: {code!r}")


def assert_names_point(name: str, code: str, kb: KnowledgeBase | None = None) -> None:
    """Assert that ``name`` (any accepted spelling: code, pinyin, characters, English,
    legacy code) looks up the point ``code``; the message says what it found instead."""
    from ..errors import AcupointsError

    kb = _kb(kb)
    assert_valid_code(code, kb)
    try:
        found = kb.point(name).code
    except AcupointsError as err:
        raise AssertionError(f"{name!r} should name {code}, but: {err}") from None
    if found != code:
        p = kb.point(found)
        raise AssertionError(f"{name!r} names {p} (code {found}), not {code}")


def safety_violations(
    selection: Selection, patient: Patient | None = None, kb: KnowledgeBase | None = None
) -> list[str]:
    """Every way ``selection`` is unsafe for ``patient`` (default: the patient it was
    made for), one sentence each; an empty list when it is safe. Checked against the
    safety rules of ``kb`` (default: the packaged data):

    - a selected point that a condition of the patient excludes;
    - a caution (the point's own, or a condition's) that should travel with a point
      but is missing from it;
    - a red flag the patient's own facts raise that the selection does not carry;
    - an emergency red flag with points still offered;
    - a point that a source says is never needled (the nipple, the navel);
    - points offered to a patient who is not a candidate now (fever, cannot consent ...).
    """
    from ..safety import PointWarning, detect_red_flags, effect_matches, patient_effects

    kb = _kb(kb)
    patient = patient if patient is not None else selection.patient
    out: list[str] = []
    effects = patient_effects(kb, patient)
    for rp in selection.points:
        for cond, eff in effects:
            assert patient is not None
            if not effect_matches(kb, eff, rp.point, patient, rp.side):
                continue
            if eff.action == "exclude":
                out.append(f"{rp.code} is excluded for a patient who is {cond.id}: {eff.note}")
            elif eff.action == "caution" and not any(w.note == eff.note for w in rp.cautions):
                out.append(f"{rp.code} lacks the {cond.id} caution: {eff.note}")
        for c in rp.point.cautions:
            if PointWarning.of(c) not in rp.cautions:
                out.append(f"{rp.code} lacks its own caution: {c.note}")
    if patient is not None:
        raised = {f.id for f in selection.red_flags}
        for flag in detect_red_flags(
            kb, selection.query, selection.location, patient, selection.cause
        ):
            if flag.id not in raised:
                out.append(f"the red flag {flag.name!r} ({flag.urgency}) is missing")
    if selection.emergency and selection.points:
        out.append("an emergency red flag was raised, yet points are offered")
    for rp in selection.points:
        if rp.point.never_needled:
            out.append(f"{rp.code} is never needled, yet it is offered")
    withheld = [c.id for c, e in effects if e.action == "not_a_candidate"]
    if withheld and selection.points:
        out.append(
            f"the patient is not a candidate now ({', '.join(withheld)}), yet points are offered"
        )
    return out


def assert_safe_for(
    selection: Selection, patient: Patient | None = None, kb: KnowledgeBase | None = None
) -> None:
    """Assert that :func:`safety_violations` finds nothing; the message lists each."""
    problems = safety_violations(selection, patient, kb)
    if problems:
        raise AssertionError(
            f"selection for {selection.query or str(selection.location)!r} is unsafe:\n- "
            + "\n- ".join(problems)
        )


def assert_explained(selection: Selection, kb: KnowledgeBase | None = None) -> None:
    """Assert that every selected point says why: at least one rule with a source, each
    source known to ``kb``, a score equal to the sum of its contributions, a role, and
    points in prescription order without duplicates: the roles in the composition's
    order, and in a role the strongest by the role's own rules first, then the best
    scored."""
    from ..rules import ROLE_OF_GROUP

    kb = _kb(kb)
    known = {s.id for s in kb.sources}
    role_of_rule = {r.id: ROLE_OF_GROUP[r.group] for r in kb.rules}
    order = {role: n for n, role in enumerate(kb.composition.order)}
    problems: list[str] = []
    seen: set[str] = set()
    last: tuple[int, float, float] | None = None
    for i, rp in enumerate(selection.points, 1):
        if rp.code in seen:
            problems.append(f"#{i} {rp.code} appears twice")
        seen.add(rp.code)
        if not rp.rules:
            problems.append(f"#{i} {rp.code} has no rule that chose it")
        sources = [s for r in rp.reasons if not r.rule.startswith("score.") for s in r.sources]
        if not sources:
            problems.append(f"#{i} {rp.code} cites no source for its rules")
        unknown = sorted(set(sources) - known)
        if unknown:
            problems.append(f"#{i} {rp.code} cites unknown sources {', '.join(unknown)}")
        total = sum(r.contribution for r in rp.reasons)
        if abs(total - rp.score) > 1e-6:
            problems.append(f"#{i} {rp.code} scores {rp.score} but its reasons add to {total}")
        if rp.role is None or rp.role not in order:
            problems.append(f"#{i} {rp.code} has no role in the prescription")
            continue
        strength = max(
            (r.contribution for r in rp.reasons if role_of_rule.get(r.rule) == rp.role),
            default=0.0,
        )
        place = (order[rp.role], -strength, -rp.score)
        if last is not None and place < tuple(x - 1e-9 for x in last):
            problems.append(f"#{i} {rp.code} ({rp.role}, {rp.score}) is out of prescription order")
        last = place
    if problems:
        raise AssertionError("selection is not fully explained:\n- " + "\n- ".join(problems))
