"""Rules -> candidates -> scores -> a ranked :class:`~acupoints.selection.Selection`.

The engine knows a handful of selector kinds and condition types; which rules exist, when
they apply, what they select and how much they weigh is data (``rules.yaml``). A point's
score is the sum of:

- each rule that selected it: ``weight x quality`` (x the cause's multiplier, x
  ``inferred_root`` when root involvement is only inferred from the dermatome);
- ``score.region``: how close the point lies to the numb region, times ``Scoring.region``;
- ``score.segment``: ``Scoring.segment`` when the point's nerves carry one of the roots
  the location points to;
- ``score.evidence``: ``Scoring.evidence`` per reference protocol that uses the point for
  this cause (at most ``evidence_cap``).

Every part appears as a :class:`~acupoints.selection.Reason`. Ties break on the WHO order
of the codes, so the same query always gives the same list.

How it runs: each rule that applies adds the points it chose as a tuple of codes from a
per-data table (keyed by rule and region, never by query) with one shared hit; a
selector's groups with their hits are kept per data by the groups, the rule's weight and
its factor (``_Static.plans``: every code with its hit, added in one update, as adding the
groups in turn would); every candidate is then scored, its sum rounded by a per-data
table of the sums met (``_Static.rounded``), and sorted by one int key, and only the
places a selection reads become candidates with their reasons and models. The
patient-independent ranking of a query is memoised (``_rank``), keyed by what it reads of
the location (``_shape``: the regions, side, pattern, segments and nerves, not the words),
so two wordings of one place share it. Its scores and compositions (``_scores``) are
memoised by less still: the regions with their aspects and surfaces, the pattern, the
segments and where the neck or back hurts, not the sides or nerves, so a left and a right
forearm are scored once. What
scoring reads of the data is kept in per-data tables filled on first use and shared by
every query (``_Static``: one hit per rule and value, each place's closeness, the
conditions of the rules, the scores of a list of hits). Without a patient's caution the
points of a composition and their aftercare are kept with the scores, by where they are
needled (``_Ranking.facing``: the location's side and the sides of its parts); the first
point made of a code gives the rankings of the other sides what its side does not change
(its score, reasons, sites: ``_Scores.made``), itself kept per data by all it is made of
(its hits, closeness, segment and evidence: ``_Ranking.made_of``), so other places and
causes that give a point the same share it without a candidate built; the candidates the
points were made from are not kept (fewer objects in the memos for the collector to go
over). The places of the never-needled points are found once per scores (``_Scores.never``).
The patient's exclusions and cautions are applied on every call.
``tests/test_snapshot.py`` pins 704 answers as readable text, so a change here that moves
one shows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .. import DISCLAIMER, __version__
from .._fast import builder, construct
from ..errors import LocationError, QueryError, SelectionError, names_arg
from ..models import Location, RegionRef
from ..parse import _assemble
from ..safety import (
    ConditionEffect,
    Exclusion,
    Patient,
    PatientCondition,
    aftercare_for,
    check_patient,
    detect_red_flags,
    not_a_candidate,
    patient_effects,
    standing_exclusions,
)
from ..selection import ProtocolNote, RankedPoint, Selection
from ..text.use import cause_from_text, patient_from_text  # (not in select(): see below)
from .composition import _compose
from .context import NONE, _static, closeness, root_levels
from .explanation import _matchers, _ranked
from .scoring import _cause_id, _rank, forget, kb_protocol_ids

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

__all__ = ["closeness", "forget", "root_levels", "select"]

# a Selection built from its fields by keyword, every field given (no dict of them made
# and checked per answer, as make did)
_SELECTION = builder(Selection)


def _exclusion(
    kb: KnowledgeBase, code: str, excluded_by: list[tuple[PatientCondition, ConditionEffect]]
) -> Exclusion:
    """A point left out by these conditions' effects: made once per point and effects
    (the never-needled points are left out of many answers alike)."""
    table = _EXCLUSIONS.get(kb)
    if table is None:
        table = _EXCLUSIONS.setdefault(kb, {})
    # (the conditions and effects are the data's, or the standing exclusions' kept with
    # it: their ids are theirs while the table lives)
    key = (code, *(id(x) for pair in excluded_by for x in pair))
    found = table.get(key)
    if found is None:
        found = construct(
            Exclusion,
            code=code,
            reasons=tuple(f"{cond.name}: {eff.note}" for cond, eff in excluded_by),
            conditions=tuple(dict.fromkeys(cond.id for cond, _ in excluded_by)),
            sources=tuple(dict.fromkeys(x for _, eff in excluded_by for x in eff.sources)),
        )
        if len(table) >= 4096:
            table.clear()
        table[key] = found
    return found


# per data: the Exclusion of a point and the effects that leave it out (a few per point
# of the data at most)
_EXCLUSIONS: WeakKeyDictionary[KnowledgeBase, dict[tuple[object, ...], Exclusion]] = (
    WeakKeyDictionary()
)


def select(
    kb: KnowledgeBase,
    location: str | Location,
    *,
    cause: str | None = None,
    side: str | None = None,
    patient: Patient | None = None,
    tenderness: str = "unknown",
    limit: int = 10,
    evidence: bool = True,
    without_protocols: Collection[str] = (),
) -> Selection:
    """See :meth:`KnowledgeBase.select`."""
    # (the reader's functions are imported with the module, which the first select loads
    # after the reader: an import here cost a microsecond or two a call)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise SelectionError(f"limit must be a positive integer, got {limit!r}")
    limit = min(limit, len(kb))  # more than there are points: all of them
    if tenderness not in ("pronounced", "vague", "unknown"):
        raise SelectionError(
            f"tenderness must be 'pronounced', 'vague' or 'unknown', got {tenderness!r}"
        )
    if side not in (None, "left", "right", "both"):
        raise SelectionError(f"side must be 'left', 'right' or 'both', got {side!r}")
    if isinstance(patient, dict):  # a bad field raises PatientError (a SelectionError)
        patient = Patient.model_validate(patient)
    if patient is not None and not isinstance(patient, Patient):
        raise SelectionError(f"patient must be a Patient, got {type(patient).__name__}")
    if patient is not None:  # safety (issue 17): a site naming no region is an error
        check_patient(kb, patient)
    if not isinstance(location, (str, Location)):
        raise SelectionError(f"location must be text or a Location, got {type(location).__name__}")
    query = location if isinstance(location, str) else location.text
    if isinstance(location, str):
        try:
            loc = kb.parse_location(location)
        except LocationError as exc:
            flags = detect_red_flags(kb, location, None, patient, _cause_id(kb, cause))
            if not flags:
                raise
            raise LocationError(
                exc.message, exc.text, exc.unknown, exc.suggestions, red_flags=flags
            ) from None
    else:  # a Location (checked above)
        loc = location
    side_notes: list[str] = []
    if side is not None:
        said = sorted({r.side for r in loc.regions if r.side is not None and r.side != side})
        if said:  # the text and the argument disagree: the argument wins, and we say so
            side_notes.append(
                f"The description says {' and '.join(said)}, the side given is {side}: "
                f"the points are for {side if side != 'both' else 'both sides'}."
            )
        refs = [RegionRef.model_validate({**r.model_dump(), "side": side}) for r in loc.regions]
        loc = _assemble(kb, refs, loc.negated, loc.text, set(), loc.ignored, loc.reading)
    # -- the text reader (acupoints.text): a cause written in the text, when none is given
    given_cause = cause  # red flags follow a cause given, not one read from the text
    cause, text_notes = cause_from_text(kb, loc, cause)
    patient, patient_from_words, person_notes = patient_from_text(kb, loc, patient)
    text_notes = (*text_notes, *person_notes)
    # --
    the_cause = kb.cause(cause) if cause is not None else None
    rules = kb.rules
    if not rules:
        raise SelectionError("the knowledge base has no selection rules (rules.yaml)")
    if not isinstance(evidence, bool):
        raise SelectionError(f"evidence must be True or False, got {evidence!r}")
    if type(without_protocols) is tuple and not without_protocols:  # the default: none
        skip = NONE
    else:
        try:
            skip = frozenset(names_arg("without_protocols", without_protocols)) or NONE
        except QueryError as exc:
            raise SelectionError(str(exc)) from None
        unknown_protocols = skip - kb_protocol_ids(kb)
        if unknown_protocols:
            raise SelectionError(
                f"unknown reference protocol(s): {', '.join(sorted(unknown_protocols))}"
            )
    static = _static(kb)
    ranking = _rank(kb, static, loc, the_cause, tenderness, evidence, skip)
    counts = ranking.counts
    notes = [*side_notes, *text_notes, *ranking.notes]
    applied = ranking.applied
    effects = patient_effects(kb, patient)
    # safety (issue 17): never-needled points are excluded for everyone (safety.py)
    standing = standing_exclusions(kb)
    excluding_patient = _matchers(kb, effects, patient, "exclude")
    excluding = standing + excluding_patient
    cautioning = _matchers(kb, effects, patient, "caution")
    exclusions: list[Exclusion] = []
    pool: Sequence[int] = range(len(ranking.codes))  # places in the ranking, best first
    if excluding:
        kept: list[int] = []
        # without a patient's own exclusions only the never-needled points can be left
        # out: the other places are kept on their code alone, without their point
        tested: Sequence[int] = pool
        if not excluding_patient:
            tested = ranking.never  # only these places can be left out
        for i in tested:
            point, side = ranking.point_side(i)
            excluded_by = [(cond, eff) for cond, eff, matches in excluding if matches(point, side)]
            if not excluded_by:
                kept.append(i)
                continue
            exclusions.append(_exclusion(kb, ranking.codes[i], excluded_by))
        if tested is not pool:  # the places not tested are kept
            left = set(tested).difference(kept)
            if left:
                pool = [i for i in pool if i not in left]
        else:
            pool = kept
    if exclusions:
        exclusions.sort(key=lambda e: static.info[e.code][1])
    # a composition depends on the ranking, the limit and what was left out: made once
    # (the codes in the order they are sorted in, each once: as a set would say)
    ckey = (limit, tuple([e.code for e in exclusions]) if exclusions else ())
    composed = ranking.compositions.get(ckey)
    if composed is None:
        composed = _compose(kb, static, ranking, pool, limit, kb.composition, the_cause)
        if len(ranking.compositions) < 64:
            ranking.compositions[ckey] = composed
    for role, cap in composed.capped.items():
        notes.append(
            f"At most {cap} of the {limit} places go to {role} points, so that the other "
            "parts of the prescription keep theirs."
        )
    cause_id = the_cause.id if the_cause else ""
    # without a patient's caution the points and their aftercare depend only on the
    # ranking and the composition: made once per composition of the ranking
    pkey = (ckey, ranking.facing)
    made = None if cautioning else ranking.chosen.get(pkey)
    if made is None:
        chosen: tuple[RankedPoint, ...] = tuple(
            _ranked(
                kb,
                static,
                ranking,
                i,
                cautioning,
                counts,
                cause_id,
                skip,
                composed.roles[i],
                composed.alternatives.get(i, ()),
            )
            for i in composed.picked
        )
        if not cautioning:  # (the aftercare of these points is read from it below)
            made = (chosen, aftercare_for(kb, (p.point for p in chosen)))
            if len(ranking.chosen) < 64:
                ranking.chosen[pkey] = made
    else:
        chosen = made[0]
    protocol: tuple[ProtocolNote, ...] = ranking.steps  # shared by the ranking's answers
    seen_protocol: set[tuple[str, str]] = set()
    patient_steps: list[ProtocolNote] = []
    # safety (issue 17): `refer_first` steps go before every other step
    ordered = (
        [x for x in effects if x[1].action == "refer_first"]
        + [x for x in effects if x[1].action == "protocol"]
        if effects
        else ()
    )
    for cond, eff in ordered:
        if (cond.id, eff.note) in seen_protocol:
            continue
        if (
            eff.from_week is not None
            and patient is not None
            and (patient.pregnancy_week is not None and patient.pregnancy_week < eff.from_week)
        ):
            continue
        seen_protocol.add((cond.id, eff.note))
        patient_steps.append(
            construct(
                ProtocolNote,
                id=f"patient.{cond.id}",
                title=f"{'Refer first' if eff.action == 'refer_first' else 'For'} {cond.name}",
                text=eff.note,
                sources=eff.sources,
            )
        )
    if patient_steps:
        protocol = (*patient_steps, *protocol)
    if patient is None and kb.safety_conditions:
        notes.append(static.not_checked)
    elif patient_from_words and patient is not None:
        unknown = [c.name for c in kb.safety_conditions if not getattr(patient, c.id, False)]
        if unknown:
            notes.append(
                "Only what the text says about the person was checked; not these: "
                + ", ".join(unknown)
                + ". Every point still carries its own cautions."
            )
    flags = detect_red_flags(kb, query, loc, patient, _cause_id(kb, given_cause))
    emergency = any(f.urgency == "emergency" for f in flags)
    if emergency:
        notes.insert(
            0,
            "An emergency red flag was raised: no points are suggested. "
            "Get emergency medical care first.",
        )
        chosen = ()
    elif flags:
        notes.insert(
            0, "Red flags were raised: have a doctor assess these symptoms before any acupuncture."
        )
    # safety (issue 17): a `not_a_candidate` condition withholds every point, reason first
    withheld = not_a_candidate(effects)
    if withheld:
        chosen = ()
        notes.insert(
            0,
            "Not a candidate for acupuncture now, so no points are suggested: "
            + " ".join(f"{w.name}: {w.reason}" for w in withheld),
        )
    return _SELECTION(
        disclaimer=DISCLAIMER,
        emergency=emergency,
        red_flags=flags,
        not_a_candidate=withheld,
        query=query,
        location=loc,
        cause=the_cause.id if the_cause else None,
        tenderness=tenderness,
        patient=patient,
        points=tuple(chosen),
        excluded=tuple(exclusions),
        protocol=protocol,
        # safety (issue 17)
        aftercare=aftercare_for(kb, (p.point for p in chosen))
        if made is None or chosen is not made[0]
        else made[1],
        notes=tuple(notes),
        rules_applied=tuple(applied),
        version=__version__,
        data_version=kb.data_version,
    )
