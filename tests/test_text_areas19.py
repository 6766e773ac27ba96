"""areas19 of the text reader (issue 16): the area and side misses of held-out set 18 (what is
done with a part, parts said fine, weak or sore beside a numb one, blows and wounds, forum
questions that ask others, other people's parts, named toes and sides of a part, a trigeminal
division closing a symptom, a sign's part on a threatened foot, a place named again), read as
general rules after the set was released.

Each rule is tested here on sentences other than those of the corpus, with a control the rule
must leave alone. Every word of the "areas19" blocks of text.yaml has a sentence of its own
(``AREAS19_WORDS``). Labels changed by convention are listed in heldout18.yaml's header.
"""

from __future__ import annotations

import re

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, reading
from .vocabulary import AREAS19_WORDS

V2 = {"face.cheek", "face.eye", "face.mouth", "face.nose", "head.temple"}


def _plain(word: str) -> str:
    """A listed word as written in its sentence: "mine" is written "my" by the spellings."""
    return word.replace(" my", " mine") if word.startswith("like ") else word


@pytest.mark.parametrize("key", sorted(AREAS19_WORDS))
def test_every_areas19_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    """The word stands in its sentence, and the sentence gives the areas and side listed (the
    cause column is the reading's today; causes are another helper's field)."""
    text, areas, side, _ = AREAS19_WORDS[key]
    written = re.findall(r"[a-z0-9]+|\?", text.lower().replace("'", ""))
    words = [w for w in _plain(key[1]).split() if w not in ("my", "the")]
    assert all(w in written or w + "s" in written for w in words), (key, text)
    assert reading(kb, text)[:2] == (set(areas), side), kb.read(text).areas


def test_every_areas19_data_word_has_a_sentence() -> None:
    listed = {word for _, word in AREAS19_WORDS}
    blocks = {w.strip('"') for w in block_words("text.yaml", "areas19")}
    assert len(blocks) >= 90
    assert not blocks - listed, sorted(blocks - listed)


def check(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part let hang, struck, or the place of a wound: what is done to it, not numb ...
        ("my fingers tingle until I let my arm hang down", {"hand.fingers"}, "both"),
        ("my scalp went numb after I whacked my head on a beam", {"head.vertex"}, None),
        ("stab wound R thigh, numb R foot", {"foot"}, "right"),
        ("laceration L wrist, numb L thumb", {"hand.thumb"}, "left"),
        # ... a part said strong or working normally in a list of what is fine ...
        ("both legs strong, numb R big toe", {"foot.big_toe"}, "right"),
        ("my feet are numb, my hands work normally", {"foot"}, "both"),
        # ... a weakness named before its part, legs that keep giving way ...
        (
            "Ascending weakness LL over 3/7, glove and stocking paraesthesia",
            {"hand", "foot"},
            "both",
        ),
        ("my toes went numb on Friday and now my legs keep giving way", {"foot.toes"}, "both"),
        # ... a back or neck really bad or in spasm, "front and back" of a part
        ("my back is really bad and my legs are going numb", {"lower_limb"}, "both"),
        ("neck spasms and a numb left thumb", {"hand.thumb"}, "left"),
        ("my thigh is numb front and back", {"thigh"}, None),
        # controls: the part said numb in its own words stays numb
        ("my arm is numb when it hangs by my side", {"upper_limb"}, None),
        ("stab wound R thigh, and the thigh is numb around it", {"thigh"}, "right"),
        ("numbness and weakness of both legs", {"lower_limb"}, "both"),
        ("numb and weak legs", {"lower_limb"}, "both"),
        ("my ankle keeps giving way and it is numb", {"ankle"}, None),
        ("my hands are numb", {"hand"}, "both"),
        ("numb neck and back", {"neck", "back"}, None),
        ("my feet are really bad, I can't feel them", {"foot"}, "both"),
    ],
)
def test_parts_for_what_is_done_or_said_of_them(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a forum question that asks whether others share it: the writer's own
        ("the tips of my fingers are numb after climbing - anyone else?", {"hand.fingers"}, "both"),
        ("do your toes go numb in the cold like mine?", {"foot.toes"}, "both"),
        # controls: a question of its own still asks
        ("what if my toes go numb?", set(), None),
        ("do your hands go numb like my mum's?", set(), None),
        # another person's part: "my old boss", a grandchild, a neighbour's lad with "his"
        ("my old boss had numb hands, mine is only my left knee", {"knee"}, "left"),
        (
            "holding my grandson's hand is hard because my right fingers are numb",
            {"hand.fingers"},
            "right",
        ),
        (
            "the neighbour's lad has an abscess on his spine, I ask because my left thigh is numb",
            {"thigh"},
            "left",
        ),
        # controls: a carer's report stays the person's, "my numb toes" are not someone else's
        ("the neighbour's lad came off his bike and his left leg is numb", {"lower_limb"}, "left"),
        ("my numb toes are nothing like my aunt's", {"foot.toes"}, "both"),
        # a part that feels as if not one's own is numb, no denial
        ("my left foot feels like it's not mine", {"foot"}, "left"),
        # control: a denial with "not my" stays one
        ("it's not my hands, it's my feet that are numb", {"foot"}, "both"),
    ],
)
def test_questions_others_and_likenesses(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # named toes and the side of a part named by a digit "on" it
        (
            "only the two smallest toes on my right foot tingle",
            {"foot.fourth_toe", "foot.little_toe"},
            "right",
        ),
        ("my left wrist is numb on the thumb side", {"wrist"}, "left"),
        ("my right forearm tingles on the pinky side", {"forearm"}, "right"),
        # one side or half of the head is the head; "the side of my head" stays the temple
        ("half my head is numb", {"head"}, None),
        ("the side of my head is numb", {"head.temple"}, None),
        # controls: the digit named after the hand, and "the thumb side of" a part
        ("my right hand, mainly the thumb side", {"hand", "hand.thumb"}, "right"),
        ("numbness on the little finger side of my hand", {"hand"}, None),
        # a clinical handover names no hand
        ("Handover: 64M, numb R heel", {"foot.heel"}, "right"),
        ("numb hand", {"hand"}, None),
        # a trigeminal division closing a symptom is its nerve's skin
        ("new facial numbness V2 L, nil else", V2, "left"),
        ("facial numbness V2", V2, None),
        # control: a division named for no symptom ("V2 block at the dentist") names no area
        ("numb cheek, V2 block at the dentist", {"face.cheek"}, None),
    ],
)
def test_places_named(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a gangrenous part of a threatened foot is the sign's, a streak's end is the streak's
        ("diabetic, numb feet, gangrenous R big toe", {"foot"}, "both"),
        ("numb feet, cellulitis from a toe ulcer, red streak to the knee", {"foot"}, "both"),
        # controls: a streak where a numb part is said numb, a part said numb
        ("numb feet and a red streak, my ankle is numb too", {"foot", "ankle"}, "both"),
        ("diabetic with numb toes, no gangrene", {"foot.toes"}, "both"),
        # a numbness named in a part, then a droop: the part is numb, the face the sign's
        ("numbness in my lower lip since lunch and my face looks droopy", {"face.mouth"}, None),
        # control: a droop alone names no numb area
        ("my face looks droopy since lunch", set(), None),
        # a place named again after shingles, the skin there "stays" or "remains" numb
        ("since the shingles on my chest the skin there stays numb", {"chest"}, None),
        ("after shingles on my back, the area remains numb", {"back"}, None),
        # control: the skin there stays red, not numb
        ("since the shingles on my chest the skin there stays red", set(), None),
    ],
)
def test_signs_and_places_named_again(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)
