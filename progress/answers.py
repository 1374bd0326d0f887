"""Checking a child's written answer against a question's key.

A child writes answers many ways: "  007 ", "७", "½", "5 cm", "Rs. 45.50", "45 rupees 50 paise",
"B" for the second option. `check_answer` compares after normalising both sides:

- Unicode compatibility forms, any script's digits (०–९ included) as 0–9, curly quotes as
  straight, runs of spaces as one, spaces around `= : / , - ×` dropped;
- case ignored, a final full stop ignored — except for `rewrite` questions, where capitals and
  punctuation are what is being practised;
- numbers: leading zeros dropped, Indian or international digit grouping (5,00,000 / 500,000)
  ignored, integers and decimals compared by value (4 = 4.0, ₹45.5 = ₹45.50);
- a fraction glyph is the fraction (½ = 1/2). Between notations (1/2 and 0.5, 2/4 and 1/2) the
  question decides: a form counts when the key or one of its accepted forms is written that way,
  because converting between them may be what the question asks;
- units: when the question has a unit, the answer may give it or leave it out ("5 cm", "5cm",
  "5"); another unit ("5 m") is wrong, error `wrong_unit`. For rupees, paise forms count
  ("45 rupees 50 paise", "4550 paise");
- choice questions: the option's letter ("b", "(b)") or its text — on a Hindi sheet the
  letter क, ख, ग, घ or the option's Hindi text;
- Hindi words spelt either way a standard spelling allows: a nasal written as anusvara,
  chandrabindu or a half nasal consonant (पंद्रह, पन्द्रह), with or without a nukta (अड़तीस,
  अडतीस).

A wrong answer is looked up among the question's known wrong answers to name the mistake.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from curriculum.hindi import LETTERS_HI
from curriculum.question import Question
from progress.attempts import AttemptResult

OPTION_LETTERS = "abcdefgh"

# Ways of writing each unit the generators use; the first is the unit as the key writes it.
UNIT_ALIASES: dict[str, tuple[str, ...]] = {
    "cm": ("cm", "cms", "centimetre", "centimetres", "centimeter", "centimeters", "सेंटीमीटर", "सेमी"),
    "m": ("m", "mt", "metre", "metres", "meter", "meters", "मीटर", "मी"),
    "km": ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "किलोमीटर", "किमी"),
    "mm": ("mm", "millimetre", "millimetres", "millimeter", "millimeters", "मिलीमीटर", "मिमी"),
    "g": ("g", "gm", "gms", "gram", "grams", "ग्राम", "ग्रा"),
    "kg": ("kg", "kgs", "kilogram", "kilograms", "किलोग्राम", "किलो", "किग्रा"),
    "l": ("l", "ltr", "litre", "litres", "liter", "liters", "लीटर", "ली"),
    "ml": ("ml", "millilitre", "millilitres", "milliliter", "milliliters", "मिलीलीटर", "मिली"),
    "seconds": ("seconds", "second", "sec", "secs", "s", "सेकंड"),
    "minutes": ("minutes", "minute", "min", "mins", "मिनट"),
    "hours": ("hours", "hour", "hr", "hrs", "h", "घंटे", "घंटा"),
    "days": ("days", "day", "दिन"),
    "₹": ("₹", "rs", "rs.", "rupees", "rupee", "inr", "रुपये", "रुपया", "रु", "रु."),
}
PAISE_WORDS = ("paise", "paisa", "p", "पैसे", "पैसा")

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "`": "'", "–": "-", "—": "-"})
_SPACED = re.compile(r"\s*([=:/,×\-])\s*")
_GLYPH = re.compile(r"(\d?)\s*([\u00bc-\u00be\u2150-\u215e])")
_INDIAN = re.compile(r"^\d{1,2}(,\d\d)*,\d{3}$")
_WESTERN = re.compile(r"^\d{1,3}(,\d{3})+$")
_NUMBER = re.compile(r"\d(?:[\d,]*\d)?(\.\d+)?")  # a comma after it is not its own
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_FRACTION = re.compile(r"^(?:(\d+) )?(\d+)/(\d+)$")
# Devanagari spelling variants that are one word: a nasal before a consonant written as a half
# nasal letter (न्, म्...) is the anusvara; chandrabindu is read as the anusvara; nukta dropped.
_HALF_NASAL = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")
_DEVANAGARI = str.maketrans({"\u0901": "\u0902", "\u093c": None, "\u200c": None, "\u200d": None})
_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?) ?(?:{rupees}) (\d+) ?(?:{paise})$|^(\d+) ?(?:{paise})$")


class Verdict(NamedTuple):
    result: AttemptResult
    error_type: str | None


class NeedsTeacher(ValueError):
    """The question is marked by the teacher (an open response), not checked automatically."""


def check_answer(question: Question, given: str) -> Verdict:
    """Is `given` right for `question`, and if not, which known mistake is it?"""
    if question.grading == "teacher":
        raise NeedsTeacher("an open-response question needs a teacher's mark")
    keep_case = question.qtype == "rewrite"
    answer = _as_option(question, normalise(given, keep_case=keep_case))
    if not answer:
        return Verdict("incorrect", None)
    accepted = [normalise(a, keep_case=keep_case) for a in question.accepted_answers]
    if _matches(answer, accepted, question.unit):
        return Verdict("correct", None)
    return Verdict("incorrect", _mistake(question, answer, keep_case))


def normalise(text: str, *, keep_case: bool = False) -> str:
    """The comparable form of an answer (see the module docstring)."""
    text = _GLYPH.sub(_glyph_as_fraction, text)
    text = unicodedata.normalize("NFKC", text).replace("\u2044", "/")
    text = "".join(_ascii_digit(ch) for ch in text).translate(_QUOTES)
    text = _HALF_NASAL.sub("\u0902", text.translate(_DEVANAGARI))
    text = " ".join(text.split())
    if not keep_case:
        text = _SPACED.sub(r"\1", text).casefold()
        if len(text) > 1:  # "." alone is an answer (which mark ends the sentence?)
            text = text.removesuffix(".").rstrip()
        text = _NUMBER.sub(_plain_number, text)
    return text


def _glyph_as_fraction(match: re.Match[str]) -> str:
    whole, glyph = match.groups()
    fraction = unicodedata.normalize("NFKC", glyph).replace("\u2044", "/")
    return f"{whole} {fraction}" if whole else fraction


def _ascii_digit(ch: str) -> str:
    if ch.isdigit() and not ch.isascii():
        value = unicodedata.decimal(ch, None)
        return str(value) if value is not None else ch
    return ch


def _plain_number(match: re.Match[str]) -> str:
    """Drop digit grouping and leading zeros: 05,00,000 -> 500000; lists like 1,2,3 stay."""
    text = match.group(0)
    whole, dot, fraction = text.partition(".")
    if "," in whole:
        if not (_INDIAN.match(whole) or _WESTERN.match(whole)):
            return text
        whole = whole.replace(",", "")
    return (whole.lstrip("0") or "0") + dot + fraction


def _as_option(question: Question, answer: str) -> str:
    """A letter for a choice question ("b", "(b)", "b)") stands for its option."""
    if not question.options:
        return answer
    options = [normalise(o) for o in question.options]
    if answer in options:  # the option itself ("a" is an article before it is a letter)
        return answer
    hindi = [normalise(o) for o in question.options_hi]
    if answer in hindi:
        return options[hindi.index(answer)]
    letter = answer.strip("()")
    for letters in (OPTION_LETTERS, LETTERS_HI):
        if len(letter) == 1 and letter in letters[: len(options)]:
            return options[letters.index(letter)]
    return answer


def _matches(answer: str, accepted: list[str], unit: str | None) -> bool:
    candidates = {answer, *_without_unit(answer, unit)}
    for form in accepted:
        forms = {form, *_without_unit(form, unit)}
        if candidates & forms:
            return True
        if any(_same_number(a, f) for a in candidates for f in forms):
            return True
    return False


def _without_unit(text: str, unit: str | None) -> list[str]:
    """`text` with the question's unit taken off (before or after the number), if it has it."""
    if not unit:
        return []
    key = unit.casefold()
    aliases = UNIT_ALIASES.get(key, (key, key.removesuffix("s")))
    if key == "₹":
        paise = _paise_as_rupees(text)
        if paise is not None:
            return [paise]
    stripped = []
    for alias in aliases:
        for pattern in (rf"^(.+?) ?{re.escape(alias)}$", rf"^{re.escape(alias)} ?(.+?)$"):
            found = re.match(pattern, text)
            if found and (_DECIMAL.match(found.group(1)) or _FRACTION.match(found.group(1))):
                stripped.append(found.group(1))
    return stripped


def _paise_as_rupees(text: str) -> str | None:
    pattern = _AMOUNT.pattern.format(
        rupees="|".join(map(re.escape, UNIT_ALIASES["₹"])),
        paise="|".join(map(re.escape, PAISE_WORDS)),
    )
    found = re.match(pattern, text)
    if not found:
        return None
    rupees, paise, only_paise = found.groups()
    total = Decimal(rupees) + Decimal(paise) / 100 if rupees else Decimal(only_paise) / 100
    return str(total)


def _same_number(answer: str, form: str) -> bool:
    """Integers and decimals by value (4 = 4.00); fractions only as written (see above)."""
    if _DECIMAL.match(answer) and _DECIMAL.match(form):
        try:
            return Decimal(answer) == Decimal(form)
        except InvalidOperation:
            return False
    return False


def _mistake(question: Question, answer: str, keep_case: bool) -> str | None:
    for wrong in question.wrong_answers:
        known = [normalise(w, keep_case=keep_case) for w in (wrong.answer, wrong.hi) if w]
        if _matches(answer, known, question.unit):
            return wrong.error_type
    if question.unit and _other_unit(answer, question.unit):
        return "wrong_unit"
    return None


def _other_unit(answer: str, unit: str) -> bool:
    """Does the answer carry a unit, and not the question's own?"""
    own = UNIT_ALIASES.get(unit.casefold(), (unit.casefold(),))
    for key, aliases in UNIT_ALIASES.items():
        if aliases == own or key == "₹":
            continue
        if any(re.fullmatch(rf"\d+(\.\d+)? ?{re.escape(a)}", answer) for a in aliases):
            return True
    return False
