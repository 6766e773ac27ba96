"""The answer of :meth:`KnowledgeBase.select`: a ranked, explained set of points.

Every model here is frozen and round-trips through JSON
(``Selection.model_validate_json(s.model_dump_json()) == s``).
"""

from typing import TYPE_CHECKING, Any, Literal

from pydantic import ConfigDict, Field

from ._record import Record
from .models import Location, Point
from .rules import Role, RuleGroup, Tenderness
from .safety import AdviceItem, Exclusion, NotACandidate, Patient, PointWarning, RedFlag

if TYPE_CHECKING:  # pragma: no cover
    from .figure import BodyMap
    from .kb import KnowledgeBase

__all__ = ["ProtocolNote", "RankedPoint", "Reason", "Selection"]

PointSide = Literal["left", "right", "both", "midline", "unspecified"]


class _Record(Record):
    # generated text is kept exactly as made, so that every selection round-trips
    model_config = ConfigDict(
        frozen=True, extra="forbid", defer_build=True, str_strip_whitespace=False
    )


class Reason(_Record):
    """One part of a point's score: the rule or score component, its contribution and why."""

    rule: str = Field(
        description="Rule id, or a score component: score.region, score.segment, score.evidence."
    )
    text: str = Field(description="Why, in one sentence.")
    contribution: float = Field(
        description="Points added to the score, rounded to 4 decimal places."
    )
    sources: tuple[str, ...] = Field(default=(), description="Source ids behind it.")
    group: RuleGroup | None = Field(
        default=None,
        description="The part of the answer its rule feeds (local, surface, distal, root, "
        "root_level, core, adjunct); null for a score component.",
    )


class RankedPoint(_Record):
    """A selected point, its score and how it got it."""

    code: str = Field(description="Point code.")
    point: Point = Field(description="The point record.")
    score: float = Field(
        description="Sum of the contributions of `reasons`, rounded to 4 decimal places."
    )
    group: RuleGroup = Field(description="Group of the rule that contributed most.")
    reasons: tuple[Reason, ...] = Field(description="Every contribution to the score.")
    side: PointSide = Field(
        description="Where to needle: the affected side, both, the midline, or unspecified "
        "when the description gives no side."
    )
    affected_side: bool = Field(
        description="True when the point is needled on the numb side(s): a paired point "
        "always (on the side named, or on whichever side is numb when none is named), a "
        "midline point never, and a point of one side only (EX-HN12, EX-HN13) when its "
        "side is named as numb (False when no side is named)."
    )
    root_level: str | None = Field(
        default=None, description="Spinal level when chosen as a root-level point."
    )
    sites: tuple[str, ...] = Field(
        default=(), description="For a group point (Jiaji ...): the sites that apply."
    )
    cautions: tuple[PointWarning, ...] = Field(
        default=(), description="The point's own cautions, then the patient's."
    )
    role: Role | None = Field(
        default=None,
        description="Its place in the prescription: local, surface, distal, root, core or "
        "adjunct (see Composition).",
    )
    alternatives: tuple[str, ...] = Field(
        default=(),
        description="Neighbouring points of its channel in its region that it stands for "
        "(the spread rule): a practitioner may swap it for one of them.",
    )

    @property
    def rules(self) -> tuple[str, ...]:
        """Ids of the rules that selected it."""
        return tuple(r.rule for r in self.reasons if not r.rule.startswith("score."))

    @property
    def why(self) -> Reason | None:
        """The reason it holds its place: the strongest reason from a rule of its
        ``role`` (root and root-level rules for the root), else its strongest rule's;
        ``None`` when no rule chose it. LI11 placed as a surface point for a numb hand
        gives the surface rule's reason, though its distal reason scores more.

        ```pycon
        >>> import acupoints
        >>> p = acupoints.select("numb back of my left hand", cause="diabetic")["LI11"]
        >>> p.role, p.why.group, p.why.rule
        ('surface', 'surface', 'surface.arm_yang')

        ```
        """
        mains = [r for r in self.reasons if r.group is not None]
        if not mains:
            return None
        groups = ("root", "root_level") if self.role == "root" else (self.role,)
        own = [r for r in mains if r.group in groups] or mains
        return max(own, key=lambda r: r.contribution)

    def __repr__(self) -> str:
        """Short: code, role, score (``model_dump()`` has every field)."""
        return f"<RankedPoint {self.code} {self.role or self.group} {self.score:g}>"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


class ProtocolNote(_Record):
    """A step of the treatment protocol that goes with the selection."""

    id: str
    title: str
    text: str
    minutes: tuple[int, int] | None = None
    sources: tuple[str, ...]


class Selection(_Record):
    """Ranked points for a description of numbness, with the protocol, the reasons and the
    safety checks. Fields are ordered so that the disclaimer and any red flag come first in
    every serialised form."""

    disclaimer: str = Field(description="Reference information, not a diagnosis.")
    emergency: bool = Field(description="True when an emergency red flag was raised.")
    red_flags: tuple[RedFlag, ...] = Field(description="Symptoms that need a doctor first.")
    not_a_candidate: tuple[NotACandidate, ...] = Field(
        default=(),
        description="Why the patient gets no points now (fever, an acute illness, cannot "
        "consent ...); empty when they are a candidate.",
    )
    query: str | None = Field(description="The text asked about, if any.")
    location: Location = Field(description="The location as read.")
    cause: str | None = Field(description="Cause id, if given.")
    tenderness: Tenderness = Field(description="How tender the area was said to be.")
    patient: Patient | None = Field(description="The patient checked against, if any.")
    points: tuple[RankedPoint, ...] = Field(
        description="Points in prescription order: by role, strongest first."
    )
    excluded: tuple[Exclusion, ...] = Field(
        description="Points the rules chose but the patient must not have, and why."
    )
    protocol: tuple[ProtocolNote, ...] = Field(description="How to treat, with sources.")
    aftercare: tuple[AdviceItem, ...] = Field(description="What to expect after a session.")
    notes: tuple[str, ...] = Field(default=(), description="Remarks about this answer.")
    rules_applied: tuple[str, ...] = Field(description="Rules whose conditions held.")
    version: str = Field(description="acupoints version that made it.")
    data_version: str = Field(
        default="",
        description="Version of the data it was made from (a digest of every record; see "
        "`KnowledgeBase.data_version`); empty in selections saved before it existed.",
    )

    def __repr__(self) -> str:
        """Short: the query, the points by code, red flags, and the data version
        (``model_dump()`` has every field)."""
        codes = [p.code for p in self.points]
        shown = ", ".join(codes[:5]) + (", ..." if len(codes) > 5 else "")
        bits = [_count(len(codes), "point") + (f" ({shown})" if codes else "")]
        if self.red_flags:
            flags = _count(len(self.red_flags), "red flag")
            bits.append(flags + (" (emergency)" if self.emergency else ""))
        if self.not_a_candidate:
            bits.append("not a candidate now")
        asked = repr(self.query) if self.query is not None else str(self.location)
        return f"<Selection {asked}: {'; '.join(bits)}; data {self.data_version or '?'}>"

    @property
    def codes(self) -> tuple[str, ...]:
        """Point codes, in prescription order."""
        return tuple(p.code for p in self.points)

    def __getitem__(self, code: str) -> RankedPoint:
        for p in self.points:
            if p.code == code:
                return p
        raise KeyError(code)

    def to_frame(self) -> Any:
        """The ranked points as a :class:`pandas.DataFrame` indexed by rank (columns:
        code, names, meridian, region, surface, side, group, role, alternatives, score, rules,
        sources, why,
        cautions). Needs the optional extra: ``pip install 'acupoints[frames]'``."""
        from .export import selection_frame

        return selection_frame(self)

    def body_map(
        self,
        *,
        kb: "KnowledgeBase | None" = None,
        labels: bool = True,
        width: int = 520,
        focus: float | None = None,
    ) -> "BodyMap":
        """An SVG body map: the front and back of a body with the symptom regions shaded
        and each selected point marked with its code at its place (both sides for a
        bilateral point used on both sides), coloured by the group of the rule that chose
        it. The figure is that of ``kb`` (default: the packaged data); ``focus=120``
        crops to the marked area (at least 120 figure units each way). Displays itself in
        a notebook; ``str()`` or ``.svg`` is the SVG text, ``.save(path)`` writes it."""
        from .figure import selection_map

        return selection_map(self, kb=kb, labels=labels, width=width, focus=focus)

    def _repr_html_(self) -> str:
        from .html import selection_html

        return selection_html(self)

    def __str__(self) -> str:
        return self.report()

    def report(self, *, width: int = 100, protocol: bool = False) -> str:
        """The selection as plain text of at most ``width`` terminal cells a line (what
        ``str()`` and the command line print): red flags first in a banner, then the points
        with why and their cautions, what was left out, the protocol (the step titles, and
        the patient's steps in full; every step in full with ``protocol=True``), notes and
        the disclaimer. See `acupoints.terminal.selection_report`."""
        from .terminal import selection_report

        return selection_report(self, width=width, protocol=protocol)
