"""One digit grouping for every number a sheet or key prints: the Indian one (4,000; 40,000;
4,00,000), from four digits up.

Generators write numbers as they compute them ("10290", "40,000", "4000"); printing them through
`group_digits` makes one line read the same way throughout ("+ 40,000 + 4,000 +"). Left as they
are: numbers inside other tokens (times 10:30, dates 3/5/2024, codes like C3-1200), the digits
after a decimal point, and years (a four-digit number after a month's name, "year", वर्ष or सन्),
which are never grouped.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A whole number of 4+ digits, or one already grouped (Indian 12,34,567 or international
# 1,234,567), standing alone: not glued to letters, other digits, or the signs of times, dates
# and codes. A decimal part may follow and is kept as it is.
_NUMBER = re.compile(
    r"(?<![\w.:/-])(?<!\d,)(\d{1,2}(?:,\d\d)+,\d{3}|\d{1,3}(?:,\d{3})+|\d{4,})"
    r"(?![\w:/]|,\d|-\d|\.\d+[:/])"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|"
    "दिसंबर|दिसम्बर"
)
# Words after which a four-digit number is a year: a month's name, "year", वर्ष, सन्. ("In 1703,
# the digit in the thousands place is ..." is a number: "in" alone says nothing.)
_YEAR_BEFORE = re.compile(r"(?:\byears?(?:\s+is)?|वर्ष|सन्|" + _MONTHS + r")\s*$", re.IGNORECASE)
# ... or before which it is: "2027 (not a leap year)", "2028 (लीप वर्ष)".
_YEAR_AFTER = re.compile(r"^\s*\((?:not a\b|a leap|leap|लीप)")


def indian(value: int) -> str:
    """12345678 -> 1,23,45,678; 4000 -> 4,000; 999 -> 999."""
    text = str(value)
    if len(text) <= 3:
        return text
    head, tail = text[:-3], text[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        head, pair = head[:-2], head[-2:]
        pairs.insert(0, pair)
    return ",".join([head, *pairs, tail])


@lru_cache(maxsize=16384)  # the same instructions and sums recur on every sheet of a class set
def group_digits(text: str) -> str:
    """`text` with every standalone whole number of four or more digits in Indian grouping."""
    if not any(ch.isdigit() for ch in text):
        return text
    return _NUMBER.sub(lambda found: _regroup(found, text), text)


def _regroup(found: re.Match[str], text: str) -> str:
    digits = found.group(1).replace(",", "")
    before, after = text[max(found.start() - 24, 0) : found.start()], text[found.end() :]
    if len(digits) == 4 and (_YEAR_BEFORE.search(before) or _YEAR_AFTER.match(after)):
        return found.group(1)  # 3 May 2024, the year 2028, सन् 1947: years are never grouped
    return indian(int(digits))
