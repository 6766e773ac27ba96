"""Frozen records of the knowledge base: sources, meridians, regions and points.

The models hold facts only. Relations between records (a point's meridian, the next point
along the flow, a region's parent) are edges of :attr:`KnowledgeBase.graph`; the models
refer to other records by code or id, never by object.

Every model is frozen and rejects unknown fields, so a typo in a data file is an error,
not a silently ignored key.
"""

import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from ._record import Record, made_on_first_use

if TYPE_CHECKING:  # pragma: no cover
    from ._models_rare import (
        FigurePart,
        JapaneseReading,
        KoreanReading,
        PointPosition,
        PointReadings,
        RegionFigure,
        RegionShape,
        Source,
        VietnameseReading,
        romanize_hangul,  # noqa: F401 - the module's names, for the API page
        romanize_kana,  # noqa: F401
    )
    from .figure import BodyMap
from .vocab import (
    Angle,
    Aspect,
    CategoryKind,
    CautionKind,
    ChannelCode,
    Edge,
    Element,
    ExtraGroup,
    Influence,
    Laterality,
    Limb,
    MeridianCode,
    SixChannel,
    Structure,
    Surface,
    VesselCode,
    YinYang,
)

__all__ = [
    "Alias",
    "Category",
    "Caution",
    "CrossRef",
    "FigurePart",
    "Finding",
    "Innervation",
    "JapaneseReading",
    "KoreanReading",
    "LimbCourse",
    "LimbSurface",
    "Location",
    "Meridian",
    "MeridianNames",
    "Names",
    "Needling",
    "Nerve",
    "Point",
    "PointLocation",
    "PointPosition",
    "PointReadings",
    "Reading",
    "Region",
    "RegionFigure",
    "RegionRef",
    "RegionShape",
    "Segment",
    "Site",
    "Source",
    "Synonym",
    "Territory",
    "Vessel",
    "VietnameseReading",
]

SourceId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
SourceIds = Annotated[
    tuple[SourceId, ...],
    Field(min_length=1, description="Ids of the sources (see sources.yaml) that state this fact."),
]
RegionId = Annotated[str, Field(pattern=r"^[a-z_]+(\.[a-z_]+)*$")]
SpinalLevel = Annotated[str, Field(pattern=r"^(C[1-8]|T(1[0-2]|[1-9])|L[1-5]|S[1-5]|Co)$")]
NerveId = Annotated[str, Field(pattern=r"^[a-z_]+(\.[A-Za-z0-9_]+)?$")]
UberonId = Annotated[str, Field(pattern=r"^UBERON:\d{7}$")]

POINT_CODE = re.compile(
    r"^(?:(LU|LI|ST|SP|HT|SI|BL|KI|PC|TE|GB|LR|GV|CV)|EX-(HN|CA|B|UE|LE))([1-9]\d*)$"
)


class Names(Record):
    """The canonical names of a point or meridian (WHO 2008 forms)."""

    pinyin: str = Field(
        pattern=r"^[A-Z][a-z]+( [A-Z][a-z]+)*$",
        description="WHO pinyin without tone marks, e.g. 'Hegu'.",
    )
    hanzi: str = Field(
        pattern=r"^[\u3400-\u9fff]+$",
        description="Chinese characters in the traditional form printed by WHO 2008.",
    )
    hanzi_simplified: str = Field(
        pattern=r"^[\u3400-\u9fff]+$", description="Simplified characters."
    )
    english: str = Field(min_length=1, description="A literal English rendering of the name.")
    sources: SourceIds


class MeridianNames(Record):
    """Names of a meridian or vessel."""

    pinyin: str = Field(min_length=1, description="Pinyin without tone marks.")
    hanzi: str = Field(pattern=r"^[\u3400-\u9fff]+$", description="Traditional characters.")
    hanzi_simplified: str = Field(
        pattern=r"^[\u3400-\u9fff]+$", description="Simplified characters."
    )
    english: str = Field(min_length=1, description="English name.")


class Alias(Record):
    """Another name or code by which a point is known."""

    name: str = Field(min_length=1, description="The alias as written in its source.")
    kind: Literal["code", "pinyin", "hanzi", "english"] = Field(description="What sort of name.")
    sources: SourceIds
    note: str | None = Field(default=None, description="Why the alias exists.")


XREF_ID = {"tara": re.compile(r"TARA_\d{7}")}
"""The form of an id in each knowledge base a point is cross-referenced to."""


class CrossRef(Record):
    """A point's identifier in another knowledge base."""

    scheme: Literal["tara"] = Field(
        description="The knowledge base: 'tara' (TARA Acupoints Ontology; the id is the local "
        "name of the class IRI http://www.acupunctureresearch.org/tara/ontology/<id>)."
    )
    id: str = Field(description="The point's id there: 'TARA_0859695'.")
    variant: Literal["male", "female"] | None = Field(
        default=None,
        description="For the points WHO locates differently in men and women (ST17, ST18, GB24, "
        "LR14, CV1): the variant this id names; null for the point itself.",
    )
    sources: SourceIds

    @model_validator(mode="after")
    def _check_id(self) -> "CrossRef":
        if not XREF_ID[self.scheme].fullmatch(self.id):
            raise ValueError(f"{self.id!r} is not a {self.scheme} id")
        return self


class PointLocation(Record):
    """Where a point lies."""

    region: RegionId = Field(description="Most specific body region id (see regions.yaml).")
    aspects: tuple[Aspect, ...] = Field(min_length=1, description="Surface aspects of the region.")
    surface: Surface | None = Field(
        description="Yin (inner) or Yang (outer) limb surface; null off the limbs."
    )
    laterality: Laterality = Field(description="On the midline, or one on each side.")
    level: SpinalLevel | None = Field(
        default=None,
        description="For points on the back and neck: the spinal level they sit at, i.e. level "
        "with the lower border of this vertebra's spinous process, or over this sacral foramen.",
    )
    description: str = Field(
        min_length=10, max_length=400, description="How to find it, written for this library."
    )
    landmarks: tuple[str, ...] = Field(min_length=1, description="Landmarks used to find it.")
    sources: SourceIds


class Needling(Record):
    """One way of needling a point, as a source states it."""

    angle: Angle = Field(description="Angle of insertion, or prick/none.")
    depth_cun: tuple[float, float] | None = Field(
        default=None, description="Depth range [min, max] in cun, where the source gives one."
    )
    direction: str | None = Field(default=None, description="Direction of the needle, if stated.")
    note: str | None = Field(
        default=None,
        min_length=10,
        description="Why a depth deeper than the point's most conservative source is kept, "
        "or why the point is not needled (angle `none`), in this library's words.",
    )
    sources: SourceIds

    @model_validator(mode="after")
    def _check_depth(self) -> "Needling":
        if self.depth_cun is not None:
            lo, hi = self.depth_cun
            if not 0 < lo <= hi <= 5:
                raise ValueError(
                    f"depth_cun must satisfy 0 < min <= max <= 5, got {self.depth_cun}"
                )
            if self.angle in ("prick", "none"):
                raise ValueError(f"angle {self.angle!r} takes no depth")
        elif self.direction is None and self.angle not in ("prick", "none"):
            raise ValueError(f"angle {self.angle!r} needs depth_cun or a direction")
        return self


class Caution(Record):
    """Something that needs care when needling the point."""

    kind: CautionKind = Field(description="structure at risk, pregnancy, technique or other.")
    structure: Structure | None = Field(default=None, description="The structure at risk.")
    note: str = Field(min_length=3, description="What to do or avoid, in this library's words.")
    max_depth_cun: float | None = Field(
        default=None, gt=0, le=5, description="Safe depth limit in cun where a source gives one."
    )
    sources: SourceIds

    @model_validator(mode="after")
    def _check_structure(self) -> "Caution":
        if (self.kind == "structure") != (self.structure is not None):
            raise ValueError("`structure` is required for kind 'structure' and only for it")
        return self


class Category(Record):
    """A special-point category (five transport points, yuan-source, back-shu, ...)."""

    kind: CategoryKind = Field(description="The category.")
    of: ChannelCode | Influence | None = Field(
        default=None,
        description="Whose point it is: the organ meridian of a back-shu, front-mu, lower "
        "he-sea, xi-cleft or luo point, the vessel of a confluent point, the tissue of an "
        "influential point.",
    )
    phase: Element | None = Field(
        default=None, description="Five-phase attribution of a transport point."
    )
    meridians: tuple[ChannelCode, ...] = Field(
        default=(), description="For a crossing point: the channels that meet there."
    )
    sources: SourceIds

    @model_validator(mode="after")
    def _check_fields(self) -> "Category":
        transport = self.kind in ("jing_well", "ying_spring", "shu_stream", "jing_river", "he_sea")
        if transport != (self.phase is not None):
            raise ValueError("`phase` is required for the five transport points and only for them")
        needs_of = self.kind in (
            "back_shu",
            "front_mu",
            "lower_he_sea",
            "confluent",
            "influential",
            "xi_cleft",
            "luo_connecting",
        )
        if needs_of and self.of is None:
            raise ValueError(f"category {self.kind!r} needs `of`")
        if self.kind == "crossing" and len(self.meridians) < 2:
            raise ValueError("a crossing point lists at least two `meridians`")
        if self.kind != "crossing" and self.meridians:
            raise ValueError("`meridians` is only for crossing points")
        return self


class Site(Record):
    """One site of a point that is a group of sites (Jiaji, Baxie, Bafeng, Shixuan ...)."""

    label: str = Field(
        min_length=1, description="Which site, e.g. 'T5' or 'between index and middle finger'."
    )
    level: SpinalLevel | None = Field(
        default=None, description="Spinal level of a paravertebral site."
    )
    standard: bool = Field(
        default=True,
        description="False for sites used in practice but outside the WHO definition "
        "(cervical Jiaji).",
    )
    same_as: str | None = Field(
        default=None, description="Code of a standard point at the same place, if any."
    )
    sources: SourceIds


class Innervation(Record):
    """A nerve that supplies the skin or tissue at a point."""

    nerve: NerveId = Field(description="Id of the nerve (see nerves.yaml).")
    layer: Literal["superficial", "deep"] | None = Field(
        default=None, description="Whether the source names it as superficial or deeper."
    )
    sources: SourceIds


class Point(Record):
    """An acupuncture point: a WHO standard point on a meridian or a WHO extra point."""

    code: str = Field(description="WHO code: 'LI4', 'GV14', 'EX-B2'.", pattern=POINT_CODE.pattern)
    meridian: MeridianCode | None = Field(description="Meridian code; null for extra points.")
    group: ExtraGroup | None = Field(
        default=None, description="Body area of an extra point (HN, CA, B, UE, LE)."
    )
    number: int = Field(ge=1, description="Number along the meridian or in the extra group.")
    names: Names
    aliases: tuple[Alias, ...] = Field(default=(), description="Other names and codes.")
    location: PointLocation
    innervation: tuple[Innervation, ...] = Field(
        default=(), description="Nerves supplying the point (limbs, neck, back, sacrum, trunk)."
    )
    needling: tuple[Needling, ...] = Field(default=(), description="Needling methods by source.")
    categories: tuple[Category, ...] = Field(default=(), description="Special-point categories.")
    cautions: tuple[Caution, ...] = Field(default=(), description="Cautions when needling.")
    sites: tuple[Site, ...] = Field(
        default=(),
        description="For a point that is a group of sites: the sites on one side (bilateral "
        "points) or all of them (midline points).",
    )
    xrefs: tuple[CrossRef, ...] = Field(
        default=(), description="The point's ids in other knowledge bases (TARA)."
    )

    @model_validator(mode="after")
    def _check_code(self) -> "Point":
        m = POINT_CODE.match(self.code)
        assert m is not None  # the field pattern guarantees it
        meridian, group, number = m.group(1), m.group(2), int(m.group(3))
        if meridian != self.meridian:
            raise ValueError(f"code {self.code} does not match meridian {self.meridian!r}")
        if group != self.group:
            raise ValueError(f"code {self.code} does not match group {self.group!r}")
        if number != self.number:
            raise ValueError(f"code {self.code} does not match number {self.number}")
        if self.meridian in ("GV", "CV") and self.location.laterality != "midline":
            raise ValueError(f"{self.meridian} points lie on the midline")
        return self

    @property
    def never_needled(self) -> bool:
        """True when a cited source says the point is not needled at all (a needling
        record with angle ``none``: the nipple, the navel). The selection engine never
        offers such a point."""
        return any(n.angle == "none" for n in self.needling)

    @property
    def depth_limit_cun(self) -> float | None:
        """The deepest the library shows for this point: the smallest maximum depth among
        its needling records and the safe depths of its cautions (the most conservative
        source); None when no source gives a depth."""
        depths = [n.depth_cun[1] for n in self.needling if n.depth_cun is not None]
        depths += [c.max_depth_cun for c in self.cautions if c.max_depth_cun is not None]
        return min(depths) if depths else None

    @property
    def is_extra(self) -> bool:
        """True for the WHO extra points (codes ``EX-...``)."""
        return self.meridian is None

    @property
    def region(self) -> str:
        """Shortcut for ``location.region``."""
        return self.location.region

    @property
    def surface(self) -> Surface | None:
        """Shortcut for ``location.surface``."""
        return self.location.surface

    def has_category(self, kind: str, of: str | None = None) -> bool:
        """Whether the point belongs to category ``kind`` (optionally: of ``of``).

        ```pycon
        >>> import acupoints
        >>> acupoints.load().point("LI4").has_category("yuan_source")
        True

        ```
        """
        return any(c.kind == kind and (of is None or c.of == of) for c in self.categories)

    def __str__(self) -> str:
        return f"{self.code} {self.names.pinyin} {self.names.hanzi}"

    def body_map(self, **kwargs: Any) -> "BodyMap":
        """This point on the body map of the packaged data (both sides for a bilateral
        point); keyword arguments go to :meth:`KnowledgeBase.body_map`."""
        from . import load

        return load().body_map(points=[self.code], **kwargs)

    def __repr__(self) -> str:
        """Short: code, pinyin, characters (``model_dump()`` has every field)."""
        return f"<Point {self.code} {self.names.pinyin} {self.names.hanzi}>"


class LimbCourse(Record):
    """Which limb surface a regular meridian runs along."""

    limb: Literal["arm", "leg"] = Field(description="Arm or leg.")
    surface: Surface = Field(description="Yin (inner) or Yang (outer) surface.")
    edge: Edge = Field(description="Where on that surface, e.g. the radial edge.")


class Meridian(Record):
    """One of the 12 regular meridians or the Governor or Conception vessel."""

    code: MeridianCode = Field(description="WHO code, e.g. 'LI'.")
    kind: Literal["regular", "extraordinary"] = Field(description="Regular meridian or vessel.")
    names: MeridianNames
    aliases: tuple[str, ...] = Field(
        default=(), description="Legacy abbreviations, e.g. 'LV' for LR, 'SJ' for TE."
    )
    yin_yang: YinYang = Field(description="Yin or yang.")
    limb: Limb | None = Field(description="Hand or foot meridian; null for GV and CV.")
    six_channel: SixChannel | None = Field(description="Six-channel name; null for GV and CV.")
    organ: str | None = Field(description="Associated organ; null for GV and CV.")
    element: Element | None = Field(description="Five-phase element; null for GV and CV.")
    partner: MeridianCode | None = Field(description="Interior-exterior partner.")
    same_name_partner: MeridianCode | None = Field(
        description="The hand or foot meridian that shares its six-channel name."
    )
    flow_order: int | None = Field(
        ge=1, le=12, description="Position in the daily flow LU -> LI -> ... -> LR."
    )
    point_count: int = Field(ge=1, description="Number of WHO standard points.")
    course: LimbCourse | None = Field(description="Limb surface it runs along; null for GV, CV.")
    course_note: str = Field(min_length=3, description="Its course, in this library's words.")
    sources: SourceIds

    @model_validator(mode="after")
    def _check_regular(self) -> "Meridian":
        regular_fields = (
            self.limb,
            self.six_channel,
            self.organ,
            self.element,
            self.partner,
            self.same_name_partner,
            self.flow_order,
            self.course,
        )
        if self.kind == "regular" and any(f is None for f in regular_fields):
            raise ValueError(
                "a regular meridian needs limb, six_channel, organ, element, "
                "partner, same_name_partner, flow_order and course"
            )
        if self.kind == "extraordinary" and any(f is not None for f in regular_fields):
            raise ValueError(
                "GV and CV take null limb, six_channel, organ, element, partner, "
                "same_name_partner, flow_order and course"
            )
        return self

    def __str__(self) -> str:
        return f"{self.code} {self.names.english}"

    def body_map(self, **kwargs: Any) -> "BodyMap":
        """This meridian traced through its points on the body map of the packaged data;
        keyword arguments go to :meth:`KnowledgeBase.body_map`."""
        from . import load

        return load().body_map(meridians=[self.code], **kwargs)

    def __repr__(self) -> str:
        """Short: code and English name (``model_dump()`` has every field)."""
        return f"<Meridian {self.code} {self.names.english}>"


class Vessel(Record):
    """One of the six extraordinary vessels without points of their own."""

    code: VesselCode = Field(description="Id, e.g. 'CHONG'.")
    names: MeridianNames
    confluent_point: str = Field(description="Code of its confluent (opening) point.")
    sources: SourceIds

    def __repr__(self) -> str:
        """Short: code and English name (``model_dump()`` has every field)."""
        return f"<Vessel {self.code} {self.names.english}>"


class Synonym(Record):
    """A phrase for a region that also implies an aspect ("shin" = front of the lower leg)."""

    text: str = Field(min_length=1, description="The phrase, lower case.")
    aspects: tuple[Aspect, ...] = Field(min_length=1, description="Aspects the phrase implies.")


class Region(Record):
    """A body region, part of a hierarchy rooted at 'body'."""

    id: RegionId = Field(description="Dotted id, e.g. 'hand.dorsum'.")
    name: str = Field(min_length=1, description="English name.")
    parent: RegionId | None = Field(description="Id of the enclosing region; null for 'body'.")
    uberon: UberonId | None = Field(default=None, description="Uberon anatomy id, if one exists.")
    synonyms: tuple[str | Synonym, ...] = Field(
        default=(), description="Words people write for it, lay and clinical, lower case."
    )
    sources: tuple[SourceId, ...] = Field(
        default=(), description="Sources of the Uberon id (required when `uberon` is set)."
    )

    @model_validator(mode="after")
    def _uberon_needs_source(self) -> "Region":
        if self.uberon is not None and not self.sources:
            raise ValueError("a region with an `uberon` id needs `sources`")
        return self

    @field_validator("id")
    @classmethod
    def _no_double_dots(cls, v: str) -> str:
        if ".." in v:
            raise ValueError("empty id segment")
        return v

    @field_validator("synonyms")
    @classmethod
    def _lower_case(cls, v: tuple[str | Synonym, ...]) -> tuple[str | Synonym, ...]:
        for s in v:
            text = s if isinstance(s, str) else s.text
            if text != text.lower().strip():
                raise ValueError(f"synonym {text!r} must be lower case")
        return v

    def phrases(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Every synonym as (text, implied aspects)."""
        return tuple((s, ()) if isinstance(s, str) else (s.text, s.aspects) for s in self.synonyms)

    def __repr__(self) -> str:
        """Short: id and name (``model_dump()`` has every field)."""
        return f"<Region {self.id}: {self.name}>"


class LimbSurface(Record):
    """Which aspects of a limb form its Yin (inner) or Yang (outer) surface."""

    limb: Literal["arm", "leg"] = Field(description="Arm or leg.")
    surface: Surface = Field(description="Yin or Yang.")
    aspects: tuple[Aspect, ...] = Field(min_length=1, description="Aspects on this surface.")
    name: str = Field(min_length=1, description="English name.")
    description: str = Field(min_length=10, description="What it covers, in this library's words.")
    sources: SourceIds


class Territory(Record):
    """Part of the skin, as a region and optionally some of its aspects."""

    region: RegionId = Field(description="Region id.")
    aspects: tuple[Aspect, ...] = Field(default=(), description="Aspects; empty = all of it.")


class Nerve(Record):
    """A nerve, its spinal roots and (for cutaneous nerves) its skin territory."""

    id: NerveId = Field(description="Id, e.g. 'radial.superficial' or 'dorsal_ramus.L5'.")
    name: str = Field(min_length=1, description="English name.")
    parent: NerveId | None = Field(description="Nerve it branches from; null for a root nerve.")
    kind: Literal["plexus", "mixed", "motor", "cutaneous", "ramus", "cranial", "autonomic"] = Field(
        description="What sort of nerve."
    )
    segments: tuple[SpinalLevel, ...] = Field(
        description="Spinal roots it carries (empty for cranial and autonomic nerves)."
    )
    territory: tuple[Territory, ...] = Field(default=(), description="Skin it supplies.")
    aliases: tuple[str, ...] = Field(default=(), description="Other names used by the sources.")
    uberon: UberonId | None = Field(default=None, description="Uberon id, if any.")
    sources: SourceIds

    @model_validator(mode="after")
    def _check_segments(self) -> "Nerve":
        if (self.kind in ("cranial", "autonomic")) != (not self.segments):
            raise ValueError("cranial and autonomic nerves have no segments; others need them")
        return self

    def __repr__(self) -> str:
        """Short: id and name (``model_dump()`` has every field)."""
        return f"<Nerve {self.id}: {self.name}>"


class Segment(Record):
    """A spinal segment and its dermatome."""

    id: SpinalLevel = Field(description="Segment, C2 ... S5.")
    key_point: str = Field(
        min_length=5, description="Its ISNCSCI key sensory point, in this library's words."
    )
    key_region: RegionId = Field(description="Region of the key sensory point.")
    territory: tuple[Territory, ...] = Field(min_length=1, description="Skin of its dermatome.")
    sources: SourceIds

    def __repr__(self) -> str:
        """Short: the segment (``model_dump()`` has every field)."""
        return f"<Segment {self.id}>"


Side = Literal["left", "right", "both"]
Pattern = Literal["spot", "region", "nerve_territory", "dermatome", "stocking_glove", "multifocal"]


class RegionRef(Record):
    """One body region named in a symptom description."""

    region: RegionId = Field(description="Region id.")
    aspects: tuple[Aspect, ...] = Field(default=(), description="Aspects, if the text gives any.")
    surface: Surface | None = Field(
        default=None, description="Yin (inner) or Yang (outer) limb surface, when decided."
    )
    side: Side | None = Field(default=None, description="Side, when the text gives one.")
    words: str | None = Field(default=None, description="The words that named it.")


ContextTag = Literal["negated", "historical", "hypothetical", "other"]
AreaRole = Literal[
    "numb", "cause_site", "trigger", "operation", "fine", "descriptor", "flag", "pain", "weak"
]


class Finding(Record):
    """One thing the reader found in a description: a body area, a cause, a time-course
    term or a red-flag concept, with the words it came from and their context."""

    kind: Literal["area", "cause", "course", "flag", "person"] = Field(
        description="What was found."
    )
    id: str = Field(
        description="Region id, cause id, 'facet:value' of the time course, red-flag id, or "
        "for a fact about the person the condition id of safety.yaml."
    )
    words: str = Field(description="The words it was read from, as the text wrote them.")
    role: AreaRole | None = Field(
        default=None, description="For an area: numb, or what else it is named for."
    )
    context: tuple[ContextTag, ...] = Field(
        default=(), description="Negated, historical, hypothetical or someone else's."
    )
    concept: str | None = Field(
        default=None,
        description="For a red flag or a fact about the person: the concept of text.yaml "
        "that found it.",
    )
    urgency: Literal["emergency", "urgent", "soon"] | None = Field(
        default=None, description="For a red flag: the urgency this concept gives it, if any."
    )
    side: Side | None = Field(
        default=None,
        description="For an area or a red flag: the side written with its words ('left side "
        "of my body', 'my right hand'), if any.",
    )


class Reading(Record):
    """What the text reader made of a description (:mod:`acupoints.text`): every finding
    with its context, the cause it points to and the spelling it corrected."""

    text: str = Field(description="The text read.")
    areas: tuple[Finding, ...] = Field(
        default=(), description="Every body area named, with its role and context."
    )
    causes: tuple[Finding, ...] = Field(
        default=(), description="Causes named, in order; those without context count."
    )
    course: tuple[Finding, ...] = Field(default=(), description="Time course and modifiers.")
    flags: tuple[Finding, ...] = Field(
        default=(), description="Red-flag concepts found; those without context raise a flag."
    )
    person: tuple[Finding, ...] = Field(
        default=(),
        description="Facts about the person that change which points are safe (pregnant, "
        "on anticoagulants, a pacemaker ...); those without context are applied.",
    )
    corrected: tuple[tuple[str, str], ...] = Field(
        default=(), description="(word as written, word as read) for each spelling change."
    )
    for_another: str | None = Field(
        default=None,
        description="The words naming another person the writer asks for ('my wife'), when "
        "the writer names no numb area of their own: what is said of that person is read as "
        "the patient's.",
    )

    @property
    def cause(self) -> str | None:
        """The cause the text gives: the first cause found without a context."""
        return next((f.id for f in self.causes if not f.context), None)

    @property
    def cause_ids(self) -> tuple[str, ...]:
        """Every cause the text gives (no context), in order, each once."""
        return tuple(dict.fromkeys(f.id for f in self.causes if not f.context))

    def flag_words(self) -> dict[str, tuple[str, ...]]:
        """Red-flag id -> the words that raise it (findings without context only)."""
        out: dict[str, list[str]] = {}
        for f in self.flags:
            if not f.context:
                out.setdefault(f.id, []).append(f.words)
        return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


class Location(Record):
    """Where someone is numb: regions, side, digits, distribution pattern, and the spinal
    segments and nerves that could account for it.

    Made by :func:`acupoints.parse_location` from text, or by
    :meth:`KnowledgeBase.location` from region ids.
    """

    text: str | None = Field(default=None, description="The text it was read from, if any.")
    regions: tuple[RegionRef, ...] = Field(min_length=1, description="Regions involved.")
    side: Side | None = Field(default=None, description="Overall side, when the text gives one.")
    digits: tuple[RegionId, ...] = Field(default=(), description="Fingers and toes involved.")
    pattern: Pattern = Field(
        description="spot, region, nerve_territory, dermatome, stocking_glove or multifocal."
    )
    segments: tuple[SpinalLevel, ...] = Field(
        default=(), description="Spinal segments whose dermatomes cover it, best first."
    )
    nerves: tuple[NerveId, ...] = Field(
        default=(), description="Cutaneous nerves whose territories cover it, best first."
    )
    negated: tuple[RegionId, ...] = Field(
        default=(), description="Regions the text explicitly excludes ('but not my hands')."
    )
    ignored: tuple[str, ...] = Field(
        default=(),
        description="Words not read as anatomy nor used by any other reading (a cause, "
        "the time course, a red flag, a fact about the person, the role of an area).",
    )
    reading: Reading | None = Field(
        default=None,
        description="Everything the text reader found (areas and their roles, causes, "
        "time course, red-flag concepts, spelling), when read from text.",
    )

    @property
    def region_ids(self) -> tuple[str, ...]:
        """The region ids, in the order named."""
        return tuple(r.region for r in self.regions)

    def __str__(self) -> str:
        parts = []
        for r in self.regions:
            side = r.side if r.side in ("left", "right") else ""
            bits = [side, ", ".join(r.aspects), r.region]
            text = " ".join(b for b in bits if b)
            parts.append(f"{text} (both sides)" if r.side == "both" else text)
        return f"{'; '.join(parts)} [{self.pattern}]"

    def __repr__(self) -> str:
        """Short: the regions as read and the pattern (``model_dump()`` has every field)."""
        return f"<Location {self}>"


# -- the body figure (figure.yaml) -------------------------------------------------------

FIGURE_WIDTH, FIGURE_HEIGHT = 200.0, 420.0
"""Size of one view of the body figure, in figure units (SVG user units)."""

XY = tuple[
    Annotated[float, Field(ge=0, le=FIGURE_WIDTH)], Annotated[float, Field(ge=0, le=FIGURE_HEIGHT)]
]
View = Literal["front", "back"]


_RARE = frozenset(
    {
        "FigurePart",
        "JapaneseReading",
        "KoreanReading",
        "PointPosition",
        "PointReadings",
        "RegionFigure",
        "RegionShape",
        "Source",
        "VietnameseReading",
        "romanize_hangul",
        "romanize_kana",
    }
)
"""The classes an answer never uses, and the romanisations only their readings use, made
on first use (see :mod:`acupoints._models_rare`)."""


# the classes of :data:`_RARE` are made by the first use of one of them
__getattr__, __dir__ = made_on_first_use(globals(), _RARE)
