"""The background half of the Make worksheets page: what the form offers, and making the sheets.

Both functions run on the database worker (they receive the `Store`); nothing here touches a
widget. Making is all-or-nothing: sheets are assembled and printed to PDF first, and saved in
one transaction only when that worked and the user has not cancelled (`print_and_save`, the
same path as the command line's).
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from curriculum.syllabus import Syllabus
from desktop.worker import Progress
from storage.database import Store
from storage.making import SheetOrder, make_worksheets, print_and_save, school_name
from storage.records import Child
from worksheets.model import Worksheet

MAKING_SHARE = 0.3  # of the progress bar: assembling; printing to PDF takes the rest
PREVIEWS_KEPT_FOR_S = 24 * 3600


@dataclass(frozen=True)
class ClassChoice:
    id: str
    name: str
    grade: int
    subject: str | None
    size: int


@dataclass(frozen=True)
class BuilderChoices:
    """Who the sheets can be for, the syllabus, and the profile's defaults."""

    children: list[Child]
    classes: list[ClassChoice]
    syllabus: Syllabus
    language: str = "en"
    paper: str = "A4"
    teacher: bool = False


@dataclass(frozen=True)
class MakeRequest:
    order: SheetOrder
    child_id: str | None = None
    class_name: str | None = None
    answer_key: bool = True


@dataclass(frozen=True)
class MadeSheets:
    """Saved worksheets and their PDFs (in the data folder's previews)."""

    sheets: list[Worksheet]
    pdf: Path
    key: Path | None
    sheet_pages: int
    key_pages: int


def load_choices(store: Store, _progress: Progress) -> BuilderChoices:
    profile = store.profiles.current()
    classes = [
        ClassChoice(c.id or "", c.name, c.grade, c.subject, len(store.classes.members(c.id or "")))
        for c in store.classes.all()
    ]
    return BuilderChoices(
        children=store.children.all(),
        classes=classes,
        syllabus=store.custom_content.syllabus(),
        language=profile.worksheet_language if profile else "en",
        paper=profile.paper_size if profile else "A4",
        teacher=profile is not None and profile.active_role == "teacher",
    )


def make_sheets(store: Store, progress: Progress, request: MakeRequest, folder: Path) -> MadeSheets:
    """Assemble, print to PDF in `folder`, then save; cancelling leaves nothing saved."""

    def made(done: int, total: int) -> None:
        progress.update(MAKING_SHARE * done / total, f"Made {done} of {total} worksheets…")

    sheets = make_worksheets(
        store,
        request.order,
        child_id=request.child_id,
        class_name=request.class_name,
        today=date.today(),
        progress=made,
    )
    pdf, key = preview_paths(folder, request.answer_key)
    try:
        progress.update(MAKING_SHARE, "Printing to PDF…")
        printed = print_and_save(
            store,
            sheets,
            pdf,
            key,
            school=school_name(store),
            # the last moment Cancel can stop it: nothing is saved yet
            before_save=lambda: progress.update(1.0, "Saving…"),
        )
    except BaseException:
        remove_files((pdf, key))
        raise
    rendered = printed.rendered
    return MadeSheets(printed.sheets, pdf, key, rendered.sheet_pages, rendered.key_pages)


def preview_paths(folder: Path, answer_key: bool) -> tuple[Path, Path | None]:
    """New files for the sheets (and key) in `folder`; old previews are tidied away."""
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale(folder)
    handle, name = tempfile.mkstemp(prefix="worksheets-", suffix=".pdf", dir=folder)
    os.close(handle)
    pdf = Path(name)
    return pdf, pdf.with_name(f"{pdf.stem}-key.pdf") if answer_key else None


def remove_files(paths: tuple[Path | None, ...]) -> None:
    for path in paths:
        if path is not None:
            path.unlink(missing_ok=True)


def _remove_stale(folder: Path) -> None:
    oldest = time.time() - PREVIEWS_KEPT_FOR_S
    for path in folder.glob("worksheets-*.pdf"):
        try:
            if path.stat().st_mtime < oldest:
                path.unlink()
        except OSError:  # in use or gone already: try again next time
            continue
