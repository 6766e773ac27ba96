"""The ``hypothesis`` entry point (pyproject.toml): ``st.from_type`` draws the library's
records from :mod:`acupoints.testing.strategies`.

Hypothesis runs its entry points while it is itself being imported, so this module
imports nothing from hypothesis at module level, and the hook looks the strategies up
only when a type is first resolved. The hook once lived in ``strategies``, which imports
hypothesis at its top: importing ``acupoints.testing.strategies`` before hypothesis
(``pytest src/acupoints/testing/strategies.py`` does) made hypothesis load the entry
point from the half-imported module, a circular import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []

_STRATEGY_OF_TYPE = {
    "Patient": "patients",
    "Location": "locations",
    "Point": "points",
    "Selection": "selections",
}
"""Each record type ``st.from_type`` resolves, and the function of
:mod:`acupoints.testing.strategies` that draws it (over the packaged data)."""


def _resolver(function: str) -> Callable[[type], SearchStrategy[Any]]:
    def resolve(_type: type) -> SearchStrategy[Any]:
        from . import strategies

        made: SearchStrategy[Any] = getattr(strategies, function)()
        return made

    return resolve


def _hypothesis_setup_hook() -> None:
    """Run by hypothesis when it is imported, so that ``st.from_type`` and ``st.builds``
    draw the library's records from the package strategies: ``st.from_type(Patient)`` is
    :func:`~acupoints.testing.strategies.patients`, ``Location``
    :func:`~acupoints.testing.strategies.locations`, ``Point``
    :func:`~acupoints.testing.strategies.points`, ``Selection``
    :func:`~acupoints.testing.strategies.selections`."""
    from hypothesis import strategies as st

    from ..models import Location, Point
    from ..safety import Patient
    from ..selection import Selection

    for cls in (Patient, Location, Point, Selection):
        st.register_type_strategy(cls, _resolver(_STRATEGY_OF_TYPE[cls.__name__]))
