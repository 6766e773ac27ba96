"""The whole road from a description to a :class:`~acupoints.Reading`.

1. tokens (:func:`~acupoints.text.compiled.normalise`), then spelling
   (:mod:`~acupoints.text.spelling`);
2. the context of every word (:mod:`~acupoints.text.context`);
3. the body areas, found by the location grammar (:mod:`acupoints.parse`), each with its
   role and context (:mod:`~acupoints.text.roles`);
4. causes, time course and red-flag concepts (:mod:`~acupoints.text.findings`); a cause
   cue ("a slipped disc") takes its cause from the site named with it or the numb area.

```pycon
>>> import acupoints
>>> r = acupoints.read("numb leg from a slipped disc in my lower back, my mum had cancer")
>>> [(a.id, a.role) for a in r.areas], r.cause
([('lower_limb', 'numb'), ('back.lumbar', 'cause_site')], 'lumbar_root')
>>> [(f.id, f.context) for f in r.flags]
[('cancer_history', ('other',))]

```
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from .._plain import Frozen, replace
from ..parse import _POINT_SHAPE, _left_as_verb, _plural_word, _point_codes
from ..parse import forget as forget_places
from .compiled import DROP, PERSON, SENTENCE_END
from .context import NUMB_STATED, POSSESSIVES
from .findings import NOT_STATED, PRESSED_HIT, Hit, segments
from .findings import forget as forget_classes
from .prepare import Prepared, prepare
from .roles import (
    CORRECTING_FIRST,
    MINE_VERBS,
    Area,
    _possessed_by_another,
    elided,
    me_too,
    narrowed,
    roles,
    sciatic_leg,
    spread_in_limb,
    unfelt_seat,
)
from .spelling import forget as forget_words

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..models import Reading

__all__ = ["Analysis", "analyse", "forget", "read"]

KEEP = 4096

FAMILY_CAUSES = frozenset({"hereditary"})
"""Causes named through one's relatives: "a nerve disease my mum's side of the family all
have" names a hereditary cause of one's own, not only someone else's illness."""

SHARED = frozenset({"same", "all", "too", "runs"})
"""Words of a hereditary cause that say the illness is shared ("my dad has the same", "it
runs in the family"): they name a hereditary cause only with a relative in the sentence."""
KIN = frozenset(
    {
        "family", "families", "mum", "mums", "mom", "moms", "mother", "mothers", "mam",
        "dad", "dads", "father", "fathers", "parent", "parents", "brother", "brothers",
        "sister", "sisters", "sibling", "siblings", "son", "sons", "daughter", "daughters",
        "grandad", "granddad", "grandpa", "grandfather", "grandma", "gran", "nan", "nana",
        "granny", "grandmother", "grandparents", "aunt", "aunts", "auntie", "uncle", "uncles",
        "cousin", "cousins", "twin", "kids", "children",
    }
)  # fmt: skip
"""Words for one's blood relatives."""

NOT_SURGERY = frozenset({"jab", "jabs", "biopsy", "removed", "lumpectomy"})
"""Words by an operation site that make it no injury or surgery of the nerves' place (a
jab, a lump removed): no cause is implied."""
INJECTED = frozenset({"injection", "injections", "injected"})
JAB_SITES = frozenset({"upper_limb", "upper_arm", "buttock"})
"""cause18: an injection into a joint or the spine is a procedure that goes into the body
("an injection into my right hip", as an epidural is: the cause injury); one into the arm
or the buttock is a jab, a needle through the skin (no cause, as a flu jab; docs/text.md).
"""
BREAST_OPS = frozenset(
    {"mastectomy", "lumpectomy"}
    | {"breast reduction", "breast implants", "breast lift"}  # lead26: the other operations
)
BREAST_SITES = ("chest", "axilla")
"""cause18: a breast operation is the cause of a numb chest wall or armpit ("armpit numbness
after mastectomy"), not of a numb arm or leg (an operation on another part than the numb
one: "had a mastectomy ..., now my right arm tingles" is no cause; docs/text.md)."""

SOURCE = frozenset({"from"})
START = frozenset({"starts", "started", "starting", "start", "begins", "began", "begin"})
"""Words that make a cause site the place a numbness comes from ("numb fingers, it's from my
neck", "tingling in my foot that starts in my back"): with no cause named, the site alone
names the nerve root cause the cause cues give it (the first cue, of discs and nerves)."""


class Analysis(Frozen):
    """A text read: the prepared text, the grammar's scan, the areas with their roles and
    the :class:`~acupoints.Reading` made of them."""

    prepared: Prepared
    state: Any  # the location grammar's scan (acupoints.parse._State)
    areas: tuple[Area, ...]
    reading: Reading

    def __init__(
        self, prepared: Prepared, state: Any, areas: tuple[Area, ...], reading: Reading
    ) -> None:
        _set = object.__setattr__
        _set(self, "prepared", prepared)
        _set(self, "state", state)
        _set(self, "areas", areas)
        _set(self, "reading", reading)


# the last few thousand readings per knowledge base: only the Reading, immutable and
# small, not the analysis behind it (the prepared text, the grammar's scan and the areas,
# a few hundred objects a text that the collector would go over again and again)
_MEMO: WeakKeyDictionary[KnowledgeBase, dict[str, Reading]] = WeakKeyDictionary()


def _memo(kb: KnowledgeBase) -> dict[str, Reading]:
    memo = _MEMO.get(kb)
    if memo is None:
        memo = _MEMO.setdefault(kb, {})
    return memo


def analyse(kb: KnowledgeBase, text: str) -> Analysis:
    """Read ``text`` afresh, and remember its :class:`~acupoints.Reading` for
    :func:`read` (the location grammar, its one caller, memoises what it makes of it)."""
    found = _analyse(kb, text)
    memo = _memo(kb)
    if len(memo) >= KEEP:
        memo.clear()
    memo[text] = found.reading
    return found


def read(kb: KnowledgeBase, text: str) -> Reading:
    """The :class:`~acupoints.Reading` of ``text`` (memoised per knowledge base: the last
    few thousand texts)."""
    found = _memo(kb).get(text)
    if found is None:
        found = analyse(kb, text).reading
    return found


def forget(kb: KnowledgeBase) -> None:
    """Drop the memoised readings of ``kb``, and the reader's memos of words, word
    classes and places (kept across texts; made again as texts are read)."""
    _MEMO.pop(kb, None)
    forget_classes()
    forget_words()
    forget_places()


_MAKERS: list[Any] = []
"""The constructors of a reading's models and the grammar's ``scan``, imported on the
first reading (the models and the grammar import this module), not on each: an import in
a function costs about 2 us a call. They are ``_fast.trusting`` of Finding (by keyword),
``parse.by_place`` of Reading and of an area's Finding (every field by place; an area's
reported as set as a keyword call would: all but ``concept`` and ``urgency``)."""

_AREA_GIVEN = ("kind", "id", "words", "role", "context", "side")


def _makers() -> list[Any]:
    if not _MAKERS:
        from .._fast import trusting
        from ..models import Finding, Reading
        from ..parse import by_place, scan

        _MAKERS[:] = [
            trusting(Finding),
            by_place(Reading),
            scan,
            by_place(Finding, _AREA_GIVEN),
        ]
    return _MAKERS


def _analyse(kb: KnowledgeBase, text: str) -> Analysis:
    scan = _makers()[2]
    prep = prepare(kb, text)
    state = scan(kb, prep.tokens, prep.ctx)
    areas = roles(kb, prep, state.found)
    areas, state.found = narrowed(kb, prep, areas, state.found)
    areas, state.found = elided(prep, areas, state.found)
    areas, state.found = sciatic_leg(prep, areas, state.found)  # limb17
    areas, state.found = unfelt_seat(prep, areas, state.found)  # limb17
    if len(areas) > 1:  # (a limb and a part of it: none to find in a text of one area)
        areas = spread_in_limb(kb, prep, areas, state.found)  # areas23
    proxy = _for_another(prep, areas)
    if proxy:
        areas = tuple(
            replace(a, context=frozenset()) if a.role == "numb" and a.context == OTHER else a
            for a in areas
        )
    return Analysis(prep, state, areas, _reading(kb, prep, areas, proxy))


OTHER = frozenset({"other"})


def _for_another(prep: Prepared, areas: Sequence[Area]) -> bool:
    """The writer asks for another person: they name no numb area of their own, and one of
    another person's, present and not past ("my wife's feet have been numb since her
    chemo", "my brother came off his motorbike and his right hand is still numb"; not "my
    mum had numb feet", nor "my mum's feet are numb and so are my hands"). What is said of
    that person is then read as the patient's: their areas, causes, red flags and facts."""
    if not any(a.role == "numb" and a.context == OTHER for a in areas):
        return False
    if any(a.numb and not _possessed_by_another(prep, a.start, self_named=False) for a in areas):
        return False  # areas23: "... it started in his feet" is not the writer's own
    tokens = prep.tokens
    if any(tok == "my" and nxt in MINE_NEXT for tok, nxt in pairwise(tokens)):
        return False  # "my husband's feet are numb, mine are just cold": they say their own
    return not _past_of_another(prep, areas)


MINE_NEXT = MINE_VERBS | frozenset(
    {"also", "just", "only", "not", "isnt", "arent", "fine", "ok", "okay", "feel", "feels", "s"}
)
"""Words after "mine" (the spellings write it ``my``) that make it a pronoun: the writer
speaks of their own body as well."""


def _another(prep: Prepared) -> str:
    """The words that name the other person, as written ("my wife"): the someone-else's
    trigger whose scope holds the first word of that person's."""
    first = next(i for i, c in enumerate(prep.ctx) if c == OTHER)
    t, tokens = prep.tables, prep.tokens
    for i in range(first - 1, -1, -1):
        hits = t.context.at(tokens, i) if tokens[i] in t.context.words else []
        for m, (cat, *_) in hits:
            if cat == "other" and i + m <= first:
                return prep.written(i, i + m)
    return prep.written(first, first + 1)


def _as_patients(findings: list[Any], third: Sequence[bool] = ()) -> list[Any]:
    """``findings`` with those of someone else's context read as the patient's, bar those
    marked in ``third`` (a third person's: :func:`_of_a_third`)."""
    return [
        f.model_copy(update={"context": ()})
        if f.context == ("other",) and not (k < len(third) and third[k])
        else f
        for k, f in enumerate(findings)
    ]


ADJECTIVES = frozenset(
    {"little", "elderly", "old", "youngest", "eldest", "oldest", "teenage", "baby"}
)
"""Words of :data:`PEOPLE` that may describe the person named after them ("my little boy")."""


def _of_a_third(prep: Prepared, start: int) -> bool:
    """heldout16 flags: the finding at ``start`` is said of a person of the person a carer
    writes for ("my son's friend broke his arm; my son's arm is numb"): the nearest person
    named before it in its sentence is named after another person ("son friend"), so it is
    neither the writer's nor the patient's."""
    tokens, sentence = prep.tokens, prep.sentence
    for k in range(min(start, len(tokens)) - 1, 0, -1):
        if sentence[k] != sentence[start]:
            return False
        if tokens[k] in PEOPLE and tokens[k] not in ADJECTIVES:
            # flags18: or after "his" or "her", the patient's ("his wife has cancer, he is
            # her carer; he has numb hands")
            return (tokens[k - 1] in PEOPLE and tokens[k - 1] not in ADJECTIVES) or tokens[
                k - 1
            ] in THEIR
    return False


THEIR = frozenset({"his", "her", "their"})
"""flags18: possessives that name the person of a person ("his wife")."""


def _past_of_another(prep: Prepared, areas: Sequence[Area] = ()) -> bool:
    """A word of the past before something of another person's in its sentence ("my mum
    had a stroke"): what they had, not what they have."""
    if OTHER not in prep.ctx:
        return False  # nothing of another person's: no past of theirs to find
    tokens, sentence = prep.tokens, prep.sentence
    start = 0  # where the sentence of token i starts
    for i, c in enumerate(prep.ctx):
        if i and sentence[i] != sentence[i - 1]:
            start = i
        if c != OTHER:
            continue  # the past words are read only before something of another's
        pasts = [
            k
            for k, tok in enumerate(tokens[start:i], start)
            if tok in PAST_VERBS
            and not (tok == "once" and k and tokens[k - 1] == "at")
            and not (tok == "had" and k and tokens[k - 1] in PERFECT)
        ]  # heldout10 flags: "at once" is no past ("switched to both sides at once")
        pasts = [k for k in pasts if not _dates_a_numbness(prep, areas, k)]
        if (
            pasts
            and not _numb_after(prep, areas, pasts[-1])
            and not _numb_later(prep, areas, sentence[i])
        ):
            # heldout10 flags: what they had days ago goes on now ("my brother had a
            # motorbike accident on Saturday and says his left leg and foot are numb")
            end = i
            while end < len(tokens) and sentence[end] == sentence[i]:
                end += 1
            if not RECENT.isdisjoint(tokens[start:end]):
                continue
            return True
    return False


def _numb_after(prep: Prepared, areas: Sequence[Area], past: int) -> bool:
    """heldout13 flags: a numb area in another clause of the sentence of the past word at
    ``past``, with no past word in its own clause: what the other person had goes on in
    them now ("my daughter was knocked off her bike and now her left knee is numb", "my
    wife had a kidney transplant ..., she's got a high temperature and her legs are
    numb", "my daughter's lip has been numb since the dentist did a filling"; a clause
    opened by "and" with their own word, "my mum had a fall and her wrist is numb"); not
    "my mum had a stroke and her arm was numb", nor "my mum had numb feet"."""
    tokens, sentence, clause = prep.tokens, prep.sentence, prep.clause
    for a in areas:
        if a.role != "numb" or sentence[a.start] != sentence[past]:
            continue
        if clause[a.start] == clause[past]:
            # "and" with "her", "his" or "now" opens a clause of its own after the past
            still = _still_after(prep, a)
            opens = [
                k
                for k in range(past + 1, a.start)
                if tokens[k] == "and" and (still or tokens[k + 1] in THIRD_PERSON | {"now"})
            ]
            if not opens:
                continue
            words = list(range(past + 1, a.end + 1))  # "had a fall once and his leg"
            words += [k for k in range(a.end + 1, len(tokens)) if clause[k] == clause[a.start]]
        else:
            words = [k for k in range(len(tokens)) if clause[k] == clause[a.start]]
        if not any(tokens[k] in PAST_VERBS for k in words):
            return True
    return False


def _still_after(prep: Prepared, a: Area) -> bool:
    """cause18: "still" within three words after the numb area ``a``, before a comma or a
    sentence's end: it is numb now ("my wife had her caesarean three months ago and the skin
    on her tummy is **still** numb": what she had goes on in her; not "... and my tummy was
    numb")."""
    for tok in prep.tokens[a.end + 1 : a.end + 4]:
        if tok in SENTENCE_END or tok == ",":
            return False
        if tok == "still":
            return True
    return False


def _numb_later(prep: Prepared, areas: Sequence[Area], at: int) -> bool:
    """flags18: a sentence after sentence ``at`` says another person's part is numb now
    ("his legs have gone a bit numb"), with no word of the past of its own: what that person
    had, told in a sentence before, is the past of a numbness they have now ("My father (71)
    had prostate cancer treated in 2020. For the last month ... his legs have gone a bit
    numb"); not "my mum had cancer. my feet are numb" (the writer's own feet)."""
    tokens, sentence = prep.tokens, prep.sentence
    for a in areas:
        s = sentence[a.start]
        if a.role != "numb" or s <= at or not _theirs(prep, a.start, a.end):
            continue
        if not any(tokens[k] in PAST_VERBS for k in range(len(tokens)) if sentence[k] == s):
            return True
    return False


DATING = frozenset({"since", "after", "following"})
"""Words that date a numbness by what happened before it ("numb since the dentist did a
filling")."""


def _dates_a_numbness(prep: Prepared, areas: Sequence[Area], past: int) -> bool:
    """heldout13 flags: the past word at ``past`` is in the words that date a numb area
    stated before it in the present ("my daughter's lower lip has been numb since the
    dentist did a filling", "his hand is numb after he had the op"; not "her feet were numb
    after she had chemo")."""
    tokens, sentence = prep.tokens, prep.sentence
    for a in areas:
        if a.role != "numb" or a.end >= past or sentence[a.start] != sentence[past]:
            continue
        between = tokens[a.start : past]
        dates = [k for k, tok in enumerate(between) if tok in DATING]
        if dates and not any(tok in PAST_VERBS for tok in between[: dates[0]]):
            return True
    return False


PERFECT = frozenset({"has", "have", "hes", "shes", "theyve", "weve", "hasnt", "havent"})
"""Words before "had" that make it a present perfect, what goes on ("she has had the left
side of her body numb for a week"), not a past."""
RECENT = frozenset(
    {
        "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "weekend",
        # heldout13 areas: earlier today ("since the dentist did a filling this morning")
        "morning", "afternoon", "evening", "lunchtime",
    }
)  # fmt: skip
"""Words that date what another person had to the last few days ("on Saturday")."""


def _resolve(kb: KnowledgeBase, prep: Prepared, hit: Hit, areas: Sequence[Area]) -> str | None:
    """The cause a cue ("slipped disc") names: by its site, else by the numb areas."""
    cue = prep.tables.cue_list[int(hit.value.split(":")[1])]
    for cause in kb.causes if hit.extra == PRESSED_HIT else ():
        if prep.tokens[hit.start] in cause.nerves:
            return cause.id  # cause19: the nerve named ("the ulnar nerve getting squashed")
    if "body" in cue.by_area and all(cid == cue.default for cid in cue.by_area.values()):
        return cue.default  # "pulled my groin": a cue of one cause wherever it is
    # (a cue of one cause for some areas only, "lean on my elbow" for the ulnar fingers,
    # names none for the others: the areas decide below)
    within = kb.anatomy.within
    sites = [
        a.region
        for a in areas
        if a.role == "cause_site"
        and (a.start >= hit.start or hit.extra == PRESSED_HIT)
        and prep.clause[a.start] == prep.clause[hit.start]
    ]
    numb = [a.region for a in areas if a.numb]
    for group, tables in ((sites, (cue.by_site, cue.by_area)), (numb, (cue.by_area,))):
        for table in tables:
            for rid, cid in table.items():
                if any(within(region, rid) for region in group):
                    return cid
        if group:
            return None  # a site none of the cue's causes has ("in my shoulder")
    return cue.default


CONCEDE = ("but", "however")
"""cause19: words that set a cause the writer does not blame against the one they do ("I'm
diabetic too, but the numb leg is from my lower back disc")."""


# cause19: the cause the writer blames, first. A cause stated with no numb area of its own
# before a "but" ("diabetic for twenty years, but ...") is set against a later one after the
# "but" in a clause that names the numbness ("... the numb hand is carpal tunnel"): the later
# one is the numbness's. A first cause said of a numb area of its own ("numb feet from my
# diabetes, but I had chemo too") stays first, as does one whose clause after the "but" names
# no numbness ("I'm diabetic but I also had chemo last year, my toes are numb").
def _blamed_first(
    prep: Prepared, areas: Sequence[Area], found: list[Any], starts: list[int]
) -> list[Any]:
    stated = [i for i, f in enumerate(found) if not f.context]
    if len(stated) < 2:
        return found
    tokens, sentence, clause = prep.tokens, prep.sentence, prep.clause
    at = sentence[starts[stated[0]]]
    but = next((k for k in range(starts[stated[0]], len(tokens)) if tokens[k] in CONCEDE), 0)
    numb = [a.start for a in areas if a.numb and sentence[a.start] == at]
    if not but or sentence[but] != at or any(n < but for n in numb):
        return found
    for i in stated[1:]:
        if starts[i] > but and any(n > but and clause[n] == clause[starts[i]] for n in numb):
            return [found[i], *found[:i], *found[i + 1 :]]
    return found


SIGN_WORDS = ("slr", "straight leg", "tinel")
"""Words of an examination sign that names a cause ("SLR +ve", "Tinel's +ve at the elbow"):
a cause read from one comes after a cause named in words ("SLR +ve at 40 deg, ?sciatica":
sciatica; heldout14 areas)."""


def _cause_rank(f: Any, found: Sequence[Any]) -> int:
    """Where a cause finding goes among the causes of a text (a stable sort keeps the order
    of the words otherwise): a cause read from an examination sign last; a B12 found low
    before the autoimmune disease that lowered it ("I'm coeliac and my B12 was low":
    b12_deficiency; heldout14 areas), and before the metformin that lowered it ("on
    metformin, my B12 is low": b12_deficiency; heldout15 areas, the convention of
    docs/text.md)."""
    if any(w in f.words.lower() for w in SIGN_WORDS):
        return 2
    lowered = f.id == "autoimmune" or (f.id == "diabetic" and f.words.lower() in LOWERS_B12)
    if lowered and any(g.id == "b12_deficiency" and not g.context for g in found):
        return 1
    return 0


LOWERS_B12 = frozenset({"metformin"})
"""The words of a diabetic cause that lower vitamin B12 (the drug, not the disease)."""


def _reading(
    kb: KnowledgeBase, prep: Prepared, areas: Sequence[Area], proxy: bool = False
) -> Reading:
    # no validator on a first answer; an area's Finding by place
    Finding, MakeReading, _, AreaFinding = _makers()

    t = prep.tables
    # "my knees hurt": one word right after an area named for pain is its pain, not an injury
    pain_at = {a.end + 1 for a in areas if a.role == "pain"}
    cause_findings = []
    starts: list[int] = []  # where the words of each cause finding begin
    for h in prep.cause_hits:
        if any(a.start <= h.start and h.end <= a.end + 1 for a in areas):
            continue  # "the lumbar region": a body area's words, not a cause
        if h.start in pain_at and h.end == h.start + 1:
            continue
        cid = _resolve(kb, prep, h, areas) if h.value.startswith("cue:") else h.value
        if cid is None or _let_go(prep, h, cid == "injury"):
            continue
        if cid == "residual_needle_sensation" and any(
            t in FOLLOW_UP and n == prep.sentence[h.start]
            for t, n in zip(prep.tokens, prep.sentence, strict=True)
        ):
            continue  # heldout16 areas: "after the treatment my numb toes are the same"
        if cid in FAMILY_CAUSES and not _kin_ok(prep, h):
            continue
        if h.words in BREAST_OPS and not _breast_numb(kb, areas):
            continue
        context = h.context - {"other"} if cid in FAMILY_CAUSES else h.context
        if cid == "injury" and _done_to_another(prep, areas, h):
            context = context | {"other"}  # flags23: "Nan broke her hip"
        if _describes_another(prep.tokens, h.start, h.end):
            context = context | {"other"}  # "my diabetic nan": her illness, not the writer's
        if context == frozenset({"other"}) and me_too(prep, h.end):
            context = frozenset()  # "my dad had diabetes and so do I"
        cause_findings.append(
            Finding(
                kind="cause", id=cid, words=prep.written(h.start, h.end), context=_tags(context)
            )
        )
        starts.append(h.start)
    if len(cause_findings) > 1 and ("but" in prep.tokens or "however" in prep.tokens):
        cause_findings = _blamed_first(prep, areas, cause_findings, starts)
    found = tuple(cause_findings)  # a list being sorted is empty to its key
    cause_findings.sort(key=lambda f: _cause_rank(f, found))  # stable
    if not any(not f.context for f in cause_findings):
        cause_findings.extend(_implied_causes(kb, prep, areas))
    flag_findings = []
    hurt = False  # an injury told as a warning sign, the cause if none is stated (lead 17)
    flag_ends: list[int] = []  # where the words of each flag finding end
    flag_third: list[bool] = []  # each flag finding said of a third person (_of_a_third)
    person_findings = []
    descriptors = [(a.start, a.end) for a in areas if a.role == "descriptor"]
    # lead31: a numb part the writer took back, from its first word to the correcting words
    # (its cue: roles._self_corrected): "my face is numb, I mean my hands"
    taken = [
        (a.start, a.end, a.cue[0])
        for a in areas
        if a.role == "descriptor"
        and a.cue
        and a.cue[0] > a.end
        and prep.tokens[a.cue[0]] in CORRECTING_FIRST
    ]
    hits = prep.flag_hits
    if t.both_sides:  # (most texts have no flag hit: an empty list)
        hits = [h for h in hits if _sides_hold(prep, areas, h)]
    for h in _distinct_flags(prep, hits):
        assert isinstance(h.extra, tuple)
        # only a flag read from that one word: "back pain that keeps me up all night" is
        # night pain, the pain of the back with what it does at night
        if h.start in pain_at and all(span == (h.start, h.start + 1) for span in h.extra[2]):
            continue
        if any(a <= h.start and h.end <= b + 1 for a, b in descriptors):
            continue  # "on the left side of my body" after a numb thigh: only its side
        if taken and any(h.start <= a and b < h.end <= c for a, b, c in taken):
            # lead31: a red flag whose words hold the part taken back ("my face is numb, I
            # mean my hands": no numb face); not one of words that name no part ("numb down
            # there, I mean my bum and inner thighs" is still the saddle)
            continue
        if h.value == FACIAL and _face_for_a_sign(prep, areas, h):
            continue
        concept = t.concepts[h.extra[0]]
        if h.value.startswith(PERSON):  # a fact about the person, not a red flag
            person_findings.append(
                Finding(
                    kind="person",
                    id=h.value.removeprefix(PERSON),
                    words=" + ".join(prep.written(a, b) for a, b in h.extra[2]),
                    context=_tags(h.context),
                    concept=concept.id,
                )
            )
            continue
        if h.value == INJURY and not h.context and not hurt:
            hurt = not _let_go(prep, h, True)
        flag_ends.append(h.end)
        flag_third.append(_of_a_third(prep, h.start))
        flag_findings.append(
            Finding(
                kind="flag",
                id=h.value,
                words=" + ".join(prep.written(a, b) for a, b in h.extra[2]),
                side=_side(prep, h.start, h.end),
                context=_tags(
                    _owned_by_area(areas, h)
                    | (
                        {"other"}
                        if h.value == INJURY and _done_to_another(prep, areas, h)
                        else set()
                    )
                ),
                concept=concept.id,
                urgency=concept.urgency,
            )
        )
    carer = proxy or _carers_report(prep, areas)
    if carer:  # what is said of the person asked for is the patient's
        cause_findings = _as_patients(cause_findings)
        person_findings = _as_patients(person_findings)
    if proxy or _proxy_report(prep, areas, flag_findings, flag_ends):
        # the writer names nothing of their own and reports another's present signs
        flag_findings = _as_patients(flag_findings, flag_third)
    flag_findings = _explained(_unsubsumed(flag_findings), cause_findings)
    if (
        hurt
        and not any(not f.context for f in cause_findings)
        and not any(h.value == "injury" for h in prep.cause_hits)
        and not _names_no_cause(prep)
        # flags23: the injury flag may be someone else's ("broke her hip"): none to tell
        and any(f.id == INJURY and not f.context for f in flag_findings)
    ):
        # lead 17: an injury the text tells of as a warning sign ("numb foot since a horse
        # stood on it") is the cause when none is stated, with the flag's words, unless it
        # is over, a simile, long before a new numbness, denied after it, the cause words
        # read an injury and let it go ("I fell off a ladder 30 years ago but the numbness
        # only started in May"), or the text holds a phrase that names no cause ("hit the
        # floor", "since the fall of 2023")
        told = next(f for f in flag_findings if f.id == INJURY and not f.context)
        cause_findings.append(Finding(kind="cause", id="injury", words=told.words, context=()))
    # Reading(text, areas, causes, course, flags, person, corrected, for_another); each
    # Finding(kind, id, words, role, context, concept, urgency, side)
    made: Reading = MakeReading(
        prep.text,
        tuple(
            AreaFinding(
                "area",
                a.region,
                a.words,
                a.role,
                _tags(a.context),
                None,
                None,
                _side(prep, a.start, a.end + 1),
            )
            for a in areas
        ),
        tuple(cause_findings),
        tuple(
            Finding(
                kind="course",
                id=h.value,
                words=prep.written(h.start, h.end),
                context=_tags(h.context),
            )
            for h in prep.course_hits
        ),
        tuple(flag_findings),
        tuple(person_findings),
        prep.corrected,
        _another(prep) if proxy else None,
    )
    return made


SUBSUMES = {"ascending_weakness": frozenset({"progressive_weakness"})}
"""A red flag that stands for others raised in the same context anywhere in the text:
weakness that climbs over days is the emergency form of weakness getting worse, so it is
ascending weakness alone ("my legs are getting weaker every day and now my arms are going
too"), as nearly every corpus set labels it."""


def _unsubsumed(findings: list[Any]) -> list[Any]:
    """``findings`` without a flag that another found in the same context stands for
    (``SUBSUMES``)."""
    gone = {(o, f.context) for f in findings for o in SUBSUMES.get(f.id, ())}
    if not gone:
        return findings
    return [f for f in findings if (f.id, f.context) not in gone]


EXPLAINED_BY = {
    "chemotherapy": {"progressive_weakness": ("drop",), "cervical_myelopathy": ("button", "zip")}
}
"""heldout14 flags: a cause the text gives (not denied, supposed or someone else's) that
explains a flag's words: the numb fingers of a chemotherapy neuropathy drop keys and
cannot do up buttons or zips because they do not feel them, not from a weakness or a cord pressed
in the neck ("since my chemo my fingertips have been numb and I can't do up my buttons").
A flag read from other words stays ("my grip is getting weaker", "unsteady on my feet")."""


def _explained(flags: list[Any], causes: list[Any]) -> list[Any]:
    """``flags`` without those whose words a stated cause explains (``EXPLAINED_BY``)."""
    by = [
        EXPLAINED_BY[c.id]
        for c in causes
        if c.id in EXPLAINED_BY and not NOT_STATED.intersection(c.context)
    ]
    if not by:
        return flags
    return [
        f
        for f in flags
        if not any(any(w in f.words.lower() for w in e[f.id]) for e in by if f.id in e)
    ]


RECOVERED = frozenset(
    {"cleared", "resolved", "recovered", "healed", "settled", "disappeared", "sorted"}
)
RECOVERED_AFTER = frozenset({"went", "gone", "has", "had", "it", "that", "which", "fully", "then"})
NOT_OVER = frozenset({"never", "not", "hasnt", "havent", "hadnt", "didnt", "isnt", "wasnt"})
"""heldout14 areas: words that deny a recovery said before a cause ("never recovered from the
op")."""
WORE = frozenset({"wore", "went", "worn"})
"""heldout14 areas: words before "off" that say a sensation ended ("wore off", "went off in a
day")."""


NEW_NUMBNESS = (
    ("only", "started"), ("only", "began"), ("is", "new"), ("are", "new"),
    # cause19: a clinical note's "new numbness" ("PMH ... chemo), new numbness R arm")
    ("new", "numbness"), ("new", "tingling"),
    # flags23: a numbness that came on by itself ("I fell off a wall as a teenager, nothing
    # since. The numbness ... came on this year on its own")
    ("its", "own"), ("by", "itself"),
)  # fmt: skip
"""heldout13 areas: words that say the numbness is new ("this numbness in my toes **only
started** last month", "the numbness in my fingers now **is new**")."""


FOLLOW_UP = frozenset({"same", "better", "less", "worse", "improved", "improving", "change"})
"""heldout16 areas: words of a follow-up that compare the numbness with before a session
("after the treatment my numb toes are the same", "less numb since the needles"): the
numbness was there before it, so the session is no cause."""


def _before_a_new(prep: Prepared, h: Hit) -> bool:
    """heldout13 areas: a cause of long ago (its words in a history: "a car accident 20 years
    ago") before a numbness the text says is new ("only started last month", "is new"): it
    does not explain the numbness ("the fall was five years ago ... the numbness only started
    this month", heldout11). A past cause with no new numbness still counts ("numb thumb, I
    broke my wrist years ago")."""
    tokens = prep.tokens
    # cause19: or listed after "PMH" (a past medical history: "PMH Ca breast 2021 (... chemo),
    # new numbness R arm": the chemotherapy is no cause of the arm)
    # flags23: or after "Hx" ("Hx breast ca 2019, mastectomy and chemo. New thoracic back
    # pain and a band of numbness"), a history as "PMH" is
    if PMH.isdisjoint(tokens[: h.start]) and not any(
        "historical" in prep.ctx[k] for k in range(h.start, h.end)
    ):
        return False
    # flags23: or "new" opens a sentence that names a numbness ("New thoracic back pain and a
    # band of numbness around the lower chest"): the numbness is new
    sentence = prep.sentence
    return any(
        tuple(tokens[k : k + 2]) in NEW_NUMBNESS
        or (
            tokens[k] == "new"
            and tokens[k - 1] in SENTENCE_END
            and any(
                tokens[j] in NUMB_STATED or tokens[j] == "numbness"
                for j in range(k + 1, len(tokens))
                if sentence[j] == sentence[k]
            )
        )
        for k in range(h.end, len(tokens))
    )


PMH = frozenset({"pmh", "hx"})
"""Words that open a past medical history in a note ("PMH Ca breast 2021", "Hx breast ca")."""


WOUND = frozenset(
    {
        "wound",
        "wounds",
        "scar",
        "scars",
        "incision",
        "skin",
        "stitches",
        # heldout16 areas: the rash of shingles ("herpes zoster, vesicles resolved")
        "vesicles",
        "blisters",
        "rash",
        "scabs",
    }
)
"""heldout13 areas: what heals after an operation or cut without the numbness it left ("s/p
TKR 2/12 ago, **wound** healed"; heldout16 areas: the rash or blisters of shingles, "herpes
zoster, vesicles resolved"): its healing is no recovery of the cause."""
STILL_GONE = frozenset({"now", "completely"})
"""Words after "gone" that say a finding before it is over ("shingles 5 yrs ago, gone
now")."""


def _recovered(prep: Prepared, h: Hit) -> bool:
    """A cause said to have cleared up ("had sciatica in both legs years ago that cleared
    up", "shingles last year which resolved", heldout13 areas: ", gone now"): it no longer
    explains a numbness now. A past cause with no recovery said of it still counts ("chemo
    years ago"), as does one followed by another finding that recovered ("chemo for a cancer
    that cleared up"), one whose wound or scar healed ("s/p TKR, wound healed") and one the
    numbness is dated from ("numb since I cut it on a tin, healed now", heldout13 areas)."""
    tokens = prep.tokens
    if any(tokens[k] == "since" for k in range(max(0, h.start - 3), h.start)):
        return False
    # heldout14 areas: a cause inside a clause that says what it ended ("all sorted after
    # surgery", "fully recovered after the op"): part of what is over
    j = h.start - 1
    while j >= 0 and tokens[j] not in SENTENCE_END and tokens[j] not in (",", "but", "now"):
        j -= 1
    clause = tokens[j + 1 : h.start]
    if clause and _recovery_said(clause) and not NOT_OVER & set(clause):
        return True  # not "my finger never recovered from the op"
    for k in range(h.end, min(len(tokens), h.end + 10)):
        if tokens[k] == "but" and _recovery_said(tokens[k + 1 : k + 5]):
            return True  # "after a wisdom tooth came out in 2015 but it fully recovered"
        if tokens[k] in SENTENCE_END or tokens[k] in ("but", "now"):
            break
        if tokens[k] == ",":
            if _recovery_said(tokens[k + 1 : k + 5]):
                return True  # "a slipped disc with bladder trouble, fully recovered"
            break
    others = {o.start for o in prep.cause_hits} | {f.start for f in prep.flag_hits}
    others.discard(h.start)
    for k in range(h.end, min(len(tokens), h.end + 10)):
        if tokens[k] in SENTENCE_END or tokens[k] in (",", "but", "now") or k in others:
            return False
        if tokens[k] in RECOVERED or (
            tokens[k] == "away" and k > h.end and tokens[k - 1] in RECOVERED_AFTER
        ):
            return True
        if tokens[k] == "off" and k > h.end and tokens[k - 1] in WORE:
            return True  # "the numbness from the dentist wore off hours ago"
    return False


SIMILE_NOT_AFTER = frozenset({"i", "id", "would", "dont", "didnt", "things", "stuff", "much"})
"""Words before "like" that make it a verb or a list ("I'd like", "things like"), not a
likeness."""


SINCE = frozenset({"since", "because", "cos"})
"""heldout12 areas: words that open the cause of a numbness; a likeness does not reach over
them ("I feel like ants are walking on my arm since I fell")."""
LIKE_NOT_BEFORE = frozenset({"to", "that", "this"})
"""Words after "like" that make it no likeness ("I'd like to", "it's been like that")."""


def _simile(prep: Prepared, h: Hit) -> bool:
    """A cause named in a likeness ("my lip feels like I've had a dental injection", "numb
    like after an injection at the dentist"): it says how the numbness feels, not what
    caused it. "like" within eight words before the cause, in its clause ("felt like I've
    just come back from the dentist", heldout12 areas), with no "since" between ("I feel like
    ants are walking on my arm since I fell": the fall is the cause), and not "like that"
    ("it's been like that since I dropped a tin on it")."""
    tokens = prep.tokens
    for k in range(h.start - 1, max(-1, h.start - 9), -1):
        if tokens[k] in SENTENCE_END or tokens[k] in (",", "but", "and") or tokens[k] in SINCE:
            return False
        if tokens[k] == "like":
            after = tokens[k + 1] if k + 1 < len(tokens) else ""
            return after not in LIKE_NOT_BEFORE and (
                k == 0 or tokens[k - 1] not in SIMILE_NOT_AFTER
            )
    return False


ALL_WELL = frozenset({"fine", "better", "well", "good", "sorted"})
"""Words that, after "all" ("that's all fine", "all better now"), say a past complaint is
over."""


def _recovery_said(words: Sequence[str]) -> bool:
    """The words that open a clause after a comma say the finding before it is over: a word
    of recovery ("fully recovered", "which healed") or "all" with a word of being well
    ("that's all fine"). The whole clause before the comma is over, whatever it holds."""
    for i, w in enumerate(words):
        if w in SENTENCE_END or w == ",":
            return False
        if w in RECOVERED and i and words[i - 1] in WOUND:
            return False  # heldout13 areas: "wound healed": the wound is, not the cause
        if w in RECOVERED or (w == "all" and i + 1 < len(words) and words[i + 1] in ALL_WELL):
            return True
        if w == "came" and tuple(words[i + 1 : i + 3]) in CAME_BACK:
            return True  # flags23: "broke my wrist in 2010 but it came back fully"
        if w == "gone" and i + 1 < len(words) and words[i + 1] in STILL_GONE:
            return True  # heldout13 areas: "shingles 5 yrs ago, gone now"
    return False


CAME_BACK = frozenset({("back", "fully"), ("back", "completely")})
"""flags23: words after "came" that say what was lost came back whole ("my grip was weak
after I broke my wrist but it came back fully"): a recovery, not a numbness come back."""


PAST_VERBS = frozenset({"had", "was", "were", "died", "passed", "used", "did", "once"})
"""Words that put what another person had in the past ("my mum had a stroke")."""


def _proxy_report(
    prep: Prepared, areas: Sequence[Area], flags: Sequence[Any], ends: Sequence[int]
) -> bool:
    """The text reports another person's present warning signs and names no finding of
    the writer's own: no numb area and no red flag outside someone else's context, and no
    word of the past before the signs in their sentence ("my mum's face has dropped on one
    side and her arm is numb"; not "my mum had a stroke", nor "my mum had cancer, my feet
    are numb"). Their red flags are raised: whoever writes it is asking for that person."""
    if not flags:
        return False
    own = _writes_of_self(prep)
    if any(
        a.numb
        and not a.context
        and (own or not (_theirs(prep, a.start, a.end) or _named_before(prep, a.start + 1)))
        for a in areas
    ):
        return False
    if own and _numb_of_self(prep):
        return False  # "my friend's foot turned black, mine's just a bit numb on top"
    if not any(f.context == ("other",) for f in flags):
        return False
    for f, end in zip(flags, ends, strict=True):
        # heldout9 flags: a sign with no context of its own, written after another person
        # is named in its sentence by a writer who never names themself ("my husband have
        # numb in the legs and fever"; "her hands have gone weak over two days, starting
        # from her feet") is that person's too
        if not f.context and (own or not _named_before(prep, end)):
            return False
    return not _past_of_another(prep, areas)


def _named_before(prep: Prepared, end: int) -> bool:
    """Another person is named in the sentence of token ``end - 1``, before it: "his",
    "her", "he", "she" or "my" and a person ("my husband")."""
    tokens, sentence = prep.tokens, prep.sentence
    last = min(end, len(tokens)) - 1
    for k in range(last, -1, -1):
        if sentence[k] != sentence[last]:
            return False
        if tokens[k] in THIRD_PERSON or _names_other(tokens, k):
            return True
    return False


# heldout8 flags: a carer's report whose signs are written with "his" or "her", or with no
# word of the writer's own ("my dad has lost weight, not dieting, and his legs feel numb")
FIRST_PERSON = frozenset({"i", "im", "ive", "id", "ill", "me", "myself", "my", "mine"})
"""Words by which a writer speaks of themself."""
PEOPLE = KIN | frozenset(
    {
        "wife", "wifes", "husband", "husbands", "partner", "partners", "friend", "friends",
        "mate", "flatmate", "roommate", "neighbour", "neighbor", "colleague", "boss", "child",
        "kid", "boy", "girl", "baby", "little", "stepdad", "stepmum", "stepmom", "niece",
        "nephew", "grandson", "granddaughter", "fiance", "fiancee", "boyfriend", "girlfriend",
        "elderly", "old", "youngest", "eldest", "oldest", "teenage", "teenager", "patient",
        "client", "carer",
    }
)  # fmt: skip
"""Words after "my" that name another person ("my dad", "my little boy")."""
THIRD_PERSON = frozenset({"his", "her", "their", "he", "she", "hes", "shes", "they", "theyre"})
PERSON_WORDS = FIRST_PERSON | THIRD_PERSON
"""Words that name who a clause speaks of."""


def _carers_report(prep: Prepared, areas: Sequence[Area]) -> bool:
    """heldout9 areas: a numb area is another's, written with "his" or "her", and the
    writer names nothing of their own ("my father fell down the stairs and since then his
    left leg is numb"): that person's causes and facts are the patient's, as their areas
    are (their red flags follow :func:`_proxy_report`)."""
    if "my" not in prep.tokens and THIRD_PERSON.isdisjoint(prep.tokens):
        return False  # no one else named: neither _theirs nor _named_before can find one
    numb = [a for a in areas if a.numb]
    if _writes_of_self(prep):
        return False
    if _past_of_another(prep, areas) and not any(_now_before(prep, a.start) for a in numb):
        return False
    # heldout10 areas: or with no possessive, after that person is named in its sentence
    # ("my daughter is on chemo for lymphoma and now has numb fingers"), as a carer's
    # signs are (heldout9 flags, _proxy_report)
    return any(_theirs(prep, a.start, a.end) or _named_before(prep, a.end + 1) for a in numb)


NOW = frozenset({"now", "since"})
"""Words that bring a report back to the present ("had her appendix out last month. **Since**
then there's a numb patch", "was knocked off her bike and **now** her knee is numb")."""


def _now_before(prep: Prepared, start: int) -> bool:
    """heldout13 areas: a word of :data:`NOW` before ``start`` in its sentence: what
    another person had is the past of a numbness they have now."""
    sentence = prep.sentence
    return any(
        prep.tokens[k] in NOW for k in range(start - 1, -1, -1) if sentence[k] == sentence[start]
    )


def _writes_of_self(prep: Prepared) -> bool:
    """Whether the writer names themself anywhere: a first-person word other than the "my"
    that names another person ("my dad", "my little boy")."""
    tokens = prep.tokens
    return any(tok in FIRST_PERSON and not _names_other(tokens, i) for i, tok in enumerate(tokens))


def _names_other(tokens: Sequence[str], k: int) -> bool:
    """The "my" at ``k`` names another person ("my dad", "my little boy")."""
    if not (tokens[k] == "my" and k + 1 < len(tokens) and tokens[k + 1] in PEOPLE):
        return False
    # heldout10 flags: "my little finger" is the writer's own
    return not (k + 2 < len(tokens) and tokens[k + 1] == "little" and tokens[k + 2] in DIGITS)


DIGITS = frozenset({"finger", "fingers", "toe", "toes", "fingertip", "fingertips"})
"""Body words after "my little" ("my little finger"): the writer's own part, no person."""


def _numb_of_self(prep: Prepared) -> bool:
    """A numbness the writer states of themself with no body word ("mine's just a bit
    numb"): a numb word in no context, in a clause with a first-person word of the writer's
    and no "his" or "her"; or in a clause that names nobody, after such a clause of its
    sentence (heldout16 flags: "mine are pink and warm, just numb")."""
    tokens, clause, ctx, sentence = prep.tokens, prep.clause, prep.ctx, prep.sentence
    for i, tok in enumerate(tokens):
        if tok not in NUMB_STATED or ctx[i]:
            continue
        words = [k for k in range(len(tokens)) if clause[k] == clause[i]]
        if not any(tokens[k] in PERSON_WORDS for k in words):
            # a clause with no subject of its own goes on from the one before it
            words = [
                k
                for k in range(len(tokens))
                if clause[k] == clause[i] - 1 and sentence[k] == sentence[i]
            ]
        if any(tokens[k] in THIRD_PERSON for k in words):
            continue
        if any(tokens[k] in FIRST_PERSON and not _names_other(tokens, k) for k in words):
            return True
    return False


def _theirs(prep: Prepared, start: int, end: int) -> bool:
    """An area written as another's: "his" or "her" (or "he", "she") in its words or at most
    three words before it in its clause ("his legs", "the top of his foot", "she says her
    hands")."""
    tokens, clause = prep.tokens, prep.clause
    if THIRD_PERSON & set(tokens[start : end + 1]):
        return True
    # heldout9 flags: six words ("she's a diabetic with numb feet"), and "my" with a person
    # ("my husband have numb in the legs")
    for k in range(start - 1, max(-1, start - 7), -1):
        if clause[k] != clause[start]:
            break
        if tokens[k] in THIRD_PERSON or (k and _names_other(tokens, k - 1)):
            return True
        if tokens[k] in FIRST_PERSON:
            return False
    return False


OWNERS = POSSESSIVES | {"our", "your"}
"""Possessives that may open a description of another person ("my diabetic nan")."""


def _describes_another(tokens: Sequence[str], start: int, end: int) -> bool:
    """heldout10 areas: the cause words at ``start:end`` describe another person, written
    between a possessive and that person ("my diabetic nan", "his alcoholic brother", "my
    type 1 diabetic son")."""
    if end >= len(tokens) or tokens[end] not in PEOPLE:
        return False
    return any(tokens[k] in OWNERS for k in range(max(0, start - 3), start))


def _kin_ok(prep: Prepared, h: Hit) -> bool:
    """A hereditary cause named by a shared illness ("has the same") needs a relative in its
    sentence: "my wife has the same" is no family illness."""
    tokens = prep.tokens
    if tokens[h.start] in RUNS and h.start and tokens[h.start - 1] not in RUNS_AFTER:
        return False  # cause18: "diabetes runs in my family", "cancer runs in my family"
    if not SHARED & set(tokens[h.start : h.end]):
        return True
    sentence = prep.sentence
    at = sentence[h.start]
    return any(tok in KIN and sentence[i] == at for i, tok in enumerate(prep.tokens))


RUNS = frozenset({"runs", "run"})
RUNS_AFTER = frozenset(
    {",", ".", ";", "and", "it", "its", "this", "that", "which", "they", "these", "numbness",
     "tingling", "neuropathy"}
)  # fmt: skip
"""cause18: "runs in the family" is the numbness's only when it opens its clause or follows
a word that stands for it ("..., same as my nan, runs in the family", "this runs in the
family"); after another word its subject is another illness ("cancer runs in my family",
"heart disease runs in my family")."""


def _breast_numb(kb: KnowledgeBase, areas: Sequence[Area]) -> bool:
    """cause18: no numb area is named, or one is on the chest or in the armpit (where a
    breast operation is the cause: :data:`BREAST_OPS`)."""
    numb = [a.region for a in areas if a.numb]
    within = kb.anatomy.within
    return not numb or any(within(r, s) for r in numb for s in BREAST_SITES)


def _implied_causes(kb: KnowledgeBase, prep: Prepared, areas: Sequence[Area]) -> list[Any]:
    """Causes the roles of the areas imply when the text names none: an operation site
    ("since my knee was scoped") is an injury, surgery or pressure; a spine site written as
    where a numbness elsewhere comes from ("numb fingers from my neck") is the nerve root
    cause of the disc and nerve cue."""
    Finding = _makers()[0]
    numb = [a for a in areas if a.numb]
    if not numb:
        return []
    within = kb.anatomy.within
    tokens = prep.tokens
    site = _point_site(kb, prep)
    if site is not None:
        words = prep.written(site, site + 1)  # the code, an area's word ("site" is no word read)
        return [Finding(kind="cause", id=RESIDUAL, words=words, context=_tags(prep.ctx[site]))]
    for a in areas:
        if a.context:
            continue
        if a.role == "operation":
            near = set(tokens[max(0, a.start - 4) : a.end + 5])
            if not NOT_SURGERY & near and not (INJECTED & near and a.region in JAB_SITES):
                return [Finding(kind="cause", id="injury", words=a.words, context=())]
        if a.role != "cause_site" or not any(within(a.region, x) for x in ("neck", "back")):
            continue
        j = a.start - 1
        while j >= 0 and (tokens[j] in DROP or tokens[j] in _SIDE_WORDS or tokens[j] == "lower"):
            j -= 1
        if j < 0:
            continue
        if tokens[j] in SOURCE or (tokens[j] == "in" and j > 0 and tokens[j - 1] in START):
            if any(n.region == a.region or within(n.region, a.region) for n in numb):
                continue
            for cue in prep.tables.cue_list:
                if "neck" not in cue.by_area:
                    continue  # the cue of discs and nerves: the one that places a root
                for rid, cid in cue.by_area.items():
                    if within(a.region, rid):
                        words = prep.written(j, a.end + 1)
                        return [Finding(kind="cause", id=cid, words=words, context=())]
    return []


RESIDUAL = "residual_needle_sensation"
POINT_SITES = ("site", "sites", "spot")
"""cause20: words after an acupoint code that make it the place a needle went in ("residual
numbness at LI4 site L hand", "the ST36 spot"), as "needle site" is."""


# cause20: where an acupoint code of kb is named as a site ("numbness at LI4 site L hand after
# last session", "paraesthesia at the LI4 site"): the needle put in there, the cause
# residual_needle_sensation, as "needle site LI4" is. A code with no site word ("hypoaesthesia
# over ST36") or a word of a code's shape that is no code ("C7 site") names none.
def _point_site(kb: KnowledgeBase, prep: Prepared) -> int | None:
    tokens = prep.tokens
    if "site" not in tokens and "sites" not in tokens and "spot" not in tokens:
        return None  # no word of POINT_SITES (most texts)
    for i, tok in enumerate(tokens[:-1]):
        if tokens[i + 1] in POINT_SITES and _POINT_SHAPE.fullmatch(tok) and tok in _point_codes(kb):
            return i
    return None


FACIAL = "facial_numbness"
INJURY = "after_injury"


def _owned_by_area(areas: Sequence[Area], h: Hit) -> frozenset[str]:
    """The context of the flag ``h``, with "other" when it begins at the words of an area
    the reader gave to someone else ("mum's stroke left her face numb, but I'm asking for
    myself": her face, so her facial numbness; lead 17)."""
    if "other" in h.context or not any(
        "other" in a.context and a.start <= h.start <= a.end for a in areas
    ):
        return h.context
    return h.context | {"other"}


# flags23: the injury at h is done to another person's part, in a text where the writer names
# a numb part of their own: "his", "her" or "their" and a body area come right after its words
# ("Nan broke her hip in a fall ... my left palm has been numb for ages")
def _done_to_another(prep: Prepared, areas: Sequence[Area], h: Hit) -> bool:
    tokens = prep.tokens
    return (
        h.end < len(tokens)
        and tokens[h.end] in THEIR
        and any(a.start == h.end + 1 for a in areas)
        and any(
            a.role == "numb" and not a.context and not _theirs(prep, a.start, a.end + 1)
            for a in areas
        )
    )


def _let_go(prep: Prepared, h: Hit, injury: bool) -> bool:
    """The cause read at ``h`` (or the injury a flag tells of) is let go: it is over, a
    simile, long before a new numbness, or, for an ``injury``, denied after it in its
    sentence ("a fall but didn't hurt myself") or falls counted as a sign ("fell twice this
    week")."""
    return (
        _recovered(prep, h)
        or _simile(prep, h)
        or _before_a_new(prep, h)
        or (injury and (_harm_denied_after(prep, h) or _falls_counted(prep, h)))
    )


FALLS = ("fell", "fall", "fallen", "falling")
COUNTED = (
    "twice",
    "times",
    "repeatedly",
    "frequent",
    "recurrent",
    "repeated",
    "multiple",
    "several",
)
"""cause20: words that count falls, after the fall ("fell twice", "has fallen three times")
or before it ("frequent falls", "repeated falls")."""


# cause20: falls counted ("gran fell twice this week and says her hands are numb", "frequent
# falls, numb hands") are a sign of an unsteady walk, as falls told by a carer are (docs/text.md,
# "the lead": cervical_myelopathy), not an injury the numbness follows, unless a word after them
# in their sentence dates the numbness from them ("I fell twice on the ice and now my wrist is
# numb": "now", "since", "after", "following", "then").
def _falls_counted(prep: Prepared, h: Hit) -> bool:
    tokens, sentence = prep.tokens, prep.sentence
    falls = [k for k in range(h.start, h.end) if tokens[k] in FALLS]
    if not falls:
        return False
    k = falls[-1]
    if not any(t in COUNTED for t in tokens[max(0, k - 1) : k + 4]):
        return False
    return not any(
        tokens[j] in NOW or tokens[j] in DATING or tokens[j] == "then"
        for j in range(k + 1, len(tokens))
        if sentence[j] == sentence[k]
    )


def _harm_denied_after(prep: Prepared, h: Hit) -> bool:
    """heldout16 areas: a denied injury word after ``h`` in its sentence says the injury
    did no harm ("fell off a step at Christmas but didn't hurt myself")."""
    return any(
        o.value == "injury"
        and "negated" in o.context
        and o.start >= h.end
        and prep.sentence[o.start] == prep.sentence[h.start]
        for o in prep.cause_hits
    )


def _names_no_cause(prep: Prepared) -> bool:
    """The text holds a phrase that names no cause ("hit the floor", a foot that slaps it;
    "since the fall of 2023", the autumn): an injury flag gives no cause there."""
    return next(iter(prep.tables.not_causes.scan(prep.content.words)), None) is not None


SIGN_ROLES = frozenset({"pain", "weak", "flag"})


def _face_for_a_sign(prep: Prepared, areas: Sequence[Area], h: Hit) -> bool:
    """flagside: the face part of a facial numbness is read for another role and the numb
    word is another clause's or part's ("a crushing pain in his chest going up into his jaw
    and his arm's numb": a pain there; "his hand went numb this morning and his face looks
    droopy": the droop's face): no numb face. A face part said numb ("his jaw is numb",
    "half of face is not feeling") keeps the flag."""
    assert isinstance(h.extra, tuple)
    spans = h.extra[2]
    faces = [a for a in areas if any(x <= a.start and a.end < y for x, y in spans)]
    if not faces or any(a.role not in SIGN_ROLES for a in faces):
        return False
    gap = range(min(y for _, y in spans), max(x for x, _ in spans))
    return "and" in (prep.tokens[i] for i in gap) or any(
        a.start in gap and a not in faces for a in areas
    )


def _covers(outer: Hit, inner: Hit) -> bool:
    """Every span of ``inner``'s words lies within a span of ``outer``'s."""
    assert isinstance(outer.extra, tuple) and isinstance(inner.extra, tuple)
    return all(any(a <= x and y <= b for a, b in outer.extra[2]) for x, y in inner.extra[2])


def _sides_hold(prep: Prepared, areas: Sequence[Area], h: Hit) -> bool:
    """lead26: whether the flag hit ``h`` holds on the sides it needs: a rule with
    ``both_sides_of`` holds only with a numb or weak area of the writer's own of one of its
    regions (that region, not a part of it: "legs", not "feet"), in the rule's scope where
    the hit begins and, with ``near``, at most that many words from the hit's, named by a
    plural with no side or with "both" ("my legs", "both thighs": the rule's word classes,
    matched by stems, read "legs" as "leg"). Every other hit holds."""
    assert isinstance(h.extra, tuple)
    rule = prep.tables.both_sides.get(h.extra[0])
    if rule is None:
        return True
    regions, scope, near = rule
    place = (
        prep.clause
        if scope == "clause"
        else segments(prep.tokens, prep.clause)
        if scope == "segment"
        else prep.sentence
    )
    for a in areas:
        if a.region not in regions or a.role not in ("numb", "weak") or a.context:
            continue
        if place[a.start] != place[h.start]:
            continue
        if near and max(a.start - h.extra[1], h.start - a.end - 1) > near:
            continue
        # (its own last word a plural: a "both" read near it may be another area's, as in
        # "not both legs, only the right one")
        if _plural_word(prep.tokens[a.end]) and _side(prep, a.start, a.end + 1) in (None, "both"):
            return True
        # lead30: a clinical note's singular with its "bilateral" ("b/l hand numbness")
        if a.start and prep.tokens[a.start - 1] == "bilateral":
            return True
    return False


def _distinct_flags(prep: Prepared, hits: Sequence[Hit]) -> list[Hit]:
    """The red-flag concepts found (``hits``: the Prepared's, less those whose sides do not
    hold), without one whose words lie within another's of the same flag and context (the
    same words found by a concept and by a trigger of safety.yaml; "side of my body"
    within "left side of my body"), unless it raises the urgency the other does not."""
    t = prep.tables
    out = []
    for i, h in enumerate(hits):
        assert isinstance(h.extra, tuple)
        urgency = t.concepts[h.extra[0]].urgency
        covered = False
        for j, o in enumerate(hits):
            if j == i or o.value != h.value or o.context != h.context or not _covers(o, h):
                continue
            assert isinstance(o.extra, tuple)
            if urgency is not None and t.concepts[o.extra[0]].urgency != urgency:
                continue
            if not _covers(h, o):  # strictly inside
                covered = True
                break
            # the same words: the one that stands for another flag is kept (heldout10 flags:
            # "cut my foot on a shell", the rule foot_wound_found over the concept
            # foot_wound, stands for the injury read in its words), else the one found first
            mine, theirs = h.extra[0] in t.overrides, o.extra[0] in t.overrides
            if theirs > mine or (theirs == mine and j < i):
                covered = True
                break
        if not covered:
            out.append(h)
    return out


_ORDER = ("negated", "historical", "hypothetical", "other")
_SIDE_WORDS = {"left": "left", "right": "right", "both": "both", "bilateral": "both"}


def _side(prep: Prepared, start: int, end: int) -> Any:
    """The side written with the words ``start`` to ``end`` (exclusive): a side word among
    them or just before them in their clause ("left side of my body", "my right hand")."""
    tokens = prep.tokens
    j, seen = start, 0
    while j > 0 and seen < 3 and tokens[j - 1] not in _CLAUSE_END:
        j -= 1
        seen += tokens[j] not in DROP
    for k in range(j, end):
        if tokens[k] in _SIDE_WORDS and not (tokens[k] == "left" and _left_as_verb(tokens, k)):
            return _SIDE_WORDS[tokens[k]]
    return None


_CLAUSE_END = SENTENCE_END | {","}


def _tags(ctx: frozenset[str]) -> tuple[Any, ...]:
    if not ctx:  # most findings: no context
        return ()
    return tuple(c for c in _ORDER if c in ctx)
