"""The Today page: what to do next, each line one click from doing it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid as shiboken_valid

from curriculum.engine import generate
from curriculum.question import worksheet_hash
from desktop.context import AppContext
from desktop.pages.account import AccountPage
from desktop.pages.builder import BuilderPage
from desktop.pages.children import ChildrenPage
from desktop.pages.classes import ClassesPage
from desktop.pages.grading import GradingPage
from desktop.pages.settings import SettingsPage
from desktop.pages.today import TodayPage
from desktop.pages.today_lines import Line, Section
from desktop.sync_control import SyncController
from desktop.window import MainWindow
from progress.attempts import SCHOOL_TIME
from progress.grading import grade
from storage.backup import list_backups
from storage.database import Store
from sync.scheduler import SyncState, SyncStatus
from sync.settings import AccountState, save_account
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle
from worksheets.model import Worksheet

SKILL = "maths.c3.add_3digit_regroup"
InStore = Callable[[Callable[[Store], Any]], Any]


def printed_sheet(
    store: Store,
    child_id: str | None,
    code: str,
    class_id: str | None = None,
    printed: bool = True,
    seed: int = 7,
) -> Worksheet:
    questions = generate(SKILL, 5, seed=seed)
    settings: dict[str, Any] = {"date": "2 Nov 2026"}
    if printed:
        settings["printed_at"] = "2026-11-02T05:00:00.000Z"
    return store.worksheets.add(
        Worksheet(
            child_id=child_id,
            class_id=class_id,
            code=code,
            title="Maths — Addition",
            subject="maths",
            grade=3,
            mode="chosen",
            seed=seed,
            generator_version="test",
            questions=[q.model_dump(mode="json") for q in questions],
            settings=settings,
            verification_hash=worksheet_hash(questions),
        )
    )


def graded(store: Store, sheet: Worksheet, child_id: str, days_ago: int, wrong: int = 0) -> None:
    """Grade `sheet` as done `days_ago` school days ago, its first `wrong` answers wrong.

    Days are India's: this moment `days_ago` days back falls on that many days before today in
    India (IST keeps no daylight saving), whatever the hour in UTC. (It used to be 05:00 UTC on
    the UTC date, a day further back after 18:30 UTC, when India's date has already turned.)
    """
    questions = [generate(SKILL, 5, seed=sheet.seed)][0]
    answers = [q.answer if n >= wrong else "0" for n, q in enumerate(questions)]
    when = datetime.now(SCHOOL_TIME) - timedelta(days=days_ago)
    store.progress.grade(sheet, child_id, grade(questions, answers), when)


def add_child(store: Store, name: str) -> str:
    return store.children.add({"name": name, "grade": 3}, SCHOOL).id or ""


def add_class(store: Store, name: str, children: list[str]) -> str:
    class_id = store.classes.add({"name": name, "grade": 3, "subject": "maths"}).id or ""
    for roll, child in enumerate(children, start=1):
        store.classes.add_member(class_id, child, str(roll))
    return class_id


def role(store: Store, which: str) -> None:
    store.profiles.save({"role": which, "active_role": which, "school_name": "Sunrise School"})


def shown(qtbot: Any, ctx: AppContext, window: MainWindow) -> TodayPage:
    """The Today page, loaded again after the test's setup."""
    page = window.show_page(TodayPage)
    assert isinstance(page, TodayPage)
    page.refresh()
    wait_idle(qtbot, ctx)
    return page


def texts(section: Section) -> list[str]:
    return [line.text for line in section.lines]


def line_with(section: Section, words: str) -> Line:
    found = [line for line in section.lines if words in line.text]
    assert found, f"no line says {words!r}: {texts(section)}"
    return found[0]


def click(line: Line, caption: str) -> None:
    [button] = [b for b in line.buttons if b.text() == caption]
    button.click()


# --- the window ----------------------------------------------------------------------------


def test_the_window_opens_on_the_today_page(window: MainWindow) -> None:
    assert isinstance(window.stack.currentWidget(), TodayPage)
    assert window.nav.currentItem().text() == "Today"


# --- waiting to be graded ------------------------------------------------------------------


def test_a_printed_sheet_not_graded_waits_and_grade_opens_it(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    sheet = in_store(lambda s: printed_sheet(s, add_child(s, "Asha Verma"), "ADDK7Q"))
    page = shown(qtbot, ctx, window)
    line = line_with(page.grading, "Asha Verma — Maths — Addition (ADDK7Q")
    click(line, "Grade")
    wait_idle(qtbot, ctx)
    grading = window.stack.currentWidget()
    assert isinstance(grading, GradingPage)
    assert grading.opened is not None and grading.opened.sheet.id == sheet.id
    assert grading.stack.currentWidget() is grading.sheet_view


def test_a_sheet_never_printed_is_not_waiting(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    in_store(lambda s: printed_sheet(s, add_child(s, "Asha Verma"), "ADDK7Q", printed=False))
    page = shown(qtbot, ctx, window)
    assert texts(page.grading) == [
        "Nothing is waiting to be graded. Printed sheets wait here until their marks are saved."
    ]


def test_a_graded_sheet_no_longer_waits(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> None:
        asha = add_child(store, "Asha Verma")
        graded(store, printed_sheet(store, asha, "ADDK7Q"), asha, days_ago=0)
        printed_sheet(store, asha, "ADDM3P", seed=8)

    in_store(setup)
    page = shown(qtbot, ctx, window)
    assert len(page.grading.lines) == 1 and "ADDM3P" in page.grading.lines[0].text


def test_marks_typed_but_not_saved_come_first_and_reopen_the_sheet(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> Worksheet:
        asha = add_child(store, "Asha Verma")
        printed_sheet(store, asha, "ADDM3P", seed=8)
        sheet = printed_sheet(store, asha, "ADDK7Q")
        entry = {"typed": "", "result": "correct", "by": "teacher", "text": ""}
        store.drafts.put(sheet.id or "", asha, [entry], None)
        return sheet

    sheet = in_store(setup)
    page = shown(qtbot, ctx, window)
    first = page.grading.lines[0]
    assert first.text == ("Asha Verma — Maths — Addition (ADDK7Q): marks typed but not saved yet.")
    assert len(page.grading.lines) == 2  # the draft's sheet is not listed twice
    click(first, "Finish grading")
    wait_idle(qtbot, ctx)
    grading = window.stack.currentWidget()
    assert isinstance(grading, GradingPage) and grading.grader is not None
    assert grading.opened is not None and grading.opened.sheet.id == sheet.id
    assert grading.grader.session.entry(1).result == "correct"  # the draft is back


def test_a_class_set_waits_as_one_line_that_opens_its_first_sheet(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> list[Worksheet]:
        role(store, "teacher")
        kids = [add_child(store, name) for name in ("Zoya Khan", "Aarav Sharma", "Meera Das")]
        class_id = add_class(store, "3A", kids)
        codes = ("ZOYA01", "AARV02", "MEER03")
        return [
            printed_sheet(store, kid, code, class_id, seed=n)
            for n, (kid, code) in enumerate(zip(kids, codes, strict=True))
        ]

    sheets = in_store(setup)
    page = shown(qtbot, ctx, window)
    line = line_with(page.grading, "Class 3A")
    assert line.text == "Class 3A — Maths — Addition, 2 Nov 2026: 3 sheets to grade."
    assert len(page.grading.lines) == 1
    click(line, "Grade")
    wait_idle(qtbot, ctx)
    grading = window.stack.currentWidget()
    assert isinstance(grading, GradingPage) and grading.opened is not None
    assert grading.opened.sheet.id == sheets[0].id  # the first made: roll number 1


def test_with_children_but_no_sheets_it_offers_the_first_worksheet(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    in_store(lambda s: add_child(s, "Asha Verma"))
    page = shown(qtbot, ctx, window)
    click(line_with(page.grading, "No worksheets yet"), "Make your first worksheet")
    assert isinstance(window.stack.currentWidget(), BuilderPage)


# --- due for practice ----------------------------------------------------------------------


def test_a_mastered_skill_whose_review_date_came_is_due_and_opens_the_builder_with_it(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> str:
        asha = add_child(store, "Asha Verma")
        for seed, days_ago in ((1, 10), (2, 9)):  # 10 right over two days: mastered
            graded(store, printed_sheet(store, asha, f"REV{seed:03d}", seed=seed), asha, days_ago)
        return asha

    asha = in_store(setup)
    page = shown(qtbot, ctx, window)
    line = line_with(page.practice, "Asha Verma (Class 3)")
    assert "1 skill due for review (Adding 3-digit numbers with carrying)" in line.text
    click(line, "Make a worksheet")
    wait_idle(qtbot, ctx)
    builder = window.stack.currentWidget()
    assert isinstance(builder, BuilderPage)
    assert builder.form.for_child.isChecked() and builder.form.child_box.currentData() == asha
    assert builder.form.subject() == "maths"
    assert builder.form.tree.ticked_skills() == (SKILL,)
    assert builder.form.options.mode() == "chosen"


def test_three_wrong_in_a_row_names_the_skill_the_child_is_stuck_on(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> None:
        asha = add_child(store, "Asha Verma")
        graded(store, printed_sheet(store, asha, "STK001"), asha, days_ago=1, wrong=5)

    in_store(setup)
    page = shown(qtbot, ctx, window)
    line = line_with(page.practice, "Asha Verma")
    assert line.text == "Asha Verma (Class 3): stuck on Adding 3-digit numbers with carrying."


def test_a_child_who_has_not_practised_for_a_week_is_nudged(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> None:
        asha = add_child(store, "Asha Verma")
        graded(store, printed_sheet(store, asha, "OLD001"), asha, days_ago=9, wrong=1)

    in_store(setup)
    page = shown(qtbot, ctx, window)
    assert texts(page.practice) == ["Asha Verma (Class 3): no practice for 9 days."]


def test_a_child_who_practised_today_and_is_not_stuck_is_not_listed(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> None:
        asha = add_child(store, "Asha Verma")
        graded(store, printed_sheet(store, asha, "NEW001"), asha, days_ago=0, wrong=1)

    in_store(setup)
    page = shown(qtbot, ctx, window)
    assert texts(page.practice) == [
        "Everyone is up to date: no reviews due, no one stuck, and everyone practised this week."
    ]


def test_a_teacher_sees_classes_first_and_a_class_opens_an_adaptive_class_set(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> str:
        role(store, "teacher")
        add_child(store, "Aarav Tutee")  # taught on the side, in no class
        kids = [add_child(store, name) for name in ("Zoya Khan", "Meera Das")]
        stuck = printed_sheet(store, kids[0], "STK001")
        graded(store, stuck, kids[0], days_ago=1, wrong=5)
        return add_class(store, "3A", kids)

    class_id = in_store(setup)
    page = shown(qtbot, ctx, window)
    assert texts(page.practice) == [
        "Class 3A (2 children): 1 child is stuck on a skill; 1 child has had no worksheet "
        "graded yet.",
        "Aarav Tutee (Class 3): no worksheet graded yet.",
    ]
    click(page.practice.lines[0], "Make a class set")
    wait_idle(qtbot, ctx)
    builder = window.stack.currentWidget()
    assert isinstance(builder, BuilderPage)
    assert builder.form.for_class.isChecked() and builder.form.class_box.currentData() == class_id
    assert builder.form.options.mode() == "adaptive"


def test_a_parent_sees_each_child_and_no_classes(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> None:
        role(store, "parent")
        add_class(store, "Home", [add_child(store, "Riya"), add_child(store, "Kabir")])

    in_store(setup)
    page = shown(qtbot, ctx, window)
    assert texts(page.practice) == [
        "Kabir (Class 3): no worksheet graded yet.",
        "Riya (Class 3): no worksheet graded yet.",
    ]


def test_a_new_parent_is_asked_to_add_their_first_child(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    in_store(lambda s: role(s, "parent"))
    page = shown(qtbot, ctx, window)
    click(line_with(page.practice, "No children yet"), "Add your first child")
    assert isinstance(window.stack.currentWidget(), ChildrenPage)


def test_a_new_teacher_is_asked_to_add_their_class(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    in_store(lambda s: role(s, "teacher"))
    page = shown(qtbot, ctx, window)
    click(line_with(page.practice, "No children yet"), "Add your class")
    assert isinstance(window.stack.currentWidget(), ClassesPage)


# --- backup --------------------------------------------------------------------------------


def test_no_backup_is_a_nudge_and_back_up_now_makes_one(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    page = shown(qtbot, ctx, window)
    line = line_with(page.backup, "No backup yet")
    click(line, "Back up now")
    wait_idle(qtbot, ctx)
    database = ctx.data_dir / "practicecraft-local.sqlite3"
    assert len(list_backups(database)) == 1
    assert page.backup.lines[0].text.startswith("Last backup: ")
    assert page.backup.lines[0].text.endswith("(today).")


def test_a_backup_a_week_old_is_a_nudge(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    made: Path = in_store(lambda s: s.backup())
    old = time.time() - 12 * 24 * 3600
    os.utime(made, (old, old))
    page = shown(qtbot, ctx, window)
    assert page.backup.lines[0].text.startswith("The last backup was 12 days ago (")


def test_backups_opens_the_settings_page(qtbot: Any, ctx: AppContext, window: MainWindow) -> None:
    page = shown(qtbot, ctx, window)
    click(page.backup.lines[0], "Backups…")
    assert isinstance(window.stack.currentWidget(), SettingsPage)


# --- sync ----------------------------------------------------------------------------------


def test_signed_out_sync_offers_to_sign_in_on_the_account_page(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    page = shown(qtbot, ctx, window)
    line = line_with(page.sync, "Sync is off: everything is kept on this computer only.")
    click(line, "Sign in…")
    assert isinstance(window.stack.currentWidget(), AccountPage)


@pytest.fixture
def signed_in(ctx: AppContext) -> SyncController:
    ctx.data_dir.mkdir(parents=True, exist_ok=True)
    save_account(ctx.data_dir, AccountState(url="http://127.0.0.1:9", user_id="u-1"))
    ctx.sync = SyncController(ctx.worker, ctx.data_dir)  # never started: no network here
    return ctx.sync


def test_sync_state_follows_the_scheduler_and_a_problem_is_a_nudge(
    qtbot: Any, ctx: AppContext, signed_in: SyncController, in_store: InStore
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = shown(qtbot, ctx, window)
    signed_in.status_changed.emit(SyncStatus(SyncState.IDLE, last_success=time.time()))
    assert texts(page.sync) == ["Up to date (just now)."]
    signed_in.status_changed.emit(SyncStatus(SyncState.ERROR, message="the server said no"))
    assert texts(page.sync) == ["Sync had a problem: the server said no."]
    assert page.sync.lines[0].label.styleSheet() != ""
    click(page.sync.lines[0], "Account & sync…")
    assert isinstance(window.stack.currentWidget(), AccountPage)


def test_a_sync_status_after_the_window_is_gone_reaches_no_deleted_page(
    qtbot: Any, ctx: AppContext, signed_in: SyncController, in_store: InStore
) -> None:
    # The scheduler's thread can report after the window closed (seen in CI as a teardown
    # error): the controller outlives the page, so the page must not be called once deleted.
    window = MainWindow(ctx)
    page = shown(qtbot, ctx, window)
    window.deleteLater()
    qtbot.wait(0)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken_valid(page)
    signed_in.status_changed.emit(SyncStatus(SyncState.IDLE, last_success=time.time()))
    signed_in.data_changed.emit({"children"})  # a pull that lands after the window closed
