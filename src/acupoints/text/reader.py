"""The whole road from a description to a :class:`~acupoints.Reading`.

1. tokens (:func:`~acupoints.text.compiled.normalise`), then spelling
   (:mod:`~acupoints.text.spelling`);
2. the context of every word (:mod:`~acupoints.text.context`);
3. the body areas, found by the location grammar (:mod:`acupoints.parse`), each with its
   role (:func:`roles`) and context;
4. causes, time course and red-flag concepts (:mod:`~acupoints.text.findings`); a cause
   cue ("a slipped disc") takes its cause from the site named with it or the numb area.

```pycon
>>> import acupoints
>>> r = acupoints.read("numb leg from a slipped disc in my lower back, my mum had cancer")
>>> [(a.id, a.role) for a in r.areas], r.cause
([('lower_limb', 'numb'), ('back.lumbar', 'cause_site')], 'lumbar_root')
>>> [(f.id, f.context) for f in r.flags]
[('cancer_history', ('other',))]

```
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from .compiled import DROP, SENTENCE_END, Tables, normalise, tables
from .context import clauses, contexts
from .findings import Content, Hit, causes, content, course, flags, symptom_spans
from .spelling import correct

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..models import AreaRole, Reading

__all__ = ["Analysis", "Prepared", "analyse", "prepare", "read"]

LINKS = frozenset({"in", "at", "of", "on", "from", "to", "around", "near"})
SIDE_WORDS = frozenset({"left", "right", "both", "l", "r", "sided", "side"})
KEEP = 4096


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


@dataclass(frozen=True)
class Area:
    """A body area as the location grammar found it, with the reader's verdict."""

    region: str
    start: int
    end: int  # inclusive
    words: str
    role: AreaRole
    context: frozenset[str]

    @property
    def numb(self) -> bool:
        return self.role == "numb" and not self.context


@dataclass(frozen=True)
class Analysis:
    prepared: Prepared
    state: Any  # the location grammar's scan (acupoints.parse._State)
    areas: tuple[Area, ...]
    reading: Reading


def prepare(kb: KnowledgeBase, text: str) -> Prepared:
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


_MEMO: WeakKeyDictionary[KnowledgeBase, dict[str, Analysis]] = WeakKeyDictionary()


def analyse(kb: KnowledgeBase, text: str) -> Analysis:
    """Read ``text`` (memoised per knowledge base: the last few thousand texts)."""
    memo = _MEMO.get(kb)
    if memo is None:
        memo = _MEMO.setdefault(kb, {})
    found = memo.get(text)
    if found is None:
        found = _analyse(kb, text)
        if len(memo) >= KEEP:
            memo.clear()
        memo[text] = found
    return found


def read(kb: KnowledgeBase, text: str) -> Reading:
    """The :class:`~acupoints.Reading` of ``text``."""
    return analyse(kb, text).reading


def forget(kb: KnowledgeBase) -> None:
    """Drop the memoised readings of ``kb``."""
    _MEMO.pop(kb, None)


def _analyse(kb: KnowledgeBase, text: str) -> Analysis:
    from ..parse import scan

    prep = prepare(kb, text)
    state = scan(kb, prep.tokens, prep.ctx)
    areas = roles(kb, prep, state.found)
    return Analysis(prep, state, areas, _reading(kb, prep, areas))


def _before(prep: Prepared, start: int, size: int) -> list[str]:
    """Up to ``size`` content words before token ``start`` in its sentence (side words
    skipped)."""
    out: list[str] = []
    j = start - 1
    while j >= 0 and len(out) < size:
        tok = prep.tokens[j]
        if tok in SENTENCE_END or tok == ",":
            break
        if tok not in DROP and tok not in SIDE_WORDS:
            out.append(tok)
        j -= 1
    out.reverse()
    return out


def _after(prep: Prepared, end: int, size: int) -> list[str]:
    out: list[str] = []
    j = end + 1
    while j < len(prep.tokens) and len(out) < size:
        tok = prep.tokens[j]
        if tok in SENTENCE_END or tok == ",":
            break
        if tok not in DROP:
            out.append(tok)
        j += 1
    return out


def roles(kb: KnowledgeBase, prep: Prepared, found: Sequence[Any]) -> tuple[Area, ...]:
    """Each body area the grammar found, with what it is named for and its context."""
    t = prep.tables
    within = kb.anatomy.within
    # where a named cause ends, for the causes that sit somewhere ("carpal tunnel in my
    # wrist"); "sciatica in both legs" says where it is felt, not where it sits
    cause_ends: dict[int, tuple[str, ...]] = {}
    for h in prep.cause_hits:
        if not h.value.startswith("cue:") and kb.cause(h.value).sites:
            cause_ends[h.end] = kb.cause(h.value).sites
    starts = {f.start: f.region for f in found}
    signs = _sign_spans(prep)
    out = []
    for f in found:
        ctx: set[str] = set()
        for i in range(f.start, f.end + 1):
            ctx |= prep.ctx[i]
        role: AreaRole = "numb"
        prev = _before(prep, f.start, t.role_longest)
        nxt = _after(prep, f.end, t.role_longest)
        cues = [
            *(t.role_before.get(tuple(prev[-k:]), []) for k in range(1, len(prev) + 1)),
            *(t.role_after.get(tuple(nxt[:k]), []) for k in range(1, len(nxt) + 1)),
        ]
        for options in cues:
            for r, limit in options:
                if not limit or any(within(f.region, x) for x in limit):
                    role = r
                    break
            if role != "numb":
                break
        if role == "numb" and prev and prev[-1] in LINKS:
            # "carpal tunnel in my wrist", "sciatica from my back": the cause's site
            j = f.start - 1
            while j >= 0 and prep.tokens[j] != prev[-1]:
                j -= 1
            k = j - 1
            while k >= 0 and prep.tokens[k] in DROP:
                k -= 1
            if k + 1 in cause_ends and any(within(f.region, x) for x in cause_ends[k + 1]):
                role = "cause_site"
        j = f.end + 1
        while j < len(prep.tokens) and prep.tokens[j] in DROP | {"of"}:
            j += 1
        if (
            f.end + 1 < len(prep.tokens)
            and prep.tokens[f.end + 1] == "of"
            and j in starts
            and not within(starts[j], f.region)
            and not within(f.region, starts[j])
        ):
            role = "descriptor"  # "the face of my thumb": a part of the thumb, not the face
        if role == "numb" and any(f.start < b and f.end >= a for a, b in signs):
            role = "flag"  # "foot drop", "tripping over my toes": a warning sign's words
        if "negated" in ctx:
            role = "fine" if role == "numb" else role
            ctx.discard("negated")
        out.append(Area(f.region, f.start, f.end, f.words, role, frozenset(ctx)))
    return tuple(out)


def _sign_spans(prep: Prepared) -> list[tuple[int, int]]:
    """Token spans of red-flag phrases that name a sign other than numbness (concepts with
    ``sign``: "foot drop", "my toes have turned black"): body words inside them are not
    numb areas."""
    t = prep.tables
    out = []
    for h in prep.flag_hits:
        assert isinstance(h.extra, tuple)
        if t.concepts[h.extra[0]].sign:
            out.append((h.start, h.extra[1]))
    return out


def _resolve(kb: KnowledgeBase, prep: Prepared, hit: Hit, areas: Sequence[Area]) -> str | None:
    """The cause a cue ("slipped disc") names: by its site, else by the numb areas."""
    cue = prep.tables.cue_list[int(hit.value.split(":")[1])]
    within = kb.anatomy.within
    sites = [
        a.region
        for a in areas
        if a.role == "cause_site"
        and a.start >= hit.start
        and prep.clause[a.start] == prep.clause[hit.start]
    ]
    numb = [a.region for a in areas if a.numb]
    for group in (sites, numb):
        for rid, cid in cue.by_area.items():
            if any(within(region, rid) for region in group):
                return cid
        if group:
            return None  # a site none of the cue's causes has ("in my shoulder")
    return cue.default


def _reading(kb: KnowledgeBase, prep: Prepared, areas: Sequence[Area]) -> Reading:
    from ..models import Finding, Reading

    t = prep.tables
    cause_findings = []
    for h in prep.cause_hits:
        if any(a.start <= h.start and h.end <= a.end + 1 for a in areas):
            continue  # "the lumbar region": a body area's words, not a cause
        cid = _resolve(kb, prep, h, areas) if h.value.startswith("cue:") else h.value
        if cid is None:
            continue
        cause_findings.append(
            Finding(kind="cause", id=cid, words=h.words, context=_tags(h.context))
        )
    flag_findings = []
    seen: set[tuple[str, str, frozenset[str]]] = set()
    for h in prep.flag_hits:
        if (h.value, h.words, h.context) in seen:
            continue  # the same words found by a concept and by a trigger of safety.yaml
        seen.add((h.value, h.words, h.context))
        assert isinstance(h.extra, tuple)
        concept = t.concepts[h.extra[0]]
        flag_findings.append(
            Finding(
                kind="flag",
                id=h.value,
                words=h.words,
                context=_tags(h.context),
                concept=concept.id,
                urgency=concept.urgency,
            )
        )
    return Reading(
        text=prep.text,
        areas=tuple(
            Finding(kind="area", id=a.region, words=a.words, role=a.role, context=_tags(a.context))
            for a in areas
        ),
        causes=tuple(cause_findings),
        course=tuple(
            Finding(kind="course", id=h.value, words=h.words, context=_tags(h.context))
            for h in course(t, prep.content, prep.ctx)
        ),
        flags=tuple(flag_findings),
        corrected=prep.corrected,
    )


_ORDER = ("negated", "historical", "hypothetical", "other")


def _tags(ctx: frozenset[str]) -> tuple[Any, ...]:
    return tuple(c for c in _ORDER if c in ctx)
