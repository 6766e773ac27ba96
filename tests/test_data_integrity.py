"""Invariants of the packaged data: one invariant per test, over every record.

Each failure lists every offender, so a data fix can be made in one pass.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any

import pypinyin  # in the test extra: a missing one fails, never skips
import pytest

from acupoints import KnowledgeBase
from acupoints.index import code_order
from acupoints.loading import packaged_data_dir
from acupoints.names import name_key

WHO_COUNTS = {
    "LU": 11,
    "LI": 20,
    "ST": 45,
    "SP": 21,
    "HT": 9,
    "SI": 19,
    "BL": 67,
    "KI": 27,
    "PC": 9,
    "TE": 23,
    "GB": 44,
    "LR": 14,
    "GV": 28,
    "CV": 24,
}
EXTRA_COUNTS = {"HN": 15, "CA": 1, "B": 9, "UE": 11, "LE": 12}
LIMB_REGIONS = {
    "shoulder",
    "axilla",
    "upper_arm",
    "elbow",
    "forearm",
    "wrist",
    "hip",
    "thigh",
    "knee",
    "leg",
    "ankle",
}
ARM = {"shoulder", "axilla", "upper_arm", "elbow", "forearm", "wrist"}


def is_limb(region: str) -> bool:
    return region in LIMB_REGIONS or region.startswith(("hand.", "foot."))


def offenders(items: list[str]) -> str:
    return f"{len(items)} offender(s):\n  " + "\n  ".join(items)


# ----------------------------------------------------------------------------- counts
def test_361_standard_points(kb: KnowledgeBase) -> None:
    assert len(kb.standard_points) == 361


def test_points_per_meridian(kb: KnowledgeBase) -> None:
    got = {m.code: len(kb.points_of(m.code)) for m in kb.meridians}
    assert got == WHO_COUNTS


def test_meridian_point_count_field_matches_who(kb: KnowledgeBase) -> None:
    assert {m.code: m.point_count for m in kb.meridians} == WHO_COUNTS


def test_48_extra_points_per_group(kb: KnowledgeBase) -> None:
    got = Counter(p.group for p in kb.extra_points)
    assert dict(got) == EXTRA_COUNTS
    assert sum(got.values()) == 48


def test_required_extra_points_present(kb: KnowledgeBase) -> None:
    required = {
        "EX-B2": "Jiaji",
        "EX-UE9": "Baxie",
        "EX-LE10": "Bafeng",
        "EX-UE11": "Shixuan",
        "EX-LE12": "Qiduan",
        "EX-B3": "Weiwanxiashu",
        "EX-HN3": "Yintang",
    }
    assert {c: kb[c].names.pinyin for c in required} == required


def test_14_meridians_and_6_vessels(kb: KnowledgeBase) -> None:
    assert [m.code for m in kb.meridians] == list(WHO_COUNTS)
    assert sorted(v.code for v in kb.vessels) == sorted(
        ["CHONG", "DAI", "YINQIAO", "YANGQIAO", "YINWEI", "YANGWEI"]
    )


# ------------------------------------------------------------------------------ codes
def test_numbers_are_contiguous_per_meridian_and_group(kb: KnowledgeBase) -> None:
    groups: dict[str, list[int]] = defaultdict(list)
    for p in kb.points:
        groups[p.meridian or f"EX-{p.group}"].append(p.number)
    bad = [
        f"{g}: {sorted(n)}" for g, n in groups.items() if sorted(n) != list(range(1, len(n) + 1))
    ]
    assert not bad, offenders(bad)


def points_document(pristine_yaml: dict[str, tuple[str, Any]]) -> Any:
    """points.yaml as the library's parser read it (once per test process, in the
    ``pristine_yaml`` fixture; PyYAML's pure-Python ``safe_load`` took a second a test).
    The same mappings in the same key order: only read here, never written."""
    name, document = pristine_yaml[(packaged_data_dir() / "points.yaml").read_text("utf-8")]
    assert name == "points.yaml"
    return document


def test_points_file_is_in_canonical_order(
    kb: KnowledgeBase, pristine_yaml: dict[str, tuple[str, Any]]
) -> None:
    raw = points_document(pristine_yaml)
    codes = [p["code"] for p in raw["points"]]
    assert codes == sorted(codes, key=code_order), "points.yaml must list points in WHO order"


def test_record_keys_in_canonical_order(pristine_yaml: dict[str, tuple[str, Any]]) -> None:
    order = [
        "code",
        "meridian",
        "group",
        "number",
        "names",
        "aliases",
        "location",
        "innervation",
        "needling",
        "categories",
        "cautions",
        "sites",
        "xrefs",
    ]
    raw = points_document(pristine_yaml)
    bad = [p["code"] for p in raw["points"] if list(p) != [k for k in order if k in p]]
    assert not bad, offenders(bad)


# ------------------------------------------------------------------------------ names
def test_pinyin_has_no_tone_marks(kb: KnowledgeBase) -> None:
    bad = [
        f"{p.code} {p.names.pinyin}"
        for p in kb.points
        if not p.names.pinyin.isascii() or not re.fullmatch(r"[A-Z][a-z]+", p.names.pinyin)
    ]
    assert not bad, offenders(bad)


def test_pinyin_aliases_are_names(kb: KnowledgeBase) -> None:
    bad = [
        f"{p.code} {a.name}"
        for p in kb.points
        for a in p.aliases
        if a.kind == "pinyin" and not re.fullmatch(r"[A-Z][a-z]{2,}( [A-Z][a-z]+)*", a.name)
    ]
    assert not bad, offenders(bad)


def test_hanzi_are_unified_ideographs(kb: KnowledgeBase) -> None:
    """No CJK compatibility ideographs (PDF extraction leaves some, e.g. U+FA26 for 都)."""
    forms = [(p.code, f) for p in kb.points for f in (p.names.hanzi, p.names.hanzi_simplified)]
    forms += [(p.code, a.name) for p in kb.points for a in p.aliases if a.kind == "hanzi"]
    bad = [f"{c} {f!r}" for c, f in forms if unicodedata.normalize("NFKC", f) != f]
    assert not bad, offenders(bad)


def test_simplified_form_has_same_length(kb: KnowledgeBase) -> None:
    bad = [
        f"{p.code} {p.names.hanzi} / {p.names.hanzi_simplified}"
        for p in kb.points
        if len(p.names.hanzi) != len(p.names.hanzi_simplified)
    ]
    assert not bad, offenders(bad)


# Readings pypinyin gets wrong for these names (its phrase dictionary prefers another
# reading of a polyphonic character); each is the reading WHO and every other source give.
PYPINYIN_EXCEPTIONS = {
    ("BL2", "hanzi_simplified"),
    ("LR2", "hanzi_simplified"),
    ("GV2", "hanzi_simplified"),
}


def readings(chars: str) -> set[str]:
    """Every reading of ``chars`` (heteronyms allowed); WHO writes ü as u (Zhonglushu)."""
    options = pypinyin.pinyin(chars, style=pypinyin.Style.NORMAL, heteronym=True)
    out = set()
    for combo in itertools.product(*options):
        joined = "".join(combo)
        out |= {joined.replace("ü", "v"), joined.replace("ü", "u"), joined.replace("v", "u")}
    return out


@pytest.mark.parametrize("form", ["hanzi", "hanzi_simplified"])
def test_pinyin_is_a_reading_of_the_characters(kb: KnowledgeBase, form: str) -> None:
    """An independent check of name data: the WHO pinyin must be one of the readings of
    the characters (heteronyms allowed)."""
    bad = []
    for p in kb.points:
        if (p.code, form) in PYPINYIN_EXCEPTIONS:
            continue
        chars = getattr(p.names, form)
        if name_key(p.names.pinyin) not in readings(chars):
            bad.append(f"{p.code} {chars} {p.names.pinyin}")
    assert not bad, offenders(bad)


def test_pypinyin_exceptions_are_still_needed(kb: KnowledgeBase) -> None:
    still = [
        (code, form)
        for code, form in PYPINYIN_EXCEPTIONS
        if name_key(kb[code].names.pinyin) in readings(getattr(kb[code].names, form))
    ]
    assert not still, f"remove from PYPINYIN_EXCEPTIONS: {still}"


def test_standard_point_names_have_two_sources_including_who(kb: KnowledgeBase) -> None:
    bad = [
        f"{p.code} {p.names.sources}"
        for p in kb.standard_points
        if "who2008" not in p.names.sources or len(p.names.sources) < 2
    ]
    assert not bad, offenders(bad)


def test_extra_point_names_cite_who1991(kb: KnowledgeBase) -> None:
    bad = [p.code for p in kb.extra_points if "who1991" not in p.names.sources]
    assert not bad, offenders(bad)


def test_known_non_who_readings_are_aliases_not_names(kb: KnowledgeBase) -> None:
    """SOURCES.md lists readings some sources use that WHO does not."""
    cases = {
        "BL32": "Chiliao",
        "BL2": "Zanzhu",
        "CV17": "Tanzhong",
        "GV26": "Renzhong",
        "TE18": "Qimai",
        "BL43": "Gaohuangshu",
    }
    for code, alias in cases.items():
        p = kb[code]
        assert p.names.pinyin != alias
        assert alias in {a.name for a in p.aliases if a.kind == "pinyin"}, code


def test_known_slips_of_sources_are_not_kept(kb: KnowledgeBase) -> None:
    slips = {"ST31": "Diguan", "SP9": "Yinlingqnan", "KI23": "Shengfeng"}
    for code, slip in slips.items():
        assert slip not in {a.name for a in kb[code].aliases}, code
        assert kb.get(slip) is None


def test_english_names_are_title_case(kb: KnowledgeBase) -> None:
    small = {"of", "the", "and", "at", "to", "in", "for"}
    bad = [
        f"{p.code} {p.names.english}"
        for p in kb.points
        if any(w[:1].islower() and w not in small for w in p.names.english.split()[1:])
        or p.names.english[:1].islower()
    ]
    assert not bad, offenders(bad)


# --------------------------------------------------------------------------- location
def test_every_region_is_known(kb: KnowledgeBase) -> None:
    ids = {r.id for r in kb.regions}
    bad = [f"{p.code} {p.location.region}" for p in kb.points if p.location.region not in ids]
    assert not bad, offenders(bad)


def test_limb_points_have_a_surface_and_others_none(kb: KnowledgeBase) -> None:
    bad = [
        f"{p.code} {p.location.region} {p.surface}"
        for p in kb.points
        if is_limb(p.location.region) != (p.surface is not None)
    ]
    assert not bad, offenders(bad)


# Points whose physical surface differs from their channel's yin/yang: nail-corner points
# on the back of the digit and the Liver points on the top of the foot.
SURFACE_EXCEPTIONS = {"LU11", "SP1", "HT9", "LR1", "LR2", "LR3"}


def test_limb_surface_follows_the_channel_except_pinned(kb: KnowledgeBase) -> None:
    got = {
        p.code
        for p in kb.standard_points
        if p.surface is not None and p.surface != kb.meridian(p.meridian or "").yin_yang
    }
    assert got == SURFACE_EXCEPTIONS


def test_arm_yang_channels_are_on_the_outer_surface(kb: KnowledgeBase) -> None:
    bad = [
        p.code
        for m in ("LI", "TE", "SI")
        for p in kb.points_of(m)
        if (p.location.region in ARM or p.location.region.startswith("hand."))
        and p.surface != "yang"
    ]
    assert not bad, offenders(bad)


def test_midline_points(kb: KnowledgeBase) -> None:
    midline = {p.code for p in kb.points if p.location.laterality == "midline"}
    expected = {p.code for p in kb.points if p.meridian in ("GV", "CV")} | {
        "EX-HN1",
        "EX-HN3",
        "EX-HN10",
        "EX-HN11",
        "EX-B5",
        "EX-B8",
        "EX-B9",
    }
    assert midline == expected


def test_descriptions_are_own_words(kb: KnowledgeBase) -> None:
    """A guard against pasted WHO text: WHO 2008 opens nearly every location with
    'On the ... aspect of' or 'In the ... region'; ours open with the body area."""
    bad = [
        p.code
        for p in kb.points
        if re.match(r"(On the \w+ aspect of|In the \w+ region)", p.location.description)
    ]
    assert not bad, offenders(bad)


# --------------------------------------------------------------------------- needling
NO_NEEDLING_IN_SOURCES = {
    "EX-HN9",
    "EX-B5",
    "EX-B6",
    "EX-UE1",
    "EX-UE4",
    "EX-UE5",
    "EX-UE6",
    "EX-LE1",
    "EX-LE8",
    "EX-LE9",
    "EX-LE11",
    "EX-LE12",
}


def test_every_point_has_a_needling_method_except_pinned(kb: KnowledgeBase) -> None:
    got = {p.code for p in kb.points if not p.needling}
    assert got == NO_NEEDLING_IN_SOURCES


def test_needling_depths_are_plausible(kb: KnowledgeBase) -> None:
    bad = [
        f"{p.code} {n.angle} {n.depth_cun}"
        for p in kb.points
        for n in p.needling
        if n.depth_cun is not None and not (0.05 <= n.depth_cun[0] <= n.depth_cun[1] <= 3.5)
    ]
    assert not bad, offenders(bad)


def test_st17_nipple_is_not_needled(kb: KnowledgeBase) -> None:
    assert {n.angle for n in kb["ST17"].needling} == {"none"}


# ------------------------------------------------------------------------- categories
TRANSPORT = ("jing_well", "ying_spring", "shu_stream", "jing_river", "he_sea")
YIN_PHASES = ("wood", "fire", "earth", "metal", "water")
YANG_PHASES = ("metal", "water", "wood", "fire", "earth")


def categories(kb: KnowledgeBase, kind: str) -> list[tuple[str, str | None]]:
    return [(p.code, c.of) for p in kb.points for c in p.categories if c.kind == kind]


@pytest.mark.parametrize("kind", TRANSPORT)
def test_one_transport_point_of_each_kind_per_regular_meridian(
    kb: KnowledgeBase, kind: str
) -> None:
    per = Counter(kb[c].meridian for c, _ in categories(kb, kind))
    assert per == Counter({m.code: 1 for m in kb.meridians if m.kind == "regular"})


def test_transport_points_have_the_classical_phase(kb: KnowledgeBase) -> None:
    bad = []
    for p in kb.standard_points:
        for c in p.categories:
            if c.kind in TRANSPORT:
                phases = (
                    YIN_PHASES if kb.meridian(p.meridian or "").yin_yang == "yin" else YANG_PHASES
                )
                if c.phase != phases[TRANSPORT.index(c.kind)]:
                    bad.append(f"{p.code} {c.kind} {c.phase}")
    assert not bad, offenders(bad)


def test_transport_points_run_distal_to_proximal(kb: KnowledgeBase) -> None:
    bad = []
    for m in kb.meridians:
        if m.kind != "regular":
            continue
        order = [
            next(p.number for p in kb.points_of(m.code) if p.has_category(k)) for k in TRANSPORT
        ]
        ascending = order == sorted(order)
        descending = order == sorted(order, reverse=True)
        if not (ascending or descending):
            bad.append(f"{m.code} {order}")
    assert not bad, offenders(bad)


def test_yuan_source_points(kb: KnowledgeBase) -> None:
    got = sorted(c for c, _ in categories(kb, "yuan_source"))
    assert got == sorted(
        ["LU9", "LI4", "ST42", "SP3", "HT7", "SI4", "BL64", "KI3", "PC7", "TE4", "GB40", "LR3"]
    )


def test_fifteen_luo_points(kb: KnowledgeBase) -> None:
    got = dict(categories(kb, "luo_connecting"))
    assert len(got) == 15
    assert got["SP21"] == "SP" and got["GV1"] == "GV" and got["CV15"] == "CV"


def test_sixteen_xi_cleft_points(kb: KnowledgeBase) -> None:
    got = dict(categories(kb, "xi_cleft"))
    assert len(got) == 16
    assert {got["KI8"], got["BL59"], got["KI9"], got["GB35"]} == {
        "YINQIAO",
        "YANGQIAO",
        "YINWEI",
        "YANGWEI",
    }


@pytest.mark.parametrize("kind", ["back_shu", "front_mu"])
def test_one_back_shu_and_front_mu_per_organ(kb: KnowledgeBase, kind: str) -> None:
    got = Counter(of for _, of in categories(kb, kind))
    assert got == Counter({m.code: 1 for m in kb.meridians if m.kind == "regular"})


def test_back_shu_points_are_on_the_bladder_meridian(kb: KnowledgeBase) -> None:
    assert {kb[c].meridian for c, _ in categories(kb, "back_shu")} == {"BL"}


def test_lower_he_sea_points(kb: KnowledgeBase) -> None:
    assert dict(categories(kb, "lower_he_sea")) == {
        "ST36": "ST",
        "ST37": "LI",
        "ST39": "SI",
        "BL39": "TE",
        "BL40": "BL",
        "GB34": "GB",
    }


def test_eight_confluent_points(kb: KnowledgeBase) -> None:
    got = dict(categories(kb, "confluent"))
    assert got == {
        "SP4": "CHONG",
        "PC6": "YINWEI",
        "GB41": "DAI",
        "TE5": "YANGWEI",
        "SI3": "GV",
        "BL62": "YANGQIAO",
        "LU7": "CV",
        "KI6": "YINQIAO",
    }
    assert {v.code: v.confluent_point for v in kb.vessels}.items() <= {
        of: c for c, of in got.items()
    }.items()


def test_eight_influential_points(kb: KnowledgeBase) -> None:
    assert dict(categories(kb, "influential")) == {
        "LR13": "zang",
        "CV12": "fu",
        "CV17": "qi",
        "BL17": "blood",
        "GB34": "sinew",
        "LU9": "vessel",
        "BL11": "bone",
        "GB39": "marrow",
    }


def test_crossing_points_include_their_own_channel(kb: KnowledgeBase) -> None:
    bad = [
        p.code
        for p in kb.standard_points
        for c in p.categories
        if c.kind == "crossing" and p.meridian not in c.meridians
    ]
    assert not bad, offenders(bad)


def test_well_known_crossing_points(kb: KnowledgeBase) -> None:
    def crossing(code: str) -> set[str]:
        return {m for c in kb[code].categories if c.kind == "crossing" for m in c.meridians}

    assert crossing("SP6") == {"SP", "LR", "KI"}
    assert {"GV", "BL", "GB", "TE", "LR"} <= crossing("GV20")
    assert {"GV", "LI", "SI", "TE", "ST", "BL", "GB"} == crossing("GV14")
    assert {"CV", "SP", "LR", "KI"} == crossing("CV4")


# ---------------------------------------------------------------------------- sources
def test_every_fact_group_has_a_source(kb: KnowledgeBase) -> None:
    bad = []
    for p in kb.points:
        groups = [("names", p.names.sources), ("location", p.location.sources)]
        groups += [(f"needling.{i}", n.sources) for i, n in enumerate(p.needling)]
        groups += [(f"categories.{i}", c.sources) for i, c in enumerate(p.categories)]
        groups += [(f"cautions.{i}", c.sources) for i, c in enumerate(p.cautions)]
        groups += [(f"aliases.{i}", a.sources) for i, a in enumerate(p.aliases)]
        bad += [f"{p.code} {g}" for g, s in groups if not s]
    assert not bad, offenders(bad)


def test_every_source_is_used(kb: KnowledgeBase) -> None:
    text = "\n".join(
        f.read_text(encoding="utf-8")
        for f in sorted(packaged_data_dir().glob("*.yaml"))
        if f.name != "sources.yaml"
    )
    # an id is word characters only, so it stands between word boundaries exactly where it
    # is a whole word of the text: one pass over the text, not one regex search per source
    assert all(re.fullmatch(r"\w+", s.id) for s in kb.sources)
    words = set(re.findall(r"\w+", text))
    unused = [s.id for s in kb.sources if s.id not in words]
    assert not unused, offenders(unused)


# ------------------------------------------------------------------------------ sites
def test_group_points_have_their_sites(kb: KnowledgeBase) -> None:
    counts = {
        code: len(kb[code].sites)
        for code in (
            "EX-HN1",
            "EX-UE2",
            "EX-UE7",
            "EX-UE9",
            "EX-UE10",
            "EX-UE11",
            "EX-LE1",
            "EX-LE5",
            "EX-LE10",
            "EX-LE12",
        )
    }
    assert counts == {
        "EX-HN1": 4,
        "EX-UE2": 2,
        "EX-UE7": 2,
        "EX-UE9": 4,
        "EX-UE10": 4,
        "EX-UE11": 5,
        "EX-LE1": 2,
        "EX-LE5": 2,
        "EX-LE10": 4,
        "EX-LE12": 5,
    }


def test_jiaji_sites_cover_t1_to_l5_and_mark_cervical_as_non_standard(kb: KnowledgeBase) -> None:
    sites = kb["EX-B2"].sites
    standard = [s.level for s in sites if s.standard]
    assert standard == [f"T{i}" for i in range(1, 13)] + [f"L{i}" for i in range(1, 6)]
    cervical = [s.level for s in sites if not s.standard]
    assert cervical == [f"C{i}" for i in range(1, 8)]


def test_xiyan_lateral_site_is_st35(kb: KnowledgeBase) -> None:
    assert [s.same_as for s in kb["EX-LE5"].sites] == ["EX-LE4", "ST35"]


# -------------------------------------------------------------------------- meridians
def test_partners_are_yin_yang_pairs_of_one_element_and_limb(kb: KnowledgeBase) -> None:
    bad = []
    for m in kb.meridians:
        if m.partner is None:
            continue
        o = kb.meridian(m.partner)
        if (
            {m.yin_yang, o.yin_yang} != {"yin", "yang"}
            or m.element != o.element
            or m.limb != o.limb
        ):
            bad.append(f"{m.code}-{o.code}")
    assert not bad, offenders(bad)


def test_same_name_partners_share_six_channel_across_limbs(kb: KnowledgeBase) -> None:
    bad = []
    for m in kb.meridians:
        if m.same_name_partner is None:
            continue
        o = kb.meridian(m.same_name_partner)
        if m.six_channel != o.six_channel or m.limb == o.limb:
            bad.append(f"{m.code}-{o.code}")
    assert not bad, offenders(bad)


def test_flow_order(kb: KnowledgeBase) -> None:
    flow = sorted((m for m in kb.meridians if m.flow_order), key=lambda m: m.flow_order or 0)
    assert [m.code for m in flow] == [
        "LU",
        "LI",
        "ST",
        "SP",
        "HT",
        "SI",
        "BL",
        "KI",
        "PC",
        "TE",
        "GB",
        "LR",
    ]


def test_course_surface_matches_yin_yang(kb: KnowledgeBase) -> None:
    bad = [m.code for m in kb.meridians if m.course and m.course.surface != m.yin_yang]
    assert not bad, offenders(bad)


def test_arm_channels_are_hand_channels(kb: KnowledgeBase) -> None:
    bad = [
        m.code for m in kb.meridians if m.course and (m.course.limb == "arm") != (m.limb == "hand")
    ]
    assert not bad, offenders(bad)


# ---------------------------------------------------------------------------- regions
def test_every_region_reaches_the_body_root(kb: KnowledgeBase) -> None:
    parents = {r.id: r.parent for r in kb.regions}
    bad = []
    for rid in parents:
        cur: str | None = rid
        for _ in range(len(parents)):
            if cur == "body":
                break
            cur = parents.get(cur or "")
        else:
            bad.append(rid)
        if cur != "body":
            bad.append(rid)
    assert not bad, offenders(sorted(set(bad)))


def test_dotted_region_ids_sit_under_their_prefix(kb: KnowledgeBase) -> None:
    parents = {r.id: r.parent for r in kb.regions}
    bad = []
    for rid in parents:
        if "." in rid:
            prefix = rid.split(".")[0]
            cur = parents[rid]
            while cur is not None and cur != prefix:
                cur = parents.get(cur)
            if cur != prefix:
                bad.append(rid)
    assert not bad, offenders(bad)


# TARA ids, read by hand from TARA-Ontology-Repository at 833c25c
# (ontology-files/generated/tara-acupoints.ttl: the class whose rdfs:label is the row's
# `Label` in csv-files/acupoints.csv or extra-acupoints.csv). The CSVs hold the label
# ("LI 4"); the ontology's class IRI ends in TARA_ and seven digits.
TARA_SPOT_CHECKS = {
    "LI4": [("TARA_0859695", None)],
    "ST36": [("TARA_6463344", None)],
    "GV20": [("TARA_3386254", None)],
    "CV1": [("TARA_8693603", None), ("TARA_7793286", "male"), ("TARA_7927421", "female")],
    "EX-HN3": [("TARA_3135569", None)],
}
# The points TARA does not list: its 42 extra-point rows name 33 of the 48 WHO extra
# points (the rest are non-WHO points, ST35 as "Lateral Xiyan", and one row for both
# EX-HN12 and EX-HN13).
TARA_MISSING = {
    "EX-HN2", "EX-HN9", "EX-HN10", "EX-HN11", "EX-HN12", "EX-HN13", "EX-B5", "EX-B6",
    "EX-UE5", "EX-UE6", "EX-LE1", "EX-LE8", "EX-LE9", "EX-LE11", "EX-LE12",
}  # fmt: skip


def test_tara_ids_cover_the_points_tara_has(kb: KnowledgeBase) -> None:
    without = {p.code for p in kb.points if not any(x.scheme == "tara" for x in p.xrefs)}
    assert without == TARA_MISSING
    assert sum(1 for p in kb.points if p.xrefs) == 394
    assert sum(len(p.xrefs) for p in kb.points) == 404  # 371 + 33: variants have their own


def test_tara_ids_well_formed_and_unique(kb: KnowledgeBase) -> None:
    ids = [x.id for p in kb.points for x in p.xrefs]
    assert [i for i in ids if not re.fullmatch(r"TARA_\d{7}", i)] == []
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for p in kb.points:  # one id per point and variant, the point's own first
        variants = [x.variant for x in p.xrefs]
        assert variants in ([], [None], [None, "male", "female"]), p.code
        assert all(x.sources == ("tara",) for x in p.xrefs), p.code


def test_tara_spot_checks(kb: KnowledgeBase) -> None:
    for code, expected in TARA_SPOT_CHECKS.items():
        assert [(x.id, x.variant) for x in kb[code].xrefs] == expected, code
    variant_points = {p.code for p in kb.points if len(p.xrefs) > 1}
    assert variant_points == {"ST17", "ST18", "GB24", "LR14", "CV1"}
