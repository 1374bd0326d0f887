"""Syllabus truth: what the chapters practise, and how sure we are of it (issue 15, section 8)."""

from __future__ import annotations

from curriculum.engine import generate
from curriculum.syllabus import CONFIRMATION_LABELS, builtin_syllabus


def _chapter(subject: str, grade: int, number: int):  # type: ignore[no-untyped-def]
    book = builtin_syllabus().grade(subject, grade)
    assert book is not None
    return book.chapters[number - 1]


def test_a_doubtful_chapter_is_marked_not_confirmed_with_its_reason() -> None:
    """Class 4 "Hide and Seek" is practised as odd and even numbers on one source's word."""
    chapter = _chapter("maths", 4, 2)
    assert chapter.title == "Hide and Seek" and chapter.confirmation == "none"
    assert chapter.confirmation_label == "not confirmed"
    assert chapter.note and "different sides" in chapter.note


def test_english_units_are_grammar_practice_not_the_readers_chapters() -> None:
    """Mridang and Santoor are the readers; our units only practise grammar beside them."""
    for _, book in builtin_syllabus().entries(subject="english"):
        assert book.book.startswith("Grammar practice (our own units; the NCERT reader is ")
        assert {c.confirmation for c in book.chapters} == {"own"}
        assert all(c.confirmation_label.startswith("grammar practice") for c in book.chapters)


def test_every_confirmation_has_words_a_teacher_reads() -> None:
    for subject in builtin_syllabus().subjects:
        for book in subject.grades:
            for chapter in book.chapters:
                assert chapter.confirmation_label == CONFIRMATION_LABELS[chapter.confirmation]


def test_which_season_is_it_practises_the_seasons_as_well_as_the_calendar() -> None:
    chapter = _chapter("maths", 2, 9)
    assert [s.tag for s in chapter.skills] == ["maths.c2.calendar_days", "maths.c2.seasons"]
    made = generate("maths.c2.seasons", 20, seed=1)
    assert any("winter" in q.prompt.en or "summer" in q.prompt.en for q in made)


def test_fun_with_shapes_practises_the_tangram() -> None:
    chapter = _chapter("maths", 3, 5)
    assert "tangram" in chapter.skills[0].title
    made = generate("maths.c3.shapes_2d_properties", 20, seed=2, difficulty=2)
    assert any("tangram" in q.prompt.en for q in made)


def test_racing_seconds_practises_am_pm_and_24_hour_time() -> None:
    """Checked against Maths Mela 5 (2025): the chapter converts 08:45 p.m. to 20:45 hours."""
    chapter = _chapter("maths", 5, 12)
    assert "maths.c5.time_am_pm" in [s.tag for s in chapter.skills]
    assert chapter.confirmation == "title_and_skills"
    made = generate("maths.c5.time_am_pm", 20, seed=1, difficulty=1)
    assert any("p.m." in q.prompt.en for q in made)


def test_class_5_says_where_the_practice_goes_beyond_the_book() -> None:
    """Maths Mela 5 stays within 99,999; the lakhs practised here are marked as beyond it."""
    for number in (1, 4):
        chapter = _chapter("maths", 5, number)
        assert chapter.confirmation == "title" and chapter.note and "99,999" in chapter.note
    assert "Bar graphs" in (_chapter("maths", 5, 15).note or "")
