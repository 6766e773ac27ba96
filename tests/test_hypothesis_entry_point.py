"""The ``hypothesis`` entry point: once acupoints is installed, ``st.from_type`` draws its
records from acupoints.testing.strategies."""

from __future__ import annotations

import contextlib
import importlib.metadata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import acupoints
from acupoints.models import Location, Point


def test_the_entry_point_is_installed() -> None:
    hooks = [
        e for e in importlib.metadata.entry_points(group="hypothesis") if e.name == "acupoints"
    ]
    assert [e.value for e in hooks] == ["acupoints.testing.hypothesis_hook:_hypothesis_setup_hook"]


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
