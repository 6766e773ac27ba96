"""acupoints.testing: the strategies draw only what the library accepts, the assertions
fail with messages that explain, and the pytest plugin's fixture works in another
project's suite (run here in a subprocess, through the installed entry point)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import acupoints
from acupoints import KnowledgeBase, Location, Patient, Selection
from acupoints.testing import (
    assert_explained,
    assert_names_point,
    assert_safe_for,
    assert_valid_code,
    safety_violations,
)
from acupoints.testing import strategies as ast

from .test_reliability import SETTINGS


# ------------------------------------------------------------------ strategies
@SETTINGS
@given(pair=ast.point_spellings())
def test_every_spelling_names_its_point(kb: KnowledgeBase, pair: tuple[str, str]) -> None:
    code, spelling = pair
    assert_names_point(spelling, code, kb)


def test_spellings_cover_every_point_in_many_forms(kb: KnowledgeBase) -> None:
    from acupoints.testing.strategies import _spellings

    pairs = _spellings(kb)
    codes = {c for c, _ in pairs}
    assert codes == set(kb.point_map)
    # legacy prefixes and names are there, and each resolves
    for code, spelling in [("LR3", "LV3"), ("TE5", "SJ-5"), ("GV14", "DU 14"), ("ST36", "Zusanli")]:
        assert (code, spelling) in pairs
    assert len(pairs) > 10 * len(codes)


@SETTINGS
@given(
    code=ast.point_codes(), std=ast.point_codes(standard=True), ex=ast.point_codes(standard=False)
)
def test_point_codes(code: str, std: str, ex: str) -> None:
    assert_valid_code(code)
    assert not std.startswith("EX-")
    assert ex.startswith("EX-")


@SETTINGS
@given(loc=ast.locations())
def test_locations_are_locations(kb: KnowledgeBase, loc: Location) -> None:
    assert isinstance(loc, Location)
    assert all(kb.region(r.region) for r in loc.regions)


@SETTINGS
@given(text=ast.location_texts())
def test_location_texts_parse(kb: KnowledgeBase, text: str) -> None:
    loc = kb.parse_location(text)
    assert loc.regions


@SETTINGS
@given(patient=ast.patients())
def test_patients_are_valid(patient: Patient) -> None:
    assert Patient.from_dict(patient.to_dict()) == patient


@settings(max_examples=150, deadline=None)
@given(sel=ast.selections())
def test_every_drawn_selection_is_safe_and_explained(sel: Selection) -> None:
    assert_safe_for(sel)
    assert_explained(sel)


# ------------------------------------------------------------------ assertions
def test_assert_valid_code_explains() -> None:
    assert_valid_code("EX-UE9")
    with pytest.raises(AssertionError, match=r"'li-4' names LI4 but is not its code"):
        assert_valid_code("li-4")
    with pytest.raises(AssertionError, match=r"'Hegu' names LI4"):
        assert_valid_code("Hegu")
    with pytest.raises(AssertionError, match=r"nearest: LI4"):
        assert_valid_code("LI44")
    with pytest.raises(AssertionError, match=r"is a str, got int"):
        assert_valid_code(4)


def test_assert_names_point_explains() -> None:
    assert_names_point("合谷", "LI4")
    with pytest.raises(AssertionError, match=r"'Zusanli' names ST36 Zusanli .* not LI4"):
        assert_names_point("Zusanli", "LI4")
    with pytest.raises(AssertionError, match=r"should name LI4, but: unknown acupoint"):
        assert_names_point("Nowhere", "LI4")


def test_assert_safe_for_catches_an_unsafe_selection(kb: KnowledgeBase) -> None:
    plain = kb.select("numb back of the left hand", cause="carpal tunnel")
    assert "LI4" in plain.codes
    pregnant = Patient(pregnant=True, pregnancy_week=20)
    assert_safe_for(plain)  # safe for the patient it was made for (none)
    problems = safety_violations(plain, pregnant)
    assert any(p.startswith("LI4 is excluded for a patient who is pregnant") for p in problems)
    with pytest.raises(AssertionError, match=r"is unsafe:\n- .*LI4 is excluded"):
        assert_safe_for(plain, pregnant)
    made_for = kb.select("numb back of the left hand", cause="carpal tunnel", patient=pregnant)
    assert_safe_for(made_for)
    # a caution stripped from a point is noticed
    k, first = next((k, p) for k, p in enumerate(made_for.points) if p.cautions)
    points = list(made_for.points)
    points[k] = first.model_copy(update={"cautions": ()})
    stripped = made_for.model_copy(update={"points": tuple(points)})
    with pytest.raises(AssertionError, match="lacks"):
        assert_safe_for(stripped)
    # a red flag dropped from a selection is noticed
    flagged = kb.select("numb saddle area and I cannot control my bladder")
    assert flagged.red_flags
    with pytest.raises(AssertionError, match="red flag"):
        assert_safe_for(flagged.model_copy(update={"red_flags": ()}), Patient())


def test_assert_explained_catches_a_bad_score(kb: KnowledgeBase) -> None:
    sel = kb.select("numb left thumb")
    assert_explained(sel)
    first = sel.points[0]
    bad = sel.model_copy(
        update={"points": (first.model_copy(update={"score": first.score + 1}), *sel.points[1:])}
    )
    with pytest.raises(AssertionError, match=r"scores .* but its reasons add to"):
        assert_explained(bad)
    dup = sel.model_copy(update={"points": (first, first)})
    with pytest.raises(AssertionError, match="appears twice"):
        assert_explained(dup)
    swapped = sel.model_copy(update={"points": tuple(reversed(sel.points))})
    with pytest.raises(AssertionError, match="out of prescription order"):
        assert_explained(swapped)
    roleless = sel.model_copy(update={"points": (first.model_copy(update={"role": None}),)})
    with pytest.raises(AssertionError, match="has no role"):
        assert_explained(roleless)


# ------------------------------------------------------------------ the pytest plugin
def test_our_suite_uses_the_plugin_fixture(kb: KnowledgeBase, acupoints_kb: KnowledgeBase) -> None:
    assert kb is acupoints_kb is acupoints.load()


PLUGIN_TEST = """
import acupoints

def test_fixture(acupoints_kb, acupoints_select):
    assert isinstance(acupoints_kb, acupoints.KnowledgeBase)
    assert len(acupoints_kb.standard_points) == {count}
    assert acupoints_select("numb left thumb").points

def test_same_object(acupoints_kb):
    assert acupoints_kb is test_same_object.__globals__.get("_seen", acupoints_kb)
"""


def test_plugin_in_another_project(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_other=PLUGIN_TEST.format(count=361))
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_plugin_with_another_data_directory(pytester: pytest.Pytester, data_copy: Path) -> None:
    pytester.makepyfile(test_other=PLUGIN_TEST.format(count=361))
    result = pytester.runpytest_subprocess(f"--acupoints-data={data_copy}")
    result.assert_outcomes(passed=2)
    assert any(f"acupoints: data {data_copy}" in line for line in result.outlines)
    bad = pytester.runpytest_subprocess("-q", f"--acupoints-data={data_copy / 'nowhere'}")
    bad.assert_outcomes(errors=2)
    assert any("not a directory" in line for line in bad.outlines)
