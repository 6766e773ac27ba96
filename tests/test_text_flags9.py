"""The red-flag misses and false flags of tests/corpus/heldout9.yaml (and those left in
heldout8.yaml), corrected as rules, and the lead's labelling conventions (issue 16). The
concepts, classes and rules are tested word by word by test_vocabulary.py and
test_text_flags6.py; the context terms, spellings and cause cues by FLAGS9_WORDS here. The
sentences are written for these tests, not taken from the held-out sets."""

from __future__ import annotations

import re

import pytest

from acupoints import KnowledgeBase

from .textread import fired, raised, reading
from .vocabulary import FLAGS9_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS9_WORDS))
def test_every_flags9_word_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    text, flags, cause, control = FLAGS9_WORDS[key]
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    assert set(key[1].split()) <= set(words), (key, text)
    assert (raised(kb, text), reading(kb, text)[2]) == (flags, cause), text
    # the same sentence without the term reads otherwise
    assert (raised(kb, control), reading(kb, control)[2]) != (flags, cause), control
    corrected = [wrong for wrong, _ in kb.read(text).corrected]
    if key[0] == "spelling":
        assert key[1] in corrected, text
    if key[0] == "english":
        assert key[1] not in corrected, text


# ------------------------------------------------------------------ the lead's conventions
@pytest.mark.parametrize(
    "text",
    [
        "my arms are getting weaker by the day and it is moving up",
        "the weakness started in my feet on monday and today it is at my hips, legs weaker"
        " each day",
        "tingly toes saturday, by monday my knees kept buckling",
    ],
)
def test_weakness_climbing_over_days_is_ascending_weakness_alone(
    kb: KnowledgeBase, text: str
) -> None:
    got = raised(kb, text)
    assert "ascending_weakness" in got, (text, got)
    assert "progressive_weakness" not in got, (text, got)


def test_progressive_weakness_stays_without_a_climb(kb: KnowledgeBase) -> None:
    assert "progressive_weakness" in raised(kb, "my arm is getting weaker every week")


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # posture and kit are no cause
        ("numb thigh after sitting too long", None),
        ("my toes go numb in my tight ski boots", None),
        # a dental procedure or an epidural is an operation: the cause injury, no flag for it
        ("numb lower lip since the dentist on monday", "injury"),
        ("numb patch on my shin since the epidural", "injury"),
    ],
)
def test_posture_is_no_cause_and_a_procedure_is_an_operation(
    kb: KnowledgeBase, text: str, cause: str | None
) -> None:
    assert reading(kb, text)[2] == cause, text
    assert "after_injury" not in raised(kb, text), text


@pytest.mark.parametrize(
    "text",
    [
        # a likeness names no cause
        "my chin feels like I've had a dental injection",
        "numb lip like after a root canal, but I haven't had one",
        # a procedure whose numbness wore off, or that recovered, explains nothing now
        "the numbness from the dentist wore off, now my big toe tingles",
        "had a wisdom tooth out in 2019 but it fully recovered, my heel is numb now",
    ],
)
def test_a_likeness_or_a_recovered_procedure_is_no_cause(kb: KnowledgeBase, text: str) -> None:
    assert reading(kb, text)[2] is None, text


def test_a_numb_face_in_a_stroke_raises_both(kb: KnowledgeBase) -> None:
    got = raised(kb, "all of a sudden my cheek went numb and my mouth went down on one side")
    assert got.get("stroke") == "emergency" and "facial_numbness" in got, got
    assert "one_sided_numbness" not in got, got


# ------------------------------------------------------------------ rules of this round
@pytest.mark.parametrize(
    "text",
    [
        "my nan keeps dropping her keys and she is shuffling, her fingers are numb",
        "numb hands, dropping cups all the time and I'm unsteady on my feet",
    ],
)
def test_dropping_things_with_an_unsteady_walk_is_myelopathy(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text) == {"cervical_myelopathy": "urgent"}, text


def test_dropping_things_alone_is_still_progressive_weakness(kb: KnowledgeBase) -> None:
    assert raised(kb, "numb fingers and I keep dropping my cup") == {
        "progressive_weakness": "urgent"
    }


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("cant climb the stairs now", {"progressive_weakness": "urgent"}),
        ("numb feet and I cannot get out of a chair now", {"progressive_weakness": "urgent"}),
        ("numb hands, I can't lift the kettle these days", {"progressive_weakness": "urgent"}),
        # an ability said of now is no failing
        ("I can climb the stairs now, my toes are numb", {}),
    ],
)
def test_a_new_inability_said_of_now(kb: KnowledgeBase, text: str, flags: dict[str, str]) -> None:
    assert raised(kb, text) == flags, text


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("I dropped a weight on my foot and the top of it is numb", {"after_injury": "urgent"}),
        ("dropped a kettlebell on my toe, it's numb", {"after_injury": "urgent"}),
        ("numb feet and I've dropped two stone without trying", {"systemic_illness": "urgent"}),
    ],
)
def test_a_weight_dropped_on_a_part_is_not_weight_lost(
    kb: KnowledgeBase, text: str, flags: dict[str, str]
) -> None:
    assert raised(kb, text) == flags, text


def test_a_limb_not_what_it_was(kb: KnowledgeBase) -> None:
    text = "my toes are numb and my legs are not what they used to be"
    assert "limb_not_what_it_was" in fired(kb, text)
    assert raised(kb, text) == {"progressive_weakness": "urgent"}


@pytest.mark.parametrize(
    "text",
    [
        # a sign with no context, after the other person is named in its sentence, is theirs
        "my husband have numb in the legs and a fever",
        "my daughter has a fever and her feet have gone numb",
    ],
)
def test_a_carers_report_of_a_sign_with_no_possessive(kb: KnowledgeBase, text: str) -> None:
    assert "systemic_illness" in raised(kb, text), text


def test_a_writers_own_numbness_beside_anothers_fever_raises_nothing(kb: KnowledgeBase) -> None:
    assert raised(kb, "numb feet, my husband has a fever") == {}


@pytest.mark.parametrize(
    ("text", "breathing"),
    [
        ("numb fingers and I cannot lie down as I get so breathless", True),
        ("numb feet, I sleep sitting up to breathe", True),
        # a flat back that hurts is not breathlessness
        ("my back aches and I can't lie flat, numb toes", False),
        ("up all night with the pain, can't lie flat, my foot is numb", False),
    ],
)
def test_breathless_lying_flat(kb: KnowledgeBase, text: str, breathing: bool) -> None:
    assert ("breathing" in raised(kb, text)) is breathing, text


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("in the shower the water is hot on one leg and cold on the other, numb toes", True),
        ("the bath water feels cold on my left arm and hot on my right arm", True),
        # a hot bath for cold feet says nothing of one side
        ("I have cold feet and a hot bath helps, numb left toes", False),
    ],
)
def test_water_hot_on_one_side_and_cold_on_the_other(
    kb: KnowledgeBase, text: str, flag: bool
) -> None:
    assert ("water_hot_and_cold_by_side" in fired(kb, text)) is flag, text
