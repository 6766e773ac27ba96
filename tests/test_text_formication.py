"""Ants or insects crawling on the skin (formication) is how many people, and many
languages, put a tingling: "I feel ants walking on my legs" read the legs as a posture
("walking on") and raised LocationError before 2026-12-04. Every variant of the data's
block "lead spellings" has a sentence here that needs it."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, reading

VARIANTS: dict[str, tuple[str, set[str]]] = {
    "ants walking on": ("I feel ants walking on my legs", {"lower_limb"}),
    "ants walking in": ("it is like ants walking in my feet", {"foot"}),
    "ants crawling on": ("like ants crawling on my arms at night", {"upper_limb"}),
    "ants crawling in": ("ants crawling in my hands all day", {"hand"}),
    "ants crawling over": ("the feeling of ants crawling over my shins", {"leg"}),
    "ants running on": ("ants running on my thighs", {"thigh"}),
    "ants running in": ("I have ants running in my fingers", {"hand.fingers"}),
    "ants in": ("ants in my hands since last week", {"hand"}),
    "insects crawling on": ("insects crawling on my calves", {"leg"}),
    "insects crawling over": ("like insects crawling over my face", {"face"}),
    "insects walking on": ("insects walking on my toes", {"foot.toes"}),
    "bugs crawling on": ("bugs crawling on my left arm", {"upper_limb"}),
    "bugs crawling over": ("bugs crawling over my scalp", {"head.vertex"}),
    "bugs crawling under": ("feels like bugs crawling under my feet", {"foot"}),
    "crawling ants in": ("a feeling of crawling ants in my palms", {"hand.palm"}),
    "crawling ants on": ("crawling ants on my back", {"back"}),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_ants_on_the_skin_are_a_tingling_there(kb: KnowledgeBase, variant: str) -> None:
    text, areas = VARIANTS[variant]
    assert variant in text
    assert reading(kb, text)[0] == areas, (text, kb.read(text).areas)


SHARED = {
    "ants walking on",
    "ants crawling on",
    "ants crawling over",
    "insects crawling on",
    "bugs crawling on",
    "bugs crawling over",
}
"""Variants read through the heldout9 entry "tingling on" (tests/test_text_areas9.py)."""


def test_every_variant_of_the_block_has_a_sentence() -> None:
    assert block_words("text.yaml", "lead spellings") == set(VARIANTS) - SHARED


def test_ants_in_ones_pants_name_no_area(kb: KnowledgeBase) -> None:
    assert reading(kb, "I have ants in my pants") == (set(), None, None)
