"""The lead's fixes of the seventeenth round of issue 16, found by reading new sentences as a
new user writes them (not taken from a corpus set). The words of the flag classes are tested
one by one by test_text_flags6.py; each rule here by a sentence and a control."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase, LocationError

from .textread import (
    block_words,
    check_flag_block_words,
    check_flag_term,
    check_word_is_read,
    raised,
)
from .vocabulary import LEAD17_FLAG_WORDS, LEAD17_WORDS


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a weight dropped on "it" is a blow, not weight lost
        ("cant feel my big toe on the left since i dropped a weight on it", {"after_injury"}),
        ("dropped weights on it at the gym and my toes are numb", {"after_injury"}),
        # controls: weight that dropped off is still weight lost
        ("my weight has dropped a lot and my feet are numb", {"systemic_illness"}),
        ("weight dropped off me this spring and now my hands tingle", {"systemic_illness"}),
    ],
)
def test_a_weight_dropped_on_a_part_is_no_weight_loss(
    kb: KnowledgeBase, text: str, flags: set[str]
) -> None:
    assert set(raised(kb, text)) == flags


@pytest.mark.parametrize("key", sorted(LEAD17_FLAG_WORDS))
def test_every_lead17_flag_term_reads_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_flag_term(kb, key, LEAD17_FLAG_WORDS[key])


def test_every_word_of_the_blocks_is_listed() -> None:
    """Every concept word of the "lead 17" blocks is listed above, or is a word of a flag
    class (listed in FLAG_CLASSES and tested by test_text_flags6.py)."""
    listed = {k[1] for k in LEAD17_FLAG_WORDS}
    check_flag_block_words("lead 17", listed)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a date after "since" or "after" dates the event, not the numbness before it
        ("numb patch on my shin after knee surgery last year", {"leg"}),
        ("numb shin since a fall last month", {"leg"}),
        ("tingly toes following my chemo months ago", {"foot.toes"}),
        ("numb thumb since I broke my wrist two years ago", {"hand.thumb"}),
        # controls: the clause says its own numbness was in the past
        ("I had a numb shin after a fall last year", set()),
        ("I had numb toes after chemo years ago", set()),
        ("numb shin last year", set()),
        # a perfect tense is the present
        ("I've had a numb shin since a fall last year", {"leg"}),
    ],
)
def test_a_date_after_since_or_after_dates_the_event(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    try:
        found = set(kb.select(text, limit=1).location.region_ids)
    except LocationError:
        found = set()
    assert found == areas


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a sore part joined by "and my" is that part's pain, not a wound on the foot
        ("my lower back is sore and my right foot is numb", set()),
        ("my knee is sore and my foot is numb", set()),
        ("my hands are sore and my feet are numb", set()),
        # controls: a wound on the foot in the same clause
        ("numb feet and a sore on my heel", {"foot_wound"}),
        ("I have a blister on my heel and my feet are numb", {"foot_wound"}),
        ("numb feet, cracked heel that is bleeding", {"foot_wound"}),
        ("my feet are numb and my big toe has a sore that won't heal", {"foot_wound"}),
    ],
)
def test_a_sore_part_elsewhere_is_no_foot_wound(
    kb: KnowledgeBase, text: str, flags: set[str]
) -> None:
    assert set(raised(kb, text)) == flags


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # an injury told as a warning sign is the cause when none is stated
        ("numb foot since a horse stood on it", "injury"),
        ("numb shoulder since I went over the handlebars", "injury"),
        ("numb leg after a van ran into my bike", "injury"),
        # controls: a stated cause wins; someone else's or a denied injury gives none
        ("I'm diabetic and since a horse stood on my foot it is numb", "diabetic"),
        ("my friend went over the handlebars, my own shoulder is numb from sleeping", None),
        ("numb shoulder, no falls or accidents", None),
    ],
)
def test_an_injury_told_as_a_warning_sign_is_the_cause(
    kb: KnowledgeBase, text: str, cause: str | None
) -> None:
    assert kb.read(text).cause == cause
    if cause == "injury":
        assert "injury" in {f.id for f in kb.read(text).causes}
        assert kb.select(text, limit=1).cause == "injury"


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # what another's finding turned out to be is theirs
        ("my mum had a lump, it turned out to be cancer, and now my feet are numb", ("other",)),
        ("my dad had a lump which turned out to be cancer and my feet are numb", ("other",)),
        (
            "my colleague lost weight and it turned out to be lymphoma, my hands are numb",
            ("other",),
        ),
        # controls: the writer's own finding, or a finding of no one named
        ("I had a lump and it turned out to be cancer, my feet are numb", ()),
        ("my back pain turned out to be cancer and my legs are numb", ()),
    ],
)
def test_what_a_finding_turned_out_to_be_takes_its_context(
    kb: KnowledgeBase, text: str, context: tuple[str, ...]
) -> None:
    found = [f for f in kb.read(text).flags if f.id == "cancer_history"]
    assert found
    assert all(f.context == context for f in found)


@pytest.mark.parametrize("key", sorted(LEAD17_WORDS))
def test_every_lead17_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, LEAD17_WORDS, key)


def test_every_lead17_text_word_has_a_sentence() -> None:
    listed = {word for _, word in LEAD17_WORDS}
    assert block_words("text.yaml", "lead17 words") == listed


@pytest.mark.parametrize(
    ("text", "corrected"),
    [
        # the names of clinical tests are never corrected into a sign's word
        ("numb thumb, Spurling's +ve", False),
        ("numb calf, slump test positive", False),
        ("numbness where the drain was after my mastectomy", False),
        # control: a slip of "slurring" still is
        ("numb face and slurrring my words", True),
    ],
)
def test_a_clinical_test_name_is_no_typo(kb: KnowledgeBase, text: str, corrected: bool) -> None:
    assert bool(kb.read(text).corrected) == corrected


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # the injury flag gives no cause where the cause words read an injury and let it go,
        # or where a phrase names no cause
        ("I fell off a ladder 30 years ago but the numbness in my foot only started in May", None),
        ("tingling soles since the fall of 2023", None),
        ("my toes hit the floor first and my shin is numb", None),
        # a task is no tackle
        ("I tackled the hedge and my hands tingle", None),
    ],
)
def test_an_injury_let_go_gives_no_cause(kb: KnowledgeBase, text: str, cause: str | None) -> None:
    assert kb.read(text).cause == cause


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a flag read at the words of an area that is someone else's is theirs too
        ("mum's stroke left her face numb, but I'm asking for myself, about my tingling heels", {}),
        # controls: the writer's own face; a carer's report of the patient's face
        ("my face went numb, and I'm asking about my heels too", {"facial_numbness"}),
        ("mum's face is numb", {"facial_numbness"}),
    ],
)
def test_a_flag_at_another_persons_area_is_theirs(
    kb: KnowledgeBase, text: str, flags: set[str]
) -> None:
    assert set(raised(kb, text)) == set(flags)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # an aspect alone after a two-word part is the aspect of that part, not of the limb
        (
            "my shoulder was operated on and it's my upper arm that's numb on the outside",
            {"upper_arm"},
        ),
        ("my lower leg is numb on the outside", {"leg"}),
        # control: a limb alone
        ("my arm is numb on the outside", {"upper_limb"}),
    ],
)
def test_an_aspect_alone_after_a_two_word_part(
    kb: KnowledgeBase, text: str, areas: set[str]
) -> None:
    assert set(kb.select(text, limit=1).location.region_ids) == areas
