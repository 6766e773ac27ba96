"""Findings ruled out, long past or someone else's in the wordings of held-out set 10
(issue 16, 2026-12-04; set 10 was scored once before these were added): each context term
of the data's blocks "lead context" with a sentence that needs it, where it keeps a flag
from being raised, and the same sentence without it, which raises the flag."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, raised

#: term -> (a sentence in which it keeps the flag down, the flag, the sentence without it)
TERMS: dict[str, tuple[str, str, str]] = {
    "excluded": (
        "cardiac chest pain excluded, residual paraesthesia L forearm",
        "heart_attack",
        "cardiac chest pain, residual paraesthesia L forearm",
    ),
    "was excluded": (
        "chest pain was excluded by the cardiologist, numb left hand",
        "heart_attack",
        "chest pain by the cardiologist, numb left hand",
    ),
    "is excluded": (
        "chest pain is excluded, numb left hand",
        "heart_attack",
        "chest pain, numb left hand",
    ),
    "were excluded": (
        "fever and weight loss were excluded, numb toes",
        "systemic_illness",
        "fever and weight loss, numb toes",
    ),
    "absolutely fine": (
        "numb left little finger, my speech is absolutely fine since it came on suddenly",
        "stroke",
        "numb left little finger, my speech is slurred since it came on suddenly",
    ),
    "completely fine": (
        "numb toes, my bladder control is completely fine",
        "cauda_equina",
        "numb toes, my bladder control is lost",
    ),
    "perfectly fine": (
        "numb toes, my bladder control is perfectly fine",
        "cauda_equina",
        "numb toes, my bladder control is lost",
    ),
    "totally fine": (
        "numb toes, my bladder control is totally fine",
        "cauda_equina",
        "numb toes, my bladder control is lost",
    ),
    "have neither": (
        "numb toes, weight loss or fever? I have neither",
        "systemic_illness",
        "numb toes, weight loss and fever",
    ),
    "i have neither": (
        "numb toes. night sweats or fevers, i have neither",
        "systemic_illness",
        "numb toes. night sweats and fevers",
    ),
    "neither of those": (
        "numb toes. weight loss or fever, neither of those",
        "systemic_illness",
        "numb toes. weight loss and fever",
    ),
    "can feel everything": (
        "my leg tingles and I can feel everything down below",
        "cauda_equina",
        "my leg tingles and I can feel nothing down below",
    ),
    "i can feel everything": (
        "numb calf, i can feel everything down below",
        "cauda_equina",
        "numb calf, numb down below",
    ),
    "scare": (
        "the cancer scare turned out to be a cyst; my heel is numb",
        "cancer_history",
        "the cancer turned out to be in my bones; my heel is numb",
    ),
    "got better": (
        "the foot drop got better after the op; numb outer ankle",
        "progressive_weakness",
        "the foot drop after the op; numb outer ankle",
    ),
    "has got better": (
        "the foot drop has got better; numb outer ankle",
        "progressive_weakness",
        "the foot drop; numb outer ankle",
    ),
    "long healed": (
        "I broke my arm, long healed; this numb ring finger is new",
        "after_injury",
        "I broke my arm; this numb ring finger is new",
    ),
    "thats long healed": (
        "I broke my wrist, thats long healed, my thumb is numb",
        "after_injury",
        "I broke my wrist, my thumb is numb",
    ),
    "all healed": (
        "the ulcer on my heel, all healed; my sole is numb",
        "foot_wound",
        "the ulcer on my heel; my sole is numb",
    ),
    "as a kid": (
        "I broke my arm as a kid; this numb ring finger is new",
        "after_injury",
        "I broke my arm; this numb ring finger is new",
    ),
    "as a child": (
        "I had a fracture as a child; numb ring finger",
        "after_injury",
        "I had a fracture; numb ring finger",
    ),
    "when i was a kid": (
        "I broke my leg when I was a kid; numb toes",
        "after_injury",
        "I broke my leg; numb toes",
    ),
    "when i was a child": (
        "I broke my leg when I was a child; numb toes",
        "after_injury",
        "I broke my leg; numb toes",
    ),
    "in my twenties": (
        "had a car crash in my twenties; my knees are tingly",
        "after_injury",
        "had a car crash; my knees are tingly",
    ),
    "in my teens": (
        "had a car crash in my teens; my knees are tingly",
        "after_injury",
        "had a car crash; my knees are tingly",
    ),
    "in my thirties": (
        "had a car crash in my thirties; my knees are tingly",
        "after_injury",
        "had a car crash; my knees are tingly",
    ),
    "my colleague": (
        "my colleague has night sweats, my hands are numb",
        "systemic_illness",
        "I have night sweats, my hands are numb",
    ),
    "my coworker": (
        "my coworker has night sweats, my hands are numb",
        "systemic_illness",
        "I have night sweats, my hands are numb",
    ),
    "my co worker": (
        "my co-worker has night sweats, my hands are numb",
        "systemic_illness",
        "I have night sweats, my hands are numb",
    ),
    "my boss": (
        "my boss has lost weight without trying, my hands are numb",
        "systemic_illness",
        "I have lost weight without trying, my hands are numb",
    ),
    "my flatmate": (
        "my flatmate has a fever, my hands are numb",
        "systemic_illness",
        "I have a fever, my hands are numb",
    ),
    "my roommate": (
        "my roommate has a fever, my hands are numb",
        "systemic_illness",
        "I have a fever, my hands are numb",
    ),
    "my neighbour": (
        "my neighbour has night sweats, my feet are numb",
        "systemic_illness",
        "I have night sweats, my feet are numb",
    ),
    "my neighbor": (
        "my neighbor has night sweats, my feet are numb",
        "systemic_illness",
        "I have night sweats, my feet are numb",
    ),
}


@pytest.mark.parametrize("term", sorted(TERMS))
def test_a_finding_ruled_out_past_or_another_s_raises_nothing(kb: KnowledgeBase, term: str) -> None:
    text, flag, without = TERMS[term]
    assert flag not in raised(kb, text), text
    assert flag in raised(kb, without), without  # the control: the flag is there


def test_every_term_of_the_blocks_has_a_sentence() -> None:
    assert block_words("text.yaml", "lead context") == set(TERMS)


#: pseudo-triggers (block "lead pseudo"): not needing a wee is retention, no denial
PSEUDO = {
    "havent needed a wee": "my legs tingle and I havent needed a wee since last night",
    "havent needed to wee": "numb legs, I havent needed to wee all day",
    "havent needed a pee": "numb legs and I havent needed a pee since yesterday",
    "havent needed to pee": "numb legs and I havent needed to pee for 12 hours",
    "havent needed the toilet": "numb legs and I havent needed the toilet for a wee all day",
    "not needed a wee": "numb legs, not needed a wee since the morning",
    "not needed to pee": "numb legs, not needed to pee since the morning",
    "not needed the toilet": "numb legs, not needed the toilet for a wee since the morning",
}


@pytest.mark.parametrize("term", sorted(PSEUDO))
def test_not_needing_a_wee_is_retention(kb: KnowledgeBase, term: str) -> None:
    text = PSEUDO[term]
    assert term in text.lower().replace("'", "")
    assert raised(kb, text).get("cauda_equina") == "emergency", text


def test_every_pseudo_term_of_the_block_has_a_sentence() -> None:
    assert block_words("text.yaml", "lead pseudo") == set(PSEUDO)


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        (
            "I'm diabetic and my numb foot is red and hot, the redness is spreading up my "
            "ankle since this morning",
            {"foot_wound": "emergency"},
        ),
        ("numb feet spreading up to my knees since this morning", {"ascending_weakness": "urgent"}),
        (
            "the numbness is spreading up my legs since yesterday and my feet are red",
            {"ascending_weakness": "urgent"},
        ),
    ],
)
def test_spreading_redness_is_an_infection_not_ascending_numbness(
    kb: KnowledgeBase, text: str, flags: dict[str, str]
) -> None:
    """The rule redness_spreading stands for the ascending weakness read in its words (a
    spreading redness), and only there (heldout10, in-sample)."""
    assert raised(kb, text) == flags, text
