"""areas23 of the text reader (issue 16): the area and side misses of held-out set 21 read as
general rules: a limb numb "from the elbows down to my fingers" (the parts past the joint); a
verb after a part that leads to "a bit numb"; a wound on a part after words earlier in its
sentence that say it was not felt; the "ring finger side" of a forearm; "mine started" after a
question; "I've got the same" after another person's numbness; the hand a carpal tunnel is in
when its digits are named numb; a whole limb a spread climbs in, from a part of it to a level of
it; and the data of the "areas23" blocks (a carer's "not me", another person's whole side, a
side letter before a digit's number, a dragged foot, a muscle graded, a part imaged, the way in
of a procedure, head and neck cancer, the plantar heel, the place of sitting, under the knee).

Each rule is tested here on sentences other than those of the corpus, with a control the rule
must leave alone. Every word of the "areas23" blocks of text.yaml and regions.yaml has a
sentence of its own (``AREAS23_WORDS``).
"""

from __future__ import annotations

import re

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, reading
from .vocabulary import AREAS23_WORDS


@pytest.mark.parametrize("key", sorted(AREAS23_WORDS))
def test_every_areas23_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    """The word stands in its sentence, and the sentence gives the areas and side listed (the
    cause column is not checked; causes are another helper's field)."""
    text, areas, side, _ = AREAS23_WORDS[key]
    written = re.findall(r"[a-z0-9]+|\?", text.lower().replace("'", ""))
    words = [w for w in key[1].split() if w not in ("my", "the")]
    assert all(w in written for w in words), (key, text)
    assert reading(kb, text)[:2] == (set(areas), side), kb.read(text).areas


def test_every_areas23_data_word_has_a_sentence() -> None:
    listed = {word for _, word in AREAS23_WORDS}
    blocks = {
        w.strip('"') for name in ("text.yaml", "regions.yaml") for w in block_words(name, "areas23")
    }
    assert len(blocks) >= 30
    assert not blocks - listed, sorted(blocks - listed)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a limb numb from a joint down to its end is the parts past the joint
        ("my right arm is numb from the elbow down to my fingers", {"forearm", "hand"}, "right"),
        ("both arms from the elbows down to the hands prickle", {"forearm", "hand"}, "both"),
        ("numb from the knees down to the toes", {"leg", "foot"}, "both"),
        # control: a stretch that stops short of the limb's end keeps its ends
        (
            "my right leg is numb from the knee down to the ankle",
            {"lower_limb", "knee", "ankle"},
            "right",
        ),
        # a verb after a part that leads, past words of degree, to a numb word
        ("the back of my neck has gone a bit numb", {"neck.posterior"}, None),
        ("my lower back has gone really numb", {"back.lumbar"}, None),
        # control: the same verb with no numb word after it is where a cause is
        ("my back has gone, my legs are numb", {"lower_limb"}, "both"),
        # a wound on a part, after words earlier in its sentence that say it was not felt
        (
            "I stood on a tack and never felt it, now there is a cut on my right heel",
            {"foot.heel"},
            "right",
        ),
        (
            "stepped on glass and didn't notice, there's a hole in the ball of my left foot",
            {"foot.sole"},
            "left",
        ),
        # control: what is not felt is a part named after the words
        ("I can't feel my toes and there's a cut on my heel", {"foot.toes"}, "both"),
        # the side of a forearm by the ring finger is its ulnar side
        ("the ring finger side of my left forearm is numb", {"forearm"}, "left"),
        ("the index finger side of my right wrist tingles", {"wrist"}, "right"),
        # control: a ring finger and the side of a forearm are two areas
        (
            "my ring finger and the side of my left forearm are numb",
            {"hand.ring_finger", "forearm"},
            "left",
        ),
    ],
)
def test_areas23_places(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # "mine started" after a question answers it for the writer
        (
            "does anyone with diabetes get numb toes? mine started last spring",
            {"foot.toes"},
            "both",
        ),
        ("anyone else on chemo get tingly fingers? mine began in May", {"hand.fingers"}, "both"),
        # control: "mine is fine" does not
        ("does anyone with MS get numb feet? mine is fine", set(), None),
        # "I've got the same" after another person's numbness
        ("my mum had numb hands and now I've got the same", {"hand"}, "both"),
        ("my brother had tingling feet and I have the same now", {"foot"}, "both"),
        # control: "the same" of something else, the writer's own numbness named
        ("my mum had numb hands, I've got the same doctor, my feet are numb", {"foot"}, "both"),
        # the hand a carpal tunnel is in, its digits named numb, is the cause's place
        ("carpal tunnel in my left hand, my thumb tingles", {"hand.thumb"}, "left"),
        (
            "the carpal tunnel in my right hand has come back, my index and middle fingers"
            " are numb",
            {"hand.index_finger", "hand.middle_finger"},
            "right",
        ),
        # control: the hand alone is where it is numb
        ("I have carpal tunnel in my right hand", {"hand"}, "right"),
        # a part written "his" or "her" after another person named is no numb area of the
        # writer's own: the carer's report stands, the person's areas are the patient's
        (
            "my husband's legs have gone numb, it started in his feet",
            {"lower_limb", "foot"},
            "both",
        ),
        # control: the writer's own numbness keeps the other person's areas apart
        (
            "my husband's legs are numb, it started in his feet, and my own hands are numb",
            {"hand"},
            "both",
        ),
        # where a fall landed is the injury's place
        (
            "my daughter fell off her bike onto her elbow and now her little finger is numb",
            {"hand.little_finger"},
            None,
        ),
        ("I landed on my knee and now my shin is numb", {"leg"}, None),
        # control: a part slept on after "fell asleep" is numb
        ("I fell asleep on my arm and now it is numb", {"upper_limb"}, None),
    ],
)
def test_areas23_whose_and_which(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a whole limb a spread climbs in, from a part of it to a level of it
        (
            "my left leg is numb, it started in my foot and now it's up to my knee",
            {"foot", "knee"},
            "left",
        ),
        (
            "my arms tingle, it started in the fingers and now it is up to the elbows",
            {"hand.fingers", "elbow"},
            "both",
        ),
        (
            "the numbness in my legs goes up, first the toes, now the shins",
            {"foot.toes", "leg"},
            "both",
        ),
        # a weakness that climbed "up in" a part: the weakness's place
        ("my legs are weak, first my ankles, now it's up in my thighs", set(), None),
        # control: a numbness up in a part is numb there
        ("my legs are weak and the tingling is up in my thighs", {"thigh"}, "both"),
        # controls: a level past the limb, no level reached, a route down the limb
        (
            "my legs are numb, it started in my feet and now it is up to my waist",
            {"lower_limb", "foot", "abdomen.lateral"},
            "both",
        ),
        ("my legs have gone numb, it started in my feet", {"lower_limb", "foot"}, "both"),
        (
            "the pins and needles start at my right shoulder and run all the way down my arm"
            " to my thumb",
            {"shoulder", "upper_limb", "hand.thumb"},
            "right",
        ),
    ],
)
def test_areas23_spread_in_a_limb(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # data controls: the cue words absent, the part is numb
        ("my left foot is numb and my toes too", {"foot", "foot.toes"}, "left"),
        ("numb R shoulder for a week", {"shoulder"}, "right"),
        ("numb left groin since the weekend", {"groin"}, "left"),
        ("my neck is numb and my lips tingle", {"neck", "face.mouth"}, None),
        ("numb plantar foot on the left", {"foot.sole"}, "left"),
        # "me" before an article is the pronoun; "not me" before it denies nothing after it
        ("not my hands, just the feet are numb", {"foot"}, "both"),
    ],
)
def test_areas23_data_controls(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas
