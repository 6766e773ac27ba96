"""Free text -> :class:`~acupoints.models.Location`.

Reads plain English as people write it ("pins and needles in both feet, worse at night",
"the top of my right foot and the outside of my ankle", "numb outer thigh"). The body
words come from the data (region names and synonyms in ``regions.yaml``); the rest —
sides, aspects, symptom and context words — is the small grammar below.

It never guesses a region from nothing: text that names no region, or a word that looks
like a misspelt body part, raises :class:`~acupoints.errors.LocationError` naming the
words and suggesting the nearest known terms.

```pycon
>>> import acupoints
>>> loc = acupoints.parse_location("the top of my right foot and the outside of my ankle")
>>> [(r.region, r.aspects, r.side) for r in loc.regions]
[('foot.dorsum', (), 'right'), ('ankle', ('lateral',), 'right')]

```
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, get_args
from weakref import WeakKeyDictionary

from ._fast import _kept, builder
from ._plain import Frozen, Plain, sized
from .errors import LocationError, UnknownRegionError, names_arg
from .models import Location, Reading, RegionRef
from .names import suggest
from .vocab import Aspect

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .kb import KnowledgeBase
    from .text.reader import Analysis

__all__ = ["from_regions", "parse"]

MAX_TEXT = 2000
"""Longest description accepted, in characters."""

DROP = frozenset({"the", "my", "his", "her", "their", "your", "our", "a", "an", "its", "both's"})

SIDES = {
    ("left",): "left",
    ("right",): "right",
    ("both",): "both",
    ("bilateral",): "both",
    ("bilaterally",): "both",
    ("both", "sides"): "both",
    ("either", "side"): "both",
    ("each", "side"): "both",
    ("left", "side"): "left",
    ("right", "side"): "right",
    ("left", "sided"): "left",
    ("right", "sided"): "right",
    ("left", "hand", "side"): "left",
    ("right", "hand", "side"): "right",
    ("lhs",): "left",
    ("rhs",): "right",
    ("on", "both", "sides"): "both",
    # flagside: a clinician's symmetrical sensory loss is of both sides
    ("symmetrical",): "both",
    ("symmetric",): "both",
    ("symmetrically",): "both",
}

# aspect words: word(s) -> (aspect, surface decided by the word itself)
ASPECT_WORDS: dict[tuple[str, ...], tuple[str, str | None]] = {
    ("outer",): ("lateral", "yang"),
    ("outside",): ("lateral", "yang"),
    ("lateral",): ("lateral", None),
    ("inner",): ("medial", "yin"),
    ("inside",): ("medial", "yin"),
    ("medial",): ("medial", None),
    ("front",): ("anterior", None),
    ("anterior",): ("anterior", None),
    ("back",): ("posterior", None),
    ("rear",): ("posterior", None),
    ("posterior",): ("posterior", None),
    ("top",): ("superior", None),
    ("upper",): ("superior", None),
    ("lower",): ("inferior", None),
    ("bottom",): ("inferior", None),
    ("underside",): ("inferior", None),
    ("under",): ("inferior", None),
    ("side",): ("lateral", None),
    ("sides",): ("lateral", None),
    ("dorsal",): ("dorsal", None),
    ("dorsum",): ("dorsal", None),  # "dorsum L foot", as clinical notes write it
    ("palmar",): ("palmar", "yin"),
    ("volar",): ("palmar", "yin"),
    ("palm", "side"): ("palmar", "yin"),
    ("plantar",): ("plantar", "yin"),
    ("radial",): ("radial", None),
    ("ulnar",): ("ulnar", None),
    ("thumb", "side"): ("radial", None),
    ("pinky", "side"): ("ulnar", None),
    ("little", "finger", "side"): ("ulnar", None),
    # heldout13 areas: the edge of a forearm or hand by its digit ("along the thumb edge")
    ("thumb", "edge"): ("radial", None),
    ("pinky", "edge"): ("ulnar", None),
    ("little", "finger", "edge"): ("ulnar", None),
    # areas23: the side of a forearm by the digit next to the little finger or the thumb
    # ("the ring finger side of that forearm", "the index finger side of my wrist")
    ("ring", "finger", "side"): ("ulnar", None),
    ("index", "finger", "side"): ("radial", None),
}
ASPECT_LINKS = frozenset({"of", "side", "part", "surface", "aspect", "edge", "area"})

# "index and middle fingers", "big and second toes"
FINGER_WORDS = {
    "index": "hand.index_finger",
    "middle": "hand.middle_finger",
    "ring": "hand.ring_finger",
    "little": "hand.little_finger",
    "pinky": "hand.little_finger",
    "small": "hand.little_finger",
    "thumb": "hand.thumb",
}
TOE_WORDS = {
    "big": "foot.big_toe",
    "great": "foot.big_toe",
    "first": "foot.big_toe",
    "second": "foot.second_toe",
    "third": "foot.third_toe",
    "middle": "foot.third_toe",
    "fourth": "foot.fourth_toe",
    "little": "foot.little_toe",
    "fifth": "foot.little_toe",
    "small": "foot.little_toe",
    "pinky": "foot.little_toe",
    # "4th and 5th toes", as clinical notes write them
    "1st": "foot.big_toe",
    "2nd": "foot.second_toe",
    "3rd": "foot.third_toe",
    "4th": "foot.fourth_toe",
    "5th": "foot.little_toe",
}

NEGATIONS = frozenset({"not", "no", "without", "except", "excluding", "apart", "never"})
BOUNDARIES = frozenset({".", ",", ";", "!", "?", "but"})
STOCKING_WORDS = frozenset({"stocking", "stockings", "glove", "gloves", "sock", "socks"})
SPOT_WORDS = frozenset({"spot", "patch", "point", "place", "dot", "coin"})
SPREAD_WORDS = frozenset(
    {
        "down",
        "radiating",
        "radiates",
        "radiate",
        "shooting",
        "shoots",
        "along",
        "travels",
        "travelling",
        "traveling",
        "runs",
        "running",
        "spreading",
        "spreads",
        "into",
    }
)

CONTEXT = sized(
    """
numb numbness numbed tingling tingle tingles tingly pins needles burning burn burns pain
painful pains ache aches aching achy sore soreness weak weakness cold hot heavy
heaviness dead asleep prickling prickly crawling electric electrical shock shocks
shooting stabbing loss of sensation sensations feeling feelings feel feels felt cant
cannot can paresthesia paraesthesia paresthesias paraesthesias hypoesthesia
hypoaesthesia dysesthesia dysaesthesia neuropathy neuropathic symptom symptoms going
goes went down up into through from to along travels runs running spreading spreads
radiating radiates shooting and or but with i im ive id i'm i've have has had having
been am is are was were be being in on at for since over past last few several many
couple days day weeks week months month years year hours hour ago now today yesterday
recently lately sometimes often always constant constantly intermittent intermittently
occasionally occasional worse worst better bad night nights nighttime morning mornings
evening evenings when while after before during sleeping sleep asleep waking wake woke
walking walk standing stand sitting sit typing type driving drive lying lie lifting
exercise exercising this that these those there here it its it's area areas part parts
region whole entire all some also too just only very really quite mostly mainly
especially slightly mild moderate severe bit lot little like get gets getting got
started start starts begun began keep keeps comes come came around near patch spot spots
place small large big sensitive sensitivity touch numbish funny strange weird odd mostly
both each either every everything started feeling as well then than lost reduced
decreased diminished altered unable hard difficult difficulty trouble there's pinprick
prick pricking buzzing vibrating vibration tight tightness swollen swelling stiff
stiffness cramp cramps cramping itchy itching itch throbbing sharp dull mild slight
slightly toward towards across between under over by about my me mine we us
bladder bowel bowels urine kidney kidneys liver heart lungs stomach infection infected
ulcer ulcers wound wounds blister blisters fever diabetes diabetic cancer chemo
chemotherapy tumour tumor speech slurred
""".split()  # noqa: SIM905 - a word list reads best as text
)

BOTH_BUTTOCKS = frozenset({"bottom", "bum", "backside", "butt", "behind", "rear", "arse", "ass"})
"""Words for the buttocks as one ("my bottom goes numb"): both of them."""

NOT_BOTH_PLURALS = frozenset(
    {
        "knuckles",
        "lips",
        "gums",
        "ribs",
        "loins",
        "hamstrings",
        "achilles",
        "biceps",  # one muscle (also "bicep", which the spellings write as "biceps")
        "triceps",
        "quads",  # also "quad", which the spellings write as "quads"
        "glutes",
        "genitals",
        "anus",
        "privates",
        "digits",
        "arches",
        "nostrils",
        "eyelids",
        "scapulae",
        "parts",
        "nipple",
        "blades",
    }
)


def _phrase_key(text: str) -> tuple[str, ...]:
    from .text.compiled import normalise  # the reader's tokens (imported when first used)

    return tuple(t for t in normalise(text) if t not in DROP)


class _Vocab(Frozen):
    phrases: dict[tuple[str, ...], tuple[str, tuple[str, ...]]]
    longest: int
    words: frozenset[str]

    def __init__(
        self,
        phrases: dict[tuple[str, ...], tuple[str, tuple[str, ...]]],
        longest: int,
        words: frozenset[str],
    ) -> None:
        _set = object.__setattr__
        _set(self, "phrases", phrases)
        _set(self, "longest", longest)
        _set(self, "words", words)

    @cached_property
    def terms(self) -> tuple[str, ...]:
        """Every phrase as text, sorted: the suggestions of a text that names no region
        (made when first asked for; a reading never asks)."""
        return tuple(sorted({" ".join(k) for k in self.phrases}))


def _vocab_for(regions: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]) -> _Vocab:
    """The region phrases of ``regions``, made afresh: each knowledge base's tables hold
    their own (the prebuilt file's build shares their strings with its dataset's, in
    place, so two builds must not share one object)."""
    phrases: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
    pool: dict[str, str] = {}  # one string for a word the phrases repeat ("back", "of")
    for rid, syns in regions:
        for text, aspects in syns:
            key = tuple(pool.setdefault(w, w) for w in _phrase_key(text))
            if key and key not in phrases:
                phrases[key] = (rid, aspects)
    words = frozenset(w for k in phrases for w in k) | frozenset(w for k in ASPECT_WORDS for w in k)
    return _Vocab(phrases, max(len(k) for k in phrases), words)


_VOCABS: WeakKeyDictionary[KnowledgeBase, _Vocab] = WeakKeyDictionary()


def _vocab(kb: KnowledgeBase) -> _Vocab:
    """The region phrases of ``kb``: those its reader's tables were built with (every
    caller reads text, so the tables are there; the prebuilt file holds them)."""
    found = _VOCABS.get(kb)
    if found is None:
        from .text.compiled import tables

        found = getattr(tables(kb), "vocab", None)
        if not isinstance(found, _Vocab):  # tables built by other code: made here
            found = _vocab_of(kb)
        found = _VOCABS[kb] = found
    return found


def _vocab_of(kb: KnowledgeBase) -> _Vocab:
    regions = tuple((r.id, ((r.name.lower(), ()), *r.phrases())) for r in kb.regions)
    return _vocab_for(regions)


class _Found(Plain):
    region: str
    aspects: list[str]
    surface: str | None
    start: int
    end: int
    words: str
    negated: bool
    side: str | None
    plural: bool
    side_tag: bool  # heldout13 areas: a whole that only gives a part before it its side
    territory: bool  # areasa: read from a dermatome, a nerve's territory or an acupoint named

    def __init__(
        self,
        region: str,
        aspects: list[str],
        surface: str | None,
        start: int,
        end: int,
        words: str,
        negated: bool = False,
        side: str | None = None,
        plural: bool = False,
        side_tag: bool = False,
        territory: bool = False,
    ) -> None:
        self.region = region
        self.aspects = aspects
        self.surface = surface
        self.start = start
        self.end = end
        self.words = words
        self.negated = negated
        self.side = side
        self.plural = plural
        self.side_tag = side_tag
        self.territory = territory


class _State(Plain):
    found: list[_Found]
    sides: list[tuple[int, str]]
    consumed: set[int]

    def __init__(
        self,
        found: list[_Found] | None = None,
        sides: list[tuple[int, str]] | None = None,
        consumed: set[int] | None = None,
    ) -> None:
        self.found = [] if found is None else found
        self.sides = [] if sides is None else sides
        self.consumed = set() if consumed is None else consumed


M = TypeVar("M", bound="BaseModel")


def by_place(cls: type[M], given: Sequence[str] | None = None) -> Callable[..., M]:
    """:func:`~acupoints._fast.trusted` of ``cls`` with every field given by place, in
    the order the model declares them: ``_fast.builder`` of the class (a constructor
    written from its field names: about 1 against 2.8 us a Finding), when validation would
    keep every value as given (``_fast._kept``, as ``trusted`` checks); validated
    otherwise, from the fields of ``given`` alone (every field when None), as ``trusted``
    given only those would be. ``given`` also names the fields the model reports as set.
    For the models every reading makes (its findings, itself, a location and its regions)."""
    build = builder(cls, given)
    names = tuple(cls.model_fields)

    def make(*values: Any) -> M:
        if _kept(values):
            return build(*values)
        pairs = zip(names, values, strict=True)
        return cls(**{n: v for n, v in pairs if given is None or n in given})

    return make


_MAKE_REF: list[Callable[..., Any]] = []
"""by_place(RegionRef), by_place(Location): made on the first location built."""


def _made() -> list[Callable[..., Any]]:
    if not _MAKE_REF:
        _MAKE_REF[:] = [by_place(RegionRef), by_place(Location)]
    return _MAKE_REF


_PARSED: WeakKeyDictionary[KnowledgeBase, dict[str, Location | LocationError]] = WeakKeyDictionary()


def parse(kb: KnowledgeBase, text: object) -> Location:
    """Read ``text`` into a :class:`Location` (see the module docstring). A ``Location`` is
    immutable, so the last few thousand texts read are kept and given back as they are;
    so is the error of a text that names no numb area (raised afresh each time)."""
    if not isinstance(text, str):
        raise LocationError(f"a location must be text, got {type(text).__name__}", text)
    memo = _PARSED.get(kb)
    if memo is None:
        memo = _PARSED.setdefault(kb, {})
    found = memo.get(text)
    if found is None:
        try:
            found = _parse(kb, text)
        except LocationError as exc:
            # kept without its traceback, whose frames would hold the knowledge base
            found = LocationError(exc.message, exc.text, exc.unknown, exc.suggestions)
        if len(memo) >= 4096:
            memo.clear()
        memo[text] = found
    if isinstance(found, LocationError):
        e = found
        raise LocationError(e.message, e.text, e.unknown, e.suggestions, e.red_flags)
    return found


_READER: list[Any] = []  # text.reader.analyse, once imported


def _parse(kb: KnowledgeBase, text: str) -> Location:
    if len(text) > MAX_TEXT:
        raise LocationError(
            f"the description is {len(text)} characters; the limit is {MAX_TEXT}", text
        )
    if not _READER:  # imported on the first reading, not on each (about 2 us an import)
        from .text.reader import analyse as _analyse

        _READER.append(_analyse)
    found = _READER[0](kb, text)
    return _finish(kb, _vocab(kb), text, found.prepared.tokens, found.state, found)


def scan(kb: KnowledgeBase, tokens: Sequence[str], ctx: Sequence[frozenset[str]]) -> _State:
    """Every body area the grammar finds in ``tokens`` (after spelling), each marked
    negated when the reader's context (``ctx``, one set per token) says so."""
    vocab = _vocab(kb)
    # the words that may open a nerve's territory, looked up once a text, not a token
    nerve_opens = _nerve_first(kb)
    region_words = vocab.words
    stepped = _stepped(vocab, nerve_opens)
    state = _State()
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok in stepped:  # nothing begins at this word, wherever it stands
            i += 1
            continue
        negating = "negated" in ctx[i]
        if tok in BOUNDARIES or tok in NEGATIONS or tok in DROP:
            state.consumed.add(i)
            i += 1
            continue
        # a segment ("l5") and a point's code ("li4") end in a digit (most words do not)
        digit_end = tok[-1:].isdigit()
        step = _match_dermatome(kb, tokens, i, state, negating) if digit_end and _level(tok) else 0
        if not step and digit_end and _POINT_SHAPE.fullmatch(tok) and tok in _point_codes(kb):
            step = _match_point(kb, tokens, i, state, negating)
        if not step and (tok in nerve_opens or tok in AREA_WORDS or tok == "supplied"):
            step = _match_nerve(kb, tokens, i, state, negating)
        if not step and tok in _DIGIT_LIST:
            step = _match_digits(tokens, i, state, negating)
        # the content words from i (tok first: scan has passed the words _content_span
        # skips), read once for both the region's length and its match; none where no
        # region's phrase can begin (tok, or tok less a plural "s", is no word of one)
        if step:
            words = None
        elif tok in region_words or (tok.endswith("s") and tok[:-1] in region_words):
            words = _content_span(tokens, i, vocab.longest)[0]
        else:
            words = ()
            if not (
                step or tok in _ASPECT_FIRST or tok in _SIDE_FIRST or tok in PAIRED or tok in SHORT
            ):
                # no region, aspect or side begins here (_match_aspect and _match_side find
                # nothing at any other word): the matches below would each find nothing
                if not (
                    digit_end
                    or tok in nerve_opens
                    or tok in AREA_WORDS
                    or tok == "supplied"
                    or tok in _DIGIT_LIST
                ):
                    # nor a segment, a point, a nerve or digits (none was tried): stepped
                    # over in any text (see _stepped)
                    if len(stepped) >= 16384:
                        stepped.clear()
                    stepped.add(tok)
                i += 1
                continue
        if not step and (
            _region_length(vocab, tokens, i, words) < 2 or _multiword_aspect(tokens, i)
        ):
            step = _match_aspect(vocab, tokens, i, state, negating)
        step = (
            step
            or _match_region(vocab, tokens, i, state, negating, words)
            or _match_aspect(vocab, tokens, i, state, negating)
            or _match_side(tokens, i, state, negating)
        )
        i += step or 1
    return state


_STEPPED: dict[int, tuple[_Vocab, frozenset[str], set[str]]] = {}


def _stepped(vocab: _Vocab, nerve_opens: frozenset[str]) -> set[str]:
    """Words of texts already read at which :func:`scan` found that nothing can begin
    whatever the words around them (no boundary, negation or DROP word, no segment, point,
    nerve, digits, region, aspect or side begins with them: "pins", "since", "chemo"), and
    so steps over at once. Kept per region phrases and nerves (by the phrases' id, with
    both), at most 16,384 words (a text meets a few new ones: a few hundred over a
    workload, about 20 KiB), dropped by ``kb.clear_caches()`` (:func:`forget`)."""
    kept = _STEPPED.get(id(vocab))
    if kept is not None and kept[0] is vocab and kept[1] is nerve_opens:
        return kept[2]
    if len(_STEPPED) >= 8:
        _STEPPED.clear()
    found: set[str] = set()
    _STEPPED[id(vocab)] = (vocab, nerve_opens, found)
    return found


_SIDE_FIRST = frozenset(key[0] for key in SIDES)
"""The words a side phrase of :data:`SIDES` begins with."""
_ONE_WORD_SIDES = {key[0]: side for key, side in SIDES.items() if len(key) == 1}
"""The sides of :data:`SIDES` written as one word, by that word."""


def _content_span(
    tokens: Sequence[str], i: int, size: int, skip: Iterable[str] = ()
) -> tuple[tuple[str, ...], int, list[tuple[int, str]]]:
    """Up to ``size`` content tokens from ``i`` (skipping DROP and side words); returns the
    words, the index after the last one and the side words skipped inside."""
    words: list[str] = []
    sides: list[tuple[int, str]] = []
    j = i
    skipset = set(skip) if skip else ()
    n = len(tokens)
    while j < n and len(words) < size:
        t = tokens[j]
        if t in BOUNDARIES:
            break
        if t in DROP or t in skipset:
            j += 1
            continue
        if words and t in _ONE_WORD_SIDES:
            sides.append((j, _ONE_WORD_SIDES[t]))
            j += 1
            continue
        if words and (t == "l" or t == "r") and _short_side(tokens, j):  # "dorsum of L hand"
            sides.append((j, "left" if t == "l" else "right"))
            j += 1
            continue
        words.append(t)
        j += 1
    return tuple(words), j, sides


def _multiword_aspect(tokens: Sequence[str], i: int) -> bool:
    """ "little finger side of", "thumb side of": an aspect phrase, not a digit."""
    if tokens[i] not in _ASPECT_FIRST:
        return False
    for size in (3, 2):
        key = tuple(tokens[i : i + size])
        if len(key) == size and key in ASPECT_WORDS:
            return True
    return False


def _region_length(
    vocab: _Vocab, tokens: Sequence[str], i: int, words: tuple[str, ...] | None = None
) -> int:
    """Number of content words of the longest region phrase starting at ``i`` (0 if none);
    ``words``: the content words from ``i``, if the caller has read them."""
    if words is None:
        words = _content_span(tokens, i, vocab.longest)[0]
    for n in range(len(words), 0, -1):
        if words[:n] in vocab.phrases:
            return n
    return 0


def _match_region(
    vocab: _Vocab,
    tokens: Sequence[str],
    i: int,
    state: _State,
    negating: bool,
    words: tuple[str, ...] | None = None,
) -> int:
    if i >= len(tokens) or ((tokens[i],) in SIDES and tokens[i] not in vocab.words):
        return 0
    if words is None:
        words = _content_span(tokens, i, vocab.longest)[0]
    for n in range(len(words), 0, -1):
        key = words[:n]
        hit = vocab.phrases.get(key)
        if hit is None and n == 1 and key[0].endswith("s"):
            hit = vocab.phrases.get((key[0][:-1],))
        if hit is None:
            continue
        if n == 1:
            hit = _shared_part(vocab, tokens, i, state, key) or hit
        _, end, inner_sides = _content_span(tokens, i, n)
        region, aspects = hit
        last = key[-1]
        plural = (
            last == "feet"
            or bool(STOCKING_WORDS & set(key))
            or (last.endswith("s") and not last.endswith("ss") and last not in NOT_BOTH_PLURALS)
            # heldout9 areas: one named digit of each hand or foot ("my little toes", "both
            # index fingers") is a pair, as "fingers" and "toes" are not
            or (last in ("toes", "fingers") and region.endswith(("_toe", "_finger")))
            # "the sides of my chest": a side of each; "my bottom", "my bum": both buttocks
            or key[0] == "sides"
            or (region == "buttock" and key == (last,) and last in BOTH_BUTTOCKS)
            or (region in ENCIRCLED and _round_before(tokens, i))
        )
        state.found.append(
            _Found(region, list(aspects), None, i, end - 1, " ".join(key), negating, plural=plural)
        )
        state.sides.extend(inner_sides)
        state.consumed.update(range(i, end))
        return end - i
    return 0


SHARED_PARTS = frozenset({("back", "of"), ("front", "of")})
"""asking17: part words that "X and Y" share ("the back of his head and neck")."""


def _shared_part(
    vocab: _Vocab, tokens: Sequence[str], i: int, state: _State, key: tuple[str, ...]
) -> tuple[str, tuple[str, ...]] | None:
    """asking17: a bare body word joined by "and" to a part named by a part word before it
    shares the part word ("the back of his head and neck": the back of the neck too), when
    that part of it is a region of its own; None otherwise ("the back of my hand and my
    fingers" keeps the fingers)."""
    if not state.found or i < 2 or tokens[i - 1] != "and":
        return None
    last = state.found[-1]
    first = tuple(last.words.split()[:2])
    if last.end != i - 2 or first not in SHARED_PARTS:
        return None
    return vocab.phrases.get((*first, *key))


_ASPECT_FIRST = frozenset(key[0] for key in ASPECT_WORDS)
"""The words an aspect phrase of :data:`ASPECT_WORDS` begins with."""


def _match_aspect(
    vocab: _Vocab, tokens: Sequence[str], i: int, state: _State, negating: bool
) -> int:
    if i >= len(tokens) or tokens[i] not in _ASPECT_FIRST:
        return 0  # no aspect phrase begins here (most words)
    for size in (3, 2, 1):
        key = tuple(tokens[i : i + size])
        if len(key) < size or key not in ASPECT_WORDS:  # (a slice past the end is short)
            continue
        aspect, surface = ASPECT_WORDS[key]
        j = i + size
        if (
            size == 1
            and key in vocab.phrases
            and (j >= len(tokens) or tokens[j] not in ASPECT_LINKS)
        ):
            return 0  # "back", "side" ... on their own name a region
        while j < len(tokens) and (
            tokens[j] in ASPECT_LINKS
            or tokens[j] in DROP
            or (tokens[j],) in SIDES
            or _short_side(tokens, j)
        ):
            if (tokens[j],) in SIDES:
                state.sides.append((j, SIDES[(tokens[j],)]))
            elif _short_side(tokens, j):  # "dorsum of L hand"
                state.sides.append((j, "left" if tokens[j] == "l" else "right"))
            j += 1
        before = len(state.found)
        step = _match_digits(tokens, j, state, negating) or _match_region(
            vocab, tokens, j, state, negating
        )
        if step and len(state.found) > before:
            for f in state.found[before:]:
                f.aspects = sorted({*f.aspects, aspect})
                f.surface = surface or f.surface
                f.start = i
                f.words = " ".join(tokens[i : j + step])
            state.consumed.update(range(i, j + step))
            return j + step - i
        if size == 1 and key in vocab.phrases:
            return 0  # "back" ... may be a region on its own
        state.consumed.update(range(i, i + size))
        return size
    return 0


ENCIRCLED = frozenset({"chest", "chest.lateral", "abdomen.lateral", "trunk"})
"""areas21: parts of the trunk a band goes round ("numbness round my waist like a belt", "a
numb band around my ribs"): round both sides, as "the sides of my chest" are."""


def _round_before(tokens: Sequence[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and tokens[j] in DROP:
        j -= 1
    return j >= 0 and tokens[j] in ("round", "around")


def _plural_word(word: str) -> bool:
    return word in ("feet", "teeth") or (word.endswith("s") and not word.endswith("ss"))


TRAILING = frozenset(
    {",", "numb", "numbness", "tingling", "paresthesia", "paresthesiae", "paraesthesia"}
    | {"paraesthesiae", "hypoesthesia", "hypoaesthesia", "anesthesia", "anaesthesia"}
    | {"dysesthesia", "dysaesthesia", "sensory", "loss", "tingly", "dead"}
    | {"region", "area"}  # heldout10 areas: "over the scapular region L"
    | {"eminence"}  # flagside: "the hypothenar eminence, L" (the area is its first word)
)
"""Words that may stand between an area and a side letter after it ("thigh paraesthesia
L", "hypothenar eminence, L", "the scapular region L")."""
TRAILING_OR_ON = TRAILING | {"on"}
"""areas21: and "on" right before the letter ("little finger numb on R, ...")."""


def _short_side(tokens: Sequence[str], i: int) -> bool:
    """ "L", "R" as a side: before a word of the same phrase."""
    return tokens[i] in ("l", "r") and i + 1 < len(tokens) and tokens[i + 1] not in BOUNDARIES


PAIRED = {"l": "left", "r": "right", "are": "right", "left": "left", "right": "right"}
SHORT = frozenset({"l", "r", "are"})
"""Sides written as letters; a lone "r" is spelt "are" by the reader's spellings."""
JOIN = frozenset({"and", "&", "n", "or"})


def _pair(tokens: Sequence[str], i: int) -> int:
    """ "left and right hands", "L>R" (read "l are"): both sides, in so many tokens."""
    first = PAIRED.get(tokens[i])
    j = i + 1
    if j < len(tokens) and tokens[j] in JOIN:
        j += 1
    # "l r" or "left and right", not "l right" nor "right are"
    if (
        first
        and j < len(tokens)
        and PAIRED.get(tokens[j], first) != first
        and (tokens[i] in SHORT) == (tokens[j] in SHORT)
    ):
        return j + 1 - i
    return 0


_SEGMENT_TOKEN = re.compile(
    r"(?:[ctls]\d{1,2}|radiculopathy|syndrome|palsy|neuropathy|replacement)$"
)  # asking17: "post TKR R, numb patch ..." (the spellings write "knee replacement")
"""The last word of a clinical phrase a side letter may close ("C8 L", "radiculopathy R")."""


TURNING = frozenset(
    {"turn", "turns", "turning", "turned", "look", "looks", "looking", "looked", "tilt", "tilts"}
    | {"tilting", "tilted", "twist", "twists", "twisting", "twisted", "rotate", "rotates"}
    | {"rotating", "rotated", "lean", "leans", "leaning", "leaned", "leant", "move", "moves"}
    | {"moving", "moved", "bend", "bends", "bending", "bent", "glance", "glancing", "swivel"}
)
"""lead30: verbs of turning the head or the body, after which "to the left" is the way it
turns, no side of a part ("pins and needles in my hand when I turn my head to the left":
the hand was read as the left one)."""
TOWARDS = frozenset({"to", "towards", "toward"})


def _direction(tokens: Sequence[str], i: int) -> bool:
    """ "left" or "right" as the way something turns: "to the left" (or "towards the
    right", "to my left") within four words after a verb of :data:`TURNING`, in the same
    clause ("when I turn my head to the left", "looking to the right")."""
    if i < 3 or tokens[i - 1] not in ("the", "my") or tokens[i - 2] not in TOWARDS:
        return False
    for k in range(i - 3, max(-1, i - 8), -1):
        if tokens[k] in TURNING:
            return True
        if tokens[k] in BOUNDARIES:
            return False
    return False


SIDED_FINDING = frozenset(
    {"numbness", "numb", "tingling", "tingly", "paraesthesia", "paraesthesiae", "paresthesia"}
    | {"paresthesias", "paraesthesias", "weakness", "pins"}
    # lead31: "left sided sensory loss", "right sided altered sensation"
    | {"sensory", "altered"}
)
"""lead30: words after "left sided" that make it a side of the person ("left-sided numbness
and weakness" was a LocationError, no flag); a part after it is that part's side ("L sided
facial numbness")."""


SIDED_PARTS = frozenset(
    {"of", "in", "involving", "affecting", "arm", "arms", "leg", "legs", "face", "hand", "hands"}
    | {"foot", "feet", "trunk", "thigh", "body"}
)
"""Words after "left sided numbness" that name the part it is of."""


def _part_in_clause(tokens: Sequence[str], k: int) -> bool:
    """Whether a word of :data:`SIDED_PARTS` follows ``k`` in its clause (a few words)."""
    for tok in tokens[k : k + 8]:
        if tok in BOUNDARIES and tok != ",":
            return False
        if tok in SIDED_PARTS:
            return True
    return False


def _match_side(tokens: Sequence[str], i: int, state: _State, negating: bool = False) -> int:
    if tokens[i] == "right" and _adverb(tokens, i):
        return 0
    if tokens[i] == "left" and _left_as_verb(tokens, i):
        return 0
    if _direction(tokens, i):
        return 0
    pair = _pair(tokens, i) if tokens[i] in PAIRED else 0
    if pair:
        state.sides.append((i, "both"))
        state.consumed.update(range(i, i + pair))
        return pair
    if tokens[i] not in SHORT and tokens[i] not in _SIDE_FIRST:
        return 0  # neither a side's letter nor the first word of a side (most words)
    ends = i + 1 == len(tokens) or tokens[i + 1] in BOUNDARIES
    after_area = (
        bool(state.found)
        and (
            state.found[-1].end == i - 1
            # "thigh paraesthesia L", "hypothenar eminence, L": a clinical note's side
            # after the area's symptom word or a comma
            or (
                tokens[i] in ("l", "r", "are")
                and ends
                and 0 < i - 1 - state.found[-1].end <= 2
                and all(t in TRAILING for t in tokens[state.found[-1].end + 1 : i - 1])
                # areas21: "little finger numb on R, ...", as "numb on the right" is
                and tokens[i - 1] in TRAILING_OR_ON
            )
        )
    )
    # heldout14 areas: a side letter closing a clinical phrase of no area ("C6 radiculopathy
    # R, numb thumb", "cervical radiculopathy C8 L, numb little finger") is the note's side
    opens_note = ends and _SEGMENT_TOKEN.match(tokens[i - 1]) is not None if i else False
    if (tokens[i] in ("l", "r") and (not ends or after_area or opens_note)) or (
        # "numb foot R": the spellings write "are"; "my hands are" is the verb
        tokens[i] == "are" and ends and after_area and not _plural_word(tokens[i - 1])
    ):
        state.sides.append((i, "left" if tokens[i] == "l" else "right"))
        state.consumed.add(i)
        return 1
    if tokens[i] not in _SIDE_FIRST:
        return 0  # no side phrase begins here
    for size in (3, 2, 1):
        key = tuple(tokens[i : i + size])
        if key in SIDES:
            k = i - 1
            while k >= 0 and (tokens[k] in DROP or tokens[k] in ("on", "in")):
                k -= 1
            if k >= 0 and tokens[k] == "than" and state.sides:
                # "worse on the right than the left": a side compared with the other one
                pos, side = state.sides[-1]
                if side != SIDES[key]:
                    state.sides[-1] = (pos, "both")
                state.consumed.update(range(i, i + size))
                return size
            state.sides.append((i, SIDES[key]))
            state.consumed.update(range(i, i + size))
            if (
                size == 2
                and key[1] == "sided"
                and tokens[i + 2 : i + 3]
                and tokens[i + 2] in SIDED_FINDING
                # "left sided numbness of the face": the face's side; "left sided numbness
                # involving arm, trunk and leg": the parts listed (side_arm_and_leg_listed)
                and not _part_in_clause(tokens, i + 3)
            ):
                state.found.append(_Found("body", [], None, i, i + 1, " ".join(key), negating))
            return size
    return 0


RIGHT_AS_ADVERB = frozenset(
    {"up", "down", "through", "across", "into", "now", "away", "there", "here", "round"}
    | {"around", "behind", "under", "over", "along", "so", "then", "after", "before", "by"}
    | {"near", "to", "off", "out", "from", "at", "enough", "ok", "okay", "well"}
)
"""Words after "right" that make it an adverb, not a side ("weak right up to my hips",
"right after the fall")."""


LEFT_AS_VERB = frozenset({"are", "is", "was", "were", "been", "be", "being", "get", "gets", "got"})
LEFT_WITH = frozenset(
    {"numb", "with", "feeling", "tingling", "dead", "weak", "without", "unable", "behind", "out"}
)
"""Words before and after "left" that make it a verb ("my hands are left numb", "I was left
with")."""


LEFT_OBJECT = frozenset({"my", "her", "his", "their", "your", "our", "me", "him", "them", "us"})
LEFT_SIDE_BEFORE = frozenset(
    {"the", "on", "in", "to", "at", "my", "her", "his", "their", "your", "our", "both", "and"}
    | {"or", "from", "towards", "toward", "l", "r"}
)
"""flagside: "left" before a possessive or a person, and not after a word that leads to a
side, is the verb ("the chemo has left my feet numb", "mum's stroke left her face numb"),
not the side ("on the left my foot is numb" keeps it)."""
SYMPTOM_BEFORE = frozenset({"numb", "numbness", "tingling", "tingly", "dead"})
"""flagside: "numb left my foot" is a side written loosely, not the verb."""


def _left_as_verb(tokens: Sequence[str], i: int) -> bool:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt in LEFT_OBJECT and (i == 0 or tokens[i - 1] not in LEFT_SIDE_BEFORE | SYMPTOM_BEFORE):
        return True
    return i > 0 and tokens[i - 1] in LEFT_AS_VERB and nxt in LEFT_WITH


RIGHT_AS_STATE = frozenset(
    {"feel", "feels", "feeling", "felt", "quite", "not", "isnt", "arent", "wasnt", "aint", "just"}
)
RIGHT_STATE_AFTER = frozenset(
    {"since", "for", "at", "when", "after", "anymore", "now", "today", "lately", "recently"}
    | {"either", "though", "and", "or", "with", "in", "to", "me", "there", "here"}
)
"""lead23: "right" after a verb of feeling or a "not", with no part or side word after it, says
how a part feels, no side ("my feet don't feel right", "something's not quite right with my
hand", "it hasn't felt right since Tuesday"); "numb feeling right hand" keeps the side."""
SIDE_ARTICLE = frozenset({"the", "on"})
"""Words before "right" that keep it a side whatever follows ("on the right after the op")."""
TAG_BEFORE = frozenset({"on", "in", "to", "and", "or", "the", "my", "both", "left", "from", "at"})
"""Words before "right?" that keep it a side ("numb on the right?")."""


def _adverb(tokens: Sequence[str], i: int) -> bool:
    """ "right" as an adverb, a word of assent ("Right, so my foot is numb") or a tag
    question ("my knee is numb, weird right?")."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        i > 0
        and tokens[i - 1] in RIGHT_AS_STATE
        and (nxt is None or nxt in BOUNDARIES or nxt in RIGHT_STATE_AFTER)
    ):
        return True  # lead23: how a part feels ("my feet don't feel right")
    if nxt in RIGHT_AS_ADVERB:
        # heldout15 areas: "on the right after running": "the" or "on" before it, a side
        return not (i > 0 and tokens[i - 1] in SIDE_ARTICLE)

    if nxt == "?" and i > 0 and tokens[i - 1] not in TAG_BEFORE:
        return True
    return nxt in (",", ".", "!") and (i == 0 or tokens[i - 1] in (".", "!", "?", ";"))


DERMATOME_WORDS = frozenset(
    {"dermatome", "dermatomes", "dermatomal", "distribution", "distributions"}
)
"""Words that make the spinal segments before them the numb area: "numbness in the L5
dermatome", "paraesthesia in a C6 distribution", "C6/7 dermatomal tingling"."""


def _level(token: str) -> str | None:
    """ "l5" -> "L5"; None unless a letter c, t, l or s and one or two digits."""
    if 2 <= len(token) <= 3 and token[0] in "ctls" and token[1:].isdigit():
        return token.upper()
    return None


def _segments_named(kb: KnowledgeBase, tokens: Sequence[str], i: int) -> tuple[list[str], int]:
    """The segments written from ``i`` ("l5"; "c6/7" and "c6-c7", which the reader has
    read as "c6 7" and "c6 c7"; "l5 and s1"), each a segment of the data, and where their
    words end; ([], i) if none."""
    first = _level(tokens[i])
    if first is None:
        return [], i
    letter = first[0]
    names = [first]
    j = i + 1
    while j < len(tokens):
        k = j + 1 if tokens[j] in ("/", "-", "and", ",", "or", "to") else j  # "c6 and c7"
        if k >= len(tokens):
            break
        more = _level(tokens[k])
        if more is not None:
            names.append(more)
        elif tokens[k].isdigit() and len(tokens[k]) <= 2:
            names.append(f"{letter}{tokens[k]}")  # "c6/7" (read "c6 7"): C7
        else:
            break
        j = k + 1
    known = {sg.id for sg in kb.segments}
    if not all(n in known for n in names):
        return [], i
    return list(dict.fromkeys(names)), j


def _match_dermatome(
    kb: KnowledgeBase, tokens: Sequence[str], i: int, state: _State, negating: bool
) -> int:
    """A dermatome named by its segment ("the L5 dermatome", "a C6/7 distribution", "C8
    dermatomal numbness"): every region of the segment's territory (data/segments.yaml),
    with its aspects, is a numb area of the words."""
    names, j = _segments_named(kb, tokens, i)
    if not names:
        return 0
    if j < len(tokens) and tokens[j] in DERMATOME_WORDS:
        pass
    elif j < len(tokens) and tokens[j] in SEGMENT_SYMPTOMS:  # areasa: "R L5 paraesthesia"
        j -= 1  # the symptom word is read as such, not taken with the segment
    elif _symptom_before(tokens, i) and (j >= len(tokens) or tokens[j] in SEGMENT_ENDS):
        # areasa: "band of numbness T10", "reduced sensation at T10 level", "altered
        # sensation S3-5,": a symptom that closes on the segment names its dermatome
        if j < len(tokens) and tokens[j] in SEGMENT_LEVEL:  # weak17: "numbness T6 band"
            j += 1
        j -= 1
    elif (
        tuple(tokens[j : j + 2]) == ("band", "of")
        and j + 2 < len(tokens)
        and tokens[j + 2] in SEGMENT_LEADS
    ):
        pass  # weak17: "a T6 band of numbness": the band is the dermatome's
    else:
        return 0
    words = " ".join(tokens[i : j + 1])
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for name in names:
        for part in kb.segment(name).territory:
            key = (part.region, tuple(part.aspects))
            if key not in seen:
                seen.add(key)
                state.found.append(
                    _Found(
                        part.region, list(part.aspects), None, i, j, words, negating, territory=True
                    )
                )
    state.consumed.update(range(i, j + 1))
    return j + 1 - i


SEGMENT_SYMPTOMS = frozenset(
    {"paresthesia", "paresthesiae", "numbness", "hypoesthesia", "anesthesia", "dysesthesia"}
    | {"sensory", "tingling", "numb"}
)
"""areasa: symptom words that, right after a spinal segment ("R L5 paraesthesia", "T10
numbness", "C6 sensory loss"), make its dermatome the numb area, as "dermatome" does; a
segment before anything else ("L5 radiculopathy", "disc L4/5", "T10 fracture") names none."""

SEGMENT_LEADS = frozenset(
    {"numbness", "sensation", "paresthesia", "paresthesiae", "hypoesthesia", "anesthesia"}
    | {"dysesthesia", "tingling", "numb"}
)
"""areasa: symptom words a segment may close ("band of numbness T10", "altered sensation
S3-5"), with only :data:`SEGMENT_SKIP` words between."""

SEGMENT_SKIP = frozenset({"at", "in", "over", "the", "a", "of", "are", "r", "l", "left", "right"})
SEGMENT_ENDS = frozenset({",", ".", ";", "!", "?", "level", "and", "band"})
"""What may follow a segment a symptom closes: the end of a clause, or "level" (or "band",
weak17: "numbness T6 band")."""
SEGMENT_LEVEL = frozenset({"level", "band"})
"""Words after a segment a symptom closes that are taken with it ("at T10 level")."""


def _symptom_before(tokens: Sequence[str], i: int) -> bool:
    """areasa: whether a symptom word (:data:`SEGMENT_LEADS`) comes right before ``i``,
    past only the little words of :data:`SEGMENT_SKIP` ("numbness at the T10")."""
    k = i - 1
    while k >= 0 and tokens[k] in SEGMENT_SKIP:
        k -= 1
    return k >= 0 and tokens[k] in SEGMENT_LEADS


def _division_closes(tokens: Sequence[str], i: int, end: int) -> bool:
    """areas19: whether a symptom word comes right before a trigeminal division at ``i``
    and the division, with only a side after it, ends its clause ("facial numbness V2 R,")."""
    if not _symptom_before(tokens, i):
        return False
    while end < len(tokens) and tokens[end] in DIVISION_SIDES:
        end += 1
    return end >= len(tokens) or tokens[end] in SEGMENT_ENDS


DIVISION_SIDES = frozenset({"r", "l", "right", "left", "are"})


POINT_SKIP = SEGMENT_SKIP | {"needle", "needling", "needled", "site", "point", "acupoint"}
"""areasa: words between a symptom and the acupoint code that says where it is felt
("paraesthesia at needle site LI4", "hypoaesthesia at the needling site over ST36")."""

_POINT_CODES: WeakKeyDictionary[KnowledgeBase, frozenset[str]] = WeakKeyDictionary()
_POINT_SHAPE = re.compile(r"[a-z]{1,3}\d{1,2}")
"""The shape of an acupoint code as read ("li4", "st36", "ren17"): only such a word makes
the points be looked at (a first select need not load them)."""


def _point_codes(kb: KnowledgeBase) -> frozenset[str]:
    """The acupoint codes of ``kb`` as the reader writes them ("li4", "st36")."""
    found = _POINT_CODES.get(kb)
    if found is None:
        found = _POINT_CODES[kb] = frozenset(p.code.lower() for p in kb.points)
    return found


def _match_point(
    kb: KnowledgeBase, tokens: Sequence[str], i: int, state: _State, negating: bool
) -> int:
    """areasa: an acupoint named as where a symptom is felt ("residual paraesthesia at needle
    site LI4", "hypoaesthesia over ST36") is the point's region (data/points.yaml), as the
    knowledge base places it; a point only needled ("numb knee following needling at SP9")
    names no numb area."""
    k = i - 1
    while k >= 0 and tokens[k] in POINT_SKIP:
        k -= 1
    if k < 0 or tokens[k] not in SEGMENT_LEADS | NERVE_SYMPTOMS:
        return 0
    code = next(p for p in kb.points if p.code.lower() == tokens[i])
    where = code.location
    state.found.append(
        _Found(where.region, list(where.aspects), None, i, i, tokens[i], negating, territory=True)
    )
    state.consumed.add(i)
    return 1


AREA_WORDS = frozenset(
    {"distribution", "distributions", "territory", "territories", "area", "supply", "region"}
)
"""Words that make the nerve named with them the numb area: "numbness in the median nerve
distribution", "the territory of the sural nerve", "ulnar distribution"."""

NERVE_SYMPTOMS = frozenset(
    {"paresthesia", "paresthesiae", "numbness", "hypoesthesia", "anesthesia", "dysesthesia"}
    | {"tingling", "sensory"}
)
"""heldout14 areas: symptom words that, right after a nerve named with "nerve" ("median nerve
paraesthesia", "ulnar nerve numbness", "sural nerve sensory loss"), make its skin the numb
area, as "distribution" does."""

CRANIAL_DIVISIONS = {"v1": "ophthalmic", "v2": "maxillary", "v3": "mandibular"}
"""The divisions of the trigeminal nerve by their clinical names ("R V2 distribution")."""


class _Nerves(Plain):  # not frozen: the prebuilt file shares its strings with the dataset's
    """The nerves of a knowledge base by the words that name them (name and aliases, with
    no parenthesis; each also without a last "nerve"/"nerves", read only before an area
    word), with the skin each supplies: its own territory and its branches'."""

    names: dict[tuple[str, ...], str]
    bare: frozenset[tuple[str, ...]]  # names without "nerve": only before an area word
    first: frozenset[str]
    longest: int
    territory: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]

    def __init__(
        self,
        names: dict[tuple[str, ...], str],
        bare: frozenset[tuple[str, ...]],
        first: frozenset[str],
        longest: int,
        territory: dict[str, tuple[tuple[str, tuple[str, ...]], ...]],
    ) -> None:
        self.names = names
        self.bare = bare
        self.first = first
        self.longest = longest
        self.territory = territory


_NERVE_NAMES: WeakKeyDictionary[KnowledgeBase, _Nerves] = WeakKeyDictionary()


def _nerves(kb: KnowledgeBase) -> _Nerves:
    found = _NERVE_NAMES.get(kb)
    if found is None:
        from .text.compiled import tables

        found = _NERVE_NAMES[kb] = tables(kb).nerves
    return found


_NERVE_FIRST: WeakKeyDictionary[KnowledgeBase, frozenset[str]] = WeakKeyDictionary()


def _nerve_first(kb: KnowledgeBase) -> frozenset[str]:
    """The words a nerve's name begins with (the nerves themselves are read only when
    the text has one: text.compiled.RARE)."""
    found = _NERVE_FIRST.get(kb)
    if found is None:
        from .text.compiled import tables

        found = _NERVE_FIRST[kb] = tables(kb).nerve_first
    return found


def nerve_names(kb: KnowledgeBase, spell: Mapping[str, tuple[str, ...]]) -> _Nerves:
    """The table of :class:`_Nerves` for ``kb``, with the reader's spellings (``spell``:
    "sciatic" is read "sciatica", so "sciatica nerve" names the sciatic nerve); built
    with the reader's tables (text.compiled), and so kept in the prebuilt file."""
    children: dict[str, list[str]] = {}
    for n in kb.nerves:
        if n.parent:
            children.setdefault(n.parent, []).append(n.id)
    by_id = {n.id: n for n in kb.nerves}

    def skin(nid: str) -> list[tuple[str, tuple[str, ...]]]:
        own = [(t.region, tuple(t.aspects)) for t in by_id[nid].territory or ()]
        return own + [x for c in children.get(nid, ()) for x in skin(c)]

    territory = {n.id: tuple(dict.fromkeys(skin(n.id))) for n in kb.nerves}
    names: dict[tuple[str, ...], str] = {}
    bare: set[tuple[str, ...]] = set()
    for n in kb.nerves:
        if not territory[n.id]:
            continue  # a motor nerve or one with no skin of its own or its branches'
        for text in (n.name, *(n.aliases or ())):
            written = _phrase_key(text.split("(")[0])
            read = tuple(v for w in written for v in spell.get(w, (w,)))
            # the reader reads "nerves" as "nerve" ("supraclavicular nerves distribution")
            single = tuple("nerve" if w == "nerves" else w for w in read)
            for key in dict.fromkeys((written, read, single)):
                if key and key not in names:
                    names[key] = n.id
                if len(key) > 1 and key[-1] in ("nerve", "nerves") and key[:-1] not in names:
                    names[key[:-1]] = n.id
                    bare.add(key[:-1])
    for short, nid in CRANIAL_DIVISIONS.items():
        if territory.get(nid):
            names[(short,)] = nid
            bare.add((short,))
    return _Nerves(
        names,
        frozenset(bare),
        frozenset(k[0] for k in names),
        max(map(len, names), default=1),
        territory,
    )


def _nerve_at(nerves: _Nerves, tokens: Sequence[str], i: int) -> tuple[str, int, bool] | None:
    """The nerve whose name starts at ``i`` (the longest), where its words end, and
    whether it was named without "nerve"."""
    if i >= len(tokens) or tokens[i] not in nerves.first:
        return None
    words: list[str] = []  # the words from i, less "the", "my" ... (as the names are keyed)
    ends: list[int] = []  # where each key of len(words) ends
    j = i
    while j < len(tokens) and len(words) < nerves.longest:
        if tokens[j] not in DROP:
            words.append(tokens[j])
            ends.append(j + 1)
        j += 1
    for n in range(len(words), 0, -1):
        key = tuple(words[:n])
        if key in nerves.names:
            return nerves.names[key], ends[n - 1], key in nerves.bare
    return None


def _match_nerve(
    kb: KnowledgeBase, tokens: Sequence[str], i: int, state: _State, negating: bool
) -> int:
    """A nerve's territory named ("numbness in the median nerve distribution", "R V2
    distribution", "the territory of the sural nerve", "the area supplied by the
    saphenous nerve"): every region of the skin it and its branches supply
    (data/nerves.yaml) is a numb area of the words."""
    tok = tokens[i]
    if tok not in AREA_WORDS and tok != "supplied" and tok not in _nerve_first(kb):
        return 0  # neither a nerve's name nor "<area> of", "<area> supplied by"
    nerves = _nerves(kb)
    start = i
    hit = _nerve_at(nerves, tokens, i)
    if hit is not None:  # "<nerve> distribution"
        nid, end, bare = hit
        # areas19: a trigeminal division closing a symptom ("facial numbness V2 R,"), as
        # "band of numbness T10" closes on a segment
        closes = tokens[i] in CRANIAL_DIVISIONS and _division_closes(tokens, i, end)
        if not closes and (
            end >= len(tokens)
            or not (
                tokens[end] in AREA_WORDS
                # heldout14 areas: "bilateral median nerve paraesthesia": the nerve's skin
                or (not bare and tokens[end] in NERVE_SYMPTOMS)
                # areasa: a trigeminal division with a symptom after it ("new R V2 numbness",
                # "V2 sensory loss"): its skin, as "V2 distribution"
                or (tokens[i] in CRANIAL_DIVISIONS and tokens[end] in NERVE_SYMPTOMS)
            )
        ):
            return 0
        last = end if end < len(tokens) and tokens[end] in AREA_WORDS else end - 1
    else:  # "distribution of the <nerve>", "area supplied by the <nerve>"
        j = i
        if tokens[j] in AREA_WORDS and j + 1 < len(tokens) and tokens[j + 1] == "supplied":
            j += 1
        if j + 1 >= len(tokens) or (tokens[j], tokens[j + 1]) not in (
            *((w, "of") for w in AREA_WORDS),
            ("supplied", "by"),
        ):
            return 0
        j += 2
        while j < len(tokens) and tokens[j] in DROP:
            j += 1
        hit = _nerve_at(nerves, tokens, j)
        if hit is None or hit[2]:
            return 0
        nid, end, _ = hit
        last = end - 1
    words = " ".join(t for t in tokens[start : last + 1] if t not in DROP)
    for region, aspects in nerves.territory[nid]:
        state.found.append(
            _Found(region, list(aspects), None, start, last, words, negating, territory=True)
        )
    state.consumed.update(range(start, last + 1))
    return last + 1 - start


_DIGIT_LIST = frozenset({*FINGER_WORDS, *TOE_WORDS, "and", "or", ","})
"""The words a list of digits (:func:`_match_digits`) may begin with."""


def _match_digits(tokens: Sequence[str], i: int, state: _State, negating: bool) -> int:
    """Lists such as "index and middle fingers" or "big and second toes"."""
    names: list[str] = []
    j = i
    while j < len(tokens) and (
        tokens[j] in FINGER_WORDS
        or tokens[j] in TOE_WORDS
        or tokens[j] in ("and", "or")
        or tokens[j] == ","
    ):
        if tokens[j] not in ("and", "or", ","):
            names.append(tokens[j])
        j += 1
    if (
        len(names) >= 2
        and names[0] == "thumb"
        and (names[-1] == "index" or (len(names) >= 3 and names[1] == "index"))
        and all(n in FINGER_WORDS for n in names)
        and (j >= len(tokens) or tokens[j] not in ("fingers", "finger", "toes", "toe", "of"))
    ):
        # "numb thumb and index": after the thumb, "index" is the index finger; heldout13
        # areas: and the fingers after it ("R thumb/index/middle", "thumb, index and middle")
        for n in names:
            state.found.append(_Found(FINGER_WORDS[n], [], None, i, j - 1, n, negating))
        state.consumed.update(range(i, j))
        return j - i
    if len(names) < 2 or j >= len(tokens) or tokens[j] not in ("fingers", "toes", "finger", "toe"):
        return 0
    table = FINGER_WORDS if tokens[j].startswith("finger") else TOE_WORDS
    if not all(n in table for n in names):
        return 0
    for n in names:
        state.found.append(
            _Found(table[n], [], None, i, j, f"{n} {tokens[j].rstrip('s')}", negating)
        )
    state.consumed.update(range(i, j + 1))
    return j + 1 - i


def _finish(
    kb: KnowledgeBase,
    vocab: _Vocab,
    text: str,
    tokens: Sequence[str],
    state: _State,
    found: Analysis,
) -> Location:
    ignored: list[str] = []
    known = found.prepared.tables.known
    used: frozenset[int] | None = None  # found when a word is left (most texts leave none)
    for i, t in enumerate(tokens):
        if i in state.consumed or t in BOUNDARIES or t in DROP or t in CONTEXT or t.isdigit():
            continue
        if t in vocab.words or t in STOCKING_WORDS or t in SPREAD_WORDS or t in SPOT_WORDS:
            continue
        if t in NEGATIONS or (t,) in SIDES:
            continue
        if used is None:
            # the words a cause, a time course, a red flag, a fact about the person or an
            # area's role was read from are used, not ignored ("carpal tunnel", "lean on")
            used = found.prepared.used.union(*(a.cue for a in found.areas))
        if i in used:
            continue
        ignored.append(t)
    numb = {id(f) for f, a in zip(state.found, found.areas, strict=True) if a.numb}
    positive = [f for f in state.found if id(f) in numb]
    if not positive and not found.areas:
        positive = _diagnosis_skin(kb, found, tokens)
    if not positive:
        unknown = [w for w in ignored if w not in known]
        near = {w: _suggest_terms(vocab, w) for w in unknown or ignored}
        others = [a for a in found.areas if not a.numb]
        why = (
            "no body region named as numb: "
            + "; ".join(f"{a.words!r} is {_ROLE_WORDS.get(a.role, a.role)}" for a in others)
            if others
            else "no body region named"
        )
        raise LocationError(
            why + " (try words such as 'back of the hand', 'fingers', "
            "'top of the foot', 'sole', 'lower back')",
            text,
            unknown or ignored,
            {w: s for w, s in near.items() if s},
        )
    _assign_sides(state, tokens, kb.anatomy.within)
    positive = _drop_territory_wholes(kb, tokens, positive)
    if len(positive) > 1:  # (a container holds another area: none in a text of one)
        positive = _drop_containers(kb, tokens, positive)
    _plural_sides(kb, positive)
    words = set(tokens)
    negated = [a.region for a in found.areas if a.role == "fine" and not a.context]
    return _build(kb, positive, negated, text, words, ignored, found.reading)


_ROLE_WORDS = {
    "fine": "said to be fine",
    "cause_site": "where the cause is",
    "trigger": "a posture or trigger",
    "operation": "where an operation was",
    "numb": "not current (past, supposed or someone else's)",
    "descriptor": "a word for a part of another area",
    "flag": "part of a warning sign",
    "pain": "named for pain, not numbness",
    "weak": "named for weakness, not numbness",
}


def _suggest_terms(vocab: _Vocab, word: str) -> list[str]:
    import difflib  # only for a suggestion, not on a first answer

    near_words = difflib.get_close_matches(word, vocab.words, n=3, cutoff=0.6)
    terms = [t for w in near_words for t in vocab.terms if w in t.split()]
    return sorted(set(terms), key=lambda t: (len(t.split()), t))[:4]


def _assign_sides(state: _State, tokens: Sequence[str] = (), within: Any = None) -> None:
    sides = sorted(state.sides)
    # heldout9 areas: a side that opens a landmark placing an area ("my forehead has gone
    # numb above my right eye") is that area's, as it opens no region of its own
    # heldout13 areas: nor does a whole set off after a part of it to say its side ("my
    # middle finger tip, right hand"): the side is the part's
    opening: list[_Found] | None = None  # found when first needed (a trailing side)
    for f in state.found:
        before = [(pos, s) for pos, s in sides if pos <= f.end]
        right_after = [s for pos, s in sides if pos == f.end + 1]
        if before and right_after and any(t in BOUNDARIES for t in tokens[before[-1][0] : f.start]):
            # heldout14 areas: a side right after the area ("numb feet bilat", "numb foot R")
            # is its own, not one of another clause before it ("ulcer R heel, numb feet bilat")
            f.side = right_after[0]
        elif before and not (
            f.plural and within and _side_of_another(state, tokens, before[-1][0], f, within)
        ):
            f.side = before[-1][1]
        elif before:
            f.side = None  # areas18: "L big toe black, numb feet": both feet (plural_sides)
        else:  # a trailing side ("hand on the left"), not one that opens another region
            if opening is None:
                opening = [
                    g
                    for g in state.found
                    if not _after_landmark(tokens, g.start) and not g.side_tag
                ]
            starts = sorted(g.start for g in opening)
            after = [
                s
                for pos, s in sides
                if pos > f.end
                # heldout15 areas: a side that a dating word parts from the region after it
                # ("numb thigh on the left side after hip replacement") opens no region
                and not any(
                    pos <= st <= pos + 3
                    and not DATING_GAP.intersection(tokens[pos:st])
                    # lead31: nor across a comma ("Numb hand R, no neck pain": the hand's)
                    and not BOUNDARIES.intersection(tokens[pos:st])
                    for st in starts
                )
                # heldout9 areas: "my hands go numb, worse in the right": a comparison of
                # the two, not the side of a pair
                and not (f.plural and _compared(tokens, pos))
            ]
            f.side = after[0] if after else None


SIDE_OPENS = 3
"""areas18: how far after a side word the region it opens may begin ("L 1st MTPJ")."""
SIDE_PARTED = 3


def _side_of_another(
    state: _State, tokens: Sequence[str], pos: int, f: _Found, within: Any
) -> bool:
    """areas18: the side word at ``pos`` opens a part of the plural whole ``f``, parted from
    ``f`` by a clause ("my **left** big toe has gone black and my feet are numb", "ulcer
    under **L** 1st MTPJ ..., insensate feet"): the side is the part's, and the plural whole
    with no side of its own is both. Digits after a whole or a part of the same foot keep
    its side ("my right foot is cold and the toes are numb", "my left heel is better but my
    toes are the same"), and "my left hand and feet" (one word between) keeps it too."""
    for g in state.found:
        # the side word opens g, or stands inside its words ("under R heel")
        if g is f or not (g.start <= pos + SIDE_OPENS and g.end > pos) or g.end >= f.start:
            continue
        if g.region == f.region or within(f.region, g.region):
            return False  # the toes of "my right foot is cold and the toes are numb"
        gap = tokens[g.end + 1 : f.start]
        if not within(g.region, f.region):
            # lead31: a plural of another part, its phrase opened by a word of its own ("my
            # left knee hurts and my feet are numb", "numb left hand and numb feet"): both
            # of it; not "my left hand and feet", "the left cheek of my bum", nor the parts of
            # one hand or foot ("my left heel is better but my toes are the same")
            return (
                bool(gap)
                and gap[-1] in NEW_PHRASE
                and "of" not in gap
                and not any(within(g.region, x) and within(f.region, x) for x in ("hand", "foot"))
            )
        return len(gap) > SIDE_PARTED or any(t in BOUNDARIES for t in gap)
    return False


NEW_PHRASE = frozenset({"my", "the", "his", "her", "their", "numb", "your"})
"""lead31: words that open a phrase of its own after a part with a side (``_side_of_another``)."""


DATING_GAP = frozenset({"after", "since", "following"})
"""Words that date a numbness by what came before it; a side before one of them is the side
of the area it follows, not of an area named after it (``_assign_sides``)."""


LANDMARKS = frozenset({"above", "below", "under", "beneath", "underneath", "behind"})
"""Words that place an area by another ("above my right eye"), here and in the reader's
roles (text.roles.LANDMARK)."""


def _plural_sides(kb: KnowledgeBase, found: Sequence[_Found]) -> None:
    """A plural with no side named is both ("my toes", "my hands are numb"), unless a whole
    it belongs to is named on one side ("the fingers small of left hand"): that side."""
    for f in found:
        if f.side is not None or not f.plural:
            continue
        wholes = {
            g.side
            for g in found
            if g.side in ("left", "right")
            and kb.anatomy.within(f.region, g.region)
            and g.region != f.region
        }
        f.side = wholes.pop() if len(wholes) == 1 else "both"


def _after_landmark(tokens: Sequence[str], start: int) -> bool:
    """The area at ``start`` follows a landmark word, with only "my", "the" and side words
    between ("above my right eye")."""
    j = start - 1
    while j >= 0 and (tokens[j] in DROP or (tokens[j],) in SIDES or tokens[j] in ("l", "r")):
        j -= 1
    return j >= 0 and tokens[j] in LANDMARKS


COMPARED = frozenset({"worse", "worst", "more", "mostly", "mainly", "especially", "stronger"})


def _compared(tokens: Sequence[str], pos: int) -> bool:
    """The side word at ``pos`` follows "worse", "more" ("worse in the right", "more on the
    left side"), with only "in", "on", "the", "my" between."""
    j = pos - 1
    while j >= 0 and tokens[j] in ("in", "on", "the", "my", "at"):
        j -= 1
    return j >= 0 and tokens[j] in COMPARED


CONTAINER_ADJECTIVES = frozenset(
    {"dominant", "other", "same", "bad", "good", "injured", "affected", "weaker", "stronger"}
    # areas18: the hand by what it does ("numb fingertips on my fretting hand")
    | {"fretting", "strumming", "picking", "plucking", "bowing", "writing", "mouse", "throwing"}
)
"""Words that may stand before the limb a part is on ("toes on my bad foot")."""


def _diagnosis_skin(kb: KnowledgeBase, found: Analysis, tokens: Sequence[str]) -> list[_Found]:
    """areasa: a text that names no body area but states a nerve compressed at one place
    ("Impression: R cubital tunnel syndrome", "meralgia paraesthetica bilat") names that
    nerve's skin (the cause's one nerve in causes.yaml, its territory in nerves.yaml), as
    "ulnar nerve distribution" does; a diagnosis asked about, denied or someone else's, a
    cause of no one nerve (sciatica, diabetes), a nerve whose skin covers the place it is
    compressed at, and a text that names any area name none."""
    hits = [
        h for h in found.prepared.cause_hits if not h.context and not h.value.startswith("cue:")
    ]
    if len(hits) > 1:  # lead31: "numb after carpal tunnel surgery": the operation on it
        hits = [
            h for h in hits if not (h.value == "injury" and any(o.end == h.start for o in hits))
        ]
    causes = {h.value for h in hits}
    if len(causes) != 1:
        return []
    hit = hits[0]
    cause = kb.cause(hit.value)
    if cause.kind != "compression" or len(cause.nerves) != 1:
        return []
    skin = _nerves(kb).territory.get(cause.nerves[0], ())
    if any(kb.anatomy.within(region, site) for region, _ in skin for site in cause.sites):
        # the skin numbed lies beyond the compression: a nerve whose skin covers its site
        # (the tibial nerve's for a tarsal tunnel) is the whole nerve's, not its part beyond
        return []
    side = None  # a side right before or after it ("R cubital tunnel", "meralgia ... bilat")
    for k in (hit.start - 1, hit.end, hit.end + 1):
        word = tokens[k] if 0 <= k < len(tokens) else ""
        side = {"l": "left", "r": "right"}.get(word) or SIDES.get((word,))
        if side:
            break
    return [
        _Found(region, list(aspects), None, hit.start, hit.end - 1, hit.words, side=side)
        for region, aspects in skin
    ]


TERRITORY_REACH = 4
"""areasa: how many words from a dermatome or nerve territory named a whole it lies in may be
to say where it is ("L upper limb in a C6 distribution", "RUE paraesthesia C6 distribution")."""


def _drop_territory_wholes(
    kb: KnowledgeBase, tokens: Sequence[str], found: Sequence[_Found]
) -> list[_Found]:
    """areasa: a whole named beside a dermatome, a nerve territory or an acupoint that lies
    in it (the limb, the hand: "LI4 needling site R hand", "L5 paraesthesia L foot") says
    where the territory is, as a hand says which fingers: the territory, all of it, is the
    numb area (docs/text.md, "Labelling conventions"), the whole is dropped and gives it its
    side. A whole further off, or past the end of a sentence, stays ("numb feet. L5
    dermatome ...")."""
    spans = [f for f in found if f.territory]
    if not spans:
        return list(found)
    anatomy = kb.anatomy

    def beside(f: _Found, t: _Found) -> bool:
        lo, hi = (f.end, t.start) if f.end < t.start else (t.end, f.start)
        return hi - lo <= TERRITORY_REACH and not any(
            w in (".", "!", "?", ";") for w in tokens[lo:hi]
        )

    out: list[_Found] = []
    for f in found:
        inner = (
            []
            if f.territory
            else [
                t
                for t in spans
                if t.region != f.region
                and anatomy.within(t.region, f.region)
                and beside(f, t)
                # a region of the territory itself is a part of it, not a whole it is in
                # ("the left T5 dermatome, nipple line": the chest is in T5's skin)
                and not any(
                    u.region == f.region and (u.start, u.end) == (t.start, t.end) for u in spans
                )
            ]
        )
        if not inner:
            out.append(f)
        for t in inner:  # its side passes to the territory ("LI4 needling site R hand")
            t.side = t.side or f.side or ("both" if f.plural else None)
    return out


def _drop_containers(
    kb: KnowledgeBase, tokens: Sequence[str], found: Sequence[_Found]
) -> list[_Found]:
    """ "index and middle fingers of my right hand": the hand only says where the fingers
    are, so it is dropped (its side passes to them)."""
    anatomy = kb.anatomy
    drop: set[int] = set()
    for k, container in enumerate(found):
        inner = [
            f
            for f in found[:k]
            if f.end < container.start
            and anatomy.within(f.region, container.region)
            and f.region != container.region
        ]
        if not inner:
            continue
        gap = tokens[inner[-1].end + 1 : container.start]
        # "thumb and finger tingly, r hand": the symptom word before the comma
        lead = 0
        while lead < len(gap) and gap[lead] in TRAILING and gap[lead] != ",":
            lead += 1
        if lead and tuple(gap[lead : lead + 1]) == (",",):
            gap = gap[lead:]
        links = {"of", "on", "in"}
        fill = links | CONTAINER_ADJECTIVES
        # "numb thigh, right leg": after a comma, the limb only gives the side
        sided = tuple(gap[:1]) == (",",) and any(
            (t,) in SIDES or t in SHORT for t in [*gap, *tokens[container.start : container.end]]
        )
        # "tingling in my palms both hands", "numb toes L foot": only a side between;
        # "my toes feel numb on the left foot", "fingertips r numb and tingly both hands":
        # the part said numb, then where it is (not "toes numb and both feet tingle")
        said = 0
        while said < len(gap) and gap[said] in STATED_GAP:
            said += 1
        rest = gap[said:]
        placed = (
            bool(rest)
            and (not said or any(t in TRAILING for t in gap[:said]))
            and (rest[0] in links or (rest[0],) in SIDES or rest[0] in ("l", "r"))
            and any((t,) in SIDES or t in ("l", "r") or t in links for t in rest)
            and all(t in fill or t in DROP or (t,) in SIDES or t in ("l", "r") for t in rest)
            and not _said_after(tokens, container.end)
        )
        if placed or (
            gap
            and (gap[0] in links or sided)
            and all(
                # areas22: a side letter before the limb ("thumb n pointer finger on my R
                # hand numb"), as "right" is
                t in fill or t in DROP or (t,) in SIDES or t in ("l", "r") or (sided and t in SHORT)
                for t in gap[1 if sided else 0 :]
            )
        ):
            drop.add(k)
            for f in inner:
                f.side = f.side or container.side or ("both" if container.plural else None)
    return [f for k, f in enumerate(found) if k not in drop]


STATED_GAP = (TRAILING - {","}) | frozenset(
    {"feel", "feels", "is", "are", "and", "go", "goes", "went", "gone", "has", "have", "been"}
)
"""Words that say a part is numb between it and the limb that places it ("my toes feel
numb on the left foot")."""


def _said_after(tokens: Sequence[str], end: int) -> bool:
    """A word after a limb that says something of it ("both feet tingle"): the limb is a
    finding of its own, not where a part named before it is."""
    j = end + 1
    while j < len(tokens) and tokens[j] in ("are", "is", "feel", "feels", "also"):
        j += 1
    return j < len(tokens) and tokens[j] in STATED_AFTER


STATED_AFTER = (TRAILING - {","}) | frozenset(
    {"tingle", "tingles", "ache", "aches", "hurt", "hurts", "burn", "burns", "weak", "too"}
)


def _dedupe(found: Sequence[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for f in found:
        same = next(
            (
                o
                for o in out
                if o.region == f.region and (o.side == f.side or None in (o.side, f.side))
            ),
            None,
        )
        if same is None:
            out.append(f)
        else:
            same.aspects = sorted({*same.aspects, *f.aspects})
            same.surface = same.surface or f.surface
            same.side = same.side or f.side
    return out


def _build(
    kb: KnowledgeBase,
    found: Sequence[_Found],
    negated: Sequence[str],
    text: str | None,
    words: set[str],
    ignored: Sequence[str],
    reading: Reading | None = None,
) -> Location:
    anatomy = kb.anatomy
    make_ref = _made()[0]
    refs = []
    for f in _dedupe(found):
        aspects = _resolve_aspects(f.region, f.aspects) if f.aspects else []
        if len(aspects) == 1:  # a whole hand or foot with one aspect may be a part of it
            part = _ASPECT_PARTS.get((f.region, aspects[0]))
            if part is not None:
                f.region, aspects = part, []
        surface = f.surface if anatomy.limb_of(f.region) else None
        surface = surface or anatomy.surface_of(f.region, aspects)
        # RegionRef(region, aspects, surface, side, words), trusted
        refs.append(make_ref(f.region, tuple(aspects), surface, f.side, f.words))
    return _assemble(kb, refs, negated, text, words, ignored, reading)


# a whole hand or foot named with one aspect -> the part it names
_ASPECT_PARTS = {
    ("hand", "dorsal"): "hand.dorsum",
    ("hand", "palmar"): "hand.palm",
    ("foot", "dorsal"): "foot.dorsum",
    ("foot", "plantar"): "foot.sole",
    ("foot", "posterior"): "foot.heel",  # the back of the foot is the heel
}


def _resolve_aspects(region: str, aspects: Sequence[str]) -> list[str]:
    """Turn the generic aspect words into the ones the data uses for the region: on the
    hand and fingers "top" and "back" are dorsal, "bottom" and "front" palmar (the palm
    faces forward in the anatomical position); on the foot "top" and "front" are dorsal
    (seed 002 answers a numb dorsum with points on the anterior aspect of the foot),
    "bottom" plantar; from the wrist up, the palm side is anterior and the back of the
    hand's side posterior."""
    limb = region.split(".")[0]
    table = _ASPECT_NAMES.get(limb, {})
    return sorted({table.get(a, a) for a in aspects})


_HAND = {"superior": "dorsal", "posterior": "dorsal", "inferior": "palmar", "anterior": "palmar"}
_ARM = {"palmar": "anterior", "dorsal": "posterior"}
_ASPECT_NAMES: dict[str, dict[str, str]] = {
    "hand": _HAND,
    "foot": {"superior": "dorsal", "anterior": "dorsal", "inferior": "plantar"},
    **dict.fromkeys(("wrist", "forearm", "elbow", "upper_arm"), _ARM),
}


_PLACES: WeakKeyDictionary[object, dict[Any, tuple[Any, ...]]] = WeakKeyDictionary()
"""Per anatomy: what :func:`_place` made of a location's regions (their ids, aspects, sides
and any words that may name a dermatome or a nerve: :func:`_naming`) and of whether its
text holds words of the three kinds :func:`_pattern` reads. The texts of a workload name a
few hundred such places (about 0.4 KiB an entry, at most 4,096 entries); dropped by
``kb.clear_caches()`` (:func:`forget`)."""


def forget() -> None:
    """Drop the places kept by :func:`_assemble` (:data:`_PLACES`) and the words
    :func:`scan` steps over (:func:`_stepped`)."""
    _PLACES.clear()
    _STEPPED.clear()


def _naming(words: str | None) -> str | None:
    """A region's ``words`` if they may name a dermatome or a nerve's territory (what
    :func:`_dermatomes_named` and :func:`_nerves_named` read of them), else None: for
    :data:`_PLACES`, words that name neither make the same place."""
    split = (words or "").split()
    if split and (
        split[-1] in DERMATOME_WORDS or not AREA_WORDS.isdisjoint(split) or "supplied" in split
    ):
        return words
    return None


def _place(
    kb: KnowledgeBase, refs: Sequence[RegionRef], words: set[str]
) -> tuple[tuple[str, ...], str | None, str, tuple[str, ...], tuple[str, ...]]:
    """The digits, side, pattern, segments and nerves of a location of ``refs`` (each
    region once), whose text holds ``words``."""
    anatomy = kb.anatomy
    digits: list[str] = []
    for r in refs:
        if r.region in ("hand.fingers", "foot.toes"):
            digits += list(anatomy.subregions(r.region))
        elif anatomy.within(r.region, "hand.fingers") or anatomy.within(r.region, "foot.toes"):
            digits.append(r.region)
    digits = list(dict.fromkeys(digits))
    parts = [(r.region, r.aspects) for r in refs]
    seg_rank = anatomy.rank("dermatome", parts)
    nerve_rank = anatomy.rank("supplies", parts)
    sides = {r.side for r in refs if r.side}
    side = None
    if sides:
        side = "both" if ("both" in sides or {"left", "right"} <= sides) else sides.pop()
    pattern = _pattern(anatomy, refs, words, seg_rank, nerve_rank)
    segments = tuple(s for s, _ in seg_rank[:5])
    nerves = tuple(n for n, _ in nerve_rank[:5])
    named = _dermatomes_named(kb, refs)
    if named:  # a dermatome named by its segment: that segment leads, whatever the ranking
        pattern = "dermatome"
        segments = tuple(dict.fromkeys((*named, *segments)))[: max(5, len(named))]
    named = _nerves_named(kb, refs)
    if named:  # a nerve's territory named: that nerve leads
        pattern = "nerve_territory"
        nerves = tuple(dict.fromkeys((*named, *nerves)))[: max(5, len(named))]
    return tuple(digits), side, pattern, segments, nerves


def _assemble(
    kb: KnowledgeBase,
    refs: Sequence[RegionRef],
    negated: Sequence[str],
    text: str | None,
    words: set[str],
    ignored: Sequence[str],
    reading: Reading | None = None,
) -> Location:
    anatomy = kb.anatomy
    # one place read twice ("I can't feel the floor under my feet": the soles from what
    # is not felt, and from "under my feet") is one region, with the words of the first
    seen: set[tuple[object, ...]] = set()
    kept = []
    for r in refs:
        key = (r.region, r.aspects, r.surface, r.side)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    refs = kept
    # what follows reads the regions' ids, aspects, sides and words, and which words of
    # _pattern's the text holds: kept per such key (see _PLACES)
    place = (
        tuple((r.region, r.aspects, r.side, _naming(r.words)) for r in refs),
        # the words of the text _pattern reads (whether it holds any of each kind)
        not STOCKING_WORDS.isdisjoint(words),
        not SPOT_WORDS.isdisjoint(words),
        not SPREAD_WORDS.isdisjoint(words),
    )
    memo = _PLACES.get(anatomy)
    if memo is None:
        memo = _PLACES[anatomy] = {}
    placed = memo.get(place)
    if placed is None:
        placed = _place(kb, refs, words)
        if len(memo) >= 4096:
            memo.clear()
        memo[place] = placed
    digits, side, pattern, segments, nerves = placed
    # the callers raise LocationError for a location without regions
    make: Callable[..., Location] = _made()[1]
    return make(  # Location(text, regions, ..., reading), trusted
        text,
        tuple(refs),
        side,
        digits,
        pattern,
        segments,
        nerves,
        tuple(dict.fromkeys(negated)),
        tuple(dict.fromkeys(ignored)),
        reading,
    )


def _dermatomes_named(kb: KnowledgeBase, refs: Sequence[RegionRef]) -> tuple[str, ...]:
    """The segments whose dermatomes the text names ("the L5 dermatome"), in order."""
    named: list[str] = []
    for r in refs:
        words = (r.words or "").split()
        if words and words[-1] in DERMATOME_WORDS:
            named += _segments_named(kb, words, 0)[0]
    return tuple(dict.fromkeys(named))


def _nerves_named(kb: KnowledgeBase, refs: Sequence[RegionRef]) -> tuple[str, ...]:
    """The nerves whose territories the text names ("the median nerve distribution"), in
    order."""
    named: list[str] = []
    for r in refs:
        words = (r.words or "").split()
        if not AREA_WORDS.intersection(words) and "supplied" not in words:
            continue
        table = _nerves(kb)
        for i in range(len(words)):
            hit = _nerve_at(table, words, i)
            if hit is not None:
                named.append(hit[0])
                break
    return tuple(dict.fromkeys(named))


def _area(anatomy: object, region: str) -> str:
    """hand, foot, arm, leg, trunk or head: the coarse area a region belongs to."""
    from .anatomy import Anatomy

    assert isinstance(anatomy, Anatomy)
    chain = (region, *anatomy.ancestors(region))
    for area in ("hand", "foot"):
        if area in chain:
            return area
    limb = anatomy.limb_of(region)
    if limb is not None:
        return limb
    return "head" if "head" in chain or "neck" in chain else "trunk"


def _pattern(
    anatomy: object,
    refs: Sequence[RegionRef],
    words: set[str],
    seg_rank: Sequence[tuple[str, float]],
    nerve_rank: Sequence[tuple[str, float]],
) -> str:
    """spot, region, nerve_territory, dermatome, stocking_glove or multifocal."""
    areas = {_placement(anatomy, r.region)[0] for r in refs}
    limbs = {_limb_area(a) for a in areas}
    # pain or numbness that starts at the spine or buttock and runs into one limb is one
    # radicular picture, not two areas
    roots = {r.region for r in refs} & {"buttock", "back.lumbar", "back.sacral", "hip"}
    if roots and limbs - {"trunk"} == {"leg"}:
        limbs = {"leg"}
    necks = {r.region for r in refs} & {"neck", "neck.posterior", "neck.lateral", "shoulder"}
    if necks and limbs - {"head", "trunk"} == {"arm"}:
        limbs = {"arm"}
    sides = {r.side for r in refs} - {None}
    bilateral = "both" in sides and sides <= {"both"}
    best_nerve = nerve_rank[0][1] if nerve_rank else 0.0
    best_seg = seg_rank[0][1] if seg_rank else 0.0
    if words & STOCKING_WORDS:
        return "stocking_glove"
    if bilateral and (
        areas == {"hand", "foot"} or areas == {"foot"} or (areas == {"hand"} and best_nerve < 1.0)
    ):
        return "stocking_glove"
    if words & SPOT_WORDS and len(refs) == 1:
        return "spot"
    if len(limbs) > 1 or len(sides - {"both"}) > 1:
        return "multifocal"
    segments_of_limb = {_placement(anatomy, r.region)[1] for r in refs}
    spread = bool(words & SPREAD_WORDS)
    if (spread and best_seg >= 0.3) or (best_seg >= 0.5 and len(segments_of_limb - {None}) > 1):
        return "dermatome"
    if (
        best_nerve >= 0.5
        and (len(refs) > 1 or any(r.aspects for r in refs))
        and limbs <= {"arm", "leg"}
    ):
        return "nerve_territory"
    return "region"


_PLACED: WeakKeyDictionary[object, dict[str, tuple[str, str | None]]] = WeakKeyDictionary()


def _placement(anatomy: object, region: str) -> tuple[str, str | None]:
    """The :func:`_area` and :func:`_segment_of_limb` of ``region``, kept per anatomy and
    region (they depend on the region tree only; a text's pattern asks for each of its
    regions)."""
    placed = _PLACED.get(anatomy)
    if placed is None:
        placed = _PLACED[anatomy] = {}
    found = placed.get(region)
    if found is None:
        found = placed[region] = (_area(anatomy, region), _segment_of_limb(anatomy, region))
    return found


def _segment_of_limb(anatomy: object, region: str) -> str | None:
    """upper arm, forearm, hand ... : the limb segment a region lies in (None off limbs)."""
    from .anatomy import Anatomy

    assert isinstance(anatomy, Anatomy)
    chain = (region, *anatomy.ancestors(region))
    for seg in (
        "hand",
        "wrist",
        "forearm",
        "elbow",
        "upper_arm",
        "shoulder",
        "axilla",
        "foot",
        "ankle",
        "leg",
        "knee",
        "thigh",
        "hip",
    ):
        if seg in chain:
            return seg
    if "lower_limb" in chain:
        return "lower_limb"
    if "upper_limb" in chain:
        return "upper_limb"
    return None


def _limb_area(area: str) -> str:
    return {"hand": "arm", "foot": "leg"}.get(area, area)


def from_regions(
    kb: KnowledgeBase,
    regions: Iterable[str | tuple[str, Iterable[str]]],
    *,
    side: str | None = None,
) -> Location:
    """A :class:`Location` built from region ids (or ``(id, aspects)`` pairs)."""
    if side not in (None, "left", "right", "both"):
        raise LocationError(f"side must be 'left', 'right' or 'both', not {side!r}", side)
    anatomy = kb.anatomy
    refs = []
    items = (regions,) if isinstance(regions, str) else regions
    if isinstance(items, (bytes, Mapping)) or not isinstance(items, Iterable):
        raise LocationError(f"regions must be a list of region ids, got {regions!r}", None)
    for item in items:
        aspects: tuple[str, ...]
        if isinstance(item, str):
            rid, aspects = item, ()
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            rid, aspects = item[0], names_arg("aspects", item[1])
        else:
            raise LocationError(
                f"each region must be an id or an (id, aspects) pair, got {item!r}", None
            )
        try:
            kb.region(rid)
        except UnknownRegionError:
            raise UnknownRegionError(rid, suggest(str(rid), (r.id for r in kb.regions))) from None
        bad = [a for a in aspects if a not in ASPECT_VALUES]
        if bad:
            raise LocationError(f"unknown aspect(s) {bad}; known: {', '.join(ASPECT_VALUES)}", rid)
        aspects = tuple(_resolve_aspects(rid, aspects))
        refs.append(
            RegionRef.model_validate(
                {
                    "region": rid,
                    "aspects": tuple(sorted(aspects)),
                    "surface": anatomy.surface_of(rid, aspects),
                    "side": side,
                }
            )
        )
    if not refs:
        raise LocationError("a location needs at least one region", None)
    return _assemble(kb, refs, (), None, set(), ())


ASPECT_VALUES: tuple[str, ...] = get_args(Aspect)
