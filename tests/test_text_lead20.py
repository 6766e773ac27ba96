"""The lead's fixes of the twentieth round of issue 16, found by reading new sentences as a
new user writes them (not taken from a corpus set): each rule by sentences and controls."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, raised, reading


@pytest.mark.parametrize(
    ("text", "cause", "injury_flag"),
    [
        # a tooth "pulled" is a tooth taken out: a dental procedure, the cause injury with no
        # after_injury (the convention: that flag is for a fall, an accident or a blow)
        ("woke up with a numb patch on my chin, had a tooth pulled yesterday", "injury", False),
        ("numb lip since my wisdom tooth was pulled", "injury", False),
        ("had two teeth pulled out on monday, lip still numb", "injury", False),
        ("my chin has been numb since my tooth got pulled", "injury", False),
        # controls: a muscle or a part pulled is an injury, with its flag
        ("pulled my back lifting and now my leg is numb", "injury", True),
        ("I pulled a muscle in my calf and my foot is numb", "injury", True),
    ],
)
def test_a_tooth_pulled_is_a_dental_procedure(
    kb: KnowledgeBase, text: str, cause: str, injury_flag: bool
) -> None:
    assert reading(kb, text)[2] == cause, text
    assert ("after_injury" in raised(kb, text)) is injury_flag, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # incontinence told of another by "wee" or "pee" (spelt "urine", as "wet himself" is
        # listed): the cauda equina flag, an emergency
        ("my dad has numb feet, also hes been weeing himself", True),
        ("my mum has numb legs and shes peeing herself", True),
        ("grandad peed himself twice this week and his bum is numb", True),
        # controls: no incontinence said
        ("my dad has numb feet, he gets up to wee at night", False),
        ("my mum has numb legs and she laughed herself silly", False),
    ],
)
def test_weeing_himself_is_incontinence(kb: KnowledgeBase, text: str, flagged: bool) -> None:
    assert ("cauda_equina" in raised(kb, text)) is flagged, text


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # an operation on the stomach: vitamin B12 poorly absorbed, the cause b12_deficiency
        # for numb hands, feet or tongue (the cue's default) ...
        ("pins and needles in my feet ever since my gastric bypass", "b12_deficiency"),
        ("had a gastric sleeve 2 years ago and now my hands and feet tingle", "b12_deficiency"),
        ("numb toes, had weight loss surgery in 2022", "b12_deficiency"),
        ("my tongue tingles since my gastrectomy", "b12_deficiency"),
        # ... and the operation itself (injury) for a numbness of the belly or chest, its site
        ("the skin around my belly button is numb since my gastric bypass", "injury"),
        ("numb patch under my ribs after the sleeve gastrectomy", "injury"),
        # controls: a heart bypass is an operation on the chest; another's bypass is theirs
        ("since my heart bypass my chest is numb", "injury"),
        ("my mum had a gastric bypass and my feet are numb", None),
    ],
)
def test_an_operation_on_the_stomach_lowers_b12(
    kb: KnowledgeBase, text: str, cause: str | None
) -> None:
    assert reading(kb, text)[2] == cause, text


LEAD20_WORDS: dict[str, tuple[str, str, str | None]] = {
    # the stomach operations: word -> (sentence, what is read: a cause or a flag)
    "gastric bypass": ("numb feet since my gastric bypass", "cause", "b12_deficiency"),
    "gastric sleeve": ("my hands tingle, I had a gastric sleeve", "cause", "b12_deficiency"),
    "sleeve gastrectomy": ("numb toes after a sleeve gastrectomy", "cause", "b12_deficiency"),
    "gastrectomy": ("numb soles, gastrectomy in 2019", "cause", "b12_deficiency"),
    "bariatric surgery": ("tingly feet a year after bariatric surgery", "cause", "b12_deficiency"),
    "bariatric op": ("since my bariatric op my fingers are numb", "cause", "b12_deficiency"),
    "bariatric operation": (
        "numb feet since the bariatric operation",
        "cause",
        "b12_deficiency",
    ),
    "weight loss surgery": (
        "weight loss surgery last year, now numb feet",
        "cause",
        "b12_deficiency",
    ),
    "weight loss op": ("my toes went numb after my weight loss op", "cause", "b12_deficiency"),
    "weight loss operation": (
        "numb hands since my weight loss operation",
        "cause",
        "b12_deficiency",
    ),
    "duodenal switch": ("numb feet two years after a duodenal switch", "cause", "b12_deficiency"),
    "stomach stapled": (
        "I had my stomach stapled and now my feet tingle",
        "cause",
        "b12_deficiency",
    ),
    "stomach stapling": ("numb toes since stomach stapling", "cause", "b12_deficiency"),
    "stomach removed": ("numb feet, I had my stomach removed", "cause", "b12_deficiency"),
    "part of my stomach removed": (
        "my hands tingle since I had part of my stomach removed",
        "cause",
        "b12_deficiency",
    ),
    # a tooth pulled: a tooth out, the cause injury (the flag after_injury is checked above)
    "tooth pulled": ("my lip is numb, tooth pulled on friday", "cause", "injury"),
    "teeth pulled": ("numb chin since I had two teeth pulled", "cause", "injury"),
    "tooth was pulled": ("my tooth was pulled and my lip is numb", "cause", "injury"),
    "teeth were pulled": ("my teeth were pulled and my chin is numb", "cause", "injury"),
    "tooth pulled out": ("had a tooth pulled out, lip still numb", "cause", "injury"),
    "teeth pulled out": ("my chin is numb since I got teeth pulled out", "cause", "injury"),
    "tooth got pulled": ("my tooth got pulled and my cheek is numb", "cause", "injury"),
    "teeth got pulled": ("my teeth got pulled, numb lip since", "cause", "injury"),
    # real words never corrected to a word of the reader
    "staple": ("numb left foot and stood on a staple", "flag", "foot_wound"),
    "staples": ("I trod on some staples and my numb foot is bleeding", "flag", "foot_wound"),
    # incontinence told of another
    "peed himself": ("dad has numb legs and peed himself", "flag", "cauda_equina"),
    "peed herself": ("mum peed herself and her bottom is numb", "flag", "cauda_equina"),
    "peed themselves": ("they peed themselves, their legs are numb", "flag", "cauda_equina"),
}


def test_every_lead20_word_has_a_sentence() -> None:
    assert set(LEAD20_WORDS) == block_words("text.yaml", "lead20")


@pytest.mark.parametrize("word", sorted(LEAD20_WORDS))
def test_every_lead20_word_is_read(kb: KnowledgeBase, word: str) -> None:
    text, kind, wanted = LEAD20_WORDS[word]
    plain = [w for w in text.lower().replace(",", "").split() if w != "my"]
    assert " ".join(w for w in word.split() if w != "my") in " ".join(plain), text
    if kind == "cause":
        assert reading(kb, text)[2] == wanted, text
    else:
        assert wanted in raised(kb, text), text
