"""The red-flag misses and false flags of tests/corpus/heldout16.yaml, corrected as rules
(issue 16). The classes and rules are tested word by word by test_text_flags6.py, the
context terms, spellings and concept words of the blocks "heldout16 flags" by
FLAGS16_WORDS here; each rule below by sentences written for these tests, not taken from
the held-out set, each with a control that reads otherwise."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase
from acupoints.text.compiled import normalise_spans

from .textread import check_flag_block_words, check_flag_term, fired, raised
from .vocabulary import FLAGS16_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS16_WORDS))
def test_every_flags16_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS16_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS16_WORDS}
    check_flag_block_words("heldout16 flags", listed)


# ------------------------------------------------------------------ a form's fields
def test_a_slash_between_spaces_ends_a_forms_field() -> None:
    tokens, spans = normalise_spans("Fever: no / Numb: R foot, L4/5, b/l")
    assert tokens == ["fever", "no", ",", "numb", "r", "foot", ",", "l4", "5", ",", "b", "l"]
    assert spans[2] == (10, 11)  # the slash, where it was written


def test_a_denied_field_of_a_form_denies_only_itself(kb: KnowledgeBase) -> None:
    text = "Weight loss: no / Chest pain: no / Numb area: R foot"
    assert raised(kb, text) == {}, text
    said = "Weight loss: no / Chest pain: yes / Numb area: R foot"
    assert raised(kb, said) == {"heart_attack": "emergency"}, said
    comma = "Weight loss: no, chest pain: yes, numb R foot"
    assert raised(kb, comma) == {"heart_attack": "emergency"}, comma
    denied = "Weight loss: no, no chest pain, numb R foot"
    assert raised(kb, denied) == {}, denied
    # someone named right before a comma still owns what follows
    theirs = "my feet are numb but nothing like my uncle's, he had a black toe from diabetes"
    assert raised(kb, theirs) == {}, theirs
    listed = "numb hands / feet"
    assert {a.id for a in kb.read(listed).areas if a.role == "numb"} == {"hand", "foot"}


# ------------------------------------------------------------------ one side, arm and leg
def test_the_arm_and_the_leg_of_one_side_each_with_its_side(kb: KnowledgeBase) -> None:
    text = "tingling in my right arm, and my right leg is numb as well, for a month"
    assert raised(kb, text) == {"one_sided_numbness": "urgent"}, text
    assert "right_arm_and_right_leg" in fired(kb, text)
    sides = "tingling in my right arm, and my left leg is numb as well, for a month"
    assert raised(kb, sides) == {}, sides
    part = "tingling in my right hand, and my right leg is numb as well, for a month"
    assert raised(kb, part) == {}, part  # a part and a limb are no whole side


def test_a_sudden_arm_and_leg_of_one_side_is_a_stroke_as_well(kb: KnowledgeBase) -> None:
    text = "out of nowhere my L arm and then my L leg went numb"
    assert raised(kb, text) == {"stroke": "emergency", "one_sided_numbness": "urgent"}, text
    assert "sudden_left_arm_and_left_leg" in fired(kb, text)
    slow = "over a month my L arm and then my L leg went numb"
    assert raised(kb, slow) == {"one_sided_numbness": "urgent"}, slow


def test_a_side_of_all_the_body(kb: KnowledgeBase) -> None:
    text = "I have numb the left side all my body since one week"
    assert raised(kb, text) == {"one_sided_numbness": "urgent"}, text
    part = "I have numb the left side of my neck since one week"
    assert raised(kb, part) == {}, part


# ------------------------------------------------------------------ whose finding it is
def test_a_clause_with_no_subject_goes_on_from_the_writers_own(kb: KnowledgeBase) -> None:
    text = "my neighbour's toe has turned black, mine look fine, just numb"
    assert raised(kb, text) == {}, text
    theirs = "my neighbour's toe has turned black, just numb"
    assert raised(kb, theirs) == {"foot_wound": "emergency"}, theirs  # a report of theirs


def test_a_person_of_the_person_a_carer_writes_for_is_someone_else(kb: KnowledgeBase) -> None:
    text = "my daughter's friend fell off a horse; my daughter's knee is numb from kneeling"
    assert raised(kb, text) == {}, text
    own = "my daughter fell off a horse; my daughter's knee is numb"
    assert raised(kb, own) == {"after_injury": "urgent"}, own
    little = "my little girl fell off a horse; her knee is numb"
    assert raised(kb, little) == {"after_injury": "urgent"}, little  # "little" is no person


# ------------------------------------------------------------------ a screening
def test_a_screening_looks_for_what_it_names(kb: KnowledgeBase) -> None:
    text = "bowel cancer screening all clear, numb upper arm"
    assert raised(kb, text) == {}, text
    found = "cancer found on routine screening last year, numb upper arm"
    assert raised(kb, found) == {"cancer_history": "soon"}, found  # a cancer it found


def test_falls_told_of_someone_else_with_numb_feet_are_an_unsteady_walk(kb: KnowledgeBase) -> None:
    """(the lead) "keeps falling over" is "I keep falling over" told by a carer: the unsteady
    walk of `cervical_myelopathy`, as the writer's own falls are; a thing that "keeps falling
    out" is no fall."""
    mum = "my mum (84) can't feel her feet and keeps falling over"
    assert raised(kb, mum) == {"cervical_myelopathy": "urgent"}, mum
    dad = "my dad has numb feet and keeps having falls"
    assert raised(kb, dad) == {"cervical_myelopathy": "urgent"}, dad
    hair = "numb feet and my hair keeps falling out"
    assert raised(kb, hair) == {}, hair
