"""Building frozen pydantic models from values the engine has already checked.

``Model.model_construct`` skips validation but still walks every field looking for aliases;
for the few hundred small objects of a selection that walk costs more than the selection
itself. :func:`construct` does what ``model_construct`` does for models without aliases,
which is all of ours, and refuses a missing required field (instead of leaving it unset)
and an unknown one (instead of dropping it).
The equality and the JSON of the result are those of a validated model (tested in
``tests/test_select.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from itertools import repeat
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_PLANS: dict[type[BaseModel], tuple[dict[str, Any], frozenset[str], frozenset[str]]] = {}


def _plan(cls: type[BaseModel]) -> tuple[dict[str, Any], frozenset[str], frozenset[str]]:
    """Every field in order with its default (``None`` for a required one), the required
    fields, and all of them."""
    defaults: dict[str, Any] = {}
    required = set()
    for name, info in cls.model_fields.items():
        if info.alias not in (None, name) or info.validation_alias is not None:
            raise TypeError(f"{cls.__name__}.{name} has an alias; use model_construct")
        if info.is_required():
            required.add(name)
            defaults[name] = None
        else:
            defaults[name] = info.get_default()
    out = (defaults, frozenset(required), frozenset(defaults))
    _PLANS[cls] = out
    return out


def construct(cls: type[M], /, **values: Any) -> M:
    """An instance of ``cls`` holding ``values`` (trusted), defaults filled in."""
    return _construct(cls, values)


def _construct(cls: type[M], values: dict[str, Any], /) -> M:
    """:func:`construct` of the keywords ``values`` (a dict of the caller's own: not kept)."""
    defaults, required, names = _PLANS.get(cls) or _plan(cls)
    given = values.keys()
    if not (required <= given and given <= names):
        missing, unknown = sorted(required - given), sorted(given - names)
        raise TypeError(f"{cls.__name__}: missing {missing}, unknown {unknown}")
    data = defaults.copy()  # the fields in their declared order, as validation leaves them
    data.update(values)
    if len(given) == len(names):  # every field given: the class's shared set, if frozen
        shared = _ALL_SET.get(cls) or _all_set(cls)
    else:  # some: one set per frozen class and the fields given, in the order given
        key = (cls, *given)
        shared = _SOME_SET.get(key) or _some_set(cls, key)
    return _instance(cls, data, set(given) if shared is None else shared)


def make(cls: type[M], data: dict[str, Any], /) -> M:
    """An instance of ``cls`` holding ``data``: every field of ``cls``, in the order the
    model declares them (trusted). The engine's hot path: unlike :func:`construct` it
    neither fills defaults nor copies, but it still refuses a missing or unknown field."""
    plan = _PLANS.get(cls) or _plan(cls)
    if data.keys() != plan[2]:
        missing, unknown = sorted(plan[2] - data.keys()), sorted(data.keys() - plan[2])
        raise TypeError(f"{cls.__name__}: missing {missing}, unknown {unknown}")
    shared = _ALL_SET.get(cls) or _all_set(cls)
    return _instance(cls, data, set(data) if shared is None else shared)


def builder(cls: type[M], /, given: Iterable[str] | None = None) -> Callable[..., M]:
    """A constructor of ``cls`` taking every field, in the order the model declares them,
    as its parameters (by place or by name; none may be left out, none added): what
    :func:`make` builds, without the dict of values and its check of the fields, which
    were half of its cost (the engine's reasons, a few dozen an answer). ``given``: the
    fields it reports as set, as :func:`construct` given only those would (every field
    when None); the others still take the value passed. Made once per class, as
    ``dataclasses`` makes its ``__init__``: from source, by ``exec``."""
    names = list(cls.model_fields)
    plan = _PLANS.get(cls) or _plan(cls)  # refuses a model with aliases
    if list(plan[0]) != names or not all(n.isidentifier() and n[0] != "_" for n in names):
        raise TypeError(f"{cls.__name__}: fields that cannot be parameters")
    if not cls.model_config.get("frozen"):
        raise TypeError(f"{cls.__name__} is not frozen: use make")
    if given is None:
        shared = _ALL_SET.get(cls) or _all_set(cls)
    else:
        shared = set(given)
        if not shared <= set(names) or not plan[1] <= shared:
            raise TypeError(f"{cls.__name__}: given {sorted(shared)} are not its fields")
    lines = [f"def build_{cls.__name__}({', '.join(names)}):", "    _m = _new(_cls)"]
    lines += [f"    _s(_m, {n!r}, {n})" for n in names]
    lines += [
        "    _s(_m, '__pydantic_fields_set__', _shared)",
        "    _s(_m, '__pydantic_extra__', None)",
        "    _s(_m, '__pydantic_private__', None)",
        "    return _m",
    ]
    space: dict[str, Any] = {"_new": cls.__new__, "_cls": cls, "_s": _set, "_shared": shared}
    exec("\n".join(lines), space)  # the source above, from the model's field names
    built: Callable[..., M] = space[f"build_{cls.__name__}"]
    return built


def _all_set(cls: type[BaseModel]) -> set[str] | None:
    """The set of all the fields of ``cls``, shared by its instances, if it is frozen."""
    if not cls.model_config.get("frozen"):
        return None
    found = _ALL_SET[cls] = set(cls.model_fields)
    return found


def _some_set(cls: type[BaseModel], key: tuple[Any, ...]) -> set[str] | None:
    """The set of the fields ``key[1:]`` of ``cls``, shared by the instances given those
    fields by :func:`construct`, if ``cls`` is frozen (and fewer than a few hundred kinds
    of call were seen: there are a few dozen)."""
    if not cls.model_config.get("frozen") or len(_SOME_SET) >= 512:
        return None
    found = _SOME_SET[key] = set(key[1:])
    return found


_SOME_SET: dict[tuple[Any, ...], set[str]] = {}
"""The sets of :func:`_some_set`: a set per instance was the most common object an answer
kept (a Reason of 4 of its fields, a Finding of 6), one more for the collector to go over
in the memos."""

# every field given: one set of them per frozen model class, shared by its instances made
# by `make` (a frozen model never adds to it, and pydantic copies it before a
# `model_copy(update=...)` does), as the prebuilt dataset's records share theirs; a set
# per instance was a quarter of the containers a batch of answers left to the collector
_ALL_SET: dict[type[BaseModel], set[str]] = {}


def _instance(cls: type[M], data: dict[str, Any], given: set[str]) -> M:
    """What ``model_construct`` leaves: the fields, the ones given, no extra, no private."""
    m = cls.__new__(cls)
    # each value set on its own (by map, in C): CPython 3.11+ keeps them in the layout
    # the class shares instead of a dict of the instance's own (``__dict__`` still gives
    # them as a dict); a collector that goes over the answers kept in the memos meets one
    # object a model instead of two
    any(map(_set, repeat(m, len(data)), data, data.values()))
    _set(m, "__pydantic_fields_set__", given)
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


_set = object.__setattr__


def _kept(values: Iterable[Any]) -> bool:
    """Whether validation would keep every value as it is: strings without surrounding
    whitespace (the records strip it; a string Python's ``strip`` leaves alone pydantic
    leaves alone too), tuples (not lists) of such, numbers, ``None`` and records."""
    for v in values:
        kind = type(v)  # by its own type first (the common case), then as a subclass
        if kind is str:
            if v != v.strip():
                return False
        elif kind is tuple:
            if v and not _kept(v):  # (an empty one, most of them, holds nothing to check)
                return False
        elif v is None or kind in _KEPT_KINDS:
            continue
        elif isinstance(v, str):
            if v != v.strip():
                return False
        elif isinstance(v, tuple):
            if v and not _kept(v):
                return False
        elif not _kept_kind(v, kind):
            return False
    return True


def _kept_kind(v: Any, kind: type) -> bool:
    """Whether ``v`` (not text, a tuple or None) is a number or a record, which validation
    keeps as it is; a record's class is added to :data:`_KEPT_KINDS`."""
    if isinstance(v, BaseModel):  # (through ABCMeta: about 0.2 us, so once per class)
        _KEPT_KINDS.add(kind)
        return True
    return isinstance(v, (bool, int, float))


_KEPT_KINDS: set[type] = {bool, int, float}
"""The types :func:`_kept` keeps as they are, known by their own type (the common case):
the scalars, and each record class met (a few dozen at most, the library's models)."""


def trusted(cls: type[M], /, **values: Any) -> M:
    """``cls(**values)`` for values the library made from checked data (ids, words of a
    text, records): built as :func:`construct` does when validation would leave every
    value as given, so a first answer builds no validator; validated otherwise."""
    if _kept(values.values()):
        return _construct(cls, values)
    return cls(**values)


def trusting(cls: type[M], /) -> Callable[..., M]:
    """:func:`trusted` for ``cls``, as a constructor to call in its place."""
    return partial(trusted, cls)
