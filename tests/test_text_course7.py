"""Time-course words of held-out set 7 that the reader lacked (issue 16): "its been
coming and going since march" is intermittent. Kept here, not derived from the data."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "my right foot goes numb, its been coming and going since march",
        "the tingling in my fingers came and went all last week",
        "numb toes that come and go",
    ],
)
def test_intermittent(kb: KnowledgeBase, text: str) -> None:
    assert "progression:intermittent" in {c.id for c in kb.read(text).course}


def test_a_numbness_that_stays_is_not_intermittent(kb: KnowledgeBase) -> None:
    assert "progression:intermittent" not in {c.id for c in kb.read("my foot is numb").course}
