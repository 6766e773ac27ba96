"""The lead's fixes of 2026-12-06 (second session), found by reading sentences as a new
user writes them: a tingling mouth after a meal of shellfish or fish is a seafood toxin, an
emergency ("tingly lips after eating shellfish" was only facial_numbness, urgent, with ten
points of the mouth)."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised
from .vocabulary import FLAG_CLASSES


# ------------------------------------------------------------------ a seafood toxin
@pytest.mark.parametrize(
    "text",
    [
        "tingly lips after eating shellfish",
        "tingling lips and tongue after eating mussels",
        "numb mouth after eating fish on holiday",
        "my face went numb an hour after the oysters",
        "we had scallops for dinner and now my lips are tingling and numb",
    ],
)
def test_a_tingling_mouth_after_seafood_is_an_emergency(kb: KnowledgeBase, text: str) -> None:
    flags = raised(kb, text)
    assert flags.get("seafood_poisoning") == "emergency", flags
    assert kb.select(text).points == ()


@pytest.mark.parametrize("word", FLAG_CLASSES["seafood"])
def test_every_seafood_word_raises_it_beside_numb_lips(kb: KnowledgeBase, word: str) -> None:
    text = f"numb lips after {word} last night"
    assert raised(kb, text).get("seafood_poisoning") == "emergency", text


@pytest.mark.parametrize("part", FLAG_CLASSES["mouth_or_face"])
def test_every_part_of_the_mouth_and_face_raises_it(kb: KnowledgeBase, part: str) -> None:
    text = f"my {part} went numb after eating mussels"
    assert raised(kb, text).get("seafood_poisoning") == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "numb feet, I am allergic to shellfish",  # no mouth or face
        "my lips went numb after oysters years ago",  # years ago
        "numb lips after the dentist",  # no seafood
        "I feel selfish but my lips are numb",  # "selfish" is no slip of "shellfish"
        "numb lips, I work at the fish market",  # fish named, not eaten
    ],
)
def test_no_seafood_flag_without_a_recent_meal_and_the_mouth(kb: KnowledgeBase, text: str) -> None:
    assert "seafood_poisoning" not in raised(kb, text), raised(kb, text)


# ------------------------------------------------------------------ a high blood sugar
@pytest.mark.parametrize(
    "text",
    [
        "numb hands and feet and im always thirsty and peeing a lot",
        "my feet are numb and I have been weeing a lot at night",
        "numbness in my feet, excessive thirst",
        "numb feet, I am diabetic and thirsty all the time",  # not controlled
        "tingling toes and I need to wee all the time",
    ],
)
def test_great_thirst_or_much_urine_is_a_high_blood_sugar(kb: KnowledgeBase, text: str) -> None:
    """The NHS's commonest signs of type 2 diabetes beside numb feet or hands: see a GP soon
    (points are still given: the flag is soon, not urgent)."""
    assert raised(kb, text).get("possible_diabetes") == "soon", raised(kb, text)
    assert kb.select(text).points


@pytest.mark.parametrize(
    ("cls", "frame"),
    [("great_thirst", "numb feet and {}"), ("much_urine", "my hands are numb and I am {}")],
)
def test_every_word_of_a_high_blood_sugar_raises_it(
    kb: KnowledgeBase, cls: str, frame: str
) -> None:
    missed = [
        w for w in FLAG_CLASSES[cls] if "possible_diabetes" not in raised(kb, frame.format(w))
    ]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "numb feet after a long run and now im thirsty",  # a thirst after a run
        "numb feet, not thirsty, peeing normally",
        "numb hands",
    ],
)
def test_no_high_blood_sugar_from_an_ordinary_thirst(kb: KnowledgeBase, text: str) -> None:
    assert "possible_diabetes" not in raised(kb, text), raised(kb, text)


# ------------------------------------------------------------------ phrases that say otherwise
def test_lost_weight_is_no_failing_bladder(kb: KnowledgeBase) -> None:
    """ "weeing ... and lost weight" read "weeing + lost" as a bladder that fails (cauda
    equina, an emergency): "lost" inside "lost weight" (the class not_a_sign) fails no
    bladder. The weight lost is still read (systemic_illness)."""
    flags = raised(kb, "tingling feet, always thirsty, weeing all the time and lost weight")
    assert "cauda_equina" not in flags, flags
    assert flags.get("systemic_illness") == "urgent" and flags.get("possible_diabetes") == "soon"


@pytest.mark.parametrize(
    "text",
    [
        "numb bum, lost weight and lost control of my bladder",  # the second "lost" counts
        "I have lost weight and cant control my bladder and my saddle is numb",
        "numb legs, weight loss and loss of bladder control",
    ],
)
def test_a_failing_bladder_beside_a_lost_weight_is_still_read(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text).get("cauda_equina") == "emergency", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "my gran's fingers are numb and she's lost a lot of weight",  # the rule weight_falling
        "I've lost a lot of weight lately without meaning to, my legs are numb",
        "My dad's lost a lot of weight and has a cough, and now his right hand is numb",
        "numb patch under my arm, sweats and lost my appetite and some weight",
    ],
)
def test_a_weight_lost_is_still_a_weight_lost(kb: KnowledgeBase, text: str) -> None:
    """A not_a_sign phrase that holds the rule's own other words is what the rule means."""
    assert raised(kb, text).get("systemic_illness") == "urgent", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "numb face and a brownish patch on my cheek",  # "brownish" is no "blowfish"
        "my lips go numb frequently",  # "frequently" is no "frequent"
        "numb lips, it happens exclusively at night",  # "exclusively" is no "excessively"
    ],
)
def test_real_words_near_the_new_words_are_left_as_written(kb: KnowledgeBase, text: str) -> None:
    reading = kb.read(text)
    assert reading.corrected == (), reading.corrected
    assert "seafood_poisoning" not in raised(kb, text)
    assert "possible_diabetes" not in raised(kb, text)


# ------------------------------------------------------------------ extremities and limbs
@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("numb extremities", {"hand", "foot"}),
        ("numbness in my extremities", {"hand", "foot"}),
        ("tingling extremities since chemo", {"hand", "foot"}),
        ("my limbs feel numb", {"upper_limb", "lower_limb"}),
        ("all four limbs are tingling", {"upper_limb", "lower_limb"}),
        ("numb lower extremities", {"lower_limb"}),
        ("numb upper limbs", {"upper_limb"}),
        ("numb bilateral lower extremities", {"lower_limb"}),
        ("paresthesias in the upper extremities bilaterally", {"upper_limb"}),
    ],
)
def test_extremities_and_limbs_said_alone(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    """ "numb extremities" and "my limbs feel numb" were LocationErrors: the extremities
    alone are the hands and feet, the limbs alone the arms and legs; the upper and lower
    ones stay the arm and the leg."""
    loc = kb.parse_location(text)
    assert {r.region for r in loc.regions} == areas, loc.regions
    assert all(r.side == "both" for r in loc.regions) or len(areas) == 1


# ------------------------------------------------------------------ the neck moved
@pytest.mark.parametrize(
    "text",
    [
        "pins and needles in my hand when I turn my head",
        "tingling down my arm into my fingers when i turn my head",
        "my hand goes numb when I move my neck",
        "my left hand tingles when I tilt my head back",
    ],
)
def test_a_numbness_brought_on_by_moving_the_neck_gives_root_points(
    kb: KnowledgeBase, text: str
) -> None:
    """A hand or arm that goes numb as the neck turns is a root pinched there: the neck
    is the seat of the trouble (cause_site), so root points have places with no cause
    said (the inferred_root quotas), as with a sore neck."""
    reading = kb.read(text)
    assert ("neck", "cause_site") in {(a.id, a.role) for a in reading.areas}, reading.areas
    assert "neck" not in {a.id for a in reading.areas if a.role == "numb"}
    top = kb.select(text).codes[:3]
    assert {"GV14", "SI15"} <= set(top), top


@pytest.mark.parametrize(
    "text",
    [
        "my GP checked my neck, numb forearm",  # the neck examined, not moved
        "my arm goes numb when I rest my head on it",  # the arm pressed
        "numb hand, no neck problems at all",
    ],
)
def test_no_root_points_for_a_neck_not_moved(kb: KnowledgeBase, text: str) -> None:
    assert not {"GV14", "SI15", "BL10"} & set(kb.select(text).codes[:3])


def test_fingers_that_cannot_move_are_still_numb(kb: KnowledgeBase) -> None:
    reading = kb.read("I can't move my fingers properly and they are numb")
    assert "hand.fingers" in {a.id for a in reading.areas if a.role == "numb"}


# ------------------------------------------------------------------ Lhermitte's sign, tingling
@pytest.mark.parametrize(
    "text",
    [
        "my legs tingle when I bend my neck",
        "when I bend my neck down my spine tingles",
        "tingling down my spine when I put my chin to my chest",
        "my feet go numb when I bend my head forward",
    ],
)
def test_legs_or_spine_tingling_as_the_neck_bends(kb: KnowledgeBase, text: str) -> None:
    """Lhermitte's sign told with "tingle" rather than "electric shock": the spinal cord
    pressed in the neck (cervical_myelopathy, urgent)."""
    assert raised(kb, text).get("cervical_myelopathy") == "urgent", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "numb feet, looking down at them they look pale",  # looking at the feet
        "my legs are numb from the neck down",  # the whole body
    ],
)
def test_no_lhermitte_from_looking_at_the_feet(kb: KnowledgeBase, text: str) -> None:
    assert "cervical_myelopathy" not in raised(kb, text), raised(kb, text)


# ------------------------------------------------------------------ bites
@pytest.mark.parametrize(
    "text",
    [
        "numbness in my hand after a cat bite",
        "numb finger after a dog bite",
        "my dog bit me on the hand and now my thumb is numb",  # "my dog" is no one else's report
        "bitten by my cat, numb finger",
    ],
)
def test_an_animal_bite_is_an_injury(kb: KnowledgeBase, text: str) -> None:
    """A bite that broke the skin needs a doctor the same day (NHS): the cause injury, the
    flag after_injury (urgent); these read no cause and no flag."""
    s = kb.select(text)
    assert s.cause == "injury", s.cause
    assert "after_injury" in {f.id for f in s.red_flags}


@pytest.mark.parametrize(
    "text",
    ["numb leg after a snake bite", "my foot is numb, I was bitten by an adder on holiday"],
)
def test_numbness_after_a_snake_bite_is_an_emergency(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text).get("snake_bite") == "emergency", raised(kb, text)
    assert kb.select(text).points == ()


def test_a_snake_bite_of_years_ago_is_no_emergency(kb: KnowledgeBase) -> None:
    text = "I had a snake bite years ago and my foot has been numb since"
    assert "snake_bite" not in raised(kb, text)


def test_a_tick_bite_is_the_way_lyme_disease_is_caught(kb: KnowledgeBase) -> None:
    assert kb.select("numb patch on my leg after a tick bite").cause == "infection"


# ------------------------------------------------------------------ an operation's numbness
@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("numb after knee surgery", "knee"),
        ("the skin is numb since my knee operation", "knee"),
        ("after the operation of my knee the skin is without feeling", "knee"),
        ("tingling since my shoulder surgery", "shoulder"),
    ],
)
def test_a_numbness_with_no_place_is_at_the_one_operation(
    kb: KnowledgeBase, text: str, region: str
) -> None:
    """These were LocationErrors ("'knee' is where an operation was"), while "after my
    knee operation it is numb" read the knee."""
    loc = kb.parse_location(text)
    assert [r.region for r in loc.regions] == [region]
    assert kb.select(text).cause == "injury"


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("after my knee op, numb toes", ["foot.toes"]),  # a place of its own
    ],
)
def test_a_numbness_placed_elsewhere_stays_there(
    kb: KnowledgeBase, text: str, regions: list[str]
) -> None:
    assert [r.region for r in kb.parse_location(text).regions] == regions


def test_a_denied_numbness_places_nothing_at_the_operation(kb: KnowledgeBase) -> None:
    import acupoints

    with pytest.raises(acupoints.LocationError):
        kb.parse_location("no numbness after my knee surgery")


# ------------------------------------------------------------------ a week, then weak legs
@pytest.mark.parametrize(
    "text",
    [
        "my feet have been numb for a week and now my legs are weak",
        "my feet have been numb for a week and now I can't walk properly",
    ],
)
def test_numb_feet_for_a_week_then_weak_legs_is_an_ascending_weakness(
    kb: KnowledgeBase, text: str
) -> None:
    """The rule feet_then_weak_over_days knew "this week" and "over a week", not "for a
    week": these raised nothing (NHS: Guillain-Barre)."""
    assert raised(kb, text).get("ascending_weakness") == "emergency", raised(kb, text)


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("numb toe for a week", {}),
        ("my feet have been numb for a week, my legs are fine", {}),
        # a weakness that grows each week is slow: progressive, not ascending
        (
            "tingling in both feet and my legs r gettin weaker evry week, walking with a stick now",
            {"progressive_weakness": "urgent"},
        ),
    ],
)
def test_a_week_alone_or_every_week_is_no_ascending_weakness(
    kb: KnowledgeBase, text: str, flags: dict[str, str]
) -> None:
    assert raised(kb, text) == flags


# ------------------------------------------------------------------ a helper's probe (lead29)
@pytest.mark.parametrize(
    ("text", "flag", "urgency"),
    [
        # a cancer spread to the spine with numb legs: the spinal cord may be pressed
        (
            "numbness both legs, known prostate cancer with spine mets",
            "spinal_cord_compression",
            "emergency",
        ),
        (
            "numb lower back and legs since my cancer spread to the bones",
            "spinal_cord_compression",
            "emergency",
        ),
        (
            "numb feet and legs, myeloma, now struggling to walk",
            "spinal_cord_compression",
            "emergency",
        ),
        # the part of the head named, or the head hit by something
        (
            "slipped on ice and hit the back of my head, now both hands are tingling",
            "head_injury",
            "emergency",
        ),
        ("i was hit on the head with a bat and now my arm is numb", "head_injury", "emergency"),
        # one calf swollen and hot or red
        (
            "my calf is numb and swollen and hot to touch since my operation",
            "deep_vein_thrombosis",
            "urgent",
        ),
        (
            "calf numb, swollen and red after a long flight from australia",
            "deep_vein_thrombosis",
            "urgent",
        ),
        # the fish eaten
        (
            "tingling lips and fingers after the fish we ate on holiday",
            "seafood_poisoning",
            "emergency",
        ),
    ],
)
def test_signs_a_probe_of_185_sentences_found_missing(
    kb: KnowledgeBase, text: str, flag: str, urgency: str
) -> None:
    assert raised(kb, text).get(flag) == urgency, raised(kb, text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("numb feet since chemo for breast cancer", "spinal_cord_compression"),
        ("numb toes, on treatment for myeloma", "spinal_cord_compression"),  # its treatment's
        ("both calves swollen and red and numb after a long walk", "deep_vein_thrombosis"),
        ("my calf is numb, it was swollen and red years ago", "deep_vein_thrombosis"),
        # falling asleep is no fall
        (
            "pins and needles in my left hand and arm after falling asleep drunk on a chair",
            "after_injury",
        ),
        ("after falling asleep on my arm it is numb", "after_injury"),
        ("I fell asleep on the sofa and woke with a numb arm", "after_injury"),
    ],
)
def test_no_flag_where_the_probe_found_none_is_due(kb: KnowledgeBase, text: str, flag: str) -> None:
    assert flag not in raised(kb, text), raised(kb, text)


def test_a_fall_is_still_a_fall(kb: KnowledgeBase) -> None:
    assert "after_injury" in raised(kb, "I fell and hit my knee, now my shin is numb")


@pytest.mark.parametrize(
    "text",
    [
        "index finger numb after trapping it in the car door",
        "knee numb on the inside after I knelt on a nail",
        "my forehead has been numb since my facelift",
    ],
)
def test_a_crush_a_nail_and_a_facelift_are_injuries(kb: KnowledgeBase, text: str) -> None:
    assert kb.select(text).cause == "injury"


# ------------------------------------------------------------------ a painful spine after a fall
@pytest.mark.parametrize(
    "text",
    [
        "Tingling L arm following fall from horse this am, neck pain",
        "fell off a ladder yesterday, my back hurts and my left foot is numb",
        "Fall from horse 2/7 ago, now paraesthesia of both hands and neck pain",  # heldout19
    ],
)
def test_a_painful_spine_after_a_forceful_injury_is_a_spinal_injury(
    kb: KnowledgeBase, text: str
) -> None:
    """A dangerous mechanism with a sore neck or back and a numbness of one side was only
    after_injury; the rule for both sides needed both."""
    assert raised(kb, text).get("spinal_injury") == "emergency", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "came off my bike and my wrist is numb",  # no painful spine, one side
        "fell down the stairs years ago, back pain and numb foot ever since",
        "in a car crash a week ago and my neck hurts and my right arm has been numb since",
    ],
)
def test_no_spinal_injury_without_a_sore_spine_or_long_after(kb: KnowledgeBase, text: str) -> None:
    assert "spinal_injury" not in raised(kb, text), raised(kb, text)


# ------------------------------------------------------------------ a confusion said
@pytest.mark.parametrize(
    "text",
    ["my grandad is confused and his right arm is numb", "dad's arm is numb and he seems confused"],
)
def test_a_confusion_with_a_numb_limb_is_a_stroke_until_shown_otherwise(
    kb: KnowledgeBase, text: str
) -> None:
    """The NHS lists a confusion among a stroke's other signs: these raised nothing."""
    assert raised(kb, text).get("stroke") == "emergency", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm confused why my arm is numb",  # the writer puzzled
        "mum has dementia and has been confused for years, her feet are numb",
        "my arm is numb and he is confined to bed",  # "confined" is no "confused"
        "numbness confined to the dorsum of the L hand",
        "numb hand, I taught a class all day",  # "taught" is no "caught"
        "cerebral palsy and numb feet",  # "cerebral" is no "vertebral"
    ],
)
def test_no_stroke_from_a_puzzled_writer_or_a_word_near_confused(
    kb: KnowledgeBase, text: str
) -> None:
    assert "stroke" not in raised(kb, text), raised(kb, text)
    assert not {w for w, _ in kb.read(text).corrected} & {"confined", "taught", "cerebral"}


# ------------------------------------------------------------------ after an epidural
@pytest.mark.parametrize(
    "text",
    [
        "whole left leg numb after epidural for labour 2 days ago",
        "numb legs after my epidural during labour",
        "epidural steroid injection last week and my foot is still numb",
    ],
)
def test_numb_legs_after_an_epidural_need_the_team_the_same_day(
    kb: KnowledgeBase, text: str
) -> None:
    """Hospital leaflets (CUH, Gateshead): numb or weak legs after an epidural can be a clot
    or an infection near the cord; these raised nothing."""
    assert raised(kb, text).get("after_epidural") == "urgent", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "numb patch on my thigh since an epidural 3 years ago",
        "my back is numb where they put the epidural",
    ],
)
def test_no_epidural_flag_for_years_ago_or_the_back(kb: KnowledgeBase, text: str) -> None:
    assert "after_epidural" not in raised(kb, text)


def test_a_cold_white_foot_with_the_leg_is_one_limb_ischaemia(kb: KnowledgeBase) -> None:
    """The leg's rule stands for the foot's pale and cold sign in any word they share: this
    raised foot_wound (the diabetic foot's advice, naming a wound) as well."""
    flags = raised(kb, "numb leg and a cold white foot, very painful, cant feel pulse")
    assert flags == {"limb_ischaemia": "emergency"}, flags


@pytest.mark.parametrize(
    "text",
    [
        "Band of numbness and burning around the left side of my ribs, had a rash there last month",
        "the skin on my chest is numb where the rash was",
    ],
)
def test_a_rash_where_the_numbness_is_is_shingles_left_behind(kb: KnowledgeBase, text: str) -> None:
    assert kb.select(text).cause == "infection"


def test_no_rash_there_is_no_cause(kb: KnowledgeBase) -> None:
    assert kb.select("numb patch on my arm, no rash there").cause is None


# ------------------------------------------------------------------ a second probe (lead29)
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I'm worried: my left arm and leg went numb suddenly this morning and my speech "
            "is slurred.",
            "stroke",
        ),
        (
            "I'm scared - my face is drooping on the left and my left hand is numb since an hour.",
            "stroke",
        ),
        (
            "Worried this could be serious: numb between my legs and I can't control my "
            "bladder since yesterday.",
            "cauda_equina",
        ),
    ],
)
def test_a_worry_set_off_by_a_colon_or_a_dash_supposes_nothing_after_it(
    kb: KnowledgeBase, text: str, flag: str
) -> None:
    """ "worried my ..." supposes what follows; "I'm worried: my ..." states it, as "I'm
    worried. My ..." does. These raised a LocationError (every area "not current")."""
    assert raised(kb, text).get(flag) == "emergency", raised(kb, text)


def test_a_worry_about_what_might_come_still_supposes_it(kb: KnowledgeBase) -> None:
    import acupoints

    with pytest.raises(acupoints.LocationError):
        kb.parse_location("worried my feet might go numb")


@pytest.mark.parametrize(
    "text",
    [
        "Numb R thigh, nil saddle anaesthesia.",
        "Numbness right hand, w/o weakness, w/o speech change, w/o facial droop.",
        "Numbness L foot dorsum. Red flags screened: neg for CES, neg for fever, neg for wt loss.",
    ],
)
def test_a_notes_nil_w_o_and_neg_for_deny(kb: KnowledgeBase, text: str) -> None:
    """These raised cauda_equina, stroke (emergencies) and systemic_illness."""
    assert raised(kb, text) == {}, raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "I hit the gym and did heavy deadlifts; my hands are numb in the fingertips",
        "I fell in love with pilates but the outside of my left thigh has gone numb",
        "Took a crash course in knitting and my fingertips are numb",
        "The news hit me hard. Numb left thumb for a week.",
    ],
)
def test_idioms_of_hitting_falling_and_crashing_are_no_injury(kb: KnowledgeBase, text: str) -> None:
    s = kb.select(text)
    assert s.cause is None and "after_injury" not in {f.id for f in s.red_flags}


@pytest.mark.parametrize(
    ("text", "flag", "urgency"),
    [
        (
            "Calf pain and swelling in my left leg for 2 days, and the left foot is numb.",
            "deep_vein_thrombosis",
            "urgent",
        ),
        (
            "My left leg is numb, cold, pale and it hurts, started suddenly an hour ago.",
            "limb_ischaemia",
            "emergency",
        ),
        (
            "Back pain that wakes me at night, with numbness in both legs and a history of "
            "prostate cancer.",
            "spinal_cord_compression",
            "emergency",
        ),
        ("I hit my head and my arm is numb", "head_injury", "emergency"),  # still a blow
    ],
)
def test_controls_the_second_probe_found_missed(
    kb: KnowledgeBase, text: str, flag: str, urgency: str
) -> None:
    assert raised(kb, text).get(flag) == urgency, raised(kb, text)


def test_chemotherapy_numbness_alone_is_no_cord_compression(kb: KnowledgeBase) -> None:
    assert "spinal_cord_compression" not in raised(kb, "numb feet since chemo for bowel cancer")


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I had a DVT in 2019, fully treated, now my left toes are numb since I started "
            "wearing new boots.",
            "deep_vein_thrombosis",
        ),
        ("Back in 2010 I was in a car crash but no injuries, now my toes are numb", "after_injury"),
        (
            "I fell off a ladder in 2012 and hurt my shoulder, healed fine. Numb little "
            "finger now.",
            "after_injury",
        ),
        (
            "I tripped on the carpet but didn't hurt anything; my thumb was already numb "
            "for weeks.",
            "after_injury",
        ),
    ],
)
def test_a_past_trouble_told_as_treated_or_unhurt_raises_nothing(
    kb: KnowledgeBase, text: str, flag: str
) -> None:
    assert flag not in raised(kb, text), raised(kb, text)


def test_a_clot_again_is_still_a_clot(kb: KnowledgeBase) -> None:
    text = "I had a DVT, my calf is swollen again and my foot is numb"
    assert raised(kb, text).get("deep_vein_thrombosis") == "urgent"
