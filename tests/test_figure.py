"""The body figure (figure.yaml) and the body maps drawn from it: every point has a place
inside the body on the view that shows its surface, every region can be shaded, and the
maps mark exactly what they are asked to, on the right side."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import acupoints
from acupoints import KnowledgeBase
from acupoints.figure import NoFigureError

SVG = "{http://www.w3.org/2000/svg}"


@cache
def outline_polygons(kb: KnowledgeBase) -> list[list[tuple[float, float]]]:
    out = []
    for part in kb.dataset.outline:
        pts = list(part.points)
        out.append(pts)
        if not part.midline:
            out.append([(200 - x, y) for x, y in pts])
    return out


def inside(poly: list[tuple[float, float]], x: float, y: float) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def in_body(kb: KnowledgeBase, x: float, y: float, slack: float = 0.0) -> bool:
    probes = (
        [(x, y)]
        if not slack
        else [(x + dx, y + dy) for dx in (-slack, 0, slack) for dy in (-slack, 0, slack)]
    )
    return any(inside(poly, px, py) for poly in outline_polygons(kb) for px, py in probes)


# ------------------------------------------------------------------ the data
def test_every_point_has_one_position(kb: KnowledgeBase) -> None:
    placed = [p.code for p in kb.dataset.positions]
    assert len(placed) == len(set(placed)) == len(kb.points) == 409
    assert set(placed) == set(kb.point_map)


def test_every_position_is_inside_the_body(kb: KnowledgeBase) -> None:
    outside = []
    for pos in kb.dataset.positions:
        x, y = pos.at
        if pos.view == "back":
            x = 200 - x  # the outline is symmetric; test the person's right side mirrored
        if not in_body(kb, x, y, slack=1.0):
            outside.append(f"{pos.code} {pos.view} {pos.at}")
    assert not outside, outside


def test_every_position_is_on_its_side_of_the_midline(kb: KnowledgeBase) -> None:
    for pos in kb.dataset.positions:
        p = kb.point(pos.code)
        x = pos.at[0]
        lat = p.location.laterality
        if lat == "midline":
            assert x == 100, pos
        elif (pos.view == "front") == (lat == "bilateral" or lat == "right"):
            assert x < 100, pos  # the person's right is on the viewer's left from the front
        else:
            assert x > 100, pos


def test_limb_points_are_drawn_on_the_view_of_their_surface(kb: KnowledgeBase) -> None:
    """Palms forward: the Yin arm is seen from the front, the Yang arm from the back."""
    for pos in kb.dataset.positions:
        p = kb.point(pos.code)
        region = p.location.region
        arm = ("upper_arm", "elbow", "forearm", "wrist", "hand")  # not shoulder, armpit
        if any(kb.anatomy.within(region, r) for r in arm) and p.location.surface:
            want = "front" if p.location.surface == "yin" else "back"
            assert pos.view == want, (pos.code, region, p.location.surface)


def test_front_and_back_points_are_drawn_in_their_view(kb: KnowledgeBase) -> None:
    trunk = ("chest", "abdomen", "back", "face", "neck", "buttock")
    for pos in kb.dataset.positions:
        p = kb.point(pos.code)
        aspects = set(p.location.aspects)
        if not any(kb.anatomy.within(p.location.region, r) for r in trunk):
            continue
        if aspects == {"anterior"}:
            assert pos.view == "front", pos
        if aspects == {"posterior"}:
            assert pos.view == "back", pos


def test_back_shu_points_follow_the_spine(kb: KnowledgeBase) -> None:
    """BL11-BL30 run down the inner Bladder line in order, ahead of the outer line."""
    inner = [
        kb.dataset.positions[[q.code for q in kb.dataset.positions].index(f"BL{n}")]
        for n in range(11, 31)
    ]
    ys = [pos.at[1] for pos in inner]
    assert ys == sorted(ys)
    assert len({round(pos.at[0]) for pos in inner[:10]}) <= 2


@pytest.mark.parametrize("meridian", ["LU", "PC", "HT", "LI", "TE", "SI"])
def test_arm_meridians_run_along_the_arm_in_order(kb: KnowledgeBase, meridian: str) -> None:
    pos = {p.code: p for p in kb.dataset.positions}
    arm = [
        pos[p.code].at[1]
        for p in kb.points_of(meridian)
        if kb.anatomy.within(p.location.region, "upper_limb") and p.location.region != "shoulder"
    ]
    # yin arm meridians run down to the hand, yang ones up from it
    if meridian in ("LU", "PC", "HT"):
        assert arm == sorted(arm), arm
    else:
        assert arm == sorted(arm, reverse=True), arm


def test_every_region_can_be_shaded(kb: KnowledgeBase) -> None:
    from acupoints.figure import _figure

    fig = _figure(kb)
    for r in kb.regions:
        if r.id == "body":
            continue
        assert fig.region_shapes(r.id), r.id


def test_region_shapes_lie_on_the_body(kb: KnowledgeBase) -> None:
    off = []
    for rf in kb.dataset.region_shapes:
        for shape in rf.shapes:
            for x, y in shape.points:
                xx = 200 - x if shape.view == "back" else x
                if not in_body(kb, xx, y, slack=2.5):
                    off.append(f"{rf.region} {shape.view} ({x}, {y})")
    assert not off, off


# ------------------------------------------------------------------ the maps
def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(svg: str) -> list[str]:
    """The visible texts (not their white halos)."""
    return [t.text or "" for t in parse(svg).iter(SVG + "text") if t.get("fill") != "#fff"]


def test_point_map_marks_both_sides(kb: KnowledgeBase) -> None:
    m = kb.body_map(points=["LI4", "GV14"])
    assert [(k.code, k.side) for k in m.marks] == [
        ("LI4", "right"),
        ("LI4", "left"),
        ("GV14", "midline"),
    ]
    right, left = m.marks[0], m.marks[1]
    assert right.view == left.view == "back"
    assert right.x > 224 + 100 > left.x  # back view: the person's right is on the right
    assert texts(m.svg).count("LI4") == 2 and texts(m.svg).count("GV14") == 1
    assert len(list(parse(m.svg).iter(SVG + "circle"))) == 3


def test_side_is_respected(kb: KnowledgeBase) -> None:
    front = kb.body_map(points=["LU7"], side="right").marks
    assert [(k.view, k.side) for k in front] == [("front", "right")]
    assert front[0].x < 100  # front view: the person's right is on the viewer's left
    assert kb.body_map(points=["LU7"], side="left").marks[0].x > 100


def test_meridian_map_traces_every_point(kb: KnowledgeBase) -> None:
    m = kb.body_map(meridians=["GV"])
    assert [k.code for k in m.marks] == [p.code for p in kb.points_of("GV")]
    assert parse(m.svg).find(f".//{SVG}polyline") is not None
    assert len(kb.body_map(meridians=["BL"]).marks) == 2 * 67


def test_region_map_shades(kb: KnowledgeBase) -> None:
    m = kb.body_map(regions=["foot.sole"], side="left")
    polys = list(parse(m.svg).iter(SVG + "polygon"))
    assert polys and m.shaded == ("foot.sole",)
    with pytest.raises(acupoints.UnknownRegionError):
        kb.body_map(regions=["foot.soul"])
    with pytest.raises(acupoints.UnknownPointError):
        kb.body_map(points=["LI44"])


def test_selection_map_marks_each_selected_point(kb: KnowledgeBase) -> None:
    sel = kb.select("numb back of the left hand and fingers", cause="diabetic")
    m = sel.body_map()
    codes = [k.code for k in m.marks]
    assert set(codes) == set(sel.codes)
    for rp in sel.points:
        sides = sorted(k.side for k in m.marks if k.code == rp.code)
        if rp.side == "midline":
            assert sides == ["midline"]
        elif rp.side in ("left", "right"):
            assert sides == [rp.side]
        else:
            assert sides == ["left", "right"]
    assert m.shaded == sel.location.region_ids
    assert list(parse(m.svg).iter(SVG + "polygon"))
    root = parse(m.svg)
    assert root.get("width") == "520"


def test_red_flag_shows_on_the_map(kb: KnowledgeBase) -> None:
    sel = kb.select("sudden numbness of the left side of my face and arm")
    assert sel.emergency
    assert "RED FLAG" in sel.body_map().svg
    assert not sel.body_map().marks


def test_no_figure_gives_a_clear_error(tiny_kb: KnowledgeBase) -> None:
    with pytest.raises(NoFigureError, match="no body figure"):
        tiny_kb.body_map(points=["LI1"])


def test_save(kb: KnowledgeBase, tmp_path: object) -> None:
    from pathlib import Path

    path = kb.point("ST36").body_map().save(Path(str(tmp_path)) / "st36.svg")
    assert path.read_text(encoding="utf-8").startswith("<svg")


def test_focus_crops_to_what_is_drawn(kb: KnowledgeBase) -> None:
    whole = parse(kb.body_map(points=["LI4"]).svg).get("viewBox")
    assert whole == "0.0 0.0 424.0 468.0"
    close = kb.body_map(points=["LI4"], side="left", focus=120)
    x0, y0, w, h = map(float, parse(close.svg).get("viewBox", "").split())
    assert w == 120 and 120 < h < 132  # and a band below for the view names
    mark = close.marks[0]
    assert x0 < mark.x < x0 + w and y0 < mark.y < y0 + h
    # a selection on both feet keeps both feet in view
    sel = kb.select("numb soles of both feet")
    x0, y0, w, h = map(float, parse(sel.body_map(focus=100).svg).get("viewBox", "").split())
    for k in sel.body_map().marks:
        assert x0 <= k.x <= x0 + w and y0 <= k.y <= y0 + h


def test_the_picture_in_the_docs_is_current(kb: KnowledgeBase) -> None:
    from pathlib import Path

    picture = Path(__file__).resolve().parents[1] / "docs" / "img" / "left-hand.svg"
    sel = kb.select("numbness on the back of my left hand and fingers", cause="diabetic")
    assert picture.read_text(encoding="utf-8") == sel.body_map().svg, (
        "regenerate: sel.body_map().save('docs/img/left-hand.svg') for this selection"
    )


def test_map_option_of_the_commands(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from acupoints.cli import main

    out = Path(str(tmp_path))
    assert main(["select", "numb left sole", "--map", str(out / "s.svg"), "--focus", "120"]) == 0
    assert main(["point", "LI4", "ST36", "--map", str(out / "p.svg")]) == 0
    assert main(["meridian", "GB", "--map", str(out / "m.svg")]) == 0
    for name in ("s.svg", "p.svg", "m.svg"):
        parse((out / name).read_text(encoding="utf-8"))
    assert ">ST36<" in (out / "p.svg").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["point", "LI4", "--map", str(out / "no" / "x.svg")]) == 2
    assert "cannot write" in capsys.readouterr().err


@pytest.mark.parametrize(
    "kwargs",
    [
        {"side": "up"},
        {"width": 0},
        {"width": "wide"},
        {"focus": -5},
        {"focus": "near"},
        {"focus": float("nan")},
        {"title": 3.5},
        {"labels": "yes"},
        {"regions": 7},
        {"regions": ["hand", None]},
        {"meridians": b"LU"},
        {"points": [["LI4"]]},
        {"location": 3},
    ],
)
def test_bad_options_give_a_library_error(kb: KnowledgeBase, kwargs: dict[str, object]) -> None:
    from acupoints.figure import BodyMapError

    with pytest.raises(BodyMapError):
        kb.body_map(**{"points": ["LI4"], **kwargs})  # type: ignore[arg-type]
    if set(kwargs) <= {"width", "focus", "labels", "kb"}:  # what a selection's map takes
        with pytest.raises(BodyMapError):
            kb.select("numb left thumb").body_map(**kwargs)  # type: ignore[arg-type]
    with pytest.raises(BodyMapError, match="kb must be"):
        kb.select("numb left thumb").body_map(kb="acupoints")  # type: ignore[arg-type]


def test_one_name_alone_and_a_text_location(kb: KnowledgeBase) -> None:
    """A single code is one point, not its letters; a location may be text to parse."""
    one = kb.body_map(points="LI4", meridians="PC", regions="hand.dorsum", side="left")
    listed = kb.body_map(points=["LI4"], meridians=["PC"], regions=["hand.dorsum"], side="left")
    assert one.svg == listed.svg and {m.code for m in one.marks} >= {"LI4", "PC8"}
    point = kb.point("LI4")
    assert kb.body_map(points=point).svg == kb.body_map(points=["LI4"]).svg
    text = "numb back of the left hand"
    assert kb.body_map(location=text).svg == kb.body_map(location=kb.parse_location(text)).svg
    with pytest.raises(acupoints.LocationError):
        kb.body_map(location="zzz qqq")


ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=2000),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(["LI4", "hegu", "LU", "hand", "hand.dorsum", "left", "numb left thumb"]),
    st.lists(st.sampled_from(["LI4", "ST36", "LU", "hand", 3, None, "xx"]), max_size=3),
    st.binary(max_size=4),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(
            (
                "points",
                "meridians",
                "regions",
                "location",
                "side",
                "labels",
                "width",
                "title",
                "focus",
            ),
            ANY,
        ),
    )
)
@example(kwargs={"title": "\x1f"})  # once made a document no XML parser would read
def test_any_options_draw_a_map_or_raise_a_library_error(
    kb: KnowledgeBase, kwargs: dict[str, object]
) -> None:
    try:
        m = kb.body_map(**kwargs)  # type: ignore[arg-type]
    except acupoints.AcupointsError:
        return
    root = ET.fromstring(m.svg)  # well-formed, and says nothing about nan or infinity
    assert root.tag.endswith("svg") and "nan" not in m.svg and "inf" not in m.svg.lower()


def test_text_xml_forbids_is_shown_as_a_replacement_character(kb: KnowledgeBase) -> None:
    m = kb.body_map(points=["LI4"], title="numb\x1f hand\x00 \ud800 <b>&")
    root = ET.fromstring(m.svg)
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text == "numb\ufffd hand\ufffd \ufffd <b>&"


# ------------------------------------------------------------------ shading and titles
def shaded_polygons(svg: str) -> list[tuple[str, list[tuple[float, float]]]]:
    """Each shaded polygon as (view, points in that view's own x and the figure's y)."""
    out = []
    for poly in parse(svg).iter(SVG + "polygon"):
        pts = [tuple(map(float, xy.split(","))) for xy in (poly.get("points") or "").split()]
        view = "back" if min(x for x, _ in pts) >= 212 else "front"
        out.append((view, [(x - (224 if view == "back" else 0), y) for x, y in pts]))
    return out


def person_side(view: str, xs: list[float]) -> str:
    """The person's side a shape lies on: their right is the viewer's left from the
    front and the viewer's right from behind; 'both' when it crosses the midline."""
    low, high = min(xs) < 100 - 0.05, max(xs) > 100 + 0.05
    if low and high:
        return "both"
    return ("right" if low else "left") if view == "front" else ("left" if low else "right")


@pytest.mark.parametrize(
    ("text", "views", "side"),
    [
        ("numb back of my right thigh", {"back"}, "right"),
        ("numb front of my left thigh", {"front"}, "left"),
        ("numb down the back of my right leg into the heel", {"back"}, "right"),
        ("numb outer side of my left calf", None, "left"),
        ("numb back of my left hand", {"back"}, "left"),
        ("numb palm of my right hand", {"front"}, "right"),
        ("numb left side of my face", {"front"}, "left"),
        ("numbness on the right side of my face", {"front"}, "right"),
    ],
)
def test_shading_follows_the_aspects_and_side(
    kb: KnowledgeBase, text: str, views: set[str] | None, side: str
) -> None:
    """The back of the thigh is not its front (the Yang surface of the leg has both), and
    one side of the face is not the whole face (midline shapes are halved)."""
    sel = kb.select(text)
    polys = shaded_polygons(sel.body_map().svg)
    assert polys, text
    if views is not None:
        assert {view for view, _ in polys} == views, text
    assert {person_side(view, [x for x, _ in pts]) for view, pts in polys} == {side}, text


def test_every_region_shades_on_the_side_asked(kb: KnowledgeBase) -> None:
    """For every region with shapes, on either side: each polygon drawn is one of the
    region's own shapes (or a descendant's) on that side, a midline shape halved."""
    wrong = []
    for shapes in kb.dataset.region_shapes:
        for side in ("left", "right"):
            polys = shaded_polygons(kb.body_map(regions=[shapes.region], side=side).svg)
            if len(polys) != len(shapes.shapes):
                wrong.append((shapes.region, side, "count"))
            for view, pts in polys:
                if person_side(view, [x for x, _ in pts]) != side:
                    wrong.append((shapes.region, side, view))
    assert not wrong, wrong


def assert_title_clear(root: ET.Element, title_text: str, close_up: bool) -> None:
    """The title is above every shaded shape and point and, in a close-up (which cuts the
    body at its top edge), on a white band drawn over the body."""
    title = next(t for t in root.iter(SVG + "text") if t.text == title_text)
    baseline, size = float(title.get("y", "0")), float(title.get("font-size", "0"))
    tops = [float(c.get("cy", "0")) - 2.5 for c in root.iter(SVG + "circle")]
    svg = ET.tostring(root, encoding="unicode")
    tops += [y for _, pts in shaded_polygons(svg) for _, y in pts]
    assert baseline < min(tops), (baseline, min(tops))
    if close_up:
        bands = [
            r
            for r in list(root.iter(SVG + "rect"))[1:]  # the first is the background
            if r.get("fill") == "#fff"
            and float(r.get("y", "0")) <= baseline - size
            and float(r.get("y", "0")) + float(r.get("height", "0")) >= baseline
        ]
        assert bands, "no white band behind the title of a close-up"


@pytest.mark.parametrize("focus", [None, 120.0, 160.0])
def test_the_title_is_never_drawn_across_the_figure(kb: KnowledgeBase, focus: float | None) -> None:
    sel = kb.select("numb down the back of my right leg into the heel", cause="sciatica")
    assert sel.query
    assert_title_clear(parse(sel.body_map(focus=focus).svg), sel.query, focus is not None)


@pytest.mark.parametrize("text", ["numb back of my right thigh", "numb back of my left hand"])
def test_the_html_inset_keeps_its_title_above_the_figure(kb: KnowledgeBase, text: str) -> None:
    from acupoints.html import selection_html

    html = selection_html(kb.select(text))
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    assert_title_clear(parse(svg), text, close_up=True)
