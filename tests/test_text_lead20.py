"""The lead's fixes of the twentieth round of issue 16, found by reading new sentences as a
new user writes them (not taken from a corpus set): each rule by sentences and controls."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised, reading


@pytest.mark.parametrize(
    ("text", "cause", "injury_flag"),
    [
        # a tooth "pulled" is a tooth taken out: a dental procedure, the cause injury with no
        # after_injury (the convention: that flag is for a fall, an accident or a blow)
        ("woke up with a numb patch on my chin, had a tooth pulled yesterday", "injury", False),
        ("numb lip since my wisdom tooth was pulled", "injury", False),
        ("had two teeth pulled out on monday, lip still numb", "injury", False),
        ("my chin has been numb since my tooth got pulled", "injury", False),
        # controls: a muscle or a part pulled is an injury, with its flag
        ("pulled my back lifting and now my leg is numb", "injury", True),
        ("I pulled a muscle in my calf and my foot is numb", "injury", True),
    ],
)
def test_a_tooth_pulled_is_a_dental_procedure(
    kb: KnowledgeBase, text: str, cause: str, injury_flag: bool
) -> None:
    assert reading(kb, text)[2] == cause, text
    assert ("after_injury" in raised(kb, text)) is injury_flag, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # incontinence told of another by "wee" or "pee" (spelt "urine", as "wet himself" is
        # listed): the cauda equina flag, an emergency
        ("my dad has numb feet, also hes been weeing himself", True),
        ("my mum has numb legs and shes peeing herself", True),
        ("grandad peed himself twice this week and his bum is numb", True),
        # controls: no incontinence said
        ("my dad has numb feet, he gets up to wee at night", False),
        ("my mum has numb legs and she laughed herself silly", False),
    ],
)
def test_weeing_himself_is_incontinence(kb: KnowledgeBase, text: str, flagged: bool) -> None:
    assert ("cauda_equina" in raised(kb, text)) is flagged, text
