"""Tests that kill surviving mutants of the reading code: the location grammar
(``acupoints.parse``) and the text reader (``acupoints.text``), found by the seeded sample
of docs/testing.md ("Mutation score of the reading code"). Each docstring names the wrong
answer the test catches; the tests read sentences and compare what is read, not tables."""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import raised


def test_the_package_level_read_reads_the_text_given(kb: KnowledgeBase) -> None:
    """``acupoints.text.read(kb, text)`` gives the reading ``kb.read(text)`` gives: it
    passes the knowledge base and the text on (a read of no text, or with no knowledge
    base, raised a TypeError or AttributeError instead)."""
    from acupoints.text import read

    for text in ("pins and needles in my left foot since my back surgery", "numb right thumb"):
        got = read(kb, text)
        assert got == kb.read(text)
        assert got.areas, text
    assert [(a.id, a.side) for a in read(kb, "numb right thumb").areas] == [("hand.thumb", "right")]


@pytest.mark.parametrize(
    "text",
    [
        "numb feet my mum has diabetes",
        "tingling toes my dad is diabetic",
        "numb fingers my sister is on chemo",
    ],
)
def test_a_relative_named_after_the_numb_area_keeps_their_illness(
    kb: KnowledgeBase, text: str
) -> None:
    """A relative named after the writer's numb area, with their own illness ("numb feet
    my mum has diabetes"), does not make the writer's areas theirs: the illness stays the
    mother's (context "other") and is not the cause of the selection. A carer's report
    looked one word too far past the area (``_named_before(prep, a.end + 2)``) and took
    the mother's diabetes as the writer's cause."""
    reading = kb.read(text)
    assert reading.causes, text
    assert all("other" in c.context for c in reading.causes), reading.causes
    assert kb.select(text, limit=1).cause is None


@pytest.mark.parametrize(
    "text",
    [
        "I had things like chemo and now my fingers are numb",
        "my feet went numb after stuff like chemo",
    ],
)
def test_a_cause_in_a_list_after_like_is_a_cause(kb: KnowledgeBase, text: str) -> None:
    """ "things like chemo" lists a cause, it is no likeness ("numb like after an
    injection"): the cause is read. Taking every "like" but the first word's for a
    likeness (``k != 0`` for ``k == 0`` in ``_simile``) dropped it."""
    assert [c.id for c in kb.read(text).causes] == ["chemotherapy"]
    assert kb.select(text, limit=1).cause == "chemotherapy"


@pytest.mark.parametrize(
    "text",
    [
        "numb feet, no fever or chills, weight loss, night pain or bladder problems",
        "numb feet but no fever or weight loss, night pain, bladder or bowel trouble",
    ],
)
def test_a_denied_list_with_an_or_inside_the_denials_window_is_denied_to_its_end(
    kb: KnowledgeBase, text: str
) -> None:
    """A denial whose window holds an "or" and a comma ("no fever or chills, weight loss,
    night pain or bladder problems") denies the list to its last item: no red flag is
    raised. Looking back past the comma for the list's last "or" (``_list_rest`` never
    breaking at ","), the reader ended the list at the next comma and raised the bladder
    and bowel signs of its last item as cauda equina."""
    flags = kb.read(text).flags
    assert {f.concept for f in flags} >= {"fever_or_weight_loss", "bladder_change"}
    assert all(f.context == ("negated",) for f in flags), flags
    assert raised(kb, text) == {}


@pytest.mark.parametrize(
    ("text", "typo", "region"),
    [
        ("numb forarmes", "forarmes", "forearm"),
        ("numb fingrtps", "fingrtps", "hand.fingers"),
        ("numb schoulde", "schoulde", "shoulder"),
    ],
)
def test_a_word_of_eight_letters_is_corrected_at_two_edits(
    kb: KnowledgeBase, text: str, typo: str, region: str
) -> None:
    """A misspelt body word of eight letters, two edits from the word meant ("forarmes"
    for "forearms"), is corrected and read: words of eight letters or more allow two
    edits. With the bound at nine letters (``_candidates``) none of these was read."""
    reading = kb.read(text)
    assert typo in dict(reading.corrected), reading.corrected
    assert [a.id for a in reading.areas] == [region]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("my husband's hand is fine, mine is just a bit numb", "hand"),
        ("my wife's feet are fine but mine are numb", "foot"),
    ],
)
def test_mine_said_numb_is_read_with_its_word(kb: KnowledgeBase, text: str, region: str) -> None:
    """ "mine is numb" after another person's part is the writer's part, read from the
    word "mine": the numb area's words (what a finding says it was read from) are
    "mine". Taking the words from the token before it (``written(k, k - 1)`` in
    ``elided``) gave the area no words at all."""
    numb = [a for a in kb.read(text).areas if a.role == "numb" and not a.context]
    assert [(a.id, a.words) for a in numb] == [(region, "mine")]


@pytest.mark.parametrize(
    ("text", "part", "side"),
    [
        ("toes numb on the left foot", "foot.toes", "left"),
        ("fingertips tingling on my right hand", "hand.fingers", "right"),
    ],
)
def test_a_limb_after_a_part_and_one_symptom_word_only_places_it(
    kb: KnowledgeBase, text: str, part: str, side: str
) -> None:
    """ "toes numb on the left foot": the foot only says where the toes are and gives
    their side; the numb area is the toes alone. Stepping over the symptom words between
    two at a time (``said += 2`` in ``parse._drop_containers``) missed the "on" after a
    single one, and the whole foot was read as numb as well."""
    location = kb.parse_location(text)
    assert location.region_ids == (part,)
    assert location.side == side


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("no back pain, numb right little toe", ("negated",)),
        ("numb thumb without any neck pain", ("negated",)),
        ("denies neck pain. numb thumb", ("negated",)),
        ("sore lower back, numb right big toe", ()),
        ("my back doesnt hurt but my toe is numb", ()),  # unread: not taken as denied
    ],
)
def test_a_denied_pain_keeps_its_denial(text: str, context: tuple[str, ...]) -> None:
    """A pain of the neck or back that is denied keeps the context "negated" (a numb area
    that is denied becomes "fine" instead): the engine infers a root from a sore spine,
    so "no back pain" must not read as a sore back."""
    import acupoints

    pains = [a for a in acupoints.read(text).areas if a.role == "pain"]
    assert len(pains) == 1 and pains[0].context == context, pains
