"""A griffe extension for the API pages: the docstrings cross-reference with Sphinx roles
(:class:`~acupoints.Patient`, :meth:`KnowledgeBase.select`), which Markdown would print
as they are. Each role becomes the name it points at, in code: ``Patient`` (a ``~``
keeps the last part only, as in Sphinx), ``KnowledgeBase.select``.

It runs inside mkdocstrings (Zensical and MkDocs alike; mkdocs.yml loads it with
``extensions: [docs/griffe_roles.py]``), so the docstrings keep working in ``help()``
and in Sphinx-aware editors. tests/test_docs.py checks that no role is left.
"""

from __future__ import annotations

import re
from typing import Any

try:
    from griffe import Extension, Object
except ImportError:  # without the docs extra (the test suite imports every module here)
    Extension = object  # type: ignore[assignment,misc]
    Object = Any  # type: ignore[assignment,misc]

ROLE = re.compile(r":(?:py:)?(?:class|meth|func|mod|data|attr|exc|obj|const):`([^`]+)`")


def _name(match: re.Match[str]) -> str:
    target = match.group(1).strip()
    explicit = re.fullmatch(r"(.+?)\s*<[^>]+>", target)  # :class:`text <target>`
    if explicit:
        return f"`{explicit.group(1)}`"
    if target.startswith("~"):
        target = target[1:].rsplit(".", 1)[-1]
    return f"`{target}`"


def plain(text: str) -> str:
    """``text`` with every Sphinx role replaced by the name it points at, in code."""
    return ROLE.sub(_name, text)


class SphinxRoles(Extension):
    """Rewrites the roles of every docstring as it is loaded."""

    def on_instance(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain(obj.docstring.value)
