"""Heldout8 of the text reader (issue 16): areas, side and cause as non-native writers,
older writers, carers and forum posters put them.

General rules, each tested on sentences other than those of the corpora: operations,
manipulation, falls and blows by their everyday names as the cause injury; spirits by
name as alcohol; where acupuncture needles went as the place of a residual sensation, not
a numb area; a body part said to hurt, or not to hurt, as pain and not as numb or as an
injury; a foot slapping the floor as no blow; and a past complaint said to be over in the
clause after a comma ("..., fully recovered", "..., that's all fine") as no cause now.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_cause_block_words, check_word_is_read, reading
from .vocabulary import AREA8_WORDS


@pytest.mark.parametrize("key", sorted(AREA8_WORDS))
def test_every_heldout8_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, AREA8_WORDS, key)


def _heldout8_blocks(name: str) -> set[str]:
    return block_words(name, "heldout8 areas")


def test_every_heldout8_text_word_has_a_sentence() -> None:
    listed = {word for _, word in AREA8_WORDS}
    missing = _heldout8_blocks("text.yaml") - listed
    assert _heldout8_blocks("text.yaml")
    assert not missing, sorted(missing)


def test_every_heldout8_cause_word_has_a_sentence() -> None:
    check_cause_block_words(AREA8_WORDS, "heldout8 areas", 1)


@pytest.mark.parametrize(
    ("text", "areas", "cause"),
    [
        # a complaint said to be over in the clause after a comma no longer explains a
        # numbness now, whatever else that clause holds
        ("I broke my wrist as a teenager, all healed, now my thumb is numb", {"hand.thumb"}, None),
        ("I broke my wrist in May, that's all fine, my knee is numb", {"knee"}, None),
        (
            "had a trapped nerve in my neck with some weakness, fully recovered, numb heel now",
            {"foot.heel"},
            None,
        ),
        ("shingles last spring, all better now, but my toes are numb", {"foot.toes"}, None),
        # ... while a past cause with no recovery said of it still counts
        ("I broke my wrist last month, now my thumb is numb", {"hand.thumb"}, "injury"),
        ("I broke my wrist last month and my thumb is numb", {"hand.thumb"}, "injury"),
        # ... and a comma followed by something else is no recovery
        ("chemo last year, all of my toes are numb", {"foot.toes"}, "chemotherapy"),
    ],
)
def test_a_cause_over_by_the_next_clause(
    kb: KnowledgeBase, text: str, areas: set[str], cause: str | None
) -> None:
    got = reading(kb, text)
    assert (got[0], got[2]) == (areas, cause)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a phrase written another way is read once its second word is corrected
        ("numbnes round my back pasage since yesterday", {"perineum"}),
        ("tingling in my back pasage", {"perineum"}),
        ("pins and needels in my toes", {"foot.toes"}),
        # ... while a phrase whose second word is right is read as before
        ("numb back and legs", {"back", "lower_limb"}),
        ("numb back passage", {"perineum"}),
    ],
)
def test_a_phrase_with_its_second_word_misspelt(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # an electric shock along the spine is felt there, not numb there ...
        ("a shock goes down my spine and my feet tingle", {"foot"}),
        # ... while numbness said to run down the back is numb there
        ("the numbness goes down my back", {"back"}),
        ("tingling down my back", {"back"}),
    ],
)
def test_a_shock_down_the_spine_is_no_numb_back(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas
