"""Closed vocabularies shared by the data files and the models.

Each vocabulary is a ``Literal`` type (for the models and for mypy) and a tuple of its
values (for code that iterates over it). They import nothing from the rest of the library.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "ASPECTS",
    "CATEGORY_KINDS",
    "ELEMENTS",
    "EXTRA_GROUPS",
    "MERIDIAN_CODES",
    "REGULAR_MERIDIANS",
    "SIX_CHANNELS",
    "VESSEL_CODES",
    "Angle",
    "Aspect",
    "CategoryKind",
    "CautionKind",
    "ChannelCode",
    "Edge",
    "Element",
    "ExtraGroup",
    "Influence",
    "Laterality",
    "Limb",
    "MeridianCode",
    "SixChannel",
    "Structure",
    "Surface",
    "VesselCode",
    "YinYang",
]

MeridianCode = Literal[
    "LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV"
]
"""WHO 2008 codes of the 12 regular meridians and the Governor and Conception vessels."""

MERIDIAN_CODES: tuple[str, ...] = get_args(MeridianCode)
REGULAR_MERIDIANS: tuple[str, ...] = MERIDIAN_CODES[:12]

VesselCode = Literal["CHONG", "DAI", "YINQIAO", "YANGQIAO", "YINWEI", "YANGWEI"]
"""The six extraordinary vessels that have no points of their own."""

VESSEL_CODES: tuple[str, ...] = get_args(VesselCode)

ChannelCode = Literal[
    "LU",
    "LI",
    "ST",
    "SP",
    "HT",
    "SI",
    "BL",
    "KI",
    "PC",
    "TE",
    "GB",
    "LR",
    "GV",
    "CV",
    "CHONG",
    "DAI",
    "YINQIAO",
    "YANGQIAO",
    "YINWEI",
    "YANGWEI",
]
"""Any channel a point can belong to or cross: a meridian or an extraordinary vessel."""

ExtraGroup = Literal["HN", "CA", "B", "UE", "LE"]
"""Body areas of the WHO extra points: head and neck, chest and abdomen, back,
upper extremity, lower extremity (codes ``EX-HN1`` ... ``EX-LE12``)."""

EXTRA_GROUPS: tuple[str, ...] = get_args(ExtraGroup)

YinYang = Literal["yin", "yang"]
Limb = Literal["hand", "foot"]
SixChannel = Literal["taiyin", "yangming", "shaoyin", "taiyang", "jueyin", "shaoyang"]
SIX_CHANNELS: tuple[str, ...] = get_args(SixChannel)
Element = Literal["wood", "fire", "earth", "metal", "water"]
ELEMENTS: tuple[str, ...] = get_args(Element)

Surface = Literal["yin", "yang"]
"""Limb surface as the seeds use the words: Yin = inner (flexor, palmar, medial leg),
Yang = outer (extensor, dorsal, anterior/lateral/posterior leg)."""

Edge = Literal["radial", "middle", "ulnar", "anterior", "lateral", "posterior"]
"""Where along a limb surface a channel runs."""

Aspect = Literal[
    "anterior",
    "posterior",
    "medial",
    "lateral",
    "dorsal",
    "palmar",
    "plantar",
    "radial",
    "ulnar",
    "superior",
    "inferior",
]
ASPECTS: tuple[str, ...] = get_args(Aspect)

Laterality = Literal["midline", "bilateral", "left", "right"]
"""``bilateral``: one on each side; ``left``/``right``: a single site on that side only
(EX-HN12 Jinjin, EX-HN13 Yuye)."""

Angle = Literal["perpendicular", "oblique", "transverse", "prick", "none"]
"""Needle insertion: ``transverse`` is subcutaneous/horizontal, ``prick`` is pricking to
bleed, ``none`` means needling is forbidden at the site."""

CategoryKind = Literal[
    "jing_well",
    "ying_spring",
    "shu_stream",
    "jing_river",
    "he_sea",
    "yuan_source",
    "luo_connecting",
    "xi_cleft",
    "back_shu",
    "front_mu",
    "lower_he_sea",
    "confluent",
    "influential",
    "crossing",
]
CATEGORY_KINDS: tuple[str, ...] = get_args(CategoryKind)

Influence = Literal["zang", "fu", "qi", "blood", "sinew", "vessel", "bone", "marrow"]
"""What each of the eight influential (hui-meeting) points governs."""

CautionKind = Literal["structure", "pregnancy", "technique", "other"]

Structure = Literal[
    "lung",
    "trachea",
    "heart",
    "artery",
    "vein",
    "eye",
    "spinal_cord",
    "medulla",
    "brain",
    "nerve",
    "liver",
    "spleen",
    "kidney",
    "bladder",
    "intestine",
    "abdominal_organ",
    "peritoneum",
    "joint_capsule",
    "breast",
    "fontanelle",
    "other",
]
"""Structures a needle can injure."""
