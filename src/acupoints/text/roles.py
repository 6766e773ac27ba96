"""What each body area of a description is named for.

The location grammar (:mod:`acupoints.parse`) finds every body word; this module says
which are numb and which are named for another reason: ``cause_site`` ("a trapped nerve
in my **neck**"), ``trigger`` ("when I lean on my **elbow**"), ``operation`` ("after a
**knee** replacement"), ``fine`` (denied: "my **hand** is fine"), ``flag`` (inside the
words of a warning sign: "**foot** drop"), ``descriptor`` (not the body part at all:
"the face of my thumb", "my B12 came **back** low"). The cue words are data
(``text.yaml``, section ``roles``).
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from .._plain import Frozen, replace
from ..parse import LANDMARKS, NEGATIONS, _Found, _level, _plural_word
from .compiled import DROP, SENTENCE_END
from .context import NUMB_STATED
from .findings import _masked
from .prepare import Prepared

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..models import AreaRole

__all__ = ["Area", "elided", "me_too", "narrowed", "roles", "spread_in_limb"]

LINKS = frozenset({"in", "at", "of", "on", "from", "to", "around", "near"})
SPINE = ("neck", "back")
"""Where a numbness elsewhere can come "from" ("numb fingers from my neck")."""
ONWARD = frozenset({"to", "down", "into", "through", "all", "right", "up", "across", "and"})
"""Words after "from my neck" that make it the start of a numb stretch ("from my neck to
my shoulder"), not where the numbness comes from."""
SIDE_WORDS = frozenset({"left", "right", "both", "l", "r", "sided", "side"})
EXTENT = (
    ("up", "to"),
    ("as", "far", "as"),
    ("reached",),
    ("reaching",),
    ("reaches",),
    ("until",),
    # heldout10 areas: "the weakness has climbed to my hips"
    ("climbed", "to"),
    ("climbing", "to"),
    ("crept", "to"),
    ("spread", "to"),
    ("spreading", "to"),
    ("moved", "to"),
)
"""Words that lead to where a stretch ends ("weak up to my hips", "reached my waist"): the
area there shares the role of the area the stretch starts from."""
GAP = frozenset({"just", "right", "slightly", "directly", "immediately"})
"""Words between an area and the landmark that places a part of it ("my belly just above
the belly button")."""
PLACING_GAP = GAP | {"across"}
"""areas21: and before a part that places the numbness of the whole named before it ("my
back across the shoulder blades": the upper back)."""
WEAK_WORDS = frozenset({"weak", "weakness", "heavy", "heaviness", "floppy", "weaker"})
PAIN_WORDS = frozenset({"pain", "pains", "ache", "aches", "aching", "sore", "soreness", "hurts"})
"""Symptom words whose stretch ("weakness up to my hips", "pain up to my elbow") is not a
numb one."""
PLACES = frozenset({"over", "above", "behind", "under", "underneath", "against", "on", "in", "at"})
AT_SYMPTOM = frozenset(
    {"numb", "numbness", "tingling", "loss", "patch", "spot", "area", "paresthesia", "paresthesiae"}
    | {"hypoesthesia", "dysesthesia", "anesthesia", "sensation", "pinprick", "paraesthesia"}
)
"""A place word ("over", "under") right after one of these words ("numbness over the
occiput", "a numb patch under my chin") places the symptom: it is no cue of a posture."""
_SKIP_TO_PART = DROP | SIDE_WORDS | {"of"}
"""Words between an area and a region it is "of" ("the face of my left thumb")."""
_SIDE_OF = SIDE_WORDS | {"of", "hand"}
"""Words between "on" and "body" that name its side ("on the left hand side of my body")."""
BODY_SIDE = frozenset({"body"})
"""An area that, after another one, only says its side ("numb thigh on the left side of my
body")."""


class Area(Frozen):
    """A body area as the location grammar found it, with the reader's verdict."""

    region: str
    start: int
    end: int  # inclusive
    words: str
    role: AreaRole
    context: frozenset[str]
    cue: tuple[int, ...]  # the tokens of the words that gave its role ("lean on")
    if TYPE_CHECKING:  # set by __init__, not a field (no part of repr, eq or hash)
        numb: bool  # numb, in no context: read a dozen times a text, so set once

    def __init__(
        self,
        region: str,
        start: int,
        end: int,
        words: str,
        role: AreaRole,
        context: frozenset[str],
        cue: tuple[int, ...] = (),
    ) -> None:
        _set = object.__setattr__
        _set(self, "region", region)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "words", words)
        _set(self, "role", role)
        _set(self, "context", context)
        _set(self, "cue", cue)
        _set(self, "numb", role == "numb" and not context)


def _possessed_by_another(prep: Prepared, start: int, *, self_named: bool = True) -> bool:
    """heldout10 areas: the area at ``start`` is written "his", "her" or "their" after
    another person is named earlier in its sentence, past the reach of the words that name
    them ("my friend's boy came off his bike and lost feeling in his leg, my question is
    about my own numb groin"): that person's; with ``self_named`` False (areas23), even if
    the writer does not speak of themself after it."""
    j = start - 1
    while j >= 0 and prep.tokens[j] in SIDE_WORDS:
        j -= 1
    if j < 0 or prep.tokens[j] not in ("his", "her", "their"):
        return False
    at = prep.sentence[start]
    if not any(
        "other" in prep.ctx[k] or prep.tokens[k] in KIN  # weak17: "mum's stroke left her face"
        for k in range(j)
        if prep.sentence[k] == at
    ):
        return False
    # and the writer then speaks of themself: otherwise it is a carer's report, whose
    # areas are the patient's ("my brother had an accident and says his left leg is numb")
    return not self_named or any(tok in SELF_WORDS for tok in prep.tokens[start + 1 :])


KIN = frozenset(
    {"mum", "mom", "mother", "dad", "father", "wife", "husband", "sister", "brother", "son"}
    | {"daughter", "gran", "grandma", "grandad", "grandpa", "nan", "nana", "partner", "friend"}
    # areas19: the people of a neighbour's or a workplace ("the neighbour's lad ... had an
    # abscess on his spine, I only ask because my lower back feels numb")
    | {"neighbour", "neighbor", "lad", "boss", "colleague"}
)
"""(weak17) People a writer names with no "my" ("mum's stroke left her face numb, but I'm
asking for myself"): "his" or "her" after one of them is theirs."""


JOINING = frozenset({"and", "&", "the", "side", "sided"})
"""Words that may join two areas of one list ("her right arm and right leg", "the leg
right side and the arm right side"), with the side words."""


def _joined_to(prep: Prepared, start: int, end: int) -> bool:
    """heldout11 areas: the area at ``start`` is joined by "and" (with only side words and
    "the" besides) to someone else's area that ends at ``end``: one list, theirs. A
    possessive of the writer's ("her feet and my hands") or any other word ends the list."""
    if end < 0 or start <= end + 1:
        return False
    between = prep.tokens[end + 1 : start]
    return "and" in between and all(t in JOINING or t in SIDE_WORDS for t in between)


SELF_WORDS = frozenset({"i", "im", "ive", "id", "me", "myself", "own"})
"""Words by which the writer names themself ("my own", "I", "me"; "my" alone often
names another person: "my brother")."""


def _before(prep: Prepared, start: int, size: int) -> list[str]:
    """Up to ``size`` content words before token ``start`` in its sentence (side words
    skipped)."""
    tokens = prep.tokens
    return [tokens[j] for j in _before_at(prep, start, size)]


def _before_at(prep: Prepared, start: int, size: int) -> list[int]:
    """Where the words of :func:`_before` are, in the same order: up to ``size`` content
    words before ``start``, back to the sentence end or comma before it, side words
    skipped."""
    out: list[int] = []
    j = start - 1
    while j >= 0 and len(out) < size:
        tok = prep.tokens[j]
        if tok in SENTENCE_END or tok == ",":
            break
        if tok not in DROP and tok not in SIDE_WORDS:
            out.append(j)
        j -= 1
    out.reverse()
    return out


def _after_at(prep: Prepared, end: int, size: int) -> list[int]:
    """Where the words of :func:`_after` are, in the same order: up to ``size`` content
    words after ``end``, up to the sentence end or comma after it."""
    out: list[int] = []
    j = end + 1
    while j < len(prep.tokens) and len(out) < size:
        tok = prep.tokens[j]
        if tok in SENTENCE_END or tok == ",":
            break
        if tok not in DROP:
            out.append(j)
        j += 1
    return out


def _after(prep: Prepared, end: int, size: int) -> list[str]:
    """Up to ``size`` content words after token ``end`` in its clause."""
    tokens = prep.tokens
    return [tokens[j] for j in _after_at(prep, end, size)]


# (areas23) words of degree between a cue after a part and the numb word it leads to ("my
# neck has gone **a bit** numb"): the cue is then the numbness's verb, as in "my back went numb"
DEGREE = ("bit", "little", "really", "very", "quite", "totally", "completely", "so", "all")


def roles(kb: KnowledgeBase, prep: Prepared, found: Sequence[Any]) -> tuple[Area, ...]:
    """Each body area the grammar found, with what it is named for and its context."""
    t = prep.tables
    within = kb.anatomy.within
    # where a named cause ends, for the causes that sit somewhere ("carpal tunnel in my
    # wrist"); "sciatica in both legs" says where it is felt, not where it sits
    cause_ends: dict[int, tuple[str, ...]] = {}
    for h in prep.cause_hits:
        if not h.value.startswith("cue:") and kb.cause(h.value).sites:
            cause_ends[h.end] = kb.cause(h.value).sites
    starts = {f.start: f.region for f in found}
    signs, subjects = _sign_spans(prep)
    by_subject: list[int] = []  # areas taken for a sign's subject only
    out: list[Area] = []
    other_end = -1  # where the last area of someone else's ends
    for f in found:
        ctx: set[str] = set()
        for i in range(f.start, f.end + 1):
            ctx |= prep.ctx[i]
        if ctx:
            # a trigger term that is a word of the area's own name scopes nothing of it:
            # "where you" (a generic "you", heldout16 flags) in "numb where you'd sit on a
            # bike" (a name of the saddle area, areasb)
            masked = _masked(t, prep.tokens, ((f.start, f.end + 1, 0, 0),))
            if masked is not None:
                ctx = set().union(*masked[f.start : f.end + 1])
        if not ctx and _supposed_spread(prep, f.start):
            ctx.add("hypothetical")  # weak17: "if this numbness ever starts creeping up my arms"
        if not ctx and "your" in prep.tokens and _generic_question(prep, f.start):
            ctx.add("hypothetical")  # areas18: "can statins make your feet numb" (no "?")
        if not ctx and _possessed_by_another(prep, f.start):
            ctx.add("other")  # "my friend's boy came off his bike and lost feeling in his leg"
        if not ctx and _joined_to(prep, f.start, other_end):
            ctx.add("other")  # "her right arm and right leg": both hers
        role: AreaRole = "numb"
        start = f.start
        prev = _before(prep, f.start, t.role_longest)
        nxt = _after(prep, f.end, t.role_longest)
        # (no area before this one to take a cue after it in a text of one area)
        taken = _taken_after(prep, f.start, found) if len(found) > 1 else 0
        # lead26: a noun the area's word is joined to ("table leg"), only right before it
        # ("when i lie in bed my arms go numb": no bed's arms)
        touch = (
            t.role_touching.get(prev[-1], ())
            if prev and prep.tokens[f.start - 1] == prev[-1]
            else ()
        )
        cues = [
            *(
                (t.role_before.get(tuple(prev[-k:]), ()) + (touch if k == 1 else ()), -k)
                for k in range(1, len(prev) + 1)
                # "numbness over the occiput", "a numb patch under my chin": a place word
                # right after the symptom says where it is, not a posture
                if (k == 1 and f.region == "head" and prev[-1] == "above")
                # areasb: nothing is numb above the head ("my arms go numb above my head"): a
                # posture, whatever the words before it
                or (
                    not (k == 1 and prev[-1] in PLACES and len(prev) > 1 and prev[-2] in AT_SYMPTOM)
                    # "a numb bit behind my ear": a noun after the numb word, not "bit" the verb
                    and not (k == 1 and len(prev) > 1 and prev[-2] in NUMB_ADJECTIVES)
                    # "with my elbows bent my ring finger goes dead": words an area before
                    # takes after it are not a cue for the next one
                    and k > taken
                    # areasa: a dermatome read from its segment ("altered sensation S3-5") is
                    # no word a cue can be about ("sensation back": it came back)
                    and not _level(prep.tokens[f.start])
                    # lead26: "tingling all over my scalp": the whole of the part, not a
                    # posture over the head
                    and not (k == 1 and prev[-1] == "over" and prev[-2:-1] == ["all"])
                )
            ),
            # "my back went numb": a cue after the area that the area's own numbness
            # follows ("went", "gone") says nothing of another role
            *(
                (t.role_after.get(tuple(nxt[:k]), ()), k)
                for k in range(1, len(nxt) + 1)
                if k >= len(nxt)
                or (
                    nxt[k] not in NUMB_WORDS
                    and not (nxt[k] in DEGREE and nxt[k + 1 : k + 2] and nxt[k + 1] in NUMB_WORDS)
                )
            ),
        ]
        cue: tuple[int, ...] = ()
        for options, size in cues:
            for r, limit in options:
                # areas24: a cue limited to the whole body ("numb all over") is for the
                # whole body's own words, not for every part within it
                if not limit or any(
                    f.region == x if x == "body" else within(f.region, x) for x in limit
                ):
                    role = r
                    break
            if role != "numb":
                if size < 0:
                    cue = tuple(_before_at(prep, f.start, t.role_longest)[size:])
                else:
                    cue = tuple(_after_at(prep, f.end, t.role_longest)[:size])
                break
        if role == "numb" and nxt and nxt[0] in _WEAK_NEXT:
            size = _weak_after(nxt)
            if size:
                role = "weak"  # areas18: "my legs r gettin weaker", "the legs are more weak"
                cue = tuple(_after_at(prep, f.end, t.role_longest)[:size])
        if role == "numb" and prev and prev[-1] in PAIN_TOWARDS:
            size = _pain_goes_to(prev)
            if size:
                role = "pain"  # areas18: "low back pain going into my right buttock"
                cue = tuple(_before_at(prep, f.start, t.role_longest)[-size:])
        if role == "numb" and out and _pain_goes_on(prep, out[-1], f.start, f.end):
            role = "pain"  # areas22: "pressure radiating to jaw and L arm": there too
            cue = out[-1].cue
        if role == "numb" and any(
            h.start <= f.start and f.end < h.end - 1 and h.end - h.start > f.end + 1 - f.start
            for h in prep.cause_hits
        ):
            role = "cause_site"  # "lumbar radiculopathy": a body word inside a cause's name
        if role == "numb" and _blow_site(prep, f, starts):
            role = "cause_site"  # areasc: "kicked by a horse on the thigh": where it landed
        unfelt = role == "pain" and _cant_feel(prep.tokens)  # areasb
        # weak17: a weakness is never "a description of pain alone", so a weak part, or a
        # pain beside a weakness, is not numb for want of a numb word in the text
        unfelt = unfelt or role == "weak" or (role == "pain" and _weakness_told(prep))
        # areas20: nor a pain beside legs that "have sciatica" (limb17: the numb place)
        unfelt = unfelt or (role == "pain" and _sciatica_had(prep, found))
        if role in ("pain", "weak") and _numb_here(prep, f, found, cue, unfelt):
            role = "numb"  # "my leg hurts and is numb": its clause says it is numb
        if role == "pain" and cue and min(cue) < f.start and _with_numb(prep, f.end, starts):
            role = "numb"  # weak17: "chest pain radiating to L arm with numbness": numb there
        if role in ("pain", "weak") and cue and _and_numb(prep, max(cue), starts):
            role = "numb"  # heldout13 areas: "my leg feels heavy and numb down to the foot"
        if role == "cause_site" and cue and _numb_began(prep, min(cue)):
            role = "numb"  # heldout13 areas: "tingling began in my neck, travels down ..."
        if role == "operation" and nxt[:1] in (["scar"], ["scars"]) and _numb_here(prep, f, found):
            role = "numb"  # heldout9 areas: "the skin around my knee scar is numb": on the knee
        if role == "numb" and prev and prev[-1] in LINKS:
            # "carpal tunnel in my wrist", "sciatica from my back": the cause's site
            j = f.start - 1
            while j >= 0 and prep.tokens[j] != prev[-1]:
                j -= 1
            k = j - 1
            while k >= 0 and prep.tokens[k] in DROP:
                k -= 1
            # areas23: or a whole whose parts are named ("the carpal tunnel in my right hand
            # is back, the first three fingers are numb": where the cause is)
            if k + 1 in cause_ends and (
                any(within(f.region, x) for x in cause_ends[k + 1])
                or any(g.region != f.region and within(g.region, f.region) for g in found)
            ):
                role = "cause_site"
        if (
            role == "numb"
            and prev
            and prev[-1] in ("in", "on")
            and prep.cause_hits
            and _cause_in_after_numb(prep, f.start, out)
        ):
            role = "cause_site"  # areas18: "numb forehead after the herpes zoster in the eye"
        if (
            role == "numb"
            and prev
            and prev[-1] == "from"
            and (not nxt or nxt[0] not in ONWARD)
            and any(within(f.region, x) for x in SPINE)
            and any(o.start < f.start and not within(o.region, f.region) for o in found)
        ):
            role = "cause_site"  # "numb fingers from my neck": where it comes from
        j = f.end + 1
        while j < len(prep.tokens) and prep.tokens[j] in _SKIP_TO_PART:
            j += 1
        if (
            f.end + 1 < len(prep.tokens)
            and prep.tokens[f.end + 1] == "of"
            and j in starts
            and not within(starts[j], f.region)
            and not within(f.region, starts[j])
        ):
            role = "descriptor"  # "the face of my thumb": a part of the thumb, not the face
        k = f.end + 1
        while k < len(prep.tokens) and (prep.tokens[k] in DROP or prep.tokens[k] in PLACING_GAP):
            k += 1
        if k + 1 < len(prep.tokens) and prep.tokens[k] in ("l", "r") and k + 1 in starts:
            k += 1  # heldout13 areas: a side letter before the part ("numbness face L cheek")
        if k < len(prep.tokens) and prep.tokens[k] in NUMB_ADJECTIVES:
            # "belly numb above the belly button": the numb word, then the landmark
            m = k + 1
            while m < len(prep.tokens) and (prep.tokens[m] in DROP or prep.tokens[m] in GAP):
                m += 1
            if m in starts and prep.tokens[m] in LANDMARK:
                k = m
        if role == "numb" and k in starts and _refines(prep, f, k, starts[k], within):
            role = "descriptor"  # "my tummy below the navel", "right hand little finger"
        # (a part set off after a whole is set off by a comma: none in most texts)
        if role == "numb" and "," in prep.tokens and _apposed_part(prep, f, starts, within):
            role = "descriptor"  # "my left hand, the small finger and the next finger"
        if role == "numb" and _side_of_part_before(prep, f, out, within):
            role = "descriptor"  # heldout13 areas: "my middle finger tip, right hand"
            f.side_tag = True  # its side is the side of the part before it (parse)
        if role == "numb" and _landmark(prep, f, out, within):
            role = "descriptor"  # "my upper arm just below the shoulder": where it is
        if role == "numb" and _stretch_start(prep, f, prev, nxt, out):
            role = "descriptor"  # "my lower legs are numb from the knees down"
        if role == "numb" and _passed_on_the_way(prep, f, starts):
            role = "descriptor"  # weak17: "it's crept past my ankles to my knees"
        if role == "numb" and _back_in_time(prep, f):
            role = "descriptor"  # "back in 2019 I had an ulcer": a time, not the back
        if role == "numb" and _backs_of_before(prep, f, out):
            role = "descriptor"  # "both legs are going numb down the backs": of the legs
        if role == "numb":
            side_from = _side_of_body(prep, f, out)
            if side_from is not None:
                role, start = "descriptor", side_from
            role = _extent_role(prep, f, prev, out) or role
        said_numb = _numb_adjective(prep, f.start)
        if role == "numb" and not said_numb and _reached_by_a_sign(prep, f.start, starts):
            role = "flag"  # areasb: "the weakness went from my ankles to my hips"
        if role == "numb" and not said_numb and _weakness_went(prep, f.start):
            role = "flag"  # areas18: "weakness started in my ankles ... moved up to my thighs"
        if role == "numb" and not said_numb and _weakness_reached(prep, f.start, f.end):
            role = "flag"  # weak17: "my legs feel like jelly ..., started at the ankles"
        if role == "numb" and not said_numb and _sciatica_path(prep, f.start, found):
            role = "pain"  # areas18: "my sciatica is back. Right buttock down to the calf, ..."
        if role == "numb" and not said_numb and _pain_reached(prep, f.start, f.end):
            role = "pain"  # weak17: "my chest is tight and sore, going into my jaw"
        if role == "numb" and not said_numb and _pain_path(prep, f.start, found):
            role = "pain"  # lead30: "pain from my lower back down my left leg, numb foot"
        if (
            role == "numb"
            and not said_numb
            and any(f.start < b and f.end >= a for a, b in signs)
            and not _numb_later(prep, f, found)
        ):
            role = "flag"  # "foot drop", "tripping over my toes": a warning sign's words
        elif (
            role == "numb"
            and any(f.start <= s <= f.end for s in subjects)
            # areas21: "my forehead and around the eye is numb and I see double": the sign's
            # subject said numb in its clause, as a part inside a sign's words is
            and not _numb_later(prep, f, found)
        ):
            role = "flag"  # "my ankle keeps giving way": the sign's subject
            by_subject.append(len(out))
        if (
            "negated" in ctx
            and said_numb
            and "negated" not in prep.ctx[_adjective_at(prep, f.start)]
            and not _denial_word(prep, _adjective_at(prep, f.start))  # areasb
        ):
            ctx.discard("negated")  # "skin on my numb feet is intact": the skin is, not the feet
        if "negated" in ctx and role == "numb" and _numb_named_before(prep, f.start):
            ctx.discard("negated")  # heldout14 areas: "my numbness is only in my toes and isn't
            # spreading", "the numb bit on my thigh isn't the problem": the denial is of the rest
        if "other" in ctx:
            other_end = f.end
        # "no back pain" stays a denied pain, and "no neck problems" a denied cause site
        if "negated" in ctx and role not in ("pain", "cause_site"):
            role = "fine" if role == "numb" else role
            ctx.discard("negated")
        if ctx == {"other"} and me_too(prep, f.end + 1):
            ctx.clear()  # "my wife's hands are numb and so are mine"
        if (
            ctx
            and ctx <= {"hypothetical", "other"}
            and role != "fine"  # "my wife's knee is fine, mine is numb": hers is fine
            and _mine_after(prep, f.end + 1, starts)
        ):
            ctx.clear()  # "does low iron make your tongue tingle? mine has been for days"
        if ctx == {"hypothetical"} and _habitual(prep, f):
            ctx.clear()  # "if I sit too long my bum goes numb": it does, each time
        if ctx == {"hypothetical"} and _the_numbness_in(prep, f.start):
            ctx.clear()  # weak17: "I worry about the tingling in my right hand": it tingles
        if ctx == {"hypothetical"} and _my_numb(prep, f.start):
            ctx.clear()  # "can I have acupuncture for my numb knee?": it is numb
        if ctx == {"hypothetical"} and said_numb and _mine(prep, f.start):
            ctx.clear()  # "worried I might get an ulcer on my numb feet": they are numb
        words = prep.written(f.start, f.end + 1)  # as written ("fingres", "me left foot")
        out.append(Area(f.region, start, f.end, words, role, frozenset(ctx), cue))
    # the passes that read an area against another one (a second area: most texts name
    # one) find nothing in a text of one area, and are not called there
    if len(out) > 1:
        out = _weak_ellipsis(prep, out)  # areasc
    if not any(a.numb for a in out):
        out = _shaken_alone(prep, out)  # areasc
    out = _unfelt_wounds(prep, out, within)  # areasb
    out = _discoloured_parts(prep, out, found, within)  # limb17
    # each of these only while no area is numb: a numbness said by a pronoun, a numbness
    # left (weak17), an incision's or a place's numbness (asking17)
    for find in (_numb_by_pronoun, _numbness_left, _numb_by_incision, _numb_place_of):
        if any(a.numb for a in out):
            break
        out = find(prep, out)
    if not any(a.numb for a in out) and not PARTS_OF_BEFORE.isdisjoint(prep.tokens):
        out = _numb_part_of(kb, prep, out, found)
    if not any(a.numb for a in out):  # lead29: after "the front" of it (_numb_part_of)
        out = _numb_at_the_operation(prep, out)
    if (
        by_subject
        and not any(a.numb for a in out)
        # limb17: a text that says nothing is numb or unfelt names no numb part ("his big
        # toe has turned dark purple and the foot is cold to touch")
        and (any(t in NUMB_WORDS or t in INSENSATE for t in prep.tokens) or _cant_feel(prep.tokens))
    ):
        # "my foot has gone cold and pale and it is numb": the sign's subject is the numb
        # area when the text names no other
        for k in by_subject:
            a = out[k]
            out[k] = Area(a.region, a.start, a.end, a.words, "numb", a.context)
    if len(out) > 1:
        out = _whole_length(prep, out, within)
        out = _part_stretch(prep, out, within)  # areasc
    out = _sciatic_legs(prep, out)  # limb17
    out = _wound_places(prep, out, within)  # limb17
    if len(out) > 1:
        out = _felt_through(prep, out, found)  # limb17
        out = _refined_by_part(prep, _side_named_by_parts(prep, out), within)
        if not CORRECTING_FIRST.isdisjoint(prep.tokens):
            out = _self_corrected(prep, out, within)  # lead30
    return tuple(out)


# (areas23) a whole limb said numb, with a spread in its sentence that began in a part of it
# and reached a level of it ("legs weak n numb, started in my feet n its up to my hips"; "the
# tingle in my legs is go up, first foot, now thigh"; "... now both my arms and legs are numb
# to the elbows and knees"), is where the numbness climbs: a spread keeps where it began and
# the level reached (docs/text.md, areas11, areas13), so the limb is no numb area of its own.
# A level past the limb ("now up to my waist"), no level reached ("my legs have gone numb, it
# started in my feet") or a route down it ("... all the way down my arm to my thumb") leave
# the limb numb. The parts take the plural of a plural limb (side both), as _at_level's do.
LIMBS = ("lower_limb", "upper_limb")
CLIMB_FROM = ("started", "start", "starting", "began", "begin", "first")
CLIMB_TO = ("to", "now", "reached", "reaching", "into", "past", "until")


def spread_in_limb(
    kb: KnowledgeBase, prep: Prepared, out: Sequence[Area], found: Sequence[Any]
) -> tuple[Area, ...]:
    """(areas23) A whole limb a spread climbs in, from a part of it to a level of it, is no
    numb area of its own (the comment above); ``found`` as in :func:`narrowed`."""
    tokens, sentence, within = prep.tokens, prep.sentence, kb.anatomy.within
    result = list(out)
    for k, limb in enumerate(out):
        if limb.region not in LIMBS or not limb.numb:
            continue
        parts, began, climbed = [], -1, False
        for m, a in enumerate(out):
            if not (a.numb and a.region != limb.region and within(a.region, limb.region)):
                continue
            parts.append(m)
            if began >= 0 and "down" not in tokens[: a.start]:
                climbed = climbed or not set(tokens[max(0, a.start - 6) : a.start]).isdisjoint(
                    CLIMB_TO
                )
            if began < 0 and not set(tokens[: a.start]).isdisjoint(CLIMB_FROM):
                began = a.start
        if climbed and sentence[began] == sentence[limb.start]:
            result[k] = replace(limb, role="descriptor")
            for m in parts:
                found[m].plural = found[m].plural or found[k].plural
    return tuple(result)


INSENSATE = frozenset({"insensate", "neuropathic", "neuropathy"})
"""(limb17) Words that say a foot does not feel, as a numb word does ("insensate foot",
"neuropathic feet")."""


COLOUR_SIGNS = frozenset(
    {"black", "blackened", "dusky", "purple", "purply", "blue", "bluish", "gray", "grayish"}
    | {"pale", "white", "mottled", "cold", "icy", "cool", "dark"}
    | {"gangrenous", "necrotic"}  # areas19: "numb feet, gangrenous L hallux"
)
"""(limb17) The colour or cold of a foot whose blood is failing ("black", "dusky", "cold",
"icy"): a warning sign of a threatened limb."""
TO_COLOUR = frozenset(
    {"is", "are", "was", "has", "have", "gone", "turned", "turning", "become", "becoming"}
    | {"went", "going", "now", "looks", "look", "looking", "feels", "a", "an", "funny"}
    | {"very", "really", "bit", "quite", "all", "rather"}
)
"""(limb17) Words between a part and the colour said of it ("my big toe has turned dark
purple", "R hallux now dusky")."""
BEFORE_COLOUR = frozenset({"1st", "2nd", "3rd", "4th", "5th", "r", "l", "right", "left", "and"})


def _discoloured_parts(
    prep: Prepared, out: list[Area], found: Sequence[Any], within: Any
) -> list[Area]:
    """(limb17) In a text that raises the threatened foot's flag, a part of the foot said to
    be black, dusky, purple, pale or cold ("R hallux now dusky and cold", "his big toe has
    turned dark purple", "the foot is cold to touch", "dusky 2nd toe R") is the warning
    sign's part, not a numb area, as a toe gone black is (docs/text.md); the numb area is the
    part said numb ("T2DM, numb feet, R hallux now dusky": the feet). Said numb or unfelt
    after the sign, before another part ("cold and pale and grey looking, and numb", "her foot
    is icy, she doesn't feel it"), or where it is named ("my numb cold foot"), it stays numb."""
    tokens = prep.tokens
    if not COLOUR_SIGNS & set(tokens):
        return out
    if not any(h.value == "foot_wound" and not h.context for h in prep.flag_hits):
        return out
    result = list(out)
    for k, a in enumerate(out):
        if a.role != "numb" or not a.context <= OTHER or not within(a.region, "foot"):
            continue  # a carer's report (another's part) is read so too
        if _numb_adjective(prep, a.start):
            continue
        j = a.start - 1
        while j >= 0 and (tokens[j] in DROP or tokens[j] in BEFORE_COLOUR):
            j -= 1
        coloured = j >= 0 and tokens[j] in COLOUR_SIGNS and prep.clause[j] == prep.clause[a.start]
        j = a.end + 1
        while j < len(tokens) and j <= a.end + 6 and (tokens[j] in DROP or tokens[j] in TO_COLOUR):
            j += 1
        coloured = coloured or (j < len(tokens) and tokens[j] in COLOUR_SIGNS)
        if coloured and not _numb_later(prep, a, found) and not _unfelt_after(prep, a, found):
            result[k] = replace(a, role="flag")
    if not any(a.numb for a in result) and any(
        (t in NUMB_WORDS or t in INSENSATE) and not prep.ctx[i] for i, t in enumerate(tokens)
    ):
        # a numbness said of no part ("DM2 with neuropathy, L foot cold, pale and mottled",
        # "diabetic foot: dusky 2nd toe R, ..., insensate"): the whole foot named is numb, its
        # coloured toe the sign's
        starts = {a.start for a in out}
        result = [
            replace(a, role="numb")
            if a.region == "foot"
            and a.role == "flag"
            and not a.context
            and not _reached_by_a_sign(prep, a.start, starts)  # "a red line going up my foot"
            else a
            for a in result
        ]
    return result


OTHER = frozenset({"other"})
UNFELT_IT = frozenset({"cant", "cannot", "couldnt", "dont", "doesnt", "didnt", "not"})


def _unfelt_after(prep: Prepared, a: Area, found: Sequence[Any]) -> bool:
    """(limb17) "her foot is icy, she doesn't feel it": after the part, in its sentence and
    before another part, "it" or "them" is not felt."""
    tokens = prep.tokens
    nxt = min((g.start for g in found if g.start > a.end), default=len(tokens))
    return any(
        tokens[k] in UNFELT_IT
        and tokens[k + 1 : k + 3] in (("feel", "it"), ("feel", "them"))
        and prep.sentence[k] == prep.sentence[a.start]
        for k in range(a.end + 1, min(nxt, len(tokens) - 2))
    )


THROUGH = frozenset({"through", "thru"})


def _felt_through(prep: Prepared, out: list[Area], found: Sequence[Any]) -> list[Area]:
    """(limb17) The sole read from the floor or ground not felt, then the foot it is felt
    "through" ("cant feel the floor properly thru my right foot", "I can't feel the floor
    through my left foot"): the foot only says whose sole it is, and its side, as "under my
    feet" does. The areas are the grammar's findings' (``found``), one for each."""
    tokens = prep.tokens
    if not THROUGH & set(tokens):
        return out
    result = list(out)
    for k, a in enumerate(out):
        if a.region != "foot" or a.role != "numb" or k == 0:
            continue
        sole = out[k - 1]
        if sole.region != "foot.sole" or not sole.numb:
            continue
        between = [
            t for t in tokens[sole.end + 1 : a.start] if t not in DROP and t not in SIDE_WORDS
        ]
        if between and between[-1] in THROUGH and set(between[:-1]) <= {"properly", "at", "all"}:
            result[k] = replace(a, role="descriptor")
            for g in found:
                if g.start == a.start and g.region == a.region:
                    g.side_tag = True  # its side is the sole's ("thru my right foot")
    return result


def _wound_places(prep: Prepared, out: list[Area], within: Any) -> list[Area]:
    """(limb17) Where a wound is, in a text that says something is numb. A part named for
    the wound ("a plantar ulcer", "an ulcer under the 1st MTP head") inside a numb part that
    holds it ("neuropathic foot with a plantar ulcer under the first metatarsal head",
    "ulcer under the 1st MTP head, numb forefoot") is the wound's place, not a numb area of
    its own: the whole is (a sore on "my numb foot", docs/text.md). A part word before the
    wound that another part after it places ("a plantar ulcer on the R heel") describes the
    wound; the part it is on is the numb area when nothing else is ("..., reduced protective
    sensation")."""
    tokens, clause = prep.tokens, prep.clause
    if WOUNDS.isdisjoint(tokens):
        return out
    numbed = any(
        (t in NUMB_WORDS or t in INSENSATE) and not prep.ctx[i] for i, t in enumerate(tokens)
    )
    if not numbed:
        return out
    result = list(out)

    def wound_before(a: Area) -> bool:
        return any(
            tokens[j] in WOUNDS and clause[j] == clause[a.start]
            for j in range(max(0, a.start - WOUND_BEFORE), a.start)
        )

    for k, a in enumerate(out):
        if a.role != "numb" or a.context:
            continue
        after = a.end + 1 < len(tokens) and tokens[a.end + 1] in WOUNDS
        if not (after or wound_before(a)):
            continue
        if any(
            b.numb and b.region != a.region and within(a.region, b.region) and not wound_before(b)
            for b in out
        ):
            result[k] = replace(a, role="flag")  # the sore's place on the numb whole
        elif after and any(b.start > a.end + 1 and wound_before(b) for b in out):
            result[k] = replace(a, role="descriptor")  # "a plantar ulcer on the R heel"
    if not any(a.numb for a in result):
        for k, a in enumerate(result):
            if a.role in ("cause_site", "flag") and not a.context and wound_before(a):
                result[k] = replace(a, role="numb")  # "..., reduced protective sensation"
    return result


SCIATIC_LIMBS = frozenset({"lower_limb", "thigh", "leg"})
"""(limb17) The parts of the leg a sciatica runs down."""


SCIATIC_SIDES = {"left": "left", "l": "left", "right": "right", "r": "right"}
SCIATIC_BOTH = frozenset({"both", "bilateral"})
SCIATIC_BEFORE_SIDE = frozenset({"the", "on", "my", "his", "her", "one"})


def sciatic_leg(
    prep: Prepared, areas: Sequence[Area], found: Sequence[Any]
) -> tuple[tuple[Area, ...], list[Any]]:
    """(limb17) A sciatica named with its side and nothing numb ("sciatica on the left only,
    ..., no numbness down below", "its not both legs only the right one with the sciatica",
    "bilat sciatica, can't pee") is felt down the leg of that side: the leg is the numb area,
    as "sciatica down my right leg" reads. The grammar's findings (``found``) gain it."""
    if any(a.numb for a in areas):
        return tuple(areas), list(found)
    tokens, clause, ctx = prep.tokens, prep.clause, prep.ctx
    for h in prep.cause_hits:
        if h.value != "sciatica" or h.context:
            continue
        side, at = None, -1
        for i, tok in enumerate(tokens):
            if clause[i] != clause[h.start] or ctx[i]:
                continue
            if tok in SCIATIC_BOTH:
                side, at = "both", i
            elif tok in SCIATIC_SIDES and side is None:
                if tok in ("left", "right") and (
                    i == 0 or tokens[i - 1] not in SCIATIC_BEFORE_SIDE
                ):
                    continue  # "the sciatica has left me", "right now"
                side, at = SCIATIC_SIDES[tok], i
        if side is None:
            continue
        # the area is the side's word, so that the sciatica's own words stay its cause's
        words = prep.written(min(at, h.start), max(at + 1, h.end))
        leg = Area("lower_limb", at, at, words, "numb", frozenset())
        hit = _Found("lower_limb", [], None, at, at, words, side=side, plural=side == "both")
        return (*areas, leg), [*found, hit]
    return tuple(areas), list(found)


TOILET = frozenset({"toilet", "loo", "bog", "wc", "lavatory"})
NOT_FEEL = frozenset({"cant", "cannot", "couldnt", "not", "dont", "didnt", "unable", "no", "never"})


def unfelt_seat(
    prep: Prepared, areas: Sequence[Area], found: Sequence[Any]
) -> tuple[tuple[Area, ...], list[Any]]:
    """(limb17) A toilet seat not felt ("not being able to feel the toilet seat", "I can't
    feel the seat when I sit on the loo") is the saddle area that sits on it, the numb
    perineum, as the toilet paper not felt is; a seat named otherwise stays what it was ("a
    cold loo seat"). The grammar's findings (``found``) change with the areas."""
    tokens, clause = prep.tokens, prep.clause
    if "seat" not in tokens:
        return tuple(areas), list(found)
    out, hits = list(areas), list(found)
    for k, a in enumerate(areas):
        if a.region != "buttock" or a.start != a.end or tokens[a.start] != "seat" or a.context:
            continue
        if a.role not in ("numb", "trigger") or prep.ctx[a.start]:
            continue  # "denies cant feel toilet seat": the loss denied
        j = a.start - 1
        while j >= 0 and (tokens[j] in DROP or tokens[j] in TOILET):
            j -= 1
        if j < 1 or tokens[j] != "feel" or not NOT_FEEL & set(tokens[max(0, j - 4) : j]):
            continue
        if not any(tokens[i] in TOILET for i in range(len(tokens)) if clause[i] == clause[a.start]):
            continue
        out[k] = replace(a, region="perineum", role="numb")
        hits[k] = replace(hits[k], region="perineum", aspects=[])
    return tuple(out), hits


SCIATIC_PATH = frozenset({"down", "into", "in", "through", "along", "to"})
"""(limb17) Words before a leg that make it the way a sciatica runs ("sciatica down both my
legs", "it's gone into both legs")."""
SCIATIC_SKIP = frozenset({"both", "my", "the", "his", "her", "left", "right", "l", "r", "now"})


def _sciatica_runs(prep: Prepared, a: Area, at: Container[int]) -> bool:
    """(limb17) The leg ``a`` is the way a sciatica runs: a path word before it ("down both
    my legs"), or a sciatica right after it ("both legs have sciatica", "both legs
    sciatic"); not a leg a numbness was left in ("my sciatica has left the back of my calf
    and my heel numb"); nor the way "it", the numbness, goes (areas20)."""
    tokens = prep.tokens
    if _numbness_goes(prep, a.start):
        return False
    j = a.start - 1
    while j >= 0 and (tokens[j] in DROP or tokens[j] in SCIATIC_SKIP):
        j -= 1
    if j >= 0 and tokens[j] in SCIATIC_PATH:
        return True
    nxt = _after(prep, a.end, 3)
    while nxt and nxt[0] in ("now", "have", "has", "got", "both"):
        nxt = nxt[1:]
    return bool(nxt) and nxt[0] in ("sciatica", "sciatic")


def _sciatic_legs(prep: Prepared, out: list[Area]) -> list[Area]:
    """(limb17) A leg named in the sentence of a sciatica is where the sciatica is felt, a
    pain: when another part is said numb ("sciatica going down both my legs now, numb
    soles", "both legs have sciatica now, and my bottom feels numb where I sit"), the leg is
    the sciatica's, not a numb area, unless its own clause says it is numb ("numb legs and
    sciatica in both legs"). With nothing else numb the leg stays the numb area ("sciatica
    down my right leg"), as :func:`_numb_here` reads a pain alone."""
    hits = prep.cause_hits
    if not any(h.value == "sciatica" for h in hits):
        return out
    at = {prep.sentence[h.start] for h in hits if h.value == "sciatica" and not h.context}
    tokens, clause = prep.tokens, prep.clause
    numb_clauses = {
        clause[i] for i, tok in enumerate(tokens) if tok in NUMB_WORDS and not prep.ctx[i]
    }
    legs = {
        k
        for k, a in enumerate(out)
        if a.numb
        and a.region in SCIATIC_LIMBS
        and prep.sentence[a.start] in at
        and clause[a.start] not in numb_clauses
        and _sciatica_runs(prep, a, at)
    }
    if not legs or not any(
        a.numb and k not in legs and clause[a.start] in numb_clauses for k, a in enumerate(out)
    ):
        return out
    return [replace(a, role="pain") if k in legs else a for k, a in enumerate(out)]


SHAKES = frozenset({"shake", "shakes", "shook"})


GOES_ON = frozenset({"still", "remains", "remain", "persists", "persist", "lingers", "stays"})
"""(weak17) Words after a numbness named alone that say it goes on."""


def _numbness_left(prep: Prepared, out: list[Area]) -> list[Area]:
    """(weak17) A numbness named alone that goes on ("numbness **still** there", "the numbness
    **remains**") after a clause of its sentence whose part had another symptom that got
    better or went ("the weakness in my hand ... has got better, numbness still there", "my
    foot pain has gone but the numbness remains"): the part of that symptom is numb, now. Only
    when the text names nothing numb otherwise; a part of its own after the numbness ("numbness
    still in my toes") is read as such."""
    tokens = prep.tokens
    for i in range(1, len(tokens) - 1):
        if tokens[i] not in NUMB_NOUNS or tokens[i + 1] not in GOES_ON:
            continue
        before = [a for a in out if a.end < i and prep.sentence[a.start] == prep.sentence[i]]
        if not before or any(a.start > i for a in out):
            return out
        a = before[-1]
        if a.role not in ("weak", "pain") or not a.context <= {"historical"}:
            return out
        fixed = list(out)
        fixed[out.index(a)] = Area(a.region, a.start, a.end, a.words, "numb", frozenset(), a.cue)
        return fixed
    return out


def _shaken_alone(prep: Prepared, out: list[Area]) -> list[Area]:
    """(areasc) A hand shaken for relief is a trigger beside a numb part ("my thumb goes numb
    and I shake my hand"); when the text names no other, it is the numb part ("I shake my
    hands to get the feeling back")."""
    return [
        Area(a.region, a.start, a.end, a.words, "numb", a.context, a.cue)
        if a.role == "trigger" and any(prep.tokens[c] in SHAKES for c in a.cue)
        else a
        for a in out
    ]


BLOWS = frozenset(
    {"kicked", "hit", "struck", "clobbered", "whacked", "smacked", "bashed", "punched", "thumped"}
    | {"fell", "landed"}  # areas23: "fell off the trampoline onto his arm"
)
"""(areasc) Verbs of a blow that lands on a part."""
BLOW_ON = ("on", "in", "to", "across", "onto")  # areas23: "onto"; a tuple, small


def _blow_site(prep: Prepared, f: Any, starts: Container[int]) -> bool:
    """(areasc) The part a blow landed on, named after the blow and what struck ("got kicked by
    a horse on the thigh", "clobbered by a cricket ball on the forearm", "hit with a bat on the
    outside of my knee"): where the injury happened, not a numb part. A numb word between
    ("hit by a car, numb on my knee") or before the part ("struck on my numb knee") keeps it."""
    tokens, clause = prep.tokens, prep.clause
    j = f.start - 1
    while j >= 0 and (tokens[j] in DROP or tokens[j] in SIDE_WORDS):
        j -= 1
    if j < 1 or tokens[j] not in BLOW_ON or _numb_adjective(prep, f.start):
        return False
    for k in range(j - 1, max(j - 7, -1), -1):
        if clause[k] != clause[f.start] or tokens[k] in NUMB_WORDS or k in starts:
            return False
        if tokens[k] in BLOWS:
            return True
    return False


ELLIPSIS_WEAK = WEAK_WORDS | {"feebler", "weakening"}
"""(areasc) Words of a weakness whose clause an elliptical next one continues."""
ELLIPSIS_OWNERS = frozenset({"my", "the", "his", "her", "their", "both"})


def _weak_ellipsis(prep: Prepared, out: list[Area]) -> list[Area]:
    """(areasc) A part named with no word of its own but an ellipsis ("... and now my arms are
    going too", "..., now the arms", "my arms as well") continues the clause of the part before
    it: after a weakness said with no numb word ("my legs are getting weaker every day") it is
    weak as well, not numb. After a numbness ("my feet are numb and now my hands are going
    too") it stays numb, and a numb word of its own ("now my arms tingle too") keeps it so."""
    tokens, clause = prep.tokens, prep.clause
    fixed = list(out)
    for i, a in enumerate(out):
        if i == 0 or a.role != "numb" or a.cue:
            continue
        own = [t for j, t in enumerate(tokens) if clause[j] == clause[a.start]]
        if any(t in NUMB_WORDS for t in own):
            continue
        j = a.start - 1
        while j >= 0 and tokens[j] in ELLIPSIS_OWNERS:
            j -= 1
        now = j >= 0 and tokens[j] == "now" and clause[j] == clause[a.start]
        if not (now or "too" in own or "also" in own or ("as", "well") in pairwise(own)):
            continue
        before = out[i - 1]
        theirs = [t for j, t in enumerate(tokens) if clause[j] == clause[before.start]]
        if clause[before.start] == clause[a.start] or before.role not in ("weak", "flag", "numb"):
            continue
        if any(t in ELLIPSIS_WEAK for t in theirs) and not any(t in NUMB_WORDS for t in theirs):
            fixed[i] = Area(a.region, a.start, a.end, a.words, "weak", a.context, a.cue)
    return fixed


LENGTH_FROM = ("hip", "shoulder", "buttock", "groin")
"""Where a limb or a side of the body starts ("from the hip", "from my shoulder"); not the
face ("numb down the right side from my face to my foot": the face is numb too)."""
LENGTH_TO = ("foot", "hand")
"""Where it ends ("to the foot", "until the fingers"): these regions and those within
them; a stretch to the ankle or wrist stops short of the foot or hand, and keeps its ends
("my leg is numb from the hip down to the ankle")."""
LENGTH_WORDS = frozenset({"to", "until", "till", "til", "down"})


def _word_before(prep: Prepared, start: int) -> str | None:
    """The word before token ``start`` in its clause, past "the", "my" and the like."""
    j = start - 1
    while j >= 0 and prep.tokens[j] in DROP:
        j -= 1
    return prep.tokens[j] if j >= 0 and prep.clause[j] == prep.clause[start] else None


def _from_to(prep: Prepared, out: list[Area], rest: list[int]) -> Iterator[tuple[int, int]]:
    """The pairs of ``rest`` (places in ``out``, in order), side by side, of two numb areas
    named "from" the first "to" (or another of ``LENGTH_WORDS``) the second: the ends of a
    stretch ("numb from the elbow to the wrist")."""
    for i, j in pairwise(rest):
        b, c = out[i], out[j]
        if (
            b.numb
            and c.numb
            and _word_before(prep, b.start) == "from"
            and _word_before(prep, c.start) in LENGTH_WORDS
        ):
            yield i, j


def _whole_length(prep: Prepared, out: list[Area], within: Any) -> list[Area]:
    """heldout10 areas: a limb or a side of the body numb "from" where it starts "to" where
    it ends ("my leg is sleeping from the hip until the foot", "my whole left half feels
    numb from my shoulder to my foot") is numb along its whole length: the two ends say how
    far, they are not numb areas of their own. So is a segment of a limb from one of its
    end joints to the other, in its clause (heldout12 areas: "my forearm is numb from the
    elbow to the wrist"; a whole limb "from the hip down to the ankle" keeps its ends: the
    ankle is no end of the limb)."""
    for k, a in enumerate(out):
        if not a.numb:
            continue
        segment = SEGMENT_ENDS.get(a.region)
        if segment is None and a.region not in ("lower_limb", "upper_limb", "body"):
            continue
        at = prep.clause[a.start]
        # heldout12 areas: a limb's or a side's ends may be set off by a comma right after
        # it ("everything down my right side, from my shoulder to my foot, feels ...")
        comma = segment is None and prep.tokens[a.end + 1 : a.end + 3] == (",", "from")
        rest = [
            i
            for i in range(k + 1, len(out))
            if prep.clause[out[i].start] == at
            or (comma and prep.sentence[out[i].start] == prep.sentence[a.start])
        ]
        for i, j in _from_to(prep, out, rest):
            b, c = out[i], out[j]
            if (
                {b.region, c.region} == segment
                if segment is not None
                else any(within(b.region, x) for x in LENGTH_FROM)
                and any(within(c.region, x) for x in LENGTH_TO)
                and (a.region == "body" or within(c.region, a.region))
            ):
                out[i] = replace(b, role="descriptor")
                out[j] = replace(c, role="descriptor")
    return out


WHOLE_ENDS = {"foot": frozenset({"foot.heel", "foot.toes"})}
"""(areasc) The two ends of a hand or foot that a stretch over all of it runs between."""


def _part_stretch(prep: Prepared, out: list[Area], within: Any) -> list[Area]:
    """(areasc) A hand or foot numb "from" one of its parts "to" another ("both my feet are numb
    from the toes to the arches") is numb over that stretch of it, not all over: its parts
    are the numb areas and the whole says where they are. A stretch between its two ends
    ("numb from the heel to the toes") is all of it, as is one that starts outside it ("my hand
    is numb from the wrist to the fingertips"); those are left as read."""
    for k, a in enumerate(out):
        if not a.numb or a.region not in ("foot", "hand"):
            continue
        at = prep.clause[a.start]
        rest = [i for i in range(k + 1, len(out)) if prep.clause[out[i].start] == at]
        for i, j in _from_to(prep, out, rest):
            b, c = out[i], out[j]
            if (
                b.region != c.region
                and within(b.region, a.region)
                and within(c.region, a.region)
                and b.region != a.region
                and c.region != a.region
                and frozenset({b.region, c.region}) != WHOLE_ENDS.get(a.region)
            ):
                out[k] = replace(a, role="descriptor")
                break
    return out


SEGMENT_ENDS: dict[str, frozenset[str]] = {
    "forearm": frozenset({"elbow", "wrist"}),
    "upper_arm": frozenset({"shoulder", "elbow"}),
    "thigh": frozenset({"hip", "knee"}),
    "leg": frozenset({"knee", "ankle"}),
}
"""heldout12 areas: the joints at the two ends of a segment of a limb."""


PLACE_AFTER_COMMA = frozenset(
    {"between", "below", "above", "under", "underneath", "beneath", "across", "around", "near"}
    | {"just", "only", "right", "on", "at", "in", "over", "along"}
)
"""Words after a comma that open the place of a part of the area before it ("my back,
between the shoulder blades")."""


PART_ADJECTIVES = frozenset(
    {"plantar", "dorsal", "palmar", "volar", "thenar", "hypothenar", "occipital", "sacral"}
)
"""Clinical adjectives of a part written before the limb they are of ("the plantar foot")."""


def _refined_by_part(prep: Prepared, out: list[Area], within: Any) -> list[Area]:
    """heldout9 areas: a numb area named together with a part of it that places the
    numbness, is only where that part is: the part's word right before it ("the plantar
    foot", nothing between), or the part after a comma and a place word ("numb patches on
    my back, between the shoulder blades")."""
    tokens = prep.tokens
    for k, f in enumerate(out):
        if not f.numb:
            continue
        for g in out:
            if not g.numb or g.region == f.region or not within(g.region, f.region):
                continue
            if g.end + 1 == f.start and g.start == g.end and tokens[g.start] in PART_ADJECTIVES:
                out[k] = replace(f, role="descriptor")  # "plantar foot"
                break
            gap = tokens[f.end + 1 : g.start]
            # the place word may open the part's own words ("between the shoulder blades")
            place = [t for t in (*gap[1:], tokens[g.start]) if t in PLACE_AFTER_COMMA]
            if (
                tuple(gap[:1]) == (",",)
                and place
                and all(t in DROP or t in PLACE_AFTER_COMMA for t in gap[1:])
                and prep.sentence[f.start] == prep.sentence[g.start]
            ):
                out[k] = replace(f, role="descriptor")  # "my back, between the shoulder blades"
                break
            said = [w for w in gap if w not in DROP]  # heldout16 areas: numb "on" a part
            # lay17: "my back is numb low down" ("on" and the back written after "low down")
            low = tokens[g.start] == "low" and said[-1:] != ["on"]
            if (
                # weak17: "my back is numb across the middle"
                (said[-1:] in (["on"], ["across"]) or low)
                and (
                    any(w in NUMB_ON for w in said)
                    # lay17: "the edge of my foot on the inside": the side the part names
                    or (said == ["on"] and tokens[g.start] in ("inside", "outside"))
                )
                and all(w in NUMB_ON or w in NUMB_ON_GAP for w in (said if low else said[:-1]))
                and prep.sentence[f.start] == prep.sentence[g.start]
            ):
                out[k] = replace(f, role="descriptor")  # "my left foot is numb on the top"
                break
            if _asked_then_mine(prep, f, g):
                out[k] = replace(f, role="descriptor")  # asking17: "anyone else get numb
                break  # hands ...? my ring and little fingers go dead"
    return out


def _at_level(prep: Prepared, out: list[Area], hits: list[Any], within: Any) -> None:
    """lay17: a numb whole with a part of it named after it in its sentence, within
    :data:`LEVEL_GAP` words and no other area between, that opens with a level word ("legs
    still numb below the knee", "My legs have numbness, both, below knee"): the whole only
    says where the part is, and a plural whole makes the part plural (side both)."""
    for k, f in enumerate(out):
        pain = f.role == "pain" and not f.context  # areas18: "LBP radiating to R leg below knee"
        if not f.numb and not pain:
            continue
        for m, g in enumerate(out):
            if (
                g.numb
                and g.start > f.end
                and prep.tokens[g.start] in LEVEL_PART
                and g.region != f.region
                and within(g.region, f.region)
                and g.start - f.end - 1 <= LEVEL_GAP
                and not any(f.end < h.start < g.start for h in out)
                and not LEVEL_STOP.intersection(prep.tokens[f.end + 1 : g.start])
                and prep.sentence[f.start] == prep.sentence[g.start]
            ):
                if pain:
                    out[m] = replace(g, role="pain")  # the part the pain goes to
                    break
                out[k] = replace(f, role="descriptor")
                hits[m].plural = hits[m].plural or hits[k].plural
                break


LEVEL_PART = ("below", "above", "outside", "inside", "under")  # areas23: "under"; a tuple
LEVEL_GAP = 6
"""lay17: a part of a whole named after it in its sentence, within this many words and with
no other area between, that opens with a level or side word ("legs still numb below the
knee", "in my leg left the skin is numb outside of thigh"), is where the whole is numb: the
part alone."""
LEVEL_STOP = frozenset(
    {"and", "or", "but", "then", "too", "also", "mainly", "mostly", "especially", "particularly"}
    | {"worse", "worst", "more", "than", "to", "into", "down", ";", "."}
)
"""lay17: words between the whole and the part that join a second statement ("my legs are
numb and below the knee it burns") or weigh the part within the whole ("my legs are numb,
especially below the knee": the whole kept, areas11), or make it a stretch ("sciatica down
my right leg to the outside of the foot")."""


GENERIC_BEFORE = 4
"""asking17: how far before a whole a possessive makes it the writer's own ("my")."""


def _asked_then_mine(prep: Prepared, f: Area, g: Area) -> bool:
    """asking17: a whole named generically in a question (no "my" before it: "anyone else
    get numb hands from cycling?", "how long does the numbness in the belly last?"), then a
    part of it as the writer's own in the sentence right after ("my ring and little fingers
    go dead", "mine is still numb below the belly button"): the part is where the writer's
    numbness is. "why are my feet numb? my toes are worst" keeps the writer's whole, and a
    plural whole is kept for the sides it gives ("anyone else get numb hands? my ring and
    little fingers go dead": both hands; the fingers alone would give none)."""
    tokens = prep.tokens
    if g.start <= f.end or "?" not in tokens[f.end : g.start] or _plural_word(tokens[f.end]):
        return False
    q = tokens.index("?", f.end)
    if any(t in SENTENCE_END for t in tokens[f.end : q]) or any(
        t in SENTENCE_END and t != "?" for t in tokens[q : g.start]
    ):
        return False
    nxt = q
    while nxt < g.start and tokens[nxt] == "?":
        nxt += 1
    if nxt >= len(tokens) or tokens[nxt] not in ("my", "mine"):
        return False
    before = tokens[max(0, f.start - GENERIC_BEFORE) : f.start]
    return not any(t in ("my", "mine", "our") for t in before)


NUMB_ON_GAP = frozenset(
    {"is", "are", "feels", "feel", "felt", "has", "have", "been", "gone", "went", "goes", "go"}
    | {"going", "getting", "got", "just", "only", "a", "bit", "little", "really", "very", "so"}
    | {"it", "its", "all"}
)
"""heldout16 areas: words between a whole and the numb word that places its numbness on a
part of it ("my left foot **is just** numb on the top")."""
NUMB_ON = frozenset({"numb", "numbed", "tingly", "dead", "tingles", "tingling", "asleep"})


HALF_PARTS = frozenset({"head", "face", "neck", "trunk", "upper_limb", "lower_limb"})
"""The great parts of one side of the body ("the left face, arm and leg")."""


def _side_named_by_parts(prep: Prepared, out: list[Area]) -> list[Area]:
    """heldout9 areas: one side of the body, then two or more of its great parts named in
    its sentence ("whole left half of my body feels numb, arm leg and trunk", "hemisensory
    loss of the left face, arm and leg"): the parts say what is numb, and the side of the
    body only where they are (one part, "face and all", leaves it numb)."""
    for k, a in enumerate(out):
        if a.region != "body" or not a.numb:
            continue
        at = prep.sentence[a.start]
        parts = {
            b.region
            for b in out[k + 1 :]
            if b.numb and b.region in HALF_PARTS and prep.sentence[b.start] == at
        }
        if len(parts) >= 2:
            out[k] = replace(a, role="descriptor")
    return out


ME_TOO = (
    ("so", "do", "i"),
    ("so", "have", "i"),
    ("so", "am", "i"),
    ("as", "do", "i"),
    ("as", "have", "i"),
    ("so", "are", "my"),  # "so are mine": the spellings write "mine" as "my"
    ("so", "is", "my"),
    ("so", "do", "my"),
    ("me", "too"),
    ("my", "too"),  # "me too", "mine too": the spellings write "me" and "mine" as "my"
    ("me", "as", "well"),
    ("my", "as", "well"),
    ("i", "do", "too"),
    ("i", "have", "too"),
    ("i", "have", "it", "too"),
    ("and", "now", "i", "have", "it"),
    ("and", "now", "me"),
    # areas20: "my mum had numb feet and now mine have started" (the spellings write "mine"
    # as "my")
    ("now", "my", "have", "started"),
    ("now", "my", "has", "started"),
)
# (areas23) "the same" after someone else's numbness gives the writer the same ("my dad had
# numb feet and now I've got the same", "I have the same"), when only a time or the end of
# the clause follows it (not "I've got the same GP", "the same problem with my knees")
SAME_CLOSES = (".", "?", "!", ";", ",", "at", "now", "too", "since", "for", "as", "and", "but")
"""Words after someone else's illness that make it one's own as well."""


def me_too(prep: Prepared, end: int) -> bool:
    """The words after ``end`` in its sentence say the speaker has it too."""
    tokens = prep.tokens
    k = end
    while k < len(tokens) and tokens[k] not in SENTENCE_END:
        if any(tuple(tokens[k : k + len(m)]) == m for m in ME_TOO):
            return True
        if (
            tokens[k] == "same"
            and tokens[k - 1] == "the"
            and tokens[k - 2] in ("got", "have", "ive", "get")
            and (k + 1 == len(tokens) or tokens[k + 1] in SAME_CLOSES)
        ):
            return True
        k += 1
    return False


MINE_VERBS = frozenset({"has", "have", "is", "are", "does", "do", "did", "was", "were", "too"})
# (areas23) words after "mine" that date the writer's own finding ("... numb fingertips? mine
# started about a year ago"), as "mine started" answers a question in .context
MINE_BEGAN = ("started", "began", "begun")
MINE_REACHED = frozenset({"at", "reached", "gone", "got"})
"""(weak17) Words after "mine's" that tell how far the writer's own has gone ("mine's at mid
thigh now", "mine's got to my knees"): "my" before them can only be "mine's"."""


PATH_WORDS = frozenset({"down", "into", "through"})
"""(areas18) Words of the way a sciatica runs ("buttock down to the calf")."""


def _sciatica_path(prep: Prepared, start: int, found: Sequence[Any]) -> bool:
    """(areas18) The part at ``start`` is on the way a sciatica named in the text runs,
    told in a clause with no numb word ("my sciatica is back. **Right buttock down to the
    calf**, the calf is numb"), while another clause says a part is numb: the sciatica's
    pain, as a leg a sciatica runs down beside a numb part is (limb17). With no part said
    numb elsewhere ("my sciatica is back, buttock down to the calf") the way is its place."""
    if not any(h.value == "sciatica" and not prep.ctx[h.start] for h in prep.cause_hits):
        return False
    tokens, clause = prep.tokens, prep.clause
    own = clause[start]
    words = [tok for k, tok in enumerate(tokens) if clause[k] == own]
    if NUMB_WORDS.intersection(words) or "feel" in words or not PATH_WORDS.intersection(words):
        return False
    if _numbness_goes(prep, start):
        return False
    return _numb_in_another_clause(prep, own, found)


def _numb_in_another_clause(prep: Prepared, own: int, found: Sequence[Any]) -> bool:
    """Whether an area of ``found`` outside clause ``own`` has a numb word in its clause
    (the part said numb elsewhere, beside which a sciatica's or a pain's way is no numb
    part)."""
    tokens, clause = prep.tokens, prep.clause
    return any(
        clause[g.start] != own
        and any(tok in NUMB_WORDS for k, tok in enumerate(tokens) if clause[k] == clause[g.start])
        for g in found
    )


def _pain_path(prep: Prepared, start: int, found: Sequence[Any]) -> bool:
    """lead30: the part at ``start`` is on the way a pain named before it in its clause
    runs ("**pain** from my lower back **down my left leg** and my foot is numb"), in a
    clause with no numb word, while another clause says a part is numb: the pain's way, as
    a sciatica's is (:func:`_sciatica_path`); with no part said numb elsewhere the way is
    the numbness's place, as before."""
    tokens, clause = prep.tokens, prep.clause
    own = clause[start]
    j = start - 1
    while j >= 0 and (tokens[j] in DROP or tokens[j] in SIDE_WORDS):
        j -= 1
    if j < 0 or tokens[j] not in PATH_WORDS or clause[j] != own:
        return False
    if any(tok in NUMB_WORDS for k, tok in enumerate(tokens) if clause[k] == own):
        return False
    if PAIN_NOUNS.isdisjoint(tok for k, tok in enumerate(tokens[:start]) if clause[k] == own):
        return False  # no pain named before it in its clause
    return _numb_in_another_clause(prep, own, found)


def _numbness_goes(prep: Prepared, start: int) -> bool:
    """(areas20) "the numbness is in my buttock and it goes down my leg": "it" is the
    numbness named in the clause before, and the part on its way is numb."""
    tokens, clause = prep.tokens, prep.clause
    first = clause.index(clause[start])  # where the part's clause opens
    if first == 0:
        return False
    k = first + (tokens[first] == "and")
    before = tokens[clause.index(clause[first - 1]) : first]  # the clause before it
    return tokens[k] == "it" and not NUMB_NOUNS.isdisjoint(before)


def _cause_in_after_numb(prep: Prepared, start: int, out: Sequence[Area]) -> bool:
    """(areas18) The part at ``start`` is where a cause named right before it sits ("the
    herpes zoster **in** the eye", "an abscess **on** my gum"), in a sentence that has already
    said which part is numb ("numbness of the forehead of right side after the herpes zoster
    in the eye"): the cause's place, as "carpal tunnel in my wrist" is, not a second numb
    part. With no numb part before it ("shingles on my chest, the skin there is numb") the
    part is where the numbness is."""
    tokens = prep.tokens
    j = start - 1
    while j >= 0 and tokens[j] in DROP:
        j -= 1
    if j < 1 or tokens[j] not in ("in", "on"):
        return False
    k = j - 1
    while k >= 0 and tokens[k] in DROP:
        k -= 1
    hit = next((h for h in prep.cause_hits if h.end == k + 1), None)
    if hit is None or str(hit.value).startswith("cue:"):
        return False
    return any(
        a.role == "numb"
        and not a.context
        and a.end < hit.start
        and prep.sentence[a.start] == prep.sentence[start]
        for a in out
    )


QUESTION_OPENERS = frozenset(
    {"can", "could", "does", "do", "will", "would", "is", "are", "why", "how", "what", "should"}
)
"""(areas18) Words that open a question written without its question mark."""
FIRST_PERSON = frozenset({"my", "mine", "i", "im", "ive", "me", "myself"})


def _generic_question(prep: Prepared, start: int) -> bool:
    """(areas18) The area at ``start`` is "your" part in a question typed without its
    question mark, as into a search box ("can statins make your feet numb", "why do your
    hands go numb at night"), by a writer who says nothing of themself: it asks about anyone's
    part, as "does diabetes make your feet numb?" does (asking17). "can statins make my feet
    numb" and "your advice please, my feet are numb" are the writer's."""
    tokens = prep.tokens
    if "?" in tokens or not tokens or tokens[0] not in QUESTION_OPENERS:
        return False
    j = start - 1
    while j >= 0 and tokens[j] in SIDE_WORDS:
        j -= 1
    return j >= 0 and tokens[j] == "your" and not FIRST_PERSON.intersection(tokens)


LASTED_UNITS = frozenset(
    {"days", "day", "weeks", "week", "wks", "months", "month", "years", "year", "hours", "hrs"}
)
"""(areas18) Units of a time a finding of the writer's own has lasted ("mine's been 5 days")."""


def _lasted(words: Sequence[str]) -> bool:
    """(areas18) ``words``, after "mine's been", say for how long ("for", "since", "like", or
    a number and a unit: "5 days", "a week"): the writer's own has lasted so long. "mine's
    been fine" does not say so."""
    if not words:
        return False
    if words[0] in ("for", "since", "like"):
        return True
    return (
        len(words) > 1
        and (words[0].isdigit() or words[0] in ("a", "an", "two", "three"))
        and (words[1] in LASTED_UNITS)
    )


def _mine_after(prep: Prepared, end: int, starts: Container[int] = ()) -> bool:
    """ "mine has been for days" after a question about a finding (the spellings write
    "mine" as "my", and "my" before a verb can only be "mine"): the writer has it, in the
    same sentence or the one after. Not when "mine" goes on to name a part of its own
    (heldout10 areas: "my brother's legs went numb from the feet up, mine is just a numb
    right big toe"; ``starts``: where the areas found begin)."""
    tokens = prep.tokens
    ends = 0
    for k in range(end, len(tokens) - 1):
        if tokens[k] in SENTENCE_END:
            ends += 1
            if ends > 1:
                return False
        elif tokens[k] == "my" and tokens[k + 1] in MINE_REACHED:
            return True  # weak17: "anyone had numbness creeping up ...? mine's at mid thigh"
        elif tokens[k] == "my" and tokens[k + 1] in MINE_BEGAN:
            return True  # areas23: "anyone else with type 1 get numb fingertips? mine started"
        elif tokens[k] == "my" and tokens[k + 1] == "been" and _lasted(tokens[k + 2 : k + 4]):
            return True  # areas18: "anyone had numbness in their jaw ...? mine's been 5 days"
        elif tokens[k] == "my" and tokens[k + 1] in MINE_VERBS:
            rest = tokens[k + 1 : k + 5]
            j = k + 1
            while j < len(tokens) and tokens[j] not in SENTENCE_END and tokens[j] != ",":
                if j in starts:
                    return False
                j += 1
            # it says so: "mine are numb too", "mine has been for days" (not "mine is
            # fine", "mine are just cold")
            return bool(NUMB_WORDS & set(rest) or {"too", "also", "same"} & set(rest)) or (
                rest[1:2] == ("been",) and rest[2:3] in (("for",), ("since",), ("like",))
            )
    return False


HABIT_VERBS = frozenset(
    {
        "goes",
        "go",
        "gets",
        "get",
        "turns",
        "turn",
        "tingles",
        "tingle",
        "feels",
        "feel",
        "is",
        "are",
    }
)
WORRY = frozenset(
    {"worried", "worry", "afraid", "scared", "concerned", "what", "might", "will", "should"}
    | {"would", "could", "may"}
)


def _habitual(prep: Prepared, f: Any) -> bool:
    """ "if I sit too long my bum goes numb", "whenever I kneel my knees tingle": an area
    after "if" or "whenever" that goes numb in the present tense is numb each time (a
    trigger), not a supposed numbness ("if my hand goes numb will it last" is left, as is
    any worry in the sentence)."""
    tokens = prep.tokens
    k = f.start - 1
    while k >= 0 and tokens[k] not in SENTENCE_END and tokens[k] not in ("if", "whenever"):
        k -= 1
    if k < 0 or tokens[k] not in ("if", "whenever"):
        return False
    j = f.end + 1
    while j < len(tokens) and tokens[j] in DROP:
        j += 1
    if j >= len(tokens) or tokens[j] not in HABIT_VERBS:
        return False
    rest = tokens[j : j + 4]
    # the sentence of the area, with the sentence end that closes it ("... numb?")
    at = prep.sentence[f.start]
    sentence = {tok for tok, s in zip(tokens, prep.sentence, strict=True) if s == at}
    return any(t in NUMB_WORDS for t in rest) and not WORRY & sentence and "?" not in sentence


PRONOUNS = frozenset({"it", "its", "they", "theyre", "theyve", "itll"})


PLACE_OF = frozenset({"place", "spot", "site", "area", "bit", "point"})
"""asking17: a word for the place where something was done to a part."""
PLACE_OF_WITHIN = 6
"""At most this many words from such a place word to the part it names."""


def _numb_place_of(prep: Prepared, out: list[Area]) -> list[Area]:
    """asking17: with no numb area read, "the place" (spot, site) of something done to a
    part, said to be numb, is that part, whatever the part was named for ("the place of
    needle in my calf is still numb", "the site of the injection in my arm is numb", "the
    spot where the needle went into my hand is still tingly"): the part named (a cause's
    site, an operation's, a trigger's) after the place word, with only linking words
    between it and the numb word. "the place where I hit my knee hurts" names no numbness."""
    tokens = prep.tokens
    for i, tok in enumerate(tokens):
        if tok not in PLACE_OF or i == 0 or tokens[i - 1] not in PLACE_BEFORE:
            continue
        for k, a in enumerate(out):
            if not (i < a.start <= i + PLACE_OF_WITHIN) or a.context or a.numb:
                continue
            if any(t == "," or t in SENTENCE_END for t in tokens[i : a.start]):
                continue
            j = a.end + 1
            while j < len(tokens) and j <= a.end + 4 and tokens[j] in LINKING:
                j += 1
            if j < len(tokens) and tokens[j] in NUMB_WORDS and not prep.ctx[j]:
                out = list(out)
                out[k] = Area(a.region, a.start, a.end, a.words, "numb", a.context)
                return out
    return out


INCISIONS = frozenset({"incision", "incisions", "scar", "scars", "wound", "wounds"})
"""asking17: the cut of an operation, where a numbness is placed by it."""
BY_INCISION = 6
"""At most this many words from a numb word to the incision that places it."""


def _numb_by_incision(prep: Prepared, out: list[Area]) -> list[Area]:
    """asking17: with no numb area read, a numbness placed by the incision or scar of an
    operation named before it ("post TKR R, area of anaesthesia lateral to the incision";
    "numb patch lateral to incision"; "since my knee replacement there is a numb strip below
    the scar") is on the operation's area: the last area named for an operation, not in a
    context, before the numb word, is the numb one. A numb word not in the incision's
    clause ("after my knee op, numb toes; scar healing well") places nothing."""
    tokens = prep.tokens
    for i, tok in enumerate(tokens):
        if tok not in INCISIONS:
            continue
        numb = next(
            (j for j in range(i - 1, max(-1, i - 1 - BY_INCISION), -1) if tokens[j] in NUMB_WORDS),
            None,
        )
        if (
            numb is None
            or prep.ctx[numb]
            or any(t == "," or t in SENTENCE_END for t in tokens[numb:i])
        ):
            continue
        before = [k for k, a in enumerate(out) if a.role == "operation" and a.end < numb]
        if before and not out[before[-1]].context:
            a = out[before[-1]]
            out = list(out)
            out[before[-1]] = Area(a.region, a.start, a.end, a.words, "numb", a.context)
            return out
    return out


def _numb_at_the_operation(prep: Prepared, out: list[Area]) -> list[Area]:
    """lead29: with no numb area read, a numbness said with no place of its own, in the
    sentence of the one area the text names, an operation's ("numb after knee surgery",
    "the skin is numb since my knee operation"), is at the operation's area, as "after my
    knee operation it is numb" is. Not one in a context (denied, supposed, someone
    else's), nor a text that names another area."""
    if len(out) != 1 or out[0].role != "operation" or out[0].context:
        return out
    a = out[0]
    tokens, sentence = prep.tokens, prep.sentence
    if any(
        (tok in NUMB_WORDS or (tok == "feeling" and tokens[i - 1 : i] == ("without",)))
        and sentence[i] == sentence[a.start]
        and not prep.ctx[i]
        for i, tok in enumerate(tokens)
    ):
        return [Area(a.region, a.start, a.end, a.words, "numb", a.context)]
    return out


CORRECTING = (
    ("i", "mean"),
    ("i", "meant"),
    ("sorry",),
    ("no", "i", "mean"),
    ("no", "wait"),
    ("wait", "no"),
    ("actually", "no"),
    ("no", "actually"),
    ("actually", "its"),
    ("or", "rather"),
    ("scratch", "that"),
)
"""lead30: words with which a writer takes back the part just named ("numb right hand,
sorry, I mean left hand")."""
CORRECTING_FIRST = frozenset(c[0] for c in CORRECTING)
CORRECTION_GAP = frozenset(
    {"i", "mean", "meant", "its", "it", "is", "no", "actually", "my", "numb", "the"}
)
"""Words that may stand between the correcting words and the part named instead."""
LIMB_ROOTS = ("upper_limb", "lower_limb", "face", "head", "back", "trunk")


def _self_corrected(prep: Prepared, out: list[Area], within: Any) -> list[Area]:
    """lead30: a numb part taken back by the writer: "numb right hand, sorry, I mean left
    hand", "numb in my right arm. sorry, left arm", "my left foot, no wait, my right foot
    is numb", "numb feeling in my left foot, actually no its my ankle". Words of
    :data:`CORRECTING` right after a numb part (past a comma or a full stop), then, within
    a few words, another numb part (after "sorry" or "actually", of the same limb, those
    words being often of manners), not said to be numb "too": the first is no numb part (a
    ``descriptor``, as a word for another part is), and its side goes with it. Both were
    read numb, each with its side."""
    tokens = prep.tokens
    fixed = list(out)
    for i, a in enumerate(out[:-1]):
        if not a.numb:
            continue
        k = a.end + 1
        # past what its own clause says of it ("my face is numb, I mean my hands")
        while k < len(tokens) and k <= a.end + 5 and tokens[k] not in (",", ".", "-", ";"):
            k += 1
        while k < len(tokens) and tokens[k] in (",", ".", "-", ";"):
            k += 1
        size = next((len(c) for c in CORRECTING if tuple(tokens[k : k + len(c)]) == c), 0)
        if not size:
            continue
        j = k + size
        while j < len(tokens) and (
            tokens[j] in CORRECTION_GAP
            or tokens[j] in DROP
            or tokens[j] in SIDE_WORDS
            or tokens[j] == ","
        ):
            j += 1
        b = next((b for b in out[i + 1 :] if b.start == j), None)
        if b is None or not b.numb:
            continue
        rest = tokens[b.end + 1 : b.end + 4]
        if "too" in rest or "also" in rest or ("as", "well") in pairwise(rest):
            continue  # "numb hands, sorry, my feet too": more, not instead
        if (
            tokens[k] in ("sorry", "actually")  # may be a word of manners
            and "mean" not in tokens[k:j]  # "sorry, I mean"
            and b.region != a.region
            and not any(within(a.region, r) and within(b.region, r) for r in LIMB_ROOTS)
        ):
            continue
        # (lead31: the correcting words are its cue, used words; a red flag whose words
        # hold the part goes with it, see reader._reading)
        fixed[i] = Area(
            a.region, a.start, a.end, a.words, "descriptor", a.context, tuple(range(k, j))
        )
    return fixed


def _numb_by_pronoun(prep: Prepared, out: list[Area]) -> list[Area]:
    """ "I stubbed my toe and it's numb": with no numb area read, an area named for where a
    cause struck, a trigger pressed or a pain is ("my leg hurts and it's numb") is the numb
    one when a pronoun after it, in its sentence, is said to be numb."""
    tokens = prep.tokens
    starts = {a.start for a in out}
    for i, tok in enumerate(tokens):
        if tok not in PRONOUNS and not _place_word(tokens, i):
            continue
        j = i + 1
        while (
            j < len(tokens)
            and j <= i + 4
            and (tokens[j] in LINKING or tokens[j] in DROP or tokens[j] in STILL)
        ):
            j += 1
        # limb17: or it is not felt ("the cut on my toe ..., I can't feel it")
        unfelt = tok in ("it", "them") and i > 1 and tokens[i - 1] == "feel"
        if unfelt and tokens[i - 2] in UNFELT_IT and not prep.ctx[i - 2] - {"negated"}:
            j = i - 2
        elif j >= len(tokens) or tokens[j] not in NUMB_WORDS:
            continue
        # heldout9 areas: a part found fine only by a denial of something else on it
        # ("I check my feet and there are no cuts or sores, they're just numb")
        fine_ok = not prep.ctx[j] and tok in PRONOUNS
        before = [
            k
            for k, a in enumerate(out)
            if a.end < i
            and (
                # lead30: or named for its pain ("my leg hurts and it's numb" was a
                # LocationError)
                a.role in ("cause_site", "trigger", "flag", "operation", "pain")
                or (a.role == "fine" and fine_ok)
            )
            and not a.context
            and not any(t in SENTENCE_END for t in tokens[a.end : i])
            # limb17: not where a spreading sign reached ("a red line going up my foot, it's
            # been numb for months": the toe named before it)
            and not (
                a.role == "flag"
                and tokens[_adjective_at(prep, a.start)] != "from"
                and _reached_by_a_sign(prep, a.start, starts)
            )
        ]
        if before:
            a = out[before[-1]]
            out = list(out)
            out[before[-1]] = Area(a.region, a.start, a.end, a.words, "numb", a.context)
            return out
    return out


PARTS_OF_BEFORE = frozenset(
    {"tip", "tips", "top", "end", "pad", "outside", "inside", "front", "underside"}
)
"""lead27: words for a part of an area named before it, said numb with "the" and no "of"
("I cut my thumb and the tip is numb", "dropped a weight on my foot and the top is numb");
not "back", "side" or "bottom", which name regions of their own."""


def _numb_part_of(
    kb: KnowledgeBase, prep: Prepared, out: list[Area], found: Sequence[Any]
) -> list[Area]:
    """lead27: with no numb area read, "the tip" (top, outside ...) said numb, with no "of"
    after it, is that part of the area named last before it in its sentence for a cause, a
    trigger, an operation, a warning sign or a pain ("sliced my finger cooking and the tip is
    numb": the finger; "twisted my ankle and the outside is numb": the outer ankle), as the
    grammar reads "the tip of my finger": the part's own region where the words name one
    ("the top" of a foot is its dorsum), else the area with the part's aspect."""
    from ..parse import ASPECT_WORDS, _vocab

    tokens = prep.tokens
    for i, tok in enumerate(tokens):
        if tok not in PARTS_OF_BEFORE or i == 0 or tokens[i - 1] != "the":
            continue
        j = i + 1
        while j < len(tokens) and j <= i + 4 and (tokens[j] in LINKING or tokens[j] in STILL):
            j += 1
        if j >= len(tokens) or tokens[j] not in NUMB_WORDS or prep.ctx[j] or prep.ctx[i]:
            continue
        before = [
            k
            for k, a in enumerate(out)
            if a.end < i
            and a.role in ("cause_site", "trigger", "flag", "operation", "pain")
            and not a.context
            and not any(t in SENTENCE_END for t in tokens[a.end : i])
        ]
        if not before:
            continue
        k = before[-1]
        f = found[k]
        if not f.aspects:
            hit = _vocab(kb).phrases.get((tok, "of", *f.words.split()))
            if hit is not None:
                f.region, aspects = hit
                f.aspects = list(aspects)
            elif (tok,) in ASPECT_WORDS:
                aspect, surface = ASPECT_WORDS[(tok,)]
                f.aspects = [aspect]
                f.surface = surface or f.surface
        a = out[k]
        out = list(out)
        out[k] = Area(f.region, a.start, a.end, a.words, "numb", a.context)
        return out
    return out


STILL = frozenset({"still", "now", "just", "quite", "really", "completely", "totally"})
"""Adverbs between a word for a place named before and the symptom ("that spot is still
numb")."""
# heldout9 areas: the place named again by a word for it ("since I had shingles on my chest
# the skin there is numb", "landed on my tailbone, now the area is numb")
PLACE_NOUNS = frozenset({"area", "spot", "place", "skin", "scar", "scars"})
"""(heldout12 areas: "the scar", where an operation was: "the lump they cut out of my back
was benign, but the skin around the scar is numb")"""
PLACE_BEFORE = frozenset({"the", "that", "this"})


def _place_word(tokens: Sequence[str], i: int) -> bool:
    """The place named before, said again: "there" after a place noun ("the skin there"),
    or a place noun after "the", "that" or "this" ("the area", "that spot")."""
    if tokens[i] == "there":
        return i > 0 and tokens[i - 1] in PLACE_NOUNS
    return tokens[i] in PLACE_NOUNS and i > 0 and tokens[i - 1] in PLACE_BEFORE


LANDMARK = LANDMARKS | {"by", "near"}
"""Words between a numb area and a second one that only places it ("the skin over my ribs
under my arm", "my upper arm just below the shoulder", areasb: "the inner edge of the foot
by the arch")."""
SAID_NUMB = frozenset({"has", "have", "is", "are", "gone", "went", "numb", "tingly", "tingling"})
"""heldout9 areas: words between an area and a landmark that say the area is numb ("my
forehead has gone numb above my right eye")."""


def _landmark(prep: Prepared, f: Any, out: Sequence[Area], within: Any) -> bool:
    """``f`` follows a numb area with only a landmark word between ("my upper arm just
    below the shoulder", "my ribs under my left arm"): it places that area. A part whose
    own name opens with the landmark and lies inside that area ("the skin of my belly,
    under the belly button": the lower belly) is where in it the numbness is (areas24),
    read by ``_refined_by_part``."""
    tokens = prep.tokens
    # the landmark word may open the area's own words ("under my arm")
    j = f.start if tokens[f.start] in LANDMARK else f.start - 1
    while j >= 0 and (tokens[j] in DROP or tokens[j] in GAP or tokens[j] in SIDE_WORDS):
        j -= 1
    if j < 0 or tokens[j] not in LANDMARK:
        return False
    j -= 1
    g = j
    while g >= 0 and tokens[g] in GAP:
        g -= 1  # areas22: "just" after the comma ("my cheek, just under the eye,")
    if g >= 0 and tokens[g] == "," and f.end + 1 < len(tokens) and tokens[f.end + 1] == ",":
        j = g - 1  # lay17: a landmark set off by commas ("my foot on the inside, by the arch,")
    own = tokens[f.start] in LANDMARK  # "below the knee" names a part of its own
    while j >= 0 and (
        tokens[j] in DROP or tokens[j] in GAP or (tokens[j] in SAID_NUMB and not own)
    ):
        j -= 1
    # heldout9 areas: the side of the area between it and the landmark ("numb neck on the
    # right side below the ear")
    k = j
    while k >= 0 and (tokens[k] in SIDE_WORDS or tokens[k] in DROP or tokens[k] == "on"):
        k -= 1
    if k < j and any(tokens[m] in SIDE_WORDS for m in range(k + 1, j + 1)):
        j = k
    return any(
        a.end == j and a.numb and not (own and a.region != f.region and within(f.region, a.region))
        for a in out
    )


NUMB_ADJECTIVES = frozenset({"numb", "tingly", "dead", "numbed"})


def _adjective_at(prep: Prepared, start: int) -> int:
    """Where the word before an area (past "my", "the") is: -1 at the start."""
    j = start - 1
    while j >= 0 and prep.tokens[j] in DROP:
        j -= 1
    return j


def _mine(prep: Prepared, start: int) -> bool:
    """ "my numb feet": the numb word before an area follows "my", which takes the
    numbness as given (a question or a worry about them does not suppose it)."""
    j = _adjective_at(prep, start)
    return j > 0 and prep.tokens[j - 1] == "my"


def _numb_adjective(prep: Prepared, start: int) -> bool:
    """ "the cut on my **numb** toe": the area is said to be numb where it is named, even
    inside the words of a warning sign."""
    j = _adjective_at(prep, start)
    tokens = prep.tokens
    if j >= 1 and tokens[j].isalpha() and tokens[j] not in _ADJECTIVE_OR_JOIN:
        # heldout13 areas: a numb word before another word of the area ("bilat numb clumsy
        # hands"): the area is said numb where it is named; heldout16 areas: not over a word
        # that leaves it out ("my hand is numb **except** my thumb")
        if tokens[j] == "in" and tokens[j - 1] in NUMB_NOUNS:
            return True  # areas19: "numbnesss in my upper lip ... one side of my face looks droopy"
        return tokens[j] not in NEGATIONS and tokens[j - 1] in NUMB_ADJECTIVES
    return j >= 0 and tokens[j] in NUMB_ADJECTIVES


NUMB_NOUNS = frozenset({"numbness", "tingling", "paresthesia"})
"""areas19: a numb word named as a thing before "in" and the part ("numbness in my upper
lip"): the part is said numb where it is named."""


PLACING = frozenset(
    {"is", "are", "only", "just", "mainly", "mostly", "in", "on", "at", "of", "own"}
    | {"bit", "patch", "spot", "area", "place", "strip"}
)
"""heldout14 areas: words between a numb word and the part it places ("my numbness is only in
my toes", "the numb bit on my thigh")."""
NUMB_BEFORE_WITHIN = 6
"""At most this many words between such a numb word and the part."""


def _numb_named_before(prep: Prepared, start: int) -> bool:
    """heldout14 areas: a numb word not denied, then only words that place it, before the
    area at ``start`` ("my own numbness is only in my toes and isn't spreading"): the area is
    said numb there, and a denial that runs back over it from later in the clause is of
    something else. Any other word between ("my numbness is not in my toes") ends the
    search."""
    tokens = prep.tokens
    for j in range(start - 1, max(-1, start - 1 - NUMB_BEFORE_WITHIN), -1):
        tok = tokens[j]
        if tok in NUMB_STATED:
            return "negated" not in prep.ctx[j] and not _denial_word(prep, j)
        if tok not in DROP and tok not in PLACING:
            return False
    return False


def _denial_word(prep: Prepared, j: int) -> bool:
    """(areasb) The word at ``j`` is a word of a denial's own trigger ("nothing numb down
    below": the "numb" of "nothing numb"), so it says nothing is numb there."""
    terms = prep.context_terms
    if j < 0 or not terms:
        return False
    return any(
        size + i > j and tag[0] == "negated"
        for i in range(max(0, j - 5), j + 1)
        for size, tag in terms[i]
    )


JOINS = frozenset({"and", "or", "but", "then", "so", "with", "nor"})
"""Words that join two things said, not a word of one area's name."""
_ADJECTIVE_OR_JOIN = NUMB_ADJECTIVES | JOINS  # made once, not at each area


DOWNWARD = frozenset({"down", "downwards", "downward", "up", "upwards", "upward"})
TIME_AFTER = frozenset({"whole", "for", "since", "ever", "every", "most", "lately", "recently"})
"""heldout12 areas: words that open a time after a stretch ("from the ankles down **the whole
time**", "... down **for** years"): they say when, not where."""


def _backs_of_before(prep: Prepared, f: Any, out: Sequence[Area]) -> bool:
    """heldout12 areas: "the backs" with no "of" after it, after a limb or limbs named in
    its sentence ("both legs are going numb down the backs"): the backs of those limbs, a
    side of the area named before, not the back of the trunk."""
    tokens = prep.tokens
    if f.region != "back" or f.start != f.end:
        return False
    if tokens[f.end] == "back":  # limb17: "both legs are numb down the back"
        return _down_the_back(prep, f, out)
    if tokens[f.end] != "backs":
        return False
    if f.end + 1 < len(tokens) and tokens[f.end + 1] == "of":
        return False
    return any(
        a.end < f.start and prep.sentence[a.start] == prep.sentence[f.start] and a.region != "back"
        for a in out
    )


LIMBS_WITH_A_BACK = frozenset({"lower_limb", "upper_limb", "leg", "thigh", "upper_arm", "forearm"})


def _down_the_back(prep: Prepared, f: Any, out: Sequence[Area]) -> bool:
    """(limb17) "the back" closing its clause after "down" or "up", with a limb named numb
    before it in that clause ("both legs are numb down the back", "my arm tingles up the
    back"): the back of the limb, not the back of the trunk."""
    tokens = prep.tokens
    j = f.start - 1
    while j >= 0 and tokens[j] in DROP:
        j -= 1
    if j < 0 or tokens[j] not in ("down", "up"):
        return False
    if f.end + 1 < len(tokens) and prep.clause[f.end + 1] == prep.clause[f.start]:
        return False  # "down the back of my leg", "down the back and into my leg"
    return any(
        a.numb
        and a.end < j
        and prep.clause[a.start] == prep.clause[f.start]
        and a.region in LIMBS_WITH_A_BACK
        for a in out
    )


def _stretch_start(
    prep: Prepared, f: Any, prev: list[str], nxt: list[str], out: Sequence[Area]
) -> bool:
    """ "both my lower legs feel numb from the knees down": a body part after "from" with
    only "down" or "up" after it in its clause (or a numb word after that: "my left arm
    from the elbow down tingles"), after a numb area of the same clause, is where that
    area's numbness starts, not a numb area of its own."""
    if not prev or prev[-1] != "from" or not nxt or nxt[0] not in DOWNWARD:
        return False
    rest = nxt[1:]
    for stop in ("and", "but"):  # "... from the knee down and my arm from the elbow down"
        rest = rest[: rest.index(stop)] if stop in rest else rest
    # heldout12 areas: a time after it ("numb from the ankles down the whole time")
    ends = [i for i, w in enumerate(rest) if w in TIME_AFTER]
    rest = rest[: ends[0]] if ends else rest
    end = (f.region, "down") in BEYOND  # areas23: "from the elbows down to my fingers"
    if not all(
        w in STRETCH_NUMB or w in LINKING or w in SIDES_AFTER or (end and w in LIMB_END)
        for w in rest
    ):
        return False
    clause = prep.clause[f.start]
    return any(a.numb and prep.clause[a.start] == clause and a.end < f.start for a in out)


SIDES_AFTER = SIDE_WORDS | {"sides", "on", "bilaterally", "bilateral", "each"}
"""lead26: the side written after a stretch ("numbness in the legs from the knee down both
sides", "from the elbow down on the left"): where it is, not another area."""

# heldout9 areas: the parts of a limb past a joint, for a limb numb "from the knees down"
BEYOND: dict[tuple[str, str], tuple[str, ...]] = {
    ("knee", "down"): ("leg", "foot"),
    ("knee", "up"): ("thigh",),
    ("ankle", "down"): ("foot",),
    ("elbow", "down"): ("forearm", "hand"),
    ("elbow", "up"): ("upper_arm",),
    ("wrist", "down"): ("hand",),
}
"""The parts of a limb below or above a joint ("my legs are numb from the knees down": the
lower legs and the feet; "my arm from the elbow down": the forearm and the hand)."""


def narrowed(
    kb: KnowledgeBase, prep: Prepared, areas: Sequence[Area], found: Sequence[Any]
) -> tuple[tuple[Area, ...], list[Any]]:
    """A whole limb said to be numb from a joint down (or up) is numb past that joint only:
    the numb limb before the joint (the descriptor "from the knees down"), in its clause,
    is the parts :data:`BEYOND` names, when it holds all of them ("my legs", not "my lower
    legs", which are already the part). The grammar's findings (``found``, one for each
    area) are split the same way."""
    within = kb.anatomy.within
    out, hits = list(areas), list(found)
    for joint in areas:
        if joint.role == "numb" and not joint.context:
            _past_joint_alone(prep, joint, out, hits)  # lay17: "numb from the knees down"
        if joint.role != "descriptor" or joint.context:
            continue
        prev = _before(prep, joint.start, 1)
        nxt = _after(prep, joint.end, 1)
        if prev != ["from"] or not nxt or nxt[0] not in DOWNWARD:
            continue
        parts = BEYOND.get((joint.region, "up" if nxt[0].startswith("up") else "down"))
        k = out.index(joint)
        clause = prep.clause[joint.start]
        limbs = [
            i
            for i, a in enumerate(out[:k])
            if a.numb and prep.clause[a.start] == clause and a.end < joint.start
        ]
        if not parts or not limbs:
            continue
        i = limbs[-1]
        limb = out[i]
        if limb.region in parts or not all(within(p, limb.region) for p in parts):
            continue
        out[i : i + 1] = [
            Area(p, limb.start, limb.end, limb.words, "numb", limb.context, limb.cue) for p in parts
        ]
        hits[i : i + 1] = [replace(hits[i], region=p, aspects=[]) for p in parts]
    if len(out) < 2:  # (a level and a segment are each read from two areas)
        return tuple(out), hits
    _at_level(prep, out, hits, within)
    if _segments(prep, out, hits):
        # the limb the part is of, named before it in its sentence, only says where it is
        # ("my leg is numb between the hip and the knee", "my arm, between ...")
        for k, a in enumerate(out):
            if a.numb and any(
                b.numb
                and b.start > a.end
                and b.region != a.region
                and within(b.region, a.region)
                and b.region in SEGMENTS.values()
                and prep.sentence[b.start] == prep.sentence[a.start]
                for b in out
            ):
                out[k] = replace(a, role="descriptor")
    return tuple(out), hits


def _past_joint_alone(prep: Prepared, joint: Area, out: list[Area], hits: list[Any]) -> None:
    """lay17: a joint said numb "from" it "down" (or "up") with no limb before it in its
    clause ("Numb from the knees down, both sides", "tingling from the elbows down") is the
    parts past it (:data:`BEYOND`), as "my legs are numb from the knees down" is; a limb
    named before it is :func:`narrowed`'s, and words after it other than a numb word ("from
    the knee down to the ankle") leave it alone."""
    if "from" not in prep.tokens:
        return  # (no "from" before the joint: most texts)
    prev = _before(prep, joint.start, 1)
    if prev != ["from"]:
        return
    nxt = _after(prep, joint.end, 4)
    if not nxt or nxt[0] not in DOWNWARD:
        return
    if not all(
        w in STRETCH_NUMB or w in LINKING or w in SIDES_AFTER or w in LIMB_END for w in nxt[1:]
    ):
        return
    parts = BEYOND.get((joint.region, "up" if nxt[0].startswith("up") else "down"))
    clause = prep.clause[joint.start]
    if not parts or any(
        a.end < joint.start and prep.clause[a.start] == clause and a.numb for a in out
    ):
        return
    i = out.index(joint)
    out[i : i + 1] = [
        Area(p, joint.start, joint.end, joint.words, "numb", joint.context, joint.cue)
        for p in parts
    ]
    hits[i : i + 1] = [replace(hits[i], region=p, aspects=[]) for p in parts]


SEGMENTS = {
    frozenset({"shoulder", "elbow"}): "upper_arm",
    frozenset({"elbow", "wrist"}): "forearm",
    frozenset({"hip", "knee"}): "thigh",
    frozenset({"knee", "ankle"}): "leg",
}
"""The part of a limb between two of its joints ("between the shoulder and elbow")."""


def _segments(prep: Prepared, out: list[Area], hits: list[Any]) -> bool:
    """heldout9 areas: "between the shoulder and elbow" is the upper arm, numb where the two
    joints were read as numb: the first joint's area and finding become the part between,
    the second a descriptor. Says whether any was found."""
    tokens, changed = prep.tokens, False
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        part = SEGMENTS.get(frozenset({a.region, b.region}))
        if part is None or not a.numb or not b.numb or a.region == b.region:
            continue
        j = a.start - 1
        while j >= 0 and tokens[j] in DROP:
            j -= 1
        if j < 0 or tokens[j] != "between":
            continue
        if any(t not in DROP and t != "and" for t in tokens[a.end + 1 : b.start]):
            continue
        out[k] = replace(a, region=part, start=j, end=b.end, words=prep.written(j, b.end + 1))
        hits[k] = replace(hits[k], region=part, aspects=[])
        out[k + 1] = replace(b, role="descriptor")
        changed = True
    return changed


def elided(
    prep: Prepared, areas: Sequence[Area], found: Sequence[Any]
) -> tuple[tuple[Area, ...], list[Any]]:
    """ "my husband's hand is fine, mine is just a bit numb": with no numb area of the
    writer's own, a "mine" (the spellings write it ``my``, here before a verb) said to be
    numb in its clause is the body part last named for someone else before it, now the
    writer's. The grammar's findings (``found``, one for each area) gain that part too."""
    if any(a.numb for a in areas):
        return tuple(areas), list(found)
    tokens, ctx, clause = prep.tokens, prep.ctx, prep.clause
    for k in range(len(tokens) - 1):
        if tokens[k] != "my" or (ctx[k] and ctx[k] != {"negated"}):
            continue  # heldout16 areas: a denial of another thing ("mine are pink") may cover it
        ends = k + 2 >= len(tokens) or tokens[k + 2] in SENTENCE_END or tokens[k + 2] in CLAUSE_GO
        if tokens[k + 1] not in MINE_NEXT and not (tokens[k + 1] in NUMB_WORDS and ends):
            continue  # "mine is", "mine's numb" (written "my numb", with no body word after)
        said = [  # heldout16 areas: or later in its sentence, no area between ("mine are
            # pink and warm, just numb")
            j
            for j in range(k + 1, min(len(tokens), k + 9))
            if (clause[j] == clause[k] or prep.sentence[j] == prep.sentence[k])
            and tokens[j] in NUMB_WORDS
            and not ctx[j]
            and not any(k < a.start <= j for a in areas)
        ]
        theirs = [i for i, a in enumerate(areas) if a.end < k and "other" in a.context]
        if not said or not theirs:
            continue
        i = theirs[-1]
        a = areas[i]
        mine = Area(a.region, k, k, prep.written(k, k + 1), "numb", frozenset())
        # limb17: "mine are" stands for the plural of the part named ("my friend's toe went
        # black, mine are pink and warm, just numb": my toes)
        plural = found[i].plural or tokens[k + 1] == "are"
        hit = replace(found[i], start=k, end=k, negated=False, side=None, plural=plural)
        return (*areas, mine), [*found, hit]
    return tuple(areas), list(found)


CLAUSE_GO = frozenset({",", "and", "but", "too", "now", "though", "tho"})
MINE_NEXT = MINE_VERBS | frozenset({"s", "just", "only", "also", "still", "feel", "feels"})
"""Words after "mine" (written ``my``) that make it stand for a body part ("mine is",
"mine's", "mine are")."""


LATER_NUMB = frozenset({"numb", "numbness", "tingly", "tingling", "numbed"})
CANT = frozenset({"cant", "cannot", "couldnt"})
"""Words before "feel it" that say the part named before is numb."""


FEELERS = frozenset({"i", "he", "she", "they", "you", "we"})
"""(areas24) Who does not feel a sign "that" is not felt ("a sore that she can't feel")."""


def _numb_later(prep: Prepared, f: Any, found: Sequence[Any]) -> bool:
    """ "my left foot is cold and pale and numb": the clause of an area inside a sign's words
    says, after it and with no other body area between, that it is numb as well."""
    tokens, clause = prep.tokens, prep.clause[f.start]
    starts = {g.start for g in found}
    nxt = min((s for s in starts if s > f.end), default=len(tokens))
    for k in range(f.end + 1, nxt):
        if prep.sentence[k] != prep.sentence[f.start]:
            break
        if (
            tokens[k] in CANT
            and tokens[k + 1 : k + 3] in (("feel", "it"), ("feel", "them"))
            and tokens[k + 3 : k + 4] not in (("when",), ("if",))
        ):
            return True  # heldout13 areas: "his big toe has gone black and he can't feel it"
        if (
            tokens[k] in CANT
            and tokens[k + 1 : k + 2] == ("feel",)
            and tokens[k - 2 : k - 1] in (("that",), ("which",))
            and tokens[k - 1] in FEELERS
            and tokens[k + 2 : k + 3] not in (("when",), ("if",))
        ):
            return True  # areas24: "a sore on his heel that he can't feel": the part it is on
        if tokens[k] not in LATER_NUMB:
            continue
        # limb17: ", and numb" goes on with the part's clause ("cold and pale and grey
        # looking, and numb")
        if prep.clause[k] != clause and tokens[k - 2 : k] != (",", "and"):
            continue
        j = k + 1
        # weak17: "foot drop with numbness over the dorsum of the foot": of the dorsum
        while j < len(tokens) and (
            tokens[j] in DROP or tokens[j] in SIDE_WORDS or tokens[j] in OF_AREA
        ):
            j += 1
        if j not in starts:  # not "foot drop and numb toes": the numb word of the toes
            return True
    return False


def _passed_on_the_way(prep: Prepared, f: Any, starts: Container[int]) -> bool:
    """(weak17) A part a spread went "past" on its way "to" another ("it's crept past my
    **ankles** to my knees"): the level reached is the other part, as "up to my knees" is
    that level and no more (areas13); one passed with no level after it ("it has crept past
    my ankles") is the level reached."""
    tokens = prep.tokens
    j = _adjective_at(prep, f.start)
    if j < 0 or tokens[j] != "past":
        return False
    k = f.end + 1
    if k < len(tokens) and tokens[k] == "up":
        k += 1
    if k >= len(tokens) or tokens[k] not in ("to", "into", "towards", "toward"):
        return False
    k += 1
    while k < len(tokens) and (tokens[k] in DROP or tokens[k] in SIDE_WORDS):
        k += 1
    return k in starts


SPREAD_TO = frozenset({"up", "to", "into", "down", "past", "towards", "toward"})


def _supposed_spread(prep: Prepared, start: int) -> bool:
    """(weak17) The part at ``start`` is where a supposed spread would go ("if this numbness in
    my palms ever starts **creeping up my arms**"): the verb of the spread is supposed, and so
    is where it goes, however far the trigger's window reaches."""
    tokens = prep.tokens
    j = _adjective_at(prep, start)
    if j < 1 or tokens[j] not in SPREAD_TO:
        return False
    return tokens[j - 1] in SPREAD_WORDS and prep.ctx[j - 1] == {"hypothetical"}


THE_NUMBNESS = frozenset({"the", "this", "that", "my"})
"""(weak17) Words before a numbness named as a thing that take it as given."""


def _the_numbness_in(prep: Prepared, start: int) -> bool:
    """(weak17) "the tingling in my right hand", "this numbness in my palms": a numbness named
    as a thing, with "the", "this" or "my", is there; a worry or a supposition about it ("I
    worry about the tingling in my right hand", "if this numbness in my palms ever spreads")
    does not make it supposed, as "my numb knee" does not (``_my_numb``). One with no such word
    ("I'm scared of getting tingling in my hands") stays supposed."""
    tokens = prep.tokens
    j = start - 1
    while j >= 0 and (tokens[j] in SIDE_WORDS or tokens[j] in ("my", "the")):
        j -= 1
    if j < 2 or tokens[j] not in OF_AREA:
        return False
    return tokens[j - 1] in NUMB_NOUNS and tokens[j - 2] in THE_NUMBNESS


def _my_numb(prep: Prepared, start: int) -> bool:
    """ "my numb knee", "my tingly left foot": the writer's own area, said to be numb where
    it is named; a question or a supposition about it does not make it supposed."""
    tokens = prep.tokens
    j = start - 1
    while j >= 0 and tokens[j] in SIDE_WORDS:
        j -= 1
    if j < 1 or tokens[j] not in NUMB_ADJECTIVES:
        return False
    # areas21: "worried about my own numb toe", the writer's as "my numb toe" is
    return tokens[j - 1] == "my" or (j >= 2 and tokens[j - 1] == "own" and tokens[j - 2] == "my")


def _refines(prep: Prepared, f: Any, j: int, region: str, within: Any) -> bool:
    """The area found at ``j``, right after ``f`` (only skipped words between, or the numb
    word before a landmark), is a part of ``f``'s region: ``f`` names where that part is,
    not a numb area of its own."""
    if region == f.region or not within(region, f.region):
        return False
    # heldout13 areas: a side letter too ("numbness face L cheek")
    return all(
        prep.tokens[k] in DROP
        or prep.tokens[k] in PLACING_GAP
        or prep.tokens[k] in NUMB_ADJECTIVES
        or prep.tokens[k] in ("l", "r")
        for k in range(f.end + 1, j)
    )


def _apposed_part(prep: Prepared, f: Any, starts: dict[int, str], within: Any) -> bool:
    """heldout11 areas: a part of ``f``'s region set off by commas after it, with "the"
    ("my left hand, the small finger and the next finger, is sleeping"; "my left foot, the
    heel especially, is numb"): the part says which part of it is meant, so ``f`` is where
    that part is. A part that goes on with the sentence ("numb leg, my hip is the
    problem"), one after "and" ("my hand, and now my thumb") and one added to a side of the
    body ("numb all down my left side, face included") are areas of their own."""
    tokens = prep.tokens
    k = f.end + 1
    if f.region == "body":
        return False
    if tuple(tokens[k : k + 2]) != (",", "the"):
        return _parts_set_off(prep, f, starts, within)
    k += 2
    if not (k in starts and starts[k] != f.region and within(starts[k], f.region)):
        return False
    for tok in tokens[k:]:
        if tok in SENTENCE_END:
            return False
        if tok == ",":
            return True
    return False


OWN_CLAUSE = frozenset(
    {"my", "his", "her", "is", "are", "was", "were", "too", "also", "now", "feel", "feels"}
    | {"fine", "ok", "okay", "not", "no", "but", "then", "as", "well"}
)
"""heldout14 areas: words that make the parts after a whole a clause of their own ("numb hand,
fingers too", "numb foot, my toes are fine"), not the parts of it meant."""
LIST_WORDS = frozenset({"and", "or", "to", "tip", "tips", "side", "sides"}) | SIDE_WORDS
"""Words that join or qualify the parts of a list set off after a whole."""
SET_OFF_WITHIN = 8
"""At most this many words in a list of parts set off after a whole."""


SET_OFF_STATED = NUMB_STATED | {"sleeping", "sleep"}
"""(areas18) Words of a clause saying a whole is numb before the parts set off after it; a
non-native "is sleeping" says it, as "is asleep" does."""


def _parts_set_off(prep: Prepared, f: Any, starts: dict[int, str], within: Any) -> bool:
    """heldout14 areas: parts of ``f``'s region set off by a comma after it with no "the",
    that go on to a numb word or end the sentence ("left hand, thumb and first two fingers
    numb when I knit"), or that close the clause saying ``f`` is numb ("both hands go numb at
    night, thumb to middle finger"): they say which parts of it are meant, as "my left hand,
    the small finger ..." does. Parts that make a clause of their own ("numb hand, fingers
    too", "numb foot, my toes are fine") or a whole with "especially" or "mainly" (kept with
    its parts, heldout6) are not."""
    tokens = prep.tokens
    n = len(tokens)
    k = f.end + 1
    if k < n and tokens[k] != ",":  # the comma that closes the clause saying f is numb
        while k < n and tokens[k] not in SENTENCE_END and tokens[k] != ",":
            k += 1
        if k >= n or tokens[k] != "," or not SET_OFF_STATED & set(tokens[f.end + 1 : k]):
            return False
        closing = True
        if k + 1 < n and tokens[k + 1] == "the":
            k += 1  # areas18: "my hand right is sleeping all the night, the three first fingers"
    else:
        closing = False
    k += 1
    if not (k in starts and starts[k] != f.region and within(starts[k], f.region)):
        return False
    body = prep.tables.region_words
    for j in range(k, min(n, k + SET_OFF_WITHIN + 1)):
        tok = tokens[j]
        if tok in SENTENCE_END or (closing and tok == ","):
            return True  # areas18: "..., the three first fingers, I am working in computer"
        if tok in NUMB_STATED:
            return not closing
        if tok in OWN_CLAUSE or not (tok in body or tok in LIST_WORDS or tok in DROP):
            return False  # "numb arm, elbow grease all day": not a list of parts
    return j + 1 >= n


TAG_SIDES = frozenset({"left", "right", "both", "l", "r"})
"""Side words that open a whole set off after a part of it ("right hand", "both feet")."""
TAG_END = frozenset({",", "?", "."}) | SENTENCE_END
TAG_MOSTLY = frozenset({"mostly", "mainly", "especially", "particularly", "more", "worse", "worst"})
"""heldout16 areas: words that weigh the whole set off after a part ("my thumb and first finger
tingle, **mostly** the right hand"): it still says the part's side."""
TAG_IN = frozenset({"in", "on"})


def _side_of_part_before(prep: Prepared, f: Any, out: Sequence[Area], within: Any) -> bool:
    """heldout13 areas: a whole with a side, set off by a comma or question mark after a
    numb part of it and ending its clause ("cant feel my middle finger tip properly, right
    hand"; "tingly toes again, both feet"; "... between thumb and first finger a nerve
    thing? right hand"): it says the part's side, no numb area of its own. A whole that goes
    on ("numb toes, both feet are cold") or names no part before it is an area. heldout16
    areas: a word that weighs it may come first ("..., mostly the right hand", "..., worse in
    the left foot")."""
    tokens = prep.tokens
    j = f.start - 1
    if j < 1 or tokens[j] not in TAG_SIDES:
        return False
    k = j - 1  # heldout16 areas: "..., mostly the right hand", "..., mainly in the left foot"
    while k > 0 and tokens[k] in DROP:
        k -= 1
    if k > 0 and tokens[k] in TAG_IN and tokens[k - 1] in TAG_MOSTLY:
        k -= 1
    if k > 0 and tokens[k] in TAG_MOSTLY:
        k -= 1
    if k < 1 or tokens[k] not in (",", "?") or (k < j - 1 and tokens[k + 1] not in TAG_MOSTLY):
        return False
    j = k + 1
    if f.end + 1 < len(tokens) and tokens[f.end + 1] not in TAG_END:
        return False
    while k > 0 and tokens[k] == "?" and tokens[k - 1] == "?":
        k -= 1  # heldout16 areas: "numb toes from spin class?? both feet"
    return any(
        a.role == "numb"
        and not a.context
        and a.end < j
        and a.region != f.region
        and within(a.region, f.region)
        and prep.sentence[a.start] == prep.sentence[k]
        for a in out
    )


def _taken_after(prep: Prepared, start: int, found: Sequence[Any]) -> int:
    """How many of the content words before ``start`` are a cue the area right before
    them takes after it ("with my elbows **bent** my ring finger goes dead"): they say
    something of that area, not of the next."""
    tokens = prep.tokens
    words: list[str] = []
    j = start - 1
    while j >= 0 and (tokens[j] in DROP or tokens[j] in SIDE_WORDS):
        j -= 1
    while j >= 0 and len(words) < 3 and tokens[j] not in SENTENCE_END and tokens[j] != ",":
        if any(o.end == j for o in found):
            words.reverse()
            return len(words) if words and tuple(words) in prep.tables.role_after else 0
        if tokens[j] not in DROP:
            words.append(tokens[j])
        j -= 1
    return 0


TIME_AFTER_BACK = frozenset({"then", "when"})
BACK_SYMPTOMS = frozenset({"sore", "aching", "achy", "painful", "stiff", "bad", "weak", "tingly"})
"""lead30: words before "back" that make it the part ("sore back when I stand")."""
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug"}
    | {"sep", "sept", "oct", "nov", "dec", "spring", "summer", "autumn", "winter", "day", "days"}
)


def _back_in_time(prep: Prepared, f: Any) -> bool:
    """ "back in 2019", "back in the summer", "back then", "back when I was 30": the word
    "back" alone, with no "my" or "the" before it, then a time: not the body part."""
    tokens = prep.tokens
    if f.end != f.start or tokens[f.start] != "back" or f.region != "back":
        return False
    if f.start > 0 and (
        tokens[f.start - 1] in DROP
        or tokens[f.start - 1] in ASPECTS
        # lead30: "numb back when I sit": a numb back, then when it is numb
        or tokens[f.start - 1] in NUMB_WORDS
        or tokens[f.start - 1] in BACK_SYMPTOMS
    ):
        return False
    nxt = list(tokens[f.start + 1 : f.start + 4])
    if nxt[:1] and nxt[0] in TIME_AFTER_BACK:
        return True
    if nxt[:1] != ["in"]:
        return False
    rest = [w for w in nxt[1:] if w not in DROP]
    return bool(rest) and (rest[0].isdigit() or rest[0] in MONTHS)


ASPECTS = frozenset({"lower", "upper", "mid", "middle", "low", "small", "whole", "entire"})
_EXTENT_LAST = frozenset(e[-1] for e in EXTENT)
"""The words a phrase of :data:`EXTENT` ends with."""


def _extent_role(prep: Prepared, f: Any, prev: list[str], out: Sequence[Area]) -> AreaRole | None:
    """ "my legs feel weak right up to my hips": the end of a stretch that starts at an area
    named for weakness or pain in the same clause is named for it too."""
    if not prev or prev[-1] not in _EXTENT_LAST:
        return None  # no phrase of EXTENT can end the words before (most areas)
    if not any(tuple(prev[-len(e) :]) == e for e in EXTENT):
        return None
    clause = prep.clause[f.start]
    before = [a for a in out if prep.clause[a.start] == clause and a.end < f.start]
    last = before[-1].end if before else -1
    # the symptom word nearest before, back to the last area ("weakness up to my hips")
    for k in range(f.start - 1, last, -1):
        tok = prep.tokens[k]
        if tok in SENTENCE_END or tok == ",":
            break
        if tok in NUMB_WORDS:
            return None
        if tok in WEAK_WORDS:
            return "weak"
        if tok in PAIN_WORDS:
            return "pain"
    if before and before[-1].role in ("weak", "pain"):
        return before[-1].role
    return None


def _side_of_body(prep: Prepared, f: Any, out: Sequence[Area]) -> int | None:
    """ "numb thigh on the left side of my body": the side of the body after a numb area
    says on which side that area is; where its words start ("left")."""
    if f.region not in BODY_SIDE or "side" not in prep.tokens[max(0, f.start - 3) : f.end + 1]:
        return None
    j = f.start - 1
    while j >= 0 and (prep.tokens[j] in DROP or prep.tokens[j] in _SIDE_OF):
        j -= 1
    if j < 0 or prep.tokens[j] != "on" or not {"left", "right"} & set(prep.tokens[j : f.end]):
        return None  # "numb hand and side of my body": a second area
    clause = prep.clause[f.start]
    if any(a.numb and prep.clause[a.start] == clause and a.end < f.start for a in out):
        return int(j) + 1
    return None


NUMB_WORDS = frozenset(
    {
        "numb",
        "numbness",
        "tingling",
        "tingly",
        "tingle",
        "tingles",
        "pins",
        "needles",
        "dead",
        "asleep",
        "paresthesia",
        "hypoesthesia",
        "anesthesia",
        "dysesthesia",
        "feeling",
        "sensation",
        # heldout12 areas: numbness as the writer feels it ("both my feet are buzzing")
        "buzzing",
        "buzzy",
        "paresthesiae",
        "paraesthesiae",
        "paraesthesia",
        "fizzy",
        "fizzing",
        # lay17: "my feet have gone rather woolly"
        "woolly",
        "wooly",
    }
)
"""Words that say an area is numb, for an area named with pain words ("hurts", "aches")."""

STRETCH_NUMB = NUMB_WORDS | {"sleeping", "prickle", "prickles", "prickly", "prickling"}
# (areas23) "to" and the far end of an arm or a leg: a stretch "from the elbows down to my
# fingers" reaches it, so it is the limb past the joint, as "from the elbows down" alone is
# (the end it names is a descriptor by the roles of text.yaml, "elbows down to"); "down to
# the ankle" stops short of the end and keeps its ends
LIMB_END = ("to", "fingers", "finger", "fingertips", "hand", "hands", "toes", "foot", "feet")
"""lay17: the numb words that may close a stretch "from the knee down" (a non-native "is
sleeping": "in my right leg from the knee to down is sleeping")."""


def _and_numb(prep: Prepared, end: int, starts: Container[int]) -> bool:
    """heldout13 areas: the cue of a pain or weakness after an area, ending at ``end``, is
    followed by "and" and a numb word ("my whole left leg feels heavy **and numb** down to
    the foot"): the area is numb as well."""
    tokens = prep.tokens
    if tokens[end + 1 : end + 2] != ("and",) or end + 2 >= len(tokens):
        return False
    if tokens[end + 2] not in LATER_NUMB:
        return False
    # not a numb word of the next area ("back pain and numb R foot", "numbness of the L hand")
    if end + 3 < len(tokens) and tokens[end + 3] in OF_AREA:
        return False
    j = end + 3
    while j < len(tokens) and (tokens[j] in DROP or tokens[j] in SIDE_WORDS):
        j += 1
    return j not in starts


OF_AREA = frozenset({"of", "in", "on", "over", "around", "at", "across", "along"})
"""Words after a numb word that lead to the area it is said of ("numbness **of** the hand")."""


BEGAN = frozenset({"began", "begin", "begins", "started", "starts", "start", "starting"})


def _numb_began(prep: Prepared, start: int) -> bool:
    """heldout13 areas: the cue "began in" before a neck or back ends a numb word ("the
    **tingling** began in my neck, travels down the right arm"): the numbness began there,
    which is numb (a spread keeps where it began), not where a cause sits ("the pain
    started in my back" keeps the back a cause's site)."""
    tokens = prep.tokens
    if tokens[start] not in BEGAN:
        return False
    j = start - 1
    while j >= 0 and tokens[j] in DROP:
        j -= 1
    return j >= 0 and tokens[j] in NUMB_WORDS


WEAKNESS_TOLD = frozenset({"clumsy", "jelly"})


def _sciatica_had(prep: Prepared, found: Sequence[Any]) -> bool:
    """(areas20) A leg "has sciatica" ("both my legs have sciatica now")."""
    t = prep.tokens
    return any(
        g.region in SCIATIC_LIMBS
        and t[g.end + 1 : g.end + 3] in HAS_SCIATICA
        and not prep.ctx[g.end]
        for g in found
    )


HAS_SCIATICA = (("have", "sciatica"), ("has", "sciatica"))


def _weakness_told(prep: Prepared) -> bool:
    """(weak17) The text tells of a weakness ("my legs are getting weaker", "my fingers are
    clumsy with buttons"): what it says is no description of pain alone."""
    return any(tok in ELLIPSIS_WEAK or tok in WEAKNESS_TOLD for tok in prep.tokens)


def _numb_here(
    prep: Prepared, area: Any, found: Sequence[Any], cue: Collection[int] = (), unfelt: bool = False
) -> bool:
    """The clause of ``area`` says something is numb and names no other body area, or the
    text says nothing is numb (a description of pain alone: every area is its place). The
    words of the role's own cue (``cue``, positions) are not what says it is numb: the
    "feeling" of "a crushing feeling in my chest" is the pain (heldout11 areas). ``unfelt``:
    the text says something is not felt ("I can't feel the toilet paper when I wipe and my
    back is killing me", areasb), so it does say something is numb."""
    if not any(tok in NUMB_WORDS for tok in prep.tokens) and not unfelt:
        return True
    if cue and all(prep.tokens[i] in NUMB_WORDS for i in cue):
        cue = ()  # areas24: a cue of numb words alone ("numb all over") does say it is numb
    clause = prep.clause[area.start]
    if any(f is not area and prep.clause[f.start] == clause for f in found):
        return False
    return any(
        prep.clause[i] == clause
        and tok in NUMB_WORDS
        and i not in cue
        # heldout12 areas: "the tingling" before another area of its sentence opens a
        # statement of where it is ("my legs are getting weaker and the tingling is now in
        # my calves"), not of the area before it
        and not (
            i > 0
            and prep.tokens[i - 1] == "the"
            and tok in NUMB_NOUNS
            and any(g.start > i and prep.sentence[g.start] == prep.sentence[i] for g in found)
        )
        for i, tok in enumerate(prep.tokens)
    )


WOUNDS = frozenset(
    {"sore", "sores", "ulcer", "ulcers", "wound", "wounds", "cut", "cuts", "blister", "blisters"}
    | {"hole", "holes", "puncture"}  # areas23: "a red puffy hole in the bottom of my foot"
)
"""(areasb) A break in the skin on a part ("a sore on the ball of my foot")."""
UNFELT_AFTER = (
    ("cant", "feel"),
    ("cannot", "feel"),
    ("couldnt", "feel"),
    ("dont", "feel"),
    ("didnt", "feel"),
    ("never", "felt"),
    ("not", "feel"),
    ("does", "not", "hurt"),
    ("doesnt", "hurt"),
    ("didnt", "hurt"),
    ("dont", "hurt"),
    ("painless",),
    ("hadnt", "noticed"),
    ("hadnt", "even", "noticed"),
    ("hasnt", "noticed"),
    ("hasnt", "even", "noticed"),
    ("didnt", "notice"),
    ("didnt", "even", "notice"),
    ("never", "noticed"),
)
"""(areasb) Words after a wound that say it is not felt ("that I never felt", "that does not
hurt", "he hadn't even noticed")."""
WOUND_BEFORE = 4
UNFELT_WITHIN = 10


def _unfelt_wounds(prep: Prepared, out: list[Area], within: Any) -> list[Area]:
    """(areasb) A wound on a part, then in its sentence words that say it is not felt,
    with no part said numb between ("a sore on the ball of my foot that does not hurt", "cut
    my foot on a shell and didn't feel it", "a wound on his heel he hadn't even noticed"):
    the part is numb, where the wound's words gave it to the warning sign. "I can't feel
    my toes" after it is of the toes, not of the wound; a numb part that holds the wound's
    ("a blister on my heel I never felt, my feet are numb") is the numb area, as a sore on
    "my numb foot" makes the foot the numb area (docs/text.md)."""
    if not any(a.role in ("flag", "cause_site") and not a.context for a in out):
        return out  # no part a wound's words may have given to a sign or a cause
    tokens = prep.tokens
    sentence = prep.sentence
    numb_starts = {a.start for a in out if a.role == "numb"}
    starts = {a.start for a in out}
    result = list(out)
    for k, a in enumerate(out):
        if a.role not in ("flag", "cause_site") or a.context:
            continue
        if any(b.numb and within(a.region, b.region) for b in out):
            continue
        if not any(
            tokens[j] in WOUNDS and sentence[j] == sentence[a.start]
            for j in range(max(0, a.start - WOUND_BEFORE), a.start)
        ):
            continue
        for i in range(a.end + 1, min(len(tokens), a.end + 1 + UNFELT_WITHIN)):
            if sentence[i] != sentence[a.start] or i in numb_starts:
                break
            size = next((len(u) for u in UNFELT_AFTER if tuple(tokens[i : i + len(u)]) == u), 0)
            if size:
                j = i + size
                while j < len(tokens) and tokens[j] in DROP:
                    j += 1
                if j not in starts:  # "... and can't feel my toes": the toes are numb
                    result[k] = Area(a.region, a.start, a.end, a.words, "numb", a.context, a.cue)
                break
        else:
            # areas23: said not felt earlier in the sentence, no part between ("trod on a pin
            # and didn't notice till I saw blood, now there's a hole in the bottom of my foot")
            i = a.start - 1
            while i >= 0 and sentence[i] == sentence[a.start] and i not in starts:
                if (
                    tuple(tokens[i : i + 2]) in UNFELT_AFTER
                    or tuple(tokens[i : i + 3]) in UNFELT_AFTER
                    or (tokens[i],) in UNFELT_AFTER
                ):
                    result[k] = Area(a.region, a.start, a.end, a.words, "numb", a.context, a.cue)
                    break
                i -= 1
    return result


SPREADING_SIGNS = frozenset(
    {"weakness", "weaker", "weak", "feebler", "redness", "red", "streak", "streaks", "cellulitis"}
)
"""(areasb) Signs that spread or climb and are no numbness: where they reach is no numb area
("the weakness has climbed past my knees", "redness creeping from my toe towards my ankle")."""
SPREAD_WORDS = frozenset(
    {"climbed", "climbing", "climbs", "crept", "creeping", "creeps", "spread", "spreading"}
    | {"spreads", "moved", "moving", "moves", "went", "going", "gone", "ascending", "rising"}
    | {"risen", "rose", "tracking", "tracks", "travelled", "traveled", "reached", "from"}
)
"""(areasb) Words that say a sign spreads from or to a place."""
SIGN_REACH = 8
"""(areasb) At most this many words back from the place to the sign."""


def _reached_by_a_sign(prep: Prepared, start: int, starts: Container[int] = ()) -> bool:
    """(areasb) The part at ``start`` is where a spreading sign that is no numbness began or
    reached, said in its clause ("the weakness went from my **ankles** to my **hips**", "the
    redness has spread up past the **ankle**"): the sign's place, not a numb area. A numb word
    nearer the part ("weakness in my legs and numbness creeping up to my knees") says the
    numbness is what reached it; a numb word said of another part before the sign ("the
    redness on my **numb** foot has spread up past the ankle", areasc) does not."""
    tokens = prep.tokens
    via = tokens[_adjective_at(prep, start)]
    if via not in REACHED and via not in RED_ALONG:
        return False  # "weakness climbing up my legs": the way it goes, the legs
    clause = prep.clause[start]
    spread = False
    reach = SIGN_REACH
    j = start
    while j > 0 and j > start - reach:
        j -= 1
        if prep.clause[j] != clause:
            return False
        tok = tokens[j]
        if (tok in NUMB_WORDS or tok == "feel") and not _said_of_a_part(prep, j, starts):
            return False
        if tok in NUMB_WORDS:
            reach += 3  # areasc: "my numb foot" is words of the part, not between
        if j in starts and tok not in SPREADING_SIGNS:
            reach += 4  # limb17: where the sign began ("the redness from the cut on my toe")
        if tok in SPREADING_SIGNS:
            if via in RED_ALONG and tok not in REDNESS:
                return False
            spread = spread or tok in STREAKS  # areas19: "red streak to ankle" runs by nature
            # "ascending paraesthesia and weakness from the feet": the numbness spreads too
            return spread and not (j > 1 and tokens[j - 1] in JOINS and tokens[j - 2] in NUMB_WORDS)
        spread = spread or tok in SPREAD_WORDS
    return False


STREAKS = frozenset({"streak", "streaks"})
"""areas19: spreading signs that run from one place to another by themselves ("cellulitis
from R 3rd toe ulcer, red streak to ankle"): the place they reach is theirs."""


WEAKNESS_NOUNS = frozenset({"weakness", "weakening", "heaviness", "clumsiness"})
"""(areas18) A weakness named as a thing that began somewhere and went on."""
WENT_AT = frozenset(
    {"to", "into", "past", "towards", "toward", "from", "till", "until", "in", "at"}
)
WENT_REACH = 16


def _weakness_went(prep: Prepared, start: int) -> bool:
    """(areas18) The part at ``start`` is where a weakness named as the subject of its
    sentence began, passed or reached ("**weakness started in** my ankles at the weekend and
    has **moved up to** my thighs", "the weakness began at my feet, now it's past my knees"):
    the weakness's place, as areasb's "the weakness went from my ankles to my hips", however
    far along the sentence it is told. A numb word or a "feel" between ("weakness in my legs
    and numbness creeping up to my knees") says the numbness is what reached it."""
    tokens, sentence = prep.tokens, prep.sentence
    j = _adjective_at(prep, start)
    if j < 1 or tokens[j] not in WENT_AT:
        return False
    went = False
    for k in range(j - 1, max(-1, j - WENT_REACH - 1), -1):
        tok = tokens[k]
        if sentence[k] != sentence[start] or tok in NUMB_WORDS or tok == "feel":
            return False
        if tok in WEAKNESS_NOUNS:
            opens = (
                k == 0
                or tokens[k - 1] in ("the", "my", "his", "her", ",")
                or (sentence[k - 1] != sentence[k])
            )
            return went and opens
        went = went or tok in WEAK_STEPS or tok in ("moved", "spread", "climbed")
    return False


WEAK_REACH_BEFORE = frozenset(
    {"to", "into", "past", "towards", "toward", "from", "till", "until", "at", "first"}
    | {"then", "now"}
)
"""(weak17) Words before a place a weakness told before it began at, passed or reached."""
WEAK_STEPS = SPREAD_WORDS | {"started", "starting", "began", "first", "then", "up", "upward"}
"""(weak17) Words that tell the stretch or the steps of a weakness ("started at", "first the
feet then the knees", "from the ankles upward")."""
WEAK_REACH = 16
"""(weak17) At most this many words back from the place to the weakness."""


def _weakness_reached(prep: Prepared, start: int, end: int) -> bool:
    """(weak17) The part at ``start`` is where a weakness told before it in its sentence,
    in a clause of its own, began, passed or reached: "my legs feel like jelly and it's worse
    each day, started at the **ankles** now up to my **hips**", "my legs got weaker day by
    day, first the **feet** then the **knees**", "my arms are getting weaker every day, up
    from the **hands**". It is the weakness's place (areasb), not a numb area. A numb word in
    the part's clause ("... now my feet are numb too") or between it and the weakness ("my
    legs are weak and the tingling has crept from my ankles to my knees") says the numbness
    is what is there."""
    tokens, clause, sentence = prep.tokens, prep.clause, prep.sentence
    j = _adjective_at(prep, start)
    after = tokens[end + 1] if end + 1 < len(tokens) else ""
    up_in = j > 0 and tokens[j] == "in" and tokens[j - 1] == "up"  # areas23: "up in my thighs"
    if not ((j >= 0 and tokens[j] in WEAK_REACH_BEFORE) or after in ("upward", "upwards") or up_in):
        return False
    own = clause[start]
    if any(tok in NUMB_WORDS for k, tok in enumerate(tokens) if clause[k] == own):
        return False
    step = j >= 0 and tokens[j] in WEAK_STEPS
    for k in range(start - 1, max(-1, start - WEAK_REACH - 1), -1):
        tok = tokens[k]
        if sentence[k] != sentence[start] or tok in NUMB_WORDS:
            return False
        if tok == "feel" and k > 0 and tokens[k - 1] in UNFELT:
            return False  # "I can't feel my feet, and my legs are weak up to the knees"
        if tok in ELLIPSIS_WEAK or tok in WEAKNESS_TOLD:
            # "legs numb and weak, started in my feet, now up to my waist": numb as well
            told = [t for m, t in enumerate(tokens) if clause[m] == clause[k]]
            return step and clause[k] != own and not any(t in NUMB_WORDS for t in told)
        step = step or tok in WEAK_STEPS
    return False


WITH = frozenset({"with", "plus", "and"})
"""(weak17) Words after a part a pain reaches that join a numbness to it."""


def _with_numb(prep: Prepared, end: int, starts: Container[int]) -> bool:
    """(weak17) The part ending at ``end``, named where a pain goes ("chest pain radiating to
    L arm **with numbness**", "central chest pressure radiating to L arm **with paraesthesia**"),
    is followed by a numbness joined to it that names no part of its own in its clause ("...
    with numbness of the hand", "... and tingling down both arms"): the part is numb as well
    as where the pain reaches."""
    tokens = prep.tokens
    j = end + 1
    if j + 1 >= len(tokens) or tokens[j] not in WITH or tokens[j + 1] not in NUMB_WORDS:
        return False
    clause = prep.clause[j]
    # "... and tingling down both arms": the numbness names a place of its own
    return not any(k in starts for k in range(j + 2, len(tokens)) if prep.clause[k] == clause)


PAIN_TOLD = frozenset(
    {"pain", "pains", "sore", "tight", "tightness", "pressure", "ache", "aches", "aching"}
    | {"hurts", "hurting", "crushing", "heavy", "heaviness", "squeezing", "burning"}
)
"""(weak17) Words of a pain whose way to a part a later clause tells ("my chest is tight and
sore, going into my jaw")."""
PAIN_GOES = frozenset(
    {"going", "goes", "gone", "went", "radiating", "radiates", "radiated", "spreading"}
    | {"spreads", "spread", "shooting", "shoots", "moving", "moves", "travelling", "traveling"}
)
"""(weak17) Words before "into" or "to" that say a pain goes to a part."""


WEAK_SAID = frozenset(
    {"weak", "weaker", "weakening", "feeble", "feebler", "clumsy", "clumsier", "fumble"}
    | {"fumbles", "fumbling", "fumbly"}
)
"""(areas18) Words that say a part is weak or clumsy when they follow it in its clause."""
WEAK_GAP = frozenset(
    {"is", "are", "r", "am", "was", "were", "feel", "feels", "felt", "get", "gets", "getting"}
    | {"gettin", "geting", "got", "gone", "going", "goin", "grown", "growing", "become", "becomes"}
    | {"becoming", "became", "have", "has", "been", "more", "much", "so", "very", "really"}
    | {"bit", "little", "quite", "even", "still", "also", "now", "all", "too", "both", "always"}
)
"""(areas18) Words that may stand between a part and the word that says it is weak ("my legs
**r gettin** weaker", "the legs **are more** weak each day")."""
_WEAK_NEXT = WEAK_GAP | WEAK_SAID  # the first word after a weak part: made once, not an area


def _weak_after(nxt: Sequence[str]) -> int:
    """(areas18) How many of the words ``nxt`` after a part say it is weak or clumsy: a word
    of :data:`WEAK_SAID` after words of :data:`WEAK_GAP` only ("my legs r gettin weaker evry
    week", "the legs are more weak each day", "my hands fumble keys"), as the data's "are
    getting weaker" is; or 0. A numb word first ("my legs are numb and weak") is not."""
    for k, tok in enumerate(nxt):
        if tok in WEAK_SAID:
            return k + 1
        if tok not in WEAK_GAP:
            return 0
    return 0


PAIN_TOWARDS = frozenset({"into", "to", "down"})
"""(areas18) Words right before a part a pain goes to ("pain going **into** my buttock")."""
PAIN_NOUNS = frozenset({"pain", "pains", "ache", "aches", "lbp", "sciatica", "discomfort"})
"""(areas18) A pain named as a thing, whose way to a part the words after it tell."""


def _pain_goes_to(prev: Sequence[str]) -> int:
    """(areas18) How many of the words ``prev`` before a part say a pain goes to it, or 0: a
    pain named as a thing, then a word of going and "into", "to" or "down" ("low back pain
    **going into** my right buttock", "LBP **radiating to** R leg", "**pain to** the foot",
    "pain **shooting down into** my calf"), as the data's "pain radiating to" is. A part
    "from" which it goes, or a numbness that goes there ("numbness going into my toes"),
    is not."""
    k = len(prev) - 1
    if k > 0 and prev[k - 1] == "down" and prev[k] in ("into", "to"):
        k -= 1  # "shooting down into"
    k -= 1
    if k >= 0 and prev[k] in PAIN_GOES:
        k -= 1
    if k >= 0 and prev[k] in PAIN_NOUNS:
        return len(prev) - k
    return 0


def _pain_goes_on(prep: Prepared, a: Area, start: int, end: int) -> bool:
    """(areas22) The part at ``start`` is joined by "and" to a part ``a`` where a pain goes
    ("central chest pressure radiating to jaw **and** L arm", "pain shooting into my buttock
    and right thigh"): the pain goes there too. A numb word between ("radiating to my jaw and
    numb left arm") or right after it ("going into his jaw and his arm's numb", "... and the
    outside of my foot is numb") keeps the part's own numbness."""
    tokens = prep.tokens
    if a.role != "pain" or a.context or not any(tokens[i] in PAIN_GOES for i in a.cue):
        return False
    k = end + 1
    while (
        k < len(tokens)
        and tokens[k].isalnum()
        and (
            tokens[k] in WEAK_GAP
            or tokens[k] in ("s", "of")
            or tokens[k] in DROP
            or tokens[k] in prep.tables.region_words
        )
    ):
        k += 1
    if k < len(tokens) and tokens[k] in NUMB_WORDS:
        return False
    gap = tokens[a.end + 1 : start]
    return (
        gap.count("and") == 1
        and all(w == "and" or w in DROP or w in SIDE_WORDS for w in gap)
        and prep.sentence[a.end] == prep.sentence[start]
    )


def _pain_reached(prep: Prepared, start: int, end: int) -> bool:
    """(weak17) The part at ``start`` is where a pain told before it in its sentence goes,
    in a clause of its own with no numb word ("hands are numb and my chest is tight and sore,
    **going into my jaw**"): pain there, not numb, as "chest pain going into my jaw" is
    (heldout10 areas). A numb word between ("my chest hurts, and my arm is numb, going into
    my hand") or in the pain's clause ("my chest is numb and sore, going into my arm") says
    the numbness is what goes there."""
    tokens, clause, sentence = prep.tokens, prep.clause, prep.sentence
    j = _adjective_at(prep, start)
    if j < 1 or tokens[j] not in ("into", "to") or tokens[j - 1] not in PAIN_GOES:
        return False
    own = clause[start]
    if any(tok in NUMB_WORDS for k, tok in enumerate(tokens) if clause[k] == own):
        return False
    for k in range(j - 2, max(-1, start - WEAK_REACH - 1), -1):
        tok = tokens[k]
        if sentence[k] != sentence[start] or tok in NUMB_WORDS:
            return False
        if tok in PAIN_TOLD:
            told = [t for m, t in enumerate(tokens) if clause[m] == clause[k]]
            return clause[k] != own and not any(t in NUMB_WORDS for t in told)
    return False


def _said_of_a_part(prep: Prepared, j: int, starts: Container[int]) -> bool:
    """(areasc) The numb word at ``j`` is an adjective of the part right after it ("my numb
    foot")."""
    k = j + 1
    while k < len(prep.tokens) and prep.tokens[k] in SIDE_WORDS:
        k += 1
    return prep.tokens[j] in NUMB_ADJECTIVES and k in starts


RED_ALONG = frozenset({"up", "along"})
"""(limb17) Words before a place a redness runs along ("a red line going up my foot"): the
redness's place, as the place it reached is; a weakness "climbing up my legs" is in them."""
REDNESS = frozenset({"red", "redness", "streak", "streaks", "cellulitis"})
REACHED = frozenset({"to", "into", "past", "towards", "toward", "from", "till", "until"})
"""(areasb) Words before a place that a spreading sign began at or reached."""


def _cant_feel(tokens: Sequence[str]) -> bool:
    """(areasb) The text says something is not felt ("I can't feel my feet", "I don't feel
    it when I wipe"): a numbness, though no numb word of ``NUMB_WORDS`` is in it."""
    return any(
        tok == "feel"
        and i > 0
        and (
            tokens[i - 1] in UNFELT
            or (i > 1 and tokens[i - 1] in HARDLY_FELT and tokens[i - 2] in UNFELT)
        )
        for i, tok in enumerate(tokens)
    )


HARDLY_FELT = frozenset({"really", "properly", "quite", "even", "fully"})
"""(areasb) A word between the denial and "feel" ("I can't really feel it")."""


UNFELT = CANT | frozenset({"dont", "didnt", "doesnt", "not", "never"})
"""(areasb) Words before "feel" that say it is not felt."""


NUMB_NOUNS = frozenset({"numbness", "tingling", "tingle", "feeling", "sensation"})
"""Numb words that name the symptom as a thing ("the numbness", "the tingling")."""


AUX = frozenset(
    {
        "has",
        "have",
        "is",
        "are",
        "was",
        "were",
        "keeps",
        "keep",
        "kept",
        "went",
        "gone",
        "got",
        "turned",
        "now",
        "just",
        "also",
        "been",
        "started",
        "starting",
        "seems",
        "seem",
        "feels",
        "feel",
        "looks",
        "look",
        "looked",
        "appears",
    }
)
"""Words between a body word and the sign that follows it ("my **ankle** keeps giving way",
"my big **toe** has turned black"): the body word is the sign's subject."""

LINKING = (
    AUX
    | {"goes", "go", "went", "gets", "get", "getting", "going", "all", "a", "bit"}
    | {"still", "now", "also", "really", "very", "quite", "so", "always", "totally", "completely"}
    | {"stays", "stayed", "remains", "remained"}  # areas19: "the skin there stays numb"
)
"""Words between a pronoun and the symptom said of it ("it goes dead", "it's gone numb",
"it's still numb there")."""


ALONG = frozenset(
    {"in", "on", "of", "at", "up", "down", "into", "to", "around", "over", "across"}
    | {"towards", "toward"}
)
"""Words after a sign that lead to the body word it is on ("on my foot", "up my leg")."""


def _along(prep: Prepared, end: int) -> int:
    """The end of a sign's words with the body word it is on or runs along ("a hole on the
    bottom of my foot", "redness creeping up my leg", "drinks come back up my nose")."""
    k, along = end, prep.tokens[end - 1] in ALONG
    while k < len(prep.tokens) and (prep.tokens[k] in DROP or prep.tokens[k] in ALONG):
        along = along or prep.tokens[k] in ALONG
        k += 1
    return k + 1 if along and k < len(prep.tokens) else end


def _sign_spans(prep: Prepared) -> tuple[list[tuple[int, int]], list[int]]:
    """Token spans of red-flag phrases that name a sign other than numbness (concepts with
    ``sign``: "foot drop", "my toes have turned black"): body words inside them are not
    numb areas; and the last word of each sign's subject, a body word just before it
    ("my big **toe** has turned black", "my **ankle** keeps giving way")."""
    t = prep.tables
    spans = []
    subjects = []
    for h in prep.flag_hits:
        assert isinstance(h.extra, tuple)
        if t.concepts[h.extra[0]].sign:
            # flagside: a rule's words are apart ("corner of my mouth + won't move"), each
            # span is the sign's, not the words between them
            rule = bool(t.rules) and h.extra[0] >= t.rules[0][0]
            for a, b in h.extra[2] if rule else ((h.start, h.extra[1]),):
                spans.append((a, _along(prep, b)))
            j = h.start
            while j > 0 and (prep.tokens[j - 1] in DROP or prep.tokens[j - 1] in AUX):
                j -= 1
            if 0 < j <= h.start and prep.tokens[j - 1] in t.region_words:
                subjects.append(j - 1)
                part = _part_on(prep, j - 1)
                if part >= 0:
                    subjects.append(
                        part
                    )  # areas18: "the little toe on my left foot has gone black"
    return spans, subjects


def _part_on(prep: Prepared, k: int) -> int:
    """(areas18) The last word of a part named right before "on" or "of" the subject ending
    at ``k`` ("the little **toe** on my left foot has gone black", "the big toe of my right
    foot is black"): the part is the sign's subject, the whole only says where it is; or -1."""
    tokens, words = prep.tokens, prep.tables.region_words
    m = k - 1
    while (
        m >= 0
        and tokens[m] not in ("on", "of")
        and (tokens[m] in words or tokens[m] in SIDE_WORDS or tokens[m] in DROP)
    ):
        m -= 1
    if m >= 1 and tokens[m] in ("on", "of") and tokens[m - 1] in words:
        return m - 1
    return -1
