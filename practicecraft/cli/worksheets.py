"""`practicecraft worksheet create|render`: make worksheets and class sets, print them to PDF."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import click

from curriculum.question import QUESTION_TYPES, QuestionType
from curriculum.syllabus import Syllabus
from practicecraft.cli.context import App, pass_app
from practicecraft.cli.curriculum import full_syllabus
from storage.errors import InvalidInput
from storage.records import Child
from worksheets.adaptive import SkillStatus
from worksheets.assembly import AssemblyError, Recipient, SheetRequest, assemble
from worksheets.model import Worksheet, WorksheetMode
from worksheets.quota import check_quota
from worksheets.render.fonts import FontNotFound
from worksheets.render.pdf import render_pdf
from worksheets.views import render_options, sheet_view

VERSION_LABELS = "ABCDEF"


@click.group()
def worksheet() -> None:
    """Worksheets: make, print, re-print."""


@worksheet.command("create")
@click.option("--child", "child_id", default=None, help="For one child (id).")
@click.option("--class", "class_name", default=None, help="A class set: one sheet per child.")
@click.option("--subject", required=True, help="maths, english, evs or custom.")
@click.option("--chapters", multiple=True, type=int, help="Chapter numbers (repeat the option).")
@click.option("--skills", multiple=True, help="Skill tags (repeat the option).")
@click.option("--count", type=click.IntRange(1, 60), default=20, show_default=True)
@click.option(
    "--mode",
    type=click.Choice(["chosen", "adaptive", "versions"]),
    default="chosen",
    show_default=True,
)
@click.option(
    "--versions",
    type=click.IntRange(2, 6),
    default=2,
    show_default=True,
    help="How many versions (mode versions).",
)
@click.option("--difficulty", type=click.IntRange(1, 3), default=None)
@click.option("--types", "qtypes", multiple=True, type=click.Choice(QUESTION_TYPES))
@click.option("--lang", type=click.Choice(["en", "hi", "both"]), default="en", show_default=True)
@click.option("--paper", type=click.Choice(["A4", "Letter"]), default="A4", show_default=True)
@click.option("--large-print", is_flag=True, help="About 1.5× text, one column (Classes 1–2).")
@click.option("--columns", type=click.IntRange(1, 3), default=2, show_default=True)
@click.option(
    "--seed", type=int, default=None, help="Fix the questions (default: new ones each time)."
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--answer-key", "key_path", type=click.Path(dir_okay=False, path_type=Path), default=None
)
@pass_app
def create(
    app: App,
    /,
    child_id: str | None,
    class_name: str | None,
    out: Path,
    key_path: Path | None,
    **options: Any,
) -> None:
    """Make worksheets, save them, and write the PDF; prints the worksheet ids."""
    if (child_id is None) == (class_name is None):
        raise click.UsageError("give exactly one of --child and --class")
    choice = Choice(**options)
    syllabus = full_syllabus(app)
    children, grade, class_id = _recipients(app, child_id, class_name)
    request = choice.request(syllabus, grade)
    check_quota(len(children))
    sheets = _make_sheets(app, syllabus, request, children, class_id, class_name, choice.versions)
    saved = app.store.worksheets.add_many(sheets)
    _render(saved, out, key_path, school=_school(app))
    for sheet in saved:
        click.echo(sheet.id)


@dataclass(frozen=True)
class Choice:
    """What the teacher asked for on the command line."""

    subject: str
    chapters: tuple[int, ...]
    skills: tuple[str, ...]
    count: int
    mode: WorksheetMode
    versions: int
    difficulty: int | None
    qtypes: tuple[QuestionType, ...]
    lang: str
    paper: str
    large_print: bool
    columns: int
    seed: int | None

    def request(self, syllabus: Syllabus, grade: int) -> SheetRequest:
        subject = self.subject.lower()
        skills = list(self.skills)
        entry = syllabus.grade(subject, grade)
        for number in self.chapters:
            if entry is None or not 1 <= number <= len(entry.chapters):
                raise InvalidInput(f"{subject} Class {grade} has no chapter {number}")
            skills += [s.tag for s in entry.chapters[number - 1].skills]
        settings: dict[str, object] = {
            "language": self.lang,
            "paper": self.paper,
            "large_print": self.large_print,
            "columns": self.columns,
        }
        return SheetRequest(
            subject=subject,
            grade=grade,
            skills=tuple(dict.fromkeys(skills)),
            count=self.count,
            mode=self.mode,
            difficulty=self.difficulty,
            qtypes=self.qtypes,
            seed=self.seed if self.seed is not None else int.from_bytes(os.urandom(6)),
            settings=settings,
        )


def _recipients(
    app: App, child_id: str | None, class_name: str | None
) -> tuple[list[Child], int, str | None]:
    store = app.store
    if child_id:
        child = store.children.get(child_id)
        return [child], child.grade, None
    school_class = store.classes.by_name(class_name or "")
    members = store.classes.members(school_class.id or "")
    if not members:
        raise InvalidInput(f"class {school_class.name} has no children yet; import a roster first")
    return members, school_class.grade, school_class.id


def _make_sheets(
    app: App,
    syllabus: Syllabus,
    request: SheetRequest,
    children: list[Child],
    class_id: str | None,
    class_name: str | None,
    versions: int,
) -> list[Worksheet]:
    """One sheet per child (versions shared round the class), or K versions for one child."""
    store, today = app.store, date.today().isoformat()
    items = store.custom_content.items()
    per_child = versions if request.mode == "versions" and len(children) == 1 else 1
    sheets = []
    try:
        for index, child in enumerate(children):
            recipient = Recipient(
                child_id=child.id,
                class_id=class_id,
                child_name=child.name,
                class_name=class_name,
                statuses=_statuses(app, child.id or ""),
                used_hashes=store.worksheets.hashes_for_child(child.id or ""),
            )
            for copy in range(per_child):
                label = _version_label(request, index + copy, versions)
                child_request = request if label else _for_child(request, index)
                sheets.append(assemble(child_request, recipient, syllabus, today, label, items))
    except AssemblyError as error:
        raise InvalidInput(str(error)) from None
    return sheets


def _version_label(request: SheetRequest, index: int, versions: int) -> str | None:
    return VERSION_LABELS[index % versions] if request.mode == "versions" else None


def _for_child(request: SheetRequest, index: int) -> SheetRequest:
    """Each child of a class set gets their own numbers."""
    return replace(request, seed=request.seed + index * 104_729)


def _statuses(app: App, child_id: str) -> dict[str, SkillStatus]:
    mastery = app.store.progress.mastery(child_id)
    return {tag: SkillStatus(m.level, m.review_due) for tag, m in mastery.items()}


def _school(app: App) -> str:
    profile = app.store.profiles.current()
    return profile.school_name or profile.display_name or "" if profile else ""


def _render(sheets: list[Worksheet], out: Path, key_path: Path | None, school: str) -> None:
    try:
        render_pdf(
            [sheet_view(s, school) for s in sheets], out, render_options(sheets[0]), key_path
        )
    except FontNotFound as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write the PDF: {error}") from None


@worksheet.command("render")
@click.argument("worksheet_id")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--answer-key", "key_path", type=click.Path(dir_okay=False, path_type=Path), default=None
)
@pass_app
def render(app: App, worksheet_id: str, out: Path, key_path: Path | None) -> None:
    """Print a saved worksheet again (by id or printed code): the same sheet as before."""
    _render([app.store.worksheets.find(worksheet_id)], out, key_path, school=_school(app))
    click.echo(out)
