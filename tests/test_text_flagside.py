"""The flag and side misses left in every corpus set, swept by kind (issue 16, branch
flagside). Each rule is tested here on sentences written for these tests, not taken from
the corpus, each with a control the rule must leave alone; every word of the "flagside"
blocks of text.yaml has a sentence of its own in ``FLAGSIDE_WORDS``. Labels changed by
convention are listed in their files' headers.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, fired, raised, reading
from .vocabulary import FLAGSIDE_READS, FLAGSIDE_WORDS


@pytest.mark.parametrize("key", sorted(FLAGSIDE_WORDS))
def test_every_flagside_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGSIDE_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGSIDE_WORDS} | set(FLAGSIDE_READS)
    check_flag_block_words("flagside", listed)


# ------------------------------------------------------------------ a face for a sign
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a mouth that will not move droops: the stroke, no numb face
        ("my hand is numb and the right side of my mouth wont move", {"stroke": "emergency"}),
        # an eye gone dark all of a sudden: the eye is the sign's
        (
            "tingling toes and suddenly my right eye went dark",
            {"stroke": "emergency"},
        ),
        # food coming back through the nose on swallowing: the nose is the sign's
        (
            "numb legs and soup comes back up my nose when I swallow",
            {"breathing": "emergency"},
        ),
    ],
)
def test_a_face_part_in_a_sign_is_no_numb_face(
    kb: KnowledgeBase, text: str, want: dict[str, str]
) -> None:
    assert raised(kb, text) == want, text
    assert not any(r.startswith("face") for r in reading(kb, text)[0]), text


def test_a_face_part_said_numb_with_a_sign_keeps_the_flag(kb: KnowledgeBase) -> None:
    # controls: the face part is also said numb
    text = "my mouth wont move on the right and my lip is numb"
    assert raised(kb, text) == {"stroke": "emergency", "facial_numbness": "urgent"}, text
    droop = "my face is drooping and numb"
    assert "facial_numbness" in raised(kb, droop), droop


def test_a_jaw_that_chest_pain_goes_into_is_no_numb_face(kb: KnowledgeBase) -> None:
    text = "my husband has a heavy pain in his chest going into his jaw and his hand is numb"
    assert raised(kb, text) == {"heart_attack": "emergency"}, text
    numb = "my husband has a heavy pain in his chest and his jaw is numb"
    assert raised(kb, numb) == {"heart_attack": "emergency", "facial_numbness": "urgent"}, numb


def test_a_droopy_face_after_a_numb_hand_is_no_numb_face(kb: KnowledgeBase) -> None:
    text = "my mum's left arm went numb an hour ago and her face looks droopy"
    assert "facial_numbness" not in raised(kb, text), text
    assert "stroke" in raised(kb, text), text
    said = "half of her face is not feeling and her mouth is going down"
    assert "facial_numbness" in raised(kb, said), said
    assert "face_numb" in fired(kb, said), said


# ------------------------------------------------------------------ a limb in plaster
def test_a_limb_in_plaster_is_after_an_injury(kb: KnowledgeBase) -> None:
    text = "my left ankle was in plaster for a month and now my toes are numb"
    assert raised(kb, text) == {"after_injury": "urgent"}, text
    assert "limb_in_plaster" in fired(kb, text)
    sticking = "I put a plaster on my heel and my toes are numb"
    assert raised(kb, sticking) == {}, sticking
    another = "my sister's wrist was in plaster and my thumb is numb"
    assert raised(kb, another) == {}, another


def test_an_operation_is_no_injury_flag(kb: KnowledgeBase) -> None:
    # the convention: an operation is the cause injury, with no after_injury
    text = "I had surgery on my elbow and now my ring finger is numb"
    assert raised(kb, text) == {}, text
    assert reading(kb, text)[2] == "injury", text


# ------------------------------------------------------------------ "left" as a verb
@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("the radiotherapy has left my hands numb", "both"),
        ("the shingles left her right cheek numb", "right"),
        ("the accident left me with a numb thigh", None),
    ],
)
def test_left_before_a_possessive_is_the_verb(
    kb: KnowledgeBase, text: str, side: str | None
) -> None:
    assert reading(kb, text)[1] == side, text


@pytest.mark.parametrize(
    "text", ["on the left my foot is numb", "numb left my foot", "my left foot is numb"]
)
def test_left_as_a_side_stays_a_side(kb: KnowledgeBase, text: str) -> None:
    assert reading(kb, text)[1] == "left", text


@pytest.mark.parametrize("word", sorted(FLAGSIDE_READS))
def test_every_flagside_spelling_reads_as_listed(kb: KnowledgeBase, word: str) -> None:
    text, want, control = FLAGSIDE_READS[word]
    assert f" {word} " in f" {text.lower()} ", text
    assert f" {word} " not in f" {control.lower()} ", control
    areas, side, _ = reading(kb, text)
    assert (areas, side, raised(kb, text)) == want, text
    areas, side, _ = reading(kb, control)
    assert (areas, side, raised(kb, control)) != want, control


# ------------------------------------------------------------------ seats and leaks
def test_a_saddle_or_toilet_sat_on_is_a_seat(kb: KnowledgeBase) -> None:
    text = "the saddle has made my palms numb"
    assert raised(kb, text) == {}, text
    crotch = "the saddle has made my crotch numb"
    assert raised(kb, crotch) == {"cauda_equina": "emergency"}, crotch
    toilet = "my legs go numb when I sit on the loo too long"
    assert raised(kb, toilet) == {}, toilet
    saddle = "my legs go numb and I can't feel where I sit on the loo"
    assert raised(kb, saddle) == {"cauda_equina": "emergency"}, saddle


def test_leaking_said_of_oneself_is_incontinence(kb: KnowledgeBase) -> None:
    text = "my legs are numb and I keep leaking when I laugh"
    assert raised(kb, text) == {"cauda_equina": "emergency"}, text
    assert "leaking_said" in fired(kb, text)
    tap = "my legs are numb and the tap keeps leaking"
    assert raised(kb, tap) == {}, tap


# ------------------------------------------------------------------ sides in clinical notes
@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("symmetrical numbness to mid-shin", "both"),
        ("symmetric sensory loss to the mid calf.", "both"),
        ("tingling over the hypothenar eminence, R", "right"),
    ],
)
def test_clinical_sides(kb: KnowledgeBase, text: str, side: str) -> None:
    assert reading(kb, text)[1] == side, text


def test_a_symmetrical_sign_leaves_a_side_named_before(kb: KnowledgeBase) -> None:
    text = "numb left foot, symmetrical reflexes"
    assert reading(kb, text)[1] == "left", text
