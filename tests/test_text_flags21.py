"""The red-flag misses, false flags and cause misses of tests/corpus/heldout20.yaml, corrected
by kind as rules (issue 16, helper flags21). The classes and rules are tested word by word by
test_text_flags6.py; the context terms, role words and concept words of the blocks "flags21"
by FLAGS21_WORDS here, the cause cues and spellings by FLAGS21_CAUSE_WORDS; each rule below by
sentences written for these tests, not taken from the held-out set, each with controls where
the rule must not fire."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, check_word_is_read, raised, reading
from .vocabulary import FLAGS21_CAUSE_WORDS, FLAGS21_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS21_WORDS))
def test_every_flags21_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS21_WORDS[key])


@pytest.mark.parametrize("key", sorted(FLAGS21_CAUSE_WORDS))
def test_every_flags21_cause_word_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, FLAGS21_CAUSE_WORDS, key)


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS21_WORDS} | {k[1] for k in FLAGS21_CAUSE_WORDS}
    check_flag_block_words("flags21", listed)


# ------------------------------------------------------------------ a foot wound not felt
@pytest.mark.parametrize(
    ("text", "wound"),
    [
        # a wound on a numb foot, said not to have been felt, the foot named before it
        ("my left heel is numb and there's a blister on it I never felt", True),
        ("the sole of my foot is numb and there's a splinter in it I can't feel", True),
        # controls: a wound not felt on a hand; a foot that did not feel the cold; a wound
        # of another part after a comma
        ("my hands are numb and there's a blister on my finger I never felt", False),
        ("my fingers are numb and there's a cut on my thumb I can't feel", False),
        ("my big toe is numb and I never felt the cold", False),
        ("my feet are numb, I have a graze on my elbow I never felt", False),
    ],
)
def test_a_foot_wound_not_felt(kb: KnowledgeBase, text: str, wound: bool) -> None:
    assert ("foot_wound" in raised(kb, text)) is wound, text


# ------------------------------------------------------------------ night pain
@pytest.mark.parametrize(
    ("text", "night"),
    [
        # a pain waking the patient in a note, past a "now"
        ("numb shin, back ache now waking her", True),
        ("R calf numb, lumbar pain now waking him most nights", True),
        ("numb shin, back ache now worse when walking", False),
        # a burning that wakes is a pain that wakes; a burning at night alone is none
        ("numb toes, they burn until it wakes me", True),
        ("burning soles at night, numb toes", False),
        ("numb toes, they burn until lunch", False),
    ],
)
def test_night_pain_in_other_words(kb: KnowledgeBase, text: str, night: bool) -> None:
    assert ("night_pain" in raised(kb, text)) is night, text


# ------------------------------------------------------------------ myelopathy told by a carer
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # things dropped with a walk "unsteadily": the myelopathy alone
        (
            "my husband has been walking unsteadily and dropping his keys, his hands are numb",
            {"cervical_myelopathy": "urgent"},
        ),
        ("dropping things, hands numb", {"progressive_weakness": "urgent"}),
    ],
)
def test_dropping_with_an_unsteady_walk(
    kb: KnowledgeBase, text: str, flags: dict[str, str]
) -> None:
    assert raised(kb, text) == flags, text


# ------------------------------------------------------------------ past, denied, others'
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a habit said with "I used to" is past; being used to something is not
        ("I used to drop my cup a lot, my toes are numb", {}),
        ("I'm used to dropping things, my fingers are numb", {"progressive_weakness": "urgent"}),
        # nothing between the legs numb; between the legs numb
        ("numb calf, nothing between my legs is numb", {}),
        ("numb calf, between my legs is numb", {"cauda_equina": "emergency"}),
        # a boot's tongue; the tongue
        ("the tongue of my trainer rubs and my foot is numb", {}),
        ("the tip of my tongue is numb", {"facial_numbness": "urgent"}),
    ],
)
def test_past_denied_and_not_the_face(kb: KnowledgeBase, text: str, flags: dict[str, str]) -> None:
    assert raised(kb, text) == flags, text


def test_a_grandparent_s_numbness_is_theirs_but_the_writer_s_stays(kb: KnowledgeBase) -> None:
    assert raised(kb, "Grandad fell down the stairs; my left knee is numb") == {}
    assert reading(kb, "Grandad fell down the stairs; my left knee is numb") == (
        {"knee"},
        "left",
        None,
    )
    # "says" ends the grandparent's scope: the feet are the writer's
    assert reading(kb, "Grandma says my feet look swollen and they are numb")[0] == {"foot"}


# ------------------------------------------------------------------ no cause known, after denials
@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a comma before a pseudo-trigger ("no idea", "not sure") opens a statement of the
        # writer's own: the denial before it stops there
        ("didn't fall, no idea why my ankle is numb", ({"ankle"}, None, "idiopathic")),
        ("no injury, not sure why my knee is numb", ({"knee"}, None, "idiopathic")),
        # controls: a denied list goes on over its commas; a denial still denies its cause
        ("denies fever, weight loss, numb toes", ({"foot.toes"}, "both", None)),
        ("didn't fall, my ankle is numb", ({"ankle"}, None, None)),
    ],
)
def test_a_cause_not_known_after_denials(
    kb: KnowledgeBase, text: str, read: tuple[set[str], str | None, str | None]
) -> None:
    assert reading(kb, text) == read, text
    assert raised(kb, text) == {}, text
