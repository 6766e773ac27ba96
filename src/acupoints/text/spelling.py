"""Spelling: the other ways a word is written, and typos.

First the forms listed in ``text.yaml`` (British and American spellings, informal forms
such as "n" for "and" or "me" for "my", common misspellings) are read as the form the rest
of the data uses. Then a word the reader does not know is corrected to a body, symptom,
cause or red-flag word at a Damerau-Levenshtein distance of 1 (2 for words of eight letters
or more), found through a symmetric-delete index (each vocabulary word's deletions, built
once), so a look-up costs a few dictionary probes instead of a pass over the vocabulary.
Words of fewer than four letters, numbers, and real English words listed in ``text.yaml``
("check" is not "cheek") are never corrected; nor is a word with two equally near
candidates of different meaning.

rapidfuzz was considered: it would need a new dependency and an import of its own, and
the look-ups here are few (a sentence has a handful of unknown words, each memoised), so
the index and a small distance function cover it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .compiled import DROP, SENTENCE_END, Tables

__all__ = ["correct", "damerau_levenshtein", "split"]


def damerau_levenshtein(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[lb]


def _candidates(t: Tables, word: str) -> list[tuple[int, str]]:
    depth = 2 if len(word) >= 8 else 1
    found: set[str] = set()
    frontier = {word}
    seen = {word}
    for _ in range(depth + 1):
        for w in frontier:
            found.update(t.deletes.get(w, ()))
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))} - seen
        seen |= frontier
    limit = 2 if len(word) >= 8 else 1
    scored = [(damerau_levenshtein(word, c), c) for c in found]
    return sorted((d, c) for d, c in scored if d <= limit)


def best(t: Tables, word: str) -> str | None:
    """The word ``word`` is a typo of, or None."""
    memo = t.fixes
    if word in memo:
        return memo[word]
    out: str | None = None
    if len(word) >= 4 and word.endswith("z") and word[:-1] + "s" in t.targets:
        out = word[:-1] + "s"  # "toez", "handz": an informal plural
    elif len(word) >= 4 and word.endswith("x") and word[:-1] + "cks" in t.targets:
        out = word[:-1] + "cks"  # "buttox": "cks" written as it sounds
    elif len(word) >= 4 and word.isalpha() and word not in t.known:
        cands = _candidates(t, word)
        if cands:
            d = cands[0][0]
            near = [c for dist, c in cands if dist == d]
            # two letters swapped is the likeliest slip ("hnad" is "hand", not "head")
            swapped = [c for c in near if _transposed(word, c)]
            # then a dropped letter ("tumb" is "thumb" before it is "numb")
            longer = [c for c in near if len(c) == len(word) + 1]
            near = swapped or longer or near
            # plural and singular of one word are one candidate ("palm", "palms")
            stems = {c[:-1] if c.endswith("s") else c for c in near}
            # a four-letter word is only corrected for a swap or a dropped letter ("elbw")
            short_ok = bool(swapped) or len(near[0]) > len(word)
            if len(stems) == 1 and (len(word) >= 5 or short_ok):
                out = near[0]
    if len(memo) > 65536:
        memo.clear()
    memo[word] = out
    return out


def _transposed(a: str, b: str) -> bool:
    """Two neighbouring letters swapped ("hnad" for "hand")."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}


def _neighbours(a: str, b: str) -> bool:
    """Two keys side by side or diagonally next to each other on a QWERTY keyboard."""
    ka, kb = _KEY.get(a), _KEY.get(b)
    if ka is None or kb is None:
        return False
    return abs(ka[0] - kb[0]) <= 1 and abs(ka[1] - kb[1] + (ka[0] - kb[0]) * 0.5) <= 1


def _slip(word: str, cand: str) -> bool:
    """``word`` is ``cand`` with one slip of the fingers: two letters swapped, one letter
    left out, or one letter replaced by a key next to it."""
    if _transposed(word, cand):
        return True
    if len(cand) == len(word) + 1:
        return any(cand[:i] + cand[i + 1 :] == word for i in range(len(cand)))
    if len(cand) == len(word):
        diff = [i for i in range(len(word)) if word[i] != cand[i]]
        return len(diff) == 1 and _neighbours(word[diff[0]], cand[diff[0]])
    return False


SHORT_BEFORE = frozenset(
    {
        "my",
        "both",
        "left",
        "right",
        "numb",
        "tingly",
        "tingling",
        "dead",
        "sore",
        "his",
        "her",
        "your",
        "their",
        "our",
        "in",
        "of",
    }
)
"""Words before a three-letter word that make a body word likely there ("numb fot",
"my tos", "left arn"); a body word right after it does too ("lef leg")."""


def short(t: Tables, word: str) -> str | None:
    """A three-letter word the reader does not know, read as the body or side word it is
    one slip from ("fot", "tos", "arn", "lef") when only one word is that near. The caller
    asks only where a body word is expected: after "my", "numb", a side (SHORT_BEFORE),
    before a body word, or after "and" in a list of body words."""
    if len(word) != 3 or not word.isalpha() or word in t.known or word in t.region_words:
        return None
    memo = t.fixes
    key = "\0" + word
    if key in memo:
        return memo[key]
    cands = set(t.short.get(word, ()))
    for i in range(len(word)):
        cands.update(t.short.get(word[:i] + word[i + 1 :], ()))
    near = sorted(c for c in cands if _slip(word, c))
    # as for longer words: a swap first, then a dropped letter ("lef" is "left", not "leg")
    near = (
        [c for c in near if _transposed(word, c)]
        or [c for c in near if len(c) == len(word) + 1]
        or near
    )
    stems = {c[:-1] if c.endswith("s") and len(c) > 3 else c for c in near}
    out = near[0] if len(stems) == 1 else None
    memo[key] = out
    return out


def split(t: Tables, word: str) -> tuple[str, str] | None:
    """Two body words written as one ("bigtoe", "shoulderblade", "lefthand"): the word the
    reader does not know, cut where its halves are two words of a region's name side by
    side, or a side and a body word (``Tables.joined``; not "football": "foot ball" is
    no region's name); None unless exactly one such cut exists."""
    if len(word) < 6 or not word.isalpha() or word in t.known:
        return None
    memo = t.fixes
    key = "\1" + word
    if key in memo:
        found = memo[key]
        return None if found is None else (found[: found.index(" ")], found[found.index(" ") + 1 :])
    cuts = [
        (word[:k], word[k:]) for k in range(3, len(word) - 2) if (word[:k], word[k:]) in t.joined
    ]
    out = cuts[0] if len(cuts) == 1 else None
    memo[key] = None if out is None else " ".join(out)
    return out


def neighbours_forbid(
    unless: tuple[frozenset[str], bool, frozenset[str], frozenset[str]],
    before: str | None,
    nxt: str | None,
    *,
    open_end: bool = False,
) -> bool:
    """Whether the words beside a spelling of ``Tables.spell_unless`` forbid it: the word
    after is one of its ``unless_next``, the word before one of its ``unless_after``, or,
    with ``only_next``, the word after is not one of them (none after forbids it too,
    unless ``open_end``: a data phrase that ends there, whose text goes on). Shared by the
    reader (:func:`_applies`) and the compiler of the red-flag classes' phrases."""
    words, _, after, only = unless
    return (
        nxt in words
        or (before is not None and before in after)
        or (bool(only) and nxt not in only and not (open_end and nxt is None))
    )


def _applies(t: Tables, tokens: Sequence[str], i: int, length: int) -> bool:
    """Whether the spelling of ``tokens[i : i + length]`` applies before the next word."""
    if t.spell_only and tuple(tokens[i : i + length]) in t.spell_only:
        return _body_next(t, tokens, i + length)
    unless = t.spell_unless.get(tuple(tokens[i : i + length]))
    if unless is None:
        return True
    nxt = tokens[i + length] if i + length < len(tokens) else None
    if neighbours_forbid(unless, tokens[i - 1] if i else None, nxt):
        return False
    body = unless[1]
    if body and nxt in CLAUSE_ENDS and i > 0 and tokens[i - 1] not in CLAUSE_ENDS:
        return False  # heldout14 areas: "C6 radiculopathy R, numb thumb": a side, not "are"
    letter = body and length == 1 and tokens[i] in SIDE_LETTERS  # asking17: "r" alone
    if (
        letter
        and nxt in t.nerve_first
        and not TERRITORY.isdisjoint(tokens[i + length + 1 : i + length + 4])
    ):
        return False  # asking17: "paraesthesia R median distribution": a side
    if letter and i > 0 and _CLOSES_NOTE.match(tokens[i - 1]):
        return False  # asking17: "C6 radiculopathy R with numbness of thumb": a side
    if (
        letter
        and nxt is None
        and i > 0
        and tokens[i - 1].isalnum()  # the grammar's "," is among the region words
        and tokens[i - 1] in t.region_words
        and (i < 2 or tokens[i - 2] not in POSSESSIVE)
    ):
        return False  # asking17: a note that ends "numb radial 3 digits R": a side
    if not body or nxt is None:
        return True
    if nxt in t.known_function and i + length + 1 < len(tokens):
        # heldout13 areas: a word of everyday use that opens a region's name with the word
        # after it ("numb R little finger", "R big toe") is a body word there
        return (nxt, tokens[i + length + 1]) not in t.joined.pairs
    if _SEGMENT.match(nxt):  # heldout13 areas: a spinal segment ("R T6 dermatome")
        return False
    spelt = t.spell.get(nxt, ())  # lead20: a word spelt as a body word ("R hemiface": face)
    return not (
        (nxt in t.region_words and nxt not in t.known_function)
        or (len(spelt) == 1 and spelt[0] in t.region_words)
        or best(t, nxt) is not None
    )


SIDE_LETTERS = frozenset({"r", "l"})
"""asking17: letters that are a side in a clinical note ("numb radial 3 digits R")."""
TERRITORY = frozenset({"nerve", "distribution", "territory", "innervated", "supplied"})
"""asking17: words after a nerve's name that make it a territory ("R median distribution")."""
POSSESSIVE = frozenset({"my", "your", "his", "her", "their", "our"})
"""asking17: "my hands r" at the end is lay words ("are"), not a note's side letter."""
CLAUSE_ENDS = frozenset({",", ".", ";"})
"""Marks that end a clause: a side letter right before one closes a clinical phrase."""

_CLOSES_NOTE = re.compile(r"(?:[ctls]\d{1,2}|radiculopathy|replacement|tkr|tka|thr|tha|tsr)$")
"""asking17: the last word of a clinical phrase a side letter closes, whatever follows it
("C6 radiculopathy R with numbness", "post TKR R": a knee replacement)."""

_SEGMENT = re.compile(r"[ctls]\d{1,2}$")
"""A spinal segment's name as a token ("c6", "t6", "l5", "s1")."""

BODY_SIDES = frozenset({"left", "right", "both", "l", "r", "lft", "rite", "lfet", "rigth"})


def _body_next(t: Tables, tokens: Sequence[str], j: int) -> bool:
    """The next word from ``j``, past "my", "the" and the like, is a body or side word
    ("my write thumb", "the soul of my left foot"; not "write a letter")."""
    while j < len(tokens) and tokens[j] in DROP:
        j += 1
    if j >= len(tokens):
        return False
    nxt = tokens[j]
    if nxt in BODY_SIDES:
        return True
    return (nxt in t.region_words and nxt not in t.known_function) or (
        nxt not in t.known and best(t, nxt) in t.region_words
    )


ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
}
DIGIT_NAMES = {
    "hand": ("thumb", "index finger", "middle finger", "ring finger", "little finger"),
    "foot": ("big toe", "second toe", "third toe", "fourth toe", "little toe"),
}
FOOT_WORDS = frozenset({"foot", "feet", "toe", "toes"})


FINGER_ORDER = ("thumb", "index", "middle", "ring", "little")
"""The fingers from the thumb side, by the first word of their names."""


def finger_range(tokens: Sequence[str], i: int) -> tuple[int, list[str]] | None:
    """heldout14 areas: a range of fingers named by its ends ("thumb to middle finger",
    "index to ring finger", "thumb to ring"): every finger between them, as "digits 1-3" is
    read. Returns the number of tokens read and the names, joined by "and"."""
    n = len(tokens)
    j = i + 1
    if j < n and tokens[j] == "finger" and tokens[i] != "thumb":
        j += 1  # "index finger to ring finger"
    if j + 1 >= n or tokens[j] != "to" or tokens[j + 1] not in FINGER_ORDER:
        return None
    first, last = FINGER_ORDER.index(tokens[i]), FINGER_ORDER.index(tokens[j + 1])
    end = j + 2
    if last != 0 and end < n and tokens[end] in ("finger", "fingers"):
        end += 1
    elif last != 0:
        return None  # "middle to ring" alone: not clearly fingers
    if last <= first:
        return None
    out: list[str] = []
    for k in range(first, last + 1):
        if out:
            out.append("and")
        out.extend(DIGIT_NAMES["hand"][k].split())
    return end - i, out


def digits(tokens: Sequence[str], i: int) -> tuple[int, list[str]] | None:
    """Digits named by number, as clinicians write them, at ``tokens[i]``: "the fifth
    digit", "5th digit", "digit 5", "digits 1-3" (tokens "digits 1 3", a range), "digits
    4 and 5"; read as the fingers' names (the toes' when "foot" or "toe" follows within
    six words). Returns the number of tokens read and the names, joined by "and"."""
    n = len(tokens)
    tok = tokens[i]
    if tok in ORDINALS and i + 1 < n and tokens[i + 1] in ("digit", "digits"):
        numbers, length = [ORDINALS[tok]], 2
    elif tok in ("digit", "digits") and i + 1 < n and tokens[i + 1].isdigit():
        first = int(tokens[i + 1])
        numbers, length = [first], 2
        if i + 2 < n and tokens[i + 2].isdigit():  # "1-3": a range
            numbers, length = list(range(first, int(tokens[i + 2]) + 1)), 3
        elif i + 3 < n and tokens[i + 2] in ("and", "to") and tokens[i + 3].isdigit():
            last = int(tokens[i + 3])
            numbers = [first, last] if tokens[i + 2] == "and" else list(range(first, last + 1))
            length = 4
    else:
        return None
    if not numbers or not all(1 <= k <= 5 for k in numbers):
        return None
    part = "foot" if FOOT_WORDS & set(tokens[i + length : i + length + 6]) else "hand"
    out: list[str] = []
    for k in numbers:
        if out:
            out.append("and")
        out.extend(DIGIT_NAMES[part][k - 1].split())
    return length, out


_ALONE: dict[int, tuple[Tables, dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]] = {}


def _read_alone(t: Tables) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Words of texts already read that :func:`correct_from` reads from the word alone,
    with what it read them as: () for a word kept as written, else the word it is a typo
    of, or the two words it is cut into. These are the words that start no spelling of one
    word, no digit or finger named by number, and are no three-letter word one slip from a
    body or side word (``short`` reads those by the words around them; "and", "leg" are
    none): their reading is :func:`best` and :func:`split` of the word, the same in every
    text. The first dict holds those that
    begin no spelling of several words either; the second those that may (read so where
    none of those spellings is found). Kept per tables (by their id, with the tables), at
    most 16,384 words each (a reading meets a handful of new ones: a few hundred entries,
    about 40 KiB, over a workload of thousands of texts), dropped by ``kb.clear_caches()``
    (:func:`forget`)."""
    kept = _ALONE.get(id(t))
    if kept is not None and kept[0] is t:
        return kept[1], kept[2]
    if len(_ALONE) >= 8:
        _ALONE.clear()
    found: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] = ({}, {})
    _ALONE[id(t)] = (t, *found)
    return found


def forget() -> None:
    """Drop the words kept by :func:`_read_alone`."""
    _ALONE.clear()


PAIRED_PARTS = {
    **{w: w for w in ("hand", "finger", "thumb", "toe", "foot", "leg", "arm", "knee", "ankle")},
    **{w: w for w in ("wrist", "elbow", "heel", "shin", "hip", "thigh", "shoulder", "calf")},
    **{w + "s": w for w in ("hand", "finger", "thumb", "toe", "leg", "arm", "knee", "ankle")},
    **{w + "s": w for w in ("wrist", "elbow", "heel", "shin", "thigh", "shoulder")},
    "feet": "foot",
    "hips": "hip",
    "calves": "calf",
    # lead31: the face's pairs and the other paired parts ("my left cheek is fine, the right
    # one is numb" was a LocationError)
    **{w: w for w in ("cheek", "ear", "eye", "eyebrow", "temple", "palm", "sole", "forearm")},
    **{w + "s": w for w in ("cheek", "ear", "eye", "eyebrow", "temple", "palm", "sole")},
    **{w + "s": w for w in ("forearm", "buttock")},
    "buttock": "buttock",
}
"""Parts that come in a pair, each plural to its singular: what "the left one" stands for."""
FINGER_NAMES = frozenset({"little", "ring", "index", "middle", "big", "pinky", "small"})
ELLIPSIS_WORDS = frozenset({"one", "left", "right", "other"})
OTHER_SIDE = {"left": "right", "right": "left"}
ONE_SAID = frozenset(
    {"is", "was", "feels", "tingles", "goes", "has", "gets", "went", "keeps", "isnt", "does"}
    | {"that", "thats", "which", "too", "also", "now", "just", "only", "s", "tingling"}
)
"""Words after "the left one" that say something of it ("... but the left one is numb");
a "left one" closing a sentence tags the side of the part it is about ("my leg is numb
from the hip until the foot, left one": the leg)."""
OTHER_ONE_AFTER = ONE_SAID | {".", ",", "!", "as", "and", "since"}
"""Words after "the other one": those of :data:`ONE_SAID`, and those that close what is said
of it ("and so is the other one.", "the other one, since")."""


def _last_part(out: Sequence[str], ends: int = 0) -> tuple[list[str], str | None] | None:
    """The paired part named last in ``out`` (at most 12 words back, in its sentence or in
    ``ends`` sentences before it), singular, with a finger's or toe's name before it, and
    the side said right before it."""
    for k in range(len(out) - 1, max(-1, len(out) - 13), -1):
        word = out[k]
        if word in SENTENCE_END:
            if not ends:
                return None
            ends -= 1  # "right leg numb. same on the other side": the sentence before
        part = PAIRED_PARTS.get(word)
        if part is None:
            continue
        words = [part]
        j = k - 1
        if j >= 0 and out[j] in FINGER_NAMES and part in ("finger", "toe"):
            words.insert(0, out[j])
            j -= 1
        return words, out[j] if j >= 0 and out[j] in OTHER_SIDE else None
    return None


def _part_ellipsis(
    tokens: Sequence[str], i: int, out: Sequence[str]
) -> tuple[int, list[str]] | None:
    """lead30: a side said with no part of its own, after a part of the pair was named: "my
    right hand is ok but the left one is numb" ("one" is the hand), "my left arm is fine,
    it's the right that tingles" (the arm after "right"), "my left hand is fine, the other
    one is numb" (the right hand). Each was a LocationError (the one part named was said
    to be fine). The tokens read in place of ``tokens[i:i + n]``, and ``n``."""
    tok = tokens[i]
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok == "one" and before in OTHER_SIDE and after in ONE_SAID:
        found = _last_part(out)
        return (1, found[0]) if found else None
    if tok in OTHER_SIDE and before == "the" and after in ("that", "which", "thats"):
        found = _last_part(out)
        return (1, [tok, *found[0]]) if found else None
    if (
        tok == "other"
        and before == "the"
        and (
            # "the other one is numb", "and so is the other one", "the other one too"
            (after == "one" and (i + 2 >= len(tokens) or tokens[i + 2] in OTHER_ONE_AFTER))
            # "right leg numb. same on the other side"
            or (after == "side" and i >= 3 and tokens[i - 3] == "same")
        )
    ):
        found = _last_part(out, ends=1 if after == "side" else 0)
        if found and found[1] is not None:
            return (2, [OTHER_SIDE[found[1]], *found[0]])
    return None


def correct(t: Tables, tokens: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The tokens with other forms and typos replaced, and the (written, read) pairs."""
    out, changes, _ = correct_from(t, tokens)
    return out, changes


def correct_from(
    t: Tables, tokens: Sequence[str]
) -> tuple[list[str], list[tuple[str, str]], list[tuple[int, int]]]:
    """As :func:`correct`, with the written tokens each read token came from (first,
    last + 1)."""
    out: list[str] = []
    changes: list[tuple[str, str]] = []
    origin: list[tuple[int, int]] = []
    i = 0
    n = len(tokens)
    multi = t.spell_multi.words  # the first words of the spellings of several words
    # words read the same wherever they stand (see _read_alone)
    alone, after_multi = _read_alone(t)
    while i < n:
        tok = tokens[i]
        read = alone.get(tok)
        # a side said with no part ("the left one"), or fingers named by their order
        named = _part_ellipsis(tokens, i, out) if tok in ELLIPSIS_WORDS and i else None
        if named is None and read is None:
            named = (
                digits(tokens, i)
                if tok in ORDINALS or tok in ("digit", "digits")
                else finger_range(tokens, i)
                if tok in FINGER_ORDER
                else None
            )
        if named is not None:
            length, names = named
            out.extend(names)
            origin.extend([(i, i + length)] * len(names))
            changes.append((" ".join(tokens[i : i + length]), " ".join(names)))
            i += length
            continue
        if read is None:  # not a word read the same wherever it stands
            hits: list[tuple[int, tuple[str, ...]]] = []
            if tok in multi:
                # the spellings of several words that begin here (PhraseIndex.at)
                hits = [h for h in t.spell_multi.at(tokens, i) if _applies(t, tokens, i, h[0])]
                # (a next word known to be no typo, best's None, has nothing to try fixed)
                if not hits and i + 1 < n and t.fixes.get(tokens[i + 1], 0) is not None:
                    hits = _with_next_fixed(t, tokens, i)
            if hits:
                length, target = hits[0]
                out.extend(target)
                origin.extend([(i, i + length)] * len(target))
                changes.append((" ".join(tokens[i : i + length]), " ".join(target)))
                i += length
                continue
            # as for a word of `alone`, once no spelling of words is here
            read = after_multi.get(tok) if tok in multi else None
        if read is not None:  # a word read as it is, corrected or cut in the same way
            if read:
                out.extend(read)
                origin.extend([(i, i + 1)] * len(read))
                changes.append((tok, " ".join(read)))
            else:
                out.append(tok)
                origin.append((i, i + 1))
            i += 1
            continue
        mapped = t.spell.get(tok)
        if mapped is not None and not _applies(t, tokens, i, 1):
            mapped = None
        if mapped is not None:
            out.extend(mapped)
            origin.extend([(i, i + 1)] * len(mapped))
            changes.append((tok, " ".join(mapped)))
        else:
            fixed = best(t, tok)
            if fixed is None and len(tok) == 3:
                before = tokens[i - 1] if i else None
                after = tokens[i + 1] if i + 1 < n else None
                expected = (
                    before in SHORT_BEFORE
                    or after in t.region_words
                    # a list of body words: "numb hnads and fet"
                    or (before in ("and", "or") and len(out) > 1 and out[-2] in t.region_words)
                )
                fixed = short(t, tok) if expected else None
            parts = split(t, tok) if fixed is None else None
            if parts is not None:
                out.extend(parts)
                origin.extend([(i, i + 1)] * 2)
                changes.append((tok, " ".join(parts)))
            elif fixed is not None:
                out.append(fixed)
                changes.append((tok, fixed))
                origin.append((i, i + 1))
            else:
                out.append(tok)
                origin.append((i, i + 1))
            if (
                tok not in t.spell
                and tok not in ORDINALS
                and tok not in ("digit", "digits")
                and tok not in FINGER_ORDER
                # a three-letter word is read from its neighbours only if it is one slip
                # from a body or side word (``short``): "and", "leg" or "two" never are
                and (len(tok) != 3 or best(t, tok) is not None or short(t, tok) is None)
            ):
                # read from the word alone: no word around it was looked at (past the
                # spellings of several words, for a word that may begin one)
                kept = after_multi if tok in multi else alone
                if len(kept) >= 16384:
                    kept.clear()
                kept[tok] = parts or ((fixed,) if fixed is not None else ())
        i += 1
    # each pass below changes nothing in a text without the words it starts at
    if "down" in out or not ASPECT_ALONE.isdisjoint(out) or not EDGE_ALONE.isdisjoint(out):
        _aspect_alone(t, out, origin)
    if "dorsum" in out:
        _dorsum_alone(out, origin)  # weak17
    if "it" in out or "them" in out:
        _referents(t, out, changes)
    if "next" in out:
        _neighbour(out, changes, origin)
    return out, changes, origin


INSIDE_OUTSIDE = frozenset({"inside", "outside"})
EDGE_ALONE = frozenset({"edge", "side", "border"})
EDGE_QUALIFIERS = INSIDE_OUTSIDE | {"inner", "outer", "medial", "lateral", "radial", "ulnar"}
"""lay17: an edge closing its clause with a word that says which ("my left foot is numb on the
inside edge"), and "the inside" or "the outside" alone (:data:`ASPECT_ALONE`); the lead, 18th
round: "radial" and "ulnar", which a digit's side respells ("my wrist feels numb on the thumb
side": on the radial side of the wrist)."""
# weak17: "middle" ("my back is numb across the middle")
ASPECT_ALONE = (
    frozenset({"top", "bottom", "back", "front", "underside", "middle"})
    # areas22: the plural of a plural part ("both my feet have gone numb on the bottoms")
    | frozenset({"tops", "bottoms", "undersides"})
    | INSIDE_OUTSIDE
)
"""heldout16 areas: part words that may close a clause alone ("my left foot is numb on the
top", "my right hand, the back, is numb"): the part of the body word named before."""
NUMB_BEFORE_ASPECT = frozenset({"numb", "tingly", "tingles", "tingling", "dead", "asleep"})
ASPECT_CLOSES = (
    frozenset(
        {",", ";", ":", "and", "but", "since", "where", "when", "for", "from", "after", "now"}
        | {"too", "only", "mostly", "mainly"}
    )
    | SENTENCE_END
)


DORSUM_OF = frozenset({"foot", "feet", "hand", "hands"})
"""(weak17) What a dorsum named alone is the dorsum of."""
NUMB_BEFORE_DORSUM = frozenset(
    {"numb", "numbness", "tingling", "tingly", "paraesthesia", "paraesthesiae", "sensation"}
    | {"hypoaesthesia", "anaesthesia", "anaesthetic", "reduced"}
)
DORSUM_OVER = frozenset({"over", "on", "across", "of", "at"})


def _dorsum_alone(out: list[str], origin: list[tuple[int, int]]) -> None:
    """(weak17) "L foot drop and numb **dorsum**", "with numbness over the **dorsum**": a dorsum
    named alone after a numb word is the dorsum of the foot or hand named last before it in its
    sentence ("of" and that word are written after it); with none named, it is left alone."""
    for i in range(len(out) - 1, 0, -1):
        if out[i] != "dorsum" or out[i + 1 : i + 2] == ["of"]:
            continue
        j = i - 1 if out[i - 1] == "the" else i
        if j >= 1 and out[j - 1] in DORSUM_OVER:
            j -= 1
        if j < 1 or out[j - 1] not in NUMB_BEFORE_DORSUM:
            continue
        k = j - 2
        while k >= 0 and out[k] not in SENTENCE_END and out[k] not in DORSUM_OF:
            k -= 1
        if k >= 0 and out[k] in DORSUM_OF:
            out[i + 1 : i + 1] = ["of", out[k]]
            origin[i + 1 : i + 1] = [origin[i], origin[i]]


PART_LEVELS = frozenset({"upper", "lower"})
"""Words that make a limb's word a part of it ("upper arm", "lower leg")."""


def _aspect_alone(t: Tables, out: list[str], origin: list[tuple[int, int]]) -> None:
    """heldout16 areas: "numb on the top", "my hand, the back,": "of" and the body word before
    are written after the part word."""
    i = len(out) - 1
    while i >= 2:
        tok = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else "."
        if tok == "down" and out[i - 1] == "low" and out[i - 2] in NUMB_BEFORE_ASPECT:
            _low_down(t, out, origin, i)  # lay17: "my back feels numb low down on the right"
            i -= 1
            continue
        # lay17: an edge or side named by "inner" or "outer" ("numb on the inside edge",
        # "my foot, the outer bit,"), and "the inside" and "the outside" alone
        edge = tok in EDGE_ALONE and out[i - 1] in EDGE_QUALIFIERS
        if not (tok in ASPECT_ALONE or edge) or nxt not in ASPECT_CLOSES:
            i -= 1
            continue
        q = i - 1 if edge else i
        j = q - 1 if out[q - 1] == "the" else q
        # weak17: "my back is numb across the middle"
        numb_on = j >= 2 and out[j - 1] in ("on", "across") and out[j - 2] in NUMB_BEFORE_ASPECT
        set_off = j == q - 1 and out[j - 1] == "," and out[j - 2] in t.region_words
        # lay17: "the edge of my foot on the inside": the body word right before "on"
        numb_on = numb_on or (
            tok in INSIDE_OUTSIDE
            and j == q - 1
            and j >= 2
            and out[j - 1] == "on"
            and out[j - 2] in t.region_words
        )
        k = j - 1 if numb_on or set_off else -1
        while k >= 0 and out[k] not in SENTENCE_END:
            word = out[k]
            if (
                word in t.region_words
                and word not in t.known_function
                and word not in NOT_BODY
                and (word not in PARTS or (tok == "middle" and word == "back"))  # weak17
            ):
                if tok == "middle":  # weak17: only a back has a middle of its own ("mid back")
                    if word == "back":
                        out[i + 1 : i + 1] = [word]
                        origin[i + 1 : i + 1] = [origin[i]]
                    break
                # lead 17: the level word of a two-word part goes with it ("my upper arm
                # that's numb on the outside": the outside of the upper arm, not of the arm)
                part = [out[k - 1], word] if k >= 1 and out[k - 1] in PART_LEVELS else [word]
                out[i + 1 : i + 1] = ["of", *part]
                origin[i + 1 : i + 1] = [origin[i]] * (1 + len(part))
                break
            k -= 1
        i -= 1


def _low_down(t: Tables, out: list[str], origin: list[tuple[int, int]], i: int) -> None:
    """lay17: "low down" after a numb word, closing its clause or before a side ("my back
    feels numb low down on the right"), is low on the back, when the back is the body word
    named last before it: "on" and the back are written after it, as "numb low down on my
    back" reads."""
    rest = out[i + 1 : i + 4]
    closes = not rest or rest[0] in ASPECT_CLOSES
    sided = rest[:1] in (["on"], ["in"]) and any(w in SIDE_AFTER for w in rest[1:])
    if not (closes or sided):
        return
    k = i - 3
    while k >= 0 and out[k] not in SENTENCE_END:
        if out[k] == "back":
            out[i + 1 : i + 1] = ["on", "back"]
            origin[i + 1 : i + 1] = [origin[i], origin[i]]
            return
        if out[k] in t.region_words and out[k] not in t.known_function:
            return  # the nearest body word is another ("my leg is numb low down")
        k -= 1


SIDE_AFTER = frozenset({"left", "right", "l", "r", "side"})


def _with_next_fixed(t: Tables, tokens: Sequence[str], i: int) -> list[tuple[int, tuple[str, ...]]]:
    """The other ways of writing a phrase that match at ``i`` once the word after it is
    corrected ("back pasage" is "back passage"): a phrase of two words or more, whose
    second word is misspelt, read as the phrase. Only the phrase's own length is kept."""
    fixed = best(t, tokens[i + 1])
    if fixed is None or " " in fixed:
        return []
    trial = [*tokens[: i + 1], fixed, *tokens[i + 2 :]]
    return [h for h in t.spell_multi.at(trial, i) if h[0] >= 2 and _applies(t, trial, i, h[0])]


PART_OF = frozenset({"top", "bottom", "side", "sides", "front", "underside", "tip", "outside"})
LIMBS = frozenset(
    {"foot", "feet", "hand", "hands", "arm", "arms", "leg", "legs", "thigh", "thighs"}
)
"""Parts and limbs of "the top of it": the limb named before, in the same sentence."""
BESIDE = frozenset({"below", "above", "beneath"})
JOINTS = frozenset(
    {"knee", "knees", "elbow", "elbows", "ankle", "ankles", "wrist", "wrists", "hip", "hips"}
    | {"shoulder", "shoulders"}
)
"""Words before "it" and the body parts it may stand for: "below it" is below the joint
or limb named before it in its sentence."""


PARTS = PART_OF | frozenset({"back", "inside", "edge", "ball"})
"""Part words of "the back of it", "the ball of it": after them "it" may be any body word
named before it (not only a limb), in its sentence or the one before."""
NOT_BODY = frozenset({"left", "right", "both", "l", "r", "side", "sided", "all", "whole"})


def _referents(t: Tables, out: list[str], changes: list[tuple[str, str]]) -> None:
    """ "my foot drags and the top of it is numb": "it" (or "them") after a part word and
    "of" is the limb named before it in its sentence, written out as that limb (a change
    the reading lists); after "below", "above" ("my knee is fine but below it ... is
    numb") the joint or limb. Failing those, "it" after a part word and "of" ("the back of
    it", "the ball of it") is the last body word before it, in its sentence or the one
    before ("dropped a dumbbell on my foot. the top of it is numb"), written out without
    a change listed."""
    for i in range(1, len(out)):
        if out[i] not in ("it", "them"):
            continue
        j = _limb_before(out, i)
        if j is not None:
            changes.append((out[i], out[j]))
            out[i] = out[j]
        elif out[i] == "it":
            word = _body_word_before(t, out, i)
            if word is not None:
                out[i] = word


def _limb_before(out: list[str], i: int) -> int | None:
    """Where the limb (or, after "below" and "above", the joint) that "it" at ``i`` stands
    for is named, in its sentence."""
    if i >= 2 and out[i - 1] == "of" and out[i - 2] in PART_OF:
        known, j = LIMBS, i - 3
    elif out[i - 1] in BESIDE:  # "my knee is fine but below it ..."
        known, j = LIMBS | JOINTS, i - 2
    else:
        return None
    while j >= 0 and out[j] not in SENTENCE_END and out[j] not in known:
        j -= 1
    return j if j >= 0 and out[j] in known else None


def _body_word_before(t: Tables, out: list[str], k: int) -> str | None:
    """The body word "it" at ``k`` stands for after a part word and "of" ("the top of it"):
    the last one before it, in its sentence or the one before; not "on top of it all"."""
    if k < 2 or out[k - 1] != "of" or out[k - 2] not in PARTS:
        return None
    if k + 1 < len(out) and out[k + 1] == "all":
        return None  # "on top of it all"
    ends = 0
    for j in range(k - 3, -1, -1):
        tok = out[j]
        if tok in SENTENCE_END:
            ends += 1
            if ends > 1:
                return None
            continue
        if (
            tok in t.region_words
            and tok not in t.known_function
            and tok not in NOT_BODY
            and tok not in PARTS
        ):
            return tok
    return None


NEIGHBOURS = {
    ("big", "toe"): ("second", "toe"),
    ("little", "toe"): ("fourth", "toe"),
    ("thumb",): ("index", "finger"),
    ("little", "finger"): ("ring", "finger"),
    ("pinky",): ("ring", "finger"),
}
"""The digit next to one at the edge of the hand or foot (the only neighbour it has)."""
NEXT_TO_IT = ("one", "next", "to", "it")


def _neighbour(
    out: list[str], changes: list[tuple[str, str]], origin: list[tuple[int, int]]
) -> None:
    """ "my big toe and the one next to it": the digit beside the one named just before,
    when that digit has one neighbour only (a big toe, a thumb, a little finger)."""
    for i in range(len(out) - 3):
        if tuple(out[i : i + 4]) != NEXT_TO_IT:
            continue
        j = i - 1
        while j >= 0 and out[j] in ("the", "and", "also", "too", "plus"):
            j -= 1
        named = next(
            (
                key
                for key in NEIGHBOURS
                if j + 1 >= len(key) and tuple(out[j + 1 - len(key) : j + 1]) == key
            ),
            None,
        )
        if named is None:
            continue
        digit = NEIGHBOURS[named]
        span = (origin[i][0], origin[i + 3][1])
        out[i : i + 4] = digit
        origin[i : i + 4] = [span] * len(digit)
        changes.append((" ".join(NEXT_TO_IT), " ".join(digit)))
        return
