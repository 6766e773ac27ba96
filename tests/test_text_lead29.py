"""The lead's fixes of 2026-12-06 (second session), found by reading sentences as a new
user writes them: a tingling mouth after a meal of shellfish or fish is a seafood toxin, an
emergency ("tingly lips after eating shellfish" was only facial_numbness, urgent, with ten
points of the mouth)."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised
from .vocabulary import FLAG_CLASSES


# ------------------------------------------------------------------ a seafood toxin
@pytest.mark.parametrize(
    "text",
    [
        "tingly lips after eating shellfish",
        "tingling lips and tongue after eating mussels",
        "numb mouth after eating fish on holiday",
        "my face went numb an hour after the oysters",
        "we had scallops for dinner and now my lips are tingling and numb",
    ],
)
def test_a_tingling_mouth_after_seafood_is_an_emergency(kb: KnowledgeBase, text: str) -> None:
    flags = raised(kb, text)
    assert flags.get("seafood_poisoning") == "emergency", flags
    assert kb.select(text).points == ()


@pytest.mark.parametrize("word", FLAG_CLASSES["seafood"])
def test_every_seafood_word_raises_it_beside_numb_lips(kb: KnowledgeBase, word: str) -> None:
    text = f"numb lips after {word} last night"
    assert raised(kb, text).get("seafood_poisoning") == "emergency", text


@pytest.mark.parametrize("part", FLAG_CLASSES["mouth_or_face"])
def test_every_part_of_the_mouth_and_face_raises_it(kb: KnowledgeBase, part: str) -> None:
    text = f"my {part} went numb after eating mussels"
    assert raised(kb, text).get("seafood_poisoning") == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "numb feet, I am allergic to shellfish",  # no mouth or face
        "my lips went numb after oysters years ago",  # years ago
        "numb lips after the dentist",  # no seafood
        "I feel selfish but my lips are numb",  # "selfish" is no slip of "shellfish"
        "numb lips, I work at the fish market",  # fish named, not eaten
    ],
)
def test_no_seafood_flag_without_a_recent_meal_and_the_mouth(
    kb: KnowledgeBase, text: str
) -> None:
    assert "seafood_poisoning" not in raised(kb, text), raised(kb, text)
