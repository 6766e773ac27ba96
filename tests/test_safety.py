"""Safety: no excluded point is ever returned, every caution travels with its point, red
flags are found (and negations are not), and every output says what this library is.

The exhaustive test checks the engine against an oracle written here from the raw YAML
files (safety.yaml, regions.yaml, points.yaml), not from the library's own matcher, so a
slip in ``effect_matches`` cannot hide itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import acupoints
from acupoints import KnowledgeBase, Patient, Selection
from acupoints.cli import main as cli_main
from acupoints.loading import packaged_data_dir

from .test_loading import edit, load_error
from .textread import read_yaml


# ------------------------------------------------------------------ the oracle
@cache
def raw(name: str) -> Any:
    return read_yaml(packaged_data_dir() / name)


@cache
def parents() -> dict[str, str | None]:
    return {r["id"]: r.get("parent") for r in raw("regions.yaml")["regions"]}


@cache
def inside(region: str, container: str) -> bool:
    r: str | None = region
    while r is not None:
        if r == container:
            return True
        r = parents()[r]
    return False


@cache
def raw_points() -> dict[str, dict[str, Any]]:
    return {p["code"]: p for p in raw("points.yaml")["points"]}


def oracle_matches(effect: dict[str, Any], code: str, patient: Patient, side: str) -> bool:
    """Whether a safety.yaml effect concerns point ``code`` (needled on ``side``)."""
    week = effect.get("from_week")
    if week is not None and patient.pregnancy_week is not None and patient.pregnancy_week < week:
        return False
    p = raw_points()[code]
    region = p["location"]["region"]
    cautions = p.get("cautions") or []
    needling = p.get("needling") or []
    limbs = {"arm": "upper_limb", "leg": "lower_limb"}
    return (
        effect.get("all_points", False)
        or code in effect.get("points", [])
        or any(inside(region, r) for r in effect.get("regions", []))
        or any(c["kind"] in effect.get("point_cautions", []) for c in cautions)
        or any(c.get("structure") in effect.get("structures", []) for c in cautions)
        or (
            effect.get("prick_only", False)
            and bool(needling)
            and all(n.get("angle") == "prick" for n in needling)
        )
        or (
            bool(effect.get("patient_regions"))
            and any(inside(region, r) for r in getattr(patient, effect["patient_regions"]))
        )
        or (
            effect.get("patient_limbs", False)
            and any(
                inside(region, limbs[limb.split("_")[1]])
                and side in (limb.split("_")[0], "both", "unspecified")
                for limb in patient.lymphoedema
            )
        )
    )


def oracle_effects(patient: Patient) -> Iterator[tuple[str, dict[str, Any]]]:
    for cond in raw("safety.yaml")["conditions"]:
        if getattr(patient, cond["id"]):
            for eff in cond["effects"]:
                yield cond["id"], eff


@cache
def all_effects() -> tuple[tuple[str, dict[str, Any]], ...]:
    """Every (condition id, effect) of safety.yaml, in order."""
    return tuple(
        (cond["id"], eff) for cond in raw("safety.yaml")["conditions"] for eff in cond["effects"]
    )


PATIENT_KEYS: dict[Patient, int] = {}
PATIENTS: dict[int, Patient] = {}


def oracle_hit(index: int, code: str, patient_key: int, side: str) -> bool:
    """:func:`oracle_matches` for effect ``index`` of :func:`all_effects`, memoised on what
    the effect reads of the patient (the week, the sites or limbs it names; nothing for
    most effects): the enumeration meets each (effect, point, side) for many patients
    and regions, and works it out once."""
    eff = all_effects()[index][1]
    patient = PATIENTS[patient_key]
    facts = (
        patient.pregnancy_week if eff.get("from_week") else None,
        getattr(patient, eff["patient_regions"]) if eff.get("patient_regions") else (),
        patient.lymphoedema if eff.get("patient_limbs") else (),
    )
    key = (index, code, side, facts)
    hit = ORACLE.get(key)
    if hit is None:
        hit = ORACLE[key] = oracle_matches(eff, code, patient, side)
    return hit


ORACLE: dict[tuple[int, str, str, tuple[Any, ...]], bool] = {}


def patient_key(patient: Patient) -> int:
    key = PATIENT_KEYS.get(patient)
    if key is None:
        key = PATIENT_KEYS[patient] = len(PATIENT_KEYS)
        PATIENTS[key] = patient
    return key


def indexed_effects(patient: Patient) -> list[tuple[int, str, dict[str, Any]]]:
    """The patient's effects with their index in :func:`all_effects`."""
    return [(i, cid, eff) for i, (cid, eff) in enumerate(all_effects()) if getattr(patient, cid)]


@cache
def never_needled() -> frozenset[str]:
    """Points a cited source says are not needled at all (a needling record with angle
    `none`), read from the raw YAML."""
    return frozenset(
        code
        for code, p in raw_points().items()
        if any(n.get("angle") == "none" for n in p.get("needling") or [])
    )


CHECKED: set[tuple[int, str, str, tuple[tuple[str, str], ...]]] = set()
CHECKED_EXCLUSIONS: set[tuple[int, str, str, tuple[str, ...]]] = set()


def check(s: Selection, patient: Patient | None) -> int:
    """Assert the safety invariants of one selection; return how many points it checked."""
    returned = {p.code for p in s.points}
    assert not returned & {e.code for e in s.excluded}
    assert not returned & never_needled(), "a never-needled point was offered"
    assert s.disclaimer == acupoints.DISCLAIMER
    if s.emergency:
        assert s.points == ()
    withheld = (
        [cid for cid, eff in oracle_effects(patient) if eff["action"] == "not_a_candidate"]
        if patient is not None
        else []
    )
    assert [w.condition for w in s.not_a_candidate] == withheld
    if withheld:
        assert s.points == () and s.notes[0].startswith("Not a candidate")
    # each distinct (point, side, cautions) is checked once per patient: the enumeration
    # returns the same candidate with the same cautions for many regions
    pk = patient_key(patient) if patient is not None else -1
    fresh = []
    for rp in s.points:
        seen = (pk, rp.code, rp.side, tuple((w.origin, w.note) for w in rp.cautions))
        if seen not in CHECKED:
            CHECKED.add(seen)
            fresh.append(rp)
    for rp in fresh:
        own = [(c["kind"], c["note"]) for c in raw_points()[rp.code].get("cautions") or []]
        got_own = [(w.kind, w.note) for w in rp.cautions if w.origin == "point"]
        assert got_own == own, rp.code  # every caution of the point, in order
    if patient is None:
        assert any("No patient was given" in n for n in s.notes)
        assert all(e.conditions == ("not_needled",) for e in s.excluded)
        return len(s.points)
    effects = indexed_effects(patient)
    for rp in fresh:
        for i, cid, eff in effects:
            hit = oracle_hit(i, rp.code, pk, rp.side)
            if eff["action"] == "exclude":
                assert not hit, f"{rp.code} returned although {cid} excludes it"
            elif eff["action"] == "caution":
                carried = any(w.origin == cid and w.note == eff["note"] for w in rp.cautions)
                assert carried == hit, f"{rp.code}: caution of {cid} carried={carried}"
    for ex in s.excluded:
        lat = raw_points()[ex.code]["location"]["laterality"]
        side = "midline" if lat == "midline" else (s.location.side or "unspecified")
        seen_ex = (pk, ex.code, side, ex.conditions)
        if seen_ex in CHECKED_EXCLUSIONS:
            continue
        CHECKED_EXCLUSIONS.add(seen_ex)
        hits = [
            cid
            for i, cid, eff in effects
            if eff["action"] == "exclude" and oracle_hit(i, ex.code, pk, side)
        ]
        hits += ["not_needled"] if ex.code in never_needled() else []
        assert hits and set(ex.conditions) == set(hits), ex.code
    for _, cid, eff in effects:
        if eff["action"] not in ("protocol", "refer_first"):
            continue
        week = eff.get("from_week")
        due = not (week and patient.pregnancy_week is not None and patient.pregnancy_week < week)
        note = " ".join(eff["note"].split())
        present = any(p.id == f"patient.{cid}" and p.text == note for p in s.protocol)
        assert present == due, (cid, note)
    return len(s.points)


def patients(region: str) -> list[Patient]:
    """One patient per condition (pregnancy three ways, lymphoedema on each limb, lesions
    where the numbness is), one with everything at once, and none."""
    bools = [
        f
        for f, info in Patient.model_fields.items()
        if info.annotation in (bool, "bool")
        and f in {c["id"] for c in raw("safety.yaml")["conditions"]}
    ]
    out = [Patient(**{f: True}) for f in bools]
    out += [Patient(pregnant=True, pregnancy_week=w) for w in (8, 20, 36)]
    out += [Patient(skin_lesions=(region,))]
    out += [Patient(tumour_sites=(region,)), Patient(joint_prostheses=(region,))]
    out += [
        Patient(lymphoedema=(limb,)) for limb in ("left_arm", "right_arm", "left_leg", "right_leg")
    ]
    # everything at once; and everything but the conditions that withhold every point, so
    # that the combined exclusions and cautions are checked on points that are returned
    able = [
        f
        for f in bools
        if not any(
            e["action"] == "not_a_candidate"
            for c in raw("safety.yaml")["conditions"]
            if c["id"] == f
            for e in c["effects"]
        )
    ]
    out += [
        Patient(
            **dict.fromkeys(flags, True),
            pregnancy_week=30,
            skin_lesions=(region,),
            tumour_sites=(region,),
            joint_prostheses=(region,),
            lymphoedema=("left_arm", "right_leg"),
        )
        for flags in (able, bools)
    ]
    return out


def test_every_condition_of_safety_yaml_is_enumerated() -> None:
    ids = {c["id"] for c in raw("safety.yaml")["conditions"]}
    covered = set()
    for p in patients("hand"):
        covered |= set(p.conditions())
    assert ids <= covered


def test_effect_matches_agrees_with_the_oracle_for_every_point(kb: KnowledgeBase) -> None:
    """The matcher itself, exhaustively: every effect of every patient of :func:`patients`,
    every point, every side it can be needled on; for the knowledge base's own point
    objects (answered from the per-effect table) and for copies of them (worked out)."""
    from acupoints.safety import effect_matches, patient_effects

    checked = 0
    # each distinct patient once: the two regions' lists share every patient without a
    # site (52 patients, 31 distinct; 258 effects of a patient checked, 201 distinct), and
    # the same patient, effect, point and side give the same answer however often asked
    distinct = list(dict.fromkeys(patients("hand.dorsum") + patients("foot.sole")))
    assert len(distinct) > 30
    for patient in distinct:
        effects = patient_effects(kb, patient)
        wanted = list(oracle_effects(patient))
        assert [c.id for c, _ in effects] == [cid for cid, _ in wanted]
        for (_, eff), (_, raw_eff) in zip(effects, wanted, strict=True):
            for p in kb.points:
                copy = p.model_copy()
                for side in ("left", "right", "both", "midline", "unspecified"):
                    want = oracle_matches(raw_eff, p.code, patient, side)
                    assert effect_matches(kb, eff, p, patient, side) == want, (p.code, side)
                    assert effect_matches(kb, eff, copy, patient, side) == want, (p.code, side)
                    checked += 1
    assert checked > 100_000


# the causes of causes.yaml, written out so that collection needs no data; a test below
# checks that they are the data's
CAUSE_IDS = (
    "diabetic",
    "chemotherapy",
    "cervical_root",
    "lumbar_root",
    "sciatica",
    "carpal_tunnel",
    "cubital_tunnel",
    "tarsal_tunnel",
    "meralgia_paresthetica",
    "injury",
    "b12_deficiency",
    "alcohol_toxins",
    "autoimmune",
    "infection",
    "hereditary",
    "idiopathic",
    "residual_needle_sensation",
)
CAUSES = (None, *CAUSE_IDS)
SIDES = (None, "left", "right", "both")
# a cause that is not treated with points (the sensation after a session fades alone)
GIVES_NO_POINTS = {"residual_needle_sensation"}
# a numb saddle area is an emergency (no points): it is checked region by region only
NOT_EVERYWHERE = {"body", "perineum"}


def test_the_enumerated_causes_are_the_data_s(kb: KnowledgeBase) -> None:
    assert set(CAUSE_IDS) == {c.id for c in kb.causes}


@pytest.fixture(scope="module")
def everywhere(kb: KnowledgeBase) -> dict[str | None, Any]:
    """A location made of every region (but the whole body and the perineum), per side:
    with limit = all points, every point of the data is a candidate of one selection."""
    ids = [r.id for r in kb.regions if r.id not in NOT_EVERYWHERE]
    return {side: kb.location(ids, side=side) for side in SIDES}


def _is_sided(patient: Patient | None) -> bool:
    """Only lymphoedema reads the side of the numbness."""
    return patient is None or bool(patient.lymphoedema)


def _everything(
    kb: KnowledgeBase, everywhere: dict[str | None, Any], cause: str | None, patient: Patient | None
) -> int:
    """Select every point for ``patient`` on each side that matters; check each answer."""
    checked = 0
    for side in SIDES if _is_sided(patient) else (None,):
        s = kb.select(everywhere[side], cause=cause, patient=patient, limit=len(kb))
        n = check(s, patient)
        withheld = cause in GIVES_NO_POINTS or (
            patient is not None
            and any(e["action"] == "not_a_candidate" for _, e in oracle_effects(patient))
        )
        # every point went through the safety step: offered, or excluded with its reason
        assert withheld or n + len(s.excluded) == len(kb), (patient, side, n, len(s.excluded))
        checked += n
    return checked


def test_every_point_for_every_patient(
    kb: KnowledgeBase, everywhere: dict[str | None, Any]
) -> None:
    """Every point against the oracle for every patient of :func:`patients`, with the
    sites of the site conditions (lesions, tumours, implants) at each region in turn, and
    every side for the patients whose answer depends on it: one selection of every point
    per (patient, side). The safety step does not depend on the cause; the causes are
    enumerated below with the patients that combine every condition."""
    per_region = {"skin_lesions", "tumour_sites", "joint_prostheses"}
    everyone = [p for p in patients("hand") if not per_region & set(p.conditions())]
    checked = sum(_everything(kb, everywhere, None, p) for p in [None, *everyone])
    for region in kb.regions:  # one site each (the combined patients: the next test)
        sited = [p for p in patients(region.id) if len(p.conditions()) == 1]
        sited = [p for p in sited if per_region & set(p.conditions())]
        assert len(sited) == 3
        checked += sum(_everything(kb, everywhere, None, p) for p in sited)
    assert checked > 60_000


@pytest.mark.parametrize("cause", CAUSES)
def test_every_point_under_every_cause(
    kb: KnowledgeBase, everywhere: dict[str | None, Any], cause: str | None
) -> None:
    """Each cause with no patient and with the patients that have every condition at once
    (sites on the hand, the knee and the foot), every point, every side."""
    sites = ("hand.dorsum", "knee", "foot.sole")
    combined = [p for p in patients("hand") if len(p.conditions()) > 5]
    assert len(combined) == 2
    assert bool(kb.select(everywhere[None], cause=cause).points) != (cause in GIVES_NO_POINTS)
    for p in [None, *combined]:
        if p is not None:
            p = p.model_copy(
                update={"skin_lesions": sites, "tumour_sites": sites, "joint_prostheses": sites}
            )
        _everything(kb, everywhere, cause, p)


@pytest.mark.parametrize("cause", CAUSES)
def test_no_excluded_point_is_ever_returned_region_by_region(
    kb: KnowledgeBase, cause: str | None
) -> None:
    """The end-to-end sweep: every region the parser knows x this cause, with no patient
    and with the patient who has every condition that leaves points to give (with the
    sites at that region), every candidate returned (limit = all points)."""
    combos = 0
    for region in kb.regions:
        able = next(p for p in patients(region.id) if len(p.conditions()) > 5)
        for patient in (None, able):
            s = kb.select(kb.location([region.id]), cause=cause, patient=patient, limit=len(kb))
            check(s, patient)
            combos += 1
    assert combos == 2 * len(kb.regions)


def test_the_forbidden_points_of_pregnancy(kb: KnowledgeBase) -> None:
    pregnant = Patient(pregnant=True, pregnancy_week=20)
    wanted = {"LI4", "SP6", "BL60", "BL67", "GB21", "BL31", "BL32", "BL33", "BL34"}
    seen: set[str] = set()
    for text, cause in [
        ("numb back of the hand", None),
        ("numb inner leg and sole", None),
        ("numb outer ankle and little toe", None),
        ("numb shoulder and neck", None),
        ("numb buttock and back of the thigh", "sciatica"),
    ]:
        plain = kb.select(text, cause=cause, limit=len(kb))
        s = kb.select(text, cause=cause, patient=pregnant, limit=len(kb))
        assert not set(s.codes) & wanted
        seen |= wanted & set(plain.codes) & {e.code for e in s.excluded}
    assert seen == wanted  # each was a candidate somewhere and was excluded there


def test_pregnancy_month_matters(kb: KnowledgeBase) -> None:
    early = kb.select("numb belly", patient=Patient(pregnant=True, pregnancy_week=8), limit=50)
    late = kb.select("numb belly", patient=Patient(pregnant=True, pregnancy_week=20), limit=50)
    upper = {p.code for p in kb.points_in("abdomen.upper")}
    assert set(early.codes) & upper and not set(late.codes) & upper
    assert "patient.pregnant" in {p.id for p in late.protocol}


def test_pacemaker_changes_the_protocol_not_the_points(kb: KnowledgeBase) -> None:
    plain = kb.select("numb fingers")
    s = kb.select("numb fingers", patient=Patient(pacemaker=True))
    assert s.codes == plain.codes
    step = s.protocol[0]
    assert step.id == "patient.pacemaker" and "electro-acupuncture" in step.text


def test_lymphoedema_only_on_that_side(kb: KnowledgeBase) -> None:
    p = Patient(lymphoedema=("left_arm",))
    left = kb.select("numb back of the left hand", patient=p)
    right = kb.select("numb back of the right hand", patient=p)
    assert left.points == () or all(
        kb.anatomy.limb_of(x.point.location.region) != "arm" for x in left.points
    )
    assert right.points and right.excluded == ()


def test_no_patient_still_carries_cautions_and_says_what_was_not_checked(
    kb: KnowledgeBase,
) -> None:
    s = kb.select("numb shoulder and upper back", limit=30)
    with_cautions = [p for p in s.points if p.point.cautions]
    assert with_cautions and all(p.cautions for p in with_cautions)
    note = next(n for n in s.notes if n.startswith("No patient was given"))
    for cond in kb.safety_conditions:
        assert cond.name in note


def test_heat_warning_whenever_infrared_is_advised(kb: KnowledgeBase) -> None:
    for text in ("numb toes", "numb hand", "numb back of the thigh"):
        ids = [p.id for p in kb.select(text).protocol]
        assert "infrared" in ids and "heat_numb_skin" in ids
        assert ids.index("heat_numb_skin") == ids.index("infrared") + 1


def test_aftercare_and_risks() -> None:
    s = acupoints.select("numb arms after acupuncture", cause="after acupuncture")
    assert s.points == ()
    ids = [a.id for a in s.aftercare]
    assert ids[:2] == ["residual_sensation", "watch_a_day"]
    assert "seed000" in s.aftercare[0].sources
    risks = acupoints.risks()
    assert {"pain_bruising", "organ_injury", "infection"} <= {r.id for r in risks}
    assert all(r.sources for r in risks)
    assert any("seed003" in r.sources for r in risks)


# ------------------------------------------------------------------ red flags
# (text, patient fields, cause, expected red-flag ids)
RED_FLAGS: list[tuple[str, dict[str, Any], str | None, set[str]]] = [
    # cauda equina
    ("numb saddle area", {}, None, {"cauda_equina"}),
    ("numbness between my legs and in both feet", {}, None, {"cauda_equina"}),
    ("tingling around the anus and the back of my legs", {}, None, {"cauda_equina"}),
    ("numb feet and I can't control my bladder", {}, None, {"cauda_equina"}),
    ("numb legs, lost control of my bowels", {}, None, {"cauda_equina"}),
    ("numb feet and trouble passing urine", {}, None, {"cauda_equina"}),
    ("numb legs and I have wet myself twice", {}, None, {"cauda_equina"}),
    ("both legs numb, new incontinence", {}, None, {"cauda_equina"}),
    ("numb genitals and thighs", {}, None, {"cauda_equina"}),
    ("numb back of the leg", {"saddle_numbness": True}, "sciatica", {"cauda_equina"}),
    ("numb foot", {"bladder_bowel_change": True}, None, {"cauda_equina"}),
    # stroke
    # a numb face raises facial_numbness as well (the face is a numb region)
    ("sudden numbness in my face and left arm", {}, None, {"stroke", "facial_numbness"}),
    (
        "suddenly the whole left side of my body went numb",
        {},
        None,
        {"stroke", "one_sided_numbness"},
    ),
    ("numb arm and my face is drooping", {}, None, {"stroke"}),
    ("numb hand with slurred speech", {}, None, {"stroke"}),
    ("all of a sudden my arm and leg went numb", {}, None, {"stroke"}),
    ("numb hand", {"sudden_one_sided": True}, None, {"stroke"}),
    ("tingling hands and trouble breathing", {}, None, {"breathing"}),
    # ascending weakness
    ("numbness spreading up from my feet over the last few days", {}, None, {"ascending_weakness"}),
    ("tingling creeping up my legs quickly", {}, None, {"ascending_weakness"}),
    ("numb feet", {"ascending_weakness": True}, None, {"ascending_weakness"}),
    # progressive weakness, foot drop
    ("numb top of the foot and foot drop", {}, None, {"progressive_weakness"}),
    ("numb shin, my foot slaps when I walk", {}, None, {"progressive_weakness"}),
    ("numb hand and the weakness is getting worse", {}, None, {"progressive_weakness"}),
    ("numb fingers, I keep dropping things", {}, None, {"progressive_weakness"}),
    ("numb thigh and my leg gives way", {}, None, {"progressive_weakness"}),
    # foot wound
    ("numb feet and an ulcer on my heel", {}, "diabetic", {"foot_wound"}),
    ("numb toes, there is a blister on my toe", {}, None, {"foot_wound"}),
    ("numb soles with an infected cut on my foot", {}, None, {"foot_wound"}),
    ("numb feet", {"foot_wound": True}, "diabetic", {"foot_wound"}),
    # fever, weight loss, cancer
    ("numb legs with fever", {}, None, {"systemic_illness"}),
    ("numb hands and I have been losing weight", {}, None, {"systemic_illness"}),
    ("numb feet, night sweats", {}, None, {"systemic_illness"}),
    ("numb hands after treatment for breast cancer", {}, None, {"cancer_history"}),
    ("numb hands and feet", {}, "chemotherapy", {"cancer_history"}),
    ("numb foot", {"cancer_history": True}, None, {"cancer_history"}),
    # injury
    ("numb hand since I fell on it", {}, None, {"after_injury"}),
    ("numb arm after a car crash", {}, None, {"after_injury"}),
    ("numb forearm", {}, "injury", {"after_injury"}),
    ("numb fingers", {"recent_injury": True}, None, {"after_injury"}),
    ("numbness down the left side of my body", {}, None, {"one_sided_numbness"}),
    ("my right side of my body has been numb for weeks", {}, None, {"one_sided_numbness"}),
    # negations and near misses that must not fire
    ("numb feet, no bladder problems", {}, None, set()),
    ("numb legs but bladder and bowels are fine", {}, None, set()),
    ("numb feet without any incontinence", {}, None, set()),
    ("no saddle numbness, just numb toes", {}, None, set()),
    ("numb hand, no fever", {}, None, set()),
    ("numb toes, denies weight loss", {}, None, set()),
    ("numb foot, no weakness getting worse", {}, None, set()),
    ("numb hand, no history of cancer", {}, None, set()),
    ("numb foot, I have never had an ulcer", {}, None, set()),
    ("numb fingers, it came on slowly over months", {}, None, set()),
    ("my feet suddenly went numb after sitting cross-legged", {}, None, set()),
    ("numb face of the thumb", {}, None, set()),
    ("numbness spreading up my shins over the past year", {}, None, set()),
    ("numb hands, my speech is fine", {}, None, set()),
    ("numb feet and a bladder infection last year", {}, None, set()),
    ("numb back of the hand", {}, None, set()),
]


def test_red_flag_table_is_large_enough() -> None:
    assert len(RED_FLAGS) >= 40
    assert sum(1 for *_, want in RED_FLAGS if not want) >= 10


@pytest.mark.parametrize(("text", "fields", "cause", "want"), RED_FLAGS)
def test_red_flags(
    kb: KnowledgeBase, text: str, fields: dict[str, Any], cause: str | None, want: set[str]
) -> None:
    patient = Patient(**fields) if fields else None
    s: Selection | None = None
    try:
        s = kb.select(text, cause=cause, patient=patient)
        flags = s.red_flags
    except acupoints.LocationError as exc:  # no body region in the text: flags still reported
        flags = exc.red_flags
    assert {f.id for f in flags} == want
    if s is None:
        return
    emergency = any(f.urgency == "emergency" for f in s.red_flags)
    assert s.emergency == emergency
    if emergency:
        assert s.points == ()
    for f in s.red_flags:
        assert f.advice and f.sources and f.matched


def test_red_flags_are_most_urgent_first(kb: KnowledgeBase) -> None:
    s = kb.select("numb saddle area and an ulcer on my foot, I have had cancer")
    order = [f.urgency for f in s.red_flags]
    assert order == sorted(order, key=["emergency", "urgent", "soon"].index)
    assert order[0] == "emergency"


def test_red_flags_survive_text_with_no_body_region(kb: KnowledgeBase) -> None:
    with pytest.raises(acupoints.LocationError) as exc:
        kb.select("slurred speech and tingling")
    assert [f.id for f in exc.value.red_flags] == ["stroke"]
    assert "EMERGENCY" in str(exc.value)
    with pytest.raises(acupoints.LocationError) as plain:
        kb.select("slurred zzz")
    assert plain.value.red_flags == ()


def test_an_emergency_cannot_be_missed_in_any_output(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "numb saddle area and both legs"
    s = kb.select(text)
    assert s.emergency and s.points == ()
    assert str(s).lstrip().startswith("!!!") and "EMERGENCY" in str(s)
    d = s.to_dict()
    assert list(d)[:3] == ["disclaimer", "emergency", "red_flags"] and d["emergency"] is True
    assert json.loads(s.to_json())["emergency"] is True
    assert cli_main(["select", text]) == 0
    out = capsys.readouterr().out
    assert out.startswith("!!!") and "EMERGENCY" in out
    assert cli_main(["select", text, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["emergency"] is True


def test_every_output_states_the_disclaimer(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    s = kb.select("numb toes")
    assert acupoints.DISCLAIMER in " ".join(str(s).split())  # wrapped to the width
    assert s.to_dict()["disclaimer"] == acupoints.DISCLAIMER
    cli_main(["select", "numb toes"])
    assert acupoints.DISCLAIMER in " ".join(capsys.readouterr().out.split())


# ------------------------------------------------------------------ broken safety data
@pytest.mark.parametrize(
    ("old", "new", "entry", "field", "words"),
    [
        ("  - id: pacemaker\n", "  - id: pacemakers\n", "pacemakers", "id", "not a field"),
        (
            "points: [GB21, ST12, CV1]",
            "points: [GB21, ST12, CV99]",
            "pregnant",
            "effects.1.points.2",
            "CV99",
        ),
        (
            "fields: [saddle_numbness, bladder_bowel_change]",
            "fields: [saddle_numbnes, bladder_bowel_change]",
            "cauda_equina",
            "fields.0",
            "saddle_numbnes",
        ),
        ("    urgency: urgent\n", "    urgency: whenever\n", "ascending_weakness", "urgency", ""),
        (
            "        patient_limbs: true\n",
            "        patient_limbs: true\n        from_week: 3\n",
            "lymphoedema",
            "effects.0.from_week",
            "pregnant",
        ),
    ],
)
def test_a_broken_safety_file_names_the_entry_and_field(
    data_copy: Path, old: str, new: str, entry: str, field: str, words: str
) -> None:
    edit(data_copy / "safety.yaml", old, new)
    err = load_error(data_copy)
    assert (Path(err.file or "").name, err.entry, err.field) == ("safety.yaml", entry, field)
    assert words in str(err)


# ------------------------------------------------------------------ point cautions
# (the points over a structure at risk: tests/test_oracles.py, from acupoints.testing.oracles)
def test_safe_depths_where_the_books_give_one(kb: KnowledgeBase) -> None:
    depths = {
        c.max_depth_cun for code in ("GV15", "GV16") for c in kb[code].cautions if c.max_depth_cun
    }
    assert depths == {1.5}
    for p in kb.points:  # a stated safe depth never exceeds the needling range given
        for c in p.cautions:
            if c.max_depth_cun is not None and p.needling:
                assert c.max_depth_cun <= max(n.depth_cun[1] for n in p.needling) + 0.5, p.code


# ------------------------------------------------------------------ red flags: order and urgency
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("numb hand, no fever, and slurred speech", "stroke"),
        ("no fever but my face is drooping and my hand is numb", "stroke"),
    ],
)
def test_a_denied_flag_does_not_hide_a_later_one(kb: KnowledgeBase, text: str, flag: str) -> None:
    """A negated mention ("no fever") read before a real one still lets the real one raise
    its flag, and raises nothing itself."""
    s = kb.select(text)
    assert {f.id for f in s.red_flags} == {flag}


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("numb feet and my legs are getting weaker every day", "ascending_weakness"),
        ("numb toes and a black toe", "foot_wound"),
    ],
)
def test_a_concept_raises_its_flag_to_an_emergency(kb: KnowledgeBase, text: str, flag: str) -> None:
    """Weakness climbing by the day and a blackened toe make their flags (urgent by
    default) emergencies: no points."""
    s = kb.select(text)
    assert {f.id: f.urgency for f in s.red_flags}[flag] == "emergency"
    assert s.emergency and s.points == ()
