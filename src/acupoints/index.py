"""The alias index: every accepted spelling of every point, reduced to one key.

Built once per knowledge base. Codes and characters must identify one point each (two
points claiming the same code or the same characters is a :class:`DataError`); pinyin and
English names may be shared by several points (``Erjian`` is LI2 二間 and EX-HN6 耳尖), and
asking for such a name raises :class:`AmbiguousPointError` listing all of them. So may the
Korean, Vietnamese and Japanese readings of readings.yaml (``소해`` is HT3 少海 and SI8
小海; ``しょうしょう`` is LU11 少商, HT9 少衝 and CV24 承漿).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._record import made_on_first_use
from .errors import DataError
from .models import Meridian
from .names import prefix_key

if TYPE_CHECKING:
    from ._point_index import PointIndex

__all__ = ["PointIndex", "meridian_prefixes"]


def meridian_prefixes(meridians: Iterable[Meridian]) -> dict[str, str]:
    """Every prefix by which a meridian may be named in a point code, mapped to its WHO
    code: the code, its legacy abbreviations and its English name with and without the
    word "Meridian"/"Vessel" (``LI``, ``L.I.``, ``Large Intestine``). Two meridians
    claiming one prefix is a :class:`DataError`."""
    out: dict[str, str] = {}
    for m in meridians:
        english = m.names.english
        short = english.removesuffix(" Meridian").removesuffix(" Vessel")
        for i, form in enumerate((m.code, english, short, *m.aliases)):
            key = prefix_key(form)
            owner = out.get(key)
            if owner is not None and owner != m.code:
                field = f"aliases.{i - 3}" if i >= 3 else "names.english"
                raise DataError(
                    f"prefix {form!r} is claimed by both {owner} and {m.code}",
                    file="meridians.yaml",
                    entry=m.code,
                    field=field,
                )
            out[key] = m.code
    return out


_MERIDIAN_ORDER = {
    c: i
    for i, c in enumerate(
        ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV")
    )
}
_GROUP_ORDER = {g: i for i, g in enumerate(("HN", "CA", "B", "UE", "LE"))}


def _code_order(code: str) -> tuple[int, int, int]:
    """Sort key that orders codes as the WHO lists them: by meridian, then number;
    extra points after the meridians, by group and number."""
    if code.startswith("EX-"):
        body = code[3:]
        group = body.rstrip("0123456789")
        return (1, _GROUP_ORDER.get(group, 99), int(body[len(group) :] or 0))
    prefix = code.rstrip("0123456789")
    return (0, _MERIDIAN_ORDER.get(prefix, 99) * 1000 + int(code[len(prefix) :] or 0), 0)


def code_order(code: str) -> tuple[int, int, int]:
    """Public form of the canonical sort key of point codes."""
    return _code_order(code)


# :class:`PointIndex` is made by its first use (see :mod:`acupoints._point_index`): an
# answer looks no point up by name
__getattr__, __dir__ = made_on_first_use(globals(), {"PointIndex"}, home="acupoints._point_index")
