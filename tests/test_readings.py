"""The Korean and Vietnamese readings of readings.yaml: every record checked against its
point, a sample checked against a list typed here, and the lookups that accept them.

:data:`KOREAN` and :data:`VIETNAMESE` were typed for these tests from the usual Sino-Korean
and Hán-Việt readings of the characters, not copied from ``data/readings.yaml``; a reading
that the data leave out (see docs/provenance.md) is not in them.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from acupoints import KnowledgeBase
from acupoints.cli import main
from acupoints.errors import AmbiguousPointError, DataError, QueryError, UnknownPointError
from acupoints.export import POINT_COLUMNS, point_rows
from acupoints.integrity import check_dataset
from acupoints.models import KoreanReading, PointReadings, VietnameseReading, romanize_hangul
from acupoints.names import name_key

KOREAN = {
    "LU1": "중부",
    "LU5": "척택",
    "LU7": "열결",
    "LU9": "태연",
    "LU11": "소상",
    "LI4": "합곡",
    "LI11": "곡지",
    "LI15": "견우",
    "LI20": "영향",
    "ST1": "승읍",
    "ST25": "천추",
    "ST36": "족삼리",
    "ST40": "풍륭",
    "ST44": "내정",
    "SP1": "은백",
    "SP6": "삼음교",
    "SP9": "음릉천",
    "SP10": "혈해",
    "HT3": "소해",
    "HT7": "신문",
    "SI3": "후계",
    "SI8": "소해",
    "BL1": "정명",
    "BL40": "위중",
    "BL60": "곤륜",
    "BL67": "지음",
    "KI1": "용천",
    "KI3": "태계",
    "KI7": "복류",
    "PC6": "내관",
    "PC8": "노궁",
    "TE5": "외관",
    "TE17": "예풍",
    "GB20": "풍지",
    "GB30": "환도",
    "GB34": "양릉천",
    "GB41": "족임읍",
    "LR3": "태충",
    "LR14": "기문",
    "SP11": "기문",
    "GV4": "명문",
    "GV14": "대추",
    "GV20": "백회",
    "GV26": "수구",
    "CV4": "관원",
    "CV6": "기해",
    "CV12": "중완",
    "CV17": "단중",
}

VIETNAMESE = {
    "LU1": "Trung phủ",
    "LU7": "Liệt khuyết",
    "LU9": "Thái uyên",
    "LU11": "Thiếu thương",
    "LI11": "Khúc trì",
    "LI20": "Nghênh hương",
    "ST36": "Túc tam lý",
    "ST40": "Phong long",
    "SP6": "Tam âm giao",
    "SP9": "Âm lăng tuyền",
    "SP10": "Huyết hải",
    "HT7": "Thần môn",
    "SI3": "Hậu khê",
    "BL40": "Ủy trung",
    "KI1": "Dũng tuyền",
    "KI3": "Thái khê",
    "PC6": "Nội quan",
    "TE5": "Ngoại quan",
    "GB20": "Phong trì",
    "GB34": "Dương lăng tuyền",
    "LR3": "Thái xung",
    "GV4": "Mệnh môn",
    "GV20": "Bách hội",
    "CV4": "Quan nguyên",
    "CV6": "Khí hải",
}


def _same(a: str, b: str) -> bool:
    """Equal as Vietnamese text, wherever the tone mark sits (ủy and uỷ)."""

    def key(text: str) -> tuple[str, str]:
        d = unicodedata.normalize("NFD", text.lower())
        tones = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
        return "".join(c for c in d if c not in tones), tones

    return key(a) == key(b)


# ------------------------------------------------------------------ every record
def test_every_reading_names_a_standard_point_and_matches_its_characters(
    kb: KnowledgeBase,
) -> None:
    records = kb._data.readings
    assert len({r.code for r in records}) == len(records)
    for r in records:
        point = kb.point_map[r.code]
        assert not point.is_extra, r.code
        n = len(point.names.hanzi)
        if r.korean is not None:
            assert len(r.korean.hangul) == n, r.code
            # one romanised syllable at least per character, all ASCII letters
            assert r.korean.romanized.isascii() and r.korean.romanized.isalpha(), r.code
        if r.vietnamese is not None:
            assert len(r.vietnamese.name.split()) == n, r.code
            assert r.vietnamese.name[0].isupper(), r.code


def test_every_reading_cites_the_per_point_source_and_its_check(kb: KnowledgeBase) -> None:
    for r in kb._data.readings:
        if r.korean is not None:
            assert set(r.korean.sources) == {"wikipedia", "hanja_table"}, r.code
        if r.vietnamese is not None:
            assert set(r.vietnamese.sources) == {"wikipedia", "hanviet_wordlist"}, r.code
    for sid in ("wikipedia", "hanja_table", "hanviet_wordlist"):
        assert kb.source(sid).license


def test_coverage_is_what_the_docs_say(kb: KnowledgeBase) -> None:
    """docs/provenance.md and data.md give these counts and list what is left out."""
    records = kb._data.readings
    korean = {r.code for r in records if r.korean is not None}
    vietnamese = {r.code for r in records if r.vietnamese is not None}
    assert (len(korean), len(vietnamese)) == (351, 310)
    left_out = {"ST45", "BL45", "TE13", "TE16", "LR9", "LR12", "LI19", "TE22", "KI20", "BL29"}
    assert {p.code for p in kb.standard_points} - korean == left_out
    assert "LI4" not in vietnamese


# ------------------------------------------------------------------ a typed sample
@pytest.mark.parametrize(("code", "hangul"), sorted(KOREAN.items()))
def test_korean_reading_against_the_typed_list(kb: KnowledgeBase, code: str, hangul: str) -> None:
    readings = kb.readings(code)
    assert readings is not None and readings.korean is not None
    assert readings.korean.hangul == hangul


@pytest.mark.parametrize(("code", "name"), sorted(VIETNAMESE.items()))
def test_vietnamese_reading_against_the_typed_list(kb: KnowledgeBase, code: str, name: str) -> None:
    readings = kb.readings(code)
    assert readings is not None and readings.vietnamese is not None
    assert _same(readings.vietnamese.name, name), (readings.vietnamese.name, name)


# ------------------------------------------------------------------ romanisation
@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("합곡", "Hapgok"),
        ("족삼리", "Joksamri"),
        ("중부", "Jungbu"),
        ("일월", "Ilwol"),
        ("할로", "Hallo"),  # ㄹ after ㄹ is l
        ("의사", "Uisa"),
        ("예풍", "Yepung"),
        ("쌍", "Ssang"),
    ],
)
def test_romanize_hangul(hangul: str, latin: str) -> None:
    assert romanize_hangul(hangul) == latin


@pytest.mark.parametrize("bad", ["", "hapgok", "合谷", "합 곡", 3])
def test_romanize_hangul_rejects_what_is_not_hangul(bad: object) -> None:
    with pytest.raises(QueryError):
        romanize_hangul(bad)  # type: ignore[arg-type]


# ------------------------------------------------------------------ lookups
@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("족삼리", "ST36"),
        (" 족삼리 ", "ST36"),
        ("Joksamri", "ST36"),
        ("joksamri", "ST36"),
        ("Túc tam lý", "ST36"),
        ("tuc tam ly", "ST36"),
        ("TUC TAM LY", "ST36"),
        ("합곡", "LI4"),
        ("Đại đô", "SP2"),
        ("dai do", "SP2"),
        ("Trung chú", "KI15"),
        ("Trung chử", "TE3"),
        ("태충", "LR3"),
        ("수구", "GV26"),
    ],
)
def test_lookup_by_reading(kb: KnowledgeBase, query: str, code: str) -> None:
    assert kb.point(query).code == code
    assert kb[query].code == code
    assert query in kb


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("소해", ["HT3", "SI8"]),  # 少海 and 小海
        ("Sohae", ["HT3", "SI8"]),
        ("기문", ["SP11", "LR14"]),  # 箕門 and 期門
        ("견정", ["SI9", "GB21"]),  # 肩貞 and 肩井
        ("trung chu", ["KI15", "TE3"]),  # without its marks
    ],
)
def test_a_reading_two_points_share_is_an_error_naming_both(
    kb: KnowledgeBase, query: str, codes: list[str]
) -> None:
    with pytest.raises(AmbiguousPointError) as exc:
        kb.point(query)
    assert exc.value.candidates == codes
    for code in codes:
        assert code in str(exc.value)
    with pytest.raises(AmbiguousPointError):
        kb.get(query)


def test_a_pinyin_name_wins_over_a_romanised_reading(kb: KnowledgeBase) -> None:
    """ "Yanggu" is SI5's pinyin and ST34's romanised Korean: the pinyin, which every
    lookup answered before the readings were added, still names SI5; the Hangul names
    ST34."""
    assert kb["Yanggu"].code == "SI5"
    assert kb["양구"].code == "ST34"
    readings = kb.readings("ST34")
    assert readings is not None and readings.korean is not None
    assert readings.korean.romanized == "Yanggu"


def test_a_point_without_a_reading_is_not_found_by_one(kb: KnowledgeBase) -> None:
    # BL45's source reading 의회 failed the check (譆 is 희) and is left out
    readings = kb.readings("BL45")
    assert readings is not None and readings.vietnamese is not None  # this one is kept
    assert readings.korean is None
    with pytest.raises(UnknownPointError):
        kb.point("의회")
    assert kb.readings("EX-HN3") is None


def test_pinyin_and_english_lookups_are_unchanged(kb: KnowledgeBase) -> None:
    assert kb.point("Hegu").code == "LI4"
    assert kb.point("Zusanli").code == "ST36"
    with pytest.raises(UnknownPointError) as exc:
        kb.point("Hegoo")
    assert exc.value.suggestions[0] == "LI4"


def test_readings_of_an_unknown_point_is_a_library_error(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownPointError):
        kb.readings("XX99")


# ------------------------------------------------------------------ the checks
def _with(kb: KnowledgeBase, *records: PointReadings) -> list[DataError]:
    return check_dataset(kb._data.model_copy(update={"readings": records}))


def test_check_catches_a_reading_of_the_wrong_length(kb: KnowledgeBase) -> None:
    bad = PointReadings(
        code="LI4",
        korean=KoreanReading(hangul="합곡곡", sources=("wikipedia",)),
        vietnamese=VietnameseReading(name="Hợp", sources=("wikipedia",)),
    )
    fields = {(p.entry, p.field) for p in _with(kb, bad)}
    assert fields == {("LI4", "korean.hangul"), ("LI4", "vietnamese.name")}


def test_check_catches_an_unknown_code_source_and_duplicate(kb: KnowledgeBase) -> None:
    ok = PointReadings(code="LI4", korean=KoreanReading(hangul="합곡", sources=("wikipedia",)))
    ghost = PointReadings(code="LU12", korean=KoreanReading(hangul="중부", sources=("nowhere",)))
    messages = [str(p) for p in _with(kb, ok, ok, ghost)]
    assert any("LI4" in m and "appears 2 times" in m for m in messages), messages
    assert any("LU12" in m and "no point" in m for m in messages), messages
    assert any("nowhere" in m for m in messages), messages
    assert _with(kb, ok) == []


def test_a_record_needs_a_reading_and_well_formed_text() -> None:
    with pytest.raises(ValueError, match="gives no reading"):
        PointReadings(code="LI4")
    with pytest.raises(ValueError):
        KoreanReading(hangul="hapgok", sources=("wikipedia",))
    with pytest.raises(ValueError):
        VietnameseReading(name="Hợp  cốc 2", sources=("wikipedia",))


def test_point_rows_carry_the_readings_and_their_sources(kb: KnowledgeBase) -> None:
    rows = {r["code"]: r for r in point_rows(kb)}
    assert {"korean", "vietnamese"} <= set(POINT_COLUMNS)
    assert (rows["ST36"]["korean"], rows["ST36"]["vietnamese"]) == ("족삼리", "Túc tam lý")
    assert "hanja_table" in rows["ST36"]["sources"].split("; ")
    assert (rows["LI4"]["korean"], rows["LI4"]["vietnamese"]) == ("합곡", None)
    assert "hanviet_wordlist" not in rows["LI4"]["sources"].split("; ")
    assert (rows["EX-HN3"]["korean"], rows["EX-HN3"]["vietnamese"]) == (None, None)


def test_the_point_command_shows_and_accepts_the_readings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["point", "족삼리"]) == 0
    out = capsys.readouterr().out
    assert "ST36  Zusanli" in out
    assert "readings : Korean 족삼리 (Joksamri); Vietnamese Túc tam lý" in out
    assert main(["point", "소해"]) == 2
    err = capsys.readouterr().err
    assert "HT3" in err and "SI8" in err and "Traceback" not in err
    assert main(["point", "Túc tam lý", "EX-HN3", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["readings"]["korean"]["hangul"] == "족삼리"
    assert data[1]["readings"] is None


def test_every_reading_finds_its_point(kb: KnowledgeBase) -> None:
    """Each form of each reading resolves to its point, or, where another point shares it,
    to an error that names this point among the candidates; a romanised form that is
    another point's pinyin or English name names that point (the names win)."""
    shared: set[str] = set()
    names = kb._index.names()
    for r in kb._data.readings:
        forms = []
        if r.korean is not None:
            forms += [r.korean.hangul, r.korean.romanized, r.korean.romanized.upper()]
        if r.vietnamese is not None:
            forms += [r.vietnamese.name, _strip(r.vietnamese.name)]
        for form in forms:
            try:
                found = [kb.point(form).code]
            except AmbiguousPointError as exc:
                found = exc.candidates
            if form != getattr(r.korean, "hangul", None) and r.code not in found:
                owners = names.get(name_key(form), set())
                assert owners and set(found) == owners, form  # another point's name won
                continue
            assert r.code in found, form
            if len(found) > 1 and form == getattr(r.korean, "hangul", None):
                shared.add(form)
    # the Hangul readings two points share (少海 HT3 and 小海 SI8 ...); a new one is a
    # change to review, not an accident
    assert shared == {"소해", "기문", "견정", "천정", "거료", "완골"}


def _strip(text: str) -> str:
    return "".join(
        c
        for c in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        if not unicodedata.combining(c)
    )
