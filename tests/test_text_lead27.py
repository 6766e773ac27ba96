"""The lead's fixes found on 2026-12-05 (night) by reading sentences as a new user writes
them: numb legs that cannot be moved raise spinal cord compression however it began
(``legs_cannot_move``); "the tip" (top, outside, front ...) said numb with no "of" after it
is that part of the area named before it for a cause, a trigger, an operation, a warning
sign or a pain ("I cut my thumb and the tip is numb", "dropped a weight on my foot and the
top is numb"), as the grammar reads "the tip of my thumb": each of these was a
``LocationError`` before; both arms or legs numb after a fall from a height, a dive or a
crash are a possible spinal injury (``spinal_injury``, an emergency)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import acupoints
from acupoints import DataError, KnowledgeBase

from .textread import edit_text_yaml, fired, raised, reading


def _regions(kb: KnowledgeBase, text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    loc = kb.parse_location(text)
    return sorted((r.region, r.aspects, r.side) for r in loc.regions)


@pytest.mark.parametrize(
    ("text", "region", "aspects", "side"),
    [
        ("sliced my finger cooking and the tip is numb", "hand.fingers", (), None),
        ("i hurt my thumb and the tip is numb", "hand.thumb", (), None),
        ("burnt my left finger on the oven and the tip feels dead", "hand.fingers", (), "left"),
        # a part with a region of its own: the top of a foot is its dorsum
        ("dropped a weight on my foot and the top is numb", "foot.dorsum", (), None),
        # else the area with the part's aspect
        ("twisted my right ankle and the outside is numb", "ankle", ("lateral",), "right"),
        ("hit my elbow and the inside is tingly", "elbow", ("medial",), None),
        ("my knee op was in may and the front is numb", "knee", ("anterior",), None),
        # corpus (heldout20, heldout13): the labels give these areas
        (
            "sliced my left index finger on a tin lid last week and the tip is still numb",
            "hand.index_finger",
            (),
            "left",
        ),
        (
            "my right foot keeps slapping on the floor and I trip over it, the top is numb",
            "foot.dorsum",
            (),
            "right",
        ),
    ],
)
def test_the_part_said_numb_is_that_part_of_the_area_before_it(
    kb: KnowledgeBase, text: str, region: str, aspects: tuple[str, ...], side: str | None
) -> None:
    assert _regions(kb, text) == [(region, aspects, side)], text


@pytest.mark.parametrize(
    "text",
    [
        # the part denied, or the part of someone else's area
        "i cut my finger, the tip is not numb",
        "my dad cut his finger and the tip is numb",
    ],
)
def test_a_part_denied_or_of_another_names_no_numb_area(kb: KnowledgeBase, text: str) -> None:
    with pytest.raises(acupoints.LocationError):
        kb.parse_location(text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # an area already numb keeps what the grammar read ("the top" adds nothing)
        ("my foot is numb and the top tingles", "foot"),
        # "the top of ..." is read by the grammar itself
        ("i hurt my foot and the top of my foot is numb", "foot.dorsum"),
    ],
)
def test_a_part_with_its_of_or_after_a_numb_area_is_read_as_before(
    kb: KnowledgeBase, text: str, region: str
) -> None:
    assert [r[0] for r in _regions(kb, text)] == [region], text


@pytest.mark.parametrize(
    "text",
    [
        "my legs are numb and i cant move them",
        "numb legs, can't move them",
        "i cant move my legs and they are numb",
        "both legs numb and paralysed",
        "my legs are numb and wont move",
        "my legs are numb and i can't lift them",
        "my daughter can't move her legs and says they're numb",
    ],
)
def test_numb_legs_that_cannot_move_raise_cord_compression(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text).get("spinal_cord_compression") == "emergency", text
    assert "legs_cannot_move" in fired(kb, text), text


@pytest.mark.parametrize(
    "text",
    [
        # one leg or an arm (a sudden one is a stroke sign, read elsewhere)
        "my leg is numb and i cant move it",
        "my arm is numb and i cant move it",
        # legs only weak, or moving
        "my legs are numb and weak",
        "my legs are numb but i can move them fine",
        # the legs denied, or in another sentence than what cannot move
        "my legs are not numb, i just cant move my arm",
        "my legs are numb. i cant move my arm",
    ],
)
def test_one_limb_weak_legs_or_another_sentence_raise_no_cord_compression(
    kb: KnowledgeBase, text: str
) -> None:
    assert "legs_cannot_move" not in fired(kb, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my mum isnt eating and her feet are numb",
        "she is not eating and her feet are numb",
        "she isnt walking well and her feet are numb",
        "he isnt moving his legs and his feet are numb",
        "they arent sleeping and their hands are numb",
    ],
)
def test_a_denial_ends_where_another_persons_clause_says_a_part_is_numb(
    kb: KnowledgeBase, text: str
) -> None:
    numb, _, _ = reading(kb, text)
    assert numb and numb <= {"foot", "hand"}, (text, numb)


@pytest.mark.parametrize(
    "text",
    [
        # the clause after "and" says no numbness: the denial runs on
        "he denies numbness and his legs are strong",
        # one denied list of her parts
        "no numbness in her hands and her feet",
    ],
)
def test_a_denial_runs_on_over_another_persons_clause_that_says_no_numbness(
    kb: KnowledgeBase, text: str
) -> None:
    with pytest.raises(acupoints.LocationError):
        kb.parse_location(text)


@pytest.mark.parametrize(
    "text",
    [
        "i fell off a ladder and now my legs are numb",
        "numbness in both hands after a car crash, neck hurts",
        "fell off my horse yesterday and my arms are tingling",
        "came off my bike this morning, now pins and needles in my hands",
        "i dived into the shallow end and now i cant move my legs",
        "my dad fell off the roof and his legs are numb",
        "fell off a ladder and now i cant move my arm",
        # corpus (heldout sets): both arms after a crash
        "car crash on Friday, whiplash, now both my hands tingle",
    ],
)
def test_both_arms_or_legs_numb_after_a_fall_or_crash_is_a_spinal_injury(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text).get("spinal_injury") == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        # one limb after a knock: the injury's own flag, urgent
        "i fell off a ladder, my wrist hurts and my thumb is numb",
        "fell down the stairs and twisted my ankle badly, now the top of my foot is numb",
        "came off my bike on Sunday and since then the outer side of my hand is numb",
        # long ago, denied, or someone else's fall
        "my hand has been numb since a car crash two years ago",
        "both my feet have been numb for years since a car crash",
        "i didnt fall off the ladder but my legs are numb",
        "my husband fell off a ladder but I didn't, my toes are numb",
        # no forceful injury
        "i tripped and now my knees are numb",
        # toes or fingers: several digits of one foot or hand, not both sides
        "I fell off a ladder and cut my foot, numb toes",
        "came off my bike and my fingers are numb",
    ],
)
def test_one_limb_long_ago_denied_or_no_forceful_injury_is_no_spinal_injury(
    kb: KnowledgeBase, text: str
) -> None:
    assert "spinal_injury" not in raised(kb, text), text


def test_a_red_flag_with_no_words_and_no_flag_rule_is_a_data_error(data_copy: Path) -> None:
    """spinal_injury has no triggers of its own: its flag rules raise it. Without them the
    data check names the file and the flag."""

    def no_rules(raw: dict[str, Any]) -> None:
        raw["flag_rules"] = [r for r in raw["flag_rules"] if r["flag"] != "spinal_injury"]

    edit_text_yaml(data_copy, no_rules)
    with pytest.raises(DataError, match=r"safety\.yaml.*'spinal_injury'.*flag rule in text\.yaml"):
        KnowledgeBase.from_directory(data_copy)


def test_a_rule_of_both_sides_that_overrides_is_a_data_error(data_copy: Path) -> None:
    """The reader reads a rule's sides after the overrides: a rule with both_sides_of that
    overrides would take the other flag away where its sides do not hold (it did, in a
    draft of both_sides_numb_after_a_fall_or_crash)."""

    def overriding(raw: dict[str, Any]) -> None:
        rules = raw["flag_rules"]
        rule = next(r for r in rules if r["id"] == "both_sides_numb_after_a_fall_or_crash")
        rule["overrides"] = ["after_injury"]

    edit_text_yaml(data_copy, overriding)
    with pytest.raises(DataError, match=r"field 'overrides': a rule with both_sides_of cannot"):
        KnowledgeBase.from_directory(data_copy)


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("my feet tingle since i started metronidazole", "alcohol_toxins"),
        ("tingly feet after a long course of flagyl", "alcohol_toxins"),
        ("my feet tingle, not enough b12 in my diet", "b12_deficiency"),
        ("pins and needles in my hands, too little vitamin b12", "b12_deficiency"),
    ],
)
def test_metronidazole_and_too_little_b12_are_causes(
    kb: KnowledgeBase, text: str, cause: str
) -> None:
    assert reading(kb, text)[2] == cause, text


@pytest.mark.parametrize(
    "text",
    [
        # a doubt asked, or B12 said fine beside "not enough" of something else
        "my feet tingle, could it be the metronidazole?",
        "my b12 is fine, not enough sleep though, my feet tingle",
    ],
)
def test_a_doubt_or_b12_said_fine_gives_neither_cause(kb: KnowledgeBase, text: str) -> None:
    assert reading(kb, text)[2] is None, text
