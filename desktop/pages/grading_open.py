"""Opening a sheet to grade and saving its marks: the Grade page's work on the database thread."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from curriculum.question import Question
from desktop.pages.grading_summary import SavedGrading
from desktop.worker import Progress
from progress.attempts import RecordedAttempt
from progress.dashboard import skill_title
from progress.grading import GradedAnswer
from storage.database import Store
from worksheets.model import Worksheet

Draft = tuple[list[dict[str, Any]], str | None]  # per question's state, "Done on" (YYYY-MM-DD)


@dataclass(frozen=True)
class OpenedSheet:
    sheet: Worksheet
    questions: list[Question]
    children: list[tuple[str, str]]  # who may have done it: (id, name)
    held: dict[str, list[RecordedAttempt]]  # child id -> what was recorded for this sheet
    drafts: dict[str, Draft]  # child id ('' none chosen yet) -> marks typed, not saved


def open_sheet(store: Store, id_or_code: str) -> OpenedSheet:
    sheet = store.worksheets.find(id_or_code)
    if sheet.child_id is not None:
        children = [(sheet.child_id, store.children.get(sheet.child_id).name)]
    else:
        children = [(c.id or "", c.name) for c in store.classes.members(sheet.class_id or "")]
    held: dict[str, list[RecordedAttempt]] = defaultdict(list)
    for attempt in store.attempts.for_worksheet(sheet.id or ""):
        held[attempt.student_id].append(attempt)
    questions = [Question.model_validate(q) for q in sheet.questions]
    drafts = {
        child: (kept.entries, kept.done_on)
        for child, kept in store.drafts.for_worksheet(sheet.id or "").items()
    }
    return OpenedSheet(sheet, questions, children, dict(held), drafts)


def saver(
    sheet: Worksheet, child_id: str, child_name: str, graded: list[GradedAnswer], when: datetime
) -> Callable[[Store, Progress], tuple[SavedGrading, list[RecordedAttempt]]]:
    def work(store: Store, _progress: Progress) -> tuple[SavedGrading, list[RecordedAttempt]]:
        with store.write():  # the marks saved and their draft gone, or neither
            outcome = store.progress.grade(sheet, child_id, graded, when)
            store.drafts.discard(sheet.id or "", child_id)
        syllabus = store.custom_content.syllabus()
        chapters = store.progress.chapters().titles
        saved = SavedGrading(
            outcome,
            child_name,
            sheet.title,
            sheet.code,
            {tag: skill_title(syllabus, tag) for tag, _, _ in outcome.changes},
            {key: chapters.get(key, key) for key in outcome.chapters_mastered},
        )
        held = store.attempts.for_worksheet(sheet.id or "")
        return saved, [a for a in held if a.student_id == child_id]

    return work
