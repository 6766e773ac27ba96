"""The red-flag misses, false flags and flags on negated or other people's sentences of
tests/corpus/heldout18.yaml, corrected by kind as rules (issue 16, helper flags19). The
classes and rules are tested word by word by test_text_flags6.py, the context terms,
spellings and concept words of the blocks "flags19" by FLAGS19_WORDS here; each rule below
by sentences written for these tests, not taken from the held-out set, each with controls
where the rule must not fire."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, fired, raised
from .vocabulary import FLAGS19_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS19_WORDS))
def test_every_flags19_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS19_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS19_WORDS}
    check_flag_block_words("flags19", listed)


# ------------------------------------------------------------------ what is not felt
@pytest.mark.parametrize(
    ("text", "myelopathy"),
    [
        # a thing not felt with numb fingers: a sensation, no task failed
        ("I can't feel the coins in my purse, my fingertips are numb", False),
        ("I cannot feel the zip on my coat with my numb fingers", False),
        ("can't feel the small buttons on my phone, thumb is numb", False),
        # controls: a task that cannot be done
        ("I can't pick up coins and my fingertips are numb", True),
        ("I can't do the buttons on my coat, my fingers are numb", True),
        ("the zips on my coat I cannot manage, my fingers are numb", True),
        # a sensation lost and a task failed, each said
        ("I can't feel my fingers and I can't do up buttons", True),
    ],
)
def test_a_thing_not_felt_is_no_fiddly_task_failed(
    kb: KnowledgeBase, text: str, myelopathy: bool
) -> None:
    assert ("cervical_myelopathy" in raised(kb, text)) is myelopathy, text


# ------------------------------------------------------------------ no blow
@pytest.mark.parametrize(
    ("text", "injury"),
    [
        # a tumble that did no harm (flags14's convention), read by the impact rule
        ("tumbled on the ice last week but didn't hurt myself, my toes are numb", False),
        ("came off the trampoline, no harm done, my feet have been numb for years", False),
        ("a tumble on the kerb, wasn't hurt, and my fingers are numb", False),
        # controls: a tumble with nothing said of harm
        ("tumbled on the ice last week and my toes are numb", True),
        ("came off the trampoline and my feet are numb", True),
        ("a tumble on the kerb and my fingers are numb", True),
    ],
)
def test_a_tumble_that_did_no_harm_is_no_injury(kb: KnowledgeBase, text: str, injury: bool) -> None:
    assert ("after_injury" in raised(kb, text)) is injury, text


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # walking into door frames with things dropped: the unsteady walk, no blow
        (
            "my dad keeps dropping his cup and bumping into door frames, his hands are numb",
            {"cervical_myelopathy"},
        ),
        (
            "I keep dropping my keys and bumping into the table, my fingers are numb",
            {"cervical_myelopathy"},
        ),
        # controls: things dropped alone, and a thing dropped on a part
        ("my dad keeps dropping his cup, his hands are numb", {"progressive_weakness"}),
        ("I dropped a brick on my foot and my toes are numb", {"after_injury"}),
    ],
)
def test_walking_into_door_frames_is_the_unsteady_walk(
    kb: KnowledgeBase, text: str, flags: set[str]
) -> None:
    assert set(raised(kb, text)) == flags, text


# ------------------------------------------------------------------ ascent to a level
@pytest.mark.parametrize(
    ("text", "ascends"),
    [
        ("numbness in both feet rising to the knees over 5 days", True),
        ("the tingling has been creeping to my knees over four days", True),
        ("pins and needles spreading to my thighs over the last few days", True),
        # controls: over months or years, a pain, a redness
        ("numbness in both feet rising to the knees over 5 years", False),
        ("my pain moved to my knees over a few days, numb toes", False),
        ("the redness spread to my knees over two days and my feet are numb", False),
    ],
)
def test_a_numbness_rising_to_a_level_over_days_ascends(
    kb: KnowledgeBase, text: str, ascends: bool
) -> None:
    assert ("ascending_weakness" in raised(kb, text)) is ascends, text


# ------------------------------------------------------------------ weight in figures
@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("weight 64kg from 72kg since June, numb R foot", True),
        ("wt 80 -> 71 kg, numb feet", True),
        ("weighed 70kg in May, now 62kg, my hands tingle", True),
        ("my weight went from 90 to 80 kg and my feet are numb", True),
        # controls: a weight that rose, that barely moved, figures of something else
        ("weight 72kg from 64kg since June, numb R foot", False),
        ("weight 70kg from 71kg, numb R foot", False),
        ("weight 80kg, BP 130 from 140, numb R foot", False),
        ("weight 70kg, numb foot for 61 days", False),
    ],
)
def test_a_weight_fallen_in_figures_is_a_weight_loss(
    kb: KnowledgeBase, text: str, lost: bool
) -> None:
    assert ("systemic_illness" in raised(kb, text)) is lost, text
    assert ("weight_figures_falling" in fired(kb, text)) is lost, text


# ------------------------------------------------------------------ a stroke's onset
@pytest.mark.parametrize(
    ("text", "stroke"),
    [
        # an arm and a leg found numb or failing after a night's sleep
        ("my wife woke up and her left arm and left leg won't work, they feel numb", True),
        ("88M, new R arm and leg numbness this am, was fine at bedtime", True),
        ("gran woke up and can't lift her left arm, her hand feels numb", True),
        # controls: no onset said
        ("my left arm and left leg have been numb for months", False),
        ("I can't lift my left arm since my shoulder op, my hand is numb", False),
    ],
)
def test_an_arm_and_leg_found_numb_on_waking_is_a_stroke(
    kb: KnowledgeBase, text: str, stroke: bool
) -> None:
    assert ("stroke" in raised(kb, text)) is stroke, text


# ------------------------------------------------------------------ other people, the past
@pytest.mark.parametrize(
    "text",
    [
        "the neighbour's son injects and had a fever and a spine abscess, my back is numb",
        "a fever and a cough in the autumn, all cleared, and now my toes are numb",
    ],
)
def test_a_neighbour_s_or_a_cleared_fever_raises_nothing(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text) == {}, text
