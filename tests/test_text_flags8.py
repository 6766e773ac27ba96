"""The red-flag misses and false flags of tests/corpus/heldout8.yaml, corrected as rules
(issue 16). The context terms and spellings are tested word by word from
tests/vocabulary.py (FLAGS8_WORDS); this module tests the rest, with sentences written for
it (not those of heldout8)."""

from __future__ import annotations

import re

import pytest

from acupoints import KnowledgeBase

from .textread import raised
from .vocabulary import FLAGS8_WORDS


@pytest.mark.parametrize("key", sorted(FLAGS8_WORDS))
def test_every_flags8_word_raises_what_is_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    text, flags = FLAGS8_WORDS[key]
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    assert key[1] in " ".join(words), (key, text)
    assert raised(kb, text) == flags, text
    if key[0] != "spelling":  # without the term, the sentence raises something else
        without = re.sub(re.escape(key[1]), " ", " ".join(words))
        assert raised(kb, without) != flags, without


def test_a_spelling_is_corrected(kb: KnowledgeBase) -> None:
    for key, (text, _) in FLAGS8_WORDS.items():
        if key[0] == "spelling":
            assert any(k == key[1] for k, _ in kb.read(text).corrected), text


# ------------------------------------------------------------------ a carer's report
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my mum has a fever, a cough and a headache, and now her back is numb",
         "systemic_illness"),
        ("my husband has lost two stone without trying and his feet tingle", "systemic_illness"),
        ("my little boy is on steroids, hes got a high temperature and his back is numb",
         "spinal_infection"),
        ("my gran has a fever and says the top of her foot is numb", "systemic_illness"),
    ],
)  # fmt: skip
def test_anothers_signs_written_his_or_her_are_raised(
    kb: KnowledgeBase, text: str, flag: str
) -> None:
    assert flag in raised(kb, text), text


@pytest.mark.parametrize(
    "text",
    [
        "my mum has had a fever for three days and my back is numb",
        "my husband has lost two stone without trying and i have tingling feet",
        "my dad has a fever, he says my legs look thin, my feet are numb",
    ],
)
def test_anothers_signs_beside_the_writers_own_numbness_are_not(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text) == {}, text


# ------------------------------------------------------------------ a spreading redness
@pytest.mark.parametrize(
    "text",
    [
        "the redness round the blister on my heel has spread up my calf since yesterday, numb feet",
        "my toes are numb and the swelling from a graze on my foot is creeping up past my ankle",
    ],
)
def test_redness_spreading_from_a_wound_is_a_foot_emergency(kb: KnowledgeBase, text: str) -> None:
    got = raised(kb, text)
    assert got.get("foot_wound") == "emergency", (text, got)
    assert "ascending_weakness" not in got, (text, got)


def test_numbness_spreading_up_is_still_ascending(kb: KnowledgeBase) -> None:
    assert "ascending_weakness" in raised(kb, "numbness spreading up my legs since yesterday")


@pytest.mark.parametrize(
    "text",
    [
        "my toes are numb and over the past two days it has climbed past my knees and my legs "
        "are getting weaker",
        "tingling soles, in four days it has crept past my knees and my legs are getting weaker",
    ],
)
def test_weakness_inside_an_ascending_rule_is_not_progressive_as_well(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text) == {"ascending_weakness": "emergency"}, text


# ------------------------------------------------------------------ a rule read as another's
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my dad's knee keeps buckling under him and the front of his shin is numb",
         "progressive_weakness"),
        ("my grandad's feet have been tingly since friday and now he can barely stand",
         "ascending_weakness"),
    ],
)  # fmt: skip
def test_a_rule_read_in_a_carers_report_is_raised(kb: KnowledgeBase, text: str, flag: str) -> None:
    assert flag in raised(kb, text), text


def test_a_rule_read_as_anothers_beside_the_writers_own_is_not(kb: KnowledgeBase) -> None:
    text = "my dad's knee keeps buckling under him, my shin is numb"
    assert raised(kb, text) == {}, text


# ------------------------------------------------------------------ weakness over days
@pytest.mark.parametrize(
    "text",
    [
        "first my soles went tingly on saturday, now my legs are weak",
        "my toes tingled two days ago, then my legs went weak",
        "over two days my legs have got feebler from the feet up and the toes are numb",
    ],
)
def test_feet_then_a_weakness_over_days_is_an_emergency(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text) == {"ascending_weakness": "emergency"}, text


def test_feet_then_a_weakness_over_years_is_not(kb: KnowledgeBase) -> None:
    got = raised(kb, "first my soles went tingly years ago, now my legs are weak some days")
    assert "ascending_weakness" not in got


@pytest.mark.parametrize(
    "text",
    [
        "my brother's toe has gone black, mine is only a little numb",
        "my mum has a fever, i'm just a bit tingly",
    ],
)
def test_anothers_signs_beside_the_writers_own_numbness_without_a_body_word(
    kb: KnowledgeBase, text: str
) -> None:
    assert raised(kb, text) == {}, text


def test_anothers_numbness_in_their_words_is_still_theirs(kb: KnowledgeBase) -> None:
    text = "my mum has a fever and she says she is tingly all over"
    assert "systemic_illness" in raised(kb, text), text


def test_a_seat_like_someone_elses_is_a_numb_saddle(kb: KnowledgeBase) -> None:
    text = "on the loo it feels like I'm sat on someone else's bum"
    assert raised(kb, text).get("cauda_equina") == "emergency", text


def test_boiling_hot_weather_is_no_fever(kb: KnowledgeBase) -> None:
    assert raised(kb, "it's boiling hot today and my feet are numb") == {}
    assert raised(kb, "i've been boiling hot for two days and my feet are numb") == {
        "systemic_illness": "urgent"
    }
