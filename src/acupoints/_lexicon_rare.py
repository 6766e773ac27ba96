"""The records of :mod:`acupoints.text.lexicon` that an answer never uses: the context
triggers, spellings, role cues and time-course terms (the "language" section of the
dataset) and the classes and rules of the compositional red flags. The reader's tables
come prebuilt with the packaged dataset, which leaves these sections in its file
(:data:`acupoints.loading.LAZY_SECTIONS`), so a first answer makes none of them.

They are made on first use, through :mod:`acupoints.text.lexicon`'s ``__getattr__`` (or a
YAML load, a schema, or :attr:`Dataset.model_fields <acupoints.loading.Dataset>`, which
resolve :class:`~acupoints.loading.Dataset`'s references to them first), as those of
:mod:`acupoints._models_rare` are. ``__module__`` names their home, so that pickles,
``help()`` and the docs find them there, as before.
"""

from typing import Literal

from pydantic import Field

from ._record import Record
from .models import RegionId, SourceId, SourceIds
from .text import lexicon as _lexicon
from .text.lexicon import ContextCategory, Words

__all__ = [
    "ContextTrigger",
    "CourseTerm",
    "FlagClass",
    "FlagRule",
    "RoleCue",
    "Spelling",
]


class ContextTrigger(Record):
    """ConText trigger terms of one category (Harkema et al. 2009, after NegEx).

    A ``negated``, ``historical``, ``hypothetical`` or ``other`` (someone else's) trigger
    marks the findings in its scope: the words after it (``forward``), before it
    (``backward``) or both, up to ``window`` words, stopping at a ``terminate`` term or at
    the end of the sentence. A ``reply`` scope runs back like ``backward``, but over the
    one comma right before the trigger, and only from a trigger that ends its clause: a
    denial or a recovery said after what it is about ("trouble swallowing, none at all";
    "a numb face in 2015, long gone"). A ``pseudo`` trigger looks like one but is not ("no feeling",
    "not only"): its words are skipped. An ``asserting`` term opens a question that takes
    what it asks about as given ("why are my toes numb?", "is it normal that ..."): its
    words are skipped like a pseudo-trigger's, and the question it opens states its
    findings instead of asking them. ``terminate`` terms end every scope."""

    category: ContextCategory = Field(
        description="What the trigger marks, or pseudo/asserting/terminate."
    )
    direction: Literal["forward", "backward", "both", "reply"] = Field(
        default="forward", description="Which way its scope runs from the trigger."
    )
    window: int = Field(default=8, ge=1, le=30, description="Longest scope, in words.")
    terms: Words = Field(min_length=1, description="The trigger phrases.")
    sources: SourceIds


class Spelling(Record):
    """Other ways a word is written: British and American spellings, informal forms and
    common misspellings, all read as ``text``."""

    text: str = Field(min_length=1, description="The form the rest of the data uses.")
    kind: Literal["british_american", "informal", "typo", "clinical"] = Field(
        description="What they are (clinical: a clinical word read as the plain one)."
    )
    variants: Words = Field(min_length=1, description="The forms read as `text`.")
    unless_next: Words = Field(
        default=(),
        description="Not read so when the next word is one of these ('whole left side' is "
        "one side of the body, 'whole left side of my face' is not).",
    )
    unless_next_body: bool = Field(
        default=False,
        description="Not read so when the next word is a body or side word ('r' is 'are' in "
        "'my legs r numb', 'right' in 'r hand').",
    )
    unless_after: Words = Field(
        default=(),
        description="Not read so right after one of these words ('my right side is' is a "
        "side of the person, but 'the hand on my right side is numb' names the hand's).",
    )
    only_next: Words = Field(
        default=(),
        description="Read so only when the next word is one of these ('my left side is' is a "
        "side of the person before 'numb', not before 'sore').",
    )
    only_next_body: bool = Field(
        default=False,
        description="Read so only when the next word, past 'my', 'the' and the like, is a "
        "body or side word: a slip of dictation that is a real word ('write' is 'right' in "
        "'my write thumb', not in 'write a letter'; 'soul of' is 'sole of' in 'the soul of "
        "my left foot').",
    )


class RoleCue(Record):
    """Words that say a body area is named for another reason than being numb: the site
    of the cause ("a trapped nerve in my neck"), a posture or trigger ("when I lean on my
    elbow"), an operation site ("after a knee replacement"), or that the word is no body
    part here ("my B12 came back low")."""

    role: Literal["cause_site", "trigger", "operation", "descriptor", "pain", "weak"] = Field(
        description="The area's role (descriptor: the word is not the body part at all, "
        "as 'back' in 'came back low'; pain: named for its pain, 'my back aches', unless its "
        "clause says it is numb too and names no other area, or nothing is said to be numb; "
        "weak: the same for weakness, 'my legs are weak')."
    )
    before: Words = Field(
        default=(), description="Phrases just before the area ('lean on', 'surgery on')."
    )
    after: Words = Field(
        default=(), description="Phrases just after the area ('replacement', 'surgery')."
    )
    regions: tuple[RegionId, ...] = Field(
        default=(), description="Only for areas within these regions (empty: any area)."
    )
    touching: bool = Field(
        default=False,
        description="The words of before are a noun the area's word is joined to ('table "
        "leg', 'trouser leg'): they count only right before it, with no word between ('at "
        "the table my legs go numb' is a numb leg). Each is one word.",
    )
    sources: tuple[SourceId, ...] = Field(default=(), description="Ids of sources, if any.")


class CourseTerm(Record):
    """Words for the time course or a modifier of the numbness."""

    facet: Literal["onset", "duration", "progression", "worse"] = Field(
        description="onset (sudden/gradual), duration, progression, worse (when)."
    )
    value: str = Field(pattern=r"^[a-z_]+$", description="e.g. sudden, days, progressive, night.")
    terms: Words = Field(min_length=1, description="The phrases.")


class FlagClass(Record):
    """A class of words shared by the compositional red-flag rules (``flag_rules``): a
    body function or part ("bladder", "speech"), a change, loss or failure ("stopped",
    "scrambled"), a time course ("over days"). Words are matched by their stems (the
    reader's light stemmer: "dropping", "dropped" and "drops" are one word), after the
    reader's spelling, so inflections and typos of a listed word count as well.

    The class ``not_a_sign``, named by no rule, holds phrases that say something else than
    a shorter phrase of another class or of a red-flag concept inside them: "lost weight"
    holds "lost", a failure, but no bladder or bowel fails; "after falling asleep" holds
    "after falling", but no fall. A phrase so held counts for no rule and no concept."""

    id: str = Field(pattern=r"^[a-z_]+$", description="Class id, named by the rules.")
    terms: Words = Field(min_length=1, description="The words or phrases of the class.")
    sources: SourceIds


class FlagRule(Record):
    """A red flag read by composition: a phrase of every class of ``all`` in one clause,
    segment or sentence (``scope``), none of them denied,
    supposed or someone else's (a past one only with ``past``), and no phrase of an
    ``unless`` class there ("red streaks creeping up my leg" is a foot sign, not
    ascending weakness). ``urgency`` grades the flag when this rule fires."""

    id: str = Field(pattern=r"^[a-z_]+$", description="Rule id (a concept id of the reading).")
    flag: str = Field(pattern=r"^[a-z_]+$", description="Red-flag id (safety.yaml).")
    all: tuple[str, ...] = Field(min_length=1, description="Class ids that must all be present.")
    unless: tuple[str, ...] = Field(default=(), description="Class ids that stop the rule.")
    scope: Literal["clause", "segment", "sentence"] = Field(
        default="clause",
        description="Where the phrases must all be: one clause of the reader (ended by "
        "punctuation and the termination terms of the context: 'and my', 'now'), one "
        "segment (between two punctuation marks: 'my handwriting is now illegible') or one "
        "sentence.",
    )
    overrides: tuple[str, ...] = Field(
        default=(),
        description="Red-flag ids this rule's flag stands for in its sentence (weakness that "
        "climbs over days is ascending weakness, not progressive weakness as well).",
    )
    overrides_shared: bool = Field(
        default=False,
        description="With overrides: the other flag goes when any of its words lies among "
        "this rule's, from its first word to its last (a redness spreading from a wound and "
        "the 'spread up' of ascending weakness); otherwise only when all of them do.",
    )
    near: int = Field(
        default=0,
        ge=0,
        le=30,
        description="When not 0: at most this many words between one class's phrase and the "
        "next ('my cheek has gone numb', not 'numb fingers when I rest my chin on them').",
    )
    urgency: Literal["emergency", "urgent", "soon"] | None = Field(
        default=None, description="The urgency this rule gives the flag, if higher."
    )
    past: bool = Field(default=False, description="A mention in the past still counts.")
    sign: bool = Field(
        default=False,
        description="Its words name a sign other than numbness (a mouth that won't move, an "
        "eye gone dark): a body word among them is the sign's, not a numb area.",
    )
    both_sides_of: tuple[RegionId, ...] = Field(
        default=(),
        description="When given: the rule holds only with a numb or weak area of one of these "
        "regions (the region itself, not a part of it) read on both sides in the same "
        "sentence, whether written so ('both legs', 'bilateral') or as a plural with no side "
        "('my legs'), which the word classes cannot tell from one leg: they match stems. "
        "Such a rule overrides no other flag (its sides are read after the overrides).",
    )
    sources: SourceIds


# the home module's own name string (a pickle stores a string once per object: the
# prebuilt file is then the same, byte for byte, as with the classes defined at home)
for _cls in (ContextTrigger, Spelling, RoleCue, CourseTerm, FlagClass, FlagRule):
    _cls.__module__ = _lexicon.__name__
del _cls
