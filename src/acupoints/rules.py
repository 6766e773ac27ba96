"""Records of the selection engine's data: rules (``rules.yaml``), causes (``causes.yaml``)
and the treatment protocol (``protocol.yaml``).

A rule says *when* it applies (conditions on the location, the cause and the tenderness)
and *what* it selects (one of a few selector kinds, parameterised by data). Adding a rule
is an edit of ``rules.yaml``, not of code.
"""

from __future__ import annotations

import string
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from ._record import Record
from .models import NerveId, RegionId, SourceId, SourceIds
from .vocab import Aspect, MeridianCode, Surface

__all__ = [
    "Cause",
    "Conditions",
    "ProtocolStep",
    "ReferenceProtocol",
    "Rule",
    "Scoring",
    "Selector",
]

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
    - ``by_limb``: ``arm`` points when an arm is numb, ``leg`` points when a leg is.
    """

    kind: Literal["local", "region", "codes", "reflex", "root_level", "by_limb"]
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

    @model_validator(mode="after")
    def _check(self) -> Selector:
        needs = {"region": "regions", "codes": "codes"}
        field = needs.get(self.kind)
        if field and not getattr(self, field):
            raise ValueError(f"selector kind {self.kind!r} needs `{field}`")
        if self.kind == "by_limb" and not (self.arm or self.leg):
            raise ValueError("selector kind 'by_limb' needs `arm` or `leg` points")
        return self


RuleGroup = Literal["local", "surface", "root", "root_level", "adjunct"]
"""The parts of an answer a rule can feed."""

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
        try:
            names = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
        except ValueError as exc:
            raise ValueError(f"malformed placeholder: {exc}") from None
        unknown = sorted(names - set(REASON_FIELDS))
        if unknown:
            raise ValueError(
                f"unknown placeholder(s) {', '.join(unknown)}; use {', '.join(REASON_FIELDS)}"
            )
        return value


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
    root_share: float = Field(
        gt=0,
        le=1,
        description="Largest share of the list that root and root-level points may take when "
        "other points are available.",
    )
    sources: tuple[SourceId, ...] = Field(default=(), description="Where the weights come from.")
    note: str = Field(min_length=5, description="How the weights were chosen.")


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
    points: tuple[PointCode, ...] = Field(min_length=1, description="Points it uses.")
    jiaji_levels: tuple[str, ...] = Field(default=(), description="Jiaji levels, if given.")
    fixed: bool = Field(description="True for a fixed set, false for 'selected from'.")
    note: str | None = Field(default=None, description="Remarks.")
