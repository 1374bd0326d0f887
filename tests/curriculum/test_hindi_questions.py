"""Hindi sheets are Hindi: every text a Hindi sheet prints for a question is in Hindi.

A property over every Maths and EVS skill, every question type and many seeds: the Hindi of the
instruction, the question, each option, each match pair, the key and its worked solution exists
and has no Latin letters. English-subject skills teach English, so their questions stay English
(their instructions are checked by the sheet property in tests/worksheets).
"""

from __future__ import annotations

import pytest

from curriculum.engine import NotEnoughQuestions, generate
from curriculum.hindi import latin_words, unit_hi
from curriculum.question import QUESTION_TYPES, Question
from curriculum.syllabus import builtin_syllabus

SEEDS = 40
SKILLS = sorted(
    s.tag for s in builtin_syllabus().skills() if s.tag.split(".")[0] in ("maths", "evs")
)
# Skills about the shapes of capital letters (lines in L, symmetry of H): the letter is the
# figure being studied, as in NCERT's Hindi-medium books, and stays a Latin capital.
LETTER_FIGURES = {
    "maths.c2.lines",
    "maths.c3.symmetry_letters",
    "maths.c4.symmetry_lines",
    "maths.c5.symmetry_designs",
}


def hindi_texts(q: Question) -> list[tuple[str, str | None]]:
    """What a Hindi sheet and its key print for `q`, part by part."""
    parts: list[tuple[str, str | None]] = [
        ("instruction", q.instruction.hi),
        ("solution", q.solution.hi),
    ]
    if q.qtype == "match":
        for pair in q.pairs:
            parts += [("match left", pair.left.hi), ("match right", pair.right_hi or pair.right)]
    else:
        parts.append(("question", q.prompt.hi))
    parts += [("option", q.option_in(i, "hi")) for i in range(len(q.options))]
    key = q.answer_in("hi")
    if q.unit and q.qtype not in ("true_false", "match", "word_problem"):
        key += " " + unit_hi(q.unit)
    if q.grading == "auto":  # an open response's key is a model answer, checked below too
        parts.append(("key", key))
    else:
        parts.append(("model answer", q.answer_hi))
    return parts


def foreign_words(q: Question) -> list[str]:
    allowed = _is_letter_figure if q.skill_tag in LETTER_FIGURES else (lambda _w: False)
    problems = []
    for part, text in hindi_texts(q):
        if text is None:
            problems.append(f"{part}: no Hindi")
            continue
        words = [w for w in latin_words(text) if not allowed(w)]
        if words:
            problems.append(f"{part}: {words} in {text!r}")
    return problems


def _is_letter_figure(word: str) -> bool:
    return len(word) == 1 and word.isupper()


@pytest.mark.parametrize("skill", SKILLS)
def test_a_hindi_sheet_prints_no_english_for_any_question_of_the_skill(skill: str) -> None:
    for qtype in QUESTION_TYPES:
        for seed in range(SEEDS):
            try:
                questions = generate(skill, 3, seed, qtypes=(qtype,))
            except NotEnoughQuestions:
                questions = generate(skill, 1, seed, qtypes=(qtype,))
            for q in questions:
                problems = foreign_words(q)
                assert not problems, f"{skill} {q.qtype} (asked {qtype}, seed {seed}): {problems}"


def test_every_maths_and_evs_chapter_and_skill_has_its_title_and_note_in_hindi() -> None:
    """The title and the "Remember" box of a Hindi sheet come from these."""
    syllabus = builtin_syllabus()
    problems = []
    for skill in syllabus.skills():
        if skill.tag.split(".")[0] not in ("maths", "evs"):
            continue
        chapter = syllabus.chapter_of(skill.tag)
        for part, text in (
            ("chapter title", chapter.title_hi),
            ("skill title", skill.title_hi),
            ("Remember note", skill.concept_hi),
        ):
            if not text or latin_words(text):
                problems.append(f"{skill.tag} {part}: {text!r}")
    assert problems == []
