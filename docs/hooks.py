"""MkDocs hook: the docstrings use Sphinx roles (:class:`X`); drop the role names so the
API pages read `X` (mkdocstrings renders the backquoted name as code already)."""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(r":(?:class|meth|func|mod|data|attr|exc|obj):(?=<code>)")


def on_page_content(html: str, **kwargs: Any) -> str:
    return _ROLE.sub("", html)
