"""A nerve's territory named ("numbness in the median nerve distribution", "ulnar
distribution", "the territory of the sural nerve", "the area supplied by the saphenous
nerve", "R V2 distribution") is the numb area: the skin the nerve and its branches supply
in data/nerves.yaml; the nerve leads the location's nerves and its pattern is
``nerve_territory``. Before 2026-12-04 these raised LocationError, and "superficial
peroneal nerve" was corrected to "perineal", a saddle word, raising cauda equina."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised


def _skin(kb: KnowledgeBase, nerve: str) -> dict[str, set[str]]:
    """region -> aspects of the skin ``nerve`` and its branches supply, as a location
    holds it (a region named twice is one region with both aspects)."""
    out: dict[str, set[str]] = {}
    todo = [nerve]
    while todo:
        n = kb.nerve(todo.pop())
        for t in n.territory or ():
            out.setdefault(t.region, set()).update(t.aspects)
        todo += [c.id for c in kb.nerves if c.parent == n.id]
    return out


def test_every_nerve_with_skin_reads_its_territory(kb: KnowledgeBase) -> None:
    """Over every nerve of the data with skin of its own or its branches': its name before
    "distribution" reads that skin and puts the nerve first."""
    wrong = []
    checked = 0
    for n in kb.nerves:
        skin = _skin(kb, n.id)
        if not skin:
            continue
        checked += 1
        text = f"numbness in the {n.name.split('(')[0].strip()} distribution"
        loc = kb.parse_location(text)
        got = {r.region: set(r.aspects) for r in loc.regions}
        if got != skin or loc.nerves[0] != n.id or loc.pattern != "nerve_territory":
            wrong.append((text, sorted(set(got) ^ set(skin)), loc.nerves[:1]))
    assert checked >= 70
    assert not wrong, wrong


# hand-written facts (Gray's anatomy; the textbooks of peripheral nerve injury): a part of
# the skin each of these nerves must supply, whatever the data says
KEY_PARTS = [
    ("median nerve distribution", "hand.index_finger"),
    ("ulnar distribution", "hand.little_finger"),
    ("superficial radial nerve territory", "hand.dorsum"),
    ("sural nerve area", "foot.lateral_edge"),
    ("lateral femoral cutaneous nerve distribution", "thigh"),
    ("saphenous nerve territory", "foot.medial_edge"),
    ("superficial peroneal nerve distribution", "foot.dorsum"),
    ("deep peroneal nerve distribution", "foot.big_toe"),
    ("V2 distribution", "face.cheek"),
    ("medial plantar nerve territory", "foot.sole"),
]


@pytest.mark.parametrize(("words", "part"), KEY_PARTS)
def test_a_nerve_supplies_its_key_part(kb: KnowledgeBase, words: str, part: str) -> None:
    assert part in kb.parse_location(f"numbness in the {words}").region_ids


@pytest.mark.parametrize(
    ("text", "nerve", "side"),
    [
        (
            "paraesthesia in the distribution of the lateral femoral cutaneous nerve",
            "lateral_femoral_cutaneous",
            None,
        ),
        (
            "numb in the territory of the lateral cutaneous nerve of the thigh",
            "lateral_femoral_cutaneous",
            None,
        ),
        ("area supplied by the saphenous nerve is numb", "saphenous", None),
        ("numbness in ulnar distribution R hand", "ulnar", "right"),
        (
            "reduced sensation superficial peroneal nerve distribution L foot",
            "superficial_fibular",
            "left",
        ),
        # areasa: "R" before a trigeminal division is a side, not "are"
        ("R V2 distribution numb", "maxillary", "right"),
    ],
)
def test_the_ways_a_territory_is_named(
    kb: KnowledgeBase, text: str, nerve: str, side: str | None
) -> None:
    loc = kb.parse_location(text)
    assert loc.nerves[0] == nerve, text
    assert set(_skin(kb, nerve)) <= set(loc.region_ids), text
    assert loc.side == side
    assert loc.ignored == ()


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("trapped ulnar nerve at the elbow, numb little finger", {"hand.little_finger"}),
        ("sciatic nerve pain and a numb big toe", {"foot.big_toe"}),
        ("numb thumb, the median nerve was decompressed", {"hand.thumb"}),
    ],
)
def test_a_nerve_without_an_area_word_names_no_area(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    loc = kb.parse_location(text)
    assert set(loc.region_ids) == areas, text
    assert loc.pattern != "nerve_territory"


def test_a_nerve_name_is_never_corrected_into_a_red_flag(kb: KnowledgeBase) -> None:
    text = "reduced sensation superficial peroneal nerve distribution L foot"
    assert raised(kb, text) == {}
    assert ("peroneal", "perineal") not in kb.read(text).corrected
