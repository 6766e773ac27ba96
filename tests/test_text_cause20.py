"""Cause20 of the text reader (issue 16): the causes held-out set 19 named in ways the reader
did not read, corrected by kind as general rules after the set was released, and the two
conventions the lead left open (docs/text.md, "The twentieth round: causes").

Each rule is tested here on sentences other than those of the corpus, with a control the
rule must leave alone. Every word of the "cause20" blocks of causes.yaml and text.yaml has a
sentence of its own (``CAUSE20_WORDS``).
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_cause_block_words, check_word_is_read, reading
from .vocabulary import CAUSE20_WORDS


@pytest.mark.parametrize("key", sorted(CAUSE20_WORDS))
def test_every_cause20_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, CAUSE20_WORDS, key)


def test_every_cause20_text_word_has_a_sentence() -> None:
    listed = {word for _, word in CAUSE20_WORDS}
    blocks = block_words("text.yaml", "cause20")
    assert len(blocks) >= 18
    assert not blocks - listed, sorted(blocks - listed)


def test_every_cause20_cause_word_has_a_sentence() -> None:
    check_cause_block_words(CAUSE20_WORDS, "cause20", 19)


def cause(kb: KnowledgeBase, text: str) -> str | None:
    return reading(kb, text)[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the conventions: a chemotherapy or an autoimmune disease stated is the cause, with a
        # fever and a new back pain or not (the red flags say the warning) ...
        (
            "my grandad is on chemo for his lymphoma and has a fever and new back pain with "
            "numb legs",
            "chemotherapy",
        ),
        (
            "I'm on chemo and have a temperature and my back hurts and my feet are numb",
            "chemotherapy",
        ),
        (
            "I have lupus and I'm on steroids, I've had a fever since Sunday and my legs are numb",
            "autoimmune",
        ),
        ("RA on methotrexate, febrile, new back pain, numb legs", "autoimmune"),
        (
            "on methotrexate and steroids for my arthritis, a temperature and numb feet",
            "autoimmune",
        ),
        # ... not an immunosuppressant with no disease named, nor a disease of someone else
        ("on methotrexate and steroids, a temperature and numb feet", None),
        ("my sister has lupus; I have a fever and numb feet", None),
    ],
)
def test_a_stated_cause_stays_with_a_fever(
    kb: KnowledgeBase, text: str, expected: str | None
) -> None:
    assert cause(kb, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acupoint code named as a site is where a needle went in ...
        ("tingling at ST36 site since the treatment on Monday", "residual_needle_sensation"),
        ("residual paraesthesia at the SP6 site, L leg", "residual_needle_sensation"),
        # ... not a code with no site word, a word of a code's shape that is no code, or a
        # site denied
        ("hypoaesthesia over ST36, numb shin", None),
        ("numb thumb, tender over the C7 site", None),
        ("no numbness at the LI4 site, but my foot is numb", None),
    ],
)
def test_an_acupoint_site_is_a_needles_place(
    kb: KnowledgeBase, text: str, expected: str | None
) -> None:
    assert cause(kb, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthesis that asks asks only itself: the words before it are stated ...
        ("my physio thinks it's my neck (C6?) and my thumb is numb", "cervical_root"),
        ("the GP reckons it's my back (L5?), my big toe is numb", "lumbar_root"),
        # ... and what it asks is a doubt, as a question is
        ("numb thumb (from my neck?)", None),
        ("numb toes (diabetes?)", None),
        ("my physio thinks it's my neck? my thumb is numb", None),
    ],
)
def test_a_parenthesis_that_asks_asks_only_itself(
    kb: KnowledgeBase, text: str, expected: str | None
) -> None:
    assert cause(kb, text) == expected, text


def test_the_words_before_an_asking_parenthesis_are_stated(kb: KnowledgeBase) -> None:
    areas, side, _ = reading(kb, "for weeks my left forearm has been numb, GP thinks it's C7 (C6?)")
    assert (areas, side) == ({"forearm"}, "left")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # falls counted are a sign of an unsteady walk, not an injury the numbness follows ...
        ("my dad has fallen three times this month and his feet are numb", None),
        ("grandad fell twice at the weekend and his hands are numb", None),
        ("frequent falls and numb feet", None),
        # ... unless the numbness is dated from them, and one fall stays an injury
        ("I fell twice on the stairs and now my knee is numb", "injury"),
        ("fell twice last week, since then my wrist has been numb", "injury"),
        ("I fell on the stairs and my knee is numb", "injury"),
    ],
)
def test_falls_counted_are_no_injury(kb: KnowledgeBase, text: str, expected: str | None) -> None:
    assert cause(kb, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a covid or a statin the numbness is dated from ...
        ("Strange, my feet have been numb since I had covid", "infection"),
        ("my calves have tingled since atorvastatin", "alcohol_toxins"),
        (
            "does anyone else get numb legs on statins? mine started after simvastatin",
            "alcohol_toxins",
        ),
        # ... not a covid had and got over, a covid jab, a statin asked about, someone else's
        ("had covid last year, all better, numb toes", None),
        ("my arm has been numb since the covid jab", None),
        ("could my statins be why my toes are numb?", None),
        ("my friend's toes went numb after covid, mine are fine", None),
    ],
)
def test_a_covid_or_statin_the_numbness_is_dated_from(
    kb: KnowledgeBase, text: str, expected: str | None
) -> None:
    assert cause(kb, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # procedures: a lump taken out, a perineum cut or repaired at a birth, a needle put
        # in by the practitioner written to ...
        ("the skin under my arm is numb where they took the lump out", "injury"),
        ("numb feeling down below since the episiotomy", "injury"),
        ("my shin is numb where you put the needles", "residual_needle_sensation"),
        # ... not a generic "you" that places a part, nor a lump "removed" (no cause in the
        # earlier sets), nor a birth alone
        ("the elbow bit where you hit your funny bone is numb", None),
        ("I had a lump removed from my arm and it's numb there", None),
        ("numb perineum since the birth", None),
    ],
)
def test_procedures(kb: KnowledgeBase, text: str, expected: str | None) -> None:
    assert cause(kb, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # false injuries: a bladder's "accident", a biopsy's finding, a pressure of the heart
        ("numb buttocks and I had an accident with my bladder this morning", None),
        ("Hx of BCC excluded on biopsy. Numb R heel.", None),
        ("epigastric pressure radiating to my left arm, which is numb", None),
        # controls: an accident of the body, a biopsy the numbness follows, a pressure on
        # a nerve
        ("had an accident at work and now my hand is numb", "injury"),
        ("numb since my prostate biopsy", "injury"),
        ("numb hand from prolonged pressure", "injury"),
    ],
)
def test_false_injuries(kb: KnowledgeBase, text: str, expected: str | None) -> None:
    assert cause(kb, text) == expected, text
