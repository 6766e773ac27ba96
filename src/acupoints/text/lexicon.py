"""The models of ``data/text.yaml``: what the reader knows about words, as data.

Every list of words here is lower case and matched on whole words after the reader's
normalisation (apostrophes dropped: "can't" is ``cant``; "the", "my", "a" ... are skipped
on both sides, so "lost control of my bladder" matches "lost control of bladder").
The code knows how to apply them, not what they say.
"""

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from .._record import Record, made_on_first_use
from ..models import RegionId, SourceIds

if TYPE_CHECKING:  # pragma: no cover
    from .._lexicon_rare import (
        ContextTrigger,
        CourseTerm,
        FlagClass,
        FlagRule,
        RoleCue,
        Spelling,
    )

__all__ = [
    "CauseCue",
    "ContextCategory",
    "ContextTrigger",
    "CourseTerm",
    "FlagClass",
    "FlagConcept",
    "FlagRule",
    "PersonConcept",
    "RoleCue",
    "Spelling",
    "WordConcept",
    "WordList",
]

ContextCategory = Literal[
    "negated", "historical", "hypothetical", "other", "pseudo", "asserting", "terminate"
]
Words = tuple[str, ...]


class WordList(Record):
    """A list of words the reader needs by name: ``symptom`` (numbness words, targets of
    the typo correction; a cause word inside one is not a cause: "fall asleep"), ``english``
    (real words one letter from a body word, never corrected to it), ``dictionary`` (the
    same, listed from a word list by ``bench/english_words.py``), ``not_cause``
    (phrases that hold a cause word but name no cause: "bladder infection"), ``onset``
    (words that make a time in the past the start of the numbness, not a history: "it
    started in my toes a year ago"), ``operation_ending`` (the endings of an operation's
    name: a word so ending is read as "operation", "hysterectomy") and ``not_operation``
    (words with such an ending that name none: "dichotomy")."""

    id: Literal[
        "symptom",
        "english",
        "dictionary",
        "not_cause",
        "onset",
        "operation_ending",
        "not_operation",
    ] = Field(description="Which list.")
    terms: Words = Field(min_length=1, description="The words or phrases.")


class WordConcept(Record):
    """What the concepts of ``text.yaml`` share: lay words, clinical words and common
    misspellings, read in their context. With ``also``, each group must also have a phrase
    in the sentence (``same_clause``: in the same clause). ``past`` says that a history
    counts ("had cancer"); ``maybe`` that a supposed mention counts too."""

    id: str = Field(pattern=r"^[a-z_]+$", description="Concept id.")
    lay: Words = Field(default=(), description="Words people use.")
    clinical: Words = Field(default=(), description="Words clinicians use.")
    typos: Words = Field(default=(), description="Common misspellings of the above.")
    also: tuple[Words, ...] = Field(
        default=(), description="Groups of which one phrase each must be present as well."
    )
    same_clause: bool = Field(default=False, description="All of it in one clause.")
    past: bool = Field(default=False, description="A mention in the past still counts.")
    maybe: bool = Field(
        default=False,
        description="A supposed mention counts too ('I might be pregnant', 'could be "
        "pregnant'): when in doubt, the safer answer.",
    )
    sources: SourceIds


class FlagConcept(WordConcept):
    """One way of saying a red flag (``flag``, an id of ``safety.yaml``). ``urgency``
    raises the flag's urgency when this concept is what fired it ("a black toe" makes a
    foot wound an emergency)."""

    flag: str = Field(pattern=r"^[a-z_]+$", description="Red-flag id (safety.yaml).")
    urgency: Literal["emergency", "urgent", "soon"] | None = Field(
        default=None, description="The urgency this concept gives the flag, if higher."
    )
    sign: bool = Field(
        default=False,
        description="Its words name a sign other than numbness ('foot drop', 'a black toe'): "
        "a body word inside them is not a numb area.",
    )


class PersonConcept(WordConcept):
    """One way of saying a fact about the person that changes which points are safe:
    ``condition`` is a condition of ``safety.yaml`` that is a yes/no field of
    :class:`~acupoints.Patient` ("I'm pregnant", "on warfarin", "I have a pacemaker").
    It is read like a red-flag concept, in its context: a denied or someone else's
    mention ("not pregnant", "my sister is pregnant") says nothing about the person; a
    past one counts only with ``past``, a supposed one only with ``maybe``."""

    condition: str = Field(pattern=r"^[a-z_]+$", description="Condition id (safety.yaml).")


class CauseCue(Record):
    """Words that name a cause only with a place ("slipped disc", "trapped nerve"): the
    cause is the one ``by_site`` or else ``by_area`` gives for the site named with it ("in
    my neck", "in my elbow"), else the one ``by_area`` gives for the numb area, else
    ``default``."""

    terms: Words = Field(min_length=1, description="The phrases.")
    by_site: dict[RegionId, str] = Field(
        default_factory=dict,
        description='Region -> cause id for the site named with the cue only ("a trapped '
        'nerve in my elbow"), before by_area; first region that holds the site wins.',
    )
    by_area: dict[RegionId, str] = Field(
        min_length=1, description="Region -> cause id, first region that holds the area wins."
    )
    default: str = Field(description="Cause id when no area decides.")
    sources: SourceIds


_RARE = frozenset({"ContextTrigger", "CourseTerm", "FlagClass", "FlagRule", "RoleCue", "Spelling"})
"""The classes an answer never uses (the sections of the dataset the prebuilt file leaves
unread), made on first use (see :mod:`acupoints._lexicon_rare`)."""

# the classes of :data:`_RARE` are made by the first use of one of them
__getattr__, __dir__ = made_on_first_use(globals(), _RARE, home="acupoints._lexicon_rare")
