"""What a selection takes from the reading: the cause written in the text, and what the
text says about the person.

``select(text)`` with ``cause=None`` uses the first cause the text gives (not negated,
not supposed, not someone else's); a note says which words gave it, and names every
cause when the text gives more than one. An explicit ``cause=`` wins; a note says so
when the text names another. An injury or operation the text places on another part of
the body than the numb area is not used, and a note says why.

A fact about the person that changes which points are safe ("I'm 20 weeks pregnant", "on
warfarin", "I have a pacemaker"; text.yaml's ``person``) is applied as if it were set in
``patient=``: with no patient given, a patient with those facts is used; with one given,
the facts the text adds are set on it as well (a fact stated in the text is never
dropped: safety errs on the side of caution). A note names the words each came from.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..models import Finding, Location, Reading
    from ..safety import Patient

__all__ = ["cause_from_text", "patient_from_text"]

# the week of a pregnancy, never a duration ("numb for 3 weeks" is not week 3): "20 weeks
# pregnant", "32 wks gone", "pregnant (28 weeks)", "week 12 of my pregnancy", "my 30th week
# of pregnancy"
_N = r"(\d{1,2})"
_WEEKS = r"\s*(?:weeks?|wks?)"


@cache
def _week() -> re.Pattern[str]:
    """The week of a pregnancy; compiled on first use (only a text that says the person
    is pregnant reads it)."""
    return re.compile(
        "|".join(
            (
                _N + _WEEKS + r"\s+(?:pregnant|gone|along|preg|pg|gestation"
                r"|of (?:my |the )?pregnancy|into (?:my |the )?pregnancy)\b",
                r"\bpregnant[\s,;:(-]+(?:at |about |around |with )?" + _N + _WEEKS + r"\b",
                r"\bweek\s+" + _N + r"\s+of\s+(?:my |the |this )?pregnancy\b",
                _N + r"(?:st|nd|rd|th)\s+week\s+of\s+(?:my |the |this )?pregnancy\b",
            )
        ),
        re.IGNORECASE,
    )


def _spelled(reading: Reading) -> str:
    """The text with the reader's spelling corrections made ("30 weeks pregant" is "30 weeks
    pregnant"), so that the week is found as the pregnancy was."""
    text = reading.text
    for wrong, right in reading.corrected:
        text = re.sub(r"\b" + re.escape(wrong) + r"\b", right, text, flags=re.IGNORECASE)
    return text


_GESTATION = re.compile(
    # after an obstetric "G2P1" or a woman's age ("29F"), as it stands
    r"(?:\bg\d+\s*p\d+|\b\d{1,2}\s*f)\s*,?\s*(?:at\s+)?(\d{1,2})\s*/\s*40(?![\d/.])"
    # after "at", "currently" or "pt is", "she is", ending its clause
    r"|(?:\bat|\bcurrently|\b(?:pt|patient|she|i|im)\s+(?:is|am)?)\s*(\d{1,2})\s*/\s*40"
    r"(?=\s*(?:$|[,.;)]|\s(?:and|with|weeks?|gestation|pregnant)\b))",
    re.IGNORECASE,
)


def _gestation(text: str) -> tuple[int, str] | None:
    """lead31: the week of a pregnancy written as a note writes it, of forty ("G2P1 at
    32/40", "pt is 14/40"), with the words, when the text gives exactly one week from 4 to
    42; None otherwise. Only after the obstetric "G2P1" or a woman's age ("29F"), or after
    "at", "currently", "pt is", "she is" ending its clause: not a score, a grade or a
    measure ("neuropathy score 22/40", "10/40 on the pain scale", "grip 30/40 kg").

    ```pycon
    >>> from acupoints.text.use import _gestation
    >>> _gestation("G2P1 at 32/40, numb hands at night")
    (32, '32/40')
    >>> _gestation("numb feet, neuropathy score 22/40") is None
    True

    ```
    """
    weeks = (m.group(1) or m.group(2) for m in _GESTATION.finditer(text))
    found = {(int(w), f"{w}/40") for w in weeks}
    found = {f for f in found if 4 <= f[0] <= 42}
    return found.pop() if len(found) == 1 else None


def pregnancy_week(text: str) -> int | None:
    """The week of pregnancy a text gives ("20 weeks pregnant", "pregnant (28 weeks)",
    "week 12 of my pregnancy"), when it gives exactly one week from 1 to 45; None
    otherwise (a duration such as "numb for 3 weeks" is not a week of pregnancy).

    ```pycon
    >>> pregnancy_week("numb hands, I'm 28 weeks pregnant")
    28
    >>> pregnancy_week("numb for 3 weeks, pregnant") is None  # a duration, not a week
    True
    >>> pregnancy_week("pregnant, numb hands") is None
    True

    ```
    """
    weeks = {int(next(g for g in m.groups() if g)) for m in _week().finditer(text)}
    weeks = {w for w in weeks if 1 <= w <= 45}
    return weeks.pop() if len(weeks) == 1 else None


SPINE_SERVES = {
    "neck": "upper_limb",
    "back.upper": "upper_limb",
    "back.lumbar": "lower_limb",
    "back.sacral": "lower_limb",
    "back": "lower_limb",
    "groin": "lower_limb",
    "buttock": "lower_limb",
    "chest": "upper_limb",
    "axilla": "upper_limb",
    # cause19: a blow to the head loads the neck below it (nice_qs74: a head injury may damage
    # the cervical spine), whose roots serve the arm ("came off his bike, banged his head, and
    # his left arm is numb")
    "head": "upper_limb",
}
"""The limb whose nerve roots leave the spine at each part of it (the neck and upper back:
the arm; the lower back and sacrum: the leg), or whose nerves pass through that part of the
trunk on their way to it (the groin: the nerves of the front and side of the thigh; the
buttock: the sciatic nerve; heldout10 areas: the chest wall and armpit, the
intercostobrachial nerve to the inner upper arm, cut in breast and axillary surgery): an
injury or operation there can numb that limb ("numb leg since my back surgery", "numb
thigh after a hernia op in my groin", "fell on my backside and now my leg is numb", "my
arm is numb after the operation of breast cancer")."""


def _injury_elsewhere(kb: KnowledgeBase, reading: Reading) -> tuple[str, ...]:
    """The names of the areas where the text places an operation or a cause (after a
    knee replacement, a fall on my hip), when none of them is on a part of the body
    (arm, leg, head, neck, trunk) that is numb, nor on the spine where the numb limb's
    nerve roots leave it: an injury there is not this numbness's cause. Empty when the
    text places none, or one on a numb part."""
    part_of = kb.anatomy.part_of
    numb = {part_of(f.id) for f in reading.areas if f.role == "numb" and not f.context}
    # a past site counts, as a past cause does ("as a kid I broke my arm": on the arm)
    sites = [
        f
        for f in reading.areas
        if f.role in ("operation", "cause_site") and not set(f.context) - {"historical"}
    ]
    served = {part_of(SPINE_SERVES[f.id]) for f in sites if f.id in SPINE_SERVES}
    if not numb or not sites or any(part_of(f.id) in numb for f in sites) or served & numb:
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


ABBREVIATED_JOINTS = {"tkr": "knee", "tka": "knee", "thr": "hip", "tha": "hip", "tsr": "shoulder"}
"""A joint replacement written as its abbreviation, with no body word: the joint."""

ALL_LIMBS = ("left_arm", "right_arm", "left_leg", "right_leg")

READ_PLACES = frozenset({"joint_prostheses", "lymphoedema"})
"""Conditions of Patient that hold places, whose places :func:`_sites` reads from the
text: a fact about the person (text.yaml ``person``) may name them."""


def _sites(
    kb: KnowledgeBase, reading: Reading, found: list[Finding]
) -> tuple[dict[str, tuple[tuple[str, ...], str]], tuple[str, ...]]:
    """The patient's fields that hold places, read from the text: field -> (places, the
    words they came from), and notes.

    - ``joint_prostheses``: a joint replaced ("after a knee replacement", "my left hip was
      replaced last year", "since my TKR"): the area named for the operation, past or not
      (a replaced joint stays replaced).
    - ``lymphoedema``: the limbs named where the lymphoedema is ("lymphoedema in my left
      leg", "of my right arm"); with no limb named, every limb, and a note says so."""
    out: dict[str, tuple[tuple[str, ...], str]] = {}
    notes: list[str] = []
    # the words of a replacement are a fact about the person (text.yaml person
    # joint_replaced), so a denied or someone else's ("no TKR", "my mum had a TKR") is none
    replaced = [f for f in found if f.id == "joint_prostheses"]
    if replaced:
        joints = [
            a
            for a in reading.areas
            if a.role == "operation" and not set(a.context) - {"historical"}
        ]
        ids = [a.id for a in joints] or [
            ABBREVIATED_JOINTS[w]
            for f in replaced
            for w in f.words.lower().split()
            if w in ABBREVIATED_JOINTS
        ]
        if ids:
            said = next((c.words for c in reading.causes if not c.context), replaced[0].words)
            out["joint_prostheses"] = (tuple(dict.fromkeys(ids)), said)
    lymph = next((f for f in found if f.id == "lymphoedema"), None)
    if lymph is not None:
        limbs: list[str] = []
        for a in reading.areas:
            part = kb.anatomy.part_of(a.id)
            if a.role != "cause_site" or a.context or part not in ("arm", "leg"):
                continue
            sides = ("left", "right") if a.side in (None, "both") else (a.side,)
            limbs += [f"{side}_{part}" for side in sides]
        if not limbs:
            limbs = list(ALL_LIMBS)
            notes.append(
                f"The text names lymphoedema ({lymph.words!r}) but no limb: every limb is "
                "treated as at risk; pass patient=Patient(lymphoedema=(...)) to name it."
            )
        out["lymphoedema"] = (tuple(dict.fromkeys(limbs)), lymph.words)
    return out, tuple(notes)


def patient_from_text(
    kb: KnowledgeBase, loc: Location, patient: Patient | None
) -> tuple[Patient | None, bool, tuple[str, ...]]:
    """The patient to use: ``patient`` with the facts the text states about the person
    set as well. Returns (patient, whether it came from the text alone, notes)."""
    reading = loc.reading
    found = [f for f in reading.person if not f.context] if reading is not None else []
    asked = (
        (
            f'The text asks for another person ("{reading.for_another}") and names no numb '
            "area of the writer's own: what it says of that person is read as the patient's.",
        )
        if reading is not None and reading.for_another
        else ()
    )
    sites, site_notes = _sites(kb, reading, found) if reading is not None else ({}, ())
    # lead31: a note's gestation, "32/40" (weeks of forty), is a pregnancy of that week
    gestation = (
        _gestation(reading.text)
        if reading is not None
        and "/" in reading.text
        and not any(f.id == "pregnant" for f in found)
        else None
    )
    if not sites and gestation is None and all(f.id in READ_PLACES for f in found):
        return patient, False, asked
    from ..safety import Patient

    # a place condition is set only with its places ("replaced" with no joint named sets none)
    fields = list(dict.fromkeys([*(f.id for f in found if f.id not in READ_PLACES), *sites]))
    words = {c: next(f.words for f in found if f.id == c) for c in fields if c not in sites}
    if gestation is not None:
        fields.append("pregnant")
        words["pregnant"] = gestation[1]
    words.update({c: w for c, (_, w) in sites.items()})
    names = {c.id: c.name for c in kb.safety_conditions}
    given = patient.model_dump() if patient is not None else {}
    update: dict[str, object] = {c: True for c in fields if c not in sites and not given.get(c)}
    for c, (value, _) in sites.items():
        merged = tuple(dict.fromkeys((*given.get(c, ()), *value)))
        if merged != tuple(given.get(c, ())):
            update[c] = merged
    asked = (*asked, *site_notes)
    week = None
    if "pregnant" in fields and given.get("pregnancy_week") is None:
        week = pregnancy_week(_spelled(reading) if reading is not None else "")
        if week is None and gestation is not None:
            week = gestation[0]
        if week is not None:
            update["pregnancy_week"] = week
    if not update:
        return patient, False, asked

    def said(c: str) -> str:
        extra = f", week {week}" if c == "pregnant" and week is not None else ""
        if c in update and c in sites:
            extra = ": " + ", ".join(str(v).replace("_", " ") for v in update[c])  # type: ignore[attr-defined]
        return f"{names.get(c, c)} ({words[c]!r}{extra})"

    new = [c for c in fields if c in update or (c == "pregnant" and week is not None)]
    listed = "; ".join(said(c) for c in new)
    if patient is None:
        note = (
            f"Read from the text about the person: {listed}. The points were checked for "
            "them as if given in patient=."
        )
        return Patient(**update), True, (*asked, note)
    note = (
        f"The text also says: {listed}; the patient given did not, and it is applied as "
        "well, to be safe."
    )
    return Patient(**{**given, **update}), False, (*asked, note)
