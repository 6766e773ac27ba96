"""Memory of a first answer (issue 18, helper memory21): what the prebuilt file shares and
what a first reading no longer keeps, each tested as the same answers and as the saving
itself (the objects are one, the rare code is not imported)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from pydantic import BaseModel

import acupoints
from acupoints import KnowledgeBase
from acupoints._prebuild import _share
from acupoints.loading import packaged_data_dir
from acupoints.models import Innervation, Needling
from acupoints.prebuilt import tables_for
from acupoints.text.compiled import tables


def _value(v: Any) -> Any:
    """A value with its type at every level (``1``, ``1.0`` and ``True`` apart), records by
    their own fields: two records with equal values are equal here."""
    if isinstance(v, BaseModel):
        values = tuple(_value(x) for x in v.__dict__.values())
        return (type(v), frozenset(v.model_fields_set), values)
    if isinstance(v, tuple):
        return (tuple, tuple(_value(x) for x in v))
    if isinstance(v, frozenset):
        return (frozenset, frozenset(_value(x) for x in v))
    return (type(v), v.hex() if type(v) is float else v)


# --------------------------------------------------------------- equal records are one
def test_the_packaged_datasets_equal_records_are_one_object() -> None:
    """The points' needling and innervation records: each value is one object, held by
    every point that has it, and no two objects hold the same value."""
    kb = acupoints.load()
    for field in ("needling", "innervation", "cautions", "categories"):
        records = [r for p in kb.points for r in getattr(p, field)]
        by_value: dict[Any, set[int]] = {}
        for r in records:
            by_value.setdefault(_value(r), set()).add(id(r))
        assert all(len(ids) == 1 for ids in by_value.values()), field
        assert len(by_value) < len(records), field  # some are shared: the test can fail


def test_a_shared_record_answers_for_each_point_that_holds_it() -> None:
    kb = acupoints.load()
    held: Counter[int] = Counter(id(n) for p in kb.points for n in p.needling)
    shared = next(n for p in kb.points for n in p.needling if held[id(n)] > 1)
    points = [p for p in kb.points if any(n is shared for n in p.needling)]
    assert len(points) > 1
    for p in points:
        fresh = type(p).model_validate(p.model_dump())  # rebuilt: copies of its own
        assert fresh == p and fresh.model_dump() == p.model_dump()


def _needling(**given: Any) -> Needling:
    values = {"angle": "perpendicular", "depth_cun": (0.5, 1.0), "sources": ("who2008",)}
    values.update(given)
    return Needling.model_validate(values)


def test_the_build_shares_records_equal_in_type_value_and_fields_set() -> None:
    a, b = _needling(), _needling()
    c = _needling(direction="toward the elbow")
    shared = _share((a, b, c), {}, {})
    assert shared[0] is shared[1] and shared[0] is a
    assert shared[2] is c  # another value stays its own


def test_the_build_keeps_apart_records_that_differ_only_in_fields_set_or_type() -> None:
    # a field set to its default is not a field left out: the set of fields differs
    plain, stated = _needling(), _needling(note=None)
    assert plain == stated and plain.model_fields_set != stated.model_fields_set
    shared = _share((plain, stated), {}, {})
    assert shared[0] is not shared[1]
    assert shared[1].model_fields_set == stated.model_fields_set
    # the same numbers, one pair written as integers: equal, yet not the same values
    ints = Needling.model_construct(
        angle="oblique", depth_cun=(1, 2), sources=("who2008",), direction=None, note=None
    )
    floats = Needling.model_construct(
        angle="oblique", depth_cun=(1.0, 2.0), sources=("who2008",), direction=None, note=None
    )
    assert ints == floats
    out = _share((ints, floats), {}, {})
    assert out[0] is not out[1] and type(out[1].depth_cun[0]) is float


def test_the_build_shares_tuples_of_the_same_records() -> None:
    one = (Innervation(nerve="median", sources=("who2008",)),)
    two = (Innervation(nerve="median", sources=("who2008",)),)
    other = (Innervation(nerve="ulnar", sources=("who2008",)),)
    out = _share((one, two, other), {}, {})
    assert out[0] is out[1] and out[0][0] is out[1][0]
    assert out[2] is not out[0]


def test_a_record_with_a_mutable_value_is_never_shared() -> None:
    class Holder(BaseModel):
        items: list[str]

    a, b = Holder(items=["x"]), Holder(items=["x"])
    out = _share((a, b), {}, {})
    assert out[0] is not out[1]


# --------------------------------------------------------------- equal sets are one
def test_the_build_shares_equal_frozensets_but_not_of_other_types() -> None:
    words = (frozenset({"of"}), frozenset({"of"}), frozenset({"to"}))
    out = _share(words, {}, {})
    assert out[0] is out[1] and out[2] is not out[0]
    numbers = _share((frozenset({1}), frozenset({True}), frozenset({1.0})), {}, {})
    assert len({id(s) for s in numbers}) == 3  # equal sets of other values
    assert [type(next(iter(s))) for s in numbers] == [int, bool, float]


def test_the_readers_equal_sets_are_one_object() -> None:
    """The spelling's "unless the next word is ..." sets and the rules' overrides: one
    object for each value."""
    kb = acupoints.load()
    t = tables(kb)
    for sets in (
        [unless for unless, *_ in t.spell_unless.values()],
        list(t.overrides.values()),
    ):
        assert len({id(s) for s in sets}) == len(set(sets)) < len(sets)


@pytest.fixture(scope="module")
def yaml_kb() -> KnowledgeBase:
    """The packaged data read from its YAML: no record shared, the tables built now."""
    return KnowledgeBase.from_directory(packaged_data_dir())


@pytest.mark.parametrize(
    "text",
    [
        "pins and needles in my right hand for weeks",
        "numb feet since chemo, worse at night",
        "my left side went numb suddenly and my speech is slurred",
        "numbness on the outer thigh, not my back, after the op",
    ],
)
def test_the_packaged_answers_equal_those_of_the_yaml(yaml_kb: KnowledgeBase, text: str) -> None:
    assert tables_for(yaml_kb) is None  # not the prebuilt tables
    mine, theirs = acupoints.load().select(text), yaml_kb.select(text)
    assert mine.model_dump() == theirs.model_dump()
