"""Rich display in notebooks: every record has ``_repr_html_``; a selection shows its red
flags first, then each point with its score, group, reasons and cautions; all text is
escaped; the body map is inline."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

import acupoints
from acupoints import KnowledgeBase, Patient


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in ("br", "circle", "polygon", "polyline", "path", "line", "rect"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "circle", "polygon", "polyline", "path", "line", "rect"):
            return
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(html: str) -> _Collect:
    c = _Collect()
    c.feed(html)
    c.close()
    assert not c.stack, f"unclosed tags {c.stack}"
    assert "<script" not in html
    return c


def test_every_record_displays(kb: KnowledgeBase) -> None:
    data = kb.dataset
    for name in type(data).model_fields:
        value = getattr(data, name)
        for rec in (value if isinstance(value, tuple) else (value,))[:3]:
            if rec is None:
                continue
            page = read(rec._repr_html_())
            assert page.tags[0] == "div"


def test_point_display(kb: KnowledgeBase) -> None:
    page = read(kb.point("LI4")._repr_html_())
    text = " ".join(page.text)
    for expected in ("LI4", "Hegu", "合谷", "Joining Valley", "hand.dorsum", "pregnancy"):
        assert expected in text
    assert "svg" in page.tags  # its place on the body map


def test_meridian_display(kb: KnowledgeBase) -> None:
    page = read(kb.meridian("PC")._repr_html_())
    text = " ".join(page.text)
    assert "9 points" in text and "PC9" in text and "Zhongchong" in text
    assert "polyline" in page.tags


def test_kb_display(kb: KnowledgeBase) -> None:
    text = " ".join(read(kb._repr_html_()).text)
    assert "409 (361 standard, 48 extra)" in text


def test_selection_display_shows_everything_in_order(kb: KnowledgeBase) -> None:
    sel = kb.select(
        "numbness on the back of my left hand and fingers",
        cause="diabetic",
        patient=Patient(pregnant=True, pregnancy_week=12),
    )
    html = sel._repr_html_()
    text = " ".join(read(html).text)
    for rp in sel.points:
        assert rp.code in text and f"{rp.score:.2f}" in text
        for r in rp.reasons:
            assert r.rule in text
    assert "Left out for this patient" in text and sel.excluded[0].code in text
    assert html.index(sel.points[0].code) < html.index(sel.points[-1].code)
    assert sel.disclaimer in text
    assert "<svg" in html


def test_red_flags_come_first(kb: KnowledgeBase) -> None:
    sel = kb.select("numb saddle area and I cannot control my bladder, legs numb")
    assert sel.red_flags
    html = sel._repr_html_()
    first_flag = html.index('role="alert"')
    assert first_flag < html.index("asked")
    assert sel.red_flags[0].name in html[: first_flag + 800]


@pytest.mark.parametrize(
    "text", ["<script>alert(1)</script> numb left thumb", "numb & <b>hand</b>"]
)
def test_text_is_escaped(kb: KnowledgeBase, text: str) -> None:
    html = kb.select(text)._repr_html_()
    assert "<script>" not in html and "<b>hand</b>" not in html
    assert "&lt;" in html


def test_display_without_a_figure(
    kb: KnowledgeBase, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data without figure.yaml loads and displays; only the map is missing."""
    from acupoints import figure

    (data_copy / "figure.yaml").unlink()
    bare = acupoints.load(data_copy)
    with pytest.raises(figure.NoFigureError, match="no body figure"):
        bare.body_map(points=["LI4"])
    read(bare._repr_html_())

    def no_figure(*args: object, **kwargs: object) -> None:
        raise figure.NoFigureError("none")

    monkeypatch.setattr(figure, "selection_map", no_figure)
    html = kb.select("numb back of the left hand")._repr_html_()
    read(html)
    assert "<svg" not in html and "LI4" in html


def test_body_map_displays(kb: KnowledgeBase) -> None:
    m = kb.body_map(points=["ST36"])
    assert m._repr_svg_() == m._repr_html_() == str(m) == m.svg
    assert acupoints.load().point("ST36").body_map().marks == m.marks
