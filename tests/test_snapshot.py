"""The answers, pinned: a few hundred selections (every region in words, with causes, a
tenderness, a side and two patients) against ``tests/snapshots/selections.json``.

Each line holds the ranking (codes and scores), the points a patient excluded, and a
digest of the whole answer (reasons, notes, red flags, steps; not the versions). Work that
should not change an answer (a faster engine, a refactor) must leave the file as it is;
work that should (data, rules) changes it on purpose:

    python tests/test_snapshot.py --update     # then read `git diff tests/snapshots/`
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import acupoints
from acupoints import KnowledgeBase, Patient

SNAPSHOT = Path(__file__).parent / "snapshots" / "selections.json"
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


def queries(kb: KnowledgeBase) -> list[tuple[str, dict[str, Any]]]:
    """Every region of the data named as people write it, with each cause; and with a
    pronounced tenderness, a side given apart, and a patient."""
    out: list[tuple[str, dict[str, Any]]] = []
    for region in kb.regions:
        if region.id == "body":
            continue
        text = f"numbness in my {region.synonyms[0] if region.synonyms else region.name}"
        out += [(text, {"cause": cause}) for cause in CAUSES]
        out.append((text, {"tenderness": "pronounced", "side": "left", "limit": 5}))
        out.append((text, {"cause": "diabetic", "patient": PATIENT}))
    return out


def key(text: str, options: dict[str, Any]) -> str:
    given = {k: v for k, v in options.items() if v is not None}
    return text + "".join(f" | {k}={json.dumps(v, sort_keys=True)}" for k, v in given.items())


def answer(kb: KnowledgeBase, text: str, options: dict[str, Any]) -> str:
    opts = dict(options)
    if "patient" in opts:
        opts["patient"] = Patient.model_validate(opts["patient"])
    try:
        s = kb.select(text, **opts)
    except acupoints.AcupointsError as exc:
        return f"{type(exc).__name__}: {exc}"
    whole = s.to_dict()
    whole.pop("version")
    whole.pop("data_version")  # changes with any edit of the data; the digest covers the answer
    digest = hashlib.sha256(
        json.dumps(whole, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:12]
    ranked = ", ".join(f"{p.code} {p.score:g}" for p in s.points) or "-"
    excluded = " ".join(e.code for e in s.excluded)
    return f"{ranked}" + (f" | excluded: {excluded}" if excluded else "") + f" | #{digest}"


def current(kb: KnowledgeBase) -> dict[str, str]:
    return {key(text, options): answer(kb, text, options) for text, options in queries(kb)}


def test_the_snapshot_covers_a_few_hundred_answers(kb: KnowledgeBase) -> None:
    pinned = json.loads(SNAPSHOT.read_text("utf-8"))
    assert len(pinned) == len(queries(kb)) >= 600
    assert sum(" excluded: " in v for v in pinned.values()) >= 20  # the patient excludes
    assert sum(v.startswith("-") for v in pinned.values()) >= 60  # residual: no points


def test_answers_match_the_snapshot(kb: KnowledgeBase) -> None:
    pinned = json.loads(SNAPSHOT.read_text("utf-8"))
    now = current(kb)
    changed = [k for k in now if pinned.get(k) != now[k]]
    gone = [k for k in pinned if k not in now]
    lines = [f"{k}\n    was: {pinned.get(k)}\n    now: {now[k]}" for k in changed[:5]]
    assert not changed and not gone, (
        f"{len(changed)} answer(s) changed and {len(gone)} query(ies) went, e.g.\n"
        + "\n".join(lines + gone[:5])
        + "\nIf on purpose: python tests/test_snapshot.py --update"
    )


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_snapshot.py --update")
    SNAPSHOT.parent.mkdir(exist_ok=True)
    fresh = current(acupoints.load())
    SNAPSHOT.write_text(json.dumps(fresh, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"{SNAPSHOT}: {len(fresh)} answers")
