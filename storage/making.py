"""Making worksheets: from what the teacher chose to assembled sheets, ready to save and print.

The one way to make worksheets, shared by the command line and the desktop. `make_worksheets` reads
the store (children, classes, mastery, sheets already given) but saves nothing; `print_and_save`
then prints the sheets and saves them so that either both happen or neither.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from curriculum.engine import NotEnoughQuestions
from curriculum.question import QuestionType
from curriculum.syllabus import Syllabus
from storage import entitlement
from storage.errors import InvalidInput
from storage.records import Child
from storage.writer import utc_now
from worksheets.adaptive import SkillStatus
from worksheets.assembly import AssemblyError, Recipient, SheetRequest, assemble
from worksheets.model import Worksheet, WorksheetMode
from worksheets.quota import check_quota
from worksheets.render.fonts import DEFAULT_FONTS, FontChoice
from worksheets.render.pdf import Rendered, render_pdf
from worksheets.views import render_options, sheet_view

if TYPE_CHECKING:
    from storage.database import Store

VERSION_LABELS = "ABCDEF"
# Each child of a class set gets their own numbers: seeds a prime apart.
SEED_STEP_PER_CHILD = 104_729

ProgressCallback = Callable[[int, int], None]  # (children done, children in all)


@dataclass(frozen=True)
class SheetOrder:
    """What the teacher asked for: subject, chapters or skills, and how the sheet looks."""

    subject: str
    chapters: tuple[int, ...] = ()
    skills: tuple[str, ...] = ()
    count: int = 20
    mode: WorksheetMode | None = None  # None: the chosen skills, or with none the adaptive mix
    versions: int = 2
    difficulty: int | None = None
    qtypes: tuple[QuestionType, ...] = ()
    language: str = "en"
    paper: str = "A4"
    large_print: bool = False
    columns: int = 2
    seed: int | None = None  # None: new questions each time

    def request(self, syllabus: Syllabus, grade: int) -> SheetRequest:
        """The assembly request for a class (grade); chapter numbers become their skills."""
        subject = self.subject.lower()
        skills = list(self.skills)
        entry = syllabus.grade(subject, grade)
        for number in self.chapters:
            if entry is None or not 1 <= number <= len(entry.chapters):
                raise InvalidInput(f"{subject} Class {grade} has no chapter {number}")
            skills += [s.tag for s in entry.chapters[number - 1].skills]
        return SheetRequest(
            subject=subject,
            grade=grade,
            skills=tuple(dict.fromkeys(skills)),
            count=self.count,
            mode=self.mode_for(skills),
            difficulty=self.difficulty,
            qtypes=self.qtypes,
            seed=self.seed if self.seed is not None else int.from_bytes(os.urandom(6)),
            settings=self._settings(),
        )

    def mode_for(self, skills: list[str]) -> WorksheetMode:
        """The mode asked for; when none was (the command line without --mode), the chosen
        skills, or with nothing chosen what each child should practise next (the adaptive
        mix). The window always says its mode: "chosen" with nothing ticked asks for a choice."""
        if self.mode is not None:
            return self.mode
        return "chosen" if skills else "adaptive"

    def _settings(self) -> dict[str, object]:
        return {
            "language": self.language,
            "paper": self.paper,
            "large_print": self.large_print,
            "columns": self.columns,
        }


@dataclass(frozen=True)
class Recipients:
    """Who the sheets are for: one child, or a class's children."""

    children: list[Child]
    grade: int
    class_id: str | None = None
    class_name: str | None = None
    rolls: dict[str, str] = field(default_factory=dict)  # child id -> roll number in the class


def make_worksheets(
    store: Store,
    order: SheetOrder,
    *,
    child_id: str | None = None,
    class_name: str | None = None,
    today: date,
    progress: ProgressCallback | None = None,
) -> list[Worksheet]:
    """Assemble the sheets (not saved): one per child of a class, or one (or K versions) for
    one child. `progress(done, total)` is called after each child; if it raises (the user
    cancelled), nothing has been saved."""
    if (child_id is None) == (class_name is None):
        raise InvalidInput("choose one child or one class")
    syllabus = store.custom_content.syllabus()
    recipients = find_recipients(store, child_id, class_name)
    request = order.request(syllabus, recipients.grade)
    wanted = len(recipients.children) * (
        order.versions if child_id and order.mode == "versions" else 1
    )
    check_quota(wanted, entitlement.current(store))
    try:
        return _assemble_all(store, syllabus, request, recipients, order.versions, today, progress)
    except AssemblyError as error:
        raise InvalidInput(str(error)) from None
    except NotEnoughQuestions as error:
        raise InvalidInput(
            f"{error}; ask for fewer questions, or choose more skills or other question types"
        ) from None


def find_recipients(store: Store, child_id: str | None, class_name: str | None) -> Recipients:
    if child_id:
        child = store.children.get(child_id)
        store.consents.require_active(child_id)
        return Recipients([child], child.grade)
    school_class = store.classes.by_name(class_name or "")
    members = store.classes.members(school_class.id or "")
    if not members:
        raise InvalidInput(f"class {school_class.name} has no children yet; import a roster first")
    withdrawn = store.consents.withdrawn_children()  # consent withdrawn: left out of the set
    members = [member for member in members if member.id not in withdrawn]
    if not members:
        raise InvalidInput(f"consent was withdrawn for every child of class {school_class.name}")
    rolls = store.classes.roll_numbers(school_class.id or "")
    members.sort(key=lambda child: roll_order(rolls.get(child.id or "")))  # the register's order
    return Recipients(members, school_class.grade, school_class.id, class_name, rolls)


def roll_order(roll: str | None) -> tuple[int, int, str]:
    """Roll numbers in the order a register lists them: 2 before 10, children without one last."""
    if not roll:
        return (1, 0, "")
    digits = roll.strip()
    return (0, int(digits), "") if digits.isdigit() else (0, 10**9, digits.casefold())


def _assemble_all(
    store: Store,
    syllabus: Syllabus,
    request: SheetRequest,
    recipients: Recipients,
    versions: int,
    today: date,
    progress: ProgressCallback | None,
) -> list[Worksheet]:
    """Versions are shared round a class; one child asking for versions gets all K."""
    items = store.custom_content.items()
    children = recipients.children
    per_child = versions if request.mode == "versions" and len(children) == 1 else 1
    sheets = []
    for index, child in enumerate(children):
        recipient = _recipient(store, child, recipients)
        for copy in range(per_child):
            label = version_label(request, index + copy, versions)
            child_request = request if label else for_child(request, index)
            sheet = assemble(child_request, recipient, syllabus, today.isoformat(), label, items)
            roll = recipients.rolls.get(child.id or "")
            if roll:  # printed in the header, kept in the snapshot so a re-print is the same
                sheet.settings["roll_number"] = roll
            sheets.append(sheet)
        if progress is not None:
            progress(index + 1, len(children))
    return sheets


def _recipient(store: Store, child: Child, recipients: Recipients) -> Recipient:
    return Recipient(
        child_id=child.id,
        class_id=recipients.class_id,
        child_name=child.name,
        class_name=recipients.class_name,
        statuses=skill_statuses(store, child.id or ""),
        used_hashes=store.worksheets.hashes_for_child(child.id or ""),
    )


def version_label(request: SheetRequest, index: int, versions: int) -> str | None:
    return VERSION_LABELS[index % versions] if request.mode == "versions" else None


def for_child(request: SheetRequest, index: int) -> SheetRequest:
    """Each child of a class set gets their own numbers."""
    return replace(request, seed=request.seed + index * SEED_STEP_PER_CHILD)


def skill_statuses(store: Store, child_id: str) -> dict[str, SkillStatus]:
    mastery = store.progress.mastery(child_id)
    return {tag: SkillStatus(m.level, m.review_due) for tag, m in mastery.items()}


def school_name(store: Store) -> str:
    """What the sheet's header names: the school, or the family's name."""
    profile = store.profiles.current()
    return profile.school_name or profile.display_name or "" if profile else ""


def write_pdf(
    sheets: list[Worksheet],
    out: Path,
    key_path: Path | None = None,
    *,
    school: str = "",
    fonts: FontChoice = DEFAULT_FONTS,
) -> Rendered:
    """Print the sheets (a class set in one PDF) and, if asked, their answer key.

    `fonts` is the device's choice (`store.settings.font_choice`). Raises FontNotFound (a font
    file is missing or damaged) and OSError (cannot write the file).
    """
    views = [sheet_view(sheet, school) for sheet in sheets]
    return render_pdf(views, out, render_options(sheets[0]), key_path, fonts=fonts)


def printed_now(sheets: list[Worksheet]) -> list[Worksheet]:
    """The sheets marked as printed (the Worksheets library then keeps them from deletion)."""
    now = utc_now()
    return [s.model_copy(update={"settings": {**s.settings, "printed_at": now}}) for s in sheets]


@dataclass(frozen=True)
class PrintedSheets:
    sheets: list[Worksheet]  # as saved, with their ids
    rendered: Rendered


def print_and_save(
    store: Store,
    sheets: list[Worksheet],
    out: Path,
    key_path: Path | None = None,
    *,
    school: str = "",
    before_save: Callable[[], None] | None = None,
) -> PrintedSheets:
    """Print the sheets (and key) and save them: both, or neither.

    The PDFs are written to temporary files beside their targets, the sheets are saved, and the
    files are renamed into place before that transaction commits; a failure (or `before_save`
    raising, e.g. the user cancelled) at any step leaves no sheet saved and no new file. A
    process killed part way leaves at most a hidden `.partial` file, never a truncated PDF.
    """
    fonts = store.settings.font_choice
    with _printed_beside(sheets, out, key_path, school, fonts) as (rendered, moves):
        if before_save is not None:
            before_save()
        saved = _save_and_place(store, sheets, moves)
    return PrintedSheets(saved, rendered)


def print_sheets(
    sheets: list[Worksheet],
    out: Path,
    key_path: Path | None = None,
    *,
    school: str = "",
    fonts: FontChoice = DEFAULT_FONTS,
) -> Rendered:
    """`write_pdf` for sheets already saved: each file appears whole, or not at all."""
    with _printed_beside(sheets, out, key_path, school, fonts) as (rendered, moves):
        for temporary, target in moves:
            os.replace(temporary, target)
    return rendered


Moves = list[tuple[Path, Path]]  # (temporary file, where it goes)


@contextlib.contextmanager
def _printed_beside(
    sheets: list[Worksheet], out: Path, key_path: Path | None, school: str, fonts: FontChoice
) -> Iterator[tuple[Rendered, Moves]]:
    """The PDFs printed to temporary files beside their targets, and where each goes."""
    key_place = _temporary_beside(key_path) if key_path else contextlib.nullcontext(None)
    with _temporary_beside(out) as pdf, key_place as key:
        rendered = write_pdf(sheets, pdf, key, school=school, fonts=fonts)
        yield rendered, [(pdf, out)] + ([(key, key_path)] if key and key_path else [])


def _save_and_place(store: Store, sheets: list[Worksheet], moves: Moves) -> list[Worksheet]:
    """Save the sheets and rename the files in one transaction; undo the renames if it fails."""
    placed: list[Path] = []
    try:
        with store.write():
            saved = store.worksheets.add_many(sheets)
            for temporary, target in moves:
                os.replace(temporary, target)
                placed.append(target)
    except BaseException:
        for target in placed:  # a PDF whose sheets are not saved could never be graded
            target.unlink(missing_ok=True)
        raise
    return saved


@contextlib.contextmanager
def _temporary_beside(target: Path) -> Iterator[Path]:
    """A new file in the target's folder (so renaming it is atomic), with the mode a new file
    there would get; removed unless it was renamed into place."""
    temporary = target.with_name(f".{target.stem}-{os.urandom(6).hex()}.partial")
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)
