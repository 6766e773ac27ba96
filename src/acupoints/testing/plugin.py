"""pytest plugin of acupoints, registered by the ``pytest11`` entry point: installing
acupoints makes these fixtures available in every test suite, with nothing to import.

Fixtures:

- ``acupoints_kb`` (session): the knowledge base, loaded once per test session; the
  packaged data, or the directory given by ``--acupoints-data DIR`` (or the
  ``acupoints_data`` ini option).
- ``acupoints_select`` (session): ``acupoints_kb.select``, for short tests.

Loading is deferred to the first test that asks for a fixture, so a suite that never uses
them pays nothing. Turn the plugin off with ``-p no:acupoints``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("acupoints")
    group.addoption(
        "--acupoints-data",
        metavar="DIR",
        default=None,
        help="data directory for the acupoints_kb fixture (default: the packaged data)",
    )
    parser.addini("acupoints_data", "data directory for the acupoints_kb fixture", default="")


def pytest_report_header(config: pytest.Config) -> str | None:
    data = _data_dir(config)
    return f"acupoints: data {data}" if data else None


def _data_dir(config: pytest.Config) -> str | None:
    value = config.getoption("acupoints_data", default=None) or config.getini("acupoints_data")
    return str(value) if value else None


@pytest.fixture(scope="session")
def acupoints_kb(pytestconfig: pytest.Config) -> KnowledgeBase:
    """The acupoints knowledge base, loaded once per session (read-only: share it)."""
    import acupoints

    return acupoints.load(_data_dir(pytestconfig))


@pytest.fixture(scope="session")
def acupoints_select(acupoints_kb: KnowledgeBase) -> Callable[..., Any]:
    """``acupoints_kb.select``: ``acupoints_select("numb left thumb", cause="...")``."""
    return acupoints_kb.select
