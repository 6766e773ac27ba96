"""The command line: output, JSON, and one clear line with exit status 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from acupoints.cli import main


def test_point_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["point", "LI4"]) == 0
    out = capsys.readouterr().out
    assert "LI4  Hegu  合谷" in out and "hand.dorsum" in out and "not a diagnosis" in out


def test_point_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["point", "SJ5", "Hegu", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in data] == ["TE5", "LI4"]
    assert data[0]["neighbours"] == ["TE4", "TE6"]


def test_unknown_point_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["point", "LI44"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean LI4" in err and "Traceback" not in err


def test_meridian_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meridian", "LV"]) == 0
    assert "LR14" in capsys.readouterr().out
    assert main(["search", "sanli"]) == 0
    assert capsys.readouterr().out.split()[0] == "LI10"
    assert main(["search", "qqqqqqqq"]) == 1


def test_validate(capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
    assert main(["validate", str(data_copy)]) == 0
    assert "no problems" in capsys.readouterr().out
    path = data_copy / "points.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("pinyin: Hegu", "pinyin: 4"), encoding="utf-8"
    )
    assert main(["validate", str(data_copy), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert problems[0]["entry"] == "LI4" and problems[0]["field"] == "names.pinyin"


def test_bad_data_dir_is_status_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--data", str(tmp_path / "none"), "point", "LI4"]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_python_dash_m() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "acupoints", "point", "GV14"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0 and "Dazhui" in res.stdout
    res = subprocess.run(
        [sys.executable, "-m", "acupoints", "point", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 2 and res.stderr.startswith("acupoints: unknown acupoint")


def test_small_defects_of_the_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    # characters shown once when the traditional form is the simplified one
    assert main(["point", "LI4"]) == 0
    assert "合谷 (合谷)" not in capsys.readouterr().out
    assert main(["point", "SP9"]) == 0  # 陰陵泉, simplified 阴陵泉: both shown
    assert "陰陵泉 (阴陵泉)" in capsys.readouterr().out
    # "both sides", not "both foot.sole"
    assert main(["select", "numb soles of both feet"]) == 0
    out = capsys.readouterr().out
    assert "foot.sole (both sides)" in out and "both foot" not in out


def test_validate_of_what_is_not_a_directory_is_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["validate", str(tmp_path / "nonexist")]) == 2
    err = capsys.readouterr().err
    assert "not a directory" in err and "Traceback" not in err


def test_a_side_that_contradicts_the_text_is_noted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["select", "tingling in my right hand", "--side", "left"]) == 0
    out = capsys.readouterr().out
    assert "The description says right, the side given is left" in out
    assert main(["select", "tingling in my left hand", "--side", "left"]) == 0
    assert "the side given is" not in capsys.readouterr().out


def test_dir_of_the_package_shows_its_api() -> None:
    import acupoints

    names = dir(acupoints)
    assert {"select", "load", "KnowledgeBase", "__version__"} <= set(names)
    assert not {"Any", "TYPE_CHECKING", "annotations", "import_module", "threading"} & set(names)


def test_an_unknown_cause_lists_every_cause(capsys: pytest.CaptureFixture[str]) -> None:
    import acupoints

    assert main(["select", "numb toes", "--cause", "cubital tunnl"]) == 2
    err = capsys.readouterr().err
    assert "did you mean cubital_tunnel" in err
    for cause in acupoints.load().causes:
        assert cause.id in err


def test_records_have_a_short_repr() -> None:
    import acupoints

    kb = acupoints.load()
    assert repr(kb["LI4"]) == "<Point LI4 Hegu 合谷>"
    assert repr(kb.meridian("LI")) == "<Meridian LI Large Intestine Meridian>"
    assert repr(kb.region("hand.dorsum")).startswith("<Region hand.dorsum: ")
    assert repr(kb.nerve("median")) == "<Nerve median: median nerve>"
    s = acupoints.select("numb back of my left hand")
    assert repr(s.points[0]).startswith(f"<RankedPoint {s.points[0].code} ")
    assert len(repr(kb.points_in("hand.dorsum"))) < 400  # not walls of fields
    assert kb["LI4"].model_dump()["names"]["pinyin"] == "Hegu"  # the full record stays


def test_a_selection_its_location_and_patient_have_a_short_repr() -> None:
    """What a REPL shows for the answer itself: no wall of pydantic fields."""
    import acupoints

    kb = acupoints.load()
    s = kb.select("numb back of my left hand", limit=7)
    codes = [p.code for p in s.points]
    assert len(codes) == 7
    assert repr(s) == (
        f"<Selection 'numb back of my left hand': 7 points ({', '.join(codes[:5])}, ...); "
        f"data {kb.data_version}>"
    )
    assert repr(s.location) == f"<Location {s.location}>" and "hand" in repr(s.location)
    flagged = kb.select("sudden numbness of the left side of my face and arm")
    assert flagged.emergency and "(emergency)" in repr(flagged)
    assert repr(kb.select("numb left sole", limit=1)).endswith(
        f": 1 point ({kb.select('numb left sole').points[0].code}); data {kb.data_version}>"
    )
    assert repr(acupoints.Patient()) == "<Patient with none of the conditions>"
    p = acupoints.Patient(pregnant=True, pregnancy_week=20, skin_lesions=("hand",))
    assert repr(p) == "<Patient pregnant=True pregnancy_week=20 skin_lesions=('hand',)>"
    assert s.model_dump()["query"] == "numb back of my left hand"  # the full record stays


def test_every_reading_record_is_exported() -> None:
    import acupoints
    from acupoints import models

    for name in ("KoreanReading", "VietnameseReading", "JapaneseReading", "PointReadings"):
        assert name in acupoints.__all__ and name in dir(acupoints)
        assert getattr(acupoints, name) is getattr(models, name)


# ------------------------------------------------------------------ fitting the terminal
QUERIES = [
    ("numbness on the back of my left hand and fingers", "--cause", "diabetic"),
    ("numb soles of both feet", "--pregnant", "--week", "20", "--anticoagulants"),
    ("numb left leg", "--fever"),
    ("sudden numbness of the left side of my face and arm",),
    ("numb saddle area and both legs",),
    ("pins and needles in my right thumb", "--cause", "carpal tunnel", "--protocol"),
]


def _cells(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("argv", QUERIES, ids=lambda a: a[0][:30])
def test_select_output_fits_100_columns(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["select", *argv]) == 0
    out = capsys.readouterr().out
    wide = [line for line in out.splitlines() if _cells(line) > 100]
    assert not wide, wide


@pytest.mark.parametrize(
    "argv", [["point", "GB30", "SP9", "LI4"], ["meridian", "SP"], ["search", "ling"]]
)
def test_lookup_output_fits_100_columns(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert not [line for line in out.splitlines() if _cells(line) > 100]


@pytest.mark.parametrize(
    "argv",
    [[], ["select"], ["point"], ["meridian"], ["search"], ["batch"], ["export"], ["validate"]],
)
def test_help_fits_100_columns(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse wraps option help to the terminal; the top-level description and the
    examples are laid out by hand and must fit too (the description once ran to 204)."""
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "usage: acupoints" in out
    assert not [line for line in out.splitlines() if _cells(line) > 100]


def test_cjk_columns_line_up(capsys: pytest.CaptureFixture[str]) -> None:
    """陰陵泉 takes six cells, 隱白 four: the English names start in one column."""
    import acupoints

    kb = acupoints.load()
    assert main(["meridian", "SP"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  SP")]
    starts = set()
    for line, p in zip(rows, kb.points_of("SP"), strict=True):
        assert p.names.hanzi in line, line
        starts.add(_cells(line[: line.index(p.names.english)]))
    assert len(rows) == 21 and len(starts) == 1, starts


def test_the_why_column_does_not_repeat_code_and_pinyin(capsys: pytest.CaptureFixture[str]) -> None:
    import re

    assert main(["select", "numbness on the back of my left hand", "--cause", "diabetic"]) == 0
    rows = [
        (m.group(1), m.group(2), m.group(0))
        for m in re.finditer(r"(?m)^\s*\d+\. (\S+)\s+(\S+).*$", capsys.readouterr().out)
    ]
    assert len(rows) == 10 and any(code == "LI4" for code, _, _ in rows)
    for code, pinyin, row in rows:
        assert row.count(code) == 1 and row.count(pinyin) == 1, row


def test_the_protocol_is_compact_unless_asked(capsys: pytest.CaptureFixture[str]) -> None:
    import acupoints

    text = "numb soles of both feet"
    s = acupoints.select(text, patient=acupoints.Patient(pregnant=True, pregnancy_week=20))
    general = [step for step in s.protocol if not step.id.startswith("patient.")]
    assert general and len(general) < len(s.protocol)
    assert main(["select", text, "--week", "20"]) == 0
    short = capsys.readouterr().out
    assert main(["select", text, "--week", "20", "--protocol"]) == 0
    full = capsys.readouterr().out
    flat_short, flat_full = " ".join(short.split()), " ".join(full.split())
    for step in general:
        assert step.title in flat_short and step.text not in flat_short
        assert step.text in flat_full
    for step in s.protocol:  # the patient's own steps are always in full
        if step.id.startswith("patient."):
            assert step.text in flat_short
    assert len(short.splitlines()) < len(full.splitlines()) - 10


def test_the_progress_bar_is_drawn_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text("location\nnumb left hand\nnumb toes\n", encoding="utf-8")
    out = str(tmp_path / "out.jsonl")
    assert main(["batch", str(cases), "-o", out, "--processes", "1"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "2 cases" in err  # stderr is not a terminal here
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["batch", str(cases), "-o", out, "--processes", "1"]) == 0
    assert "\r[" in capsys.readouterr().err


def test_batch_writes_its_lines_to_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no -o the lines go to stdout as UTF-8, through its binary buffer, or through
    the text stream itself where there is none (a notebook's stdout)."""
    import io

    cases = tmp_path / "cases.csv"
    cases.write_text("id,location\n中,numb left hand\n2,zzz\n", encoding="utf-8")
    assert main(["batch", str(cases)]) == 1  # case 2 is bad
    out = capsys.readouterr().out
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["ok"]) for r in rows] == [("中", True), ("2", False)]
    plain = io.StringIO()  # a text stream without a buffer
    monkeypatch.setattr(sys, "stdout", plain)
    assert main(["batch", str(cases)]) == 1
    assert plain.getvalue() == out
