"""Causes, time course and red-flag concepts found in a description.

Phrases are matched on the *content* tokens (the words without "the", "my", "a" ...), so
"lost control of my bladder" and "lost control of the bladder" are one phrase; each
finding keeps the span of the tokens it covers, and takes its context from its first word.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from .._plain import Frozen
from .compiled import DROP, SENTENCE_END, PhraseIndex, Tables, phrase, stem

__all__ = [
    "Content",
    "Hit",
    "causes",
    "composed",
    "content",
    "course",
    "flags",
    "grades",
    "overridden",
    "symptom_spans",
    "weights",
]

CAUSE_SKIP = frozenset({"historical"})
"""Contexts that still leave a cause standing: chemotherapy had years ago still explains
numb feet today."""


class Content(Frozen):
    """The content tokens of a description and where each one is among all tokens."""

    __slots__ = ("at", "stems", "words")
    words: tuple[str, ...]
    at: tuple[int, ...]
    stems: tuple[str, ...]  # the stem of each word (red-flag words are found by them)

    def __init__(
        self, words: tuple[str, ...], at: tuple[int, ...], stems: tuple[str, ...] = ()
    ) -> None:
        _set(self, "words", words)
        _set(self, "at", at)
        _set(self, "stems", stems)


class Hit(Frozen):
    """A phrase found: its value, its span among all tokens and its words."""

    __slots__ = ("context", "end", "extra", "start", "value", "words")
    value: str
    start: int
    end: int  # exclusive, among all tokens
    words: str
    context: frozenset[str]
    extra: object

    def __init__(
        self,
        value: str,
        start: int,
        end: int,
        words: str,
        context: frozenset[str],
        extra: object = None,
    ) -> None:
        _set(self, "value", value)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "words", words)
        _set(self, "context", context)
        _set(self, "extra", extra)


_set = object.__setattr__


def content(tokens: Sequence[str]) -> Content:
    at: list[int] = []
    words: list[str] = []
    for i, tok in enumerate(tokens):
        if tok not in DROP:
            at.append(i)
            words.append(tok)
    return Content(tuple(words), tuple(at), tuple(map(stem, words)))


def _span(c: Content, start: int, end: int) -> tuple[int, int]:
    return c.at[start], c.at[end - 1] + 1


def _ctx(ctx: Sequence[frozenset[str]], a: int, b: int) -> frozenset[str]:
    """The context of a finding: of any of its words ("never had chemo": the trigger
    "never had" covers "chemo", the finding "had chemo" starts inside the trigger)."""
    out: frozenset[str] = frozenset()
    for i in range(a, b):
        out |= ctx[i]
    return out


def _concept_context(concept: Any, ctx: Sequence[frozenset[str]], a: int, b: int) -> frozenset[str]:
    """The context of a red-flag concept found on tokens ``a`` to ``b``: a history counts
    for a ``past`` concept, and a supposed fact about the person for a ``maybe`` one (the
    safer answer)."""
    context = _ctx(ctx, a, b) - ({"historical"} if concept.past else frozenset())
    if concept.maybe:
        context -= {"hypothetical"}
    return context


def symptom_spans(t: Tables, c: Content) -> set[int]:
    """Content positions covered by symptom phrases ("fall asleep", "pins and needles")
    and phrases that name no cause ("bladder infection"): no cause is read there, except
    a cause name that holds a symptom phrase whole and says more ("ulnar neuropathy": the
    symptom word "neuropathy" is part of the name, see :func:`causes`)."""
    out: set[int] = set()
    for index in (t.symptoms, t.not_causes):
        for start, end, _ in index.scan(c.words):
            out.update(range(start, end))
    return out


def _symptom_only(t: Tables, c: Content) -> list[tuple[int, int]]:
    """The spans of symptom phrases that no phrase naming no cause covers."""
    hard: set[int] = set()
    for start, end, _ in t.not_causes.scan(c.words):
        hard.update(range(start, end))
    return [
        (start, end)
        for start, end, _ in t.symptoms.scan(c.words)
        if not any(j in hard for j in range(start, end))
    ]


def _holds_symptoms(spans: list[tuple[int, int]], blocked: set[int], i: int, j: int) -> bool:
    """The cause name at content words ``i:j`` is blocked only by symptom phrases that it
    holds whole, and it has words of its own beside them ("ulnar neuropathy", not
    "neuropathy" nor "pins and needles")."""
    inside = [(a, b) for a, b in spans if a < j and i < b]
    covered = {k for a, b in inside for k in range(a, b)}
    return (
        bool(inside)
        and all(i <= a and b <= j for a, b in inside)
        and {k for k in range(i, j) if k in blocked} <= covered
        and len(covered) < j - i
    )


def causes(
    t: Tables, c: Content, ctx: Sequence[frozenset[str]], blocked: set[int] | None = None
) -> list[Hit]:
    """Causes named (cause synonyms and cause cues), in order, longest first at each place
    and never over a blocked word (``blocked``: :func:`symptom_spans`, found where a cause
    or cue begins if not given). A cue's value is ``cue:<n>`` (resolved by the reader
    once the areas are known)."""
    out: list[Hit] = []
    i = 0
    n = len(c.words)
    spans: list[tuple[int, int]] | None = None  # symptom phrases, found when first needed
    cue_words, cause_words = t.cues.words, t.causes.words
    while i < n:
        word = c.words[i]
        options: list[tuple[int, str]] = []
        if word in cue_words:
            options += [(length, f"cue:{k}") for length, k in t.cues.at(c.words, i)]
        if word in cause_words:
            options += list(t.causes.at(c.words, i))
        if not options and len(word) > 7 and _operation(t, word):  # (no shorter one is)
            options = [(1, t.operation_cause)]  # type: ignore[list-item]
        if not options:  # no cause or cue begins here (most words)
            i += 1
            continue
        options.sort(key=lambda o: -o[0])  # stable: a cue before a synonym of one length
        if blocked is None:
            blocked = symptom_spans(t, c)
        pick = None
        for o in options:
            if not any(j in blocked for j in range(i, i + o[0])):
                pick = o
                break
            if spans is None:
                spans = _symptom_only(t, c)
            if _holds_symptoms(spans, blocked, i, i + o[0]):
                pick = o  # heldout9 areas: "ulnar neuropathy", a cause holding a symptom word
                break
        if pick is None:
            i += 1
            continue
        length, value = pick
        start, end = _span(c, i, i + length)
        words = " ".join(c.words[i : i + length])
        out.append(Hit(value, start, end, words, _ctx(ctx, start, end) - CAUSE_SKIP, extra=i))
        i += length
    if "nerve" in c.words:
        out = _pressed_nerves(t, c, ctx, out)
    return out


def _operation(t: Tables, word: str) -> bool:
    """lead23: ``word`` names an operation by its ending, not listed as a cause of its own
    ("hysterectomy", "laparotomy", "colostomy", "kyphoplasty"; not "dichotomy")."""
    return (
        t.operation_cause is not None
        and len(word) > 7
        and word.endswith(t.operation_endings)
        and word not in t.not_operations
    )


PRESSED = ("trapped", "pinched", "squashed", "compressed", "squeezed", "entrapped")
"""cause19: words that say a nerve is pressed, read a few words from "nerve" ("the nerve is
getting squashed", "my trapped neck nerve"), as the cue "trapped nerve" is."""
NERVE_NAMES = ("ulnar", "median", "tibial", "neck", "back", "elbow", "wrist", "ankle")
"""cause19: words before "nerve" that name it or its place ("the ulnar nerve", "my elbow
nerve"), read with it: a place so named places the nerve pressed."""
_STOPS = (",", ".", ";", "!", "?", "and", "but")
PRESSED_HIT = "pressed"
"""The ``extra`` of a cue hit read by :func:`_pressed_nerves`: a place named anywhere in its
clause places it ("my wrist is where the nerve is pinched"), and a nerve named names its
cause (causes.yaml ``nerves``)."""


# cause19: a nerve said to be pressed with words between ("the ulnar nerve getting squashed at
# my elbow", "a nerve being pinched in my neck", "my trapped neck nerve"): the cue of discs and
# nerves, placed by its site, its name or the numb area; a "nerve" already read is left.
def _pressed_nerves(
    t: Tables, c: Content, ctx: Sequence[frozenset[str]], found: list[Hit]
) -> list[Hit]:
    cue = next(k for k, q in enumerate(t.cue_list) if "neck" in q.by_area)
    words, at, added = c.words, c.at, []
    for j, w in enumerate(words):
        if w != "nerve" or any(h.start <= at[j] < h.end for h in found):
            continue
        lo = hi = 0
        for p in range(j + 1, min(len(words), j + 4)):  # "the nerve is getting squashed"
            if words[p] in _STOPS:
                break
            if words[p] in PRESSED:
                lo, hi = j - (j > 0 and words[j - 1] in NERVE_NAMES), p + 1
                break
        for p in range(j - 1, max(-1, j - 3), -1):  # "my trapped neck nerve"
            if hi or words[p] in _STOPS:
                break
            if words[p] in PRESSED:
                lo, hi = p, j + 1
        if hi:
            a, b = _span(c, lo, hi)
            told = " ".join(words[lo:hi])
            added.append(Hit(f"cue:{cue}", a, b, told, _ctx(ctx, a, b) - CAUSE_SKIP, PRESSED_HIT))
    # flags23: the nerve named before, then "mine" said pressed at a place in a clause of its
    # own ("re: ulnar nerve thread. Mine is trapped at the elbow too"): "mine" is spelt "my",
    # a word the content leaves out, so "is" opens its clause with one word left out before it
    first = words.index("nerve")
    for p in range(first + 3, len(words)):
        if (
            words[p] in PRESSED
            and words[p - 1] in MINE_IS
            and words[p - 2] in _STOPS
            and at[p - 1] - at[p - 2] == 2
            and any(w in NERVE_SITES for w in words[p + 1 : p + 4])
            and not any(h.start <= at[p] < h.end for h in (*found, *added))
        ):
            a, b = _span(c, p - 1, p + 1)
            told = " ".join(words[p - 1 : p + 1])
            added.append(Hit(f"cue:{cue}", a, b, told, _ctx(ctx, a, b) - CAUSE_SKIP, PRESSED_HIT))
    return sorted([*found, *added], key=lambda h: h.start) if added else found


MINE_IS = ("is", "s", "was", "got", "gets")
"""flags23: words between "mine" and a word that says it is pressed ("mine is trapped")."""
NERVE_SITES = NERVE_NAMES[3:]
"""flags23: the places a nerve is pressed, one of which must follow "mine is trapped" ("at
the elbow"): "mine is trapped in the snow" names no nerve."""


SHORTHAND = {"7": "days", "52": "weeks", "12": "months"}
"""Clinical shorthand of a duration: "x 3/52" is three weeks (of 52 in a year), "2/12" two
months, "5/7" five days; read after "x", "for" or "over", or before "ago", "hx" or
"history"."""


GESTATION = frozenset({"pregnant", "preg", "pg", "gone", "along", "gestation", "pregnancy"})
"""Words that make the weeks before them the weeks of a pregnancy ("30 weeks pregnant",
"32 wks gone", "28 weeks gestation", "20 weeks into my pregnancy")."""


def _gestation(words: Sequence[str], start: int, end: int) -> bool:
    """The weeks at ``start:end`` count a pregnancy, not how long the numbness has lasted:
    a number of weeks followed by a word of :data:`GESTATION` (a "my", "the", "of" or
    "into" between), or put after "pregnant" ("pregnant (32 weeks)", "pregnant at 28
    weeks")."""
    if start == 0 or not words[start - 1].isdigit():
        return False
    after = [w for w in words[end : end + 3] if w not in ("my", "the", "of", "into", "this")]
    if after[:1] and after[0] in GESTATION:
        return True
    before = [w for w in words[max(0, start - 4) : start - 1] if w not in ("at", "about", "around")]
    return before[-1:] == ["pregnant"]


def course(t: Tables, c: Content, ctx: Sequence[frozenset[str]]) -> list[Hit]:
    """Time-course terms, as ``facet:value`` (the weeks of a pregnancy are none)."""
    out = []
    for start, end, values in t.course.scan(c.words):
        a, b = _span(c, start, end)
        facet, value = values[0]
        if facet == "duration" and _gestation(c.words, start, end):
            continue
        out.append(Hit(f"{facet}:{value}", a, b, " ".join(c.words[start:end]), _ctx(ctx, a, b)))
    words = c.words
    if SHORTHAND.keys().isdisjoint(words):
        return out  # no shorthand of a duration here (most texts)
    for i in range(len(words) - 1):  # heldout10 areas: from the first word ("6/12 hx of")
        unit = SHORTHAND.get(words[i + 1])
        if unit is None or not words[i].isdigit() or not 0 < int(words[i]) < int(words[i + 1]):
            continue
        if (i and words[i - 1] in ("x", "for", "over")) or (
            i + 2 < len(words) and words[i + 2] in ("ago", "hx", "history")
        ):
            a, b = _span(c, i, i + 2)
            out.append(Hit(f"duration:{unit}", a, b, f"{words[i]}/{words[i + 1]}", _ctx(ctx, a, b)))
    return out


def flags(t: Tables, c: Content, ctx: Sequence[frozenset[str]], clause: Sequence[int]) -> list[Hit]:
    """Red-flag concepts found: value is the flag id, ``extra`` the concept index, where
    the sign's words end with what follows them in its clause, and the spans of its words
    (the concept's, then those of each ``also`` group)."""
    out: list[Hit] = []
    them = not SUBJECTS.isdisjoint(c.words)  # flags18: a clause said of "he" or "she"
    void = _not_a_sign(t, c)  # lead29: "after falling asleep" is no fall
    for start, hits in enumerate(t.flags.each(c.words)):
        if not hits:
            continue
        longest: dict[int, int] = {}  # concept -> its longest phrase here (overlaps allowed)
        for length, k in hits:
            longest.setdefault(k, length)
        for k, length in longest.items():
            end = start + length
            if void and any(_inside(start, end, i, j) for i, j in void):
                continue  # lead29: "after falling" in "after falling asleep" is no fall
            a, b = _span(c, start, end)
            concept = t.concepts[k]
            context = _concept_context(concept, ctx, a, b)
            words = [" ".join(c.words[start:end])]
            spans = [(a, b)]
            reach = b  # the end of the sign's words, with what follows it in its clause
            ok = True
            # the not_a_sign phrases that do not hold the concept's own words ("lost weight"
            # is no failing bladder, but is the weight lost)
            unheld = [v for v in void if not (v[0] <= start and end <= v[1])] if void else void
            for group in t.also[k]:
                near = (clause[a], clause[b - 1]) if concept.same_clause else None
                found = _also(group, c, ctx, clause, near, (a, b), context, unheld)
                if found is None and them and not context and _said_of_them(c, clause, a):
                    # flags18: the sign's words in a clause said of "he" or "she", what
                    # goes with it in another person's words: theirs ("my husband is sick
                    # with fever and he is on the medicine after transplant of liver")
                    found = _also(group, c, ctx, clause, near, (a, b), THEIRS, unheld)
                    context = THEIRS if found is not None else context
                if found is None:
                    ok = False
                    break
                words.append(found[0])
                spans.append((found[1], found[2]))
                if concept.same_clause and found[1] >= b:
                    reach = max(reach, found[2])
            if ok:
                out.append(
                    Hit(
                        concept.flag,
                        a,
                        b,
                        " + ".join(words),
                        context,
                        extra=(k, reach, tuple(spans)),
                    )
                )
    return out


THEIRS = frozenset({"other"})
SUBJECTS = frozenset({"he", "she", "hes", "shes"})
"""flags18: words that make a clause said of another person."""


def _said_of_them(c: Content, clause: Sequence[int], a: int) -> bool:
    """flags18: a subject of :data:`SUBJECTS` stands before token ``a`` in its clause."""
    return any(
        w in SUBJECTS and at < a and clause[at] == clause[a]
        for w, at in zip(c.words, c.at, strict=True)
    )


def _also(
    group: object,
    c: Content,
    ctx: Sequence[frozenset[str]],
    clause: Sequence[int],
    near: tuple[int, int] | None,
    own: tuple[int, int],
    allowed: frozenset[str],
    void: Sequence[tuple[int, int]],
) -> tuple[str, int, int] | None:
    """A phrase of ``group`` in the sentence (in the clause of ``near`` when given), in no
    context the concept's own words are not in (a denied "bladder problems" does not
    complete "bladder"), not inside the concept's own words nor inside a longer phrase of
    ``void`` (the class ``not_a_sign``: "lost" in "lost weight"); the first after them if
    there is one. Returns its words and its span. ``near``: the clauses of the concept's
    first and last words ("the pain is so bad at night": "so" opens a clause inside the
    concept)."""
    assert isinstance(group, PhraseIndex)
    found = []
    for start, end, _ in group.scan(c.words):
        a, b = _span(c, start, end)
        if own[0] <= a < own[1]:
            continue
        if void and any(_inside(start, end, i, j) for i, j in void):
            continue  # lead29: "weeing all the time and lost weight" is no bladder lost
        if (_ctx(ctx, a, b) - allowed) & NOT_STATED:
            continue
        if near is not None and clause[a] not in near:  # the clause of its first or last word
            continue
        if c.words[end - 1] in CANT and c.words[end : end + 1] == ("feel",):
            continue  # flags19: "can't feel the coins" is what is not felt, no task failed
        found.append((" ".join(c.words[start:end]), a, b))
    after = [f for f in found if f[1] >= own[1]]
    best = after or found
    return best[0] if best else None


CANT = frozenset({"cant", "can't", "cannot"})
"""An inability word: before "feel" it says what is not felt, not what cannot be done."""
NOT_STATED = frozenset({"negated", "hypothetical", "other"})
"""Contexts in which a word is no statement of the person's own (denied, supposed, someone
else's); a past one still is."""
QUIET = NOT_STATED | {"historical"}
"""Contexts in which a word says nothing about the person now."""
SOFT_ENDS = frozenset({"now", "and", "also", "plus", "then", "still", "as"})
"""The first words of the termination terms that end no segment (``scope: segment``)."""


_BY_CLASS: dict[int, tuple[Sequence[Any], dict[int, tuple[int, ...]]]] = {}


def _rules_by_class(rules: Sequence[Any]) -> dict[int, tuple[int, ...]]:
    """Word class -> the places in ``rules`` (the tables' ``rules``) of those whose first
    class it is (the smallest: a rule is ready only where that class is found, so the
    classes a text names give every rule that may be ready, and few others), made once
    per table of rules (kept while those rules are: keyed by their id)."""
    kept = _BY_CLASS.get(id(rules))
    if kept is not None and kept[0] is rules:
        return kept[1]
    out: dict[int, list[int]] = {}
    for k, rule in enumerate(rules):
        # a rule that needs no class: under -1, always tried
        out.setdefault(min(rule[1]) if rule[1] else -1, []).append(k)
    found = {n: tuple(ks) for n, ks in out.items()}
    if len(_BY_CLASS) >= 8:
        _BY_CLASS.clear()
    _BY_CLASS[id(rules)] = (rules, found)
    return found


_READY: dict[tuple[int, frozenset[int]], tuple[Sequence[Any], tuple[Any, ...]]] = {}


def _ready(rules: Sequence[Any], have: frozenset[int]) -> tuple[Any, ...]:
    """The rules of ``rules`` (the tables' ``rules``) whose word classes are all in
    ``have`` (the classes a text names), in the order of the rules. Kept per table of rules
    and set of classes: the texts of a workload name a few hundred sets of classes, each
    a tuple of a few rules (about 0.1 KiB an entry, at most 1,024 entries: about 0.1 MiB
    at most, dropped by ``kb.clear_caches()`` through :func:`forget`)."""
    key = (id(rules), have)
    kept = _READY.get(key)
    if kept is not None and kept[0] is rules:
        return kept[1]
    by_class = _rules_by_class(rules)
    # only the rules that need a class found here, in the order of the rules
    found = tuple(
        r
        for k in sorted({k for n in (*have, -1) for k in by_class.get(n, ())})
        if have.issuperset((r := rules[k])[1])
    )
    if len(_READY) >= 1024:
        _READY.clear()
    _READY[key] = (rules, found)
    return found


def forget() -> None:
    """Drop the rules kept per set of word classes (:func:`_ready`)."""
    _READY.clear()


def composed(
    t: Tables,
    c: Content,
    ctx: Sequence[frozenset[str]],
    clause: Sequence[int],
    tokens: Sequence[str],
    sentence: Sequence[int],
) -> list[Hit]:
    """Red flags read by composition (text.yaml's ``flag_rules``): a phrase of each of a
    rule's word classes (found by the stems of its words) in one clause or sentence, each
    in no context that stops it (a past one counts only for a ``past`` rule), and no
    phrase of an ``unless`` class there; with ``near``, at most that many words between
    the phrases. The hit's words are the phrase of each class, in
    the order they were written; ``extra`` is as :func:`flags` gives it. ``sentence`` is
    the sentence of each token (``Prepared.sentence``)."""
    if not t.rules:
        return []
    words = c.words
    # flags19: what is not felt ("cant feel"), as in _also: no class of one word there
    unfelt = (
        [i for i, w in enumerate(words) if w in CANT and words[i + 1 : i + 2] == ("feel",)]
        if not CANT.isdisjoint(words)
        else ()
    )
    # the classes found first (as one set: PhraseIndex.found), the places of their
    # phrases only if a rule may be ready (about one text in twelve)
    have = t.classes.found(c.stems, unfelt)
    if not have:
        return []
    ready = _ready(t.rules, frozenset(have))
    if not ready:
        return []
    each = t.classes.each(c.stems)
    for i in unfelt:
        each[i] = [h for h in each[i] if h[0] > 1]
    found: dict[int, list[tuple[int, int, int, int]]] = {}  # class -> (a, b, i, j)
    for i, hits in enumerate(each):
        seen: set[int] = set()
        for length, n in hits:  # longest first: one phrase per class here
            if n not in seen:
                seen.add(n)
                a, b = _span(c, i, i + length)
                found.setdefault(n, []).append((a, b, i, i + length))
    void = found.get(t.not_a_sign, ())
    segment = segments(tokens, clause)
    out: list[Hit] = []
    for k, need, unless, where, near in ready:
        concept = t.concepts[k]
        allowed = frozenset({"historical"}) if concept.past else frozenset()
        scope = clause if where == "clause" else segment if where == "segment" else sentence
        for place in sorted({scope[a] for a, *_ in found[need[0]]}):
            here = {n: [m for m in found[n] if scope[m[0]] == place] for n in need}
            if void:  # lead29: "lost" in "lost weight" is no bladder that fails
                here = _unheld(here, void)
            if not all(here.values()):
                continue
            # a trigger inside a phrase of the rule is part of what it says ("could not
            # lift", "no longer", "weaker than a month ago"): read the context again
            # without those phrases' words, so only a trigger outside them counts
            # (and inside a phrase of an ``unless`` class: "without warning" is sudden)
            stoppers = [m for n in unless for m in found.get(n, ()) if scope[m[0]] == place]
            masked = _masked(t, tokens, [m for ms in here.values() for m in ms] + stoppers)
            own: Sequence[frozenset[str]] = ctx if masked is None else masked

            clean = _clean_in(own, allowed)
            # flags19: a stopper in another's words stops a rule read in them ("my husband
            # keeps dropping his keys and bumping into door frames": no blow)
            stops = _clean_in(own, allowed | {"other"})
            if any(
                scope[a] == place and stops(a, b) for n in unless for a, b, *_ in found.get(n, ())
            ):
                continue
            parts = _parts(need, here, clean, near)
            context: frozenset[str] = frozenset()
            if parts is None:
                # heldout8 flags: someone else's, read as theirs ("my wife's leg has been
                # giving out under her"): the reader raises it when the writer reports
                # another person's signs and none of their own (reader._proxy_report)
                parts = _parts(need, here, _clean_in(own, allowed | {"other"}), near)
                if parts is None:
                    continue
                context = frozenset({"other"})
            a, b = parts[0][0], parts[0][1]
            out.append(
                Hit(
                    concept.flag,
                    a,
                    b,
                    " + ".join(" ".join(c.words[i:j]) for _, _, i, j in parts),
                    context,
                    extra=(k, max(p[1] for p in parts), tuple((p[0], p[1]) for p in parts)),
                )
            )
            break  # one hit per rule
    return out


Match = tuple[int, int, int, int]  # a class phrase: its span among all tokens, then content


def _not_a_sign(t: Tables, c: Content) -> list[tuple[int, int]]:
    """The spans (among the content words) of the phrases of the class ``not_a_sign``."""
    return [(i, j) for i, j, _ in t.not_a_sign_index.scan(c.stems)]


def _inside(start: int, end: int, i: int, j: int) -> bool:
    """Whether the words ``start:end`` lie inside the longer phrase ``i:j``."""
    return i <= start and end <= j and j - i > end - start


def _unheld(here: dict[int, list[Match]], void: Sequence[Match]) -> dict[int, list[Match]]:
    """``here`` (a rule's phrases of each class) less those inside a longer phrase of
    ``void`` (the class ``not_a_sign``) that holds no phrase of the rule's other classes:
    "lost" in "lost weight" fails no bladder, but is the fall of the weight."""
    out: dict[int, list[Match]] = {}
    for n, matches in here.items():
        others = [o for k, os in here.items() if k != n for o in os]
        out[n] = [
            m
            for m in matches
            if not any(
                _inside(m[2], m[3], v[2], v[3])
                and not any(v[2] <= o[2] and o[3] <= v[3] for o in others)
                for v in void
            )
        ]
    return out


def segments(tokens: Sequence[str], clause: Sequence[int]) -> list[int]:
    """The segment of every token: a clause of the reader, but not ended by a termination
    term that adds to what was said ("my handwriting is now illegible", "and my", "also")."""
    segment: list[int] = []
    n = 0
    for i, tok in enumerate(tokens):
        if i and clause[i] != clause[i - 1] and tok not in SOFT_ENDS:
            n += 1
        segment.append(n)
    return segment


def _clean_in(own: Sequence[frozenset[str]], allowed: frozenset[str]) -> Callable[[int, int], bool]:
    """Whether the words ``a:b`` stand in no context that keeps a rule quiet, bar those of
    ``allowed`` (a history, for a rule that counts one; someone else's, for a carer's
    report)."""

    def clean(a: int, b: int) -> bool:
        return not ((_ctx(own, a, b) - allowed) & QUIET)

    return clean


def _parts(
    need: Sequence[int],
    here: dict[int, list[Match]],
    clean: Callable[[int, int], bool],
    near: int,
) -> list[Match] | None:
    """One phrase of each class of ``need``, in order of the text: each in a clean
    context, none overlapping another, and (with ``near``) each at most ``near`` words
    from the others; each phrase of the first class is tried as the anchor in turn."""
    for anchor in here[need[0]]:
        if not clean(anchor[0], anchor[1]):
            continue
        parts = [anchor]
        for n in need[1:]:
            pick = next(
                (
                    m
                    for m in here[n]
                    if clean(m[0], m[1])
                    and not any(m[0] < q[1] and q[0] < m[1] for q in parts)
                    and not (near and any(max(m[2] - q[3], q[2] - m[3]) > near for q in parts))
                ),
                None,
            )
            if pick is None:
                break
            parts.append(pick)
        else:
            return sorted(parts)
    return None


def _masked(
    t: Tables, tokens: Sequence[str], spans: Sequence[tuple[int, int, int, int]]
) -> list[frozenset[str]] | None:
    """The contexts of ``tokens`` with the trigger terms that lie wholly inside one of the
    phrases ``spans`` hidden, if there is one (else None: the contexts already read)."""
    from .context import contexts

    hidden: set[int] = set()
    for a, b, *_ in spans:
        for i in range(a, b):
            if tokens[i] in t.context.words:
                for m, _ in t.context.at(tokens, i):
                    if i + m <= b:  # a whole trigger term inside the phrase
                        hidden.update(range(i, i + m))
    if not hidden:
        return None
    masked = [("" if p in hidden else tok) for p, tok in enumerate(tokens)]
    return contexts(t, masked)


def overridden(t: Tables, hits: Sequence[Hit]) -> list[Hit]:
    """``hits`` without those of a flag that a rule's flag stands for (text.yaml's
    ``overrides``) whose words all lie within that rule's words: "the weakness is climbing
    higher every day" is ascending weakness, not progressive weakness as well. A rule in
    a context (someone else's: "my grandad keeps dropping his cup, he's also shuffling")
    stands for the flags of that same context only."""
    if not t.overrides:
        return list(hits)
    gone: set[tuple[str, int, int, bool, frozenset[str]]] = set()
    for h in hits:
        assert isinstance(h.extra, tuple)
        flags_over = t.overrides.get(h.extra[0])
        if flags_over:
            # from the rule's first word to its last (heldout8 flags): "over the last three
            # days it has risen past my knees and my legs are getting weaker" holds the
            # progressive flag's "getting weaker"
            a = min(x for x, _ in h.extra[2])
            b = max(y for _, y in h.extra[2])
            # a rule marked overrides_shared takes a flag that shares one word with it
            ctx = h.context & QUIET
            gone.update((f, a, b, h.extra[0] in t.shared, ctx) for f in flags_over)
    if not gone:
        return list(hits)

    def within(h: Hit) -> bool:
        assert isinstance(h.extra, tuple)
        parts = h.extra[2]
        mine = [g for g in gone if g[0] == h.value and (not g[4] or g[4] == h.context & QUIET)]
        spans = [(a, b) for _, a, b, _, _ in mine]
        near = [(a, b) for _, a, b, one, _ in mine if one]
        if any(x < b and a < y for a, b in near for x, y in parts):
            return True  # one word among the rule's ("spread up")
        return bool(spans) and all(any(a <= x and y <= b for a, b in spans) for x, y in parts)

    return [h for h in hits if not within(h)]


GRADE_CONCEPT = "power_grade_falling"
"""The concept (text.yaml) a fallen strength grade raises: its flag and sources."""
EARLIER = frozenset(
    {"was", "prev", "previously", "previous", "from", "before", "formerly", "baseline"}
    | {"initially", "originally", "prior"}
)
"""Words between two strength grades that make the second the earlier one ("3/5, was 4/5",
"4/5 down from 5/5", "3/5 (prev 4/5)")."""
LATER = frozenset({"now", "to", "today", "currently", "then", "->"})
"""Words between two grades that make the second the later one ("was 5/5, now 3/5")."""
PAST_AFTER = frozenset({"last", "previously", "prev", "before", "ago", "earlier", "prior"})
"""Words just after the second grade that date it before the first ("3/5, 4/5 last week")."""
GRADE_GAP = 6
"""At most this many words between two grades compared."""


def _second_earlier(between: set[str], after: Sequence[str]) -> bool | None:
    """Of two figures of one measure (strength grades, body weights), what the words say:
    True when the second is the earlier ("3/5, was 4/5", "61kg from 70kg", or words after
    it that date it: "3/5, 4/5 last week"), False when the second is the later ("was 5/5,
    now 3/5"), None when they say neither (an arrow between them may still say it)."""
    if between & EARLIER or (not between & LATER and set(after[:2]) & PAST_AFTER):
        return True
    if between & LATER:
        return False
    return None


def _grade(
    text: str, spans: Sequence[tuple[int, int]], tokens: Sequence[str], i: int
) -> float | None:
    """The strength grade written at token ``i`` ("4/5", "4+/5", "4-/5" on the MRC scale of
    0 to 5), or None."""
    if i + 1 >= len(tokens) or tokens[i + 1] != "5" or not tokens[i].isdigit():
        return None
    value = int(tokens[i])
    gap = text[spans[i][1] : spans[i + 1][0]].strip()
    if value > 5 or gap not in ("/", "+/", "-/"):
        return None
    return value + {"/": 0.0, "+/": 0.3, "-/": -0.3}[gap]


def grades(
    t: Tables,
    text: str,
    spans: Sequence[tuple[int, int]],
    tokens: Sequence[str],
    ctx: Sequence[frozenset[str]],
    sentence: Sequence[int],
) -> list[Hit]:
    """A strength grade that has fallen ("power 3/5, was 4/5 last week", "MRC 4/5 down from
    5/5", "was 5/5, now 3/5"): two grades in one sentence, at most ``GRADE_GAP`` words
    apart, the words between or just after them saying which is the earlier, the later one
    lower. A grade that stays ("4/5 unchanged", "5/5 throughout") or rises, or two grades
    with nothing saying which came first ("R 5/5, L 4/5"), raise nothing. The hit is of
    the concept ``GRADE_CONCEPT``, its words the two grades."""
    if not spans or len(spans) != len(tokens):
        return []
    if tokens.count("5") < 2:  # each grade is "<n> / 5": fewer than two (nearly every text)
        return []
    found = [
        (i, g) for i in range(len(tokens)) if (g := _grade(text, spans, tokens, i)) is not None
    ]
    if len(found) < 2:
        return []
    k = next((n for n, c in enumerate(t.concepts) if c.id == GRADE_CONCEPT), None)
    if k is None:
        return []
    concept = t.concepts[k]
    out: list[Hit] = []
    for (i, first), (j, second) in pairwise(found):
        if sentence[i] != sentence[j] or j - (i + 2) > GRADE_GAP:
            continue
        between = set(tokens[i + 2 : j])
        gap = text[spans[i + 1][1] : spans[j][0]]
        after = [tok for tok in tokens[j + 2 : j + 5] if tok not in SENTENCE_END and tok != ","]
        quiet = QUIET
        order = _second_earlier(between, after)
        if order:
            now, earlier, at = first, second, i
            if not between & EARLIER:
                # the words after the earlier grade date it ("3/5 (4/5 last month)"): the
                # history they open is that grade's, not the present one's before it
                quiet = NOT_STATED
        elif order is False or "->" in gap or "\u2192" in gap or ">" in gap:
            now, earlier, at = second, first, j
        else:
            continue
        if now >= earlier or (_ctx(ctx, at, at + 2) & quiet):
            continue
        a, b = i, j + 2
        words = f"{text[spans[i][0] : spans[i + 1][1]]} + {text[spans[j][0] : spans[j + 1][1]]}"
        out.append(
            Hit(concept.flag, a, b, words, frozenset(), extra=(k, b, ((i, i + 2), (j, j + 2))))
        )
    return out


# flags19: a body weight that has fallen, in figures ("weight 61kg from 70kg", "wt 70 -> 61
# kg", "weighed 70kg in May, now 62kg"): two figures after a word of weight in its sentence,
# the later written with a unit of weight (the earlier too, or only words of time between),
# at most GRADE_GAP words apart, the words between or after them saying which is the earlier
# (as for strength grades), the later lower by more than 5% (the usual mark of a weight loss
# worth looking into; a kilo either way is none). The hit is of the concept WEIGHT_CONCEPT
# (comments, not docstrings: the memory budget).
WEIGHT_CONCEPT = "weight_figures_falling"
WEIGHT_WORDS = frozenset({"weight", "weighed", "weighs", "wt"})
WEIGHT_UNITS = ("kg",), ("kgs",), ("kilos",), ("lb",), ("lbs",), ("st",)


def weights(
    t: Tables,
    text: str,
    spans: Sequence[tuple[int, int]],
    tokens: Sequence[str],
    ctx: Sequence[frozenset[str]],
    sentence: Sequence[int],
) -> list[Hit]:
    if WEIGHT_WORDS.isdisjoint(tokens) or len(spans) != len(tokens):
        return []
    k = next((n for n, c in enumerate(t.concepts) if c.id == WEIGHT_CONCEPT), None)
    at = min(i for i, tok in enumerate(tokens) if tok in WEIGHT_WORDS)
    found = []  # (token, figure, written with a unit: "61kg", "61 kg", "10st", "154lbs")
    for i in range(at + 1, len(tokens)):
        num = tokens[i].rstrip("kgilosbt")
        if sentence[i] == sentence[at] and num.isdigit():
            found.append(
                (i, (float(num), num != tokens[i] or tokens[i + 1 : i + 2] in WEIGHT_UNITS))
            )
    out: list[Hit] = []
    for (i, (first, unit_i)), (j, (second, unit_j)) in pairwise(found):
        between = set(tokens[i + 1 : j])
        if k is None or j - i > GRADE_GAP + 1 or not unit_j:
            continue
        if not (unit_i or between <= EARLIER | LATER):
            continue
        gap = text[spans[i][1] : spans[j][0]]
        after = [tok for tok in tokens[j + 1 : j + 4] if tok not in SENTENCE_END and tok != ","]
        order = _second_earlier(between, after)
        if order:
            now, earlier, n = first, second, i
        elif order is False or ">" in gap:
            now, earlier, n = second, first, j
        else:
            continue
        if earlier - now > 0.05 * earlier and not _ctx(ctx, n, n + 1) & QUIET:
            extra = (k, j + 1, ((i, i + 1), (j, j + 1)))
            out.append(
                Hit(
                    t.concepts[k].flag,
                    i,
                    j + 1,
                    f"{tokens[i]} + {tokens[j]}",
                    frozenset(),
                    extra=extra,
                )
            )
    return out


def rewritten(
    t: Tables,
    text: str,
    spans: Sequence[tuple[int, int]],
    tokens: Sequence[str],
    ctx: Sequence[frozenset[str]],
    corrected: Sequence[tuple[str, str]],
) -> list[Hit]:
    """A red-flag phrase the spelling read as other words: "numb from the waist down" is
    read as "both legs" (the area), and the words as written are still a numb level of
    ``spinal_cord_compression``. The tokens a spelling of several words made share the
    span of what was written; where those written words, whole, are a phrase of a concept
    with no ``also`` words, the concept is found on the tokens they became, in their
    context (:func:`_concept_context`, as :func:`flags` gives it). Nothing is looked at in
    a text the spelling left as it was (most texts)."""
    if not corrected or not spans or len(spans) != len(tokens):
        return []
    out: list[Hit] = []
    n = len(tokens)
    i = 0
    while i < n:
        j = i + 1
        while j < n and spans[j] == spans[i]:
            j += 1
        a, b = spans[i]
        written = text[a:b]
        if j - i > 1 or " " in written:  # a spelling of several words read here
            words = phrase(written)
            seen: set[int] = set()
            for length, k in t.flags.at(words, 0) if words else ():
                concept = t.concepts[k]
                if length != len(words) or t.also[k] or k in seen:
                    continue
                seen.add(k)
                context = _concept_context(concept, ctx, i, j)
                out.append(
                    Hit(concept.flag, i, j, " ".join(words), context, extra=(k, j, ((i, j),)))
                )
        i = j
    return out
