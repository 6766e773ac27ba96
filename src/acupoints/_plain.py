"""Plain records: classes that write their ``__init__`` out, with the ``__repr__``,
``__eq__`` (and, frozen, ``__hash__`` and no assignment) of a dataclass.

``@dataclass`` writes the source of ``__init__``, ``__repr__`` and ``__eq__`` (and, frozen,
``__setattr__``, ``__delattr__`` and ``__hash__``) for each class and compiles it with
``exec`` when the class is made: 0.3-1 ms a class, about 8 ms of a first answer over the
engine's and the text reader's 17 records. A subclass of :class:`Plain` or
:class:`Frozen` writes its ``__init__`` itself (compiled with its module, like any other
function) and gets the rest from here, made from its fields (the names of its own
annotations, in order) when the class is made, compiling nothing.

:func:`replace` is :func:`dataclasses.replace` for them.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterable
from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

__all__ = ["Frozen", "Plain", "replace", "sized"]

P = TypeVar("P", bound="Plain")


class Plain:
    """A record of the fields its class annotates: equal to another of the same class
    with equal fields (and so unhashable), shown as a dataclass is."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _values: ClassVar[Any]  # the fields' values of an instance, as attrgetter gives them

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = tuple(
            name
            for name, kind in inspect.get_annotations(cls).items()
            if not str(kind).startswith(("ClassVar", "typing.ClassVar"))
        )
        if own:
            cls._fields = own
            cls._values = attrgetter(*own)

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({inner})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            values = self._values
            return bool(values(self) == values(other))
        return NotImplemented

    # defining __eq__ leaves the class unhashable (__hash__ None), as a dataclass is


class Frozen(Plain):
    """A :class:`Plain` record whose fields cannot be assigned after ``__init__`` (which
    sets them with ``object.__setattr__``), hashed by its fields."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt through __init__: a copy or an unpickled one never assigns a field
        return type(self), tuple(getattr(self, name) for name in self._fields)


def replace(obj: P, **changes: Any) -> P:
    """A new record of ``obj``'s class with its fields, but ``changes``
    (:func:`dataclasses.replace`)."""
    values = {name: getattr(obj, name) for name in obj._fields}
    values.update(changes)
    return type(obj)(**values)


def sized(items: Iterable[str]) -> frozenset[str]:
    """``items`` as a frozenset with the smaller of the tables CPython gives it. Made from a
    list, a frozenset grows its table an item at a time, to four times the items it holds
    at each step (323 words: 2,048 slots, 32 KiB); copied from a set, it is sized once, to
    twice the set's items (1,024 slots, 16 KiB), which for other counts is the larger (300
    words: 1,024 slots against 512). The same members, found as fast."""
    grown = frozenset(list(items))
    copied = frozenset(set(grown))
    return copied if sys.getsizeof(copied) < sys.getsizeof(grown) else grown
