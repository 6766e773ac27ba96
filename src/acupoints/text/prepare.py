"""A description made ready for reading: tokens after spelling, the context and clause of
every token, the content words, and (found once, when first asked for) the causes and
red-flag concepts in it."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .._plain import Frozen
from .compiled import SENTENCE_END, Tables, normalise_spans, tables
from .context import ContextHits, clauses, context_hits, contexts
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
    rewritten,
    weights,
)
from .spelling import correct_from

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase

__all__ = ["Prepared", "prepare"]

T = TypeVar("T")


class _once(Generic[T]):
    """``functools.cached_property`` without its lock: the value is computed on the first
    read and kept in the instance's ``__dict__``, where later reads find it (this is a
    non-data descriptor). Python 3.11's ``cached_property`` takes a lock on every first
    read (about 1 us, five a reading); a Prepared belongs to the one reading that made it."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj: object, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]  # the descriptor, as on the class
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


once = cached_property if TYPE_CHECKING else _once  # mypy reads it as cached_property


class Prepared(Frozen):
    """A description after spelling, with the context and clause of every token."""

    text: str
    tokens: tuple[str, ...]
    ctx: tuple[frozenset[str], ...]
    clause: tuple[int, ...]
    content: Content
    corrected: tuple[tuple[str, str], ...]
    tables: Tables
    spans: tuple[tuple[int, int], ...]  # where each token was written in ``text``
    context_terms: ContextHits  # context.context_hits of the tokens (or none given)

    def __init__(
        self,
        text: str,
        tokens: tuple[str, ...],
        ctx: tuple[frozenset[str], ...],
        clause: tuple[int, ...],
        content: Content,
        corrected: tuple[tuple[str, str], ...],
        tables: Tables,
        spans: tuple[tuple[int, int], ...] = (),
        context_terms: ContextHits = (),
    ) -> None:
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "tokens", tokens)
        _set(self, "ctx", ctx)
        _set(self, "clause", clause)
        _set(self, "content", content)
        _set(self, "corrected", corrected)
        _set(self, "tables", tables)
        _set(self, "spans", spans)
        _set(self, "context_terms", context_terms)

    def written(self, start: int, end: int) -> str:
        """Tokens ``start`` to ``end`` (exclusive) as the writer wrote them."""
        if not self.spans or start >= end:
            return " ".join(self.tokens[start:end])
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]

    @once
    def sentence(self) -> tuple[int, ...]:
        """The sentence of every token, counted from 0 (a sentence end belongs to the
        sentence it ends)."""
        if SENTENCE_END.isdisjoint(self.tokens):
            return (0,) * len(self.tokens)  # one sentence (most texts)
        out: list[int] = []
        k = 0
        for tok in self.tokens:
            out.append(k)
            k += tok in SENTENCE_END
        return tuple(out)

    @once
    def cause_hits(self) -> list[Hit]:
        """The causes named (cause synonyms and cues), found once."""
        # the words of symptoms (symptom_spans) are found where a cause may begin
        return causes(self.tables, self.content, self.ctx)

    @once
    def course_hits(self) -> list[Hit]:
        """The time-course terms found, found once."""
        return course(self.tables, self.content, self.ctx)

    @once
    def used(self) -> frozenset[int]:
        """The tokens a cause, a time-course term, a red flag, a fact about the person or a
        context trigger ("my husband", "denies", "why") was read from: no word of them is
        an ignored word."""
        out: set[int] = set()
        for h in (*self.cause_hits, *self.course_hits):
            out.update(range(h.start, h.end))
        t, tokens = self.tables, self.tokens
        found = self.context_terms or context_hits(t, tokens)
        for i, hits in enumerate(found):
            if hits:
                out.update(range(i, i + hits[0][0]))
        for h in self.flag_hits:
            assert isinstance(h.extra, tuple)
            for a, b in h.extra[2]:
                out.update(range(a, b))
        return frozenset(out)

    @once
    def flag_hits(self) -> list[Hit]:
        """The red-flag concepts found (from their phrases, then by the compositional
        rules, and from the phrases the spelling read as other words), found once."""
        t, c = self.tables, self.content
        hits = [
            *flags(t, c, self.ctx, self.clause),
            *composed(t, c, self.ctx, self.clause, self.tokens, self.sentence),
            *grades(t, self.text, self.spans, self.tokens, self.ctx, self.sentence),
            *weights(t, self.text, self.spans, self.tokens, self.ctx, self.sentence),
            *rewritten(t, self.text, self.spans, self.tokens, self.ctx, self.corrected),
        ]
        return overridden(t, hits)


def prepare(kb: KnowledgeBase, text: str) -> Prepared:
    """``text`` after spelling, with its context (see the module docstring)."""
    t = tables(kb)
    raw, where = normalise_spans(text)
    # tuples, read and written: a phrase look-up (PhraseIndex.at, .each) slices the tokens
    # into its keys, and a slice of a list was made a tuple each time
    read, changes, origin = correct_from(t, tuple(raw))
    tokens = tuple(read)
    found = context_hits(t, tokens)  # read once, for the contexts, clauses and used words
    return Prepared(
        text,
        tokens,
        tuple(contexts(t, tokens, found)),
        tuple(clauses(t, tokens, found)),
        content(tokens),
        tuple(changes),
        t,
        tuple([(where[a][0], where[b - 1][1]) for a, b in origin]),
        found,
    )
