"""Find the data files, parse them as safe YAML, validate them into a :class:`Dataset`.

Two roads lead here: :func:`acupoints.load` with no argument reads the packaged data
(inside the wheel at ``acupoints/data``, or the top-level ``data/`` of a source checkout);
``load(path)`` reads a directory someone else maintains. Both go through
:func:`read_dataset`, which never executes code from the files (``yaml.SafeLoader``
only), refuses files over :data:`MAX_FILE_BYTES`, and turns every problem into a
:class:`~acupoints.errors.DataError` that names the file, the entry, the field and the line.
"""

import contextlib
import hashlib
import os
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict
from pydantic._internal import _utils

from .errors import DataError

if TYPE_CHECKING:
    from ._from_yaml import _FileSpec
    from .models import FigurePart, PointPosition, PointReadings, RegionFigure, Source
    from .safety import DangerZone
    from .text.lexicon import ContextTrigger, CourseTerm, FlagClass, FlagRule, RoleCue, Spelling
from .models import (
    LimbSurface,
    Meridian,
    Nerve,
    Point,
    Region,
    Segment,
    Vessel,
)
from .rules import Cause, Composition, ProtocolStep, ReferenceProtocol, Rule, Scoring
from .safety import AdviceItem, PatientCondition, RedFlagRule
from .text.lexicon import CauseCue, FlagConcept, PersonConcept, WordList

__all__ = [
    "DATA_FILES",
    "MAX_FILE_BYTES",
    "Dataset",
    "cache_dir",
    "data_version",
    "packaged_data_dir",
    "read_dataset",
]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest data file accepted (20 MiB); the packaged points.yaml is well under 1 MiB."""


class Dataset(BaseModel):
    """Everything read from one data directory, validated record by record."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    sources: "tuple[Source, ...]"
    meridians: tuple[Meridian, ...]
    vessels: tuple[Vessel, ...]
    surfaces: tuple[LimbSurface, ...] = ()
    regions: tuple[Region, ...]
    nerves: tuple[Nerve, ...] = ()
    segments: tuple[Segment, ...] = ()
    points: tuple[Point, ...]
    readings: "tuple[PointReadings, ...]" = ()
    scoring: Scoring | None = None
    composition: Composition | None = None
    rules: tuple[Rule, ...] = ()
    causes: tuple[Cause, ...] = ()
    steps: tuple[ProtocolStep, ...] = ()
    protocols: tuple[ReferenceProtocol, ...] = ()
    conditions: tuple[PatientCondition, ...] = ()
    red_flags: tuple[RedFlagRule, ...] = ()
    aftercare: tuple[AdviceItem, ...] = ()
    risks: tuple[AdviceItem, ...] = ()
    danger_zones: "tuple[DangerZone, ...]" = ()
    outline: "tuple[FigurePart, ...]" = ()
    region_shapes: "tuple[RegionFigure, ...]" = ()
    positions: "tuple[PointPosition, ...]" = ()
    context: "tuple[ContextTrigger, ...]" = ()
    spellings: "tuple[Spelling, ...]" = ()
    words: tuple[WordList, ...] = ()
    roles: "tuple[RoleCue, ...]" = ()
    course: "tuple[CourseTerm, ...]" = ()
    flags: tuple[FlagConcept, ...] = ()
    person: tuple[PersonConcept, ...] = ()
    cause_cues: tuple[CauseCue, ...] = ()
    flag_classes: "tuple[FlagClass, ...]" = ()
    flag_rules: "tuple[FlagRule, ...]" = ()

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        """As pydantic's, with the classes an answer never uses (:mod:`acupoints._models_rare`
        and :mod:`acupoints._lexicon_rare`: the fields ``sources``, ``readings``, ``outline``,
        ``region_shapes``, ``positions``, ``danger_zones``, ``context``, ``spellings``,
        ``roles``, ``course``, ``flag_classes`` and ``flag_rules`` name them as forward
        references) made first and given to it. Pydantic calls it before the first
        validation, serialisation or schema of a dataset."""
        return super().model_rebuild(
            force=force,
            raise_errors=raise_errors,
            _parent_namespace_depth=0,
            _types_namespace={**_rare_models(), **(_types_namespace or {})},
        )

    if not TYPE_CHECKING:  # (for a type checker, every field is always there)

        def __getattr__(self, name: str) -> Any:
            """A section deferred by :func:`defer_sections` is read here, on first use."""
            section = _SECTION_OF.get(name)
            if section is not None:
                # read here, or (when another thread read it first, while this one waited
                # for the lock) already there
                _fill(self, section)
                if name in self.__dict__:
                    return self.__dict__[name]
            return _model_getattr(self, name)


def _model_fields(cls: type[Dataset]) -> dict[str, Any]:
    """A mapping of field names to their :class:`~pydantic.fields.FieldInfo` (pydantic's
    ``model_fields``), with the references to the classes of :mod:`acupoints._models_rare`
    and :mod:`acupoints._lexicon_rare` resolved first."""
    if not cls.__pydantic_fields_complete__:
        cls.model_rebuild()
    return cls.__pydantic_fields__


# set after the class is made (pydantic takes what the class body holds for fields)
type.__setattr__(
    Dataset,
    "model_fields",
    _utils.deprecated_instance_property(classmethod(_model_fields)),  # type: ignore[arg-type]
)


def _rare_models() -> dict[str, type[BaseModel]]:
    """The classes of :mod:`acupoints._models_rare` and :mod:`acupoints._lexicon_rare` by
    name (made by the first call)."""
    from . import _lexicon_rare, _models_rare

    return {
        name: getattr(module, name)
        for module in (_models_rare, _lexicon_rare)
        for name in module.__all__
    }


_FIELDS = tuple(Dataset.__annotations__)
"""The fields of :class:`Dataset` in their declared order (without resolving its
references, as :attr:`Dataset.model_fields` does)."""


LAZY_SECTIONS: Mapping[str, tuple[str, ...]] = {
    "readings": ("readings",),
    "figure": ("outline", "region_shapes", "positions"),
    "language": ("context", "spellings", "roles", "course"),
    "flag grammar": ("flag_classes", "flag_rules"),
    "advice": ("risks", "danger_zones"),
    "sources": ("sources",),
}
"""The parts of a :class:`Dataset` that a selection never reads, by the fields each
holds: the prebuilt dataset (:mod:`acupoints.prebuilt`) leaves them in its file until
something asks for one of their fields (the readings of the points' names, about 0.3 MiB
once read; the body figure, about 0.25 MiB; the source register, whose ids the records
carry, about 0.15 MiB; the parts of text.yaml that only build the reader's tables, which
come prebuilt with the dataset: the context triggers, spellings, role cues and time
course, about 0.2 MiB beyond the strings the tables hold, and the classes and rules of
the compositional red flags, about 0.1 MiB; the usual risks and the danger zones,
which only their own look-ups read)."""

_SECTION_OF = {name: section for section, names in LAZY_SECTIONS.items() for name in names}
_model_getattr = vars(BaseModel)["__getattr__"]  # pydantic's: private and extra values
_DEFERRED: dict[int, tuple[weakref.ref[Dataset], dict[str, Callable[[], Mapping[str, Any]]]]] = {}
_DEFER_LOCK = threading.RLock()


def defer_sections(data: Dataset, loaders: Mapping[str, Callable[[], Mapping[str, Any]]]) -> None:
    """Leave the sections of ``data`` named in ``loaders`` (keys of
    :data:`LAZY_SECTIONS`, whose fields ``data`` must not hold) to be read on first use:
    the first access to one of a section's fields calls its loader, which returns the
    section's fields by name, and sets them on ``data``, in their declared order. A
    comparison, a copy, a dump or pickling of ``data`` reads every deferred section
    first, so that they always see the whole dataset."""
    key = id(data)

    def forget(_: object) -> None:  # when data goes, so do its loaders
        _DEFERRED.pop(key, None)

    ref = weakref.ref(data, forget)
    with _DEFER_LOCK:
        _DEFERRED[key] = (ref, dict(loaders))


def _fill(data: Dataset, section: str) -> bool:
    """Reads the deferred ``section`` of ``data`` into it; ``False`` if there is none."""
    with _DEFER_LOCK:
        found = _DEFERRED.get(id(data))
        if found is None or found[0]() is not data or section not in found[1]:
            return False
        values = found[1][section]()  # raises a DataError if it cannot be read
        del found[1][section]
        if not found[1]:
            del _DEFERRED[id(data)]
        fields = {**data.__dict__, **values}
        # a new dict in the declared order (a dump and data_version follow its order)
        object.__setattr__(data, "__dict__", {n: fields[n] for n in _FIELDS if n in fields})
        return True


def _complete(data: Dataset) -> None:
    """Every deferred section of ``data`` read (nothing to do for most datasets)."""
    if id(data) in _DEFERRED:
        for section in LAZY_SECTIONS:
            _fill(data, section)


def _completing(method: Callable[..., Any]) -> Callable[..., Any]:
    def whole(self: Dataset, *args: Any, **kwargs: Any) -> Any:
        _complete(self)
        return method(self, *args, **kwargs)

    whole.__name__ = method.__name__
    whole.__qualname__ = f"Dataset.{method.__name__}"
    whole.__doc__ = method.__doc__
    return whole


# what reads a model's fields all at once (from its dict, not attribute by attribute)
for _name in (
    "__eq__",
    "__hash__",
    "__iter__",
    "__repr_args__",
    "__getstate__",
    "__copy__",
    "__deepcopy__",
    "model_copy",
    "model_dump",
    "model_dump_json",
):
    setattr(Dataset, _name, _completing(getattr(Dataset, _name)))
del _name


def data_version(data: Dataset) -> str:
    """The version of a dataset: the first 12 hex digits of the SHA-256 of its records as
    JSON (fields left at their defaults are left out, so a new optional field in the
    models does not change it).

    It depends on the content only: the same records give the same version whether they
    were read from YAML, from the cache or built in code, and any change to any record
    gives another. Every :class:`~acupoints.Selection` carries the version of the data it
    was made from, so an answer can be traced to the exact data behind it.
    """
    body = data.model_dump_json(exclude_defaults=True).encode()
    return hashlib.sha256(b"acupoints data\0" + body).hexdigest()[:12]


if TYPE_CHECKING:
    DATA_FILES: tuple[_FileSpec, ...]
    """The files of a data directory, the top-level sections of each and their models."""


_YAML_ROAD = frozenset(
    {
        "_Lines",
        "_MAGIC",
        "_FileSpec",
        "_describe",
        "_digest",
        "_entry_name",
        "_node_line",
        "_parse_yaml",
        "_prune",
        "_read_cached",
        "_read_text",
        "_read_validated",
        "_strict_loader",
        "_validate_section",
        "_write_cached",
    }
)
"""What reads YAML files and the cache (:mod:`acupoints._from_yaml`), imported on first
use: a load from the prebuilt file never runs it."""


def __getattr__(name: str) -> Any:
    """:data:`DATA_FILES` and the names of the YAML road (:data:`_YAML_ROAD`), made by
    their first use."""
    if name == "DATA_FILES" or name in _YAML_ROAD:
        from . import _from_yaml

        return _from_yaml._data_files() if name == "DATA_FILES" else getattr(_from_yaml, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_FILES: tuple[tuple[str, bool], ...] = (
    ("sources.yaml", False),
    ("meridians.yaml", False),
    ("regions.yaml", False),
    ("nerves.yaml", False),
    ("segments.yaml", False),
    ("points.yaml", False),
    ("readings.yaml", True),
    ("rules.yaml", True),
    ("causes.yaml", True),
    ("protocol.yaml", True),
    ("protocols.yaml", True),
    ("safety.yaml", True),
    ("figure.yaml", True),
    ("text.yaml", True),
)
"""The name of each file of :data:`DATA_FILES`, in order, and whether a directory may
leave it out: what :func:`fingerprint` reads, without the model classes (a test checks
that the two agree)."""


def packaged_data_dir() -> Path:
    """The data directory shipped with the library.

    In an installed wheel it is ``acupoints/data`` inside the package; in a source
    checkout (also an editable install) it is the top-level ``data/`` directory.
    """
    # the package's own directory, as importlib.resources.files("acupoints") gives it for
    # a package on the file system (without importing importlib.resources and zipfile)
    inside = Path(__file__).parent / "data"
    if inside.is_dir() and (inside / "points.yaml").is_file():
        return inside
    checkout = Path(__file__).resolve().parents[2] / "data"
    if (checkout / "points.yaml").is_file():
        return checkout
    raise DataError(
        "the packaged data files are missing: neither acupoints/data nor the source "
        "checkout's data/ holds points.yaml; reinstall the package",
        file=str(inside),
    )


def cache_dir() -> Path | None:
    """Where validated datasets are cached, or ``None`` when caching is off.

    ``ACUPOINTS_CACHE_DIR`` chooses the directory; ``ACUPOINTS_NO_CACHE=1`` turns the
    cache off; the default is ``$XDG_CACHE_HOME/acupoints`` (``~/.cache/acupoints``).
    """
    if os.environ.get("ACUPOINTS_NO_CACHE", "").strip() not in ("", "0"):
        return None
    chosen = os.environ.get("ACUPOINTS_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "acupoints"


# the modules whose code decides what a valid, consistent dataset is: a change to any of
# them must miss the cache as surely as a change to a data file
_CODE = (
    "models.py",
    "vocab.py",
    "rules.py",
    "safety.py",
    "loading.py",
    "integrity.py",
    "text/lexicon.py",
    "_models_rare.py",
    "_lexicon_rare.py",
)


def fingerprint(root: Path) -> str | None:
    """A hash of the data files of ``root`` (their bytes), the library version and the
    code that checks them; ``None`` when a file cannot be read or is over the size limit.
    Keys the cache, and ties the prebuilt dataset of :mod:`acupoints.prebuilt` to the
    files it was built from."""
    try:
        raws = [
            (root / name).read_bytes() if not optional or (root / name).exists() else b"\0absent"
            for name, optional in _FILES
        ]
    except OSError:
        return None
    if any(len(r) > MAX_FILE_BYTES for r in raws):
        return None
    return _fingerprint(raws)


def _fingerprint(texts: Sequence[bytes]) -> str:
    from . import __version__

    h = hashlib.sha256(f"acupoints {__version__} cache 4".encode())
    here = Path(__file__).parent
    for name in _CODE:
        with contextlib.suppress(OSError):
            h.update(name.encode() + b"\0" + (here / name).read_bytes())
    for (name, _), raw in zip(_FILES, texts, strict=True):
        h.update(name.encode() + b"\0" + len(raw).to_bytes(8, "big") + raw)
    return h.hexdigest()


CACHE_KEEP = 8
"""Cache files kept: each edit of a data file or upgrade of the library makes a new one,
so the oldest beyond this many (by last use) are deleted when one is written."""


def read_dataset(directory: str | os.PathLike[str], *, cache: bool = True) -> Dataset:
    """Read, validate and cross-check every data file of ``directory`` into a
    :class:`Dataset`.

    Raises :class:`DataError` for the first problem found; its ``problems`` attribute
    lists every problem in the directory, so a validator can report them all at once.
    Each record is validated on its own here; the cross-record checks (references,
    counts, duplicates) are :func:`acupoints.integrity.check_dataset`.

    Parsing YAML is the slow part of a load, so a dataset that passed every check is
    cached as JSON under :func:`cache_dir`, keyed by a hash of the files' bytes, the
    library version and the code that checks them; a changed file or a changed library
    misses the cache, and a corrupt cache file (its checksum disagrees) is ignored and
    rewritten. Only checked data is ever cached, so a cache hit needs no second check.
    """
    from ._from_yaml import _read_cached, _read_validated, _write_cached

    root = Path(directory)
    if not root.is_dir():
        raise DataError("not a directory", file=str(root))
    where = cache_dir() if cache else None
    cache_file: Path | None = None
    if where is not None:
        key = fingerprint(root)
        if key is not None:
            cache_file = where / f"{key}.json"
            cached = _read_cached(cache_file)
            if cached is not None:
                with contextlib.suppress(OSError):
                    os.utime(cache_file)  # last use, for pruning
                return cached
    data = _read_validated(root)
    from .integrity import check_dataset

    problems = [p.relocated(str(root)) for p in check_dataset(data)]
    if problems:
        first = problems[0]
        first.problems = problems
        raise first
    if cache_file is not None:
        _write_cached(cache_file, data)
    return data
