"""limb17 of the text reader (issue 16): the limb-threat and saddle shapes (a diabetic foot's
wound, a sciatica in both legs, the saddle area in lay words), corrected as general rules
after the held-out sets were released.

Each rule is tested here on sentences other than those of the corpus, with a control the
rule must leave alone. Every word of the "limb17 areas" blocks of the data has a sentence of
its own (``LIMB17_WORDS``). Labels changed by convention are listed in their files' headers.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_word_is_read, reading
from .vocabulary import LIMB17_WORDS


@pytest.mark.parametrize("key", sorted(LIMB17_WORDS))
def test_every_limb17_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, LIMB17_WORDS, key)


def test_every_limb17_data_word_has_a_sentence() -> None:
    listed = {word for _, word in LIMB17_WORDS}
    blocks = block_words("regions.yaml", "limb17 areas") | block_words("text.yaml", "limb17 areas")
    assert len(blocks) >= 3
    assert not blocks - listed, sorted(blocks - listed)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a leg a sciatica runs down, beside a part said numb: the sciatica's pain
        ("the sciatica is going down both my legs, and my heels are numb", {"foot.heel"}, "both"),
        ("both legs have sciatica this week and my privates feel numb", {"perineum"}, "both"),
        ("sciatica going down my right leg, numb little toe", {"foot.little_toe"}, "right"),
        # controls: a leg said numb in its own clause stays numb ...
        ("numb legs and sciatica down both legs", {"lower_limb"}, "both"),
        (
            "my sciatica is back and both legs are numb and my feet too",
            {"lower_limb", "foot"},
            "both",
        ),
        # ... as does the leg of a sciatica with nothing else said numb
        (
            "sciatica down my left leg to the outside of my foot",
            {"lower_limb", "foot.lateral_edge"},
            "left",
        ),
        ("sciatica in both legs and I can't pee", {"lower_limb"}, "both"),
        # ... and a leg a numbness was left in, not one the sciatica runs down
        ("the sciatica leaves the front of my thigh and my knee numb", {"thigh", "knee"}, None),
    ],
)
def test_a_leg_a_sciatica_runs_down_is_its_pain_beside_a_numb_part(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a sciatica named with its side, nothing numb: the leg of that side
        ("sciatica on the right side, bladder and bowels fine", {"lower_limb"}, "right"),
        ("bilateral sciatica and I can't pass urine", {"lower_limb"}, "both"),
        ("not the left, it's the right one with the sciatica", {"lower_limb"}, "right"),
    ],
)
def test_a_sciatica_with_its_side_and_nothing_numb_is_the_leg(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    "text",
    [
        "I have sciatica",  # no side: no place of its own
        "the sciatica has left me alone, right now I'm fine",  # "left" and "right" not sides
        "had sciatica on the left years ago",  # a past sciatica
        "my mum has sciatica on the left",  # someone else's
        "no sciatica on the left",  # denied
    ],
)
def test_a_sciatica_with_no_side_or_not_the_writers_names_no_leg(
    kb: KnowledgeBase, text: str
) -> None:
    assert reading(kb, text)[0] == set()


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a wound's place inside a numb part that holds it: the whole is the numb area
        ("insensate feet, a plantar ulcer under the 2nd metatarsal head", {"foot"}, "both"),
        ("diabetic with numb feet and an ulcer on the ball of the foot", {"foot"}, "both"),
        ("neuropathic foot, ulcer under the 5th metatarsal head", {"foot"}, None),
        # a part word before a wound placed on another part describes the wound
        ("plantar ulcer on the left heel, loss of protective sensation", {"foot.heel"}, "left"),
        # a wound's place with a loss of sensation and no part said numb: the place
        ("ulcer under the 1st MTPJ, loss of protective sensation", {"foot.sole"}, None),
        # controls: a part said numb beside a wound elsewhere keeps both ...
        ("an ulcer on my shin and my toes are numb", {"foot.toes"}, "both"),
        # ... and with no numbness said, a sore names no numb area
        ("there is a sore on my heel", set(), None),
    ],
)
def test_a_wound_on_a_numb_part_is_the_wounds_place(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a toilet seat not felt is the saddle area that sits on it
        ("I can't feel the toilet seat any more and my feet tingle", {"perineum", "foot"}, "both"),
        (
            "numb thighs, couldn't feel the seat when I sat on the loo",
            {"thigh", "perineum"},
            "both",
        ),
        # control: a seat felt is no saddle area
        ("I can feel the toilet seat fine, numb toes", {"foot.toes"}, "both"),
    ],
)
def test_a_toilet_seat_not_felt_is_the_saddle_area(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    "text",
    [
        # a seat only named, or not felt away from the toilet, is no saddle area
        "numb toes, the loo seat is cold",
        "I couldn't feel the seat of the car through my jeans",
        "numb thighs and I can't feel the bike seat",
        "numb left hand, denies can't feel the toilet seat",  # the loss denied
    ],
)
def test_a_seat_felt_or_only_named_is_no_saddle_area(kb: KnowledgeBase, text: str) -> None:
    assert "perineum" not in reading(kb, text)[0]


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # "the back" closing the clause of a numb limb after "down": the limb's back
        ("both my legs are numb down the back", {"lower_limb"}, "both"),
        ("my left arm tingles up the back", {"upper_limb"}, "left"),
        # controls: the back of the trunk with no limb, or a part of the back named after it
        ("tingling down the back", {"back"}, None),
        ("my legs are numb down the back of the calves", {"lower_limb", "leg"}, "both"),
    ],
)
def test_a_limb_numb_down_the_back_is_the_limbs_back(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part of a threatened foot said black, dusky, purple, pale or cold is the sign's
        ("diabetic, numb feet, L big toe now purple and cold", {"foot"}, "both"),
        ("my heel has turned black and my toes are numb", {"foot.toes"}, "both"),
        ("numb toes and a dusky cold 3rd toe", {"foot.toes"}, "both"),
        # "it" not felt after the sign: the part named last before it
        ("her heel has gone black and she can't feel it", {"foot.heel"}, None),
        ("my big toe is dusky and my foot is cold, I don't feel it", {"foot"}, None),
        # a numbness said of no part: the whole foot named, not its coloured toe
        ("T1DM with neuropathy, R foot cold and pale, 2nd toe dusky", {"foot"}, "right"),
        # controls: said numb after the sign, or where it is named, it stays numb ...
        ("my left foot is cold and grey, and numb", {"foot"}, "left"),
        ("my numb cold toes have gone purple", {"foot.toes"}, "both"),
        # ... and with no threatened foot, a cold part is as before
        ("my feet feel cold and numb at night", {"foot"}, "both"),
    ],
)
def test_a_coloured_or_cold_part_of_a_threatened_foot_is_the_signs(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    "text",
    [
        # nothing said numb or unfelt: the signs name no numb part
        "my big toe has turned black and the foot is cold to touch",
        "his toes have gone dark purple and his foot is icy",
        "my leg keeps giving way",
    ],
)
def test_signs_with_nothing_said_numb_name_no_area(kb: KnowledgeBase, text: str) -> None:
    assert reading(kb, text)[0] == set()


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a redness running up a part is the redness's place; "it" numb is the part before it
        ("my toe went black and there's a red streak going up my foot, it's numb", {"foot.toes"}),
        # where a redness reached from a cut is the sign's; "can't feel it" is the cut's part
        (
            "the redness from the blister on my heel has spread to my calf and I can't feel it",
            {"foot.heel"},
        ),
        # controls: a weakness climbing up a part is in it; a part said numb stays numb
        ("weakness climbing up my legs and numb feet", {"lower_limb", "foot"}),
        ("red streaks going up my shin and my foot is numb", {"foot"}),
    ],
)
def test_a_redness_running_up_a_part_is_the_signs_place(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # muscle wasting said of a part: weak there, beside a part said numb
        ("numb palms and the muscles between my fingers look hollow", {"hand.palm"}, "both"),
        ("numb shin and the calf muscle is wasting", {"leg"}, None),
        # a foot that drops, its toes scraping the floor: weak there
        ("numb foot and my toes scrape the ground when I walk", {"foot"}, None),
        # control: a part said numb in its own clause stays numb
        ("my fingers look hollow and numb", {"hand.fingers"}, "both"),
    ],
)
def test_a_wasted_part_or_a_dropped_foots_toes_are_weak(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # the floor not felt through a foot: the sole, of that foot's side
        ("I can't feel the floor through my left foot", {"foot.sole"}, "left"),
        ("cant feel the ground properly thru my right foot", {"foot.sole"}, "right"),
        # control: a foot that went through something is no sole
        ("my foot went through the floor and now my shin is numb", {"foot", "leg"}, None),
    ],
)
def test_the_floor_not_felt_through_a_foot_is_its_sole(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # "mine are" stands for the plural of the part named for someone else
        ("my friend's toe is fine, mine are numb", {"foot.toes"}, "both"),
        ("my wife's finger is fine but mine are numb", {"hand.fingers"}, "both"),
        # control: "mine is" stays the one part, with no side
        ("my husband's hand is fine, mine is just a bit numb", {"hand"}, None),
    ],
)
def test_mine_are_is_the_plural_of_the_part(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        # a segment's finding after a comma is a statement of its own: no denial runs into
        # it, and it reads as it does alone
        (
            "denies saddle anaesthesia, denies bladder disturbance, L S1 paraesthesia",
            "L S1 paraesthesia",
        ),
        ("no saddle numbness, sphincters intact, S1 numbness L foot", "S1 numbness L foot"),
        ("denies saddle anaesthesia, right C6 tingling", "right C6 tingling"),
    ],
)
def test_a_segments_finding_after_a_comma_ends_a_denial(
    kb: KnowledgeBase, text: str, alone: str
) -> None:
    got = reading(kb, text)[:2]
    assert got[0] and got == reading(kb, alone)[:2]


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # controls: a list of denied items goes on over its commas, and a denied segment
        # finding stays denied
        (
            "denies saddle anaesthesia, sphincter disturbance, weight loss; numb L calf",
            {"leg"},
            "left",
        ),
        ("no L5 numbness, numb R thumb", {"hand.thumb"}, "right"),
    ],
)
def test_a_denied_list_or_segment_stays_denied(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)
