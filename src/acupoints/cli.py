"""Command line: ``acupoints`` / ``python -m acupoints``.

Bad input prints one clear line on stderr and exits with status 2; no tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from . import DISCLAIMER, AcupointsError, load

__all__ = ["main"]

EXAMPLES = """\
examples:
  acupoints point LI4            a point by code, name or characters (LI-4, Hegu, 合谷)
  acupoints point SJ5 --format json
  acupoints meridian LV          a meridian and its points
  acupoints search sanli         points whose names contain or resemble the text
  acupoints validate ./my-data   check a data directory, list every problem
"""


def _point_dict(kb: Any, code: str) -> dict[str, Any]:
    p = kb.point(code)
    out: dict[str, Any] = p.model_dump(mode="json")
    out["neighbours"] = [n.code for n in kb.neighbours(p)]
    return out


def _print_point(kb: Any, query: str) -> None:
    p = kb.point(query)
    m = kb.meridian(p.meridian) if p.meridian else None
    print(
        f"{p.code}  {p.names.pinyin}  {p.names.hanzi} ({p.names.hanzi_simplified})  "
        f"{p.names.english}"
    )
    print(f"  meridian : {m.names.english if m else 'extra point (EX-' + str(p.group) + ')'}")
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
    if args.format == "json":
        print(json.dumps([_point_dict(kb, q) for q in args.query], ensure_ascii=False, indent=2))
    else:
        for i, q in enumerate(args.query):
            if i:
                print()
            _print_point(kb, q)
        print(f"\n{DISCLAIMER}")
    return 0


def _cmd_meridian(args: argparse.Namespace) -> int:
    kb = load(args.data)
    m = kb.meridian(args.query)
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
    print(f"  course : {m.course_note}")
    for p in kb.points_of(m):
        print(f"  {p.code:<6} {p.names.pinyin:<16} {p.names.hanzi:<6} {p.names.english}")
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
    for p in hits:
        print(f"{p.code:<8} {p.names.pinyin:<16} {p.names.hanzi:<6} {p.names.english}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from . import validate

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="acupoints",
        description="Query the acupoints knowledge base. " + DISCLAIMER,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        default=None,
        help="load this data directory instead of the packaged data",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("point", parents=[common], help="show points by code or name")
    p.add_argument("query", nargs="+", help="code or name: LI4, LI-4, Hegu, 合谷, SJ5 ...")
    p.set_defaults(func=_cmd_point)

    p = sub.add_parser("meridian", parents=[common], help="show a meridian and its points")
    p.add_argument("query", help="LI, LV, SJ, Du, Large Intestine ...")
    p.set_defaults(func=_cmd_meridian)

    p = sub.add_parser("search", parents=[common], help="find points by part of a name")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=_cmd_search)

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
