"""The teacher's choices are honoured, and every chapter fills a sheet (issue 15, section 7)."""

from __future__ import annotations

from collections import Counter

import pytest

from curriculum.banks import builtin_bank
from curriculum.engine import NotEnoughQuestions, generate, make_questions
from curriculum.generators import get_generator
from curriculum.generators.registry import UnknownSkill
from curriculum.syllabus import builtin_syllabus
from worksheets.assembly import Recipient, SheetRequest, assemble

TODAY = "2026-12-01"
CHAPTERS = [
    (subject, book.grade, chapter.number, tuple(s.tag for s in chapter.skills))
    for subject, book in builtin_syllabus().entries()
    for chapter in book.chapters
]


def _is_generated(tag: str) -> bool:
    try:
        get_generator(tag)
    except UnknownSkill:
        return False
    return True


@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize(
    ("subject", "grade", "number", "skills"),
    CHAPTERS,
    ids=[f"{s}.c{g}.ch{n}" for s, g, n, _ in CHAPTERS],
)
def test_every_chapter_fills_a_20_question_sheet_at_every_difficulty(
    subject: str, grade: int, number: int, skills: tuple[str, ...], difficulty: int
) -> None:
    request = SheetRequest(subject, grade, skills, count=20, difficulty=difficulty, seed=number)
    sheet = assemble(request, Recipient(child_id="c"), builtin_syllabus(), TODAY)
    assert len(sheet.questions) == len({q["key"] for q in sheet.questions}) == 20
    generated = [q for q in sheet.questions if _is_generated(q["skill_tag"])]
    assert all(q["difficulty"] == difficulty for q in generated)


def test_every_evs_chapter_holds_at_least_40_questions() -> None:
    bank = builtin_bank()
    for _, book in builtin_syllabus().entries(subject="evs"):
        for chapter in book.chapters:
            for skill in chapter.skills:
                assert len(bank.get(skill.tag, ())) >= 40, f"{skill.tag}: {len(bank[skill.tag])}"


BANK_SKILLS = sorted(tag for tag in builtin_bank() if not _is_generated(tag))


@pytest.mark.parametrize("skill_tag", BANK_SKILLS)
def test_a_bank_skill_gives_the_asked_level_while_it_has_it(skill_tag: str) -> None:
    """An item-bank skill used to ignore --difficulty (two thirds of its items were not what
    was asked): it gives every item of the level before any other."""
    at_level = Counter(item.difficulty for item in builtin_bank()[skill_tag])
    for level in (1, 2, 3):
        count = min(20, at_level[level])
        if count:
            made = generate(skill_tag, count, seed=level, difficulty=level)
            assert all(q.difficulty == level for q in made), skill_tag


@pytest.mark.parametrize("skill_tag", BANK_SKILLS)
def test_a_bank_skill_gives_the_asked_types_while_it_has_them(skill_tag: str) -> None:
    """And it used to ignore --types (four in five items were of another type)."""
    kinds = Counter(item.type for item in builtin_bank()[skill_tag])
    for kind, available in kinds.items():
        made = generate(skill_tag, min(available, 10), seed=3, qtypes=[kind])  # type: ignore[list-item]
        assert all(q.qtype == kind for q in made), skill_tag


def test_what_a_bank_cannot_give_as_asked_is_said_not_hidden() -> None:
    """Asking for more hard true-or-false questions than the bank has fills the sheet from
    what it has, and the shortfall says how many are not as asked."""
    tag = "evs.c3.food_we_eat"
    items = builtin_bank()[tag]
    hard_true_false = [i for i in items if i.type == "true_false" and i.difficulty == 3]
    batch = make_questions(tag, 20, seed=1, difficulty=3, qtypes=["true_false"])
    wanted = [q for q in batch.questions if q.qtype == "true_false" and q.difficulty == 3]
    assert len(wanted) == len(hard_true_false)
    by_kind = {s.what: s for s in batch.shortfalls}
    assert by_kind["types"].missing == sum(1 for q in batch.questions if q.qtype != "true_false")
    assert by_kind["difficulty"].missing == sum(1 for q in batch.questions if q.difficulty != 3)


def test_a_sheet_keeps_a_note_of_what_is_not_as_asked() -> None:
    skills = ("evs.c3.food_we_eat",)
    request = SheetRequest("evs", 3, skills, count=20, difficulty=3, qtypes=("true_false",))
    sheet = assemble(request, Recipient(child_id="c"), builtin_syllabus(), TODAY)
    notes = sheet.settings["notes"]
    assert any("“Food We Eat”" in n and "hard" in n for n in notes)
    assert any("true or false" in n for n in notes)
    assert not any("evs.c3" in n for n in notes)


def test_a_sheet_made_as_asked_has_no_notes() -> None:
    request = SheetRequest("maths", 3, ("maths.c3.mult_tables",), count=20, difficulty=2)
    sheet = assemble(request, Recipient(child_id="c"), builtin_syllabus(), TODAY)
    assert "notes" not in sheet.settings


def test_too_few_questions_are_named_by_the_skill_not_its_tag() -> None:
    """ "only 5 different questions could be made for maths.c3.solids_faces" names a tag."""
    with pytest.raises(NotEnoughQuestions) as raised:
        generate("maths.c3.solids_faces", 400, seed=1, difficulty=1)
    assert "maths.c3" not in str(raised.value)
    assert "“Faces, edges and corners of solids” (Class 3 Maths)" in str(raised.value)
