"""Every mutant of one module, each run in a child forked from a warm, clean parent
(docs/testing.md, "Mutation score of the safety code").

    python bench/mutation_fork.py acupoints.safety            # every mutant not yet run
    python bench/mutation_fork.py acupoints.safety --only NAME [NAME ...]
    python bench/mutation_fork.py acupoints.safety --score    # the score of the results
    python bench/mutation_fork.py acupoints.text.reader --sample 40 --seed 1

What makes it faster than a fresh pytest process per mutant (bench/mutation_sample.py),
without running fewer tests:

- Only the module under test is mutated: it is laid over a copy of ``src/`` in
  ``mutants/overlay/<module>/`` (the other modules are the originals, with no trampoline).
- The parent imports pytest, the library and the test modules, and loads the packaged
  knowledge base, once, with ``MUTANT_UNDER_TEST=fail``: a call to any mutated function
  would raise, so the warm-up provably ran none of the module's code and left none of its
  memos filled. Each mutant runs in a child forked from that parent, so it starts as a
  fresh process would, less the imports and the loading.
- A stats run of the unmutated code (every test, with the trampolines recording calls)
  notes which of the module's functions each test calls, counting the calls made while
  setting up the fixtures it uses (a module-scoped fixture computed for an earlier test
  counts for every test that uses it). A mutant is run against the tests that call its
  function, with ``-x``, those calling fewest of the module's functions (the targeted
  tests) first, then the fastest: a test that never calls the function cannot see
  the mutant. To make "calls" mean the same in every run, the module's memos
  (safety's ``_CONCERNED``, ``_REGION_FLAGS``, ``_STANDING``, ``_OWN``; the engine's
  ``context._STATIC``, ``context._PAIRS``, ``candidates._aspects_twins``, and the answers
  of every knowledge base the engine worked for; the reader's and the location grammar's:
  the texts read and parsed, the typo look-ups, the stems, the grammar's region words and
  nerve names) are emptied before each test, in the stats run and in each mutant's. The
  reader's tables are built once per child, by its mutant (``_forget_reader_memos``).
  ``--all-tests`` runs every test of the module's test files instead.
- ``--sample N --seed S`` runs a seeded sample of the module's mutants:
  ``random.Random(S).sample`` over the sorted names, all of them drawn and the first N
  kept, so the first k of a sample of n are the sample of k (a sample can be extended
  with the same seed), run in the order drawn.

A mutant is killed when a test fails, or the child crashes, or it takes longer than
``--timeout`` seconds. Results are appended, one JSON line per mutant, to
``bench/mutation_results/<module>.jsonl``; mutants already there are not run again,
except those given with ``--only``: their new verdict replaces the old one, which is kept
as ``before`` (a survivor killed by a test added since reads ``"before": "survived"``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the test files run against a module's mutants (of them, only the tests that call the
# mutated function). For the engine: every test file whose tests call its functions cheaply
# enough (the stats run prints how many tests of each file call the module); the slow
# corruption and property files (test_reliability, test_properties) are left out.
ENGINE_TESTS = [
    "tests/test_select.py",
    "tests/test_prescription.py",
    "tests/test_snapshot.py",
    "tests/test_oracles.py",
    "tests/test_safety.py",
    "tests/test_safety_gaps.py",
    "tests/test_engine_gaps.py",
]
# the reader (acupoints.text) and the location grammar (acupoints.parse): the test files
# whose tests call each module (test_text*.py, test_parse.py, test_corpus.py; the slow
# property files are left out). Every one of them calls every module of the reader but
# text.use, which test_parse.py, test_text_course7.py and test_text_dermatomes.py never
# reach (they parse locations and read texts, and make no patient or cause of them).
READER_FILES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_text*.py"))
READER_FILES += ["tests/test_parse.py", "tests/test_corpus.py"]
_NO_USE = {"tests/test_parse.py", "tests/test_text_course7.py", "tests/test_text_dermatomes.py"}
_READ_BY_ALL = (
    "parse",
    "text",
    "text.compiled",
    "text._compile",
    "text.context",
    "text.findings",
    "text.lexicon",
    "text.prepare",
    "text.reader",
    "text.roles",
    "text.spelling",
)
READER_TESTS = {
    **dict.fromkeys(_READ_BY_ALL, READER_FILES),
    "text.use": [f for f in READER_FILES if f not in _NO_USE],
}
READER = frozenset(f"acupoints.{name}" for name in READER_TESTS)
# the accessor of the reader's tables, kept for the whole run of a child (see
# _forget_reader_memos): a test that calls it is counted as calling what builds them
MEMO_ACCESSORS = ("acupoints.text.compiled.x_tables",)
TESTS = {
    "acupoints.safety": [
        "tests/test_safety.py",
        "tests/test_safety_gaps.py",
        "tests/test_oracles.py",
    ],
    **{
        f"acupoints.engine{part}": ENGINE_TESTS
        for part in (
            "",
            ".composition",
            ".candidates",
            ".scoring",
            ".context",
            ".explanation",
        )
    },
    **{f"acupoints.{name}": READER_TESTS[name] for name in READER_TESTS},
}
PYTEST_ARGS = ["-q", "-p", "no:randomly", "-p", "no:cacheprovider", "--no-header", "-o", "addopts="]


def _relpath(module: str) -> Path:
    """acupoints/engine/scoring.py; acupoints/engine/__init__.py for the package."""
    base = Path(*module.split("."))
    if (ROOT / "src" / base).is_dir():
        return base / "__init__.py"
    return base.with_suffix(".py")


def _names(module: str) -> list[str]:
    meta = ROOT / "mutants/src" / f"{_relpath(module)}.meta"
    if not meta.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        import mutation_sample

        os.chdir(ROOT)
        mutation_sample._generate()
    return sorted(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])


def _group(module: str) -> str:
    """The overlay and the stats run ``module`` shares: "reader" for the modules of the
    reader and the location grammar, else the module itself."""
    return "reader" if module in READER else module


def _overlay(module: str) -> Path:
    """src/ with only ``module`` mutated (mutmut's copy of it, trampolines and all); for a
    module of the reader, every module of the reader mutated, so that one stats run
    serves them all (each mutant is on only when ``MUTANT_UNDER_TEST`` names it)."""
    group = _group(module)
    base = ROOT / "mutants/overlay" / group
    if base.exists():
        shutil.rmtree(base)
    shutil.copytree(ROOT / "src", base / "src", ignore=shutil.ignore_patterns("__pycache__"))
    for name in READER if group == "reader" else (module,):
        rel = _relpath(name)
        mutated = ROOT / "mutants/src" / rel
        if mutated.exists():
            shutil.copy2(mutated, base / "src" / rel)
    (base / "data").symlink_to(ROOT / "data")  # packaged_data_dir() of a source checkout
    return base / "src"


def _forget_module_memos(module: str) -> None:
    """Empty the memos of the safety module and of the engine, so that a test computes
    what it asks for whatever ran before it: the safety module's own tables; every
    knowledge base the engine has worked for (its answers, rankings, reasons, parsed
    texts: ``clear_caches``, as tests/conftest.py does for the packaged one) and the
    engine's per-data tables (``context._STATIC``), its pairs of regions
    (``context._PAIRS``) and the aspects memo of ``candidates``. For a module of the
    reader or the location grammar, the reader's memos as well
    (:func:`_forget_reader_memos`)."""
    from acupoints import safety
    from acupoints.engine import candidates, context

    for memo in ("_CONCERNED", "_REGION_FLAGS", "_STANDING", "_OWN"):
        getattr(safety, memo).clear()
    for kb in list(context._STATIC.keys()):
        kb.clear_caches()
    context._STATIC.clear()
    context._PAIRS.clear()
    cache_clear = getattr(candidates._aspects_twins, "cache_clear", None)
    if cache_clear is not None:
        cache_clear()
    if module in READER:
        _forget_reader_memos()


def _forget_reader_memos() -> None:
    """Empty every memo of the reader (``acupoints.text``) and the location grammar
    (``acupoints.parse``) but the reader's tables: the texts read (``reader._MEMO``) and
    parsed (``parse._PARSED``), with the rest of ``clear_caches``, for every knowledge
    base that has read a text; the typo look-ups kept in each knowledge base's tables
    (``Tables.fixes``); the stems (``compiled._STEMS``); the grammar's region words
    (``parse._VOCABS``, and the ``_vocab_for`` lru_cache where there is one: the phrases
    are built with the reader's tables, ``Tables.vocab``) and nerve names
    (``parse._NERVE_NAMES``), 3 ms to build again (tests/conftest.py empties the same
    ones under mutmut).

    The reader's tables (``compiled._TABLES``) and the language sections of the packaged
    data (``_compile._packaged_language``, read by the build of the tables of a data
    directory without a text.yaml) are kept. Rebuilding them for each test would cost
    more than the tests (the reader's tables take 0.1 s, several times that through the
    trampolines), and they need not be: the parent never builds them (every mutated
    function raises there), so each child builds them once, with its mutant (the overlay
    mutates every module of the reader, so they are never the prebuilt tables), and every
    test of the child reads the mutant's tables. In the stats run, a test that asks for
    one (:data:`MEMO_ACCESSORS`) is counted as calling every function that building it
    called (``_Stats.finish``)."""
    from acupoints import parse
    from acupoints.text import compiled, reader

    for kb in {*compiled._TABLES.keys(), *reader._MEMO.keys(), *parse._PARSED.keys()}:
        kb.clear_caches()
    for tables in list(compiled._TABLES.values()):
        tables.fixes.clear()
    compiled._STEMS.clear()
    parse._VOCABS.clear()
    parse._NERVE_NAMES.clear()
    cache_clear = getattr(parse._vocab_for, "cache_clear", None)
    if cache_clear is not None:
        cache_clear()


class _Order:
    """Keeps the tests of ``keep`` (every test when None), those calling fewest of the
    module's functions first, then the fastest; empties the module's memos before each
    test; records the first failure."""

    def __init__(
        self,
        module: str,
        keep: set[str] | None,
        seconds: dict[str, float],
        calls: dict[str, list[str]],
    ) -> None:
        self.module, self.keep, self.seconds, self.calls = module, keep, seconds, calls
        self.first: tuple[str, ...] = ()
        self.failed: list[str] = []

    def pytest_collection_modifyitems(self, config: Any, items: list[Any]) -> None:
        if self.keep is not None:
            dropped = [i for i in items if i.nodeid not in self.keep]
            items[:] = [i for i in items if i.nodeid in self.keep]
            config.hook.pytest_deselected(items=dropped)
        # the tests that call fewest of the module's functions first (the targeted ones),
        # then the fastest
        items.sort(
            key=lambda i: (
                not any(f in i.nodeid for f in self.first),
                len(self.calls.get(i.nodeid, ())),
                self.seconds.get(i.nodeid, 9),
            )
        )

    def pytest_runtest_setup(self, item: Any) -> None:
        _forget_module_memos(self.module)

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.failed and not self.failed:
            self.failed.append(report.nodeid)


class _Stats:
    """Which mutated functions each test calls (in its own setup and call, and in setting
    up each fixture it uses, whenever that was), and how long each test takes."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.hits: set[str] = set()
        self.callees: dict[str | None, set[str]] = {}  # who calls whom, over the whole run
        self.fixture_hits: dict[str, set[str]] = {}
        self.calls: dict[str, list[str]] = {}
        self.seconds: dict[str, float] = {}
        self.fixtures: dict[str, list[str]] = {}

    def record(self, name: str, caller: str | None = None) -> None:
        self.hits.add(name)
        self.callees.setdefault(caller, set()).add(name)

    def finish(self) -> None:
        """Count a test that asks for a per-data table of the reader (kept from the test
        that built it: :func:`_forget_reader_memos`) as calling every function that
        building it called: all those reachable from the accessor in the run's calls."""
        reach: dict[str, set[str]] = {}
        for accessor in MEMO_ACCESSORS:
            seen, todo = set(), [accessor]
            while todo:
                for callee in self.callees.get(todo.pop(), ()):
                    if callee not in seen:
                        seen.add(callee)
                        todo.append(callee)
            reach[accessor] = seen
        for nodeid, hits in self.calls.items():
            extra = set().union(*(reach[a] for a in MEMO_ACCESSORS if a in hits))
            if extra - set(hits):
                self.calls[nodeid] = sorted(extra | set(hits))

    def pytest_runtest_setup(self, item: Any) -> None:
        _forget_module_memos(self.module)
        self.hits = set()
        self.fixtures[item.nodeid] = list(item.fixturenames)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_fixture_setup(self, fixturedef: Any, request: Any) -> Any:
        before, self.hits = self.hits, set()
        yield
        own = self.hits  # its own calls and those of the fixtures it asked for
        self.fixture_hits.setdefault(fixturedef.argname, set()).update(own)
        self.hits = before | own

    def pytest_runtest_logreport(self, report: Any) -> None:
        self.seconds[report.nodeid] = self.seconds.get(report.nodeid, 0.0) + report.duration
        if report.when == "call":
            hits = set(self.hits)
            for name in self.fixtures.get(report.nodeid, ()):
                hits |= self.fixture_hits.get(name, set())
            self.calls[report.nodeid] = sorted(hits)


def _stats(module: str, tests: list[str], out: Path) -> dict[str, Any]:
    import pytest
    from mutmut.mutation import trampoline

    stats = _Stats(module)
    trampoline.record_trampoline_hit = stats.record  # type: ignore[assignment]
    os.environ["MUTANT_UNDER_TEST"] = "stats"
    pid = os.fork()
    if pid == 0:  # in a child, so the parent's memos stay empty
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        code = pytest.main([*PYTEST_ARGS, *tests], plugins=[stats])
        stats.finish()
        out.write_text(json.dumps({"calls": stats.calls, "seconds": stats.seconds}))
        os._exit(int(code))
    _, status = os.waitpid(pid, 0)
    os.environ["MUTANT_UNDER_TEST"] = "fail"
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("the tests fail on the unmutated code (stats run)")
    return json.loads(out.read_text())


def _run_one(name: str, tests: list[str], order: _Order, timeout: float) -> dict[str, Any]:
    import pytest

    with tempfile.NamedTemporaryFile("r", suffix=".json") as tmp:
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            code = 3
            try:
                os.environ["MUTANT_UNDER_TEST"] = name
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                code = int(pytest.main([*PYTEST_ARGS, "-x", *tests], plugins=[order]))
                Path(tmp.name).write_text(json.dumps(order.failed))
            finally:
                os._exit(code)
        deadline = start + timeout
        status = None
        while status is None:
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(raw)
            elif time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                status = "timeout"
            else:
                time.sleep(0.05)
        text = Path(tmp.name).read_text()
        failed = json.loads(text) if text else []
    if status == "timeout":
        result = "timeout"
    elif status == 0:
        result = "survived"
    elif status == 1:
        result = "killed"
    else:  # interrupted, internal error, usage error, no tests collected, a crash
        result = f"killed (exit {status})"
    return {
        "name": name,
        "status": result,
        "seconds": round(time.monotonic() - start, 2),
        "load": round(os.getloadavg()[0], 1),
        "failed": failed[:1],
    }


def _score(out: Path) -> None:
    """The score: mutants run, killed (a test failed, or the run crashed or timed out),
    survived; of the killed, those that survived a first run and were killed once the
    tests added since were run (``before``)."""
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    killed = [r for r in rows if r["status"] != "survived"]
    added = [r for r in killed if r.get("before", "killed") != "killed"]
    timeouts = [r for r in killed if r["status"] == "timeout"]
    print(
        f"{len(rows)} run, {len(killed)} killed ({len(timeouts)} by the timeout), "
        f"{len(rows) - len(killed)} survived; {len(added)} of the killed by tests added "
        f"after a first run"
    )
    for r in rows:
        if r["status"] in ("survived", "timeout"):
            print(f"{r['status']}:", r["name"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("module", choices=sorted(TESTS))
    ap.add_argument("--only", nargs="*", help="these mutants (run again even if recorded)")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument(
        "--all-tests", action="store_true", help="every test, not only those calling the function"
    )
    ap.add_argument(
        "--first", nargs="*", help="run first the selected tests whose node ids hold these"
    )
    ap.add_argument("--last", nargs="*", help="run the mutants whose names hold these last")
    ap.add_argument(
        "--deselect",
        nargs="*",
        default=[],
        help="leave out these test node ids (e.g. a test of a fix made after the mutants "
        "were generated, which the unmutated code they were made from would fail)",
    )
    ap.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="run a seeded sample of N mutants (random.Random(SEED).sample over the sorted "
        "names; the first k of a sample of n are the sample of k), in the order drawn",
    )
    ap.add_argument("--seed", type=int, default=1, help="the seed of --sample (default 1)")
    ap.add_argument(
        "--reuse-stats",
        action="store_true",
        help="use the stats run kept in mutants/ (the reader's modules share one) instead "
        "of running it again; not after changing the tests or the code",
    )
    ap.add_argument("--out", type=Path, help="default: bench/mutation_results/MODULE.jsonl")
    ap.add_argument("--score", action="store_true", help="print the score of the results")
    args = ap.parse_args()
    os.chdir(ROOT)
    out = args.out or ROOT / "bench/mutation_results" / f"{args.module}.jsonl"
    if args.score:
        _score(out)
        return 0
    names = _names(args.module)
    tests = TESTS[args.module] + [f"--deselect={nodeid}" for nodeid in args.deselect]
    src = _overlay(args.module)
    sys.path.insert(0, str(src))
    os.environ["MUTANT_UNDER_TEST"] = "fail"

    import pytest

    import acupoints

    assert Path(acupoints.__file__).is_relative_to(src), acupoints.__file__
    acupoints.load()  # the packaged knowledge base, shared by every child
    # import the test modules (and conftest): a mutated function called while importing
    # them would raise here
    if pytest.main([*PYTEST_ARGS, "--collect-only", "-qq", *tests]) != 0:
        raise SystemExit("collecting the tests called the mutated module (or failed)")
    stats_file = ROOT / "mutants" / f"stats-{_group(args.module)}.json"
    if args.reuse_stats and stats_file.exists():
        stats = json.loads(stats_file.read_text())
    else:
        # the reader's modules share one stats run, over the test files of them all
        everything = READER_FILES if _group(args.module) == "reader" else TESTS[args.module]
        extra = [f"--deselect={nodeid}" for nodeid in args.deselect]
        stats = _stats(args.module, everything + extra, stats_file)
    # the calls of the module's own functions (the reader's stats run counts every module
    # of the reader): "acupoints.text.reader.x_read", "acupoints.parse.xǁ_Stateǁ..."
    stats["calls"] = {
        nodeid: [h for h in hit if h.rsplit(".", 1)[0] == args.module]
        for nodeid, hit in stats["calls"].items()
    }
    calling: dict[str, list[int]] = {test: [0, 0] for test in TESTS[args.module]}
    for nodeid, hit in stats["calls"].items():
        counts = calling.setdefault(nodeid.split("::", 1)[0], [0, 0])
        counts[0] += 1
        counts[1] += bool(hit)
    for test, (run, called) in calling.items():  # which files can see the module at all
        print(f"stats: {test}: {called} of {run} tests call {args.module}", flush=True)
    # the control: a "mutant" whose every mutated function raises must be killed
    control = _run_one(
        "fail", tests, _Order(args.module, None, stats["seconds"], stats["calls"]), args.timeout
    )
    if control["status"] == "survived":
        raise SystemExit("a mutant that raises in every mutated function survived")
    prefix = args.module + "."
    earlier: dict[str, dict[str, Any]] = {}
    if out.exists():
        for line in out.read_text(encoding="utf-8").splitlines():
            earlier[json.loads(line)["name"]] = json.loads(line)
    if args.sample is not None:  # every name drawn, the first N kept: a prefix is a sample
        names = random.Random(args.seed).sample(names, len(names))[: args.sample]
    if args.only:
        names = [n for n in names if n in set(args.only)]
    out.parent.mkdir(parents=True, exist_ok=True)
    if args.last:  # e.g. functions scored before: run them after the others
        names.sort(key=lambda n: any(part in n for part in args.last))
    for name in names:
        if name in earlier and not args.only:
            continue
        function = name.rsplit("__mutmut_", 1)[0].removeprefix(prefix)
        mangled = f"{args.module}.{function}"
        callers = {t for t, hit in stats["calls"].items() if mangled in hit}
        if not callers and not args.all_tests:  # no test calls the function
            record = {"name": name, "status": "survived", "seconds": 0.0, "tests": 0}
        else:
            keep = None if args.all_tests else callers
            order = _Order(args.module, keep, stats["seconds"], stats["calls"])
            order.first = tuple(args.first or ())
            record = _run_one(name, tests, order, args.timeout)
            record["tests"] = len(stats["seconds"]) if keep is None else len(callers)
        if name in earlier:  # run again (after tests were added): keep the first verdict
            first = earlier[name]
            record["before"] = first.get("before", first["status"])
        earlier[name] = record
        lines = [json.dumps(r, ensure_ascii=False) for r in earlier.values()]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(
            record["status"],
            f"{record['seconds']:.1f}s",
            name,
            *record.get("failed", []),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
