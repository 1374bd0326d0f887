"""Putting a worksheet together: which skills, how many questions each, in what order.

Modes: *chosen* (the skills asked for, shared out evenly), *adaptive* (weighted by the child's
mastery, see adaptive.py) and *versions* (the same skills with different numbers and order, so
neighbours cannot copy). The result is a full snapshot — questions, seed, generator version and
what is printed in the header — so a stored worksheet re-renders identically forever.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from random import Random

from curriculum.banks import BankItem
from curriculum.engine import Shortfall, make_questions
from curriculum.question import Question, QuestionType, worksheet_hash
from curriculum.syllabus import Chapter, Syllabus
from worksheets.adaptive import SkillStatus, apportion, weigh_skills
from worksheets.codes import worksheet_code
from worksheets.model import Worksheet, WorksheetMode
from worksheets.notes import shortfall_notes

GENERATOR_VERSION = "2026.12-1"
MAX_RETRIES = 8
SUBJECT_NAMES = {"maths": "Maths", "english": "English", "evs": "EVS", "custom": "My syllabus"}
SUBJECT_NAMES_HI = {
    "maths": "गणित",
    "english": "अंग्रेज़ी",
    "evs": "पर्यावरण अध्ययन",
    "custom": "मेरा पाठ्यक्रम",
}


class AssemblyError(ValueError):
    """The request cannot make a worksheet (no skills, unknown skill, ...)."""


@dataclass(frozen=True)
class SheetRequest:
    subject: str
    grade: int
    skills: tuple[str, ...] = ()  # chosen skills; for adaptive, limits the choice if given
    count: int = 20
    mode: WorksheetMode = "chosen"
    difficulty: int | None = None
    qtypes: tuple[QuestionType, ...] = ()
    seed: int = 1
    settings: dict[str, object] = field(default_factory=dict)  # language, paper, large_print...


@dataclass(frozen=True)
class Recipient:
    """Who the sheet is for: printed in its header and kept in its snapshot."""

    child_id: str | None = None
    class_id: str | None = None
    child_name: str | None = None
    class_name: str | None = None
    statuses: dict[str, SkillStatus] = field(default_factory=dict)
    used_hashes: frozenset[str] = frozenset()  # sheets this child already had


def assemble(
    request: SheetRequest,
    recipient: Recipient,
    syllabus: Syllabus,
    today: str,
    version_label: str | None = None,
    extra_items: Sequence[BankItem] = (),
) -> Worksheet:
    """One worksheet; never one identical to a sheet the child already had."""
    plan = _plan(request, recipient, syllabus, today)
    for attempt in range(MAX_RETRIES):
        seed = request.seed + attempt * 7919
        questions, shortfalls = _questions(plan, request, seed, version_label, extra_items)
        digest = worksheet_hash(questions)
        if digest not in recipient.used_hashes:
            notes = shortfall_notes(shortfalls, syllabus, request.qtypes, request.difficulty)
            made = Made(questions, seed, digest, notes)
            return _worksheet(request, recipient, syllabus, plan, made, version_label, today)
    raise AssemblyError("could not make a worksheet this child has not had; choose more skills")


def _plan(
    request: SheetRequest, recipient: Recipient, syllabus: Syllabus, today: str
) -> dict[str, int]:
    if request.mode == "adaptive":
        candidates = request.skills or _grade_skills(
            syllabus, request.subject, request.grade, recipient.statuses
        )
        weights = weigh_skills(candidates, recipient.statuses, today)
    else:
        if not request.skills:
            raise AssemblyError("choose at least one skill or chapter")
        weights = {tag: 1 for tag in request.skills}
    for tag in weights:
        try:
            syllabus.skill(tag)
        except LookupError:
            raise AssemblyError(f"no skill {tag!r} in the syllabus") from None
    return apportion(weights, request.count)


def _grade_skills(
    syllabus: Syllabus, subject: str, grade: int, statuses: dict[str, SkillStatus]
) -> list[str]:
    """The child's own grade, plus earlier grades' skills they are still learning."""
    skills: list[str] = []
    for _name, entry in syllabus.entries(subject=subject):
        for chapter in entry.chapters:
            for skill in chapter.skills:
                still_learning = statuses.get(skill.tag, SkillStatus()).level in (
                    "learning",
                    "improving",
                )
                if entry.grade == grade or (entry.grade < grade and still_learning):
                    skills.append(skill.tag)
    if not skills:
        raise AssemblyError(f"the syllabus has no {subject} skills for Class {grade}")
    return skills


def _questions(
    plan: dict[str, int],
    request: SheetRequest,
    seed: int,
    version_label: str | None,
    extra_items: Sequence[BankItem],
) -> tuple[list[Question], list[Shortfall]]:
    used: set[str] = set()
    questions: list[Question] = []
    shortfalls: list[Shortfall] = []
    salt = f"{seed}:{version_label or ''}"
    for tag, count in plan.items():
        batch = make_questions(
            tag,
            count,
            _seed(salt, tag),
            difficulty=request.difficulty,
            qtypes=request.qtypes,
            avoid=used,
            extra_items=extra_items,
        )
        used.update(q.key for q in batch.questions)
        questions += batch.questions
        shortfalls += batch.shortfalls
    if version_label:  # versions also differ in order, so a neighbour's sheet does not help
        Random(salt).shuffle(questions)
    return in_sections(questions), shortfalls


# Sections of a sheet, in the order a CBSE worksheet has them.
SECTION_ORDER = (
    "fill_blank", "choose_word", "multiple_choice", "true_false", "match",
    "error_identification", "rewrite", "word_problem", "open_response",
)  # fmt: skip


def in_sections(questions: list[Question]) -> list[Question]:
    """Questions with the same instruction together (fill in the blanks, then choose the
    answer, ...), so the sheet prints each instruction once, above its section; the order
    within a section is kept."""
    sections: dict[tuple[str, str | None], tuple[int, int]] = {}
    for index, question in enumerate(questions):
        rank = SECTION_ORDER.index(question.qtype) if question.qtype in SECTION_ORDER else 99
        sections.setdefault((question.instruction.en, question.instruction.hi), (rank, index))
    return sorted(questions, key=lambda q: sections[(q.instruction.en, q.instruction.hi)])


def _seed(salt: str, tag: str) -> int:
    return Random(f"{salt}|{tag}").getrandbits(48)


@dataclass(frozen=True)
class Made:
    """The questions of one sheet, the seed that made them, and the notes for the teacher."""

    questions: Collection[Question]
    seed: int
    digest: str
    notes: list[str]


def _worksheet(
    request: SheetRequest,
    recipient: Recipient,
    syllabus: Syllabus,
    plan: dict[str, int],
    made: Made,
    version_label: str | None,
    today: str,
) -> Worksheet:
    main_skill = max(plan, key=lambda t: plan[t])
    chapters = {syllabus.chapter_of(tag).title for tag in plan}
    subject = SUBJECT_NAMES.get(request.subject, request.subject.title())
    title = (
        f"{subject} — {chapters.pop()}"
        if len(chapters) == 1
        else f"{subject} — Class {request.grade} practice"
    )
    skill = syllabus.skill(main_skill)
    settings = {
        **request.settings,
        "title": title,
        "title_hi": _title_hi(request, [syllabus.chapter_of(tag) for tag in plan]),
        "concept": {"en": skill.concept, "hi": skill.concept_hi},
        "child_name": recipient.child_name,
        "class_name": recipient.class_name,
        "date": printed_date(today),
        "skills": plan,
        **({"notes": made.notes} if made.notes else {}),
    }
    return Worksheet(
        child_id=recipient.child_id,
        class_id=recipient.class_id,
        code=worksheet_code(),
        title=title,
        subject=request.subject,
        grade=request.grade,
        mode=request.mode,
        version_label=version_label,
        seed=made.seed,
        generator_version=GENERATOR_VERSION,
        questions=[q.model_dump(mode="json") for q in made.questions],
        settings=settings,
        verification_hash=made.digest,
    )


def _title_hi(request: SheetRequest, chapters: list[Chapter]) -> str:
    """The title a Hindi sheet prints: "गणित — लेन-देन", or "गणित — कक्षा 3 अभ्यास"."""
    subject = SUBJECT_NAMES_HI.get(request.subject, "अभ्यास")
    titles = {c.title_hi or (c.title if request.subject == "custom" else None) for c in chapters}
    if len(titles) == 1 and None not in titles:
        return f"{subject} — {titles.pop()}"
    return f"{subject} — कक्षा {request.grade} अभ्यास"


def printed_date(iso: str) -> str:
    """2026-11-21 -> 21 Nov 2026, as Indian schools write dates."""
    day = date.fromisoformat(iso[:10])
    return f"{day.day} {day:%b %Y}"
