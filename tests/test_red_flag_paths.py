"""Red flags reached by the two paths of ``detect_red_flags`` agree, for every cause and region.

Without a patient, a description with no flag word and no flagged region can only raise
what its cause raises, and ``detect_red_flags`` answers it from a per-data table (issue 18).
A patient with nothing set goes over every rule instead. The two must give the same flags,
the same words matched and the same order, for every cause of the data (and none, and an
unknown word) and every numb region on each side: exhaustively, since a red flag missed
is a person sent to a needle instead of a doctor.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase, Patient
from acupoints.errors import LocationError
from acupoints.safety import _URGENCY, _flag_causes, _region_flags, detect_red_flags


def _locations(kb: KnowledgeBase) -> list:
    out = []
    for region in kb.regions:
        for side in ("left ", "right ", ""):
            word = region.synonyms[0] if region.synonyms else region.name
            try:
                out.append(kb.parse_location(f"numb {side}{word}"))
            except LocationError:
                continue
    return out


def test_every_cause_and_region_gives_the_same_flags_by_both_paths(kb: KnowledgeBase) -> None:
    kb.clear_caches()
    locations = _locations(kb)
    assert len(locations) >= 150  # most of the 64 regions on three sides read
    causes = [None, "no such cause", *(c.id for c in kb.causes)]
    quiet = 0
    for loc in locations:
        flagged = any(ids for _, ids in _region_flags(kb, loc.regions))
        quiet += not flagged
        for cause in causes:
            for text in (None, "", "numb for a week"):
                short = detect_red_flags(kb, text, loc, None, cause)
                full = detect_red_flags(kb, text, loc, Patient(), cause)
                assert short == full, (loc.text, cause, text)
                if not flagged:  # the cause alone: each rule naming it, most urgent first
                    rules = [r for r in kb.red_flag_rules if cause in r.causes]
                    rules.sort(key=lambda r: _URGENCY[r.urgency])
                    assert [f.id for f in short] == [r.id for r in rules]
                    assert all(f.matched == (f"cause {cause}",) for f in short)
    assert quiet >= 100  # the table's path was taken for most places


def test_the_cause_table_holds_only_the_causes_the_rules_name(kb: KnowledgeBase) -> None:
    kb.clear_caches()
    for cause in [c.id for c in kb.causes]:
        detect_red_flags(kb, None, None, None, cause)
    named = {c for r in kb.red_flag_rules for c in r.causes}
    assert set(_flag_causes(kb)) == named
    assert named  # the data names at least one cause (chemotherapy, injury)


@pytest.mark.parametrize("cause", ["chemotherapy", "injury"])
def test_a_cause_named_by_a_rule_raises_it_with_no_text(kb: KnowledgeBase, cause: str) -> None:
    flags = detect_red_flags(kb, None, None, None, cause)
    rules = {r.id: r for r in kb.red_flag_rules}
    assert flags and all(cause in rules[f.id].causes for f in flags)
