"""A question about one's own numbness states it: "why are my toes numb?", "is it normal
that my feet are numb after chemo?" (issue 16). Before, a clause ending in a question mark
was read as only asking, and "is it" / "should I" opened a supposed scope, so these
sentences raised LocationError. A question that asks whether something is so ("what if my
toes go numb?", "numb face? no", "could it be MS?") still only asks.

The sentences are kept here, one or more for each asserting opener of data/text.yaml, not
derived from the data: removing an opener fails its sentence."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised, reading

STATED = [
    ("why are my toes numb?", {"foot.toes"}, None),
    ("how come my left hand goes numb at night?", {"hand"}, None),
    ("is it normal that my toes are numb after chemo?", {"foot.toes"}, "chemotherapy"),
    ("is this normal that my toes are numb since chemo?", {"foot.toes"}, "chemotherapy"),
    ("is that normal for fingers to go numb every morning?", {"hand.fingers"}, None),
    ("is it common to get numb feet with diabetes?", {"foot"}, "diabetic"),
    ("is it usual for my heel to be numb after a fall?", {"foot.heel"}, "injury"),
    ("is it ok that my thumb is still tingling?", {"hand.thumb"}, None),
    ("is it okay that my shin is numb?", {"leg"}, None),
    ("is it bad that my fingers are numb all the time?", {"hand.fingers"}, None),
    ("is it serious that my sole is numb?", {"foot.sole"}, None),
    ("should I worry that my toes are numb?", {"foot.toes"}, None),
    ("should i be worried that my hands are tingling?", {"hand"}, None),
    ("should I be concerned that my thigh is numb?", {"thigh"}, None),
    ("what causes numb feet in diabetics?", {"foot"}, "diabetic"),
    ("what is causing the numbness in my fingers?", {"hand.fingers"}, None),
    ("whats causing my numb toes?", {"foot.toes"}, None),
    ("what could be causing my numb calf?", {"leg"}, None),
    ("what can I do about numb fingers?", {"hand.fingers"}, None),
    ("what can I take for tingling feet?", {"foot"}, None),
    ("what helps numb toes after chemo?", {"foot.toes"}, "chemotherapy"),
    ("what will help my numb hands?", {"hand"}, None),
    ("how do I get rid of pins and needles in my feet?", {"foot"}, None),
    ("how can i stop my hands going numb at night?", {"hand"}, None),
    ("how long will my toes stay numb after chemo?", {"foot.toes"}, "chemotherapy"),
    ("how long does numbness in the fingers last?", {"hand.fingers"}, None),
    ("does acupuncture help numb feet from chemo?", {"foot"}, "chemotherapy"),
    ("can acupuncture help my numb fingers?", {"hand.fingers"}, None),
    ("will acupuncture help the numbness in my sole?", {"foot.sole"}, None),
    ("would acupuncture help numb toes?", {"foot.toes"}, None),
    ("which points for numb fingers?", {"hand.fingers"}, None),
    ("what points for a numb heel?", {"foot.heel"}, None),
    ("anyone else have numb toes after chemo?", {"foot.toes"}, "chemotherapy"),
    ("anyone else get tingling hands at night?", {"hand"}, None),
    ("does anyone else suffer from numb feet with diabetes?", {"foot"}, "diabetic"),
    (
        "has anyone else had numb fingers from a trapped nerve in the neck?",
        {"hand.fingers"},
        "cervical_root",
    ),
    ("why do my fingres go numb when i ride my bike?", {"hand.fingers"}, None),
]


@pytest.mark.parametrize(("text", "areas", "cause"), STATED, ids=[t for t, *_ in STATED])
def test_a_question_about_ones_own_numbness_states_it(
    kb: KnowledgeBase, text: str, areas: set[str], cause: str | None
) -> None:
    read, _, inferred = reading(kb, text)
    assert read == areas
    assert inferred == cause


ASKING = [
    "what if my toes go numb?",
    "what if my feet are numb tomorrow?",
    "could it be MS?",
    "do you think it could be a stroke?",
    "numb toes?",
]


@pytest.mark.parametrize("text", ASKING)
def test_a_question_whether_something_is_so_only_asks(kb: KnowledgeBase, text: str) -> None:
    assert reading(kb, text)[0] == set()


def test_a_question_that_states_keeps_its_red_flags(kb: KnowledgeBase) -> None:
    text = "why cant I feel the toilet paper when I wipe and why cant I pee?"
    assert "cauda_equina" in raised(kb, text)
    # and one that only asks raises none
    assert "cauda_equina" not in raised(kb, "what if I couldnt feel the toilet paper?")


def test_the_first_clause_of_a_checklist_question_still_only_asks(kb: KnowledgeBase) -> None:
    read = kb.read("numb face? no, my face is fine, my hand is numb")
    assert all(f.context for f in read.areas if f.id == "face" and f.role == "numb")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("why do my fingers go numb when I ride my bike?", "why"),
        ("my wife's feet have been numb since her chemo", "wife"),
        ("numb R calf, denies saddle anaesthesia", "denies"),
        ("numb toes, no bladder problems", "bladder"),
    ],
)
def test_the_words_of_a_context_trigger_are_not_ignored(
    kb: KnowledgeBase, text: str, word: str
) -> None:
    """A trigger of text.yaml's context ("why", "my wife", "denies") was read: it is not
    listed in Location.ignored as a word the reader did not use."""
    assert word not in kb.select(text).location.ignored
