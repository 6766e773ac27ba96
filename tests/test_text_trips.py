"""A trip that happened is a fall; tripping that keeps happening is a sign of a weak leg
(issue 16). The words of a leg that gives way match by their stems, so 'trip' among them
took "I tripped down a pothole and my ankle is numb" for progressive weakness as well as
an injury. The sentences are kept here, not derived from data/text.yaml."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised, reading

FALLS = [
    "I tripped down a pothole and my ankle is numb",
    "tripped down the stairs yesterday and the outside of my right foot has gone numb",
    "I tripped over the dog last week and my knee is numb",
    "tripped on a kerb and now my big toe is numb",
]


@pytest.mark.parametrize("text", FALLS)
def test_a_trip_that_happened_is_an_injury_not_a_weak_leg(kb: KnowledgeBase, text: str) -> None:
    flags = raised(kb, text)
    assert "after_injury" in flags
    assert "progressive_weakness" not in flags
    assert reading(kb, text)[2] == "injury"


TRIPPING = [
    "I keep tripping over my toes and my shin is numb",
    "always tripping on kerbs lately, numb top of my left foot",
    "my left foot keeps catching and I trip a lot, the outside of my calf is numb",
]


@pytest.mark.parametrize("text", TRIPPING)
def test_tripping_that_keeps_happening_is_a_weak_leg(kb: KnowledgeBase, text: str) -> None:
    flags = raised(kb, text)
    assert "progressive_weakness" in flags
    assert "after_injury" not in flags
