"""The red-flag misses, false flags and cause misses of tests/corpus/heldout22.yaml left by
round 23, corrected by kind as rules (issue 16, helper flags24). The classes and rules are
tested word by word by test_text_flags6.py; the context terms and concept words of the
blocks "flags24" by FLAGS24_WORDS (flags) and FLAGS24_CAUSE_WORDS (causes) here; each rule
below by sentences written for these tests, not taken from the held-out set, each with
controls where the rule must not fire."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import (
    check_cause_block_words,
    check_flag_block_words,
    check_flag_term,
    check_word_is_read,
    raised,
    reading,
)
from .vocabulary import FLAGS24_CAUSE_WORDS, FLAGS24_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS24_WORDS))
def test_every_flags24_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS24_WORDS[key])


@pytest.mark.parametrize("key", sorted(FLAGS24_CAUSE_WORDS))
def test_every_flags24_cause_word_is_read_as_listed(
    kb: KnowledgeBase, key: tuple[str, str]
) -> None:
    check_word_is_read(kb, FLAGS24_CAUSE_WORDS, key)


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the text.yaml blocks is a term listed here or a word of a flag class (those
    are listed in FLAG_CLASSES and tested by test_text_flags6.py); every word of the
    causes.yaml block is a cause synonym with a sentence here."""
    listed = {k[1] for k in FLAGS24_WORDS} | {k[1] for k in FLAGS24_CAUSE_WORDS if k[0] != "cause"}
    check_flag_block_words("flags24", listed)
    check_cause_block_words(FLAGS24_CAUSE_WORDS, "flags24", 12)


# ------------------------------------------------------------------ a numbness climbing
@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        # started in the feet days ago, at a level now
        ("the pins and needles began in my toes two days ago and are at my knees now", "urgent"),
        ("it started in my feet on Monday and it's in my thighs now", "urgent"),
        # with the legs weak: the emergency
        (
            "my toes went numb on Tuesday, it's up at my thighs now and my legs feel weak",
            "emergency",
        ),
        ("feet tingly first, its at my hips now n my legs r weak", "emergency"),
        # from the feet to halfway up a part over days
        ("the tingling has spread from my toes to halfway up my shins over three days", "urgent"),
        ("numbness from my feet to half way up my thighs since Wednesday", "urgent"),
        # controls: over years; no level said "now"; no time of days; no numbness
        ("it started in my feet years ago and it's at my knees now", None),
        ("it started in my feet two days ago and my knees are fine", None),
        ("numb from my toes to halfway up my shins for ten years", None),
        ("the rash went from my ankles to halfway up my calves since Friday", None),
    ],
)
def test_a_numbness_at_a_level_now(kb: KnowledgeBase, text: str, urgency: str | None) -> None:
    assert raised(kb, text).get("ascending_weakness") == urgency, text


# ------------------------------------------------------------------ one side
@pytest.mark.parametrize(
    ("text", "one_sided"),
    [
        ("my arm and leg on the right have gone numb", True),
        ("leg and arm on my left feel dead", True),
        # controls: no side after them; a side of another part, far from them
        ("my arm and leg are numb", False),
        ("my arm and leg are numb, and there is a bruise on my hip on the left", False),
    ],
)
def test_an_arm_and_a_leg_on_a_side(kb: KnowledgeBase, text: str, one_sided: bool) -> None:
    assert ("one_sided_numbness" in raised(kb, text)) is one_sided, text


# ------------------------------------------------------------------ the heart
@pytest.mark.parametrize(
    ("text", "heart"),
    [
        ("sore chest, numb right arm and I'm all clammy", True),
        ("my chest is aching and the arm is numb, feeling sick", True),
        # controls: no sweating or sickness; no pain; the arm not named
        ("numb arm and a sore chest after the gym", False),
        ("sweaty chest and a numb arm in this heat", False),
        ("sore chest and numb fingers, I feel sick", False),
    ],
)
def test_chest_pain_a_numb_arm_and_unwell(kb: KnowledgeBase, text: str, heart: bool) -> None:
    assert ("heart_attack" in raised(kb, text)) is heart, text


# ------------------------------------------------------------------ a question answered
@pytest.mark.parametrize(
    ("text", "flag", "stated"),
    [
        # the writer says they have what the question asks about
        (
            "has anyone had a numb face that was just stress? because that's what I've got now",
            "facial_numbness",
            True,
        ),
        ("anyone had numb toes and then trouble peeing? that's what I have", "cauda_equina", True),
        # controls: a worry, not a having; no answer at all
        ("is a numb face a stroke? that's what I'm worried about", "facial_numbness", False),
        ("could a numb face be just stress? I'm asking for my sister", "facial_numbness", False),
    ],
)
def test_a_question_the_writer_answers_as_their_own(
    kb: KnowledgeBase, text: str, flag: str, stated: bool
) -> None:
    assert (flag in raised(kb, text)) is stated, text


# ------------------------------------------------------------------ an impact
@pytest.mark.parametrize(
    ("text", "injury"),
    [
        ("I cracked my knee on the coffee table and my shin has gone numb", True),
        ("cracked my head on the kitchen door, numb patch on my scalp", True),
        # controls: skin that is cracked; a cracked thing with no blow
        ("my heels are cracked and my feet are numb", False),
        ("my lips are cracked and numb", False),
        ("the bathroom floor is cracked and my toes are numb", False),
    ],
)
def test_a_part_cracked_on_a_thing(kb: KnowledgeBase, text: str, injury: bool) -> None:
    assert ("after_injury" in raised(kb, text)) is injury, text


# ------------------------------------------------------------------ a cheek of the bum
@pytest.mark.parametrize(
    ("text", "face"),
    [
        ("my right cheek is numb", True),
        ("numb cheek under my left eye", True),
        ("the cheek is numb since the dentist", True),
        # controls: a bum's or a bottom's cheek
        ("my right bum cheek is numb after the long drive", False),
        ("my left bum cheek is numb when I sit", False),
    ],
)
def test_a_cheek_is_the_face_unless_a_bum_is_named(
    kb: KnowledgeBase, text: str, face: bool
) -> None:
    assert ("facial_numbness" in raised(kb, text)) is face, text


# ------------------------------------------------------------------ a ball that caught one
@pytest.mark.parametrize(
    ("text", "injury"),
    [
        ("a football caught me on the shin yesterday and it's numb", True),
        ("the golf ball caught my left eye and my cheek is numb", True),
        # controls: a bus or a cold caught; a ball with no blow
        ("I caught the bus and my toes went numb", False),
        ("I caught a cold last week and my fingertips are numb", False),
        ("I play football and my toes go numb in my boots", False),
    ],
)
def test_a_ball_that_caught_one(kb: KnowledgeBase, text: str, injury: bool) -> None:
    assert ("after_injury" in raised(kb, text)) is injury, text


# ------------------------------------------------------------------ a claudication
@pytest.mark.parametrize(
    ("text", "face"),
    [
        # a jaw's claudication is its pain on chewing, no numb face
        ("numb left temple with jaw claudication", False),
        ("Age 80, R temple numbness, jaw claudication on eating", False),
        # controls: a numb jaw said so
        ("numb jaw and chin since the dentist", True),
        ("R jaw numb since this morning", True),
    ],
)
def test_a_jaw_claudication_is_no_numb_face(kb: KnowledgeBase, text: str, face: bool) -> None:
    assert ("facial_numbness" in raised(kb, text)) is face, text


def test_a_claudication_is_a_pain_there(kb: KnowledgeBase) -> None:
    assert reading(kb, "calf claudication and numb toes")[0] == {"foot.toes"}
    assert reading(kb, "numb calf and toes")[0] == {"leg", "foot.toes"}


def test_an_arm_and_a_leg_on_a_side_lain_on_are_no_one_side(kb: KnowledgeBase) -> None:
    assert "one_sided_numbness" not in raised(kb, "lying on my left side my arm and leg go numb")
    assert "one_sided_numbness" in raised(kb, "my leg and arm on the left have gone dead")
