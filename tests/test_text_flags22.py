"""The red-flag misses and false flags of tests/corpus/heldout21.yaml, corrected by kind as
rules (issue 16, helper flags22). The classes and rules are tested word by word by
test_text_flags6.py; the context terms, the spelling and the concept words of the blocks
"flags22" by FLAGS22_WORDS here; each rule below by sentences written for these tests, not
taken from the held-out set, each with controls where the rule must not fire."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, raised
from .vocabulary import FLAGS22_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS22_WORDS))
def test_every_flags22_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS22_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS22_WORDS}
    check_flag_block_words("flags22", listed)


# ------------------------------------------------------------------ weakness over days
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # numbness from the feet over days, and this part of today a soft seat not left
        (
            "my soles went tingly on Monday, three days on it's at my knees and this evening "
            "I couldn't get off the settee",
            {"ascending_weakness": "emergency"},
        ),
        (
            "tingling started in my toes 4 days ago and this morning "
            "I couldn't get up from the couch",
            {"ascending_weakness": "emergency"},
        ),
        # controls: the seat left without trouble; no inability at all
        (
            "tingling started in my toes 4 days ago and this morning I got up from the couch fine",
            {},
        ),
        ("my toes went numb 4 days ago and this morning I sat on the sofa", {}),
    ],
)
def test_a_seat_not_left_today_after_days(
    kb: KnowledgeBase, text: str, flags: dict[str, str]
) -> None:
    assert raised(kb, text) == flags, text


# ------------------------------------------------------------------ night pain
@pytest.mark.parametrize(
    ("text", "night"),
    [
        ("thoracic back pain, worse supine, numb L thigh", True),
        ("lumbar ache wakes pt most nights, numb R foot", True),
        ("my back ache woke me up at 3, my toes are numb", True),
        # controls: something else woke the writer; lying on the back said of no pain
        ("the baby woke me up at 3, my toes are numb", False),
        ("my cat woke me, my toes are numb", False),
        ("numb L foot, examined supine", False),
    ],
)
def test_a_pain_that_wakes_or_is_worse_lying_on_the_back(
    kb: KnowledgeBase, text: str, night: bool
) -> None:
    assert ("night_pain" in raised(kb, text)) is night, text


# ------------------------------------------------------------------ falls told by a carer
@pytest.mark.parametrize(
    ("text", "falls"),
    [
        ("my mum's feet are numb and she keeps falling", True),
        ("my dad's toes are numb and he keeps falling, it's every week", True),
        # controls: what falls is not the person, or it is sleep
        ("my hair keeps falling out and my feet are numb", False),
        ("my feet are numb and my blood pressure keeps falling", False),
        ("my gran keeps falling asleep and her feet are numb", False),
        ("my dad keeps falling behind on the bills and his feet are numb", False),
    ],
)
def test_a_carers_keeps_falling(kb: KnowledgeBase, text: str, falls: bool) -> None:
    assert ("cervical_myelopathy" in raised(kb, text)) is falls, text


# ------------------------------------------------------------------ a recovery after "but it"
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a power lost then said to have come back: the history is over
        ("my balance went after the fall but it came back fully, now my thumb is numb", {}),
        # controls: a power that went (a loss, no recovery); a numbness now with no history
        (
            "the feeling in my left foot has gone, my hand is numb",
            {},
        ),
        ("her balance has gone, her hands are numb", {"cervical_myelopathy": "urgent"}),
    ],
)
def test_a_power_that_came_back(kb: KnowledgeBase, text: str, flags: dict[str, str]) -> None:
    assert raised(kb, text) == flags, text
