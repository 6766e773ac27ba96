"""Records of the selection engine's data: rules (``rules.yaml``), causes (``causes.yaml``)
and the treatment protocol (``protocol.yaml``).

A rule says *when* it applies (conditions on the location, the cause and the tenderness)
and *what* it selects (one of a few selector kinds, parameterised by data). Adding a rule
is an edit of ``rules.yaml``, not of code.
"""

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, field_validator, model_validator

from ._record import Record, made_on_first_use
from .models import NerveId, RegionId, SourceId, SourceIds, SpinalLevel
from .vocab import Aspect, CategoryKind, MeridianCode, Surface

if TYPE_CHECKING:
    from ._models_rare import CorePoint

__all__ = [
    "Cause",
    "Composition",
    "Conditions",
    "CorePoint",
    "Guideline",
    "ProtocolStep",
    "ReferenceProtocol",
    "RoleQuota",
    "Rule",
    "Scoring",
    "Selector",
    "Spread",
]

Design = Literal[
    "trial",
    "review",
    "data_mining",
    "consensus",
    "guideline",
    "case_series",
    "case_report",
    "textbook",
]
"""Kinds of publication behind a reference protocol."""
RuleId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_.]*$")]
CauseId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
CauseKind = Literal["systemic", "compression", "injury", "residual", "unknown"]
Spine = Literal["cervical", "lumbosacral"]
Tenderness = Literal["pronounced", "vague", "unknown"]
PatternName = Literal[
    "spot", "region", "nerve_territory", "dermatome", "stocking_glove", "multifocal"
]
PointCode = Annotated[str, Field(pattern=r"^([A-Z]{2}[1-9]\d*|EX-(HN|CA|B|UE|LE)[1-9]\d*)$")]


class Conditions(Record):
    """When a rule applies. Every condition given must hold; an empty block always holds."""

    regions: tuple[RegionId, ...] = Field(
        default=(),
        description="The location has a region inside one of these, or containing one of them.",
    )
    surfaces: tuple[Surface, ...] = Field(
        default=(), description="A location region lies on one of these limb surfaces."
    )
    patterns: tuple[PatternName, ...] = Field(
        default=(), description="Location pattern is one of these."
    )
    causes: tuple[CauseId, ...] = Field(default=(), description="The cause is one of these.")
    cause_kinds: tuple[CauseKind, ...] = Field(
        default=(), description="The cause is of one of these kinds (no cause counts as unknown)."
    )
    not_cause_kinds: tuple[CauseKind, ...] = Field(
        default=(), description="The cause is of none of these kinds."
    )
    root: Spine | Literal["any"] | None = Field(
        default=None,
        description="Nerve-root involvement at this part of the spine: the cause compresses a "
        "root there, or (with no cause given) the numbness follows a dermatome of that part, "
        "in which case the rule's weight is multiplied by `Scoring.inferred_root`.",
    )
    tenderness: tuple[Tenderness, ...] = Field(
        default=(), description="The tenderness of the area is one of these."
    )


class Selector(Record):
    """What a rule selects. ``kind`` picks one of the engine's selectors:

    - ``local``: points in the numb regions (quality 1) and in the regions next to them
      (quality ``near``);
    - ``region``: points in ``regions`` (with their sub-regions), optionally only on a
      ``surface``, with one of ``aspects`` or on ``meridians``; quality falls with the
      distance along the limb from the numb region;
    - ``codes``: the listed points;
    - ``reflex``: points on ``meridians`` at spinal ``levels`` in the compression site of
      the cause (or in ``regions``);
    - ``root_level``: paravertebral points (``meridians`` and the Jiaji sites) at the spinal
      level of the roots the dermatome points to (quality 1, or ``near`` one level away);
    - ``by_limb``: ``arm`` points when an arm is numb, ``leg`` points when a leg is;
    - ``distal_channel``: the classic points (``categories``, each with its quality) of
      the channels whose course runs through the numb area, on the part of the limb at or
      below the elbow or the knee (``regions``);
    - ``core``: the points the published protocols for the cause converge on (used by at
      least ``min_publications`` publications; quality: their number over the most any
      point of the cause has).
    """

    kind: Literal[
        "local", "region", "codes", "reflex", "root_level", "by_limb", "distal_channel", "core"
    ]
    regions: tuple[RegionId, ...] = Field(default=(), description="Regions to search.")
    surface: Surface | None = Field(default=None, description="Only points on this surface.")
    aspects: tuple[Aspect, ...] = Field(default=(), description="Only points with one of these.")
    meridians: tuple[MeridianCode, ...] = Field(default=(), description="Only these meridians.")
    codes: tuple[PointCode, ...] = Field(default=(), description="For `codes`: the points.")
    arm: tuple[PointCode, ...] = Field(default=(), description="For `by_limb`: arm points.")
    leg: tuple[PointCode, ...] = Field(default=(), description="For `by_limb`: leg points.")
    levels: tuple[str, ...] = Field(
        default=(), description="For `reflex`: spinal levels (e.g. C1 ... T2) to keep."
    )
    near: float = Field(default=0.5, ge=0, le=1, description="Quality of a near match.")
    jiaji: bool = Field(default=True, description="For `root_level`: include Jiaji (EX-B2).")
    categories: dict[CategoryKind, float] = Field(
        default_factory=dict,
        description="For `distal_channel`: point categories chosen, with the quality of each "
        "(a point in several takes the best).",
    )
    min_publications: int = Field(
        default=2, ge=1, description="For `core`: publications that must use a point."
    )
    min_share: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="For `core`: a point must be used by at least this share of the "
        "publications that use the cause's most used point.",
    )
    other_limb: float = Field(
        default=1.0,
        ge=0,
        le=1,
        description="For `core` and a systemic cause: the share of its quality a core point "
        "keeps when it lies on a limb that is not numb (it stays a candidate, after those "
        "of the numb limbs).",
    )
    pool_below: int = Field(
        default=0,
        ge=0,
        description="For `core`: a cause with fewer publications than this takes the "
        "publications of every cause of its kind (a rare systemic neuropathy those of "
        "peripheral neuropathy in general).",
    )

    @model_validator(mode="after")
    def _check(self) -> "Selector":
        needs = {"region": "regions", "codes": "codes"}
        field = needs.get(self.kind)
        if field and not getattr(self, field):
            raise ValueError(f"selector kind {self.kind!r} needs `{field}`")
        if self.kind == "distal_channel" and not (self.categories and self.regions):
            raise ValueError("selector kind 'distal_channel' needs `categories` and `regions`")
        if any(not 0 < q <= 1 for q in self.categories.values()):
            raise ValueError("a category's quality must be above 0 and at most 1")
        if self.kind == "by_limb" and not (self.arm or self.leg):
            raise ValueError("selector kind 'by_limb' needs `arm` or `leg` points")
        return self


RuleGroup = Literal["local", "surface", "distal", "root", "root_level", "core", "adjunct"]
"""The parts of an answer a rule can feed."""

Role = Literal["local", "surface", "distal", "root", "core", "adjunct"]
"""The places of a prescription (a rule group, with root and root-level points as one role)."""

ROLE_OF_GROUP: dict[str, Role] = {
    "local": "local",
    "surface": "surface",
    "distal": "distal",
    "root": "root",
    "root_level": "root",
    "core": "core",
    "adjunct": "adjunct",
}

REASON_FIELDS = ("point", "region", "where", "level", "surface", "limb")
"""Placeholders a rule's ``reason`` may use."""


class Rule(Record):
    """One selection rule, with its citation."""

    id: RuleId = Field(description="Stable id, used in reasons ('surface.arm_yang').")
    title: str = Field(min_length=3, description="Short title.")
    group: RuleGroup = Field(description="Which part of the answer the rule feeds.")
    weight: float = Field(
        gt=0, le=10, description="Score a point gets from this rule at quality 1."
    )
    when: Conditions = Field(default_factory=Conditions, description="When it applies.")
    select: Selector
    cause_weights: dict[str, float] = Field(
        default_factory=dict,
        description="Multipliers of the weight by cause id or cause kind (id wins).",
    )
    reason: str = Field(
        min_length=5,
        description="Sentence shown for a point it selects; may use the placeholders "
        + ", ".join(f"{{{n}}}" for n in REASON_FIELDS)
        + ".",
    )
    summary: str = Field(min_length=10, description="What the source says, in our words.")
    sources: SourceIds

    @field_validator("reason")
    @classmethod
    def _check_reason(cls, value: str) -> str:
        import string  # only when a rule is validated, not on a first answer

        try:
            names = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
        except ValueError as exc:
            raise ValueError(f"malformed placeholder: {exc}") from None
        unknown = sorted(names - set(REASON_FIELDS))
        if unknown:
            raise ValueError(
                f"unknown placeholder(s) {', '.join(unknown)}; use {', '.join(REASON_FIELDS)}"
            )
        try:  # a conversion or format spec no text can take ("{region!z}", "{point:d}")
            value.format(**dict.fromkeys(REASON_FIELDS, "text"))
        except (ValueError, IndexError, KeyError) as exc:
            raise ValueError(f"malformed placeholder: {exc}") from None
        return value


class Guideline(Record):
    """A clinical guideline's position on acupuncture for a cause. A selection states it;
    it does not block the selection."""

    source: SourceId = Field(description="The guideline, an id in sources.yaml.")
    position: Literal["for", "against", "uncertain", "no_recommendation"]
    note: str = Field(min_length=10, description="What it says, in this library's words.")


class Cause(Record):
    """A cause of numbness and the words people use for it."""

    id: CauseId
    name: str = Field(min_length=3)
    kind: CauseKind
    synonyms: tuple[str, ...] = Field(default=(), description="Lower-case words for it.")
    sites: tuple[RegionId, ...] = Field(
        default=(), description="Where the nerve or root is compressed (compression causes)."
    )
    spine: Spine | None = Field(default=None, description="Part of the spine, for root causes.")
    nerves: tuple[NerveId, ...] = Field(
        default=(),
        description="The nerves it compresses (their branches included), for a compression "
        "of a named nerve; a numb area none of them supplies does not fit it.",
    )
    roots: tuple[SpinalLevel, ...] = Field(
        default=(),
        description="The roots the cause usually involves, most common first (L5, S1 for "
        "sciatica): used when the numb area points to no root of its part of the spine.",
    )
    guidelines: tuple[Guideline, ...] = Field(
        default=(), description="What clinical guidelines say of acupuncture for it."
    )
    sources: SourceIds


class Scoring(Record):
    """Weights of the score components besides the rules."""

    region: float = Field(ge=0, description="Weight of how close the point is to the numb region.")
    segment: float = Field(
        ge=0, description="Weight when the point's nerves carry a candidate root of the location."
    )
    evidence: float = Field(
        ge=0, description="Weight per reference protocol that uses the point for the cause."
    )
    evidence_cap: int = Field(ge=0, description="At most this many protocols count.")
    inferred_root: float = Field(
        gt=0, le=1, description="Multiplier of root rules when root involvement is inferred."
    )
    sources: tuple[SourceId, ...] = Field(default=(), description="Where the weights come from.")
    note: str = Field(min_length=5, description="How the weights were chosen.")


class RoleQuota(Record):
    """How many places of a prescription one role gets, as shares of its length."""

    min: float = Field(
        default=0.0, ge=0, le=1, description="Share of the places kept for the role's best points."
    )
    max: float = Field(default=1.0, gt=0, le=1, description="Share the role may take at most.")

    @model_validator(mode="after")
    def _check(self) -> "RoleQuota":
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is above max ({self.max})")
        return self


class Spread(Record):
    """Neighbouring points of one channel in one region are alternatives to each other."""

    gap: int = Field(
        ge=0,
        description="Points of one channel in one region whose numbers differ by at most "
        "this are neighbours (0 turns the rule off).",
    )
    alternatives: int = Field(
        default=3, ge=0, description="At most this many alternatives are named per point."
    )


class Composition(Record):
    """How the first places of a selection are composed from the roles of its points: each
    role first gets its guaranteed share (``min``) with its best points, in ``order``; the
    rest of the places go to the best points left, no role above its ``max``."""

    order: tuple[Role, ...] = Field(
        min_length=1, description="The order in which roles take their guaranteed places."
    )
    quotas: dict[str, dict[Role, RoleQuota]] = Field(
        description="Quotas by cause id, cause kind, `inferred_root` (no cause given, and "
        "the neck or back said to hurt where the numb area's roots leave the spine) or "
        "`default` (first found wins); a role left out has no guaranteed place and no cap."
    )
    spread: Spread
    rest: Role | None = Field(
        default=None,
        description="The role whose points take the places no guaranteed share holds, "
        "strongest first, before the best scored; null leaves them to the score.",
    )
    areas: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="When the numb areas lie in several parts of the body (head, neck, "
        "trunk, arm, leg): the share of the places kept for those parts, split evenly, each "
        "part's taken with its best points after the roles' guaranteed places; 0 keeps none.",
    )
    note: str = Field(min_length=5, description="Why the quotas are what they are.")
    sources: tuple[SourceId, ...] = Field(default=(), description="Where they come from.")

    @model_validator(mode="after")
    def _check(self) -> "Composition":
        if "default" not in self.quotas:
            raise ValueError("quotas need a `default` entry")
        for key, roles in self.quotas.items():
            total = sum(q.min for q in roles.values())
            if total > 1 + 1e-9:
                raise ValueError(f"quotas.{key}: the guaranteed shares add up to {total:g}, over 1")
        return self

    def quotas_for(self, cause: Cause | None, *, inferred: bool = False) -> dict[Role, RoleQuota]:
        """The quotas that apply to a cause (its id, then its kind, then ``default``); with
        ``inferred`` (no cause given, and the neck or back said to hurt where the numb
        area's roots leave the spine: ``engine.composition._root_placed``),
        ``inferred_root`` before ``default``."""
        if cause is not None:
            for key in (cause.id, cause.kind):
                if key in self.quotas:
                    return self.quotas[key]
        if inferred and "inferred_root" in self.quotas:
            return self.quotas["inferred_root"]
        return self.quotas["default"]


class ProtocolStep(Record):
    """One step or note of the treatment protocol that goes with every selection."""

    id: RuleId
    title: str = Field(min_length=3)
    text: str = Field(min_length=10, description="What to do, in this library's words.")
    minutes: tuple[int, int] | None = Field(default=None, description="A time range, if any.")
    when: Conditions = Field(default_factory=Conditions, description="When the step applies.")
    sources: SourceIds


class ReferenceProtocol(Record):
    """A published treatment protocol: the points it uses for a cause. Used as evidence in
    the score and as the benchmark in ``docs/benchmark.md``."""

    id: RuleId = Field(description="Short id, e.g. 'cts.yao2012'.")
    source: SourceId = Field(description="The publication, an id in sources.yaml.")
    causes: tuple[CauseId, ...] = Field(min_length=1, description="Causes it treats.")
    study_type: str = Field(min_length=3, description="RCT, pilot, review of common points ...")
    design: Design = Field(description="Kind of study, for the evidence level.")
    n: int | None = Field(
        default=None,
        ge=1,
        description="Participants (a trial or case series), or trials pooled / prescriptions "
        "mined (a review or data mining); null when not reported.",
    )
    points: tuple[PointCode, ...] = Field(min_length=1, description="Points it uses.")
    jiaji_levels: tuple[str, ...] = Field(default=(), description="Jiaji levels, if given.")
    sites: tuple[RegionId, ...] = Field(
        default=(),
        description="Where the numbness it treats is, when the cause can be anywhere (a "
        "nerve injury of the face or of an arm): region ids. A compression or an injury "
        "elsewhere on the body does not count its points. Empty: wherever the cause is.",
    )
    fixed: bool = Field(description="True for a fixed set, false for 'selected from'.")
    note: str | None = Field(default=None, description="Remarks.")


EvidenceLevel = Literal["A", "B", "C"]


def evidence_level(designs: dict[str, int]) -> EvidenceLevel:
    """The evidence level of a point for a cause, from the designs of the publications
    that use it: ``A`` when at least three do and one of them is a trial; ``B`` when two
    do, or one trial; ``C`` for a single review, data-mining study, consensus, guideline,
    case series, case report or textbook."""
    total = sum(designs.values())
    trials = designs.get("trial", 0)
    if total >= 3 and trials:
        return "A"
    if total >= 2 or trials:
        return "B"
    return "C"


# :class:`CorePoint` is made by its first use (see :mod:`acupoints._models_rare`)
__getattr__, __dir__ = made_on_first_use(globals(), {"CorePoint"})
