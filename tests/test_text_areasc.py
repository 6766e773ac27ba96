"""The text reader's area misses left after the areasa and areasb sweeps (issue 16, branch
areasc), read as general rules across the held-out sets.

Each rule is tested here on sentences other than those of the corpus, with a control the
rule must leave alone. Every word of the "areasc areas" blocks of text.yaml has a sentence of
its own (``AREASC_WORDS``). Labels changed by convention are listed in their files' headers.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_word_is_read, raised, reading
from .vocabulary import AREASC_WORDS


@pytest.mark.parametrize("key", sorted(AREASC_WORDS))
def test_every_areasc_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, AREASC_WORDS, key)


@pytest.mark.parametrize(("name", "at_least"), [("text.yaml", 17), ("regions.yaml", 4)])
def test_every_areasc_word_has_a_sentence(name: str, at_least: int) -> None:
    listed = {word for _, word in AREASC_WORDS}
    blocks = block_words(name, "areasc areas")
    assert len(blocks) >= at_least
    assert not blocks - listed, sorted(blocks - listed)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a part named in an ellipsis after a weakness is weak as well, not numb ...
        ("my legs are getting weaker and now my arms are going too", set()),
        ("both feet tingle, my legs are weaker every day, now the arms", {"foot"}),
        ("numb toes, the weakness went up to my knees and my hands as well", {"foot.toes"}),
        # ... but after a numbness it is numb, and a numb word of its own keeps it numb
        ("my feet are numb and now my hands are going too", {"foot", "hand"}),
        ("my legs are getting weaker and now my arms tingle too", {"upper_limb"}),
        # no ellipsis: a part that is only named after the weakness stays as read
        ("my legs are getting weaker, my hands are numb", {"hand"}),
    ],
)
def test_an_ellipsis_after_a_weakness_is_weak(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


def test_an_ellipsis_after_a_weakness_keeps_its_flag(kb: KnowledgeBase) -> None:
    # the weakness is still read: the flag of a weakness climbing over days stays
    flags = raised(kb, "my legs are getting weaker every day and now my arms are going too")
    assert flags.get("ascending_weakness") == "emergency"


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # where a blow landed, after the blow and what struck, is the injury's place ...
        ("got hit by a hockey stick on the shin and now my foot is numb", {"foot"}),
        ("was kicked by a cow on my thigh, the knee has gone numb since", {"knee"}),
        ("struck by a cricket ball on the left forearm, numb back of my hand", {"hand.dorsum"}),
        ("punched in the jaw last night and my lower lip is numb", {"face.mouth"}),
        # ... not a part said numb, nor one with no blow before it
        ("got hit by a car, numb on my knee", {"knee"}),
        ("got hit by a car and now my knee is numb", {"knee"}),
        ("was struck on my numb knee", {"knee"}),
        ("I sat on my heel and the heel is numb", {"foot.heel"}),
    ],
)
def test_where_a_blow_landed_is_not_numb(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a polite request in a letter is no hypothesis
        (
            "I would be grateful if you could see this 50M with saddle numbness since Monday",
            {"perineum"},
        ),
        # a real "if" still is one
        ("if my toes go numb I will ring", set()),
    ],
)
def test_a_letters_request_is_no_hypothesis(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a hand shaken for relief is not numb ...
        ("my ring finger goes dead and I shake my hand out", {"hand.ring_finger"}),
        # ... unless it is the only part named: then it is the numb one
        ("she shook her hand for ages to get the feeling back", {"hand"}),
        # ... a shaking hand (a tremor) said numb is
        ("my shaking hands are numb", {"hand"}),
        ("my hands shake and feel numb", {"hand"}),
    ],
)
def test_a_hand_shaken_for_relief_is_not_numb(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a double negative says nothing is felt ...
        ("from Monday I don't feel nothing in the left foot", {"foot"}),
        # ... a plain denial still denies
        ("my hands are numb, nothing in my feet", {"hand"}),
        # urine that will not come denies nothing before it
        ("I can't feel my bottom and the pee is not coming", {"buttock"}),
        # oneself not felt when wiping is the saddle area; felt fine, it is not
        ("my legs tingle and I can't feel myself when I wipe", {"lower_limb", "perineum"}),
        ("I can feel myself fine when I wipe, only my feet are numb", {"foot"}),
    ],
)
def test_the_saddle_and_double_negatives(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a redness spreading from a part said numb reaches no numb area ...
        ("the redness on my numb foot has spread up past the ankle since yesterday", {"foot"}),
        ("the redness on my numb left foot is spreading up to my knee", {"foot"}),
        # ... a numbness spreading does
        ("the numbness on my foot has spread up past the ankle", {"foot", "ankle"}),
    ],
)
def test_a_redness_from_a_numb_part_reaches_no_numb_area(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a foot numb from one of its parts to another is numb over that stretch ...
        ("both my feet are numb from the toes to the arches", {"foot.toes", "foot.sole"}, "both"),
        ("my left foot is numb from the toes to the arch", {"foot.toes", "foot.sole"}, "left"),
        # ... from one end to the other, or from outside it, it is all of it, as read
        (
            "my right foot is numb from the heel to the toes",
            {"foot", "foot.heel", "foot.toes"},
            "right",
        ),
        (
            "my left hand is numb from the wrist to the fingertips",
            {"hand", "wrist", "hand.fingers"},
            "left",
        ),
    ],
)
def test_a_stretch_within_a_hand_or_foot(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)
