"""areas24 of the text reader (issue 16): the area and side misses of held-out set 22 read as
general rules: "numb all over" said of a part (the whole of that part, not the whole body); a
cue limited to the whole body is for the body's own words, not every part within it; a cue
made of numb words alone says the part is numb; a warning sign on a part "that he can't feel"
(the part it is on is numb, as "and he can't feel it" is); the monofilament finding "loss of
protective sensation" after a denied list; and the data of the "areas24" blocks (toes by their
number, an upper belly and a lateral chest wall in a note, heels that are shoes, a part's
"thing", a fall off something onto a part, a part in agony, parts stronger, heavy as lead or
given up, the skin under the collarbone, "lower abdominal").

Each rule is tested here on sentences other than those of the corpus, with a control the rule
must leave alone. Every word of the "areas24" blocks of text.yaml and regions.yaml has a
sentence of its own (``AREAS24_WORDS``).
"""

from __future__ import annotations

import re

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, reading
from .vocabulary import AREAS24_WORDS


@pytest.mark.parametrize("key", sorted(AREAS24_WORDS))
def test_every_areas24_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    """The word stands in its sentence, and the sentence gives the areas and side listed (the
    cause column is not checked; causes are another helper's field)."""
    text, areas, side, _ = AREAS24_WORDS[key]
    written = re.findall(r"[a-z0-9]+|\?", text.lower().replace("'", ""))
    words = [w for w in key[1].split() if w not in ("my", "the")]
    assert all(w in written for w in words), (key, text)
    assert reading(kb, text)[:2] == (set(areas), side), kb.read(text).areas


def test_every_areas24_data_word_has_a_sentence() -> None:
    listed = {word for _, word in AREAS24_WORDS}
    blocks = {
        w.strip('"') for name in ("text.yaml", "regions.yaml") for w in block_words(name, "areas24")
    }
    assert len(blocks) >= 40
    assert not blocks - listed, sorted(blocks - listed)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # "numb all over" said of a part named in its clause: that whole part
        ("my right knee has gone numb all over", {"knee"}, "right"),
        ("both hands feel tingly all over since the flu jab", {"hand"}, "both"),
        # controls: with no other part in its clause, "all over" is the whole body
        ("I'm numb all over", {"body"}, None),
        ("I have been tingling all over since Monday", {"body"}, None),
        ("my feet ache and I feel numb all over", {"body"}, None),
        # a cue limited to the whole body is not a cue of the parts within it: "numb" before
        # a part still says that part is numb
        ("numb left ring finger", {"hand.ring_finger"}, "left"),
        ("tingling right cheek", {"face.cheek"}, "right"),
        # control: the whole body's own words after "numb" are the body
        ("numb whole body since the fall", {"body"}, None),
    ],
)
def test_all_over_said_of_a_part(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a warning sign on a part "that" its person cannot feel: the part is numb
        ("my gran has a blister on her left big toe that she can't feel", {"foot.big_toe"}, "left"),
        (
            "my husband has a sore on the ball of his right foot that he cannot feel",
            {"foot.sole"},
            "right",
        ),
        # controls: felt, or not felt only when something happens
        ("my grandad has a sore on his right heel that he can feel", set(), None),
        ("my dad has a blister on his left heel that he can't feel when he walks", set(), None),
    ],
)
def test_a_sign_that_is_not_felt(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # the monofilament finding after a denied list is stated, not denied
        ("no cellulitis, loss of protective sensation L foot", {"foot"}, "left"),
        ("T2DM review, no ulcers, loss of protective sensation both feet", {"foot"}, "both"),
        # control: a loss of sensation with no "protective" after a denial stays in its list
        ("no fever, loss of sensation both feet", set(), None),
    ],
)
def test_loss_of_protective_sensation_after_a_denial(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part whose own name opens with a landmark, inside the area before it and set off by
        # commas, is where in that area the numbness is
        ("the skin of my tummy, below the navel, feels dead", {"abdomen.lower"}, None),
        ("my right leg, below the knee, has gone numb", {"leg"}, "right"),
        # controls: a landmark outside the area before it only places it
        ("my upper arm, just below the shoulder, is numb", {"upper_arm"}, None),
        ("my cheek, just under the eye, is numb", {"face.cheek"}, None),
    ],
)
def test_a_landmark_part_inside_the_area_before_it(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # controls of the data: the parts themselves said numb stay numb
        ("my heels are numb", {"foot.heel"}, "both"),
        ("my collarbone is numb on the left", {"neck.lateral"}, "left"),
        ("my wrist is numb", {"wrist"}, None),
        ("my legs are numb and weak", {"lower_limb"}, "both"),
        ("the numbness has spread onto the top of my foot", {"foot.dorsum"}, None),
        ("numb R toe", {"foot.toes"}, "right"),
        ("lower abdominal wall numb", {"abdomen.lower"}, None),
        ("temporal arteritis, numb chin", {"face.mouth"}, None),
        ("my jaw has gone numb", {"face.jaw"}, None),
        ("numb in the middle of my back", {"back.upper"}, None),
    ],
)
def test_controls_of_the_areas24_data(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas
