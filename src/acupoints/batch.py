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
``error`` set and never stops the batch.

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
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AcupointsError
from .names import suggest

if TYPE_CHECKING:
    from .kb import KnowledgeBase
    from .selection import Selection

__all__ = ["BatchResult", "read_cases", "select_many"]

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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``index``, ``id``, ``ok`` and the selection or the error."""
        out: dict[str, Any] = {"index": self.index, "id": self.id, "ok": self.ok}
        if self.selection is not None:
            out["selection"] = self.selection.to_dict()
        else:
            out["error"] = self.error
            out["error_type"] = self.error_type
        return out


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


def _chunk(kb: KnowledgeBase, start: int, chunk: list[Any]) -> list[BatchResult]:
    return [_one(kb, start + i, r) for i, r in enumerate(chunk)]


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
    with ProcessPoolExecutor(max_workers=processes) as pool:
        start = 0
        pending = []
        while True:
            chunk = list(islice(rows, chunk_size))
            if not chunk:
                break
            pending.append(pool.submit(_chunk, kb, start, chunk))
            start += len(chunk)
            while len(pending) > processes * 2:  # keep memory bounded, results in order
                yield from pending.pop(0).result()
        for fut in pending:
            yield from fut.result()


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
