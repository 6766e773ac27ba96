"""The lead's fixes of the eighteenth round of issue 16, found by reading new sentences as
a new user writes them (not taken from a corpus set): each rule by sentences and controls."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_word_is_read
from .vocabulary import LEAD18_WORDS


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "finger tips" and "toe tips" in two words are plurals as "fingertips" is: with no
        # side named, both (the convention: fingers, toes or fingertips named with no side)
        ("my finger tips are numb", [("hand.fingers", "both")]),
        ("since chemo my finger tips are tingly", [("hand.fingers", "both")]),
        ("my toe tips are numb", [("foot.toes", "both")]),
        ("numb tips of the fingers", [("hand.fingers", "both")]),
        # controls: a side named is kept; one tip is no pair
        ("my left finger tips are numb", [("hand.fingers", "left")]),
        ("the tips of my fingers on my left hand are numb", [("hand.fingers", "left")]),
        ("the tip of my finger is numb", [("hand.fingers", None)]),
        ("numb finger tip", [("hand.fingers", None)]),
        (
            "my finger tips and my right foot are numb",
            [("hand.fingers", "both"), ("foot", "right")],
        ),
    ],
)
def test_finger_tips_in_two_words_are_both_hands(
    kb: KnowledgeBase, text: str, areas: list[tuple[str, str | None]]
) -> None:
    loc = kb.parse_location(text)
    assert [(r.region, r.side) for r in loc.regions] == areas


@pytest.mark.parametrize(
    "text",
    [
        "I can't feel the floor properly under my feet",
        "I can't feel the floor properly under my feet when I walk about barefoot",
    ],
)
def test_one_place_read_twice_is_one_region(kb: KnowledgeBase, text: str) -> None:
    """The soles read from what is not felt and from "under my feet" are one region of
    the location, not two equal ones."""
    loc = kb.parse_location(text)
    assert [(r.region, r.side) for r in loc.regions] == [("foot.sole", "both")]
    # control: the same region on two sides stays two
    two = kb.parse_location("numb left sole and numb right sole")
    assert [(r.region, r.side) for r in two.regions] == [
        ("foot.sole", "left"),
        ("foot.sole", "right"),
    ]


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # falls told by a carer in other words are the unsteady walk (the convention)
        (
            "my 80 yr old dad says his feet are numb and he's been falling a lot",
            {"cervical_myelopathy"},
        ),
        ("mum falls a lot and her feet are numb", {"cervical_myelopathy"}),
        # controls: hair that falls out; numb feet alone
        ("my hair is falling out a lot and my hands are numb", set()),
        ("my dad's feet are numb", set()),
    ],
)
def test_falls_told_in_other_words(kb: KnowledgeBase, text: str, flags: set[str]) -> None:
    assert {f.id for f in kb.select(text).red_flags} == flags


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a digit's side of a part closing its clause is that part's side (areas19 respelt it
        # "on the radial side"; the side was then lost)
        ("my wrist feels numb on the thumb side", [("wrist", ("radial",))]),
        ("my hand is numb on the thumb side", [("hand", ("radial",))]),
        ("my forearm is numb on the pinky side", [("forearm", ("ulnar",))]),
        ("numb on the radial side of my forearm", [("forearm", ("radial",))]),
        # controls: the digit after a whole set off by a comma is the digit (areasb); an
        # edge of the foot stays its edge
        ("my right hand is numb, the thumb side mostly", [("hand", ()), ("hand.thumb", ())]),
        ("my foot is numb on the outer side", [("foot.lateral_edge", ())]),
    ],
)
def test_a_digits_side_of_a_part_is_its_side(
    kb: KnowledgeBase, text: str, areas: list[tuple[str, tuple[str, ...]]]
) -> None:
    loc = kb.parse_location(text)
    assert [(r.region, r.aspects) for r in loc.regions] == areas


def test_no_term_holds_a_word_a_conditional_spelling_rewrites(kb: KnowledgeBase) -> None:
    """A spelling that holds only before some words (``unless_next``, ``unless_next_body``,
    ``only_next_body``) rewrites a text's word where it holds; the tables spell every term
    word for word, always. A term with such a word ("there are none" once "there" was spelt
    "their" unless ...) would then be spelt differently in the tables and in a text, and
    never match, silently (areas18 met it). No context term, cause synonym, time-course
    term or red-flag phrase of the data may hold one."""
    from acupoints.text._compile import _language
    from acupoints.text.compiled import normalise

    language = _language(kb)
    conditional = {
        normalise(v)[0]
        for sp in language.spellings
        if sp.unless_next or sp.unless_next_body or sp.only_next_body
        for v in sp.variants
        if len(normalise(v)) == 1
    }
    assert conditional  # ("r": "are" in "my legs r numb", "right" in "r hand")
    terms = [t for trig in language.context for t in trig.terms]
    terms += [t for term in language.course for t in term.terms]
    terms += [s for c in kb.causes for s in c.synonyms]
    for concept in kb.dataset.flags:
        terms += [*concept.lay, *concept.clinical, *concept.typos]
    assert len(terms) > 3000
    found = sorted({(t, w) for t in terms for w in normalise(t) if w in conditional})
    assert not found, found


@pytest.mark.parametrize("key", sorted(LEAD18_WORDS))
def test_every_lead18_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, LEAD18_WORDS, key)


def test_every_lead18_text_word_has_a_sentence() -> None:
    listed = {word for _, word in LEAD18_WORDS}
    assert block_words("text.yaml", "lead18 words") == listed


def test_a_telly_is_no_belly(kb: KnowledgeBase) -> None:
    """Held out 19's first sight: "a telly programme" was corrected to "belly" and read as
    a numb abdomen; a real word is never corrected."""
    text = (
        "Hypothetically, if your face went numb suddenly, is that a stroke? Asking because "
        "of a telly programme, I'm fine"
    )
    assert not any(a == "telly" for a, _ in kb.read(text).corrected)
    assert "abdomen" not in {f.id for f in kb.read(text).areas}
    # control: a slip of "belly" is still corrected
    assert kb.parse_location("my bely is numb").regions[0].region.startswith("abdomen")


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # held out 19's first sight: breath "getting harder" is trouble breathing
        ("my throat feels numb and it's getting harder to breathe", {"breathing"}),
        ("my feet are numb and it's harder to catch my breath on the stairs", {"breathing"}),
        # controls: someone else's, and denied
        ("my husband finds it harder to breathe, my feet are numb", set()),
        ("no harder to breathe than usual, just numb toes", set()),
    ],
)
def test_breath_getting_harder(kb: KnowledgeBase, text: str, flags: set[str]) -> None:
    assert {f.id for f in kb.select(text).red_flags} == flags
