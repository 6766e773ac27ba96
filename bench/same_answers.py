"""Every answer of this checkout in one file, to show that a change moved none.

Run: python bench/same_answers.py OUT [--queries 2000]

Writes OUT, one line per call (the group, the query, then the answer's JSON or the error
with its red flags), and prints a sha256 per group. Two checkouts answer the same when their
files are identical (``cmp``). The calls: ``--queries`` generated queries
(``bench_select.generated``) from text with their causes; a fifth of them from a prepared
``Location`` with the memos dropped; a third of them with patients, tenderness, limits, sides
and evidence varied; and every sentence of ``tests/corpus/``: its selection, its reading
(``acupoints.text.read``) and its ``Location``. Speed work on the reader or the engine
(issue 18) was checked with it after every change: 23,696 answers at 2,000 queries.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import acupoints
from acupoints.safety import Patient
from acupoints.text import read

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_select import generated

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--corpus-sets", type=int, default=None, help="only the first N sets")
    args = ap.parse_args(argv)
    kb = acupoints.load()
    groups: dict[str, Any] = {}
    with open(args.out, "w", encoding="utf-8") as out:

        def answer(group: str, label: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> None:
            try:
                line = fn(*args, **kw).model_dump_json()
            except Exception as exc:  # the error, its words and its flags are behaviour too
                flags = getattr(exc, "red_flags", None)
                line = f"ERROR {type(exc).__name__}: {exc} | flags={flags!r}"
            # one line a call: an error's message may run over several
            text = f"{group}\t{label}\t{line}".replace("\n", "\\n") + "\n"
            out.write(text)
            groups.setdefault(group, hashlib.sha256()).update(text.encode())

        queries = generated(kb, args.queries)
        for q, c in queries:
            answer("generated", f"{q}|{c}", kb.select, q, cause=c)
        for q, c in queries[: len(queries) // 5]:
            loc = kb.parse_location(q)
            kb.clear_caches()
            answer("prepared", f"{q}|{c}", kb.select, loc, cause=c)
        patients = [
            None,
            Patient(pregnant=True),
            Patient(anticoagulants=True, diabetic_foot=True),
            Patient(pacemaker=True, immunosuppressed=True, epilepsy=True),
            Patient(fainting=True),
        ]
        for i, (q, c) in enumerate(queries[: len(queries) * 3 // 10]):
            opts = {
                "cause": c,
                "patient": patients[i % len(patients)],
                "tenderness": ("pronounced", "vague", "unknown")[i % 3],
                "limit": (5, 10, 20, 1)[i % 4],
                "side": (None, "left", "right", "both")[i % 4],
                "evidence": bool(i % 2),
            }
            answer("options", f"{q}|{i}", kb.select, q, **opts)
        for path in sorted(CORPUS.glob("*.yaml"))[: args.corpus_sets]:
            for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]:
                t = entry["t"] if "t" in entry else entry["text"]
                answer("corpus", t, kb.select, t)
                answer("reading", t, read, kb, t)
                answer("location", t, kb.parse_location, t)
    for group, digest in groups.items():
        print(group, digest.hexdigest()[:16])


if __name__ == "__main__":
    main()
