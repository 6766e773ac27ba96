"""acupoints: a sourced knowledge base of the WHO standard acupuncture points.

This is reference information for research and software, not a diagnosis and not a
treatment plan.

```pycon
>>> import acupoints
>>> kb = acupoints.load()
>>> len(kb.standard_points), len(kb.meridians)
(361, 14)
>>> kb["LI4"].names.hanzi, kb["LI4"].location.region
('合谷', 'hand.dorsum')

```

Importing the package is cheap: the data, pydantic, PyYAML and networkx are loaded on the
first call that needs them.
"""

from __future__ import annotations

import threading
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    AcupointsError,
    AmbiguousPointError,
    DataError,
    LocationError,
    MissingExtraError,
    PatientError,
    QueryError,
    SelectionError,
    UnknownCauseError,
    UnknownKeyError,
    UnknownMeridianError,
    UnknownNerveError,
    UnknownPointError,
    UnknownRegionError,
    UnknownSegmentError,
    UnknownSourceError,
)

if TYPE_CHECKING:
    import os

    from .kb import KnowledgeBase
    from .models import (
        Alias,
        Category,
        Caution,
        Innervation,
        JapaneseReading,
        KoreanReading,
        LimbSurface,
        Location,
        Meridian,
        Names,
        Needling,
        Nerve,
        Point,
        PointLocation,
        PointReadings,
        Reading,
        Region,
        RegionRef,
        Segment,
        Site,
        Source,
        Territory,
        Vessel,
        VietnameseReading,
    )
    from .rules import Cause, Rule
    from .safety import AdviceItem, Exclusion, Patient, PointWarning, RedFlag
    from .selection import ProtocolNote, RankedPoint, Reason, Selection

__version__ = "0.1.0"

DISCLAIMER = (
    "acupoints is reference information for research and software. It is not a diagnosis, "
    "not a treatment plan and not a substitute for a qualified practitioner or a doctor."
)
"""Stated by every output of the library."""

__all__ = [
    "DISCLAIMER",
    "AcupointsError",
    "AdviceItem",
    "Alias",
    "AmbiguousPointError",
    "Category",
    "Cause",
    "Caution",
    "DataError",
    "Exclusion",
    "Finding",
    "Innervation",
    "JapaneseReading",
    "KnowledgeBase",
    "KoreanReading",
    "LimbSurface",
    "Location",
    "LocationError",
    "Meridian",
    "MissingExtraError",
    "Names",
    "Needling",
    "Nerve",
    "Patient",
    "PatientError",
    "Point",
    "PointLocation",
    "PointReadings",
    "PointWarning",
    "ProtocolNote",
    "QueryError",
    "RankedPoint",
    "Reading",
    "Reason",
    "RedFlag",
    "Region",
    "RegionRef",
    "Rule",
    "Segment",
    "Selection",
    "SelectionError",
    "Site",
    "Source",
    "Territory",
    "UnknownCauseError",
    "UnknownKeyError",
    "UnknownMeridianError",
    "UnknownNerveError",
    "UnknownPointError",
    "UnknownRegionError",
    "UnknownSegmentError",
    "UnknownSourceError",
    "Vessel",
    "VietnameseReading",
    "__version__",
    "load",
    "parse_location",
    "read",
    "risks",
    "select",
    "validate",
]

_LAZY = {
    "AdviceItem": "safety",
    "Exclusion": "safety",
    "Patient": "safety",
    "PointWarning": "safety",
    "RedFlag": "safety",
    "ProtocolNote": "selection",
    "RankedPoint": "selection",
    "Reason": "selection",
    "Selection": "selection",
    "Rule": "rules",
    "Cause": "rules",
    "KnowledgeBase": "kb",
    "Alias": "models",
    "Caution": "models",
    "Category": "models",
    "Innervation": "models",
    "KoreanReading": "models",
    "JapaneseReading": "models",
    "PointReadings": "models",
    "VietnameseReading": "models",
    "LimbSurface": "models",
    "Location": "models",
    "Finding": "models",
    "Reading": "models",
    "Meridian": "models",
    "Names": "models",
    "Needling": "models",
    "Nerve": "models",
    "Point": "models",
    "PointLocation": "models",
    "Region": "models",
    "RegionRef": "models",
    "Segment": "models",
    "Site": "models",
    "Source": "models",
    "Territory": "models",
    "Vessel": "models",
}

_lock = threading.Lock()
_packaged: KnowledgeBase | None = None


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'acupoints' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names (``__all__``) and the dunders, not the helpers the module imports
    (``threading``, ``import_module``, ``Any`` ...)."""
    return sorted({n for n in globals() if n.startswith("__")} | set(__all__))


def load(path: str | os.PathLike[str] | None = None) -> KnowledgeBase:
    """The knowledge base.

    With no argument: the data shipped with the library, loaded once per process and
    shared (thread-safe; later calls return the same object), from the dataset checked
    when the package was built (:mod:`acupoints.prebuilt`) when it matches the data
    files, else from the files. With ``path``: the data
    files of that directory (``sources.yaml``, ``meridians.yaml``, ``regions.yaml``,
    ``points.yaml``), validated afresh on every call.

    Raises :class:`DataError` naming the file, entry, field and line of the first problem.
    """
    from .kb import KnowledgeBase

    if path is not None:
        return KnowledgeBase.from_directory(path)
    global _packaged
    if _packaged is None:
        with _lock:
            if _packaged is None:
                from .loading import packaged_data_dir
                from .prebuilt import load_packaged

                _packaged = load_packaged(packaged_data_dir())
    return _packaged


def parse_location(text: str) -> Location:
    """Read a description of where someone is numb into a :class:`Location`, using the
    packaged data. Raises :class:`LocationError` for text it cannot read.

    ```pycon
    >>> import acupoints
    >>> loc = acupoints.parse_location("pins and needles in both feet, worse at night")
    >>> loc.region_ids, loc.side, loc.pattern
    (('foot',), 'both', 'stocking_glove')

    ```
    """
    return load().parse_location(text)


def read(text: str) -> Reading:
    """What the text reader makes of a description, on the packaged data: every body
    area with its role and context, the causes, the time course, the red-flag concepts
    and the spelling it corrected (:mod:`acupoints.text`). Never raises for text it
    cannot place on the body; :class:`LocationError` for something that is not text.

    ```pycon
    >>> import acupoints
    >>> r = acupoints.read("numbnes in me fingres since I started chemo")
    >>> [a.id for a in r.areas], r.cause, r.corrected[0]
    (['hand.fingers'], 'chemotherapy', ('numbnes', 'numbness'))

    ```
    """
    return load().read(text)


def select(
    location: str | Location,
    *,
    cause: str | None = None,
    side: str | None = None,
    patient: Patient | None = None,
    tenderness: str = "unknown",
    limit: int = 10,
    evidence: bool = True,
) -> Selection:
    """Ranked, explained points for where someone is numb and why, on the packaged data
    (see :meth:`KnowledgeBase.select`).

    ```pycon
    >>> import acupoints
    >>> s = acupoints.select("numbness on the back of my left hand")
    >>> s.points[0].group, s.points[0].side, s.points[0].point.surface
    ('surface', 'left', 'yang')

    ```
    """
    return load().select(
        location,
        cause=cause,
        side=side,
        patient=patient,
        tenderness=tenderness,
        limit=limit,
        evidence=evidence,
    )


def risks() -> tuple[AdviceItem, ...]:
    """The usual risks of acupuncture and who needs care, with sources (``safety.yaml``).

    ```pycon
    >>> import acupoints
    >>> [r.id for r in acupoints.risks()][:3]
    ['pain_bruising', 'organ_injury', 'infection']

    ```
    """
    return load().risk_items


def validate(path: str | os.PathLike[str] | None = None) -> list[DataError]:
    """Every problem in a data directory (default: the packaged data); ``[]`` if none.

    Unlike :func:`load`, it reports all problems instead of stopping at the first.
    """
    try:
        if path is None:
            from .loading import packaged_data_dir

            path = packaged_data_dir()
        from .kb import KnowledgeBase

        KnowledgeBase.from_directory(path)
    except DataError as exc:
        return list(exc.problems)
    return []
