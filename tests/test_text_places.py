"""Facts about the person that hold places, read from the text (2026-12-04): a joint
replaced ("after a knee replacement", "my left hip was replaced", "since my TKR") sets
``joint_prostheses``; lymphoedema sets ``lymphoedema`` on the limbs named where it is
("lymphoedema in my left leg"), or on every limb when none is named. Before, "I've had a
hip replacement and my thigh is numb" checked the points for no implant, and "numb legs,
I have lymphedema in my left leg" for no lymphoedema (and read the left leg as numb).
Also: blood thinners are no paint thinners, and a fear of needles is no worry."""

from __future__ import annotations

import pytest

import acupoints
from acupoints import KnowledgeBase, Patient

from .textread import block_words

EVERY_LIMB = ("left_arm", "right_arm", "left_leg", "right_leg")


def patient(kb: KnowledgeBase, text: str) -> dict[str, object]:
    s = kb.select(text)
    if s.patient is None:
        return {}
    return {k: v for k, v in s.patient.model_dump().items() if v not in (False, (), None)}


@pytest.mark.parametrize(
    ("text", "joints"),
    [
        ("I've had a hip replacement and my thigh is numb", ("hip",)),
        ("numb toes since my TKR", ("knee",)),
        ("numb heel, THR 2019", ("hip",)),
        ("my left knee was replaced last year and my shin is numb", ("knee",)),
        ("numb foot, I had a total hip replacement on the right", ("hip",)),
        ("tingling fingers after my shoulder replacement", ("shoulder",)),
    ],
)
def test_a_replaced_joint_is_an_implant(
    kb: KnowledgeBase, text: str, joints: tuple[str, ...]
) -> None:
    assert patient(kb, text) == {"joint_prostheses": joints}, text
    s = kb.select(text)
    assert any("joint replacement" in n and "Read from the text" in n for n in s.notes)


@pytest.mark.parametrize(
    "text",
    [
        "numb thigh after my hip arthroscopy",  # an operation with no implant
        "my mum had a knee replacement, my toes are numb",  # someone else's
        "numb toes, no joint replacements",
    ],
)
def test_no_implant_without_a_replaced_joint_of_ones_own(kb: KnowledgeBase, text: str) -> None:
    assert "joint_prostheses" not in patient(kb, text), text


def test_an_implant_given_is_kept_and_the_text_adds_to_it(kb: KnowledgeBase) -> None:
    s = kb.select("numb toes since my TKR", patient=Patient(joint_prostheses=("hip",)))
    assert s.patient is not None and s.patient.joint_prostheses == ("hip", "knee")


@pytest.mark.parametrize(
    ("text", "limbs", "areas"),
    [
        ("numb legs, I have lymphedema in my left leg", ("left_leg",), ("lower_limb",)),
        (
            "numb fingers, lymphoedema of my right arm since my mastectomy",
            ("right_arm",),
            ("hand.fingers",),
        ),
        ("numb toes, lymphoedema affecting both legs", ("left_leg", "right_leg"), ("foot.toes",)),
        ("numb feet, I have lymphoedema", EVERY_LIMB, ("foot",)),
        ("tingling hand, lymph nodes removed from my armpit", EVERY_LIMB, ("hand",)),
    ],
)
def test_lymphoedema_is_set_on_its_limbs(
    kb: KnowledgeBase, text: str, limbs: tuple[str, ...], areas: tuple[str, ...]
) -> None:
    s = kb.select(text)
    assert s.patient is not None and s.patient.lymphoedema == limbs, text
    assert s.location.region_ids == areas, text
    if len(limbs) == 4:
        assert any("no limb" in n for n in s.notes)


def test_lymphoedema_keeps_the_points_off_its_limb(kb: KnowledgeBase) -> None:
    """The condition's effect applies: no point of the selection is on the right arm."""
    s = kb.select("numb right fingers, lymphoedema of my right arm")
    on_limb = [
        p.code
        for p in s.points
        if p.side in ("right", "both") and kb.anatomy.part_of(kb.point(p.code).region) == "arm"
    ]
    assert not on_limb, on_limb


@pytest.mark.parametrize(
    "text",
    ["my mum has lymphoedema, my hands are numb", "no lymphoedema, numb toes"],
)
def test_someone_elses_or_denied_lymphoedema_sets_nothing(kb: KnowledgeBase, text: str) -> None:
    assert "lymphoedema" not in patient(kb, text), text


def test_blood_thinners_are_no_toxin(kb: KnowledgeBase) -> None:
    for text in ("numb hands, I'm on blood thinners", "numb feet, on thinners for my heart"):
        assert kb.read(text).cause is None, text
        assert patient(kb, text) == {"anticoagulants": True}, text
    assert kb.read("numb hands since I used paint thinners").cause == "alcohol_toxins"


def test_every_not_cause_word_of_the_block_is_read() -> None:
    assert block_words("text.yaml", "lead drugs not causes") == {
        "blood thinners",
        "blood thinner",
        "on thinners",
    }


@pytest.mark.parametrize(
    "text", ["my toes are numb and I'm scared of needles", "numb left hand and afraid of needles"]
)
def test_a_fear_of_needles_is_a_fact_not_a_worry(kb: KnowledgeBase, text: str) -> None:
    assert patient(kb, text) == {"fainting": True}, text


def test_a_worry_is_still_a_worry(kb: KnowledgeBase) -> None:
    with pytest.raises(acupoints.LocationError):
        kb.select("I'm scared my feet will go numb")


@pytest.mark.parametrize(
    "text",
    ["my mum had a TKR, my toes are numb", "no TKR, numb toes", "numb hands, I replaced my shoes"],
)
def test_a_replacement_denied_someone_elses_or_of_no_joint_sets_no_implant(
    kb: KnowledgeBase, text: str
) -> None:
    """The replacement words are a fact about the person, read with their context (they
    were found in the raw text before, so "no TKR" and "my mum had a TKR" set a knee)."""
    assert "joint_prostheses" not in patient(kb, text), text
