"""What ``select(text)`` makes of a sentence, as the reader's tests compare it: shared by
the test modules of the text reader (not a test module itself)."""

from __future__ import annotations

import acupoints
from acupoints import KnowledgeBase


def raised(kb: KnowledgeBase, text: str) -> dict[str, str]:
    """The red flags ``select(text)`` raises, with their urgency (those of the
    ``LocationError`` when no area is read)."""
    try:
        flags = kb.select(text, limit=1).red_flags
    except acupoints.LocationError as exc:
        flags = exc.red_flags
    return {f.id: f.urgency for f in flags}


def fired(kb: KnowledgeBase, text: str) -> set[str]:
    """The concepts (rule ids among them) that raise a flag in ``text``."""
    return {f.concept for f in kb.read(text).flags if not f.context and f.concept}


def reading(kb: KnowledgeBase, text: str) -> tuple[set[str], str | None, str | None]:
    """(numb region ids, side, cause) that select(text) uses."""
    try:
        s = kb.select(text, limit=1)
    except acupoints.LocationError:
        return set(), None, kb.read(text).cause
    return set(s.location.region_ids), s.location.side, s.cause
