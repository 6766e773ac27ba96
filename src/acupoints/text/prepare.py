"""A description made ready for reading: tokens after spelling, the context and clause of
every token, the content words, and (found once, when first asked for) the causes and
red-flag concepts in it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .compiled import SENTENCE_END, Tables, normalise_spans, tables
from .context import clauses, contexts
from .findings import (
    Content,
    Hit,
    causes,
    composed,
    content,
    course,
    flags,
    grades,
    overridden,
    symptom_spans,
)
from .spelling import correct_from

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase

__all__ = ["Prepared", "prepare"]


@dataclass(frozen=True)
class Prepared:
    """A description after spelling, with the context and clause of every token."""

    text: str
    tokens: tuple[str, ...]
    ctx: tuple[frozenset[str], ...]
    clause: tuple[int, ...]
    content: Content
    corrected: tuple[tuple[str, str], ...]
    tables: Tables
    spans: tuple[tuple[int, int], ...] = ()  # where each token was written in ``text``

    def written(self, start: int, end: int) -> str:
        """Tokens ``start`` to ``end`` (exclusive) as the writer wrote them."""
        if not self.spans or start >= end:
            return " ".join(self.tokens[start:end])
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]

    @cached_property
    def sentence(self) -> tuple[int, ...]:
        """The sentence of every token, counted from 0 (a sentence end belongs to the
        sentence it ends)."""
        out: list[int] = []
        k = 0
        for tok in self.tokens:
            out.append(k)
            k += tok in SENTENCE_END
        return tuple(out)

    @cached_property
    def cause_hits(self) -> list[Hit]:
        """The causes named (cause synonyms and cues), found once."""
        blocked = symptom_spans(self.tables, self.content)
        return causes(self.tables, self.content, self.ctx, blocked)

    @cached_property
    def course_hits(self) -> list[Hit]:
        """The time-course terms found, found once."""
        return course(self.tables, self.content, self.ctx)

    @cached_property
    def used(self) -> frozenset[int]:
        """The tokens a cause, a time-course term, a red flag, a fact about the person or a
        context trigger ("my husband", "denies", "why") was read from: no word of them is
        an ignored word."""
        out: set[int] = set()
        for h in (*self.cause_hits, *self.course_hits):
            out.update(range(h.start, h.end))
        t, tokens = self.tables, self.tokens
        for i, tok in enumerate(tokens):
            if tok in t.context.words:
                hits = t.context.at(tokens, i)
                if hits:
                    out.update(range(i, i + hits[0][0]))
        for h in self.flag_hits:
            assert isinstance(h.extra, tuple)
            for a, b in h.extra[2]:
                out.update(range(a, b))
        return frozenset(out)

    @cached_property
    def flag_hits(self) -> list[Hit]:
        """The red-flag concepts found (from their phrases, then by the compositional
        rules), found once."""
        t, c = self.tables, self.content
        hits = [
            *flags(t, c, self.ctx, self.clause),
            *composed(t, c, self.ctx, self.clause, self.tokens, self.sentence),
            *grades(t, self.text, self.spans, self.tokens, self.ctx, self.sentence),
        ]
        return overridden(t, hits)


PARTS = frozenset(
    {"top", "bottom", "back", "front", "side", "underside", "inside", "outside", "tip", "edge"}
    | {"ball"}
)
"""Words of a part that "of it" may name ("the top of it is numb")."""
NOT_BODY = frozenset({"left", "right", "both", "l", "r", "side", "sided", "all", "whole"})


def _referents(t: Tables, tokens: list[str]) -> list[str]:
    """``tokens`` with "it" after a part word and "of" ("the top of it", "the bottom of
    it") written as the body word it stands for: the last one before it, in its sentence
    or the one before ("dropped a dumbbell on my foot and the top of it is numb")."""
    out = tokens
    for k in range(2, len(tokens)):
        if tokens[k] != "it" or tokens[k - 1] != "of" or tokens[k - 2] not in PARTS:
            continue
        if k + 1 < len(tokens) and tokens[k + 1] == "all":
            continue  # "on top of it all"
        ends = 0
        for j in range(k - 3, -1, -1):
            tok = tokens[j]
            if tok in SENTENCE_END:
                ends += 1
                if ends > 1:
                    break
                continue
            if (
                tok in t.region_words
                and tok not in t.known_function
                and tok not in NOT_BODY
                and tok not in PARTS
            ):
                out = [*out[:k], tok, *out[k + 1 :]]
                break
    return out


def prepare(kb: KnowledgeBase, text: str) -> Prepared:
    """``text`` after spelling, with its context (see the module docstring)."""
    t = tables(kb)
    raw, where = normalise_spans(text)
    tokens, changes, origin = correct_from(t, raw)
    if "it" in tokens:
        tokens = _referents(t, list(tokens))
    ctx = contexts(t, tokens)
    return Prepared(
        text,
        tuple(tokens),
        tuple(ctx),
        tuple(clauses(t, tokens)),
        content(tokens),
        tuple(changes),
        t,
        tuple((where[a][0], where[b - 1][1]) for a, b in origin),
    )
