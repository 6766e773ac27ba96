"""Lookups: every accepted spelling, every error path."""

from __future__ import annotations

import pickle

import pytest

import acupoints
from acupoints import (
    AcupointsError,
    AmbiguousPointError,
    KnowledgeBase,
    UnknownMeridianError,
    UnknownPointError,
)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("LI4", "LI4"),
        ("LI-4", "LI4"),
        ("li 4", "LI4"),
        ("LI04", "LI4"),
        ("L.I. 4", "LI4"),
        ("Hegu", "LI4"),
        ("hegu", "LI4"),
        ("HEGU", "LI4"),
        ("Hé Gǔ", "LI4"),
        ("He Gu", "LI4"),
        ("合谷", "LI4"),
        (" LI4 ", "LI4"),
        ("LV3", "LR3"),
        ("LIV3", "LR3"),
        ("Liv 3", "LR3"),
        ("Liver 3", "LR3"),
        ("SJ5", "TE5"),
        ("TB5", "TE5"),
        ("TH5", "TE5"),
        ("TW5", "TE5"),
        ("San Jiao 5", "TE5"),
        ("Du14", "GV14"),
        ("DU-14", "GV14"),
        ("GV 14", "GV14"),
        ("Governing Vessel 14", "GV14"),
        ("Ren12", "CV12"),
        ("RN12", "CV12"),
        ("REN-12", "CV12"),
        ("P6", "PC6"),
        ("HC6", "PC6"),
        ("Pericardium 6", "PC6"),
        ("H7", "HT7"),
        ("HE7", "HT7"),
        ("Heart 7", "HT7"),
        ("K1", "KI1"),
        ("KID1", "KI1"),
        ("Kidney 1", "KI1"),
        ("UB10", "BL10"),
        ("B10", "BL10"),
        ("Bladder 10", "BL10"),
        ("Stomach 36", "ST36"),
        ("Zusanli", "ST36"),
        ("足三里", "ST36"),
        ("Zú Sān Lǐ", "ST36"),
        ("EX-UE9", "EX-UE9"),
        ("ex ue 9", "EX-UE9"),
        ("EXUE9", "EX-UE9"),
        ("EX-UE-9", "EX-UE9"),
        ("UE9", "EX-UE9"),
        ("Baxie", "EX-UE9"),
        ("八邪", "EX-UE9"),
        ("EX-B2", "EX-B2"),
        ("Jiaji", "EX-B2"),
        ("Huatuojiaji", "EX-B2"),
        ("夾脊", "EX-B2"),
        ("夹脊", "EX-B2"),
        ("GV29", "EX-HN3"),
        ("Yintang", "EX-HN3"),
        ("Renzhong", "GV26"),
        ("人中", "GV26"),
        ("Shuigou", "GV26"),
        ("肩中俞", "SI15"),
        ("肩中兪", "SI15"),
        ("Jianzhongshu", "SI15"),
        ("Tianzhu", "BL10"),
        ("Dazhui", "GV14"),
        ("Yaoyangguan", "GV3"),
        ("Ciliao", "BL32"),
        ("Chiliao", "BL32"),
        ("次髎", "BL32"),
        ("Joining Valley", "LI4"),
        ("joining valley", "LI4"),
    ],
)
def test_spellings_reach_the_point(kb: KnowledgeBase, query: str, code: str) -> None:
    assert kb.point(query).code == code
    assert kb[query].code == code
    assert query in kb


def test_every_point_by_code_and_characters(kb: KnowledgeBase) -> None:
    bad = []
    for p in kb.points:
        for q in (p.code, p.code.lower(), p.names.hanzi, p.names.hanzi_simplified):
            if kb.get(q) is not p:
                bad.append(f"{p.code} via {q!r}")
    assert not bad


def test_every_point_by_pinyin_or_ambiguity(kb: KnowledgeBase) -> None:
    for p in kb.points:
        try:
            found = [kb[p.names.pinyin].code]
        except AmbiguousPointError as err:
            found = err.candidates
        assert p.code in found


def test_shared_pinyin_is_ambiguous(kb: KnowledgeBase) -> None:
    with pytest.raises(AmbiguousPointError) as exc:
        kb["Erjian"]
    assert exc.value.candidates == ["LI2", "EX-HN6"]
    assert "LI2" in str(exc.value) and "EX-HN6" in str(exc.value)
    # the characters tell them apart
    assert kb["二間"].code == "LI2" and kb["耳尖"].code == "EX-HN6"


def test_known_homophones(kb: KnowledgeBase) -> None:
    expected = {"Futu": ["LI18", "ST32"], "Zhongzhu": ["KI15", "TE3"], "Zhongdu": ["GB32", "LR6"]}
    for name, codes in expected.items():
        with pytest.raises(AmbiguousPointError) as exc:
            kb.point(name)
        assert exc.value.candidates == codes


def test_unknown_point_suggests_near_codes(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownPointError) as exc:
        kb.point("LI44")
    err = exc.value
    assert err.query == "LI44"
    assert "LI4" in err.suggestions
    assert "LI44" in str(err) and "did you mean" in str(err)
    assert isinstance(err, KeyError) and isinstance(err, AcupointsError)


def test_unknown_name_suggests_near_names(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownPointError) as exc:
        kb.point("Hegoo")
    assert exc.value.suggestions[0] == "LI4"


def test_misspelt_pinyin_suggestion(kb: KnowledgeBase) -> None:
    assert "ST36" in kb.suggest("Zusanlii")


@pytest.mark.parametrize(
    "query", ["", "   ", "XX4", "LI0", "LI21", "GV29a", "EX-ZZ1", "💥", "合谷谷", "Hegu Hegu"]
)
def test_unknown_queries(kb: KnowledgeBase, query: str) -> None:
    with pytest.raises(UnknownPointError):
        kb.point(query)
    assert kb.get(query) is None
    assert query not in kb


@pytest.mark.parametrize("query", [None, 4, 4.0, b"LI4", ["LI4"], object()])
def test_non_string_queries_raise_library_errors(kb: KnowledgeBase, query: object) -> None:
    with pytest.raises(UnknownPointError):
        kb.point(query)  # type: ignore[arg-type]
    assert kb.get(query) is None
    assert query not in kb


def test_get_with_default(kb: KnowledgeBase) -> None:
    sentinel = kb["LI4"]
    assert kb.get("nope", sentinel) is sentinel


def test_get_still_raises_on_ambiguity(kb: KnowledgeBase) -> None:
    with pytest.raises(AmbiguousPointError):
        kb.get("Erjian")
    assert "Erjian" in kb


def test_point_object_round_trips(kb: KnowledgeBase) -> None:
    p = kb["LI4"]
    assert kb.point(p) is p


def test_len_iter_and_order(kb: KnowledgeBase) -> None:
    assert len(kb) == 409
    codes = [p.code for p in kb]
    assert codes[0] == "LU1" and codes[360] == "CV24" and codes[361] == "EX-HN1"
    assert codes[-1] == "EX-LE12"
    assert kb.points == tuple(kb)


def test_meridian_lookups(kb: KnowledgeBase) -> None:
    for q, code in [
        ("LI", "LI"),
        ("li", "LI"),
        ("LV", "LR"),
        ("SJ", "TE"),
        ("TB", "TE"),
        ("Du", "GV"),
        ("Ren", "CV"),
        ("P", "PC"),
        ("Large Intestine", "LI"),
        ("Large Intestine Meridian", "LI"),
        ("Triple Burner", "TE"),
        ("Governing Vessel", "GV"),
        ("手陽明大腸經", "LI"),
    ]:
        assert kb.meridian(q).code == code, q


def test_unknown_meridian(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownMeridianError) as exc:
        kb.meridian("Large Intestin")
    assert exc.value.suggestions[0] == "LI"
    with pytest.raises(UnknownMeridianError):
        kb.meridian(None)  # type: ignore[arg-type]


def test_points_of_meridian_in_order(kb: KnowledgeBase) -> None:
    assert [p.code for p in kb.points_of("lv")] == [f"LR{i}" for i in range(1, 15)]


def test_neighbours(kb: KnowledgeBase) -> None:
    assert [p.code for p in kb.neighbours("LI4")] == ["LI3", "LI5"]
    assert [p.code for p in kb.neighbours("LI1")] == ["LI2"]
    assert [p.code for p in kb.neighbours("LI20")] == ["LI19"]
    assert kb.neighbours("EX-UE9") == ()


def test_search(kb: KnowledgeBase) -> None:
    assert [p.code for p in kb.search("sanli")] == ["LI10", "ST36"]
    assert kb.search("hegu")[0].code == "LI4"
    assert kb.search("Erjian")[:2] == [kb["LI2"], kb["EX-HN6"]]
    assert kb.search("谷")  # every point whose characters contain 谷
    assert all(
        "谷" in p.names.hanzi or "谷" in p.names.hanzi_simplified for p in kb.search("谷", limit=50)
    )
    assert kb.search("") == []


def test_a_limit_of_zero_finds_nothing(kb: KnowledgeBase) -> None:
    # found by the property over every method: difflib refuses n=0 when only near
    # spellings are left
    assert kb.search("numb", limit=0) == []
    assert kb.search("sanli", limit=0) == []
    assert kb.suggest("LI44", limit=0) == []
    assert kb.suggest("numb", limit=0) == []
    assert kb.search("numb", limit=1) and kb.suggest("LI44", limit=1)


def test_vessel_region_and_source_lookups(kb: KnowledgeBase) -> None:
    assert kb.vessel("chong").confluent_point == "SP4"
    assert kb.region("hand.dorsum").parent == "hand"
    assert kb.source("who2008").year == 2008
    with pytest.raises(acupoints.UnknownRegionError) as exc:
        kb.region("hand.dorsal")
    assert "hand.dorsum" in exc.value.suggestions
    with pytest.raises(acupoints.UnknownSourceError):
        kb.source("who2009")
    with pytest.raises(UnknownMeridianError):
        kb.vessel("CHONGG")


def test_has_category(kb: KnowledgeBase) -> None:
    assert kb["LI4"].has_category("yuan_source")
    assert kb["BL13"].has_category("back_shu", of="LU")
    assert not kb["BL13"].has_category("back_shu", of="HT")


def test_errors_pickle() -> None:
    for err in (
        UnknownPointError("LI44", ["LI4"]),
        AmbiguousPointError("Erjian", ["LI2", "EX-HN6"]),
        acupoints.DataError("bad", file="f.yaml", entry="LI4", field="names", line=3),
    ):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err)


def test_tiny_kb_lookups(tiny_kb: KnowledgeBase) -> None:
    assert tiny_kb["Alpha"].code == "LU1"
    with pytest.raises(AmbiguousPointError) as exc:
        tiny_kb["Beta"]
    assert exc.value.candidates == ["LU2", "LI2"]
    assert tiny_kb["丁"].code == "LI2"
    assert len(tiny_kb) == 5
    assert [p.code for p in tiny_kb.neighbours("LU2")] == ["LU1"]


@pytest.mark.parametrize(
    "query",
    [
        "TARA_0859695",
        "tara_0859695",
        "TARA:TARA_0859695",
        "http://www.acupunctureresearch.org/tara/ontology/TARA_0859695",
    ],
)
def test_lookup_by_tara_id(kb: KnowledgeBase, query: str) -> None:
    assert kb[query].code == "LI4"


def test_lookup_by_tara_variant_id(kb: KnowledgeBase) -> None:
    assert kb.point("TARA_7927421").code == "CV1"  # TARA's "CV 1 (Female)"
    assert "TARA_0000000" not in kb
