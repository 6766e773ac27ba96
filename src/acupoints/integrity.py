"""Checks that span records and files: references resolve, codes are unique, counts match.

:func:`read_dataset` validates each record on its own; :func:`check_dataset` then checks
the dataset as a whole and returns every problem as a :class:`DataError` naming the file,
the entry and the field. :func:`acupoints.load` raises the first of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator

from pydantic import BaseModel

from .errors import DataError
from .loading import Dataset
from .vocab import VESSEL_CODES

__all__ = ["check_dataset"]


def _sources_used(model: BaseModel, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (field path, source id) for every `sources` list inside ``model``."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = f"{path}.{name}" if path else name
        if name == "sources" and isinstance(value, tuple):
            for sid in value:
                yield here, sid
        elif isinstance(value, BaseModel):
            yield from _sources_used(value, here)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _sources_used(item, f"{here}.{i}")


def _duplicates(file: str, ids: Iterable[str], what: str) -> Iterator[DataError]:
    for ident, n in Counter(ids).items():
        if n > 1:
            yield DataError(f"{what} {ident!r} appears {n} times", file=file, entry=ident)


def check_dataset(data: Dataset) -> list[DataError]:
    """Every cross-record problem of ``data``; an empty list when it is consistent."""
    problems: list[DataError] = []
    add = problems.append

    problems += _duplicates("sources.yaml", (s.id for s in data.sources), "source id")
    problems += _duplicates("meridians.yaml", (m.code for m in data.meridians), "meridian code")
    problems += _duplicates("meridians.yaml", (v.code for v in data.vessels), "vessel code")
    problems += _duplicates("regions.yaml", (r.id for r in data.regions), "region id")
    problems += _duplicates("points.yaml", (p.code for p in data.points), "point code")
    problems += _duplicates("nerves.yaml", (n.id for n in data.nerves), "nerve id")
    problems += _duplicates("segments.yaml", (s.id for s in data.segments), "segment id")
    problems += _duplicates(
        "regions.yaml", (f"{s.limb} {s.surface}" for s in data.surfaces), "limb surface"
    )

    source_ids = {s.id for s in data.sources}
    meridians = {m.code: m for m in data.meridians}
    regions = {r.id: r for r in data.regions}
    points = {p.code: p for p in data.points}

    def check_sources(file: str, entry: str, model: BaseModel) -> None:
        for field, sid in _sources_used(model):
            if sid not in source_ids:
                add(
                    DataError(
                        f"unknown source {sid!r} (not in sources.yaml)",
                        file=file,
                        entry=entry,
                        field=field,
                    )
                )

    # meridians and vessels
    for m in data.meridians:
        check_sources("meridians.yaml", m.code, m)
        for field in ("partner", "same_name_partner"):
            other = getattr(m, field)
            if other is None:
                continue
            if other not in meridians:
                add(
                    DataError(
                        f"unknown meridian {other!r}",
                        file="meridians.yaml",
                        entry=m.code,
                        field=field,
                    )
                )
            elif getattr(meridians[other], field) != m.code:
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
        if v.confluent_point not in points:
            add(
                DataError(
                    f"unknown point {v.confluent_point!r}",
                    file="meridians.yaml",
                    entry=v.code,
                    field="confluent_point",
                )
            )

    # regions: parents exist, one root, no cycles
    for r in data.regions:
        if r.parent is not None and r.parent not in regions:
            add(
                DataError(
                    f"unknown parent region {r.parent!r}",
                    file="regions.yaml",
                    entry=r.id,
                    field="parent",
                )
            )
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
        for i, rid in enumerate(regs):
            if rid not in regions:
                add(
                    DataError(
                        f"unknown region {rid!r} (not in regions.yaml)",
                        file=file,
                        entry=entry,
                        field=f"{field}.{i}.region",
                    )
                )

    # nerves and segments
    nerves = {n.id: n for n in data.nerves}
    for n in data.nerves:
        check_sources("nerves.yaml", n.id, n)
        if n.parent is not None and n.parent not in nerves:
            add(
                DataError(
                    f"unknown parent nerve {n.parent!r}",
                    file="nerves.yaml",
                    entry=n.id,
                    field="parent",
                )
            )
        check_territory("nerves.yaml", n.id, "territory", (t.region for t in n.territory))
    for seg in data.segments:
        check_sources("segments.yaml", seg.id, seg)
        check_territory("segments.yaml", seg.id, "territory", (t.region for t in seg.territory))
        if seg.key_region not in regions:
            add(
                DataError(
                    f"unknown region {seg.key_region!r}",
                    file="segments.yaml",
                    entry=seg.id,
                    field="key_region",
                )
            )
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
        for i, rid in enumerate(cause.sites):
            if rid not in regions:
                add(
                    DataError(
                        f"unknown region {rid!r}",
                        file="causes.yaml",
                        entry=cause.id,
                        field=f"sites.{i}",
                    )
                )
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
    if data.scoring is not None:
        check_sources("rules.yaml", "scoring", data.scoring)

    def check_when(file: str, entry: str, when: object) -> None:
        from .rules import Conditions

        assert isinstance(when, Conditions)
        for i, rid in enumerate(when.regions):
            if rid not in regions:
                add(
                    DataError(
                        f"unknown region {rid!r}", file=file, entry=entry, field=f"when.regions.{i}"
                    )
                )
        for i, cid in enumerate(when.causes):
            if cid not in cause_ids:
                add(
                    DataError(
                        f"unknown cause {cid!r}", file=file, entry=entry, field=f"when.causes.{i}"
                    )
                )

    kinds = {"systemic", "compression", "injury", "residual", "unknown"}
    for rule in data.rules:
        check_sources("rules.yaml", rule.id, rule)
        check_when("rules.yaml", rule.id, rule.when)
        sel = rule.select
        for name in ("codes", "arm", "leg"):
            for i, code in enumerate(getattr(sel, name)):
                if code not in points:
                    add(
                        DataError(
                            f"unknown point {code!r}",
                            file="rules.yaml",
                            entry=rule.id,
                            field=f"select.{name}.{i}",
                        )
                    )
        for i, rid in enumerate(sel.regions):
            if rid not in regions:
                add(
                    DataError(
                        f"unknown region {rid!r}",
                        file="rules.yaml",
                        entry=rule.id,
                        field=f"select.regions.{i}",
                    )
                )
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
        if pr.source not in source_ids:
            add(
                DataError(
                    f"unknown source {pr.source!r}",
                    file="protocols.yaml",
                    entry=pr.id,
                    field="source",
                )
            )
        for i, cid in enumerate(pr.causes):
            if cid not in cause_ids:
                add(
                    DataError(
                        f"unknown cause {cid!r}",
                        file="protocols.yaml",
                        entry=pr.id,
                        field=f"causes.{i}",
                    )
                )
        for i, code in enumerate(pr.points):
            if code not in points:
                add(
                    DataError(
                        f"unknown point {code!r}",
                        file="protocols.yaml",
                        entry=pr.id,
                        field=f"points.{i}",
                    )
                )

    # safety
    from .safety import Patient

    patient_fields = set(Patient.model_fields)
    problems += _duplicates("safety.yaml", (c.id for c in data.conditions), "condition id")
    problems += _duplicates("safety.yaml", (f.id for f in data.red_flags), "red flag id")
    problems += _duplicates("safety.yaml", (a.id for a in data.aftercare), "aftercare id")
    problems += _duplicates("safety.yaml", (r.id for r in data.risks), "risk id")

    def check_refs(entry: str, field: str, values: Iterable[str], known: Container[str]) -> None:
        what = field.rsplit(".", 1)[-1].rstrip("s")
        for i, value in enumerate(values):
            if value not in known:
                add(
                    DataError(
                        f"unknown {what} {value!r}",
                        file="safety.yaml",
                        entry=entry,
                        field=f"{field}.{i}",
                    )
                )

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
            check_refs(cond.id, f"{at}.points", eff.points, points)
            check_refs(cond.id, f"{at}.regions", eff.regions, regions)
            misplaced = [
                (key, owner)
                for key, owner in (
                    ("patient_regions", "skin_lesions"),
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
    for rf in data.red_flags:
        check_sources("safety.yaml", rf.id, rf)
        check_refs(rf.id, "regions", rf.regions, regions)
        check_refs(rf.id, "fields", rf.fields, patient_fields)
        check_refs(rf.id, "causes", rf.causes, cause_ids)
        if not (rf.triggers or rf.regions or rf.fields or rf.causes):
            add(
                DataError(
                    "a red flag needs triggers, regions, fields or causes",
                    file="safety.yaml",
                    entry=rf.id,
                )
            )
    for item in (*data.aftercare, *data.risks):
        check_sources("safety.yaml", item.id, item)

    # points
    by_meridian: dict[str | None, list[int]] = defaultdict(list)
    channels = set(meridians) | set(VESSEL_CODES)
    for p in data.points:
        check_sources("points.yaml", p.code, p)
        by_meridian[p.meridian].append(p.number)
        if p.meridian is not None and p.meridian not in meridians:
            add(
                DataError(
                    f"unknown meridian {p.meridian!r} (not in meridians.yaml)",
                    file="points.yaml",
                    entry=p.code,
                    field="meridian",
                )
            )
        if p.location.region not in regions:
            add(
                DataError(
                    f"unknown region {p.location.region!r} (not in regions.yaml)",
                    file="points.yaml",
                    entry=p.code,
                    field="location.region",
                )
            )
        for i, c in enumerate(p.categories):
            for ch in c.meridians:
                if ch not in channels:
                    add(
                        DataError(
                            f"unknown channel {ch!r}",
                            file="points.yaml",
                            entry=p.code,
                            field=f"categories.{i}.meridians",
                        )
                    )
        for i, inn in enumerate(p.innervation):
            if inn.nerve not in nerves:
                add(
                    DataError(
                        f"unknown nerve {inn.nerve!r} (not in nerves.yaml)",
                        file="points.yaml",
                        entry=p.code,
                        field=f"innervation.{i}.nerve",
                    )
                )
        for i, s in enumerate(p.sites):
            if s.same_as is not None and s.same_as not in points:
                add(
                    DataError(
                        f"unknown point {s.same_as!r}",
                        file="points.yaml",
                        entry=p.code,
                        field=f"sites.{i}.same_as",
                    )
                )
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
    return problems
