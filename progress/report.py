"""A child's dashboard as the one-page progress report a parent keeps."""

from __future__ import annotations

from datetime import date

from curriculum.syllabus import Syllabus
from progress.dashboard import ChildDashboard, skill_title
from worksheets.assembly import printed_date
from worksheets.render.report import MonthLine, ReportView, SkillLine

MONTHS_SHOWN = 12


def report_view(
    board: ChildDashboard,
    syllabus: Syllabus,
    *,
    school_name: str,
    class_names: str,
    printed_on: str,
) -> ReportView:
    e = board.engagement
    return ReportView(
        child_name=board.name,
        grade=board.grade,
        school_name=school_name,
        class_name=class_names,
        printed_on=printed_on,
        total_stars=e.total_stars,
        current_streak=board.current_streak,
        longest_streak=e.longest_streak,
        worksheets_completed=e.worksheets_completed,
        achievements=tuple((a.title, printed_date(a.unlocked_at)) for a in board.achievements),
        skills=tuple(
            SkillLine(
                chapter_title=row.chapter_title or "My own skills",
                skill_title=row.title,
                level=row.level,
                p_known=row.p_known,
                attempts=row.attempts,
                correct=row.correct,
                review_due=row.review_due,
            )
            for row in board.skills
        ),
        months=tuple(
            MonthLine(_month_name(m.month), m.worksheets, m.answers, m.correct)
            for m in board.months[-MONTHS_SHOWN:]
        ),
        practise_next=tuple(skill_title(syllabus, tag) for tag in board.practise_next),
        certificates=tuple(c.title for c in board.chapters_mastered),
    )


def _month_name(month: str) -> str:
    """2026-11 -> Nov 2026."""
    return f"{date.fromisoformat(month + '-01'):%b %Y}"
