"""Context and red flags after held-out set 6 (issue 16): the ``reply`` scope (a denial or
a recovery said after what it is about), "havent"/"hasnt" and their pseudo-triggers,
possessives written without an apostrophe, what one read or heard, a question that asks
only its own clause, and the flag rules added then. None of these sentences is in
tests/corpus/heldout6.yaml."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase
from acupoints.text.compiled import normalise, tables
from acupoints.text.context import contexts

from .textread import raised


def ctx_of(kb: KnowledgeBase, text: str, word: str) -> set[str]:
    toks = normalise(text)
    return set(contexts(tables(kb), toks)[toks.index(word)])


# ------------------------------------------------------------------ the reply scope
def test_a_denial_after_a_comma_answers_the_clause_before(kb: KnowledgeBase) -> None:
    text = "trouble breathing or swallowing, none at all; my calves tingle"
    assert "negated" in ctx_of(kb, text, "breathing")
    assert "breathing" not in raised(kb, text)


def test_a_reply_must_end_its_clause(kb: KnowledgeBase) -> None:
    # "none" goes on ("none of my fingers"): it denies what follows, not the clause before
    text = "trouble breathing, none of my fingers are numb"
    assert "negated" not in ctx_of(kb, text, "breathing")
    assert raised(kb, text).get("breathing") == "emergency"


def test_a_reply_reaches_one_clause_back_only(kb: KnowledgeBase) -> None:
    text = "I have trouble swallowing, my bladder is fine, none at all"
    assert "negated" in ctx_of(kb, text, "bladder")
    assert "negated" not in ctx_of(kb, text, "swallowing")


@pytest.mark.parametrize(
    "text",
    [
        "I had an ulcer on my heel in 2017 but it healed up; now my fingers tingle",
        "the trouble breathing I had with pneumonia in 2018 is long gone, my thumb is numb",
        "when I was little I fell out of a tree and broke my leg, no problems since; numb toes",
    ],
)
def test_a_past_and_resolved_finding_raises_nothing(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text) == {}


def test_a_recovery_does_not_hide_what_is_now(kb: KnowledgeBase) -> None:
    text = "my back pain from 2016 is long gone; now I have an ulcer on my big toe"
    assert raised(kb, text) == {"foot_wound": "urgent"}


# ------------------------------------------------------------------ havent, hasnt
def test_havent_denies_what_follows(kb: KnowledgeBase) -> None:
    assert "after_injury" not in raised(kb, "numb knee but I havent banged it or fallen")
    assert "after_injury" in raised(kb, "numb knee since I banged it and fell on the stairs")


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I havent been able to pass urine since yesterday and my legs are numb", "cauda_equina"),
        ("the blister on my heel hasnt healed and my feet are numb", "foot_wound"),
        ("numb feet and I havent had a wee all day", "cauda_equina"),
    ],
)
def test_havent_in_a_flag_phrase_is_no_denial(kb: KnowledgeBase, text: str, flag: str) -> None:
    assert flag in raised(kb, text)


def test_nothing_in_a_part_denies_it(kb: KnowledgeBase) -> None:
    assert raised(kb, "numb left foot, nothing in my face or my arm") == {}
    # "feel nothing" is a symptom: its "nothing" denies nothing
    assert "cauda_equina" in raised(kb, "numb legs and I feel nothing in my genitals")


# ------------------------------------------------------------------ someone else's, hearsay
@pytest.mark.parametrize(
    "text",
    [
        "my aunts had breast cancer and my fingers are numb",
        "my husbands got a fever and my toes tingle",
    ],
)
def test_a_possessive_without_its_apostrophe_is_someone_elses(kb: KnowledgeBase, text: str) -> None:
    assert raised(kb, text) == {}


def test_the_plural_without_a_verb_still_reads_as_mine(kb: KnowledgeBase) -> None:
    assert "cancer_history" in raised(kb, "I had breast cancer and my fingers are numb")


def test_what_one_read_is_supposed(kb: KnowledgeBase) -> None:
    assert raised(kb, "I read that losing bowel control is an emergency; my toes are numb") == {}


def test_a_question_after_a_comma_asks_only_itself(kb: KnowledgeBase) -> None:
    r = kb.read("numb fingertips since chemo finished, anyone else?")
    assert r.cause == "chemotherapy"
    assert "hypothetical" in ctx_of(kb, "numb fingertips since chemo, anyone else?", "else")


# ------------------------------------------------------------------ the rules added
@pytest.mark.parametrize(
    ("text", "flag", "urgency"),
    [
        ("my sciatica goes down both legs now and my feet are numb", "cauda_equina", "emergency"),
        (
            "I couldnt get to the toilet in time last night and my legs are numb",
            "cauda_equina",
            "emergency",
        ),
        ("my bowels open without me knowing and my legs are numb", "cauda_equina", "emergency"),
        (
            "numb toes on Saturday and by Monday my legs were too weak to stand",
            "ascending_weakness",
            "emergency",
        ),
        (
            "my feet tingled and the next day my knees kept giving way",
            "ascending_weakness",
            "emergency",
        ),
        ("numb feet and back pain that keeps me up all night", "night_pain", "soon"),
        ("numb hand, the ache never lets up", "night_pain", "soon"),
        ("numb toes and 6 kilos wt loss", "systemic_illness", "urgent"),
        ("numb foot and an ulcer under the metatarsal head", "foot_wound", "urgent"),
        ("numb hand and some word finding difficulty", "stroke", "emergency"),
        ("my left leg and arm are numb", "one_sided_numbness", "urgent"),
        ("got rear ended on the motorway and my neck tingles", "after_injury", "urgent"),
        ("dropped a kettlebell on my foot and my toes are numb", "after_injury", "urgent"),
        ("my hand keeps letting go of cups and feels numb", "progressive_weakness", "urgent"),
    ],
)
def test_a_new_rule_raises_its_flag(kb: KnowledgeBase, text: str, flag: str, urgency: str) -> None:
    assert raised(kb, text).get(flag) == urgency, raised(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # slow, over years: not ascending weakness
        "my feet have been numb for years and by the evening my legs feel weak",
        # one sciatic leg
        "sciatica down my left leg and numb toes",
        # reaching the toilet in time
        "I get to the toilet in time and my toes are numb",
        # "all of a sudden" is not "all of" my left side
        "all of a sudden the left side of my face went numb",
    ],
)
def test_a_near_miss_raises_no_such_flag(kb: KnowledgeBase, text: str) -> None:
    got = raised(kb, text)
    assert "ascending_weakness" not in got
    assert "cauda_equina" not in got
    assert "one_sided_numbness" not in got


def test_a_pain_area_word_alone_still_is_no_flag(kb: KnowledgeBase) -> None:
    # the pain word right after a pain area is skipped only for a flag of that one word
    assert raised(kb, "my knees hurt and my feet are numb") == {}


def test_a_past_injury_elsewhere_is_not_the_cause(kb: KnowledgeBase) -> None:
    # a past injury still counts as a cause, and so does where it was: not on the foot
    text = "as a boy I broke my wrist, no problems since; now my left foot tingles"
    assert kb.read(text).cause == "injury"
    assert kb.select(text, limit=1).cause is None
    assert kb.select("as a boy I broke my ankle; now my left foot tingles", limit=1).cause == (
        "injury"
    )


def test_nothing_in_a_list_of_parts_denies_each(kb: KnowledgeBase) -> None:
    r = kb.read("numb right hand but nothing on the right side of my face or in my right leg")
    assert [a.id for a in r.areas if a.role == "numb" and not a.context] == ["hand"]
