"""Pain put as a word before the part ("an aching lower back", "a sore neck"), after it
("my back is achy"), or spreading to it ("chest pain radiating to my left arm"): the part
is where the pain is, not a numb area (found 2026-12-04 by trying sentences as a new user:
"numbness across my chest and an aching lower back" read the back as numb). Every word of
the data's block "lead areas" has a sentence here that needs it; a part that is numb as
well stays numb."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, reading

#: word of the data -> (a sentence that needs it, the numb areas read from it)
PAIN_WORDS: dict[str, tuple[str, set[str]]] = {
    "aching": ("numbness across my chest and an aching lower back", {"chest"}),
    "achy": ("numb toes and an achy knee", {"foot.toes"}),
    "sore": ("a sore neck and numb fingers", {"hand.fingers"}),
    "painful": ("numb thumb, painful wrist", {"hand.thumb"}),
    "stiff": ("a stiff neck and numb fingers", {"hand.fingers"}),
    "pain radiating to": (
        "56M c/o central chest pain radiating to L arm, L hand numb",
        {"hand"},
    ),
    "pain radiating down": ("pain radiating down my leg and my foot is numb", {"foot"}),
    "pain radiating into": ("pain radiating into my buttock and numb toes", {"foot.toes"}),
    "pain radiates to": (
        "the pain radiates to my shoulder and my fingers are numb",
        {"hand.fingers"},
    ),
    "pain radiates down": ("pain radiates down my arm and my thumb is numb", {"hand.thumb"}),
    "pain radiates into": ("pain radiates into my thigh, numb heel", {"foot.heel"}),
    "pain shooting down": ("pain shooting down my leg and a numb big toe", {"foot.big_toe"}),
    "pain shooting into": ("pain shooting into my calf and numb sole", {"foot.sole"}),
    "pain shoot down": ("pain shoots down my arm and my palm is numb", {"hand.palm"}),
    "pain shoot into": ("pain shoots into my hip and my foot is numb", {"foot"}),
    "pain going down": ("pain going down my leg and numb toes", {"foot.toes"}),
    "pain goes down": ("pain goes down my arm and my fingers tingle", {"hand.fingers"}),
    "pain spreading to": ("pain spreading to my shoulder and numb fingers", {"hand.fingers"}),
    "pain spreads to": (
        "the pain spreads to my elbow and my little finger is numb",
        {"hand.little_finger"},
    ),
    "pain travelling down": ("pain travelling down my leg and numb toes", {"foot.toes"}),
    "pain traveling down": ("pain traveling down my arm and numb fingers", {"hand.fingers"}),
    "pain travels down": ("pain travels down my leg and my heel is numb", {"foot.heel"}),
    "pains shooting down": ("pains shooting down my leg and numb toes", {"foot.toes"}),
    "pain down": ("pain down my leg and numb toes", {"foot.toes"}),
    "is achy": ("my back is achy and my toes are numb", {"foot.toes"}),
    "are achy": ("my knees are achy and my feet are numb", {"foot"}),
    "feels achy": ("my neck feels achy and my fingers are numb", {"hand.fingers"}),
    "feel achy": ("my shoulders feel achy and my thumbs are numb", {"hand.thumb"}),
}


@pytest.mark.parametrize("word", sorted(PAIN_WORDS))
def test_a_part_with_pain_is_not_numb(kb: KnowledgeBase, word: str) -> None:
    text, areas = PAIN_WORDS[word]
    # the word is in the sentence as the reader spells it ("shoots" is read as "shoot")
    assert all(any(t.startswith(w) for t in text.lower().split()) for w in word.split())
    assert reading(kb, text)[0] == areas, (text, kb.read(text).areas)


def test_every_word_of_the_block_has_a_sentence() -> None:
    words = block_words("text.yaml", "lead areas")
    assert words
    assert words == set(PAIN_WORDS), sorted(words ^ set(PAIN_WORDS))


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("pain and numbness radiating down my left leg", {"lower_limb"}),
        ("numbness and pain down my arm", {"upper_limb"}),
        ("sore numb feet", {"foot"}),
        ("aching numb hands at night", {"hand"}),
        ("numbness radiating to my little finger", {"hand.little_finger"}),
        ("my achy back is numb too", {"back"}),
    ],
)
def test_a_part_numb_as_well_as_painful_stays_numb(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert reading(kb, text)[0] == areas, (text, kb.read(text).areas)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("I had shingles on my chest and its still numb there", {"chest"}),
        ("I stubbed my toe and it's still numb", {"foot.toes"}),
        ("I banged my elbow and it is really numb", {"elbow"}),
        ("I trapped my finger in the door and now it is totally numb", {"hand.fingers"}),
    ],
)
def test_a_pronoun_said_numb_past_an_adverb_is_the_area_named_before(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    """ "it's still numb", "it is really numb": the adverb between the pronoun and the
    symptom (2026-12-04: "still" stopped the pronoun and the chest was read as the
    shingles' place only, with no numb area)."""
    assert reading(kb, text)[0] == areas, (text, kb.read(text).areas)
