"""The red-flag misses and false flags of tests/corpus/heldout15.yaml, corrected as rules
(issue 16). The classes and rules are tested word by word by test_text_flags6.py, the
context terms, concepts and dictionary word of the blocks "heldout15 flags" by
FLAGS15_WORDS here; each rule below by sentences written for these tests, not taken from
the held-out set, each with a control that reads otherwise."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, fired, raised
from .vocabulary import FLAGS15_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS15_WORDS))
def test_every_flags15_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS15_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS15_WORDS}
    check_flag_block_words("heldout15 flags", listed)


# ------------------------------------------------------------------ one side of the body
def test_a_side_of_the_whole_body(kb: KnowledgeBase) -> None:
    text = "the right side of my whole body went numb a few minutes ago"
    assert raised(kb, text) == {"stroke": "emergency", "one_sided_numbness": "urgent"}, text
    slow = "the right side of my whole body has been numb for a month"
    assert raised(kb, slow) == {"one_sided_numbness": "urgent"}, slow
    part = "the right side of my hand went numb a few minutes ago"
    assert "one_sided_numbness" not in raised(kb, part), part


def test_a_side_from_the_shoulder_to_the_foot(kb: KnowledgeBase) -> None:
    text = "my right side from shoulder to foot feels numb now and then"
    assert raised(kb, text) == {"one_sided_numbness": "urgent"}, text
    part = "my right foot feels numb now and then"
    assert raised(kb, part) == {}, part


def test_a_side_with_its_limbs_in_turn(kb: KnowledgeBase) -> None:
    text = "tingling has spread down my right side, leg then arm, over a month"
    assert raised(kb, text) == {"one_sided_numbness": "urgent"}, text
    assert "side_limbs_in_turn" in fired(kb, text)
    no_side = "tingling in my fingers, leg then arm, over a month"
    assert "side_limbs_in_turn" not in fired(kb, no_side), no_side


# ------------------------------------------------------------------ temperature told apart
def test_hot_told_from_cold_is_no_fever_and_no_side(kb: KnowledgeBase) -> None:
    text = "my left foot cannot tell hot from cold water in the bath"
    assert raised(kb, text) == {}, text
    fever = "I'm hot and shaking, my left foot is numb"
    assert raised(kb, fever) == {"systemic_illness": "urgent"}, fever
    sides = "in the shower the water is hot on my left leg and cold on my right, numb toes"
    assert "one_sided_numbness" in raised(kb, sides), sides


# ------------------------------------------------------------------ ascending weakness
def test_a_numbness_rising_over_days(kb: KnowledgeBase) -> None:
    text = "the tingling in my feet has been rising for two days"
    assert raised(kb, text) == {"ascending_weakness": "urgent"}, text
    assert "numbness_rising_over_days" in fired(kb, text)
    fever = "my temperature has been rising over two days and my feet tingle"
    assert "ascending_weakness" not in raised(kb, fever), fever
    slow = "the tingling in my feet has been rising for two years"
    assert raised(kb, slow) == {}, slow


def test_legs_spreading_while_breathless(kb: KnowledgeBase) -> None:
    text = "I get out of breath on the stairs and the tingling in my legs keeps spreading"
    assert raised(kb, text) == {"breathing": "emergency", "ascending_weakness": "urgent"}
    red = "I get out of breath on the stairs and the redness on my numb leg keeps spreading"
    assert "ascending_weakness" not in raised(kb, red), red
    calm = "the tingling in my legs keeps spreading"
    assert "ascending_weakness" not in raised(kb, calm), calm


def test_feet_numb_before_and_the_legs_failing_today(kb: KnowledgeBase) -> None:
    text = "on Sunday my feet went numb and today I'm struggling to get out of bed"
    assert raised(kb, text) == {"ascending_weakness": "emergency"}, text
    slow = "my feet have been numb for years and today I'm struggling to get out of bed"
    assert raised(kb, slow) == {}, slow
