"""The reader's one-pass look-ups give what the per-token look-ups they replaced give:
``PhraseIndex.each`` and ``scan`` against ``at`` called at each place, the contexts and
clauses from shared context terms against their own scan, and the composed rules tried
by word class against every rule."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest

import acupoints
from acupoints.text.compiled import PhraseIndex, normalise, tables
from acupoints.text.context import DATED_AFTER, DATED_BEFORE, clauses, context_hits, contexts
from acupoints.text.findings import _rules_by_class, content
from acupoints.text.spelling import correct

from .textread import read_yaml

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def t() -> Any:
    return tables(acupoints.load())


@pytest.fixture(scope="module")
def texts() -> list[list[str]]:
    """The tokens (after spelling) of every description of two corpus sets, and a few
    made to hold the multi-word phrases of the tables."""
    out = []
    for name in ("readings.yaml", "heldout10.yaml"):
        for entry in read_yaml(CORPUS / name)["sentences"]:
            out.append(normalise(entry["t"]))
    out += [
        ["pins", "and", "needles", "in", "my", "left", "hand", ",", "no", "fever"],
        ["denies", "saddle", "anaesthesia", ",", "weight", "loss", "or", "night", "pain"],
        ["cant", "feel", "my", "feet", "and", "my", "legs", "keep", "giving", "way"],
        [],
    ]
    assert len(out) > 100
    return out


def _indexes(t: Any) -> dict[str, PhraseIndex[Any]]:
    return {
        "context": t.context,
        "flags": t.flags,
        "classes": t.classes,
        "spell_multi": t.spell_multi,
        "causes": t.causes,
        "symptoms": t.symptoms,
        "course": t.course,
    }


def _scan_by_at(index: PhraseIndex[Any], tokens: list[str]) -> list[Any]:
    """``scan`` as it was written before: ``at`` at each place, stepping over a match."""
    out = []
    i = 0
    while i < len(tokens):
        hits = index.at(tokens, i) if tokens[i] in index.words else []
        if hits:
            n = hits[0][0]
            out.append((i, i + n, [v for m, v in hits if m == n]))
            i += n
        else:
            i += 1
    return out


def test_each_and_scan_match_at_at_every_place(t: Any, texts: list[list[str]]) -> None:
    found = 0
    for name, index in _indexes(t).items():
        for raw in texts:
            for tokens in (raw, tuple(raw), correct(t, raw)[0]):
                each = index.each(tokens)
                assert len(each) == len(tokens), name
                for i, tok in enumerate(tokens):
                    expected = index.at(tokens, i) if tok in index.words else []
                    assert list(each[i]) == expected, (name, tokens, i)
                    found += bool(expected)
                assert index.scan(tokens) == _scan_by_at(index, list(tokens)), (name, tokens)
    assert found > 500  # the texts meet the tables' phrases, not only empty places


def test_contexts_and_clauses_from_shared_terms(t: Any, texts: list[list[str]]) -> None:
    for raw in texts:
        tokens = correct(t, raw)[0]
        terms = context_hits(t, tokens)
        assert contexts(t, tokens, terms) == contexts(t, tokens)
        assert clauses(t, tokens, terms) == clauses(t, tokens)
        # and the terms are the ones a token-by-token look-up finds, with the dates of
        # _dated_past ("when I was 12", "in 2009"), which start at "when" or "in" and hold
        # a number
        for i, tok in enumerate(tokens):
            looked_up = t.context.at(tokens, i) if tok in t.context.words else []
            dated = list(terms[i])
            for hit in looked_up:
                dated.remove(hit)  # every term looked up is there
            for size, value in dated:
                assert value in (DATED_BEFORE, DATED_AFTER), tokens
                assert tok in ("when", "in") and tokens[i + size - 1].isdigit(), tokens


def test_rules_by_class_try_every_rule_whose_classes_are_found(t: Any) -> None:
    rules = t.rules
    by_class = _rules_by_class(rules)
    assert _rules_by_class(rules) is by_class  # made once per table of rules
    classes = sorted({n for r in rules for n in r[1]})
    rng = random.Random(18)
    haves = [set(r[1]) for r in rules] + [
        set(rng.sample(classes, k)) for k in (1, 2, 3, 5, 8) for _ in range(40)
    ]
    for have in haves:
        picked = [rules[k] for k in sorted({k for n in (*have, -1) for k in by_class.get(n, ())})]
        assert [r for r in picked if have >= set(r[1])] == [r for r in rules if have >= set(r[1])]
    # a rule that needs no class (none in the data) is tried for any text
    extra = (*rules, (0, (), (), "clause", 3, frozenset()))
    assert len(rules) in _rules_by_class(extra)[-1]


def test_each_reads_the_stems_of_content(t: Any, texts: list[list[str]]) -> None:
    """The composed rules read the stems of the content words: each of those is a place
    of ``at`` too (one sample of the texts)."""
    for raw in itertools.islice(texts, 60):
        c = content(correct(t, raw)[0])
        each = t.classes.each(c.stems)
        for i, s in enumerate(c.stems):
            assert list(each[i]) == (t.classes.at(c.stems, i) if s in t.classes.words else [])


def test_found_is_every_value_each_finds(t: Any, texts: list[list[str]]) -> None:
    """``found`` (the composed rules' first look: which classes a text names) gives the
    values of every phrase ``each`` finds, and leaves out those of one word at the places
    it is told to."""
    for name, index in _indexes(t).items():
        for raw in itertools.islice(texts, 80):
            tokens = tuple(correct(t, raw)[0])
            each = index.each(tokens)
            assert index.found(tokens) == {v for hits in each for _, v in hits}, name
            skip = list(range(0, len(tokens), 2))
            assert index.found(tokens, skip) == {
                v for i, hits in enumerate(each) for n, v in hits if n > 1 or i not in skip
            }, name
