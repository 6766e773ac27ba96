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
    # round 21 (held out 20's emergencies, read by kind)
    "by monday": (
        "my toes went numb last week, by monday it was my knees",
        "flag",
        "ascending_weakness",
    ),
    "by tuesday": (
        "my toes went numb last week, by tuesday it was my knees",
        "flag",
        "ascending_weakness",
    ),
    "by wednesday": (
        "my toes went numb last week, by wednesday it was my knees",
        "flag",
        "ascending_weakness",
    ),
    "by thursday": (
        "my toes went numb last week, by thursday it was my knees",
        "flag",
        "ascending_weakness",
    ),
    "by friday": (
        "my toes went numb last week, by friday it was my knees",
        "flag",
        "ascending_weakness",
    ),
    "by saturday": (
        "my toes went numb last week, by saturday it was my knees",
        "flag",
        "ascending_weakness",
    ),
    "by sunday": (
        "my toes went numb last week, by sunday it was my knees",
        "flag",
        "ascending_weakness",
    ),
    "by the next day": (
        "my feet went numb, by the next day it was my thighs",
        "flag",
        "ascending_weakness",
    ),
    "by the next morning": (
        "my feet went numb, by the next morning it was my thighs",
        "flag",
        "ascending_weakness",
    ),
    "by the following day": (
        "my feet went numb, by the following day it was my thighs",
        "flag",
        "ascending_weakness",
    ),
    "by the weekend": (
        "my feet went numb, by the weekend it was my thighs",
        "flag",
        "ascending_weakness",
    ),
    "by today": ("my feet went numb, by today it was my thighs", "flag", "ascending_weakness"),
    "by this morning": (
        "my feet went numb, by this morning it was my thighs",
        "flag",
        "ascending_weakness",
    ),
    "by yesterday": (
        "my feet went numb, by yesterday it was my thighs",
        "flag",
        "ascending_weakness",
    ),
    "by the evening": (
        "my feet went numb, by the evening it was my thighs",
        "flag",
        "ascending_weakness",
    ),
    "by teatime": ("my feet went numb, by teatime it was my thighs", "flag", "ascending_weakness"),
    "by bedtime": ("my feet went numb, by bedtime it was my thighs", "flag", "ascending_weakness"),
    "cant manage the stairs": (
        "my feet went numb on monday and by wednesday it was my knees and i cant manage the stairs",
        "flag",
        "ascending_weakness:emergency",
    ),
    "might give way": (
        "feet numb on monday, by wednesday it was my knees, my legs might give way",
        "flag",
        "ascending_weakness:emergency",
    ),
    "about to give way": (
        "feet numb on monday, by wednesday it was my knees, legs about to give way",
        "flag",
        "ascending_weakness:emergency",
    ),
    "going to give way": (
        "feet numb on monday, by wednesday it was my knees, legs going to give way",
        "flag",
        "ascending_weakness:emergency",
    ),
    "like they might go": (
        "feet numb on monday, by wednesday it was my knees, legs feel like they might go",
        "flag",
        "ascending_weakness:emergency",
    ),
    "came off my skateboard": (
        "I came off my skateboard yesterday and my wrist is numb",
        "flag",
        "after_injury",
    ),
    "came off my skates": (
        "I came off my skates yesterday and my wrist is numb",
        "flag",
        "after_injury",
    ),
    "came off my board": (
        "I came off my board yesterday and my wrist is numb",
        "flag",
        "after_injury",
    ),
    "came off my snowboard": (
        "I came off my snowboard yesterday and my wrist is numb",
        "flag",
        "after_injury",
    ),
    "came off my ebike": (
        "I came off my ebike yesterday and my wrist is numb",
        "flag",
        "after_injury",
    ),
    "came off my e scooter": (
        "I came off my e scooter yesterday and my wrist is numb",
        "flag",
        "after_injury",
    ),
    "went over on my": (
        "went over on my ankle at netball and my foot is numb",
        "flag",
        "after_injury",
    ),
    "went over on it": ("my ankle is numb, I went over on it on the kerb", "flag", "after_injury"),
    "sat on it": (
        "my chest feels like a sack of coal sat on it, my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "sitting on it": (
        "chest feels like a bag is sitting on it, left arm numb",
        "flag",
        "heart_attack",
    ),
    "standing on it": (
        "chest feels like a horse standing on it, left arm numb",
        "flag",
        "heart_attack",
    ),
    "sat on me": (
        "feels like a weight sat on me in my chest and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like someone was sitting on": (
        "there's a pressure in my chest like someone was sitting on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like somebody was sitting on": (
        "there's a pressure in my chest like somebody was sitting on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like someones sat on": (
        "there's a pressure in my chest like someones sat on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like someone sat on": (
        "there's a pressure in my chest like someone sat on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like someone is sitting on": (
        "there's a pressure in my chest like someone is sitting on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like someone sitting on": (
        "there's a pressure in my chest like someone sitting on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like somebodys sat on": (
        "there's a pressure in my chest like somebodys sat on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like somebody sat on": (
        "there's a pressure in my chest like somebody sat on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like somebody is sitting on": (
        "there's a pressure in my chest like somebody is sitting on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "like somebody sitting on": (
        "there's a pressure in my chest like somebody sitting on it and my left arm is numb",
        "flag",
        "heart_attack",
    ),
    "feels like someones sat on": (
        "my chest feels like someones sat on it and my left hand is numb",
        "flag",
        "heart_attack",
    ),
    "feels like someone sat on": (
        "my chest feels like someone sat on it and my left hand is numb",
        "flag",
        "heart_attack",
    ),
    "feels like someone is sitting on": (
        "my chest feels like someone is sitting on it and my left hand is numb",
        "flag",
        "heart_attack",
    ),
    "feels like somebody is sitting on": (
        "my chest feels like somebody is sitting on it and my left hand is numb",
        "flag",
        "heart_attack",
    ),
    "felt like someone was sitting on": (
        "my chest felt like someone was sitting on it and my left hand is numb",
        "flag",
        "heart_attack",
    ),
    "acute": ("acute R arm and R leg numbness", "flag", "stroke"),
    "acutely": ("R arm and R leg acutely numb", "flag", "stroke"),
    "acute onset": ("acute onset numbness of the L arm and L leg", "flag", "stroke"),
    "today": ("my left arm and left leg went numb today", "flag", "stroke"),
    "shd": (
        "my chest is tight and my arm has gone numb, shd i still come in tomorrow?",
        "flag",
        "heart_attack",
    ),
    "shld": ("chest tight and my left arm numb, shld i still come in?", "flag", "heart_attack"),
    "shud": ("chest pain n my left arm is numb, shud i still come in?", "flag", "heart_attack"),
    "cld": ("chest pain and my left arm is numb, cld i still come in?", "flag", "heart_attack"),
    "wld": ("chest pain and my left arm is numb, wld it be ok to come in?", "flag", "heart_attack"),
    "wud": ("chest pain and my left arm is numb, wud it be ok to come in?", "flag", "heart_attack"),
    # a smell with the skin gone dark: a dying foot (a smell alone is urgent: checked below)
    "smell": ("a dark patch on my numb heel has a bad smell", "flag", "foot_wound:emergency"),
    "smells": ("a dark patch on my numb heel smells", "flag", "foot_wound:emergency"),
    "smelly": ("a dark patch on my numb heel is smelly", "flag", "foot_wound:emergency"),
    "stink": ("a dark patch on my numb heel has a stink", "flag", "foot_wound:emergency"),
    "stinks": ("a dark patch on my numb heel stinks", "flag", "foot_wound:emergency"),
    "stinking": ("a dark patch on my numb heel is stinking", "flag", "foot_wound:emergency"),
    # a side by its letter before "side"
    "r side": ("tingling on the R side of my neck", "side", "right"),
    "l side": ("numb L side of face", "side", "left"),
    "whole r side": ("whole R side numb since last wk", "flag", "one_sided_numbness"),
    "whole l side": ("whole L side tingly for a week", "flag", "one_sided_numbness"),
    # skin taken or put on for a graft: an operation at the site
    "skin graft": ("my shin is numb where I had a skin graft taken", "cause", "injury"),
    "skin grafts": ("numb patches on my thigh after skin grafts for a burn", "cause", "injury"),
    "graft taken": ("numb patch on my thigh, graft taken from there in May", "cause", "injury"),
    "donor site": ("numb thigh at the donor site", "cause", "injury"),
    # not knowing why is no denial: the cause idiopathic
    "dont know why": ("my hip has been numb for months, I dont know why", "cause", "idiopathic"),
    "do not know why": ("numb upper lip since Sunday, I do not know why", "cause", "idiopathic"),
    "didnt know why": ("I didnt know why my left thumb went numb", "side", "left"),
    "testicular": ("numb left hand and ca testicular", "flag", "cancer_history"),
}


def test_every_lead20_word_has_a_sentence() -> None:
    assert set(LEAD20_WORDS) == block_words("text.yaml", "lead20")
    assert set(LEAD20_CAUSE_WORDS) == block_words("causes.yaml", "lead20")


LEAD20_CAUSE_WORDS: dict[str, tuple[str, str]] = {
    # the cause synonyms of the "lead20" blocks of causes.yaml: word -> (sentence, cause)
    "vesicular eruption": (
        "healing vesicular eruption in a band on the R flank, numb",
        "infection",
    ),
    "vesicular rash": ("numb skin under a vesicular rash on my ribs", "infection"),
    "from the needles": (
        "back of my R hand still numb from the needles yday",
        "residual_needle_sensation",
    ),
    "white spirit": ("fingers tingle after weeks of painting with white spirit", "alcohol_toxins"),
    "turps": ("numb hands from cleaning brushes in turps every day", "alcohol_toxins"),
    "turpentine": ("my feet tingle since I started using turpentine at work", "alcohol_toxins"),
}


@pytest.mark.parametrize("word", sorted(LEAD20_CAUSE_WORDS))
def test_every_lead20_cause_word_is_read(kb: KnowledgeBase, word: str) -> None:
    text, cause = LEAD20_CAUSE_WORDS[word]
    assert word in text.lower(), text
    assert reading(kb, text)[2] == cause, text


@pytest.mark.parametrize("word", sorted(LEAD20_WORDS))
def test_every_lead20_word_is_read(kb: KnowledgeBase, word: str) -> None:
    text, kind, wanted = LEAD20_WORDS[word]
    plain = [w for w in text.lower().replace(",", "").split() if w != "my"]
    assert " ".join(w for w in word.split() if w != "my") in " ".join(plain), text
    if kind == "cause":
        assert reading(kb, text)[2] == wanted, text
    elif kind == "side":
        assert reading(kb, text)[1] == wanted, text
    else:
        flag, _, urgency = wanted.partition(":")
        got = raised(kb, text)
        assert flag in got, text
        assert not urgency or got[flag] == urgency, text


@pytest.mark.parametrize(
    ("text", "flag", "raised_"),
    [
        # a weight sat on the chest in a likeness, however told, is the heart's; a likeness of
        # "someone" is no other person's chest
        (
            "my chest feels like someones sat on it and my left arm has gone numb",
            "heart_attack",
            True,
        ),
        ("my chest feels like someone is sitting on it and my arm is numb", "heart_attack", True),
        # a question of its own texted after a comma asks only itself
        ("chest feels tight n my arm's gone numb, shd i still come thurs?", "heart_attack", True),
        # an onset in a note: acute, or a clock time today
        ("Acute L arm and L leg numbness from 14:10, NIHSS 3", "stroke", True),
        ("numb R hemiface since 07:00 today, no limb weakness", "stroke", True),
        # a level reached by a day is a climb over days
        ("my feet went numb on Sunday, by Wednesday it was my thighs", "ascending_weakness", True),
        # an ankle gone over and a board come off are injuries
        ("I went over on my ankle last week and my foot has been numb since", "after_injury", True),
        ("my son came off his skateboard and the back of his hand is numb", "after_injury", True),
        # controls
        ("I was sitting on the sofa and my chest went numb", "heart_attack", False),
        ("numb bum from sitting on it all day", "heart_attack", False),
        ("my feet are numb today", "stroke", False),
        ("acute on chronic numbness of both feet", "stroke", False),
        ("my feet have been numb for years, by friday my knees ache", "ascending_weakness", False),
        ("by friday my feet were numb", "ascending_weakness", False),
        ("came off my shift and my feet were numb", "after_injury", False),
    ],
)
def test_emergencies_said_plainly(kb: KnowledgeBase, text: str, flag: str, raised_: bool) -> None:
    assert (flag in raised(kb, text)) is raised_, text


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # a side letter before a word spelt as a body word is a side ("R hemiface": the face)
        ("numb R hemiface since this morning", "right"),
        ("L hemiface numb", "left"),
        # controls: "r" before no body word is "are"
        ("my feet r numb", "both"),
    ],
)
def test_a_side_letter_before_a_spelt_body_word(kb: KnowledgeBase, text: str, side: str) -> None:
    assert reading(kb, text)[1] == side, text


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        # a wound on a numb foot that smells: infected, seen the same day (urgent)
        ("the graze on my numb heel is weeping and smells bad", "urgent"),
        (
            "I'm diabetic, my feet are numb, and the cut on my big toe has gone red and smells",
            "urgent",
        ),
        # with the skin gone dark or black: a dying foot, an emergency
        ("there's a dark patch on his numb heel that smells", "emergency"),
        ("numb toes and the skin has gone black and smells", "emergency"),
    ],
)
def test_a_smell_alone_is_urgent(kb: KnowledgeBase, text: str, urgency: str) -> None:
    assert raised(kb, text).get("foot_wound") == urgency, text


@pytest.mark.parametrize(
    "text", ["my feet are numb and they smell", "numb feet and my socks stink"]
)
def test_smelly_feet_are_no_wound(kb: KnowledgeBase, text: str) -> None:
    assert "foot_wound" not in raised(kb, text), text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a weight lost and "all back on" is a loss made good (flags21's recovery, read through
        # areas21's spelling of "it's all back" as "it has all returned")
        ("I lost two stone last winter but it's all back on; my toes are numb", False),
        # control: a weight lost, not regained
        ("I lost two stone since the winter; my toes are numb", True),
    ],
)
def test_a_weight_all_back_on_is_regained(kb: KnowledgeBase, text: str, flagged: bool) -> None:
    assert ("systemic_illness" in raised(kb, text)) is flagged, text


@pytest.mark.parametrize(
    ("text", "flag", "raised_"),
    [
        # a question of its own after a comma, of everyday words ("on my way to a&e?"), asks
        # only itself: what the writer stated before it stands
        (
            "numb bits down below since this arvo n cant pee, on my way to a&e?",
            "cauda_equina",
            True,
        ),
        ("my face went numb, should i go to a and e?", "facial_numbness", True),
        # control: a supposed finding stays supposed, whatever the question after it
        ("what if my face goes numb, should i go to a and e?", "facial_numbness", False),
        # a face numb and an arm that cannot be lifted: stroke (FAST), whatever the onset words
        (
            "half her face went numb while we had tea and she cant lift her right arm",
            "stroke",
            True,
        ),
        ("my face went numb and I couldnt lift my arms", "stroke", True),
        # controls: an arm that cannot be lifted without a numb face; a numb face alone
        ("my shoulder is frozen and I cant lift my arm, my fingers are numb", "stroke", False),
        ("half my face is numb since the dentist", "stroke", False),
    ],
)
def test_questions_of_their_own_and_fast(
    kb: KnowledgeBase, text: str, flag: str, raised_: bool
) -> None:
    assert (flag in raised(kb, text)) is raised_, text
