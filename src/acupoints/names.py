"""One normalisation of point codes and names, and the alias index built from it.

Every way of writing a point is reduced to a *key* once, when the index is built, and a
query is reduced the same way when it is looked up:

- codes: ``LI4``, ``LI-4``, ``li 4``, ``LI04``, ``L.I. 4`` and any prefix the meridian
  data declares (codes, legacy abbreviations such as ``LV``, ``SJ``, ``Du``, ``Ren``, and
  English names such as ``Liver 3``) all become ``LI4``-style keys;
  extra points become ``EX-UE9`` whatever the spacing (``EXUE9``, ``ex ue 9``, ``EX-UE-9``);
- pinyin: lower case, tone marks and spaces removed (``Hé Gǔ`` -> ``hegu``);
- characters: as written, and with common variant glyphs unified (``兪`` = ``俞``);
- English: lower case, punctuation and spaces removed.

```pycon
>>> prefixes = {"LR": "LR", "LV": "LR", "TE": "TE", "SJ": "TE", "GV": "GV", "DU": "GV"}
>>> [code_key(q, prefixes) for q in ("lv-3", "SJ05", "ex ue 9", "Du 14", "Hegu")]
['LR3', 'TE5', 'EX-UE9', 'GV14', None]
>>> name_key("Hé Gǔ"), name_key("Zu San Li"), name_key("Union Valley")
('hegu', 'zusanli', 'unionvalley')

```
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

__all__ = [
    "code_key",
    "hangul_key",
    "hanzi_key",
    "kana_key",
    "marked_key",
    "name_key",
    "prefix_key",
    "romaji_key",
    "suggest",
]

_CODE = re.compile(r"^([A-Z]+)0*([1-9]\d*)$")
_EXTRA = re.compile(r"^(?:EX)?(HN|CA|B|UE|LE)0*([1-9]\d*)$")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")

# Variant glyphs found across the sources, mapped to one representative. They are the
# same character written in Korean/Japanese/older forms, so a lookup should not care.
_HANZI_VARIANTS = str.maketrans(
    {
        "兪": "俞",
        "淸": "清",
        "靑": "青",
        "兎": "兔",
        "顖": "囟",
        "歴": "歷",
        "霊": "靈",
        "臺": "台",
        "沖": "衝",
        "冲": "衝",
        "鐘": "鍾",
        "钟": "鍾",
        "崑": "昆",
        "崙": "侖",
        "仑": "侖",
        "湧": "涌",
        "窓": "窗",
        "舎": "舍",
        "気": "氣",
        "関": "關",
        "満": "滿",
        "歩": "步",
        "蔵": "藏",
        "陥": "陷",
        "坵": "丘",
        "邱": "丘",
        "啞": "瘂",
        "哑": "瘂",
        "痖": "瘂",
        "內": "内",
        "户": "戶",
        "横": "橫",
        "強": "强",
        "髃": "髃",
    }
)


def prefix_key(text: str) -> str:
    """Normalise a meridian prefix (code, abbreviation or name): letters and digits only,
    upper case (``"L.I."`` -> ``"LI"``, ``"Large Intestine"`` -> ``"LARGEINTESTINE"``)."""
    return _NON_ALNUM.sub("", text).upper()


def code_key(text: str, prefixes: Mapping[str, str]) -> str | None:
    """Normalise something that looks like a point code to ``LI4`` / ``EX-UE9`` form.

    ``prefixes`` maps :func:`prefix_key` forms of meridian codes, abbreviations and names
    to WHO meridian codes. Returns ``None`` when ``text`` is not shaped like a code (a
    name, for instance) or its prefix is unknown.
    """
    compact = _NON_ALNUM.sub("", text).upper()
    if not compact:
        return None
    m = _EXTRA.match(compact)
    if m and (compact.startswith("EX") or m.group(1) != "B"):
        return f"EX-{m.group(1)}{m.group(2)}"
    m = _CODE.match(compact)
    if m and m.group(1) in prefixes:
        return f"{prefixes[m.group(1)]}{m.group(2)}"
    return None


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """Normalise a pinyin, English, Vietnamese or romanised Korean name: lower case, no
    tone marks, letters only.

    ``ü`` and ``v`` both become ``v`` so that ``Lüe`` and ``Lve`` meet; the Vietnamese
    ``đ`` becomes ``d`` (``Đại đô`` -> ``daido``).
    """
    text = text.replace("ü", "v").replace("Ü", "v").replace("đ", "d").replace("Đ", "d")
    return re.sub(r"[^a-z0-9]", "", _strip_marks(text).lower())


def marked_key(text: str) -> str:
    """Normalise a name keeping its marks: composed, lower case, letters only. A
    Vietnamese reading asked for with its marks resolves on this key first, since its
    marks may tell two points apart (``Trung chú`` KI15, ``Trung chử`` TE3)."""
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(ch for ch in text if ch.isalpha())


@cache
def _han() -> re.Pattern[str]:
    """CJK ideographs only (compiled on first use, as :func:`_hangul`)."""
    return re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")


def hanzi_key(text: str) -> str | None:
    """Normalise a string of Chinese characters (variant glyphs unified); ``None`` if the
    text is not made only of CJK ideographs."""
    text = unicodedata.normalize("NFKC", text.strip()).replace(" ", "")
    if not text or not _han().match(text):
        return None
    return text.translate(_HANZI_VARIANTS)


@cache
def _hangul() -> re.Pattern[str]:
    """Hangul syllables only; compiled on first use (its range takes about 4 ms to
    compile, and an answer never reads it)."""
    return re.compile(r"^[\uac00-\ud7a3]+$")


def hangul_key(text: str) -> str | None:
    """Normalise a Korean reading in Hangul (composed syllables, no spaces); ``None`` if the
    text is not made only of Hangul syllables."""
    text = unicodedata.normalize("NFC", text.strip()).replace(" ", "")
    if not text or not _hangul().match(text):
        return None
    return text


@cache
def _kana() -> re.Pattern[str]:
    """Kana only; compiled on first use (an answer never reads it)."""
    return re.compile(r"^[\u3041-\u3096\u30a1-\u30f6\u30fc]+$")


def kana_key(text: str) -> str | None:
    """Normalise a Japanese reading in kana: katakana is folded to hiragana (``ゴウコク``
    -> ``ごうこく``), spaces and the middle dot dropped; ``None`` if the text is not made
    only of kana."""
    text = unicodedata.normalize("NFKC", text.strip())
    text = "".join(ch for ch in text if ch not in " ・\u3000")
    if not text or not _kana().match(text) or "ー" in text:
        return None
    return "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in text)


# The long vowels as Hepburn marks them, kept apart from the short ones: ``O`` and ``U`` (upper
# case, which no other key holds) stand for a long o and u however they were typed.
_LONG_MARKS = str.maketrans({"ō": "O", "ô": "O", "ū": "U", "û": "U", "ē": "ei", "ê": "ei"})
_LONG_O = re.compile(r"o[uoh]")  # ou, oo and oh: a long o (so oh is never o and h)


def romaji_key(text: str) -> str | None:
    """Normalise a Japanese reading in Latin letters however it is typed, keeping its long
    vowels apart from the short ones: Hepburn with macrons or circumflexes (``Gōkoku``,
    ``Gôkoku``), the keyboard (wāpuro) spelling that types the kana (``goukoku``,
    ``chuushou``), ``oo`` and ``oh`` for a long o (``oh`` is always one, in the readings
    as in a query), ``uu`` for a long u, ``ee`` or ``ē`` for *ei*, ``nn`` or ``n'`` for ん,
    ``cch`` for っち and ``jy`` for じゃ. ``None`` if no letter is left.

    ```pycon
    >>> [romaji_key(q) for q in ("Gōkoku", "goukoku", "gohkoku", "GOOKOKU")]
    ['gOkoku', 'gOkoku', 'gOkoku', 'gOkoku']
    >>> romaji_key("Chūsho"), romaji_key("chuushou"), romaji_key("shinne"), romaji_key("Shin'e")
    ('chUsho', 'chUshO', 'shine', 'shine')

    ```
    """
    text = unicodedata.normalize("NFC", text).lower().translate(_LONG_MARKS)
    text = re.sub(r"[^a-zOU]", "", _strip_marks(text))
    text = re.sub(r"n+", "n", text).replace("cch", "tch").replace("jy", "j")
    text = _LONG_O.sub("O", text).replace("uu", "U").replace("ee", "ei")
    return text or None


def suggest(query: str, candidates: Iterable[str], limit: int = 5) -> list[str]:
    """Nearest matches of ``query`` among ``candidates`` (case-insensitive), best first;
    none for a ``limit`` of 0."""
    if limit <= 0:
        return []
    pool = {c.lower(): c for c in candidates}
    probe = query.lower()
    import difflib  # only for a suggestion (it and heapq: 0.13 MiB kept)

    hits = difflib.get_close_matches(probe, pool, n=limit, cutoff=0.5)
    return [pool[h] for h in hits]
