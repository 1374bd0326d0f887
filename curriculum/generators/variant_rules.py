"""When a question may take another form, and which wrong values it may show in it.

A teacher marks from the key, so each form must have one right answer:

- true/false needs a statement: filled in, the prompt claims something ("7 + 5 = 12",
  "The number after 7 is 8."), not a question with its answer after it ("How many groups of 8
  are there in 64? 8") or a bare list ("140, 150, 160").
- "find the mistake" also needs the wrong value to be the statement's result, the last value
  it gives: "8 - 6 = 1" could be mended by writing 7 for the 6 or 2 for the 1, so a missing
  number (8 - ____ = 1) is never shown with a mistake in it.
- a statement shown to a child never asks the impossible of their class ("9 - 14 = 5").
- multiple choice on a number offers at least three options: two are a coin toss.
- match the following never has two answers that fit one row (2/4 and 1/2).
"""

from __future__ import annotations

import re
from fractions import Fraction

from curriculum.generators.common import BLANK, indian
from curriculum.question import Question, WrongAnswer

MIN_NUMBER_CHOICES = 3
_RELATION = re.compile(r"[=<>≈≠]")
_DIGIT = re.compile(r"\d")
_END_MARKS = (".", "?", "!")
_SUBTRACTION = re.compile(r"(?<![\d,/])(\d[\d,]*) - (\d[\d,]*)(?![\d,]*/)")
_WHOLE = re.compile(r"^\d{1,3}(,\d\d)*(,\d{3})?$|^\d+$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
# Near misses a child makes with a number, for a choice that needs more options.
_NEAR = ((1, "off_by_one"), (-1, "off_by_one"), (10, "place_value"), (-10, "place_value"))


def has_one_blank(question: Question) -> bool:
    return bool(question.wrong_answers) and question.prompt.en.count(BLANK) == 1


def can_state(question: Question) -> bool:
    """Can the question be shown filled in, for the child to say True or False?"""
    return has_one_blank(question) and is_statement(question)


def can_correct(question: Question) -> bool:
    """Can it be shown with a mistake to find, which has one right correction?"""
    after_blank = question.prompt.en.split(BLANK, 1)[-1]
    return can_state(question) and not _DIGIT.search(after_blank)


def is_statement(question: Question) -> bool:
    prompt = question.prompt.en
    if "?" in prompt or "Answer:" in prompt or "(write" in prompt:
        return False
    if question.answer in _END_MARKS:  # "The train is late?" is a sentence, not a claim
        return False
    last_line = prompt.replace(BLANK, question.answer).strip().splitlines()[-1].strip()
    return bool(_RELATION.search(last_line)) or last_line.endswith(".")


def is_sensible(statement: str) -> bool:
    """No subtraction of a larger number from a smaller one: a primary child has no way to
    judge "9 - 14 = 5"."""
    for first, second in _SUBTRACTION.findall(statement):
        if int(first.replace(",", "")) < int(second.replace(",", "")):
            return False
    return True


def shown_mistakes(question: Question) -> list[WrongAnswer]:
    """The wrong answers that make a statement a child of the class can judge."""
    return [
        wrong
        for wrong in question.wrong_answers
        if is_sensible(question.prompt.en.replace(BLANK, wrong.answer))
    ]


def choice_distractors(question: Question, most: int = 3) -> list[WrongAnswer]:
    """The wrong answers a multiple choice offers: the child's likely mistakes, and for a whole
    number with fewer than two of them, near misses (one more, one less, ten more...)."""
    chosen = list(question.wrong_answers[:most])
    value = whole_number(question.answer)
    if value is None:
        return chosen
    taken = {question.answer, *question.accepted, *(w.answer for w in chosen)}
    for delta, error in _NEAR:
        if len(chosen) + 1 >= MIN_NUMBER_CHOICES:
            break
        near = value + delta
        text = indian(near) if "," in question.answer else str(near)
        if near > 0 and text not in taken and str(near) not in taken:
            chosen.append(WrongAnswer(answer=text, error_type=error))
            taken.add(text)
    return chosen


def enough_choices(question: Question) -> bool:
    """A number has at least three options; other answers (a word, a sign) at least two."""
    least = MIN_NUMBER_CHOICES if whole_number(question.answer) is not None else 2
    return len(question.options) >= least


def whole_number(text: str) -> int | None:
    text = text.strip()
    return int(text.replace(",", "")) if _WHOLE.match(text) else None


def fits(question: Question, answer: str) -> bool:
    """Is `answer` right for `question` too: one of its accepted forms, or the same number?"""
    wanted = {a.strip().casefold() for a in question.accepted_answers}
    if answer.strip().casefold() in wanted:
        return True
    value = _value(answer)
    return value is not None and any(_value(a) == value for a in question.accepted_answers)


def _value(text: str) -> Fraction | None:
    text = text.strip()
    whole = whole_number(text)
    if whole is not None:
        return Fraction(whole)
    found = _FRACTION.match(text)
    if found and int(found[2]):
        return Fraction(int(found[1]), int(found[2]))
    return None


# Words ending in -s after a 1 that are not plural nouns ("1 is shorter", "1 comes after 0").
_NOT_PLURAL = frozenset(
    [
        "is",
        "was",
        "has",
        "does",
        "goes",
        "comes",
        "shows",
        "plus",
        "minus",
        "times",
        "less",
        "this",
        "its",
        "us",
        "class",
        "glass",
        "across",
    ]
)
_NOUN_AFTER = re.compile(r"^ ((?:[a-z]+ )?)([a-z]+s)\b")
# Hindi plurals (and verbs that agree with a count) a blank is followed by, and their singular.
HINDI_SINGULAR = {
    "मिलेंगे": "मिलेगा",
    "आएँगे": "आएगा",
    "किनारे": "किनारा",
    "कोने": "कोना",
    "टुकड़े": "टुकड़ा",
    "गुब्बारे": "गुब्बारा",
    "कंचे": "कंचा",
    "चूड़ियाँ": "चूड़ी",
    "सीपियाँ": "सीपी",
    "किताबें": "किताब",
    "पेंसिलें": "पेंसिल",
    "केले": "केला",
    "बच्चे": "बच्चा",
    "भुजाएँ": "भुजा",
    "पतंगें": "पतंग",
}


def fill_in(text: str, value: str) -> str:
    """`text` with its blank filled by `value`; after a 1 the counted noun is singular
    ("1 jug of water", "1 right angle", not "1 jugs"; "1 टुकड़ा", not "1 टुकड़े")."""
    before, _, after = text.partition(BLANK)
    if value.strip() == "1":
        found = _NOUN_AFTER.match(after)
        if found and found[2] not in _NOT_PLURAL:
            after = f" {found[1]}{singular(found[2])}{after[found.end() :]}"
        word = after.split(maxsplit=1)[0].rstrip("।.,") if after.strip() else ""
        if word in HINDI_SINGULAR:
            after = after.replace(word, HINDI_SINGULAR[word], 1)
    return before + value + after


def singular(noun: str) -> str:
    """days -> day, mangoes -> mango, glasses -> glass, boxes -> box."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "shes", "ches", "xes", "oes")):
        return noun[:-2]
    return noun[:-1]
