"""Body maps: SVG drawings of the front and back of a schematic body with regions shaded,
points marked with their codes, and meridians traced.

The figure comes from ``figure.yaml``: the outline of the body (person's right side,
mirrored for the left), the shapes that shade each body region, and one position per point
(the view it is best seen in and its place for the person's right side). The figure is in
anatomical position: palms forward, so the front view shows the palm and the inner (Yin)
surface of the arm, the back view the back of the hand and the outer (Yang) surface.

```pycon
>>> import acupoints
>>> kb = acupoints.load()
>>> m = kb.body_map(points=["LI4"], regions=["hand.dorsum"])
>>> m.svg.startswith("<svg") and ">LI4<" in m.svg
True
>>> [(mark.code, mark.view, mark.side) for mark in m.marks]
[('LI4', 'back', 'right'), ('LI4', 'back', 'left')]

```

Placement is schematic: the right part of the body, the right surface and the right order
along a meridian, within a few figure units; it is not an anatomical atlas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ._record import not_xml
from .errors import AcupointsError, names_arg
from .models import FIGURE_HEIGHT, FIGURE_WIDTH, Location, Point

if TYPE_CHECKING:  # pragma: no cover
    from .kb import KnowledgeBase
    from .models import RegionShape
    from .selection import Selection

__all__ = ["BodyMap", "BodyMapError", "Mark", "NoFigureError", "body_map", "selection_map"]

W, H = FIGURE_WIDTH, FIGURE_HEIGHT
GAP = 24.0  # between the two views
TOP = 14.0  # room for the title line
BOTTOM = 34.0  # room for view names and the legend
OFFSET = {"front": 0.0, "back": W + GAP}
MAX_STEP = 80.0  # a meridian's line breaks where consecutive points are further apart


def _xml(text: str) -> str:
    """``text`` escaped for SVG, with the characters XML 1.0 forbids (control characters,
    lone surrogates) shown as U+FFFD, so that the document stays well-formed."""
    return escape(not_xml().sub("\ufffd", text))


SKIN, SKIN_EDGE = "#f3e6d8", "#6b5a48"
SHADE = "#3d7dd8"
GROUP_COLOURS = {
    "local": "#c62828",
    "surface": "#ef6c00",
    "root": "#6a1b9a",
    "root_level": "#6a1b9a",
    "distal": "#00838f",
    "core": "#ad1457",
    "adjunct": "#2e7d32",
    "point": "#c62828",
    "meridian": "#1565c0",
}
GROUP_NAMES = {
    "local": "local",
    "surface": "limb surface",
    "root": "nerve root",
    "root_level": "nerve root",
    "distal": "distal, on the channel",
    "core": "core, from the literature",
    "adjunct": "adjunct",
}


class NoFigureError(AcupointsError):
    """The data directory has no figure (``figure.yaml``), or no position for a point."""


class BodyMapError(ValueError, AcupointsError):
    """A body map was asked for with a bad option (a side, width, focus, title or labels
    of the wrong kind, or points, meridians or regions that are not names)."""


@dataclass(frozen=True)
class Mark:
    """A point drawn on the map: which view, which side of the body, where."""

    code: str
    view: str
    side: str  # right, left or midline
    x: float
    y: float
    group: str
    label: bool


@dataclass(frozen=True)
class BodyMap:
    """An SVG body map. Displays itself in a notebook; ``str(m)`` and ``m.svg`` give the
    SVG text and ``m.save("map.svg")`` writes it."""

    svg: str
    marks: tuple[Mark, ...] = ()
    shaded: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        return self.svg

    def _repr_svg_(self) -> str:
        return self.svg

    def _repr_html_(self) -> str:
        return self.svg

    def save(self, path: str | Path) -> Path:
        """Write the SVG to ``path`` (UTF-8); returns the path."""
        target = Path(path)
        target.write_text(self.svg, encoding="utf-8")
        return target


# -- geometry ---------------------------------------------------------------------------


def _mirror(pts: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(W - x, y) for x, y in pts]


def _smooth(pts: Sequence[tuple[float, float]], dx: float) -> str:
    """A closed Catmull-Rom curve through the corners, as cubic Bezier path data."""
    n = len(pts)
    p = [(x + dx, y + TOP) for x, y in pts]
    out = [f"M{p[0][0]:.1f},{p[0][1]:.1f}"]
    for i in range(n):
        p0, p1, p2, p3 = p[(i - 1) % n], p[i], p[(i + 1) % n], p[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(f"C{c1[0]:.1f},{c1[1]:.1f} {c2[0]:.1f},{c2[1]:.1f} {p2[0]:.1f},{p2[1]:.1f}")
    return " ".join(out) + " Z"


def _polygon(pts: Sequence[tuple[float, float]], dx: float) -> str:
    return " ".join(f"{x + dx:.1f},{y + TOP:.1f}" for x, y in pts)


# -- what to draw -------------------------------------------------------------------------


class _Figure:
    """The figure tables of one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        data = kb._data  # its figure only (the prebuilt data reads it on first use)
        if not data.outline or not data.positions:
            raise NoFigureError(
                f"the data in {kb.origin} has no body figure (figure.yaml with outline and "
                "positions)"
            )
        self.kb = kb
        self.outline = data.outline
        self.shapes = {r.region: r.shapes for r in data.region_shapes}
        self.positions = {p.code: p for p in data.positions}
        self.children: dict[str, list[str]] = {}
        for r in kb.regions:
            if r.parent is not None:
                self.children.setdefault(r.parent, []).append(r.id)
        self.surface_aspects: dict[tuple[str, str], set[str]] = {
            (s.limb, s.surface): set(s.aspects) for s in kb.surfaces
        }

    def region_shapes(self, region: str) -> list[RegionShape]:
        """Shapes of a region, or of its descendants when it has none of its own."""
        if region in self.shapes:
            return list(self.shapes[region])
        out = []
        for child in self.children.get(region, ()):
            out += self.region_shapes(child)
        return out

    def at(self, p: Point, side: str) -> tuple[str, float, float]:
        """View and canvas x, y of point ``p`` on the person's ``side``: midline and
        one-sided points where they are stored, bilateral points stored for the right
        side and mirrored for the left."""
        pos = self.positions.get(p.code)
        if pos is None:
            raise NoFigureError(f"figure.yaml has no position for {p.code}")
        x = pos.at[0] if p.location.laterality != "bilateral" else _place(side, pos.at[0])
        return pos.view, x + OFFSET[pos.view], pos.at[1] + TOP


_FIGURES: WeakKeyDictionary[KnowledgeBase, _Figure] = WeakKeyDictionary()


def _figure(kb: KnowledgeBase) -> _Figure:
    fig = _FIGURES.get(kb)
    if fig is None:
        fig = _FIGURES[kb] = _Figure(kb)
    return fig


def _sides(side: str | None) -> tuple[str, ...]:
    if side == "left":
        return ("left",)
    if side == "right":
        return ("right",)
    return ("right", "left")


def _place(side: str, x: float) -> float:
    """x in the view for the person's ``side`` of a bilateral point (stored for the
    right side; the left is its mirror image in both views)."""
    return x if side == "right" else W - x


# -- drawing ------------------------------------------------------------------------------


class _Canvas:
    def __init__(
        self, width: int, title: str | None, focus: float | None = None, labels: bool = True
    ) -> None:
        if not isinstance(labels, bool):
            raise BodyMapError(f"labels must be True or False, got {labels!r}")
        if title is not None and not isinstance(title, str):
            raise BodyMapError(f"title must be text or None, got {title!r}")
        if isinstance(width, bool) or not isinstance(width, int) or width < 1:
            raise BodyMapError(f"width must be a positive number of pixels, got {width!r}")
        if focus is not None and (
            isinstance(focus, bool) or not isinstance(focus, (int, float)) or not focus > 0
        ):
            raise BodyMapError(f"focus must be a positive number of figure units, got {focus!r}")
        self.width = width
        self.title = title
        self.layers: dict[str, list[str]] = {"shade": [], "lines": [], "dots": [], "text": []}
        self.boxes: list[tuple[float, float, float, float]] = []
        self.legend: dict[str, str] = {}
        self.pending: list[tuple[str, float, float, str]] = []  # labels to place
        self.extent: list[tuple[float, float]] = []  # corners of shaded shapes
        self.bands: tuple[tuple[float, float], ...] = ()  # a close-up's title and names

    def dot(self, x: float, y: float) -> None:
        """Keep labels off a drawn point."""
        self.boxes.append((x - 2.0, y - 2.0, x + 2.0, y + 2.0))

    def label(self, text: str, x: float, y: float, colour: str, size: float = 5.6) -> None:
        """Put a label near the point (x, y) where it covers no other label or point,
        trying ever wider rings around it; a label set away from its point gets a thin
        leader line back to it."""
        import math

        w, h = 0.6 * size * len(text), size
        centre = W / 2 + (OFFSET["back"] if x > W else 0.0)
        outward = 0.0 if x >= centre else math.pi
        best: tuple[float, float] | None = None
        for radius in (3.0, 6.0, 10.0, 15.0, 21.0, 28.0, 36.0):
            for step in range(0, 13):
                turn = (step + 1) // 2 * (1 if step % 2 else -1) * math.pi / 12
                angle = outward + turn
                cx, cy = x + radius * math.cos(angle), y + radius * math.sin(angle)
                # anchor the box on the side facing away from the point
                lx = cx if math.cos(angle) >= 0 else cx - w
                ly = cy + h * 0.35
                box = (lx - 0.4, ly - h * 0.85, lx + w + 0.4, ly + h * 0.25)
                if box[0] < 0 or box[2] > 2 * W + GAP or box[1] < TOP - 4:
                    continue
                if not any(_overlap(box, b) for b in self.boxes):
                    best = (lx, ly)
                    break
            if best is not None:
                break
        if best is None:
            best = (x + 3.0, y + h * 0.35)
        lx, ly = best
        self.boxes.append((lx - 0.4, ly - h * 0.85, lx + w + 0.4, ly + h * 0.25))
        near_x = min(max(x, lx), lx + w)
        near_y = min(max(y, ly - h * 0.7), ly)
        if math.hypot(near_x - x, near_y - y) > 3.5:
            self.layers["lines"].append(
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{near_x:.1f}" y2="{near_y:.1f}" '
                f'stroke="{colour}" stroke-width="0.35" stroke-opacity="0.8"/>'
            )
        attrs = f'x="{lx:.1f}" y="{ly:.1f}" font-size="{size}" font-weight="600"'
        self.layers["text"].append(  # a white halo under the text, for any renderer
            f'<text {attrs} fill="#fff" stroke="#fff" stroke-width="1.8" '
            f'stroke-linejoin="round" opacity="0.85">{_xml(text)}</text>'
            f'<text {attrs} fill="{colour}">{_xml(text)}</text>'
        )

    def render(self, outline: Iterable[Any], focus: float | None = None) -> str:
        """The SVG text. ``focus``: crop to what was drawn (points, labels, shading),
        at least ``focus`` figure units wide and high, instead of the whole figure."""
        for _, x, y, _ in self.pending:
            self.dot(x, y)
        for text, x, y, colour in self.pending:
            if text:
                self.label(text, x, y, colour)
        total_w, total_h = 2 * W + GAP, TOP + H + BOTTOM
        box = (0.0, 0.0, total_w, total_h)
        drawn = [(b[0], b[1]) for b in self.boxes] + [(b[2], b[3]) for b in self.boxes]
        drawn += self.extent
        if focus and drawn:
            x0, y0, x1, y1 = _crop(drawn, focus, total_w, total_h)
            # bands outside the crop, so that the title and the view names are drawn
            # above and below the figure, not across it
            top = self._title_size(x1 - x0) + 4 if self.title else 0.0
            bottom = 1.4 * self._small(x1 - x0) + 2
            box = (x0, y0 - top, x1, y1 + bottom)
            self.bands = ((y0 - top, y0), (y1, y1 + bottom))
        x0, y0, x1, y1 = box
        height = round(self.width * (y1 - y0) / (x1 - x0))
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.1f} {y0:.1f} '
            f'{x1 - x0:.1f} {y1 - y0:.1f}" width="{self.width}" height="{height}" '
            'font-family="Helvetica, Arial, sans-serif" role="img">'
        ]
        out.append(
            f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" '
            f'height="{y1 - y0:.1f}" fill="#fff"/>'
        )
        if self.title:
            out.append(f"<title>{_xml(self.title)}</title>")
        for dx in OFFSET.values():
            shapes = []
            for part in outline:
                shapes.append(part.points)
                if not part.midline:
                    shapes.append(_mirror(part.points))
            for pts in shapes:  # edges first, then fills: parts merge into one body
                out.append(
                    f'<path d="{_smooth(pts, dx)}" fill="{SKIN}" stroke="{SKIN_EDGE}" '
                    'stroke-width="2" stroke-linejoin="round"/>'
                )
            for pts in shapes:
                out.append(f'<path d="{_smooth(pts, dx)}" fill="{SKIN}"/>')
        for layer in ("shade", "lines", "dots", "text"):
            out += self.layers[layer]
        out += self._frame(box)
        out.append("</svg>")
        return "".join(out)

    def _title_size(self, box_width: float) -> float:
        """Font size of the title: as large as the frame allows (a long title in a
        close-up shrinks to fit)."""
        scale = max(1.0, box_width / (2 * W + GAP))
        return min(7 * scale, 1.75 * box_width / max(len(self.title or ""), 1))

    @staticmethod
    def _small(box_width: float) -> float:
        """Font size of the side words; the view names are 1.4 times as large."""
        return 5.0 * min(1.0, box_width / 200 + 0.35)

    def _frame(self, box: tuple[float, float, float, float]) -> list[str]:
        """Title on top; view names and the person's sides; the legend at the bottom."""
        x0, y0, x1, y1 = box
        small = self._small(x1 - x0)
        out = [  # blank bands above and below a close-up hold the title and view names
            f'<rect x="{x0:.1f}" y="{lo:.1f}" width="{x1 - x0:.1f}" height="{hi - lo:.1f}" '
            'fill="#fff"/>'
            for lo, hi in self.bands
            if hi > lo
        ]
        if self.title:
            size = self._title_size(x1 - x0)
            out.append(
                f'<text x="{(x0 + x1) / 2:.1f}" y="{y0 + 2 + size:.1f}" '
                f'font-size="{size:.1f}" text-anchor="middle" fill="#222">'
                f"{_xml(self.title)}</text>"
            )
        base = y1 - 24 if y1 >= TOP + H + BOTTOM - 0.5 else y1 - 3
        for view, dx in OFFSET.items():
            lo, hi = max(x0, dx), min(x1, dx + W)
            if hi - lo < 25:
                continue
            out.append(
                f'<text x="{(lo + hi) / 2:.1f}" y="{base:.1f}" font-size="{small * 1.4:.1f}" '
                f'text-anchor="middle" fill="#222">{view}</text>'
            )
            # the person's right is the viewer's left from the front, right from behind
            for side_x, word in (
                (dx + (30 if view == "front" else W - 30), "right"),
                (dx + (W - 30 if view == "front" else 30), "left"),
            ):
                centre = (lo + hi) / 2
                if lo + 8 <= side_x <= hi - 8 and abs(side_x - centre) > 24:
                    out.append(
                        f'<text x="{side_x:g}" y="{base:.1f}" font-size="{small:.1f}" '
                        f'text-anchor="middle" fill="#777">{word}</text>'
                    )
        if self.legend and y1 >= TOP + H + BOTTOM - 0.5:
            x, y = x0 + 6.0, y1 - 8
            for name, colour in self.legend.items():
                out.append(f'<circle cx="{x + 2:g}" cy="{y - 1.8:g}" r="2.2" fill="{colour}"/>')
                out.append(
                    f'<text x="{x + 6:g}" y="{y:g}" font-size="5.5" fill="#333">{_xml(name)}</text>'
                )
                x += 12 + 3.1 * len(name)
        return out


def _crop(
    drawn: Sequence[tuple[float, float]], least: float, total_w: float, total_h: float
) -> tuple[float, float, float, float]:
    """A box around everything drawn, padded, at least ``least`` units each way, kept
    inside the figure (with room at the bottom for the view names)."""
    xs, ys = [p[0] for p in drawn], [p[1] for p in drawn]
    x0, x1 = min(xs) - 12, max(xs) + 12
    y0, y1 = min(ys) - 14, max(ys) + 14
    for lo_name in ("x", "y"):
        lo, hi, limit = (x0, x1, total_w) if lo_name == "x" else (y0, y1, total_h)
        if hi - lo < least:
            grow = (least - (hi - lo)) / 2
            lo, hi = lo - grow, hi + grow
        if lo < 0:
            lo, hi = 0.0, min(limit, hi - lo)
        if hi > limit:
            lo, hi = max(0.0, lo - (hi - limit)), limit
        if lo_name == "x":
            x0, x1 = lo, hi
        else:
            y0, y1 = lo, hi
    return (x0, y0, x1, y1)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def body_map(
    kb: KnowledgeBase,
    *,
    points: Iterable[str | Point] = (),
    meridians: Iterable[str] = (),
    regions: Iterable[str] = (),
    location: Location | str | None = None,
    side: str | None = None,
    labels: bool = True,
    width: int = 520,
    title: str | None = None,
    focus: float | None = None,
) -> BodyMap:
    """Draw points, meridians and regions on the body figure of ``kb``.

    ``points``: codes or names (or one of them alone), each marked with its code on the
    given ``side`` (left, right, or both when ``None``; midline points once).
    ``meridians``: each traced through its points in order, each point marked with its
    number. ``regions``: region ids shaded on ``side``; ``location``: a parsed location,
    or text to parse, whose regions are shaded on their own sides and aspects. ``focus``:
    crop to what is drawn, at least that many figure units each way (the whole figure is
    424 x 468), for a close-up of a hand or a foot.
    Raises :class:`NoFigureError` when the data has no figure,
    :class:`~acupoints.UnknownPointError` / :class:`~acupoints.UnknownRegionError` for
    unknown names, :class:`~acupoints.LocationError` for text that names no body part, and
    :class:`BodyMapError` for an option of the wrong kind.
    """
    if side not in (None, "left", "right", "both"):
        raise BodyMapError(f"side must be 'left', 'right', 'both' or None, got {side!r}")
    canvas = _Canvas(width, title, focus, labels)
    points = names_arg("points", points, (str, Point), BodyMapError)
    meridians = names_arg("meridians", meridians, (str,), BodyMapError)
    regions = names_arg("regions", regions, (str,), BodyMapError)
    if isinstance(location, str):
        location = kb.parse_location(location)  # LocationError, with suggestions
    elif location is not None and not isinstance(location, Location):
        raise BodyMapError(
            f"location must be a Location, text or None, got {type(location).__name__}"
        )
    fig = _figure(kb)
    shaded: list[str] = []
    for region in regions:
        kb.region(region)  # UnknownRegionError, with suggestions
        _shade(canvas, fig, region, (), _sides(side))
        shaded.append(region)
    if location is not None:
        shaded += _shade_location(canvas, fig, location)
    marks: list[Mark] = []
    for code in meridians:
        m = kb.meridian(code)
        marks += _trace(canvas, fig, kb.points_of(m), labels, side)
    for query in points:
        p = kb.point(query)
        marks += _mark(canvas, fig, p, "point", side, labels, p.code)
    return BodyMap(canvas.render(fig.outline, focus), tuple(marks), tuple(shaded))


def _shade_location(canvas: _Canvas, fig: _Figure, location: Location) -> list[str]:
    """Shade each region of a parsed location on its side, showing the aspects it names
    (a limb surface counts as its aspects when none is named: the Yang arm is its back;
    "the back of my thigh" is its back, though the back of the thigh is on its Yang
    surface)."""
    out = []
    for ref in location.regions:
        aspects: set[str] = set(ref.aspects)
        limb = fig.kb.anatomy.limb_of(ref.region)
        if ref.surface and limb and not aspects:  # named aspects are narrower than a surface
            aspects = fig.surface_aspects.get((limb, ref.surface), set())
        _shade(canvas, fig, ref.region, tuple(aspects), _sides(ref.side or location.side))
        out.append(ref.region)
    return out


def _shade(
    canvas: _Canvas, fig: _Figure, region: str, aspects: tuple[str, ...], sides: tuple[str, ...]
) -> None:
    shapes = fig.region_shapes(region)
    if aspects:
        chosen = [s for s in shapes if not s.aspects or set(s.aspects) & set(aspects)]
        shapes = chosen or shapes
    for shape in shapes:
        dx = OFFSET[shape.view]
        targets: list[Sequence[tuple[float, float]]]
        if shape.midline:  # one side of the midline only, when one side is numb
            targets = (
                [shape.points] if len(sides) != 1 else [_half(shape.points, shape.view, sides[0])]
            )
        else:
            targets = [shape.points if s == "right" else _mirror(shape.points) for s in sides]
        for pts in targets:
            if len(pts) < 3:
                continue
            canvas.extent += [(x + dx, y + TOP) for x, y in pts]
            canvas.layers["shade"].append(
                f'<polygon points="{_polygon(pts, dx)}" fill="{SHADE}" fill-opacity="0.28" '
                f'stroke="{SHADE}" stroke-opacity="0.55" stroke-width="0.6" '
                'stroke-linejoin="round"/>'
            )
    canvas.legend.setdefault("numb region", SHADE)


def _half(pts: Sequence[tuple[float, float]], view: str, side: str) -> list[tuple[float, float]]:
    """The part of a midline shape on the person's ``side``: the person's right is the
    viewer's left from the front (x < W/2) and the viewer's right from behind."""
    keep_low = (view == "front") == (side == "right")

    def inside(p: tuple[float, float]) -> bool:
        return p[0] <= W / 2 if keep_low else p[0] >= W / 2

    out: list[tuple[float, float]] = []
    for i, cur in enumerate(pts):  # Sutherland-Hodgman against the line x = W/2
        prev = pts[i - 1]
        if inside(cur) != inside(prev):
            t = (W / 2 - prev[0]) / (cur[0] - prev[0])
            out.append((W / 2, prev[1] + t * (cur[1] - prev[1])))
        if inside(cur):
            out.append(cur)
    return out


def _mark(
    canvas: _Canvas,
    fig: _Figure,
    p: Point,
    group: str,
    side: str | None,
    labels: bool,
    text: str,
) -> list[Mark]:
    colour = GROUP_COLOURS.get(group, "#c62828")
    lat = p.location.laterality
    # midline and one-sided points are drawn once, where they are
    sides = (lat,) if lat in ("midline", "left", "right") else _sides(side)
    out = []
    for s in sides:
        view, x, y = fig.at(p, s)
        canvas.layers["dots"].append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.9" fill="{colour}" stroke="#fff" '
            f'stroke-width="0.6"><title>{_xml(str(p))}</title></circle>'
        )
        canvas.pending.append((text if labels else "", x, y, colour))
        out.append(Mark(p.code, view, s, round(x, 1), round(y, 1), group, labels))
    return out


def _trace(
    canvas: _Canvas, fig: _Figure, pts: Sequence[Point], labels: bool, side: str | None
) -> list[Mark]:
    colour = GROUP_COLOURS["meridian"]
    sides = _sides(side)
    for s in sides:
        run: list[tuple[float, float]] = []
        last_view = None
        for p in pts:
            view, x, y = fig.at(p, s)
            here = (x, y)
            # a new run where the line changes view or jumps (BL40 -> BL41 starts the
            # outer back line again at the shoulder): no line across the body
            jump = bool(run) and abs(here[1] - run[-1][1]) + abs(here[0] - run[-1][0]) > MAX_STEP
            if view != last_view or jump:
                if len(run) > 1:
                    canvas.layers["lines"].append(_polyline(run, colour))
                run = []
            last_view = view
            run.append(here)
        if len(run) > 1:
            canvas.layers["lines"].append(_polyline(run, colour))
        if all(p.location.laterality != "bilateral" for p in pts):
            break
    marks = []
    for p in pts:
        marks += _mark(canvas, fig, p, "meridian", side, labels, str(p.number))
    return marks


def _polyline(run: Sequence[tuple[float, float]], colour: str) -> str:
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
    return (
        f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="0.9" '
        'stroke-opacity="0.7" stroke-linejoin="round"/>'
    )


def selection_map(
    sel: Selection,
    *,
    kb: KnowledgeBase | None = None,
    labels: bool = True,
    width: int = 520,
    focus: float | None = None,
) -> BodyMap:
    """The body map of a selection: its location shaded, its points marked on the sides
    they are used on and coloured by their role in the prescription. The figure is
    that of ``kb`` (default: the packaged data)."""
    if kb is None:
        from . import load

        kb = load()
    elif not isinstance(kb, _kb_class()):
        raise BodyMapError(f"kb must be a KnowledgeBase or None, got {type(kb).__name__}")
    canvas = _Canvas(width, _title(sel), focus, labels)
    fig = _figure(kb)
    shaded = _shade_location(canvas, fig, sel.location)
    marks: list[Mark] = []
    for rp in sel.points:
        side = rp.side if rp.side in ("left", "right") else None
        role = rp.role or rp.group  # its place in the prescription
        marks += _mark(canvas, fig, rp.point, role, side, labels, rp.code)
        canvas.legend.setdefault(GROUP_NAMES.get(role, role), GROUP_COLOURS[role])
    if sel.red_flags:
        canvas.title = "RED FLAG - see a doctor first · " + (canvas.title or "")
    return BodyMap(canvas.render(fig.outline, focus), tuple(marks), tuple(shaded))


def _kb_class() -> type:
    from .kb import KnowledgeBase

    return KnowledgeBase


def _title(sel: Selection) -> str:
    return sel.query or str(sel.location)
