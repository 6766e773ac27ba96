"""The Japanese readings of readings.yaml: every record checked against its point and its
sources, a sample checked against a list typed here, the Hepburn romanisation, and the
lookups that accept them.

:data:`JAPANESE` was typed for these tests from the readings Japanese acupuncture teaching
uses, not copied from ``data/readings.yaml``; :data:`SHINJITAI` lists, from the Japanese
character reform, the traditional characters that Japanese writes in a simpler form.
"""

from __future__ import annotations

import copy
import json
import unicodedata
from typing import Any

import pytest

from acupoints import KnowledgeBase
from acupoints.cli import main
from acupoints.errors import AmbiguousPointError, DataError, QueryError, UnknownPointError
from acupoints.export import POINT_COLUMNS, point_rows
from acupoints.index import PointIndex
from acupoints.integrity import check_dataset
from acupoints.models import JapaneseReading, PointReadings, romanize_kana
from acupoints.names import kana_key, name_key, romaji_key

JAPANESE = {
    "LU1": "ちゅうふ",
    "LU5": "しゃくたく",
    "LU7": "れっけつ",
    "LU9": "たいえん",
    "LU11": "しょうしょう",
    "LI4": "ごうこく",
    "LI10": "てさんり",
    "LI11": "きょくち",
    "LI20": "げいこう",
    "ST7": "げかん",
    "ST25": "てんすう",
    "ST36": "あしさんり",
    "ST40": "ほうりゅう",
    "SP6": "さんいんこう",
    "SP9": "いんりょうせん",
    "SP10": "けっかい",
    "HT7": "しんもん",
    "SI3": "こうけい",
    "BL23": "じんゆ",
    "BL40": "いちゅう",
    "BL60": "こんろん",
    "BL67": "しいん",
    "KI1": "ゆうせん",
    "KI3": "たいけい",
    "PC6": "ないかん",
    "TE5": "がいかん",
    "GB20": "ふうち",
    "GB21": "けんせい",
    "GB30": "かんちょう",
    "GB34": "ようりょうせん",
    "LR3": "たいしょう",
    "LR14": "きもん",
    "GV14": "だいつい",
    "GV20": "ひゃくえ",
    "GV26": "すいこう",
    "CV4": "かんげん",
    "CV6": "きかい",
    "CV10": "げかん",
    "CV12": "ちゅうかん",
    "CV17": "だんちゅう",
}

# traditional form -> the form Japanese writes (the 1949 list of simplified characters and
# the JIS forms), for the characters of the point names
SHINJITAI = {
    "來": "来", "俠": "侠", "內": "内", "勞": "労", "卻": "却", "參": "参", "帶": "帯",
    "戶": "戸", "户": "戸", "攢": "攅", "會": "会", "條": "条", "榮": "栄", "樞": "枢",
    "橫": "横", "步": "歩", "歷": "歴", "歸": "帰", "氣": "気", "淸": "清", "溫": "温",
    "滿": "満", "澤": "沢", "營": "営", "窗": "窓", "絲": "糸", "經": "経", "缺": "欠",
    "聽": "聴", "腦": "脳", "膽": "胆", "臺": "台", "舍": "舎", "藏": "蔵", "處": "処",
    "虛": "虚", "谿": "渓", "豐": "豊", "邊": "辺", "鄉": "郷", "關": "関", "陷": "陥",
    "隱": "隠", "靈": "霊", "靑": "青", "頰": "頬",
}  # fmt: skip

# left out, and why (docs/provenance.md gives the same list)
LEFT_OUT = {
    "GV3": "sources disagree",  # ようようかん / こしようかん
    "GV19": "sources disagree",  # こうちょう / ごちょう
    "GB41": "sources disagree",  # そくりんきゅう / あしりんきゅう
    "GB44": "sources disagree",  # そくきょういん / あしきょういん
    "LI13": "native reading, one source",  # 手 て
    "LR10": "native reading, one source",  # 足 あし
    "BL66": "native reading, one source",
    "KI20": "native reading, one source",  # 腹 はら
    "GB11": "native reading, one source",  # 頭 あたま
    "GB15": "native reading, one source",
    "LI16": "check fails",  # 巨 こ is not a KANJIDIC2 on-reading
    "ST3": "check fails",
    "ST27": "check fails",
    "SP17": "check fails",
    "BL45": "check fails",
    "TE12": "check fails",
    "LI19": "not the WHO name",  # 禾髎 for 口禾髎
    "TE22": "not the WHO name",  # 和髎 for 耳和髎
}

SECOND = {"shinkyuu_db", "koukai_keiketsu"}


def _japanese(kb: KnowledgeBase) -> dict[str, JapaneseReading]:
    return {r.code: r.japanese for r in kb._data.readings if r.japanese is not None}


# ------------------------------------------------------------------ every record
def test_every_japanese_spelling_is_the_points_name_in_japanese_forms(kb: KnowledgeBase) -> None:
    """Character by character, the source's spelling is the WHO name or its Japanese
    simplified form; the one other difference is GB22, 淵腋 for WHO 淵液 (both えき)."""
    for code, jp in _japanese(kb).items():
        hanzi = kb.point_map[code].names.hanzi
        assert len(jp.kanji) == len(hanzi), code
        for ours, theirs in zip(hanzi, jp.kanji, strict=True):
            if ours == theirs or SHINJITAI.get(ours) == theirs:
                continue
            assert (code, ours, theirs) == ("GB22", "液", "腋")


def test_every_japanese_reading_is_hiragana_and_romanises(kb: KnowledgeBase) -> None:
    for code, jp in _japanese(kb).items():
        assert not kb.point_map[code].is_extra, code
        assert len(jp.kana) >= len(jp.kanji), code
        assert kana_key(jp.kana) == jp.kana, code
        latin = jp.romanized
        assert latin[0].isupper(), code
        assert set(latin.lower()) <= set("abcdefghijklmnopqrstuvwxyzōū'"), (code, latin)


def test_every_japanese_reading_has_two_sources_or_one_and_the_check(kb: KnowledgeBase) -> None:
    """parkunggi's table, and either a second table that gives the same reading or the
    KANJIDIC2 check, never both; a reading with a native (kun) part needs the second
    table."""
    for code, jp in _japanese(kb).items():
        sources = set(jp.sources)
        assert "parkunggi_readings" in sources, code
        rest = sources - {"parkunggi_readings"}
        assert rest == {"kanjidic2"} or (rest and rest <= SECOND), (code, sources)
        native = {"足": "あし", "手": "て", "頭": "あたま", "腹": "はら", "腰": "こし"}
        if jp.kana.startswith(native.get(jp.kanji[0], "-")):
            assert rest <= SECOND, code
    for sid in ("parkunggi_readings", "kanjidic2", *SECOND):
        assert kb.source(sid).license


def test_japanese_coverage_is_what_the_docs_say(kb: KnowledgeBase) -> None:
    japanese = _japanese(kb)
    assert len(japanese) == 343
    assert {p.code for p in kb.standard_points} - set(japanese) == set(LEFT_OUT)
    two = [c for c, jp in japanese.items() if "kanjidic2" not in jp.sources]
    assert (len(two), len(japanese) - len(two)) == (179, 164)


# ------------------------------------------------------------------ a typed sample
@pytest.mark.parametrize(("code", "kana"), sorted(JAPANESE.items()))
def test_japanese_reading_against_the_typed_list(kb: KnowledgeBase, code: str, kana: str) -> None:
    readings = kb.readings(code)
    assert readings is not None and readings.japanese is not None
    assert readings.japanese.kana == kana


def test_native_readings_are_kept_only_with_two_sources(kb: KnowledgeBase) -> None:
    st36 = kb.readings("ST36")
    assert st36 is not None and st36.japanese is not None
    assert (st36.japanese.kanji, st36.japanese.kana) == ("足三里", "あしさんり")
    assert "shinkyuu_db" in st36.japanese.sources
    lr10 = kb.readings("LR10")  # 足五里: parkunggi's あしごり alone
    assert lr10 is None or lr10.japanese is None


# ------------------------------------------------------------------ romanisation
@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("ごうこく", "Gōkoku"),
        ("あしさんり", "Ashisanri"),
        ("ひゃくえ", "Hyakue"),
        ("しゃくたく", "Shakutaku"),
        ("ちゅうふ", "Chūfu"),
        ("じょうかん", "Jōkan"),
        ("きょっこつ", "Kyokkotsu"),  # small tsu doubles the consonant
        ("はっち", "Hatchi"),  # and is t before ch
        ("しんえ", "Shin'e"),  # n before a vowel
        ("きんゆ", "Kin'yu"),
        ("えいふう", "Eifū"),
        ("ぢ", "Ji"),
    ],
)
def test_romanize_kana(kana: str, latin: str) -> None:
    assert romanize_kana(kana) == latin


@pytest.mark.parametrize("bad", ["", "gokoku", "合谷", "ゴウコク", "ごう こく", "っ", "あっあ", 3])
def test_romanize_kana_rejects_what_is_not_hiragana(bad: object) -> None:
    with pytest.raises(QueryError):
        romanize_kana(bad)  # type: ignore[arg-type]


def test_kana_key_folds_katakana_and_refuses_other_text() -> None:
    assert kana_key(" ゴウコク ") == "ごうこく"
    assert kana_key("ごう・こく") == "ごうこく"
    assert kana_key("合谷") is None
    assert kana_key("ゴーコク") is None  # a long-vowel bar is not how a reading is written
    assert kana_key("") is None


# ------------------------------------------------------------------ lookups
@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("ごうこく", "LI4"),
        ("ゴウコク", "LI4"),
        ("Gōkoku", "LI4"),
        ("gokoku", "LI4"),
        ("あしさんり", "ST36"),
        ("Ashisanri", "ST36"),
        ("百会", "GV20"),  # the Japanese form of 百會
        ("ひゃくえ", "GV20"),
        ("列欠", "LU7"),  # 欠 for 缺
        ("尺沢", "LU5"),  # 沢 for 澤
        ("淵腋", "GB22"),  # the Japanese name where WHO writes 淵液
        ("いんりょうせん", "SP9"),
    ],
)
def test_lookup_by_japanese_reading(kb: KnowledgeBase, query: str, code: str) -> None:
    assert kb.point(query).code == code
    assert kb[query].code == code
    assert query in kb


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("しょうしょう", ["LU11", "HT9", "CV24"]),  # 少商, 少衝 and 承漿
        ("Shōshō", ["LU11", "HT9", "CV24"]),
        ("げかん", ["ST7", "CV10"]),  # 下関 and 下脘
        ("しょうよう", ["LI1", "ST42"]),  # 商陽 and 衝陽
    ],
)
def test_a_japanese_reading_points_share_is_an_error_naming_each(
    kb: KnowledgeBase, query: str, codes: list[str]
) -> None:
    with pytest.raises(AmbiguousPointError) as exc:
        kb.point(query)
    assert exc.value.candidates == codes
    for code in codes:
        assert code in str(exc.value)


def test_a_reading_left_out_finds_nothing(kb: KnowledgeBase) -> None:
    for kana in ("こしようかん", "ようようかん", "ごちょう", "そくりんきゅう"):
        with pytest.raises(UnknownPointError):
            kb.point(kana)
    assert kb.point("GV3").code == "GV3"


def test_every_japanese_reading_finds_its_point(kb: KnowledgeBase) -> None:
    """Each form resolves to its point or to an error naming it among others; no
    romanised form is another point's pinyin or English name (checked when the readings
    were added, so the names' precedence changes nothing here)."""
    names = kb._index.names()
    for code, jp in _japanese(kb).items():
        assert name_key(jp.romanized) not in names, code
        for form in (jp.kana, jp.kanji, jp.romanized, jp.romanized.upper()):
            try:
                found = [kb.point(form).code]
            except AmbiguousPointError as exc:
                found = exc.candidates
            assert code in found, (code, form)


# ------------------------------------------------------------------ the checks
def test_check_catches_a_japanese_spelling_of_the_wrong_length(kb: KnowledgeBase) -> None:
    bad = PointReadings(
        code="LI19",
        japanese=JapaneseReading(kana="かりょう", kanji="禾髎", sources=("parkunggi_readings",)),
    )
    problems = check_dataset(kb._data.model_copy(update={"readings": (bad,)}))
    assert [(p.entry, p.field) for p in problems] == [("LI19", "japanese.kanji")]
    assert all(isinstance(p, DataError) for p in problems)


def test_a_japanese_reading_must_be_hiragana_and_kanji() -> None:
    with pytest.raises(ValueError):
        JapaneseReading(kana="gokoku", kanji="合谷", sources=("kanjidic2",))
    with pytest.raises(ValueError):
        JapaneseReading(kana="ゴウコク", kanji="合谷", sources=("kanjidic2",))
    with pytest.raises(ValueError):
        JapaneseReading(kana="ごうこく", kanji="ごうこく", sources=("kanjidic2",))
    assert PointReadings(
        code="LI4", japanese=JapaneseReading(kana="ごうこく", kanji="合谷", sources=("x",))
    ).japanese


def test_the_point_command_shows_the_japanese_reading(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["point", "ようりょうせん"]) == 0
    out = capsys.readouterr().out
    assert "GB34  Yanglingquan" in out
    assert "Japanese 陽陵泉 ようりょうせん (Yōryōsen)" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert main(["point", "しょうしょう"]) == 2
    err = capsys.readouterr().err
    assert "LU11" in err and "CV24" in err and "Traceback" not in err
    assert main(["point", "ST36", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["readings"]["japanese"]["kana"] == "あしさんり"


def test_point_rows_carry_the_japanese_reading_and_its_sources(kb: KnowledgeBase) -> None:
    rows = {r["code"]: r for r in point_rows(kb)}
    assert "japanese" in POINT_COLUMNS
    assert rows["ST36"]["japanese"] == "あしさんり"
    assert "shinkyuu_db" in rows["ST36"]["sources"].split("; ")
    assert rows["GV3"]["japanese"] is None
    assert "parkunggi_readings" not in rows["GV3"]["sources"].split("; ")
    assert rows["EX-HN3"]["japanese"] is None


# ------------------------------------------------------------------ keyboard spellings
# How a Japanese keyboard types each kana (wāpuro romaji), typed here for these tests
# rather than taken from acupoints.models: the kana one by one, so a long vowel is the
# vowel kana it is written with (こう kou, ちゅう chuu), ん is n or nn, っ doubles the next
# consonant (っち cchi).
_WAPURO_KANA = (
    "あいうえおかきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでどなにぬねの"
    "はひふへほばびぶべぼぱぴぷぺぽまみむめもやゆよらりるれろわを"
)
_WAPURO_LATIN = (
    "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te "
    "to da di du de do na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi "
    "mu me mo ya yu yo ra ri ru re ro wa wo"
)
_WAPURO = dict(zip(_WAPURO_KANA, _WAPURO_LATIN.split(), strict=True))
_WAPURO_SMALL = {"ゃ": "ya", "ゅ": "yu", "ょ": "yo"}
_WAPURO_DIGRAPH = {"し": "sh", "ち": "ch", "じ": "j"}  # しゃ sha, ちゅ chu, じょ jo


def _wapuro(kana: str, n: str = "n") -> str:
    out: list[str] = []
    for i, ch in enumerate(kana):
        if ch in _WAPURO_SMALL:
            prev = kana[i - 1]
            out[-1] = _WAPURO_DIGRAPH.get(prev, _WAPURO[prev][:-1] + "y")
            out.append(_WAPURO_SMALL[ch][1:])
        elif ch == "ん":
            out.append(n)
        elif ch == "っ":
            out.append("っ")
        else:
            out.append(_WAPURO[ch])
    text = "".join(out)
    while "っ" in text:  # the consonant after the small tsu, doubled
        i = text.index("っ")
        text = text[:i] + text[i + 1] + text[i + 1 :]
    return text


def _outcome(index: PointIndex, query: str) -> tuple[str, tuple[str, ...]]:
    try:
        return ("point", (index.resolve(query),))
    except AmbiguousPointError as exc:
        return ("several", tuple(exc.candidates))
    except UnknownPointError as exc:
        return ("unknown", tuple(exc.suggestions))


def test_wapuro_transliteration_of_the_tests() -> None:
    assert _wapuro("ごうこく") == "goukoku"
    assert _wapuro("ちゅうしょう") == "chuushou"
    assert _wapuro("しんえ", n="nn") == "shinne"
    assert _wapuro("はっち") == "hacchi"
    assert _wapuro("きょくち") == "kyokuchi"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("goukoku", "gOkoku"),
        ("gookoku", "gOkoku"),
        ("gohkoku", "gOkoku"),
        ("Gôkoku", "gOkoku"),
        ("GŌKOKU", "gOkoku"),
        ("gokoku", "gokoku"),  # the o typed short stays short
        ("Chohe", "chOe"),  # oh is a long o even before a vowel (ちょうえ GB2), on both sides
        ("ohyaku", "Oyaku"),  # as long o before y: passport spelling writes "Shohyoh"
        ("Kēkyo", "keikyo"),
        ("keekyo", "keikyo"),
        ("kin'yu", "kinyu"),
        ("kinnyu", "kinyu"),
        ("hacchi", "hatchi"),
        ("jyoukan", "jOkan"),
        ("  ", None),
        ("合谷", None),
    ],
)
def test_romaji_key(query: str, expected: str | None) -> None:
    assert romaji_key(query) == expected


def test_every_japanese_reading_is_found_by_its_keyboard_spelling(kb: KnowledgeBase) -> None:
    """The kana typed on a keyboard, with ou/oo/oh for a long o, uu for a long u, n or nn
    for ん, capitalised or not, finds what the kana finds: the same point, or the same
    points when a reading is shared. So the key joins no two readings the kana keep apart
    (the bare Hepburn letters do: "chusho" is PC9 ちゅうしょう and TE3 ちゅうしょ)."""
    japanese = _japanese(kb)
    assert len(japanese) == 343
    for code, jp in japanese.items():
        want = _outcome(kb._index, jp.kana)
        assert code in want[1], code
        typed = _wapuro(jp.kana)
        forms = {
            typed,
            _wapuro(jp.kana, n="nn"),
            typed.replace("ou", "oo"),
            typed.replace("ou", "oh"),
            typed.capitalize(),
            typed.upper(),
            jp.romanized,  # with its macrons, which tell long from short
        }
        for form in forms:
            assert _outcome(kb._index, form) == want, (code, jp.kana, form)
    assert kb.point("chuushou").code == "PC9"
    assert kb.point("chuusho").code == "TE3"
    with pytest.raises(AmbiguousPointError):
        kb.point("chusho")


def _other_queries(kb: KnowledgeBase) -> list[str]:
    """Every way of asking for a point other than its Japanese reading: codes and their
    variants, pinyin with and without tones, English names, aliases, characters, TARA ids,
    the Korean and Vietnamese readings, and each pinyin with one letter dropped (the
    typing slip most likely to meet a Japanese reading, both being syllables of Han
    characters in Latin letters)."""
    out: list[str] = []
    for p in kb.points:
        out += [p.code, p.code.lower(), p.code.replace("-", " "), p.names.pinyin]
        out += [p.names.english, p.names.hanzi, p.names.hanzi_simplified]
        out += [unicodedata.normalize("NFKD", p.names.pinyin), name_key(p.names.pinyin)]
        out += [a.name for a in p.aliases] + [x.id for x in p.xrefs]
        out += [p.names.pinyin[:i] + p.names.pinyin[i + 1 :] for i in range(len(p.names.pinyin))]
    for r in kb._data.readings:
        if r.korean is not None:
            out += [r.korean.hangul, r.korean.romanized]
        if r.vietnamese is not None:
            out += [r.vietnamese.name, name_key(r.vietnamese.name)]
    return sorted(set(out))


def test_no_other_lookup_changes_its_answer(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every code, pinyin, English, alias, character, TARA, Korean and Vietnamese query,
    and each pinyin with a letter dropped, gets the answer (point, points or suggestions)
    that the index gives without its table of keyboard spellings.

    The copy shares the index's name tables (a shallow copy), so the nearest names of a
    query among one of them are worked out once for both indexes and remembered by the
    table's identity: the unknown queries' suggestions were nine tenths of this test's 26 s.
    Anything that differs between the two indexes is still looked up in each."""
    before = copy.copy(kb._index)
    before._romaji = {}
    queries = _other_queries(kb)
    assert len(queries) > 5_000
    import acupoints._point_index as point_index

    nearest = point_index.suggest
    memo: dict[tuple[str, int, int], list[str]] = {}
    tables: list[object] = []  # keeps every table looked in alive, so no id is reused

    def remembered(query: str, candidates: Any, limit: int = 5) -> list[str]:
        key = (query, id(candidates), limit)
        if key not in memo:
            tables.append(candidates)
            memo[key] = nearest(query, candidates, limit)
        return list(memo[key])

    monkeypatch.setattr(point_index, "suggest", remembered)
    changed = [q for q in queries if _outcome(kb._index, q) != _outcome(before, q)]
    assert changed == []
    assert len(memo) > 1_000  # the unknown queries did ask for suggestions
