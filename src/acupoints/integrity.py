"""Checks that span records and files: references resolve, codes are unique, counts match.

:func:`read_dataset` validates each record on its own; :func:`check_dataset` then checks
the dataset as a whole and returns every problem as a :class:`DataError` naming the file,
the entry and the field. :func:`acupoints.load` raises the first of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping

from pydantic import BaseModel

from ._from_yaml import _entry_name
from ._record import not_xml
from .errors import DataError
from .loading import DATA_FILES, Dataset
from .models import Point, Region
from .vocab import VESSEL_CODES

__all__ = ["check_dataset"]


def _sources_used(model: BaseModel) -> list[tuple[str, str]]:
    """(field path, source id) for every text of a ``sources`` list inside ``model``, as
    :func:`_texts` gives them (``path.sources.0``), in its order. Only records, lists and
    mappings are walked, and a path is made only for them: walking every text of every
    record, as ``_texts`` does, was most of a YAML load's checks (0.3 of 0.6 s)."""
    out: list[tuple[str, str]] = []
    _collect_sources(model, "", out)
    return out


_NESTED = (BaseModel, tuple, list, Mapping)


def _collect_sources(value: object, path: str, out: list[tuple[str, str]]) -> None:
    if isinstance(value, BaseModel):
        # the record's own values (a frozen record keeps them in its __dict__; the class
        # property model_fields costs more than the walk)
        items: Iterable[tuple[object, object]] = value.__dict__.items()
    elif isinstance(value, (tuple, list)):
        items = enumerate(value)
    elif isinstance(value, Mapping):
        items = value.items()
    else:
        return
    for key, item in items:
        if not isinstance(item, _NESTED):  # a text or a number: no path made
            continue
        here = f"{path}.{key}" if path else str(key)
        if key == "sources":
            if isinstance(item, (tuple, list)):
                out += ((f"{here}.{i}", t) for i, t in enumerate(item) if isinstance(t, str))
            elif isinstance(item, Mapping):
                for k, v in item.items():
                    out += ((f"{here}.{k}", t) for t in (k, v) if isinstance(t, str))
        _collect_sources(item, here, out)


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Yield (field path, text) for every string inside a record."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}.{i}")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(key, f"{path}.{key}")
            yield from _texts(item, f"{path}.{key}")


def _unreadable_texts(data: Dataset) -> Iterator[DataError]:
    """A record whose text holds a character XML 1.0 forbids (a control character, a
    lone surrogate): its GraphML, SVG and HTML would be unreadable. The JSON of the whole
    dataset (the one the cache holds) shows in one search whether any record has one:
    the JSON escapes control characters as \\uXXXX and cannot hold a lone surrogate
    at all; only then are the records walked one by one to name it."""
    try:
        dumped = data.model_dump_json()
    except ValueError:  # a lone surrogate (PydanticSerializationError)
        dumped = None
    if dumped is not None and not any(c in dumped for c in ("\\u", "\ufffe", "\uffff")):
        return
    for spec in DATA_FILES:
        for section in spec.sections:
            found = getattr(data, section)
            records = (found,) if isinstance(found, BaseModel) else found or ()
            for i, record in enumerate(records):
                for field, text in _texts(record, ""):
                    bad = not_xml().search(text)
                    if bad is None:
                        continue
                    # named as the loader names an entry ("LI4", "leg yang", "#3")
                    single = section in spec.single
                    entry = section if single else _entry_name(record.__dict__, spec.keys, i)
                    yield DataError(
                        f"text holds U+{ord(bad.group()):04X}, a character XML 1.0 forbids "
                        "(exports would be unreadable)",
                        file=spec.name,
                        entry=entry,
                        field=field,
                    )


def _duplicates(file: str, ids: Iterable[str], what: str) -> Iterator[DataError]:
    for ident, n in Counter(ids).items():
        if n > 1:
            yield DataError(f"{what} {ident!r} appears {n} times", file=file, entry=ident)


def check_dataset(data: Dataset) -> list[DataError]:
    """Every cross-record problem of ``data``; an empty list when it is consistent."""
    problems: list[DataError] = list(_unreadable_texts(data))
    add = problems.append

    problems += _duplicates("sources.yaml", (s.id for s in data.sources), "source id")
    problems += _duplicates("meridians.yaml", (m.code for m in data.meridians), "meridian code")
    problems += _duplicates("meridians.yaml", (v.code for v in data.vessels), "vessel code")
    problems += _duplicates("regions.yaml", (r.id for r in data.regions), "region id")
    problems += _duplicates("points.yaml", (p.code for p in data.points), "point code")
    problems += _duplicates("readings.yaml", (r.code for r in data.readings), "point code")
    problems += _duplicates("nerves.yaml", (n.id for n in data.nerves), "nerve id")
    problems += _duplicates("segments.yaml", (s.id for s in data.segments), "segment id")
    problems += _duplicates(
        "regions.yaml", (f"{s.limb} {s.surface}" for s in data.surfaces), "limb surface"
    )

    source_ids = {s.id for s in data.sources}
    meridians = {m.code: m for m in data.meridians}
    regions = {r.id: r for r in data.regions}
    points = {p.code: p for p in data.points}

    def ref(
        file: str, entry: str, field: str, value: str | None, known: Container[str], what: str
    ) -> None:
        """Report ``value`` (found at ``field``) when it is not one of ``known``;
        ``what`` may end in ``@file`` to name the file that should hold it."""
        if value is not None and value not in known:
            kind, _, home = what.partition("@")
            msg = f"unknown {kind} {value!r}" + (f" (not in {home})" if home else "")
            add(DataError(msg, file=file, entry=entry, field=field))

    def refs(
        file: str,
        entry: str,
        field: str,
        values: Iterable[str | None],
        known: Container[str],
        what: str,
        tail: str = "",
    ) -> None:
        """:func:`ref` for each item of a list (fields ``field.0``, ``field.1`` ...)."""
        for i, value in enumerate(values):
            ref(file, entry, f"{field}.{i}{tail}", value, known, what)

    def check_sources(file: str, entry: str, model: BaseModel) -> None:
        for field, sid in _sources_used(model):
            ref(file, entry, field, sid, source_ids, "source@sources.yaml")

    # meridians and vessels
    for m in data.meridians:
        check_sources("meridians.yaml", m.code, m)
        for field in ("partner", "same_name_partner"):
            other = getattr(m, field)
            if other is None:
                continue
            ref("meridians.yaml", m.code, field, other, meridians, "meridian")
            if other in meridians and getattr(meridians[other], field) != m.code:
                add(
                    DataError(
                        f"{field} is not mutual: {other} names "
                        f"{getattr(meridians[other], field)!r}",
                        file="meridians.yaml",
                        entry=m.code,
                        field=field,
                    )
                )
    orders = [m.flow_order for m in data.meridians if m.flow_order is not None]
    if orders and sorted(orders) != list(range(1, len(orders) + 1)):
        add(
            DataError(
                f"flow_order values must be 1..{len(orders)} once each, got {sorted(orders)}",
                file="meridians.yaml",
                field="flow_order",
            )
        )
    for v in data.vessels:
        check_sources("meridians.yaml", v.code, v)
        ref("meridians.yaml", v.code, "confluent_point", v.confluent_point, points, "point")

    # regions: parents exist, one root, no cycles
    for r in data.regions:
        ref("regions.yaml", r.id, "parent", r.parent, regions, "parent region")
    roots = [r.id for r in data.regions if r.parent is None]
    if data.regions and len(roots) != 1:
        add(
            DataError(
                f"regions need exactly one root (parent: null), found {roots}",
                file="regions.yaml",
                field="parent",
            )
        )
    for r in data.regions:
        seen = {r.id}
        cur = r
        while cur.parent is not None and cur.parent in regions:
            if cur.parent in seen:
                add(
                    DataError(
                        f"region hierarchy has a cycle through {cur.parent!r}",
                        file="regions.yaml",
                        entry=r.id,
                        field="parent",
                    )
                )
                break
            seen.add(cur.parent)
            cur = regions[cur.parent]

    def check_territory(file: str, entry: str, field: str, regs: Iterable[str]) -> None:
        refs(file, entry, field, regs, regions, "region@regions.yaml", ".region")

    # nerves and segments
    nerves = {n.id: n for n in data.nerves}
    for n in data.nerves:
        check_sources("nerves.yaml", n.id, n)
        ref("nerves.yaml", n.id, "parent", n.parent, nerves, "parent nerve")
        check_territory("nerves.yaml", n.id, "territory", (t.region for t in n.territory))
    for seg in data.segments:
        check_sources("segments.yaml", seg.id, seg)
        check_territory("segments.yaml", seg.id, "territory", (t.region for t in seg.territory))
        ref("segments.yaml", seg.id, "key_region", seg.key_region, regions, "region")
    for surf in data.surfaces:
        check_sources("regions.yaml", f"{surf.limb} {surf.surface}", surf)
    for r in data.regions:
        check_sources("regions.yaml", r.id, r)

    # rules, causes, protocol
    problems += _duplicates("rules.yaml", (r.id for r in data.rules), "rule id")
    problems += _duplicates("causes.yaml", (c.id for c in data.causes), "cause id")
    problems += _duplicates("protocol.yaml", (s.id for s in data.steps), "step id")
    problems += _duplicates("protocols.yaml", (p.id for p in data.protocols), "protocol id")
    cause_ids = {c.id for c in data.causes}
    seen_words: dict[str, str] = {}
    for cause in data.causes:
        check_sources("causes.yaml", cause.id, cause)
        refs("causes.yaml", cause.id, "sites", cause.sites, regions, "region")
        refs("causes.yaml", cause.id, "nerves", cause.nerves, nerves, "nerve@nerves.yaml")
        for j, g in enumerate(cause.guidelines):
            ref("causes.yaml", cause.id, f"guidelines.{j}.source", g.source, source_ids, "source")
        for i, word in enumerate((cause.id.replace("_", " "), *cause.synonyms)):
            owner = seen_words.setdefault(word.lower(), cause.id)
            if owner != cause.id:
                add(
                    DataError(
                        f"{word!r} names both {owner} and {cause.id}",
                        file="causes.yaml",
                        entry=cause.id,
                        field=f"synonyms.{max(i - 1, 0)}",
                    )
                )
    if data.rules and data.scoring is None:
        add(DataError("rules need a `scoring` section", file="rules.yaml", field="scoring"))
    if data.rules and data.composition is None:
        add(DataError("rules need a `composition` section", file="rules.yaml", field="composition"))
    if data.scoring is not None:
        check_sources("rules.yaml", "scoring", data.scoring)
    if data.composition is not None:
        check_sources("rules.yaml", "composition", data.composition)

    def check_when(file: str, entry: str, when: object) -> None:
        from .rules import Conditions

        assert isinstance(when, Conditions)
        refs(file, entry, "when.regions", when.regions, regions, "region")
        refs(file, entry, "when.causes", when.causes, cause_ids, "cause")

    kinds = {"systemic", "compression", "injury", "residual", "unknown"}
    for rule in data.rules:
        check_sources("rules.yaml", rule.id, rule)
        check_when("rules.yaml", rule.id, rule.when)
        sel = rule.select
        for name in ("codes", "arm", "leg"):
            refs("rules.yaml", rule.id, f"select.{name}", getattr(sel, name), points, "point")
        refs("rules.yaml", rule.id, "select.regions", sel.regions, regions, "region")
        for key in rule.cause_weights:
            if key not in cause_ids and key not in kinds:
                add(
                    DataError(
                        f"{key!r} is neither a cause id nor a cause kind",
                        file="rules.yaml",
                        entry=rule.id,
                        field="cause_weights",
                    )
                )
    for st in data.steps:
        check_sources("protocol.yaml", st.id, st)
        check_when("protocol.yaml", st.id, st.when)
    for pr in data.protocols:
        ref("protocols.yaml", pr.id, "source", pr.source, source_ids, "source")
        refs("protocols.yaml", pr.id, "causes", pr.causes, cause_ids, "cause")
        refs("protocols.yaml", pr.id, "points", pr.points, points, "point")
        refs("protocols.yaml", pr.id, "sites", pr.sites, regions, "region")

    # safety
    from .safety import Patient

    patient_fields = set(Patient.model_fields)
    problems += _duplicates("safety.yaml", (c.id for c in data.conditions), "condition id")
    problems += _duplicates("safety.yaml", (f.id for f in data.red_flags), "red flag id")
    problems += _duplicates("safety.yaml", (a.id for a in data.aftercare), "aftercare id")
    problems += _duplicates("safety.yaml", (r.id for r in data.risks), "risk id")

    for cond in data.conditions:
        check_sources("safety.yaml", cond.id, cond)
        if cond.id not in patient_fields:
            add(
                DataError(
                    f"{cond.id!r} is not a field of acupoints.Patient",
                    file="safety.yaml",
                    entry=cond.id,
                    field="id",
                )
            )
        for j, eff in enumerate(cond.effects):
            at = f"effects.{j}"
            refs("safety.yaml", cond.id, f"{at}.points", eff.points, points, "point")
            refs("safety.yaml", cond.id, f"{at}.regions", eff.regions, regions, "region")
            misplaced = [
                (key, owner)
                for key, owner in (
                    ("patient_regions", str(eff.patient_regions)),
                    ("patient_limbs", "lymphoedema"),
                    ("from_week", "pregnant"),
                )
                if getattr(eff, key) not in (None, False) and cond.id != owner
            ]
            for key, owner in misplaced:
                add(
                    DataError(
                        f"`{key}` only makes sense for the {owner!r} condition",
                        file="safety.yaml",
                        entry=cond.id,
                        field=f"{at}.{key}",
                    )
                )
    # a flag raised by a concept of text.yaml's flags, or by one of its flag rules
    conceptual = {c.flag for c in data.flags} | {fr.flag for fr in data.flag_rules}
    for rf in data.red_flags:
        check_sources("safety.yaml", rf.id, rf)
        refs("safety.yaml", rf.id, "regions", rf.regions, regions, "region")
        refs("safety.yaml", rf.id, "fields", rf.fields, patient_fields, "Patient field")
        refs("safety.yaml", rf.id, "causes", rf.causes, cause_ids, "cause")
        if not (rf.triggers or rf.regions or rf.fields or rf.causes or rf.id in conceptual):
            add(
                DataError(
                    "a red flag needs triggers, regions, fields, causes, or a concept or flag "
                    "rule in text.yaml",
                    file="safety.yaml",
                    entry=rf.id,
                )
            )
    for item in (*data.aftercare, *data.risks):
        check_sources("safety.yaml", item.id, item)
    for zone in data.danger_zones:
        check_sources("safety.yaml", zone.id, zone)
        refs("safety.yaml", zone.id, "points", zone.points, points, "point")
        refs("safety.yaml", zone.id, "regions", zone.regions, regions, "region")
    problems += _check_text(data, source_ids, regions, cause_ids)

    # points
    by_meridian: dict[str | None, list[int]] = defaultdict(list)
    channels = set(meridians) | set(VESSEL_CODES)
    for p in data.points:
        check_sources("points.yaml", p.code, p)
        by_meridian[p.meridian].append(p.number)
        file, code = "points.yaml", p.code
        ref(file, code, "meridian", p.meridian, meridians, "meridian@meridians.yaml")
        region = p.location.region
        ref(file, code, "location.region", region, regions, "region@regions.yaml")
        for i, c in enumerate(p.categories):
            for ch in c.meridians:
                ref(file, code, f"categories.{i}.meridians", ch, channels, "channel")
        nerve_ids = (inn.nerve for inn in p.innervation)
        refs(file, code, "innervation", nerve_ids, nerves, "nerve@nerves.yaml", ".nerve")
        refs(file, code, "sites", (s.same_as for s in p.sites), points, "point", ".same_as")
    for rd in data.readings:
        file, code = "readings.yaml", rd.code
        check_sources(file, code, rd)
        point = points.get(code)
        if point is None:
            add(DataError("no point has this code (not in points.yaml)", file=file, entry=code))
            continue
        chars = len(point.names.hanzi)
        if rd.korean is not None and len(rd.korean.hangul) != chars:
            syllables = len(rd.korean.hangul)
            msg = f"{syllables} Hangul syllables for the {chars} characters {point.names.hanzi}"
            add(DataError(msg, file=file, entry=code, field="korean.hangul"))
        if rd.vietnamese is not None and len(rd.vietnamese.name.split()) != chars:
            words = len(rd.vietnamese.name.split())
            msg = f"{words} Vietnamese words for the {chars} characters {point.names.hanzi}"
            add(DataError(msg, file=file, entry=code, field="vietnamese.name"))
        if rd.japanese is not None and len(rd.japanese.kanji) != chars:
            msg = (
                f"the Japanese spelling {rd.japanese.kanji} has {len(rd.japanese.kanji)} "
                f"characters, the name {point.names.hanzi} {chars}"
            )
            add(DataError(msg, file=file, entry=code, field="japanese.kanji"))
        if rd.japanese is not None and len(rd.japanese.kana) < chars:
            msg = f"the kana {rd.japanese.kana} are fewer than the {chars} characters"
            add(DataError(msg, file=file, entry=code, field="japanese.kana"))
    for code, m in meridians.items():
        numbers = sorted(by_meridian.get(code, []))
        if numbers != list(range(1, m.point_count + 1)):
            missing = sorted(set(range(1, m.point_count + 1)) - set(numbers))
            extra = sorted(set(numbers) - set(range(1, m.point_count + 1)))
            add(
                DataError(
                    f"meridian declares point_count {m.point_count} but points.yaml has "
                    f"{len(numbers)} points"
                    + ("; missing " + ", ".join(f"{code}{n}" for n in missing) if missing else "")
                    + ("; unexpected " + ", ".join(f"{code}{n}" for n in extra) if extra else ""),
                    file="meridians.yaml",
                    entry=code,
                    field="point_count",
                )
            )
    problems += _check_figure(data, points, regions)
    return problems


def _check_text(
    data: Dataset, source_ids: Container[str], regions: Container[str], cause_ids: Container[str]
) -> list[DataError]:
    """text.yaml: sources resolve, concepts and flag rules name red flags of safety.yaml,
    flag rules name flag classes (and regions, for both_sides_of), cause cues name causes
    and regions, concept ids are unique."""
    out: list[DataError] = []
    file = "text.yaml"
    flag_ids = {rf.id for rf in data.red_flags}
    keys = next(spec.keys for spec in DATA_FILES if spec.name == file)

    def name(rec: BaseModel, index: int) -> str:  # as the loader names entries
        return _entry_name(rec.model_dump(), keys, index)

    sections = (
        data.context,
        data.roles,
        data.flags,
        data.person,
        data.cause_cues,
        data.flag_classes,
        data.flag_rules,
    )
    for section in sections:
        for i, rec in enumerate(section):
            for field, sid in _sources_used(rec):
                if sid not in source_ids:
                    msg = f"unknown source {sid!r} (not in sources.yaml)"
                    out.append(DataError(msg, file=file, entry=name(rec, i), field=field))
    concept_ids = [
        *(c.id for c in data.flags),
        *(c.id for c in data.person),
        *(fr.id for fr in data.flag_rules),
    ]
    out += _duplicates(file, (c.id for c in data.flag_classes), "flag class id")
    class_ids = {c.id for c in data.flag_classes}
    for fr in data.flag_rules:
        if fr.flag not in flag_ids:
            msg = f"unknown red flag {fr.flag!r} (not in safety.yaml)"
            out.append(DataError(msg, file=file, entry=fr.id, field="flag"))
        for key in ("all", "unless"):
            for i, cid in enumerate(getattr(fr, key)):
                if cid not in class_ids:
                    msg = f"unknown flag class {cid!r} (not in flag_classes)"
                    out.append(DataError(msg, file=file, entry=fr.id, field=f"{key}.{i}"))
        for i, fid in enumerate(fr.overrides):
            if fid not in flag_ids:
                msg = f"unknown red flag {fid!r} (not in safety.yaml)"
                out.append(DataError(msg, file=file, entry=fr.id, field=f"overrides.{i}"))
        for i, rid in enumerate(fr.both_sides_of):
            if rid not in regions:
                msg = f"unknown region {rid!r}"
                out.append(DataError(msg, file=file, entry=fr.id, field=f"both_sides_of.{i}"))
        if fr.both_sides_of and fr.overrides:
            # lead27: the reader reads the sides after the overrides are applied, so such a
            # rule would take the other flag away even where its sides do not hold
            msg = "a rule with both_sides_of cannot override another flag"
            out.append(DataError(msg, file=file, entry=fr.id, field="overrides"))
    from .text.compiled import phrase

    for i, rc in enumerate(data.roles):  # lead26: a touching cue is a word the area's joins
        for j, term in enumerate(rc.before if rc.touching else ()):
            if len(phrase(term)) != 1:
                msg = f"a touching cue is one word, not {term!r}"
                out.append(DataError(msg, file=file, entry=name(rc, i), field=f"before.{j}"))
    out += _duplicates(file, concept_ids, "concept id")
    out += _duplicates(file, (w.id for w in data.words), "word list id")
    out += _duplicates(file, (sp.text for sp in data.spellings), "spelling")
    for c in data.flags:
        if c.flag not in flag_ids:
            msg = f"unknown red flag {c.flag!r} (not in safety.yaml)"
            out.append(DataError(msg, file=file, entry=c.id, field="flag"))
        if not (c.lay or c.clinical or c.typos):
            out.append(DataError("a concept needs words", file=file, entry=c.id, field="lay"))
    # a fact about the person names a condition that is a yes/no field of Patient, or one
    # whose places the reader reads from the text (text.use: the limbs of a lymphoedema)
    from .safety import Patient
    from .text.use import READ_PLACES

    conditions = {c.id for c in data.conditions}
    yes_no = {k for k, f in Patient.model_fields.items() if f.annotation is bool}
    readable = yes_no | READ_PLACES
    for pc in data.person:
        if pc.condition not in conditions or pc.condition not in readable:
            msg = (
                f"unknown condition {pc.condition!r} (a condition of safety.yaml that is a "
                f"yes/no field of Patient, or one of {', '.join(sorted(READ_PLACES))}: "
                f"{', '.join(sorted(conditions & readable))})"
            )
            out.append(DataError(msg, file=file, entry=pc.id, field="condition"))
        if not (pc.lay or pc.clinical or pc.typos):
            out.append(DataError("a concept needs words", file=file, entry=pc.id, field="lay"))
    for n, r in enumerate(data.roles):
        for i, rid in enumerate(r.regions):
            if rid not in regions:
                msg = f"unknown region {rid!r}"
                out.append(DataError(msg, file=file, entry=name(r, n), field=f"regions.{i}"))
    for n, cue in enumerate(data.cause_cues):
        entry = name(cue, n)
        for key, table in (("by_site", cue.by_site), ("by_area", cue.by_area)):
            for rid, cid in table.items():
                if rid not in regions:
                    msg = f"unknown region {rid!r}"
                    out.append(DataError(msg, file=file, entry=entry, field=f"{key}.{rid}"))
                if cid not in cause_ids:
                    msg = f"unknown cause {cid!r}"
                    out.append(DataError(msg, file=file, entry=entry, field=f"{key}.{rid}"))
        if cue.default not in cause_ids:
            msg = f"unknown cause {cue.default!r}"
            out.append(DataError(msg, file=file, entry=entry, field="default"))
    return out


def _check_figure(
    data: Dataset, points: Mapping[str, Point], regions: Mapping[str, Region]
) -> list[DataError]:
    """figure.yaml: known codes and regions, one position per point (when the file gives
    any), and each position on its side of the midline: midline points on it, one-sided
    points on their side, bilateral points on the person's right side (x < 100 in the
    front view, x > 100 in the back view)."""
    file = "figure.yaml"
    problems = list(_duplicates(file, (p.id for p in data.outline), "outline part"))
    problems += _duplicates(file, (p.code for p in data.positions), "point position")
    problems += _duplicates(file, (r.region for r in data.region_shapes), "region figure")
    for r in data.region_shapes:
        if r.region not in regions:
            problems.append(
                DataError(f"unknown region {r.region!r}", file=file, entry=r.region, field="region")
            )
    placed = set()
    for pos in data.positions:
        placed.add(pos.code)
        point = points.get(pos.code)
        if point is None:
            problems.append(
                DataError(f"unknown point {pos.code!r}", file=file, entry=pos.code, field="code")
            )
            continue
        x = pos.at[0]
        lat = point.location.laterality
        if lat == "midline" and abs(x - 100) > 1e-9:
            problems.append(
                DataError(
                    f"{pos.code} is a midline point, so x must be 100 (got {x:g})",
                    file=file,
                    entry=pos.code,
                    field="at.0",
                )
            )
        elif lat != "midline" and (x >= 100) == ((pos.view == "front") == (lat != "left")):
            side = "left" if lat == "left" else "right"
            want = "below" if (pos.view == "front") == (side == "right") else "above"
            problems.append(
                DataError(
                    f"{pos.code} is drawn on the person's {side} side: in the {pos.view} view "
                    f"x must be {want} 100 (got {x:g})",
                    file=file,
                    entry=pos.code,
                    field="at.0",
                )
            )
    if data.positions:
        missing = [code for code in points if code not in placed]
        if missing:
            problems.append(
                DataError(
                    f"{len(missing)} points have no position: "
                    + ", ".join(missing[:10])
                    + (" ..." if len(missing) > 10 else ""),
                    file=file,
                    field="positions",
                )
            )
    return problems
