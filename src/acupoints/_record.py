"""The base of every model: frozen pydantic records with ``to_dict``, ``from_dict``,
``to_json`` and a rich HTML display in notebooks.

Every record round-trips: ``type(r).from_dict(r.to_dict()) == r`` and
``type(r).from_json(r.to_json()) == r``. ``from_dict`` turns a validation failure into a
:class:`~acupoints.DataError` naming the record type and the field, never a pydantic
traceback.
"""

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from .errors import DataError

__all__ = ["Record", "made_on_first_use"]

R = TypeVar("R", bound="Record")


@cache
def not_xml() -> re.Pattern[str]:
    """A character XML 1.0 forbids (control characters, lone surrogates, U+FFFE and
    U+FFFF): data may not hold one (GraphML, SVG and HTML exports would be unreadable),
    and the body map shows one given by a caller as U+FFFD. Compiled on first use (its
    ranges take about 7 ms to compile, and an answer never reads it)."""
    return re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def made_on_first_use(
    namespace: dict[str, Any], names: Iterable[str], home: str = "acupoints._models_rare"
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of a module whose classes ``names`` live in
    the module ``home`` (:mod:`acupoints._models_rare`, or :mod:`acupoints._lexicon_rare`
    for the reader's), made by the first use of one of them (an answer never uses them):
    ``__getattr__, __dir__ = made_on_first_use(globals(), {"CorePoint"})``."""
    rare = frozenset(names)
    module = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        if name in rare:
            from importlib import import_module

            return getattr(import_module(home), name)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*namespace, *rare})

    return __getattr__, __dir__


class Record(BaseModel):
    """A frozen record. Subclasses are the data models (points, meridians, rules,
    patients, selections ...)."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field (tuples become lists, ``None`` is kept).

        ```pycon
        >>> import acupoints
        >>> p = acupoints.Patient(pregnant=True, pregnancy_week=20)
        >>> p.to_dict()["pregnancy_week"], acupoints.Patient.from_dict(p.to_dict()) == p
        (20, True)

        ```
        """
        out: dict[str, Any] = self.model_dump(mode="json")
        return out

    @classmethod
    def from_dict(cls: type[R], data: Any) -> R:
        """Rebuild a record from :meth:`to_dict` output (or any mapping of its fields).

        Raises :class:`~acupoints.DataError` naming the field when ``data`` does not fit.
        """
        from pydantic import ValidationError

        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise _data_error(cls.__name__, exc) from None

    def to_json(self, **kwargs: Any) -> str:
        """JSON text of :meth:`to_dict`; keyword arguments go to :func:`json.dumps`
        (``indent=2`` for readable text). Non-ASCII text (hanzi) is kept as is."""
        import json  # not imported by a first answer (0.1 MiB kept)

        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_json(cls: type[R], text: str | bytes) -> R:
        """Rebuild a record from :meth:`to_json` output."""
        import json

        try:
            data = json.loads(text)
        except ValueError as exc:
            raise DataError(f"not JSON: {exc}", entry=cls.__name__) from None
        return cls.from_dict(data)

    def _repr_html_(self) -> str:
        from .html import record_html

        return record_html(self)


def _data_error(name: str, exc: Any) -> DataError:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or None
    more = exc.error_count() - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return DataError(f"{first['msg']}{tail}", entry=name, field=field)
