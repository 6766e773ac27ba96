"""The heart-attack red flag: chest pain with a numb arm is an emergency, not a case for
acupuncture (a numb arm with chest pain raised nothing before 2026-12-04). Every word of
its concept and trigger is read in a sentence by tests/test_vocabulary.py; these tests
check how the flag is raised, withheld and sourced."""

from __future__ import annotations

import pytest

import acupoints
from acupoints import KnowledgeBase

from .textread import block_words, raised, reading


@pytest.mark.parametrize(
    "text",
    [
        "my whole left arm is numb and I have chest pain",
        "left arm gone numb, tight chest and im sweating buckets",
        "numb left hand and a crushing pressure in my chest",
        "I think im having a heart attack, my left arm is numb",
        "pins and needles in my left arm and chest pian",
        "numb jaw and left arm, my chest feels heavy",
    ],
)
def test_chest_pain_with_numbness_is_an_emergency(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text).get("heart_attack") == "emergency"
    s = kb.select(text)
    assert s.emergency and s.codes == ()


@pytest.mark.parametrize(
    "text",
    [
        "numb fingers, no chest pain or breathlessness",
        "denies chest pain, numb L hand",
        "my dad has chest pains and my feet are numb",
        "I had chest pain years ago, now my toes are numb",
        "what if I get chest pain with the numbness?",
        "numbness across my chest",
        "my chest feels numb after shingles",
        # a numb band round the trunk is a sensory level, not chest pain (heldout10)
        "IVDU, pyrexial 39.2, thoracic spinal tenderness, numb band across the chest",
    ],
)
def test_chest_pain_denied_someone_elses_past_or_supposed_raises_nothing(
    kb: KnowledgeBase, text: str
) -> None:
    assert "heart_attack" not in raised(kb, text)


def test_the_chest_of_chest_pain_is_not_a_numb_area(kb: KnowledgeBase) -> None:
    areas, side, _ = reading(kb, "my left hand is numb and I have chest pain")
    assert areas == {"hand"} and side == "left"


def test_the_flag_says_what_to_do_and_whose_facts(kb: KnowledgeBase) -> None:
    with pytest.raises(acupoints.LocationError) as exc:
        kb.select("crushing chest pain since an hour ago")
    (flag,) = [f for f in exc.value.red_flags if f.id == "heart_attack"]
    assert flag.urgency == "emergency"
    assert "emergency number" in flag.advice
    assert set(flag.sources) == {"nhs_heart_attack", "healthinfo_heart_attack"}
    assert all(kb.source(s).url for s in flag.sources)


#: words that name no cause (text.yaml, block "lead not causes") -> a sentence that needs one
NOT_CAUSES = {
    "pressure in my chest": "numb left hand and a crushing pressure in my chest",
    "pressure on my chest": "my arm is numb and there is a pressure on my chest",
    "chest pressure": "numb left arm with chest pressure",
    "pressure in the chest": "numb jaw and pressure in the chest",
}


@pytest.mark.parametrize("word", sorted(NOT_CAUSES))
def test_the_pressure_of_chest_pain_is_no_cause(kb: KnowledgeBase, word: str) -> None:
    """'pressure' is a synonym of the cause injury (prolonged pressure on a nerve): in
    chest pain it is none."""
    text = NOT_CAUSES[word]
    assert word in text
    assert kb.read(text).cause is None, text
    assert raised(kb, text).get("heart_attack") == "emergency", text


def test_every_not_cause_word_of_the_block_has_a_sentence() -> None:
    assert block_words("text.yaml", "lead not causes") == set(NOT_CAUSES)
