"""The lead's fixes found on 2026-12-06 by reading sentences as a new user writes them:
"tounge" (two slips from "tongue", so never corrected) is the tongue; "cutting" (a real
word one slip from "putting", which the reader knows) is a cut: "thumb numb after cutting
it with a knife" read "putting" and no injury; "no neck problems" denies the neck as the
seat of the trouble, as "no neck pain" denies the pain (it inferred a cervical root)."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised
from .vocabulary import FLAG_CONCEPTS


@pytest.mark.parametrize(
    "text", ["numb tounge and lips", "my tounge is numb", "tingling tounge after the dentist"]
)
def test_tounge_is_the_tongue(kb: KnowledgeBase, text: str) -> None:
    loc = kb.parse_location(text)
    assert [r.region for r in loc.regions] == ["face.mouth"]
    assert "tounge" not in loc.ignored


@pytest.mark.parametrize(
    "text",
    [
        "thumb numb after cutting it with a knife",
        "numb finger since cutting myself on a tin",
        "my palm has been numb since cutting my hand on glass",
    ],
)
def test_cutting_is_a_cut(kb: KnowledgeBase, text: str) -> None:
    s = kb.select(text)
    assert s.cause == "injury", (text, s.cause)
    assert "after_injury" in {f.id for f in s.red_flags}
    loc = kb.parse_location(text)
    assert "putting" not in loc.ignored and loc.reading is not None
    assert ("cutting", "putting") not in loc.reading.corrected


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("numb hand, no neck problems at all", "neck"),
        ("numb hand but no problems with my neck", "neck"),
        ("numb foot, no back trouble", "back"),
    ],
)
def test_a_denied_seat_of_the_trouble_stays_denied(kb: KnowledgeBase, text: str, part: str) -> None:
    loc = kb.parse_location(text)
    assert loc.reading is not None
    seats = [a for a in loc.reading.areas if a.id == part]
    assert seats and all("negated" in a.context for a in seats), loc.reading.areas
    s = kb.select(text)
    assert not any("Root involvement was inferred" in n for n in s.notes), s.notes
    assert not [p for p in s.points if p.role == "root"]


# ------------------------------------------------------------------ a possible DVT
@pytest.mark.parametrize(
    "text",
    [
        "numb foot after a long flight and my calf is swollen",
        "my left calf is swollen and red and my foot tingles",
        "numb toes, swollen calf since my knee operation",
        "my calf is swolen and my foot is numb",  # a typo listed
        "suspected DVT, numbness of the R foot",
    ],
)
def test_a_swollen_calf_raises_a_possible_clot(kb: KnowledgeBase, text: str) -> None:
    """A swollen calf, or one leg swollen and red or hot, beside a numbness is a possible
    deep vein thrombosis: urgent, and that leg is not to be needled (NHS). Each raised
    nothing before."""
    assert raised(kb, text).get("deep_vein_thrombosis") == "urgent", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "twisted my ankle and it is swollen and the top of my foot is numb",  # a sprain
        "both legs are swollen and my feet are numb",  # both legs: no one-sided sign
        "numb toes, no swollen calf",  # denied
        "I had a DVT years ago and now my toes are numb",  # past
    ],
)
def test_no_clot_for_a_sprain_both_legs_a_denial_or_the_past(kb: KnowledgeBase, text: str) -> None:
    assert "deep_vein_thrombosis" not in raised(kb, text), raised(kb, text)


def test_every_word_of_the_clot_concept_raises_it(kb: KnowledgeBase) -> None:
    """Each of the concept's words, said beside a numb foot, raises the flag (a word the
    tokenizer or the corrector changes would raise nothing)."""
    concept = FLAG_CONCEPTS["deep_vein_thrombosis"]
    words = [*concept["lay"], *concept["clinical"], *concept["typos"]]
    assert len(words) >= 30
    missed = [w for w in words if "deep_vein_thrombosis" not in raised(kb, f"numb foot, {w}")]
    assert not missed, missed


# ------------------------------------------------------------------ a hand and a foot of one side
@pytest.mark.parametrize(
    "text",
    [
        "tingling in my left hand and foot",
        "numb left hand and left foot",
        "my right hand and right foot are tingling",
        "tingling in my left hand and my left foot",
        "my right foot and hand have gone numb",
    ],
)
def test_the_hand_and_foot_of_one_side_are_one_side_of_the_body(
    kb: KnowledgeBase, text: str
) -> None:
    """The hand and the foot of one side numb together are one side of the body, as its
    arm and leg are (a brain or spinal cord cause until shown otherwise; NHS): each raised
    nothing before."""
    assert raised(kb, text).get("one_sided_numbness") == "urgent", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    ["my left hand and right foot are numb", "left hand numb and foot pain", "numb hands and feet"],
)
def test_a_hand_and_a_foot_of_two_sides_are_not_one_side(kb: KnowledgeBase, text: str) -> None:
    assert "one_sided_numbness" not in raised(kb, text), raised(kb, text)


@pytest.mark.parametrize(
    "text",
    ["my thigh is numb after liposuction", "numb belly since my lipo", "numb tummy after lipo"],
)
def test_liposuction_is_an_operation(kb: KnowledgeBase, text: str) -> None:
    """Liposuction, an operation the list of causes did not name, is the cause injury
    (surgery) as "tummy tuck" is: it gave no cause before."""
    assert kb.select(text).cause == "injury"


# ------------------------------------------------------------------ a limb without blood
@pytest.mark.parametrize(
    "text",
    [
        "my leg is numb and cold and it has gone blue",
        "my left leg suddenly went cold and white and numb",
        "my arm is cold, pale and tingling",
        "both legs cold and mottled and numb",
        "my leg and foot are cold and blue and numb",
    ],
)
def test_a_cold_pale_limb_is_an_emergency_of_its_own(kb: KnowledgeBase, text: str) -> None:
    """An arm or a leg gone cold and pale, white, blue or mottled may have lost its blood
    supply: limb_ischaemia, an emergency, and no points. The first raised nothing before;
    the others raised the diabetic foot's flag, which names a foot, for an arm or a leg
    (limb_ischaemia now stands for it in the same words)."""
    flags = raised(kb, text)
    assert flags.get("limb_ischaemia") == "emergency", flags
    assert "foot_wound" not in flags, flags
    assert kb.select(text).points == ()


@pytest.mark.parametrize(
    "text",
    [
        "my fingers go white and numb in the cold",  # Raynaud's, brought on by the cold
        "my legs have been cold and a bit blue for years",  # months or years
        "my legs are cold in winter and numb",  # no colour
        "numb leg, feels cold",
        "cold numb feet",
    ],
)
def test_no_limb_emergency_for_the_cold_the_years_or_no_colour(
    kb: KnowledgeBase, text: str
) -> None:
    assert "limb_ischaemia" not in raised(kb, text), raised(kb, text)


def test_a_foot_wound_elsewhere_in_the_text_stays(kb: KnowledgeBase) -> None:
    """limb_ischaemia stands for the foot's flag only in its own words: an ulcer on a toe
    named apart keeps its flag."""
    flags = raised(kb, "ulcer on my big toe and my leg has gone cold and white")
    assert flags.get("limb_ischaemia") == "emergency" and "foot_wound" in flags, flags


# ------------------------------------------------------------------ a blow to the head
@pytest.mark.parametrize(
    "text",
    [
        "came off my bike and hit my head, now my left hand is numb",
        "my son fell and hit his head and now his arm is numb",
        "numb scalp after a head injury and I keep being sick",
        "I banged my head and I've been vomiting, and my face is numb",
        "our son (16) came off his bike, banged his head, and his left arm is numb",  # heldout18
    ],
)
def test_numbness_or_vomiting_after_a_blow_to_the_head_is_an_emergency(
    kb: KnowledgeBase, text: str
) -> None:
    """After a blow to the head, numbness of an arm, a leg or a side, or vomiting, is a
    reason to call the emergency number (NHS): each was only after_injury (urgent)."""
    flags = raised(kb, text)
    assert flags.get("head_injury") == "emergency", flags
    assert kb.select(text).points == ()


@pytest.mark.parametrize(
    "text",
    [
        "hit my head on a cupboard door and now the top of my head's numb",  # the bump itself
        "had a fall off my bike, hit my head, now the back of my head is numb",
        "I hit my head years ago and my hands have been numb since",  # years ago
        "numb fingers, no head injury",  # denied
        "he hit his head and the left side of his scalp is numb",  # a side of the scalp
        "dad's arm is numb and he's confused",  # "confused" is no typo of "concussed"
    ],
)
def test_no_head_injury_for_the_bump_the_past_or_a_denial(kb: KnowledgeBase, text: str) -> None:
    assert "head_injury" not in raised(kb, text), raised(kb, text)


# ------------------------------------------------------------------ hands and feet after a bug
@pytest.mark.parametrize(
    "text",
    [
        "tingling in my hands and feet after food poisoning last week",
        "had a tummy bug two weeks ago and now my fingers and toes are numb",
        "pins and needles in both hands and feet since the flu",
    ],
)
def test_hands_and_feet_after_a_bug_are_guillain_barre_until_seen(
    kb: KnowledgeBase, text: str
) -> None:
    """Pins and needles or numbness of the hands and the feet together, after a stomach bug,
    flu or a chest infection, are Guillain-Barre syndrome's first signs (NHS: an urgent GP
    appointment or 111): ascending_weakness, urgent. Each raised nothing before."""
    assert raised(kb, text).get("ascending_weakness") == "urgent", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "I had food poisoning years ago and my hands and feet are numb",  # years ago
        "my feet are numb since a stomach bug",  # the feet alone
        "numb hands and feet, diabetic",  # no bug
    ],
)
def test_no_guillain_barre_for_an_old_bug_the_feet_alone_or_no_bug(
    kb: KnowledgeBase, text: str
) -> None:
    assert "ascending_weakness" not in raised(kb, text), raised(kb, text)
