"""The alias index of :mod:`acupoints.index`, :class:`PointIndex`, made by its first use (a
look-up of a point by code or name, ``kb.point``, ``kb.search``): an answer never uses it.
``__module__`` names :mod:`acupoints.index`, where it is found as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from . import index as _index
from .errors import AmbiguousPointError, DataError, UnknownPointError
from .index import _code_order
from .models import Point
from .names import (
    code_key,
    hangul_key,
    hanzi_key,
    kana_key,
    marked_key,
    name_key,
    romaji_key,
    suggest,
)

if TYPE_CHECKING:
    from .models import PointReadings

__all__ = ["PointIndex"]


class PointIndex:
    """Maps normalised keys to point codes; see :mod:`acupoints.names` for the keys."""

    __slots__ = (
        "_codes",
        "_hangul",
        "_hanzi",
        "_kana",
        "_kanji",
        "_labels",
        "_marked",
        "_names",
        "_prefixes",
        "_read",
        "_romaji",
        "_xrefs",
    )

    def __init__(
        self,
        points: Iterable[Point],
        prefixes: Mapping[str, str],
        readings: Iterable[PointReadings] = (),
    ) -> None:
        self._prefixes = prefixes
        self._codes: dict[str, str] = {}
        self._hanzi: dict[str, str] = {}
        self._names: dict[str, set[str]] = defaultdict(set)
        self._hangul: dict[str, set[str]] = defaultdict(set)  # a Korean reading -> codes
        self._marked: dict[str, set[str]] = defaultdict(set)  # a Vietnamese one, marks kept
        self._read: dict[str, set[str]] = defaultdict(set)  # readings in Latin letters
        self._kana: dict[str, set[str]] = defaultdict(set)  # a Japanese reading -> codes
        self._kanji: dict[str, set[str]] = defaultdict(set)  # its Japanese spelling
        self._romaji: dict[str, set[str]] = defaultdict(set)  # it typed, long vowels kept
        self._labels: dict[str, str] = {}
        self._xrefs: dict[str, str] = {}  # a TARA id (upper case) -> code
        for p in points:
            for i, xref in enumerate(p.xrefs):
                self._claim(self._xrefs, xref.id.upper(), xref.id, p, f"xrefs.{i}.id")
            self._claim(self._codes, p.code, p.code, p, "code")
            self._labels[p.code] = p.code
            for field, form in (
                ("names.hanzi", p.names.hanzi),
                ("names.hanzi_simplified", p.names.hanzi_simplified),
            ):
                key = hanzi_key(form)
                if key is not None:
                    self._claim(self._hanzi, key, form, p, field)
            self._names[name_key(p.names.pinyin)].add(p.code)
            self._names[name_key(p.names.english)].add(p.code)
            for i, alias in enumerate(p.aliases):
                field = f"aliases.{i}.name"
                if alias.kind == "code":
                    key = code_key(alias.name, prefixes) or alias.name.upper()
                    self._claim(self._codes, key, alias.name, p, field)
                elif alias.kind == "hanzi":
                    hkey = hanzi_key(alias.name)
                    if hkey is None:
                        raise DataError(
                            f"alias {alias.name!r} is not Chinese characters",
                            file="points.yaml",
                            entry=p.code,
                            field=field,
                        )
                    self._claim(self._hanzi, hkey, alias.name, p, field)
                else:
                    self._names[name_key(alias.name)].add(p.code)
        for r in readings:
            if r.korean is not None:
                self._hangul[r.korean.hangul].add(r.code)
                self._read[name_key(r.korean.romanized)].add(r.code)
            if r.vietnamese is not None:
                self._read[name_key(r.vietnamese.name)].add(r.code)
                self._marked[marked_key(r.vietnamese.name)].add(r.code)
            if r.japanese is not None:
                self._kana[r.japanese.kana].add(r.code)
                self._read[name_key(r.japanese.romanized)].add(r.code)
                rkey = romaji_key(r.japanese.romanized)
                if rkey is not None:
                    self._romaji[rkey].add(r.code)
                jkey = hanzi_key(r.japanese.kanji)
                if jkey is not None and jkey not in self._hanzi:
                    self._kanji[jkey].add(r.code)

    @staticmethod
    def _claim(table: dict[str, str], key: str, shown: str, point: Point, field: str) -> None:
        owner = table.get(key)
        if owner is not None and owner != point.code:
            raise DataError(
                f"{shown!r} is claimed by both {owner} and {point.code}; an alias must "
                "name one point",
                file="points.yaml",
                entry=point.code,
                field=field,
            )
        table[key] = point.code

    def resolve(self, query: object) -> str:
        """The code of the point ``query`` names, or raise an error that says why not."""
        if not isinstance(query, str):
            raise UnknownPointError(query)
        text = query.strip()
        xkey = text.rpartition("/")[2].upper().removeprefix("TARA:")  # also the IRI or CURIE
        if xkey in self._xrefs:
            return self._xrefs[xkey]
        ckey = code_key(text, self._prefixes)
        if ckey is not None and ckey in self._codes:
            return self._codes[ckey]
        hkey = hanzi_key(text)
        if hkey is not None and hkey in self._hanzi:
            return self._hanzi[hkey]
        if hkey is not None and hkey in self._kanji:  # the name as Japanese writes it
            return _one(query, self._kanji[hkey])
        kkey = kana_key(text)
        if kkey is not None and kkey in self._kana:
            return _one(query, self._kana[kkey])
        gkey = hangul_key(text)
        if gkey is not None and gkey in self._hangul:
            return _one(query, self._hangul[gkey])
        nkey = name_key(text)
        mkey = marked_key(text)
        if mkey != nkey and mkey in self._marked:  # written with its marks
            return _one(query, self._marked[mkey])
        # a pinyin or English name wins over a reading written in Latin letters: "Yanggu"
        # is SI5's pinyin before it is ST34's romanised Korean (양구 names ST34). A Japanese
        # reading typed with its long vowels ("goukoku", "chuushou") comes after them, so
        # that it changes no other answer; written with Hepburn's macrons, which no Korean
        # or Vietnamese reading has, it tells apart what the bare letters do not: "Chūshō"
        # is PC9, "Chūsho" TE3, "chusho" either
        codes = self._names.get(nkey)
        if not codes:
            rcodes = self._romaji.get(romaji_key(text) or "")
            macrons = not _MACRONS.isdisjoint(text.lower())
            codes = (rcodes if macrons else None) or self._read.get(nkey) or rcodes
        if codes:
            return _one(query, codes)
        raise UnknownPointError(query, self.suggestions(text))

    def suggestions(self, text: str, limit: int = 5) -> list[str]:
        """Codes of the points nearest to ``text``, by code shape or by name."""
        ckey = code_key(text, self._prefixes)
        if ckey is not None:
            return suggest(ckey, self._codes.values(), limit)
        out: list[str] = []
        nkey = name_key(text)
        for table in (self._names, self._read) if nkey else ():  # a reading: no name near
            for hit in suggest(nkey, table, limit):
                for code in sorted(table[hit], key=_code_order):
                    if code not in out:
                        out.append(code)
            if out:
                break
        if not out:  # maybe a code with an unknown prefix such as "XX4"
            out = suggest(text.upper().replace(" ", ""), set(self._codes.values()), limit)
        return out[:limit]

    def names(self) -> Mapping[str, set[str]]:
        """Read-only view of the name table (name key -> codes): pinyin, English and
        aliases; the readings of readings.yaml are apart."""
        return self._names


_MACRONS = frozenset("ōū")


def _one(query: object, codes: set[str]) -> str:
    """The one code of ``codes``, or an :class:`AmbiguousPointError` naming them all."""
    if len(codes) == 1:
        return next(iter(codes))
    raise AmbiguousPointError(query, sorted(codes, key=_code_order))


PointIndex.__module__ = _index.__name__  # its home, for pickles, help() and the docs
