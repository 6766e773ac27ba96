"""The ``hypothesis`` entry point, apart from :mod:`acupoints.testing.strategies` so that
loading it imports nothing: hypothesis runs its entry points while it is itself being
imported, and the strategies module imports hypothesis. Had the hook lived in the
strategies module, ``from acupoints.testing import strategies`` before any import of
hypothesis failed with a circular import (hypothesis, loading the hook, found the
strategies module half made)."""

from __future__ import annotations

import sys


def _hypothesis_setup_hook() -> None:
    """Run by hypothesis when it is imported: register the library's records with
    ``st.from_type`` (see :func:`acupoints.testing.strategies.register_types`). When it is
    the strategies module whose import brought hypothesis in, that module registers them
    itself once it is complete."""
    if "acupoints.testing.strategies" in sys.modules:  # being imported now
        return
    from .strategies import register_types

    register_types()
