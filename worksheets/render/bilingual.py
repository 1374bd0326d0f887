"""What a sheet prints for each question, in English, in Hindi, or in both.

A bilingual sheet prints each question once: the English with its blank, and the Hindi under
it as a translation line, whose blank is shown as "…" so a child sees one place to write. Lines
the two languages share (a sum, a pattern, a grid) are printed once; a data row whose label
alone differs ("Balls: |||" / "गेंदें: |||") is printed once with both labels, and marks that
begin both lines (a tally before its question) are left out of the translation. Options, match
answers and keys give both forms side by side ("cube / घन").
"""

from __future__ import annotations

from typing import NamedTuple

from curriculum.hindi import letter, true_false_hi, unit_hi
from curriculum.question import Question, Text

BLANK = "____"
TRANSLATED_BLANK = "…"
NO_UNIT_QTYPES = ("true_false", "match", "word_problem")


class Line(NamedTuple):
    hindi: bool  # printed in the Devanagari face (a Hindi line, or a Hindi translation line)
    text: str


def lines(text: Text, language: str) -> list[Line]:
    """`text` as the sheet prints it, line by line."""
    hindi = text.hi if text.hi and text.hi != text.en else None
    if language == "hi" and hindi:
        return [Line(True, line) for line in hindi.split("\n")]
    if language != "both" or hindi is None:
        return [Line(False, line) for line in text.en.split("\n")]
    return _both(text.en.split("\n"), hindi.split("\n"))


def _both(english: list[str], hindi: list[str]) -> list[Line]:
    if len(english) != len(hindi):
        return [Line(False, e) for e in english] + [Line(True, _translation(h)) for h in hindi]
    merged: list[Line] = []
    for en, hi in zip(english, hindi, strict=True):
        if en == hi:
            merged.append(Line(False, en))
        elif _shared_data(en, hi):
            label_en, _, data = en.partition(": ")
            label_hi = hi.partition(": ")[0]
            same = _same_start(label_en, label_hi)  # "● Laddoos" / "● लड्डू": the ● once
            merged.append(Line(False, f"{label_en} ({label_hi[same:]}): {data}"))
        else:
            shown = _shared_stimulus(en, hi)
            merged += [Line(False, en), Line(True, _translation(hi[len(shown) :]))]
    return merged


def _shared_stimulus(en: str, hi: str) -> str:
    """ "||||/ ||   Children who...": marks both lines begin with, set apart by a wide gap,
    which the translation line leaves out ("" when there are none)."""
    common = en[: _same_start(en, hi)]
    gap = common.rfind("  ")
    return common[: gap + 2] if gap > 0 and common[:gap].strip() else ""


def _shared_data(en: str, hi: str) -> bool:
    """ "Balls: ||||| ||" and "गेंदें: ||||| ||": one row of data under two labels."""
    _, sep_en, data_en = en.partition(": ")
    _, sep_hi, data_hi = hi.partition(": ")
    return bool(sep_en and sep_hi and data_en and data_en == data_hi) and BLANK not in data_en


def _same_start(en: str, hi: str) -> int:
    """How many characters the two lines begin with alike (not counting a letter)."""
    same = next((i for i, (a, b) in enumerate(zip(en, hi, strict=False)) if a != b), 0)
    return same


def _translation(hindi: str) -> str:
    return hindi.replace(BLANK, TRANSLATED_BLANK)


def options(q: Question, language: str) -> list[str]:
    """Each option with its letter: "(a) cube", "(क) घन", or "(a) cube / घन"."""
    return [f"{mark(i, language)}\u00a0{option(q, i, language)}" for i in range(len(q.options))]


def mark(index: int, language: str) -> str:
    """The lettered mark of an option or a match answer: "(a)", or "(क)" on a Hindi sheet."""
    return f"({letter(index, 'hi' if language == 'hi' else 'en')})"


def option(q: Question, index: int, language: str) -> str:
    """The index-th option without its letter: "cube", "घन", or "cube / घन"."""
    en, hi = q.option_in(index, "en"), q.option_in(index, "hi")
    if language == "both" and hi != en:
        return f"{en} / {hi}"
    return hi if language == "hi" else en


def match_right(q: Question, index: int, language: str) -> str:
    """The index-th right-hand item of a match question, lettered."""
    return f"{mark(index, language)} {match_answer(q, index, language)}"


def match_answer(q: Question, index: int, language: str) -> str:
    """The index-th right-hand item of a match question, without its letter."""
    pair = q.pairs[index]
    en, hi = pair.right, pair.right_hi or pair.right
    return {"en": en, "hi": hi}.get(language, en if hi == en else f"{en} / {hi}")


def key(q: Question, language: str) -> str:
    """The answer as the key prints it, with its unit."""
    en = _with_unit(q, q.answer, q.unit)
    hi = _with_unit(q, _hindi_key(q), unit_hi(q.unit) if q.unit else None)
    if language == "both" and hi != en:
        return f"{en} / {hi}"
    return hi if language == "hi" else en


def _hindi_key(q: Question) -> str:
    if q.qtype == "true_false" and not q.answer_hi:  # a sheet stored before keys had Hindi
        return true_false_hi(q.answer)
    return q.answer_in("hi")


def _with_unit(q: Question, answer: str, unit: str | None) -> str:
    if not unit or q.qtype in NO_UNIT_QTYPES or unit in answer:
        return answer
    return f"₹ {answer}" if unit == "₹" else f"{answer} {unit}"  # ₹ 10, as in the books
