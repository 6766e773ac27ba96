"""Issue 17, pinned: every finding of the safety review has a test here that fails on the
code and data before the fix (never-needled points offered, cautions missing at risky
points, depths deeper than every other source, pregnancy exclusions by region tree
only, patients who should not be needled now, missing aftercare and deep nerves,
unvalidated safety input). The exhaustive enumeration over regions, causes and patients
is in test_safety.py; the danger-zone and depth invariants over every point are here.
"""

from __future__ import annotations

import json

import pydantic
import pytest

import acupoints
from acupoints import KnowledgeBase, Patient, PatientError
from acupoints.cli import main as cli_main
from acupoints.export import point_rows
from acupoints.models import Caution
from acupoints.safety import effect_matches, patient_effects

EFFECTS = {"not_a_candidate", "refer_first", "exclude", "caution", "protocol"}


# ------------------------------------------------------------------ never needled
def test_the_nipple_and_the_navel_are_never_needled(kb: KnowledgeBase) -> None:
    assert kb["ST17"].never_needled and kb["CV8"].never_needled
    s = kb.select("numbness around my nipple", limit=len(kb))
    assert "ST17" not in s.codes
    assert next(e for e in s.excluded if e.code == "ST17").conditions == ("not_needled",)
    s = kb.select("numb skin around my belly button", limit=len(kb))
    assert "CV8" not in s.codes


def test_every_never_needled_point_is_left_out_of_its_own_region(kb: KnowledgeBase) -> None:
    """Over every point: a point is never needled exactly when a source records angle
    `none`; each one says why, and selecting its own region lists it as excluded."""
    never = [p for p in kb.points if p.never_needled]
    assert {p.code for p in never} >= {"ST17", "CV8"}
    for p in kb.points:
        assert p.never_needled == any(n.angle == "none" for n in p.needling), p.code
    for p in never:
        record = next(n for n in p.needling if n.angle == "none")
        assert record.note and record.sources, p.code
        s = kb.select(kb.location([p.location.region]), limit=len(kb))
        assert p.code not in s.codes
        ex = next(e for e in s.excluded if e.code == p.code)
        assert ex.sources == record.sources and record.note in ex.reasons[0]


# ------------------------------------------------------------------ cautions
@pytest.mark.parametrize(
    ("code", "structure", "words"),
    [
        ("BL10", "medulla", "medulla"),
        ("EX-B2", "lung", "pneumothorax"),
        ("EX-B2", "spinal_cord", "spinal canal"),
        ("CV17", "heart", "sternal foramen"),
        ("CV22", "trachea", "trachea"),
        ("CV22", "artery", "aortic arch"),
        ("GB20", "artery", "vertebral artery"),
        ("KI22", "heart", "heart"),
        ("EX-HN7", "nerve", "optic nerve"),
        ("ST30", "artery", "femoral artery"),
        ("LR3", "artery", "dorsalis pedis"),
    ],
)
def test_named_risky_points_caution_for_their_structure(
    kb: KnowledgeBase, code: str, structure: str, words: str
) -> None:
    found = [c for c in kb[code].cautions if c.structure == structure and words in c.note]
    assert found, f"{code} has no {structure} caution naming {words!r}"
    for c in found:
        for source in c.sources:
            kb.source(source)  # every source resolves


def test_every_point_in_a_danger_zone_cautions_for_its_structure(kb: KnowledgeBase) -> None:
    """Data integrity over every point and every zone of safety.yaml (chest wall and upper
    back, supraclavicular fossa, large vessels, orbit, suboccipital region, spinal canal)."""
    zones = {z.id: z for z in kb.danger_zones}
    assert set(zones) >= {
        "chest_wall_upper_back",
        "supraclavicular_fossa",
        "large_vessels",
        "orbit",
        "suboccipital",
        "spinal_canal",
    }
    bad = []
    for z in zones.values():
        inside = [p for p in kb.points if z.holds(kb, p) and not p.never_needled]
        assert inside, f"zone {z.id} holds no point"
        bad += [
            f"{z.id}: {p.code} has no caution for {' or '.join(z.structures)}"
            for p in inside
            if not any(c.structure in z.structures for c in p.cautions)
        ]
    assert not bad, "add a sourced caution to each:\n" + "\n".join(bad)
    assert zones["chest_wall_upper_back"].holds(kb, kb["EX-B3"])
    # outside the chest and upper-back regions, yet over the lung (Deadman's cautions)
    assert all(zones["chest_wall_upper_back"].holds(kb, kb[c]) for c in ("GB21", "LI16", "HT1"))
    assert zones["large_vessels"].holds(kb, kb["ST30"])


# Structure cautions that still rest on one source: no second public source stating the
# same risk at the same point was found in the audit (issue 17). Each entry is (point,
# structure, words of its note); the list may only shrink (LR3 came back once, when its
# location-only second source was found not to state the risk). When a second source is
# added, the test below fails until the entry is removed here. The third pass took LR3
# (maruton_lr3), CV11 (maruton_cv11) and CV14's upward needle (roni_points) off the list;
# see test_second_sources_found_in_the_third_pass.
ONE_SOURCE_STRUCTURE_CAUTIONS = {
    # deadman only; the 1988 textbook, cam1999 and OpenTCM/TCM Window list the cephalic vein
    # without a warning; Chinese point pages warn of periosteum and nerve, not the vein (and
    # cndzys.com of the radial artery); Japanese point pages list the cephalic vein or the
    # radial artery without a warning; a Korean ultrasound pilot study of the five transport
    # points (krdis.com, abstract only) lists LI5 among points needing careful insertion but
    # does not name the structure; no LI5 post of the maruton blog was found
    ("LI5", "vein", "cephalic vein"),
    # iaomai only; the Deadman transcription has no needling record for KI15; Chinese point
    # pages and the 1988 textbook give its depth without a warning; the English point pages
    # that warn (Woodley, American Dragon) repeat Deadman's sentence, which iaomai follows;
    # Focks's KID-15 page was not found (its KID-12 page names the peritoneum); OpenTCM's
    # KI15 page is not in the corpus (its KI16 and KI18 pages name the viscera beneath); the
    # chinese-medical-database, acupuncturenepal and Japanese point pages give no warning
    ("KI15", "peritoneum", "peritoneal cavity"),
    # iaomai only; Deadman, the 1988 textbook and Focks's atlas name the liver and heart, not
    # the lung, and TCM Window's layer-by-layer path at CV14 reaches the peritoneum and liver
    # (the note says so); no pneumothorax case report at a xiphoid-area point was found
    ("CV14", "lung", "lung"),
    # iaomai only; Deadman, the 1988 textbook and Focks's atlas name the liver and heart, not
    # the lung (the note says so); OpenTCM's CV15 page traces the needle to the peritoneum and
    # the left lobe of the liver; a Japanese licensing-exam explanation (hari-study.com,
    # question 117) says CV15, 1 cun below the sternal body, carries no risk to the lung:
    # evidence against this caution, kept for now as the conservative reading
    ("CV15", "lung", "lung"),
}


# Second sources recorded in the third pass of the audit: each caution keeps both.
@pytest.mark.parametrize(
    ("code", "structure", "words", "sources"),
    [
        ("LR3", "artery", "dorsalis pedis", {"who2008", "maruton_lr3"}),
        ("CV11", "peritoneum", "peritoneal cavity", {"iaomai", "maruton_cv11"}),
        ("CV14", "heart", "upward", {"deadman", "roni_points"}),
    ],
)
def test_second_sources_found_in_the_third_pass(
    kb: KnowledgeBase, code: str, structure: str, words: str, sources: set[str]
) -> None:
    found = [
        c
        for c in kb[code].cautions
        if c.kind == "structure" and c.structure == structure and words in c.note
    ]
    assert len(found) == 1, f"{code} {structure} {words!r}: {len(found)} cautions match"
    assert sources <= set(found[0].sources), (code, found[0].sources)
    for source in sources:
        kb.source(source)


def _structure_cautions(kb: KnowledgeBase) -> list[tuple[str, Caution]]:
    return [(p.code, c) for p in kb.points for c in p.cautions if c.kind == "structure"]


def test_every_structure_caution_has_two_sources(kb: KnowledgeBase) -> None:
    """Issue 17: every caution for a structure at risk rests on at least two sources,
    except the listed ones, for which no second source has been found yet."""
    bad = []
    for code, c in _structure_cautions(kb):
        if len(set(c.sources)) >= 2:
            continue
        listed = [
            k
            for k in ONE_SOURCE_STRUCTURE_CAUTIONS
            if k[0] == code and k[1] == c.structure and k[2] in c.note
        ]
        if not listed:
            bad.append(f"{code} {c.structure}: {c.sources} ({c.note})")
    assert not bad, "find a second source for each:\n" + "\n".join(bad)


def test_the_one_source_list_only_shrinks(kb: KnowledgeBase) -> None:
    """Each listed caution exists and still has exactly one source: once a second source
    is added, remove the entry; the list is never a place to park new cautions."""
    assert len(ONE_SOURCE_STRUCTURE_CAUTIONS) <= 4
    for code, structure, words in sorted(ONE_SOURCE_STRUCTURE_CAUTIONS):
        found = [
            c
            for c in kb[code].cautions
            if c.kind == "structure" and c.structure == structure and words in c.note
        ]
        assert len(found) == 1, f"{code} {structure} {words!r}: {len(found)} cautions match"
        assert len(set(found[0].sources)) == 1, (
            f"{code} {structure} now has {found[0].sources}: remove it from the list"
        )


# ------------------------------------------------------------------ depths
@pytest.mark.parametrize(
    ("code", "depth", "limit"),
    [
        ("GB20", 3.0, 0.5),
        ("KI27", 2.0, 1.0),
        ("CV14", 1.5, 0.8),
        ("CV4", 1.5, 1.0),
        ("EX-HN7", 1.5, 1.2),
        ("GV15", 1.0, 0.8),
        ("LU9", 0.5, 0.3),
    ],
)
def test_outlying_depths_are_explained_and_never_shown(
    kb: KnowledgeBase, code: str, depth: float, limit: float
) -> None:
    p = kb[code]
    deep = [n for n in p.needling if n.depth_cun and n.depth_cun[1] == depth]
    assert deep and all(n.note for n in deep), f"{code}: the {depth} cun record needs a note"
    assert p.depth_limit_cun == limit
    row = next(r for r in point_rows(kb) if r["code"] == code)
    assert row["depth_max_cun"] == limit


def test_angles_and_minimum_outside_the_standard_carry_a_note(kb: KnowledgeBase) -> None:
    assert all(n.note for n in kb["CV15"].needling if n.angle == "perpendicular")
    assert all(n.note for n in kb["EX-HN4"].needling if n.angle == "perpendicular")
    # ST7: TARA's '0.1' minimum was a slip; the book's own line gives 0.3, and the record
    # that corrects it says so
    st7 = [n.depth_cun[0] for n in kb["ST7"].needling if n.depth_cun]
    assert min(st7) == 0.3, st7
    assert all(n.note for n in kb["ST7"].needling if "cam1999" in n.sources)


def test_the_depth_shown_is_never_deeper_than_the_most_conservative_source(
    kb: KnowledgeBase,
) -> None:
    """Over every point: the depth the library shows (the export's `depth_max_cun`,
    `Point.depth_limit_cun`) is the smallest maximum of its sources and safe depths; at a
    point with a structure caution, a record that goes more than twice as deep (along the
    needle, not under the skin: transverse records excluded) says why in a note."""
    rows = {r["code"]: r for r in point_rows(kb)}
    bad = []
    for p in kb.points:
        maxima = [n.depth_cun[1] for n in p.needling if n.depth_cun]
        maxima += [c.max_depth_cun for c in p.cautions if c.max_depth_cun]
        limit = min(maxima) if maxima else None
        assert p.depth_limit_cun == limit == rows[p.code]["depth_max_cun"], p.code
        if limit is None or not any(c.kind == "structure" for c in p.cautions):
            continue
        bad += [
            f"{p.code} {n.angle} {n.depth_cun} {list(n.sources)} (shown: {limit})"
            for n in p.needling
            if n.depth_cun and n.angle != "transverse" and n.depth_cun[1] > 2 * limit
            if not n.note
        ]
    assert not bad, "explain or correct these depths in a needling note:\n" + "\n".join(bad)


# ------------------------------------------------------------------ pregnancy by anatomy
def test_st30_and_bl35_are_not_offered_in_pregnancy(kb: KnowledgeBase) -> None:
    for week in (None, 4, 20, 38):
        p = Patient(pregnant=True, pregnancy_week=week)
        assert "ST30" not in kb.select("numb groin", patient=p, limit=len(kb)).codes
        assert "BL35" not in kb.select("numb buttock", patient=p, limit=len(kb)).codes


def test_pregnancy_excludes_by_anatomy_for_every_point_and_every_week(kb: KnowledgeBase) -> None:
    """Every point x every week 1-42 (and an unknown week): points of the lower abdomen,
    the groin, the lumbosacral region and the sacrococcygeal points are always excluded;
    the upper abdomen from week 13; each by the effect of safety.yaml, checked against the
    region tree here."""
    within = kb.anatomy.within
    always = {"abdomen.lower", "groin", "back.lumbar", "back.sacral"}
    for week in [None, *range(1, 43)]:
        patient = Patient(pregnant=True, pregnancy_week=week)
        effects = [e for c, e in patient_effects(kb, patient) if e.action == "exclude"]
        for p in kb.points:
            excluded = any(effect_matches(kb, e, p, patient, "both") for e in effects)
            must = any(within(p.region, r) for r in always) or p.code in {"BL35", "GV1"}
            must |= (week is None or week >= 13) and within(p.region, "abdomen.upper")
            assert not must or excluded, (p.code, week)
    assert not set(kb.points_in("abdomen.upper")) <= set()  # the region holds points


# ------------------------------------------------------------------ the patient model
def test_a_fever_gets_no_points_and_the_reason_first(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    s = kb.select("numb back of my hand", patient=Patient(fever=True))
    assert s.points == ()
    assert s.not_a_candidate[0].condition == "fever" and s.not_a_candidate[0].sources
    assert s.notes[0].startswith("Not a candidate")
    assert str(s).lstrip().startswith("!!!") and "NOT A CANDIDATE" in str(s).split("\n")[1]
    d = s.to_dict()
    assert list(d)[:4] == ["disclaimer", "emergency", "red_flags", "not_a_candidate"]
    assert d["not_a_candidate"][0]["condition"] == "fever"
    assert cli_main(["select", "numb back of my hand", "--fever"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("!!!") and "NOT A CANDIDATE" in out.split("\n")[1]
    assert cli_main(["select", "numb back of my hand", "--fever", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["not_a_candidate"][0]["condition"] == "fever"


@pytest.mark.parametrize(
    ("field", "value", "action"),
    [
        ("fever", True, "not_a_candidate"),
        ("acute_illness", True, "not_a_candidate"),
        ("cannot_consent", True, "not_a_candidate"),
        ("unstable_spine", True, "refer_first"),
        ("bleeding_disorder", True, "refer_first"),
        ("low_platelets", True, "refer_first"),
        ("tumour_sites", ("hand.dorsum",), "exclude"),
        ("joint_prostheses", ("knee",), "exclude"),
    ],
)
def test_each_new_condition_has_a_sourced_effect(
    kb: KnowledgeBase, field: str, value: object, action: str
) -> None:
    cond = next(c for c in kb.safety_conditions if c.id == field)
    assert {e.action for e in cond.effects} <= EFFECTS
    assert action in {e.action for e in cond.effects}
    assert all(e.sources for e in cond.effects)
    s = kb.select("numb back of my hand and knee", patient=Patient(**{field: value}))
    if action == "not_a_candidate":
        assert s.points == () and s.not_a_candidate[0].condition == field
    elif action == "refer_first":
        assert s.protocol[0].id == f"patient.{field}" and s.protocol[0].title.startswith("Refer")
        assert s.points
    else:
        region = value[0]  # type: ignore[index]
        assert not [p for p in s.points if kb.anatomy.within(p.point.region, region)]
        assert any(field in e.conditions for e in s.excluded)


def test_an_unstable_spine_leaves_out_the_points_of_the_back_and_neck(kb: KnowledgeBase) -> None:
    s = kb.select("numb upper back and neck", patient=Patient(unstable_spine=True), limit=50)
    assert s.points == () or not [p for p in s.points if kb.anatomy.within(p.point.region, "back")]
    assert {"GV14", "EX-B2"} <= {e.code for e in s.excluded}


def test_low_platelets_leave_out_the_points_over_large_vessels(kb: KnowledgeBase) -> None:
    s = kb.select("numb front of my wrist", patient=Patient(low_platelets=True), limit=len(kb))
    assert "LU9" not in s.codes and "LU9" in {e.code for e in s.excluded}


# ------------------------------------------------------------------ aftercare, nerves
def test_the_new_aftercare_items_have_sources(kb: KnowledgeBase) -> None:
    s = kb.select("numb upper back", limit=20)
    ids = {a.id for a in s.aftercare}
    assert {
        "drowsiness",
        "worse_before_better",
        "pneumothorax_delayed",
        "check_numb_skin",
        "gentle_first_session",
    } <= ids
    assert all(a.sources for a in s.aftercare)


def test_the_pneumothorax_warning_comes_with_chest_and_upper_back_points(
    kb: KnowledgeBase,
) -> None:
    back = kb.select("numb upper back")
    assert any(c.structure == "lung" for p in back.points for c in p.point.cautions)
    assert "pneumothorax_delayed" in {a.id for a in back.aftercare}
    toes = kb.select("numb toes")
    assert not any(c.structure == "lung" for p in toes.points for c in p.point.cautions)
    assert "pneumothorax_delayed" not in {a.id for a in toes.aftercare}


def test_deep_nerves_named_by_the_sources(kb: KnowledgeBase) -> None:
    assert "PC6" in {p.code for p in kb.points_innervated(nerve="median")}
    assert "BL39" in {p.code for p in kb.points_innervated(nerve="common_fibular")}


# ------------------------------------------------------------------ input validation
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--skin-lesion", "moon"], ["--skin-lesion", "moon", "did you mean"]),
        (["--skin-lesion", "back of hand"], ["--skin-lesion", "hand.dorsum"]),
        (["--week", "-3"], ["--week", "1 to 45"]),
        (["--tumour-site", "elbw"], ["--tumour-site", "elbow"]),
    ],
)
def test_safety_input_is_validated_on_the_command_line(
    capsys: pytest.CaptureFixture[str], args: list[str], words: list[str]
) -> None:
    assert cli_main(["select", "numb hand", *args]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for w in words:
        assert w in err, (w, err)


def test_a_bad_patient_field_is_a_library_error_not_pydantic() -> None:
    with pytest.raises(PatientError) as exc:
        Patient(pregnant=True, pregnancy_week=0)
    assert isinstance(exc.value, ValueError) and isinstance(exc.value, acupoints.AcupointsError)
    assert not isinstance(exc.value, pydantic.ValidationError)
    assert exc.value.field == "pregnancy_week"
    with pytest.raises(PatientError, match="fever"):
        Patient(fevr=True)  # type: ignore[call-arg]
    with pytest.raises(PatientError) as exc:
        Patient.model_validate({"pregnant": True, "pregnancy_week": -3})
    assert exc.value.field == "pregnancy_week"


@pytest.mark.parametrize(
    ("given", "field", "value"),
    [
        ({"pregnant": True, "pregnancy_week": 0}, "pregnancy_week", 0),
        ({"anticoagulants": "often"}, "anticoagulants", "often"),
        ({"skin_lesions": 5}, "skin_lesions", 5),
    ],
)
def test_a_bad_patient_field_keeps_the_value_given(given: dict, field: str, value: object) -> None:
    # a program reporting the error can show what was wrong without parsing the message
    with pytest.raises(PatientError) as exc:
        Patient(**given)
    assert (exc.value.field, exc.value.value) == (field, value)
    assert exc.value.detail and repr(value) not in exc.value.detail
    assert f"got {value!r}" in str(exc.value)


def test_a_region_the_data_does_not_know_is_an_error(kb: KnowledgeBase) -> None:
    with pytest.raises(PatientError) as exc:
        kb.select("numb hand", patient=Patient(skin_lesions=("moon",)))
    assert exc.value.field == "skin_lesions" and exc.value.suggestions


def test_not_a_candidate_opens_the_html_too(kb: KnowledgeBase) -> None:
    s = kb.select("numb back of my hand", patient=Patient(cannot_consent=True))
    html = s._repr_html_()
    assert html.index("NOT A CANDIDATE NOW") < html.index("asked")


# ------------------------------------------------ mutation survivors (docs/testing.md)
def test_a_selected_points_warnings_keep_every_field_of_its_cautions(kb: KnowledgeBase) -> None:
    """Every caution of every point reaches a selection's warnings whole: the depth limit
    above all (14 cautions give one, GV15 and GV16 among them), whose loss would show a
    needle depth with no limit. A mutant that dropped it survived the safety tests."""
    from acupoints.safety import PointWarning

    limited = 0
    for p in kb.points:
        for c in p.cautions:
            w = PointWarning.of(c)
            assert (w.origin, w.kind, w.structure, w.note, w.max_depth_cun, w.sources) == (
                "point",
                c.kind,
                c.structure,
                c.note,
                c.max_depth_cun,
                c.sources,
            ), p.code
            limited += c.max_depth_cun is not None
    assert limited >= 14
    sel = kb.select("numb back of my neck")
    shown = {(sp.code, w.max_depth_cun) for sp in sel.points for w in sp.cautions}
    own = {(sp.code, c.max_depth_cun) for sp in sel.points for c in kb[sp.code].cautions}
    assert own <= shown and any(depth for _, depth in own)


def test_a_patient_error_at_the_root_names_the_pregnancy_week() -> None:
    """A week given with ``pregnant=False`` fails the model as a whole; the error still
    names the field the caller should change."""
    with pytest.raises(PatientError) as exc:
        Patient(pregnancy_week=12, pregnant=False)
    assert exc.value.field == "pregnancy_week"
    with pytest.raises(PatientError) as exc:
        Patient(pregnancy_week=12)
    assert exc.value.field == "pregnancy_week"


def test_a_patient_read_from_a_dict_names_the_entry_and_the_field() -> None:
    with pytest.raises(acupoints.DataError) as exc:
        Patient.from_dict({"pregnant": True, "pregnancy_week": 0})
    assert (exc.value.entry, exc.value.field) == ("Patient", "pregnancy_week")
    assert "entry 'Patient'" in str(exc.value)


def test_a_patients_short_repr_names_the_conditions_set() -> None:
    assert repr(Patient()) == "<Patient with none of the conditions>"
    shown = repr(Patient(pregnant=True, pregnancy_week=20, pacemaker=True))
    assert shown == "<Patient pregnant=True pregnancy_week=20 pacemaker=True>"


def test_the_safety_memos_work_each_thing_out_once(kb: KnowledgeBase) -> None:
    """The per-data tables of safety.py are built once and shared after that: the codes an
    effect concerns, the red flags a text raises, the rules of a numb region, the
    never-needled exclusions and a point's own warnings. A memo that never hits gives the
    same answers, only slower: such mutants ran into the mutation run's timeout instead of
    failing a test, at a minute each."""
    from acupoints.safety import (
        _concerned,
        _region_flags,
        _text_hits,
        cautions_for,
        standing_exclusions,
    )

    effects = [e for c in kb.safety_conditions for e in c.effects]
    first = [_concerned(kb, e) for e in effects]
    assert all(a is _concerned(kb, e) for a, e in zip(first, effects, strict=True))
    assert any(first) and len(set(first)) > 1  # each effect its own codes
    text = "numb saddle area and I can't hold my bladder"
    assert _text_hits(kb, text) is _text_hits(kb, text) and _text_hits(kb, text)
    refs = kb.location(["hand.dorsum", "perineum"]).regions
    once, again = _region_flags(kb, refs), _region_flags(kb, refs)
    assert [r for r, _ in once] == ["hand.dorsum", "perineum"]
    assert all(a[1] is b[1] for a, b in zip(once, again, strict=True))
    assert standing_exclusions(kb) is standing_exclusions(kb) and standing_exclusions(kb)
    point = kb["GV15"]
    own = cautions_for(point, ())
    assert own and all(a is b for a, b in zip(own, cautions_for(point, ()), strict=True))


def test_a_patient_errors_parts_are_the_librarys_own_words() -> None:
    """The model's own check reads as this library wrote it (pydantic's "Value error, "
    prefix taken off), a nested field is named by its path, an unknown field gets the
    nearest field names."""
    with pytest.raises(PatientError) as exc:
        Patient(pregnancy_week=12)
    assert exc.value.detail == "pregnancy_week is given but pregnant is False"
    assert "alue error" not in str(exc.value)
    with pytest.raises(PatientError) as exc:
        Patient(lymphoedema=("left_arm", "left_wing"))  # type: ignore[arg-type]
    assert (exc.value.field, exc.value.value) == ("lymphoedema.1", "left_wing")
    assert str(exc.value).startswith("patient field 'lymphoedema.1': ")
    with pytest.raises(PatientError) as exc:
        Patient(pacemakr=True)  # type: ignore[call-arg]
    assert (exc.value.field, exc.value.suggestions) == ("pacemakr", ["pacemaker"])
    assert exc.value.value is None and exc.value.detail and "got" not in str(exc.value)
    # an unknown name written as a path is matched on its first part
    with pytest.raises(PatientError) as exc:
        Patient(**{"fevr.celsius_reading": 38})
    assert (exc.value.field, exc.value.suggestions) == ("fevr.celsius_reading", ["fever"])
    # model_validate gives the error __init__ raised (pydantic calls it), not a copy of it
    given = {"pregnant": True, "pregnancy_week": -3}
    with pytest.raises(PatientError) as direct:
        Patient(**given)
    with pytest.raises(PatientError) as exc:
        Patient.model_validate(given)
    assert (str(exc.value), exc.value.field, exc.value.value) == (
        str(direct.value),
        "pregnancy_week",
        -3,
    )
    # what is not a mapping at all is the patient's fault as a whole
    with pytest.raises(PatientError) as exc:
        Patient.model_validate(5)
    assert exc.value.field == "patient"


def test_an_effect_on_a_caution_kind_concerns_the_points_with_that_kind(kb: KnowledgeBase) -> None:
    """``point_cautions`` (no shipped entry uses it yet): an effect naming a caution kind
    concerns exactly the points with a caution of that kind, whatever their other
    cautions, through the memoised table and point by point alike."""
    from acupoints.safety import ConditionEffect, _concerns, effect_matcher

    effect = ConditionEffect(
        action="caution",
        point_cautions=("pregnancy",),
        note="A caution for points that carry a pregnancy caution.",
        sources=("who2008",),
    )
    matches = effect_matcher(kb, effect, Patient())
    expected = {p.code for p in kb.points if any(c.kind == "pregnancy" for c in p.cautions)}
    assert {p.code for p in kb.points if _concerns(kb, effect, p)} == expected
    assert {p.code for p in kb.points if matches(p, None)} == expected
    # some of them carry cautions of other kinds too, and points with only other kinds exist
    assert any(len({c.kind for c in kb[code].cautions}) > 1 for code in expected)
    assert any(p.cautions and p.code not in expected for p in kb.points)


def test_suggestions_for_a_patient_field_and_a_region_are_the_nearest_few(
    kb: KnowledgeBase,
) -> None:
    """An unknown Patient field gets its three nearest field names, an unknown region up
    to four region ids (from the eight nearest words)."""
    from acupoints.safety import check_regions

    with pytest.raises(PatientError) as exc:
        Patient(sudden_weakness=True)  # type: ignore[call-arg]
    assert exc.value.suggestions == ["ascending_weakness", "sudden_one_sided", "saddle_numbness"]
    with pytest.raises(PatientError) as exc:
        check_regions(kb, "skin_lesions", ["footx"])
    assert exc.value.suggestions == ["foot", "foot.toes", "foot.sole", "foot.heel"]


def test_a_numb_region_raises_its_red_flag_with_no_words(kb: KnowledgeBase) -> None:
    """A numb perineum raises the cauda equina flag from the region alone (no trigger
    word in a text), and says so; a numb hand raises nothing."""
    from acupoints.safety import detect_red_flags

    flags = detect_red_flags(kb, None, kb.location(["perineum"]), None)
    assert [(f.id, f.matched) for f in flags] == [("cauda_equina", ("numb region perineum",))]
    assert detect_red_flags(kb, None, kb.location(["hand.dorsum"]), None) == ()


def test_aftercare_for_structures_keeps_only_the_items_at_risk(kb: KnowledgeBase) -> None:
    """With every aftercare item naming a structure (the shipped data has one such item),
    a selection gets only the items for the structures its points caution for."""
    from acupoints.safety import aftercare_for

    items = tuple(a.model_copy(update={"structures": ("lung",)}) for a in kb.aftercare_items)
    lung_only = KnowledgeBase(kb._data.model_copy(update={"aftercare": items}))
    assert any(c.structure == "lung" for c in lung_only["LU1"].cautions)
    assert aftercare_for(lung_only, [lung_only["LU1"]]) == items
    assert not any(c.structure == "lung" for c in lung_only["ST36"].cautions)
    assert aftercare_for(lung_only, [lung_only["ST36"]]) == ()


def test_an_unknown_region_is_matched_on_the_words_people_use(kb: KnowledgeBase) -> None:
    """ "Back Of Hand" is no region id, but it is a phrase of hand.dorsum: the nearest ids
    suggested start with it, whatever the case of the letters given."""
    from acupoints.safety import check_regions

    for given in ("back of hand", "Back Of Hand "):
        with pytest.raises(PatientError) as exc:
            check_regions(kb, "skin_lesions", [given])
        assert exc.value.suggestions[0] == "hand.dorsum", given
        assert (exc.value.field, exc.value.value) == ("skin_lesions", given)
    with pytest.raises(PatientError) as exc:
        check_regions(kb, "tumour_sites", ["sole of the foot"])
    assert exc.value.suggestions[0] == "foot.sole"


@pytest.mark.parametrize("given", ["upper_lim", "headx", "ankl", "Back Of Hand"])
def test_an_unknown_region_suggests_the_ids_of_the_eight_nearest_words(
    kb: KnowledgeBase, given: str
) -> None:
    """The rule, spelt out: the region words (ids, names, phrases, in lower case) nearest
    the value (difflib, cutoff 0.5), eight of them, give at most four distinct ids in
    their order. The inputs are ones where a ninth word or a fifth id would show."""
    from difflib import get_close_matches

    from acupoints.safety import check_regions

    words: dict[str, str] = {r.id: r.id for r in kb.regions}
    for r in kb.regions:
        for text in (r.name, *(t for t, _ in r.phrases())):
            words.setdefault(text.lower(), r.id)
    nearest = get_close_matches(given.lower().strip(), list(words), n=8, cutoff=0.5)
    expected = list(dict.fromkeys(words[w] for w in nearest))[:4]
    with pytest.raises(PatientError) as exc:
        check_regions(kb, "joint_prostheses", [given])
    assert exc.value.suggestions == expected and expected


def test_an_unknown_region_after_a_known_one_is_an_error_too(kb: KnowledgeBase) -> None:
    from acupoints.safety import check_regions

    check_regions(kb, "skin_lesions", ["hand.dorsum", "foot.sole"])  # every one known
    with pytest.raises(PatientError) as exc:
        check_regions(kb, "skin_lesions", ["hand.dorsum", "foot.sole", "moon"])
    assert exc.value.value == "moon"
    with pytest.raises(PatientError):
        kb.select("numb hand", patient=Patient(skin_lesions=("hand.dorsum", "moon")))


def test_a_red_flag_lists_every_thing_that_raised_it(kb: KnowledgeBase) -> None:
    """Words, numb region and patient field each add to ``matched``: a patient given
    does not replace what the text and the region raised."""
    from acupoints.safety import detect_red_flags

    flags = detect_red_flags(
        kb, "numb saddle area", kb.location(["perineum"]), Patient(saddle_numbness=True)
    )
    assert [f.id for f in flags] == ["cauda_equina"]
    matched = flags[0].matched
    assert "numb region perineum" in matched and "patient.saddle_numbness" in matched
    assert any("saddle" in m and not m.startswith(("patient.", "numb region")) for m in matched)


def test_red_flags_come_most_urgent_first_not_in_file_order(kb: KnowledgeBase) -> None:
    """cancer_history ("soon") comes before after_injury ("urgent") in safety.yaml; raised
    together, the urgent one is listed first."""
    from acupoints.safety import detect_red_flags

    order = [r.id for r in kb.red_flag_rules]
    assert order.index("cancer_history") < order.index("after_injury")
    flags = detect_red_flags(kb, None, None, Patient(cancer_history=True, recent_injury=True))
    assert [(f.id, f.urgency) for f in flags] == [
        ("after_injury", "urgent"),
        ("cancer_history", "soon"),
    ]


def test_a_red_flag_carries_its_rules_words_and_the_cause_that_raised_it(
    kb: KnowledgeBase,
) -> None:
    from acupoints.safety import detect_red_flags

    flags = detect_red_flags(kb, None, None, None, cause="chemotherapy")
    assert [(f.id, f.matched) for f in flags] == [("cancer_history", ("cause chemotherapy",))]
    rules = {r.id: r for r in kb.red_flag_rules}
    flags = detect_red_flags(kb, "numb saddle area", None, Patient(fever=True, foot_wound=True))
    assert len(flags) == 3
    for f in flags:
        rule = rules[f.id]
        assert (f.name, f.urgency, f.advice, f.sources) == (
            rule.name,
            rule.urgency,
            rule.advice,
            rule.sources,
        )


def test_the_note_of_what_was_not_checked_is_one_sentence_per_part(kb: KnowledgeBase) -> None:
    from acupoints.safety import not_checked

    names = ", ".join(c.name for c in kb.safety_conditions)
    assert not_checked(kb) == (
        f"No patient was given, so these were not checked: {names}. "
        "Every point still carries its own cautions."
    )


def test_a_never_needled_record_without_a_note_still_says_why(kb: KnowledgeBase) -> None:
    """Each never-needled point is one standing exclusion named "never needled", with the
    record's note and sources; a record with no note gets a sentence of its own."""
    from acupoints.safety import NOT_NEEDLED, standing_exclusions

    standing = standing_exclusions(kb)
    assert {e.points for _, e, _ in standing} >= {("ST17",), ("CV8",)}
    for cond, eff, matches in standing:
        (code,) = eff.points
        record = next(n for n in kb[code].needling if n.angle == "none")
        assert (cond.id, cond.name, eff.action) == (NOT_NEEDLED, "never needled", "exclude")
        assert (eff.note, eff.sources) == (record.note, record.sources)
        assert matches(kb[code], None) and not matches(kb["LI4"], None)
    silent = kb["ST17"].model_copy(
        update={"needling": tuple(n.model_copy(update={"note": None}) for n in kb["ST17"].needling)}
    )
    points = tuple(silent if p.code == "ST17" else p for p in kb.points)
    quiet = KnowledgeBase(kb._data.model_copy(update={"points": points}))
    (eff,) = [e for _, e, _ in standing_exclusions(quiet) if e.points == ("ST17",)]
    assert eff.note == "A cited source says this point is not needled."
    # a point with another needling record before the one that says "not needled"
    li4 = kb["LI4"].needling[0]
    later = kb["CV8"].model_copy(update={"needling": (li4, *kb["CV8"].needling)})
    points = tuple(later if p.code == "CV8" else p for p in kb.points)
    second = KnowledgeBase(kb._data.model_copy(update={"points": points}))
    assert ("CV8",) in {e.points for _, e, _ in standing_exclusions(second)}


def test_a_patients_conditions_are_the_fields_set_but_the_week() -> None:
    p = Patient(pregnant=True, pregnancy_week=20, skin_lesions=("hand.dorsum",))
    assert p.conditions() == ("pregnant", "skin_lesions")
    assert Patient().conditions() == ()


def test_patient_model_validate_passes_its_options_on() -> None:
    """``from_attributes=True`` reaches pydantic: a patient read from an object's
    attributes (without it, an object is no mapping and is refused)."""
    from types import SimpleNamespace

    record = SimpleNamespace(pacemaker=True, pregnant=True, pregnancy_week=30)
    p = Patient.model_validate(record, from_attributes=True)
    assert (p.pacemaker, p.trimester) == (True, 3)
    with pytest.raises(PatientError):
        Patient.model_validate(record)


def test_a_patient_read_from_a_dict_says_what_is_wrong() -> None:
    given = {"pregnant": True, "pregnancy_week": 0}
    with pytest.raises(PatientError) as direct:
        Patient(**given)
    with pytest.raises(acupoints.DataError) as exc:
        Patient.from_dict(given)
    assert direct.value.detail and direct.value.detail in str(exc.value)


def test_a_point_from_elsewhere_is_judged_on_its_own_data(kb: KnowledgeBase) -> None:
    """effect_matcher answers the knowledge base's own points from a table by code; a
    point object from elsewhere (a changed copy with the same code) is worked out from
    its own location, not from the table entry of its code."""
    from acupoints.safety import effect_matcher

    cond = next(c for c in kb.safety_conditions if c.id == "unstable_spine")
    effect = next(e for e in cond.effects if "back" in e.regions)
    matches = effect_matcher(kb, effect, Patient(unstable_spine=True))
    li4 = kb["LI4"]
    moved = li4.model_copy(update={"location": li4.location.model_copy(update={"region": "back"})})
    assert not matches(li4, None) and matches(moved, None)
    bl23 = kb["BL23"]
    assert matches(bl23, None)
    away = bl23.model_copy(
        update={"location": bl23.location.model_copy(update={"region": "hand.dorsum"})}
    )
    assert not matches(away, None)


def test_a_zone_word_is_found_in_one_landmark_not_across_two(kb: KnowledgeBase) -> None:
    """DangerZone.holds reads each landmark and the description on its own: a zone word
    made of the end of one landmark and the start of the next ("radial" + "artery side")
    is no mention of the radial artery (a mutant joining them otherwise survived)."""
    zone = next(z for z in kb.danger_zones if z.id == "large_vessels")
    zone = zone.model_copy(
        update={"location_words": ("radial artery",), "points": (), "regions": ()}
    )
    point = kb.point("LU7")
    loc = point.location
    across = point.model_copy(
        update={
            "location": loc.model_copy(
                update={"landmarks": ("beside the radial", "artery side"), "description": "x"}
            )
        }
    )
    within = point.model_copy(
        update={
            "location": loc.model_copy(
                update={"landmarks": ("beside the radial artery",), "description": "x"}
            )
        }
    )
    assert zone.holds(kb, within)
    assert not zone.holds(kb, across)
