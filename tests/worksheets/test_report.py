"""The progress report: always one page, says what a parent needs, prints Hindi names."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests import pdf_reading
from worksheets.render.layout import MARGIN
from worksheets.render.report import (
    MonthLine,
    ReportNotWritten,
    ReportView,
    SkillLine,
    render_report,
)

LEVELS = ("mastered", "improving", "learning", "unknown")


def _skill(chapter: str, title: str, level: str = "improving", attempts: int = 10) -> SkillLine:
    started = level != "unknown"
    return SkillLine(
        chapter_title=chapter,
        skill_title=title,
        level=level,
        p_known=0.72 if started else None,
        attempts=attempts if started else 0,
        correct=attempts * 7 // 10 if started else 0,
        review_due="2026-12-03" if level == "mastered" else None,
    )


def _view(
    skills: tuple[SkillLine, ...],
    name: str = "Asha Verma",
    months: tuple[MonthLine, ...] = (),
) -> ReportView:
    return ReportView(
        child_name=name,
        grade=3,
        school_name="Sunrise Public School",
        class_name="3B",
        printed_on="21 Nov 2026",
        total_stars=137,
        current_streak=4,
        longest_streak=11,
        worksheets_completed=23,
        achievements=(("First worksheet", "2 Nov 2026"), ("Five-day streak", "9 Nov 2026")),
        skills=skills,
        months=months,
        practise_next=("Word problems on addition",),
        certificates=("Numbers up to 1000",),
    )


def _three_skills() -> tuple[SkillLine, ...]:
    return (
        _skill("Numbers up to 1000", "Read and write 3-digit numbers", "mastered", 20),
        _skill("Addition", "Add 3-digit numbers with carrying", "improving", 14),
        _skill("Addition", "Word problems on addition", "learning", 6),
    )


def _sixty_skills() -> tuple[SkillLine, ...]:
    return tuple(
        _skill(f"Chapter {chapter}", f"Skill {chapter}.{n}", LEVELS[(chapter + n) % 4], 8)
        for chapter in range(1, 13)
        for n in range(1, 6)
    )


def _not_started() -> tuple[SkillLine, ...]:
    return tuple(_skill("Addition", f"Skill {n}", "unknown") for n in range(3))


def _twelve_months() -> tuple[MonthLine, ...]:
    return tuple(MonthLine(f"Month {n}", n, 10 * n, 7 * n) for n in range(1, 13))


def _render(tmp_path: Path, view: ReportView, paper: str = "A4") -> Path:
    path = tmp_path / "report.pdf"
    render_report(view, path, paper)
    return path


def _pages(pdf: Path) -> int:
    return pdf_reading.page_count(pdf)


def _text(pdf: Path) -> str:
    return pdf_reading.text(pdf)


def _word_boxes(pdf: Path) -> list[tuple[float, float, float, float]]:
    return [(w.x_min, w.y_min, w.x_max, w.y_max) for w in pdf_reading.words(pdf)]


def test_a_child_with_three_skills_gets_exactly_one_page(tmp_path: Path) -> None:
    assert _pages(_render(tmp_path, _view(_three_skills()))) == 1


def test_a_child_with_sixty_skills_in_twelve_chapters_gets_exactly_one_page(
    tmp_path: Path,
) -> None:
    view = _view(_sixty_skills(), months=_twelve_months())
    assert _pages(_render(tmp_path, view)) == 1


def test_a_child_with_no_attempts_gets_exactly_one_page(tmp_path: Path) -> None:
    assert _pages(_render(tmp_path, _view(_not_started()))) == 1


def test_the_report_shows_the_childs_name_stars_and_a_skill(tmp_path: Path) -> None:
    text = _text(_render(tmp_path, _view(_three_skills())))
    assert "Asha Verma" in text
    assert "137" in text
    assert "Add 3-digit numbers with carrying" in text


def test_each_skill_shows_its_level_accuracy_and_confidence(tmp_path: Path) -> None:
    text = _text(_render(tmp_path, _view(_three_skills())))
    assert re.search(r"Add 3-digit numbers with carrying\s+Improving\s+9/14\s+72%", text)


def test_a_mastered_skill_due_for_review_says_review_by_its_date(tmp_path: Path) -> None:
    text = _text(_render(tmp_path, _view(_three_skills())))
    assert "review by 3 Dec 2026" in text


def test_too_many_skills_fall_back_to_one_row_per_chapter(tmp_path: Path) -> None:
    text = _text(_render(tmp_path, _view(_sixty_skills(), months=_twelve_months())))
    assert "Skill 1.1" not in text
    assert all(re.search(rf"^\s*Chapter {n}\s", text, re.MULTILINE) for n in range(1, 13))


def test_more_chapters_than_fit_end_in_a_count_of_those_left_out(tmp_path: Path) -> None:
    skills = tuple(_skill(f"Chapter {n}", f"Skill {n}") for n in range(1, 81))
    pdf = _render(tmp_path, _view(skills, months=_twelve_months()))
    assert _pages(pdf) == 1
    assert re.search(r"and \d+ more chapters", _text(pdf))


def test_a_child_with_no_attempts_is_told_so_without_an_empty_table(tmp_path: Path) -> None:
    text = _text(_render(tmp_path, _view(_not_started())))
    assert "has not answered any questions yet" in text
    assert "Confidence" not in text.split("Month by month")[0]
    assert "No worksheets marked yet" in text


def test_the_month_table_shows_percent_correct(tmp_path: Path) -> None:
    months = (MonthLine("Nov 2026", 5, 40, 30),)
    text = _text(_render(tmp_path, _view(_three_skills(), months=months)))
    assert re.search(r"Nov 2026\s+5\s+40\s+75%", text)


def test_long_lists_end_in_and_n_more(tmp_path: Path) -> None:
    view = _view(_three_skills())
    many = tuple((f"Achievement {n}", "1 Nov 2026") for n in range(9))
    text = _text(_render(tmp_path, replace(view, achievements=many)))
    assert "and 5 more" in text


def test_no_text_falls_outside_the_margins_with_sixty_skills(tmp_path: Path) -> None:
    pdf = _render(tmp_path, _view(_sixty_skills(), months=_twelve_months()))
    width, height = 595.28, 841.89
    boxes = _word_boxes(pdf)
    assert boxes
    for x_min, y_min, x_max, y_max in boxes:
        assert x_min >= MARGIN - 1 and x_max <= width - MARGIN + 1
        assert y_min >= MARGIN - 3 and y_max <= height - MARGIN + 3


def test_a_hindi_name_renders_in_the_devanagari_face(tmp_path: Path) -> None:
    pdf = _render(tmp_path, _view(_three_skills(), name="आशा वर्मा"))
    assert any("Devanagari" in font for font in pdf_reading.fonts(pdf))
    assert "आशा वर्मा" in _text(pdf)  # drawn shaped, reads back as written


def test_letter_paper_gives_one_letter_sized_page(tmp_path: Path) -> None:
    pdf = _render(tmp_path, _view(_sixty_skills(), months=_twelve_months()), paper="Letter")
    assert pdf_reading.page_size(pdf) == (612, 792)  # US Letter
    assert _pages(pdf) == 1


def test_an_unknown_paper_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown paper size"):
        render_report(_view(_three_skills()), tmp_path / "report.pdf", paper="A3")


def test_a_path_that_cannot_be_written_raises_naming_the_path(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "report.pdf"
    with pytest.raises(ReportNotWritten, match="no such folder"):
        render_report(_view(_three_skills()), path)
