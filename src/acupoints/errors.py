"""Exceptions raised by :mod:`acupoints`.

Every error the library raises on purpose derives from :class:`AcupointsError` and from
the builtin exception a caller would expect (``KeyError`` for a failed lookup,
``ValueError`` for bad data), so both ``except acupoints.AcupointsError`` and
``except KeyError`` work.

```pycon
>>> import acupoints
>>> try:
...     acupoints.load().point("LI44")
... except acupoints.UnknownPointError as err:
...     print(err.query, err.suggestions[:3])
LI44 ['LI4', 'LI14', 'BL44']

```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = [
    "AcupointsError",
    "AmbiguousPointError",
    "DataError",
    "LocationError",
    "MissingExtraError",
    "PatientError",
    "SelectionError",
    "UnknownCauseError",
    "UnknownKeyError",
    "UnknownMeridianError",
    "UnknownNerveError",
    "UnknownPointError",
    "UnknownRegionError",
    "UnknownSegmentError",
    "UnknownSourceError",
]


class AcupointsError(Exception):
    """Base class of every error raised on purpose by this library."""


class DataError(ValueError, AcupointsError):
    """A data file is malformed: bad YAML, a missing or unknown field, a wrong type,
    a duplicate code, a dangling reference or a wrong count.

    Attributes give the place of the mistake so a tool can point at it:
    ``file`` (path or name of the data file), ``entry`` (the code or id of the record),
    ``field`` (dotted path inside the record) and ``line`` (1-based, where YAML knows it).
    When a whole directory is checked, ``problems`` lists every problem found, this one
    first.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        entry: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.entry = entry
        self.field = field
        self.line = line
        self.problems: list[DataError] = [self]
        super().__init__(self._render())

    def relocated(self, directory: str) -> DataError:
        """A copy whose bare file name is joined to ``directory`` (for errors found after
        parsing, which know the file name but not where it was read from)."""
        import os.path

        file = self.file
        if file and not os.path.isabs(file) and not file.startswith("<"):
            file = os.path.join(directory, file)
        return DataError(
            self.message, file=file, entry=self.entry, field=self.field, line=self.line
        )

    def _render(self) -> str:
        where = []
        if self.file:
            where.append(self.file + (f":{self.line}" if self.line else ""))
        if self.entry:
            where.append(f"entry {self.entry!r}")
        if self.field:
            where.append(f"field {self.field!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_data_error, (self.message, self.file, self.entry, self.field, self.line))


def _rebuild_data_error(
    message: str, file: str | None, entry: str | None, field: str | None, line: int | None
) -> DataError:
    return DataError(message, file=file, entry=entry, field=field, line=line)


class UnknownKeyError(KeyError, AcupointsError):
    """Base of the lookup errors: nothing of that kind matches ``query``.

    ``suggestions`` lists the nearest known keys, best first.
    """

    what = "key"

    def __init__(self, query: object, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = list(suggestions)
        super().__init__(query)

    def __str__(self) -> str:
        msg = f"unknown {self.what} {self.query!r}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(self.suggestions) + "?"
        return msg

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.query, self.suggestions))


class UnknownPointError(UnknownKeyError):
    """No point matches the query. ``suggestions`` lists the nearest known codes."""

    what = "acupoint"


class AmbiguousPointError(UnknownPointError):
    """The query is a name that several points share (for example the pinyin ``Erjian``
    is both LI2 二間 and EX-HN6 耳尖). ``candidates`` lists every matching code; ask by
    code or by characters instead."""

    def __init__(self, query: object, candidates: Sequence[str] = ()) -> None:
        self.candidates = list(candidates)
        super().__init__(query, self.candidates)

    def __str__(self) -> str:
        return (
            f"{self.query!r} names more than one acupoint: {', '.join(self.candidates)}; "
            "ask by code or by Chinese characters"
        )


class UnknownMeridianError(UnknownKeyError):
    """No meridian or vessel matches the query."""

    what = "meridian"


class UnknownRegionError(UnknownKeyError):
    """No body region has this id."""

    what = "body region"


class UnknownNerveError(UnknownKeyError):
    """No nerve has this id or name."""

    what = "nerve"


class UnknownSegmentError(UnknownKeyError):
    """No spinal segment has this id."""

    what = "spinal segment"


class LocationError(ValueError, AcupointsError):
    """Text that does not describe a body location the library can read.

    ``unknown`` lists the words it did not understand, ``suggestions`` the closest known
    terms for them (word -> list of terms). When it comes from a selection, ``red_flags``
    holds the red flags (:class:`~acupoints.RedFlag`) the text raised all the same, and
    the message states them: a description that cannot be placed on the body can still
    say that a doctor is needed first.
    """

    def __init__(
        self,
        message: str,
        text: object = None,
        unknown: Sequence[str] = (),
        suggestions: dict[str, list[str]] | None = None,
        red_flags: Sequence[Any] = (),
    ) -> None:
        self.message = message
        self.text = text
        self.unknown = list(unknown)
        self.suggestions = dict(suggestions or {})
        self.red_flags = tuple(red_flags)
        super().__init__(self._render())

    def _render(self) -> str:
        msg = self.message
        if self.unknown:
            parts = []
            for word in self.unknown:
                near = self.suggestions.get(word)
                parts.append(f"{word!r}" + (f" (did you mean {', '.join(near)}?)" if near else ""))
            msg += "; not understood: " + ", ".join(parts)
        for flag in self.red_flags:
            msg += f"\n!!! {flag.urgency.upper()}: {flag.name}. {flag.advice}"
        return msg

    def __reduce__(self) -> tuple[object, ...]:
        return (
            type(self),
            (self.message, self.text, self.unknown, self.suggestions, self.red_flags),
        )


class UnknownCauseError(UnknownKeyError):
    """No cause has this id or name. ``known`` lists every cause id, and the message names
    them all: there are few, and a reader who mistyped one should see the choices."""

    what = "cause"

    def __init__(
        self, query: object, suggestions: Sequence[str] = (), known: Sequence[str] = ()
    ) -> None:
        super().__init__(query, suggestions)
        self.known = list(known)

    def __str__(self) -> str:
        msg = super().__str__()
        if self.known:
            msg += " Known causes: " + ", ".join(self.known) + "."
        return msg

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.query, self.suggestions, self.known))


class SelectionError(ValueError, AcupointsError):
    """A selection was asked for with an invalid argument (limit, side, tenderness ...)."""


class PatientError(SelectionError):
    """A :class:`~acupoints.Patient` field has a value that cannot be right: a week of
    pregnancy below 1, a region that does not exist. ``field`` names the field,
    ``value`` holds what was given and ``suggestions`` the nearest known terms."""

    def __init__(
        self,
        message: str,
        *,
        field: str,
        value: object = None,
        suggestions: Sequence[str] = (),
        detail: str | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.suggestions = list(suggestions)
        self.message = message
        self.detail = detail or message  # the problem without the value given
        hint = f" (did you mean {', '.join(self.suggestions)}?)" if self.suggestions else ""
        super().__init__(f"patient field {field!r}: {message}{hint}")


class QueryError(ValueError, AcupointsError):
    """A look-up was given an argument of the wrong kind (a number for a list of aspects,
    text for a limit ...); the message names the argument and what it takes.

    ```pycon
    >>> import acupoints
    >>> acupoints.load().points_in("hand", aspects=3)
    Traceback (most recent call last):
    acupoints.errors.QueryError: aspects must be a list of names, got 3

    ```
    """


def names_arg(
    what: str,
    value: object,
    kinds: tuple[type, ...] = (str,),
    error: type[AcupointsError] | None = None,
) -> tuple[Any, ...]:
    """``value`` as a tuple of names (of ``kinds``: text, or also records such as a
    :class:`~acupoints.Point`): one alone is a list of one; anything else raises ``error``
    (:class:`QueryError` by default)."""
    if isinstance(value, kinds):
        return (value,)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise (error or QueryError)(f"{what} must be a list of names, got {value!r}")
    items = tuple(value)
    wrong = [x for x in items if not isinstance(x, kinds)]
    if wrong:
        raise (error or QueryError)(f"{what} must be names, got {wrong[0]!r}")
    return items


def count_arg(what: str, value: object) -> int:
    """``value`` if it is a whole number of at least 0, else :class:`QueryError`."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise QueryError(f"{what} must be a whole number of at least 0, got {value!r}")
    return value


class UnknownSourceError(UnknownKeyError):
    """No source has this id."""

    what = "source"


class MissingExtraError(ImportError, AcupointsError):
    """An optional dependency is not installed (pandas for DataFrames ...); the message
    names the extra to install."""
