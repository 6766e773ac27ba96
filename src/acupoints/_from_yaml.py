"""The YAML road of :mod:`acupoints.loading`: reading the files of a data directory with
the safe loader, validating every record into a :class:`~acupoints.loading.Dataset` with
errors that name the file, the entry, the field and the line, and the JSON cache of
checked datasets.

A load of the packaged data served from the prebuilt file (:mod:`acupoints.prebuilt`)
runs none of it, so it is imported by the first :func:`~acupoints.loading.read_dataset`
(a load from YAML or the cache, ``acupoints validate``) or the first use of one of its
names, which :mod:`acupoints.loading`'s ``__getattr__`` gives as before
(``loading._parse_yaml``, ``loading.DATA_FILES`` ...). The two that callers may replace
on :mod:`acupoints.loading`, ``_parse_yaml`` and ``_strict_loader``, are looked up there.
"""

import contextlib
import hashlib
import os
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from . import loading
from ._plain import Frozen
from .errors import DataError
from .loading import CACHE_KEEP, MAX_FILE_BYTES, Dataset, _rare_models
from .models import LimbSurface, Meridian, Nerve, Point, Region, Segment, Vessel
from .rules import Cause, Composition, ProtocolStep, ReferenceProtocol, Rule, Scoring
from .safety import AdviceItem, PatientCondition, RedFlagRule
from .text.lexicon import CauseCue, FlagConcept, PersonConcept, WordList

if TYPE_CHECKING:
    import yaml


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
    ContextTrigger, Spelling, RoleCue = rare["ContextTrigger"], rare["Spelling"], rare["RoleCue"]
    CourseTerm, FlagClass, FlagRule = rare["CourseTerm"], rare["FlagClass"], rare["FlagRule"]
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
        return yaml.load(text, Loader=loading._strict_loader())
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
            data = loading._parse_yaml(text, file)
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
