"""Many selections at once: :meth:`KnowledgeBase.select_many` and ``acupoints batch``.

A record is a mapping (a dict, a row of a CSV file or of a DataFrame) with

- ``location`` (or ``text``): where the person is numb (required);
- ``cause``, ``side``, ``tenderness``, ``limit``: as for :meth:`KnowledgeBase.select`;
- ``patient``: a :class:`~acupoints.Patient` or a dict of its fields; or the fields
  themselves as columns (``pregnant``, ``pregnancy_week``, ``anticoagulants``, ...);
  ``skin_lesions`` and ``lymphoedema`` as lists or as text separated by ``;``;
- ``id``: anything, passed through to the result.

Empty values (``""``, ``None``, NaN) count as absent, so a CSV with empty cells works.
Every record gives one :class:`BatchResult`, in order; a bad record gives a result with
``error`` set and never stops the batch. :func:`select_lines` gives the same results as
finished JSON lines (what ``acupoints batch`` writes), made where the selection was
computed: on a process pool the workers send back text, not records.

```pycon
>>> import acupoints
>>> kb = acupoints.load()
>>> rows = [{"id": 1, "location": "numb back of the hand"}, {"id": 2, "location": "zzz"}]
>>> [(r.id, r.ok) for r in kb.select_many(rows)]
[(1, True), (2, False)]

```
"""

from __future__ import annotations

import csv
import gc
import json
import math
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from .errors import AcupointsError
from .names import suggest

if TYPE_CHECKING:
    from .kb import KnowledgeBase
    from .selection import Selection

__all__ = [
    "BatchLine",
    "BatchResult",
    "BatchStatus",
    "read_cases",
    "select_lines",
    "select_many",
    "write_lines",
]

SELECT_FIELDS = ("location", "cause", "side", "tenderness", "limit")
ALIASES = {"text": "location", "description": "location"}
LIST_FIELDS = ("skin_lesions", "tumour_sites", "joint_prostheses", "lymphoedema")
TRUE = {"1", "true", "yes", "y", "t", "x"}
FALSE = {"0", "false", "no", "n", "f", ""}


@dataclass(frozen=True)
class BatchResult:
    """The outcome of one record: a selection, or the reason there is none."""

    index: int
    """Position of the record in the input, from 0."""
    id: Any
    """The record's ``id``, if it had one."""
    selection: Selection | None
    error: str | None = None
    """One line saying what was wrong with the record."""
    error_type: str | None = None
    """The exception class behind ``error`` (``LocationError``, ``UnknownCauseError`` ...)."""

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self, *, full_points: bool = False) -> dict[str, Any]:
        """JSON-ready: ``index``, ``id``, ``ok`` and the selection or the error.

        Each selected point is referred to by its ``code`` (with its score, role, reasons
        and cautions); ``full_points=True`` also embeds the point's full record under
        ``point``, as :meth:`Selection.to_dict` does (about 16 KiB more a row)."""
        out: dict[str, Any] = {"index": self.index, "id": self.id, "ok": self.ok}
        if self.selection is not None:
            out["selection"] = self.selection.model_dump(
                mode="json", exclude=None if full_points else POINT_RECORDS
            )
        else:
            out["error"] = self.error
            out["error_type"] = self.error_type
        return out

    def to_json(self, *, full_points: bool = False) -> str:
        """:meth:`to_dict` as one line of compact JSON (non-ASCII kept as is), the
        selection written by pydantic's serializer (``model_dump_json``: the same JSON as
        ``json.dumps`` of the dict with compact separators, in a third of the time)."""
        head = (
            f'{{"index":{self.index},"id":{_dumps(self.id)},"ok":{"true" if self.ok else "false"}'
        )
        if self.selection is not None:
            body = self.selection.model_dump_json(exclude=None if full_points else POINT_RECORDS)
            return f'{head},"selection":{body}}}'
        return f'{head},"error":{_dumps(self.error)},"error_type":{_dumps(self.error_type)}}}'


POINT_RECORDS: dict[str, Any] = {"points": {"__all__": {"point"}}}
"""What a batch row leaves out by default: the full record of each selected point (its
``code`` stays)."""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass(frozen=True)
class BatchStatus:
    """What a summary of one record's result needs (the result without its selection and
    its line): what :func:`write_lines` yields once it has written the record's line."""

    index: int
    """Position of the record in the input, from 0."""
    id: Any
    """The record's ``id``, if it had one."""
    error: str | None = None
    """One line saying what was wrong with the record."""
    error_type: str | None = None
    """The exception class behind ``error``."""
    red_flags: tuple[tuple[str, str], ...] = ()
    """``(urgency, name)`` of each red flag raised, in the selection's order."""
    not_a_candidate: tuple[str, ...] = ()
    """The name of each condition that makes the patient no candidate now."""

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class BatchLine(BatchStatus):
    """One record's finished output line (:meth:`BatchResult.to_json`), with the little a
    summary needs: made by :func:`select_lines` where the selection was computed."""

    line: str = field(kw_only=True)
    """The JSON of the result, one line (no newline at the end)."""

    @classmethod
    def of(cls, result: BatchResult, *, full_points: bool = False) -> BatchLine:
        """The line of a result, and its red flags and not-a-candidate conditions."""
        return cls(*_summary(result), line=result.to_json(full_points=full_points))


def _summary(result: BatchResult) -> tuple[Any, ...]:
    """The fields of a result's :class:`BatchStatus`, in order."""
    s = result.selection
    return (
        result.index,
        result.id,
        result.error,
        result.error_type,
        tuple((f.urgency, f.name) for f in s.red_flags) if s is not None else (),
        tuple(w.name for w in s.not_a_candidate) if s is not None else (),
    )


def _absent(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueError(f"{name} must be yes/no (true/false, 1/0), got {value!r}")


def _prepare(kb: KnowledgeBase, record: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword arguments of ``kb.select`` from one record; ValueError when it is bad."""
    from .safety import Patient

    patient_fields = set(Patient.model_fields)
    known = set(SELECT_FIELDS) | set(ALIASES) | patient_fields | {"id", "patient"}
    kwargs: dict[str, Any] = {}
    patient: dict[str, Any] = {}
    for raw_key, value in record.items():
        if raw_key is None:  # csv: more cells than column names
            raise ValueError(f"more cells than column names: {value!r}")
        key = str(raw_key).strip()
        if _absent(value):
            continue
        if key not in known:
            near = suggest(key, sorted(known))
            raise ValueError(
                f"unknown field {key!r}"
                + (f"; did you mean {', '.join(near[:3])}?" if near else "")
            )
        if key == "id":
            continue
        key = ALIASES.get(key, key)
        if key == "patient":
            if isinstance(value, Mapping):
                patient.update(value)
            elif isinstance(value, Patient):
                patient.update(value.model_dump(exclude_defaults=True))
            else:
                raise ValueError(f"patient must be a mapping of Patient fields, got {value!r}")
        elif key in patient_fields:
            if key in LIST_FIELDS and isinstance(value, str):
                value = tuple(v.strip() for v in value.split(";") if v.strip())
            elif key == "pregnancy_week":
                value = int(float(value))
            elif Patient.model_fields[key].annotation in (bool, "bool"):
                value = _flag(key, value)
            patient[key] = value
        elif key == "limit":
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if isinstance(value, str) and value.strip().isdigit():
                value = int(value)
            kwargs[key] = value
        else:
            kwargs[key] = value.strip() if isinstance(value, str) else value
    if "location" not in kwargs:
        raise ValueError("no location (the text saying where the person is numb)")
    if patient:
        if patient.get("pregnancy_week") is not None:
            patient.setdefault("pregnant", True)
        kwargs["patient"] = patient
    return kwargs


def _one(kb: KnowledgeBase, index: int, record: Any) -> BatchResult:
    rid = record.get("id") if isinstance(record, Mapping) else None
    if _absent(rid):
        rid = None
    try:
        if not isinstance(record, Mapping):
            raise ValueError(f"a record must be a mapping, got {type(record).__name__}")
        if "__error__" in record:
            raise ValueError(record["__error__"])
        kwargs = _prepare(kb, record)
        location = kwargs.pop("location")
        return BatchResult(index, rid, kb.select(location, **kwargs))
    except (AcupointsError, ValueError, TypeError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return BatchResult(index, rid, None, message, type(exc).__name__)
    except Exception as exc:
        return BatchResult(index, rid, None, f"internal error: {exc!r}", type(exc).__name__)


def _records(records: Any) -> Iterable[Any]:
    if hasattr(records, "to_dict") and hasattr(records, "columns"):  # a DataFrame
        return records.to_dict(orient="records")  # type: ignore[no-any-return]
    return records  # type: ignore[no-any-return]


def select_many(
    kb: KnowledgeBase,
    records: Iterable[Mapping[str, Any]] | Any,
    *,
    processes: int | None = None,
    chunk_size: int = 64,
) -> Iterator[BatchResult]:
    """See :meth:`KnowledgeBase.select_many`."""
    rows = iter(_records(records))
    if not processes or processes <= 1:
        for i, record in enumerate(rows):
            yield _one(kb, i, record)
        return
    yield from _pooled(kb, rows, processes, chunk_size, _results_chunk, ())


def select_lines(
    kb: KnowledgeBase,
    records: Iterable[Mapping[str, Any]] | Any,
    *,
    processes: int | None = None,
    chunk_size: int = 64,
    full_points: bool = False,
) -> Iterator[BatchLine]:
    """Like :func:`select_many`, one :class:`BatchLine` per record, in order: each
    result already written as its JSON line (:meth:`BatchResult.to_json`), points by code
    unless ``full_points=True``.

    With ``processes=N`` the lines are made in the N worker processes, which send back
    text rather than selections (rebuilding a pickled :class:`~acupoints.Selection` costs
    the parent more than computing it): this is the road that scales with the cores.

    ```pycon
    >>> import json
    >>> import acupoints
    >>> from acupoints.batch import select_lines
    >>> rows = [{"id": 1, "location": "numb back of the left hand"}, {"location": "zzz"}]
    >>> first, second = select_lines(acupoints.load(), rows)
    >>> row = json.loads(first.line)
    >>> row["id"], row["selection"]["points"][0]["code"], "point" in row["selection"]["points"][0]
    (1, 'LI4', False)
    >>> second.ok, json.loads(second.line)["error_type"]
    (False, 'LocationError')

    ```
    """
    rows = iter(_records(records))
    if not processes or processes <= 1:
        for i, record in enumerate(rows):
            yield BatchLine.of(_one(kb, i, record), full_points=full_points)
        return
    yield from _pooled(kb, rows, processes, chunk_size, _lines_chunk, (full_points,))


def write_lines(
    kb: KnowledgeBase,
    records: Iterable[Mapping[str, Any]] | Any,
    out: BinaryIO,
    *,
    processes: int | None = None,
    chunk_size: int = 64,
    full_points: bool = False,
) -> Iterator[BatchStatus]:
    """Writes the line of every record (:func:`select_lines`), UTF-8 with a newline after
    it, to the binary file ``out`` in input order, and yields each record's
    :class:`BatchStatus` once its line is written: what ``acupoints batch`` runs.

    With ``processes=N`` the workers send back the encoded lines, so the parent only puts
    bytes in order (no text to rebuild, decode and encode again: the parent's share of the
    CPU is what a pool of 2 workers on 2 cores cannot spread).

    ```pycon
    >>> import io
    >>> import acupoints
    >>> from acupoints.batch import write_lines
    >>> out = io.BytesIO()
    >>> rows = [{"id": 1, "location": "numb back of the left hand"}, {"location": "zzz"}]
    >>> [(s.index, s.ok, s.error_type) for s in write_lines(acupoints.load(), rows, out)]
    [(0, True, None), (1, False, 'LocationError')]
    >>> len(out.getvalue().splitlines())
    2

    ```
    """
    rows = iter(_records(records))
    items: Iterable[tuple[Any, ...]]
    if not processes or processes <= 1:
        items = (_encoded(kb, i, record, full_points) for i, record in enumerate(rows))
    else:
        items = _pooled(kb, rows, processes, chunk_size, _encoded_chunk, (full_points,), _first)
    for item in items:
        out.write(item[-1])
        yield BatchStatus(*item[:-1])


# ------------------------------------------------------------------------ the process pool
GC_THRESHOLD = 50_000
"""Allocations between two young collections in a process that runs a batch (Python's
default is 700)."""


def batch_collector() -> None:
    """Set up the garbage collector of a process that runs a batch and nothing else (a
    pool worker; the ``batch`` command): freeze what is alive now (the knowledge base, the
    modules), so that no collection walks it again (nor, in a forked worker, copies its
    pages), and collect young objects every :data:`GC_THRESHOLD` allocations.

    A selection makes many short-lived containers; with Python's defaults the collector
    took about a fifth of a batch's CPU time (1.1 s of about 5 s for 2,000 cases on the
    2-core VM), with these 0.15-0.2 s. Never called by the library on a caller's process:
    the ``batch`` command and the pool's workers are processes of their own.
    """
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


_worker_kb: KnowledgeBase | None = None
"""The knowledge base of a worker process, set once by :func:`_start_worker`."""


def _start_worker(kb: KnowledgeBase) -> None:
    """A worker's initializer: receives the knowledge base once (inherited when the pool
    forks; otherwise pickled once per worker: the packaged data by reference, other data
    by value) instead of once per chunk."""
    global _worker_kb
    _worker_kb = kb
    batch_collector()


def _kb() -> KnowledgeBase:
    if _worker_kb is None:  # pragma: no cover - only if a chunk runs outside the pool
        raise RuntimeError("a batch chunk ran in a process the pool did not start")
    return _worker_kb


def _results_chunk(indices: list[int], chunk: list[Any]) -> list[BatchResult]:
    kb = _kb()
    return [_one(kb, i, r) for i, r in zip(indices, chunk, strict=True)]


def _lines_chunk(indices: list[int], chunk: list[Any], full_points: bool) -> list[BatchLine]:
    kb = _kb()
    return [
        BatchLine.of(_one(kb, i, r), full_points=full_points)
        for i, r in zip(indices, chunk, strict=True)
    ]


def _encoded(kb: KnowledgeBase, index: int, record: Any, full_points: bool) -> tuple[Any, ...]:
    """A record's :class:`BatchStatus` fields followed by its line, encoded, with its
    newline (:func:`write_lines`)."""
    result = _one(kb, index, record)
    return (*_summary(result), (result.to_json(full_points=full_points) + "\n").encode())


def _encoded_chunk(
    indices: list[int], chunk: list[Any], full_points: bool
) -> list[tuple[Any, ...]]:
    kb = _kb()
    return [_encoded(kb, i, r, full_points) for i, r in zip(indices, chunk, strict=True)]


def _first(item: tuple[Any, ...]) -> int:
    return item[0]  # type: ignore[no-any-return]


def _index(item: BatchResult | BatchLine) -> int:
    return item.index


T = TypeVar("T")

WINDOW_CHUNKS = 8
"""Chunks a worker is given from each window of the input (see :func:`_pooled`): a window
is ``processes * WINDOW_CHUNKS * chunk_size`` records (1,024 with 2 workers and chunks of
64), and two windows are in flight, so memory stays bounded however long the input."""


_PLACELESS = """numb numbness numbed tingling tingle tingles tingly tingled pins needles asleep
dead prickling pricking burning buzzing feel feels feeling felt is are was were has have had
been gone going go goes went keeps keep get gets got my me i the a an in on of and at to with
left right both l r bilateral side sides"""
_NOT_A_PLACE = frozenset(_PLACELESS.split())
"""Words of a location's text that say how, or on which side, a place is numb, not which
place: left out of its lane key (:func:`_lane_key`)."""

_WORD = re.compile(r"[a-z0-9]+")


def _lane_key(record: Any) -> str:
    """What sends a record to its worker: the place its location's text names, the text's
    words less those of :data:`_NOT_A_PLACE` ("numbness in my left heel" and "my right
    heel feels numb" are both ``heel``). A worker's rankings and compositions are memoised
    by the place read, not by its wording or side, so the wordings of one place meet the
    same worker; one text always has one key, so the worker's memo of parsed texts
    answers it again too."""
    if isinstance(record, Mapping):
        for key in ("location", *ALIASES):
            value = record.get(key)
            if isinstance(value, str):
                return " ".join(w for w in _WORD.findall(value.lower()) if w not in _NOT_A_PLACE)
    return ""


LANES_KEPT = 65_536
"""Keys whose worker :func:`_lanes` remembers (then forgotten all at once: a key met again
goes to a worker anew, and answers once more from that worker's memos at worst)."""

LANE_SLACK = 0.04
"""How far the workers' shares of a window may differ, as a fraction of the window, before
:func:`_lanes` moves keys between them."""


def _lanes(window: list[Any], processes: int, lane_of: dict[str, int]) -> list[list[int]]:
    """The places in ``window`` of the records each worker takes, in input order.

    The records are grouped by key (:func:`_lane_key`). A key stays with the worker it went
    to before (``lane_of``); new keys go, largest first, to the worker with the fewest
    records. Then, while the fullest and the emptiest worker differ by more than
    :data:`LANE_SLACK` of the window, the key of the fullest whose size is nearest half the
    difference (and under it) moves to the emptiest, for good; when no key is small enough
    (a cohort of one text), half the difference of the largest key's records go over
    without it. So the shares of a window stay within a few records of each other, and a
    key moves only when balance asks for it.

    How keys move matters. Kept only until its worker had its exact share, a key whose
    worker filled up moved to the other one and back, so both workers ranked the same
    places: on the benchmark's cohort, 994 rankings scored and 2,031 texts read (keyed by
    the whole text, 969 and 1,101), against 504 and 1,024 on one process; moved only for
    balance, 524 and 1,063. A fixed slack over the exact share kept the keys but left the
    shares a tenth apart.
    """
    if len(lane_of) > LANES_KEPT:
        lane_of.clear()
    by_key: dict[str, list[int]] = {}
    for i, record in enumerate(window):
        by_key.setdefault(_lane_key(record), []).append(i)
    loads = [0] * processes
    keys: list[list[str]] = [[] for _ in range(processes)]
    new = []
    for key, at in by_key.items():
        lane = lane_of.get(key)
        if lane is None:
            new.append(key)
        else:
            keys[lane].append(key)
            loads[lane] += len(at)
    for key in sorted(new, key=lambda k: -len(by_key[k])):
        lane = min(range(processes), key=loads.__getitem__)
        lane_of[key] = lane
        keys[lane].append(key)
        loads[lane] += len(by_key[key])
    extra: list[list[int]] = [[] for _ in range(processes)]
    tolerance = max(1, int(len(window) * LANE_SLACK))
    while True:
        hi = max(range(processes), key=loads.__getitem__)
        lo = min(range(processes), key=loads.__getitem__)
        gap = loads[hi] - loads[lo]
        if gap <= tolerance:
            break
        fits = [k for k in keys[hi] if len(by_key[k]) < gap]
        if fits:
            key = min(fits, key=lambda k: abs(2 * len(by_key[k]) - gap))
            keys[hi].remove(key)
            keys[lo].append(key)
            lane_of[key] = lo
            moved = len(by_key[key])
        else:  # one key holds more than the difference: part of its records go over
            moved = gap // 2
            if keys[hi]:
                key = max(keys[hi], key=lambda k: len(by_key[k]))
                at = by_key[key]
                by_key[key] = at[: len(at) - moved]
            else:  # records that came over before
                at = extra[hi]
                extra[hi] = at[: len(at) - moved]
            extra[lo].extend(at[len(at) - moved :])
        loads[hi] -= moved
        loads[lo] += moved
    return [
        sorted([i for key in keys[lane] for i in by_key[key]] + extra[lane])
        for lane in range(processes)
    ]


def _pooled(
    kb: KnowledgeBase,
    rows: Iterator[Any],
    processes: int,
    chunk_size: int,
    work: Callable[..., list[T]],
    extra: tuple[Any, ...],
    index: Callable[[T], int] = _index,  # type: ignore[assignment]
) -> Iterator[T]:
    """``work(indices, chunk, *extra)`` over the records of ``rows`` on ``processes``
    workers, the results in input order.

    Each worker is a pool of its own, and a record goes to the worker of its location's
    text (:func:`_lanes`): records with the same text meet the same worker, whose memos
    answer them again as one process's would (a cohort repeats its texts: the benchmark's
    10,000 rows hold 1,024; shared out by turns, each of two workers read nearly all of
    them: 2 workers gave 1.48x one process, routed 1.55-1.63x). The input is read a window
    at a time (:data:`WINDOW_CHUNKS`), each window's records shared out by lane and sent in
    chunks, the next window sent while the results of the one before are read.
    """
    chunk_size = max(1, int(chunk_size))
    size = processes * WINDOW_CHUNKS * chunk_size
    pools = [
        ProcessPoolExecutor(max_workers=1, initializer=_start_worker, initargs=(kb,))
        for _ in range(processes)
    ]
    windows: deque[tuple[int, int, list[Future[list[T]]]]] = deque()
    lane_of: dict[str, int] = {}  # each text's worker, kept from window to window
    try:
        start = 0
        while window := list(islice(rows, size)):
            lanes = _lanes(window, processes, lane_of)
            futures = []
            for pool, lane in zip(pools, lanes, strict=True):
                for k in range(0, len(lane), chunk_size):
                    at = lane[k : k + chunk_size]
                    chunk = [window[i] for i in at]
                    futures.append(pool.submit(work, [start + i for i in at], chunk, *extra))
            windows.append((start, len(window), futures))
            start += len(window)
            if len(windows) > 1:
                yield from _in_order(windows.popleft(), index)
        while windows:
            yield from _in_order(windows.popleft(), index)
    finally:  # stopped early: do not compute what nobody will read
        for _, _, futures in windows:
            for fut in futures:
                fut.cancel()
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)


def _in_order(
    window: tuple[int, int, list[Future[list[T]]]], index: Callable[[T], int]
) -> Iterator[T]:
    """The results of one window, in input order (``index`` gives a result's place)."""
    start, n, futures = window
    out: list[T | None] = [None] * n
    for fut in futures:
        for item in fut.result():
            out[index(item) - start] = item
    for found in out:
        assert found is not None  # every index of the window came back
        yield found


def read_cases(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a CSV file (a header row, then one case per row) or of a JSON Lines
    file (one JSON object per line), by the file's extension."""
    p = Path(path)
    with p.open(encoding="utf-8-sig", newline="") as fh:
        if p.suffix.lower() in (".jsonl", ".ndjson"):
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield {"__error__": f"line {n}: not JSON ({exc.msg})"}
        else:
            yield from csv.DictReader(fh)
