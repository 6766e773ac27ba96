"""What a selection takes from the reading: the cause written in the text.

``select(text)`` with ``cause=None`` uses the first cause the text gives (not negated,
not supposed, not someone else's); a note says which words gave it, and names every
cause when the text gives more than one. An explicit ``cause=`` wins; a note says so
when the text names another. An injury or operation the text places on another part of
the body than the numb area is not used, and a note says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..models import Location, Reading

__all__ = ["cause_from_text"]


def _injury_elsewhere(kb: KnowledgeBase, reading: Reading) -> tuple[str, ...]:
    """The names of the areas where the text places an operation or a cause (after a
    knee replacement, a fall on my hip), when none of them is on a part of the body
    (arm, leg, head, neck, trunk) that is numb: an injury there is not this numbness's
    cause. Empty when the text places none, or one on a numb part."""
    part_of = kb.anatomy.part_of
    numb = {part_of(f.id) for f in reading.areas if f.role == "numb" and not f.context}
    sites = [f for f in reading.areas if f.role in ("operation", "cause_site") and not f.context]
    if not numb or not sites or any(part_of(f.id) in numb for f in sites):
        return ()
    return tuple(dict.fromkeys(kb.region(f.id).name for f in sites))


def cause_from_text(
    kb: KnowledgeBase, loc: Location, cause: str | None
) -> tuple[str | None, tuple[str, ...]]:
    """The cause to use and the notes that explain where it came from."""
    reading = loc.reading
    if reading is None:
        return cause, ()
    found = [f for f in reading.causes if not f.context]
    away = _injury_elsewhere(kb, reading)
    notes: tuple[str, ...] = ()
    if away and any(kb.cause(f.id).kind == "injury" for f in found):
        dropped = next(f for f in found if kb.cause(f.id).kind == "injury")
        found = [f for f in found if kb.cause(f.id).kind != "injury"]
        notes = (
            f"The text names an injury or operation ({dropped.words!r}) at the "
            f"{' and '.join(away)}, away from the numb area, so it is not taken as the "
            "cause of this numbness; pass cause= if it is.",
        )
    if not found:
        return cause, notes
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
        return ids[0], (*notes, f"Cause read from the text: {name(ids[0])}.")
    return ids[0], (
        *notes,
        "The text names more than one cause: "
        + "; ".join(name(c) for c in ids)
        + f". The first, {kb.cause(ids[0]).name}, is used; pass cause= to choose another.",
    )
