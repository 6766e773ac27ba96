"""A carer asking for another person (issue 16): when the writer names no numb area of
their own and says another person's is numb now, that person is the patient. Their areas,
cause, red flags and facts are read as the patient's, so select() answers for them. A
past illness of another person ("my mum had numb feet"), or a text where the writer
speaks of their own body too ("mine are just cold", "my hands are numb"), keeps another
person's findings apart. The sentences are kept here, not derived from the data."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised, reading

FOR_ANOTHER = [
    ("my mum's feet are numb", {"foot"}, None),
    ("my wife's toes have been numb since her chemo", {"foot.toes"}, "chemotherapy"),
    ("my husband is diabetic and his feet tingle at night", {"foot"}, "diabetic"),
    ("my son came off his bike and his right hand is still numb", {"hand"}, "injury"),
    ("my dad's left thigh has gone numb", {"thigh"}, None),
]


@pytest.mark.parametrize(("text", "areas", "cause"), FOR_ANOTHER)
def test_a_carer_asking_for_another_person_reads_that_person(
    kb: KnowledgeBase, text: str, areas: set[str], cause: str | None
) -> None:
    got = reading(kb, text)
    assert (got[0], got[2]) == (areas, cause)


def test_a_carers_report_raises_that_persons_red_flags(kb: KnowledgeBase) -> None:
    flags = raised(kb, "my husband's left side went numb an hour ago and he cant talk properly")
    assert flags.get("stroke") == "emergency"
    assert "cancer_history" in raised(kb, "my wife's toes have been numb since her chemo")


def test_facts_of_the_person_asked_for_are_the_patients(kb: KnowledgeBase) -> None:
    s = kb.select("my wife is 20 weeks pregnant and her hands are numb")
    assert s.patient.pregnant and s.patient.pregnancy_week == 20


KEPT_APART = [
    ("my mum had numb feet", set()),  # a past illness
    ("my husband's feet are numb, mine are just cold", set()),
    ("my mum's feet are numb and my hands tingle", {"hand"}),
    ("my dad was diabetic and my toes are numb", {"foot.toes"}),
]


@pytest.mark.parametrize(("text", "areas"), KEPT_APART)
def test_another_persons_findings_stay_apart_when_the_writer_speaks_of_their_own(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    got = reading(kb, text)
    assert got[0] == areas
    assert got[2] is None


def test_the_answer_says_whom_it_is_for(kb: KnowledgeBase) -> None:
    s = kb.select("my husband's feet tingle at night")
    assert s.location.reading is not None
    assert s.location.reading.for_another == "my husband's"
    assert any('asks for another person ("my husband\'s")' in n for n in s.notes)
    own = kb.select("my feet tingle at night")
    assert own.location.reading is not None and own.location.reading.for_another is None
    assert not any("another person" in n for n in own.notes)
