"""A description made ready for reading: tokens after spelling, the context and clause of
every token, the content words, and (found once, when first asked for) the causes and
red-flag concepts in it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .compiled import Tables, normalise, tables
from .context import clauses, contexts
from .findings import Content, Hit, causes, content, flags, symptom_spans
from .spelling import correct

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

    @cached_property
    def cause_hits(self) -> list[Hit]:
        """The causes named (cause synonyms and cues), found once."""
        blocked = symptom_spans(self.tables, self.content)
        return causes(self.tables, self.content, self.ctx, blocked)

    @cached_property
    def flag_hits(self) -> list[Hit]:
        """The red-flag concepts found, found once."""
        return flags(self.tables, self.content, self.ctx, self.clause)


def prepare(kb: KnowledgeBase, text: str) -> Prepared:
    """``text`` after spelling, with its context (see the module docstring)."""
    t = tables(kb)
    raw = normalise(text)
    tokens, changes = correct(t, raw)
    ctx = contexts(t, tokens)
    return Prepared(
        text,
        tuple(tokens),
        tuple(ctx),
        tuple(clauses(t, tokens)),
        content(tokens),
        tuple(changes),
        t,
    )
