"""The red-flag misses and false flags of tests/corpus/heldout11.yaml, corrected as rules
(issue 16). The classes and rules are tested word by word by test_text_flags6.py, the
concepts by test_vocabulary.py, the context terms and the concept words of the blocks
"heldout11 flags" by FLAGS11_WORDS here; each rule below by sentences written for these
tests, not taken from the held-out set, each with a control that reads otherwise."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, fired, raised
from .vocabulary import FLAGS11_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS11_WORDS))
def test_every_flags11_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS11_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS11_WORDS}
    check_flag_block_words("heldout11 flags", listed)


# ------------------------------------------------------------------ the chest squeezed
@pytest.mark.parametrize(
    "text",
    [
        "a crushing feeling in my chest and my left hand is numb",
        "heavy pressure behind my breastbone, both arms tingling",
        "it feels like my chest is being squeezed and my arm is numb",
        "my chest is really tight and my left arm has gone numb",
        "he keeps clutching his chest and his arm is numb",
        "a gripping pain across the sternum with a numb left arm",
    ],
)
def test_a_squeezed_chest_is_a_heart_attack(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text).get("heart_attack") == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        # a numb band round the chest is a dermatome, not a squeeze
        "numb band round my chest since shingles",
        # the parts in two sentences, or too far apart
        "my arm is numb. tight. my chest is fine",
        "a tight strap on my rucksack makes my arm numb, my hands and my chest",
        # denied or someone else's
        "no chest tightness, numb left hand",
        "my dad has a crushing feeling in his chest and I have numb toes",
    ],
)
def test_no_squeezed_chest_no_heart_attack(kb: KnowledgeBase, text: str) -> None:
    assert "heart_attack" not in raised(kb, text), text


# ------------------------------------------------------------------ one side, one part
def test_the_side_of_a_limb_named_by_a_part_is_not_one_side_of_the_body(
    kb: KnowledgeBase,
) -> None:
    part = "the whole little finger side of my forearm is numb"
    assert "one_sided_numbness" not in raised(kb, part)
    assert "one_sided_numbness" in raised(kb, "the whole left side of my body is numb")


def test_hemibody_is_half_the_body(kb: KnowledgeBase) -> None:
    assert raised(kb, "R hemibody numbness for 2/52") == {"one_sided_numbness": "urgent"}
    assert "one_sided_numbness" not in raised(kb, "R hand numbness for 2/52")


# ------------------------------------------------------------------ struck, and shunts
def test_a_ball_that_struck_is_an_injury(kb: KnowledgeBase) -> None:
    struck = "a cricket ball hit me on the shin and it has been numb since"
    assert "after_injury" in raised(kb, struck)
    assert "after_injury" not in raised(kb, "I bowl a cricket ball all day and my fingers are numb")


def test_a_surgical_shunt_is_no_collision(kb: KnowledgeBase) -> None:
    surgical = "numb patch behind my ear since the surgeon fitted my shunt"
    crash = "numb patch behind my ear since I got shunted at the lights"
    assert "collision_had" not in fired(kb, surgical)
    assert "collision_had" in fired(kb, crash)


# ------------------------------------------------------------------ saddle, bladder, night
def test_between_the_legs_unfelt_with_no_pee_is_cauda_equina(kb: KnowledgeBase) -> None:
    text = "since this morning I can't feel between my legs and the wee is not coming out"
    assert raised(kb, text).get("cauda_equina") == "emergency", text
    # (a bare "between my legs" is a phrase of the concept saddle_numbness of its own)
    assert "cauda_equina" in raised(kb, "I don't feel nothing between the legs")
    assert "cauda_equina" not in raised(kb, "I don't feel nothing in the left toe")
    assert "cauda_equina" in raised(kb, "numb left toe and the pee is not coming")
    assert "cauda_equina" not in raised(kb, "numb left toe and the pee is coming fine")


def test_the_small_hours_are_night(kb: KnowledgeBase) -> None:
    night = "my back ache is at its worst at 3 in the morning, numb shin"
    day = "my back ache is at its worst at 3 in the afternoon, numb shin"
    assert "night_pain" in raised(kb, night)
    assert "night_pain" not in raised(kb, day)


# ------------------------------------------------------------------ weakness, the foot
def test_tripping_over_ones_feet_is_weakness(kb: KnowledgeBase) -> None:
    climbing = "the tingling has crept up to my knees since Monday and I keep tripping"
    assert raised(kb, climbing).get("ascending_weakness") == "emergency", climbing
    calm = "the tingling has crept up to my knees since Monday"
    assert raised(kb, calm).get("ascending_weakness") == "urgent", calm


def test_rising_on_tiptoe_failing_is_progressive_weakness(kb: KnowledgeBase) -> None:
    assert "progressive_weakness" in raised(kb, "numb shin and I can't stand on tiptoe any more")
    assert "progressive_weakness" not in raised(kb, "numb shin when I stand on tiptoe")


def test_a_cool_pale_forefoot_is_a_foot_emergency(kb: KnowledgeBase) -> None:
    text = "numb feet, the left forefoot is cool and pale"
    assert raised(kb, text).get("foot_wound") == "emergency", text
    assert "foot_wound" not in raised(kb, "numb feet, the left forefoot is warm and pink")


def test_a_redness_on_the_foot_that_spreads_is_no_climbing_weakness(kb: KnowledgeBase) -> None:
    text = "the redness on my heel has spread up past my ankle since yesterday, numb toes"
    assert raised(kb, text).get("foot_wound") == "emergency", text
    assert "ascending_weakness" not in raised(kb, text), text
    still = "the redness on my heel is the same as yesterday, numb toes"
    assert "foot_wound" not in raised(kb, still), still


# ------------------------------------------------------------------ a grade dated after it
@pytest.mark.parametrize("date", ["last month", "last year", "last week"])
def test_a_grade_dated_after_it_is_the_earlier_one(kb: KnowledgeBase, date: str) -> None:
    """The date after the earlier grade ("(4/5 last month)") is a history of that grade
    only; the present grade before it still counts."""
    fallen = f"EHL power now 3/5 (4/5 {date}), numb dorsum of foot"
    assert "progressive_weakness" in raised(kb, fallen), fallen
    risen = f"EHL power now 4/5 (3/5 {date}), numb dorsum of foot"
    assert "progressive_weakness" not in raised(kb, risen), risen
    other = f"numb dorsum of foot. my dad's EHL power is 3/5 (4/5 {date})"
    assert "progressive_weakness" not in raised(kb, other), other


def test_not_getting_up_from_the_toilet_is_no_incontinence(kb: KnowledgeBase) -> None:
    weak = "numb feet and this morning I couldn't get off the toilet"
    assert "cauda_equina" not in raised(kb, weak), weak
    missed = "numb feet and this morning I couldn't get to the toilet in time"
    assert raised(kb, missed).get("cauda_equina") == "emergency", missed


# ------------------------------------------------------------------ after a bug, from the feet
@pytest.mark.parametrize(
    "text",
    [
        "had food poisoning last week, now my feet are numb and my legs keep buckling",
        "since the flu my feet have gone numb and my legs feel weak",
    ],
)
def test_numb_feet_and_weak_legs_after_an_infection_are_an_emergency(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text) == {"ascending_weakness": "emergency"}, text


def test_no_infection_or_a_slow_course_is_no_emergency(kb: KnowledgeBase) -> None:
    plain = "my feet are numb and my legs keep buckling"
    assert raised(kb, plain).get("ascending_weakness") != "emergency", plain
    slow = "since the flu years ago my feet have been numb and my legs weak"
    assert "ascending_weakness" not in raised(kb, slow), slow


def test_a_whole_body_that_began_in_the_feet_days_ago_is_ascending(kb: KnowledgeBase) -> None:
    text = "I tingle all over now, it started in my toes on Monday"
    assert raised(kb, text).get("ascending_weakness") == "urgent", text
    slow = "I tingle all over now, it started in my toes months ago"
    assert "ascending_weakness" not in raised(kb, slow), slow
    hands = "I tingle all over now, it started in my hands on Monday"
    assert "ascending_weakness" not in raised(kb, hands), hands


def test_a_numbness_bounded_by_the_midline_is_one_sided(kb: KnowledgeBase) -> None:
    text = "numb on the left, it stops at a line down the middle of me"
    assert raised(kb, text) == {"one_sided_numbness": "urgent"}, text
    # a part's middle, or a hand with it ("half of my hand"), is no side of the body
    assert "one_sided_numbness" not in raised(kb, "a numb strip down the middle of my back")
    assert "one_sided_numbness" not in raised(kb, "numb hand and a line down the middle of me")
