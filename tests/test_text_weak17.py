"""weak17 of the text reader (issue 16): the area misses of red-flag shapes other than the
limb's (a weakness that climbs or spreads and where it reached, a chest pain's arm and jaw,
foot drop, clumsy hands, cancer, night pain and fever around a numb area), read as general
rules.

Each rule is tested here on sentences other than those of the corpus, with a control the
rule must leave alone. Every word of the "weak17" blocks of text.yaml has a sentence of its
own (``WEAK17_WORDS``). Labels changed by convention are listed in their files' headers.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_word_is_read, reading
from .vocabulary import WEAK17_WORDS

TERRITORY_T6 = {"chest", "chest.lateral", "back.upper"}


@pytest.mark.parametrize("key", sorted(WEAK17_WORDS))
def test_every_weak17_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, WEAK17_WORDS, key)


def test_every_weak17_text_word_has_a_sentence() -> None:
    listed = {word for _, word in WEAK17_WORDS}
    blocks = block_words("text.yaml", "weak17")
    assert len(blocks) >= 21
    assert not blocks - listed, sorted(blocks - listed)


def check(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a weakness the only finding keeps no area, clumsy hands none either ...
        ("my legs are getting weaker every day", set(), None),
        ("my fingers are clumsy and my neck is stiff", set(), None),
        # ... a part said numb beside it is the area ...
        ("my legs are getting weaker and my feet are numb", {"foot"}, "both"),
        # ... and a pain alone, with no weakness, is still its place (sciatica down a leg)
        ("sciatica down my right leg", {"lower_limb"}, "right"),
        ("my knee is stiff", {"knee"}, None),
    ],
)
def test_a_weak_part_is_not_numb_for_want_of_a_numb_word(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # where a weakness told in a clause before began, passed or reached: its place
        (
            "my legs feel like jelly and it's worse each day, started at the ankles, now up to "
            "my hips",
            set(),
            None,
        ),
        ("my arms are getting weaker every day, up from the hands", set(), None),
        ("my legs got weaker day by day, first the feet then the knees", set(), None),
        # controls: a numbness told with the weakness, or between, is what reached there
        (
            "legs numb and weak, started in my feet 2 days ago, now up to my waist",
            {"foot", "lower_limb", "abdomen.lateral"},
            "both",
        ),
        (
            "my legs are weak and the tingling has crept from my ankles to my knees",
            {"ankle", "knee"},
            "both",
        ),
    ],
)
def test_where_a_weakness_reached_is_its_place(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part a chest pain reaches "with numbness" is numb
        ("chest pain radiating to my left arm with numbness", {"upper_limb"}, "left"),
        ("central chest pressure radiating to the R arm with tingling", {"upper_limb"}, "right"),
        # the numbness names a part of its own: that part only
        ("chest pain radiating to my left arm with numbness of the hand", {"hand"}, "left"),
        # a part a pain told in the clause before goes into is pain ...
        ("my hands are numb and my chest is tight and sore, going into my jaw", {"hand"}, "both"),
        # ... not one said numb in its own clause
        (
            "my hands are numb and my chest is tight, and my jaw is numb",
            {"hand", "face.jaw"},
            "both",
        ),
    ],
)
def test_where_a_chest_pain_goes(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a dorsum named alone after a numb word is the foot's named before it
        ("L foot drop and numb dorsum", {"foot.dorsum"}, "left"),
        ("R foot drop with numbness over the dorsum", {"foot.dorsum"}, "right"),
        # with no foot or hand named, it is left alone
        ("numb dorsum", set(), None),
    ],
)
def test_a_dorsum_named_alone(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # the numbness named as a thing is there, whatever the worry or supposition ...
        ("I worry about the tingling in my right hand", {"hand"}, "right"),
        ("if this numbness in my palms ever starts creeping up my arms", {"hand.palm"}, "both"),
        # ... not one only feared; and where a stated spread goes is numb
        ("I worry about getting tingling in my hands", set(), None),
        ("my palms are numb and it's creeping up my arms", {"hand.palm", "upper_limb"}, "both"),
        # a history of a length is the present complaint; one with none is past
        ("a 2 week history of numbness in the left hand", {"hand"}, "left"),
        ("history of numb feet", set(), None),
        # "mine's at" after a question about a spread: the writer's own
        (
            "anyone had numbness creeping up from the ankles? mine's at my knees now",
            {"ankle", "knee"},
            "both",
        ),
        ("anyone had numbness creeping up from the ankles?", set(), None),
        # "her" after a relative named without "my", when the writer then speaks of themself
        (
            "mum's stroke left her face numb, but I'm asking for myself about my tingling heels",
            {"foot.heel"},
            "both",
        ),
        ("dad says her face went numb", {"face"}, None),
    ],
)
def test_whose_and_whether(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part a spread went past on its way to another is no level reached ...
        ("tingling in my feet, it's crept past my ankles to my knees", {"foot", "knee"}, "both"),
        # ... one passed with nothing after it is
        ("numb toes, it has crept past my ankles", {"foot.toes", "ankle"}, "both"),
        # a band after a segment a symptom closes is the dermatome's
        ("numbness T6 band", TERRITORY_T6, None),
        ("a T6 band of numbness", TERRITORY_T6, None),
        ("T6 band", set(), None),
        # a back numb across the middle is the mid back; a hand has no such part
        ("my back is numb across the middle", {"back.upper"}, None),
        ("my hand is numb across the middle", {"hand"}, None),
    ],
)
def test_levels_bands_and_the_middle(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a numbness named alone that goes on, after another symptom of a part got better
        (
            "the weakness in my left hand has got better, numbness still there",
            {"hand"},
            "left",
        ),
        ("my foot pain has gone but the numbness remains", {"foot"}, None),
        # controls: a part of its own after it, and a numbness denied
        ("my back pain has gone, numbness still in my toes", {"foot.toes"}, "both"),
        ("the weakness in my hand has got better, no numbness", set(), None),
    ],
)
def test_a_numbness_that_goes_on(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a side letter before a grip is the side of the digits named with no side ...
        ("R grip weaker, numb thumb", {"hand.thumb"}, "right"),
        # ... and "r" before other words is still "are"
        ("my hands r numb", {"hand"}, "both"),
    ],
)
def test_a_side_letter_before_a_grip(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)
