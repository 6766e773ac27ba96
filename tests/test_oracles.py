"""The data and the engine against the hand-written safety facts of
:mod:`acupoints.testing.oracles` (typed from the sources, not read from safety.yaml):
pregnancy every week from 1 to 42, structures at risk, never-needled points, each
condition of a patient, and the red flags of the patient's symptom fields.

The decision for one point is checked over every point (``library_exclusions``, what the
engine applies to each candidate); selections are checked end to end with
``oracle_violations``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from acupoints import KnowledgeBase, Patient, Selection
from acupoints.testing.oracles import (
    CONDITIONS,
    NEVER_NEEDLED,
    PREGNANCY,
    RED_FLAG_FIELDS,
    STRUCTURES,
    ConditionFact,
    PregnancyRule,
    StructureFact,
    forbidden_in_pregnancy,
    library_exclusions,
    oracle_excludes,
    oracle_violations,
)

WEEKS = [*range(1, 43), None]
SIDES = ("left", "right", "both", "midline", "unspecified")


def _listing(codes: Iterable[str]) -> str:
    codes = sorted(codes)
    return f"{len(codes)}: {', '.join(codes)}"


# ------------------------------------------------------------------ the table itself
def test_every_fact_names_known_sources(kb: KnowledgeBase) -> None:
    known = {s.id for s in kb.sources}
    cited = {s for r in PREGNANCY for s in r.sources}
    cited |= {s for f in STRUCTURES for s in f.sources}
    cited |= {s for f in CONDITIONS for s in f.sources}
    assert cited and not cited - known, f"unknown sources: {sorted(cited - known)}"
    assert all(r.says and r.sources for r in PREGNANCY)
    assert all(f.says and f.sources for f in (*STRUCTURES, *CONDITIONS))


def test_every_code_of_the_table_is_a_point(kb: KnowledgeBase) -> None:
    codes = {c for r in PREGNANCY for c in (*r.points, *r.witnesses)}
    codes |= {c for f in STRUCTURES for c in f.points}
    codes |= {c for f in CONDITIONS for c in (*f.excludes, *f.keeps, *f.caution_at)}
    codes |= set(NEVER_NEEDLED)
    unknown = sorted(c for c in codes if c not in kb.point_map)
    assert not unknown, unknown
    areas = {a for r in PREGNANCY for a in r.areas}
    assert areas <= {r.id for r in kb.regions}


def test_the_table_covers_every_condition_and_every_patient_field(kb: KnowledgeBase) -> None:
    facts = {f.condition for f in CONDITIONS}
    missing = {c.id for c in kb.safety_conditions} - facts
    assert not missing, f"conditions of the data with no fact in the oracle: {sorted(missing)}"
    fields = set(Patient.model_fields) - {"pregnancy_week"}
    untold = fields - facts - set(RED_FLAG_FIELDS)
    assert not untold, f"Patient fields the oracle says nothing about: {sorted(untold)}"


def test_every_week_of_pregnancy_has_an_answer() -> None:
    table = {w: forbidden_in_pregnancy(w) for w in WEEKS}
    assert all(points >= {"LI4", "SP6", "BL60", "BL67"} for points, _ in table.values())
    assert all("abdomen.lower" in areas for _, areas in table.values())
    assert [w for w in WEEKS if "abdomen.upper" in table[w][1]] == [*range(13, 43), None]
    with pytest.raises(ValueError, match="1 to 42"):
        forbidden_in_pregnancy(43)


# ------------------------------------------------------------------ pregnancy, week by week
@pytest.mark.parametrize("week", WEEKS)
def test_pregnancy_exclusions_of_every_point_agree_with_the_oracle(
    kb: KnowledgeBase, week: int | None
) -> None:
    """For every point: the engine leaves it out for pregnancy exactly when the oracle
    says so, this week."""
    patient = Patient(pregnant=True, pregnancy_week=week)
    forbidden = {p.code for p in kb.points if "pregnant" in oracle_excludes(kb, p, patient)}
    library = {p.code for p in kb.points if "pregnant" in library_exclusions(kb, p, patient)}
    assert library == forbidden, (
        f"week {week}: left out but allowed by the oracle "
        f"{_listing(library - forbidden)}; allowed but forbidden {_listing(forbidden - library)}"
    )


@pytest.mark.parametrize("rule", PREGNANCY, ids=lambda r: r.id)
def test_the_witnesses_of_each_area_lie_in_it(kb: KnowledgeBase, rule: PregnancyRule) -> None:
    """A point the oracle knows to be in an area (by its WHO location) is in it in the
    data, so an area rule cannot be emptied by moving its points elsewhere."""
    assert rule.areas or not rule.witnesses
    within = kb.anatomy.within
    outside = [
        c for c in rule.witnesses if not any(within(kb[c].location.region, a) for a in rule.areas)
    ]
    assert not outside, f"in none of {rule.areas}: {outside}"


PREGNANT_TEXTS = (
    "numbness in my upper abdomen",
    "numbness in my lower abdomen and groin",
    "numb lower back and buttocks",
    "numb back of the hand and the inner leg",
    "numb outer ankle, little toe and shoulders",
)


@pytest.fixture(scope="module")
def plain(kb: KnowledgeBase) -> dict[str, Selection]:
    return {t: kb.select(t, limit=1000) for t in PREGNANT_TEXTS}


@pytest.mark.parametrize("week", WEEKS)
def test_pregnancy_end_to_end_every_week(
    kb: KnowledgeBase, plain: dict[str, Selection], week: int | None
) -> None:
    """Selections of every candidate for a pregnant patient this week: nothing the oracle
    forbids is offered, and every forbidden candidate is listed as excluded for it."""
    patient = Patient(pregnant=True, pregnancy_week=week)
    forbidden_seen = set()
    for text in PREGNANT_TEXTS:
        s = kb.select(text, patient=patient, limit=1000)
        assert oracle_violations(s, kb=kb) == [], text
        excluded = {e.code for e in s.excluded if "pregnant" in e.conditions}
        for rp in plain[text].points:
            if "pregnant" in oracle_excludes(kb, rp.point, patient):
                forbidden_seen.add(rp.code)
                assert rp.code in excluded, f"{rp.code} not listed as excluded, week {week}"
    assert {"LI4", "SP6", "CV4", "BL23"} <= forbidden_seen
    assert ("CV12" in forbidden_seen) == (week is None or week >= 13)


# ------------------------------------------------------------------ structures, never needled
@pytest.mark.parametrize("fact", STRUCTURES, ids=lambda f: f.structure)
def test_points_over_a_structure_carry_its_caution(kb: KnowledgeBase, fact: StructureFact) -> None:
    lacking = [
        c for c in fact.points if not any(x.structure == fact.structure for x in kb[c].cautions)
    ]
    assert not lacking, f"no {fact.structure} caution on {lacking}"
    for c in fact.points:
        for x in kb[c].cautions:
            if x.structure == fact.structure:
                assert x.sources and len(x.note) > 10, c


def test_never_needled_points_are_left_out_for_everyone(kb: KnowledgeBase) -> None:
    assert {p.code for p in kb.points if p.never_needled} == set(NEVER_NEEDLED)
    for p in kb.points:
        assert ("not_needled" in library_exclusions(kb, p, None)) == (p.code in NEVER_NEEDLED)
    s = kb.select("numbness in my chest and belly", limit=1000)
    assert not set(s.codes) & set(NEVER_NEEDLED)
    assert set(NEVER_NEEDLED) <= {e.code for e in s.excluded}
    # each is left out for its own reason only (the nipple's is not the navel's)
    own = {"ST17": "nipple", "CV8": "navel"}
    for e in s.excluded:
        if e.code in own:
            assert e.conditions == ("not_needled",) and len(e.reasons) == 1, e
            assert own[e.code] in e.reasons[0] and all(
                w not in e.reasons[0] for c, w in own.items() if c != e.code
            ), e.reasons


# ------------------------------------------------------------------ conditions
TEXTS = (
    "numb back of the hand and the front of the knee",
    "numb neck, upper back and lower back",
    "numb feet and ankles",
    "numbness in my wrist and forearm",
    "numb fingers and the tip of my tongue",
)


@pytest.mark.parametrize("fact", CONDITIONS, ids=lambda f: f.condition)
def test_each_condition_leaves_out_and_keeps_what_the_oracle_says(
    kb: KnowledgeBase, fact: ConditionFact
) -> None:
    patient = fact.make_patient()
    side = fact.side or "unspecified"
    wrong = [
        c
        for c in fact.excludes
        if fact.condition not in library_exclusions(kb, kb[c], patient, side)
    ]
    assert not wrong, f"{fact.condition} does not leave out {wrong}"
    wrong = [
        c for c in fact.keeps if fact.condition in library_exclusions(kb, kb[c], patient, side)
    ]
    assert not wrong, f"{fact.condition} leaves out {wrong}, which the oracle keeps"
    if fact.side == "left":  # the other side of the body is needled
        kept = [
            c
            for c in fact.excludes
            if fact.condition not in library_exclusions(kb, kb[c], patient, "right")
        ]
        assert kept == list(fact.excludes)


@pytest.mark.parametrize("fact", CONDITIONS, ids=lambda f: f.condition)
def test_each_condition_end_to_end(kb: KnowledgeBase, fact: ConditionFact) -> None:
    patient = fact.make_patient()
    side = fact.side
    seen_excluded: set[str] = set()
    for text in TEXTS:
        s = kb.select(text, patient=patient, side=side, limit=1000)
        problems = oracle_violations(s, kb=kb)
        assert problems == [], f"{text!r}: {problems}"
        if fact.withholds_all:
            assert s.points == ()
            assert fact.condition in {c.condition for c in s.not_a_candidate}
            continue
        assert s.points, text
        if fact.refer_first:  # first, before the steps of any other condition
            assert s.protocol[0].id == f"patient.{fact.condition}"
            also = patient.model_copy(update={"pacemaker": True, "epilepsy": True})
            steps = [p.id for p in kb.select(text, patient=also, side=side).protocol]
            assert steps[0] == f"patient.{fact.condition}", steps
        if fact.protocol_words:
            steps = " ".join(
                p.text.lower() for p in s.protocol if p.id == f"patient.{fact.condition}"
            )
            assert all(w in steps for w in fact.protocol_words), (fact.protocol_words, steps)
        if fact.caution_everywhere:
            assert all(fact.condition in {w.origin for w in rp.cautions} for rp in s.points)
        candidates = set(kb.select(text, side=side, limit=1000).codes)
        seen_excluded |= {
            e.code for e in s.excluded if fact.condition in e.conditions and e.code in candidates
        }
    if fact.excludes and not fact.withholds_all:
        assert seen_excluded & set(fact.excludes), "no witness was ever a candidate to leave out"


@pytest.mark.parametrize("field", sorted(RED_FLAG_FIELDS))
def test_each_symptom_field_raises_its_red_flag(kb: KnowledgeBase, field: str) -> None:
    flag, urgency = RED_FLAG_FIELDS[field]
    s = kb.select("numb top of the foot", patient=Patient(**{field: True}))
    found = {f.id: f.urgency for f in s.red_flags}
    assert found.get(flag) == urgency, found
    assert s.emergency == (urgency == "emergency")


# ------------------------------------------------------------------ the checker can fail
def test_oracle_violations_finds_a_forbidden_point_and_a_missing_caution(kb: KnowledgeBase) -> None:
    pregnant = Patient(pregnant=True, pregnancy_week=20, anticoagulants=True)
    s = kb.select("numb back of the hand", patient=pregnant)
    assert oracle_violations(s, kb=kb) == []
    unsafe = s.model_copy(update={"points": kb.select("numb back of the hand").points})
    problems = oracle_violations(unsafe, kb=kb)
    assert any(p.startswith("LI4 is offered") and "pregnant" in p for p in problems)
    assert any("lacks a caution of anticoagulants" in p for p in problems)


def test_oracle_violations_finds_points_for_a_patient_who_is_not_a_candidate(
    kb: KnowledgeBase,
) -> None:
    s = kb.select("numb toes", patient=Patient(fever=True))
    assert oracle_violations(s, kb=kb) == [] and s.points == ()
    unsafe = s.model_copy(update={"points": kb.select("numb toes").points, "not_a_candidate": ()})
    problems = oracle_violations(unsafe, kb=kb)
    assert any("not a candidate" in p for p in problems)
