"""What a selection takes from the reading: the cause written in the text.

``select(text)`` with ``cause=None`` uses the first cause the text gives (not negated,
not supposed, not someone else's); a note says which words gave it, and names every
cause when the text gives more than one. An explicit ``cause=`` wins; a note says so
when the text names another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..models import Location

__all__ = ["cause_from_text"]


def cause_from_text(
    kb: KnowledgeBase, loc: Location, cause: str | None
) -> tuple[str | None, tuple[str, ...]]:
    """The cause to use and the notes that explain where it came from."""
    reading = loc.reading
    if reading is None:
        return cause, ()
    found = [f for f in reading.causes if not f.context]
    if not found:
        return cause, ()
    ids = list(dict.fromkeys(f.id for f in found))
    words = {cid: next(f.words for f in found if f.id == cid) for cid in ids}

    def name(cid: str) -> str:
        return f"{kb.cause(cid).name} ({words[cid]!r})"

    if cause is not None:
        given = kb.cause(cause).id
        others = [cid for cid in ids if cid != given]
        if not others:
            return cause, ()
        return cause, (
            f"The cause given ({kb.cause(given).name}) is used; the text also names "
            + ", ".join(name(c) for c in others)
            + ".",
        )
    if len(ids) == 1:
        return ids[0], (f"Cause read from the text: {name(ids[0])}.",)
    return ids[0], (
        "The text names more than one cause: "
        + "; ".join(name(c) for c in ids)
        + f". The first, {kb.cause(ids[0]).name}, is used; pass cause= to choose another.",
    )
