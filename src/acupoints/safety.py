"""Safety: the patient, what their conditions do to a selection, red flags, aftercare.

``data/safety.yaml`` holds the facts: patient conditions and their effects (exclude points,
add cautions, change the protocol), the red flags that need a doctor first, the aftercare
and the usual risks, each with sources. This module holds their models and applies them;
:mod:`acupoints.engine` calls it for every selection, with or without a patient.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Literal
from weakref import WeakKeyDictionary

from pydantic import Field, model_validator

from ._fast import construct
from ._record import Record
from .models import Caution, Point, RegionId, RegionRef, SourceIds
from .vocab import CautionKind, Structure

if TYPE_CHECKING:
    from .kb import KnowledgeBase
    from .models import Location

__all__ = [
    "AdviceItem",
    "ConditionEffect",
    "Exclusion",
    "Patient",
    "PatientCondition",
    "PointWarning",
    "RedFlag",
    "RedFlagRule",
    "detect_red_flags",
    "patient_effects",
]

LimbSide = Literal["left_arm", "right_arm", "left_leg", "right_leg"]
Urgency = Literal["emergency", "urgent", "soon"]
PointCode = Annotated[str, Field(pattern=r"^([A-Z]{2}[1-9]\d*|EX-(HN|CA|B|UE|LE)[1-9]\d*)$")]


class Patient(Record):
    """What is known about the person, as far as it changes which points are safe.

    Every field defaults to "no" or "none". Pass it as ``select(..., patient=...)``.

    ```pycon
    >>> import acupoints
    >>> p = acupoints.Patient(pregnant=True, pregnancy_week=20, pacemaker=True)
    >>> p.trimester
    2

    ```
    """

    pregnant: bool = Field(default=False, description="Pregnant.")
    pregnancy_week: int | None = Field(
        default=None, ge=1, le=45, description="Week of pregnancy, if known."
    )
    anticoagulants: bool = Field(default=False, description="Takes anticoagulant drugs.")
    bleeding_disorder: bool = Field(default=False, description="Has a bleeding disorder.")
    pacemaker: bool = Field(
        default=False, description="Has a pacemaker or another implanted electrical device."
    )
    skin_lesions: tuple[RegionId, ...] = Field(
        default=(), description="Regions with broken skin, an ulcer or an infection."
    )
    lymphoedema: tuple[LimbSide, ...] = Field(
        default=(), description="Limbs with (or at risk of) lymphoedema."
    )
    diabetic_foot: bool = Field(
        default=False, description="Diabetic foot disease or poor circulation in the feet."
    )
    immunosuppressed: bool = Field(default=False, description="Immune system suppressed.")
    metal_allergy: bool = Field(default=False, description="Allergic to metals (nickel).")
    fainting: bool = Field(
        default=False, description="Has fainted with needles before, or is afraid of needles."
    )
    epilepsy: bool = Field(default=False, description="Has epilepsy.")
    # facts that raise red flags
    saddle_numbness: bool = Field(default=False, description="Numb saddle area.")
    bladder_bowel_change: bool = Field(default=False, description="New bladder or bowel trouble.")
    sudden_one_sided: bool = Field(
        default=False, description="Sudden numbness or weakness of one side of the body or face."
    )
    progressive_weakness: bool = Field(
        default=False, description="Weakness getting worse, or foot drop."
    )
    ascending_weakness: bool = Field(
        default=False, description="Weakness spreading up from the feet over days."
    )
    foot_wound: bool = Field(
        default=False, description="A wound, ulcer or infection on a numb foot."
    )
    fever: bool = Field(default=False, description="Fever with the numbness.")
    weight_loss: bool = Field(default=False, description="Unexplained weight loss.")
    cancer_history: bool = Field(default=False, description="History of cancer.")
    recent_injury: bool = Field(default=False, description="Numbness began after an injury.")

    @model_validator(mode="after")
    def _check_pregnancy(self) -> Patient:
        if self.pregnancy_week is not None and not self.pregnant:
            raise ValueError("pregnancy_week is given but pregnant is False")
        return self

    @property
    def trimester(self) -> int | None:
        """1, 2 or 3 from ``pregnancy_week``; None when unknown or not pregnant."""
        if not self.pregnant or self.pregnancy_week is None:
            return None
        return 1 if self.pregnancy_week <= 13 else 2 if self.pregnancy_week <= 27 else 3

    def conditions(self) -> tuple[str, ...]:
        """Names of the fields that are set."""
        out = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if value and name != "pregnancy_week":
                out.append(name)
        return tuple(out)


class ConditionEffect(Record):
    """What a patient condition does: exclude points, add a caution, or change the protocol."""

    action: Literal["exclude", "caution", "protocol"]
    points: tuple[PointCode, ...] = Field(default=(), description="These points.")
    regions: tuple[RegionId, ...] = Field(default=(), description="Points in these regions.")
    point_cautions: tuple[CautionKind, ...] = Field(
        default=(), description="Points whose own cautions include one of these kinds."
    )
    structures: tuple[Structure, ...] = Field(
        default=(), description="Points whose own cautions name one of these structures."
    )
    prick_only: bool = Field(
        default=False, description="Points whose only needling method is pricking to bleed."
    )
    patient_regions: bool = Field(
        default=False, description="Points in the regions of the patient's `skin_lesions`."
    )
    patient_limbs: bool = Field(
        default=False, description="Points on the limbs of the patient's `lymphoedema`."
    )
    all_points: bool = Field(default=False, description="Every point (for a caution).")
    from_week: int | None = Field(default=None, ge=1, description="From this week of pregnancy.")
    note: str = Field(min_length=10, description="What and why, in this library's words.")
    sources: SourceIds


class PatientCondition(Record):
    """A patient condition (a :class:`Patient` field) and its effects."""

    id: str = Field(pattern=r"^[a-z_]+$", description="The Patient field it reads.")
    name: str = Field(min_length=3)
    effects: tuple[ConditionEffect, ...] = Field(min_length=1)


class Trigger(Record):
    """Words that raise a red flag: every group must have a phrase in the text, not negated
    (with ``same_clause``, all in one clause: "an ulcer on my heel", not "numb feet, and a
    bladder infection")."""

    all: tuple[tuple[str, ...], ...] = Field(min_length=1)
    same_clause: bool = Field(default=False, description="All groups within one clause.")


class RedFlagRule(Record):
    """A symptom that needs a doctor before, or instead of, acupuncture."""

    id: str = Field(pattern=r"^[a-z_]+$")
    name: str = Field(min_length=3)
    urgency: Urgency
    advice: str = Field(min_length=10, description="What to do, in this library's words.")
    triggers: tuple[Trigger, ...] = Field(default=(), description="Word patterns.")
    regions: tuple[RegionId, ...] = Field(default=(), description="Numb regions that raise it.")
    fields: tuple[str, ...] = Field(default=(), description="Patient fields that raise it.")
    causes: tuple[str, ...] = Field(default=(), description="Causes that raise it.")
    sources: SourceIds


class AdviceItem(Record):
    """An item of aftercare or a risk of acupuncture."""

    id: str = Field(pattern=r"^[a-z_]+$")
    title: str = Field(min_length=3)
    text: str = Field(min_length=10)
    sources: SourceIds


class RedFlag(Record):
    """A red flag raised for a selection."""

    id: str
    name: str
    urgency: Urgency
    advice: str
    matched: tuple[str, ...] = Field(description="The words, region or field that raised it.")
    sources: tuple[str, ...]


class Exclusion(Record):
    """A point left out of a selection, and why."""

    code: str
    reasons: tuple[str, ...] = Field(description="Why, one sentence per condition.")
    conditions: tuple[str, ...] = Field(description="Patient conditions (or red flags) behind it.")
    sources: tuple[str, ...]


class PointWarning(Record):
    """A caution that goes with a selected point: its own or the patient's."""

    origin: str = Field(description="'point' for the point's own cautions, else the condition.")
    kind: CautionKind
    structure: Structure | None = None
    note: str
    max_depth_cun: float | None = None
    sources: tuple[str, ...]

    @classmethod
    def of(cls, caution: Caution) -> PointWarning:
        return cls(
            origin="point",
            kind=caution.kind,
            structure=caution.structure,
            note=caution.note,
            max_depth_cun=caution.max_depth_cun,
            sources=caution.sources,
        )


# --------------------------------------------------------------------------- effects
def _limb_side_regions(limb: str) -> tuple[str, str]:
    side, part = limb.split("_")
    return side, "upper_limb" if part == "arm" else "lower_limb"


def effect_matches(
    kb: KnowledgeBase, effect: ConditionEffect, point: Point, patient: Patient, side: str | None
) -> bool:
    """Whether ``effect`` concerns ``point`` for this patient (``side``: where it would be
    needled: left, right, both, midline or unspecified)."""
    return effect_matcher(kb, effect, patient)(point, side)


def effect_matcher(
    kb: KnowledgeBase, effect: ConditionEffect, patient: Patient
) -> Callable[[Point, str | None], bool]:
    """:func:`effect_matches` with the effect and the patient fixed: a test of (point,
    side), for checking the many candidates of one selection."""
    week = patient.pregnancy_week
    if effect.from_week is not None and week is not None and week < effect.from_week:
        return _never
    concerned = _concerned(kb, effect)
    point_map = kb.point_map
    anatomy = kb.anatomy
    lesions = patient.skin_lesions if effect.patient_regions else ()
    limbs = (
        [_limb_side_regions(limb) for limb in patient.lymphoedema] if effect.patient_limbs else []
    )

    def matches(point: Point, side: str | None) -> bool:
        if point_map.get(point.code) is point:
            if point.code in concerned:
                return True
        elif _concerns(kb, effect, point):  # a point from elsewhere: work it out
            return True
        if not (lesions or limbs):
            return False
        region = point.location.region
        if any(anatomy.within(region, r) for r in lesions):
            return True
        return any(
            anatomy.within(region, root) and side in (limb_side, "both", "unspecified", None)
            for limb_side, root in limbs
        )

    return matches


def _never(point: Point, side: str | None) -> bool:
    return False


def _concerns(kb: KnowledgeBase, effect: ConditionEffect, point: Point) -> bool:
    """The part of :func:`effect_matches` that does not depend on the patient."""
    if effect.all_points or point.code in effect.points:
        return True
    region = point.location.region
    if any(kb.anatomy.within(region, r) for r in effect.regions):
        return True
    if effect.point_cautions and any(c.kind in effect.point_cautions for c in point.cautions):
        return True
    if effect.structures and any(c.structure in effect.structures for c in point.cautions):
        return True
    return bool(
        effect.prick_only and point.needling and all(n.angle == "prick" for n in point.needling)
    )


_CONCERNED: WeakKeyDictionary[KnowledgeBase, dict[int, tuple[ConditionEffect, frozenset[str]]]] = (
    WeakKeyDictionary()
)


def _concerned(kb: KnowledgeBase, effect: ConditionEffect) -> frozenset[str]:
    """The codes of the knowledge base's points that ``effect`` concerns whoever the patient
    is (its points, regions, caution kinds, structures, prick-only points): worked out once
    per effect, so a batch of patients checks each candidate with one set lookup."""
    table = _CONCERNED.get(kb)
    if table is None:
        table = _CONCERNED.setdefault(kb, {})
    found = table.get(id(effect))
    if found is None or found[0] is not effect:  # the effect is kept, so its id stays its own
        found = (effect, frozenset(p.code for p in kb.points if _concerns(kb, effect, p)))
        table[id(effect)] = found
    return found[1]


def patient_effects(
    kb: KnowledgeBase, patient: Patient | None
) -> list[tuple[PatientCondition, ConditionEffect]]:
    """The (condition, effect) pairs that apply to ``patient``."""
    if patient is None:
        return []
    out: list[tuple[PatientCondition, ConditionEffect]] = []
    for cond in kb.safety_conditions:
        if getattr(patient, cond.id, False):
            out.extend((cond, e) for e in cond.effects)
    return out


# --------------------------------------------------------------------------- red flags
_TEXT_HITS: WeakKeyDictionary[KnowledgeBase, dict[str, dict[str, tuple[str, ...]]]] = (
    WeakKeyDictionary()
)
_URGENCY = {"emergency": 0, "urgent": 1, "soon": 2}


def _text_hits(kb: KnowledgeBase, text: str) -> dict[str, tuple[str, ...]]:
    """Red-flag id -> the words of ``text`` that raise it, as the text reader found them
    (:mod:`acupoints.text`: concepts with lay, clinical and misspelt words, and the word
    triggers of this file, each in its context: a negated, hypothetical or someone else's
    mention raises nothing). A concept that raises the urgency adds ``urgency:<level>``."""
    memo = _TEXT_HITS.get(kb)
    if memo is None:
        memo = _TEXT_HITS.setdefault(kb, {})
    found = memo.get(text)
    if found is not None:
        return found
    from .text.reader import read

    hits: dict[str, list[str]] = {}
    for f in read(kb, text).flags:
        if f.context:
            continue
        hits.setdefault(f.id, []).append(f.words)
        if f.urgency is not None:
            hits[f.id].append(f"urgency:{f.urgency}")
    found = {k: tuple(dict.fromkeys(v)) for k, v in hits.items()}
    if len(memo) > 4096:
        memo.clear()
    memo[text] = found
    return found


_REGION_FLAGS: WeakKeyDictionary[KnowledgeBase, dict[str, frozenset[str]]] = WeakKeyDictionary()


def _region_flags(kb: KnowledgeBase, refs: Iterable[RegionRef]) -> list[tuple[str, frozenset[str]]]:
    """Each numb region with the red-flag rules whose regions hold it (a per-data table)."""
    table = _REGION_FLAGS.get(kb)
    if table is None:
        table = _REGION_FLAGS.setdefault(kb, {})
    out = []
    for ref in refs:
        ids = table.get(ref.region)
        if ids is None:
            within = kb.anatomy.within
            ids = table[ref.region] = frozenset(
                rule.id
                for rule in kb.red_flag_rules
                if any(within(ref.region, r) for r in rule.regions)
            )
        out.append((ref.region, ids))
    return out


def detect_red_flags(
    kb: KnowledgeBase,
    text: str | None,
    location: Location | None,
    patient: Patient | None,
    cause: str | None = None,
) -> tuple[RedFlag, ...]:
    """Red flags raised by the description, the numb regions, the patient and the cause;
    most urgent first, then in the order of ``safety.yaml``."""
    words = _text_hits(kb, text) if text else {}
    found: list[RedFlag] = []
    flagged = _region_flags(kb, location.regions) if location is not None else ()
    for rule in kb.red_flag_rules:
        matched: list[str] = list(words.get(rule.id, ()))
        urgency = rule.urgency
        for word in [w for w in matched if w.startswith("urgency:")]:
            matched.remove(word)
            if _URGENCY[word[8:]] < _URGENCY[urgency]:
                urgency = word[8:]  # type: ignore[assignment]
        for region, ids in flagged:
            if rule.id in ids:
                matched.append(f"numb region {region}")
        if patient is not None:
            matched += [f"patient.{f}" for f in rule.fields if getattr(patient, f, False)]
        if cause is not None and cause in rule.causes:
            matched.append(f"cause {cause}")
        if matched:
            found.append(
                construct(
                    RedFlag,
                    id=rule.id,
                    name=rule.name,
                    urgency=urgency,
                    advice=rule.advice,
                    matched=tuple(dict.fromkeys(matched)),
                    sources=rule.sources,
                )
            )
    return tuple(sorted(found, key=lambda f: _URGENCY[f.urgency]))


def risks(kb: KnowledgeBase) -> tuple[AdviceItem, ...]:
    """The usual risks of acupuncture and who is not a candidate, with sources."""
    return kb.risk_items


def not_checked(kb: KnowledgeBase) -> str:
    """The note a selection carries when no patient was given."""
    names = ", ".join(c.name for c in kb.safety_conditions)
    return (
        "No patient was given, so these were not checked: "
        + names
        + ". Every point still carries its own cautions."
    )


_OWN: dict[int, tuple[Point, tuple[PointWarning, ...]]] = {}


def cautions_for(point: Point, extra: Iterable[PointWarning]) -> tuple[PointWarning, ...]:
    """The point's own cautions, then the patient's."""
    # the point's own warnings never change: build them once per point object (the point
    # is kept in the cache, so its id cannot be reused by another object)
    cached = _OWN.get(id(point))
    if cached is None or cached[0] is not point:
        cached = (point, tuple(PointWarning.of(c) for c in point.cautions))
        if len(_OWN) > 50_000:
            _OWN.clear()
        _OWN[id(point)] = cached
    return cached[1] + tuple(extra)
