"""The ``hypothesis`` entry point: once acupoints is installed, ``st.from_type`` draws its
records from acupoints.testing.strategies."""

from __future__ import annotations

import contextlib
import importlib.metadata
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import acupoints
from acupoints.models import Location, Point


def test_the_entry_point_is_installed() -> None:
    hooks = [
        e for e in importlib.metadata.entry_points(group="hypothesis") if e.name == "acupoints"
    ]
    assert [e.value for e in hooks] == ["acupoints.testing._entry:_hypothesis_setup_hook"]


FROM_TYPE = (
    "from hypothesis import find, strategies as st\n"
    "import acupoints\n"
    "kb = acupoints.load()\n"
    "p = find(st.from_type(acupoints.Patient), lambda p: len(p.skin_lesions) == 2)\n"
    "print(type(p).__name__, all(kb.region(r).id == r for r in p.skin_lesions))\n"
)


@pytest.mark.parametrize(
    "first",
    [
        "import hypothesis",  # the entry point registers the types
        "from acupoints.testing import strategies",  # once a circular import here
        "import acupoints.testing.strategies",
    ],
)
def test_either_import_order_registers_the_strategies(first: str) -> None:
    """In a fresh interpreter, whichever of hypothesis and the strategies comes first."""
    run = subprocess.run(
        [sys.executable, "-c", f"{first}\n{FROM_TYPE}"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    # our strategy draws real regions; without it, from_type builds only Patient()
    assert run.stdout.strip() == "Patient True"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_type(acupoints.Patient), st.from_type(Location), st.from_type(Point))
def test_from_type_uses_the_package_strategies(
    patient: acupoints.Patient, location: Location, point: Point
) -> None:
    kb = acupoints.load()
    # values the knowledge base accepts: real regions, real points, a checkable patient
    for region in (*patient.skin_lesions, *patient.tumour_sites, *location.region_ids):
        assert kb.region(region).id == region
    assert kb.point(point.code) == point
    if patient.pregnancy_week is not None:
        assert patient.pregnant
    with contextlib.suppress(acupoints.AcupointsError):  # an answer or a library error
        kb.select(location, patient=patient)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_type(acupoints.Selection))
def test_from_type_draws_selections(selection: acupoints.Selection) -> None:
    assert selection.disclaimer == acupoints.DISCLAIMER
