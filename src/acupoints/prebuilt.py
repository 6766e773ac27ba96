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
own records (the red-flag concepts, the cause cues) rather than copies of them. Two
groups of them follow the body, each pickled on its own and left in the file until a
reading first reads one of its tables (:data:`~acupoints.text.compiled.RARE`, read for a
word the reader does not know, and :data:`~acupoints.text.compiled.UNCOMMON`, read for
what only some texts hold); the strings and tuples of words they share with the others
are the others' objects, not copies.

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
from collections.abc import Callable, Iterator, Mapping
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
    defer_sections,
    fingerprint,
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
    "load_packaged",
    "quiet_gc",
    "read",
    "read_all",
    "reader_key",
    "tables_for",
]

ARTIFACT = "_dataset.pickle"
"""The file name of the prebuilt dataset, inside the package."""

_MAGIC = b"acupoints-dataset 7"

_READER_CODE = (
    "text/compiled.py",
    "text/_compile.py",
    "text/lexicon.py",
    "_lexicon_rare.py",
    "parse.py",
)
"""The modules whose code builds the reader's tables (``_compile._build`` and the words of
the location grammar it reads)."""


_BUILD_NAMES = frozenset(
    {
        "build",
        "_pickled",
        "_RecordPickler",
        "_share",
        "_records",
        "_typed",
        "_words",
        "_dump_tables",
        "_dump_anatomy",
        "_Sorted",
        "_sorted_sets",
    }
)
"""What builds the file (:mod:`acupoints._prebuild`), imported on first use: a load
never runs it."""


def __getattr__(name: str) -> Any:
    if name in _BUILD_NAMES:
        from . import _prebuild

        return getattr(_prebuild, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


_set = object.__setattr__


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
    rare ones (:data:`~acupoints.text.compiled.RARE`) and the uncommon ones
    (:data:`~acupoints.text.compiled.UNCOMMON`), each group pickled apart, from the file."""

    main: bytes
    rare: Callable[[], bytes]
    uncommon: Callable[[], bytes]


def _places(data: Dataset) -> list[Any]:
    """What the pickled tables refer to by place, an index into this list: the strings
    of :func:`_seed`, then the items of the dataset's lists in order (not those of the
    sections a load leaves in the file), the records among them."""
    out = _seed(data)
    for name, value in data.__dict__.items():
        if isinstance(value, tuple) and name not in _SECTION_OF:
            out.extend(value)
    return out


def _unpickle_tables(blob: bytes, data: Dataset, shared: tuple[Any, ...] = ()) -> Any:
    """A pickle of the reader's tables; a group kept apart refers to the ``shared``
    objects of the others after the places of :func:`_places`."""
    places = _places(data)
    places += shared
    unpickler = pickle.Unpickler(io.BytesIO(blob))
    # the list's own look-up, called by the unpickler for each of the 13,000 places
    # without a Python frame (a method of a subclass: 2.20 against 1.86 ms, warm)
    unpickler.persistent_load = places.__getitem__  # type: ignore[method-assign]
    return unpickler.load()


def _sized_sets(tables: Any) -> None:
    """The large frozensets of ``tables`` (a :class:`~acupoints.text.compiled.Tables` or a
    dict of some of them) and of the objects it holds, one level down,
    remade with tables sized once for them (:func:`acupoints._plain.sized`): the unpickler
    builds a frozenset an item at a time, to four times its items (the region words: 352
    words in 32 KiB, not 16; 0.035 MiB over the tables). A set held in two places stays
    one object."""
    from ._plain import sized

    done: dict[int, frozenset[Any]] = {}

    def remade(value: Any) -> Any:
        if type(value) is not frozenset or len(value) < 64:
            return value
        found = done.get(id(value))
        if found is None:
            found = done[id(value)] = sized(value)
        return found

    top = tables if type(tables) is dict else vars(tables)
    for name, value in list(top.items()):
        top[name] = remade(value)
    for holder in top.values():
        fields = getattr(holder, "__dict__", None)
        if fields is None or isinstance(holder, type):
            continue
        for name, value in list(fields.items()):
            new = remade(value)
            if new is not value:
                object.__setattr__(holder, name, new)


def _load_tables(blobs: TableBlobs, data: Dataset) -> Tables:
    """The tables of ``blobs``, the rare and the uncommon ones left to be read on their
    first use (:meth:`Tables.__getattr__ <acupoints.text.compiled.Tables.__getattr__>`)."""
    tables = _unpickle_tables(blobs.main, data)
    _sized_sets(tables)
    # the objects of these tables the groups refer to, kept by their loaders only
    shared = tables.__dict__.pop("_shared", ())
    tables.__dict__["_rare"] = _group_loader(blobs.rare, data, shared, "of typos")
    tables.__dict__["_uncommon"] = _group_loader(blobs.uncommon, data, shared, "read by few texts")
    return tables  # type: ignore[no-any-return]


def _group_loader(
    chunk: Callable[[], bytes], data: Dataset, shared: tuple[Any, ...], what: str
) -> Callable[[], dict[str, Any]]:
    """What reads a group of tables kept apart in the file, as a dict by name."""

    def load() -> dict[str, Any]:
        found = _unpickle_tables(chunk(), data, shared)
        if not isinstance(found, dict):
            raise DataError(f"the prebuilt reader tables {what} cannot be read")
        _sized_sets(found)
        return found

    return load


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
        and isinstance(body[4], tuple)
        and len(body[4]) == 2
    ):
        return None
    data, key, blob, sizes, (rare, uncommon), anatomy_built_by, anatomy = body
    if anatomy_built_by != anatomy_key() or not isinstance(anatomy, bytes):
        anatomy = None
    # the rare tables, the uncommon ones, then the dataset's deferred sections
    rare_at, uncommon_at, end = end, end + rare, end + rare + uncommon
    loaders = {}
    for section, size in zip(LAZY_SECTIONS, sizes, strict=True):
        loaders[section] = _section_loader(path, line, end, size)
        end += size
    defer_sections(data, loaders)
    if key != reader_key() or not isinstance(blob, bytes):
        return data, version, None, anatomy
    blobs = TableBlobs(
        blob,
        _chunk_loader(path, line, rare_at, rare),
        _chunk_loader(path, line, uncommon_at, uncommon),
    )
    return data, version, blobs, anatomy


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
