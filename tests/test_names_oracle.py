"""Every point's characters and pinyin against a list kept here, not derived from
``data/points.yaml``: the WHO standard names (WHO 2008 for the 361 standard points, WHO
1991 for the 48 extra points) written out in traditional characters, one string per
meridian in point order.

The list was typed for these tests from the WHO nomenclature, in the common traditional
forms. ``points.yaml`` follows the glyphs printed in WHO 2008 where they differ (兪 for 俞,
靑 for 青 ...); every disagreement found when the list was first compared with the data
was such a variant, and :data:`VARIANTS` maps them. A character with the same reading
(光明 -> 光銘) is a different name, and fails here although the pinyin still matches.
The pinyin is checked as a reading of these characters (pypinyin, heteronyms allowed).
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .test_data_integrity import name_key, readings

HANZI = {
    "LU": "中府 雲門 天府 俠白 尺澤 孔最 列缺 經渠 太淵 魚際 少商",
    "LI": (
        "商陽 二間 三間 合谷 陽谿 偏歷 溫溜 下廉 上廉 手三里 曲池 肘髎 "
        "手五里 臂臑 肩髃 巨骨 天鼎 扶突 口禾髎 迎香"
    ),
    "ST": (
        "承泣 四白 巨髎 地倉 大迎 頰車 下關 頭維 人迎 水突 氣舍 缺盆 "
        "氣戶 庫房 屋翳 膺窗 乳中 乳根 不容 承滿 梁門 關門 太乙 滑肉門 "
        "天樞 外陵 大巨 水道 歸來 氣衝 髀關 伏兔 陰市 梁丘 犢鼻 足三里 "
        "上巨虛 條口 下巨虛 豐隆 解谿 衝陽 陷谷 內庭 厲兌"
    ),
    "SP": (
        "隱白 大都 太白 公孫 商丘 三陰交 漏谷 地機 陰陵泉 血海 箕門 衝門 "
        "府舍 腹結 大橫 腹哀 食竇 天谿 胸鄉 周榮 大包"
    ),
    "HT": "極泉 青靈 少海 靈道 通里 陰郄 神門 少府 少衝",
    "SI": (
        "少澤 前谷 後谿 腕骨 陽谷 養老 支正 小海 肩貞 臑俞 天宗 秉風 "
        "曲垣 肩外俞 肩中俞 天窗 天容 顴髎 聽宮"
    ),
    "BL": (
        "睛明 攢竹 眉衝 曲差 五處 承光 通天 絡卻 玉枕 天柱 大杼 風門 "
        "肺俞 厥陰俞 心俞 督俞 膈俞 肝俞 膽俞 脾俞 胃俞 三焦俞 腎俞 氣海俞 "
        "大腸俞 關元俞 小腸俞 膀胱俞 中膂俞 白環俞 上髎 次髎 中髎 下髎 會陽 承扶 "
        "殷門 浮郄 委陽 委中 附分 魄戶 膏肓 神堂 譩譆 膈關 魂門 陽綱 "
        "意舍 胃倉 肓門 志室 胞肓 秩邊 合陽 承筋 承山 飛揚 跗陽 崑崙 "
        "僕參 申脈 金門 京骨 束骨 足通谷 至陰"
    ),
    "KI": (
        "湧泉 然谷 太谿 大鐘 水泉 照海 復溜 交信 築賓 陰谷 橫骨 大赫 "
        "氣穴 四滿 中注 肓俞 商曲 石關 陰都 腹通谷 幽門 步廊 神封 靈墟 "
        "神藏 彧中 俞府"
    ),
    "PC": "天池 天泉 曲澤 郄門 間使 內關 大陵 勞宮 中衝",
    "TE": (
        "關衝 液門 中渚 陽池 外關 支溝 會宗 三陽絡 四瀆 天井 清冷淵 消濼 "
        "臑會 肩髎 天髎 天牖 翳風 瘈脈 顱息 角孫 耳門 耳和髎 絲竹空"
    ),
    "GB": (
        "瞳子髎 聽會 上關 頷厭 懸顱 懸釐 曲鬢 率谷 天衝 浮白 頭竅陰 完骨 "
        "本神 陽白 頭臨泣 目窗 正營 承靈 腦空 風池 肩井 淵腋 輒筋 日月 "
        "京門 帶脈 五樞 維道 居髎 環跳 風市 中瀆 膝陽關 陽陵泉 陽交 外丘 "
        "光明 陽輔 懸鐘 丘墟 足臨泣 地五會 俠谿 足竅陰"
    ),
    "LR": ("大敦 行間 太衝 中封 蠡溝 中都 膝關 曲泉 陰包 足五里 陰廉 急脈 章門 期門"),
    "GV": (
        "長強 腰俞 腰陽關 命門 懸樞 脊中 中樞 筋縮 至陽 靈台 神道 身柱 "
        "陶道 大椎 啞門 風府 腦戶 強間 後頂 百會 前頂 囟會 上星 神庭 "
        "素髎 水溝 兌端 齦交"
    ),
    "CV": (
        "會陰 曲骨 中極 關元 石門 氣海 陰交 神闕 水分 下脘 建里 中脘 "
        "上脘 巨闕 鳩尾 中庭 膻中 玉堂 紫宮 華蓋 璇璣 天突 廉泉 承漿"
    ),
    "EX-HN": ("四神聰 當陽 印堂 魚腰 太陽 耳尖 球後 上迎香 內迎香 聚泉 海泉 金津 玉液 翳明 頸百勞"),
    "EX-CA": "子宮",
    "EX-B": "定喘 夾脊 胃脘下俞 痞根 下極俞 腰宜 腰眼 十七椎 腰奇",
    "EX-UE": "肘尖 二白 中泉 中魁 大骨空 小骨空 腰痛點 外勞宮 八邪 四縫 十宣",
    "EX-LE": "髖骨 鶴頂 百蟲窩 內膝眼 膝眼 膽囊 闌尾 內踝尖 外踝尖 八風 獨陰 氣端",
}

# glyph variants: the form in points.yaml (WHO 2008's print) -> the form written above
VARIANTS = str.maketrans(
    {"兪": "俞", "靑": "青", "淸": "清", "兎": "兔", "内": "內", "户": "戶", "鍾": "鐘", "臺": "台",
     "瘂": "啞", "顖": "囟"}
)  # fmt: skip
# whole names written two ways by the sources (the data keeps the other as an alias)
NAME_VARIANTS = {"GB22": {"淵液", "淵腋"}}


def table() -> dict[str, str]:
    out = {}
    for prefix, names in HANZI.items():
        for number, name in enumerate(names.split(), 1):
            out[f"{prefix}{number}"] = name
    return out


def test_the_list_has_every_point_and_no_other(kb: KnowledgeBase) -> None:
    names = table()
    assert len(names) == 409
    assert set(names) == {p.code for p in kb.points}, sorted(
        set(names) ^ {p.code for p in kb.points}
    )


@pytest.mark.parametrize("prefix", sorted(HANZI))
def test_characters_match_the_list(kb: KnowledgeBase, prefix: str) -> None:
    wrong = []
    for code, want in table().items():
        if not code.startswith(prefix) or code[len(prefix) :].isalpha():
            continue
        got = kb[code].names.hanzi
        if got.translate(VARIANTS) != want and got not in NAME_VARIANTS.get(code, ()):
            wrong.append(f"{code} {got} (the list: {want})")
    assert not wrong, "characters differ from the WHO list:\n" + "\n".join(wrong)


# pypinyin's phrase dictionary reads 腰俞 as "yaoyu"; WHO and every source give Yaoshu
PINYIN_EXCEPTIONS = {"GV2": "Yaoshu"}


def test_pinyin_is_a_reading_of_the_listed_characters(kb: KnowledgeBase) -> None:
    wrong = [
        f"{code} {kb[code].names.pinyin} is not a reading of {chars}"
        for code, chars in table().items()
        if name_key(kb[code].names.pinyin) not in readings(chars)
        and PINYIN_EXCEPTIONS.get(code) != kb[code].names.pinyin
    ]
    assert not wrong, "\n".join(wrong)
    still = [c for c in PINYIN_EXCEPTIONS if name_key(kb[c].names.pinyin) in readings(table()[c])]
    assert not still, f"no longer needed in PINYIN_EXCEPTIONS: {still}"


def test_the_variants_are_all_used(kb: KnowledgeBase) -> None:
    """A variant no point needs any more is taken out of the map."""
    used = {ch for p in kb.points for ch in p.names.hanzi}
    unused = [ch for ch in (chr(k) for k in VARIANTS) if ch not in used]
    assert not unused, unused
