"""The red-flag misses, false flags and cause misses of tests/corpus/heldout21.yaml left by
round 22, corrected by kind as rules (issue 16, helper flags23). The classes and rules are
tested word by word by test_text_flags6.py; the context terms and concept words of the
blocks "flags23" by FLAGS23_WORDS (flags) and FLAGS23_CAUSE_WORDS (causes) here; each rule
below by sentences written for these tests, not taken from the held-out set, each with
controls where the rule must not fire. One label of heldout21 was changed by a convention
(HIV stated is infection), listed in its header."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, check_word_is_read, raised, reading
from .vocabulary import FLAGS23_CAUSE_WORDS, FLAGS23_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS23_WORDS))
def test_every_flags23_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS23_WORDS[key])


@pytest.mark.parametrize("key", sorted(FLAGS23_CAUSE_WORDS))
def test_every_flags23_cause_word_is_read_as_listed(
    kb: KnowledgeBase, key: tuple[str, str]
) -> None:
    check_word_is_read(kb, FLAGS23_CAUSE_WORDS, key)


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS23_WORDS} | {k[1] for k in FLAGS23_CAUSE_WORDS}
    check_flag_block_words("flags23", listed)


def cause(kb: KnowledgeBase, text: str) -> str | None:
    return reading(kb, text)[2]


# ------------------------------------------------------------------ a numbness climbing
@pytest.mark.parametrize(
    ("text", "climbs"),
    [
        ("the tingling in my shins has got up to my thighs", True),
        ("it started in my toes and the pins and needles have gotten up to my waist", True),
        ("the numbness is getting up to my knees now", True),
        ("my feet went numb and it's got right up to my hips", True),
        # controls: getting up to do something; a redness that got up to a level; got up
        # with no level after it
        ("I got up to go to the loo and my thighs were numb", False),
        ("the redness on my numb foot has got up to my knee", False),
        ("my toes are numb when I've got up in the morning", False),
    ],
)
def test_a_numbness_that_has_got_up_to_a_level(kb: KnowledgeBase, text: str, climbs: bool) -> None:
    assert ("ascending_weakness" in raised(kb, text)) is climbs, text


# ------------------------------------------------------------------ a side in a spell
@pytest.mark.parametrize(
    ("text", "stroke"),
    [
        ("one whole side of me went numb for a few minutes this morning", True),
        ("is it bad if one whole side goes numb for a few minutes? it happened to me today", True),
        # controls: one whole limb; a whole side that has crept over months
        ("one whole arm went numb for a few minutes this morning", False),
        ("the whole of one side has been numb for months, bit by bit", False),
    ],
)
def test_one_whole_side_in_a_sudden_spell(kb: KnowledgeBase, text: str, stroke: bool) -> None:
    assert ("stroke" in raised(kb, text)) is stroke, text


# ------------------------------------------------------------------ another's part
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # "not me:" then another's part: the denial ends at the writer
        (
            "my dad's the one who's numb, not me: the whole of his right side for a month",
            {"one_sided_numbness": "urgent"},
        ),
        # control: the denial of the part itself
        ("my dad is numb, not the whole of his right side though", {}),
    ],
)
def test_not_me_before_anothers_part(kb: KnowledgeBase, text: str, flags: dict[str, str]) -> None:
    assert raised(kb, text) == flags, text


@pytest.mark.parametrize(
    ("text", "injury"),
    [
        # an injury done to "her"/"his" part of someone else: theirs, in a sentence about the
        # writer's own numbness
        ("Gran broke her wrist last week and my left thumb has been numb for months", False),
        ("Dad broke his leg at work, anyway my right heel has been numb for ages", False),
        # controls: the writer's own part; a carer writing for the one hurt; an injury to no
        # part of anyone else
        ("I broke my wrist last week and my left thumb has been numb since", True),
        ("my son broke his wrist on Saturday and now his fingers are numb", True),
        ("I cut myself on glass and my right heel has been numb since", True),
    ],
)
def test_an_injury_to_anothers_part(kb: KnowledgeBase, text: str, injury: bool) -> None:
    assert ("after_injury" in raised(kb, text)) is injury, text
    assert (cause(kb, text) == "injury") is injury, text


# ------------------------------------------------------------------ a question then denied
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("should I be worried if my speech went slurred? not happening, my thumb is numb", {}),
        # control: the same question with the writer's own answer that it is so
        (
            "should I be worried if my speech went slurred? it is happening, my thumb is numb",
            {"stroke": "emergency"},
        ),
    ],
)
def test_a_question_of_a_sign_said_not_to_be_so(
    kb: KnowledgeBase, text: str, flags: dict[str, str]
) -> None:
    assert raised(kb, text) == flags, text


# ------------------------------------------------------------------ causes
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nothing done at the place of treatment: no procedure
        ("my lip went numb on Friday, nothing done at the dentist", None),
        ("my lip went numb on Friday after the dentist", "injury"),
        # a forum question of others with the writer's condition: the condition is theirs
        ("anyone else with type 1 get tingly feet? mine are worse at night", "diabetic"),
        ("does my sister with type 1 get tingly feet?", None),
        # a doubt of the place to post is no unknown cause; a doubt of the reason still is
        ("not sure this is the right place, my left foot is numb", None),
        ("not sure why but my left foot is numb", "idiopathic"),
        # a face that "is fall down" is a droop; a fall down the stairs is a fall
        ("my husband face is fall down on one side and his arm is numb", None),
        ("I had a fall down the stairs and my arm is numb", "injury"),
    ],
)
def test_causes_read_by_kind(kb: KnowledgeBase, text: str, expected: str | None) -> None:
    assert cause(kb, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cause of long ago, then a numbness that came on by itself
        (
            "I fell off my bike as a kid, nothing since, and my thumb went numb this spring on "
            "its own",
            None,
        ),
        (
            "I fell off a horse at school, nothing since. The numbness in my foot came by itself",
            None,
        ),
        # controls: no history said of the cause; the numbness dated from it
        ("I fell off my bike last week and my thumb went numb on its own", "injury"),
        ("I fell off my bike as a kid and my thumb has been numb ever since", "injury"),
        # a note's history ("Hx"), then a sentence opened by "New" that names a numbness
        ("Hx bowel ca 2018, chemo. New numb patch on the L shin.", None),
        # controls: no "Hx"; the "New" sentence names no numbness
        ("Bowel ca 2023, on chemo. New numb patch on the L shin.", "chemotherapy"),
        ("Hx bowel ca 2018, chemo. New GP. Numb feet.", "chemotherapy"),
    ],
)
def test_a_history_before_a_new_numbness(
    kb: KnowledgeBase, text: str, expected: str | None
) -> None:
    assert cause(kb, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "my grip was weak after I broke my arm in 2012 but it came back fully. Now my "
            "left forearm is numb",
            None,
        ),
        (
            "my hand went weak after I broke my wrist in 2015 but it came back completely. "
            "Now my wrist is numb",
            None,
        ),
        # control: the injury with no recovery said of it
        ("my grip was weak after I broke my arm in 2012. Now my left forearm is numb", "injury"),
    ],
)
def test_a_loss_after_an_injury_that_came_back(
    kb: KnowledgeBase, text: str, expected: str | None
) -> None:
    assert cause(kb, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nerve named, then "mine" said pressed at a place: that nerve's tunnel there
        (
            "ulnar nerve pain. Mine is trapped at the elbow too, my ring finger is numb",
            "cubital_tunnel",
        ),
        ("the median nerve thread, mine was squashed at the wrist, thumb numb", "carpal_tunnel"),
        # controls: no place after it; no nerve named before; something else trapped
        ("my nerve tests were fine. Mine is trapped in the snow, my toes are numb", None),
        ("Mine is trapped at the elbow, my ring finger is numb", None),
        ("my nerve tests were fine. The car is trapped at the back of the garage, toes numb", None),
    ],
)
def test_mine_said_pressed_after_a_nerve(
    kb: KnowledgeBase, text: str, expected: str | None
) -> None:
    assert cause(kb, text) == expected, text
