"""``text.yaml``, the causes and the region words, turned once per knowledge base into the
lookup tables the reader uses (built on first use, kept per knowledge base)."""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar
from weakref import WeakKeyDictionary

from .._plain import Plain

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from .lexicon import CauseCue, FlagConcept

__all__ = [
    "DROP",
    "JoinedWords",
    "PhraseIndex",
    "Tables",
    "WordSet",
    "normalise",
    "normalise_spans",
    "stem",
    "tables",
]

V = TypeVar("V")
Role = Literal["cause_site", "trigger", "operation", "descriptor", "pain", "weak"]

DROP = frozenset({"the", "my", "his", "her", "their", "your", "our", "a", "an", "its", "both's"})
"""Words skipped on both sides when phrases are matched (the same as the location grammar's)."""

PERSON = "person:"
"""The prefix of the value of a concept that states a fact about the person (text.yaml's
``person``), not a red flag."""

SENTENCE_END = frozenset({".", ";", "!", "?"})


_TOKEN = re.compile(
    r"[0-9]+\.[0-9]+(?=[cf]\b|[^0-9a-z]|$)|[a-z0-9']+|[.,;!?&]|#(?= ?(?:[lr]|nof)\b)"
)
"""asking17: "#" before a side ("#L wrist", "# R radius") or "NOF" is a fracture, as clinical
notes write it; a hashtag ("#chemo") is no word."""


@lru_cache(maxsize=1)
def _other_unit() -> re.Pattern[str]:
    """A unit of a measure other than temperature after a number; compiled on first use
    (only a decimal number in the fever range reads it)."""
    return re.compile(
        r"\s*(?:%|(?:kgs?|kilos?|kilograms?|lbs?|pounds?|stones?|st|mmol|mg|mcg|ug|ml|l|cm|mm|"
        r"m|km|miles?|pg|ng|iu|units?|hours?|hrs?|mins?|minutes?|secs?|seconds?|days?|weeks?|"
        r"wks?|months?|years?|yrs?|times?|x|mph|percent|bmi)\b)"
    )


FEVER_C = (38.0, 42.5)
"""A temperature in degrees Celsius read as a fever (NICE NG143, NHS: 38 °C or above)."""
FEVER_F = (100.4, 108.0)
"""The same in degrees Fahrenheit."""
_HAS_NEXT = re.compile(r" +(?:had|been)\b")
"""lead23: the words after a "'s" that make it "has" ("mum's had", "dad's been")."""
_ARE_NEXT = re.compile(r" +(?:are|were|r)\b")
_PAIRED = frozenset(
    {"hand", "finger", "thumb", "toe", "foot", "leg", "arm", "knee", "ankle", "wrist", "elbow"}
    | {"heel", "shin", "hip", "thigh", "shoulder", "cheek", "lip"}
)
"""lead26: a body word whose "'s" before "are" is its plural ("my hand's are numb" is
"hands"); after another word it is a possessive ("my dad's are the same")."""
_IS = frozenset({"it", "that", "there", "here", "what", "who", "he", "she", "where", "how", "let"})
"""Words whose 's is "is" or "us", not a possessive: "it's" is ``its``, "mum's" is ``mum``."""


_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")

_FIELD_SLASH = re.compile(r"(?<=\s)/(?=\s)")
"""A slash with a space or line break on each side: the end of a form's field."""
_PAREN_QUERY = r"\((?=[^()?]{1,40}\?\))"
"""cause20: the opening of a parenthesis that closes on a question mark ("GP thinks it's my
neck (C7?) but ..."): the question asks only what the parenthesis holds, so the parenthesis
is a sentence of its own, as the question mark closing it ends one (a ";" for the bracket,
one character for one; compiled only when a text has one)."""


def normalise(text: str) -> list[str]:
    """Lower-case word and punctuation tokens; apostrophes dropped ("can't" -> ``cant``),
    a possessive 's removed ("mum's" -> ``mum``). The tokens of the location grammar."""
    if _PLAIN.fullmatch(text):  # most data phrases: lower-case words and single spaces
        return text.split(" ")
    return normalise_spans(text)[0]


@lru_cache(maxsize=1)
def _worry_mark() -> re.Pattern[str]:
    """lead29: a word of worry, a few words at most, and the colon or the spaced dash after
    them ("I'm scared - my hand ...", "worried this could be serious: numb between my
    legs"); compiled on first use, as :func:`_field_end` is."""
    return re.compile(
        r"\b((?:worried|worrying|scared|concerned|anxious|frightened|afraid|terrified|"
        r"panicking|panicked|nervous|help)\b[^.:;!?\n]{0,40}?)(:|(?<=\s)[-–—]+(?=\s))"
    )


@lru_cache(maxsize=1)
def _field_end() -> re.Pattern[str]:
    """A line break before a bullet, a number or a "field:" (compiled on first use)."""
    return re.compile(r"\n(?=[ \t]*(?:[-*•]|\d+[.)]\s|[a-z][a-z ]{0,30}:))")


def normalise_spans(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The tokens of :func:`normalise` and where each one was written in ``text`` (start,
    end), so that what the reader found can be shown in the writer's own words."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ")
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if "\n" in low:  # heldout16 areas: the items of a list, the lines of a form end a statement
        low = _field_end().sub(";", low)
    if ":" in low or "-" in low or "–" in low or "—" in low:
        # lead29: a worry set off by a colon or a dash, then what is worried about, stated
        # ("I'm worried: my left arm went numb suddenly"): the worry is a sentence of its own,
        # as "I'm worried. My left arm ..." is, and supposes nothing after it
        low = _worry_mark().sub(lambda m: m[1] + "." * len(m[2]), low)
    low = low.replace("’", "'").replace("‘", "'").replace("-", " ")
    if "/" in low:
        # a slash standing alone between spaces parts the fields of a form, as a comma does
        # ("Chest pain: no / Numb area: L hand"); one inside a word is a space ("b/l", "L4/5")
        low = _FIELD_SLASH.sub(",", low).replace("/", " ")
    if "?)" in low:  # cause20: "(C7?)" asks only itself
        low = re.sub(_PAREN_QUERY, ";", low)
    if not low.isascii():  # "Sjögren's", "Barré": each accented letter as its plain one
        low = "".join(_plain_letter(c) for c in low)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    if _PLAIN.fullmatch(low):  # plain words and single spaces: each word a token, as it is
        at = 0
        for t in low.split(" "):
            out.append(t)
            spans.append((at, at + len(t)))
            at += len(t) + 1
        return out, spans
    for m in _TOKEN.finditer(low):
        t = m.group()
        if t.isalnum() and t != "ve":  # a plain word or number (most tokens): as it is
            out.append(t)
            spans.append(m.span())
            continue
        at = m.start()
        if t == "?" and _query(low, at):
            continue  # "?meralgia": a clinician's suspected diagnosis, not a question
        if t == "ve" and at and text[at - 1] in "+-":  # "+ve Phalens", "Tinels -ve"
            out.append("positive" if text[at - 1] == "+" else "negative")
            spans.append((at - 1, m.end()))
            continue
        if t == "#":  # asking17: a fracture ("#L wrist")
            out.append("fractured")
            spans.append(m.span())
            continue
        if t == "&":
            out.append("and")
            spans.append(m.span())
            continue
        if (
            "." in t and t[0].isdigit()
        ):  # a decimal number ("38.4", "1.5 stone"): one word, no sentence end
            out.append("fever" if _fever(t, low, m.end()) else t)
            spans.append(m.span())
            continue
        t = t.strip("'")
        if t.endswith("'s") and t[:-2] not in _IS:
            if _HAS_NEXT.match(low, m.end()):
                # lead23: "'s" before "had" or "been" is "has" ("mum's had chemo"), not
                # a possessive: kept as a word, so that "mum had chest pains" is told apart
                out.extend((t[:-2], "has"))
                spans.extend(((m.start(), m.end() - 2), (m.end() - 2, m.end())))
                continue
            # lead26: a plural written with an apostrophe ("my toe's are numb")
            t = t[:-2] + ("s" if t[:-2] in _PAIRED and _ARE_NEXT.match(low, m.end()) else "")
        t = t.replace("'", "")
        if t:
            out.append(t)
            spans.append(m.span())
    return out, spans


def _fever(number: str, low: str, end: int) -> bool:
    """The decimal ``number`` (ending at ``end`` of ``low``) is a body temperature that is a
    fever ("now 38.4", "T 39.1 C", "temp of 101.3 F"): in the range of a fever in Celsius or
    Fahrenheit, and not followed by a unit of another measure ("38.5 kg", "40.5 mmol",
    "38.5 weeks")."""
    value = float(number)
    if not (FEVER_C[0] <= value <= FEVER_C[1] or FEVER_F[0] <= value <= FEVER_F[1]):
        return False
    return _other_unit().match(low, end) is None


def _query(low: str, at: int) -> bool:
    """The "?" at ``at`` is written against the word after it, not after a word
    ("?meralgia", "pt c/o numb hand, ?CTS", "?retention"): a clinical note's query of a
    diagnosis, which states the finding it names, not a question; a question mark ends a
    word. A "?" standing alone after a comma or a colon and before a word ("numb clumsy
    hands, ? CSM") is the same query (heldout12 flags); after a word it is a question
    ("numb face ? no")."""
    if at + 2 < len(low) and low[at + 1] == " " and low[at + 2].isalnum():
        before = low[:at].rstrip(" ")
        return at > len(before) and (not before or before[-1] in ",:")
    return (
        at + 1 < len(low)
        and low[at + 1].isalnum()
        and (at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "'"))
    )


def _plain_letter(c: str) -> str:
    """``c`` without its accent ("ö" -> "o"); one character for one, so that the spans of
    the tokens stay those of the text as written."""
    if c.isascii():
        return c
    base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
    return base if len(base) == 1 else c


_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """A light stem of ``word`` for matching red-flag words, the same for a word's
    inflections: a plural or third-person "s", "ing" and "ed" (with a doubled consonant
    undone: "dropping", "dropped" -> ``drop``), "ies"/"ied" (-> "y"), "ly" and a final
    "e" ("losing", "lose" -> ``los``). Words of three letters or fewer, and numbers, are
    kept as they are. Both the data and the text are stemmed, so an odd stem ("evening"
    -> ``even``) only matters if it meets a listed word's."""
    found = _STEMS.get(word)
    if found is not None:
        return found
    w = word
    if len(w) > 3 and w.isalpha():
        if len(w) > 4 and w.endswith(("ies", "ied")):
            w = w[:-3] + "y"
        else:
            if w.endswith("s") and not w.endswith(("ss", "us", "is")):
                w = w[:-1]
            for suffix in ("ing", "ed"):
                if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                    w = w[: -len(suffix)]
                    if w[-1] == w[-2] and w[-1] not in "aeiouslz":
                        w = w[:-1]
                    break
            if w.endswith("ly") and len(w) >= 6:
                w = w[:-2]
            if w.endswith("e") and len(w) >= 4:
                w = w[:-1]
    if len(_STEMS) > 65536:
        _STEMS.clear()
    _STEMS[word] = w
    return w


def phrase(text: str, *, drop: bool = True) -> tuple[str, ...]:
    """The tokens of a data phrase (without the DROP words unless ``drop`` is False)."""
    return tuple(t for t in normalise(text) if not (drop and t in DROP))


class PhraseIndex(Generic[V]):
    """Phrases (token tuples) -> values, found longest first, left to right. A look-up
    tries each length of phrase that begins with the word there (a few dictionary probes),
    not every phrase that begins with it.

    Its two dicts are its slots: the tables hold 65 of these (most of them the few
    phrases of a red flag's other words), and an instance dict each, made by unpickling,
    was 10 KiB."""

    __slots__ = ("_lengths", "_values")

    def __init__(self) -> None:
        # a phrase of one word is keyed by the word itself, not a tuple of it (2,000 of the
        # tables' 6,300 phrases: a tuple each was 0.1 MiB, and slicing one a look-up)
        self._values: dict[str | tuple[str, ...], tuple[V, ...]] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}  # first word -> lengths, longest first

    @property
    def words(self) -> Mapping[str, tuple[int, ...]]:
        """The words a phrase begins with (``in`` it: is there a phrase here?): the keys
        of the lengths, not a set of their own (a set of every word of the phrases was
        155 KiB over the tables). :meth:`all_words` gives every word."""
        return self._lengths

    def add(self, key: tuple[str, ...], value: V) -> None:
        if not key:
            return
        slot = key[0] if len(key) == 1 else key
        values = self._values.get(slot, ())
        if value in values:
            return
        # tuples, not lists: the prebuilt tables then store one (k,) and one (2, 1) for
        # every phrase that has them (prebuilt._shared), where each list was its own
        self._values[slot] = (*values, value)
        lengths = self._lengths.get(key[0], ())
        if len(key) not in lengths:
            self._lengths[key[0]] = tuple(sorted((*lengths, len(key)), reverse=True))

    def at(self, tokens: Sequence[str], i: int) -> list[tuple[int, V]]:
        """Every (length, value) of the phrases starting at ``i``, longest first."""
        out: list[tuple[int, V]] = []
        left = len(tokens) - i
        get = self._values.get
        first = tokens[i]
        for n in self._lengths.get(first, ()):
            if n > left:
                continue
            if n == 1:
                values = get(first)
            else:
                key = tokens[i : i + n]  # the readers' tokens are mostly tuples already
                values = get(key if type(key) is tuple else tuple(key))
            if values is not None:
                if len(values) == 1:
                    out.append((n, values[0]))
                else:
                    out.extend([(n, v) for v in values])
        return out

    def each(self, tokens: Sequence[str]) -> list[Sequence[tuple[int, V]]]:
        """:meth:`at` at every position of ``tokens`` (an empty tuple where no phrase
        begins): called only where a phrase begins, not once a token."""
        size = len(tokens)
        out: list[Sequence[tuple[int, V]]] = [()] * size
        get, lengths = self._values.get, self._lengths
        # only where a phrase begins (itertools.compress over the lengths found by map);
        # :meth:`at` written out here (a call a place where a phrase begins was a fifth of it)
        for i in itertools.compress(range(size), map(lengths.get, tokens)):
            found: list[tuple[int, V]] = []
            first = tokens[i]
            for n in lengths[first]:
                if n > size - i:
                    continue
                if n == 1:
                    values = get(first)
                else:
                    key = tokens[i : i + n]
                    values = get(key if type(key) is tuple else tuple(key))
                if values is not None:
                    if len(values) == 1:
                        found.append((n, values[0]))
                    else:
                        found.extend([(n, v) for v in values])
            out[i] = found
        return out

    def found(self, tokens: Sequence[str], no_single: Sequence[int] = ()) -> set[V]:
        """The values of every phrase :meth:`each` finds in ``tokens`` (bar those of one
        word at the places ``no_single``), as one set: the same look-ups, without the
        lists of (length, value) at each place."""
        out: set[V] = set()
        size = len(tokens)
        get, lengths = self._values.get, self._lengths
        for i in itertools.compress(range(size), map(lengths.get, tokens)):
            first = tokens[i]
            for n in lengths[first]:
                if n > size - i:
                    continue
                if n == 1:
                    values = None if i in no_single else get(first)
                else:
                    key = tokens[i : i + n]
                    values = get(key if type(key) is tuple else tuple(key))
                if values is not None:
                    out.update(values)
        return out

    def scan(self, tokens: Sequence[str]) -> list[tuple[int, int, list[V]]]:
        """Non-overlapping matches, longest first at each place: (start, end, values)."""
        out: list[tuple[int, int, list[V]]] = []
        after = 0  # where the last match ended: a match starts there or later
        # only where a phrase begins (itertools.compress over the lengths found by map)
        for i in itertools.compress(range(len(tokens)), map(self._lengths.get, tokens)):
            if i < after:
                continue
            hits = self.at(tokens, i)
            if hits:
                n = hits[0][0]
                out.append((i, i + n, [v for m, v in hits if m == n]))
                after = i + n
        return out

    def all_words(self) -> set[str]:
        """Every word of the phrases."""
        return {w for key in self._values for w in ((key,) if type(key) is str else key)}

    def keys(self) -> Iterable[tuple[str, ...]]:
        for key, values in self._values.items():
            phrase = (key,) if isinstance(key, str) else key
            for _ in values:
                yield phrase


class WordSet:
    """A set of words kept as one sorted tuple, found by bisection (``in``, ``len``,
    iteration). The reader's ``known`` words are about 5,600: as a frozenset that is
    32,768 slots of 16 bytes once unpickled (0.5 MiB), as a tuple 45 KiB; a look-up costs
    a dozen string comparisons instead of a hash, a few times per reading."""

    __slots__ = ("_words",)

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._words: tuple[str, ...] = tuple(sorted(set(words)))

    def __contains__(self, word: object) -> bool:
        if type(word) is not str:
            return False
        words = self._words
        i = bisect_left(words, word)
        return i < len(words) and words[i] == word

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WordSet):
            return self._words == other._words
        if isinstance(other, (set, frozenset)):
            return set(self._words) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"WordSet({len(self._words)} words)"


class JoinedWords:
    """Pairs of body words that may be written as one word: two words side by side in a
    region's name (``pairs``), or a side before any body word. The second kind (about
    3,000 pairs, 0.3 MiB as tuples in a frozenset) is tested, not stored: a pair is in
    it when its first word is a side and its second a body word."""

    def __init__(
        self, pairs: Iterable[tuple[str, str]], sides: Iterable[str], words: Iterable[str]
    ) -> None:
        self.pairs = frozenset(pairs)
        self.sides = frozenset(sides)
        self.words = frozenset(words)

    def __contains__(self, pair: object) -> bool:
        if pair in self.pairs:
            return True
        return (
            type(pair) is tuple
            and len(pair) == 2
            and pair[0] in self.sides
            and pair[1] in self.words
        )

    def __iter__(self) -> Iterator[tuple[str, str]]:
        """Every pair (the tested ones too), for comparing tables and for tests."""
        yield from self.pairs
        yield from ((s, w) for s in self.sides for w in self.words if (s, w) not in self.pairs)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JoinedWords):
            return NotImplemented
        return set(self) == set(other)

    __hash__ = None  # type: ignore[assignment]


class DeleteIndex:
    """The spelling's symmetric-delete index: each deletion of a vocabulary word -> the
    words it comes from. Most readings never look a typo up, and the index is the largest
    of the tables (about 21,000 strings), so the prebuilt one is pickled as compressed
    bytes and unpacked on its first look-up; one built at run time is kept as it is."""

    __slots__ = ("_packed", "_table")

    def __init__(self, table: dict[str, tuple[str, ...]] | None = None) -> None:
        self._table = {} if table is None else table
        self._packed: bytes | None = None

    @classmethod
    def _from_packed(cls, packed: bytes) -> DeleteIndex:
        out = cls()
        out._packed = packed
        return out

    def table(self) -> dict[str, tuple[str, ...]]:
        """The index itself (unpacked on first use; threads that race unpack equal ones)."""
        packed = self._packed
        if packed is not None:
            import pickle
            import zlib

            self._table = pickle.loads(zlib.decompress(packed))
            self._packed = None
        return self._table

    @property
    def packed(self) -> bool:
        """Whether the index is still the compressed bytes it was unpickled as."""
        return self._packed is not None

    def get(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        return self.table().get(key, default)

    def __len__(self) -> int:
        return len(self.table())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DeleteIndex):
            return NotImplemented
        return self.table() == other.table()

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[object, tuple[bytes]]:
        import pickle
        import zlib

        packed = self._packed
        if packed is None:
            packed = zlib.compress(pickle.dumps(self._table, protocol=pickle.HIGHEST_PROTOCOL))
        return DeleteIndex._from_packed, (packed,)


@dataclass(init=False, repr=False, eq=False)  # fields(), without exec'd methods
class Tables(Plain):
    """Everything the reader looks up, for one knowledge base."""

    spell: dict[str, tuple[str, ...]] = field(default_factory=dict)
    spell_multi: PhraseIndex[tuple[str, ...]] = field(default_factory=PhraseIndex)
    # (the words after that stop a spelling, whether a body word after stops it, the words
    # before that stop it, and the only words after it may stand before, if any)
    spell_unless: dict[
        tuple[str, ...], tuple[frozenset[str], bool, frozenset[str], frozenset[str]]
    ] = field(default_factory=dict)
    spell_only: set[tuple[str, ...]] = field(default_factory=set)  # only before a body word
    targets: WordSet = field(default_factory=WordSet)
    known: WordSet = field(default_factory=WordSet)
    deletes: DeleteIndex = field(default_factory=DeleteIndex)
    short: dict[str, tuple[str, ...]] = field(default_factory=dict)  # body words by deletion
    context: PhraseIndex[tuple[str, str, int]] = field(default_factory=PhraseIndex)
    causes: PhraseIndex[str] = field(default_factory=PhraseIndex)
    cues: PhraseIndex[int] = field(default_factory=PhraseIndex)
    cue_list: tuple[CauseCue, ...] = ()
    course: PhraseIndex[tuple[str, str]] = field(default_factory=PhraseIndex)
    symptoms: PhraseIndex[str] = field(default_factory=PhraseIndex)
    not_causes: PhraseIndex[str] = field(default_factory=PhraseIndex)
    flags: PhraseIndex[int] = field(default_factory=PhraseIndex)  # and facts of the person
    concepts: tuple[FlagConcept, ...] = field(default_factory=tuple)
    also: tuple[tuple[PhraseIndex[int], ...], ...] = field(default_factory=tuple)
    # the compositional rules: class phrases (stemmed) -> class index; each rule as its
    # concept index, the classes it needs, those that stop it, its scope and its near
    classes: PhraseIndex[int] = field(default_factory=PhraseIndex)
    rules: tuple[tuple[int, tuple[int, ...], tuple[int, ...], str, int], ...] = ()
    overrides: dict[int, frozenset[str]] = field(default_factory=dict)  # rule concept -> flags
    # rule concepts whose overrides take shared words
    shared: frozenset[int] = field(default_factory=frozenset)
    # the class whose phrases say something else than the words of other classes inside them
    # ("lost weight" holds the failure word "lost"): the flag class ``not_a_sign``, or -1
    not_a_sign: int = -1
    # that class's phrases alone (stemmed), scanned on their own: the whole class index was
    # walked for every text with "i", "after" or "since" in it, 5-8% of the text path
    not_a_sign_index: PhraseIndex[int] = field(default_factory=PhraseIndex)
    # rule concepts that hold only with an area of these regions on both sides (both_sides_of),
    # with the rule's scope and near, which the area keeps to as well
    both_sides: dict[int, tuple[frozenset[str], str, int]] = field(default_factory=dict)
    # role cues: a phrase before or after an area -> (role, regions) pairs, as tuples (the
    # prebuilt file stores equal ones once; a list each was 0.1 MiB)
    role_before: dict[tuple[str, ...], tuple[tuple[Role, tuple[str, ...]], ...]] = field(
        default_factory=dict
    )
    role_after: dict[tuple[str, ...], tuple[tuple[Role, tuple[str, ...]], ...]] = field(
        default_factory=dict
    )
    # the words of the cues that touch the area (``touching``: "table leg"), by word
    role_touching: dict[str, tuple[tuple[Role, tuple[str, ...]], ...]] = field(default_factory=dict)
    role_longest: int = 1
    region_words: frozenset[str] = field(default_factory=frozenset)
    joined: JoinedWords = field(  # body words that may be written as one
        default_factory=lambda: JoinedWords((), (), ())
    )
    fixes: dict[str, str | None] = field(default_factory=dict)  # typo look-ups memoised
    onset: frozenset[str] = field(default_factory=frozenset)
    # lead23: the endings of an operation's name, the words so ending that are none, and the
    # cause the word "operation" names (text.yaml's operation_ending, not_operation)
    operation_endings: tuple[str, ...] = ()
    not_operations: frozenset[str] = field(default_factory=frozenset)
    operation_cause: str | None = None
    # grammar words among the region words
    known_function: frozenset[str] = field(default_factory=frozenset)
    # the nerves by the words that name them (parse._Nerves), and the words a name begins
    # with (``nerves.first``: a reading reads the nerves only at one of them)
    nerves: Any = field(default_factory=lambda: None)
    nerve_first: frozenset[str] = frozenset()
    # the location grammar's region phrases (parse._Vocab), built with the tables so that
    # the prebuilt file holds them (about 1.3 ms of a first answer to make)
    vocab: Any = field(default_factory=lambda: None)

    # (the tables of RARE and UNCOMMON have default factories, so that the class has no
    # attribute of their names: a prebuilt instance without them calls __getattr__)

    def __init__(self, **given: Any) -> None:
        """Every table given, the others empty (their defaults)."""
        for f in fields(Tables):
            if f.name in given:
                value = given.pop(f.name)
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            else:
                value = f.default
            setattr(self, f.name, value)
        if given:
            raise TypeError(f"Tables got an unexpected keyword argument {next(iter(given))!r}")

    def __getattr__(self, name: str) -> Any:
        """A table of :data:`RARE` or :data:`UNCOMMON` left in the prebuilt file (the
        loader of its group, ``_rare`` or ``_uncommon``, set by
        :func:`acupoints.prebuilt.tables_for`) is read here, with the rest of its group, on
        its first use (threads that race read equal ones); any other missing attribute is
        an AttributeError."""
        group = _APART.get(name)
        if group is not None:
            load = self.__dict__.get(group)
            if load is not None:
                self.__dict__.update(load())
                self.__dict__.pop(group, None)
            if name in self.__dict__:  # read now, or by another thread meanwhile
                return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


RARE = ("deletes", "short", "targets", "joined", "nerves")
"""The tables only a word the reader does not know reads (the candidates of a typo, a
word that is two body words written as one), and the nerves by their names, which only a
word a nerve's name begins with reads: the prebuilt file keeps them apart, and a reading
that meets no such word never reads them (about 0.35 MiB)."""

UNCOMMON = (
    "concepts",
    "also",
    "not_causes",
    "symptoms",
    "spell_unless",
    "spell_only",
    "onset",
    "shared",
    "not_operations",
)
"""The tables a reading reads only for what some texts hold: the concepts of the red flags
and facts found (``concepts``: 99 are the dataset's records, the build makes the others)
and the other words a flag needs (``also``), a symptom or a "not a cause" phrase where a
cause might be, a spelling read only before or unless some words, an onset word in a
context, a rule overridden, a word ending like an operation's name. The prebuilt file
keeps them apart from the others and from :data:`RARE` (a group of their own, read whole
on the first use of one of them; the objects it shares with the other tables are theirs,
not copies). A first answer does not read them, nor do 5 in 6 of the generated queries
(the corpus's sentences, many written for their red flags, 1 in 3): 0.17 MiB kept, and
about 1,600 objects fewer to unpickle before a first answer."""

_APART = {**dict.fromkeys(RARE, "_rare"), **dict.fromkeys(UNCOMMON, "_uncommon")}
"""Each table the prebuilt file keeps apart, by name: the key of its group's loader in a
prebuilt :class:`Tables`' ``__dict__``."""

_TABLES: WeakKeyDictionary[KnowledgeBase, Tables] = WeakKeyDictionary()


def tables(kb: KnowledgeBase) -> Tables:
    """The tables of ``kb`` (built on first use, once: threads that ask at the same time
    wait for the first)."""
    found = _TABLES.get(kb)
    if found is None:
        with _TABLES_LOCK:
            found = _TABLES.get(kb)
            if found is None:
                from ..prebuilt import tables_for  # the packaged data's, built with it

                found = tables_for(kb)
                if found is None:  # not the packaged data: built now (text/_compile.py)
                    from ._compile import _build

                    found = _build(kb)
                _TABLES[kb] = found
    return found


_TABLES_LOCK = threading.RLock()
