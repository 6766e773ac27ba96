"""Safety facts written by hand, each with its sources, apart from ``data/safety.yaml``: an
oracle to check the data and the engine against, for this library's tests and for other
projects' suites.

A wrong entry in ``safety.yaml`` is read the same way by the engine and by any test that
reads ``safety.yaml``; these tables are typed from the cited sources, so they disagree
with it instead.

- :data:`PREGNANCY`: the points and areas that are not needled in pregnancy, with the
  weeks each rule holds (:func:`forbidden_in_pregnancy` answers for any week 1 to 42, or
  an unknown week), and for each area a few points that lie in it by their WHO location.
- :data:`STRUCTURES`: points over a structure at risk (lung, large artery, eye, medulla,
  spinal cord), which must carry a caution naming it.
- :data:`NEVER_NEEDLED`: points a source says are not needled at all (nipple, navel).
- :data:`CONDITIONS`: what each condition of a patient must do (withhold every point, send
  to a doctor first, leave points out, add a caution to every point, add a protocol step).
- :data:`RED_FLAG_FIELDS`: which red flag each of a patient's symptom fields raises.

:func:`oracle_violations` checks a selection against all of them, without the library's
own safety matcher, and :func:`library_exclusions` is the engine's decision for one point,
so that a suite can compare the two over every point.

```pycon
>>> from acupoints.testing.oracles import forbidden_in_pregnancy
>>> points, areas = forbidden_in_pregnancy(8)
>>> "LI4" in points, "abdomen.upper" in areas
(True, False)
>>> "abdomen.upper" in forbidden_in_pregnancy(13)[1]
True

```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..models import Point
    from ..safety import Patient
    from ..selection import Selection

__all__ = [
    "CONDITIONS",
    "NEVER_NEEDLED",
    "PREGNANCY",
    "RED_FLAG_FIELDS",
    "STRUCTURES",
    "ConditionFact",
    "PregnancyRule",
    "StructureFact",
    "forbidden_in_pregnancy",
    "library_exclusions",
    "oracle_excludes",
    "oracle_violations",
]

FIRST_WEEK, LAST_WEEK = 1, 42


# --------------------------------------------------------------------------- pregnancy
@dataclass(frozen=True)
class PregnancyRule:
    """Points (by code) or areas (region ids: every point inside) that are not needled in
    pregnancy from week ``first`` to week ``last``; ``witnesses`` are points that lie in
    the areas by their WHO location, so that a region moved in the data shows."""

    id: str
    says: str
    sources: tuple[str, ...]
    first: int = FIRST_WEEK
    last: int = LAST_WEEK
    points: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    witnesses: tuple[str, ...] = ()

    def holds(self, week: int | None) -> bool:
        """Whether the rule holds in ``week`` (an unknown week: every rule holds)."""
        return week is None or self.first <= week <= self.last


PREGNANCY: tuple[PregnancyRule, ...] = (
    PregnancyRule(
        id="traditional_forbidden_points",
        says="LI4 Hegu, SP6 Sanyinjiao, BL60 Kunlun and BL67 Zhiyin are the classical "
        "forbidden points of pregnancy, said to be able to bring on labour; safe-practice "
        "guidance lists them for the whole pregnancy.",
        sources=("aacp2012", "carr2015", "deadman"),
        points=("LI4", "SP6", "BL60", "BL67"),
    ),
    PregnancyRule(
        id="sacral_foramina",
        says="BL31 to BL34, over the sacral foramina, are avoided for the whole pregnancy.",
        sources=("aacp2012", "carr2015"),
        points=("BL31", "BL32", "BL33", "BL34"),
    ),
    PregnancyRule(
        id="textbook_contraindicated",
        says="GB21 Jianjing, ST12 Quepen and CV1 Huiyin are contraindicated in pregnancy in "
        "the acupuncture textbooks.",
        sources=("deadman", "iaomai"),
        points=("GB21", "ST12", "CV1"),
    ),
    PregnancyRule(
        id="lower_abdomen_lumbosacral",
        says="Points of the lower abdomen (with the groin) and of the lumbosacral region "
        "are not needled: the WHO guideline names them for the first trimester and keeps "
        "the lumbosacral region after it; this library keeps the lower abdomen too.",
        sources=("who1999",),
        areas=("abdomen.lower", "groin", "back.lumbar", "back.sacral"),
        witnesses=(
            "CV2",
            "CV3",
            "CV4",
            "CV5",
            "CV6",
            "CV7",
            "KI11",
            "KI12",
            "KI13",
            "KI14",
            "ST26",
            "ST27",
            "ST28",
            "ST29",
            "ST30",
            "BL23",
            "BL25",
            "GV3",
            "GV4",
            "BL27",
            "BL28",
            "GV2",
        ),
    ),
    PregnancyRule(
        id="sacrococcygeal",
        says="The points beside and at the tip of the coccyx (BL35 Huiyang, GV1 Changqiang) "
        "belong to the sacrococcygeal region the WHO guideline keeps free of needles.",
        sources=("who1999", "who2008"),
        points=("BL35", "GV1"),
    ),
    PregnancyRule(
        id="upper_abdomen_from_the_fourth_month",
        says="From the fourth month (week 13) the points of the upper abdomen are avoided as well.",
        sources=("who1999",),
        first=13,
        areas=("abdomen.upper",),
        witnesses=(
            "CV10",
            "CV11",
            "CV12",
            "CV13",
            "CV14",
            "ST19",
            "ST20",
            "ST21",
            "ST22",
            "KI17",
            "KI18",
            "KI19",
            "KI20",
            "KI21",
            "SP16",
        ),
    ),
)


def forbidden_in_pregnancy(week: int | None) -> tuple[frozenset[str], frozenset[str]]:
    """The point codes and the areas (region ids) not needled in pregnancy at ``week``
    (1 to 42, or None when the week is not known: every rule)."""
    if week is not None and not FIRST_WEEK <= week <= LAST_WEEK:
        raise ValueError(f"a week of pregnancy is {FIRST_WEEK} to {LAST_WEEK}, got {week}")
    rules = [r for r in PREGNANCY if r.holds(week)]
    return (
        frozenset(c for r in rules for c in r.points),
        frozenset(a for r in rules for a in r.areas),
    )


# --------------------------------------------------------------------------- structures
@dataclass(frozen=True)
class StructureFact:
    """Points over ``structure``: each must carry a caution naming it."""

    structure: str
    points: tuple[str, ...]
    says: str
    sources: tuple[str, ...]


STRUCTURES: tuple[StructureFact, ...] = (
    StructureFact(
        structure="lung",
        points=(
            "GB21",
            "SI15",
            "LU1",
            "LU2",
            "ST13",
            "ST14",
            "ST15",
            "ST16",
            "ST18",
            *(f"KI{i}" for i in range(22, 28)),
            *(f"BL{i}" for i in range(11, 22)),
            *(f"BL{i}" for i in range(41, 51)),
        ),
        says="Over the chest wall, the upper back and the top of the shoulder the pleura "
        "lies a short way under the skin: deep needling can collapse a lung.",
        sources=("who1999", "deadman"),
    ),
    StructureFact(
        structure="artery",
        points=("ST9", "LU9", "HT7", "ST42", "SP11", "ST12"),
        says="ST9 lies on the carotid artery, LU9 on the radial artery, HT7 beside the ulnar "
        "artery, ST42 on the dorsalis pedis artery, SP11 over the femoral artery and ST12 "
        "above the subclavian artery.",
        sources=("who2008", "deadman"),
    ),
    StructureFact(
        structure="eye",
        points=("BL1", "ST1", "EX-HN7"),
        says="BL1, ST1 and EX-HN7 are needled into the orbit beside the eyeball.",
        sources=("who2008", "deadman"),
    ),
    StructureFact(
        structure="medulla",
        points=("GV15", "GV16"),
        says="Under GV15 and GV16 the medulla oblongata lies a few centimetres deep.",
        sources=("deadman", "iaomai"),
    ),
    StructureFact(
        structure="spinal_cord",
        points=("GV15", "GV16", "GB20", "GV14"),
        says="Under the suboccipital points and between the cervical spinous processes a "
        "deep needle can reach the spinal cord.",
        sources=("deadman", "iaomai"),
    ),
)

NEVER_NEEDLED: dict[str, str] = {
    "ST17": "Ruzhong, on the nipple: a landmark only, not needled or moxibusted (WHO 2008).",
    "CV8": "Shenque, in the navel: not needled, moxibustion only (WHO 2008).",
}


# --------------------------------------------------------------------------- conditions
@dataclass(frozen=True)
class ConditionFact:
    """What a condition of the patient must do to a selection. ``patient`` holds the
    Patient fields that give it; ``side`` is the side the points are needled on when it
    matters (lymphoedema)."""

    condition: str
    says: str
    sources: tuple[str, ...]
    patient: dict[str, Any] = field(default_factory=dict)
    side: str | None = None
    withholds_all: bool = False
    refer_first: bool = False
    excludes: tuple[str, ...] = ()
    keeps: tuple[str, ...] = ()
    caution_everywhere: bool = False
    caution_at: tuple[str, ...] = ()
    protocol_words: tuple[str, ...] = ()

    def make_patient(self) -> Patient:
        from ..safety import Patient

        return Patient(**(self.patient or {self.condition: True}))


_VESSELS = ("ST9", "LU9", "ST42")  # on the carotid, radial and dorsalis pedis arteries
_PRICKED = ("EX-HN12", "EX-HN13", "EX-UE10")  # only pricked (to bleed or press out fluid)

CONDITIONS: tuple[ConditionFact, ...] = (
    ConditionFact(
        condition="pregnant",
        says="Pregnancy: the points and areas of PREGNANCY are left out and a protocol step "
        "says to treat only with the midwife's or doctor's agreement.",
        sources=("who1999", "aacp2012"),
        patient={"pregnant": True, "pregnancy_week": 20},
        excludes=("LI4", "SP6", "BL60", "BL67", "CV4", "CV12"),
        keeps=("ST36", "LI11"),
        protocol_words=("labour",),
    ),
    ConditionFact(
        condition="anticoagulants",
        says="On anticoagulants, points on a large artery and points that are only pricked "
        "to bleed are left out, and every needle is inserted shallowly with pressure after.",
        sources=("bacc_anticoag",),
        excludes=_VESSELS + _PRICKED,
        keeps=("ST36", "LI11"),
        caution_everywhere=True,
    ),
    ConditionFact(
        condition="bleeding_disorder",
        says="A severe bleeding disorder is a contraindication in the WHO guideline: the "
        "haematologist first; points on large vessels left out.",
        sources=("who1999", "sierpina2005"),
        refer_first=True,
        excludes=_VESSELS + _PRICKED,
        keeps=("ST36",),
        caution_everywhere=True,
    ),
    ConditionFact(
        condition="low_platelets",
        says="A low platelet count: the cancer or blood team's agreement first; shallow "
        "needles, points on large vessels left out.",
        sources=("cybularz2015", "sierpina2005"),
        refer_first=True,
        excludes=_VESSELS + _PRICKED,
        keeps=("ST36",),
        caution_everywhere=True,
    ),
    ConditionFact(
        condition="fever",
        says="A fever is treated first: no acupuncture during an active infection.",
        sources=("sierpina2005", "physiopedia_contra"),
        withholds_all=True,
    ),
    ConditionFact(
        condition="acute_illness",
        says="An acute illness, infection or sepsis comes first: no acupuncture now.",
        sources=("sierpina2005", "physiopedia_contra"),
        withholds_all=True,
    ),
    ConditionFact(
        condition="cannot_consent",
        says="Acupuncture needs informed consent and a person who can keep still.",
        sources=("sierpina2005", "goldfields_physio"),
        withholds_all=True,
    ),
    ConditionFact(
        condition="unstable_spine",
        says="An unstable spine: the treating doctor first; no needles over the spine and the "
        "muscles beside it, whose spasm protects the cord.",
        sources=("docsarahb", "physiopedia_contra"),
        refer_first=True,
        excludes=("GV4", "BL23", "GV14", "EX-B2", "BL10"),
        keeps=("LI4", "ST36"),
    ),
    ConditionFact(
        condition="tumour_sites",
        says="No needle where there is a tumour.",
        sources=("physiopedia_contra", "docsarahb"),
        patient={"tumour_sites": ("hand.dorsum",)},
        excludes=("LI4", "TE3"),
        keeps=("ST36", "LI11"),
    ),
    ConditionFact(
        condition="joint_prostheses",
        says="No needle over a joint replacement (infections of replaced knees after "
        "needling are reported).",
        sources=("bmas2021_arthroplasty",),
        patient={"joint_prostheses": ("knee",)},
        excludes=("ST35", "EX-LE5"),
        keeps=("ST36", "LI4"),
    ),
    ConditionFact(
        condition="skin_lesions",
        says="No needle through broken, ulcerated or infected skin.",
        sources=("sierpina2005", "who1999"),
        patient={"skin_lesions": ("hand.dorsum",)},
        excludes=("LI4", "TE3"),
        keeps=("ST36",),
    ),
    ConditionFact(
        condition="lymphoedema",
        says="No needle in a limb with lymphoedema or at risk of it; the other limbs are needled.",
        sources=("lymphoedema_framework",),
        patient={"lymphoedema": ("left_arm",)},
        side="left",
        excludes=("LI4", "LI11", "PC6", "HT7"),
        keeps=("ST36", "SP6"),
    ),
    ConditionFact(
        condition="diabetic_foot",
        says="Diabetic foot or poor circulation: needle wounds on the foot heal badly (a "
        "caution on every foot and ankle point), and no heat on numb legs.",
        sources=("nice_ng19", "who1999"),
        caution_at=("LR3", "KI3", "ST41", "BL60"),
        keeps=("LR3", "KI3"),
        protocol_words=("heat",),
    ),
    ConditionFact(
        condition="immunosuppressed",
        says="A suppressed immune system: strict asepsis at every point; no pricking to bleed.",
        sources=("sierpina2005",),
        excludes=_PRICKED,
        keeps=("ST36",),
        caution_everywhere=True,
    ),
    ConditionFact(
        condition="pacemaker",
        says="A pacemaker: no electro-acupuncture; the points are unchanged.",
        sources=("vasilakos2011",),
        keeps=("LI4", "ST36", "PC6"),
        protocol_words=("electro",),
    ),
    ConditionFact(
        condition="epilepsy",
        says="Epilepsy: no electro-acupuncture.",
        sources=("bacc_epilepsy",),
        keeps=("LI4", "ST36"),
        protocol_words=("electro",),
    ),
    ConditionFact(
        condition="metal_allergy",
        says="Metal allergy: stainless steel needles contain nickel; use another metal.",
        sources=("torres2009",),
        keeps=("LI4", "ST36"),
        protocol_words=("nickel",),
    ),
    ConditionFact(
        condition="fainting",
        says="Prone to fainting: treat lying down with few needles.",
        sources=("who1999",),
        keeps=("LI4", "ST36"),
        protocol_words=("lying down",),
    ),
)

#: A patient's symptom field -> the red flag it raises (and its urgency).
RED_FLAG_FIELDS: dict[str, tuple[str, str]] = {
    "saddle_numbness": ("cauda_equina", "emergency"),
    "bladder_bowel_change": ("cauda_equina", "emergency"),
    "sudden_one_sided": ("stroke", "emergency"),
    "ascending_weakness": ("ascending_weakness", "urgent"),
    "progressive_weakness": ("progressive_weakness", "urgent"),
    "foot_wound": ("foot_wound", "urgent"),
    "fever": ("systemic_illness", "urgent"),
    "weight_loss": ("systemic_illness", "urgent"),
    "cancer_history": ("cancer_history", "soon"),
    "recent_injury": ("after_injury", "urgent"),
}


# --------------------------------------------------------------------------- checks
def _inside(kb: KnowledgeBase, point: Point, areas: frozenset[str]) -> bool:
    return any(kb.anatomy.within(point.location.region, a) for a in areas)


def oracle_excludes(kb: KnowledgeBase, point: Point, patient: Patient | None) -> set[str]:
    """The conditions under which the oracle says ``point`` must not be offered to
    ``patient`` (``not_needled`` for everyone): pregnancy by :data:`PREGNANCY`, the others
    by the ``excludes`` witnesses of :data:`CONDITIONS`. A subset of what the library may
    leave out: it may leave out more."""
    out: set[str] = set()
    if point.code in NEVER_NEEDLED:
        out.add("not_needled")
    if patient is None:
        return out
    if patient.pregnant:
        points, areas = forbidden_in_pregnancy(patient.pregnancy_week)
        if point.code in points or _inside(kb, point, areas):
            out.add("pregnant")
    for fact in CONDITIONS:
        if fact.condition == "pregnant" or point.code not in fact.excludes:
            continue
        if fact.condition in ("tumour_sites", "joint_prostheses", "skin_lesions"):
            sites = getattr(patient, fact.condition)
            if set(sites) == set(fact.patient[fact.condition]):
                out.add(fact.condition)
        elif fact.condition == "lymphoedema":
            continue  # depends on the side: see ConditionFact.side
        elif getattr(patient, fact.condition):
            out.add(fact.condition)
    return out


def library_exclusions(
    kb: KnowledgeBase, point: Point, patient: Patient | None, side: str | None = "unspecified"
) -> set[str]:
    """The engine's decision for one point: the conditions (and ``not_needled``) that
    leave ``point`` out for ``patient`` when needled on ``side``. This is what a selection
    applies to every candidate, without making the selection."""
    from ..safety import effect_matcher, patient_effects, standing_exclusions

    out = {c.id for c, _, matches in standing_exclusions(kb) if matches(point, side)}
    for cond, eff in patient_effects(kb, patient):
        assert patient is not None
        if eff.action == "exclude" and effect_matcher(kb, eff, patient)(point, side):
            out.add(cond.id)
    return out


def oracle_violations(
    selection: Selection, patient: Patient | None = None, kb: KnowledgeBase | None = None
) -> list[str]:
    """Every way ``selection`` contradicts the hand-written facts of this module, one
    sentence each (empty when it agrees). Unlike :func:`acupoints.testing.safety_violations`
    it uses neither ``safety.yaml`` nor the library's matcher."""
    if kb is None:
        from .. import load

        kb = load()
    patient = patient if patient is not None else selection.patient
    out: list[str] = []
    for rp in selection.points:
        for why in sorted(oracle_excludes(kb, rp.point, patient)):
            out.append(f"{rp.code} is offered, but the oracle forbids it ({why})")
    if patient is None:
        return out
    conditions = set(patient.conditions())
    facts = [f for f in CONDITIONS if f.condition in conditions]
    withholding = [f.condition for f in facts if f.withholds_all]
    if withholding and selection.points:
        out.append(f"points are offered to a patient who is not a candidate ({withholding})")
    for f in facts:
        if f.withholds_all and f.condition not in {c.condition for c in selection.not_a_candidate}:
            out.append(f"{f.condition} does not say the patient is not a candidate")
        steps = [s for s in selection.protocol if s.id == f"patient.{f.condition}"]
        for word in f.protocol_words:
            if selection.points and not any(word in s.text.lower() for s in steps):
                out.append(f"no protocol step of {f.condition} says {word!r}")
        first = selection.protocol[0] if selection.protocol else None
        if (
            f.refer_first
            and not withholding
            and not selection.emergency
            and (
                first is None
                or first.id != f"patient.{f.condition}"
                or "refer" not in first.title.lower()
            )
        ):
            out.append(f"{f.condition} does not send the patient to a doctor first")
        for rp in selection.points:
            carried = {w.origin for w in rp.cautions}
            if f.caution_everywhere and f.condition not in carried:
                out.append(f"{rp.code} lacks a caution of {f.condition}")
            if rp.code in f.caution_at and f.condition not in carried:
                out.append(f"{rp.code} lacks the {f.condition} caution")
    for fact in STRUCTURES:
        for rp in selection.points:
            if rp.code in fact.points and not any(
                w.structure == fact.structure for w in rp.cautions
            ):
                out.append(f"{rp.code} lacks its caution about the {fact.structure}")
    return out
