"""The text reader: what people write -> a typed, explained :class:`~acupoints.Reading`.

The stages, one module each:

``lexicon``   the models of ``data/text.yaml`` (context triggers, spellings, role cues,
              time-course terms, red-flag concepts, cause cues), validated at load
``compiled``  that data turned once per knowledge base into lookup tables
``spelling``  British/American and informal forms, typos by Damerau-Levenshtein distance
``context``   ConText/NegEx: negated, historical, hypothetical, someone else's
``findings``  causes, time course and red-flag concepts found in the words
``prepare``   a description made ready: spelling, context and clauses, found once
``roles``     what each body area is named for: numb, a cause's site, a trigger, an
              operation site, stated fine, a warning sign's words
``reader``    the whole road, memoised per text: :func:`read`; what a word is read as
              alone, the composed rules a set of word classes makes ready, the words
              the grammar's scan steps over and what a place's regions make of a
              location are kept across texts (all dropped by ``kb.clear_caches()``)
``use``       what a selection takes from the reading (the cause and its note)

Nothing here is imported by ``import acupoints``; :func:`acupoints.parse_location` and
``select`` import it when they first read text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..models import Reading

__all__ = ["read"]


def read(kb: KnowledgeBase, text: str) -> Reading:
    """Read ``text`` against the vocabulary of ``kb`` (see :mod:`acupoints.text.reader`)."""
    from .reader import read as _read

    return _read(kb, text)
