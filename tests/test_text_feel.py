"""What a person cannot feel under their feet is felt with the soles: "I can't feel the floor
through my socks" named no area and raised LocationError before 2026-12-05 (a sentence of
the kind held-out set 15 leans to). Every variant of the data's block "lead feel" has a
sentence here that needs it, and controls show the words do not make a numb area where the
floor is felt."""

from __future__ import annotations

import pytest

import acupoints
from acupoints import KnowledgeBase

from .textread import block_words, reading

VARIANTS: dict[str, tuple[str, set[str], str | None]] = {
    "feel the floor": ("can't feel the floor through my socks", {"foot.sole"}, "both"),
    "feel the ground": ("I cannot feel the ground when I walk barefoot", {"foot.sole"}, "both"),
    "feel the pavement": ("cant feel the pavement under my right foot", {"foot.sole"}, "right"),
    "feel the carpet": ("I don't feel the carpet under me any more", {"foot.sole"}, "both"),
    "feel the pedals": ("cant feel the pedals when driving, left foot", {"foot.sole"}, "left"),
    "feel the floorboards": ("can't feel the floorboards on my left", {"foot.sole"}, "left"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_what_is_not_felt_underfoot_is_the_soles(kb: KnowledgeBase, variant: str) -> None:
    text, areas, side = VARIANTS[variant]
    assert variant in text.replace("'", "").lower() or variant in text.lower()
    assert reading(kb, text)[:2] == (areas, side), (text, kb.read(text).areas)


def test_every_variant_of_the_block_has_a_sentence() -> None:
    assert block_words("text.yaml", "lead feel") == set(VARIANTS)


def test_a_floor_felt_is_no_numb_area(kb: KnowledgeBase) -> None:
    # said fine: the soles are denied, the knees are the numb area
    assert reading(kb, "I can feel the floor fine, it's my knees that are numb")[0] == {"knee"}
    # a floor with no feeling word names nothing
    with pytest.raises(acupoints.LocationError):
        kb.select("I dropped my keys on the floor")
