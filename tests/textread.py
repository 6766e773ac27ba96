"""What ``select(text)`` makes of a sentence, as the reader's tests compare it: shared by
the test modules of the text reader (not a test module itself)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import acupoints
from acupoints import KnowledgeBase
from acupoints.loading import packaged_data_dir


def read_yaml(path: Path) -> Any:
    """A YAML file parsed with PyYAML's C loader where it has one: the pure-Python loader
    takes 0.7 s for text.yaml and 7 s for the corpus, where the C one takes a seventh."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text("utf-8"), Loader=loader)


def write_yaml(path: Path, data: Any) -> None:
    """Write ``data`` as YAML (the C dumper where there is one) for :func:`read_yaml`."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True), "utf-8")


def raised(kb: KnowledgeBase, text: str) -> dict[str, str]:
    """The red flags ``select(text)`` raises, with their urgency (those of the
    ``LocationError`` when no area is read)."""
    try:
        flags = kb.select(text, limit=1).red_flags
    except acupoints.LocationError as exc:
        flags = exc.red_flags
    return {f.id: f.urgency for f in flags}


def fired(kb: KnowledgeBase, text: str) -> set[str]:
    """The concepts (rule ids among them) that raise a flag in ``text``."""
    return {f.concept for f in kb.read(text).flags if not f.context and f.concept}


def reading(kb: KnowledgeBase, text: str) -> tuple[set[str], str | None, str | None]:
    """(numb region ids, side, cause) that select(text) uses."""
    try:
        s = kb.select(text, limit=1)
    except acupoints.LocationError:
        return set(), None, kb.read(text).cause
    return set(s.location.region_ids), s.location.side, s.cause


def block_words(name: str, tag: str) -> set[str]:
    """The words of a data file's lists that follow a comment starting "# TAG" ("heldout8
    areas"), to the end of their list; another such block's comment ("# heldout...",
    "# lead ...", "# areasa", "# lay17") ends the block."""
    found: set[str] = set()
    block = inside = False  # in the block; in an open list
    for line in (packaged_data_dir() / name).read_text("utf-8").splitlines():
        text = line.strip()
        if text.startswith("#"):
            if text.startswith(
                (
                    "# heldout",
                    "# lead",
                    "# areasa",
                    "# areasb",
                    "# areasc",
                    "# flagside",
                    "# weak17",
                    "# lay17",
                    "# asking17",
                    "# limb17",
                    "# cause18",
                    "# cause19",
                    "# areas18",
                    "# flags18",
                    "# areas19",
                    "# flags19",
                    "# flags20",
                    "# areas20",
                    "# cause20",
                    "# lead20",
                    "# areas21",
                    "# flags21",
                    "# areas22",
                    "# flags22",
                    "# areas23",
                    "# flags23",
                    "# lead23",
                    "# areas24",
                    "# flags24",
                    f"# {tag}",
                )
            ):
                block = text.startswith(f"# {tag}")
            continue
        opens = "[" in text
        items = text.split("[", 1)[1] if opens else text
        if block and (inside or opens):
            found |= {w.strip() for w in items.split("]")[0].split(",") if w.strip()}
        if "]" in text:
            inside = block = False
        elif opens:
            inside = True
    return found


def check_flag_block_words(tag: str, listed: set[str]) -> None:
    """Every word of the text.yaml blocks "# TAG" is one of ``listed`` or a word of a flag
    class, and every word of ``listed`` that is no class word is in the blocks (the class
    words are listed in tests/vocabulary.FLAG_CLASSES and tested by test_text_flags6.py)."""
    from .vocabulary import FLAG_CLASSES

    classes = {w for words in FLAG_CLASSES.values() for w in words}
    assert block_words("text.yaml", tag) - classes == listed - classes


def check_cause_block_words(
    words: Mapping[tuple[str, str], object], tag: str, at_least: int
) -> None:
    """Every word of the causes.yaml blocks "# TAG" (at least ``at_least`` of them) is a
    cause synonym kept in tests/vocabulary.CAUSE_WORDS and has a sentence of its own among
    the ``("cause", word)`` keys of ``words`` (a word list of one held-out set's fixes)."""
    from .vocabulary import CAUSE_WORDS

    listed = {word for section, word in words if section == "cause"}
    kept = {w for synonyms in CAUSE_WORDS.values() for w in synonyms}
    blocks = block_words("causes.yaml", tag)
    assert len(blocks) >= at_least
    assert blocks <= kept
    assert not blocks - listed, sorted(blocks - listed)


PLAIN = frozenset({"my", "the", "a", "an", "his", "her", "me", "him"})
"""Words the reader's phrases skip, left out when a listed word is looked for in its text."""


def check_word_is_read(
    kb: KnowledgeBase, words: Mapping[tuple[str, str], tuple], key: tuple[str, str]
) -> None:
    """The word-by-word test of a block of vocabulary (``AREA<N>_WORDS``): the word of
    ``key`` stands in its sentence as the reader sees it (apostrophes dropped, a
    possessive 's removed, as "dad's" -> dad; "it's" is "its", not a possessive), and
    the sentence is read as listed (areas, side, cause)."""
    text, areas, side, cause = words[key]
    written = text.lower().replace("'s ", " ").replace("'", "")
    wanted = " ".join(w for w in key[1].split() if w not in PLAIN)
    found = [
        " ".join(w for w in re.findall(r"[a-z0-9.]+", form) if w not in PLAIN)
        for form in (written, text.lower().replace("'", ""))
    ]
    assert any(wanted in f for f in found) or wanted in written, (key, text)
    assert reading(kb, text) == (set(areas), side, cause), (text, kb.read(text).corrected)


def _words(text: str) -> str:
    """The words of ``text`` (letters and digits, apostrophes dropped), space-joined."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("'", "")))


def check_flag_term(
    kb: KnowledgeBase, key: tuple[str, str], entry: tuple[str, dict[str, str], str]
) -> None:
    """A context term or spelling of a flags block (``key`` is (section, term)): its
    sentence holds the term and raises exactly the listed flags, and its control sentence,
    without the term, raises something else."""
    text, flags, control = entry
    term = key[1].strip('"')  # "no" is quoted in the data (YAML reads a bare no as false)
    assert f" {term} " in f" {_words(text)} ", (key, text)
    assert f" {term} " not in f" {_words(control)} ", (key, control)
    assert raised(kb, text) == flags, text
    assert raised(kb, control) != flags, control  # without the term it reads otherwise


def edit_text_yaml(root: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    """``edit`` the text.yaml of the data directory ``root`` (a copy: the ``data_copy``
    fixture), as parsed YAML, and write it back."""
    path = root / "text.yaml"
    raw = read_yaml(path)
    edit(raw)
    write_yaml(path, raw)
