"""Round 6 of the text reader (issue 16): areas, side and cause read from free text.

General rules, each tested on sentences other than those of the corpora: areas named for a
role other than numbness (gait, an object like a table leg, an operation site, the end of a
weak stretch, a part that is fine, a landmark that places a part), the side where "right"
is no side, and causes stated indirectly (a spine site a numbness comes from, an operation
site, a family illness, blood pressure that is no pressure).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from acupoints import KnowledgeBase

from .textread import reading
from .vocabulary import AREA_ROLE_WORDS


@pytest.mark.parametrize(("key"), sorted(AREA_ROLE_WORDS))
def test_every_round6_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    text, areas, cause = AREA_ROLE_WORDS[key]
    assert set(key[1].split()) <= set(re.findall(r"[a-z0-9]+", text.lower().replace("'", "")))
    got = reading(kb, text)
    assert (got[0], got[2]) == (set(areas), cause), (text, got)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("numbness in my belly just above the belly button", {"abdomen.upper"}),
        ("numb stomach beneath the navel", {"abdomen.lower"}),
        ("numb left-hand ring finger", {"hand.ring_finger"}),
        ("altered sensation dorsum of R foot", {"foot.dorsum"}),
        ("I trapped my thumb in the door and it's gone numb", {"hand.thumb"}),
        ("when I kneel on my knee it goes dead", {"knee"}),
        ("my ankle is swollen and my sole is numb", {"foot.sole"}),
        ("the strap rubs my shoulder and my fingers tingle", {"hand.fingers"}),
        ("tingling calf, left leg", {"leg"}),
        ("numb heel on my bad foot", {"foot.heel"}),
        ("my legs went weak up to my knees and my toes are numb", {"foot.toes"}),
        ("my arms feel heavy as far as my elbows, numb fingertips", {"hand.fingers"}),
        ("I bumped the chair leg and my second toe is numb", {"foot.second_toe"}),
        ("the weakness has crept up to my knees and my soles are numb", {"foot.sole"}),
        ("numb fingertips, weakness now as far as my elbows", {"hand.fingers"}),
        ("aching up to my shoulder and a numb thumb", {"hand.thumb"}),
    ],
)
def test_a_part_named_for_another_role_is_not_numb(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("my calves are weak right up to the knee and my feet tingle", "both"),
        ("Right. my ankle is numb", None),
        ("numb heel, right after I started running", None),
        ("numb glutes, the right one", "right"),
        ("my buttocks are numb", "both"),
        ("my quad tingles", None),  # one quadriceps
        ("numbness in a glove distribution", "both"),
        ("tingling toes, the left more than the right", "both"),
        ("my right foot is number than the left one", "both"),
        ("reduced sensation over the dorsum of R foot", "right"),
        ("numb shin on the left hand side", "left"),
        ("numb heel RHS", "right"),
        ("numb achilles", None),
        ("numb bicep", None),  # one muscle, though the spellings write it "biceps"
        ("numb left and right feet", "both"),
        ("tingling hands R>L", "both"),
        ("L>R paraesthesia of the soles", "both"),
        ("numb left hand, right foot fine", "left"),
        ("my hands are left numb after gardening", "both"),
        ("numb forearm L", "left"),
        ("paraesthesia lateral foot R", "right"),
        ("my toes were numb, now my hands are", "both"),
    ],
)
def test_side_where_right_is_no_side_and_plurals(
    kb: KnowledgeBase, text: str, side: str | None
) -> None:
    assert reading(kb, text)[1] == side, text


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("tingling fingers coming from my neck, says my GP", "cervical_root"),
        ("numb big toe, the physio thinks it's from my back", "lumbar_root"),
        ("the numbness in my thigh begins in my lower back", "lumbar_root"),
        ("numb from my neck to my shoulder", None),  # a stretch, not a source
        ("numb shin since my ankle was pinned", "injury"),
        # cause18: a needle into the wrist is a procedure into the body (docs/text.md)
        ("numb wrist after a steroid injection in my wrist", "injury"),
        ("numb feet, my nan and my auntie all had it", "hereditary"),
        ("numb soles, my sister has the same thing", "hereditary"),
        ("numb soles, my wife has the same thing", None),  # no blood relative
        ("numb feet, diabetes runs in my family", None),  # another illness of the family
        ("numb hands, it runs in our family", "hereditary"),
        ("numb fingers and my blood pressure is a bit high", None),
        ("numb toes, I'm on pills for blood pressure", None),
        ("numb feet, the pressure of my boots", "injury"),  # pressure itself is a cause
        ("numb calf after falling off the shed roof", "injury"),
        ("numb toes, my brother is diabetic and so am I", "diabetic"),
        ("tingly feet, my mum had B12 deficiency, me too", "b12_deficiency"),
        ("tingly feet, my mum had B12 deficiency, I don't", None),
        ("numb soles, my dad's got the same thing", "hereditary"),
        ("numb soles, everybody in my family has it", "hereditary"),
        ("numb soles, my vitamin b 12 is low", "b12_deficiency"),
        ("numb outer thigh since my caesarean", "injury"),
        ("tingly feet, I spray chemicals for a living", "alcohol_toxins"),
        ("numb hands and I keep falling over", None),  # a symptom, not a fall that hurt
    ],
)
def test_causes_stated_indirectly(kb: KnowledgeBase, text: str, cause: str | None) -> None:
    assert reading(kb, text)[2] == cause, text


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("my brother's feet tingle and so do mine", {"foot"}),
        ("my mum has numb hands, me too", {"hand"}),
        ("my mum has numb hands, not me", set()),
        ("if I cross my legs my foot goes dead", {"foot"}),
        ("whenever I type my fingers get numb", {"hand.fingers"}),
        ("if my toes go numb should I worry", set()),
    ],
)
def test_someone_elses_or_a_supposed_area_that_is_ones_own(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas, text


def test_an_implied_cause_is_explained_by_its_words(kb: KnowledgeBase) -> None:
    r = kb.read("numb fingers, it comes from my neck")
    assert [(c.id, c.words) for c in r.causes] == [("cervical_root", "from my neck")]


def test_a_stated_cause_wins_over_an_implied_one(kb: KnowledgeBase) -> None:
    assert reading(kb, "numb hand from my neck, I'm diabetic")[2] == "diabetic"


BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.skipif(not BENCH.is_dir(), reason="bench/ is not beside the tests")
def test_english_words_keeps_only_a_body_words_own_endings() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import english_words
    finally:
        sys.path.remove(str(BENCH))
    assert english_words.inflection("fingers", "finger", noun=True)
    assert english_words.inflection("bodies", "body", noun=True)
    assert not english_words.inflection("fingered", "finger", noun=True)
    assert not english_words.inflection("shouldering", "shoulder", noun=True)
    assert english_words.inflection("tingled", "tingle")  # a verb has them all


@pytest.mark.parametrize("word", ["fingered", "shouldered", "ruins", "scooped"])
def test_a_real_word_one_slip_from_new_vocabulary_is_not_corrected(
    kb: KnowledgeBase, word: str
) -> None:
    assert word not in {wrong for wrong, _ in kb.read(f"numb hand, {word}").corrected}
    assert ("hnad", "hand") in kb.read(f"numb hnad, {word}").corrected  # typos still are
