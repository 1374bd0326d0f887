"""A one-page progress report a parent can keep: summary, skills, months, what to practise next.

The report is always exactly one page. When the skills do not fit one row each, the table falls
back to one row per chapter; long lists end in "and N more". Greys, not colours, carry meaning,
so it prints well on a black-and-white printer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from worksheets.render.fonts import DEFAULT_FONTS, FontChoice, font_set
from worksheets.render.layout import MARGIN, PAPER_SIZES
from worksheets.render.report_parts import (
    BODY,
    HEADER_ROW,
    LEVEL_ORDER,
    LEVEL_STEPS,
    LEVEL_WORDS,
    SMALL,
    Column,
    Pen,
    level_bar,
    level_legend,
    level_steps,
    table_cells,
    table_labels,
)


class ReportNotWritten(OSError):
    """The report PDF could not be written (missing folder, no permission, disk full)."""


@dataclass(frozen=True)
class SkillLine:
    chapter_title: str
    skill_title: str  # e.g. "Add 3-digit numbers with carrying"
    level: str  # "unknown" | "learning" | "improving" | "mastered"
    p_known: float | None  # 0..1 confidence (Bayesian Knowledge Tracing), None if no attempts
    attempts: int
    correct: int
    review_due: str | None  # ISO date, for mastered skills due for spaced review


@dataclass(frozen=True)
class MonthLine:
    month: str  # "Nov 2026"
    worksheets: int
    answers: int
    correct: int


@dataclass(frozen=True)
class ReportView:
    child_name: str
    grade: int
    school_name: str
    class_name: str
    printed_on: str  # "21 Nov 2026"
    total_stars: int
    current_streak: int  # days
    longest_streak: int
    worksheets_completed: int
    achievements: tuple[tuple[str, str], ...]  # (title, printed date)
    skills: tuple[SkillLine, ...]  # in syllabus order
    months: tuple[MonthLine, ...]  # oldest first, at most 12
    practise_next: tuple[str, ...]  # skill titles to practise next
    certificates: tuple[str, ...]  # chapter titles with a certificate earned


Chapters = dict[str, list[SkillLine]]
Item = tuple[str, str]  # text, and what is printed at the right (a date, or nothing)

WHEN_EMPTY = {
    "Practise next": "Nothing waiting: any worksheet keeps the streak going.",
    "Achievements": "None yet; the first one is not far off.",
    "Certificates earned": "None yet; one comes with each chapter mastered.",
}

CHAPTER_ROW, SKILL_ROW, LIST_ROW = 14.0, 11.5, 11.0
SECTION_TITLE, LIST_GAP, GAP, FOOTER = 16.0, 5.0, 12.0, 14.0
LIST_LIMIT = 5
SKILL_TABLE = (
    Column("Skill", 0.015),
    Column("Level", 0.42),
    Column("Correct", 0.64, "right"),
    Column("Confidence", 0.755, "right"),
    Column("Review", 0.78),
)
CHAPTER_TABLE = (
    Column("Chapter", 0.0),
    Column("", 0.33),  # the bar of levels
    *(Column(LEVEL_WORDS[level], 0.56 + 0.11 * i, "right") for i, level in enumerate(LEVEL_ORDER)),
    Column("Correct", 1.0, "right"),
)
MONTH_TABLE = (
    Column("Month", 0.0),
    Column("Worksheets", 0.42, "right"),
    Column("Answers", 0.60, "right"),
    Column("Correct", 0.76, "right"),
    Column("", 0.80),  # the bar of answers correct
)
LEVEL_BAR_WIDTH = 0.12  # of the table width


def render_report(
    view: ReportView, path: Path, paper: str = "A4", fonts: FontChoice = DEFAULT_FONTS
) -> None:
    """Write the report to `path` as exactly one page of `paper` ("A4" or "Letter").

    Raises ValueError for an unknown paper size, ReportNotWritten if the file cannot be written.
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}; use one of {sorted(PAPER_SIZES)}")
    width, height = PAPER_SIZES[paper]
    canvas = Canvas(str(path), pagesize=(width, height), invariant=1)
    canvas.setTitle(f"Progress report: {view.child_name}")
    canvas.setAuthor("PracticeCraft")
    canvas.setCreator("PracticeCraft")
    _draw_page(Pen(canvas, font_set(fonts)), view, width, height)
    canvas.showPage()
    try:
        canvas.save()
    except OSError as error:
        raise ReportNotWritten(f"could not write the progress report to {path}: {error}") from error


def _draw_page(pen: Pen, view: ReportView, page_width: float, page_height: float) -> None:
    left, width = MARGIN, page_width - 2 * MARGIN
    y = _header(pen, view, left, width, page_height - MARGIN)
    y = _summary_band(pen, view, left, width, y - GAP)
    floor = MARGIN + FOOTER + _bottom_height(view) + GAP  # the skills must end above this
    y = _skills_section(pen, view, left, width, y - GAP, floor)
    _months_section(pen, view.months[-12:], left, width * 0.47, y - GAP)
    _lists_section(pen, view, left + width * 0.53, width * 0.47, y - GAP)
    _footer(pen, left, width)


# --- header and summary ---------------------------------------------------------------------


def _header(pen: Pen, view: ReportView, left: float, width: float, top: float) -> float:
    right = left + width
    y = top - 20  # Noto Sans's ascent (1.07 em, room for accents) stays inside the margin
    pen.text(left, y, "Progress report", 18, bold=True)
    pen.text(right, y, f"Printed {view.printed_on}", 9, align="right", grey=0.3)
    pen.text(right, y - 11, "PracticeCraft", 8, align="right", grey=0.3)
    y -= 25
    size = pen.size_to_fit(view.child_name, 16, width * 0.75)
    pen.text(left, y, view.child_name, size, bold=True, width=width * 0.75)
    y -= 15
    parts = [f"Class {view.grade}", view.class_name.strip(), view.school_name.strip()]
    _run(pen, left, y, [part for part in parts if part], width)
    y -= 8
    pen.rule(left, y, right, width=1.2, grey=0.2)
    return y


def _run(pen: Pen, x: float, y: float, parts: list[str], width: float) -> None:
    """Parts on one line, dots between; each in its own face, so Hindi and English can mix."""
    end = x + width
    for index, part in enumerate(parts):
        if index:
            x += pen.text(x, y, "  ·  ", 10, grey=0.4)
        if end - x < 20:
            return
        x += pen.text(x, y, part, 10, width=end - x)


def _summary_band(pen: Pen, view: ReportView, left: float, width: float, top: float) -> float:
    tiles = [
        (str(view.total_stars), "stars earned"),
        (_days(view.current_streak), "current streak"),
        (_days(view.longest_streak), "longest streak"),
        (str(view.worksheets_completed), "worksheets completed"),
    ]
    gap, height = 8.0, 40.0
    tile_width = (width - gap * (len(tiles) - 1)) / len(tiles)
    for index, (value, label) in enumerate(tiles):
        x = left + index * (tile_width + gap)
        pen.box(x, top - height, tile_width, height, fill=0.94)
        pen.text(x + tile_width / 2, top - 20, value, 16, bold=True, align="centre")
        pen.text(x + tile_width / 2, top - 32, label, 8, align="centre", grey=0.3)
    return top - height


# --- skills ---------------------------------------------------------------------------------


def _skills_section(
    pen: Pen, view: ReportView, left: float, width: float, top: float, floor: float
) -> float:
    y = top - 12
    pen.text(left, y, "Skills, chapter by chapter", 12, bold=True)
    if not any(skill.attempts for skill in view.skills):
        return _no_attempts_yet(pen, view.child_name, left, width, y - 8)
    chapters = _group(view.skills)
    if y - 6 - _detail_height(chapters) >= floor:
        level_legend(pen, left + width, y, steps=True)
        return _skill_table(pen, chapters, left, width, y - 6)
    level_legend(pen, left + width, y, steps=False)
    return _chapter_table(pen, chapters, left, width, y - 6, floor)


def _no_attempts_yet(pen: Pen, name: str, left: float, width: float, top: float) -> float:
    first_name = name.split()[0] if name.strip() else "Your child"
    height = 42.0
    pen.box(left, top - height, width, height, fill=0.96)
    name_width = pen.text(left + 12, top - 17, first_name, 10, bold=True, width=width / 2)
    rest = " has not answered any questions yet."  # drawn apart: the name may be in Hindi
    pen.text(left + 12 + name_width, top - 17, rest, 10, bold=True)
    note = "Once the first worksheet is marked, each skill will show here with how it is going."
    pen.text(left + 12, top - 31, note, BODY, width=width - 24, grey=0.25)
    return top - height


def _group(skills: tuple[SkillLine, ...]) -> Chapters:
    """Skills by chapter, chapters in the order they first appear (syllabus order)."""
    chapters: Chapters = {}
    for skill in skills:
        chapters.setdefault(skill.chapter_title, []).append(skill)
    return chapters


def _detail_height(chapters: Chapters) -> float:
    skills = sum(len(group) for group in chapters.values())
    return HEADER_ROW + CHAPTER_ROW * len(chapters) + SKILL_ROW * skills


def _skill_table(pen: Pen, chapters: Chapters, left: float, width: float, top: float) -> float:
    y = table_labels(pen, SKILL_TABLE, left, width, top)
    for title, skills in chapters.items():
        pen.box(left, y - CHAPTER_ROW + 1.5, width, CHAPTER_ROW - 2, fill=0.92, stroke=None)
        pen.text(left + 4, y - 10, title, 9, bold=True, width=width - 8)
        y -= CHAPTER_ROW
        for skill in skills:
            _skill_row(pen, skill, left, width, y - SKILL_ROW + 3)
            y -= SKILL_ROW
    return y


def _skill_row(pen: Pen, skill: SkillLine, left: float, width: float, baseline: float) -> None:
    due = skill.review_due if skill.level == "mastered" else None
    review = f"review by {_printed_date(due)}" if due else ""
    confidence = _percent(skill.p_known)
    values = [skill.skill_title, "", _fraction(skill.correct, skill.attempts), confidence, review]
    table_cells(pen, SKILL_TABLE, values, left, width, baseline)
    level_x = left + width * SKILL_TABLE[1].at
    level_steps(pen, level_x, baseline, LEVEL_STEPS.get(skill.level, 0))
    pen.text(level_x + 27, baseline, LEVEL_WORDS.get(skill.level, skill.level.capitalize()))


def _chapter_table(
    pen: Pen, chapters: Chapters, left: float, width: float, top: float, floor: float
) -> float:
    note = "Too many skills to list one by one, so each chapter has one line: skills at each level."
    pen.text(left, top - 9, note, SMALL, width=width, grey=0.3)
    y = table_labels(pen, CHAPTER_TABLE, left, width, top - 12)
    rows = list(chapters.items())
    fits = max(int((y - floor) // SKILL_ROW), 1)
    shown = rows if len(rows) <= fits else rows[: fits - 1]
    for title, skills in shown:
        _chapter_row(pen, title, skills, left, width, y - SKILL_ROW + 3)
        y -= SKILL_ROW
    if len(shown) < len(rows):
        more = f"… and {len(rows) - len(shown)} more chapters, left out to keep to one page."
        pen.text(left, y - SKILL_ROW + 3, more, SMALL, grey=0.3)
        y -= SKILL_ROW
    return y


def _chapter_row(
    pen: Pen, title: str, skills: list[SkillLine], left: float, width: float, baseline: float
) -> None:
    counts = Counter(skill.level for skill in skills)
    attempts = sum(skill.attempts for skill in skills)
    correct = sum(skill.correct for skill in skills)
    levels = [str(counts[level]) for level in LEVEL_ORDER]
    values = [title, "", *levels, _fraction(correct, attempts)]
    table_cells(pen, CHAPTER_TABLE, values, left, width, baseline)
    bar_x = left + width * CHAPTER_TABLE[1].at
    level_bar(pen, bar_x, baseline - 0.5, width * LEVEL_BAR_WIDTH, counts)


# --- months, lists, footer ------------------------------------------------------------------


def _bottom_height(view: ReportView) -> float:
    months = len(view.months[-12:])
    left = SECTION_TITLE + (HEADER_ROW + LIST_ROW * months if months else LIST_ROW)
    right = sum(SECTION_TITLE + LIST_ROW * _rows(items) + LIST_GAP for _, items in _lists(view))
    return max(left, right)


def _months_section(
    pen: Pen, months: tuple[MonthLine, ...], left: float, width: float, top: float
) -> None:
    pen.text(left, top - 11, "Month by month", 10, bold=True)
    y = top - SECTION_TITLE
    if not months:
        pen.text(left, y - 8, "No worksheets marked yet.", BODY, grey=0.25)
        return
    y = table_labels(pen, MONTH_TABLE, left, width, y)
    for month in months:
        _month_row(pen, month, left, width, y - LIST_ROW + 3)
        y -= LIST_ROW


def _month_row(pen: Pen, month: MonthLine, left: float, width: float, baseline: float) -> None:
    share = month.correct / month.answers if month.answers else None
    counts = [str(month.worksheets), str(month.answers), _percent(share)]
    table_cells(pen, MONTH_TABLE, [month.month, *counts, ""], left, width, baseline)
    bar_x = left + width * MONTH_TABLE[-1].at
    bar_width = left + width - bar_x
    pen.box(bar_x, baseline - 0.5, bar_width, 6, fill=1.0, stroke=0.4)
    if share:
        pen.box(bar_x, baseline - 0.5, bar_width * min(share, 1.0), 6, fill=0.3, stroke=0.3)


def _lists(view: ReportView) -> list[tuple[str, list[Item]]]:
    """The right-hand lists, each titled; achievements carry their date."""
    return [
        ("Practise next", [(title, "") for title in view.practise_next]),
        ("Achievements", list(view.achievements)),
        ("Certificates earned", [(title, "") for title in view.certificates]),
    ]


def _rows(items: list[Item]) -> int:
    """Lines a list takes: its items up to the limit (the last saying "and N more"), or one."""
    return min(max(len(items), 1), LIST_LIMIT)


def _lists_section(pen: Pen, view: ReportView, left: float, width: float, top: float) -> None:
    y = top
    for title, items in _lists(view):
        pen.text(left, y - 11, title, 10, bold=True)
        y -= SECTION_TITLE
        shown = items if len(items) <= LIST_LIMIT else items[: LIST_LIMIT - 1]
        for index, (text, aside) in enumerate(shown):
            _list_item(pen, text, aside, left, width, y - 8 - index * LIST_ROW)
        if not items:
            pen.text(left, y - 8, WHEN_EMPTY[title], BODY, width=width, grey=0.25)
        elif len(shown) < len(items):
            more = f"and {len(items) - len(shown)} more"
            pen.text(left + 9, y - 8 - len(shown) * LIST_ROW, more, BODY, grey=0.3)
        y -= LIST_ROW * _rows(items) + LIST_GAP


def _list_item(pen: Pen, text: str, aside: str, left: float, width: float, y: float) -> None:
    pen.text(left, y, "•", BODY)
    aside_width = pen.text(left + width, y, aside, BODY, align="right", grey=0.3) if aside else 0
    pen.text(left + 9, y, text, BODY, width=width - 9 - aside_width - (6 if aside else 0))


def _footer(pen: Pen, left: float, width: float) -> None:
    note = "Confidence: how sure PracticeCraft is, from recent answers, that a skill is learnt."
    pen.rule(left, MARGIN + 10, left + width, grey=0.6)
    pen.text(left, MARGIN + 2, note, 7, grey=0.35, width=width)


# --- words and numbers ----------------------------------------------------------------------


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _fraction(correct: int, attempts: int) -> str:
    return f"{correct}/{attempts}" if attempts else "–"


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)}%"


def _printed_date(iso: str) -> str:
    """An ISO date as "3 Dec 2026"; anything that is not an ISO date is printed as given."""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day:%b %Y}"
