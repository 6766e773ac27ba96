"""The lead's fixes found on 2026-12-05 (late) by reading sentences as a new user writes
them: legs written as a plural with no side ("my legs went numb and weak this morning") are
both legs for the red-flag rules that need both (``both_sides_of``: the word classes match
stems, where "legs" is "leg"), and a limb that "went numb and weak" of a sudden is the
stroke sign that "went weak and numb" already was."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import fired, raised


@pytest.mark.parametrize(
    ("text", "flag", "rule"),
    [
        (
            "my legs went numb and weak after a bad back pain this morning",
            "spinal_cord_compression",
            "legs_failing_suddenly",
        ),
        ("my legs are numb and weak since this morning", "spinal_cord_compression", None),
        ("my thighs went numb and weak out of nowhere", "spinal_cord_compression", None),
        ("suddenly my legs are numb and i cant walk", "spinal_cord_compression", None),
        ("sciatica down my legs", "cauda_equina", "sciatica_down_my_legs"),
        ("i have sciatica and my legs are numb", "cauda_equina", "sciatica_down_my_legs"),
        ("my arm suddenly went numb and weak", "stroke", "sudden_weak_limb"),
        ("my leg went numb and heavy all of a sudden", "stroke", "sudden_weak_limb"),
    ],
)
def test_legs_as_a_plural_and_numb_before_weak_raise_their_flag(
    kb: KnowledgeBase, text: str, flag: str, rule: str | None
) -> None:
    assert raised(kb, text).get(flag) == "emergency", text
    if rule is not None:
        assert rule in fired(kb, text), text


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # one leg, feet, or the legs with no sudden onset: not the cord (one leg is a stroke
        # sign, read by sudden_weak_limb)
        ("my leg suddenly went numb and weak", "spinal_cord_compression"),
        ("my left leg went numb and weak this morning", "spinal_cord_compression"),
        ("my feet suddenly went numb and weak", "spinal_cord_compression"),
        ("my legs feel heavy and numb", "spinal_cord_compression"),
        ("my legs have been numb and weak for years", "spinal_cord_compression"),
        # the legs denied, or in another sentence than the onset and weakness
        ("my legs are not numb but this morning my arm went weak", "spinal_cord_compression"),
        ("my legs are numb. this morning my arm went weak", "spinal_cord_compression"),
        # "both" that is another area's, feet, and sciatica far from the legs
        (
            "its not both legs only the right one with the sciatica and I can pee fine",
            "cauda_equina",
        ),
        ("nerve pain in my feet", "cauda_equina"),
        ("shooting pains in my feet at night", "cauda_equina"),
        (
            "my sciatica used to be just the left leg but both legs ache when it is cold",
            "cauda_equina",
        ),
        ("sciatica in my left leg", "cauda_equina"),
    ],
)
def test_one_leg_feet_or_no_onset_raise_no_flag_of_both_legs(
    kb: KnowledgeBase, text: str, flag: str
) -> None:
    assert flag not in raised(kb, text), text


def test_the_plural_rule_is_read_in_its_clause_and_near_its_words(kb: KnowledgeBase) -> None:
    # sciatica_down_my_legs keeps to its segment and to five words, as sciatica_both_legs does
    near = "sciatica and my legs are numb"
    far = "i had sciatica once years ago and since then at night my legs are numb"
    assert "sciatica_down_my_legs" in fired(kb, near)
    assert "sciatica_down_my_legs" not in fired(kb, far)
