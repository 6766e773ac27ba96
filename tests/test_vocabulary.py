"""Every word of the data's vocabulary, read in a sentence: each region synonym, each cause
synonym, each word of each red-flag trigger (safety.yaml) and each word of each red-flag
concept of the text reader (text.yaml). The words and what they must mean are kept in
``tests/vocabulary.py``, by hand, not read from the data: a word removed from the data
fails the comparison test of its kind even where another file still catches the sentence
(a stroke word is in both safety.yaml and text.yaml), and a word added to the data fails
it until it is written into the list with its meaning. How a concept is read is kept and
tested too: the urgency it gives its flag, its two parts in one clause (``same_clause``),
a sign that names no numb area (``sign``), a history that counts (``past``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import pytest

import acupoints
from acupoints import KnowledgeBase
from acupoints.loading import packaged_data_dir

from .textread import raised, read_yaml
from .vocabulary import (
    CAUSE_WORDS,
    FLAG_CONCEPTS,
    FLAG_TRIGGERS,
    PERSON_CONCEPTS,
    REGION_WORDS,
    SENTENCES,
    UNREAD,
)


@cache
def raw(name: str) -> Any:
    return read_yaml(packaged_data_dir() / name)


def _compare(kind: str, data: dict[str, Any], kept: dict[str, Any]) -> None:
    """The data and the list agree entry by entry; the message names each word."""
    problems = []
    for key in sorted(set(data) | set(kept)):
        if key not in data:
            problems.append(f"{kind} {key!r} is in tests/vocabulary.py but not in the data")
        elif key not in kept:
            problems.append(f"{kind} {key!r} is in the data: add it to tests/vocabulary.py")
        elif data[key] != kept[key]:
            gone = sorted(set(_flat(kept[key])) - set(_flat(data[key])))
            new = sorted(set(_flat(data[key])) - set(_flat(kept[key])))
            problems.append(
                f"{kind} {key!r}: removed from the data {gone or '-'}; "
                f"added to the data (write them into tests/vocabulary.py) {new or '-'}"
                + ("" if gone or new else "; the same words, grouped or ordered differently")
            )
    assert not problems, "\n".join(problems)


def _flat(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _flat(v)
    elif isinstance(value, (list, tuple)):  # (a flag such as sign: true holds no words)
        for v in value:
            yield from _flat(v)


# ------------------------------------------------------------------ the list is the data's
def test_region_words_are_the_list() -> None:
    data = {
        r["id"]: tuple(r["synonyms"]) for r in raw("regions.yaml")["regions"] if r.get("synonyms")
    }
    _compare("region", data, REGION_WORDS)


def test_cause_words_are_the_list() -> None:
    data = {c["id"]: tuple(c.get("synonyms") or ()) for c in raw("causes.yaml")["causes"]}
    _compare("cause", data, CAUSE_WORDS)


def test_red_flag_triggers_are_the_list() -> None:
    data = {
        f["id"]: tuple(tuple(tuple(g) for g in t["all"]) for t in f["triggers"])
        for f in raw("safety.yaml")["red_flags"]
        if f.get("triggers")
    }
    _compare("red flag", data, FLAG_TRIGGERS)


def test_red_flag_concepts_are_the_list() -> None:
    data = {
        f["id"]: {
            "flag": f["flag"],
            **{k: tuple(f.get(k) or ()) for k in ("lay", "clinical", "typos")},
            "also": tuple(tuple(g) for g in f.get("also") or ()),
            # the ways a concept is read, written in the list only where they are set
            **{k: f[k] for k in ("same_clause", "urgency", "past", "sign") if f.get(k)},
        }
        for f in raw("text.yaml")["flags"]
    }
    _compare("red-flag concept", data, FLAG_CONCEPTS)


# ------------------------------------------------------------------ each word means it
@pytest.mark.parametrize("region", sorted(REGION_WORDS))
def test_every_region_word_reads_its_region(kb: KnowledgeBase, region: str) -> None:
    wrong = []
    for entry in REGION_WORDS[region]:
        word = entry["text"] if isinstance(entry, dict) else entry
        try:
            found = kb.parse_location(f"numbness in my {word}").region_ids
        except acupoints.AcupointsError as exc:
            found = (type(exc).__name__,)
        if region not in found:
            wrong.append(f"{word!r} -> {found}")
    assert not wrong, f"words that do not read {region}: {wrong}"


@pytest.mark.parametrize("cause", sorted(CAUSE_WORDS))
def test_every_cause_word_names_its_cause(kb: KnowledgeBase, cause: str) -> None:
    wrong = [w for w in CAUSE_WORDS[cause] if kb.cause(w).id != cause]
    assert not wrong, f"words that do not name {cause}: {[(w, kb.cause(w).id) for w in wrong]}"


def flags_of(kb: KnowledgeBase, text: str) -> set[str]:
    return set(raised(kb, text))


def sentences(groups: Iterable[Iterable[str]]) -> Iterator[tuple[str, str]]:
    """(word, sentence) for every word of every group, the other groups by their first
    word: a numb hand, then the words in the order of the groups."""
    groups = [tuple(g) for g in groups]
    for i, group in enumerate(groups):
        for word in group:
            words = [word if j == i else g[0] for j, g in enumerate(groups)]
            yield word, "numb left hand and " + " ".join(words)


@pytest.mark.parametrize("flag", sorted(FLAG_TRIGGERS))
def test_every_trigger_word_raises_its_flag(kb: KnowledgeBase, flag: str) -> None:
    wrong = []
    for trigger in FLAG_TRIGGERS[flag]:
        for word, text in sentences(trigger):
            if flag not in flags_of(kb, text):
                wrong.append(f"{word!r} in {text!r}")
    assert not wrong, f"words that do not raise {flag}: {wrong}"


@pytest.mark.parametrize("concept", sorted(FLAG_CONCEPTS))
def test_every_concept_word_raises_its_flag(kb: KnowledgeBase, concept: str) -> None:
    entry = FLAG_CONCEPTS[concept]
    flag = str(entry["flag"])
    terms = tuple(entry["lay"]) + tuple(entry["clinical"]) + tuple(entry["typos"])  # type: ignore[arg-type]
    also = [tuple(g) for g in entry["also"]]  # type: ignore[attr-defined]
    urgency = entry.get("urgency")
    wrong, fixed = [], []
    for word, text in sentences([terms, *also]):
        text = SENTENCES.get((concept, word), text)
        found = raised(kb, text)
        if (concept, word) in UNREAD:
            if flag in found:
                fixed.append(word)
        elif flag not in found:
            wrong.append(f"{word!r} in {text!r}")
        elif urgency is not None and found[flag] != urgency:
            # a concept that raises the flag's urgency raises it with every word
            wrong.append(f"{word!r} in {text!r} is {found[flag]!r}, not {urgency!r}")
    assert not wrong, f"{len(wrong)} words of {concept} do not raise {flag}: {wrong}"
    assert not fixed, f"{fixed} of {concept} now raise {flag}: take them out of UNREAD"


@pytest.mark.parametrize(
    "concept", sorted(c for c, e in FLAG_CONCEPTS.items() if e.get("same_clause"))
)
def test_a_two_part_concept_is_read_only_within_one_clause(kb: KnowledgeBase, concept: str) -> None:
    """The parts of a ``same_clause`` concept (a thing and what is wrong with it: "my
    smile went crooked") raise it together in one clause, and not in two sentences."""
    entry = FLAG_CONCEPTS[concept]
    terms = tuple(entry["lay"]) + tuple(entry["clinical"]) + tuple(entry["typos"])  # type: ignore[arg-type]
    parts = [terms[0], *(g[0] for g in entry["also"])]  # type: ignore[attr-defined]
    together = "numb left hand and " + " ".join(parts)
    apart = "numb left hand and " + ". ".join(parts)
    # together they raise the flag (maybe found by a wider concept of the same flag:
    # "dropping things" is also a phrase of grip_failing, and is reported once)
    assert str(entry["flag"]) in flags_of(kb, together), together
    assert concept not in [f.concept for f in kb.read(apart).flags], apart


@pytest.mark.parametrize("concept", sorted(c for c, e in FLAG_CONCEPTS.items() if e.get("sign")))
def test_a_sign_names_no_numb_area(kb: KnowledgeBase, concept: str) -> None:
    """A sign's words ("foot drop", "a black toe", "ulcer on my heel") name a sign, not a
    numb area: with a numb hand, the hand is the only numb area read."""
    entry = FLAG_CONCEPTS[concept]
    terms = tuple(entry["lay"]) + tuple(entry["clinical"]) + tuple(entry["typos"])  # type: ignore[arg-type]
    also = [tuple(g) for g in entry["also"]]  # type: ignore[attr-defined]
    wrong = []
    for word, text in sentences([terms, *also]):
        if (concept, word) in SENTENCES or (concept, word) in UNREAD:
            continue
        numb = sorted({a.id for a in kb.read(text).areas if a.role == "numb"})
        if numb != ["hand"]:
            wrong.append(f"{word!r} in {text!r}: numb {numb}")
    assert not wrong, f"{len(wrong)} words of {concept} read as numb areas: {wrong}"


@pytest.mark.parametrize("concept", sorted(c for c, e in FLAG_CONCEPTS.items() if e.get("past")))
def test_a_past_concept_counts_a_history(kb: KnowledgeBase, concept: str) -> None:
    """A concept with ``past`` ("had cancer") raises its flag from a history as well."""
    entry = FLAG_CONCEPTS[concept]
    terms = tuple(entry["lay"]) + tuple(entry["clinical"]) + tuple(entry["typos"])  # type: ignore[arg-type]
    flag = str(entry["flag"])
    # a concept that needs more words has the first of each group after it ("ca prostate")
    more = "".join(f" {g[0]}" for g in entry["also"])  # type: ignore[attr-defined]
    wrong = [w for w in terms if flag not in flags_of(kb, f"numb feet, I had {w}{more} years ago")]
    assert not wrong, f"words of {concept} whose history raises no {flag}: {wrong}"


def test_the_exceptions_name_words_of_the_list() -> None:
    for concept, word in [*SENTENCES, *UNREAD]:
        entry = FLAG_CONCEPTS[concept]
        assert word in [w for k in ("lay", "clinical", "typos", "also") for w in _flat(entry[k])]


# ------------------------------------------------------------------ facts about the person
def test_person_concepts_are_the_list() -> None:
    data = {
        f["id"]: {
            "condition": f["condition"],
            **{k: tuple(f.get(k) or ()) for k in ("lay", "clinical", "typos")},
            **{k: f[k] for k in ("past", "maybe") if f.get(k)},
        }
        for f in raw("text.yaml")["person"]
    }
    _compare("person concept", data, PERSON_CONCEPTS)


@pytest.mark.parametrize("concept", sorted(PERSON_CONCEPTS))
def test_every_person_word_applies_its_condition(kb: KnowledgeBase, concept: str) -> None:
    """Each word, in a sentence, sets its condition on the patient select(text) checks
    the points for; denied, it sets nothing."""
    entry = PERSON_CONCEPTS[concept]
    condition = str(entry["condition"])
    terms = tuple(entry["lay"]) + tuple(entry["clinical"]) + tuple(entry["typos"])  # type: ignore[arg-type]
    wrong = []
    for word in terms:
        text = f"numb left hand and {word}"
        read = {f.id for f in kb.read(text).person if not f.context}
        if condition not in read:
            wrong.append(f"{word!r} in {text!r}")
        denied = {f.id for f in kb.read(f"numb left hand, no {word}").person if not f.context}
        if condition in denied:
            wrong.append(f"{word!r} denied ('no {word}') still sets {condition}")
    assert not wrong, f"{len(wrong)} words of {concept} do not set {condition}: {wrong}"
