"""The answers, pinned, as text a reviewer can read: several hundred selections (every
region in words, with each cause, a tenderness and a side, a patient, and every candidate
of the region) against ``tests/snapshots/selections/<region>.txt``, one file per region.

Each answer is written out in words: the location read, the red flags and their advice,
the reasons a patient is not a candidate, every ranked point with its role, score, side,
alternatives, each reason (rule, contribution, sources, text) and each caution (origin,
sources, note), every excluded point with its conditions and reasons, the protocol and
aftercare (by id; their texts once per file, at its end) and the notes. A field of the
answer that this renderer does not know yet is written out as it is, so nothing of an
answer escapes the comparison.

Work that should not change an answer (a faster engine, a refactor) must leave the files
as they are; work that should (data, rules, the engine) changes them on purpose, with one
command, and the change is read in words in the diff:

    python tests/test_snapshot.py --update     # then read `git diff tests/snapshots/`

Every point of the data appears in at least one pinned answer (ranked, offered as an
alternative or excluded); :func:`test_every_point_appears_in_a_pinned_answer` fails, and
names the points, when a change of the engine or the data leaves one out.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import acupoints
from acupoints import KnowledgeBase, Patient

SNAPSHOTS = Path(__file__).parent / "snapshots" / "selections"
CAUSES = (
    None,
    "diabetic",
    "chemotherapy",
    "cervical_root",
    "lumbar_root",
    "sciatica",
    "carpal_tunnel",
    "residual_needle_sensation",
)
PATIENT = {"pregnant": True, "pregnancy_week": 20, "anticoagulants": True}
EVERY_CANDIDATE = 1000  # a limit above the number of points: the whole ranking


# ------------------------------------------------------------------ the queries
def queries(kb: KnowledgeBase) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Per region of the data (but the whole body): the region named as people write it,
    with each cause; with a pronounced tenderness and a side given apart; with a patient;
    and with every candidate (no limit), so that every point is pinned somewhere."""
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for region in kb.regions:
        if region.id == "body":
            continue
        text = f"numbness in my {region.synonyms[0] if region.synonyms else region.name}"
        qs: list[tuple[str, dict[str, Any]]] = [(text, {"cause": cause}) for cause in CAUSES]
        qs.append((text, {"tenderness": "pronounced", "side": "left", "limit": 5}))
        qs.append((text, {"cause": "diabetic", "patient": PATIENT}))
        qs.append((text, {"limit": EVERY_CANDIDATE}))
        out[region.id] = qs
    return out


def key(text: str, options: dict[str, Any]) -> str:
    given = {k: v for k, v in options.items() if v is not None}
    return text + "".join(f" | {k}={json.dumps(v, sort_keys=True)}" for k, v in given.items())


def run(kb: KnowledgeBase, text: str, options: dict[str, Any]) -> Any:
    """The selection, or the library error it raised."""
    opts = dict(options)
    if "patient" in opts:
        opts["patient"] = Patient.model_validate(opts["patient"])
    try:
        return kb.select(text, **opts)
    except acupoints.AcupointsError as exc:
        return exc


# ------------------------------------------------------------------ the text of an answer
def _src(sources: Iterable[str]) -> str:
    return "[" + ", ".join(sources) + "]" if sources else "[no source]"


def _words(text: Any) -> str:
    return " ".join(str(text).split())


def _num(x: float) -> str:
    return f"{x:g}"


class Legend:
    """The long texts shared by many answers of a file (protocol steps, aftercare),
    written once at the end of the file; an answer names them by id (``id~2`` when an id
    has a second text in the same file)."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, str]] = {"protocol": {}, "aftercare": {}}

    def name(self, kind: str, item: dict[str, Any]) -> str:
        ident = str(item.get("id"))
        body = {k: v for k, v in item.items() if k != "id"}
        text = json.dumps(body, sort_keys=True, ensure_ascii=False)
        table = self.entries[kind]
        n = 1
        while True:
            label = ident if n == 1 else f"{ident}~{n}"
            if label not in table or table[label] == text:
                table[label] = text
                return label
            n += 1

    def lines(self) -> list[str]:
        out: list[str] = []
        for kind, table in self.entries.items():
            if not table:
                continue
            out.append(f"### {kind} texts used above")
            for label, text in table.items():
                item = json.loads(text)
                head = f"{label}: {item.pop('title', '')}"
                minutes = item.pop("minutes", None)
                if minutes is not None:
                    head += f" (minutes {json.dumps(minutes)})"
                head += f" {_src(item.pop('sources', ()))}"
                out.append(head)
                out.append(f"    {_words(item.pop('text', ''))}")
                out.extend(f"    {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items())
            out.append("")
        return out


def _location(loc: dict[str, Any]) -> list[str]:
    loc = dict(loc)
    loc.pop("text", None)
    regions = "; ".join(
        f"{r['region']}"
        + (f" {'/'.join(r['aspects'])}" if r.get("aspects") else "")
        + f" ({r.get('surface')}, side {r.get('side')}, words {r.get('words')!r})"
        for r in loc.pop("regions", [])
    )
    out = [f"location: {regions or '-'}"]
    parts = [f"side {loc.pop('side', None)}", f"pattern {loc.pop('pattern', None)}"]
    for k in ("digits", "segments", "nerves", "negated", "ignored"):
        v = loc.pop(k, [])
        if v:
            parts.append(f"{k} {' '.join(map(str, v))}")
    out.append("  " + " | ".join(parts))
    reading = loc.pop("reading", None) or {}
    reading.pop("text", None)
    for area in reading.pop("areas", []):
        ctx = f" context {','.join(area['context'])}" if area.get("context") else ""
        rest = {
            k: v
            for k, v in area.items()
            if k not in ("kind", "id", "words", "role", "context") and v is not None
        }
        extra = f" {json.dumps(rest, ensure_ascii=False)}" if rest else ""
        out.append(
            f"  read {area.get('kind')} {area.get('id')} as {area.get('role')}"
            f" from {area.get('words')!r}{ctx}{extra}"
        )
    for k, v in reading.items():
        if v:
            out.append(f"  reading {k}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}")
    out.extend(f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in loc.items())
    return out


def _point(n: int, p: dict[str, Any]) -> list[str]:
    p = dict(p)
    p.pop("point", None)  # the record itself: the data, pinned by its own tests
    head = f"{n:>3}. {p.pop('code')} {p.pop('role', None)} {_num(p.pop('score'))}"
    group = p.pop("group", None)
    if group != (p.get("role") or group):
        head += f" (group {group})"
    head += f" | side {p.pop('side', None)}"
    if p.pop("affected_side", True) is False:
        head += " (not the affected side)"
    root = p.pop("root_level", None)
    if root:
        head += f" | root {root}"
    sites = p.pop("sites", [])
    if sites:
        head += f" | sites {json.dumps(sites, ensure_ascii=False)}"
    alts = p.pop("alternatives", [])
    if alts:
        head += f" | alternatives {' '.join(alts)}"
    out = [head]
    for r in p.pop("reasons", []):
        rule = f"{r['rule']} {_num(r['contribution'])}"
        out.append(f"       + {rule} {_src(r['sources'])} {_words(r['text'])}")
    for c in p.pop("cautions", []):
        what = c.get("structure") or c.get("kind")
        depth = f", at most {_num(c['max_depth_cun'])} cun" if c.get("max_depth_cun") else ""
        out.append(
            f"       ! {c['origin']} ({what}{depth}) {_src(c['sources'])} {_words(c['note'])}"
        )
    out.extend(f"       {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in p.items())
    return out


def render(answer: Any, legend: Legend) -> list[str]:
    """The lines of one answer (without its heading)."""
    if isinstance(answer, acupoints.AcupointsError):
        lines = [f"error {type(answer).__name__}: {_words(answer)}"]
        for f in getattr(answer, "red_flags", ()):
            lines.append(f"red flag {f.id} ({f.urgency}) {_src(f.sources)}")
        return lines
    d = answer.to_dict()
    for k in ("version", "data_version", "disclaimer", "query", "patient"):
        d.pop(k, None)  # versions change with any edit; query and patient are in the heading
    out: list[str] = []
    if d.pop("emergency", False):
        out.append("EMERGENCY: no points")
    for f in d.pop("red_flags", []):
        out.append(
            f"red flag {f['id']} ({f['urgency']}) {_src(f['sources'])} "
            f"matched {', '.join(f['matched'])}: {f['name']}"
        )
        out.append(f"    {_words(f['advice'])}")
    for c in d.pop("not_a_candidate", []):
        out.append(f"not a candidate: {c['condition']} {_src(c['sources'])} {_words(c['reason'])}")
    out += _location(d.pop("location"))
    out.append(f"cause {d.pop('cause', None)} | tenderness {d.pop('tenderness', None)}")
    points = d.pop("points", [])
    out.append(f"points ({len(points)}):" if points else "points: none")
    for n, p in enumerate(points, 1):
        out += _point(n, p)
    excluded = d.pop("excluded", [])
    if excluded:
        out.append(f"excluded ({len(excluded)}):")
    for e in excluded:
        out.append(f"    {e['code']} for {', '.join(e['conditions'])} {_src(e['sources'])}")
        out.extend(f"       - {_words(r)}" for r in e["reasons"])
    protocol = [legend.name("protocol", s) for s in d.pop("protocol", [])]
    out.append(f"protocol: {', '.join(protocol) or '-'}")
    aftercare = [legend.name("aftercare", a) for a in d.pop("aftercare", [])]
    out.append(f"aftercare: {', '.join(aftercare) or '-'}")
    out.extend(f"note: {_words(n)}" for n in d.pop("notes", []))
    rules = d.pop("rules_applied", None)
    if rules is not None:
        out.append(f"rules applied: {' '.join(rules) or '-'}")
    out.extend(f"{k}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}" for k, v in d.items())
    return out


def render_file(region: str, answers: list[tuple[str, Any]]) -> str:
    legend = Legend()
    lines = [
        f"# pinned answers for the region {region}; regenerate: "
        "python tests/test_snapshot.py --update",
        "",
    ]
    for k, answer in answers:
        lines.append(f"=== {k}")
        lines += render(answer, legend)
        lines.append("")
    lines += legend.lines()
    return "\n".join(lines).rstrip("\n") + "\n"


# ------------------------------------------------------------------ now and pinned
def current(kb: KnowledgeBase) -> tuple[dict[str, str], set[str]]:
    """The text of every file, and the codes that appear in an answer."""
    files: dict[str, str] = {}
    seen: set[str] = set()
    for region, qs in queries(kb).items():
        answers = []
        for text, options in qs:
            answer = run(kb, text, options)
            if isinstance(answer, acupoints.Selection):
                seen |= {p.code for p in answer.points}
                seen |= {a for p in answer.points for a in p.alternatives}
                seen |= {e.code for e in answer.excluded}
            answers.append((key(text, options), answer))
        files[f"{region}.txt"] = render_file(region, answers)
    return files, seen


def pinned() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(SNAPSHOTS.glob("*.txt"))}


def blocks(text: str) -> dict[str, list[str]]:
    """A file's answers by their heading (the legend under its own heading)."""
    out: dict[str, list[str]] = {}
    head = ""
    for line in text.splitlines():
        if line.startswith(("=== ", "### ")):
            head = line
            out[head] = []
        elif head:
            out[head].append(line)
    return out


def differences(was: dict[str, str], now: dict[str, str], most: int = 6) -> list[str]:
    """Readable differences: per changed answer, a unified diff of its lines."""
    out: list[str] = []
    for name in sorted(set(was) | set(now)):
        if was.get(name) == now.get(name):
            continue
        if name not in now:
            out.append(f"{name}: pinned, but no region of the data has this id any more")
            continue
        if name not in was:
            out.append(f"{name}: a new region, no pinned answers yet")
            continue
        old, new = blocks(was[name]), blocks(now[name])
        for head in list(new) + [h for h in old if h not in new]:
            if old.get(head) == new.get(head):
                continue
            diff = difflib.unified_diff(old.get(head, []), new.get(head, []), lineterm="", n=1)
            out.append(f"{name} {head}\n" + "\n".join(list(diff)[2:]))
    if len(out) > most:
        out = [*out[:most], f"... and {len(out) - most} more"]
    return out


# ------------------------------------------------------------------ the tests
@pytest.fixture(scope="module")
def now(kb: KnowledgeBase) -> tuple[dict[str, str], set[str]]:
    """Every answer, worked out once for the module."""
    return current(kb)


def test_the_snapshot_covers_several_hundred_answers(kb: KnowledgeBase) -> None:
    files = pinned()
    answers = [b for text in files.values() for h, b in blocks(text).items() if h[:4] == "=== "]
    assert len(files) == len(queries(kb)) >= 60
    assert len(answers) == sum(len(q) for q in queries(kb).values()) >= 700
    text = "\n".join(files.values())
    assert text.count("\nexcluded (") >= 20  # the patient excludes
    assert text.count("\npoints: none") >= 60  # residual sensation: no points
    assert text.count("       + ") >= 5000  # reasons, in words
    assert text.count("       ! ") >= 1000  # cautions, in words


def test_answers_match_the_snapshot(now: tuple[dict[str, str], set[str]]) -> None:
    changes = differences(pinned(), now[0])
    assert not changes, (
        "pinned answers changed:\n"
        + "\n".join(changes)
        + "\nIf on purpose: python tests/test_snapshot.py --update, then read git diff"
    )


def test_every_point_appears_in_a_pinned_answer(
    kb: KnowledgeBase, now: tuple[dict[str, str], set[str]]
) -> None:
    seen = now[1]
    missing = sorted({p.code for p in kb.points} - seen)
    assert not missing, (
        f"{len(missing)} point(s) appear in no pinned answer (ranked, alternative or "
        f"excluded): {', '.join(missing)}; add a query that reaches them to queries()"
    )


def test_a_changed_answer_is_shown_in_words() -> None:
    """The failure message of the snapshot test says what changed, in words."""
    was = {
        "x.txt": "=== q\npoints (1):\n  1. LI4 local 3\n       ! anticoagulants (other) "
        "[bacc] Takes anticoagulants: press each site.\n"
    }
    now = {"x.txt": "=== q\npoints (1):\n  1. LI4 local 3\n"}
    (change,) = differences(was, now)
    assert "=== q" in change and "-       ! anticoagulants" in change
    assert "Takes anticoagulants: press each site." in change


def update() -> None:
    now, _ = current(acupoints.load())
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    changed = differences(pinned(), now, most=10**9)
    for old in SNAPSHOTS.glob("*.txt"):
        if old.name not in now:
            old.unlink()
    for name, text in now.items():
        (SNAPSHOTS / name).write_text(text, "utf-8")
    print(f"{SNAPSHOTS}: {len(now)} files, {len(changed)} answer(s) changed")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_snapshot.py --update")
    update()
