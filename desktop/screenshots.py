"""`python -m desktop.screenshots OUT_DIR [--scale 1.5]`: a PNG of every page, on demo data.

Builds a realistic school in a temporary folder (Sunrise Public School: two classes of eight
children, worksheets made and graded over three weeks), opens the main window offscreen, shows
each page of `desktop.window.PAGES` in turn, waits until its data has loaded, and saves
`01-<page>.png`, `02-<page>.png`, …; then opens the app on an empty folder and saves the
first-run wizard's pages as `00-first-run-wizard*.png`. Nothing outside OUT_DIR is kept.

The window is 1366×728 device pixels (a 1366×768 screen less its taskbar) whatever the scale,
so `--scale 1.25` shows what a classroom PC set to 125% shows (a smaller window in Qt's logical
pixels, bigger text); `--size 1920x1080` shows a larger screen.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget, QWizard

from curriculum.question import Question
from desktop.app import open_window
from desktop.context import AppContext
from desktop.look import apply_look
from desktop.window import PAGES, MainWindow
from progress.attempts import SCHOOL_TIME, AttemptResult
from progress.grading import grade
from storage.consent import ConsentBasis
from storage.database import Store
from storage.paths import local_database_path
from worksheets.assembly import Recipient, SheetRequest, assemble
from worksheets.model import Worksheet

SCREEN = (1366, 728)
SCHOOL = "Sunrise Public School"
CLASSES: dict[tuple[str, int], tuple[str, ...]] = {
    ("3A", 3): (
        "Aarav Sharma",
        "Diya Patel",
        "Vihaan Reddy",
        "Ananya Iyer",
        "Kabir Singh",
        "Meera Nair",
        "आरव गुप्ता",
        "Rohan Das",
    ),
    ("4B", 4): (
        "Ishaan Mehta",
        "Saanvi Joshi",
        "Arjun Kumar",
        "Priya Menon",
        "Aditya Rao",
        "Kavya Pillai",
        "Rahul Chatterjee",
        "Fatima Shaikh",
    ),
}
CHAPTERS = {3: (3, 4), 4: (2, 4)}  # chapters each class practises
MADE_DAYS_AGO = (21, 14, 9, 4, 1)  # a class set on each of these days; the last is not graded
QUESTIONS_PER_SHEET = 10
SETTLE_QUIET_S = 0.25  # the worker must stay idle this long before a page counts as loaded
SETTLE_TIMEOUT_S = 30.0

SCHOOL_BASIS = ConsentBasis.school("Mrs R. Iyer, Principal")


def build_demo(data_dir: Path, seed: int = 2026) -> None:
    """Fill a new database in `data_dir` with the demo school."""
    rng = random.Random(seed)
    with Store.open(local_database_path(data_dir)) as store:
        store.profiles.save(
            {"role": "teacher", "active_role": "teacher", "school_name": SCHOOL, "grades": [3, 4]}
        )
        for (name, grade_number), children in CLASSES.items():
            class_id = _add_class(store, name, grade_number, children)
            for number, days_ago in enumerate(MADE_DAYS_AGO):
                seed = rng.randrange(10**9)
                sheets = _class_set(store, class_id, name, grade_number, days_ago, seed)
                if number < len(MADE_DAYS_AGO) - 1:
                    _grade_all(store, sheets, days_ago - 1, rng)


def _add_class(store: Store, name: str, grade_number: int, children: Sequence[str]) -> str:
    school_class = store.classes.add({"name": name, "grade": grade_number, "subject": "maths"})
    added = store.children.add_many(
        [{"name": c, "grade": grade_number} for c in children], SCHOOL_BASIS
    )
    for roll, child in enumerate(added, start=1):
        store.classes.add_member(school_class.id or "", child.id or "", str(roll))
    return school_class.id or ""


def _class_set(
    store: Store, class_id: str, class_name: str, grade_number: int, days_ago: int, seed: int
) -> list[Worksheet]:
    """One Maths sheet per child of the class, made `days_ago` days ago (as the CLI does)."""
    syllabus = store.custom_content.syllabus()
    entry = syllabus.grade("maths", grade_number)
    if entry is None:
        raise LookupError(f"the syllabus has no Maths for Class {grade_number}")
    skills = [s.tag for n in CHAPTERS[grade_number] for s in entry.chapters[n - 1].skills]
    made = (date.today() - timedelta(days=days_ago)).isoformat()
    sheets = []
    for index, child in enumerate(store.classes.members(class_id)):
        request = SheetRequest(
            subject="maths",
            grade=grade_number,
            skills=tuple(skills),
            count=QUESTIONS_PER_SHEET,
            seed=seed + index * 104_729,
            settings={"language": "en", "paper": "A4", "large_print": False, "columns": 2},
        )
        recipient = Recipient(
            child_id=child.id,
            class_id=class_id,
            child_name=child.name,
            class_name=class_name,
            used_hashes=store.worksheets.hashes_for_child(child.id or ""),
        )
        sheet = assemble(request, recipient, syllabus, made)
        printed = {**sheet.settings, "printed_at": f"{made}T03:30:00.000Z"}  # as the CLI marks it
        sheets.append(sheet.model_copy(update={"settings": printed}))
    return store.worksheets.add_many(sheets)


def _grade_all(store: Store, sheets: list[Worksheet], days_ago: int, rng: random.Random) -> None:
    """Mark every sheet as a teacher would: most right, some wrong, a few partly right."""
    when = datetime.now(SCHOOL_TIME).replace(hour=15, minute=30) - timedelta(days=days_ago)
    for sheet in sheets:
        child_id = sheet.child_id or ""
        questions = [Question.model_validate(q) for q in sheet.questions]
        level = random.Random(child_id).uniform(0.55, 0.95)  # each child has their own level
        marks = {n: _mark(rng, level) for n in range(1, len(questions) + 1)}
        store.progress.grade(sheet, child_id, grade(questions, None, marks), now=when)


def _mark(rng: random.Random, level: float) -> AttemptResult:
    roll = rng.random()
    return "correct" if roll < level else "partial" if roll < level + 0.05 else "incorrect"


def slug(title: str) -> str:
    """`Account & sync` -> `account-sync`."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "page"


def settle(ctx: AppContext) -> bool:
    """Let the UI run until the worker has been idle for a moment; False if it never was."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        now = time.monotonic()
        if not ctx.worker.idle:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= SETTLE_QUIET_S:
            return True
        time.sleep(0.01)
    return False


def _save(widget: QWidget, path: Path, ctx: AppContext) -> Path:
    if not settle(ctx):
        print(f"warning: {path.name}: the page was still loading after {SETTLE_TIMEOUT_S:.0f} s")
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def capture_pages(
    data_dir: Path, out_dir: Path, scale: float, screen: tuple[int, int] = SCREEN
) -> list[Path]:
    """One PNG per page of the main window, opened on `data_dir`."""
    window = _show(open_window(data_dir), scale, screen)
    try:
        saved = []
        for number, page_type in enumerate(PAGES, start=1):
            window.show_page(page_type)
            name = f"{number:02d}-{slug(page_type.title)}.png"
            saved.append(_save(window, out_dir / name, window.ctx))
        return saved
    finally:
        _close(window)


def capture_wizard(
    empty_dir: Path, out_dir: Path, scale: float, screen: tuple[int, int] = SCREEN
) -> list[Path]:
    """The first-run wizard, as it opens on an empty database, one PNG per page."""
    window = _show(open_window(empty_dir), scale, screen)
    try:
        settle(window.ctx)
        wizard = window.wizard
        if not isinstance(wizard, QWizard):
            raise RuntimeError("the first-run wizard did not open on an empty database")
        saved = [_save(wizard, out_dir / "00-first-run-wizard.png", window.ctx)]
        _answer(wizard)
        for number in range(2, len(wizard.pageIds()) + 1):
            wizard.next()
            saved.append(_save(wizard, out_dir / f"00-first-run-wizard-{number}.png", window.ctx))
        wizard.reject()  # nothing is saved
        return saved
    finally:
        _close(window)


def _answer(wizard: QWizard) -> None:
    """Choose "A teacher" on the first page, so the later pages can be shown."""
    button = wizard.findChild(QRadioButton, "choice-teacher")
    if button is not None:
        button.click()


def _show(window: MainWindow | None, scale: float, screen: tuple[int, int]) -> MainWindow:
    if window is None:
        raise RuntimeError("the window did not open on the demo data folder")
    window.resize(round(screen[0] / scale), round(screen[1] / scale))
    window.show()
    return window


def _close(window: MainWindow) -> None:
    settle(window.ctx)
    window.close()
    window.ctx.worker.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.screenshots", description=__doc__)
    parser.add_argument("out_dir", type=Path, help="folder for the PNG files")
    parser.add_argument("--scale", type=float, default=1.0, help="e.g. 1.5 for 150%% scaling")
    parser.add_argument("--size", default="1366x728", help="the screen, e.g. 1920x1080")
    args = parser.parse_args(argv)
    width, _, height = args.size.partition("x")
    screen = (int(width), int(height))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:  # read by Qt when the QApplication is created
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_look(app)  # the stylesheet and icons the app has
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="practicecraft-demo-") as folder:
        build_demo(Path(folder) / "demo")
        saved = capture_wizard(Path(folder) / "empty", args.out_dir, args.scale, screen)
        saved += capture_pages(Path(folder) / "demo", args.out_dir, args.scale, screen)
    for path in saved:
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
