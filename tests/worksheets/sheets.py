"""Many different sheets for property tests: every chapter of every subject and grade, alone
and with its neighbours, in every language, layout and paper, at several lengths."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from curriculum.engine import NotEnoughQuestions
from curriculum.question import QuestionType
from curriculum.syllabus import builtin_syllabus
from worksheets.assembly import AssemblyError, Recipient, SheetRequest, assemble
from worksheets.model import Worksheet
from worksheets.render.fonts import font_set
from worksheets.render.layout import Page
from worksheets.render.sheet import Options, SheetLayout
from worksheets.views import sheet_view

LAYOUTS = (
    Options(),
    Options(language="hi"),
    Options(language="both"),
    Options(language="en", columns=3, paper="Letter"),
    Options(language="hi", large_print=True),
    Options(language="both", columns=1, paper="Letter"),
    Options(language="both", large_print=True, paper="Letter"),
    Options(language="hi", columns=3),
)
TYPES: tuple[tuple[QuestionType, ...], ...] = (
    (),  # each skill's own forms
    ("fill_blank", "multiple_choice", "true_false", "match", "word_problem"),
    ("error_identification", "match", "multiple_choice"),
)
COUNTS = (6, 12, 20, 30)


@dataclass(frozen=True)
class Chapter:
    subject: str
    grade: int
    skills: tuple[str, ...]


@cache
def chapters() -> tuple[Chapter, ...]:
    """Every chapter, and every pair of neighbouring chapters (sheets with more sections)."""
    found: list[Chapter] = []
    for subject in ("maths", "english", "evs"):
        for _name, entry in builtin_syllabus().entries(subject=subject):
            skills = [tuple(s.tag for s in chapter.skills) for chapter in entry.chapters]
            found += [Chapter(subject, entry.grade, tags) for tags in skills]
            found += [Chapter(subject, entry.grade, a + b) for a, b in pairwise(skills)]
    return tuple(found)


def many_sheets(count: int, layouts_each: int = 3) -> Iterator[tuple[Worksheet, Options]]:
    """`count` printed sheets, the same every run: each worksheet made is printed in
    `layouts_each` different languages and layouts (a new sheet each, for the page)."""
    every = chapters()
    made = 0
    for i in range(count):
        chapter = every[(i * 37) % len(every)]
        worksheet = sheet(chapter, COUNTS[i % len(COUNTS)], TYPES[i % len(TYPES)], i)
        for n in range(layouts_each):
            if made == count:
                return
            yield worksheet, LAYOUTS[(i * layouts_each + n) % len(LAYOUTS)]
            made += 1


def sheet(chapter: Chapter, count: int, qtypes: tuple[QuestionType, ...], seed: int) -> Worksheet:
    """A sheet of `count` questions, or as many as the chapter's skills can make."""
    for tried in (count, 12, 6):
        request = SheetRequest(
            chapter.subject, chapter.grade, skills=chapter.skills, count=tried,
            qtypes=qtypes, seed=seed,
        )  # fmt: skip
        recipient = Recipient(child_id="c1", child_name="Asha Verma", class_name="3A")
        try:
            return assemble(request, recipient, builtin_syllabus(), "2026-11-21")
        except (NotEnoughQuestions, AssemblyError):
            continue
    raise AssertionError(f"no sheet can be made from {chapter}")


SCHOOL = "Government Model Senior Secondary School, Sector 16, Chandigarh"


@cache
def layout_for(options: Options) -> SheetLayout:
    """One layout per options, reused as for a class set (its width cache too)."""
    return SheetLayout(options, font_set())


def printed_pages(worksheet: Worksheet, options: Options) -> dict[str, list[Page]]:
    """The sheet's pages and its key's, as drawing operations."""
    layout = layout_for(options)
    view = sheet_view(worksheet, SCHOOL)
    return {"sheet": layout.worksheet(view), "key": layout.answer_key(view)}
