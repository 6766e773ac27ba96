"""The lead's fixes found on 2026-12-06 by reading sentences as a new user writes them:
"tounge" (two slips from "tongue", so never corrected) is the tongue; "cutting" (a real
word one slip from "putting", which the reader knows) is a cut: "thumb numb after cutting
it with a knife" read "putting" and no injury; "no neck problems" denies the neck as the
seat of the trouble, as "no neck pain" denies the pain (it inferred a cervical root)."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase


@pytest.mark.parametrize(
    "text", ["numb tounge and lips", "my tounge is numb", "tingling tounge after the dentist"]
)
def test_tounge_is_the_tongue(kb: KnowledgeBase, text: str) -> None:
    loc = kb.parse_location(text)
    assert [r.region for r in loc.regions] == ["face.mouth"]
    assert "tounge" not in loc.ignored


@pytest.mark.parametrize(
    "text",
    [
        "thumb numb after cutting it with a knife",
        "numb finger since cutting myself on a tin",
        "my palm has been numb since cutting my hand on glass",
    ],
)
def test_cutting_is_a_cut(kb: KnowledgeBase, text: str) -> None:
    s = kb.select(text)
    assert s.cause == "injury", (text, s.cause)
    assert "after_injury" in {f.id for f in s.red_flags}
    loc = kb.parse_location(text)
    assert "putting" not in loc.ignored and loc.reading is not None
    assert ("cutting", "putting") not in loc.reading.corrected


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("numb hand, no neck problems at all", "neck"),
        ("numb hand but no problems with my neck", "neck"),
        ("numb foot, no back trouble", "back"),
    ],
)
def test_a_denied_seat_of_the_trouble_stays_denied(kb: KnowledgeBase, text: str, part: str) -> None:
    loc = kb.parse_location(text)
    assert loc.reading is not None
    seats = [a for a in loc.reading.areas if a.id == part]
    assert seats and all("negated" in a.context for a in seats), loc.reading.areas
    s = kb.select(text)
    assert not any("Root involvement was inferred" in n for n in s.notes), s.notes
    assert not [p for p in s.points if p.role == "root"]
