"""ConText (Harkema et al. 2009, after NegEx, Chapman et al. 2001): the context of each
word of a description.

Trigger terms (``text.yaml``, section ``context``) are found longest first, left to right,
so that a pseudo-trigger ("no feeling", "not only", "can't feel") takes its words before a
shorter trigger inside it ("no", "not") can. Each real trigger marks the words in its
scope: after it (forward), before it (backward, or ``reply``: over the comma before a
trigger that is a clause of its own) or both, for at most ``window`` words,
up to a termination term ("but", "and my", ", i" ...) or the end of the sentence. A
finding takes the categories of the scopes its first word lies in.

```pycon
>>> import acupoints
>>> from acupoints.text.compiled import normalise, tables
>>> from acupoints.text.context import contexts
>>> toks = normalise("no bladder problems but my mum had cancer")
>>> ctx = contexts(tables(acupoints.load()), toks)
>>> [sorted(ctx[toks.index(w)]) for w in ("bladder", "cancer")]
[['negated'], ['other']]

```
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any

from .._plain import sized
from .compiled import SENTENCE_END, Tables

__all__ = ["clauses", "contexts"]

Tag = str

OTHER_OPENS = frozenset({"her", "his", "their", "she", "shes", "he", "hes", "they", "theyre"})


def _other_numb(t: Tables, tokens: Sequence[str], j: int, cat: str) -> bool:
    """lead27: a denial ends at "and" opening another person's clause that says a part is
    numb ("she isn't eating and her feet are numb": they are), as "and my" ends every
    scope; not at one that says something else ("he denies numbness and his legs are
    strong")."""
    return (
        cat == "negated"
        and tokens[j] == "and"
        and j + 1 < len(tokens)
        and tokens[j + 1] in OTHER_OPENS
        and _says_numb(t, tokens, j + 1)
    )


OPENERS = sized(
    [
        "my",
        "i",
        "im",
        "ive",
        "id",
        "it",
        "its",
        "just",
        "only",
        "now",
        "then",
        "the",
        "both",
        "left",
        "right",
        "but",
        "and",
        "also",
        "still",
        "so",
        "since",
        "because",
        "although",
        "though",
        "however",
        "whereas",
        "which",
        "this",
        "that",
        "there",
        "theres",
        "numb",
        "numbness",
        "tingling",
        "tingly",
        "tingles",
        "pins",
        "burning",
        "weak",
        # asking17 clinical: a finding's clinical qualifier opens a statement after a denied
        # list ("no IVDU, focal numbness L flank", "no dysarthria, isolated L ulnar border
        # numbness")
        "focal",
        "isolated",
        "weakness",
        "pain",
        "aching",
        "could",
        "can",
        "should",
        "would",
        "might",
        "is",
        "does",
        "do",
        "what",
        "why",
        "how",
        "will",
        "am",
        "surely",
        "perhaps",
        "maybe",
        "apparently",
        "honestly",
        "hopefully",
        "anyway",
        "sorry",
        "paresthesia",
        "hypoesthesia",
        "dysesthesia",
        "anesthesia",
        "reduced",
        "decreased",
        "diminished",
        "altered",
        "anyone",
        "anybody",
        # heldout7 areas: clinical notes ("denies urinary sx, c/o numb R calf"; "no facial
        # involvement, gradual numbness L forearm")
        "complains",
        "complaining",
        "reports",
        "reporting",
        "gradual",
        "gradually",
        "pt",
        "patient",
        # heldout9 areas: another person's parts or the parts named before, as the subject
        # of a new clause ("she has no fevers, her ankles are numb"; "no cuts or sores,
        # they're just numb")
        "her",
        "his",
        "their",
        "they",
        "theyre",
        # heldout9 areas: a clinical finding after a list of denials ("no history of
        # malignancy, apyrexial, bilateral plantar numbness")
        "bilateral",
        "unilateral",
        "isolated",
    ]
)
"""Words that open a new clause after a comma ("no fever, my feet are numb"); after any
other word a comma continues a list ("no fever, chills or weight loss")."""


ACUTE_OPENERS = frozenset({"new", "sudden", "suddenly", "acute", "crushing", "severe"})
"""lead31: words that open a finding told as new or sudden after a comma ("numb L arm, no
trauma, crushing central chest pain"; "no trauma, new urinary retention"; "hx of HTN,
sudden numbness R face and arm today"): a statement of its own, unless an "or" after them
in the sentence says the list of what is denied goes on ("denies trauma, new weakness,
saddle anaesthesia or retention")."""


NUMB_STATED = frozenset(
    {"numb", "numbness", "tingly", "tingling", "dead", "asleep", "tingle", "tingles"}
)
"""Words that say a part is numb: a backward denial ("fine", "intact") stops at them."""


_NO_CONTEXT: frozenset[Tag] = frozenset()
ContextHits = Sequence[Sequence[tuple[int, tuple[str, str, int]]]]
"""The context terms of ``text.yaml`` that start at each token (``PhraseIndex.at``, empty
where none does): found once a text by :func:`context_hits`, read by :func:`contexts`,
:func:`clauses` and the words a reading uses (``Prepared.used``)."""


def context_hits(t: Tables, tokens: Sequence[str]) -> ContextHits:
    """The context terms starting at each token of ``tokens`` (see :data:`ContextHits`),
    with the dates of :func:`_dated_past` (a text without a digit has none)."""
    found = t.context.each(tokens)
    if any(map(str.isdigit, tokens)):
        _dated_past(tokens, found)
    return found


AGE_SUBJECTS = frozenset({"i", "he", "she", "we", "they", "you"})
"""Who "when ... was 12" may speak of."""
NOT_AN_AGE = frozenset({"weeks", "wks", "months", "days", "hours", "pregnant", "stone", "kg"})
"""Words after the number of "when I was 30 weeks pregnant": no age."""
ONSET_BEFORE = frozenset(
    {"went", "gone", "started", "start", "starts", "began", "begun", "came", "noticed", "since"}
    | {"developed", "onset", "first"}
)
"""Words right before a date that make it when the numbness began ("my feet went numb in
2019 and are still numb", "it started in 2019"), as the pseudo-terms "went numb last year"
and "started last year" do."""
DATED_BEFORE: tuple[str, str, int] = ("historical", "backward", 4)
"""The context of a date of :func:`_dated_past` said after what it dates: as "years ago"."""
DATED_AFTER: tuple[str, str, int] = ("historical", "forward", 10)
"""... and of one that opens its clause: as "as a kid" ("In 2009 I broke my wrist")."""


WENT = frozenset({"went", "gone", "go", "goes", "going", "turned", "became"})


def _went_numb_before(tokens: Sequence[str], start: int) -> bool:
    """lead30: a date right after "went numb" ("my feet went numb ages ago and are still
    numb") says when the numbness began, as the pseudo-terms "went numb last year" do for
    the dates they list."""
    return start >= 2 and tokens[start - 1] in NUMB_STATED and tokens[start - 2] in WENT


@lru_cache(maxsize=1)
def _this_year() -> int:
    """The year of the machine's clock, read once a process: a year named from it on is
    recent, no history (so "in 2026" is read as history from 2027 on, as it then is)."""
    return date.today().year


def _dated_past(tokens: Sequence[str], found: list[Sequence[tuple[int, Any]]]) -> None:
    """lead30: an age or a year that puts what it is said with in the past, added to
    ``found`` as a historical term: "when I was 12" (an age in one or two digits, as "when
    I was a child" is) and "in 2009" (a year, 1900 to 2099, as "years ago" is; "last
    month" is a history too). "I broke my wrist when I was 12, now my fingers tingle"
    raised ``after_injury``; "I broke my wrist years ago" did not. Looking back over what
    it follows, as "years ago" does; forward when it opens a clause."""
    for k, tok in enumerate(tokens):
        if not tok.isdigit():
            continue
        if (
            len(tok) <= 2
            and k >= 3
            and tokens[k - 3] == "when"
            and tokens[k - 2] in AGE_SUBJECTS
            and tokens[k - 1] in ("was", "were")
            and (k + 1 == len(tokens) or tokens[k + 1] not in NOT_AN_AGE)
        ):
            start = k - 3
        elif (
            len(tok) == 4
            and tok[:2] in ("19", "20")
            and int(tok) < _this_year()  # "I hit my head in 2026" (this year): recent
            and k >= 1
            and tokens[k - 1] == "in"
        ):
            start = k - 1
        else:
            continue
        if any(w in ONSET_BEFORE for w in tokens[max(0, start - 2) : start]):
            continue
        # (opening its clause, or after a "back" that does: "back in 2010 I had numb toes";
        # the term starts at "in": a term at "back", a body word, is masked for its area)
        first = start - 1 if start and tokens[start - 1] == "back" else start
        opens = first == 0 or tokens[first - 1] in SENTENCE_END or tokens[first - 1] == ","
        if opens and any(
            w in ONSET_BEFORE or w == "still" for w in tokens[k + 1 : k + 1 + DATED_AFTER[2]]
        ):
            continue  # "In 2019 my feet went numb and they are still numb": when it began
        hit = (k + 1 - start, DATED_AFTER if opens else DATED_BEFORE)
        here = found[start]
        # longest first, as PhraseIndex.each gives them
        found[start] = sorted((*here, hit), key=lambda h: -h[0]) if here else [hit]


def contexts(
    t: Tables, tokens: Sequence[str], found: ContextHits | None = None
) -> list[frozenset[Tag]]:
    """For each token, the context categories whose scope holds it (``found``: the
    :func:`context_hits` of ``tokens``, if the caller has them)."""
    n = len(tokens)
    if found is None:
        found = context_hits(t, tokens)
    if "?" not in tokens and not any(found):
        # no term and no question (three texts in four): every token in no context, as
        # the passes below would leave it (only a term or a "?" gives a context)
        return [_NO_CONTEXT] * n
    stops = [tok in SENTENCE_END for tok in tokens]
    triggers: list[tuple[int, int, str, str, int]] = []
    asserting: set[int] = set()  # where a question that states its findings opens
    pseudo: set[int] = set()  # flags21: where a pseudo-trigger opens
    asks_from: dict[int, int] = {}  # asking17: where a question of a cause asks from
    i = 0
    while i < n:
        hits = found[i]
        if not hits:
            i += 1
            continue
        longest = hits[0][0]
        if any(v[0] == "asserting" for m, v in hits if m == longest):
            asserting.add(i)
            if any(v[0] == "asserting" and v[1] == "backward" for m, v in hits if m == longest):
                asks_from[i] = i  # asking17: "could the numbness ... be from my boots?"
            i += longest
            continue
        if any(v[0] == "pseudo" for m, v in hits if m == longest):
            pseudo.add(i)
            i += longest  # "no feeling", "not only": not a trigger, nor anything inside
            continue
        for m, (cat, direction, window) in hits:  # "no problems" is also "no"
            if cat == "terminate":
                stops[i] = True
            elif cat not in ("pseudo", "asserting"):
                triggers.append((i, i + m, cat, direction, window))
        # a trigger inside a real one is read too ("are no sores": backward "are no", and
        # forward "no" over "sores on my feet"); only a pseudo-trigger hides its words
        i += 1
    opens = {start for start, *_ in triggers}
    for k, tok in enumerate(tokens):
        if tok == "," and (
            k + 1 >= n
            or tokens[k + 1] in OPENERS
            or k + 1 in opens
            or k + 1 in pseudo  # flags21: "didn't fall, no idea why my wrist is numb"
            or _says_numb(t, tokens, k + 1)
            or _segment_finding(tokens, k + 1)  # limb17
            or (tokens[k + 1] in ACUTE_OPENERS and not _or_after(tokens, k + 1))  # lead31
        ):
            stops[k] = True
    tags: list[set[Tag]] = [set() for _ in range(n)]
    for start, end, cat, direction, window in triggers:
        if direction in ("forward", "both") and not (
            cat == "negated" and end < n and tokens[end] == ","
        ):
            # heldout16 flags: a denial right before a comma has no object ("Fever: no,
            # Chest pain: yes"): the answer of a field, read as a reply (if it is one);
            # someone named before a comma still owns what follows ("my aunt's, she had")
            j = end
            while (
                j < n and j < end + window and not stops[j] and not _other_numb(t, tokens, j, cat)
            ):
                tags[j].add(cat)
                j += 1
            if cat == "negated" and j < n and not stops[j] and not _other_numb(t, tokens, j, cat):
                # a denial running out of words inside a list ("denies saddle anaesthesia,
                # sphincter disturbance, weight loss, fever or night pain") denies the rest
                # of the list, to its last item
                for k in _list_rest(tokens, stops, end, j):
                    tags[k].add(cat)
        if direction in ("backward", "both"):
            if cat == "historical" and (
                any(
                    tokens[k] in t.onset and not _placed(tokens, k)
                    for k in range(max(0, start - window - 1), start)
                )
                or _dates_event(tokens, stops, start, end, window)
                or _went_numb_before(tokens, start)
            ):
                continue  # "it started in my toes a year ago": when it began, not a history
            j = start - 1
            # looking back, any comma ends the scope ("numb fingers, wrists unaffected"),
            # and a denial stops at a word saying something is numb: it is a statement of
            # its own ("right calf numb left calf fine"; "skin on my numb feet is intact");
            # a history does not ("my foot was numb years ago")
            while (
                j >= 0
                and j >= start - window
                and (not stops[j] or (cat == "negated" and _joined_subject(tokens, stops, j)))
                and tokens[j] != ","
                and not (cat == "negated" and tokens[j] in NUMB_STATED)
            ):
                tags[j].add(cat)
                j -= 1
        if direction == "reply" and (end >= n or stops[end] or tokens[end] == ","):
            # a clause of its own that answers the one before ("bladder problems, none at
            # all"; "a numb face in 2015 but it fully recovered, now ..."): back over the
            # comma before it, to the start of that clause
            j = start - 1
            if j >= 0 and cat == "historical" and tokens[j] in ("but", "and"):
                j -= 1  # flags18: "a fever in March but it's long gone"
            if j >= 0 and (tokens[j] == "," or (tokens[j] == "?" and cat == "hypothetical")):
                # flags18: a question said to be asked for something else ("...? asking for
                # an essay") supposes what it asks, back over its question mark
                j -= 1
            top = j
            while j >= 0 and j >= start - 1 - window and not stops[j] and tokens[j] != ",":
                j -= 1
            # flags20: what "has gone" is a loss when it is a feeling or a power ("the feeling
            # in my left foot has gone", "her balance has gone"): no recovery of anything;
            # flags22: a term that says no going ("my grip was weak but it came back fully")
            # is a recovery of that power
            if (
                tokens[start] not in ("has", "have", "it")
                or not any(w in GOING for w in tokens[start:end])
                or not any(w in LOST for w in tokens[j + 1 : start])
            ):
                for x in range(j + 1, top + 1):
                    tags[x].add(cat)
    _carry_outcome(tokens, stops, tags)
    # a clause that ends in a question mark asks, it does not state ("numb face? no"),
    # unless it opens with an asserting term ("why are my toes numb?"); a short question
    # of its own after a comma asks only itself ("back of my knee numb, weird right?",
    # "my feet are numb, is that normal?")
    k = n - 1
    while k >= 0:
        if tokens[k] != "?":
            k -= 1
            continue
        j = k - 1
        while j >= 0 and not (
            tokens[j] in SENTENCE_END
            or (tokens[j] == "," and (stops[j] or _tag_question(t, tokens[j + 1 : k])))
        ):
            j -= 1
        # asking17: a question of what caused a numbness states the numbness and asks
        # only the cause ("could the numbness on my sole be from my boots?", "numb toes
        # statins?"): the words from the cause asked of are supposed, those before stated
        asked = next((a for a in range(j + 1, k) if a in asks_from), None)
        if asked is None:
            asked = _fragment_asks(t, tokens, j + 1, k)
        if asked is not None:
            for m in range(asked, k):
                tags[m].add("hypothetical")
        elif not any(a in asserting for a in range(j + 1, k)) and not _answered(tokens, k):
            said = _said_after(t, tokens, k, asserting)
            for m in range(j + 1, k):
                if not said:
                    tags[m].add("hypothetical")
                elif said == "answered" and "if" not in tokens[j + 1 : k]:
                    # the writer says it is so: the question's "would" supposes nothing
                    # ("would that make my bum numb? I haven't, but it is numb")
                    tags[m].discard("hypothetical")
        if _over_for_me(tokens, k):
            # flags20: the writer's own answer says it went ("has anyone had numbness in the
            # saddle after a ride? mine went away after a day"): what was asked is past
            for m in range(j + 1, k):
                tags[m].add("historical")
        k = j
    return [frozenset(s) for s in tags]


# flags20: the question ending at k is followed by the writer's own, said to be over ("? mine
# went away after a day", "? mine has gone now", "? mine wore off", "? mine got better"; not
# "? mine went numb", "? mine has gone red", "? mine gets better after a day", which comes back)
# (comments, not a docstring: the memory budget)
def _over_for_me(tokens: Sequence[str], k: int) -> bool:
    if k + 1 >= len(tokens) or tokens[k + 1] not in ("my", "mine"):
        return False
    rest = [*_in_sentence(tokens[k + 2 : k + 6]), ","]
    for tok, after in pairwise(rest):
        if tok in ("away", "cleared", "settled", "resolved", "healed", "disappeared"):
            return True
        if (tok, after) in (("wore", "off"), ("got", "better")) or (
            tok == "gone" and after in (",", "now", "and", "but", "after", "since", "by")
        ):
            return True
    return False


# flags20: what is lost when it "has gone" (the feeling, a power, a skill), not a complaint over
LOST = (
    "feeling",
    "sensation",
    "balance",
    "strength",
    "power",
    "grip",
    "control",
    "writing",
    "handwriting",
)
# flags22: the words of a term that say something went (a loss when a power went), not that
# it came back or healed
GOING = frozenset({"gone", "went"})
NUMB_SAID = frozenset({"numb", "tingly", "tingle", "tingles", "dead", "asleep"})
"""Words that say a part is numb as a statement, not as a denied item's noun ("numbness")."""
SAYS_NUMB_WITHIN = 4
"""At most this many words from a comma to the numb word of a clause it opens."""


NOTE_SIDES = frozenset({"r", "l", "right", "left"})
NOTE_FINDINGS = frozenset(
    {"numbness", "paraesth", "paraesthesia", "paraesthesiae", "paresthesia", "paresthesias"}
    | {"paraesthesias", "tingling", "hypoaesthesia", "hypoesthesia", "sensory"}
    # lead31: a part's signs, in a note ("no trauma, L foot cold pale and numb since 1 hr")
    | {"numb", "cold", "pale", "white", "blue", "mottled", "pulseless", "swollen"}
)
"""The words of a note's finding after a side and a part (:func:`_side_finding`): a numb
noun, a numb word, or a sign of the part."""


def _side_finding(t: Tables, tokens: Sequence[str], k: int) -> bool:
    """lead30: after a side, a body word and then a numb noun, with nothing between: a
    clinical note's finding ("denies bladder dysfunction, R foot numbness", "no hx DM, L hand
    numbness"; each was read as an item of the denied list, a LocationError)."""
    j = k
    while j < len(tokens) and j < k + 3 and tokens[j] in t.region_words and tokens[j] != ",":
        j += 1
    return j > k and j < len(tokens) and tokens[j] in NOTE_FINDINGS


def _says_numb(t: Tables, tokens: Sequence[str], k: int) -> bool:
    """heldout14 areas: the words from ``k`` (after a comma) open a clause that says a part
    is numb ("no night sweats, feet numb for a year"; "no redness, skin on my numb feet looks
    perfect"): a body word and a numb word within a few words, with no comma, "and" or "or"
    between,
    so a denial before the comma does not run on into it (a noun, "saddle numbness", is still
    an item of the list: "denies fever, saddle numbness")."""
    if tuple(tokens[k : k + 3]) == ("loss", "of", "protective"):
        return True  # areas24: the monofilament finding ("no infection, loss of protective
        # sensation both feet") is examined and stated, not an item of a denied list
    if tokens[k] in NOTE_SIDES and _side_finding(t, tokens, k + 1):
        return True  # lead30: a note's finding led by its side ("no trauma, R foot numbness")
    body = False
    for j in range(k, min(len(tokens), k + SAYS_NUMB_WITHIN + 1)):
        tok = tokens[j]
        if tok in (",", "or", "nor", "and") or tok in SENTENCE_END:
            return False  # "not on my tablets, fevers and a numb arm": a list's items
        if tok in NUMB_SAID:
            return j > k and (body or any(w in t.region_words for w in tokens[j + 1 : j + 3]))
        body = body or tok in t.region_words
    return False


EVENT_OPENERS = frozenset({"since", "after", "following"})
"""Words that open the event a numbness dates from ("since a fall", "after knee surgery")."""
DATE_WORDS = frozenset({"ago", "last", "year", "years", "month", "months", "back"})
"""Words of a backward historical trigger that make it a date ("last year", "months ago")."""
PAST_SAID = frozenset({"was", "were", "used", "had"})
"""Words that put a clause's own finding in the past ("I had a numb shin", "it was numb")."""
PERFECT = frozenset({"ive", "have", "has", "hes", "shes", "weve", "theyve", "youve"})
"""Words before "had" that make it a perfect tense, so present ("I've had a numb shin")."""


def _dates_event(
    tokens: Sequence[str], stops: Sequence[bool], start: int, end: int, window: int
) -> bool:
    """lead 17: the date at ``start:end`` comes right after an event opened by "since",
    "after" or "following" in the same clause, so it dates the event, not the numbness
    named before it: "numb patch on my shin after knee surgery last year", "numb shin since
    a fall last month". Not when the clause says its own finding was in the past ("I had a
    numb shin after a fall last year"; "I was incontinent after giving birth years ago")."""
    if not any(tokens[k] in DATE_WORDS or tokens[k].isdigit() for k in range(start, end)):
        return False  # (a year of _dated_past dates as "last year" does)
    for k in range(start - 1, max(-1, start - window - 2), -1):
        if stops[k] or tokens[k] == ",":
            return False
        if tokens[k] in EVENT_OPENERS:
            j = k - 1
            while j >= 0 and not stops[j] and tokens[j] != ",":
                if tokens[j] in PAST_SAID and not (
                    tokens[j] == "had" and j > 0 and tokens[j - 1] in PERFECT
                ):
                    return False
                j -= 1
            return True
    return False


OUTCOME = ("turned", "out", "to", "be")
"""Words that give what the finding before them turned out to be ("it turned out to be
lymphoma")."""
OUTCOME_BACK = frozenset({",", "and", "it", "which", "that", "but", "this"})
"""Words skipped from "turned out" back to the finding it is said of."""
OUTCOME_WINDOW = 6
"""At most this many words after "turned out to be" take the context of that finding."""
CARRIED = frozenset({"other", "historical"})
"""The context categories an outcome takes from the finding it is said of."""


def _carry_outcome(tokens: Sequence[str], stops: Sequence[bool], tags: list[set[Tag]]) -> None:
    """lead 17: what a finding "turned out to be" is that finding's, in its context: someone
    else's ("my colleague has night sweats and lost weight and it turned out to be
    lymphoma"; "my mum had a lump, it turned out to be cancer") or a history. Up to the
    next stop or comma, at most ``OUTCOME_WINDOW`` words."""
    if OUTCOME[0] not in tokens:  # every text passes here: one scan in C for most
        return
    n, width = len(tokens), len(OUTCOME)
    for k in range(1, n - width + 1):
        if tokens[k] != OUTCOME[0] or tuple(tokens[k : k + width]) != OUTCOME:
            continue
        j = k - 1
        while j >= 0 and tokens[j] in OUTCOME_BACK:
            j -= 1
        carry = CARRIED.intersection(tags[j]) if j >= 0 else set()
        if not carry:
            continue
        m = k
        while m < n and m < k + width + OUTCOME_WINDOW and not stops[m] and tokens[m] != ",":
            tags[m].update(carry)
            m += 1


SEGMENT_SIDES = frozenset({"r", "l", "right", "left", "bilateral"})
SEGMENT_SYMPTOMS = frozenset(
    {"paresthesia", "numbness", "hypoesthesia", "anesthesia", "dysesthesia", "tingling"}
    | {"sensory", "sensation", "numb"}
)


def _or_after(tokens: Sequence[str], k: int) -> bool:
    """An "or" or "nor" after token ``k``, before the sentence ends."""
    for tok in tokens[k:]:
        if tok in SENTENCE_END:
            return False
        if tok == "or" or tok == "nor":
            return True
    return False


def _segment_finding(tokens: Sequence[str], k: int) -> bool:
    """(limb17) The words from ``k`` (after a comma) are a clinician's finding in a spinal
    segment's skin, its side before or after it ("denies saddle anaesthesia, denies sphincter
    disturbance, R L5 paraesthesia"; "sphincters intact, L5 numbness R foot"): a statement of
    its own, so a denial before the comma does not run on into it."""
    j = k + (k < len(tokens) and tokens[k] in SEGMENT_SIDES)
    if j >= len(tokens):
        return False
    level = tokens[j]
    if not (2 <= len(level) <= 3 and level[0] in "ctls" and level[1:].isdigit()):
        return False
    return any(w in SEGMENT_SYMPTOMS for w in tokens[j + 1 : j + 3])


POSSESSIVES = frozenset({"my", "his", "her", "their"})
"""Possessives that open a second subject of one denial ("my face and **my** speech")."""


def _joined_subject(tokens: Sequence[str], stops: Sequence[bool], j: int) -> bool:
    """The stop at ``j`` is "and my" (his, her) joining two subjects of one denial: "my face
    and my speech are absolutely fine". The words before it, back to the clause's start,
    hold no numb word ("numb hand and my face are fine" keeps the hand)."""
    if not (tokens[j] == "and" and j + 1 < len(tokens) and tokens[j + 1] in POSSESSIVES):
        return False
    k = j - 1
    while k >= 0 and not stops[k] and tokens[k] != ",":
        if tokens[k] in NUMB_STATED:
            return False
        k -= 1
    return k < j - 1


PLACE_OPENERS = frozenset({"my", "the", "his", "her", "their", "your", "a", "an", "both", "each"})
"""Words after "on" that make it a place ("an ulcer on my heel"), not an onset ("came on")."""


def _placed(tokens: Sequence[str], k: int) -> bool:
    """The onset word at ``k`` is "on" naming a place: "the ulcer on my heel healed"."""
    return tokens[k] == "on" and k + 1 < len(tokens) and tokens[k + 1] in PLACE_OPENERS


LIST_ITEM = 3
"""At most this many words in one item of a denied list after the denial's window."""
LIST_END = frozenset({"or", "nor", "and"})
"""Words that open the last item of a list."""


def _list_rest(tokens: Sequence[str], stops: Sequence[bool], end: int, j: int) -> range:
    """The words from ``j`` (where a denial's window ran out) to the end of the list the
    denial's scope is in: a list has a comma inside the scope (one that opens no clause);
    each further item is at most ``LIST_ITEM`` words, the items are joined by commas, and
    the list ends with the item after "or", "nor" or "and" at a stop. Anything else (a
    clause, a numb part, a list with no last item) gives no words."""
    if "," not in tokens[end:j]:
        return range(0)
    n, k, item, last = len(tokens), j, 0, False
    for m in range(j - 1, end - 1, -1):  # the window ran out inside the last item
        if tokens[m] == ",":
            break
        if tokens[m] in LIST_END:
            last, item = True, j - 1 - m
            break
    while k < n and not stops[k]:
        tok = tokens[k]
        if tok == ",":
            if last:
                break
            item = 0
        elif tok in LIST_END:
            if last:
                return range(0)
            last, item = True, 0
        else:
            item += 1
            if item > LIST_ITEM or tok in NUMB_STATED:
                return range(0)
        k += 1
    return range(j, k) if last and item else range(0)


TAG_SIZE = 8
"""At most this many words in a question of its own after a comma."""
TAGS = frozenset({"right", "eh", "yeah", "yes", "no", "innit", "ok", "okay", "huh", "hey"})
"""Words of a tag question ("weird, right?"), a side or a denial elsewhere."""


def _tag_question(t: Tables, words: Sequence[str], phrases: bool = True) -> bool:
    """``words`` (between a comma and a question mark) are a question of their own: a few
    words that name no body part and hold no red-flag phrase (lead23: a word that only
    begins one is no flag, "tight" of "tight chest": "top of my foot numb, tight laces?"
    states the foot), bar the words of a tag question
    ("weird right", "is that normal", "should I worry") and the everyday words that open a
    region's name ("on", "to": "..., on my way to a&e?"; lead20). With ``phrases`` False any
    word a flag phrase begins with counts as a flag word."""
    if not 0 < len(words) <= TAG_SIZE:
        return False
    return not any(
        (w in t.region_words or (w in t.flags.words and (not phrases or t.flags.at(words, i))))
        and w not in TAGS
        and w not in t.known_function
        for i, w in enumerate(words)
    )


NUMB_OPENS = NUMB_SAID | {"numbness", "tingling"}
"""asking17: words that open a fragment saying a part is numb ("numb toes statins?")."""
PLAIN_BODY = frozenset({"my", "both", "left", "right", "l", "r", "the"})
"""Words allowed among the body words of such a fragment."""


def _fragment_asks(t: Tables, tokens: Sequence[str], i: int, k: int) -> int | None:
    """asking17: the question from ``i`` to ``k`` is a fragment that states a numb part and
    asks of something after it with the comma left out ("numb toes statins?", "tingly
    fingers carpal tunnel?", as "numb toes, statins?" asks only its last word): where the
    asked words begin, or None. The asked words are a question of their own (no body or
    red-flag word, at most a few words): "numb face?" and "numb face or tongue?" ask it all."""
    if i >= k or tokens[i] not in NUMB_OPENS:
        return None
    p = i + 1
    while p < k and tokens[p] in PLAIN_BODY:
        p += 1
    body = p
    # lead23: a comma ends the body words ("," is among the region words)
    while (
        p < k and tokens[p] in t.region_words and tokens[p] not in PLAIN_BODY and tokens[p] != ","
    ):
        p += 1
    if p == body or p >= k or tokens[p] in LIST_END or tokens[p] in ("or", "at", "in", "on"):
        return None
    # (lead23: here any word a flag phrase begins with counts: "numb feet at night?" asks it all)
    return p if _tag_question(t, tokens[p:k], phrases=False) else None


BACK_REFERS = frozenset({"that", "this", "it"})
"""asking17: words of an asserting question that point back to what was said before it."""


def _said_after(t: Tables, tokens: Sequence[str], k: int, asserting: set[int]) -> str:
    """asking17: the question ending at ``k`` is taken as said by what follows it: a
    question that points back to it ("back of my head is numb?? is that normal after the
    needles", as "my feet are numb, is that normal?" asks only itself); the writer's own
    side and part as a fragment of its own ("is numbness in the back of the hand a nerve
    thing? right hand"); or "it" said numb in the next sentence ("would that make my bum
    numb? I haven't, but it is numb on the left"; "Mine's the front and it's numb")."""
    n = len(tokens)
    a = k + 1
    while a < n and tokens[a] == "?":
        a += 1
    if a >= n:
        return ""
    if a in asserting and any(tokens[b] in BACK_REFERS for b in range(a + 1, min(n, a + 3))):
        return "asked"
    end = a
    while end < n and tokens[end] not in SENTENCE_END:
        end += 1
    rest = tokens[a:end]
    if (
        len(rest) == 2
        and rest[0] in SIDE_WORDS
        and rest[1] in t.region_words
        and rest[1] not in PLAIN_BODY
    ):
        return "placed"
    for b in range(a, end - 1):
        if tokens[b] in ("it", "its") and (
            tokens[b + 1] in NUMB_SAID
            or (
                tokens[b + 1] in ("is", "s", "feels") and b + 2 < end and tokens[b + 2] in NUMB_SAID
            )
        ):
            return "" if any(w in NOT_SO for w in tokens[a:b]) else "answered"
    return ""


SIDE_WORDS = frozenset({"left", "right", "l", "r", "lt", "rt"})
"""asking17: a side written alone before a part ("? right hand")."""


MINE_TOO = frozenset(
    {"has", "have", "is", "are", "does", "do", "did", "was", "too", "also", "been"}
    | {"started"}  # areas20: "... helps with numb legs? mine started after atorvastatin"
)
"""Words after "mine" (spelt ``my``) that make it a pronoun: "... tingle? mine has been
for days", "do your feet go numb? mine do"; cause18: "mine's been" ("... after a filling?
mine's been 5 days": the spellings drop its "s"); areas20: "mine started" ("does stopping
statins help with numb legs? mine started after atorvastatin": the writer has them)."""


HAVE_GOT = frozenset({"got", "have", "having", "getting"})
"""flags24: the verbs of "that's what I've got" after a question."""
BECAUSE = frozenset({"because", "cos", "as"})
"""flags24: words that may open "that's what I've got" ("? because that's what I've got")."""


def _answered(tokens: Sequence[str], k: int) -> bool:
    """The question ending at ``k`` is answered by the writer for themselves: "does low
    iron make your tongue tingle? mine has been for days" states a tingling tongue."""
    # flags24: "? because that's what I've got right now": the writer has what was asked of
    a = k + 2 if k + 1 < len(tokens) and tokens[k + 1] in BECAUSE else k + 1
    if tuple(tokens[a : a + 2]) == ("thats", "what") and HAVE_GOT.intersection(
        tokens[a + 2 : a + 5]
    ):
        return True
    # cause18, flags18: "mine's been 5 days" ("mine's" loses its "'s", a "has": "mine been")
    if not (k + 2 < len(tokens) and tokens[k + 1] in ("my", "mine") and tokens[k + 2] in MINE_TOO):
        return False
    return NOT_SO.isdisjoint(_in_sentence(tokens[k + 3 : k + 7]))  # not "mine is fine"


def _in_sentence(words: Sequence[str]) -> list[str]:
    """The first of ``words`` up to the end of their sentence (a writer's own words after a
    question: "? mine went away", "? mine has been for days")."""
    out = []
    for tok in words:
        if tok in SENTENCE_END:
            break
        out.append(tok)
    return out


NOT_SO = frozenset(
    {"fine", "ok", "okay", "normal", "just", "only", "not", "isnt", "arent", "never", "no"}
)
"""Words after "mine is" that deny it has what was asked about."""


def clauses(t: Tables, tokens: Sequence[str], found: ContextHits | None = None) -> list[int]:
    """For each token, the number of its clause: clauses end at a sentence end, a comma,
    and a termination term of ``text.yaml`` (not inside a pseudo-trigger: "so much");
    ``found`` as for :func:`contexts`."""
    if found is None:
        found = context_hits(t, tokens)
    if "," not in tokens and SENTENCE_END.isdisjoint(tokens) and not any(found):
        return [0] * len(tokens)  # no clause ends: one clause (most short texts)
    breaks = [
        tok in SENTENCE_END or (tok == "," and not _listed(tokens, k))
        for k, tok in enumerate(tokens)
    ]
    i, n = 0, len(tokens)
    while i < n:
        hits = found[i]
        if not hits:
            i += 1
            continue
        longest = hits[0][0]
        values = [v[0] for m, v in hits if m == longest]
        # the longest term at each place, as a scan reads them; a pseudo-trigger ends no
        # clause ("lost so much weight": "so" here is not "so" the conjunction)
        if "terminate" in values and "pseudo" not in values:
            breaks[i] = True
        i += longest
    out, k = [], 0
    for b in breaks:
        if b:
            k += 1
        out.append(k)
    return out


def _listed(tokens: Sequence[str], k: int) -> bool:
    """The comma at ``k`` is inside a list of three words, "hot, red and swollen": one word
    on each side of it and "and" or "or" after the next, then the end of the clause."""
    n = len(tokens)
    if not (k > 0 and k + 3 <= n and tokens[k + 2] in ("and", "or")):
        return False
    if tokens[k - 1] in SENTENCE_END or tokens[k + 1] in SENTENCE_END or tokens[k + 1] == ",":
        return False
    return k + 4 >= n or tokens[k + 4] in SENTENCE_END or tokens[k + 4] == ","
