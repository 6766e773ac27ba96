"""Hypothesis strategies over the knowledge base, for property tests in other projects.

```pycon
>>> from hypothesis import given
>>> from acupoints.testing import strategies as ast
>>> @given(ast.point_spellings())
... def test_every_spelling_finds_its_point(pair):
...     code, spelling = pair
...     assert acupoints.load().point(spelling).code == code
>>> import acupoints; test_every_spelling_finds_its_point()

```

Every strategy takes an optional ``kb`` (default: the packaged data, loaded when the
strategy is first drawn from) and draws only values that ``kb`` accepts.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..models import Location, Point
    from ..safety import Patient
    from ..selection import Selection

__all__ = [
    "causes",
    "location_texts",
    "locations",
    "meridian_codes",
    "patients",
    "point_codes",
    "point_names",
    "point_spellings",
    "points",
    "region_ids",
    "selections",
]


def _kb(kb: KnowledgeBase | None) -> KnowledgeBase:
    if kb is not None:
        return kb
    from .. import load

    return load()


def _deferred(make: Any, kb: KnowledgeBase | None) -> st.SearchStrategy[Any]:
    """Build the strategy on first draw, so that importing a test module loads nothing."""
    return st.deferred(lambda: make(_kb(kb)))


def point_codes(
    kb: KnowledgeBase | None = None, *, standard: bool | None = None
) -> st.SearchStrategy[str]:
    """Canonical point codes (``LI4``, ``EX-UE9``); ``standard=True`` only the WHO
    standard points, ``False`` only the extra points."""

    def make(k: KnowledgeBase) -> st.SearchStrategy[str]:
        pts = k.points if standard is None else k.standard_points if standard else k.extra_points
        return st.sampled_from([p.code for p in pts])

    return _deferred(make, kb)


def points(kb: KnowledgeBase | None = None) -> st.SearchStrategy[Point]:
    """Point records."""
    return _deferred(lambda k: st.sampled_from(k.points), kb)


def meridian_codes(kb: KnowledgeBase | None = None) -> st.SearchStrategy[str]:
    """Codes of the meridians and of the Governor and Conception vessels."""
    return _deferred(lambda k: st.sampled_from([m.code for m in k.meridians]), kb)


def region_ids(kb: KnowledgeBase | None = None) -> st.SearchStrategy[str]:
    """Body region ids (``hand.dorsum``, ``foot.sole`` ...)."""
    return _deferred(lambda k: st.sampled_from([r.id for r in k.regions]), kb)


def causes(kb: KnowledgeBase | None = None) -> st.SearchStrategy[str | None]:
    """Cause ids, or ``None`` (no cause given)."""
    return _deferred(lambda k: st.sampled_from([None, *(c.id for c in k.causes)]), kb)


@lru_cache(maxsize=8)
def _spellings(kb: KnowledgeBase) -> tuple[tuple[str, str], ...]:
    """Every (code, spelling) pair the lookup accepts, built from the data and the
    documented normalisation (not from the lookup index itself)."""
    from ..names import name_key

    counts: Counter[str] = Counter()
    for p in kb.points:
        keys = {name_key(p.names.pinyin), name_key(p.names.english)}
        keys |= {name_key(a.name) for a in p.aliases if a.kind in ("pinyin", "english")}
        counts.update(keys)
    prefixes: dict[str, list[str]] = {}
    for m in kb.meridians:
        forms = [m.code, *(a for a in m.aliases if a.replace(" ", "").isalpha())]
        prefixes[m.code] = list(dict.fromkeys(forms))
    out: list[tuple[str, str]] = []
    for p in kb.points:
        c = p.code
        forms = [c, c.lower(), f"  {c} "]
        if p.meridian is None:
            group = p.code.removeprefix("EX-").rstrip("0123456789")
            forms += [f"EX {group} {p.number}", f"ex-{group.lower()}-{p.number}"]
        else:
            for prefix in prefixes.get(p.meridian, [p.meridian]):
                forms += [f"{prefix}{p.number}", f"{prefix}-{p.number}", f"{prefix} {p.number}"]
            forms.append(f"{p.meridian}{p.number:02d}")
        forms += [p.names.hanzi, p.names.hanzi_simplified]
        forms += [a.name for a in p.aliases if a.kind in ("code", "hanzi")]
        for name in (p.names.pinyin, p.names.english):
            if counts[name_key(name)] == 1:
                forms += [name, name.lower(), name.upper()]
        for a in p.aliases:
            if a.kind in ("pinyin", "english") and counts[name_key(a.name)] == 1:
                forms.append(a.name)
        out += [(c, f) for f in dict.fromkeys(forms)]
    return tuple(out)


def point_spellings(kb: KnowledgeBase | None = None) -> st.SearchStrategy[tuple[str, str]]:
    """``(code, spelling)`` pairs: every accepted way of writing a point (code with any
    separator or case, legacy meridian prefixes such as ``LV3``/``SJ5``/``Du14``,
    traditional and simplified characters, pinyin and English names and aliases that
    name one point only)."""
    return _deferred(lambda k: st.sampled_from(_spellings(k)), kb)


def point_names(kb: KnowledgeBase | None = None) -> st.SearchStrategy[str]:
    """Spellings alone (see :func:`point_spellings`)."""
    return point_spellings(kb).map(lambda pair: pair[1])


def locations(
    kb: KnowledgeBase | None = None, *, max_regions: int = 3
) -> st.SearchStrategy[Location]:
    """Prepared :class:`~acupoints.Location` values: 1 to ``max_regions`` region ids,
    some with an aspect, and a side or none."""

    def make(k: KnowledgeBase) -> st.SearchStrategy[Location]:
        ids = [r.id for r in k.regions]
        aspects = ["anterior", "posterior", "medial", "lateral", "dorsal", "palmar", "plantar"]
        one = st.one_of(
            st.sampled_from(ids),
            st.tuples(st.sampled_from(ids), st.lists(st.sampled_from(aspects), max_size=1)),
        )
        return st.builds(
            lambda regions, side: k.location(regions, side=side),
            st.lists(one, min_size=1, max_size=max_regions, unique_by=_region_of),
            st.sampled_from([None, "left", "right", "both"]),
        )

    return _deferred(make, kb)


def _region_of(item: Any) -> str:
    return item if isinstance(item, str) else str(item[0])


def location_texts(kb: KnowledgeBase | None = None) -> st.SearchStrategy[str]:
    """Plain-language descriptions that :func:`~acupoints.parse_location` reads: a
    symptom word, an optional side and a body-part phrase from the region synonyms."""

    def make(k: KnowledgeBase) -> st.SearchStrategy[str]:
        # plain synonyms name a region on their own; the ones that carry an aspect
        # ("plantar", "shin") are kept for the parser's other tests
        phrases = sorted(
            {s for r in k.regions if r.id != "body" for s in r.synonyms if isinstance(s, str)}
        )
        return st.builds(
            lambda what, side, part: f"{what} {side}{part}".strip(),
            st.sampled_from(["numbness in my", "numb", "tingling in the", "pins and needles in"]),
            st.sampled_from(["", "left ", "right ", "both "]),
            st.sampled_from(phrases),
        )

    return _deferred(make, kb)


def patients(kb: KnowledgeBase | None = None) -> st.SearchStrategy[Patient]:
    """:class:`~acupoints.Patient` values over every field: conditions, pregnancy with
    or without a week, skin lesions, tumour and joint-replacement sites on real regions,
    lymphoedematous limbs."""
    from ..safety import Patient

    def make(k: KnowledgeBase) -> st.SearchStrategy[Patient]:
        flags = {
            name: st.booleans()
            for name, f in Patient.model_fields.items()
            if f.annotation in (bool, "bool")
        }
        regions = [r.id for r in k.regions]

        def build(  # type: ignore[no-untyped-def]
            values: dict[str, Any],
            week: int | None,
            lesions: list[str],
            limbs: list[str],
            sites: tuple[list[str], list[str]],
        ):
            if week is not None:
                values = {**values, "pregnant": True}
            return Patient(
                **values,
                pregnancy_week=week if values.get("pregnant") else None,
                skin_lesions=tuple(lesions),
                tumour_sites=tuple(sites[0]),
                joint_prostheses=tuple(sites[1]),
                lymphoedema=tuple(limbs),
            )

        return st.builds(
            build,
            st.fixed_dictionaries({}, optional=flags),
            st.none() | st.integers(min_value=1, max_value=42),
            st.lists(st.sampled_from(regions), max_size=2, unique=True),
            st.lists(
                st.sampled_from(["left_arm", "right_arm", "left_leg", "right_leg"]),
                max_size=2,
                unique=True,
            ),
            st.tuples(
                st.lists(st.sampled_from(regions), max_size=1),
                st.lists(st.sampled_from(regions), max_size=1),
            ),
        )

    return _deferred(make, kb)


def selections(
    kb: KnowledgeBase | None = None, *, with_patient: bool = True
) -> st.SearchStrategy[Selection]:
    """Selections made by ``kb.select`` from drawn locations, causes, tenderness and
    (when ``with_patient``) patients."""

    def make(k: KnowledgeBase) -> st.SearchStrategy[Selection]:
        pats: st.SearchStrategy[Any] = patients(k) | st.none() if with_patient else st.none()
        return st.builds(
            lambda loc, cause, tender, patient, limit: k.select(
                loc, cause=cause, tenderness=tender, patient=patient, limit=limit
            ),
            locations(k),
            causes(k),
            st.sampled_from(["pronounced", "vague", "unknown"]),
            pats,
            st.integers(min_value=1, max_value=15),
        )

    return _deferred(make, kb)
