"""Heldout12 of the text reader (issue 16): areas, side and cause as a twelfth mixed inbox
puts them, corrected as general rules after the set was released.

Each rule is tested here on sentences other than those of the corpus, with a control the
rule must leave alone: "that" or "this" before a body word names the part spoken of ("the
top of that foot"); "the backs" after limbs are the backs of those limbs, not the back; a
side of the body or a segment of a limb numb from one end to the other is numb along it (its
ends set off by commas, or the joints that bound the segment); a time after "from the ankles
down" says when; a likeness does not reach over "since", nor is "like that" one; a chest
crushed or tight said otherwise, pain "of" a part, a limb that drifts, a part spared or held
steady, a foot tripped over and a breast named for a cancer are not numb; operations said by
what was taken out or repaired are the cause injury. Every word of the "heldout12 areas"
blocks of text.yaml and causes.yaml has a sentence of its own (``AREA12_WORDS``). Labels of
heldout12.yaml changed by convention are listed in its header.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_cause_block_words, check_word_is_read, reading
from .vocabulary import AREA12_WORDS


@pytest.mark.parametrize("key", sorted(AREA12_WORDS))
def test_every_heldout12_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, AREA12_WORDS, key)


def test_every_heldout12_text_word_has_a_sentence() -> None:
    listed = {word for _, word in AREA12_WORDS}
    blocks = block_words("text.yaml", "heldout12 areas")
    assert len(blocks) >= 60
    assert not blocks - listed, sorted(blocks - listed)


def test_every_heldout12_cause_word_has_a_sentence() -> None:
    check_cause_block_words(AREA12_WORDS, "heldout12 areas", 25)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "that" or "this" before a body word: the part spoken of ...
        ("my right leg gives way and the top of that foot is numb", {"foot.dorsum"}),
        (
            "only my little toe and the outer edge of that foot",
            {"foot.little_toe", "foot.lateral_edge"},
        ),
        (
            "numbness of the 4th and 5th digits of that hand",
            {"hand.ring_finger", "hand.little_finger"},
        ),
        # ... but not "that" before other words
        ("my foot is numb so that I trip", {"foot"}),
    ],
)
def test_that_before_a_body_word_is_the(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "the backs" after limbs: the backs of those limbs ...
        ("both legs are going numb down the backs", {"lower_limb"}),
        ("my thighs tingle down the backs", {"thigh"}),
        # ... not "the backs of" a part, nor a back named alone
        ("numb down the backs of my thighs", {"thigh"}),
        ("my back is numb and my legs tingle", {"back", "lower_limb"}),
    ],
)
def test_the_backs_are_of_the_limbs_before(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a side of the body with its ends set off by commas: numb along it ...
        ("numb all down my left side, from my shoulder to my foot, for a week", {"body"}),
        # a segment of a limb from one end joint to the other: numb along it ...
        ("my forearm is numb from the elbow to the wrist", {"forearm"}),
        ("my thigh is numb from the hip to the knee", {"thigh"}),
        ("my shin tingles from the knee to the ankle", {"leg"}),
        # ... but a stretch that stops short keeps its ends, and a whole limb to the wrist too
        ("my forearm is numb from the elbow to the hand", {"forearm", "elbow", "hand"}),
        ("my arm is numb from the shoulder to the wrist", {"upper_limb", "shoulder", "wrist"}),
    ],
)
def test_a_stretch_between_its_ends(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a time after "from the ankles down" says when, not where ...
        ("my feet have been numb from the ankles down the whole time", {"foot"}),
        ("my legs are numb from the knees down for months", {"leg", "foot"}),
        # ... while a place after it is still read
        ("my feet are numb from the ankles down and my hands tingle", {"foot", "hand"}),
    ],
)
def test_a_time_after_a_stretch(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # a likeness up to eight words before the cause ...
        ("my cheek has felt like I've just come back from the dentist", None),
        # ... but not over "since", nor "like that"
        ("I feel like ants are walking on my right arm since I fell down the stairs", "injury"),
        ("I can't feel my big toe, it's been like that since I dropped a tin on it", "injury"),
        # a dentist who says or finds something is a person, a dental procedure is a cause
        ("my jaw is numb and my dentist says my teeth are fine", None),
        ("my jaw is numb since the dentist took a tooth out", "injury"),
        # a heart bypass the numbness is dated from, not one in a history
        ("since my heart bypass there's a numb strip down my chest", "injury"),
        ("I had a heart bypass in 2018. The back of my head has felt numb", None),
        # what was taken out or repaired
        ("my armpit is numb since they took the lymph nodes out", "injury"),
        ("my groin has been numb since my hernia was repaired", "injury"),
        # a lump "removed" stays no cause, as the earlier sets pin it
        ("numb back, I had a lump removed from my breast that was cancerous", None),
    ],
)
def test_causes_of_heldout12(kb: KnowledgeBase, text: str, cause: str | None) -> None:
    assert reading(kb, text)[2] == cause


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "buzzing" says a part is numb: a part that aches beside it is pain ...
        ("my back aches so much, and both my feet are buzzing", {"foot"}),
        ("my lower back aches, my hands are fizzy", {"hand"}),
        # a clinical "paraesthesiae" too: a weak leg beside it is weak ...
        ("distal paraesthesiae feet, proximal leg weakness ascending", {"foot"}),
        # ... while an ache alone is the place of the description
        ("my back aches all the time", {"back"}),
    ],
)
def test_buzzing_and_paraesthesiae_are_numb_words(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "reading_"),
    [
        # a neck or back someone thinks the trouble is: where the cause sits ...
        ("my physio thinks it's my neck, my left thumb tingles", ({"hand.thumb"}, "cervical_root")),
        # ... not a back someone says hurts, nor one I think is numb
        ("he says his back is agony and his legs are going numb", ({"lower_limb"}, None)),
        ("I think my back is numb", ({"back"}, None)),
        # a stocking loss reaching a level is the feet up to it; glove and stocking is still
        # the hands and the feet
        ("stocking sensory loss to mid-calf", ({"foot", "leg"}, None)),
        ("glove and stocking sensory loss", ({"hand", "foot"}, None)),
        # the back of the arm is the upper arm; the back of the hand is still the hand's
        ("the back of my left arm is numb", ({"upper_arm"}, None)),
        ("the back of my left hand is numb", ({"hand.dorsum"}, None)),
    ],
)
def test_sites_and_stretches_of_heldout12(
    kb: KnowledgeBase, text: str, reading_: tuple[set[str], str | None]
) -> None:
    areas, _, cause = reading(kb, text)
    assert (areas, cause) == reading_


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "the scar" names the place of the operation again, when nothing else is numb ...
        (
            "the lump they cut out of my back was benign, but the skin around the scar is numb",
            {"back"},
        ),
        ("after my knee replacement the scar is numb", {"knee"}),
        # ... not when another part is said to be numb
        ("after my knee replacement the scar is itchy and my toes are numb", {"foot.toes"}),
        ("numb fingers after a knee replacement", {"hand.fingers"}),
    ],
)
def test_the_scar_is_the_operations_place(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "the tingling" before another area says where it is: a weak part before it stays weak
        ("my legs are getting weaker and the tingling is now in my calves", {"leg"}),
        ("my arms have been getting weaker and the numbness is now in my hands", {"hand"}),
        # ... while "the numbness" with no other area is of the part before it
        ("my leg hurts and the numbness is bad", {"lower_limb"}),
    ],
)
def test_the_tingling_placed_elsewhere(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas
