"""A cut to a named part is an injury, and numbness after it raises ``after_injury`` ("numb
hand after I cut my wrist on glass" read no cause and no flag before 2026-12-04: a cut
across the wrist can sever a nerve); a cut of the hair or the nails is none. Every word of
the data's blocks "lead causes" (the cause cues and the flag concept) has a sentence here
that needs it."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, raised, reading
from .vocabulary import FLAG_CONCEPTS

#: word of the data -> (a sentence that needs it, the numb areas read from it)
CUTS: dict[str, tuple[str, set[str]]] = {
    "cut my wrist": ("numb hand after I cut my wrist on glass", {"hand"}),
    "cut my arm": ("I cut my arm on a fence and my thumb is numb", {"hand.thumb"}),
    "cut my forearm": (
        "cut my forearm at work, now my little finger is numb",
        {"hand.little_finger"},
    ),
    "cut my palm": ("I cut my palm on a knife and my index finger is numb", {"hand.index_finger"}),
    "cut my hand": ("I cut my hand badly and my ring finger is numb", {"hand.ring_finger"}),
    "cut my finger": ("I cut my finger deep and the fingertip is numb", {"hand.fingers"}),
    "cut my thumb": ("I cut my thumb with a chisel, it is numb at the tip", {"hand.thumb"}),
    "cut my leg": ("I cut my leg on barbed wire and my foot is numb", {"foot"}),
    "cut my foot": ("I cut my foot on a shell and my toes are numb", {"foot.toes"}),
    "cut my toe": ("I cut my toe on a rock and my big toe is numb", {"foot.big_toe"}),
    "cut my knee": ("I cut my knee falling and my shin is numb", {"leg"}),
    "cut my shin": ("I cut my shin on a step and the top of my foot is numb", {"foot.dorsum"}),
    "cut my elbow": (
        "I cut my elbow on glass and my little finger is numb",
        {"hand.little_finger"},
    ),
    "cut my ankle": ("I cut my ankle and my heel is numb", {"foot.heel"}),
    "cut my heel": ("I cut my heel on a stone and my sole is numb", {"foot.sole"}),
}


FOOT = {"foot", "toe", "ankle", "heel"}


@pytest.mark.parametrize("word", sorted(CUTS))
def test_a_cut_to_a_part_is_an_injury_that_needs_a_doctor(kb: KnowledgeBase, word: str) -> None:
    text, areas = CUTS[word]
    assert word in text
    assert reading(kb, text)[0] == areas, (text, kb.read(text).areas)
    assert reading(kb, text)[2] == "injury", text
    # a cut on the foot is a wound of the foot (foot_wound stands for after_injury there)
    flag = "foot_wound" if word.split()[-1] in FOOT else "after_injury"
    assert raised(kb, text).get(flag) == "urgent", text


def test_every_word_of_the_blocks_has_a_sentence() -> None:
    words = block_words("text.yaml", "lead causes")
    assert words == set(CUTS), sorted(words ^ set(CUTS))  # the cause cues; the concept's:
    assert {w for w in CUTS if w.split()[-1] not in FOOT} <= set(
        FLAG_CONCEPTS["injury_shorthand"]["lay"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "my hand is numb, I cut my hair yesterday",
        "numb fingers since I cut my fringe",
        "my dad cut his wrist and my hand is numb",
    ],
)
def test_a_cut_of_the_hair_or_someone_elses_is_no_injury(kb: KnowledgeBase, text: str) -> None:
    assert reading(kb, text)[2] is None, text
    assert "after_injury" not in raised(kb, text), text
