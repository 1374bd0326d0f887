"""Notes for the teacher about a sheet: where it could not be made exactly as asked.

A skill whose item bank has too few hard questions, or that cannot take the chosen question
type (a missing number has no single mistake to find), still fills its share of the sheet from
what it has; the sheet keeps a note saying so, which the window and the command line show.
"""

from __future__ import annotations

from collections.abc import Sequence

from curriculum.engine import Shortfall
from curriculum.question import QUESTION_TYPE_NAMES, QuestionType
from curriculum.syllabus import Syllabus

LEVELS = {1: "easy", 2: "medium", 3: "hard"}
OTHER_LEVELS = {1: "harder", 2: "easier or harder", 3: "easier"}


def shortfall_notes(
    shortfalls: Sequence[Shortfall],
    syllabus: Syllabus,
    qtypes: Sequence[QuestionType],
    difficulty: int | None,
) -> list[str]:
    """One sentence per shortfall, naming the skill as the syllabus does."""
    return [_note(s, _title(syllabus, s.skill_tag), qtypes, difficulty) for s in shortfalls]


def _title(syllabus: Syllabus, tag: str) -> str:
    try:
        return f"“{syllabus.skill(tag).title}”"
    except LookupError:
        return "One skill"


def _note(
    shortfall: Shortfall, title: str, qtypes: Sequence[QuestionType], difficulty: int | None
) -> str:
    if shortfall.asked == 1:
        which = "its question is"
    else:
        which = f"{shortfall.missing} of its {shortfall.asked} questions are"
    if shortfall.what == "types":
        kinds = " or ".join(QUESTION_TYPE_NAMES[t].lower() for t in qtypes)
        return (
            f"{title} has too few questions of the kind you chose ({kinds}): {which} of "
            "another kind."
        )
    level = difficulty or 2
    return f"{title} has too few {LEVELS[level]} questions: {which} {OTHER_LEVELS[level]}."
