"""The Worksheets page: every sheet found, printed again, opened for grading, or deleted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox

from curriculum.engine import generate
from desktop.context import AppContext
from desktop.pages.grading import GradingPage
from desktop.pages.library import LibraryPage
from desktop.window import MainWindow
from storage import entitlement
from storage.database import Store
from storage.library import LibraryQuery, search
from storage.making import SheetOrder, make_worksheets, write_pdf
from tests import pdf_reading
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle
from tests.desktop.test_grading import SKILL, store_sheet
from worksheets.model import Worksheet

InStore = Callable[[Callable[[Store], Any]], Any]


def add_class_set(store: Store) -> list[Worksheet]:
    school_class = store.classes.add({"name": "3A", "grade": 3})
    for name in ("Asha Verma", "Ravi Kumar", "Fatima Khan"):
        child = store.children.add({"name": name, "grade": 3}, SCHOOL)
        store.classes.add_member(school_class.id or "", child.id or "")
    order = SheetOrder(subject="maths", chapters=(12,), count=6, seed=7)
    made = make_worksheets(store, order, class_name="3A", today=date(2026, 11, 21))
    return store.worksheets.add_many(made)


@pytest.fixture
def class_set(in_store: InStore) -> list[Worksheet]:
    return in_store(add_class_set)  # type: ignore[no-any-return]


@pytest.fixture
def page(
    qtbot: Any, ctx: AppContext, window: MainWindow, class_set: list[Worksheet]
) -> LibraryPage:
    found = window.show_page(LibraryPage)
    wait_idle(qtbot, ctx)
    assert isinstance(found, LibraryPage)
    return found


def rows(page: LibraryPage) -> list[list[str]]:
    table = page.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def choose(page: LibraryPage, *codes: str) -> None:
    """Select the rows of these codes, as Ctrl+click would."""
    page.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(page.table.rowCount()):
        if page.table.item(row, 3).text() in codes:
            page.table.selectionModel().select(page.table.model().index(row, 0), flags)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


def rendered_pages(in_store: InStore, codes: list[str], folder: Path) -> tuple[int, int]:
    """Pages of these sheets, and of their answer key, as the app renders them."""

    def render(store: Store) -> tuple[int, int]:
        sheets = [store.worksheets.by_code(code) for code in codes]
        done = write_pdf(sheets, folder / "expected.pdf", folder / "expected-key.pdf")
        return done.sheet_pages, done.key_pages

    return in_store(render)  # type: ignore[no-any-return]


def state_of(in_store: InStore, code: str) -> str:
    found = in_store(lambda s: search(s, LibraryQuery(code=code)).sheets)
    return str(found[0].state) if found else "gone"


def test_every_sheet_is_listed_with_child_class_chapter_date_code_and_state(
    page: LibraryPage, class_set: list[Worksheet]
) -> None:
    listed = {row[3]: row for row in rows(page)}
    asha = next(s for s in class_set if s.settings["child_name"] == "Asha Verma")
    child, title, when, code, state, marked = listed[asha.code]
    assert (child, when, code, state, marked) == (
        "Asha Verma (3A)", "21 Nov 2026", asha.code, "Not printed", "—"
    )  # fmt: skip
    assert title.startswith(asha.title)
    assert page.count.text() == "3 worksheets"


def test_typing_a_childs_name_narrows_the_list(
    qtbot: Any, ctx: AppContext, page: LibraryPage
) -> None:
    qtbot.keyClicks(page.words, "rav")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    wait_idle(qtbot, ctx)
    assert rows(page)[0][0] == "Ravi Kumar (3A)"


def test_a_search_that_matches_nothing_says_so(
    qtbot: Any, ctx: AppContext, page: LibraryPage
) -> None:
    qtbot.keyClicks(page.words, "zzzz")
    qtbot.waitUntil(lambda: page.empty.isVisible())
    assert "No worksheet matches" in page.empty.text() and not page.table.isVisible()


def test_the_state_filter_shows_only_printed_sheets(
    qtbot: Any, ctx: AppContext, page: LibraryPage, in_store: InStore, class_set: list[Worksheet]
) -> None:
    in_store(lambda s: s.worksheets.mark_printed([class_set[0].id or ""]))
    page.state.setCurrentIndex(page.state.findData("printed"))
    wait_idle(qtbot, ctx)
    assert [row[3] for row in rows(page)] == [class_set[0].code]


def test_enter_on_a_sheet_opens_it_on_the_grade_page(
    qtbot: Any, ctx: AppContext, window: MainWindow, page: LibraryPage, class_set: list[Worksheet]
) -> None:
    page.table.setFocus()
    page.table.setCurrentCell(0, 0)
    code = page.table.item(0, 3).text()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    grading = window.pages[GradingPage]
    assert isinstance(grading, GradingPage)
    assert window.stack.currentWidget() is grading
    assert grading.opened is not None and grading.opened.sheet.code == code


def test_printing_again_prints_every_chosen_sheet_and_marks_them_printed(
    qtbot: Any, ctx: AppContext, page: LibraryPage, in_store: InStore, tmp_path: Path
) -> None:
    codes = [row[3] for row in rows(page)][:2]
    choose(page, *codes)
    printed = tmp_path / "again.pdf"
    page.print_to(pdf_printer(printed), "sheets")
    wait_idle(qtbot, ctx)
    assert pdf_reading.page_count(printed) == rendered_pages(in_store, codes, tmp_path)[0]
    assert [state_of(in_store, code) for code in codes] == ["printed", "printed"]
    wait_idle(qtbot, ctx)
    assert not page.delete_button.isEnabled()  # still chosen, now printed


def test_printing_the_answer_key_prints_the_key_and_leaves_the_sheet_unprinted(
    qtbot: Any, ctx: AppContext, page: LibraryPage, in_store: InStore, tmp_path: Path
) -> None:
    code = rows(page)[0][3]
    choose(page, code)
    printed = tmp_path / "key.pdf"
    page.print_to(pdf_printer(printed), "key")
    wait_idle(qtbot, ctx)
    assert pdf_reading.page_count(printed) == rendered_pages(in_store, [code], tmp_path)[1]
    assert state_of(in_store, code) == "not printed"


def test_the_print_dialog_says_what_it_prints(
    qtbot: Any, ctx: AppContext, page: LibraryPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles: list[str] = []
    monkeypatch.setattr(QPrintDialog, "show", lambda dialog: titles.append(dialog.windowTitle()))
    choose(page, *[row[3] for row in rows(page)])
    page.key_button.click()
    page.print_button.click()
    assert titles[0].startswith("Print answer keys of 3 worksheets")
    assert titles[1].startswith("Print 3 worksheets")


def test_delete_is_offered_only_when_every_chosen_sheet_is_unprinted(
    qtbot: Any, ctx: AppContext, page: LibraryPage, in_store: InStore, class_set: list[Worksheet]
) -> None:
    in_store(lambda s: s.worksheets.mark_printed([class_set[0].id or ""]))
    page.refresh()
    wait_idle(qtbot, ctx)
    choose(page, class_set[1].code)
    assert page.delete_button.isEnabled()
    choose(page, class_set[0].code, class_set[1].code)
    assert not page.delete_button.isEnabled()


def test_deleting_a_class_set_never_printed_gives_back_the_free_worksheets(
    qtbot: Any, ctx: AppContext, page: LibraryPage, in_store: InStore, class_set: list[Worksheet]
) -> None:
    used = in_store(lambda s: entitlement.current(s).used)
    choose(page, *[s.code for s in class_set])
    page.delete_button.click()  # the dialogs fixture answers Yes
    wait_idle(qtbot, ctx)
    assert in_store(lambda s: entitlement.current(s).used) == used - 3
    assert page.table.rowCount() == 0 and page.empty.isVisible()


def test_deleting_asks_first_and_no_keeps_the_sheets(
    qtbot: Any, ctx: AppContext, page: LibraryPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    )
    choose(page, rows(page)[0][3])
    page.delete_button.click()
    wait_idle(qtbot, ctx)
    assert page.table.rowCount() == 3


def test_the_grade_list_finds_a_sheet_older_than_the_newest_200(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    questions = generate(SKILL, 3, seed=7)

    def many(store: Store) -> None:
        child = store.children.add({"name": "Meera Iyer", "grade": 3}, SCHOOL).id
        store_sheet(store, questions, "OLDEST", child)
        for n in range(210):
            store_sheet(store, generate(SKILL, 3, seed=100 + n), f"N{n:04d}X", child)

    in_store(many)
    grading = window.show_page(GradingPage)
    assert isinstance(grading, GradingPage)
    wait_idle(qtbot, ctx)
    picker = grading.picker
    assert picker.table.rowCount() == 200
    assert picker.count.text() == "The newest 200 of 211 worksheets: type to find the others."
    qtbot.keyClicks(picker.words, "oldest")
    qtbot.waitUntil(lambda: picker.table.rowCount() == 1)
    assert picker.table.item(0, 3).text() == "OLDEST"


def test_the_list_opens_newest_first_and_a_date_click_sorts_by_when_made(
    qtbot: Any, ctx: AppContext, page: LibraryPage, in_store: InStore
) -> None:
    made = [s.made_at for s in page.sheets]
    assert made == sorted(made, reverse=True)
    assert [row[3] for row in rows(page)] == [s.code for s in page.sheets]
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    codes = [row[3] for row in rows(page)]
    assert codes == [s.code for s in sorted(page.sheets, key=lambda s: s.made_at)]
