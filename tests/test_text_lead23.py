"""The lead's fixes of the twenty-third round of issue 16, found by reading new sentences as
a new user writes them (not taken from a corpus set): each rule by sentences and controls."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, fired, raised, reading
from .vocabulary import CAUSE_WORDS, FLAG_CLASSES, FLAG_CONCEPTS, PERSON_CONCEPTS


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # a guessed cause asked after a comma, with a word that only begins a red-flag
        # phrase ("tight" of "tight chest", "bad" of "bad headache"), is a question of its
        # own: the numbness before it is stated
        ("top of my foot numb, tight laces?", "foot.dorsum"),
        ("numb outer thigh, tight jeans?", "thigh"),
        ("my hand is numb, bad posture?", "hand"),
        ("numb toes, tight shoes?", "foot.toes"),
    ],
)
def test_a_guessed_cause_asked_after_a_comma_asks_only_itself(
    kb: KnowledgeBase, text: str, region: str
) -> None:
    assert region in reading(kb, text)[0], text


@pytest.mark.parametrize(
    "text",
    [
        # controls: a body part or a whole red-flag phrase after the comma is part of the
        # question, which then asks it all (nothing stated)
        "numb fingers, chest tight?",
        "my leg is numb, bad back?",
        "my feet are numb, fever?",
    ],
)
def test_a_question_with_a_body_part_or_a_flag_asks_it_all(kb: KnowledgeBase, text: str) -> None:
    assert reading(kb, text)[0] == set(), text


def test_a_fragment_question_stops_at_a_comma(kb: KnowledgeBase) -> None:
    # the comma is among the region words (a region phrase holds one): the body words of a
    # fragment without its comma ("numb toes statins?") end at a comma
    assert reading(kb, "numb toes statins?")[0] == {"foot.toes"}
    assert reading(kb, "numb fingers, chest tight?")[0] == set()


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # an arm with the jaw, and sweating or sickness, is a heart attack with no chest pain
        # said (NHS: the pain spreads to the arms, jaw, neck; sweating, feeling sick)
        ("numbness in my left arm and jaw, feel sick and sweaty", True),
        ("numb left arm, jaw ache, cold sweat, feel sick", True),
        ("my arm has gone numb, my jaw hurts and I'm clammy", True),
        ("tingling arm and jaw, I feel lightheaded", True),
        # controls: two of the three
        ("my jaw is numb after the dentist and I felt faint", False),
        ("my arm and jaw are numb", False),
        ("numb arm, feeling sick since the chemo", False),
        # another's, or denied
        ("my dad had a numb arm and jaw and felt sick before his heart attack years ago", False),
    ],
)
def test_arm_jaw_and_unwell_is_a_heart_attack(kb: KnowledgeBase, text: str, flagged: bool) -> None:
    assert ("arm_jaw_and_unwell" in fired(kb, text)) is flagged, text
    if flagged:
        assert raised(kb, text)["heart_attack"] == "emergency", text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a foot or toe gone a dark colour, said with its noun and words between: an
        # emergency, as "gone purple" and "turned dark" are
        ("my toes are numb and one of them has gone a funny purple colour, I'm diabetic", True),
        ("my big toe has turned a dark colour and it's numb", True),
        ("numb toe, it's a weird bluish colour", True),
        ("my heel is numb and a greyish shade", True),
        # controls: no colour noun; a colour in the cold (Raynaud's), of a shoe, a bruise or
        # a painted nail
        ("my feet went numb and the sky went dark", False),
        ("my feet are numb in the cold and go a bluish colour", False),
        ("my feet are numb, I bought purple shoes the same colour as my bag", False),
        ("my toe is numb, bruised and a purple colour after I stubbed it", False),
        ("numb feet, I painted my toenails a dark colour", False),
    ],
)
def test_a_foot_gone_a_dark_colour_is_an_emergency(
    kb: KnowledgeBase, text: str, flagged: bool
) -> None:
    assert ("foot_gone_a_dark_colour" in fired(kb, text)) is flagged, text
    if flagged:
        assert raised(kb, text)["foot_wound"] == "emergency", text


# (the words of this round's block: the lead's of a later round, after "# lead25", are tested
# in test_text_lead25.py)
WORST_HEADACHE: tuple[str, ...] = tuple(
    w
    for w in FLAG_CONCEPTS["worst_headache"]["lay"]  # type: ignore[attr-defined]
    if not w.startswith("headache ")
)

LEAD31_UNWELL = frozenset(
    {"short of breath", "breathless", "shortness of breath", "diaphoretic", "diaphoresis"}
)

LEAD23_WORDS: dict[str, tuple[str, str]] = {
    # the words of the "lead23" blocks of text.yaml: word -> (sentence, the rule it fires;
    # "-" a rule it stops, the sentence firing it without the word)
    **{
        w: ("numb left arm, tingling in my " + w + ", sweating", "arm_jaw_and_unwell")
        for w in FLAG_CLASSES["jaw_word"]
    },
    **{
        w: (
            "my legs have gone weak and numb over two days " + w,
            "weak_over_days_after_an_infection",
        )
        for w in FLAG_CLASSES["after_infection"]
    },
    # the endings of an operation's name, each in a word of its own, and the words with such
    # an ending that name none
    **{
        w: (f"my thigh is numb since the {word}", "cause:injury")
        for w, word in (
            ("ectomy", "hysterectomy"),
            ("ectomies", "polypectomies"),
            ("otomy", "laparotomy"),
            ("otomies", "osteotomies"),
            ("ostomy", "colostomy"),
            ("ostomies", "ileostomies"),
            ("oplasty", "kyphoplasty"),
            ("oplasties", "vertebroplasties"),
        )
    },
    **{
        w: (f"my thigh is numb, what a {w}", "cause:")
        for w in ("dichotomy", "dichotomies", "trichotomy")
    },
    # a part said not to feel right, normal or good: a symptom, the part numb
    **{
        w: (f"since monday my left hand {w}", "area:hand")
        for w in (
            "not feeling right",
            "not feeling normal",
            "not feeling good",
            "isnt feeling right",
            "isnt feeling normal",
            "isnt feeling good",
            "arent feeling right",
            "arent feeling normal",
            "arent feeling good",
            "dont feel normal",
            "doesnt feel normal",
            "does not feel normal",
            "do not feel normal",
            "not feel normal",
            "dont feel good",
            "doesnt feel good",
            "does not feel good",
            "dont feel ok",
            "doesnt feel ok",
            "dont feel the same",
            "doesnt feel the same",
            "not feel the same",
            "not feeling the same",
            "not quite right",
            "is not feeling right",
            "is not feeling normal",
            "is not feeling good",
            "are not feeling right",
            "are not feeling normal",
            "are not feeling good",
        )
    },
    # a throat or tongue swelling
    **{w: (f"lips numb and my {w} is swelling", "throat_swelling") for w in ("throat", "tongue")},
    # the drugs that suppress the immune system: a fact of the person
    **{
        w: (f"numb hands, I take {w}", "person:immunosuppressed")
        # the drugs are the one-word lay terms of the concept
        for w in PERSON_CONCEPTS["immune_suppression"]["lay"]  # type: ignore[attr-defined]
        if " " not in w
    },
    # the worst headache of one's life: a stroke's sign
    **{w: (f"numb left arm and the {w}", "worst_headache") for w in (*WORST_HEADACHE,)},
    # a migraine's aura stops the rule of a numb face and lost sight
    **{
        w: (f"numb face and my eye went blurry, {w}", "-face_numb_sight_lost")
        for w in FLAG_CLASSES["migraine_word"]
    },
    # a parent named without "my" before "had": someone else's
    **{
        w: (f"{w} chest pains last week, and my left wrist tingles", "other:heart_attack")
        for w in ("mum had", "mom had", "dad had", "mother had", "father had")
    },
    # real words never corrected
    **{w: (f"my hand right is odd, like {w} walking", "-") for w in ("ants", "ant")},
    **{
        w: ("pins and needles in my foot, also cant " + w, "saddle_numbness")
        for w in (
            "feel to wipe",
            "feel myself wipe",
            "feel myself wiping",
            "feel the wipe",
            "feel the paper",
        )
    },
    **{
        w: ("numb left arm and jaw, " + w, "arm_jaw_and_unwell")
        for w in FLAG_CLASSES["cardiac_unwell"]
        if w not in LEAD31_UNWELL  # (lead31's words, in its own block: test_text_lead31)
    },
    **{
        w: ("my toe is numb and a funny purple " + w, "foot_gone_a_dark_colour")
        for w in FLAG_CLASSES["colour_noun"]
    },
    **{
        w: ("my toe is numb and a purple colour, " + w, "-foot_gone_a_dark_colour")
        for w in FLAG_CLASSES["bruise_or_nail"]
    },
}


def test_every_lead23_word_has_a_sentence() -> None:
    assert set(LEAD23_WORDS) == block_words("text.yaml", "lead23")


@pytest.mark.parametrize("word", sorted(LEAD23_WORDS))
def test_every_lead23_word_is_read(kb: KnowledgeBase, word: str) -> None:
    text, rule = LEAD23_WORDS[word]
    if rule.startswith("other:"):  # the flag is someone else's; said of "I", it is raised
        assert rule[6:] not in raised(kb, text), text
        assert rule[6:] in raised(kb, "I had" + text.split(" had", 1)[1]), text
    elif rule.startswith("person:"):  # a fact of the person the points are checked for
        sel = kb.select(text)
        assert any("suppressed immune system" in n and "Read from" in n for n in sel.notes), text
    elif rule.startswith("area:"):  # the part read as numb
        assert rule[5:] in reading(kb, text)[0], text
    elif rule == "-":  # a real word, never corrected to another ("pants")
        assert all(word not in old.split() for old, _ in kb.read(text).corrected), text
    elif rule.startswith("cause:"):  # the cause read, or none
        assert reading(kb, text)[2] == (rule[6:] or None), text
    elif rule.startswith("-"):  # the word stops the rule; without it the rule fires
        assert rule[1:] not in fired(kb, text), text
        assert rule[1:] in fired(kb, text.rsplit(",", 1)[0]), text
    else:
        assert rule in fired(kb, text), text


LEAD23_CAUSE_WORDS: dict[str, tuple[str, str]] = {
    # the cause synonyms of the "lead23" blocks of causes.yaml: word -> (sentence, cause)
    w: (f"the back of my leg is numb since my {w}", "injury")
    for w in CAUSE_WORDS["injury"]
    if w.endswith(" tear")  # the injury synonyms of a tear as a noun
}


def test_every_lead23_cause_word_is_kept() -> None:
    assert set(LEAD23_CAUSE_WORDS) == block_words("causes.yaml", "lead23")


@pytest.mark.parametrize("word", sorted(LEAD23_CAUSE_WORDS))
def test_every_lead23_cause_word_is_read(kb: KnowledgeBase, word: str) -> None:
    text, cause = LEAD23_CAUSE_WORDS[word]
    assert reading(kb, text)[2] == cause, text
    # control: the torn part alone is no cause ("since my hamstring")
    assert reading(kb, text.replace(" tear", ""))[2] is None, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "bits" of a part are patches, no saddle numbness
        ("numb bits on my back since I had covid", False),
        ("I have numb bits on my legs", False),
        ("bits of my toes are numb", False),
        ("the numb bits are getting bigger on my shin", False),
        # controls: "my bits" are the genitals (the perineum, which raises the flag)
        ("my bits are numb", True),
        ("his bits feel numb and he cant pee", True),
        ("cant feel my bits", True),
    ],
)
def test_numb_bits_of_a_part_are_patches(kb: KnowledgeBase, text: str, flagged: bool) -> None:
    assert ("cauda_equina" in raised(kb, text)) is flagged, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a weakness come on over days after an infection: Guillain-Barre's, an emergency
        ("my legs feel like jelly and tingle, it came on over 2 days after a flu", True),
        ("both legs weak and numb since tuesday after a tummy bug", True),
        ("my arms and legs have got weaker every day since a stomach bug", True),
        # controls: a weakness of years; another's; no weakness; no infection
        ("my legs have been weak for years, I had a virus last week", False),
        ("my cousin got weak legs over a few days after a tummy bug, my toe is numb", False),
        ("numb feet for two days after a bad cold", False),
        ("my legs have gone weak and numb over two days", False),
    ],
)
def test_weak_over_days_after_an_infection_is_an_emergency(
    kb: KnowledgeBase, text: str, flagged: bool
) -> None:
    assert ("weak_over_days_after_an_infection" in fired(kb, text)) is flagged, text
    if flagged:
        assert raised(kb, text)["ascending_weakness"] == "emergency", text


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # a word ending as an operation's name is read as "operation": the cause injury
        ("Since my hysterectomy, the front of my thigh is numb on the left.", "injury"),
        ("numb belly after a laparotomy", "injury"),
        ("numb belly round my colostomy", "injury"),
        ("my groin is numb since my vasectomy", "injury"),
        ("numb chest after my sternotomy", "injury"),
        ("numb lower back since the kyphoplasty", "injury"),
        ("numb inner thigh after my prostatectomy last year", "injury"),
        ("numb skin below my knee since the tibial osteotomies", "injury"),
        # a listed operation keeps its own cause (a stomach taken out: vitamin B12)
        ("numb feet since my gastrectomy", "b12_deficiency"),
        # controls: no operation ("dichotomy"); another's; denied
        ("numb feet, it's a dichotomy", None),
        ("my mum's hysterectomy was last year, my hand is numb", None),
        ("no hysterectomy, my thigh is numb", None),
    ],
)
def test_a_word_ending_as_an_operation_is_an_operation(
    kb: KnowledgeBase, text: str, cause: str | None
) -> None:
    assert reading(kb, text)[2] == cause, text
    if cause is not None:  # the operation's word is read, not ignored
        endings = ("ectomy", "otomy", "ostomy", "otomies")
        assert not [w for w in kb.parse_location(text).ignored if w.endswith(endings)], text


def test_the_operation_endings_are_read_from_the_data(kb: KnowledgeBase) -> None:
    from acupoints.text.compiled import tables

    t = tables(kb)
    assert "ectomy" in t.operation_endings
    assert "dichotomy" in t.not_operations
    assert t.operation_cause == kb.cause("operation").id == "injury"


@pytest.mark.parametrize(
    ("text", "regions", "side"),
    [
        # "right" after a verb of feeling or a "not" says how a part feels, no side
        ("my feet don't feel right", {"foot"}, "both"),
        ("something's not right with my feet", {"foot"}, "both"),
        ("it hasnt felt right since tuesday, my left foot", {"foot"}, "left"),
        # controls: a side after the word, or a side word after a feeling noun
        ("numb feeling right hand", {"hand"}, "right"),
        ("my right hand doesn't feel right", {"hand"}, "right"),
        ("my hand is numb on the right", {"hand"}, "right"),
    ],
)
def test_right_after_feel_is_no_side(
    kb: KnowledgeBase, text: str, regions: set[str], side: str
) -> None:
    assert reading(kb, text)[:2] == (regions, side), text


@pytest.mark.parametrize(
    "text",
    [
        # controls of the symptom terms: a part said fine, normal or not numb is not numb
        "my hand is not numb",
        "my hand is fine",
        "my foot feels normal now",
    ],
)
def test_a_part_said_fine_is_not_numb(kb: KnowledgeBase, text: str) -> None:
    assert reading(kb, text)[0] == set(), text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a throat or tongue that is swelling: anaphylaxis, an emergency
        ("my lips are tingling and my throat is swelling after the prawns", True),
        ("lips tingling and throat swelling", True),
        ("my tongue is swelling and my lips are numb", True),
        # controls: only feeling swollen (a dental block); another's, past; another part
        ("my tongue feels swollen and numb after the dentist", False),
        ("numb lip, my mums tongue swelled up once with peanuts", False),
        ("I had a swollen ankle and my foot is numb", False),
    ],
)
def test_a_swelling_throat_or_tongue_is_an_emergency(
    kb: KnowledgeBase, text: str, flagged: bool
) -> None:
    assert ("throat_swelling" in fired(kb, text)) is flagged, text
    if flagged:
        assert raised(kb, text)["breathing"] == "emergency", text


@pytest.mark.parametrize(
    # the words that must come with the throat or tongue (its `also` group)
    "word",
    FLAG_CONCEPTS["throat_swelling"]["also"][0],  # type: ignore[index]
)
def test_every_word_of_a_swelling_is_read(kb: KnowledgeBase, word: str) -> None:
    assert "throat_swelling" in fired(kb, f"lips numb and my throat {word}"), word
    assert "throat_swelling" not in fired(kb, "lips numb and my throat"), word


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # an immunosuppressant named: the person's suppressed immune system (points checked)
        ("numb hands, on methotrexate", True),
        ("numb feet since the kidney transplant, I take tacrolimus", True),
        # controls: another's; steroids not named as an oral drug (a cream, an inhaler)
        ("numb toes, my husband is on methotrexate", False),
        ("numb hands, I use a steroid inhaler", False),
    ],
)
def test_an_immunosuppressant_named_is_a_fact_of_the_person(
    kb: KnowledgeBase, text: str, read: bool
) -> None:
    notes = kb.select(text).notes
    assert any("suppressed immune system" in n and "Read from" in n for n in notes) is read, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a numb face with the sight of an eye lost or blurred: a stroke's sign
        ("my face went numb on one side and now I can't see properly out of one eye", True),
        ("numb face and my eye has gone blurry", True),
        ("my face is numb and my eyesight went dark", True),
        # controls: a migraine's aura; sore eyes; glasses
        ("numb face and blurry vision, I get migraines with aura", False),
        ("my lip is numb and my eyes are sore", False),
        ("numb cheek, I can't see well without my glasses", False),
    ],
)
def test_a_numb_face_with_sight_lost_is_a_stroke(
    kb: KnowledgeBase, text: str, flagged: bool
) -> None:
    assert ("face_numb_sight_lost" in fired(kb, text)) is flagged, text
    if flagged:
        assert raised(kb, text)["stroke"] == "emergency", text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the worst headache of one's life: a bleed in the brain, the stroke emergency
        ("numb arm and I've got the worst headache of my life", True),
        ("numb hand, sudden severe headache", True),
        # controls: another's, past; a headache not said to be the worst or sudden
        ("my mum had the worst headache of her life before her stroke, my hand is numb", False),
        ("numb hand and a bit of a headache", False),
    ],
)
def test_the_worst_headache_is_a_stroke(kb: KnowledgeBase, text: str, flagged: bool) -> None:
    assert ("stroke" in raised(kb, text)) is flagged, text


@pytest.mark.parametrize(
    "term", ["thunderclap headache", "subarachnoid haemorrhage", "subarachnoid hemorrhage"]
)
def test_the_clinical_words_of_the_worst_headache(kb: KnowledgeBase, term: str) -> None:
    assert "worst_headache" in fired(kb, f"numb L arm, ? {term} this morning"), term


def test_an_s_before_had_or_been_is_has(kb: KnowledgeBase) -> None:
    # "mum's had" is "mum has had", a carer's present perfect; "mum had" a past of hers
    from acupoints.text.prepare import prepare

    assert prepare(kb, "mum's had myeloma for two years").tokens[:3] == ("mum", "has", "had")
    assert prepare(kb, "dad's been numb since May").tokens[:3] == ("dad", "has", "been")
    assert prepare(kb, "mum's feet are numb").tokens[:2] == ("mum", "feet")  # a possessive


@pytest.mark.parametrize(
    ("text", "regions", "cause", "flag"),
    [
        # a parent's past told beside the writer's own numb part: hers, not the writer's
        (
            "mum had chest pains last week, and I've noticed my left wrist tingles",
            {"wrist"},
            None,
            None,
        ),
        ("mum had a fall last week and my foot is numb", {"foot"}, None, None),
        # controls: a carer writing for the parent (her parts), and "mum's had" (has had)
        ("mum's had chemo and her feet are numb", {"foot"}, "chemotherapy", "cancer_history"),
        ("mum had a fall and her hip is numb", {"hip"}, "injury", "after_injury"),
    ],
)
def test_a_parent_named_without_my_is_someone_else(
    kb: KnowledgeBase, text: str, regions: set[str], cause: str | None, flag: str | None
) -> None:
    assert reading(kb, text)[0] == regions, text
    assert reading(kb, text)[2] == cause, text
    flags = raised(kb, text)
    assert (flag in flags) if flag else not flags, text
