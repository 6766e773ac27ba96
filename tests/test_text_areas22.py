"""areas22 of the text reader (issue 16): the area misses of held-out set 21 read as general
rules after the set was released: a part where a condition was diagnosed before ("diagnosed
in the other hand"), a part torn or kicked ("tore something in my shoulder", "a boot to the
ankle"), the back listed among the sides of a part ("front, sides and back") and electric
shocks down the spine (Lhermitte's sign, not a numb back).

Each rule is tested here on sentences other than those of the corpus, with a control the rule
must leave alone. Every word of the "areas22" blocks of text.yaml has a sentence of its own
(``AREAS22_WORDS``).
"""

from __future__ import annotations

import re

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, reading
from .vocabulary import AREAS22_WORDS


@pytest.mark.parametrize("key", sorted(AREAS22_WORDS))
def test_every_areas22_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    """The word stands in its sentence, and the sentence gives the areas and side listed (the
    cause column is not checked; causes are another helper's field)."""
    text, areas, side, _ = AREAS22_WORDS[key]
    written = re.findall(r"[a-z0-9]+|\?", text.lower().replace("'", ""))
    words = [w for w in key[1].split() if w not in ("my", "the")]
    assert all(w in written for w in words), (key, text)
    assert reading(kb, text)[:2] == (set(areas), side), kb.read(text).areas


def test_every_areas22_data_word_has_a_sentence() -> None:
    listed = {word for _, word in AREAS22_WORDS}
    blocks = {w.strip('"') for w in block_words("text.yaml", "areas22")}
    assert len(blocks) >= 13
    assert not blocks - listed, sorted(blocks - listed)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a part where a condition was diagnosed before is the cause's site, not numb now
        (
            "numb right heel, tarsal tunnel was diagnosed in my other foot once",
            {"foot.heel"},
            "right",
        ),
        # control: the part diagnosed is the only part named, and said numb
        ("I had a trapped nerve diagnosed in my left hand, it is numb", {"hand"}, "left"),
        # a part torn or kicked is the injury's place
        (
            "I think I tore something in my calf running and now my left foot is numb on top",
            {"foot.dorsum"},
            "left",
        ),
        ("I've torn something in my back and my right thigh feels numb", {"thigh"}, "right"),
        ("got a boot to the shin at football and now my right foot tingles", {"foot"}, "right"),
        (
            "he took a kick to the hip and since then the outside of his left thigh has been numb",
            {"thigh"},
            "left",
        ),
        # controls: the part torn or kicked is the one said numb
        ("I tore my left calf and now it is numb", {"leg"}, "left"),
        ("a kick to my left shin and it's numb now", {"leg"}, "left"),
        # the back among the sides of a part is all round it
        ("my whole knee, front, sides and back, feels numb", {"knee"}, None),
        ("the skin of my right upper arm, front sides and back, is numb", {"upper_arm"}, "right"),
        # control: the back of a part named on its own stays that part's
        ("the back of my thigh and the sides are numb", {"thigh"}, None),
        # electric shocks down the spine are a pain's path
        (
            "numb fingers and electric feelings down my spine when I bend my head",
            {"hand.fingers"},
            "both",
        ),
        ("both hands tingle and there are shocks down my spine when I nod", {"hand"}, "both"),
        # control: shocks down a limb leave the limb's numbness alone
        ("shocks down my legs and numb feet", {"foot", "lower_limb"}, "both"),
    ],
)
def test_areas22_rules(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a landmark set off by commas with "just" before it places the area before it
        ("a numb bit on my left cheek, just under the eye, for two days", {"face.cheek"}, "left"),
        ("my right shin is numb, just below the knee, since Monday", {"leg"}, "right"),
        # control: a part named in a clause of its own after the comma is numb too
        (
            "my cheek is numb, and just under my eye, too, it tingles",
            {"face.cheek", "face.eye"},
            None,
        ),
        # a part joined by "and" to the part a pain goes to is where the pain goes
        (
            "crushing chest pain going into my jaw and my left arm, my left hand is numb",
            {"hand"},
            "left",
        ),
        ("tight chest radiating to neck and R arm, tingling R hand", {"hand"}, "right"),
        # controls: a numb word before the second part, or a numbness with no part of its own
        ("pain radiating to my jaw and numb left arm", {"upper_limb"}, "left"),
        ("chest pain radiating to my jaw and left arm with numbness", {"upper_limb"}, "left"),
        # controls: a numb word right after the second part keeps its numbness
        ("chest pain going up into her jaw and her arm's numb", {"upper_limb"}, None),
        (
            "back pain going into my left buttock and the back of my thigh is numb",
            {"thigh"},
            "left",
        ),
        # a side letter before the hand that places digits named before it
        (
            "ring and little finger on my L hand numb since Friday",
            {"hand.ring_finger", "hand.little_finger"},
            "left",
        ),
        # control: a hand joined by "and" is an area of its own
        ("my toes and my L foot are numb", {"foot", "foot.toes"}, "left"),
        # the plural of a part closing its clause after a plural whole
        ("both feet have gone numb on the bottoms since the summer", {"foot.sole"}, "both"),
        ("my feet are numb on the tops", {"foot.dorsum"}, "both"),
        # control: a bottom of one's own
        ("my feet are numb and so is my bottom", {"buttock", "foot"}, "both"),
    ],
)
def test_areas22_places(kb: KnowledgeBase, text: str, areas: set[str], side: str | None) -> None:
    assert reading(kb, text)[:2] == (areas, side), kb.read(text).areas
