"""How full the reader's tables are, and what the next entry of each would cost.

Not a timing. A Python dict doubles its slots when an insertion passes what its size holds,
so one more phrase in a data file can cost a table 18 KiB or more at once (issue 18 holds
the memory kept after a first answer under 15 MiB; a cause phrase did exactly this on
2026-12-05). For every dict of the reader's tables (``acupoints.text.compiled.Tables``:
the dicts themselves and those inside each ``PhraseIndex``), after a first answer, this
prints its entries, how many more it takes before it grows, and what growing would add,
measured by filling a copy (so it is right for the Python that runs it). The tables
closest to growing come first.

Run: python bench/table_fill.py [--all]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

import acupoints
from acupoints.text.compiled import PhraseIndex, Tables, tables


def dicts(t: Tables) -> Iterator[tuple[str, dict[Any, Any]]]:
    """Every dict of the reader's tables, by name (a PhraseIndex's two as ``name._values``
    and ``name._lengths``)."""
    for f in fields(t):
        value = getattr(t, f.name)
        if isinstance(value, PhraseIndex):
            yield f"{f.name}._values", value._values
            yield f"{f.name}._lengths", value._lengths
        elif isinstance(value, dict):
            yield f.name, value


def headroom(d: dict[Any, Any]) -> tuple[int, int]:
    """How many more entries a dict built as ``d`` was takes before it grows, and the bytes
    growing adds (a copy filled with new keys until its size changes)."""
    copy = dict(d)  # (a copy of a dict keeps its layout)
    size = sys.getsizeof(copy)
    # keys of the kind it holds: a dict of str keys is a smaller kind of table, which one
    # key of another type turns into the larger
    text = all(type(k) is str for k in d)
    extra = 0
    while True:
        copy[f"\x00table_fill{extra}" if text else ("table_fill", extra)] = None
        extra += 1
        grown = sys.getsizeof(copy)
        if grown != size:
            return extra - 1, grown - size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="every dict, not the ten nearest")
    args = parser.parse_args()
    kb = acupoints.load()
    kb.select("numb back of my left hand")  # the tables a first answer reads, as issue 18 counts
    rows = []
    for name, d in dicts(tables(kb)):
        if not d:
            continue
        room, cost = headroom(d)
        rows.append((room, name, len(d), sys.getsizeof(d), cost))
    rows.sort()
    print(f"python {sys.version.split()[0]}: the reader's tables after a first answer")
    print(f"  {'table':<22} {'entries':>8} {'KiB now':>8} {'room':>6} {'next entry adds':>16}")
    for room, name, n, size, cost in rows if args.all else rows[:10]:
        print(f"  {name:<22} {n:>8} {size / 1024:>8.1f} {room:>6} {cost / 1024:>12.1f} KiB")


if __name__ == "__main__":
    main()
