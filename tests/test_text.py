"""The text reader (acupoints.text, issue 16): spelling, context, roles of body areas,
causes, time course and red flags, and how select() uses them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import acupoints
from acupoints import AcupointsError, DataError, KnowledgeBase, LocationError, Reading
from acupoints.loading import packaged_data_dir
from acupoints.text.spelling import damerau_levenshtein

from .textread import read_yaml

# ------------------------------------------------------------------ the issue's sentences


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("my hands fall asleep at night", ("hand",)),
        ("numb toes when I wear boots", ("foot.toes",)),
        ("my hand is fine but my forearm is numb", ("forearm",)),
        ("numbnes in my fingres", ("hand.fingers",)),
        ("not only my hand but also my foot is numb", ("hand", "foot")),
        ("numb leg from a slipped disc in my lower back", ("lower_limb",)),
        ("pins and needles down my arm from a trapped nerve in my neck", ("upper_limb",)),
        ("numb fingers when I lean on my elbow", ("hand.fingers",)),
        ("numb shin after a knee replacement", ("leg",)),
    ],
)
def test_the_issue_sentences_read_their_numb_areas(
    kb: KnowledgeBase, text: str, areas: tuple[str, ...]
) -> None:
    assert kb.parse_location(text).region_ids == areas


def test_areas_named_for_another_role_are_kept_apart(kb: KnowledgeBase) -> None:
    roles = {
        "numb leg from a slipped disc in my lower back": ("back.lumbar", "cause_site"),
        "pins and needles down my arm from a trapped nerve in my neck": ("neck", "cause_site"),
        "numb fingers when I lean on my elbow": ("elbow", "trigger"),
        "numb shin after a knee replacement": ("knee", "operation"),
        "my hand is fine but my forearm is numb": ("hand", "fine"),
        "numb top of the foot and foot drop": ("foot", "flag"),
    }
    for text, (region, role) in roles.items():
        reading = kb.read(text)
        assert (region, role) in [(a.id, a.role) for a in reading.areas], text
        assert region not in kb.parse_location(text).region_ids or region == "foot", text
    assert kb.parse_location("my hand is fine but my forearm is numb").negated == ("hand",)


@pytest.mark.parametrize(
    ("text", "cause", "words"),
    [
        ("numb feet since I started chemo", "chemotherapy", "chemo"),
        ("numb feet, I'm diabetic", "diabetic", "diabetic"),
        ("numb leg, slipped disc", "lumbar_root", "slipped disc"),
        ("numb hands, my B12 is low", "b12_deficiency", "B12"),
        ("numb fingers, rheumatoid arthritis", "autoimmune", "rheumatoid arthritis"),
        ("numb hand, I fell off my bike", "injury", "fell off"),
        ("numb hand, doctor says carpal tunnel", "carpal_tunnel", "carpal tunnel"),
        ("numb thumb, slipped disc in my neck", "cervical_root", "slipped disc"),
        # the writer's own words, not the reader's spelling of them
        ("numb feet, I'm diabetec", "diabetic", "diabetec"),
        ("numb leg from a Slipped-Disc", "lumbar_root", "Slipped-Disc"),
    ],
)
def test_the_cause_written_in_the_text_is_used(
    kb: KnowledgeBase, text: str, cause: str, words: str
) -> None:
    s = kb.select(text)
    assert s.cause == cause
    assert any("read from the text" in n and repr(words) in n for n in s.notes), s.notes


def test_an_explicit_cause_wins_and_two_causes_are_both_reported(kb: KnowledgeBase) -> None:
    s = kb.select("numb feet since I started chemo", cause="diabetic")
    assert s.cause == "diabetic"
    assert any("also names" in n and "chemotherapy" in n for n in s.notes)
    s = kb.select("numb feet, I'm diabetic and I had chemo")
    assert s.cause == "diabetic"
    note = next(n for n in s.notes if "more than one cause" in n)
    assert "diabetic" in note and "chemo" in note
    assert kb.read("numb feet, I'm diabetic and I had chemo").cause_ids == (
        "diabetic",
        "chemotherapy",
    )


def test_a_cause_that_is_denied_or_someone_elses_is_not_used(kb: KnowledgeBase) -> None:
    for text in (
        "numb feet, I'm not diabetic",
        "numb feet, my dad has diabetes",
        "numb feet, could it be diabetes",
    ):
        assert kb.select(text).cause is None, text
        assert kb.read(text).causes[0].context, text


@pytest.mark.parametrize(
    ("text", "flag", "urgency"),
    [
        ("no feeling around my anus", "cauda_equina", "emergency"),
        ("I can't feel the toilet paper when I wipe", "cauda_equina", "emergency"),
        ("my grip is going", "progressive_weakness", "urgent"),
        ("numbness moved up to my knees since Monday", "ascending_weakness", "urgent"),
        ("my legs are getting weaker every day", "ascending_weakness", "emergency"),
        ("my toe has gone black", "foot_wound", "emergency"),
        ("numb feet and I'm running a temperature", "systemic_illness", "urgent"),
        ("sciatica down both legs", "cauda_equina", "emergency"),
        ("clumsy hands and I'm unsteady on my feet", "cervical_myelopathy", "urgent"),
        ("my face went numb last week", "facial_numbness", "urgent"),
        ("the pain wakes me up at night", "night_pain", "soon"),
        ("I inject drugs and have a fever", "spinal_infection", "urgent"),
        ("numb saddle area and erectile dysfunction", "cauda_equina", "emergency"),
    ],
)
def test_red_flags_as_people_write_them(
    kb: KnowledgeBase, text: str, flag: str, urgency: str
) -> None:
    try:
        flags = kb.select(text).red_flags
    except LocationError as exc:  # no area read: the flags come with the error
        flags = exc.red_flags
    found = {f.id: f.urgency for f in flags}
    assert found.get(flag) == urgency, found


@pytest.mark.parametrize(
    "text",
    [
        "my mum had cancer but I never have, numb feet",
        "numb feet, no bladder or bowel problems",
        "numb hands, my sister has a fever",
        "numb toes, worried about an ulcer on my foot",
        "numb feet and a bladder infection last year",
        "numb hand, no history of cancer, no injury",
        "numb legs, no change in my bladder or bowel habits",
        "numb feet, there are no sores on my feet",
        "numb toes, I haven't lost any weight",
        "numb thumb, I broke my wrist years ago",
        "numb legs, bladder and bowels are fine",
    ],
)
def test_no_flag_for_what_is_denied_supposed_or_someone_elses(kb: KnowledgeBase, text: str) -> None:
    assert kb.select(text).red_flags == ()


def test_every_red_flag_of_safety_yaml_has_words(kb: KnowledgeBase) -> None:
    """Each red flag has a concept or a flag rule in text.yaml, or word triggers in
    safety.yaml, so text can raise it; and each concept has a source."""
    data = read_yaml(packaged_data_dir() / "text.yaml")
    concepts = {c["flag"] for c in data["flags"]} | {r["flag"] for r in data["flag_rules"]}
    missing = [r.id for r in kb.red_flag_rules if r.id not in concepts and not r.triggers]
    assert not missing, f"red flags no text can raise: {missing}; add a concept to text.yaml"
    assert all(c["sources"] for c in data["flags"])


# ------------------------------------------------------------------ reading parts


def test_context_categories(kb: KnowledgeBase) -> None:
    r = kb.read("numb feet, no fever, my mum had cancer, worried about an ulcer on my foot")
    ctx = {f.id: f.context for f in r.flags}
    assert ctx["systemic_illness"] == ("negated",)
    assert ctx["cancer_history"] == ("other",)
    assert ctx["foot_wound"] == ("hypothetical",)
    r = kb.read("numb feet, I had a bladder infection years ago, fever as a child")
    assert all("historical" in f.context for f in r.flags)


@pytest.mark.parametrize(
    "text", ["no feeling in my toes", "I can't feel my toes", "I cannot feel my toes"]
)
def test_no_feeling_is_a_symptom_not_a_negation(kb: KnowledgeBase, text: str) -> None:
    assert kb.parse_location(text).region_ids == ("foot.toes",)


def test_time_course(kb: KnowledgeBase) -> None:
    r = kb.read("numb feet for months, slowly getting worse, worse at night and in the cold")
    ids = {f.id for f in r.course}
    assert {"duration:months", "onset:gradual", "progression:progressive"} <= ids
    assert {"worse:night", "worse:cold"} <= ids
    assert "onset:sudden" in {f.id for f in kb.read("my hand went numb suddenly").course}


def test_spelling(kb: KnowledgeBase) -> None:
    r = kb.read("pins n needles in me feet, paraesthesia, tumour")
    assert {
        ("n", "and"),
        ("me", "my"),
        ("paraesthesia", "paresthesia"),
        ("tumour", "tumor"),
    } <= set(r.corrected)
    # real words one letter from a body word are left alone
    assert kb.read("I check my cheek").corrected == ()
    assert kb.parse_location("numness in my hnad").region_ids == ("hand",)


@pytest.mark.parametrize(
    ("text", "region", "side"),
    [
        ("numb fot", "foot", None),
        ("my tos are numb", "foot.toes", "both"),
        ("tingling in my left arn", "upper_limb", "left"),
        ("numb lef leg", "lower_limb", "left"),
        ("numb hnads and fet", "foot", "both"),
        ("numbnes in my rite hand", "hand", "right"),
        ("my kne is numb", "knee", None),
    ],
)
def test_short_words_with_a_slip_are_read(
    kb: KnowledgeBase, text: str, region: str, side: str | None
) -> None:
    loc = kb.parse_location(text)
    assert region in loc.region_ids and loc.side == side, (loc.region_ids, loc.side)


@pytest.mark.parametrize(
    "text",
    [
        "I eat a lot and my toes are numb",  # not "ear"
        "numb toes, I'm a ballet dancer",  # not "cancer"
        "my hat is tight and my fingers are numb",  # not "hand" or "head"
        "numb hand and my face has dropped on one side",  # "one" is not "toe"
        "numb feet, I row and hop and ram the sea",  # real short words stay
        "numb toes, the fee was high",
    ],
)
def test_short_real_words_are_not_corrected_to_body_words(kb: KnowledgeBase, text: str) -> None:
    r = kb.read(text)
    body = {w for _, w in r.corrected} & {
        "ear",
        "toe",
        "toes",
        "hand",
        "head",
        "hip",
        "feet",
        "arm",
    }
    assert not body, r.corrected
    assert "cancer_history" not in {f.id for f in r.flags}


def test_r_is_are_unless_a_body_word_follows(kb: KnowledgeBase) -> None:
    assert kb.parse_location("my legs r numb").side == "both"
    assert kb.parse_location("me thighs r tingly").side == "both"
    assert kb.parse_location("numb r hand").side == "right"


def test_the_writers_own_words_are_shown(kb: KnowledgeBase) -> None:
    s = kb.select("numbnes in me fingres, I'm diabetec and I've got a feaver")
    assert any("'diabetec'" in n for n in s.notes), s.notes
    assert [f.matched for f in s.red_flags if f.id == "systemic_illness"] == [("feaver",)]
    r = kb.read("Pins-n-needles in me LEFT Foot since Chemo")
    assert [(f.id, f.words) for f in r.areas] == [("foot", "Foot")]
    assert [f.words for f in r.causes] == ["Chemo"]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("numbness down my left side", "left"),
        ("my whole right side is numb", "right"),
        ("the left side of my body is tingling", "left"),
        ("numb right arm and right leg", "right"),
        ("one side of my body is numb", None),
        ("half my body feels numb", None),
    ],
)
def test_one_side_of_the_body_is_a_one_sided_finding_with_its_side(
    kb: KnowledgeBase, text: str, side: str | None
) -> None:
    r = kb.read(text)
    found = [f for f in r.flags if f.id == "one_sided_numbness" and not f.context]
    assert len(found) == 1 and found[0].side == side, [(f.id, f.words, f.side) for f in r.flags]
    s = kb.select(text)
    assert "one_sided_numbness" in {f.id for f in s.red_flags}
    assert s.location.side == side
    flags = {f.id: f.urgency for f in kb.select("sudden numbness down my left side").red_flags}
    assert flags == {"stroke": "emergency", "one_sided_numbness": "urgent"}


@pytest.mark.parametrize(
    "text",
    [
        "I sleep on my left side and my hand is numb",
        "numb hand when I lie on my side",
        "numbness down the left side of my face",
        "numb patch on the left side of my thigh",
    ],
)
def test_a_side_that_is_not_one_side_of_the_body_raises_no_one_sided_flag(
    kb: KnowledgeBase, text: str
) -> None:
    assert "one_sided_numbness" not in {f.id for f in kb.select(text).red_flags}


def test_an_area_named_for_its_pain_is_not_numb(kb: KnowledgeBase) -> None:
    r = kb.read("my back aches and my left leg is numb")
    assert [(a.id, a.role) for a in r.areas] == [("back", "pain"), ("lower_limb", "numb")]
    assert kb.parse_location("my leg hurts and is numb").region_ids == ("lower_limb",)
    with pytest.raises(LocationError) as exc:
        kb.parse_location("my neck hurts and I feel numb")
    assert "named for pain" in str(exc.value)
    # a description of pain alone: the areas are where it is
    assert kb.parse_location("my neck hurts").region_ids == ("neck",)


def test_an_area_named_for_its_weakness_is_not_numb(kb: KnowledgeBase) -> None:
    r = kb.read("my legs feel weak and my feet are numb")
    assert [(a.id, a.role) for a in r.areas] == [("lower_limb", "weak"), ("foot", "numb")]
    assert kb.parse_location("numb toes and weak ankles").region_ids == ("foot.toes",)
    assert kb.parse_location("my legs are weak and numb").region_ids == ("lower_limb",)


def test_a_signs_subject_is_not_numb_unless_it_is_the_only_area(kb: KnowledgeBase) -> None:
    assert kb.parse_location("numb foot and my ankle keeps giving way").region_ids == ("foot",)
    loc = kb.parse_location("my foot has gone cold and pale and it is numb")
    assert loc.region_ids == ("foot",)


def test_damerau_levenshtein() -> None:
    assert damerau_levenshtein("fingres", "fingers") == 1
    assert damerau_levenshtein("numbnes", "numbness") == 1
    assert damerau_levenshtein("hand", "hand") == 0
    assert damerau_levenshtein("abc", "") == 3
    assert damerau_levenshtein("ankel", "ankle") == 1


def test_unknown_words_are_ignored_and_nothing_usable_raises(kb: KnowledgeBase) -> None:
    loc = kb.parse_location("numb toes when I wear steel toecap boots")
    assert loc.region_ids == ("foot.toes",) and "boots" in loc.ignored
    with pytest.raises(LocationError) as exc:
        kb.parse_location("my thummmmb is numb")
    assert "thummmmb" in exc.value.unknown and "thumb" in exc.value.suggestions["thummmmb"]
    with pytest.raises(LocationError) as exc:
        kb.parse_location("numb leg from a slipped disc in my lower back".replace("numb leg ", ""))
    assert "where the cause is" in str(exc.value)


def test_flags_are_raised_when_no_area_can_be_read(kb: KnowledgeBase) -> None:
    with pytest.raises(LocationError) as exc:
        kb.select("I keep wetting myself")
    assert [f.id for f in exc.value.red_flags] == ["cauda_equina"]


def test_the_reading_travels_with_the_location_and_round_trips(kb: KnowledgeBase) -> None:
    s = kb.select("numb feet since I started chemo, worse at night", side="left")
    assert s.location.reading is not None and s.location.reading.cause == "chemotherapy"
    assert Reading.from_json(s.location.reading.to_json()) == s.location.reading
    assert type(s).model_validate_json(s.model_dump_json()) == s
    assert kb.location(["hand"]).reading is None


def test_text_yaml_problems_are_data_errors(data_copy: Path) -> None:
    data = data_copy
    text = (data / "text.yaml").read_text("utf-8")
    (data / "text.yaml").write_text(text.replace("flag: night_pain", "flag: night_pains"))
    with pytest.raises(DataError) as exc:
        acupoints.load(data)
    assert any("night_pains" in str(p) and "text.yaml" in str(p) for p in exc.value.problems)
    (data / "text.yaml").write_text(text.replace("window: 8", "window: 0", 1))
    with pytest.raises(DataError) as exc:
        acupoints.load(data)
    assert "text.yaml" in str(exc.value) and "window" in str(exc.value)


def test_import_acupoints_does_not_load_the_reader() -> None:
    code = "import sys, acupoints; print('acupoints.text.reader' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


# ------------------------------------------------------------------ properties

SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
CORPUS = Path(__file__).parent / "corpus" / "readings.yaml"
BASES = [e["t"] for e in read_yaml(CORPUS)["sentences"]]
UNRELATED = [
    ". My dog is called Rex.",
    ", I live in Leeds",
    ". I work in an office.",
    "; the weather has been awful",
    ". Thanks in advance!",
    ", I play golf on Sundays",
]
WORDS = [
    "numb", "no", "not", "my", "mum", "hand", "feet", "fever", "bladder", "cancer", "had",
    "but", "fine", "since", "chemo", "disc", "in", "neck", "when", "lean", "on", "elbow",
    ",", ".", "?", "cant", "feel", "toes", "black", "sudden", "face", "left", "both", "fingres",
]  # fmt: skip


def _read(kb: KnowledgeBase, text: str) -> tuple[set[str], set[str]]:
    try:
        s = kb.select(text)
    except LocationError as exc:
        return set(), {f.id for f in exc.red_flags}
    return set(s.location.region_ids), {f.id for f in s.red_flags}


@SETTINGS
@given(base=st.sampled_from(BASES), extra=st.lists(st.sampled_from(UNRELATED), max_size=3))
def test_an_unrelated_clause_never_removes_a_flag_or_a_numb_area(
    kb: KnowledgeBase, base: str, extra: list[str]
) -> None:
    areas, flags = _read(kb, base)
    more_areas, more_flags = _read(kb, base + "".join(extra))
    assert areas <= more_areas and flags <= more_flags


@SETTINGS
@given(
    text=st.one_of(
        st.text(max_size=120), st.lists(st.sampled_from(WORDS), max_size=16).map(" ".join)
    )
)
def test_any_text_gives_a_reading_or_a_library_error_and_the_same_one_twice(
    kb: KnowledgeBase, text: str
) -> None:
    first = kb.read(text)
    assert isinstance(first, Reading) and kb.read(text) == first
    try:
        s = kb.select(text)
    except AcupointsError:
        return
    assert s.location.regions and kb.select(text) == s


def test_a_data_directory_without_text_yaml_reads_with_the_packaged_language(
    data_copy: Path,
) -> None:
    """Negations, spellings and the time course are the language's, not the data's: a
    directory without text.yaml still reads "no fever" as denied."""
    data = data_copy
    (data / "text.yaml").unlink()
    safety = yaml.safe_load((data / "safety.yaml").read_text("utf-8"))
    safety["red_flags"] = [
        f for f in safety["red_flags"] if f.get("triggers") or f.get("regions") or f.get("fields")
    ]
    text = (data / "safety.yaml").read_text("utf-8").splitlines()[0]
    (data / "safety.yaml").write_text(text + "\n" + yaml.safe_dump(safety, sort_keys=False))
    kb = acupoints.load(data)
    s = kb.select("numb feet since I started chemo, no fever")
    assert s.red_flags == () and s.cause == "chemotherapy"
    assert ("me", "my") in kb.read("pins n needles in me feet").corrected


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a phrase that holds its own 'not' is the finding, not a denial of it
        ("the wound on my heel is not healing", "foot_wound"),
        ("the cut on my toe isnt healing", "foot_wound"),
        ("the sores on my feet are not healing", "foot_wound"),
        ("a cut on my foot has not healed", "foot_wound"),
        ("numb feet and ive not passed urine all day", "cauda_equina"),
        ("numb feet and no urge to pee", "cauda_equina"),
        ("numb feet and I lost a stone without trying", "systemic_illness"),
    ],
)
def test_a_finding_that_holds_its_own_not_is_raised(text: str, flag: str) -> None:
    kb = acupoints.load()
    try:
        raised = {f.id for f in kb.select(text).red_flags}
    except acupoints.LocationError as exc:
        raised = {f.id for f in exc.red_flags}
    assert flag in raised, (text, raised)


def test_a_denied_wound_is_still_denied() -> None:
    kb = acupoints.load()
    for text in ("numb toes, no sores and nothing that is not healing", "numb feet, no wounds"):
        assert not kb.select(text).red_flags, text


def test_an_injury_away_from_the_numb_area_is_not_its_cause() -> None:
    kb = acupoints.load()
    s = kb.select("numbnes in my fingres after a knee replacement")
    assert s.cause is None
    assert any("away from the numb area" in n and "knee" in n for n in s.notes), s.notes
    # on the same part of the body it is the cause (a hip replacement and numb toes: the leg)
    for text in (
        "numb toes after a hip replacement",
        "numb outer shin after my knee replacement",
        "numb hand since I fell on my wrist",
        "numb foot after a fall",  # no place given: taken as it is
    ):
        assert kb.select(text).cause == "injury", text
    # a root compression sits away from the numb limb by nature, and keeps its cause
    assert kb.select("numb leg from a slipped disc in my lower back").cause == "lumbar_root"
    # an explicit cause wins
    assert kb.select("numb fingers after a knee replacement", cause="injury").cause == "injury"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcz09 'sA-.,&’İ", max_size=30))
def test_the_plain_phrase_shortcut_tokenises_as_the_full_tokeniser(text: str) -> None:
    from acupoints.text.compiled import normalise, normalise_spans

    assert normalise(text) == normalise_spans(text)[0]


# ------------------------------------------------------------------ facts about the person
def test_pregnancy_written_in_the_text_is_checked(kb: acupoints.KnowledgeBase) -> None:
    """'I'm pregnant' in the text applies the pregnancy exclusions as patient= does: LI4,
    first for numb hands, is left out, with the condition named."""
    plain = kb.select("numb hands")
    assert "LI4" in plain.codes
    said = kb.select("numb hands, I'm pregnant")
    assert "LI4" not in said.codes
    assert any(e.code == "LI4" and "pregnant" in e.conditions for e in said.excluded)
    assert said.codes == kb.select("numb hands", patient=acupoints.Patient(pregnant=True)).codes
    assert any("Read from the text about the person: pregnancy" in n for n in said.notes)
    assert not any(n.startswith("No patient was given") for n in said.notes)
    assert any(n.startswith("Only what the text says about the person") for n in said.notes)


def test_the_week_of_pregnancy_is_read_and_a_duration_is_not(kb: acupoints.KnowledgeBase) -> None:
    at_30 = acupoints.Patient(pregnant=True, pregnancy_week=30)
    s = kb.select("numb outer thigh, 30 weeks pregnant")
    assert s.codes == kb.select("numb outer thigh", patient=at_30).codes
    assert any("week 30" in n for n in s.notes)
    s = kb.select("numb outer thigh for 3 weeks, pregnant")
    assert not any("week 3" in n for n in s.notes)
    assert s.codes == kb.select("numb outer thigh", patient=acupoints.Patient(pregnant=True)).codes


@pytest.mark.parametrize(
    ("text", "week"),
    [
        ("numbnes down the outside of my rigth thigh, I'm 30 weeks pregant", 30),
        ("numb outer thigh, 12 wks pregnnat", 12),
        ("numb outer thigh, pregant at 22 weeks", 22),
    ],
)
def test_the_week_is_read_when_pregnant_is_misspelt(
    kb: acupoints.KnowledgeBase, text: str, week: int
) -> None:
    """The week is found in the text as the reader spelled it: a misspelt "pregnant"
    was read as a pregnancy but lost its week (every trimester rule then applied as for
    an unknown week)."""
    s = kb.select(text)
    assert any(f"week {week}" in n for n in s.notes), s.notes
    at = acupoints.Patient(pregnant=True, pregnancy_week=week)
    assert s.codes == kb.select(text, patient=at).codes


@pytest.mark.parametrize(
    "text",
    [
        "numb hands, I'm not pregnant",
        "numb hands, my sister is pregnant",
        "numb hands, no blood thinners",
        "numb hands, denies anticoagulants",
        "numb hands, my dad has a pacemaker",
    ],
)
def test_a_denied_or_someone_elses_fact_changes_nothing(
    kb: acupoints.KnowledgeBase, text: str
) -> None:
    s = kb.select(text)
    assert s.codes == kb.select("numb hands").codes
    assert any(n.startswith("No patient was given") for n in s.notes)


def test_a_possible_pregnancy_counts(kb: acupoints.KnowledgeBase) -> None:
    """'I might be pregnant' is treated as pregnant: the safer answer."""
    assert "LI4" not in kb.select("numb hands, I might be pregnant").codes


def test_the_text_adds_to_the_patient_given(kb: acupoints.KnowledgeBase) -> None:
    """A fact the text states is set on the patient given as well, with a note; a fact
    the patient already has adds nothing."""
    given = acupoints.Patient(anticoagulants=True)
    s = kb.select("numb hands, 20 weeks pregnant", patient=given)
    both = acupoints.Patient(anticoagulants=True, pregnant=True, pregnancy_week=20)
    assert s.codes == kb.select("numb hands", patient=both).codes
    assert any(n.startswith("The text also says: pregnancy") for n in s.notes)
    s = kb.select("numb hands, on warfarin", patient=given)
    assert not any("The text also says" in n for n in s.notes)


def test_a_person_concept_with_an_unknown_condition_is_a_data_error(data_copy: Path) -> None:
    data = data_copy
    text = (data / "text.yaml").read_text("utf-8")
    text = text.replace("    condition: pacemaker\n", "    condition: spaceship\n", 1)
    (data / "text.yaml").write_text(text, "utf-8")
    with pytest.raises(acupoints.DataError) as err:
        acupoints.load(data)
    assert "implanted_device" in str(err.value) and "condition" in str(err.value)


def test_body_words_written_as_one_are_split_only_where_they_name_a_body_part(
    kb: KnowledgeBase,
) -> None:
    # a region's words side by side, or a side and a body word
    r = kb.read("numb righttoe and a numb littlefinger")
    assert ("righttoe", "right toe") in r.corrected
    assert ("littlefinger", "little finger") in r.corrected
    assert kb.parse_location("my ringfinger is numb").region_ids == ("hand.ring_finger",)
    # "foot ball" and "hand bag" are no region's words: the words stay whole
    assert kb.read("numb toes after football with my handbag").corrected == ()
    assert kb.parse_location("numb toes after football").region_ids == ("foot.toes",)


def test_accented_letters_are_read_as_plain_ones_and_shown_as_written(kb: KnowledgeBase) -> None:
    r = kb.read("numb feet for three days, Guillain–Barré, and Sjögren’s")
    assert "autoimmune" in [c.id for c in r.causes]
    assert [f.id for f in r.flags] == ["ascending_weakness"]
    # the words found are shown in the writer's own spelling
    assert any("Sjögren" in c.words for c in r.causes)


def test_so_as_an_intensifier_ends_no_clause(kb: KnowledgeBase) -> None:
    # the two parts of a same-clause concept across "so much" / "so many"
    assert "systemic_illness" in {
        f.id for f in kb.read("numb legs, I've lost so much weight").flags
    }
    assert "systemic_illness" in {f.id for f in kb.read("numb toes, down so many kilos").flags}
    # "so" the conjunction still ends one: the weight is not lost
    assert kb.read("numb legs, I lost my job so my weight went up").flags == ()


def test_retention_is_not_read_as_a_denial_but_a_denial_still_is(kb: KnowledgeBase) -> None:
    assert "cauda_equina" in {
        f.id for f in kb.read("numb legs, haven't had a wee since lunch").flags
    }
    assert "cauda_equina" in {
        f.id for f in kb.read("numb bum and I wet my pants without realising").flags
    }
    for denied in ("numb legs, not been incontinent", "numb legs, not had any bladder trouble"):
        assert all(f.context == ("negated",) for f in kb.read(denied).flags), denied


def test_a_limb_in_a_posture_is_not_numb(kb: KnowledgeBase) -> None:
    r = kb.read("tingling hand when I sleep with my arm under my head")
    assert [(a.id, a.role) for a in r.areas] == [
        ("hand", "numb"),
        ("upper_limb", "trigger"),
        ("head", "trigger"),
    ]
    r = kb.read("numb thigh from the strap on my hip")
    assert [(a.id, a.role) for a in r.areas] == [("thigh", "numb"), ("hip", "trigger")]


# ------------------------------------------------------------------ after held-out set 5
def test_clinical_shorthand_of_a_duration_needs_its_lead_word(kb: KnowledgeBase) -> None:
    """The shorthand "x 3/52" is three weeks, "for 2/12" two months, "4/7 ago" four
    days; a fraction with no such word beside it is no duration."""
    assert "duration:weeks" in {f.id for f in kb.read("tingling R hand x 3/52").course}
    assert "duration:months" in {f.id for f in kb.read("numb left foot for 2/12").course}
    assert "duration:days" in {f.id for f in kb.read("numb toes began 4/7 ago").course}
    plain = {f.id for f in kb.read("numb hand, scored 3/52 on the quiz").course}
    assert not any(i.startswith("duration:") for i in plain)
    # the larger number is the year's parts: "52/3" is not a duration
    assert not any(f.id.startswith("duration:") for f in kb.read("numb hand x 52/3").course)


def test_a_word_spelt_with_x_for_cks() -> None:
    from acupoints.text.compiled import tables
    from acupoints.text.spelling import best

    t = tables(acupoints.load())
    assert best(t, "buttox") == "buttocks"
    assert best(t, "relax") is None  # no body word "relacks"


def test_a_three_word_list_is_one_clause(kb: KnowledgeBase) -> None:
    """The commas of a list at the end of a clause ("hot, red and swollen") do not end
    it; a comma before a new clause still does."""
    from acupoints.text.compiled import normalise, tables
    from acupoints.text.context import clauses

    t = tables(kb)
    toks = normalise("my foot is hot, red and swollen")
    c = clauses(t, toks)
    assert c[toks.index("hot")] == c[toks.index("swollen")]
    toks = normalise("numb feet, my knee is hot and my ankle swollen")
    c = clauses(t, toks)
    assert c[toks.index("feet")] != c[toks.index("hot")]
    flags = {f.id: f.urgency for f in kb.select("numb toes, heel hot, red and swollen").red_flags}
    assert flags.get("foot_wound") == "emergency"
    # hot here and swollen in another sentence: no emergency
    apart = kb.select("numb toes. I feel hot. My ankle is a bit swollen").red_flags
    assert "emergency" not in {f.urgency for f in apart}


def test_a_comma_before_an_adverb_or_a_symptom_opens_a_clause(kb: KnowledgeBase) -> None:
    """A question after a comma and "surely" asks about its own words, not the numb area
    before it; "denies fever, paraesthesia of the foot" denies the fever only."""
    assert kb.select("numb knee, surely it isn't gout?").location.region_ids == ("knee",)
    s = kb.select("denies weakness, paresthesia left shin")
    assert s.location.region_ids == ("leg",) and s.location.side == "left"
    # after other words a comma still continues a list under the denial
    r = kb.read("numb feet, no fever, chills or weight loss")
    assert all("negated" in f.context for f in r.flags)


def test_an_operation_on_the_spine_can_cause_the_limb_it_serves(kb: KnowledgeBase) -> None:
    assert kb.select("numb shin since my lower back operation").cause == "injury"
    assert kb.select("tingly forearm since the surgery on my neck").cause == "injury"
    # the neck's roots serve the arm, not the leg: an operation there stays elsewhere
    assert kb.select("numb calf since the operation on my neck").cause is None
    # and a limb's operation is still elsewhere for the other limb
    assert kb.select("numb hand since my knee replacement").cause is None


def test_a_hereditary_cause_may_be_named_through_a_relative(kb: KnowledgeBase) -> None:
    assert kb.select("numb feet, my sister has CMT as well").cause == "hereditary"
    # another cause of a relative's stays theirs
    assert kb.select("numb feet, my sister has diabetes").cause is None
    assert kb.select("numb hands, my uncle had lupus").cause is None


def test_digits_named_by_number() -> None:
    from acupoints.text.spelling import digits

    assert digits(["fifth", "digit", "of", "hand"], 0) == (2, ["little", "finger"])
    assert digits(["digits", "1", "3", "of", "left", "foot"], 0) == (
        3,
        ["big", "toe", "and", "second", "toe", "and", "third", "toe"],
    )
    assert digits(["digits", "4", "and", "5"], 0) == (
        4,
        ["ring", "finger", "and", "little", "finger"],
    )
    assert digits(["digit", "7"], 0) is None  # no seventh finger
    assert digits(["second", "opinion"], 0) is None  # an ordinal alone names no digit


def test_the_reader_remembers_readings_not_their_analysis(kb: acupoints.KnowledgeBase) -> None:
    """A text parsed once is read from the memo: the same Reading as its Location's, and
    the memo holds Readings only (not the prepared text and the grammar's scan)."""
    from acupoints.models import Reading
    from acupoints.text import reader

    kb.clear_caches()
    text = "numb back of my left hand since my neck op"
    loc = kb.parse_location(text)
    assert reader.read(kb, text) is loc.reading
    memo = reader._MEMO[kb]
    assert list(memo) == [text] and all(type(r) is Reading for r in memo.values())
    kb.clear_caches()
    assert reader.read(kb, text) == loc.reading  # read afresh after the memo is dropped


def test_a_roles_cue_words_are_read_as_written(kb: KnowledgeBase) -> None:
    """The words of the roles' cues in data/text.yaml are known words, never corrected to
    a near word of another list ("clutches", a cue of the chest's pain, was once read
    "clutched", a flag word); every single-word cue is checked. A plural of a word of the
    reader's own is still read as that word ("the nerves at my elbow": "nerve at")."""
    from acupoints.loading import packaged_data_dir

    data = read_yaml(packaged_data_dir() / "text.yaml")
    cues = {
        term
        for role in data["roles"]
        for term in (*role.get("before", ()), *role.get("after", ()))
        if term.isalpha() and not term.endswith("s")
    }
    assert len(cues) > 100
    for word in sorted(cues):
        corrected = dict(kb.read(f"numb hand {word}").corrected)
        assert word not in corrected, (word, corrected[word])
    assert "clutches" not in dict(kb.read("he clutches his chest and his jaw is numb").corrected)
    assert kb.read("the nerves at my elbow are pinched and my fingers tingle").cause == (
        "cubital_tunnel"
    )
