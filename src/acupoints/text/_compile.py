"""The reader's tables built from ``text.yaml``, the causes and the region words (see
:mod:`acupoints.text.compiled`, which keeps them per knowledge base). Only a knowledge base
without the prebuilt dataset's tables builds them (someone else's data, or the prebuilt
file's own build): a prebuilt load never runs this code, so it is a module of its own,
imported on first use (about 0.1 MiB of code a first answer no longer keeps)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from .._plain import Frozen
from .compiled import (
    DROP,
    PERSON,
    DeleteIndex,
    JoinedWords,
    PhraseIndex,
    Tables,
    WordSet,
    normalise,
    stem,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from .lexicon import ContextTrigger, CourseTerm, Spelling, WordList


class _Language(Frozen):
    __slots__ = ("context", "course", "spellings", "words")
    context: tuple[ContextTrigger, ...]
    spellings: tuple[Spelling, ...]
    words: tuple[WordList, ...]
    course: tuple[CourseTerm, ...]

    def __init__(
        self,
        context: tuple[ContextTrigger, ...],
        spellings: tuple[Spelling, ...],
        words: tuple[WordList, ...],
        course: tuple[CourseTerm, ...],
    ) -> None:
        _set = object.__setattr__
        _set(self, "context", context)
        _set(self, "spellings", spellings)
        _set(self, "words", words)
        _set(self, "course", course)


def _language(kb: KnowledgeBase) -> _Language:
    """The sections of text.yaml about the language, not the body (context triggers,
    spellings, word lists, time course): those of ``kb``, or, for a data directory without
    a text.yaml, those of the packaged data (a sentence is negated the same way whatever
    the points are)."""
    data = kb._data
    if data.context or data.spellings or data.words or data.course:
        return _Language(data.context, data.spellings, data.words, data.course)
    return _packaged_language()


@lru_cache(maxsize=1)
def _packaged_language() -> _Language:
    import yaml

    from ..loading import packaged_data_dir
    from .lexicon import ContextTrigger, CourseTerm, Spelling, WordList

    raw = yaml.safe_load((packaged_data_dir() / "text.yaml").read_text("utf-8"))
    return _Language(
        tuple(ContextTrigger.model_validate(x) for x in raw["context"]),
        tuple(Spelling.model_validate(x) for x in raw["spellings"]),
        tuple(WordList.model_validate(x) for x in raw["words"]),
        tuple(CourseTerm.model_validate(x) for x in raw["course"]),
    )


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def _build(kb: KnowledgeBase) -> Tables:
    from ..parse import ASPECT_WORDS, CONTEXT, FINGER_WORDS, SIDES, TOE_WORDS
    from .spelling import neighbours_forbid

    data = kb._data
    t = Tables()
    language = _language(kb)
    for sp in language.spellings:
        target = tuple(normalise(sp.text))
        for v in sp.variants:
            key = tuple(normalise(v))
            if len(key) == 1:
                t.spell[key[0]] = target
            else:
                t.spell_multi.add(key, target)
            if sp.unless_next or sp.unless_next_body or sp.unless_after or sp.only_next:
                t.spell_unless[key] = (
                    frozenset(sp.unless_next),
                    sp.unless_next_body,
                    frozenset(sp.unless_after),
                    frozenset(sp.only_next),
                )
            if sp.only_next_body:
                t.spell_only.add(key)

    def phrase(text: str, *, drop: bool = True) -> tuple[str, ...]:
        """A data phrase as the reader will see the text: spelt as the reader spells
        ("me" is "my") and, unless ``drop`` is False, without the DROP words."""
        out: list[str] = []
        for tok in normalise(text):
            out.extend(t.spell.get(tok, (tok,)))
        return tuple(tok for tok in out if not (drop and tok in DROP))

    for trig in language.context:
        for term in trig.terms:
            t.context.add(phrase(term, drop=False), (trig.category, trig.direction, trig.window))
    for c in data.causes:
        for word in (c.id.replace("_", " "), *c.synonyms):
            t.causes.add(phrase(word), c.id)
    t.cue_list = tuple(data.cause_cues)
    # lead23: the cause a word ending as an operation's name gives: that of "operation"
    t.operation_cause = next((v for _, v in t.causes.at(("operation",), 0)), None)
    for k, cue in enumerate(data.cause_cues):
        for term in cue.terms:
            t.cues.add(phrase(term), k)
    for ct in language.course:
        for term in ct.terms:
            t.course.add(phrase(term), (ct.facet, ct.value))
    symptom_words: set[str] = set()
    english: set[str] = set()
    for wl in language.words:
        for term in wl.terms:
            key = phrase(term)
            if wl.id == "symptom":
                t.symptoms.add(key, term)
                symptom_words.update(key)
            elif wl.id == "not_cause":
                t.not_causes.add(key, term)
            elif wl.id == "onset":
                t.onset = t.onset | set(key)
                english.update(key)
            elif wl.id == "operation_ending":
                t.operation_endings = (*t.operation_endings, term)
            elif wl.id == "not_operation":
                t.not_operations = t.not_operations | set(key)
                english.update(key)
            else:
                english.update(key)
    from .lexicon import FlagConcept

    past_flags = {c.flag for c in data.flags if c.past}  # a history counts for the flag
    # the word triggers of safety.yaml are concepts as well: the first group is what is
    # found, the others must be present too; they get the reader's context like the rest
    folded = [
        FlagConcept.model_construct(
            id=f"{rule.id}_trigger_{chr(97 + n)}",
            flag=rule.id,
            lay=trig.all[0],
            clinical=(),
            typos=(),
            also=tuple(trig.all[1:]),
            same_clause=trig.same_clause,
            urgency=None,
            past=rule.id in past_flags,
            maybe=False,
            sign=False,
            sources=rule.sources,
        )
        for rule in data.red_flags
        for n, trig in enumerate(rule.triggers)
    ]
    # facts about the person (text.yaml's `person`) are read as concepts too, their value
    # "person:<condition>"; the reader keeps them apart from the red flags
    person = [
        FlagConcept.model_construct(
            id=c.id,
            flag=f"{PERSON}{c.condition}",
            lay=c.lay,
            clinical=c.clinical,
            typos=c.typos,
            also=c.also,
            same_clause=c.same_clause,
            urgency=None,
            past=c.past,
            maybe=c.maybe,
            sign=False,
            sources=c.sources,
        )
        for c in data.person
    ]
    # the compositional rules (text.yaml's flag_rules) are concepts too, with no words of
    # their own: what they found is the words of each class
    rules = [
        FlagConcept.model_construct(
            id=r.id,
            flag=r.flag,
            lay=(),
            clinical=(),
            typos=(),
            also=(),
            same_clause=r.scope != "sentence",
            urgency=r.urgency,
            past=r.past,
            maybe=False,
            sign=r.sign,
            sources=r.sources,
        )
        for r in data.flag_rules
    ]
    t.concepts = (*data.flags, *folded, *person, *rules)
    class_at = {c.id: n for n, c in enumerate(data.flag_classes)}
    class_words: set[str] = set()

    def respelt(key: tuple[str, ...]) -> tuple[str, ...]:
        """``key`` (a phrase with its DROP words) without them, and with the phrases the
        reader spells otherwise replaced ("back passage" is read as "anus", "head to toe"
        as "all over body") where the words around them let the reader spell them
        (lead31: "from my neck down my arm" stays as written, as the reader leaves it: no
        "all over body" before the arm)."""
        out: list[str] = []
        i = 0
        for start, end, targets in t.spell_multi.scan(key):
            unless = t.spell_unless.get(key[start:end])
            if unless is not None and neighbours_forbid(
                unless,
                key[start - 1] if start else None,
                key[end] if end < len(key) else None,
                open_end=True,
            ):
                continue
            out.extend(key[i:start])
            out.extend(targets[0])
            i = end
        out.extend(key[i:])
        return tuple(w for w in out if w not in DROP)

    t.not_a_sign = class_at.get("not_a_sign", -1)
    for n, fc in enumerate(data.flag_classes):
        for term in fc.terms:
            key = respelt(phrase(term, drop=False))
            class_words.update(key)
            stems = tuple(stem(w) for w in key)
            t.classes.add(stems, n)
            if n == t.not_a_sign:
                t.not_a_sign_index.add(stems, n)
    first_rule = len(t.concepts) - len(rules)
    t.rules = tuple(
        (
            first_rule + n,
            tuple(class_at[c] for c in r.all),
            tuple(class_at[c] for c in r.unless),
            r.scope,
            r.near,
            # (lead31: no frozenset of the classes beside the tuple, to tell whether all are
            # there: about 0.2 KiB a rule, 30 KiB of a first answer; the few look-ups that
            # ask take the tuple, findings._ready)
        )
        for n, r in enumerate(data.flag_rules)
        # a rule naming a class that is not there is reported by the data checks
        if all(c in class_at for c in (*r.all, *r.unless))
    )
    t.overrides = {
        first_rule + n: frozenset(r.overrides) for n, r in enumerate(data.flag_rules) if r.overrides
    }
    t.shared = frozenset(
        first_rule + n for n, r in enumerate(data.flag_rules) if r.overrides and r.overrides_shared
    )
    t.both_sides = {
        first_rule + n: (frozenset(r.both_sides_of), r.scope, r.near)
        for n, r in enumerate(data.flag_rules)
        if r.both_sides_of
    }
    also = []
    typo_words: set[str] = set()
    right_words: set[str] = set()
    for k, concept in enumerate(t.concepts):
        for term in (*concept.lay, *concept.clinical, *concept.typos):
            t.flags.add(phrase(term), k)
        for term in concept.typos:
            typo_words.update(phrase(term))
        for term in (*concept.lay, *concept.clinical, *(w for g in concept.also for w in g)):
            right_words.update(phrase(term))
        groups = []
        for group in concept.also:
            index: PhraseIndex[int] = PhraseIndex()
            for term in group:
                index.add(phrase(term), 0)
            groups.append(index)
        also.append(tuple(groups))
    t.also = tuple(also)
    typo_words -= right_words  # "drooping" in "drooping fase" is spelt right
    for rc in data.roles:
        for terms, table in ((rc.before, t.role_before), (rc.after, t.role_after)):
            if rc.touching and table is t.role_before:
                for term in terms:  # (one word each: the data checks say so)
                    (word,) = phrase(term)
                    t.role_touching[word] = (*t.role_touching.get(word, ()), (rc.role, rc.regions))
                continue
            for term in terms:
                key = phrase(term)
                table[key] = (*table.get(key, ()), (rc.role, rc.regions))
    t.role_longest = max((len(k) for k in (*t.role_before, *t.role_after)), default=1)
    # the words a typo may be corrected to: body, symptom, cause and red-flag words
    region_words: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for r in kb.regions:
        for text, _ in ((r.name, ()), *r.phrases()):
            words = phrase(text)
            region_words.update(words)
            pairs.update(itertools.pairwise(words))
    for key in ASPECT_WORDS:
        region_words.update(key)
    region_words.update(FINGER_WORDS)
    region_words.update(TOE_WORDS)
    region_words.update(w for k in SIDES for w in k)
    t.region_words = frozenset(region_words)
    # two body words that may be written as one: the words of a region name side by side
    # ("big toe", "shoulder blade"), and a side before a body word ("left hand")
    sides = {w for k in SIDES for w in k if w.isalpha()}
    t.joined = JoinedWords(pairs, sides, region_words)
    t.known_function = frozenset(
        w for w in region_words if w in CONTEXT or w in DROP or not w.isalpha()
    )
    targets = set(region_words) | symptom_words
    targets |= t.causes.all_words() | t.cues.all_words() | t.flags.all_words()
    # the flag classes' longer words too ("ilegible" is "illegible"); shorter ones are too
    # near everyday words ("wearing" is one letter from "weaving")
    targets |= {w for w in class_words if len(w) >= 8}
    # a concept's misspellings are found as they are, but never a word to correct to
    targets -= typo_words - region_words - symptom_words
    targets = {w for w in targets if len(w) >= 4 and w.isalpha()}
    t.targets = WordSet(targets)

    def as_written(words: Iterable[str]) -> set[str]:
        """``words`` to read as they are, less a plural of a word of the reader's own,
        which it reads as that word ("the nerves at my elbow": "nerve at")."""
        return {w for w in words if not (w.endswith("s") and w[:-1] in targets)}

    t.known = WordSet(
        (
            targets
            | english
            | set(CONTEXT)
            | set(DROP)
            | t.context.all_words()
            | t.course.all_words()
            | class_words  # the rules' words are read as they are, never "corrected"
            # and so are the words of the roles' cues ("he clutches his chest" was read
            # "clutched", a flag word, and missed the cue "clutches")
            | as_written(w for cue in (*t.role_before, *t.role_after) for w in cue)
            | as_written(t.role_touching)
            # and the nerves' names ("superficial peroneal nerve" was read "perineal", a
            # saddle word, and raised cauda equina)
            | as_written(
                w for n in kb.nerves for x in (n.name, *(n.aliases or ())) for w in phrase(x)
            )
        )
        - (typo_words - region_words - symptom_words - english)
    )
    deletes: dict[str, set[str]] = {}
    for w in targets:
        for d in _deletes(w, 2 if len(w) >= 7 else 1):
            deletes.setdefault(d, set()).add(w)
    t.deletes = DeleteIndex({k: tuple(sorted(v)) for k, v in deletes.items()})
    # three-letter slips ("fot", "tos", "arn") are read only as body and side words of
    # three or four letters, through their single deletions
    short: dict[str, set[str]] = {}
    single = {
        k[0]
        for r in kb.regions
        for k in (phrase(x) for x, _ in ((r.name, ()), *r.phrases()))
        if len(k) == 1
    }
    single -= {k[0] for k in ASPECT_WORDS}
    single |= {"left", "right"}
    for w in single:
        if 3 <= len(w) <= 4 and w.isalpha():
            for d in _deletes(w, 1):
                short.setdefault(d, set()).add(w)
    t.short = {k: tuple(sorted(v)) for k, v in short.items()}
    from ..parse import _vocab_of, nerve_names  # built with the tables: the file holds them

    t.nerves = nerve_names(kb, t.spell)
    t.nerve_first = t.nerves.first
    t.vocab = _vocab_of(kb)
    return t
