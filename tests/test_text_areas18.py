"""areas18 of the text reader (issue 16): the area and side misses of held-out set 17 (a
pain's way to a part, weakness shapes, what a weakness named as a thing reached, a side of
a part before a plural whole, the part of a threatened foot on which a sign sits, generic
questions, places in lay and clinical words), read as general rules after the set was
released.

Each rule is tested here on sentences other than those of the corpus, with a control the
rule must leave alone. Every word of the "areas18" blocks of the data has a sentence of its
own (``AREAS18_WORDS``). Labels changed by convention are listed in their files' headers.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_word_is_read, reading
from .vocabulary import AREAS18_WORDS

CARPAL = {"hand.thumb", "hand.index_finger", "hand.middle_finger"}


@pytest.mark.parametrize("key", sorted(AREAS18_WORDS))
def test_every_areas18_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, AREAS18_WORDS, key)


def test_every_areas18_data_word_has_a_sentence() -> None:
    listed = {word for _, word in AREAS18_WORDS}
    blocks = block_words("text.yaml", "areas18") | block_words("regions.yaml", "areas18")
    assert len(blocks) >= 40
    assert not blocks - listed, sorted(blocks - listed)


def check(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a pain named as a thing, going "into", "to" or "down" a part: pain there ...
        ("low back pain going into my left buttock and my heel is numb", {"foot.heel"}, "left"),
        ("LBP radiating to R leg below knee, numb R big toe", {"foot.big_toe"}, "right"),
        ("pain to the foot and numbness in the back of my thigh", {"thigh"}, None),
        ("pain shooting down into my calf, my toes are numb", {"foot.toes"}, "both"),
        # ... and the part below a level of a limb a pain goes to is the pain's too
        ("LBP radiating to R leg below knee, numbness dorsum R foot", {"foot.dorsum"}, "right"),
        # controls: a numbness that goes there, a part said numb in its own clause, a pain
        # alone (its place), and a level part of a numb whole
        ("numbness going into my toes", {"foot.toes"}, "both"),
        ("pain going into my leg and my leg is numb", {"lower_limb"}, None),
        ("pain going into my buttock", {"buttock"}, None),
        ("my legs are numb below the knee", {"leg"}, "both"),
    ],
)
def test_a_part_a_pain_goes_to_is_its_pain(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part followed by words of a weakness, however written: weak, not numb
        ("my feet tingle and my legs are gettin weaker", {"foot"}, "both"),
        ("numb toes and my hands fumble buttons", {"foot.toes"}, "both"),
        ("my shins are numb and the legs are more weak each day", {"leg"}, "both"),
        ("my legs are so weak", set(), None),
        # controls: a part said numb and weak, or numb alone
        ("my legs are weak and numb", {"lower_limb"}, "both"),
        ("my hands are clumsy and numb", {"hand"}, "both"),
        ("my legs are more numb each day", {"lower_limb"}, "both"),
    ],
)
def test_a_part_said_weak_after_it_is_weak(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # where a weakness named as a thing began and reached: its place, however far along
        ("weakness started in my ankles on Monday and has moved up to my thighs", set(), None),
        ("the weakness began at my feet and now it is past my knees", set(), None),
        # controls: a numbness named between, or a numb part of its own
        ("weakness in my legs and numbness creeping up to my knees", {"knee"}, "both"),
        ("weakness started in my hands and now my feet are numb", {"foot"}, "both"),
        ("numbness started in my ankles and has moved up to my thighs", {"ankle", "thigh"}, "both"),
    ],
)
def test_where_a_weakness_went_is_its_place(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a side that opens a part of a plural whole named in another clause is the part's:
        # the plural whole with no side of its own is both
        ("my left big toe has gone black and my feet are numb", {"foot"}, "both"),
        ("ulcer under R heel, insensate feet", {"foot"}, "both"),
        ("ulcer under L 1st MTPJ, insensate feet", {"foot"}, "both"),
        # controls: digits of a foot or hand named on a side keep it, and a whole close by
        ("my right foot is cold and pale and the toes are numb", {"foot.toes"}, "right"),
        ("left foot drop and numb toes", {"foot.toes"}, "left"),
        ("my left hand and fingers are numb", {"hand", "hand.fingers"}, "left"),
        ("numb left heel and feet", {"foot.heel", "foot"}, "left"),
    ],
)
def test_a_side_of_a_part_is_not_its_plural_wholes(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # the part "on" or "of" a foot a sign is said of is the sign's subject
        ("numb feet and the big toe on my right foot has gone black", {"foot"}, "both"),
        (
            "diabetic, numb soles, and the second toe on my left foot has turned black",
            {"foot.sole"},
            "both",
        ),
        # control: the part said numb
        ("the big toe on my right foot is numb", {"foot.big_toe"}, "right"),
    ],
)
def test_the_part_on_a_foot_a_sign_is_said_of_is_the_signs(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # "your" part in a question with no question mark asks about anyone's
        ("can statins make your feet numb", set(), None),
        ("why do your hands go numb at night", set(), None),
        # a question asked for a piece of work supposes what it asks
        ("what does it mean if your face goes numb? asking for an essay", set(), None),
        # "mine's been" for a time answers a question about a part for the writer
        (
            "anyone had numbness in their lip after the dentist? mine's been 3 weeks",
            {"face.mouth"},
            None,
        ),
        # controls: the writer's own part, a friend (often the writer), "mine's been fine"
        ("can statins make my feet numb", {"foot"}, "both"),
        ("why is my face numb? asking for a friend", {"face"}, None),
        ("anyone had numbness in their lip after the dentist? mine's been fine", set(), None),
    ],
)
def test_questions_of_anyone(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # the hand by what it does only says where the digits are
        ("numb fingertips on my fretting hand", {"hand.fingers"}, "both"),
        ("numb fingertips on my right hand", {"hand.fingers"}, "right"),
        # both ears behind, and hands put behind them (a posture)
        ("the skin behind my ears is numb", {"head.ear"}, "both"),
        ("my fingers go numb when I put my hands behind my ears", {"hand.fingers"}, "both"),
        # the scalp placed by a part of the head, and the scalp alone
        ("numb scalp back of head", {"head.occiput"}, None),
        ("my scalp is numb", {"head.vertex"}, None),
        # a numbness "to" a mid level in a note is the feet up to it; a level alone stays
        ("numbness to mid-shin", {"foot", "leg"}, "both"),
        ("numbness of my shin", {"leg"}, None),
    ],
)
def test_places_of_held_out_17(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part a cause named before it sits "in" or "on", after a numb part is named: the
        # cause's place
        (
            "numb forehead on the right after the herpes zoster in the eye",
            {"face.forehead"},
            "right",
        ),
        ("my toes are numb since the chemo in my arm", {"foot.toes"}, "both"),
        # controls: with no numb part named before it, the part is where the numbness is;
        # and something that is no cause names no place
        ("shingles on my chest, the skin there is numb", {"chest"}, None),
        ("numb cheek since an abscess in my gum", {"face.cheek", "face.mouth"}, None),
    ],
)
def test_where_a_cause_sits_after_a_numb_part_is_its_place(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # parts of a whole set off with "the" after the clause saying it is numb (or
        # "sleeping"), to a comma or the end: the parts meant
        ("my right hand is numb at night, the first three fingers", CARPAL, "right"),
        (
            "my hand left is sleeping all the night, the three first fingers, I type a lot",
            CARPAL,
            "left",
        ),
        # controls: a clause of their own, a whole weighed with its part, another noun
        ("my hand is numb, the fingers are fine", {"hand"}, None),
        ("my right hand is numb, the thumb especially", {"hand", "hand.thumb"}, "right"),
        ("my foot is numb, the doctor says", {"foot"}, None),
    ],
)
def test_parts_set_off_after_a_numb_whole_are_the_parts(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # the way a sciatica runs, with no numb word, beside a part said numb: its pain
        ("my sciatica is back. Right buttock down to the calf, the calf is numb", {"leg"}, "right"),
        (
            "sciatica again, left buttock down into the thigh, and my heel is numb",
            {"foot.heel"},
            "left",
        ),
        # controls: the way alone is its place; no sciatica (or a denied one) and it stays
        ("my sciatica is back, buttock down to the calf", {"buttock", "leg"}, None),
        (
            "my back went. Right buttock down to the calf, the calf is numb",
            {"buttock", "leg"},
            "right",
        ),
    ],
)
def test_the_way_a_sciatica_runs_beside_a_numb_part_is_its_pain(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    check(kb, text, areas, side)
