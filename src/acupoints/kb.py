"""The :class:`KnowledgeBase`: lookups over the validated records and the graph.

```pycon
>>> import acupoints
>>> kb = acupoints.load()
>>> kb["li-4"].names.pinyin, kb.point("合谷").code, kb.get("LI99") is None
('Hegu', 'LI4', True)
>>> len(kb.points_of("LI")), [p.code for p in kb.neighbours("LI4")]
(20, ['LI3', 'LI5'])

```
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .errors import (
    AmbiguousPointError,
    DataError,
    LocationError,
    QueryError,
    UnknownCauseError,
    UnknownMeridianError,
    UnknownNerveError,
    UnknownPointError,
    UnknownRegionError,
    UnknownSegmentError,
    UnknownSourceError,
    count_arg,
    names_arg,
)
from .index import code_order, meridian_prefixes
from .loading import Dataset, _complete, read_dataset
from .models import (
    LimbSurface,
    Meridian,
    Nerve,
    Point,
    Region,
    Segment,
    Vessel,
)
from .names import name_key, prefix_key, suggest

_WORD = re.compile(r"[a-z0-9]+")
"""A word of a query, as the words of a cause id are cut (``cubital_tunnel``)."""

if TYPE_CHECKING:
    import networkx as nx

    from ._point_index import PointIndex
    from .anatomy import Anatomy
    from .batch import BatchResult
    from .figure import BodyMap
    from .models import Location, PointReadings, Reading, Source
    from .rules import (
        Cause,
        Composition,
        CorePoint,
        ProtocolStep,
        ReferenceProtocol,
        Rule,
        Scoring,
    )
    from .safety import AdviceItem, DangerZone, Patient, PatientCondition, RedFlagRule
    from .selection import Selection

__all__ = ["KnowledgeBase"]


class KnowledgeBase:
    """Validated points, meridians, vessels, regions and sources, with lookups and a graph.

    Build one with :func:`acupoints.load` (packaged data, cached), :meth:`from_directory`
    (a data directory someone else maintains) or :meth:`from_records` (records made in
    code, e.g. a small fixture). Every constructor runs the cross-record checks of
    :func:`acupoints.integrity.check_dataset` and raises :class:`DataError` on the first
    problem (``err.problems`` lists them all).
    """

    def __init__(
        self,
        data: Dataset,
        *,
        origin: str | None = None,
        _checked: bool = False,
        _version: str | None = None,
        _indexed: bool = True,
    ) -> None:
        if _version is not None:  # known already (the prebuilt dataset carries it)
            self.__dict__["data_version"] = _version
        try:
            self._build(data, origin, _checked)
            if _indexed:  # its checks raise here; the prebuilt data's ran at its build
                self._index  # noqa: B018 (built now, by the cached property)
        except DataError as exc:
            problems = exc.problems
            if origin is not None and os.path.isdir(origin):
                problems = [p.relocated(origin) for p in problems]
            first = problems[0]
            first.problems = problems
            raise first from None

    @cached_property
    def _index(self) -> PointIndex:
        """The index of the points' codes and names (built by the constructor, which runs
        its checks, or on first use for the prebuilt data, checked when it was built)."""
        from ._point_index import PointIndex  # (a first answer looks nothing up by name)

        return PointIndex(self._points.values(), self._prefixes, self._data.readings)

    @cached_property
    def _readings(self) -> dict[str, PointReadings]:
        """The readings of the points' names by code (on first use: the prebuilt data
        reads them from its file only then)."""
        return {r.code: r for r in self._data.readings}

    @cached_property
    def _sources(self) -> dict[str, Source]:
        """The source register by id (on first use, as :attr:`_readings`)."""
        return {s.id: s for s in self._data.sources}

    def _build(self, data: Dataset, origin: str | None, checked: bool) -> None:
        problems = []
        if not checked:  # the prebuilt data was checked when it was built
            from .integrity import check_dataset

            problems = check_dataset(data)
        if problems:
            first = problems[0]
            first.problems = problems
            raise first
        self._data = data
        self.origin = origin
        """Where the data came from (a directory path), if known."""
        self._points: dict[str, Point] = {
            p.code: p for p in sorted(data.points, key=lambda p: code_order(p.code))
        }
        self._meridians: dict[str, Meridian] = {
            m.code: m for m in sorted(data.meridians, key=lambda m: code_order(m.code + "0"))
        }
        self._vessels: dict[str, Vessel] = {v.code: v for v in data.vessels}
        self._regions: dict[str, Region] = {r.id: r for r in data.regions}
        self._nerves: dict[str, Nerve] = {n.id: n for n in data.nerves}
        self._segments: dict[str, Segment] = {s.id: s for s in data.segments}
        self._prefixes = meridian_prefixes(self._meridians.values())
        by_meridian: dict[str, list[Point]] = {code: [] for code in self._meridians}
        for p in self._points.values():
            if p.meridian is not None:
                by_meridian[p.meridian].append(p)
        self._by_meridian = {k: tuple(v) for k, v in by_meridian.items()}
        self._cause_keys: dict[str, Cause] | None = None  # built by cause() on first use
        self._cause_memo: dict[str, Cause] = {}  # texts cause() has read
        self._answers: OrderedDict[Hashable, Selection] = OrderedDict()  # see ANSWERS_KEPT
        self._answers_lock = threading.Lock()

    # ----------------------------------------------------------------- constructors
    @classmethod
    def from_directory(cls, path: str | os.PathLike[str]) -> KnowledgeBase:
        """Load and validate the data files of directory ``path``."""
        if not isinstance(path, (str, os.PathLike)):
            raise QueryError(f"path must be a directory path, got {path!r}")
        return cls(read_dataset(path), origin=os.fspath(path), _checked=True)

    @classmethod
    def from_records(
        cls,
        *,
        points: Iterable[Point | dict[str, Any]],
        meridians: Iterable[Meridian | dict[str, Any]],
        sources: Iterable[Source | dict[str, Any]],
        regions: Iterable[Region | dict[str, Any]],
        vessels: Iterable[Vessel | dict[str, Any]] = (),
    ) -> KnowledgeBase:
        """Build a knowledge base from records (models or plain dicts) made in code."""
        from pydantic import ValidationError

        given = {"points": points, "meridians": meridians, "sources": sources}
        for what, records in {**given, "regions": regions, "vessels": vessels}.items():
            if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable):
                raise QueryError(f"{what} must be a list of records, got {records!r}")
        try:
            data = Dataset.model_validate(
                {
                    "points": tuple(points),
                    "meridians": tuple(meridians),
                    "sources": tuple(sources),
                    "regions": tuple(regions),
                    "vessels": tuple(vessels),
                }
            )
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            loc = [str(p) for p in err["loc"]]
            raise DataError(
                str(err["msg"]),
                file="<records>",
                entry=".".join(loc[:2]) or None,
                field=".".join(loc[2:]) or None,
            ) from None
        return cls(data, origin="<records>")

    # ---------------------------------------------------------------------- records
    @property
    def points(self) -> tuple[Point, ...]:
        """Every point, in WHO order (LU1 ... CV24, then EX-HN1 ... EX-LE12)."""
        return tuple(self._points.values())

    @property
    def standard_points(self) -> tuple[Point, ...]:
        """The WHO standard points on the 14 meridians (361 in the packaged data)."""
        return tuple(p for p in self._points.values() if not p.is_extra)

    @property
    def extra_points(self) -> tuple[Point, ...]:
        """The WHO extra points (``EX-...``)."""
        return tuple(p for p in self._points.values() if p.is_extra)

    @property
    def meridians(self) -> tuple[Meridian, ...]:
        """The 12 regular meridians in flow order, then GV and CV."""
        return tuple(self._meridians.values())

    @property
    def vessels(self) -> tuple[Vessel, ...]:
        """The six extraordinary vessels that have no points of their own."""
        return tuple(self._vessels.values())

    @property
    def regions(self) -> tuple[Region, ...]:
        """Body regions, root first."""
        return tuple(self._regions.values())

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source cited by the data."""
        return tuple(self._sources.values())

    @property
    def nerves(self) -> tuple[Nerve, ...]:
        """Nerves, with their roots and skin territories."""
        return tuple(self._nerves.values())

    @property
    def segments(self) -> tuple[Segment, ...]:
        """Spinal segments C2-S5 and their dermatomes."""
        return tuple(self._segments.values())

    @property
    def surfaces(self) -> tuple[LimbSurface, ...]:
        """The Yin and Yang surfaces of the arm and the leg."""
        return self._data.surfaces

    @property
    def dataset(self) -> Dataset:
        """The validated records this knowledge base was built from."""
        _complete(self._data)  # whole: what a user does with it may read every field at once
        return self._data

    @cached_property
    def data_version(self) -> str:
        """The version of the data: a digest of every record (see
        :func:`acupoints.loading.data_version`), the same for the same content however it
        was loaded. Every selection and export carries it.

        ```pycon
        >>> import acupoints
        >>> kb = acupoints.load()
        >>> len(kb.data_version), kb.select("numb right thumb").data_version == kb.data_version
        (12, True)

        ```
        """
        from .loading import data_version

        return data_version(self._data)

    # ---------------------------------------------------------------------- lookups
    @cached_property
    def point_map(self) -> Mapping[str, Point]:
        """Canonical code -> point, for callers that already hold canonical codes (no
        spelling variants, no names; a read-only view)."""
        return MappingProxyType(self._points)

    def point(self, query: str | Point) -> Point:
        """The point named by ``query``: a code in any usual spelling (``LI4``, ``LI-4``,
        ``li 4``, ``LI04``, ``LIV3``, ``SJ5``, ``Du14``, ``EX-UE9``), a pinyin name with or
        without tones (``Hegu``, ``Hé Gǔ``), characters (``合谷``), an English name, the
        Korean reading in Hangul or romanised (``합곡``, ``Hapgok``), the Vietnamese reading
        with or without its marks (``Túc tam lý``, ``tuc tam ly``), the Japanese reading in
        kana, Hepburn or as a keyboard types it (``ごうこく``, ``Gōkoku``, ``gokoku``,
        ``goukoku``) or the name in Japanese characters (``百会``), or the point's TARA id
        (``TARA_0859695``, also as its CURIE or IRI). The readings cover most, not all, of
        the 361 points (see :meth:`readings`).

        Raises :class:`UnknownPointError` (a ``KeyError``) with ``suggestions`` when
        nothing matches, :class:`AmbiguousPointError` when a name belongs to several points.

        ```pycon
        >>> import acupoints
        >>> acupoints.load().point("Tianzhu").code
        'BL10'

        ```
        """
        if isinstance(query, Point):
            if self._points.get(query.code) == query:
                return query
            raise UnknownPointError(query.code, self._index.suggestions(query.code))
        if type(query) is str:  # a code as the data writes it (the engine's look-ups)
            found = self._points.get(query)
            if found is not None:
                return found
        return self._points[self._index.resolve(query)]

    def readings(self, query: str | Point) -> PointReadings | None:
        """The Korean, Vietnamese and Japanese readings of the name of the point ``query``
        names (any form :meth:`point` accepts), or ``None`` when the data holds none for it
        (the extra points, and the few standard points whose reading failed the sources'
        check).

        ```pycon
        >>> import acupoints
        >>> r = acupoints.load().readings("ST36")
        >>> r.korean.hangul, r.korean.romanized, r.vietnamese.name
        ('족삼리', 'Joksamri', 'Túc tam lý')
        >>> r.japanese.kanji, r.japanese.kana, r.japanese.romanized
        ('足三里', 'あしさんり', 'Ashisanri')

        ```
        """
        return self._readings.get(self.point(query).code)

    def __getitem__(self, query: str) -> Point:
        return self.point(query)

    def get(self, query: object, default: Point | None = None) -> Point | None:
        """Like :meth:`point`, but returns ``default`` (``None``) for an unknown query.

        A name shared by several points still raises :class:`AmbiguousPointError`:
        answering ``None`` would wrongly say that no such point exists.
        """
        try:
            return self.point(query)  # type: ignore[arg-type]
        except AmbiguousPointError:
            raise
        except UnknownPointError:
            return default

    def __contains__(self, query: object) -> bool:
        try:
            self.point(query)  # type: ignore[arg-type]
        except AmbiguousPointError:
            return True
        except UnknownPointError:
            return False
        return True

    def __len__(self) -> int:
        return len(self._points)

    def __iter__(self) -> Iterator[Point]:
        return iter(self._points.values())

    def __repr__(self) -> str:
        return (
            f"<KnowledgeBase {len(self.standard_points)} standard + "
            f"{len(self.extra_points)} extra points, {len(self._meridians)} meridians, "
            f"origin={self.origin!r}>"
        )

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Codes of the points nearest to ``query`` (what an error would suggest)."""
        limit = count_arg("limit", limit)
        if not isinstance(query, str):
            return []
        return self._index.suggestions(query, limit)

    def search(self, text: str, limit: int = 10) -> list[Point]:
        """Points whose code or any name contains or resembles ``text``, best first.

        An exact lookup comes first; then names that start with or contain the text;
        then near spellings.

        ```pycon
        >>> import acupoints
        >>> [p.code for p in acupoints.load().search("sanli")]
        ['LI10', 'ST36']

        ```
        """
        limit = count_arg("limit", limit)
        hits: list[str] = []

        def add(codes: Iterable[str]) -> None:
            for c in sorted(codes, key=code_order):
                if c not in hits:
                    hits.append(c)

        text = text.strip() if isinstance(text, str) else ""
        if not text:
            return []
        try:
            add([self.point(text).code])
        except AmbiguousPointError as exc:
            add(exc.candidates)
        except UnknownPointError:
            pass
        key = name_key(text)
        names = self._index.names()
        if key:
            add(c for k, cs in names.items() if k.startswith(key) for c in cs)
            add(c for k, cs in names.items() if key in k for c in cs)
        add(
            p.code
            for p in self._points.values()
            if text in p.names.hanzi or text in p.names.hanzi_simplified
        )
        if not hits:
            add(self._index.suggestions(text, limit))
        return [self._points[c] for c in hits[:limit]]

    # -------------------------------------------------------------------- meridians
    def meridian(self, query: str | Meridian) -> Meridian:
        """The meridian named by ``query``: WHO code, legacy abbreviation (``LV``, ``SJ``,
        ``Du``, ``Ren``), or English or pinyin name (``Large Intestine``)."""
        if isinstance(query, Meridian):
            query = query.code
        if not isinstance(query, str):
            raise UnknownMeridianError(query)
        code = self._prefixes.get(prefix_key(query))
        if code is not None:
            return self._meridians[code]
        key = name_key(query)
        for m in self._meridians.values():
            if key == name_key(m.names.pinyin) or query.strip() in (
                m.names.hanzi,
                m.names.hanzi_simplified,
            ):
                return m
        pool = list(self._meridians) + [m.names.english for m in self._meridians.values()]
        hits = suggest(query, pool, 5)
        codes: list[str] = []
        for h in hits:
            code = (
                h
                if h in self._meridians
                else next(m.code for m in self._meridians.values() if m.names.english == h)
            )
            if code not in codes:
                codes.append(code)
        raise UnknownMeridianError(query, codes)

    def points_of(self, meridian: str | Meridian) -> tuple[Point, ...]:
        """The points of a meridian in order (LI1 ... LI20)."""
        return self._by_meridian[self.meridian(meridian).code]

    def neighbours(self, query: str | Point) -> tuple[Point, ...]:
        """The points before and after ``query`` along its meridian (one at either end).
        Extra points have no meridian and so no neighbours."""
        p = self.point(query)
        if p.meridian is None:
            return ()
        line = self._by_meridian[p.meridian]
        i = p.number - 1
        return tuple(line[j] for j in (i - 1, i + 1) if 0 <= j < len(line))

    def vessel(self, code: str) -> Vessel:
        """One of the six extraordinary vessels by id (``CHONG``, ``YINWEI`` ...)."""
        if not isinstance(code, str):
            raise UnknownMeridianError(code, [])
        key = code.strip().upper()
        if key in self._vessels:
            return self._vessels[key]
        raise UnknownMeridianError(code, suggest(key, self._vessels, 3))

    def region(self, region_id: str) -> Region:
        """A body region by id (``hand.dorsum``)."""
        try:
            return self._regions[region_id]
        except (KeyError, TypeError):
            raise UnknownRegionError(region_id, suggest(str(region_id), self._regions, 5)) from None

    def source(self, source_id: str) -> Source:
        """A source by id (``who2008``)."""
        try:
            return self._sources[source_id]
        except (KeyError, TypeError):
            raise UnknownSourceError(source_id, suggest(str(source_id), self._sources, 5)) from None

    # ------------------------------------------------------------------------ graph
    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The knowledge graph (built on first use; see ``docs/graph.md`` for the schema).

        Nodes are ids such as ``point:LI4``, ``meridian:LI``, ``vessel:CHONG``,
        ``region:hand.dorsum``; the edge key is the relation (``on_meridian``, ``next``,
        ``located_in`` ...).
        """
        from .graph import build_graph

        return build_graph(self)

    # --------------------------------------------------------------- body model
    @cached_property
    def anatomy(self) -> Anatomy:
        """Region, surface, nerve and dermatome queries (see :mod:`acupoints.anatomy`)."""
        from .anatomy import Anatomy

        return Anatomy(self)

    def nerve(self, query: str) -> Nerve:
        """A nerve by id (``radial.superficial``) or by any of its names
        (``superficial radial nerve``, ``common peroneal nerve``)."""
        if not isinstance(query, str):
            raise UnknownNerveError(query)
        if query in self._nerves:
            return self._nerves[query]
        key = name_key(query)
        for n in self._nerves.values():
            if key in {name_key(n.id), name_key(n.name), *(name_key(a) for a in n.aliases)}:
                return n
        raise UnknownNerveError(
            query, suggest(query, list(self._nerves) + [n.name for n in self._nerves.values()], 5)
        )

    def segment(self, level: str) -> Segment:
        """A spinal segment and its dermatome, by level (``C6``, ``l5``)."""
        key = level.strip().upper() if isinstance(level, str) else level
        if isinstance(key, str) and key in self._segments:
            return self._segments[key]
        raise UnknownSegmentError(level, suggest(str(level).upper(), self._segments, 3))

    def points_in(
        self,
        region: str,
        *,
        aspects: Iterable[str] = (),
        surface: str | None = None,
        subregions: bool = True,
    ) -> tuple[Point, ...]:
        """Points located in a body region (by default including its sub-regions),
        optionally filtered by aspect and by Yin/Yang surface.

        ```pycon
        >>> import acupoints
        >>> [p.code for p in acupoints.load().points_in("hand.thumb")]
        ['LU11', 'EX-UE5']

        ```
        """
        if surface not in (None, "yin", "yang"):
            raise QueryError(f"surface must be 'yin', 'yang' or None, got {surface!r}")
        if not isinstance(subregions, bool):
            raise QueryError(f"subregions must be True or False, got {subregions!r}")
        return self.anatomy.points_in(
            region, aspects=names_arg("aspects", aspects), surface=surface, subregions=subregions
        )

    def points_innervated(
        self, *, segment: str | None = None, nerve: str | None = None
    ) -> tuple[Point, ...]:
        """Points whose innervation includes a spinal ``segment`` or a ``nerve`` (with
        its branches).

        ```pycon
        >>> import acupoints
        >>> "BL32" in [p.code for p in acupoints.load().points_innervated(segment="S2")]
        True

        ```
        """
        if (segment is None) == (nerve is None):
            raise QueryError("give exactly one of segment= or nerve=")
        if nerve is not None:
            nerve = self.nerve(nerve).id
        if segment is not None:
            segment = self.segment(segment).id
        return self.anatomy.points_innervated(segment=segment, nerve=nerve)

    def segments_for(self, region: str, aspects: Iterable[str] = ()) -> tuple[str, ...]:
        """Spinal segments whose dermatome covers a region, best first."""
        return self.anatomy.segments_for(region, names_arg("aspects", aspects))

    def nerves_for(self, region: str, aspects: Iterable[str] = ()) -> tuple[str, ...]:
        """Cutaneous nerves whose territory covers a region, best first."""
        return self.anatomy.nerves_for(region, names_arg("aspects", aspects))

    def segments_of(self, query: str | Point) -> tuple[str, ...]:
        """Spinal segments of the nerves that supply a point."""
        return self.anatomy.segments_of_point(self.point(query).code)

    def read(self, text: str) -> Reading:
        """What the text reader makes of ``text`` (see :func:`acupoints.read`)."""
        if not isinstance(text, str):
            raise LocationError(f"a description must be text, got {type(text).__name__}", text)
        from .parse import MAX_TEXT
        from .text.reader import read

        if len(text) > MAX_TEXT:
            raise LocationError(
                f"the description is {len(text)} characters; the limit is {MAX_TEXT}", text
            )
        return read(self, text)

    def parse_location(self, text: str) -> Location:
        """Read a description of where someone is numb into a :class:`Location`.

        ```pycon
        >>> import acupoints
        >>> loc = acupoints.load().parse_location("numbness in my left thumb and index finger")
        >>> [r.region for r in loc.regions], loc.side, loc.segments[:2]
        (['hand.thumb', 'hand.index_finger'], 'left', ('C6', 'C7'))

        ```
        """
        from .parse import parse

        return parse(self, text)

    def location(
        self, regions: Iterable[str | tuple[str, Iterable[str]]], *, side: str | None = None
    ) -> Location:
        """Build a :class:`Location` from region ids (optionally ``(id, aspects)`` pairs),
        with candidate segments and nerves filled in."""
        from .parse import from_regions

        return from_regions(self, regions, side=side)

    # --------------------------------------------------------------- selection
    @property
    def rules(self) -> tuple[Rule, ...]:
        """The selection rules (``rules.yaml``), in file order."""
        return self._data.rules

    @property
    def scoring(self) -> Scoring:
        """Weights of the score components besides the rules."""
        if self._data.scoring is None:
            raise DataError("no `scoring` section (rules.yaml)", file="rules.yaml")
        return self._data.scoring

    @property
    def composition(self) -> Composition:
        """How a selection's first places are composed from roles (``rules.yaml``)."""
        if self._data.composition is None:
            raise DataError("no `composition` section (rules.yaml)", file="rules.yaml")
        return self._data.composition

    def core_prescription(
        self,
        cause: str,
        *,
        exclude: Iterable[str] = (),
        pooled: Iterable[str] = (),
        within: Iterable[str] = (),
    ) -> tuple[CorePoint, ...]:
        """The points the published protocols for ``cause`` (an id or any of its words)
        use, most used first (then in WHO order): how many independent publications use
        each, of which designs, and the evidence level. ``exclude`` leaves out protocols
        by id (for leave-one-out benchmarks); ``pooled`` adds the publications of other
        causes (ids), counted as if they were of ``cause``; ``within`` (region ids) keeps
        only the protocols that treat numbness in those parts of the body (arm, leg,
        head, neck, trunk): a protocol whose ``sites`` name another part is left out, one
        with no sites is kept.

        ```pycon
        >>> import acupoints
        >>> core = acupoints.load().core_prescription("diabetic")
        >>> core[0].code, core[0].level, core[0].publications >= 10
        ('SP6', 'A', True)
        >>> face = acupoints.load().core_prescription("injury", within=["face"])
        >>> hand = acupoints.load().core_prescription("injury", within=["hand"])
        >>> "ST5" in {c.code for c in face}, "ST5" in {c.code for c in hand}
        (True, False)

        ```
        """
        cause_id = self.cause(cause).id
        pooled_ids = [self.cause(c).id for c in names_arg("pooled", pooled)]
        parts = {self.anatomy.part_of(self.region(r).id) for r in names_arg("within", within)}
        return self._core_prescription(cause_id, exclude, pooled_ids, parts)

    def _core_prescription(
        self,
        cause_id: str,
        exclude: Iterable[str],
        pooled: Iterable[str],
        parts: Collection[str],
    ) -> tuple[CorePoint, ...]:
        """:meth:`core_prescription` with the cause and the pooled causes as ids and the
        places as parts of the body (as :meth:`Anatomy.part_of` names them)."""
        from ._fast import construct
        from .rules import CorePoint, evidence_level

        out = []
        for code, by_source in self._uses({cause_id, *pooled}, exclude, parts).items():
            designs: dict[str, int] = {}
            for design in by_source.values():
                designs[design] = designs.get(design, 0) + 1
            # from checked records only (a point code, a cause id, the publications that
            # use it, at least one): no validator to build (40 ms on the first call)
            out.append(
                construct(
                    CorePoint,
                    code=code,
                    cause=cause_id,
                    publications=len(by_source),
                    designs=dict(sorted(designs.items())),
                    level=evidence_level(designs),
                    sources=tuple(by_source),
                )
            )
        out.sort(key=lambda c: (-c.publications, code_order(c.code)))
        return tuple(out)

    @property
    def causes(self) -> tuple[Cause, ...]:
        """Causes a selection can be asked for (``causes.yaml``)."""
        return self._data.causes

    @property
    def protocol(self) -> tuple[ProtocolStep, ...]:
        """Steps of the treatment protocol (``protocol.yaml``)."""
        return self._data.steps

    @property
    def safety_conditions(self) -> tuple[PatientCondition, ...]:
        """Patient conditions and their effects (``safety.yaml``)."""
        return self._data.conditions

    @property
    def red_flag_rules(self) -> tuple[RedFlagRule, ...]:
        """Symptoms that need a doctor first (``safety.yaml``)."""
        return self._data.red_flags

    @property
    def aftercare_items(self) -> tuple[AdviceItem, ...]:
        """Aftercare advice given with every selection (``safety.yaml``)."""
        return self._data.aftercare

    @property
    def risk_items(self) -> tuple[AdviceItem, ...]:
        """The usual risks of acupuncture (``safety.yaml``)."""
        return self._data.risks

    @property
    def danger_zones(self) -> tuple[DangerZone, ...]:
        """Areas where a needle can reach a structure at risk (``safety.yaml``)."""
        return self._data.danger_zones

    def risks(self) -> tuple[AdviceItem, ...]:
        """The usual risks of acupuncture and who is not a candidate, with sources."""
        return self._data.risks

    @property
    def reference_protocols(self) -> tuple[ReferenceProtocol, ...]:
        """Published protocols used as evidence and as the benchmark (``protocols.yaml``)."""
        return self._data.protocols

    def cause(self, query: str) -> Cause:
        """A cause by id or by any of its words (``carpal tunnel``, ``chemo``, ``sciatica``),
        or by a part of its id that no other id has (``cubital``; ``tunnel`` names three, so
        it raises :class:`~acupoints.UnknownCauseError` with those three suggested first).

        ```pycon
        >>> import acupoints
        >>> acupoints.load().cause("chemo").id
        'chemotherapy'

        ```
        """
        if not isinstance(query, str):
            raise UnknownCauseError(query)
        keys = self._cause_keys
        if keys is None:  # every way of naming each cause, normalised once
            keys = {}
            for c in self._data.causes:
                for word in (c.id, c.name, *c.synonyms):
                    keys.setdefault(name_key(word), c)
            self._cause_keys = keys
        found = self._cause_memo.get(query)
        if found is not None:
            return found
        found = keys.get(name_key(query))
        if found is not None:
            if len(self._cause_memo) > 4096:
                self._cause_memo.clear()
            self._cause_memo[query] = found  # a text names the same cause every time
            return found
        # a part of an id ("cubital", "tarsal", "b12") names the one cause whose id holds
        # it; a part several ids share ("tunnel") names none, and those come first among
        # the suggestions
        words = set(_WORD.findall(query.lower()))
        parts = [c for c in self._data.causes if words and words <= set(c.id.split("_"))]
        if len(parts) == 1:
            return parts[0]
        pool = [c.id for c in self._data.causes] + [
            w for c in self._data.causes for w in c.synonyms
        ]
        hits = suggest(query, pool, 5)
        ids = [c.id for c in parts]
        for h in hits:
            cid = next(c.id for c in self._data.causes if h == c.id or h in c.synonyms)
            if cid not in ids:
                ids.append(cid)
        raise UnknownCauseError(query, ids, [c.id for c in self._data.causes])

    def evidence_counts(self, cause: str, *, exclude: Iterable[str] = ()) -> dict[str, int]:
        """For each point, how many independent sources (publications) among the reference
        protocols use it for ``cause`` (an id); two arms of one study count once.
        ``exclude`` leaves out protocols by id (for leave-one-out benchmarks)."""
        return {code: len(srcs) for code, srcs in self._uses((cause,), exclude).items()}

    def _uses(
        self, causes: Collection[str], exclude: Iterable[str], parts: Collection[str] = ()
    ) -> dict[str, dict[str, str]]:
        """For each point, the publications (source id -> design) among the reference
        protocols that use it for one of ``causes`` (ids), in file order; the protocols
        in ``exclude`` (ids) left out, and, when ``parts`` (of the body, as
        :meth:`Anatomy.part_of` names them) are given, those whose sites lie elsewhere.
        Two arms of one study are one publication."""
        skip = set(names_arg("exclude", exclude))
        part_of = self.anatomy.part_of
        seen: dict[str, dict[str, str]] = {}
        for pr in self._data.protocols:
            if parts and pr.sites and not any(part_of(s) in parts for s in pr.sites):
                continue
            if any(c in pr.causes for c in causes) and pr.id not in skip:
                for code in pr.points:
                    seen.setdefault(code, {}).setdefault(pr.source, pr.design)
        return seen

    def evidence_sources(
        self, cause: str, code: str, *, exclude: Iterable[str] = ()
    ) -> tuple[str, ...]:
        """Source ids of the reference protocols that use ``code`` for ``cause``."""
        skip = set(names_arg("exclude", exclude))
        return tuple(
            dict.fromkeys(
                pr.source
                for pr in self._data.protocols
                if cause in pr.causes and code in pr.points and pr.id not in skip
            )
        )

    def select_many(
        self,
        records: Iterable[Mapping[str, Any]] | Any,
        *,
        processes: int | None = None,
        chunk_size: int = 64,
    ) -> Iterator[BatchResult]:
        """Selections for many records (dicts, rows of a CSV, or a pandas DataFrame), one
        :class:`~acupoints.batch.BatchResult` each, in order; see :mod:`acupoints.batch`
        for the fields a record may have. A bad record gives a result with ``error`` set
        and the batch goes on. ``processes=N`` spreads the records over N worker
        processes (the knowledge base is pickled to them), in chunks of ``chunk_size``.
        """
        from .batch import select_many

        return select_many(self, records, processes=processes, chunk_size=chunk_size)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as what rebuilds it: the packaged data by reference (a worker process
        loads it from its cache), any other data by value (checked again on arrival)."""
        import acupoints

        if self is acupoints._packaged:
            return (acupoints.load, ())
        return (_rebuild, (self._data, self.origin))

    # ---------------------------------------------------------------------- exports
    def to_frame(self) -> Any:
        """Every point as a :class:`pandas.DataFrame` indexed by code, one row per point
        with the columns of :data:`acupoints.export.POINT_COLUMNS` (list values joined
        with ``"; "``). Needs the optional extra: ``pip install 'acupoints[frames]'``."""
        from .export import points_frame

        return points_frame(self)

    def body_map(
        self,
        *,
        points: Iterable[str | Point] = (),
        meridians: Iterable[str] = (),
        regions: Iterable[str] = (),
        location: Location | str | None = None,
        side: str | None = None,
        labels: bool = True,
        width: int = 520,
        title: str | None = None,
        focus: float | None = None,
    ) -> BodyMap:
        """An SVG body map (front and back views) with ``points`` marked by code,
        ``meridians`` traced through their points, and ``regions`` (or a ``location``,
        parsed or as text) shaded; see :func:`acupoints.figure.body_map`.

        ```pycon
        >>> import acupoints
        >>> m = acupoints.load().body_map(meridians=["PC"], side="right")
        >>> len(m.marks), m.marks[0].view
        (9, 'front')

        ```
        """
        from .figure import body_map

        return body_map(
            self,
            points=points,
            meridians=meridians,
            regions=regions,
            location=location,
            side=side,
            labels=labels,
            width=width,
            title=title,
            focus=focus,
        )

    def _repr_html_(self) -> str:
        from .html import kb_html

        return kb_html(self)

    def clear_caches(self) -> None:
        """Forget the queries memoised by :meth:`parse_location` and :meth:`select` (the
        selections of the last few thousand calls, the texts and cause words read, the
        last few hundred rankings, their reasons, the red-flag words). Answers do not
        change; only the next call of each query takes its first-call time again. For
        benchmarks and long-lived processes that want the memory back."""
        from .engine import forget

        forget(self)
        with self._answers_lock:
            self._answers.clear()
        if "anatomy" in self.__dict__:
            self.anatomy.forget()

    def select(
        self,
        location: str | Location,
        *,
        cause: str | None = None,
        side: str | None = None,
        patient: Patient | None = None,
        tenderness: str = "unknown",
        limit: int = 10,
        evidence: bool = True,
        without_protocols: Collection[str] = (),
    ) -> Selection:
        """Ranked, explained points for where someone is numb and why.

        ``location`` is text or a :class:`Location`; ``cause`` an id or a word for one
        (see ``kb.causes``); ``side`` overrides the side read from the text; ``patient``
        (a :class:`Patient`) leaves out the points that person must not have and adds
        their cautions; ``tenderness`` is ``"pronounced"``, ``"vague"`` or ``"unknown"``;
        ``limit`` caps the number of points; ``evidence=False`` leaves the reference
        protocols out of the score and ``without_protocols`` leaves out the ones named
        (for leave-one-out benchmarks, see ``bench/protocol_recall.py``). See
        :mod:`acupoints.engine` for how points are scored.

        ```pycon
        >>> import acupoints
        >>> s = acupoints.load().select("numb neck and arm", cause="cervical radiculopathy")
        >>> {"BL10", "GV14", "SI15"} <= set(s.codes[:5])
        True

        ```
        """
        try:  # the call's arguments, each after its type (True is not 1 here); no protocol
            # left out as (), not an empty set: a key of plain values the collector stops
            # tracking (a set it tracks for as long as the answer is kept); one flat tuple,
            # not a pair per argument: every tuple made counts toward the collector's next
            # pass, and these are kept with the answer
            key: Hashable = (
                type(location),
                location,
                type(cause),
                cause,
                type(side),
                side,
                type(patient),
                patient,
                type(tenderness),
                tenderness,
                type(limit),
                limit,
                type(evidence),
                evidence,
                type(without_protocols),
                frozenset(without_protocols) or (),
            )
            hash(key)
        except TypeError:  # not hashable: the engine answers (or says what is wrong)
            key = None
        if key is not None:
            with self._answers_lock:
                found = self._answers.get(key)
                if found is not None:
                    self._answers.move_to_end(key)
                    return found
        found = (_engine_select or _load_engine())(
            self,
            location,
            cause=cause,
            side=side,
            patient=patient,
            tenderness=tenderness,
            limit=limit,
            evidence=evidence,
            without_protocols=without_protocols,
        )
        if key is not None:
            with self._answers_lock:
                self._answers[key] = found
                if len(self._answers) > ANSWERS_KEPT:
                    self._answers.popitem(last=False)
        return found


_engine_select: Callable[..., Selection] | None = None
"""The engine's ``select``, once :func:`_load_engine` has imported it (on the first call
that is not answered from the memo: the engine is not loaded with the data; an import
statement in :meth:`KnowledgeBase.select` cost a microsecond or two every call)."""


def _load_engine() -> Callable[..., Selection]:
    global _engine_select
    from .engine import select

    _engine_select = select
    return select


ANSWERS_KEPT = 2048
"""Selections :meth:`KnowledgeBase.select` keeps, keyed by the call's arguments (the most
recently used; about 15 KiB each, so at most about 30 MiB): a batch or a second pass over
a few thousand distinct queries is answered from it. Selections are frozen, so a repeated
call returns the same object. :meth:`KnowledgeBase.clear_caches` empties it."""


def _rebuild(data: Dataset, origin: str | None) -> KnowledgeBase:
    return KnowledgeBase(data, origin=origin)
