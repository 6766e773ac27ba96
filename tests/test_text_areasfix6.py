"""Round 6 of the text reader, areas fix (issue 16): general rules for the misses of held-out
set 6, each tested here on other sentences: a cue after a spine word that its own numbness
follows ("my back went numb"), "the backs of both thighs" as a part of the thighs, a side
letter at the end of a clinical note ("thigh paraesthesia L"), and an injury or operation
in the groin or buttock as a cause of a numb leg or arm.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import reading


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("my back went numb", {"back"}),
        ("my neck has gone numb", {"neck"}),
        ("my lower back went dead after sitting all day", {"back.lumbar"}),
        # the cue still works when no numbness follows it
        ("my back went and now my leg is numb", {"lower_limb"}),
    ],
)
def test_a_spine_cue_followed_by_its_own_numbness(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        ("tingling down the backs of both calves", {"leg"}, "both"),
        ("numb along the backs of my left arm", {"upper_limb"}, "left"),
    ],
)
def test_the_backs_of_a_limb_are_part_of_it(
    kb: KnowledgeBase, text: str, areas: set[str], side: str
) -> None:
    got = reading(kb, text)
    assert (got[0], got[1]) == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        ("lateral thigh paraesthesia R", {"thigh"}, "right"),
        ("numbness of the thenar eminence, L", {"hand.palm"}, "left"),
        ("dorsum of foot numbness R", {"foot.dorsum"}, "right"),
    ],
)
def test_a_side_letter_ending_a_clinical_note(
    kb: KnowledgeBase, text: str, areas: set[str], side: str
) -> None:
    got = reading(kb, text)
    assert (got[0], got[1]) == (areas, side)


def test_a_lone_r_ending_a_sentence_with_a_verb_is_no_side(kb: KnowledgeBase) -> None:
    # "my hands r" is "my hands are": not a side
    assert reading(kb, "numb hands, so are my feet")[1] == "both"


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("numb outer thigh since my groin operation", {"thigh"}),
        ("I fell on my bum and now my calf is numb", {"leg"}),
    ],
)
def test_an_injury_on_the_way_of_a_limbs_nerves_is_its_cause(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    got = reading(kb, text)
    assert (got[0], got[2]) == (areas, "injury")


def test_an_injury_elsewhere_is_still_dropped(kb: KnowledgeBase) -> None:
    # a hand is not served by the groin: the operation there is not its cause
    assert reading(kb, "numb hand since my groin operation")[2] is None


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("sensory loss over the occiput", {"head.occiput"}),
        ("a numb patch behind my ear", {"head.ear"}),
        ("tingling under my chin", {"face.mouth"}),
    ],
)
def test_a_place_word_after_the_symptom_places_it(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


def test_a_place_word_of_a_posture_is_still_a_trigger(kb: KnowledgeBase) -> None:
    # no symptom word before "over": the arm over the head is a posture
    assert reading(kb, "I sleep with my arm over my head and my fingers go numb")[0] == {
        "hand.fingers"
    }


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("numb patch on my thigh just above the knee", {"thigh"}),
        ("the skin on my ribs under my arm is numb", {"chest.lateral"}),
        # with no numb area before it, the landmark word opens a numb area of its own
        ("numb just below my knee", {"leg"}),
    ],
)
def test_an_area_after_a_landmark_word_places_the_numb_one(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


def test_the_ulnar_nerve_at_the_elbow_is_cubital_tunnel_but_its_territory_is_no_cause(
    kb: KnowledgeBase,
) -> None:
    assert reading(kb, "the ulnar nerve at my elbow is sore and my little finger is numb")[2] == (
        "cubital_tunnel"
    )
    assert reading(kb, "numb in the territory of the ulnar nerve, right hand")[2] is None


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        ("little finger tingly, r hand", {"hand.little_finger"}, "right"),
        ("big toe numb, left foot", {"foot.big_toe"}, "left"),
    ],
)
def test_a_limb_after_a_symptom_and_a_comma_only_gives_the_side(
    kb: KnowledgeBase, text: str, areas: set[str], side: str
) -> None:
    got = reading(kb, text)
    assert (got[0], got[1]) == (areas, side)


def test_an_area_called_numb_inside_a_signs_words_is_numb(kb: KnowledgeBase) -> None:
    text = "a blister on my numb heel has gone black"
    assert reading(kb, text)[0] == {"foot.heel"}
    # and the warning sign is still raised
    assert kb.read(text).flags
