"""A dermatome named by its segment ("paraesthesia in an L5 distribution", "numb C6
dermatome", "C6/7 dermatomal tingling") is the numb area: every region of the segment's
territory in data/segments.yaml, with its aspects, and the segment leads the location's
segments. Before 2026-12-04 such a clinical note raised LocationError ("not understood:
'l5'")."""

from __future__ import annotations

import pytest

import acupoints
from acupoints import KnowledgeBase

SEGMENTS = [
    "C2", "C3", "C4", "C5", "C6", "C7", "C8", "T1", "T2", "T3", "T4", "T5", "T6", "T7",
    "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4",
    "S5",
]  # fmt: skip
"""C2-S5, written out here (not read from the data): every one has a dermatome."""


def test_every_segment_of_the_data_is_listed(kb: KnowledgeBase) -> None:
    assert [s.id for s in kb.segments] == SEGMENTS


@pytest.mark.parametrize("segment", SEGMENTS)
def test_a_named_dermatome_is_its_territory(kb: KnowledgeBase, segment: str) -> None:
    loc = kb.parse_location(f"numbness in the {segment} dermatome")
    territory = kb.segment(segment).territory
    # a region listed twice with different aspects (thigh: anterior; thigh: lateral) is one
    # region of the location with both
    want: dict[str, set[str]] = {}
    for t in territory:
        want.setdefault(t.region, set()).update(t.aspects)
    assert {r.region: set(r.aspects) for r in loc.regions} == want
    assert loc.segments[0] == segment
    assert loc.pattern == "dermatome"
    assert loc.ignored == ()


# hand-written facts of the dermatome map (Lee et al. 2008; ISNCSCI key points): a region
# each dermatome must hold, whatever the data says
KEY_PARTS = {
    "C6": "hand.thumb",
    "C7": "hand.middle_finger",
    "C8": "hand.little_finger",
    "L4": "foot.medial_edge",
    "L5": "foot.big_toe",
    "S1": "foot.lateral_edge",
}


@pytest.mark.parametrize("segment", sorted(KEY_PARTS))
def test_a_dermatome_holds_its_key_part(kb: KnowledgeBase, segment: str) -> None:
    for text in (
        f"numbness in the {segment} dermatome",
        f"paraesthesia in a {segment.lower()} distribution",
        f"{segment} dermatomal tingling",
    ):
        assert KEY_PARTS[segment] in kb.parse_location(text).region_ids, text


@pytest.mark.parametrize(
    ("text", "segments", "side"),
    [
        ("C6/7 dermatomal tingling left arm", ("C6", "C7"), "left"),
        ("numb in C6-C7 dermatomes", ("C6", "C7"), None),
        ("L5 and S1 dermatomes numb", ("L5", "S1"), None),
        ("numbness in L4/5 distribution", ("L4", "L5"), None),
        ("pt reports numbness L5 dermatome R leg, SLR positive", ("L5",), "right"),
    ],
)
def test_several_segments_and_a_side(
    kb: KnowledgeBase, text: str, segments: tuple[str, ...], side: str | None
) -> None:
    loc = kb.parse_location(text)
    assert loc.segments[: len(segments)] == segments
    assert loc.side == side
    for segment in segments:
        assert {t.region for t in kb.segment(segment).territory} <= set(loc.region_ids)


@pytest.mark.parametrize(
    "text",
    [
        "L5/S1 disc, numb foot",  # the disc is where the cause is, not a dermatome
        "no numbness in the L5 dermatome, numb hand",
        "numb hand, my L5 root is compressed",
    ],
)
def test_a_segment_without_a_dermatome_word_names_no_area(kb: KnowledgeBase, text: str) -> None:
    loc = kb.parse_location(text)
    assert "foot.big_toe" not in loc.region_ids
    assert not any("l5" in (r.words or "") for r in loc.regions)


def test_an_unknown_segment_is_not_read(kb: KnowledgeBase) -> None:
    with pytest.raises(acupoints.LocationError):
        kb.parse_location("numbness in the L9 dermatome")
