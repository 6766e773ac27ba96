"""Safety: the patient, what their conditions do to a selection, red flags, aftercare.

``data/safety.yaml`` holds the facts: patient conditions and their effects (exclude points,
add cautions, change the protocol), the red flags that need a doctor first, the aftercare
and the usual risks, each with sources. This module holds their models and applies them;
:mod:`acupoints.engine` calls it for every selection, with or without a patient.
"""

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, Literal
from weakref import WeakKeyDictionary

from pydantic import Field, ValidationError, model_validator

from ._fast import construct, trusted
from ._record import Record, made_on_first_use
from .errors import PatientError
from .models import Caution, Point, RegionId, RegionRef, SourceIds
from .vocab import CautionKind, Structure

if TYPE_CHECKING:
    from ._models_rare import DangerZone
    from .kb import KnowledgeBase
    from .models import Location

__all__ = [
    "AdviceItem",
    "ConditionEffect",
    "DangerZone",
    "Exclusion",
    "NotACandidate",
    "Patient",
    "PatientCondition",
    "PointWarning",
    "RedFlag",
    "RedFlagRule",
    "aftercare_for",
    "check_patient",
    "check_regions",
    "detect_red_flags",
    "not_a_candidate",
    "patient_effects",
    "standing_exclusions",
]

LimbSide = Literal["left_arm", "right_arm", "left_leg", "right_leg"]
Urgency = Literal["emergency", "urgent", "soon"]
PointCode = Annotated[str, Field(pattern=r"^([A-Z]{2}[1-9]\d*|EX-(HN|CA|B|UE|LE)[1-9]\d*)$")]
RegionField = Literal["skin_lesions", "tumour_sites", "joint_prostheses"]
"""The Patient fields that hold region ids (sites the patient names)."""
REGION_FIELDS: tuple[RegionField, ...] = ("skin_lesions", "tumour_sites", "joint_prostheses")
Action = Literal["not_a_candidate", "refer_first", "exclude", "caution", "protocol"]
"""What a condition does: no points at all (`not_a_candidate`); a doctor first
(`refer_first`, a step at the head of the protocol); leave points or an area out
(`exclude`, the issue's exclude_area); a caution on points (`caution`); a change to the
treatment (`protocol`, the issue's change_protocol)."""


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
    fever: bool = Field(default=False, description="Has a fever now.")
    acute_illness: bool = Field(
        default=False, description="An acute illness or infection now, sepsis included."
    )
    unstable_spine: bool = Field(
        default=False,
        description="An unstable spine or a spinal fracture that has not been cleared.",
    )
    tumour_sites: tuple[RegionId, ...] = Field(
        default=(), description="Regions with a tumour (a cancer or its spread) at the site."
    )
    joint_prostheses: tuple[RegionId, ...] = Field(
        default=(), description="Regions with a joint replacement or other implant near the skin."
    )
    cannot_consent: bool = Field(
        default=False,
        description="Cannot give informed consent, or cannot keep still and cooperate "
        "(confusion, delusions, uncontrolled movements).",
    )
    low_platelets: bool = Field(
        default=False, description="A low platelet count (thrombocytopenia)."
    )
    weight_loss: bool = Field(default=False, description="Unexplained weight loss.")
    cancer_history: bool = Field(default=False, description="History of cancer.")
    recent_injury: bool = Field(default=False, description="Numbness began after an injury.")

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise _patient_error(exc) from None

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> "Patient":
        """Validate a mapping of fields; a bad value raises :class:`PatientError`."""
        try:
            return super().model_validate(obj, **kwargs)
        except ValidationError as exc:
            raise _patient_error(exc) from None

    @classmethod
    def from_dict(cls, data: Any) -> "Patient":
        """Rebuild a patient from :meth:`to_dict` output; a bad field raises
        :class:`~acupoints.DataError` naming it, as for every record."""
        from .errors import DataError

        try:
            return cls.model_validate(data)
        except PatientError as exc:
            raise DataError(exc.detail, entry="Patient", field=exc.field) from None

    @model_validator(mode="after")
    def _check_pregnancy(self) -> "Patient":
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

    def __repr__(self) -> str:
        """Short: the fields that are set (``model_dump()`` has every field)."""
        fields = type(self).model_fields
        shown = [f"{n}={getattr(self, n)!r}" for n in fields if getattr(self, n)]
        return f"<Patient {' '.join(shown) or 'with none of the conditions'}>"


def _patient_error(exc: ValidationError) -> PatientError:
    """The first problem of a Patient validation, as the library's error."""
    err = exc.errors(include_url=False)[0]
    inner = (err.get("ctx") or {}).get("error")
    if isinstance(inner, PatientError):  # raised by __init__ inside model_validate
        return inner
    field = ".".join(str(x) for x in err["loc"]) or "patient"
    if field == "patient" or not err["loc"]:
        field = "pregnancy_week" if "pregnancy_week" in str(err["msg"]) else "patient"
    msg = str(err["msg"]).removeprefix("Value error, ")
    if field in Patient.model_fields or field.split(".")[0] in Patient.model_fields:
        return PatientError(
            f"{msg}, got {err.get('input')!r}", field=field, value=err.get("input"), detail=msg
        )
    near = _near(field.split(".")[0], Patient.model_fields)
    return PatientError(msg, field=field, suggestions=near)


def _near(word: str, known: Iterable[str], n: int = 3) -> list[str]:
    from difflib import get_close_matches

    return get_close_matches(word, list(known), n=n, cutoff=0.5)


def check_patient(kb: "KnowledgeBase", patient: Patient) -> None:
    """Raise :class:`PatientError` when a region field of ``patient`` names a region the
    knowledge base does not know (``skin_lesions=("moon",)``): a site that matches nothing
    would silently exclude nothing. The error names the field and the nearest region ids."""
    for name in REGION_FIELDS:
        check_regions(kb, name, getattr(patient, name))


def check_regions(kb: "KnowledgeBase", field: str, values: Iterable[object]) -> None:
    """Raise :class:`PatientError` for the first of ``values`` that is not a region id of
    the knowledge base, naming ``field`` and suggesting the nearest region ids (matched
    on ids, names and the words people use: "back of hand" suggests 'hand.dorsum')."""
    values = tuple(values)
    if not values:
        return
    known = {r.id for r in kb.regions}
    for value in values:
        if value in known:
            continue
        words = {r.id: r.id for r in kb.regions}
        for r in kb.regions:
            for syn in (r.name, *(text for text, _ in r.phrases())):
                words.setdefault(syn.lower(), r.id)
        near = _near(str(value).lower().strip(), words, n=8)
        ids = list(dict.fromkeys(words[w] for w in near))[:4]
        raise PatientError(
            f"unknown region {value!r}; give region ids such as 'hand.dorsum'",
            field=field,
            value=value,
            suggestions=ids,
        )


class ConditionEffect(Record):
    """What a patient condition does: no points at all, a doctor first, exclude points,
    add a caution, or change the protocol."""

    action: Action
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
    patient_regions: RegionField | None = Field(
        default=None,
        description="Points in the regions the patient gives in this field "
        "(`skin_lesions`, `tumour_sites`, `joint_prostheses`).",
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
    structures: tuple[Structure, ...] = Field(
        default=(),
        description="Aftercare only: given when a selected point carries a caution for one "
        "of these structures (a lung caution: chest, upper back, above the collarbone); "
        "empty for every selection.",
    )
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
    def of(cls, caution: Caution) -> "PointWarning":
        return trusted(
            cls,
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
    kb: "KnowledgeBase", effect: ConditionEffect, point: Point, patient: Patient, side: str | None
) -> bool:
    """Whether ``effect`` concerns ``point`` for this patient (``side``: where it would be
    needled: left, right, both, midline or unspecified)."""
    return effect_matcher(kb, effect, patient)(point, side)


def effect_matcher(
    kb: "KnowledgeBase", effect: ConditionEffect, patient: Patient
) -> Callable[[Point, str | None], bool]:
    """:func:`effect_matches` with the effect and the patient fixed: a test of (point,
    side), for checking the many candidates of one selection."""
    week = patient.pregnancy_week
    if effect.from_week is not None and week is not None and week < effect.from_week:
        return _never
    concerned = _concerned(kb, effect)
    point_map = kb.point_map
    anatomy = kb.anatomy
    lesions = getattr(patient, effect.patient_regions) if effect.patient_regions else ()
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


def _concerns(kb: "KnowledgeBase", effect: ConditionEffect, point: Point) -> bool:
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


_CONCERNED: WeakKeyDictionary[
    "KnowledgeBase", dict[int, tuple[ConditionEffect, frozenset[str]]]
] = WeakKeyDictionary()


def _concerned(kb: "KnowledgeBase", effect: ConditionEffect) -> frozenset[str]:
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
    kb: "KnowledgeBase", patient: Patient | None
) -> list[tuple[PatientCondition, ConditionEffect]]:
    """The (condition, effect) pairs that apply to ``patient``."""
    if patient is None:
        return []
    out: list[tuple[PatientCondition, ConditionEffect]] = []
    for cond in kb.safety_conditions:
        if getattr(patient, cond.id, False):
            out.extend((cond, e) for e in cond.effects)
    return out


class NotACandidate(Record):
    """Why the patient gets no points now: a condition whose effect is
    ``not_a_candidate`` (fever, an acute illness, cannot consent ...)."""

    condition: str = Field(description="The Patient field behind it.")
    name: str = Field(description="The condition's name.")
    reason: str = Field(description="Why, and what to do instead.")
    sources: tuple[str, ...]


def not_a_candidate(
    effects: Iterable[tuple[PatientCondition, ConditionEffect]],
) -> tuple[NotACandidate, ...]:
    """The reasons, from the patient's (condition, effect) pairs, that no point may be
    offered now (empty when the patient is a candidate)."""
    if not effects:  # (no patient, or nothing of theirs applies: most selections)
        return ()
    return tuple(
        NotACandidate(condition=c.id, name=c.name, reason=e.note, sources=e.sources)
        for c, e in effects
        if e.action == "not_a_candidate"
    )


NOT_NEEDLED = "not_needled"
"""The condition id of :func:`standing_exclusions` in ``Exclusion.conditions``."""

_Standing = list[tuple[PatientCondition, ConditionEffect, Callable[[Point, str | None], bool]]]
_STANDING: "WeakKeyDictionary[KnowledgeBase, _Standing]" = WeakKeyDictionary()


def standing_exclusions(
    kb: "KnowledgeBase",
) -> list[tuple[PatientCondition, ConditionEffect, Callable[[Point, str | None], bool]]]:
    """Exclusions that hold for everyone, with or without a patient: every point a cited
    source says is not needled at all (a needling record with angle ``none``: ST17 on the
    nipple, CV8 in the navel). One (condition, effect, test) per such point, in the shape
    of the patient's exclusions, so the engine lists them in ``Selection.excluded`` with
    the reason and the sources of the record."""
    found = _STANDING.get(kb)
    if found is not None:
        return found
    out = []
    for p in kb.points:
        for n in p.needling:
            if n.angle != "none":
                continue
            note = n.note or "A cited source says this point is not needled."
            cond = trusted(
                PatientCondition,
                id=NOT_NEEDLED,
                name="never needled",
                effects=(
                    trusted(
                        ConditionEffect,
                        action="exclude",
                        points=(p.code,),
                        note=note,
                        sources=n.sources,
                    ),
                ),
            )
            eff = cond.effects[0]
            out.append((cond, eff, _never_needled(p.code)))
            break
    _STANDING[kb] = out
    return out


def _never_needled(code: str) -> Callable[[Point, str | None], bool]:
    def matches(point: Point, side: str | None) -> bool:
        return point.code == code and point.never_needled

    return matches


# --------------------------------------------------------------------------- red flags
_TEXT_HITS: "WeakKeyDictionary[KnowledgeBase, dict[str, dict[str, tuple[str, ...]]]]" = (
    WeakKeyDictionary()
)
_URGENCY = {"emergency": 0, "urgent": 1, "soon": 2}


def _reader() -> Callable[["KnowledgeBase", str], Any]:
    """The text reader's ``read``, imported on first use (the reader imports this
    module), then kept in :data:`_READ` (an import statement a text cost a microsecond)."""
    from .text.reader import read

    _READ.append(read)
    return read


_READ: list[Callable[["KnowledgeBase", str], Any]] = []


def _text_hits(kb: "KnowledgeBase", text: str) -> dict[str, tuple[str, ...]]:
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
    read = _READ[0] if _READ else _reader()
    hits: dict[str, list[str]] = {}
    for f in read(kb, text).flags:
        if f.context:
            continue
        hits.setdefault(f.id, []).append(f.words)
        if f.urgency is not None:
            hits[f.id].append(f"urgency:{f.urgency}")
    # (a text that raises no flag, most of them, keeps the one empty table: none kept a text)
    found = {k: tuple(dict.fromkeys(v)) for k, v in hits.items()} if hits else _NO_HITS
    if len(memo) > 4096:
        memo.clear()
    memo[text] = found
    return found


_NO_HITS: dict[str, tuple[str, ...]] = {}
"""What :func:`_text_hits` gives a text that raises no flag (shared: never written to)."""

_REGION_FLAGS: "WeakKeyDictionary[KnowledgeBase, dict[str, frozenset[str]]]" = WeakKeyDictionary()

# per data, each cause a red-flag rule names, with the flags it raises alone (None until
# a description with no flag word and no flagged region is read without a patient: then
# nothing but the cause can raise one): a dict of a few causes and their flags
_FLAG_CAUSES: "WeakKeyDictionary[KnowledgeBase, dict[str | None, tuple[RedFlag, ...] | None]]" = (
    WeakKeyDictionary()
)


def _flag_causes(kb: "KnowledgeBase") -> dict[str | None, tuple[RedFlag, ...] | None]:
    """The causes named by ``kb``'s red-flag rules, each with the flags it raises alone."""
    found = _FLAG_CAUSES.get(kb)
    if found is None:
        found = _FLAG_CAUSES[kb] = dict.fromkeys(c for r in kb.red_flag_rules for c in r.causes)
    return found


def _region_flags(
    kb: "KnowledgeBase", refs: Iterable[RegionRef]
) -> list[tuple[str, frozenset[str]]]:
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
    kb: "KnowledgeBase",
    text: str | None,
    location: "Location | None",
    patient: Patient | None,
    cause: str | None = None,
) -> tuple[RedFlag, ...]:
    """Red flags raised by the description, the numb regions, the patient and the cause;
    most urgent first, then in the order of ``safety.yaml``."""
    words = _text_hits(kb, text) if text else {}
    flagged = _region_flags(kb, location.regions) if location is not None else ()
    rules = kb.red_flag_rules
    if patient is None and not words and not any(ids for _, ids in flagged):
        # only the cause can raise a flag (most descriptions): what it raises is the
        # same for every description, made once per cause a rule names (none for others)
        known = _flag_causes(kb)
        if cause not in known:
            return ()
        flags = known[cause]
        if flags is None:
            only = tuple(r for r in rules if cause in r.causes)
            flags = known[cause] = _raised(only, words, flagged, patient, cause)
        return flags
    if patient is None:  # only a rule the text, a numb region or the cause raises can match
        raised = set(words).union(*(ids for _, ids in flagged))
        rules = tuple(
            r for r in rules if r.id in raised or (cause is not None and cause in r.causes)
        )
    return _raised(rules, words, flagged, patient, cause)


def _raised(
    rules: Iterable[RedFlagRule],
    words: dict[str, tuple[str, ...]],
    flagged: Iterable[tuple[str, frozenset[str]]],
    patient: Patient | None,
    cause: str | None,
) -> tuple[RedFlag, ...]:
    """The flags of :func:`detect_red_flags` that ``rules`` raise, most urgent first."""
    found: list[RedFlag] = []
    for rule in rules:
        matched: list[str] = []
        urgency = rule.urgency
        # the words of the text (each once: _text_hits drops repeats), less the urgency a
        # concept raises, which is taken when it is higher than the rule's own
        for word in words.get(rule.id, ()):
            if not word.startswith("urgency:"):
                matched.append(word)
            elif _URGENCY[word[8:]] < _URGENCY[urgency]:
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


def aftercare_for(kb: "KnowledgeBase", points: Iterable[Point]) -> tuple[AdviceItem, ...]:
    """The aftercare for a selection of ``points``: every item without ``structures``,
    and each item with them when one of the points has a caution for such a structure."""
    items = kb.aftercare_items
    table = _AFTERCARE.get(kb)
    if table is None or table[0] is not items:
        table = _AFTERCARE[kb] = (items, {s for a in items for s in a.structures}, {}, {})
    _, named, risks, memo = table
    if not named:  # no item names a structure
        return items
    # the structures at risk that an item names, from each point's cautions (once per
    # point: the point kept beside them, so its id stays its own)
    at_risk: frozenset[str] = frozenset()
    for p in points:
        known = risks.get(id(p))
        if known is None or known[0] is not p:
            known = risks[id(p)] = (
                p,
                frozenset(c.structure for c in p.cautions if c.structure in named),
            )
        if known[1]:
            at_risk = at_risk | known[1]
    # one tuple per set of structures at risk, shared by the answers that have it (a
    # memo of the answers kept it once each)
    found = memo.get(at_risk)
    if found is None:
        found = tuple(a for a in items if not a.structures or at_risk.intersection(a.structures))
        if len(memo) > 4096:
            memo.clear()
        memo[at_risk] = found
    return found


# per data: its aftercare items, the structures they name, each point met with the ones
# its cautions put at risk (a few hundred points at most: the data's), and the items
# given for each set of structures at risk
_Aftercare = tuple[
    tuple[AdviceItem, ...],
    set[str],
    dict[int, tuple[Point, frozenset[str]]],
    dict[frozenset[str], tuple[AdviceItem, ...]],
]
_AFTERCARE: "WeakKeyDictionary[KnowledgeBase, _Aftercare]" = WeakKeyDictionary()


def risks(kb: "KnowledgeBase") -> tuple[AdviceItem, ...]:
    """The usual risks of acupuncture and who is not a candidate, with sources."""
    return kb.risk_items


def not_checked(kb: "KnowledgeBase") -> str:
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
    return cached[1] + tuple(extra) if extra else cached[1]


# :class:`DangerZone` is made by its first use (see :mod:`acupoints._models_rare`)
__getattr__, __dir__ = made_on_first_use(globals(), {"DangerZone"})
