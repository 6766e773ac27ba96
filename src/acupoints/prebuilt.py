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
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections.abc import Container, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from pydantic import BaseModel

from .loading import Dataset, data_version, fingerprint, read_dataset

if TYPE_CHECKING:
    from .kb import KnowledgeBase
    from .text.compiled import Tables

__all__ = [
    "ARTIFACT",
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

_MAGIC = b"acupoints-dataset 2"

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
    h = hashlib.sha256(b"acupoints reader tables 1")
    for name in _READER_CODE:
        try:
            h.update(name.encode() + b"\0" + (here / name).read_bytes())
        except OSError:
            return ""  # never matches a built key
    return h.hexdigest()


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
    _share_records(data, {}, {})
    head = b" ".join((_MAGIC, key.encode(), version.encode(), _pydantic_major().encode()))
    blob = _dump_tables(tables, data)
    body = pickle.dumps((data, reader_key(), blob), protocol=pickle.HIGHEST_PROTOCOL)
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


def _share_records(
    value: Any, sets: dict[tuple[type, frozenset[str]], set[str]], words: dict[Any, Any]
) -> Any:
    """``value`` with one object for what many records hold equal, which the pickle then
    stores once: every record of one type with the same fields set shares one set object
    (a set per record was 2 of the dataset's 5 MiB), and every string and tuple of
    strings is the first equal one met in a walk of the records in their order (the same
    source ids, region ids and kinds are written thousands of times in the YAML, each
    read as its own string). Records are changed in place (their fields replaced by equal
    values of the same type), containers rebuilt; the records are frozen, so nothing
    writes to them and pydantic never changes the set (``model_copy`` copies it).

    Every string is replaced, dict keys and strings among records in a tuple too, not
    only the fields that are text: the pickle's layout (which string is written out and
    which is a reference to an earlier one) must follow from the data alone. pydantic
    hands out strings from a cache of its own whose slots depend on a random per-process
    hash, so two reads of the same YAML share different strings (a ``by_area`` key was
    the same object as a region's id in one build and not in the next), and the prebuilt
    file came out different from one build to the next."""
    kind = type(value)
    if kind is str:
        return words.setdefault(value, value)
    if kind is tuple:
        items = tuple(_share_records(v, sets, words) for v in value)
        return words.setdefault(items, items) if _words(items) else items
    if kind is list:
        return [_share_records(v, sets, words) for v in value]
    if kind is dict:
        return {
            _share_records(k, sets, words): _share_records(v, sets, words) for k, v in value.items()
        }
    if isinstance(value, BaseModel):
        own = value.__pydantic_fields_set__
        shared = sets.setdefault((type(value), frozenset(own)), own)
        object.__setattr__(value, "__pydantic_fields_set__", shared)
        fields = value.__dict__
        for name, v in fields.items():
            fields[name] = _share_records(v, sets, words)
    return value


def _records(data: Dataset) -> dict[int, tuple[str, int]]:
    """Where each record of the dataset's lists is: id -> (field, place)."""
    out: dict[int, tuple[str, int]] = {}
    for name, value in data.__dict__.items():
        if isinstance(value, tuple):
            for i, record in enumerate(value):
                if isinstance(record, BaseModel):
                    out[id(record)] = (name, i)
    return out


def _shared(value: Any, pool: dict[Any, Any], records: Container[int] = ()) -> Any:
    """``value`` with one object for every equal string and tuple of strings in it
    (containers rebuilt with the same items in the same order; objects and records made
    by the tables changed in place; the dataset's records, whose ids are in ``records``,
    as they are), which the pickle then stores once: the tables spell the same words in
    many places, and the spelling table maps 21,000 deletions to 950 words, most of them a
    tuple of one word. Records the tables make are walked too: the strings pydantic gave
    them must not decide which strings the pickle shares (see :func:`_share_records`)."""
    if isinstance(value, str):
        return pool.setdefault(value, value)
    if isinstance(value, tuple):
        items = tuple(_shared(v, pool, records) for v in value)
        return pool.setdefault(items, items) if _words(items) else items
    if isinstance(value, list):
        return [_shared(v, pool, records) for v in value]
    if isinstance(value, (set, frozenset)):
        return type(value)(_shared(v, pool, records) for v in value)
    if isinstance(value, dict):
        return {_shared(k, pool, records): _shared(v, pool, records) for k, v in value.items()}
    if isinstance(value, BaseModel):
        if id(value) not in records:  # made by the tables, not one of the dataset's
            fields = value.__dict__
            for name, v in fields.items():
                fields[name] = _shared(v, pool, records)
    elif hasattr(value, "__dict__"):  # a table, an index
        for name, v in vars(value).items():
            setattr(value, name, _shared(v, pool, records))
    return value


def _words(value: tuple[Any, ...]) -> bool:
    """Strings and tuples of them only (equal only to the same strings: ``(1,)`` equals
    ``(True,)``, and a pool must not swap one for the other)."""
    return all(type(v) is str or (type(v) is tuple and _words(v)) for v in value)


def _dump_tables(tables: Tables, data: Dataset) -> bytes:
    """The reader's tables pickled on their own, a record of ``data`` written as its place."""
    import io

    where = _records(data)
    _shared(tables, {}, where)

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> Any:
            return where.get(id(obj)) if isinstance(obj, BaseModel) else None

    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(tables)
    return out.getvalue()


def _load_tables(blob: bytes, data: Dataset) -> Tables:
    import io

    class _Unpickler(pickle.Unpickler):
        def persistent_load(self, pid: Any) -> Any:
            name, i = pid
            return getattr(data, name)[i]

    return _Unpickler(io.BytesIO(blob)).load()  # type: ignore[no-any-return]


_BLOBS: WeakKeyDictionary[KnowledgeBase, tuple[Dataset, bytes]] = WeakKeyDictionary()


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
) -> tuple[Dataset, str, bytes | None] | None:
    """:func:`read`, and the reader's tables built with the dataset, pickled, if the code
    that builds them is the installed one (else ``None`` for them)."""
    path = artifact_path() if artifact is None else artifact
    try:
        with open(path, "rb") as fh:
            head = fh.readline().split()
            if len(head) != 5 or b" ".join(head[:2]) != _MAGIC:
                return None
            key, version, major = (h.decode() for h in head[2:])
            if major != _pydantic_major() or key != fingerprint(Path(data_dir)):
                return None
            body = pickle.load(fh)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None
    if not (isinstance(body, tuple) and len(body) == 3 and isinstance(body[0], Dataset)):
        return None
    data, key, blob = body
    if key != reader_key() or not isinstance(blob, bytes):
        blob = None
    return data, version, blob


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
        found = read_all(data_dir)
        if found is None:
            return KnowledgeBase.from_directory(data_dir)
        data, version, blob = found
        kb = KnowledgeBase(
            data, origin=str(data_dir), _checked=True, _version=version, _indexed=False
        )
        if blob is not None:
            _BLOBS[kb] = (data, blob)
        return kb
