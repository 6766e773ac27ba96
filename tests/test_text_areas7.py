"""Heldout7 of the text reader (issue 16): areas, side and cause in clinical shorthand,
voice dictation, lists of denials and run-on text.

General rules, each tested on sentences other than those of the corpora: clinical
abbreviations (b/l, RUE, c/o, "?meralgia", "+ve"), slips of dictation read as body words
only where the sentence frame makes that plain, and words that open a new statement after
a denial.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_word_is_read, reading
from .vocabulary import AREA7_ORDINARY, AREA7_WORDS


@pytest.mark.parametrize("key", sorted(AREA7_WORDS))
def test_every_heldout7_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, AREA7_WORDS, key)


@pytest.mark.parametrize("text", sorted(AREA7_ORDINARY))
def test_a_real_word_in_its_ordinary_use_is_no_body_word(kb: KnowledgeBase, text: str) -> None:
    areas, side = AREA7_ORDINARY[text]
    assert reading(kb, text)[:2] == (set(areas), side)
    corrected = dict(kb.read(text).corrected)
    assert not {"write", "soul of", "bowl of", "for arm", "outer age of"} & set(corrected)


@pytest.mark.parametrize(
    ("text", "areas", "side", "cause"),
    [
        # "?" that opens a word is a query of a diagnosis: the clause still states
        ("numb outer thigh L, ?meralgia", {"thigh"}, "left", "meralgia_paresthetica"),
        (
            "?carpal tunnel, tingling R index finger",
            {"hand.index_finger"},
            "right",
            "carpal_tunnel",
        ),
        ("numb sole, ?tarsal tunnel", {"foot.sole"}, None, "tarsal_tunnel"),
        # ... while a question mark that ends a word still asks
        ("is my sole numb?", set(), None, None),
        # "+ve" and "-ve": positive and negative, not a side nor noise
        ("tingling fingers, Phalens +ve", {"hand.fingers"}, "both", "carpal_tunnel"),
        ("tingling fingers, Phalens -ve", {"hand.fingers"}, "both", None),
    ],
)
def test_clinical_query_and_sign_notation(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None, cause: str | None
) -> None:
    assert reading(kb, text) == (areas, side, cause)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a backward denial ("fine", "intact") stops at a word saying something is numb
        ("left shin numb right shin fine", {"leg"}, "left"),
        ("the skin on my numb heel looks normal", {"foot.heel"}, None),
        ("my numb toes are fine otherwise", {"foot.toes"}, "both"),
        # ... but a denial before the numb word still denies the area
        ("no numb toes, my heel tingles", {"foot.heel"}, None),
        # after a list of denials, a clinical word opens the complaint
        ("denies weakness, denies bladder sx, c/o numb L shin", {"leg"}, "left"),
        ("no trauma, no fever, gradual tingling R thumb", {"hand.thumb"}, "right"),
        ("no back pain, pt reports numb toes L foot", {"foot.toes"}, "left"),
    ],
)
def test_a_denial_ends_where_a_new_statement_opens(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part, then only a side and the limb it is on: the limb places it
        ("numb palms both hands", {"hand.palm"}, "both"),
        ("tingling heel R foot", {"foot.heel"}, "right"),
        # a part said numb, then where it is
        ("my fingers go numb on the left hand", {"hand.fingers"}, "left"),
        ("my knuckles are numb and tingly both hands", {"hand.dorsum"}, "both"),
        # the limb said to be numb itself, or named alone, is a finding of its own
        ("my toes are numb and both feet tingle", {"foot.toes", "foot"}, "both"),
        ("numb toes and both feet", {"foot.toes", "foot"}, "both"),
    ],
)
def test_a_limb_after_its_part_only_places_it(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # toes by ordinal number, as clinical notes write them
        ("numbness 1st and 2nd toes", {"foot.big_toe", "foot.second_toe"}),
        ("tingling 3rd and 4th toes", {"foot.third_toe", "foot.fourth_toe"}),
        # after the thumb, "index" is the index finger
        ("tingling in my thumb and index", {"hand.thumb", "hand.index_finger"}),
        (
            "numb thumb, index and middle fingers",
            {"hand.thumb", "hand.index_finger", "hand.middle_finger"},
        ),
        # ... but not alone nor first ("index" without the thumb is no finger)
        ("numb index", set()),
        # "dorsum" before the limb, without "of"
        ("altered sensation dorsum R hand", {"hand.dorsum"}),
        # one digit's tip is that digit
        ("numb middle fingertip", {"hand.middle_finger"}),
        ("tingling in the tip of the thumb", {"hand.thumb"}),
        # a body word inside a cause's name is where the cause is, not numb
        ("numb heel, known lumbar radiculopathy", {"foot.heel"}),
        ("the lumbar region is numb", {"back.lumbar"}),
        # "my numb feet" in a worry or question: the numbness is taken as given
        ("scared I'll burn my numb feet on the radiator", {"foot"}),
        ("could a cold make my numb toes worse?", {"foot.toes"}),
        # ... while a numbness supposed stays supposed
        ("what if my heel goes numb?", set()),
        ("if I had a numb hand would it show?", set()),
    ],
)
def test_digits_tips_and_given_numbness(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "back" then a time is no body part
        ("back in 2020 my toes went numb", {"foot.toes"}),
        ("back in the summer my heel started to tingle", {"foot.heel"}),
        ("back then my shins went numb", {"leg"}),
        # ... "my back" is ("my back in the mornings is numb")
        ("my back in the mornings is numb", {"back"}),
        # the numb word, then a landmark: the landmark places the area
        ("tummy numb below the belly button", {"abdomen.lower"}),
        # a numb bit, patch: a noun, not "bit" the verb
        ("a numb bit behind my left ear", {"head.ear"}),
        # a cue an area takes after it is no cue for the next one
        ("with my knees bent my toes go numb", {"foot.toes"}),
        # ... a cue word between two areas that the first does not take still counts
        ("numb fingers when I sleep with my arm above my head", {"hand.fingers"}),
        ("numb toes and weak ankles", {"foot.toes"}),
        # a sign's subject said numb by a pronoun
        ("my ankle keeps giving way and it is numb", {"ankle"}),
        ("got hit on the knee by a football and its been numb since", {"knee"}),
        # around the mouth, clinically
        ("circumoral tingling", {"face.mouth"}),
    ],
)
def test_times_landmarks_and_cues(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "the top of it": the limb named before it in the sentence
        ("I sprained my foot and the top of it is numb", {"foot.dorsum"}),
        ("I banged my foot and the bottom of it tingles", {"foot.sole"}),
        ("my legs are weak and the front of them is numb", {"lower_limb"}),
        # no limb before it in the sentence: nothing to refer to
        ("the top of it is numb. my hand is fine", set()),
    ],
)
def test_the_part_of_it_is_the_limb_before(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # a cause said to have cleared up no longer explains the numbness now
        ("had sciatica years ago that cleared up, my heel is numb now", None),
        ("I had shingles last year which resolved, my ribs are numb", None),
        # a past cause with no recovery said of it still counts
        ("I had shingles last year, my ribs are numb", "infection"),
        ("had chemo years ago, my feet are numb", "chemotherapy"),
        # ... and so does one after which something else recovered
        ("had chemo years ago for a cancer that cleared up, my feet are numb", "chemotherapy"),
    ],
)
def test_a_cause_that_cleared_up_is_not_the_cause(
    kb: KnowledgeBase, text: str, cause: str | None
) -> None:
    assert reading(kb, text)[2] == cause


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a question about a finding, then "mine" has it
        ("can a cold make your lips tingle? mine have been for a week", {"face.mouth"}),
        ("my son's toes tingle and mine are numb too", {"foot.toes"}),
        # ... "mine" that is fine or has something else has it not
        ("my husband's heels are numb, mine are just sore", set()),
        ("does stress make your hands tingle? mine is fine", set()),
        ("do your feet go numb in the cold? mine are just cold", set()),
        ("can stress make your toes tingle? mine are not", set()),
        ("does diabetes make your feet numb?", set()),
    ],
)
def test_mine_after_a_question_states_it(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "the one next to it" after a digit with one neighbour is that neighbour
        ("my big toe and the one next to it are numb", {"foot.big_toe", "foot.second_toe"}),
        ("numb thumb and the one next to it", {"hand.thumb", "hand.index_finger"}),
        (
            "my little finger and the one next to it tingle",
            {"hand.little_finger", "hand.ring_finger"},
        ),
        # a digit with two neighbours, or no digit, says nothing more
        ("my middle finger and the one next to it are numb", {"hand.middle_finger"}),
        ("my heel and the one next to it are numb", {"foot.heel"}),
    ],
)
def test_the_one_next_to_it(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # "below it", "above it": below or above the joint or limb named before
        ("my knee is fine but below it on the outside of my leg is numb", {"leg"}),
        ("my knee hurts and the skin just below it is numb", {"leg"}),
        # "under it": an object placed under something ("a folded sock under it")
        ("the ball of my foot is numb, like a pebble is under it", {"foot.sole"}),
    ],
)
def test_below_it_is_below_the_part_before(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas
