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
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic._internal import _utils

from ._plain import Frozen
from .errors import DataError

if TYPE_CHECKING:
    import yaml

    from .models import FigurePart, PointPosition, PointReadings, RegionFigure, Source
    from .safety import DangerZone
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
from .text.lexicon import (
    CauseCue,
    ContextTrigger,
    CourseTerm,
    FlagClass,
    FlagConcept,
    FlagRule,
    PersonConcept,
    RoleCue,
    Spelling,
    WordList,
)

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


@lru_cache(maxsize=1)
def _strict_loader() -> "type[yaml.SafeLoader]":
    """A safe loader (libyaml's C parser when present) that rejects duplicate keys
    instead of keeping the last one. Built on first use: a load served from the cache
    never imports PyYAML."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[valid-type,misc]
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            result[key] = loader.construct_object(value_node, deep=True)
        return result

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return StrictLoader


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
    context: tuple[ContextTrigger, ...] = ()
    spellings: tuple[Spelling, ...] = ()
    words: tuple[WordList, ...] = ()
    roles: tuple[RoleCue, ...] = ()
    course: tuple[CourseTerm, ...] = ()
    flags: tuple[FlagConcept, ...] = ()
    person: tuple[PersonConcept, ...] = ()
    cause_cues: tuple[CauseCue, ...] = ()
    flag_classes: tuple[FlagClass, ...] = ()
    flag_rules: tuple[FlagRule, ...] = ()

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        """As pydantic's, with the classes an answer never uses (:mod:`acupoints._models_rare`:
        the fields ``sources``, ``readings``, ``outline``, ``region_shapes`` and ``positions``
        name them as forward references) made first and given to it. Pydantic calls it
        before the first validation, serialisation or schema of a dataset."""
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
    resolved first."""
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
    """The classes of :mod:`acupoints._models_rare` by name (made by the first call)."""
    from . import _models_rare

    return {name: getattr(_models_rare, name) for name in _models_rare.__all__}


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


class _FileSpec(Frozen):
    __slots__ = ("keys", "name", "optional", "sections", "single")
    name: str
    sections: Mapping[str, type[BaseModel]]
    keys: tuple[str, ...]  # fields that name an entry in error messages, first found wins
    optional: bool  # a directory may leave the file out
    single: frozenset[str]  # sections that are one mapping, not a list

    def __init__(
        self,
        name: str,
        sections: Mapping[str, type[BaseModel]],
        keys: tuple[str, ...],
        optional: bool = False,
        single: frozenset[str] = frozenset(),
    ) -> None:
        _set = object.__setattr__
        _set(self, "name", name)
        _set(self, "sections", sections)
        _set(self, "keys", keys)
        _set(self, "optional", optional)
        _set(self, "single", single)


@lru_cache(maxsize=1)
def _data_files() -> tuple[_FileSpec, ...]:
    """:data:`DATA_FILES`, made on first use (it names every model class, and an answer
    served from the prebuilt dataset needs none of the rare ones)."""
    rare = _rare_models()
    Source, PointReadings = rare["Source"], rare["PointReadings"]
    FigurePart, RegionFigure = rare["FigurePart"], rare["RegionFigure"]
    PointPosition, DangerZone = rare["PointPosition"], rare["DangerZone"]
    return (
        _FileSpec("sources.yaml", {"sources": Source}, ("id",)),
        _FileSpec("meridians.yaml", {"meridians": Meridian, "vessels": Vessel}, ("code",)),
        _FileSpec(
            "regions.yaml", {"surfaces": LimbSurface, "regions": Region}, ("id", "limb surface")
        ),
        _FileSpec("nerves.yaml", {"nerves": Nerve}, ("id",)),
        _FileSpec("segments.yaml", {"segments": Segment}, ("id",)),
        _FileSpec("points.yaml", {"points": Point}, ("code",)),
        _FileSpec("readings.yaml", {"readings": PointReadings}, ("code",), optional=True),
        _FileSpec(
            "rules.yaml",
            {"scoring": Scoring, "composition": Composition, "rules": Rule},
            ("id",),
            optional=True,
            single=frozenset({"scoring", "composition"}),
        ),
        _FileSpec("causes.yaml", {"causes": Cause}, ("id",), optional=True),
        _FileSpec("protocol.yaml", {"steps": ProtocolStep}, ("id",), optional=True),
        _FileSpec("protocols.yaml", {"protocols": ReferenceProtocol}, ("id",), optional=True),
        _FileSpec(
            "safety.yaml",
            {
                "conditions": PatientCondition,
                "red_flags": RedFlagRule,
                "aftercare": AdviceItem,
                "risks": AdviceItem,
                "danger_zones": DangerZone,
            },
            ("id",),
            optional=True,
        ),
        _FileSpec(
            "figure.yaml",
            {"outline": FigurePart, "region_shapes": RegionFigure, "positions": PointPosition},
            ("code", "region", "id"),
            optional=True,
        ),
        _FileSpec(
            "text.yaml",
            {
                "context": ContextTrigger,
                "spellings": Spelling,
                "words": WordList,
                "roles": RoleCue,
                "course": CourseTerm,
                "flags": FlagConcept,
                "person": PersonConcept,
                "cause_cues": CauseCue,
                "flag_classes": FlagClass,
                "flag_rules": FlagRule,
            },
            ("id", "text"),
            optional=True,
        ),
    )


if TYPE_CHECKING:
    DATA_FILES: tuple[_FileSpec, ...]
    """The files of a data directory, the top-level sections of each and their models."""


def __getattr__(name: str) -> Any:
    """:data:`DATA_FILES`, made by its first use."""
    if name == "DATA_FILES":
        return _data_files()
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


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DataError("file not found", file=str(path)) from None
    except OSError as exc:
        raise DataError(f"cannot read file: {exc.strerror}", file=str(path)) from None
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"file is {size} bytes, over the limit of {MAX_FILE_BYTES}; refusing to load it",
            file=str(path),
        )
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=str(path)
        ) from None
    except OSError as exc:
        raise DataError(f"cannot read file: {exc.strerror}", file=str(path)) from None


def _parse_yaml(text: str, file: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_strict_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        line = mark.line + 1 if mark is not None else None
        raise DataError(f"invalid YAML: {problem}", file=file, line=line) from None
    except yaml.YAMLError as exc:
        raise DataError(f"invalid YAML: {exc}", file=file) from None
    except RecursionError:
        raise DataError("invalid YAML: nested too deeply", file=file) from None


class _Lines:
    """The lines of the YAML nodes of one file, for its error messages.

    The node tree is composed once per file (with libyaml's C composer where PyYAML has
    it), on the first problem that asks for a line, and kept for the file's other
    problems: a file with 40 problems is composed once, not 40 times. A file without
    problems is never composed. Only used on the error path."""

    __slots__ = ("_composed", "_root", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: Any = None
        self._composed = False

    def _tree(self) -> Any:
        if not self._composed:
            import yaml

            self._composed = True
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            try:
                self._root = yaml.compose(self._text, Loader=loader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def __call__(self, path: Sequence[str | int]) -> int | None:
        """1-based line of the node at ``path`` (keys and list indices), or of the
        nearest enclosing node that exists."""
        return _node_line(self._tree(), path)


def _node_line(root: Any, path: Sequence[str | int]) -> int | None:
    """1-based line of the node at ``path`` under the composed node ``root``, or of the
    nearest enclosing node that exists."""
    import yaml

    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            key_node, match = next(
                (
                    (k, v)
                    for k, v in node.value
                    if isinstance(k, yaml.ScalarNode) and k.value == str(step)
                ),
                (None, None),
            )
            if key_node is None:
                break
            line = key_node.start_mark.line + 1
            node = match
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _entry_name(entry: Any, keys: Sequence[str], index: int) -> str:
    """How errors name an entry: its first key field ("limb surface": both fields
    joined), or its position ("#3") when it has none."""
    if isinstance(entry, Mapping):
        for key in keys:
            parts = [entry.get(k) for k in key.split()]
            if all(isinstance(v, (str, int)) for v in parts):
                return " ".join(str(v) for v in parts)
    return f"#{index + 1}"


def _describe(err: Mapping[str, Any]) -> str:
    kind = err.get("type", "")
    if kind == "extra_forbidden":
        return "unknown field (not part of the schema; check its spelling)"
    if kind == "missing":
        return "required field is missing"
    msg = str(err.get("msg", "invalid value"))
    if "input" in err and kind not in ("model_type", "model_attributes_type"):
        shown = repr(err["input"])
        if len(shown) > 60:
            shown = shown[:57] + "..."
        msg += f" (got {shown})"
    return msg


def _validate_section(
    items: Any, model: type[BaseModel], spec: _FileSpec, section: str, lines: _Lines, file: str
) -> Iterator[BaseModel | DataError]:
    if not isinstance(items, list):
        yield DataError(
            f"section {section!r} must be a list of entries, got {type(items).__name__}",
            file=file,
            field=section,
            line=lines([section]),
        )
        return
    single = section in spec.single
    for index, raw in enumerate(items):
        # the entry's name and place are worked out on the error path only
        if not isinstance(raw, Mapping):
            yield DataError(
                f"entry must be a mapping, got {type(raw).__name__}",
                file=file,
                entry=section if single else _entry_name(raw, spec.keys, index),
                line=lines([section] if single else [section, index]),
            )
            continue
        try:
            yield model.model_validate(raw)
        except ValidationError as exc:
            name = section if single else _entry_name(raw, spec.keys, index)
            where: list[str | int] = [section] if single else [section, index]
            first = exc.errors(include_url=False)[0]
            loc = [
                p for p in first["loc"] if not (isinstance(p, str) and p.startswith("function-"))
            ]
            field = ".".join(str(p) for p in loc) or None
            yield DataError(
                _describe(first),
                file=file,
                entry=name,
                field=field,
                line=lines([*where, *loc]),
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


_MAGIC = b"acupoints-cache 4 "


def _read_cached(path: Path) -> Dataset | None:
    """The dataset in a cache file, or ``None`` if it is missing, corrupt or unreadable.
    The file carries a checksum of its JSON, and the JSON is validated in full."""
    try:
        raw = path.read_bytes()
        head, _, body = raw.partition(b"\n")
        if not head.startswith(_MAGIC) or head[len(_MAGIC) :].decode() != _digest(body):
            return None
        return Dataset.model_validate_json(body)
    except (OSError, ValidationError, ValueError):
        return None


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _write_cached(path: Path, data: Dataset) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only to write the cache (a first answer writes nothing)

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        body = data.model_dump_json().encode()
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + _digest(body).encode() + b"\n" + body)
        os.replace(tmp, path)
    except OSError:  # a read-only home or a full disk must not stop a load
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return
    _prune(path.parent, keep=path)


CACHE_KEEP = 8
"""Cache files kept: each edit of a data file or upgrade of the library makes a new one,
so the oldest beyond this many (by last use) are deleted when one is written."""


def _prune(directory: Path, keep: Path) -> None:
    try:
        entries = [
            (p.stat().st_mtime, p)
            for p in directory.glob("*.json")
            if p.name != keep.name and len(p.stem) == 64
        ]
    except OSError:
        return
    entries.sort(reverse=True)
    for _, old in entries[CACHE_KEEP - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()


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


def _read_validated(root: Path) -> Dataset:
    sections: dict[str, list[BaseModel]] = {}
    problems: list[DataError] = []
    for spec in _data_files():
        path = root / spec.name
        file = str(path)
        if spec.optional and not path.exists():
            for section in spec.sections:
                sections[section] = []
            continue
        try:
            text = _read_text(path)
            data = _parse_yaml(text, file)
        except DataError as exc:
            problems.append(exc)
            for section in spec.sections:
                sections[section] = []
            continue
        if not isinstance(data, Mapping):
            problems.append(
                DataError(
                    "top level must be a mapping with the keys "
                    + ", ".join(repr(s) for s in spec.sections),
                    file=file,
                    line=1,
                )
            )
            data = {}
        lines = _Lines(text)
        unknown = sorted(set(map(str, data)) - set(spec.sections))
        for key in unknown:
            problems.append(
                DataError(
                    "unknown top-level section (expected "
                    + ", ".join(repr(s) for s in spec.sections)
                    + ")",
                    file=file,
                    field=key,
                    line=lines([key]),
                )
            )
        for section, model in spec.sections.items():
            sections[section] = []
            if section not in data:
                problems.append(DataError("required section is missing", file=file, field=section))
                continue
            if section in spec.single:
                items = [data[section]] if isinstance(data[section], Mapping) else data[section]
                if not isinstance(data[section], Mapping):
                    problems.append(
                        DataError(
                            f"section {section!r} must be a mapping",
                            file=file,
                            field=section,
                            line=lines([section]),
                        )
                    )
                    continue
            else:
                items = data[section]
            for item in _validate_section(items, model, spec, section, lines, file):
                if isinstance(item, DataError):
                    problems.append(item)
                else:
                    sections[section].append(item)
    if problems:
        first = problems[0]
        first.problems = problems
        raise first
    values: dict[str, Any] = {}
    for spec in _data_files():
        for name in spec.sections:
            records = sections.get(name, [])
            if name in spec.single:
                values[name] = records[0] if records else None
            else:
                values[name] = tuple(records)
    return Dataset.model_validate(values)
