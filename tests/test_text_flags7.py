"""The red-flag misses and false flags of tests/corpus/heldout7.yaml, corrected as rules
(issue 16): the context terms, the clinical query mark ("?retention"), the questions that
state, and the sides written "R sided". The words of the new concepts, classes and rules
are tested word by word from tests/vocabulary.py (test_vocabulary.py,
test_text_flags6.py); this module tests the rest, with sentences written for it (not those
of heldout7), each term with a sentence that needs it: taking the term out of
data/text.yaml fails its sentence."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised, reading

# ------------------------------------------------------------------ denials
NOTHING_NUMB = [
    "nothing numb",
    "nothing is numb",
    "nothings numb",
    "nothing tingly",
    "nothing is tingly",
]


def test_a_saddle_said_numb_raises_cauda_equina(kb: KnowledgeBase) -> None:
    assert "cauda_equina" in raised(kb, "numb left buttock, numb down below")


@pytest.mark.parametrize("term", NOTHING_NUMB)
def test_nothing_numb_denies_what_follows(kb: KnowledgeBase, term: str) -> None:
    text = f"numb left buttock, {term} down below"
    assert raised(kb, text) == {}, text


WAKE = {
    "doesnt wake": "my back pain doesnt wake me, numb left calf",
    "does not wake": "the pain in my back does not wake me, numb left calf",
    "dont wake": "my back pains dont wake me, numb left calf",
    "never wakes": "the back pain never wakes me, numb left calf",
    "doesnt keep me up": "my back pain doesnt keep me up, numb left calf",
    "doesnt keep me awake": "my back pain doesnt keep me awake, numb left calf",
    "does not keep me up": "my back pain does not keep me up, numb left calf",
}


def test_a_pain_that_wakes_one_is_night_pain(kb: KnowledgeBase) -> None:
    assert "night_pain" in raised(kb, "my back pain wakes me, numb left calf")
    assert "night_pain" in raised(kb, "my back pain keeps me up, numb left calf")


@pytest.mark.parametrize("term", sorted(WAKE))
def test_a_pain_that_does_not_wake_one_is_no_night_pain(kb: KnowledgeBase, term: str) -> None:
    assert "night_pain" not in raised(kb, WAKE[term]), WAKE[term]


DELIBERATE = [
    "on purpose",
    "deliberately",
    "intentionally",
    "with slimming world",
    "with weight watchers",
    "with weightwatchers",
    "on a diet",
    "from dieting",
    "by counting calories",
    "by calorie counting",
]


def test_weight_lost_raises_systemic_illness(kb: KnowledgeBase) -> None:
    assert "systemic_illness" in raised(kb, "lost weight this year, numb left thigh")


@pytest.mark.parametrize("term", DELIBERATE)
def test_weight_lost_on_purpose_is_no_flag(kb: KnowledgeBase, term: str) -> None:
    text = f"lost weight {term} this year, numb left thigh"
    assert "systemic_illness" not in raised(kb, text), text


@pytest.mark.parametrize(
    "text",
    [
        "im on a diet for my diabetes and my feet are numb",
        "on purpose i checked my feet and they are numb",
    ],
)
def test_what_follows_a_diet_is_not_denied(kb: KnowledgeBase, text: str) -> None:
    """Only the weight loss before it: "on a diet for my diabetes" keeps the cause."""
    areas, _, cause = reading(kb, text)
    assert areas == {"foot"}, text
    assert cause == ("diabetic" if "diabetes" in text else None), text


# ------------------------------------------------------------------ someone else's
NEIGHBOURS = [
    "the lady next door",
    "the neighbours",
    "the neighbors",
    "a neighbour",
    "a neighbor",
    "our neighbour",
    "our neighbor",
    "a colleague",
    "a coworker",
    "someone at work",
    "someone i know",
    "a woman at work",
    "a man at work",
    "a lady at work",
    "a guy at work",
]


def test_night_sweats_of_ones_own_raise_the_flag(kb: KnowledgeBase) -> None:
    assert "systemic_illness" in raised(kb, "night sweats, i have a numb patch on my left thigh")


@pytest.mark.parametrize("who", NEIGHBOURS)
def test_someone_near_is_someone_else(kb: KnowledgeBase, who: str) -> None:
    text = f"{who} has night sweats, i have a numb patch on my left thigh"
    assert raised(kb, text) == {}, text
    assert reading(kb, text)[0] == {"thigh"}


# ------------------------------------------------------------------ over and done with
OVER = {
    "all gone": "had a fever in the spring, all gone, my hands tingle now",
    "all gone now": "had a fever in the spring, all gone now, my hands tingle now",
    "wore off": "my lip went numb at the dentist and wore off, now my left thumb is numb",
    "has worn off": "my lip went numb at the dentist and has worn off, now my left thumb is numb",
    "had worn off": "my lip went numb at the dentist and had worn off, now my left thumb is numb",
    "but that wore off": "my lip was numb after the dentist but that wore off, my toe is numb",
    "but it wore off": "my lip was numb after the dentist but it wore off, my toe is numb",
    "but its worn off": "my lip was numb after the dentist but its worn off, my toe is numb",
    "but thats worn off": "my lip was numb after the dentist but thats worn off, my toe is numb",
    "but that has worn off": "my lip was numb at the dentist but that has worn off, my toe is numb",
    "but it has worn off": "my lip was numb at the dentist but it has worn off, my toe is numb",
    "that healed": "i had an ulcer on my heel that healed, my feet are numb",
    "which healed": "i had an ulcer on my heel which healed, my feet are numb",
    "it healed": "i had an ulcer on my heel, it healed, my feet are numb",
    "and it healed": "i had an ulcer on my heel and it healed, my feet are numb",
    "came back fully": "my cheek went numb in 2015, came back fully, now my shin is numb",
    "came back completely": "my cheek went numb in 2015, came back completely, now my shin is numb",
    "came back to normal": "my cheek went numb in 2015, came back to normal, now my shin is numb",
    "feeling came back": "my cheek went numb in 2015 and the feeling came back, now my toe is numb",
}


@pytest.mark.parametrize("term", sorted(OVER))
def test_a_finding_said_to_be_over_raises_nothing(kb: KnowledgeBase, term: str) -> None:
    assert raised(kb, OVER[term]) == {}, OVER[term]


def test_a_finding_still_there_raises_its_flag(kb: KnowledgeBase) -> None:
    assert "foot_wound" in raised(kb, "i have an ulcer on my heel, my feet are numb")
    assert "facial_numbness" in raised(kb, "my cheek went numb, now my left shin is numb")


MECHANICAL = {
    "not mechanical": "its not mechanical the pain comes at 3am and my left hand is numb",
    "isnt mechanical": "it isnt mechanical the pain comes at 3am and my left hand is numb",
    "is not mechanical": "my back pain at 3am is not mechanical, my left hand is numb",
}


@pytest.mark.parametrize("term", sorted(MECHANICAL))
def test_a_pain_not_mechanical_is_still_a_pain(kb: KnowledgeBase, term: str) -> None:
    assert "night_pain" in raised(kb, MECHANICAL[term]), MECHANICAL[term]


# ------------------------------------------------------------------ questions that state
ASKING = [
    "is it bad if",
    "is it serious if",
    "should i worry if",
    "should i be worried if",
    "should i go to a&e if",
    "should i go to A and E if",
    "should i go to ae if",
    "should i go to the doctor if",
    "should i see a doctor if",
    "do i need to go to a&e if",
    "do i need to see a doctor if",
]


def test_what_if_only_asks(kb: KnowledgeBase) -> None:
    assert raised(kb, "what if my numb left foot has a blister?") == {}


@pytest.mark.parametrize("opener", ASKING)
def test_a_question_about_what_is_so_states_it(kb: KnowledgeBase, opener: str) -> None:
    text = f"{opener} my numb left foot has a blister?"
    assert raised(kb, text).get("foot_wound") == "urgent", text
    assert reading(kb, text)[0] == {"foot"}, text


# ------------------------------------------------------------------ the clinical query
def test_a_query_asks_only_about_its_word(kb: KnowledgeBase) -> None:
    # "?" against the word after it is no question mark ending the clause before it
    assert reading(kb, "hypoaesthesia L hand, ?CTS")[0] == {"hand"}
    assert raised(kb, "reduced perianal sensation, ?retention, LBP").get("cauda_equina") == (
        "emergency"
    )
    assert "one_sided_numbness" in raised(kb, "R hemisensory loss over 2/52, ?MS")
    # a question mark after a word still asks
    assert raised(kb, "reduced perianal sensation?") == {}


# ------------------------------------------------------------------ sides before "sided"
@pytest.mark.parametrize("side", ["R", "L", "rt", "lt"])
def test_a_side_before_sided_is_read(kb: KnowledgeBase, side: str) -> None:
    text = f"pt c/o {side} sided body numbness for a week"
    assert "one_sided_numbness" in raised(kb, text), text


# ------------------------------------------------------------------ someone else's signs now
PROXY = [
    ("my husbands face has dropped on one side and his arm is weak", "stroke"),
    ("my dads speech is slurred and his face is drooping", "stroke"),
    ("my wife has a fever and night sweats and her back aches", "systemic_illness"),
    ("my sons toe has gone black", "foot_wound"),
]


@pytest.mark.parametrize(("text", "flag"), PROXY)
def test_another_persons_present_signs_are_raised(kb: KnowledgeBase, text: str, flag: str) -> None:
    """The writer names nothing of their own: they write for that person, whose areas
    are then the patient's too (tests/test_text_proxy.py)."""
    assert flag in raised(kb, text), text


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own numbness: the other's signs stay theirs
        "my husbands face has dropped on one side, my feet are numb",
        "my wife has a fever and night sweats, my left hand is numb",
        # past: what the other had
        "my dad had a stroke and his face was drooping",
        "my mum had a fever and night sweats",
    ],
)
def test_another_persons_signs_stay_theirs(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text) == {}, text


def test_a_pain_that_does_not_wake_one_denies_nothing_after_it(kb: KnowledgeBase) -> None:
    text = "the pain doesnt keep me up and theres an ulcer on my foot, numb toes"
    assert "foot_wound" in raised(kb, text)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("does low iron make your lips tingle? mine have for days", {"face.mouth"}),
        ("do your feet go numb in the cold? mine do", {"foot"}),
        ("can stress make your hands tingle? mine are", {"hand"}),
        ("do your toes go numb after running? mine too", {"foot.toes"}),
    ],
)
def test_a_question_the_writer_answers_for_themselves_states(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas, text


def test_a_question_answered_by_another_part_still_asks(kb: KnowledgeBase) -> None:
    assert reading(kb, "do your feet go numb in the cold? my hands do")[0] == {"hand"}


@pytest.mark.parametrize(
    "text",
    [
        "stepped on a nail and never noticed, numb left foot",
        "i had a blister on my heel and never noticed, my feet are numb",
    ],
)
def test_never_noticing_a_wound_is_no_denial_of_it(kb: KnowledgeBase, text: str) -> None:
    assert "foot_wound" in raised(kb, text), text
