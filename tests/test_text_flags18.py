"""The red-flag misses, false flags and flags on negated or other people's sentences of
tests/corpus/heldout17.yaml, corrected by kind as rules (issue 16, helper flags18). The
classes and rules are tested word by word by test_text_flags6.py, the context terms and
concept words of the blocks "flags18" by FLAGS18_WORDS here; each rule below by sentences
written for these tests, not taken from the held-out set, each with controls where the rule
must not fire."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, fired, raised
from .vocabulary import FLAGS18_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS18_WORDS))
def test_every_flags18_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS18_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS18_WORDS}
    check_flag_block_words("flags18", listed)


# ------------------------------------------------------------------ past or present
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a recovery said after what was had, with its own subject: past
        ("I had a fever at Easter, that's long gone, and my toes are numb now", set()),
        ("my mouth drooped last year but it's long gone; my thumb is numb", set()),
        ("the weakness in my foot I had after the op recovered completely, numb shin", set()),
        # controls: what is still there
        ("I had a fever at Easter and my toes are numb now", {"systemic_illness"}),
        (
            "I've had a fever since Friday, that's not gone, and my toes are numb",
            {"systemic_illness"},
        ),
    ],
)
def test_a_finding_said_long_gone_or_recovered_is_past(
    kb: KnowledgeBase, text: str, flags: set[str]
) -> None:
    assert set(raised(kb, text)) == flags, text


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a transplant of any time: a recipient's immune system stays suppressed
        ("liver transplant in 2012, high temperature this week, my legs are numb", True),
        ("I had a kidney transplant years ago and now I've got a fever and numb feet", True),
        ("post renal transplant 2018, T 38.9, numb patch lower back", True),
        # controls: a fever in the past, or denied, with the transplant
        ("kidney transplant two years ago, no fever, numb patch over my lower back", False),
        ("my brother had a kidney transplant, I have a fever and numb feet", False),
    ],
)
def test_a_transplant_in_the_past_still_counts_with_a_fever_now(
    kb: KnowledgeBase, text: str, flags: bool
) -> None:
    assert ("spinal_infection" in raised(kb, text)) is flags, text


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a months-long spread dated by months or seasons is no ascent over days
        (
            "in June it was my toes, by October my ankles, now in January it is up to my knees",
            set(),
        ),
        (
            "tingling started in my feet in the spring, by the winter it had crept up to my knees",
            set(),
        ),
        # controls: the same dated by days
        (
            "on Monday it was my toes, by Wednesday my ankles, now today it is up to my knees",
            {"ascending_weakness"},
        ),
        (
            "the tingling started in my feet on Friday and by Sunday it had crept up to my knees",
            {"ascending_weakness"},
        ),
    ],
)
def test_a_spread_over_months_is_no_ascending_weakness(
    kb: KnowledgeBase, text: str, flags: set[str]
) -> None:
    assert set(raised(kb, text)) == flags, text


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        # "ascending" with a weakness over hours or days is the emergency
        ("ascending paraesthesia over 24 h with leg weakness", "emergency"),
        ("ascending numbness and weakness of both legs over 3 days", "emergency"),
        ("ascending sensory loss with weak legs since Monday", "emergency"),
        # controls: no weakness, or over months
        ("ascending paraesthesia over 24 h, power normal", "urgent"),
        ("ascending numbness over 6 months with mild leg weakness", "urgent"),
    ],
)
def test_ascending_with_weakness_over_days_is_an_emergency(
    kb: KnowledgeBase, text: str, urgency: str
) -> None:
    assert raised(kb, text).get("ascending_weakness") == urgency, text


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a reach held at work is no ascent
        ("decorator, reached up all day painting ceilings, now my fingers tingle", set()),
        ("I reach up to the top shelves at work and my hands go numb", set()),
        ("electrician working overhead, numb fingers by the end of the week", set()),
        # controls: a numbness that reached up a limb over days
        ("the numbness has reached up to my knees since Monday", {"ascending_weakness"}),
        ("tingling in my feet reached up to my thighs over three days", {"ascending_weakness"}),
    ],
)
def test_a_reach_held_at_work_is_no_ascent(kb: KnowledgeBase, text: str, flags: set[str]) -> None:
    assert set(raised(kb, text)) == flags, text


# ------------------------------------------------------------------ carers' words
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # falls counted are the unsteady walk of cervical myelopathy
        (
            "my dad's feet are numb and he has fallen three times this month",
            {"cervical_myelopathy"},
        ),
        ("her legs are without feeling and she fell twice this week", {"cervical_myelopathy"}),
        (
            "numb feet and I've had a few falls, fell several times since May",
            {"cervical_myelopathy"},
        ),
        # controls: a part that falls asleep, a measure that fell, a single fall
        ("my hand falls asleep two times a night", set()),
        ("my blood sugar fell three times this week and my feet are numb", set()),
        ("my feet are numb, I fell once last year", set()),
    ],
)
def test_falls_counted_are_an_unsteady_walk(kb: KnowledgeBase, text: str, flags: set[str]) -> None:
    assert set(raised(kb, text)) == flags, text


def test_a_carers_letter_keeps_the_past_of_the_person_written_for(kb: KnowledgeBase) -> None:
    text = "My dad had bowel cancer in 2019. Since last month his legs have gone numb."
    assert raised(kb, text) == {"cancer_history": "soon"}, text
    two = "Dear doctor, my mother was treated for breast cancer. Now her hands are tingling."
    assert raised(kb, two) == {"cancer_history": "soon"}, two
    # controls: the writer's own numbness, or the other person's in the past
    mine = "My mum had bowel cancer in 2019. My legs have gone numb."
    assert raised(kb, mine) == {}, mine
    past = "My mum had bowel cancer. Her feet were numb for a while."
    assert raised(kb, past) == {}, past


def test_a_person_of_the_patients_is_someone_else(kb: KnowledgeBase) -> None:
    text = "pt's wife has metastatic cancer, he cares for her; c/o numb fingertips"
    assert raised(kb, text) == {}, text
    his = "his wife has cancer and he looks after her, his hands are numb"
    assert raised(kb, his) == {}, his
    # control: the patient's own cancer
    own = "pt has metastatic cancer, his wife cares for him; c/o numb fingertips"
    assert raised(kb, own) == {"cancer_history": "soon"}, own


# ------------------------------------------------------------------ questions
def test_a_question_for_an_essay_supposes_what_it_asks(kb: KnowledgeBase) -> None:
    text = "why would your arm and leg go numb on one side? asking for an essay"
    assert raised(kb, text) == {}, text
    # "asking for a friend" is often the writer's own (the lead, merging areas18 and
    # flags18): a sudden one-sided numbness asked about so still raises its flags
    friend = "why would your arm and leg go numb on one side? asking for a friend"
    assert raised(kb, friend) != {}, friend
    # control: the same question with nothing after it states its findings
    asked = "why would my arm and leg go numb on one side?"
    assert raised(kb, asked) != {}, asked


def test_a_question_answered_by_mines_been(kb: KnowledgeBase) -> None:
    text = "can a filling make your lip go numb? mine's been 3 days"
    assert raised(kb, text) == {"facial_numbness": "urgent"}, text
    # control: the question alone asks
    asked = "can a filling make your lip go numb?"
    assert raised(kb, asked) == {}, asked


# ------------------------------------------------------------------ one side of the body
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("R hemibody numbness including the face for 2 weeks", "hemibody_named"),
        (
            "left sided numbness involving arm, trunk and leg for 3 months",
            "side_arm_and_leg_listed",
        ),
        ("R-sided paraesthesia of the arm, chest and leg", "side_arm_and_leg_listed"),
    ],
)
def test_one_side_of_the_body_named_clinically(kb: KnowledgeBase, text: str, rule: str) -> None:
    assert "one_sided_numbness" in raised(kb, text), text
    assert rule in fired(kb, text), text


@pytest.mark.parametrize(
    "text",
    [
        # controls: a side of a part, an arm alone, a side lain on
        "numbness on the left side of my face and my arm, and my leg aches",
        "left sided neck pain going into my arm, and a numb thumb",
        "I sleep on my left side and my arm and leg go numb",
        "when I lie on my right side my arm and leg go numb",
    ],
)
def test_a_side_of_a_part_is_not_one_side_of_the_body(kb: KnowledgeBase, text: str) -> None:
    assert "one_sided_numbness" not in raised(kb, text), text


def test_a_mouth_pulled_down_is_a_droop_not_an_injury(kb: KnowledgeBase) -> None:
    text = "her mouth is pulled down on one side and her arm is numb"
    assert raised(kb, text) == {"stroke": "emergency"}, text
    # control: a muscle pulled is an injury
    pulled = "I pulled my hamstring and the back of my thigh is numb"
    assert "after_injury" in raised(kb, pulled), pulled


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a fever in a carer's words and an immunosuppression in the clause of "he" or "she"
        # after it: the same person's, so together spinal_infection
        (
            "my wife has a high temperature today and she takes tablets after her kidney "
            "transplant, her feet are numb",
            {"systemic_illness", "spinal_infection"},
        ),
        (
            "my dad is feverish and he is on steroids for his lungs, his back is numb",
            {"systemic_illness", "spinal_infection"},
        ),
        # controls: the writer's own drugs, or the writer's own numbness beside the other's
        ("my husband has a fever and I am on steroids, my feet are numb", set()),
        ("my husband has a fever and he is on steroids, my feet are numb", set()),
    ],
)
def test_a_fever_and_drugs_said_of_he_or_she_are_one_persons(
    kb: KnowledgeBase, text: str, flags: set[str]
) -> None:
    assert set(raised(kb, text)) == flags, text
