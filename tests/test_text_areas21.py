"""areas21 of the text reader (issue 16): the area and side misses of held-out set 20 (texting
short forms, a digit by its number, a non-native "back low", "back" as coming home; a band
round the trunk; a side letter after "numb on"; "nothing between"; parts weak, in a likeness,
leant on, struck or tested, or of a shoe; a part that places the whole before it "across"; a
sign's subject said numb; "my own numb"), read as general rules after the set was released.

Each rule is tested here on sentences other than those of the corpus, with a control the rule
must leave alone. Every word of the "areas21" blocks of text.yaml and regions.yaml has a
sentence of its own (``AREAS21_WORDS``). Labels changed by convention are listed in
heldout20.yaml's header.
"""

from __future__ import annotations

import re

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, reading
from .vocabulary import AREAS21_WORDS


@pytest.mark.parametrize("key", sorted(AREAS21_WORDS))
def test_every_areas21_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    """The word stands in its sentence, and the sentence gives the areas and side listed (the
    cause column is the reading's today; causes are another helper's field)."""
    text, areas, side, _ = AREAS21_WORDS[key]
    written = re.findall(r"[a-z0-9]+|\?", text.lower().replace("'", ""))
    words = [w for w in key[1].split() if w not in ("my", "the")]
    assert all(w in written for w in words), (key, text)
    assert reading(kb, text)[:2] == (set(areas), side), kb.read(text).areas


def test_every_areas21_data_word_has_a_sentence() -> None:
    listed = {word for _, word in AREAS21_WORDS}
    blocks = {
        w.strip('"') for name in ("text.yaml", "regions.yaml") for w in block_words(name, "areas21")
    }
    assert len(blocks) >= 35  # words merged into lead20's and flags21's at the merges
    assert not blocks - listed, sorted(blocks - listed)


def check(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # short forms, a digit by its number, "two hands", a non-native "back low"
        ("both my shins numb frm the ankles up", {"leg"}, "both"),
        ("my right cheek went numb, shd I see someone?", {"face.cheek"}, "right"),
        ("the L 2nd toe is numb since Monday", {"foot.second_toe"}, "left"),
        ("pins and needles in the thumbs of two hands", {"hand.thumb"}, "both"),
        ("my back low is tingling all day", {"back.lumbar"}, None),
        # controls: the whole words, and a question of its own
        ("both my shins numb from the ankles up", {"leg"}, "both"),
        ("should my cheek be numb?", set(), None),
        ("my second toe on the left is numb", {"foot.second_toe"}, "left"),
        ("my back is tingling all day", {"back"}, None),
    ],
)
def test_short_forms_and_lay_spellings(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # "back" as coming home, a weight back on, going back and forth: no back
        ("just back from the dentist and my lower lip is numb", {"face.mouth"}, None),
        (
            "my appetite went but its all back now, both my big toes are numb",
            {"foot.big_toe"},
            "both",
        ),
        ("walking back and forth on the ward, my left sole goes numb", {"foot.sole"}, "left"),
        # controls: a back said numb is the back; "all back to normal" is a recovery
        ("just my back is numb", {"back"}, None),
        ("my left sole was numb but its all back to normal now", set(), None),
    ],
)
def test_back_as_a_return(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a band round the chest, the ribs or the waist goes round both sides
        ("a tingling band round my ribs since the shingles", {"chest.lateral"}, "both"),
        ("numbness around my chest like a strap", {"chest"}, "both"),
        ("my waist is numb all round", {"abdomen.lateral"}, None),
        ("it's numb right round my waist", {"abdomen.lateral"}, "both"),
        # controls: a side named stays; a part not of the trunk round which it goes
        ("a numb patch on the left of my ribs", {"chest.lateral"}, "left"),
        ("numbness around my right wrist", {"wrist"}, "right"),
        ("numbness right around my knee", {"knee"}, None),
    ],
)
def test_a_band_round_the_trunk_is_both_sides(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a side letter after "numb on", closing its clause, and one before a hemiface
        ("index finger numb on L, GP thinks carpal tunnel", {"hand.index_finger"}, "left"),
        ("heel numb on R.", {"foot.heel"}, "right"),
        ("tingling R hemiface since lunch", {"face"}, "right"),
        # controls: "on" with no side letter, and "r" as "are"
        ("index finger numb on and off", {"hand.index_finger"}, None),
        ("my hands r numb", {"hand"}, "both"),
    ],
)
def test_side_letters(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # "nothing between" denies; "my own numb" in a worry is the writer's
        ("right thigh numb, nothing between my legs is numb though", {"thigh"}, "right"),
        (
            "my sister had shingles and I'm worried about my own numb left flank",
            {"abdomen.lateral"},
            "left",
        ),
        # controls: a denial does not reach past its clause;
        # "my own" with no numb word in a worry is supposed
        ("nothing helps, my right thigh is numb", {"thigh"}, "right"),
        ("I'm worried about my own left flank", set(), None),
    ],
)
def test_questions_denials_and_worries(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # parts weak, in a likeness, leant on, struck, tested, bad in the past, or of a shoe
        (
            "my grip is going in my left hand, the left little finger is numb",
            {"hand.little_finger"},
            "left",
        ),
        ("numb soles and my legs feel like they might go", {"foot.sole"}, "both"),
        ("my chest feels like someones sat on it, my left hand is numb", {"hand"}, "left"),
        (
            "I leant on my right elbow reading and my right ring finger went numb",
            {"hand.ring_finger"},
            "right",
        ),
        ("slipped and struck my head, the back of my neck is numb", {"neck.posterior"}, None),
        ("Tinel's +ve R elbow, altered sensation R little finger", {"hand.little_finger"}, "right"),
        ("my neck was bad in the spring and now my right thumb is numb", {"hand.thumb"}, "right"),
        ("the toe of my shoe pinches and my left big toe is numb", {"foot.big_toe"}, "left"),
        # controls: the same parts said numb in their own words are numb
        ("my left hand is numb and weak", {"hand"}, "left"),
        ("my legs are numb", {"lower_limb"}, "both"),
        ("my chest is numb", {"chest"}, None),
        ("my right elbow is numb", {"elbow"}, "right"),
        ("my head is numb", {"head"}, None),
        ("my neck was numb in the spring and still is", {"neck"}, None),
        ("my left big toe is numb in my shoe", {"foot.big_toe"}, "left"),
    ],
)
def test_parts_named_for_something_else(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part that places the numbness of the whole before it "across"; the top of the back
        ("my whole back across the shoulder blades tingles", {"back.upper"}, None),
        ("a numb patch across the top of my back", {"back.upper"}, None),
        # a sign's subject said numb in its clause before the sign's other words
        (
            "my cheek and around the eye are numb and I see double since this morning",
            {"face.cheek", "face.eye"},
            None,
        ),
        # controls: a part and another not of it; a subject not said numb is the sign's
        ("my back across to my right arm is numb", {"back", "upper_limb"}, "right"),
        ("my cheek is numb and my eye sees double since this morning", {"face.cheek"}, None),
    ],
)
def test_places(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    check(kb, text, areas, side)
