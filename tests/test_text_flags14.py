"""The red-flag misses and false flags of tests/corpus/heldout14.yaml, corrected as rules
(issue 16). The classes and rules are tested word by word by test_text_flags6.py, the
context terms and spellings of the blocks "heldout14 flags" by FLAGS14_WORDS here; each
rule below by sentences written for these tests, not taken from the held-out set, each
with a control that reads otherwise."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, fired, raised
from .vocabulary import FLAGS14_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS14_WORDS))
def test_every_flags14_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS14_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS14_WORDS}
    check_flag_block_words("heldout14 flags", listed)


# ------------------------------------------------------------------ ascending weakness
def test_started_in_the_feet_and_now_at_a_level(kb: KnowledgeBase) -> None:
    text = "the tingling started in my toes on Tuesday and is now at my thighs"
    assert raised(kb, text) == {"ascending_weakness": "urgent"}, text
    assert "started_in_the_feet_now_at_a_level" in fired(kb, text)
    slow = "the tingling started in my toes years ago and is now at my thighs"
    assert raised(kb, slow) == {}, slow


def test_from_the_feet_to_a_level_over_days(kb: KnowledgeBase) -> None:
    text = "the numbness went from my feet to my hips in two days"
    assert raised(kb, text) == {"ascending_weakness": "urgent"}, text
    weak = text + " and my legs are weak"
    assert raised(kb, weak) == {"ascending_weakness": "emergency"}, weak
    slow = "the numbness went from my feet to my hips over two years"
    assert raised(kb, slow) == {}, slow


def test_a_weakness_compared_with_last_week_is_no_climb(kb: KnowledgeBase) -> None:
    text = "my foot is numb and the weakness is worse than last week, now I can't stand on my heel"
    assert raised(kb, text) == {"progressive_weakness": "urgent"}, text
    came = "my foot is numb and the weakness came last week, now I can't stand on my heel"
    assert raised(kb, came) == {"ascending_weakness": "emergency"}, came


def test_a_spreading_numbness_of_the_seat_is_the_saddle(kb: KnowledgeBase) -> None:
    text = "since Monday the numbness in my buttocks is spreading"
    assert raised(kb, text) == {"cauda_equina": "emergency"}, text  # not ascending weakness
    assert "seat_numbness_spreading" in fired(kb, text)
    sofa = "numb buttocks when I get up from the sofa"
    assert raised(kb, sofa) == {}, sofa


def test_a_redness_on_the_foot_that_spread(kb: KnowledgeBase) -> None:
    text = "the redness on my numb foot has spread up to my ankle since yesterday"
    assert raised(kb, text) == {"foot_wound": "emergency"}, text
    numb = "my foot is numb and the tingling has spread up to my knee since yesterday"
    assert raised(kb, numb) == {"ascending_weakness": "urgent"}, numb


# ------------------------------------------------------------------ the other rules
def test_a_walk_that_cannot_keep_straight(kb: KnowledgeBase) -> None:
    text = "my hands are numb and I can't walk straight"
    assert raised(kb, text) == {"cervical_myelopathy": "urgent"}, text
    assert raised(kb, "my hands are numb and I can't walk far") == {}
    assert raised(kb, "my back is numb and I can't stand up straight") == {}


def test_a_blow_taken_to_a_part(kb: KnowledgeBase) -> None:
    text = "took a kick to the shin at football and it's been numb since"
    assert raised(kb, text) == {"after_injury": "urgent"}, text
    boots = "took my boots off and my shin is numb"
    assert raised(kb, boots) == {}, boots


def test_degrees_are_a_fever_unless_an_angle(kb: KnowledgeBase) -> None:
    text = "numb feet, I've been at 39 degrees all night"
    assert raised(kb, text) == {"systemic_illness": "urgent"}, text
    slr = "SLR positive at 40 degrees, numb L foot"
    assert raised(kb, slr) == {}, slr
    # in a person open to infection the same figure is a possible spinal infection as well
    text = "on prednisolone, numb L foot, 39 degrees last night"
    assert raised(kb, text) == {"systemic_illness": "urgent", "spinal_infection": "urgent"}
    slr = "on prednisolone, numb L foot, SLR positive at 40 degrees"
    assert raised(kb, slr) == {}, slr


# ------------------------------------------------------------------ a cause that explains
def test_a_chemotherapy_neuropathy_explains_dropped_keys_and_buttons(kb: KnowledgeBase) -> None:
    keys = "since my chemo my fingertips are numb and I keep dropping my keys"
    assert raised(kb, keys) == {"cancer_history": "soon"}, keys
    alone = "my fingertips are numb and I keep dropping my keys"
    assert raised(kb, alone) == {"progressive_weakness": "urgent"}, alone
    buttons = "since my chemo my fingertips are numb and I cant do up my buttons"
    assert raised(kb, buttons) == {"cancer_history": "soon"}, buttons
    alone = "my fingertips are numb and I cant do up my buttons"
    assert raised(kb, alone) == {"cervical_myelopathy": "urgent"}, alone
    # a zip is a button's task (heldout12: "on the 3rd round of chemo ... cant do zips")
    zips = "on my 2nd cycle of chemo and my fingers tingle, I cant do zips"
    assert raised(kb, zips) == {"cancer_history": "soon"}, zips
    alone = "my fingers tingle and I cant do zips"
    assert raised(kb, alone) == {"cervical_myelopathy": "urgent"}, alone
    # someone else's chemotherapy explains nothing
    mum = "my mum had chemo, my fingertips are numb and I cant do up my buttons"
    assert raised(kb, mum) == {"cervical_myelopathy": "urgent"}, mum
    # a weakness read from other words stays
    grip = "since chemo my grip is getting weaker and my fingertips are numb"
    assert raised(kb, grip) == {"progressive_weakness": "urgent", "cancer_history": "soon"}
