"""The packaged dataset, checked once when the wheel is built and loaded without YAML.

Reading the packaged YAML files, validating every record and running the cross-record
checks takes most of a cold load; validating the JSON cache still builds every model's
schema. So the build of the wheel (``hatch_build.py``, also run by ``pip install -e .``)
loads the packaged ``data/`` the ordinary way, with every check, and writes the
:class:`~acupoints.loading.Dataset` it got, with its data version, next to the code as
``acupoints/_dataset.pickle``. :func:`acupoints.load` with no argument reads that file
when it matches the data files: its header carries the
:func:`~acupoints.loading.fingerprint` of the YAML it was built from (their bytes, the
library version and the code that checks them), and a file that does not match, cannot
be read or was written by another major version of pydantic is ignored, and the packaged
data is read from YAML (and the cache) as before. So an edited data file is never hidden
by a stale build, and data of anyone else (``load(path)``) is always read from YAML.

The file is a pickle: it is part of the installed package, written by its build, and
trusted as its code is; nothing from a user's directory or the cache is ever unpickled.
``tests/test_prebuilt.py`` builds it from the YAML and checks that it loads to the same
records and the same data version.

The same file carries the text reader's lookup tables of the packaged knowledge base
(:mod:`acupoints.text.compiled`, most of a first answer's reader time when built at
run time), keyed by a hash of the code that builds them as well: tables built by other
code than the installed one are ignored and built again on first use. They are kept as
bytes until the first reading (a load imports no reader), and refer to the dataset's
own records (the red-flag concepts, the cause cues) rather than copies of them.

The parts of the dataset a selection never reads (:data:`~acupoints.loading.LAZY_SECTIONS`:
the readings of the names, the body figure, the source register, the parts of text.yaml
that only build the reader's tables, the risks and danger zones) follow the body, each
pickled on its own; a load leaves them in the file, and the first access to one of their
fields reads that part (:func:`~acupoints.loading.defer_sections`).

The body model's tables (:class:`acupoints.anatomy._Tables`: the region tree, the points
in each region, each point's nerves, what covers each region) come with it too, pickled,
keyed by a hash of ``anatomy.py``, and refer to the dataset's own ids; the first use of
:attr:`KnowledgeBase.anatomy <acupoints.KnowledgeBase.anatomy>` unpickles them instead of
building them (0.2 against 0.9 ms of a first answer).
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
from collections.abc import Callable, Container, Iterator, Mapping
from contextlib import contextmanager
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from weakref import WeakKeyDictionary

from pydantic import BaseModel

from .errors import DataError
from .loading import (
    _SECTION_OF,
    LAZY_SECTIONS,
    Dataset,
    data_version,
    defer_sections,
    fingerprint,
    read_dataset,
)

if TYPE_CHECKING:
    from .kb import KnowledgeBase
    from .text.compiled import Tables

__all__ = [
    "ARTIFACT",
    "TableBlobs",
    "anatomy_key",
    "anatomy_tables_for",
    "artifact_path",
    "build",
    "load_packaged",
    "quiet_gc",
    "read",
    "read_all",
    "reader_key",
    "tables_for",
]

ARTIFACT = "_dataset.pickle"
"""The file name of the prebuilt dataset, inside the package."""

_MAGIC = b"acupoints-dataset 6"

_READER_CODE = ("text/compiled.py", "text/lexicon.py", "parse.py")
"""The modules whose code builds the reader's tables (``compiled._build`` and the words of
the location grammar it reads)."""


def artifact_path() -> Path:
    """Where the prebuilt dataset of this installation is (it may be absent)."""
    return Path(__file__).resolve().parent / ARTIFACT


def _pydantic_major() -> str:
    import pydantic

    return pydantic.VERSION.split(".", 1)[0]


def reader_key() -> str:
    """A hash of the code that builds the reader's tables (:data:`_READER_CODE`): prebuilt
    tables are used only by the code that built them."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(b"acupoints reader tables 2")
    for name in _READER_CODE:
        try:
            h.update(name.encode() + b"\0" + (here / name).read_bytes())
        except OSError:
            return ""  # never matches a built key
    return h.hexdigest()


def anatomy_key() -> str:
    """A hash of the code that builds the body model's tables (``anatomy.py``): prebuilt
    tables are used only by the code that built them."""
    try:
        code = (Path(__file__).resolve().parent / "anatomy.py").read_bytes()
    except OSError:
        return ""  # never matches a built key
    return hashlib.sha256(b"acupoints anatomy tables 1\0" + code).hexdigest()


def build(data_dir: str | os.PathLike[str], target: str | os.PathLike[str]) -> str:
    """Load ``data_dir`` from YAML with every check (as :func:`acupoints.load` of a
    path does, including the knowledge base's own index checks) and write it to
    ``target``; returns its data version. Raises :class:`~acupoints.DataError` for data
    that does not load."""
    from .kb import KnowledgeBase

    root = Path(data_dir)
    data = read_dataset(root, cache=False)
    kb = KnowledgeBase(data, origin=str(root), _checked=True)  # the alias index checks too
    from .text.compiled import _build as build_tables

    tables = build_tables(kb)
    key = fingerprint(root)
    if key is None:
        raise OSError(f"cannot read the data files of {root}")
    version = data_version(data)
    _share(data, {}, {})
    head = b" ".join((_MAGIC, key.encode(), version.encode(), _pydantic_major().encode()))
    blob = _dump_tables(tables, data)
    from .anatomy import _Tables

    anatomy = _dump_anatomy(_Tables(kb), data)
    # the sections a selection never reads go after the body, each pickled on its own,
    # and the body's dataset goes without them (read on first use: loading._fill)
    sections = [_pickled({n: getattr(data, n) for n in names}) for names in LAZY_SECTIONS.values()]
    lazy = set(_SECTION_OF)
    part = Dataset.__new__(Dataset)
    _set(part, "__pydantic_fields_set__", data.__pydantic_fields_set__)
    _set(part, "__pydantic_extra__", None)
    _set(part, "__pydantic_private__", None)
    for name, value in data.__dict__.items():
        if name not in lazy:
            _set(part, name, value)
    sizes = tuple(len(b) for b in sections)
    main, rare = blob
    head_part = (part, reader_key(), main, sizes, len(rare), anatomy_key(), anatomy)
    body = _pickled(head_part) + rare + b"".join(sections)
    out = Path(target)
    out.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only at build time

    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".tmp-", suffix=".pickle")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(head + b"\n" + body)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would keep a system-wide install's users out
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return version


_set = object.__setattr__


def _pickled(value: Any) -> bytes:
    out = io.BytesIO()
    _RecordPickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


def _chunk_loader(path: Path, head: bytes, start: int, size: int) -> Callable[[], bytes]:
    """What reads ``size`` bytes from ``start`` of the prebuilt file ``path`` back, if
    the file is still the one it was loaded from: same first line (the fingerprint of
    the data files, the data version), so the same build, which is reproducible."""

    def load() -> bytes:
        try:
            with open(path, "rb") as fh:
                same = fh.readline() == head
                fh.seek(start)
                chunk = fh.read(size)
        except (OSError, ValueError):
            same, chunk = False, b""
        if not same or len(chunk) != size:
            raise _gone(path)
        return chunk

    return load


def _gone(path: Path) -> DataError:
    return DataError(
        "the prebuilt dataset changed or went missing after it was loaded, and a "
        "part of it that is read on first use (the readings, the body figure, "
        "the sources, the reader's word lists and rules, the risks, or the reader's "
        "tables of typos) is no longer there: load the data again (acupoints.load() "
        "in a new process)",
        file=str(path),
    )


def _section_loader(
    path: Path, head: bytes, start: int, size: int
) -> Callable[[], Mapping[str, Any]]:
    """What reads a deferred section of the dataset back from the prebuilt file
    (:func:`_chunk_loader`), unpickled."""
    chunk = _chunk_loader(path, head, start, size)

    def load() -> Mapping[str, Any]:
        raw = chunk()
        try:
            value = pickle.loads(raw)
        except (ValueError, EOFError, pickle.UnpicklingError, AttributeError):
            value = None
        if not isinstance(value, dict):
            raise _gone(path)
        return value

    return load


def _record(
    cls: type[BaseModel], names: tuple[str, ...], values: tuple[Any, ...], fields_set: set[str]
) -> BaseModel:
    """A record of the prebuilt file, rebuilt with its fields set one by one.

    Pydantic's own unpickling gives each record the dict it was pickled with: a dict of
    its own, grown one key at a time (about 460 bytes for a point's 13 fields). Set as
    attributes of a new instance, the values are kept in the compact layout CPython
    (3.11 and later) gives instances of one class, whose field names are stored once
    for the class (about 180 bytes for the same fields; 1 MiB of the packaged
    dataset's 4.2). The record is the same: the same fields with the same values in the
    same order, the same fields set, no extra and no private values (a record with
    either is pickled the ordinary way); ``__dict__`` still gives them all as a dict.
    """
    obj = object.__new__(cls)  # as cls.__new__ (the pickler writes no other), looked up faster
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    # object.__setattr__ over the pairs, run by map in C (as fast as assigning one dict;
    # a Python loop made a load about 10% slower); it returns None, so any() sees them all
    any(map(_set, repeat(obj, len(names)), names, values))
    return obj


class _RecordPickler(pickle.Pickler):
    """Writes each record as :func:`_record` of its field names (one tuple per record
    type, stored once) and values."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._names: dict[tuple[type, tuple[str, ...]], tuple[str, ...]] = {}

    def reducer_override(self, obj: Any) -> Any:
        if (
            not isinstance(obj, BaseModel)
            or isinstance(obj, type)
            or obj.__pydantic_extra__ is not None
            or obj.__pydantic_private__ is not None
            or type(obj).__new__ is not object.__new__
        ):
            return NotImplemented
        fields = obj.__dict__
        names = tuple(fields)
        names = self._names.setdefault((type(obj), names), names)
        return _record, (type(obj), names, tuple(fields.values()), obj.__pydantic_fields_set__)


def _share(
    value: Any,
    pool: dict[Any, Any],
    sets: dict[tuple[type, frozenset[str]], set[str]],
    skip: Container[int] = (),
) -> Any:
    """``value`` with one object for what many parts of it hold equal, which the pickle
    then stores once: every string and tuple of strings is the first equal one in
    ``pool`` or met in a walk in order (the same source ids, region ids and kinds are
    written thousands of times in the YAML, each read as its own string; the reader's
    tables spell the same words in many places, and the spelling table maps 21,000
    deletions to 950 words), equal floats and tuples of numbers are one object (3,967
    floats in the packaged data, 798 values), and every record of one type with the same
    fields set shares one set object (a set per record was 2 of the dataset's 5 MiB).
    Containers are rebuilt with the same items in the same order; records, tables and
    indexes are changed in place (their fields replaced by equal values of the same type),
    except the records whose ids are in ``skip`` (the dataset's, when its tables are
    walked). Records are frozen, so nothing writes to them and pydantic never changes the
    set (``model_copy`` copies it).

    Every string is replaced, dict keys and strings among records in a tuple too, not
    only the fields that are text: the pickle's layout (which string is written out and
    which is a reference to an earlier one) must follow from the data alone. pydantic
    hands out strings from a cache of its own whose slots depend on a random per-process
    hash, so two reads of the same YAML share different strings (a ``by_area`` key was
    the same object as a region's id in one build and not in the next), and the prebuilt
    file came out different from one build to the next."""
    if isinstance(value, str):
        return pool.setdefault(value, value)
    if type(value) is float:
        return pool.setdefault(_typed((value,)), value)
    if isinstance(value, tuple):
        items = tuple(_share(v, pool, sets, skip) for v in value)
        if _words(items):
            return pool.setdefault(items, items)
        # numbers, coordinates, a phrase's lengths (keyed as a float is, one level down,
        # so that a float and a tuple of one float never share a key); None for a tuple
        # of records
        key = _typed((items,))
        return items if key is None else pool.setdefault(key, items)
    if isinstance(value, list):
        return [_share(v, pool, sets, skip) for v in value]
    if isinstance(value, (set, frozenset)):
        return type(value)(_share(v, pool, sets, skip) for v in value)
    if isinstance(value, dict):
        return {_share(k, pool, sets, skip): _share(v, pool, sets, skip) for k, v in value.items()}
    if isinstance(value, BaseModel):
        if id(value) in skip:
            return value
        own = value.__pydantic_fields_set__
        object.__setattr__(
            value, "__pydantic_fields_set__", sets.setdefault((type(value), frozenset(own)), own)
        )
        fields = value.__dict__
        for name, v in fields.items():
            fields[name] = _share(v, pool, sets, skip)
        return value
    from .text.compiled import WordSet  # only at build time

    if isinstance(value, WordSet):
        value._words = _share(value._words, pool, sets, skip)
    elif hasattr(value, "__dict__"):  # a table, an index, the region phrases (frozen)
        for name, v in vars(value).items():
            object.__setattr__(value, name, _share(v, pool, sets, skip))
    return value


def _records(data: Dataset) -> dict[int, tuple[str, int]]:
    """Where each record of the dataset's lists is: id -> (field, place); not those of
    the sections a load leaves in the file."""
    out: dict[int, tuple[str, int]] = {}
    for name, value in data.__dict__.items():
        if isinstance(value, tuple) and name not in _SECTION_OF:
            for i, record in enumerate(value):
                if isinstance(record, BaseModel):
                    out[id(record)] = (name, i)
    return out


def _typed(value: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A pool key equal only for tuples of the same strings, integers and floats (and
    tuples of them) of the same types (``(1,)`` equals ``(True,)``, ``0.0`` equals
    ``-0.0``), unlike any tuple of words (its items are pairs that begin with a type);
    ``None`` for a tuple of anything else."""
    out: list[Any] = []
    for v in value:
        kind = type(v)
        if kind is str or kind is int:
            out.append((kind, v))
        elif kind is float:  # by its bits: -0.0 == 0.0, but it is not the same number
            out.append((kind, v.hex()))
        elif kind is tuple:
            inner = _typed(v)
            if inner is None:
                return None
            out.append(inner)
        else:
            return None
    return (tuple, tuple(out))


def _words(value: tuple[Any, ...]) -> bool:
    """Strings and tuples of them only (equal only to the same strings: ``(1,)`` equals
    ``(True,)``, and a pool must not swap one for the other)."""
    return all(type(v) is str or (type(v) is tuple and _words(v)) for v in value)


def _seed(data: Dataset) -> list[str]:
    """The strings of ``data`` the tables are written against: the terms of text.yaml's
    word lists (most of the reader's known words are one of them), of its concepts, and
    the causes' ids and synonyms, in the dataset's order (the same at build and at load,
    and cheap to list). Not those of the sections a load leaves in the file
    (:data:`~acupoints.loading.LAZY_SECTIONS`: the spellings, context triggers, time
    course and roles): the tables carry their own, and reading them stays for whoever
    asks for those sections.
    A string met twice is listed twice, as the same object: the tables refer to it by
    either place and get that object back. (Listing each object once, by its ``id`` in
    a dict, took 5 ms of a first answer: ids of objects are addresses, which collide in
    a dict's slots.)"""
    concepts = (*data.flags, *data.person)
    strings = [t for wl in data.words for t in wl.terms]
    strings += [w for c in concepts for part in (c.lay, c.clinical, c.typos, *c.also) for w in part]
    strings += [w for cause in data.causes for w in (cause.id, *cause.synonyms)]
    return strings


class TableBlobs(NamedTuple):
    """The reader's tables in the prebuilt file: pickled (``main``), and what reads the
    rare ones (:data:`~acupoints.text.compiled.RARE`, pickled apart) from the file."""

    main: bytes
    rare: Callable[[], bytes]


def _dump_tables(tables: Tables, data: Dataset) -> tuple[bytes, bytes]:
    """The reader's tables pickled on their own, a record of ``data`` written as its
    place, and so is a string equal to one of :func:`_seed`: a load then gets the
    dataset's own strings, not copies (0.23 MiB kept). Two pickles: the tables but the
    rare ones, and the rare ones (:data:`~acupoints.text.compiled.RARE`), which a
    reading reads only when it meets a word it does not know."""
    from .text.compiled import RARE, Tables

    seed = _seed(data)
    records = _records(data)
    _share(tables, {s: s for s in reversed(seed)}, {}, records)  # the first of equal ones
    where: dict[int, Any] = {id(s): i for i, s in enumerate(seed)}
    at = len(seed)  # then the records, at their places in _places
    for name, value in data.__dict__.items():
        if isinstance(value, tuple) and name not in _SECTION_OF:
            where.update((id(r), at + i) for i, r in enumerate(value) if id(r) in records)
            at += len(value)

    class _Pickler(_RecordPickler):
        def persistent_id(self, obj: Any) -> Any:
            return where.get(id(obj)) if isinstance(obj, (BaseModel, str)) else None

    main = Tables.__new__(Tables)
    main.__dict__.update((k, v) for k, v in vars(tables).items() if k not in RARE)
    out = []
    for value in (main, {name: getattr(tables, name) for name in RARE}):
        buf = io.BytesIO()
        _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        out.append(buf.getvalue())
    return out[0], out[1]


def _places(data: Dataset) -> list[Any]:
    """What the pickled tables refer to by place, an index into this list: the strings
    of :func:`_seed`, then the items of the dataset's lists in order (not those of the
    sections a load leaves in the file), the records among them."""
    out = _seed(data)
    for name, value in data.__dict__.items():
        if isinstance(value, tuple) and name not in _SECTION_OF:
            out.extend(value)
    return out


def _unpickle_tables(blob: bytes, data: Dataset) -> Any:
    unpickler = pickle.Unpickler(io.BytesIO(blob))
    # the list's own look-up, called by the unpickler for each of the 13,000 places
    # without a Python frame (a method of a subclass: 2.20 against 1.86 ms, warm)
    unpickler.persistent_load = _places(data).__getitem__  # type: ignore[method-assign]
    return unpickler.load()


def _load_tables(blobs: TableBlobs, data: Dataset) -> Tables:
    """The tables of ``blobs``, the rare ones left to be read on their first use."""
    tables = _unpickle_tables(blobs.main, data)
    rare = blobs.rare

    def load_rare() -> dict[str, Any]:
        found = _unpickle_tables(rare(), data)
        if not isinstance(found, dict):
            raise DataError("the prebuilt reader tables of typos cannot be read")
        return found

    tables.__dict__["_rare"] = load_rare
    return tables  # type: ignore[no-any-return]


_BLOBS: WeakKeyDictionary[KnowledgeBase, tuple[Dataset, TableBlobs]] = WeakKeyDictionary()


def _anatomy_ids(data: Dataset) -> list[str]:
    """The ids the pickled body-model tables refer to by place, an index into this list:
    the regions', the points', the nerves' and the segments' (the dataset's own strings,
    in its order: the same at build and at load)."""
    out = [r.id for r in data.regions]
    out += [p.code for p in data.points]
    out += [n.id for n in data.nerves]
    out += [s.id for s in data.segments]
    return out


def _dump_anatomy(tables: Any, data: Dataset) -> bytes:
    """The body model's tables (their slots by name) pickled, an id of ``data`` written
    as its place in :func:`_anatomy_ids` (a load gets the dataset's strings, not copies),
    and a set as its sorted items (a set's order follows the process's string hashes, and
    two builds of the same data must give the same bytes)."""
    where: dict[str, int] = {}
    for i, s in enumerate(_anatomy_ids(data)):
        where.setdefault(s, i)

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> Any:
            return where.get(obj) if type(obj) is str else None

    made: dict[int, tuple[_Sorted, frozenset[Any]]] = {}
    fields = {name: _sorted_sets(getattr(tables, name), made) for name in type(tables).__slots__}
    buf = io.BytesIO()
    _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(fields)
    return buf.getvalue()


class _Sorted:
    """A set of strings written to a pickle as its sorted items, read back as a frozenset
    (the pickler writes a frozenset itself in its own order, never asking
    ``reducer_override``)."""

    __slots__ = ("items",)

    def __init__(self, items: frozenset[str]) -> None:
        self.items = tuple(sorted(items))

    def __reduce__(self) -> tuple[Any, ...]:
        return frozenset, (self.items,)


def _sorted_sets(value: Any, made: dict[int, tuple[_Sorted, frozenset[Any]]]) -> Any:
    """``value`` with each frozenset in it (through dicts, lists and tuples) as a
    :class:`_Sorted`, one for each set object (a set held twice stays one object); a
    container with no set in it is ``value`` itself (a tuple held twice stays one)."""
    kind = type(value)
    if kind is frozenset:
        found = made.get(id(value))
        if found is None:
            found = made[id(value)] = (_Sorted(value), value)  # the set kept: ids stay apart
        return found[0]
    if kind is dict:
        items = {k: _sorted_sets(v, made) for k, v in value.items()}
        same = all(a is b for a, b in zip(items.values(), value.values(), strict=True))
        return value if same else items
    if kind is list or kind is tuple:
        got = kind(_sorted_sets(v, made) for v in value)
        return value if all(a is b for a, b in zip(got, value, strict=True)) else got
    return value


_ANATOMY: WeakKeyDictionary[KnowledgeBase, tuple[Dataset, bytes]] = WeakKeyDictionary()


def anatomy_tables_for(kb: KnowledgeBase) -> Any:
    """The prebuilt body-model tables (an :class:`acupoints.anatomy._Tables`) of ``kb``,
    if it is the packaged knowledge base loaded from the prebuilt file with the tables of
    the installed ``anatomy.py``; else ``None`` (the caller builds them). Each knowledge
    base's are unpickled once, by its first use of the body model."""
    found = _ANATOMY.pop(kb, None)
    if found is None:
        return None
    data, blob = found
    from .anatomy import _Tables

    unpickler = pickle.Unpickler(io.BytesIO(blob))
    unpickler.persistent_load = _anatomy_ids(data).__getitem__  # type: ignore[method-assign]
    try:
        fields = unpickler.load()
    except (ValueError, EOFError, IndexError, TypeError, pickle.UnpicklingError, AttributeError):
        return None
    if not isinstance(fields, dict) or tuple(fields) != _Tables.__slots__:
        return None
    tables = _Tables.__new__(_Tables)
    for name, value in fields.items():
        _set(tables, name, value)
    return tables


def tables_for(kb: KnowledgeBase) -> Tables | None:
    """The prebuilt reader tables of ``kb``, if it is the packaged knowledge base loaded
    from the prebuilt file (with the tables of the installed reader code); else ``None``.
    Each knowledge base's are unpickled once, by its first reading."""
    found = _BLOBS.pop(kb, None)
    if found is None:
        return None
    from .text.compiled import Tables

    tables = _load_tables(found[1], found[0])
    return tables if isinstance(tables, Tables) else None


def read(
    data_dir: str | os.PathLike[str], artifact: Path | None = None
) -> tuple[Dataset, str] | None:
    """The prebuilt dataset and its data version, if ``artifact`` (default: the one of
    this installation) was built from the files of ``data_dir`` as they are now; else
    ``None``."""
    found = read_all(data_dir, artifact)
    return None if found is None else found[:2]


def read_all(
    data_dir: str | os.PathLike[str], artifact: Path | None = None
) -> tuple[Dataset, str, TableBlobs | None] | None:
    """:func:`read`, and the reader's tables built with the dataset, pickled, if the code
    that builds them is the installed one (else ``None`` for them)."""
    found = _read_all(data_dir, artifact)
    return None if found is None else found[:3]


def _read_all(
    data_dir: str | os.PathLike[str], artifact: Path | None = None
) -> tuple[Dataset, str, TableBlobs | None, bytes | None] | None:
    """:func:`read_all`, and the body model's tables, pickled, if the code that builds
    them is the installed one (else ``None`` for them)."""
    path = artifact_path() if artifact is None else artifact
    try:
        with open(path, "rb") as fh:
            line = fh.readline()
            head = line.split()
            if len(head) != 5 or b" ".join(head[:2]) != _MAGIC:
                return None
            key, version, major = (h.decode() for h in head[2:])
            if major != _pydantic_major() or key != fingerprint(Path(data_dir)):
                return None
            body = pickle.load(fh)
            end = fh.tell()
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None
    if not (
        isinstance(body, tuple)
        and len(body) == 7
        and isinstance(body[0], Dataset)
        and isinstance(body[3], tuple)
        and len(body[3]) == len(LAZY_SECTIONS)
        and isinstance(body[4], int)
    ):
        return None
    data, key, blob, sizes, rare, anatomy_built_by, anatomy = body
    if anatomy_built_by != anatomy_key() or not isinstance(anatomy, bytes):
        anatomy = None
    rare_at, end = end, end + rare  # the rare tables, then the dataset's deferred sections
    loaders = {}
    for section, size in zip(LAZY_SECTIONS, sizes, strict=True):
        loaders[section] = _section_loader(path, line, end, size)
        end += size
    defer_sections(data, loaders)
    if key != reader_key() or not isinstance(blob, bytes):
        return data, version, None, anatomy
    return data, version, TableBlobs(blob, _chunk_loader(path, line, rare_at, rare)), anatomy


@contextmanager
def quiet_gc() -> Iterator[None]:
    """The cyclic garbage collector off while a dataset is built (it allocates tens of
    thousands of objects and frees almost none, so every collection in between is lost
    work), back to its previous state afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load_packaged(data_dir: Path) -> KnowledgeBase:
    """The knowledge base of the packaged data: from the prebuilt dataset when it matches
    the files of ``data_dir``, else from YAML (through the cache)."""
    from .kb import KnowledgeBase

    with quiet_gc():
        found = _read_all(data_dir)
        if found is None:
            return KnowledgeBase.from_directory(data_dir)
        data, version, blob, anatomy = found
        kb = KnowledgeBase(
            data, origin=str(data_dir), _checked=True, _version=version, _indexed=False
        )
        if blob is not None:
            _BLOBS[kb] = (data, blob)
        if anatomy is not None:
            _ANATOMY[kb] = (data, anatomy)
        return kb
