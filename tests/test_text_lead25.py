"""The lead's fix found on 2026-12-05 by reading sentences as a new user writes them:
"keep falling" is the unsteady walk of cervical myelopathy only when nothing after it says
what falls or where ("my hands keep falling asleep" is a numb hand, not a fall)."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import fired, raised, reading


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("my hands keep falling asleep at night, worse when i drive", "hand"),
        ("my feet keep falling asleep when i sit", "foot"),
        ("my feet are numb and I keep falling asleep in the day", "foot"),
        ("my left arm keeps falling asleep", "upper_limb"),
    ],
)
def test_a_limb_that_keeps_falling_asleep_is_numb_not_a_fall(
    kb: KnowledgeBase, text: str, region: str
) -> None:
    assert "cervical_myelopathy" not in raised(kb, text), text
    assert region in reading(kb, text)[0], text


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        # controls: the falls themselves, alone, at the end, before a clause or a place
        ("numb feet and i keep falling", "keep falling"),
        ("numb feet, keep falling", "keep falling"),
        ("i keep falling. my toes are numb", "keep falling"),
        ("numb feet and i keep falling when i walk", "keep falling"),
        ("numb hands and i keep falling over", "keep falling over"),
        ("numb feet and i keep falling down", "keep falling down"),
    ],
)
def test_falls_still_raise_cervical_myelopathy(kb: KnowledgeBase, text: str, matched: str) -> None:
    assert raised(kb, text).get("cervical_myelopathy") == "urgent", text
    flag = next(f for f in kb.select(text).red_flags if f.id == "cervical_myelopathy")
    assert matched in flag.matched, (text, flag.matched)


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        # the leg named before the arm, as the arm before the leg ("arm and leg + suddenly")
        ("my left leg and arm went numb suddenly an hour ago", "leg and arm + suddenly"),
        ("numb leg and arm on the left since this morning", "leg and arm + this morning"),
        ("suddenly my left arm and leg went numb", "suddenly + arm and leg"),
    ],
)
def test_a_leg_and_arm_numb_suddenly_is_a_stroke(
    kb: KnowledgeBase, text: str, matched: str
) -> None:
    flag = next((f for f in kb.select(text).red_flags if f.id == "stroke"), None)
    assert flag is not None and flag.urgency == "emergency", text
    assert matched in flag.matched, (text, flag.matched)


@pytest.mark.parametrize(
    "text",
    [
        # controls: with no sudden onset, the one side is urgent but not a stroke
        "my right leg and arm have been numb for years",
        "my right arm and leg have been numb for years",
    ],
)
def test_a_leg_and_arm_numb_for_years_is_not_a_stroke(kb: KnowledgeBase, text: str) -> None:
    flags = raised(kb, text)
    assert "stroke" not in flags, text
    assert flags.get("one_sided_numbness") == "urgent", text


@pytest.mark.parametrize(
    "text",
    [
        # a level on the trunk below which the body is numb
        "i'm numb from my belly button down and my legs are weak",
        "numbness from my chest down since this morning",
        "he can't feel anything from his belly button down",
        # legs that turn weak or heavy with a cancer, of now or of the past
        "i have cancer and now both legs are numb and weak",
        "had breast cancer 5 years ago and now my legs feel heavy and numb",
        "my legs are weak and numb, i have prostate cancer",
        "numb feet from chemo for bowel cancer, legs feel weak when i walk far",
    ],
)
def test_a_numb_level_or_weak_legs_with_cancer_is_spinal_cord_compression(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text).get("spinal_cord_compression") == "emergency", text
    assert kb.select(text).emergency and not kb.select(text).points, text


@pytest.mark.parametrize(
    "text",
    [
        # controls: a cancer with no weak legs; weak legs with no cancer; another person's
        # cancer; weakness denied; a level denied; compression in a relative's history
        "I had cancer 20 years ago, my toes are numb",
        "since chemo my feet are numb and my grip is weak",
        "my feet are numb and my legs are weak",
        "my mum had cancer, my legs are numb and weak",
        "numb toes, my legs are not weak, i have myeloma",
        "O/E no sensory level, no saddle anaesthesia, reflexes normal. Numbness R middle finger.",
        "Hx of cord compression in her sister. Pt herself: numbness of thumb only.",
        "numb from the knees down, diabetic",
    ],
)
def test_no_spinal_cord_compression_without_its_signs(kb: KnowledgeBase, text: str) -> None:
    assert "spinal_cord_compression" not in raised(kb, text), text


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # leaning or resting on the elbow: the ulnar nerve in its tunnel, for the fingers
        # it supplies
        ("my left little finger and ring finger go numb when i lean on my elbow", "cubital_tunnel"),
        ("my pinky and ring finger r numb, i rest my elbows on the desk all day", "cubital_tunnel"),
        ("numb fingers when I lean on my elbow", "cubital_tunnel"),
        # a heavy or tight belt, or tight jeans: the nerve of the outer thigh
        (
            "numb patch on the outside of my thigh, wearing a heavy tool belt at work",
            "meralgia_paresthetica",
        ),
        ("outer thigh numb and burning, i wear skinny jeans", "meralgia_paresthetica"),
        ("my thigh goes numb when I wear my tool belt on my hip", "meralgia_paresthetica"),
        # controls: the cue names no cause for an area its nerve does not reach
        ("my toes go numb in tight jeans", None),
        ("my hand is numb, i lean on my elbows a lot", None),
        # and a cue of one cause wherever the numbness is still names it everywhere
        ("numb hand, spurlings positive", "cervical_root"),
        ("numb thumb, positive spurling", "cervical_root"),
    ],
)
def test_a_pressing_habit_names_its_nerve(kb: KnowledgeBase, text: str, cause: str | None) -> None:
    assert reading(kb, text)[2] == cause, text


def test_a_cue_on_a_site_outside_its_nerve_says_the_cause_does_not_fit(kb: KnowledgeBase) -> None:
    # the elbow named by the cue is its site: the cause is read, and the misfit said
    s = kb.select("numbness in my thumb when I lean on my elbow at the desk")
    assert s.cause == "cubital_tunnel"
    assert any("does not fit the numb area" in n for n in s.notes), s.notes


@pytest.mark.parametrize(
    "text",
    [
        # a level the spelling reads as an area (both legs, the whole body): its words as
        # written still raise the flag
        "numb from the waist down",
        "I've gone numb from the waist down",
        "my legs are numb below the waist",
        "numb from my neck down",
        "numb from the waist down on both sides since this morning and I wet myself",
    ],
)
def test_a_level_read_as_an_area_still_raises_spinal_cord_compression(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text).get("spinal_cord_compression") == "emergency", text
    assert reading(kb, text)[0], text  # and the area is still read


@pytest.mark.parametrize(
    "text",
    [
        # controls: the neck down to a place is a stretch of the neck; a level denied;
        # both legs named as such
        "the side of my neck down to the collarbone feels numb",
        "numb both legs",
        "numb legs, not from the waist down, just the shins",
    ],
)
def test_no_level_no_spinal_cord_compression(kb: KnowledgeBase, text: str) -> None:
    assert "spinal_cord_compression" not in raised(kb, text), text


@pytest.mark.parametrize(
    "text",
    [
        # a face too weak to smile or to close its eye, with a numb face: a possible stroke
        "left side of my face numb since yesterday and it is hard to smile",
        "numb face, trouble smiling on one side",
        "left side of my face feels numb and my eye wont close",
        "my face is numb on the left and i cant smile",
    ],
)
def test_a_face_too_weak_to_smile_is_a_possible_stroke(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text).get("stroke") == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        # controls: a smile denied its trouble; a numb face alone
        "my face is numb but i can smile fine",
        "left side of my face feels numb",
    ],
)
def test_a_numb_face_that_smiles_is_not_a_stroke(kb: KnowledgeBase, text: str) -> None:
    assert "stroke" not in raised(kb, text), text


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        # a toe going black now on a numb foot: limb-threatening
        ("my toes are numb and one is turning black", "emergency"),
        ("my numb toes are turning black", "emergency"),
    ],
)
def test_a_toe_turning_black_is_limb_threatening(
    kb: KnowledgeBase, text: str, urgency: str
) -> None:
    assert raised(kb, text).get("foot_wound") == urgency, text


def test_numb_toes_alone_raise_no_foot_wound(kb: KnowledgeBase) -> None:
    assert "foot_wound" not in raised(kb, "my toes are numb and one is turning white in the cold")


@pytest.mark.parametrize(
    "text",
    [
        # both legs numb or failing of a sudden, and weak or unable to walk
        "sudden numbness in both legs and i cant walk",
        "both legs went numb this morning and feel heavy",
        "both my legs suddenly went weak and numb",
    ],
)
def test_both_legs_failing_suddenly_is_spinal_cord_compression(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text).get("spinal_cord_compression") == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        # controls: no sudden onset; no weakness; weak legs for months
        "both legs numb for years, diabetic, walking fine",
        "both legs suddenly went numb but i can walk fine",
        "numb feet, both legs weak for months",
    ],
)
def test_both_legs_without_a_sudden_failure_raise_no_cord_flag(
    kb: KnowledgeBase, text: str
) -> None:
    assert "spinal_cord_compression" not in raised(kb, text), text


def test_a_headache_named_before_worst_ever_is_a_stroke_sign(kb: KnowledgeBase) -> None:
    assert raised(kb, "numb face and terrible headache worst ever").get("stroke") == "emergency"


@pytest.mark.parametrize(
    "word", ["headache worst ever", "headache the worst ever", "headache worst of my life"]
)
def test_every_lead25_headache_word_is_read(kb: KnowledgeBase, word: str) -> None:
    assert "worst_headache" in fired(kb, f"numb left arm and the {word}"), word
