"""The lead's fixes of the seventeenth round of issue 16, found by reading new sentences as a
new user writes them (not taken from a corpus set). The words of the flag classes are tested
one by one by test_text_flags6.py; each rule here by a sentence and a control."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a weight dropped on "it" is a blow, not weight lost
        ("cant feel my big toe on the left since i dropped a weight on it", {"after_injury"}),
        ("dropped weights on it at the gym and my toes are numb", {"after_injury"}),
        # controls: weight that dropped off is still weight lost
        ("my weight has dropped a lot and my feet are numb", {"systemic_illness"}),
        ("weight dropped off me this spring and now my hands tingle", {"systemic_illness"}),
    ],
)
def test_a_weight_dropped_on_a_part_is_no_weight_loss(
    kb: KnowledgeBase, text: str, flags: set[str]
) -> None:
    assert set(raised(kb, text)) == flags
