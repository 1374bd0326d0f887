"""What a Hindi sheet prints in place of the English one's words: letters, units, True/False.

One rule runs through the app: a Hindi sheet prints no Latin letters of its own (the user's own
names and the sheet's code excepted). `latin_words` finds any; generators and the renderer use
the tables here so that the same word is always printed the same way.
"""

from __future__ import annotations

import re

_LATIN = re.compile(r"[A-Za-z]+")

# Option and match letters: Hindi-medium books letter choices (क) (ख) (ग) (घ).
LETTERS_EN = "abcd"
LETTERS_HI = "कखगघ"
TRUE_HI, FALSE_HI = "सही", "गलत"

# Units after a number on a Hindi sheet: one spelling each, the full word (सेंटीमीटर, never
# सेमी beside it), as the generators' Hindi sentences write them. Keys are `Question.unit`s.
UNITS_HI = {
    "cm": "सेंटीमीटर",
    "m": "मीटर",
    "km": "किलोमीटर",
    "mm": "मिलीमीटर",
    "g": "ग्राम",
    "kg": "किलोग्राम",
    "l": "लीटर",
    "ml": "मिलीलीटर",
    "₹": "₹",
    "seconds": "सेकंड",
    "minutes": "मिनट",
    "hours": "घंटे",
    "days": "दिन",
    "clips": "क्लिप",  # Class 1 measures in paper clips
    "°": "°",
}


def latin_words(text: str) -> list[str]:
    """The runs of Latin letters in `text` (none in a Hindi sentence as it should be)."""
    return _LATIN.findall(text)


def has_latin(text: str) -> bool:
    return _LATIN.search(text) is not None


def in_hindi(english: str, hindi: str | None) -> str | None:
    """The Hindi form of a value: its own Hindi, or the value itself when it has no words in
    it (a number, a sum); None when there is nothing a Hindi sheet could print."""
    if hindi:
        return hindi
    return None if has_latin(english) else english


def unit_hi(unit: str) -> str:
    """A unit as a Hindi sheet prints it; a unit with no Hindi form is kept (the user's own)."""
    return UNITS_HI.get(unit, UNITS_HI.get(unit.lower(), unit))


def letter(index: int, language: str) -> str:
    """The letter of the index-th option or match item: a, b... or क, ख..."""
    return (LETTERS_HI if language == "hi" else LETTERS_EN)[index]


def true_false_hi(answer: str) -> str:
    return TRUE_HI if answer.strip().lower() in ("true", "t", TRUE_HI) else FALSE_HI
