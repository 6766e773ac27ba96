"""The real English words the text reader would otherwise take for typos.

The reader corrects a word it does not know to a body, symptom, cause or red-flag word one
slip away ("fingres" -> "fingers"). A real word one slip from such a word ("ladder",
"block", "socks", "wrapped") must stay what it is. This script lists the words of the
SCOWL-based word lists of Debian (packages ``wamerican`` and ``wbritish``, in
``/usr/share/dict``) that the reader, as the data stands, would correct, leaving out the
endings of one word ("drinks" -> "drink", "infections" -> "infection"; of a body word only
its plural: "fingered" and "shouldered" are other words, listed), and prints them as
the ``dictionary`` word list of ``data/text.yaml``. Run it after changing the words of
``text.yaml`` and paste its output over that entry:

    apt-get install wamerican wbritish
    python bench/english_words.py > /tmp/dictionary.yaml
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

LISTS = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english"))
ENDINGS = ("s", "es", "ed", "d", "ing", "")
NOUN_ENDINGS = ("s", "es", "")


def inflection(a: str, b: str, noun: bool = False) -> bool:
    """``a`` and ``b`` are one word with another ending ("drinks", "drink"). For a body
    word (``noun``) only its plural is: "footed", "handed", "heading" are other words."""
    endings = NOUN_ENDINGS if noun else ENDINGS
    plurals = ("ies",) if noun else ("ies", "ied")
    for x, y in ((a, b), (b, a)):
        if any(x == y + e for e in endings if e) or any(x == y[:-1] + e for e in plurals):
            return True
    return False


def main() -> int:
    import acupoints
    from acupoints.text.compiled import WordSet, tables
    from acupoints.text.spelling import best, short

    words: set[str] = set()
    for path in LISTS:
        if not path.is_file():
            sys.exit(f"{path} not found: apt-get install wamerican wbritish")
        words |= {w for w in path.read_text("utf-8").split() if re.fullmatch(r"[a-z]{3,}", w)}
    kb = acupoints.load()
    t = tables(kb)
    # the list as it stands is set aside, so that it is made anew from the word lists
    listed = {w for wl in kb._data.words if wl.id == "dictionary" for w in wl.terms}
    other = {w for wl in kb._data.words if wl.id != "dictionary" for w in wl.terms}
    t.known = WordSet(set(t.known) - (listed - other))  # a WordSet has no set difference
    t.fixes.clear()
    out = []
    for w in sorted(words):
        if w in t.known or w in t.targets:
            continue
        fixed = best(t, w) if len(w) >= 4 else short(t, w)
        if fixed is not None and not inflection(w, fixed, noun=fixed in t.region_words):
            out.append(w)
    body = textwrap.fill(", ".join(out), width=96, subsequent_indent="      ")
    print("  - id: dictionary")
    print("    terms: [" + body.strip() + "]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
