"""lay17 of the text reader (issue 16): lay descriptions of places left missed in every set
(edges of the feet, "from the knees down" with no limb, "below the knee" after a whole leg,
"low down" on the back, operation sites, typos of body words), corrected as general rules.

Each rule is tested here on sentences other than those of the corpus, with a control the
rule must leave alone. Every word of the "lay17" blocks of text.yaml has a sentence of its
own (``LAY17_WORDS``). Labels changed by convention are listed in their files' headers.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_word_is_read, reading
from .vocabulary import LAY17_WORDS


@pytest.mark.parametrize("key", sorted(LAY17_WORDS))
def test_every_lay17_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, LAY17_WORDS, key)


def test_every_lay17_text_word_has_a_sentence() -> None:
    listed = {word for _, word in LAY17_WORDS}
    blocks = block_words("text.yaml", "lay17")
    assert len(blocks) >= 25
    assert not blocks - listed, sorted(blocks - listed)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # an edge named by "inside" or "outer" closing its clause after "numb on" ...
        ("my left foot is numb on the inside edge", {"foot.medial_edge"}, "left"),
        ("my right foot tingles on the outer edge", {"foot.lateral_edge"}, "right"),
        # ... set off after the body word, or "the inside" or "outside" alone
        ("my right foot, the outer edge, is numb", {"foot.lateral_edge"}, "right"),
        ("my foot is numb on the outside, since the new boots", {"foot.lateral_edge"}, None),
        # the body word right before "on the inside": that edge of it
        ("the edge of my foot on the inside, near the arch, is numb", {"foot.medial_edge"}, None),
        # controls: a part that is not said numb, and "outside" that is no part
        ("my foot is numb and my ankle is swollen on the inside", {"foot"}, None),
        ("I went outside and my left foot went numb", {"foot"}, "left"),
        ("I was on the outside edge of the track and my foot went numb", {"foot"}, None),
        # an edge with no body word before it has nothing to be an edge of
        ("numb on the inside edge", set(), None),
    ],
)
def test_an_edge_that_closes_its_clause(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a joint "from ... down" with no limb before it: the parts past it
        ("numb from the knees down", {"leg", "foot"}, "both"),
        ("tingling from the elbows down, both sides", {"forearm", "hand"}, "both"),
        ("numb from the knee up", {"thigh"}, None),
        # a non-native "is sleeping" closes the stretch as a numb word does
        ("my left leg from the knee to down is sleeping", {"leg", "foot"}, "left"),
        # controls: a stretch to another place, and a limb named before it (as before)
        ("numb from the knee down to the ankle", {"knee", "ankle"}, None),
        ("my legs are numb from the knees down", {"leg", "foot"}, "both"),
    ],
)
def test_a_joint_down_with_no_limb_before(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a whole limb, then a part of it opened by a level word: the part, with the whole's
        # plural (both) or side
        ("legs still numb below the knee", {"leg"}, "both"),
        ("My legs have numbness, both, below knee.", {"leg"}, "both"),
        ("my left leg is numb below the knee", {"leg"}, "left"),
        ("my legs are numb below the knees", {"leg"}, "both"),
        # a side word opens the part as well (a non-native "the skin is numb outside of thigh")
        ("in my leg left the skin is numb outside of thigh", {"thigh"}, "left"),
        # controls: another area between, a part of another limb, a second statement, a
        # weighing word (the whole kept) and a stretch down the whole to the part
        ("my legs are numb and my foot hurts below the knee", {"lower_limb", "leg"}, "both"),
        ("my arms are numb and tingling below the knee", {"upper_limb", "leg"}, "both"),
        (
            "my leg is numb and the outside of my foot too",
            {"lower_limb", "foot.lateral_edge"},
            None,
        ),
        ("my legs are numb, especially below the knee", {"lower_limb", "leg"}, "both"),
        (
            "tingling down my right leg to the outside of the foot",
            {"lower_limb", "foot.lateral_edge"},
            "right",
        ),
    ],
)
def test_a_whole_numb_at_a_level(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # "low down" after a numb word, on the back named last before it
        ("my back is numb low down", {"back.lumbar"}, None),
        ("my bak feels tingly low down on the left", {"back.lumbar"}, "left"),
        ("my back is numb low down, and my feet tingle", {"back.lumbar", "foot"}, "both"),
        # controls: another body word nearer, and "low down" written with "on my back"
        ("my back hurts and my leg is numb low down", {"lower_limb"}, None),
        ("numb low down on my back", {"back.lumbar"}, None),
    ],
)
def test_low_down_on_the_back(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a landmark set off by commas places the part before it, as without them
        ("the inner edge of my foot, by the arch, is numb", {"foot.medial_edge"}),
        ("the inner edge of my foot by the arch is numb", {"foot.medial_edge"}),
        # control: a comma on one side only opens another statement
        ("my heel is numb, near the arch too", {"foot.heel", "foot.sole"}),
    ],
)
def test_a_landmark_set_off_by_commas(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # "woolly" says a part is numb: a weak part beside it is weak, not numb
        (
            "my feet have gone woolly, my legs being not what they were",
            {"foot"},
            "both",
        ),
        ("my hands are woolly and my arms feel weak", {"hand"}, "both"),
        # control: a part said only weak is no numb area (weak17's convention, merged after)
        ("my legs feel weak", set(), None),
    ],
)
def test_woolly_is_a_numb_word(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # the teeth are in the mouth
        ("my teeth feel numb on the left", {"face.mouth"}),
        ("numb in the cheek and teeth", {"face.cheek", "face.mouth"}),
        # under the arm is the armpit; a part named before it is placed by it
        ("numbness under my arm since the operation", {"axilla"}),
        ("the sides of my chest under the arms feel numb", {"chest.lateral"}),
        # the web between the thumb and a finger in lay words is the back of the hand
        ("numb in the web between thumb and finger", {"hand.dorsum"}),
        ("the web between my thumb and forefinger tingles", {"hand.dorsum"}),
        # control: the thumb and a finger named without the web are the digits
        ("numb between my thumb and finger", {"hand.thumb", "hand.fingers"}),
    ],
)
def test_places_in_lay_words(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "hell" is heel only before a body or side word
        ("numb hell of my left foot", {"foot.heel"}),
        ("it's been a hell of a week and my feet are numb", {"foot"}),
        ("the hell of my life, my toes are numb", {"foot.toes"}),
    ],
)
def test_hell_for_heel(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas", "cause"),
    [
        # a spine screwed together, a part screwed, a plaster off a part: the operation's
        # site, not numb there; the operation is the cause injury
        ("since they screwed my spine together my left calf is numb", {"leg"}, "injury"),
        ("numb hand since the plaster came off my wrist", {"hand"}, "injury"),
        # controls: a part numb beside the plaster's part, and a screw of no body part
        ("my wrist is numb since the plaster came off my arm", {"wrist"}, "injury"),
        ("I screwed the lid on and my fingers went numb", {"hand.fingers"}, None),
    ],
)
def test_operation_sites_in_lay_words(
    kb: KnowledgeBase, text: str, areas: set[str], cause: str | None
) -> None:
    got = reading(kb, text)
    assert (got[0], got[2]) == (areas, cause)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a digit's side "along" a part is that part's side, not the digit ...
        ("my forearm is numb along the little finger side", {"forearm"}, None),
        ("my left forearm tingles along the thumb side", {"forearm"}, "left"),
        # ... while the digit's side set off after the hand is the digit (areasb)
        ("my right hand, mainly the pinky side", {"hand", "hand.little_finger"}, "right"),
        # a non-native "the neck behind" is the back of the neck; a neck behind a part is not
        ("is numb my neck behind since I sleep bad", {"neck.posterior"}, None),
        ("my neck behind my ear is numb", {"neck"}, None),
        # a stretch of the neck down to a place is no whole body; the neck down alone is
        ("the side of my neck down to the collarbone is numb", {"neck.lateral"}, None),
        ("numb from the neck down", {"body"}, None),
        # the idiom of clumsy hands names no digits; digits said numb are
        ("I'm all fingers and thumbs and my feet tingle", {"foot"}, "both"),
        ("my fingers and thumbs are all numb", {"hand.fingers", "hand.thumb"}, "both"),
    ],
)
def test_sides_and_postposed_parts(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "cause"),
    [
        # a muscle wasted, skin broken down, a boot's steel toe: not numb there
        ("numb hand and the muscle at the base of my thumb has shrunk", {"hand"}, None),
        ("numb feet and the skin on my heel has broken down", {"foot"}, None),
        ("the top of my foot is numb since the steel toe boots", {"foot.dorsum"}, None),
        # controls: the part itself said numb, and a toe numb in boots named apart
        ("my thumb is numb and wasted", {"hand.thumb"}, None),
        ("my big toe is numb and the skin on it has broken down", {"foot.big_toe"}, None),
        ("my toes are numb in my boots", {"foot.toes"}, None),
        # a bone broken is still an injury
        ("I broke my wrist and my thumb is numb", {"hand.thumb"}, "injury"),
    ],
)
def test_a_part_named_for_a_sign_or_a_boot(
    kb: KnowledgeBase, text: str, areas: set[str], cause: str | None
) -> None:
    got = reading(kb, text)
    assert (got[0], got[2]) == (areas, cause)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a place a spread is heading towards is not reached: no numb area
        ("numb feet and my legs are weak, it is rising towards my waist", {"foot"}),
        ("the numbness in my toes is creeping towards my knees", {"foot.toes"}),
        # control: a level reached is numb (a spread keeps where it began and how far it went)
        ("the numbness in my toes has crept up to my knees", {"foot.toes", "knee"}),
        # needles put in a part: their place, not numb; pins and needles in a part are numb
        ("she put needles in my calf and the back of my knee is numb", {"knee"}),
        ("pins and needles in my feet", {"foot"}),
    ],
)
def test_a_spread_heading_towards_a_place(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas
