"""Command line: ``acupoints`` / ``python -m acupoints``.

Bad input prints one clear line on stderr and exits with status 2; no tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import DISCLAIMER, AcupointsError, load
from .terminal import WIDTH, cells, labelled, pad, wrap

__all__ = ["main"]

EXAMPLES = """\
examples:
  acupoints select "numb back of the left hand"
  acupoints select "pins and needles in both feet" --cause diabetic --pregnant --week 20
  acupoints select "numb thumb and index finger" --cause "carpal tunnel" --format json
  acupoints select "numb left sole" --map sole.svg --focus 120   and an SVG body map
  acupoints point LI4            a point by code, name or characters (LI-4, Hegu, 合谷)
  acupoints point SJ5 --format json
  acupoints meridian LV          a meridian and its points
  acupoints search sanli         points whose names contain or resemble the text
  acupoints validate ./my-data   check a data directory, list every problem
  acupoints batch cases.csv -o results.jsonl   a selection per row; bad rows listed at the end
  acupoints export points-csv -o points.csv    also: points-json, graphml, node-link, schemas
"""


def _point_dict(kb: Any, code: str) -> dict[str, Any]:
    p = kb.point(code)
    out: dict[str, Any] = p.model_dump(mode="json")
    out["neighbours"] = [n.code for n in kb.neighbours(p)]
    readings = kb.readings(p)
    out["readings"] = None if readings is None else readings.model_dump(mode="json")
    return out


def _print_point(kb: Any, query: str) -> None:
    p = kb.point(query)

    def print(line: str = "") -> None:  # every line wrapped to the width, under its label
        if cells(line) <= WIDTH:
            _print_lines([line])
            return
        label, colon, text = line.partition(" : ")
        lead = " " * (len(line) - len(line.lstrip()))
        _print_lines(labelled(label + colon, text) if colon else wrap(line, WIDTH, lead, ""))

    m = kb.meridian(p.meridian) if p.meridian else None
    print(
        f"{p.code}  {p.names.pinyin}  {p.names.hanzi}"
        + (f" ({p.names.hanzi_simplified})" if p.names.hanzi_simplified != p.names.hanzi else "")
        + "  "
        f"{p.names.english}"
    )
    print(f"  meridian : {m.names.english if m else 'extra point (EX-' + str(p.group) + ')'}")
    readings = kb.readings(p)
    if readings is not None:
        said = []
        if readings.korean is not None:
            said.append(f"Korean {readings.korean.hangul} ({readings.korean.romanized})")
        if readings.vietnamese is not None:
            said.append(f"Vietnamese {readings.vietnamese.name}")
        lines = ["; ".join(said)] if said else []
        if readings.japanese is not None:  # a line of its own, to keep within 100 columns
            jp = readings.japanese
            lines.append(f"Japanese {jp.kanji} {jp.kana} ({jp.romanized})")
        for i, line in enumerate(lines):
            print(("  readings : " if i == 0 else " " * 13) + line)
    loc = p.location
    surface = f", {loc.surface} surface" if loc.surface else ""
    print(
        f"  region   : {kb.region(loc.region).name} ({loc.region}; "
        f"{', '.join(loc.aspects)}{surface}; {loc.laterality})"
    )
    print(f"  location : {loc.description}")
    for n in p.needling:
        depth = f" {n.depth_cun[0]:g}-{n.depth_cun[1]:g} cun" if n.depth_cun else ""
        direction = f", {n.direction}" if n.direction else ""
        print(f"  needling : {n.angle}{depth}{direction}  [{', '.join(n.sources)}]")
        if n.note:
            print(f"             ({n.note})")
    if p.depth_limit_cun is not None:
        print(f"  depth    : at most {p.depth_limit_cun:g} cun (the most conservative source)")
    for c in p.categories:
        extra = f" of {c.of}" if c.of else ""
        extra += f" ({c.phase})" if c.phase else ""
        extra += f" ({', '.join(c.meridians)})" if c.meridians else ""
        print(f"  category : {c.kind.replace('_', '-')}{extra}")
    for c in p.cautions:
        what = f"{c.structure}: " if c.structure else f"{c.kind}: "
        print(f"  caution  : {what}{c.note}  [{', '.join(c.sources)}]")
    if p.sites:
        print(
            f"  sites    : {len(p.sites)} per side"
            if loc.laterality == "bilateral"
            else f"  sites    : {len(p.sites)}"
        )
    near = ", ".join(n.code for n in kb.neighbours(p))
    if near:
        print(f"  next to  : {near}")


def _cmd_point(args: argparse.Namespace) -> int:
    kb = load(args.data)
    if args.map:
        _save_map(kb.body_map(points=[kb.point(q).code for q in args.query]), args.map)
    if args.format == "json":
        print(json.dumps([_point_dict(kb, q) for q in args.query], ensure_ascii=False, indent=2))
    else:
        for i, q in enumerate(args.query):
            if i:
                print()
            _print_point(kb, q)
        print()
        _print_lines(wrap(DISCLAIMER, WIDTH, "", ""))
    return 0


def _cmd_meridian(args: argparse.Namespace) -> int:
    kb = load(args.data)
    m = kb.meridian(args.query)
    if args.map:
        _save_map(kb.body_map(meridians=[m.code], title=f"{m.code} {m.names.english}"), args.map)
    if args.format == "json":
        out = m.model_dump(mode="json")
        out["points"] = [p.code for p in kb.points_of(m)]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"{m.code}  {m.names.english}  {m.names.hanzi}  ({m.names.pinyin})")
    if m.kind == "regular":
        print(
            f"  {m.yin_yang}, {m.limb} {m.six_channel}; organ {m.organ}; {m.element}; "
            f"partner {m.partner}; flow #{m.flow_order}"
        )
    _print_lines(labelled("  course : ", m.course_note))
    _print_points(kb.points_of(m), "  ")
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    kb = load(args.data)
    hits = kb.search(args.text, limit=args.limit)
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "code": p.code,
                        "pinyin": p.names.pinyin,
                        "hanzi": p.names.hanzi,
                        "english": p.names.english,
                    }
                    for p in hits
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not hits:
        print(f"no point matches {args.text!r}", file=sys.stderr)
        return 1
    _print_points(hits)
    return 0


def _print_points(points: Sequence[Any], indent: str = "") -> None:
    """A row per point: code, pinyin, characters and English name in aligned columns
    (measured in terminal cells, so that 陰陵泉 takes six), the name wrapped to fit."""
    code_w = max((len(p.code) for p in points), default=0) + 2
    pinyin_w = max((len(p.names.pinyin) for p in points), default=0) + 2
    hanzi_w = max((cells(p.names.hanzi) for p in points), default=0) + 2
    for p in points:
        row = indent + pad(p.code, code_w) + pad(p.names.pinyin, pinyin_w)
        row += pad(p.names.hanzi, hanzi_w)
        lines = wrap(p.names.english, WIDTH - len(row), "", "")
        print((row + lines[0]).rstrip())
        for line in lines[1:]:
            print(" " * len(row) + line)


def _print_lines(lines: Sequence[str]) -> None:
    for line in lines:
        print(line)


OUT_BUFFER = 1 << 20
"""Bytes ``acupoints batch`` buffers before writing to its output file."""

PATIENT_FLAGS = {
    "pregnant": "pregnant",
    "anticoagulants": "takes anticoagulants",
    "bleeding_disorder": "has a bleeding disorder",
    "pacemaker": "has a pacemaker or other implanted electrical device",
    "diabetic_foot": "diabetic foot disease or poor circulation in the feet",
    "immunosuppressed": "immune system suppressed",
    "metal_allergy": "allergic to metals",
    "fainting": "has fainted with needles or is afraid of them",
    "epilepsy": "has epilepsy",
    "cancer_history": "history of cancer",
    "low_platelets": "low platelet count",
    "fever": "has a fever",
    "acute_illness": "an acute illness or infection now (sepsis included)",
    "unstable_spine": "unstable spine or an uncleared spinal fracture",
    "cannot_consent": "cannot consent, or cannot keep still and cooperate",
    "weight_loss": "unexplained weight loss",
    "recent_injury": "the numbness began after an injury",
}


SITE_OPTIONS = (
    ("--skin-lesion", "skin_lesion", "skin_lesions"),
    ("--tumour-site", "tumour_site", "tumour_sites"),
    ("--joint-prosthesis", "joint_prosthesis", "joint_prostheses"),
)
"""The repeatable options that take region ids: option, argparse dest, Patient field."""


def _patient(args: argparse.Namespace, kb: Any = None) -> Any:
    from .safety import Patient, check_regions

    if kb is not None:  # name the option and the nearest regions before building the patient
        for option, dest, _ in SITE_OPTIONS:
            check_regions(kb, option, getattr(args, dest) or ())

    values: dict[str, Any] = {k: True for k in PATIENT_FLAGS if getattr(args, k, False)}
    if args.week is not None:
        if not 1 <= args.week <= 45:
            from .errors import PatientError

            raise PatientError(
                f"a week of pregnancy is a whole number from 1 to 45, got {args.week}",
                field="--week",
                value=args.week,
            )
        values["pregnant"] = True
        values["pregnancy_week"] = args.week
    for _, dest, field in SITE_OPTIONS:
        if getattr(args, dest):
            values[field] = tuple(getattr(args, dest))
    if args.lymphoedema:
        values["lymphoedema"] = tuple(args.lymphoedema)
    if not values and not args.patient:
        return None
    return Patient.model_validate(values)


def _cmd_select(args: argparse.Namespace) -> int:
    kb = load(args.data)
    sel = kb.select(
        " ".join(args.text),
        cause=args.cause,
        side=args.side,
        patient=_patient(args, kb),
        tenderness=args.tenderness,
        limit=args.limit,
    )
    if args.map:
        _save_map(sel.body_map(focus=args.focus), args.map)
    if args.format == "json":
        print(sel.to_json(indent=2))
    else:
        print(sel.report(width=WIDTH, protocol=args.protocol))
    return 0


def _save_map(body_map: Any, target: str) -> None:
    try:
        body_map.save(target)
    except OSError as exc:
        raise _UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"body map written to {target}", file=sys.stderr)


class _TextSink:
    """A binary file's ``write`` and ``flush`` on a text stream that has no ``buffer`` (an
    IDE's or a notebook's ``sys.stdout``)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        self.stream.write(data.decode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self.stream.flush()


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import batch_collector, read_cases, write_lines

    path = args.cases
    try:
        total = sum(1 for _ in read_cases(path))
    except OSError as exc:
        raise _UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise _UsageError(f"cannot read {path}: {exc}") from None
    kb = load(args.data)
    batch_collector()  # this process runs the batch and nothing else
    if args.output == "-":
        sys.stdout.flush()
        out: Any = getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout)
    else:  # a large buffer: a row's line is about 18 KiB
        out = open(args.output, "wb", buffering=OUT_BUFFER)  # noqa: SIM115
    bad: list[Any] = []
    urgent: list[Any] = []
    done = 0
    show = not args.quiet and sys.stderr.isatty()  # no \r frames in a log file
    try:
        for result in write_lines(
            kb, read_cases(path), out, processes=args.processes, full_points=args.full_points
        ):
            done += 1
            if not result.ok:
                bad.append(result)
            elif result.red_flags or result.not_a_candidate:
                urgent.append(result)  # listed below; only red flags are counted as such
            if show and (done == total or done % 25 == 0):
                width = 30
                filled = width * done // max(total, 1)
                print(
                    f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} cases, "
                    f"{len(bad)} bad",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        if args.output == "-":
            out.flush()
        else:
            out.close()
    if show:
        print(file=sys.stderr)
    print(
        f"acupoints batch: {done} cases, {done - len(bad)} selections "
        f"({sum(1 for r in urgent if r.red_flags)} with red flags), {len(bad)} bad"
        + ("" if args.output == "-" else f"; written to {args.output}"),
        file=sys.stderr,
    )
    for r in urgent:
        rid = f" (id {r.id})" if r.id is not None else ""
        flags = ", ".join(
            [f"NOT A CANDIDATE NOW: {name}" for name in r.not_a_candidate]
            + [f"{urgency.upper()}: {name}" for urgency, name in r.red_flags]
        )
        print(f"  !!! case {r.index + 1}{rid}: {flags}", file=sys.stderr)
    for r in bad[:50]:
        rid = f" (id {r.id})" if r.id is not None else ""
        print(f"  case {r.index + 1}{rid}: {r.error}", file=sys.stderr)
    if len(bad) > 50:
        print(f"  ... and {len(bad) - 50} more (each is in the output)", file=sys.stderr)
    return 1 if bad else 0


EXPORTS = {
    "points-csv": "every point as a CSV row (columns: acupoints.export.POINT_CSV_COLUMNS)",
    "points-json": "every point's full record, with the versions (export.points_document)",
    "meridians-json": "every meridian and vessel's full record, with the versions",
    "graphml": "the knowledge graph as GraphML",
    "node-link": "the knowledge graph as node-link JSON",
    "schemas": "a JSON Schema per data file, written into the directory -o (required)",
}


def _cmd_export(args: argparse.Namespace) -> int:
    from . import export

    what, target = args.what, args.output
    if what == "schemas":
        if target in (None, "-"):
            raise _UsageError("export schemas needs a directory: -o DIR")
        for path in export.write_schemas(target):
            print(path, file=sys.stderr)
        return 0
    kb = load(args.data)
    if what == "graphml":
        if target in (None, "-"):
            export.write_graphml(kb, sys.stdout.buffer)
        else:
            export.write_graphml(kb, target)
        return 0
    with _open_out(target) as out:
        if what == "points-csv":
            export.write_points_csv(kb, out)
        else:
            data: Any
            if what == "points-json":
                data = export.points_document(kb)
            elif what == "meridians-json":
                data = export.meridians_document(kb)
            else:
                data = export.node_link(kb)
            json.dump(data, out, ensure_ascii=False, indent=1)
            out.write("\n")
    return 0


def _open_out(target: str | None) -> Any:
    import contextlib

    if target in (None, "-"):
        return contextlib.nullcontext(sys.stdout)
    try:
        return open(target, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise _UsageError(f"cannot write {target}: {exc.strerror or exc}") from None


class _UsageError(AcupointsError):
    """A problem with the command line's own input (a file it cannot read)."""


def _cmd_validate(args: argparse.Namespace) -> int:
    from . import validate

    if args.directory is not None and not Path(args.directory).is_dir():
        # input that cannot be read at all is a usage error (exit 2), not a data problem
        print(f"acupoints validate: {args.directory}: not a directory", file=sys.stderr)
        return 2
    problems = validate(args.directory)
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "file": p.file,
                        "line": p.line,
                        "entry": p.entry,
                        "field": p.field,
                        "message": p.message,
                    }
                    for p in problems
                ],
                indent=2,
            )
        )
    else:
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)" if problems else "ok: no problems found")
    return 1 if problems else 0


class _VersionAction(argparse.Action):
    """``--version``: the library's version and the version of the packaged data (or of
    the ``--data`` directory, when ``--data`` comes first)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print the library and data versions and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from . import __version__

        where = getattr(namespace, "data", None)
        try:
            kb = load(where) if where else load()
        except AcupointsError as exc:
            parser.exit(2, f"acupoints {__version__} (data not readable: {exc})\n")
        origin = f" from {kb.origin}" if where else ""
        print(f"acupoints {__version__} (data {kb.data_version}{origin})")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    # pre-wrapped: the raw formatter keeps the examples' layout and so wraps nothing
    about = wrap(f"Query the acupoints knowledge base. {DISCLAIMER}", 88, "", "")
    parser = argparse.ArgumentParser(
        prog="acupoints",
        description="\n".join(about),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        default=None,
        help="load this data directory instead of the packaged data",
    )
    parser.add_argument("-V", "--version", action=_VersionAction)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    drawn = argparse.ArgumentParser(add_help=False)
    drawn.add_argument("--map", metavar="FILE.svg", help="also write an SVG body map")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "select",
        parents=[common, drawn],
        help="points for a description of numbness",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("text", nargs="+", help="where the numbness is, in plain words")
    p.add_argument(
        "--cause",
        help="cause, by id or any of its words (diabetic, chemo, carpal tunnel, sciatica, "
        "slipped disc ...); an unknown one lists them all",
    )
    p.add_argument("--side", choices=("left", "right", "both"))
    p.add_argument("--tenderness", choices=("pronounced", "vague", "unknown"), default="unknown")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument(
        "-v",
        "--protocol",
        action="store_true",
        help="print every protocol step in full (by default: the titles, and the patient's "
        "steps in full)",
    )
    p.add_argument(
        "--patient", action="store_true", help="check a patient with none of the conditions below"
    )
    for flag, text in PATIENT_FLAGS.items():
        p.add_argument(f"--{flag.replace('_', '-')}", dest=flag, action="store_true", help=text)
    p.add_argument("--week", type=int, help="week of pregnancy, 1-45 (implies --pregnant)")
    p.add_argument(
        "--skin-lesion",
        action="append",
        metavar="REGION",
        help="region id with broken skin, an ulcer or infection (repeatable)",
    )
    p.add_argument(
        "--tumour-site",
        action="append",
        metavar="REGION",
        help="region id with a tumour at the site (repeatable)",
    )
    p.add_argument(
        "--joint-prosthesis",
        action="append",
        metavar="REGION",
        help="region id with a joint replacement or implant near the skin (repeatable)",
    )
    p.add_argument(
        "--lymphoedema", action="append", choices=("left_arm", "right_arm", "left_leg", "right_leg")
    )
    p.add_argument(
        "--focus",
        type=float,
        metavar="UNITS",
        help="crop the --map to the marked area, at least UNITS figure units wide (e.g. 120)",
    )
    p.set_defaults(func=_cmd_select)

    p = sub.add_parser("point", parents=[common, drawn], help="show points by code or name")
    p.add_argument("query", nargs="+", help="code or name: LI4, LI-4, Hegu, 合谷, SJ5 ...")
    p.set_defaults(func=_cmd_point)

    p = sub.add_parser("meridian", parents=[common, drawn], help="show a meridian and its points")
    p.add_argument("query", help="LI, LV, SJ, Du, Large Intestine ...")
    p.set_defaults(func=_cmd_meridian)

    p = sub.add_parser("search", parents=[common], help="find points by part of a name")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=_cmd_search)

    p = sub.add_parser(
        "batch",
        help="a selection for every case of a CSV or JSON Lines file",
        description="Runs a selection for every case (row) of CASES and writes one JSON "
        "object per line: the selection, or the error for a bad case. Columns: location "
        "(required), id, cause, side, tenderness, limit, and Patient fields (pregnant, "
        "pregnancy_week, anticoagulants, skin_lesions as 'hand.dorsum;foot' ...). Rows "
        "refer to points by code (--full-points embeds each point's record). Exit "
        "status 0 when every case gave a selection, 1 when some did not (they are listed at "
        "the end and in the output), 2 when the file cannot be read.",
    )
    p.add_argument("cases", help="a .csv file with a header row, or a .jsonl file")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    p.add_argument(
        "--processes",
        type=int,
        default=None,
        help="worker processes (default: none, one process); each makes finished lines",
    )
    p.add_argument(
        "--full-points",
        action="store_true",
        help="embed each selected point's full record in every row (by default a row "
        "refers to its points by code)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_batch)

    p = sub.add_parser(
        "export",
        help="write the data in another format",
        description="Write the knowledge base in another format: "
        + "; ".join(f"{k}: {v}" for k, v in EXPORTS.items()),
    )
    p.add_argument("what", choices=tuple(EXPORTS), help="what to write")
    p.add_argument("-o", "--output", default=None, help="output file (default: stdout)")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("validate", parents=[common], help="check a data directory")
    p.add_argument(
        "directory", nargs="?", default=None, help="data directory (default: the packaged data)"
    )
    p.set_defaults(func=_cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except AcupointsError as exc:
        print(f"acupoints: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        return 0
