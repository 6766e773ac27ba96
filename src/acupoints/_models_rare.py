"""The record classes that an answer never uses: of :mod:`acupoints.models`, the source
register, the readings of the points' names (readings.yaml) and the body figure
(figure.yaml); of :mod:`acupoints.safety`, the danger zones; of :mod:`acupoints.rules`,
the core points of the published protocols; and the romanisations of the readings
(:func:`~acupoints.models.romanize_hangul`, :func:`~acupoints.models.romanize_kana`), which
only the readings use.

They are made on first use, through their home module's ``__getattr__`` (or a YAML load,
a schema, or :attr:`Dataset.model_fields <acupoints.loading.Dataset>`, which resolve
:class:`~acupoints.loading.Dataset`'s references to them first): each pydantic model
class keeps about 18 KiB of fields, validators and schema for the life of a process.
``__module__`` names their home, so that pickles, ``help()`` and the docs find them
there, as before.
"""

import re
from functools import cache
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from . import models as _models
from . import rules as _rules
from . import safety as _safety
from ._record import Record
from .errors import QueryError
from .models import (
    POINT_CODE,
    XY,
    Point,
    RegionId,
    SourceId,
    SourceIds,
    View,
)
from .rules import EvidenceLevel
from .safety import PointCode
from .vocab import Aspect, Structure

if TYPE_CHECKING:
    from .kb import KnowledgeBase

__all__ = [
    "CorePoint",
    "DangerZone",
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
]

# Revised Romanization, by jamo index: initial consonants ("-" is the silent ieung), vowels,
# and final consonants (index 0: none), as Hangul syllables are composed in Unicode.
_RR_INITIAL = [c.strip("-") for c in "g kk n d tt r m b pp s ss - j jj ch k t p h".split()]  # noqa: SIM905
_RR_VOWEL = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()  # noqa: SIM905
_RR_FINAL = ["", *"k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()]  # noqa: SIM905


def romanize_hangul(hangul: str) -> str:
    """Revised Romanization of Korean, letter by letter: each syllable is written on its
    own, without the rules that change a sound next to another (``족삼리`` ->
    ``Joksamri``, where the spoken form is *joksamni*), and ``ㄹ`` after ``ㄹ`` as ``l``.
    Raises :class:`~acupoints.errors.QueryError` for text that is not Hangul syllables.

    ```pycon
    >>> from acupoints.models import romanize_hangul
    >>> romanize_hangul("곤륜"), romanize_hangul("합곡")
    ('Gonryun', 'Hapgok')

    ```
    """
    if not isinstance(hangul, str) or not hangul:
        raise QueryError(f"expected Hangul syllables, got {hangul!r}")
    out: list[str] = []
    prev_final = ""
    for ch in hangul:
        n = ord(ch) - 0xAC00
        if not 0 <= n < 11172:
            raise QueryError(f"{ch!r} in {hangul!r} is not a Hangul syllable")
        initial = _RR_INITIAL[n // 588]
        if initial == "r" and prev_final == "l":
            initial = "l"
        prev_final = _RR_FINAL[n % 28]
        out.append(initial + _RR_VOWEL[n % 588 // 28] + prev_final)
    return "".join(out).capitalize()


# Hepburn romanisation of hiragana: the digraphs first (a kana of the i column and a small
# ya, yu or yo: きょ kyo, しゃ sha, ちゅ chu), then the single kana.
_HEPBURN_DIGRAPHS = {
    k + small: v + tail
    for k, v in {
        "き": "ky",
        "ぎ": "gy",
        "し": "sh",
        "じ": "j",
        "ち": "ch",
        "ぢ": "j",
        "に": "ny",
        "ひ": "hy",
        "び": "by",
        "ぴ": "py",
        "み": "my",
        "り": "ry",
    }.items()
    for small, tail in (("ゃ", "a"), ("ゅ", "u"), ("ょ", "o"))
}
_KANA_ROWS = (
    "あいうえおかきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでど"
    "なにぬねのはひふへほばびぶべぼぱぴぷぺぽまみむめもやゆよらりるれろわを"
)
_ROMAJI_ROWS = (
    "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo "
    "ta chi tsu te to da ji zu de do na ni nu ne no ha hi fu he ho ba bi bu be bo "
    "pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro wa o"
)
_HEPBURN_KANA = dict(zip(_KANA_ROWS, _ROMAJI_ROWS.split(), strict=True))


@cache
def _hiragana() -> re.Pattern[str]:
    """Hiragana only; compiled on first use (an answer never reads it)."""
    return re.compile(r"^[\u3041-\u3096]+$")


def romanize_kana(kana: str) -> str:
    """Hepburn romanisation of a reading in hiragana, capitalised, with the long vowels
    *ou*, *oo* and *uu* written ``ō`` and ``ū``, ``n'`` before a vowel or *y*, and ``っ``
    as a doubled consonant (``tch`` before *ch*). The long vowels are joined across the
    whole word; the readings of readings.yaml were checked to have no *o* or *u* at the
    end of one character's reading before a *u* or *o* starting the next (see the docs).
    Raises :class:`~acupoints.errors.QueryError` for text that is not hiragana.

    ```pycon
    >>> from acupoints.models import romanize_kana
    >>> romanize_kana("ごうこく"), romanize_kana("あしさんり"), romanize_kana("しんえ")
    ('Gōkoku', 'Ashisanri', "Shin'e")

    ```
    """
    if not isinstance(kana, str) or not _hiragana().match(kana):
        raise QueryError(f"expected a reading in hiragana, got {kana!r}")
    syllables: list[str] = []
    i = 0
    while i < len(kana):
        pair = kana[i : i + 2]
        if pair in _HEPBURN_DIGRAPHS:
            syllables.append(_HEPBURN_DIGRAPHS[pair])
            i += 2
            continue
        ch = kana[i]
        if ch in _HEPBURN_KANA:
            syllables.append(_HEPBURN_KANA[ch])
        elif ch in "んっ":
            syllables.append(ch)
        else:
            raise QueryError(f"{ch!r} in {kana!r} cannot be romanised")
        i += 1
    out = ""
    for n, syl in enumerate(syllables):
        nxt = syllables[n + 1] if n + 1 < len(syllables) else ""
        if syl == "っ":
            if not nxt or nxt[0] in "aiueon":
                raise QueryError(f"a small tsu in {kana!r} has no consonant after it")
            out += "t" if nxt.startswith("ch") else nxt[0]
        elif syl == "ん":
            out += "n'" if nxt[:1] in ("a", "i", "u", "e", "o", "y") else "n"
        else:
            out += syl
    for long, mark in (("ou", "ō"), ("oo", "ō"), ("uu", "ū")):
        out = out.replace(long, mark)
    return out[:1].upper() + out[1:]


class Source(Record):
    """A publication or dataset that facts are taken from."""

    id: SourceId = Field(description="Short id used in the `sources` lists of other files.")
    title: str = Field(min_length=1, description="Full title.")
    author: str | None = Field(default=None, description="Authors or issuing body.")
    year: int | None = Field(default=None, ge=1000, le=2100, description="Year of publication.")
    kind: Literal["standard", "textbook", "dataset", "guideline", "article", "website"] = Field(
        description="What sort of source it is."
    )
    identifier: str | None = Field(
        default=None, description="ISBN, DOI, PMID or repository name that identifies it."
    )
    url: str | None = Field(default=None, description="Where a copy can be read.")
    license: str | None = Field(default=None, description="Licence of the material, if known.")
    used_for: str = Field(min_length=1, description="Which facts this library takes from it.")
    note: str | None = Field(default=None, description="Known slips or caveats.")

    def __repr__(self) -> str:
        """Short: the id and the title (``model_dump()`` has every field)."""
        return f"<Source {self.id}: {self.title[:60]}>"


class KoreanReading(Record):
    """The Sino-Korean reading of a point's name, in Hangul."""

    hangul: str = Field(
        pattern=r"^[\uac00-\ud7a3]+$",
        description="The reading in Hangul syllables, one for each character of the name: '합곡'.",
    )
    sources: SourceIds

    @property
    def romanized(self) -> str:
        """The reading in Revised Romanization, letter by letter (see
        :func:`romanize_hangul`): ``'Hapgok'``."""
        return romanize_hangul(self.hangul)


class JapaneseReading(Record):
    """The Japanese reading of a point's name, in hiragana, with the name as Japanese
    writes it (shinjitai, the simplified forms of post-war Japan: 百会 for 百會)."""

    kana: str = Field(
        pattern=r"^[\u3041-\u3096]+$",
        description="The reading in hiragana: 'ごうこく' (LI4), 'あしさんり' (ST36).",
    )
    kanji: str = Field(
        pattern=r"^[\u3400-\u9fff\uf900-\ufaff]+$",
        description="The name in Japanese characters as the sources write it: '百会' (GV20).",
    )
    sources: SourceIds

    @property
    def romanized(self) -> str:
        """The reading in Hepburn romanisation (see :func:`romanize_kana`): ``'Gōkoku'``."""
        return romanize_kana(self.kana)


class VietnameseReading(Record):
    """The Sino-Vietnamese (Hán-Việt) reading of a point's name."""

    name: str = Field(
        pattern=r"^[^\W\d_]+( [^\W\d_]+)*$",
        description="The reading in Vietnamese letters, one word for each character of the "
        "name, the first capitalised: 'Túc tam lý'.",
    )
    sources: SourceIds


class PointReadings(Record):
    """How the name of a point is read in Korean, Vietnamese and Japanese (readings.yaml). A
    language is absent where no reading passed the sources' check (see the docs'
    coverage note)."""

    code: str = Field(description="WHO code of the point: 'LI4'.", pattern=POINT_CODE.pattern)
    korean: KoreanReading | None = Field(default=None, description="Sino-Korean reading.")
    vietnamese: VietnameseReading | None = Field(
        default=None, description="Sino-Vietnamese reading."
    )
    japanese: JapaneseReading | None = Field(default=None, description="Japanese reading.")

    @model_validator(mode="after")
    def _check_any(self) -> "PointReadings":
        if self.korean is None and self.vietnamese is None and self.japanese is None:
            raise ValueError(f"{self.code} gives no reading")
        return self

    def __repr__(self) -> str:
        """Short: the code and the readings."""
        parts = [self.korean.hangul if self.korean else None]
        parts.append(self.vietnamese.name if self.vietnamese else None)
        parts.append(self.japanese.kana if self.japanese else None)
        return f"<PointReadings {self.code}: " + " / ".join(p or "-" for p in parts) + ">"


class FigurePart(Record):
    """A part of the body outline (front view, person's right side; the left side is its
    mirror image, and the back view has the same outline)."""

    id: str = Field(pattern=r"^[a-z_]+$", description="Part name: head, trunk, hand ...")
    midline: bool = Field(default=False, description="True for a part drawn whole (head ...).")
    points: tuple[XY, ...] = Field(
        min_length=3, description="Polygon corners, smoothed when drawn."
    )


class RegionShape(Record):
    """One shape that shades a region in one view, for the person's right side (mirrored
    for the left) or whole for a midline shape."""

    view: View
    aspects: tuple[Aspect, ...] = Field(
        default=(), description="Aspects this shape shows; empty means every aspect."
    )
    midline: bool = Field(default=False, description="A shape drawn once, across the midline.")
    points: tuple[XY, ...] = Field(min_length=3, description="Polygon corners.")
    note: str | None = Field(default=None, description="Why the shape is drawn where it is.")


class RegionFigure(Record):
    """The shapes that shade a body region on the figure."""

    region: RegionId
    shapes: tuple[RegionShape, ...] = Field(min_length=1)


class PointPosition(Record):
    """Where a point is drawn on the body figure: the view in which it is best seen and
    its place there for the person's right side (midline points: x = 100)."""

    code: str = Field(pattern=POINT_CODE.pattern, description="Point code.")
    view: View = Field(description="front or back.")
    at: XY = Field(description="x, y in that view.")
    note: str | None = Field(default=None, description="A remark on the placement.")


# -- of acupoints.safety ------------------------------------------------------------------


class DangerZone(Record):
    """An area where a needle can reach a structure at risk (the lung under the chest wall,
    the spinal canal ...): every point in it must carry a caution for that structure
    (checked by the data-integrity tests). A point is in the zone when it is one of
    ``points``, lies in one of ``regions`` (with ``off_midline``, only off the midline),
    or its location names one of ``location_words``."""

    id: str = Field(pattern=r"^[a-z_]+$")
    name: str = Field(min_length=3)
    structures: tuple[Structure, ...] = Field(
        min_length=1, description="A point in the zone cautions for one of these."
    )
    points: tuple[PointCode, ...] = Field(default=(), description="These points.")
    regions: tuple[RegionId, ...] = Field(default=(), description="Points in these regions.")
    off_midline: bool = Field(
        default=False, description="With `regions`: only the points that are not on the midline."
    )
    location_words: tuple[str, ...] = Field(
        default=(),
        description="Points whose location (landmarks or description) names one of these words.",
    )
    note: str = Field(min_length=10, description="Why, in this library's words.")
    sources: SourceIds

    def holds(self, kb: "KnowledgeBase", point: Point) -> bool:
        """Whether ``point`` lies in the zone."""
        if point.code in self.points:
            return True
        loc = point.location
        midline_left_out = self.off_midline and loc.laterality == "midline"
        if not midline_left_out and any(kb.anatomy.within(loc.region, r) for r in self.regions):
            return True
        if self.location_words:
            # each landmark and the description on its own: a zone word is never made of
            # the end of one landmark and the start of the next
            parts = [part.lower() for part in (*loc.landmarks, loc.description)]
            return any(w in part for part in parts for w in self.location_words)
        return False


# -- of acupoints.rules -------------------------------------------------------------------


class CorePoint(Record):
    """A point the published protocols for a cause use: how many publications, of which
    designs, and the evidence level that gives (see :func:`evidence_level`)."""

    code: str = Field(description="Point code.")
    cause: str = Field(description="Cause id.")
    publications: int = Field(ge=1, description="Independent publications that use it.")
    designs: dict[str, int] = Field(description="Publications by design.")
    level: EvidenceLevel = Field(description="Evidence level (see evidence_level).")
    sources: tuple[str, ...] = Field(description="The publications, ids in sources.yaml.")


# the home modules' own name strings (a pickle stores a string once per object: the
# prebuilt file is then the same, byte for byte, as with the classes defined at home)
for _cls in (
    Source,
    KoreanReading,
    JapaneseReading,
    VietnameseReading,
    PointReadings,
    FigurePart,
    RegionShape,
    RegionFigure,
    PointPosition,
    romanize_hangul,
    romanize_kana,
):
    _cls.__module__ = _models.__name__
DangerZone.__module__ = _safety.__name__
CorePoint.__module__ = _rules.__name__
del _cls

# doctest finds a module's functions by their __module__, which names acupoints.models
# (whose namespace holds them only once asked for): their examples run from here
__test__ = {"romanize_hangul": romanize_hangul, "romanize_kana": romanize_kana}
