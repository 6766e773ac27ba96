"""The build of the prebuilt dataset (:func:`build`, run by ``hatch_build.py`` when the
wheel is built or the package installed): loading the packaged YAML with every check,
sharing equal strings and records, and pickling the dataset, the reader's tables and the
body model's tables. Kept apart from :mod:`acupoints.prebuilt`, which reads the file: a
load never runs this code, and its code objects were about 0.05 MiB of a first answer's
memory. :mod:`acupoints.prebuilt` still gives these names (``prebuilt.build``), importing
this module on first use.
"""

from __future__ import annotations

import io
import os
import pickle
from collections.abc import Container
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .loading import _SECTION_OF, LAZY_SECTIONS, Dataset, data_version, fingerprint, read_dataset
from .prebuilt import (
    _MAGIC,
    _anatomy_ids,
    _pydantic_major,
    _record,
    _seed,
    _set,
    anatomy_key,
    reader_key,
)

if TYPE_CHECKING:
    from .text.compiled import Tables

__all__ = ["build"]


def build(data_dir: str | os.PathLike[str], target: str | os.PathLike[str]) -> str:
    """Load ``data_dir`` from YAML with every check (as :func:`acupoints.load` of a
    path does, including the knowledge base's own index checks) and write it to
    ``target``; returns its data version. Raises :class:`~acupoints.DataError` for data
    that does not load."""
    from .kb import KnowledgeBase

    root = Path(data_dir)
    data = read_dataset(root, cache=False)
    kb = KnowledgeBase(data, origin=str(root), _checked=True)  # the alias index checks too
    from .text._compile import _build as build_tables

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
    main, rare, uncommon = blob
    apart = (len(rare), len(uncommon))
    head_part = (part, reader_key(), main, sizes, apart, anatomy_key(), anatomy)
    body = _pickled(head_part) + rare + uncommon + b"".join(sections)
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


def _pickled(value: Any) -> bytes:
    out = io.BytesIO()
    _RecordPickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


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
    Equal frozensets of such values are one object too, and so are equal records (of one
    type, with the same fields set and the same values; 1,450 of the dataset's records
    were copies of another, 0.2 MiB) and equal tuples of records: the first one met
    stands for the others. Containers are rebuilt with the same items in the same order;
    records, tables and indexes are changed in place (their fields replaced by equal values
    of the same type), except the records whose ids are in ``skip`` (the dataset's, when
    its tables are walked). Records are frozen, so nothing writes to them and pydantic
    never changes the set (``model_copy`` copies it).

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
        members = type(value)(_share(v, pool, sets, skip) for v in value)
        # memory21: equal frozensets of strings or numbers are one (the spelling's 113
        # "unless the next word is ..." sets are 8, the rules' 36 overrides 4)
        key = _typed((members,)) if type(members) is frozenset else None
        return members if key is None else pool.setdefault(key, members)
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
        # memory21: and equal records are one, their fields already shared (the points'
        # 907 needling records are 322, the 733 innervations 270): a frozen record is
        # read, never written, and one held in two places is the same record in each
        key = _record_key(value)
        return value if key is None else pool.setdefault(key, value)
    from .text.compiled import PhraseIndex, WordSet  # only at build time

    if isinstance(value, WordSet):
        value._words = _share(value._words, pool, sets, skip)
    elif isinstance(value, PhraseIndex):  # its two dicts are slots
        value._values = _share(value._values, pool, sets, skip)
        value._lengths = _share(value._lengths, pool, sets, skip)
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
    """A pool key equal only for tuples of the same strings, integers, floats, booleans,
    ``None`` and records (and tuples and frozensets of them) of the same types (``(1,)``
    equals ``(True,)``, ``0.0`` equals ``-0.0``), unlike any tuple of words (its items are
    pairs that begin with a type); ``None`` for a tuple of anything else. A record counts
    as itself (its ``id``): records are shared before what holds them (:func:`_share`),
    so equal records are already one object there."""
    out: list[Any] = []
    for v in value:
        kind = type(v)
        if kind is str or kind is int or kind is bool or v is None:
            out.append((kind, v))
        elif kind is float:  # by its bits: -0.0 == 0.0, but it is not the same number
            out.append((kind, v.hex()))
        elif kind is tuple or kind is frozenset:
            inner = _typed(tuple(v))
            if inner is None:
                return None
            out.append(inner if kind is tuple else (kind, frozenset(inner[1])))
        elif isinstance(v, BaseModel) and not isinstance(v, type):
            out.append((BaseModel, id(v)))
        else:
            return None
    return (tuple, tuple(out))


def _record_key(record: BaseModel) -> tuple[Any, ...] | None:
    """A pool key equal only for records of the same type with the same fields set and
    the same values (:func:`_typed`: a record held in a field counts as itself); ``None``
    for one with a value of another kind (a list, a dict, a set), or with extra or
    private values."""
    if record.__pydantic_extra__ is not None or record.__pydantic_private__ is not None:
        return None
    fields = record.__dict__
    values = _typed(tuple(fields.values()))
    if values is None:
        return None
    fields_set = frozenset(record.__pydantic_fields_set__)
    return (BaseModel, type(record), tuple(fields), fields_set, values)


def _words(value: tuple[Any, ...]) -> bool:
    """Strings and tuples of them only (equal only to the same strings: ``(1,)`` equals
    ``(True,)``, and a pool must not swap one for the other)."""
    return all(type(v) is str or (type(v) is tuple and _words(v)) for v in value)


def _dump_tables(tables: Tables, data: Dataset) -> tuple[bytes, bytes, bytes]:
    """The reader's tables pickled on their own, a record of ``data`` written as its
    place, and so is a string equal to one of :func:`_seed`: a load then gets the
    dataset's own strings, not copies (0.23 MiB kept). Three pickles: the tables but the
    ones kept apart, the rare ones (:data:`~acupoints.text.compiled.RARE`), which a
    reading reads only when it meets a word it does not know, and the uncommon ones
    (:data:`~acupoints.text.compiled.UNCOMMON`), which few readings read."""
    from .text.compiled import _APART, RARE, UNCOMMON, Tables

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
    main.__dict__.update((k, v) for k, v in vars(tables).items() if k not in _APART)
    groups = [{name: getattr(tables, name) for name in g} for g in (RARE, UNCOMMON)]
    # the strings and tuples of words the groups hold that the other tables hold too: a
    # tuple of them goes with those (``_shared``, about 1,950, 15 KiB kept until both
    # groups are read), and the groups refer to them by their places after _places'
    # (their own copies were 0.13 MiB once both groups were read)
    held = _held(main, where)
    shared = sorted(
        {id(o): o for o in _held(groups, where).values() if id(o) in held}.values(),
        key=lambda o: (type(o) is tuple, repr(o)),
    )
    main.__dict__["_shared"] = tuple(shared)
    apart = {**where, **{id(o): at + i for i, o in enumerate(shared)}}

    class _GroupPickler(_RecordPickler):
        def persistent_id(self, obj: Any) -> Any:
            return apart.get(id(obj)) if isinstance(obj, (BaseModel, str, tuple)) else None

    out = []
    for value, kind in ((main, _Pickler), *((g, _GroupPickler) for g in groups)):
        buf = io.BytesIO()
        kind(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        out.append(buf.getvalue())
    return out[0], out[1], out[2]


def _held(value: Any, skip: Container[int]) -> dict[int, Any]:
    """The strings and the tuples of words (:func:`_words`) ``value`` holds, through
    containers, the reader's indexes and tables (not records, nor the ids in ``skip``)."""
    from .text.compiled import PhraseIndex, WordSet

    out: dict[int, Any] = {}
    seen: set[int] = set()
    stack = [value]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or id(obj) in skip or isinstance(obj, (BaseModel, type)):
            continue
        seen.add(id(obj))
        if type(obj) is str or (type(obj) is tuple and _words(obj)):
            out[id(obj)] = obj
        if isinstance(obj, dict):
            stack.extend(obj)
            stack.extend(obj.values())
        elif isinstance(obj, (tuple, list, set, frozenset)):
            stack.extend(obj)
        elif isinstance(obj, PhraseIndex):
            stack += (obj._values, obj._lengths)
        elif isinstance(obj, WordSet):
            stack.append(obj._words)
        elif hasattr(obj, "__dict__"):
            stack.append(vars(obj))
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
