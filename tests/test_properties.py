"""Property tests of the query side: any input gives an answer or a library error."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acupoints import AcupointsError, KnowledgeBase, Point
from acupoints.names import code_key, hanzi_key, name_key

SETTINGS = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

code_like = st.builds(
    lambda prefix, sep, num: f"{prefix}{sep}{num}",
    st.sampled_from(["LI", "li", "LV", "SJ", "Du", "REN", "P", "EX-UE", "ex hn", "XX", "B", "K"]),
    st.sampled_from(["", "-", " ", ".", "0"]),
    st.integers(min_value=-3, max_value=80),
)
anything = st.one_of(
    st.text(max_size=40),
    code_like,
    st.none(),
    st.integers(),
    st.floats(),
    st.binary(max_size=10),
    st.lists(st.text(max_size=3), max_size=3),
)


@SETTINGS
@given(query=anything)
def test_lookup_answers_or_raises_a_library_error(kb: KnowledgeBase, query: object) -> None:
    try:
        result = kb.point(query)  # type: ignore[arg-type]
    except AcupointsError:
        return
    assert isinstance(result, Point)


@SETTINGS
@given(query=anything)
def test_lookup_is_deterministic(kb: KnowledgeBase, query: object) -> None:
    def once() -> str:
        try:
            return kb.point(query).code  # type: ignore[arg-type]
        except AcupointsError as err:
            return f"{type(err).__name__}: {err}"

    assert once() == once()


@SETTINGS
@given(query=st.text(max_size=30))
def test_get_contains_and_search_never_raise_unknown(kb: KnowledgeBase, query: str) -> None:
    try:
        found = kb.get(query)
    except AcupointsError:  # only an ambiguous name may raise from get()
        assert query in kb
        return
    assert (found is not None) == (query in kb)
    assert all(isinstance(p, Point) for p in kb.search(query))


@SETTINGS
@given(st.data())
def test_every_point_survives_respelling(kb: KnowledgeBase, data: st.DataObject) -> None:
    p = data.draw(st.sampled_from(kb.points))
    spelling = data.draw(
        st.sampled_from(
            [
                p.code,
                p.code.lower(),
                p.code.replace("EX-", "ex "),
                p.code if p.meridian is None else f"{p.meridian}-{p.number:02d}",
                p.names.hanzi,
                p.names.hanzi_simplified,
                f"  {p.code}  ",
            ]
        )
    )
    assert kb.point(spelling) is p


@given(st.text(max_size=30))
def test_normalisers_are_total(text: str) -> None:
    name = name_key(text)
    assert re.fullmatch(r"[a-z0-9]*", name) and name_key(name) == name
    han = hanzi_key(text)
    assert han is None or (han and " " not in han and hanzi_key(han) == han)
    code = code_key(text, {"LI": "LI"})
    assert code is None or re.fullmatch(r"LI[1-9]\d*|EX-(HN|CA|B|UE|LE)[1-9]\d*", code), code
