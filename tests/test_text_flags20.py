"""The red-flag misses, false flags and flags on negated or other people's sentences of
tests/corpus/heldout19.yaml, corrected by kind as rules (issue 16, helper flags20). The
classes and rules are tested word by word by test_text_flags6.py, the context terms,
concept words and real word of the blocks "flags20" by FLAGS20_WORDS here; each rule below
by sentences written for these tests, not taken from the held-out set, each with controls
where the rule must not fire."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import check_flag_block_words, check_flag_term, raised, reading
from .vocabulary import FLAGS20_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS20_WORDS))
def test_every_flags20_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, FLAGS20_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every word of the blocks is a term listed here or a word of a flag class (those are
    listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in FLAGS20_WORDS}
    check_flag_block_words("flags20", listed)


# ------------------------------------------------------------------ a stroke said plainly
@pytest.mark.parametrize(
    ("text", "stroke"),
    [
        # a one-sided numbness for a spell of minutes: a transient attack, graded a stroke
        ("my left arm and leg went dead for ten minutes", True),
        ("the right side of my body went numb for a few minutes at work", True),
        # controls: a spell of minutes of no side, or kit and posture
        ("both my hands went numb for a few minutes after typing", False),
        ("my bum goes numb after about ten minutes on a hard chair", False),
        ("my left arm and leg went dead", False),
        # a cheek named with its side on waking or suddenly; a buttock's cheek is none
        ("woke up with my left cheek numb", True),
        ("my right cheek went numb suddenly", True),
        ("my left bum cheek went numb this morning", False),
        ("my right cheek has been numb for a year", False),
        # an eye or eyelid that droops is a face drooping; eye drops are none
        ("my left eye looks droopy and my cheek is numb", True),
        ("my right eyelid is drooping and my hand tingles", True),
        ("I use eye drops and my cheek is numb", False),
    ],
)
def test_a_stroke_said_plainly(kb: KnowledgeBase, text: str, stroke: bool) -> None:
    assert ("stroke" in raised(kb, text)) is stroke, text


# ------------------------------------------------------------------ heart, breath, cancer
@pytest.mark.parametrize(
    ("text", "flag", "raised_"),
    [
        # a pressure of the pit of the chest is the heart's, as a chest pressure is
        ("epigastric tightness going into my left arm, numb fingers", "heart_attack", True),
        ("epigastric pain after meals, numb feet", "heart_attack", False),
        # breathlessness, the noun, unless it has gone or settled
        ("sudden breathlessness and numb hands", "breathing", True),
        ("the breathlessness from covid has gone, numb feet", "breathing", False),
        (
            "the breathlessness was hay fever and it has settled, my toes are numb",
            "breathing",
            False,
        ),
        # a primary tumour in a note; a primary school is none
        ("known breast primary, numb left forearm", "cancer_history", True),
        ("I'm a primary school teacher with a numb left forearm", "cancer_history", False),
        # a note's "worse at night" after the pain, past a comma
        ("Low back pain, worse at night, numb R calf", "night_pain", True),
        ("LBP, worse lying flat, numb L calf", "night_pain", True),
        ("Low back pain, numb R calf", "night_pain", False),
        ("neck pain, my hands fall asleep", "night_pain", False),
        # a gastrectomy is no mastectomy
        ("numb soles, I had a gastrectomy", "cancer_history", False),
    ],
)
def test_heart_breath_and_cancer_in_other_words(
    kb: KnowledgeBase, text: str, flag: str, raised_: bool
) -> None:
    assert (flag in raised(kb, text)) is raised_, text


# ------------------------------------------------------------------ weakness and gait
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # no power after a numbness climbing over days: an emergency
        (
            "the tingling started in my feet on Monday and went up to my knees, now my legs "
            "have no power",
            {"ascending_weakness": "emergency"},
        ),
        (
            "the tingling started in my feet on Monday and went up to my knees",
            {"ascending_weakness": "urgent"},
        ),
        # a note: the feet progressing over days to include the hands, with weakness
        (
            "tingling in both feet progressing over 3/7 to include the hands, with leg weakness",
            {"ascending_weakness": "emergency"},
        ),
        ("tingling in both feet progressing over 3/7 to include the hands", {}),
        # a hand no good for a fine task, a walk like to fall: the myelopathy
        (
            "my hand is no good for buttons anymore and my fingers are numb",
            {"cervical_myelopathy": "urgent"},
        ),
        ("my hand is no good at tennis and my fingers are numb", {}),
        ("numb fingers and I walk like I'm going to fall", {"cervical_myelopathy": "urgent"}),
        ("numb fingers and I feel like I'm going to faint", {}),
    ],
)
def test_weakness_and_gait_in_other_words(
    kb: KnowledgeBase, text: str, flags: dict[str, str]
) -> None:
    assert raised(kb, text) == flags, text


# ------------------------------------------------------------------ denied, past, supposed
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # the writer's own, said to be over after a question ("? mine went away")
        ("does anyone get a numb saddle after cycling? mine went away after a day", {}),
        ("has anyone had numb lips after the dentist? mine wore off by tea", {}),
        (
            "does anyone get a numb saddle after cycling? mine went numb after a day",
            {"cauda_equina": "emergency"},
        ),
        (
            "does anyone get a numb saddle after cycling? mine gets better after a day",
            {"cauda_equina": "emergency"},
        ),
        (
            "has anyone had numb lips after the dentist? mine has gone numb too",
            {"facial_numbness": "urgent"},
        ),
        # a feeling or a power that "has gone" is lost, not over
        ("numb hands, my balance has gone", {"cervical_myelopathy": "urgent"}),
        ("numb hands and the strength has gone", {"progressive_weakness": "urgent"}),
        ("numb hands, the strength in my grip has gone", {"progressive_weakness": "urgent"}),
        ("my bladder control has gone", {"cauda_equina": "emergency"}),
        # an accident with the bladder is no injury; one on a bike is
        ("had an accident with my bladder and my bum is numb", {"cauda_equina": "emergency"}),
        (
            "had an accident on my bike and my bladder won't empty",
            {"cauda_equina": "emergency", "after_injury": "urgent"},
        ),
        # "bowel cancer" is no bowel trouble; bowels not controlled are
        ("my dad had bowel cancer, I can't sleep, my feet are numb", {}),
        (
            "I had bowel cancer and now I can't control my bowels, numb bum",
            {"cauda_equina": "emergency", "cancer_history": "soon"},
        ),
    ],
)
def test_denied_past_and_supposed(kb: KnowledgeBase, text: str, flags: dict[str, str]) -> None:
    assert raised(kb, text) == flags, text


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # the feeling gone is the numbness; the numbness gone is past
        ("the feeling in my left foot has gone", {"foot"}),
        ("the numbness in my left foot has gone, my right hand tingles", {"hand"}),
    ],
)
def test_a_feeling_gone_is_a_numbness(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas, text
