"""Tables sort by a click on their heading, and a double-click opens a row (section 8)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableWidget

from desktop.context import AppContext
from desktop.pages.child_dialogs import EditChildDialog
from desktop.pages.children import ChildrenPage
from desktop.pages.classes import ClassesPage
from desktop.pages.progress import ProgressPage
from desktop.window import MainWindow
from storage.database import Store
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle
from tests.desktop.test_children_classes import (
    InStore,
    _rows,
    _select,
)
from tests.desktop.test_progress_page import SKILL, add_child, grade_sheet


@pytest.fixture
def children_page(qtbot: Any, window: MainWindow) -> ChildrenPage:
    page = window.show_page(ChildrenPage)
    assert isinstance(page, ChildrenPage)
    wait_idle(qtbot, page.ctx)
    return page


def _click_heading(qtbot: Any, table: QTableWidget, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _double_click(qtbot: Any, table: QTableWidget, row: int, column: int = 0) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _three_children(store: Store) -> None:
    for name, grade, roll in (("Zoya Ali", 2, "10"), ("Aarav Shah", 5, "2"), ("Meera Das", 3, "1")):
        child = store.children.add({"name": name, "grade": grade, "roll_number": roll}, SCHOOL)
        assert child.id


def test_the_children_table_sorts_by_the_heading_clicked(
    qtbot: Any,
    children_page: ChildrenPage,
    in_store: InStore,
) -> None:
    in_store(_three_children)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    table = children_page.table
    assert _rows(table) == ["Aarav Shah", "Meera Das", "Zoya Ali"]  # by name until a click
    _click_heading(qtbot, table, 3)  # Roll no.
    assert _rows(table, 3) == ["1", "2", "10"]  # as numbers, not as text
    _click_heading(qtbot, table, 3)
    assert _rows(table, 3) == ["10", "2", "1"]


def test_the_sorted_order_is_kept_when_the_table_reloads(
    qtbot: Any,
    children_page: ChildrenPage,
    in_store: InStore,
) -> None:
    in_store(_three_children)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    _click_heading(qtbot, children_page.table, 2)  # Grade
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    assert _rows(children_page.table, 2) == ["2", "3", "5"]


def test_after_sorting_the_selected_row_is_still_the_child_it_shows(
    qtbot: Any,
    children_page: ChildrenPage,
    in_store: InStore,
) -> None:
    in_store(_three_children)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    _click_heading(qtbot, children_page.table, 2)
    _select(children_page.table, "Zoya Ali")
    child = children_page.selected_child()
    assert child is not None and child.name == "Zoya Ali"


def test_double_clicking_a_child_in_a_class_roster_opens_their_details(
    qtbot: Any, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> None:
        three_a = store.classes.add({"name": "3A", "grade": 3})
        child = store.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL)
        store.classes.add_member(three_a.id or "", child.id or "")

    in_store(setup)
    page = window.show_page(ClassesPage)
    assert isinstance(page, ClassesPage)
    wait_idle(qtbot, page.ctx)
    page.classes.selectRow(0)
    wait_idle(qtbot, page.ctx)
    _double_click(qtbot, page.roster, 0)
    assert isinstance(page.dialog, EditChildDialog) and page.dialog.isVisible()
    assert page.dialog.child.name.text() == "Asha Verma"
    page.dialog.reject()


def test_the_class_grid_sorts_by_a_skill_and_opens_the_child_of_the_row(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    def setup(store: Store) -> None:
        asha = add_child(store, "Asha Verma", "3A")
        ravi = add_child(store, "Ravi Kumar", "3A")
        grade_sheet(store, asha, SKILL, 1, "2026-11-02")  # improving
        grade_sheet(store, ravi, SKILL, 2, "2026-11-02", wrong=4)  # learning

    in_store(setup)
    page = window.show_page(ProgressPage)
    assert isinstance(page, ProgressPage)
    wait_idle(qtbot, ctx)
    page.show_choice(("class", "3A"))
    wait_idle(qtbot, ctx)
    grid = page.class_view.grid
    _click_heading(qtbot, grid, 1)  # the skill: learning before improving
    names = [grid.verticalHeaderItem(r).text() for r in range(grid.rowCount())]
    assert names == ["Ravi Kumar", "Asha Verma"]
    assert grid.item(0, 1).text() == "learning"
    _double_click(qtbot, grid, 0, 1)
    wait_idle(qtbot, ctx)
    assert page.stack.currentWidget() is page.child_view
    assert page.chooser.currentText() == "Ravi Kumar (Class 3)"
