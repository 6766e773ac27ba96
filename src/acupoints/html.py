"""Rich HTML for notebooks: what ``_repr_html_`` of points, meridians, selections, the
knowledge base and every other record returns.

The HTML is self-contained (inline styles, no scripts, no external files), escapes every
text it shows, and sets its own colours so it reads the same in light and dark notebook
themes. A selection shows its red flags first, in a red box nobody misses.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .kb import KnowledgeBase
    from .models import Meridian, Point
    from .selection import Selection

__all__ = [
    "kb_html",
    "meridian_html",
    "point_html",
    "record_html",
    "red_flags_html",
    "selection_html",
]

_BOX = (
    "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;"
    "color:#1d1d1f;background:#fff;padding:8px 10px;border:1px solid #d9d9de;"
    "border-radius:6px;max-width:1100px;line-height:1.4"
)
_TABLE = "border-collapse:collapse;margin:4px 0;width:100%"
_TH = (
    "text-align:left;padding:3px 8px;border-bottom:2px solid #c7c7cc;background:#f4f4f6;"
    "color:#1d1d1f;vertical-align:bottom"
)
_TD = "text-align:left;padding:3px 8px;border-bottom:1px solid #e5e5ea;vertical-align:top"
_KEY = _TD + ";color:#555;white-space:nowrap;width:1%"
_FLAG = {
    "emergency": "background:#b00020;color:#fff;border:2px solid #7a0016",
    "urgent": "background:#fde7e9;color:#7a0016;border:2px solid #b00020",
    "soon": "background:#fff4e5;color:#663c00;border:2px solid #e08a00",
}
_CAUTION = "color:#8a4b00"
_MUTED = "color:#666;font-size:12px"


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _rows(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(
        f'<tr><td style="{_KEY}">{_e(k)}</td><td style="{_TD}">{v}</td></tr>' for k, v in pairs
    )


def _sources(ids: Iterable[str]) -> str:
    ids = list(ids)
    return f'<span style="{_MUTED}">[{_e(", ".join(ids))}]</span>' if ids else ""


def _wrap(body: str, cls: str) -> str:
    return f'<div class="acupoints {cls}" style="{_BOX}">{body}</div>'


def _map_svg(make: Any) -> str:
    """The SVG of a body map, or nothing when the data has no figure for it."""
    from .errors import AcupointsError

    try:
        return str(make().svg)
    except AcupointsError:
        return ""


# -- records in general ---------------------------------------------------------------


def record_html(record: Any) -> str:
    """Any record: its type and a table of its fields (nested records as JSON)."""
    from .models import Meridian, Point

    if isinstance(record, Point):
        return point_html(record)
    if isinstance(record, Meridian):
        return meridian_html(record)
    import json

    data = record.to_dict()
    pairs = []
    for key, value in data.items():
        if value is None or value in ([], ()):
            continue
        if isinstance(value, (dict, list)):
            text = f"<code>{_e(json.dumps(value, ensure_ascii=False))}</code>"
        else:
            text = _e(value)
        pairs.append((key, text))
    head = f"<b>{_e(type(record).__name__)}</b>"
    return _wrap(f'{head}<table style="{_TABLE}">{_rows(pairs)}</table>', "record")


# -- a point ------------------------------------------------------------------------------


def point_html(p: Point, *, body_map: bool = True) -> str:
    """A point: names, meridian, place, nerves, needling, categories and cautions, each
    with its sources, and a small body map with the point marked."""
    loc = p.location
    where = f"{loc.region} ({', '.join(loc.aspects)}"
    where += f"; {loc.surface} surface" if loc.surface else ""
    where += f"; {loc.laterality}"
    where += f"; level {loc.level})" if loc.level else ")"
    pairs = [
        (
            "meridian",
            _e(p.meridian) if p.meridian else f"extra point, group EX-{_e(p.group)}",
        ),
        ("region", _e(where)),
        ("location", f"{_e(loc.description)} {_sources(loc.sources)}"),
        ("landmarks", _e("; ".join(loc.landmarks))),
    ]
    if p.aliases:
        pairs.append(("also called", _e(", ".join(a.name for a in p.aliases))))
    if p.innervation:
        pairs.append(
            (
                "nerves",
                "<br>".join(
                    f"{_e(i.nerve)}{' (' + _e(i.layer) + ')' if i.layer else ''} "
                    f"{_sources(i.sources)}"
                    for i in p.innervation
                ),
            )
        )
    for n in p.needling:
        depth = f" {n.depth_cun[0]:g}–{n.depth_cun[1]:g} cun" if n.depth_cun else ""
        direction = f", {n.direction}" if n.direction else ""
        note = f" ({n.note})" if n.note else ""
        pairs.append(
            ("needling", f"{_e(n.angle + depth + direction + note)} {_sources(n.sources)}")
        )
    if p.categories:
        pairs.append(
            (
                "categories",
                "<br>".join(
                    _e(c.kind.replace("_", "-") + (f" of {c.of}" if c.of else ""))
                    + (f" ({_e(c.phase)})" if c.phase else "")
                    + f" {_sources(c.sources)}"
                    for c in p.categories
                ),
            )
        )
    for c in p.cautions:
        what = f"{c.structure}: " if c.structure else f"{c.kind}: "
        pairs.append(
            (
                "caution",
                f'<span style="{_CAUTION}">{_e(what + c.note)}</span> {_sources(c.sources)}',
            )
        )
    if p.sites:
        pairs.append(("sites", _e(", ".join(s.label for s in p.sites))))
    pairs.append(("names from", _sources(p.names.sources)))
    head = (
        f'<div style="font-size:16px"><b>{_e(p.code)}</b> {_e(p.names.pinyin)} '
        f"{_e(p.names.hanzi)} <span style='color:#555'>({_e(p.names.hanzi_simplified)})"
        f"</span> — {_e(p.names.english)}</div>"
    )
    table = f'<table style="{_TABLE}">{_rows(pairs)}</table>'
    svg = _map_svg(lambda: p.body_map(labels=True, width=220, focus=140)) if body_map else ""
    return _wrap(_side_by_side(head + table, svg, 220), "point")


def _side_by_side(left: str, svg: str, width: int) -> str:
    if not svg:
        return left
    return (
        '<div style="display:flex;gap:12px;align-items:flex-start;flex-wrap:wrap">'
        f'<div style="flex:1 1 420px;min-width:320px">{left}</div>'
        f'<div style="flex:0 0 {width}px">{svg}</div></div>'
    )


# -- a meridian -----------------------------------------------------------------------


def meridian_html(m: Meridian, *, body_map: bool = True) -> str:
    """A meridian: names, what kind, course, its points, and its line on the body map."""
    from . import load
    from .errors import AcupointsError

    head = (
        f'<div style="font-size:16px"><b>{_e(m.code)}</b> {_e(m.names.english)} '
        f"{_e(m.names.hanzi)} ({_e(m.names.pinyin)})</div>"
    )
    pairs = []
    if m.kind == "regular":
        pairs.append(
            (
                "kind",
                _e(
                    f"{m.yin_yang} {m.limb} meridian, {m.six_channel}; organ {m.organ}; "
                    f"{m.element}; partner {m.partner}"
                ),
            )
        )
    else:
        pairs.append(("kind", "extraordinary vessel"))
    pairs.append(("course", f"{_e(m.course_note)} {_sources(m.sources)}"))
    try:
        kb = load()
        points = kb.points_of(m.code) if m.code in {x.code for x in kb.meridians} else ()
    except AcupointsError:
        points = ()
    if points:
        pairs.append(
            (
                f"{len(points)} points",
                ", ".join(
                    f"<b>{_e(p.code)}</b> {_e(p.names.pinyin)} {_e(p.names.hanzi)}" for p in points
                ),
            )
        )
    table = f'<table style="{_TABLE}">{_rows(pairs)}</table>'
    svg = (
        _map_svg(lambda: load().body_map(meridians=[m.code], width=320, focus=160))
        if body_map
        else ""
    )
    return _wrap(_side_by_side(head + table, svg, 320), "meridian")


# -- a selection ----------------------------------------------------------------------


def red_flags_html(sel: Selection) -> str:
    """The red flags of a selection as alert boxes (red for an emergency), most urgent
    first, with the reasons a patient is not a candidate now after the emergencies; empty
    when there are none."""
    out = []
    withheld = [
        f'<div role="alert" style="{_FLAG["emergency"]};border-radius:5px;padding:8px 10px;'
        f'margin:0 0 8px 0;font-size:14px"><b>⚠ NOT A CANDIDATE NOW: {_e(w.name)}</b> '
        f"(no points are suggested)<br>{_e(w.reason)}<br><span style='font-size:12px'>"
        f"sources: {_e(', '.join(w.sources))}</span></div>"
        for w in sel.not_a_candidate
    ]
    for f in sel.red_flags:
        title = "EMERGENCY" if f.urgency == "emergency" else f.urgency.upper()
        out.append(
            f'<div role="alert" style="{_FLAG[f.urgency]};border-radius:5px;padding:8px 10px;'
            f'margin:0 0 8px 0;font-size:14px"><b>⚠ {_e(title)}: {_e(f.name)}</b><br>'
            f"{_e(f.advice)}<br><span style='font-size:12px'>raised by: "
            f"{_e(', '.join(f.matched))} · sources: {_e(', '.join(f.sources))}</span></div>"
        )
    # the flags come most urgent first: the reasons go right after the emergencies
    emergencies = sum(1 for f in sel.red_flags if f.urgency == "emergency")
    out[emergencies:emergencies] = withheld
    return "".join(out)


def selection_html(sel: Selection, *, body_map: bool = True) -> str:
    """A selection: red flags on top, then the query, the ranked points with score, role
    (and the alternatives a point stands for), side, the rules that chose each (with
    sources) and its cautions; then what was left out, the protocol, aftercare, notes,
    the disclaimer, and the body map."""
    parts = [red_flags_html(sel)]
    loc = sel.location
    facts = [
        ("asked", _e(sel.query) if sel.query else "<i>a prepared location</i>"),
        ("read as", _e(f"{loc} (side {loc.side or 'not given'})")),
        ("roots", _e(", ".join(loc.segments) or "–")),
        ("cause", _e(sel.cause or "not given")),
        ("tenderness", _e(sel.tenderness)),
    ]
    if sel.patient is not None:
        facts.append(("patient", _e(", ".join(sel.patient.conditions()) or "no conditions")))
    parts.append(f'<table style="{_TABLE}">{_rows(facts)}</table>')
    if sel.points:
        head = "".join(
            f'<th style="{_TH}">{h}</th>'
            for h in ("#", "point", "score", "role", "side", "why", "cautions")
        )
        body = []
        for i, rp in enumerate(sel.points, 1):
            p = rp.point
            ranked = sorted(rp.reasons, key=lambda r: -r.contribution)
            mains = [r for r in ranked if not r.rule.startswith("score.")]
            top = rp.why or (ranked[0] if ranked else None)
            why = _e(top.text) if top else ""
            rules = " · ".join(
                f"{_e(r.rule)} [{_e(', '.join(r.sources))}]" if r.sources else _e(r.rule)
                for r in mains
            )
            details = "".join(
                f"<li>+{r.contribution:.2f} <b>{_e(r.rule)}</b>: {_e(r.text)} "
                f"{_sources(r.sources)}</li>"
                for r in ranked
            )
            why += (
                f'<div style="{_MUTED}">{rules}</div>'
                f'<details style="{_MUTED}"><summary>{len(ranked)} parts of the score'
                f'</summary><ul style="margin:2px 0;padding-left:16px">{details}</ul></details>'
            )
            cautions = "<br>".join(
                f'<span style="{_CAUTION}">{_e(w.note)}</span>'
                + (
                    f' <span style="{_MUTED}">({_e(w.origin)})</span>'
                    if w.origin != "point"
                    else ""
                )
                for w in rp.cautions
            )
            role = _e(rp.role or rp.group)
            if rp.alternatives:
                role += f'<div style="{_MUTED}">or {_e(", ".join(rp.alternatives))}</div>'
            body.append(
                f'<tr><td style="{_TD}">{i}</td>'
                f'<td style="{_TD};white-space:nowrap"><b>{_e(rp.code)}</b><br>'
                f"{_e(p.names.pinyin)} {_e(p.names.hanzi)}</td>"
                f'<td style="{_TD}">{rp.score:.2f}</td><td style="{_TD}">{role}</td>'
                f'<td style="{_TD}">{_e(rp.side)}</td><td style="{_TD}">{why}</td>'
                f'<td style="{_TD};min-width:180px;max-width:280px">{cautions}</td></tr>'
            )
        parts.append(f'<table style="{_TABLE}"><tr>{head}</tr>{"".join(body)}</table>')
    else:
        parts.append("<p><b>No points selected.</b></p>")
    if sel.excluded:
        items = "".join(
            f"<li><b>{_e(x.code)}</b>: {_e('; '.join(x.reasons))} {_sources(x.sources)}</li>"
            for x in sel.excluded
        )
        parts.append(f"<div><b>Left out for this patient</b><ul>{items}</ul></div>")
    sections: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("Protocol", sel.protocol),
        ("Aftercare", sel.aftercare),
    )
    for title, steps in sections:
        if steps:
            lis = "".join(
                f"<li><b>{_e(st.title)}</b>: {_e(st.text)} {_sources(st.sources)}</li>"
                for st in steps
            )
            parts.append(f"<details><summary><b>{title}</b></summary><ul>{lis}</ul></details>")
    for note in sel.notes:
        parts.append(f'<p style="{_MUTED}">note: {_e(note)}</p>')
    parts.append(f'<p style="{_MUTED}"><i>{_e(sel.disclaimer)}</i></p>')
    svg = _map_svg(lambda: sel.body_map(width=360, focus=150)) if body_map else ""
    return _wrap(_side_by_side("".join(parts), svg, 360), "selection")


# -- the knowledge base -------------------------------------------------------------


def kb_html(kb: KnowledgeBase) -> str:
    """The knowledge base: where it came from and how much it holds."""
    from . import __version__

    g = kb.graph
    pairs = [
        ("data", _e(kb.origin)),
        ("version", _e(__version__)),
        ("data version", _e(kb.data_version)),
        (
            "points",
            _e(
                f"{len(kb.points)} ({len(kb.standard_points)} standard, "
                f"{len(kb.extra_points)} extra)"
            ),
        ),
        (
            "meridians",
            _e(", ".join(m.code for m in kb.meridians))
            + _e(f" ({len(kb.meridians)}); vessels: ")
            + _e(", ".join(v.code for v in kb.vessels)),
        ),
        ("regions", _e(len(kb.regions))),
        ("nerves, segments", _e(f"{len(kb.nerves)}, {len(kb.segments)}")),
        ("rules, causes", _e(f"{len(kb.rules)}, {len(kb.causes)}")),
        ("sources", _e(len(kb.sources))),
        ("graph", _e(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")),
    ]
    head = "<b>acupoints knowledge base</b>"
    return _wrap(f'{head}<table style="{_TABLE}">{_rows(pairs)}</table>', "kb")
