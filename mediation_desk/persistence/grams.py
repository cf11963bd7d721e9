"""The short-term search index's tokens (`dispute_grams`, see `persistence.search`).

Plain Python without SQLAlchemy: the demo's worker processes make these tokens too, and
import nothing heavy.
"""

from __future__ import annotations

import re

# Runs of letters (Chinese characters included) without digits: names.  One- and
# two-digit terms match nearly every row (ID numbers and phones are all digits), so they
# are always found by the walk and need no gram index.
LETTERS = re.compile(r"[^\W\d_]+")


def search_grams(value: str | None) -> str:
    """The one- and two-letter tokens of a text's letter runs, space-separated, unique."""
    if not value:
        return ""
    grams: dict[str, None] = {}
    for word in LETTERS.findall(value.lower()):
        for i in range(len(word)):
            grams[word[i]] = None
            if i + 1 < len(word):
                grams[word[i : i + 2]] = None
    return " ".join(grams)
