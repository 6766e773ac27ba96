"""The lead's fixes of 2026-12-06 (third session), found by reading sentences as a new user
writes them: an age or a year can put an injury in the past ("I broke my wrist when I was
12, now my fingers tingle" raised ``after_injury``, where "years ago" raised nothing)."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase, LocationError

from .textread import raised


# ------------------------------------------------------------------ a date in the past
@pytest.mark.parametrize(
    "text",
    [
        "I broke my wrist when I was 12, now my fingers tingle",
        "when I was 12 I broke my wrist, now my fingers tingle",
        "I broke my wrist in 2009 and now my fingers tingle",
        "In 2009 I broke my wrist. Now my fingers tingle",
        "she broke her ankle when she was 9 and now her toes are numb",
    ],
)
def test_an_injury_dated_by_an_age_or_a_year_is_history(kb: KnowledgeBase, text: str) -> None:
    flags = raised(kb, text)
    assert "after_injury" not in flags, flags
    # as "I broke my wrist years ago": the cause is still read, and points are given
    assert kb.select(text).points


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # no age: "when I was driving" is when it happened
        ("I hurt my back when I was driving and now my leg is numb", "after_injury"),
        ("I broke my wrist at the weekend, now my fingers tingle", "after_injury"),
        # a date that says when the numbness began, as "went numb last year" does
        ("numb legs, I fell down the stairs. my feet went numb in 2019", "after_injury"),
        # a present sign beside a dated past is still raised
        (
            "kidney transplant in 2019, now a fever of 38.5 and my legs feel numb",
            "spinal_infection",
        ),
    ],
)
def test_what_no_date_puts_in_the_past_is_still_raised(
    kb: KnowledgeBase, text: str, flag: str
) -> None:
    assert flag in raised(kb, text), raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "my feet went numb in 2019 and are still numb",
        "my hands went numb when I was 30 weeks pregnant",  # weeks: no age
        "numb feet since 2019",
        "numb toes, it started in 2019",
    ],
)
def test_a_date_that_says_when_the_numbness_began_keeps_it_current(
    kb: KnowledgeBase, text: str
) -> None:
    assert kb.parse_location(text).regions, text


def test_an_old_chest_pain_that_was_reflux_is_no_heart_attack(kb: KnowledgeBase) -> None:
    text = "had chest pain in 2019 that turned out to be reflux, now just numb fingertips"
    assert "heart_attack" not in raised(kb, text)
    assert "heart_attack" in raised(kb, "had chest pain this morning, now numb fingertips")


# ------------------------------------------------------------------ Lhermitte's sign
@pytest.mark.parametrize(
    "text",
    [
        # "back when" was read as a time of life now over, and the neck bent as past
        "tingling down my back when I bend my neck",
        "tingling in my legs when I tuck my chin",
        "my legs tingle when I put my chin to my chest",
        "tingling down my back when I tuck my chin",
    ],
)
def test_a_tingle_as_the_neck_bends_is_lhermittes_sign(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text).get("cervical_myelopathy") == "urgent", raised(kb, text)


def test_a_chin_put_down_is_no_numb_face(kb: KnowledgeBase) -> None:
    text = "my legs tingle when I put my chin down"
    assert raised(kb, text) == {"cervical_myelopathy": "urgent"}
    # a chin said to be numb still is
    assert "facial_numbness" in raised(kb, "my chin is numb when I put my chin down")


def test_a_time_of_life_now_over_is_still_history(kb: KnowledgeBase) -> None:
    reading = kb.read("back when I was drinking I had numb feet, now my hands are numb")
    context = {a.words: a.context for a in reading.areas}
    assert "historical" in context["feet"]
    assert not context["hands"]


# ------------------------------------------------------------------ a part that goes pale
@pytest.mark.parametrize(
    "text",
    [
        "my leg is numb, my hands go pale and cold in winter",
        "my hands go pale and cold when I'm cold and my fingers are numb",
        "my fingers turn cold and pale and then numb",
    ],
)
def test_a_part_that_goes_pale_again_and_again_is_no_emergency(
    kb: KnowledgeBase, text: str
) -> None:
    flags = raised(kb, text)
    assert "emergency" not in flags.values(), flags
    assert kb.select(text).points


@pytest.mark.parametrize(
    "text",
    [
        "my foot is numb, pale and cold",
        "my foot is numb and has gone pale and cold",
        "my leg went numb suddenly and it is cold and pale",
        "my toes are numb and cold and pale",
    ],
)
def test_a_part_gone_pale_and_cold_is_still_an_emergency(kb: KnowledgeBase, text: str) -> None:
    assert "emergency" in raised(kb, text).values(), raised(kb, text)


# ------------------------------------------------------------------ a way turned, no side
@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("pins and needles in my hand when i turn my head to the left", None),
        ("tingling in my fingers when I look to the left", "both"),
        ("my arm goes numb when I turn to my left", None),
        # the part's own side stays
        ("my left hand tingles when I turn my head to the right", "left"),
        ("numb right hand when i tilt my head to the right", "right"),
        ("numb hand on the left", "left"),
    ],
)
def test_to_the_left_after_turning_is_a_way_not_a_side(
    kb: KnowledgeBase, text: str, side: str | None
) -> None:
    regions = kb.parse_location(text).regions
    assert len(regions) == 1
    assert regions[0].side == side


# ------------------------------------------------------------------ a numb back, then when
@pytest.mark.parametrize(
    "text", ["numb back when I sit", "numb back when I lean back", "my back goes numb when I lean"]
)
def test_a_numb_back_before_when_is_the_back(kb: KnowledgeBase, text: str) -> None:
    assert [r.region for r in kb.parse_location(text).regions] == ["back"]


def test_a_sore_back_before_when_puts_nothing_in_the_past(kb: KnowledgeBase) -> None:
    reading = kb.read("sore back when I stand and numb toes")
    assert [(a.words, a.context) for a in reading.areas if a.role == "numb"] == [("toes", ())]


# ------------------------------------------------------------------ a cold white foot
def test_the_advice_of_a_cold_white_foot_is_emergency_care(kb: KnowledgeBase) -> None:
    # raised as foot_wound, an emergency: its advice says so, not "within one working day"
    flags = kb.select("left foot suddenly cold white and numb, cant feel a pulse").red_flags
    assert [(f.urgency, "emergency care at once" in f.advice) for f in flags] == [
        ("emergency", True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "my feet are always cold and my toes go white in winter",
        "my toes turn white and numb every winter",
        "numb white toes on cold days",
    ],
)
def test_toes_white_in_winter_are_no_emergency(kb: KnowledgeBase, text: str) -> None:
    assert "emergency" not in raised(kb, text).values(), raised(kb, text)


# ------------------------------------------------------------------ the second probe's finds
def test_a_swollen_hot_calf_is_a_clot_not_a_foot_wound(kb: KnowledgeBase) -> None:
    text = "my calf is swollen red and hot after a long flight and the foot is tingling"
    assert raised(kb, text) == {"deep_vein_thrombosis": "urgent"}
    # a hot swollen foot of its own is still a foot wound
    assert "foot_wound" in raised(kb, "my foot is numb, swollen and hot")


def test_ages_ago_is_history(kb: KnowledgeBase) -> None:
    text = "numbness in my left elbow and little finger, hit my funny bone ages ago"
    assert "after_injury" not in raised(kb, text)
    # a numbness that went so then is current, as "went numb last year" is
    assert kb.parse_location("my feet went numb ages ago and are still numb").regions


@pytest.mark.parametrize(
    "text", ["tingly hands 3 weeks after starting HIV PrEP", "on PrEP for HIV, numb toes"]
)
def test_a_medicine_against_hiv_is_no_hiv(kb: KnowledgeBase, text: str) -> None:
    assert kb.select(text).cause is None


def test_hiv_had_is_still_the_cause(kb: KnowledgeBase) -> None:
    assert kb.select("HIV positive and my feet are numb").cause == "infection"


# ------------------------------------------------------------------ "the left one"
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my left arm is fine its the right that tingles", [("upper_limb", "right")]),
        ("my right hand is ok but the left one is numb", [("hand", "left")]),
        ("my left leg is fine, it's the right one that's numb", [("lower_limb", "right")]),
        ("my left hand is fine, the other one is numb", [("hand", "right")]),
        (
            "my right little finger is fine but the left one is numb",
            [("hand.little_finger", "left")],
        ),
        ("numb right foot and the left one tingles a bit", [("foot", "left"), ("foot", "right")]),
        # a "left one" closing the sentence tags the part it is about, as before
        ("my leg is sleeping all the time from the hip until the foot, left one", None),
    ],
)
def test_a_side_said_with_one_is_the_part_named_before(
    kb: KnowledgeBase, text: str, expected: list[tuple[str, str]] | None
) -> None:
    regions = kb.parse_location(text).regions
    got = sorted((r.region, r.side) for r in regions)
    if expected is None:
        assert got == [("lower_limb", "left")]
    else:
        assert got == expected


def test_the_one_read_as_the_part_is_reported_as_read(kb: KnowledgeBase) -> None:
    reading = kb.read("my right hand is ok but the left one is numb")
    assert ("one", "hand") in [tuple(c) for c in reading.corrected]


# ------------------------------------------------------------------ "my left side is numb"
@pytest.mark.parametrize(
    "text",
    [
        "my left side is numb",
        "my left side has been numb since 2019",
        "my right side feels weak and numb",
        "her left side went numb an hour ago",
    ],
)
def test_a_side_of_the_person_said_to_be_numb(kb: KnowledgeBase, text: str) -> None:
    regions = kb.parse_location(text).regions
    assert [r.region for r in regions] == ["body"]
    assert raised(kb, text).get("one_sided_numbness") == "urgent" or "stroke" in raised(kb, text)


@pytest.mark.parametrize(
    ("text", "region", "side"),
    [
        ("the hand on my right side is numb", "hand", "right"),
        ("the ear on my left side feels numb and blocked", "head.ear", "left"),
        ("I sleep on my left side and wake with a numb hand", "hand", "left"),
        ("pain in my left side and my left foot is numb", "foot", "left"),
    ],
)
def test_a_side_after_on_or_not_said_numb_is_no_side_of_the_person(
    kb: KnowledgeBase, text: str, region: str, side: str
) -> None:
    regions = kb.parse_location(text).regions
    assert [(r.region, r.side) for r in regions] == [(region, side)]
    assert "one_sided_numbness" not in raised(kb, text)


# ------------------------------------------------------------------ a pain's way; "it's numb"
@pytest.mark.parametrize(
    "text",
    [
        "pain from my lower back down my left leg and my foot is numb",
        "pain goes from my lower back down my left leg, my foot is numb",
        "back pain going down into my leg, and my foot is numb",
    ],
)
def test_the_way_a_pain_runs_is_no_numb_part(kb: KnowledgeBase, text: str) -> None:
    assert [r.region for r in kb.parse_location(text).regions] == ["foot"]


def test_a_numbness_that_runs_down_is_still_numb(kb: KnowledgeBase) -> None:
    text = "numbness from my lower back down my left leg"
    assert {r.region for r in kb.parse_location(text).regions} == {"back.lumbar", "lower_limb"}


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("my leg hurts and its numb", "lower_limb"),
        ("my knee aches and it is numb too", "knee"),
        ("pain down my leg and it is numb", "lower_limb"),
        ("my back hurts and it goes numb", "back"),
    ],
)
def test_a_painful_part_said_numb_by_a_pronoun_is_numb(
    kb: KnowledgeBase, text: str, region: str
) -> None:
    assert [r.region for r in kb.parse_location(text).regions] == [region]


def test_a_painful_part_said_not_numb_stays_unread(kb: KnowledgeBase) -> None:
    with pytest.raises(LocationError):
        kb.parse_location("my shoulder hurts, it's not numb though")


# ------------------------------------------------------------------ the second probe's flags
@pytest.mark.parametrize("text", ["my left butt cheek is numb", "numb left buttock cheek"])
def test_a_butt_cheek_is_no_face(kb: KnowledgeBase, text: str) -> None:
    assert [(r.region, r.side) for r in kb.parse_location(text).regions] == [("buttock", "left")]
    assert raised(kb, text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "I hit my head on a cupboard and now my face is numb",
        "I hit my head yesterday and now my lips are tingling",
    ],
)
def test_a_numb_face_after_a_blow_to_the_head_is_a_head_injury(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text).get("head_injury") == "emergency", raised(kb, text)


def test_a_blow_to_the_head_of_years_ago_is_no_head_injury(kb: KnowledgeBase) -> None:
    assert "head_injury" not in raised(kb, "I hit my head years ago and my face is numb")


@pytest.mark.parametrize(
    "text",
    [
        "fever and bad back pain and now my legs are numb",
        "I have a temperature, my back hurts and my legs are numb",
        "IVDU, febrile, LBP, b/l leg numbness",
        "I inject heroin and I've got a fever and my back hurts and my legs are numb",
    ],
)
def test_a_fever_with_back_pain_and_numb_legs_is_an_emergency(kb: KnowledgeBase, text: str) -> None:
    flags = kb.select(text).red_flags
    found = {f.id: f for f in flags}
    assert found["spinal_infection"].urgency == "emergency", flags
    assert "emergency department" in found["spinal_infection"].advice


@pytest.mark.parametrize(
    "text",
    [
        "back pain and numb legs, no fever",
        "my back is sore and my feet are numb, I had a fever last year",
        "numb feet and a high temp",
    ],
)
def test_no_spinal_abscess_without_the_three(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text).get("spinal_infection") != "emergency", raised(kb, text)


# ------------------------------------------------------------------ a part taken back
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("numb right hand, sorry, I mean left hand", [("hand", "left")]),
        ("numb in my right arm. sorry, left arm", [("upper_limb", "left")]),
        ("numb in my left hand, actually it's the right hand", [("hand", "right")]),
        ("my left foot, no wait, my right foot is numb", [("foot", "right")]),
        ("numb feeling in my left foot, actually no its my ankle", [("ankle", "left")]),
        ("probably from my bike, numb down there... no I mean my hands", [("hand", "both")]),
        # more, not instead
        ("my hands are numb, sorry, my feet too", [("foot", "both"), ("hand", "both")]),
        (
            "numb left foot and sorry to bother you but my right hand too",
            [("foot", "left"), ("hand", "right")],
        ),
    ],
)
def test_a_part_taken_back_is_no_numb_part(
    kb: KnowledgeBase, text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted((r.region, r.side) for r in kb.parse_location(text).regions) == expected


def test_no_wait_denies_nothing(kb: KnowledgeBase) -> None:
    assert [r.region for r in kb.parse_location("no wait, my foot is numb too").regions] == ["foot"]


# ------------------------------------------------------------------ "number", a guess, a calf
def test_number_after_getting_is_more_numb(kb: KnowledgeBase) -> None:
    text = "my legs have been getting weaker and number every day this week, now up to my waist"
    assert raised(kb, text).get("ascending_weakness") == "emergency"
    assert ("getting number", "getting more numb") in [
        tuple(c) for c in kb.read("my feet are getting number").corrected
    ]
    # a number is still a number
    assert not kb.read("my phone number is 0771, my feet are numb").corrected


def test_a_guess_of_where_it_comes_from_is_the_cause(kb: KnowledgeBase) -> None:
    assert kb.select("I think its coming from my neck, my right hand is numb").cause == (
        "cervical_root"
    )
    # "I think my neck is numb" guesses nothing
    assert kb.select("I think my neck is numb").cause is None
    assert kb.select("I think the back of my hand is numb").cause is None


def test_a_hot_swollen_calf_is_no_numb_calf(kb: KnowledgeBase) -> None:
    text = "my calf is hot and swollen and my foot is numb"
    assert [r.region for r in kb.parse_location(text).regions] == ["foot"]
    assert raised(kb, text).get("deep_vein_thrombosis") == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "right leg numb. same on the other side since yesterday",
        "my right leg is numb and so is the other one",
        "my right leg is numb, the other one too",
    ],
)
def test_the_other_one_too_is_both(kb: KnowledgeBase, text: str) -> None:
    sides = sorted(r.side or "" for r in kb.parse_location(text).regions)
    assert sides == ["left", "right"], sides


def test_the_other_one_fine_is_not_numb(kb: KnowledgeBase) -> None:
    text = "numb right foot, the other one is ok"
    assert [(r.region, r.side) for r in kb.parse_location(text).regions] == [("foot", "right")]


@pytest.mark.parametrize(
    "text", ["numb from the knee down both legs", "tingling from the knees down in both legs"]
)
def test_from_the_knee_down_both_legs_is_the_legs_below_the_knee(
    kb: KnowledgeBase, text: str
) -> None:
    regions = kb.parse_location(text).regions
    assert sorted((r.region, r.side) for r in regions) == [("foot", "both"), ("leg", "both")]


# ------------------------------------------------------------------ a note's finding
@pytest.mark.parametrize(
    ("text", "region", "side"),
    [
        ("denies bladder dysfunction, R foot paraesth.", "foot", "right"),
        ("no trauma, R foot numbness", "foot", "right"),
        ("no hx DM, L hand numbness", "hand", "left"),
        ("no saddle anaesth, L calf numbness", "leg", "left"),
    ],
)
def test_a_notes_finding_led_by_its_side_is_no_denied_item(
    kb: KnowledgeBase, text: str, region: str, side: str
) -> None:
    assert [(r.region, r.side) for r in kb.parse_location(text).regions] == [(region, side)]


def test_a_denied_list_item_with_no_side_stays_denied(kb: KnowledgeBase) -> None:
    with pytest.raises(LocationError):
        kb.parse_location("denies fever, saddle numbness")


# ------------------------------------------------------------------ the third probe's flags
@pytest.mark.parametrize(
    "text",
    [
        "fell from a ladder, b/l hand numbness",
        "pt fell from ladder 2/7 ago, b/l hand paraesth.",
        "I fell down from the roof and now my legs are numb",
        "i fell of a ladder and now my arms are tingling",
    ],
)
def test_both_sides_after_a_fall_in_other_words_is_a_spinal_injury(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text).get("spinal_injury") == "emergency", raised(kb, text)


def test_bilateral_alone_is_no_spinal_injury(kb: KnowledgeBase) -> None:
    assert "spinal_injury" not in raised(kb, "bilateral hand numbness, carpal tunnel")


@pytest.mark.parametrize(
    "text",
    [
        "my head was hit by a door and after I have numbness in the arm right",
        "his head was hit by a ball and now his left hand is numb",
    ],
)
def test_a_head_that_was_hit_is_a_blow_to_the_head(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text).get("head_injury") == "emergency", raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "I feel cold and numb in my fingers when is winter and they become white",
        "my fingers are cold and numb in winter and turn white",
        "my hands are cold and numb and white in winter",
    ],
)
def test_white_cold_fingers_are_no_foot_emergency(kb: KnowledgeBase, text: str) -> None:
    assert "foot_wound" not in raised(kb, text), raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "my foot is numb, pale and cold",
        "my left foot is cold and blue and numb",
        "L foot cold pale pulseless, numb, 2h",
        "mum's diabetic, her right foot has gone pale and cold and greyish",
    ],
)
def test_a_cold_white_foot_is_still_an_emergency(kb: KnowledgeBase, text: str) -> None:
    assert "emergency" in raised(kb, text).values(), raised(kb, text)


# ------------------------------------------------------------------ "left-sided", "LT"
@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("left sided numbness", "left"),
        ("left-sided numbness and weakness", "left"),
        ("right sided numbness since this morning", "right"),
    ],
)
def test_a_sided_numbness_is_that_side_of_the_person(
    kb: KnowledgeBase, text: str, side: str
) -> None:
    assert [(r.region, r.side) for r in kb.parse_location(text).regions] == [("body", side)]
    assert raised(kb, text).get("one_sided_numbness") == "urgent"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("L sided facial numbness", "face"),
        ("left sided numbness of the face", "face"),
        ("left sided numbness in my thigh", "thigh"),
    ],
)
def test_a_sided_part_is_that_parts_side(kb: KnowledgeBase, text: str, region: str) -> None:
    assert [(r.region, r.side) for r in kb.parse_location(text).regions] == [(region, "left")]
    assert "one_sided_numbness" not in raised(kb, text)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("reduced LT/PP sensation L4 dermatome R", "right"),
        ("reduced LT sensation C6 dermatome R", "right"),
        ("numb lt hand", "left"),
    ],
)
def test_lt_in_a_note_is_light_touch_after_reduced(kb: KnowledgeBase, text: str, side: str) -> None:
    assert {r.side for r in kb.parse_location(text).regions} == {side}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("numbness anterior thigh R, post op hip", [("thigh", "right", ("anterior",))]),
        ("numbness peri-oral, no other sx", [("face.mouth", None, ())]),
        ("paraesth. lat thigh L, ?meralgia", [("thigh", "left", ("lateral",))]),
    ],
)
def test_a_notes_short_words(
    kb: KnowledgeBase, text: str, expected: list[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    got = [(r.region, r.side, tuple(r.aspects)) for r in kb.parse_location(text).regions]
    assert got == expected


# ------------------------------------------------------------------ the adversarial probe
def test_a_year_of_now_is_no_history(kb: KnowledgeBase) -> None:
    from datetime import date

    text = f"I hit my head in {date.today().year} and my face is numb"
    assert raised(kb, text).get("head_injury") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 my feet went numb and they are still numb",
        "In 2023 I started getting numb hands",
        "When I was 12 I had numb feet and I still do",
    ],
)
def test_a_date_that_opens_when_it_began_keeps_it_current(kb: KnowledgeBase, text: str) -> None:
    assert kb.parse_location(text).regions


def test_a_side_said_sore_is_no_side_of_the_person(kb: KnowledgeBase) -> None:
    assert "one_sided_numbness" not in raised(kb, "My left side is sore and my toes are numb")
    assert raised(kb, "my left side has gone numb").get("one_sided_numbness") == "urgent"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("My face is numb, I mean my hands", "hand"),
        ("My left thumb is numb, scratch that, my index finger", "hand.index_finger"),
        ("My thigh is numb, I mean my calf", "leg"),
        ("My left side is numb, sorry, I mean my left hand", "hand"),
    ],
)
def test_a_part_taken_back_after_its_own_clause(kb: KnowledgeBase, text: str, region: str) -> None:
    assert [r.region for r in kb.parse_location(text).regions] == [region]


def test_the_cold_of_the_weather_is_no_cold_foot(kb: KnowledgeBase) -> None:
    assert "foot_wound" not in raised(kb, "My foot goes white and numb when it is cold")
    assert raised(kb, "my foot is cold and white and numb").get("foot_wound") == "emergency"


def test_a_head_that_hit_something_and_a_stiff_neck(kb: KnowledgeBase) -> None:
    assert raised(kb, "My head hit the windscreen and my face is numb").get("head_injury") == (
        "emergency"
    )
    text = "My legs are numb and I have a fever and a stiff neck"
    assert [r.region for r in kb.parse_location(text).regions] == ["lower_limb"]
