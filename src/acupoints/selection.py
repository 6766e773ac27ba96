"""The answer of :meth:`KnowledgeBase.select`: a ranked, explained set of points.

Every model here is frozen and round-trips through JSON
(``Selection.model_validate_json(s.model_dump_json()) == s``).
"""

from __future__ import annotations

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
    contribution: float = Field(description="Points added to the score.")
    sources: tuple[str, ...] = Field(default=(), description="Source ids behind it.")


class RankedPoint(_Record):
    """A selected point, its score and how it got it."""

    code: str = Field(description="Point code.")
    point: Point = Field(description="The point record.")
    score: float = Field(description="Sum of the contributions of `reasons`.")
    group: RuleGroup = Field(description="Group of the rule that contributed most.")
    reasons: tuple[Reason, ...] = Field(description="Every contribution to the score.")
    side: PointSide = Field(
        description="Where to needle: the affected side, both, the midline, or unspecified "
        "when the description gives no side."
    )
    affected_side: bool = Field(description="True when the point is on the numb side(s).")
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

    def __repr__(self) -> str:
        """Short: code, role, score (``model_dump()`` has every field)."""
        return f"<RankedPoint {self.code} {self.role or self.group} {self.score:g}>"


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
        kb: KnowledgeBase | None = None,
        labels: bool = True,
        width: int = 520,
        focus: float | None = None,
    ) -> BodyMap:
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

    def report(self, *, width: int = 100) -> str:
        """The selection as a plain-text report (what ``str()`` and the command line
        print): red flags first in a banner, then the points with why and their cautions,
        what was left out, the protocol, aftercare, notes and the disclaimer."""
        out: list[str] = []
        bar = "!" * min(width, 72)
        flags = sorted(self.red_flags, key=lambda f: f.urgency != "emergency")  # stable
        n_emergency = sum(1 for f in flags if f.urgency == "emergency")
        for i, flag in enumerate(flags):
            if i == n_emergency:
                out += self._withheld_banner(width)
            title = "EMERGENCY" if flag.urgency == "emergency" else flag.urgency.upper()
            out += [bar, f"!!! {title}: {flag.name}"]
            out += ["!!! " + line for line in _wrap(flag.advice, width - 4)]
            out.append(bar)
        if len(flags) == n_emergency:
            out += self._withheld_banner(width)
        loc = self.location
        roots = ", ".join(loc.segments[:3]) or "-"
        out.append(f"location : {loc}  (side {loc.side or 'not given'}; roots {roots})")
        out.append(f"cause    : {self.cause or 'not given'}")
        if self.patient is not None:
            conds = [
                f"pregnant (week {self.patient.pregnancy_week})"
                if c == "pregnant" and self.patient.pregnancy_week
                else c
                for c in self.patient.conditions()
            ]
            out.append(f"patient  : {', '.join(conds) or 'no conditions'}")
        shared = _shared_warnings(self.points)
        if self.points:
            out.append("")
            out.append(f" #  {'code':<8}{'pinyin':<15}{'score':>6}  {'role':<9}{'side':<12}why")
        for i, p in enumerate(self.points, 1):
            mains = [r for r in p.reasons if not r.rule.startswith("score.")]
            why = max(mains, key=lambda r: r.contribution).text if mains else ""
            out.append(
                f"{i:2}. {p.code:<8}{p.point.names.pinyin:<15}{p.score:6.2f}  "
                f"{p.role or p.group:<9}{p.side:<12}{why}"
            )
            if p.alternatives:
                out.append(f"      or one of: {', '.join(p.alternatives)}")
            for w in p.cautions:
                if (w.origin, w.note) not in shared:
                    out += _wrap(f"caution ({w.origin}): {w.note}", width - 8, "      ")
        for origin, note in shared:
            out += _wrap(f"for every point ({origin}): {note}", width - 2, "  ")
        if self.excluded:
            out.append("")
            out.append("left out:")
        for e in self.excluded:
            out += _wrap(f"{e.code}: {'; '.join(e.reasons)}", width - 4, "  ")
        if self.protocol:
            out.append("")
            out.append("protocol:")
        for step in self.protocol:
            out += _wrap(f"- {step.title}: {step.text} [{', '.join(step.sources)}]", width, "  ")
        for note in self.notes:
            out += _wrap(f"note: {note}", width)
        out += ["", self.disclaimer]
        return "\n".join(out)

    def _withheld_banner(self, width: int) -> list[str]:
        """The banner that says the patient is not a candidate now, and why."""
        out: list[str] = []
        bar = "!" * min(width, 72)
        for w in self.not_a_candidate:
            out += [bar, f"!!! NOT A CANDIDATE NOW ({w.name}): no points are suggested"]
            out += ["!!! " + line for line in _wrap(w.reason, width - 4)]
            out.append(bar)
        return out


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    import textwrap

    return textwrap.wrap(
        text, width=max(width, 40), initial_indent=indent, subsequent_indent=indent + "  "
    ) or [indent]


def _shared_warnings(points: tuple[RankedPoint, ...]) -> list[tuple[str, str]]:
    """Patient cautions carried by every point (shown once in a report)."""
    if len(points) < 2:
        return []
    first = [(w.origin, w.note) for w in points[0].cautions if w.origin != "point"]
    return [
        key
        for key in first
        if all(any((w.origin, w.note) == key for w in p.cautions) for p in points[1:])
    ]
