"""Plain text for a terminal: columns measured in screen cells, lines that fit a width.

A Chinese character takes two cells of a terminal (``unicodedata.east_asian_width`` is
``W`` or ``F``), a combining mark none; Python's ``str.ljust`` and ``textwrap`` count
characters, so three characters (陰陵泉) would push a column out of line by three. Every
padding and wrapping here counts cells.

:func:`selection_report` is what ``str(selection)`` and ``acupoints select`` print;
the command line's tables of points use :func:`pad`.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .selection import RankedPoint, Selection

__all__ = ["WIDTH", "cells", "labelled", "pad", "selection_report", "wrap"]

WIDTH = 100
"""Default width of the text output, in terminal cells."""


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: two for a wide (CJK) character, none for a
    combining mark, one for the rest.

    >>> cells("Hegu"), cells("陰陵泉"), cells("Yīn")
    (4, 6, 3)
    """
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def pad(text: str, width: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``width`` cells (``align`` ``"<"`` or ``">"``); text
    already wider is returned as it is.

    >>> pad("陰陵泉", 8) + "|", pad("SP9", 8) + "|"
    ('陰陵泉  |', 'SP9     |')
    """
    fill = " " * max(width - cells(text), 0)
    return fill + text if align == ">" else text + fill


def wrap(text: str, width: int, indent: str = "", hang: str = "  ") -> list[str]:
    """``text`` broken into lines of at most ``width`` cells (the indent included), each
    line after the first indented by ``indent + hang``. A word longer than a line is cut.

    >>> wrap("one two three four", 10)
    ['one two', '  three', '  four']
    >>> wrap("陰陵泉 陰陵泉", 8)  # six cells a word
    ['陰陵泉', '  陰陵泉']
    """
    lines: list[str] = []
    prefix, line = indent, ""
    for word in text.split():
        while word:
            sep = " " if line else ""
            if cells(prefix) + cells(line) + len(sep) + cells(word) <= width:
                line += sep + word
                break
            if line:  # the word goes on the next line
                lines.append(prefix + line)
                prefix, line = indent + hang, ""
                continue
            head = _cut(word, max(width - cells(prefix), 1))  # a word longer than a line
            lines.append(prefix + head)
            prefix, word = indent + hang, word[len(head) :]
    if line or not lines:
        lines.append(prefix + line)
    return lines


def labelled(label: str, text: str, width: int = WIDTH) -> list[str]:
    """``label`` then ``text`` wrapped to ``width``, the following lines under the text.

    >>> labelled("cause : ", "one two three four five", 24)
    ['cause : one two three', '        four five']
    """
    lines = wrap(text, max(width - cells(label), 10), "", "")
    return [label + lines[0]] + [" " * cells(label) + line for line in lines[1:]]


def _cut(word: str, room: int) -> str:
    """The longest start of ``word`` that fits in ``room`` cells (at least one character)."""
    used = 0
    for i, ch in enumerate(word):
        used += cells(ch)
        if used > room:
            return word[: max(i, 1)]
    return word


def _why(p: RankedPoint) -> str:
    """The main reason of a ranked point, without its code and pinyin (the row has them)."""
    why = p.why
    if why is None:
        return ""
    text = why.text
    for prefix in (f"{p.code} {p.point.names.pinyin} ", f"{p.code} "):
        if text.startswith(prefix):
            return text[len(prefix) :].rstrip(".")
    return text.rstrip(".")


def _table(sel: Selection, width: int) -> list[str]:
    """The ranked points: a row each, the reason wrapped in the last column; the
    alternatives and the point's own cautions below it."""
    points = sel.points
    code_w = max(4, *(cells(p.code) for p in points)) + 2
    pinyin_w = max(6, *(cells(p.point.names.pinyin) for p in points)) + 2
    role_w = max(4, *(cells(p.role or p.group) for p in points)) + 2
    side_w = max(4, *(cells(p.side) for p in points)) + 2
    head = f"{'#':>3} {pad('code', code_w)}{pad('pinyin', pinyin_w)}{'score':>6}  "
    head += f"{pad('role', role_w)}{pad('side', side_w)}"
    why_w = width - cells(head)
    below = why_w < 30  # too narrow for a column: the reason goes on its own line
    out = [head.rstrip() if below else head + "why"]
    shared = _shared_warnings(points)
    for i, p in enumerate(points, 1):
        row = f"{i:>2}. {pad(p.code, code_w)}{pad(p.point.names.pinyin, pinyin_w)}"
        row += f"{p.score:6.2f}  {pad(p.role or p.group, role_w)}{pad(p.side, side_w)}"
        why = _why(p)
        if below:
            out.append(row.rstrip())
            out += wrap(why, width, "      ")
        else:
            lines = wrap(why, why_w, "", "") or [""]
            out.append((row + lines[0]).rstrip())
            out += [" " * cells(row) + line for line in lines[1:]]
        if p.alternatives:
            out += wrap(f"or one of: {', '.join(p.alternatives)}", width, "      ")
        for w in p.cautions:
            if (w.origin, w.note) not in shared:
                out += wrap(f"caution ({w.origin}): {w.note}", width, "      ")
    for origin, note in shared:
        out += wrap(f"for every point ({origin}): {note}", width, "  ")
    return out


def selection_report(sel: Selection, *, width: int = WIDTH, protocol: bool = False) -> str:
    """A selection as plain text of at most ``width`` cells a line: red flags first in a
    banner, the location and cause, the points with why and their cautions, what was left
    out, the protocol, notes and the disclaimer.

    The protocol is compact unless ``protocol=True``: the titles of the general steps on a
    line or two, and in full only the steps that come from the patient's conditions.
    """
    out: list[str] = []
    bar = "!" * min(width, 72)
    flags = sorted(sel.red_flags, key=lambda f: f.urgency != "emergency")  # stable
    n_emergency = sum(1 for f in flags if f.urgency == "emergency")
    for i, flag in enumerate(flags):
        if i == n_emergency:
            out += _withheld_banner(sel, width)
        title = "EMERGENCY" if flag.urgency == "emergency" else flag.urgency.upper()
        out += [bar, *wrap(f"!!! {title}: {flag.name}", width, "", "    ")]
        out += wrap(flag.advice, width, "!!! ", "")
        out.append(bar)
    if len(flags) == n_emergency:
        out += _withheld_banner(sel, width)
    loc = sel.location
    roots = ", ".join(loc.segments[:3]) or "-"
    out += labelled("location : ", f"{loc} (side {loc.side or 'not given'}; roots {roots})", width)
    out.append(f"cause    : {sel.cause or 'not given'}")
    if sel.patient is not None:
        conds = [
            f"pregnant (week {sel.patient.pregnancy_week})"
            if c == "pregnant" and sel.patient.pregnancy_week
            else c
            for c in sel.patient.conditions()
        ]
        out += labelled("patient  : ", ", ".join(conds) or "no conditions", width)
    if sel.points:
        out.append("")
        out += _table(sel, width)
    if sel.excluded:
        out += ["", "left out:"]
    grouped: dict[str, list[str]] = {}  # points left out for the same reasons, on one line
    for e in sel.excluded:
        grouped.setdefault("; ".join(e.reasons), []).append(e.code)
    for reasons, codes in grouped.items():
        out += wrap(f"{', '.join(codes)}: {reasons}", width, "  ")
    if sel.protocol:
        out += ["", "protocol:"]
    general = []
    for step in sel.protocol:
        if protocol or step.id.startswith("patient."):
            out += wrap(f"- {step.title}: {step.text} [{', '.join(step.sources)}]", width, "  ")
        else:
            general.append(step.title)
    if general:
        out += wrap(
            "- " + "; ".join(general) + " (each step in full: --protocol, or "
            "report(protocol=True))",
            width,
            "  ",
        )
    for note in sel.notes:
        out += wrap(f"note: {note}", width)
    out += ["", *wrap(sel.disclaimer, width, "", "")]
    return "\n".join(out)


def _withheld_banner(sel: Selection, width: int) -> list[str]:
    """The banner that says the patient is not a candidate now, and why."""
    out: list[str] = []
    bar = "!" * min(width, 72)
    for w in sel.not_a_candidate:
        out += [bar, *wrap(f"!!! NOT A CANDIDATE NOW ({w.name}): no points are suggested", width)]
        out += wrap(w.reason, width, "!!! ", "")
        out.append(bar)
    return out


def _shared_warnings(points: tuple[RankedPoint, ...]) -> list[tuple[str, str]]:
    """Patient cautions carried by every point (shown once in a report)."""
    if len(points) < 2:
        return []
    first = [(w.origin, w.note) for w in points[0].cautions if w.origin != "point"]
    return [
        key
        for key in first
        if all(any((w.origin, w.note) == key for w in p.cautions) for p in points[1:])
    ]
