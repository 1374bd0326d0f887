"""The Progress page says what is true: the class first, a grid that fills the page, no
"doing well" for a class that has not started, no confidence or empty chart after one sheet."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.context import AppContext
from desktop.pages.progress import ProgressPage
from desktop.window import MainWindow
from storage.database import Store
from tests.desktop.conftest import wait_idle
from tests.desktop.test_progress_page import (
    SKILL,
    InStore,
    add_child,
    grade_sheet,
    show,
    skill_item,
)

TITLE = "Adding 3-digit numbers with carrying"


@pytest.fixture
def page(qtbot: Any, window: MainWindow, ctx: AppContext) -> ProgressPage:
    found = window.show_page(ProgressPage)
    wait_idle(qtbot, ctx)
    assert isinstance(found, ProgressPage)
    return found


def test_the_class_is_listed_before_its_children(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
) -> None:
    in_store(lambda s: add_child(s, "Asha Verma", "3A"))
    show(qtbot, ctx, page, "class", "3A")
    labels = [page.chooser.itemText(i) for i in range(page.chooser.count())]
    assert labels[0].startswith("Class 3A")
    assert labels.index("Asha Verma (Class 3)") > 0


def test_the_page_opens_on_the_class_when_there_is_one(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
) -> None:
    child = in_store(lambda s: add_child(s, "Asha Verma", "3A"))
    show(qtbot, ctx, page, "child", child)
    page.choice = None  # as when the page opens for the first time
    page.refresh()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.class_view)


def test_the_class_grid_fills_the_page(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
) -> None:
    def setup(store: Store) -> None:
        for name in ("Asha Verma", "Ravi Kumar"):
            grade_sheet(store, add_child(store, name, "3A"), SKILL, 1, "2026-11-02")

    in_store(setup)
    page.window().resize(1200, 800)
    show(qtbot, ctx, page, "class", "3A")
    QApplication.processEvents()
    view = page.class_view
    assert view.grid.height() > view.height() // 2


def test_a_class_that_has_mostly_not_started_is_not_said_to_be_doing_well(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
) -> None:
    def setup(store: Store) -> None:
        asha = add_child(store, "Asha Verma", "3A")
        for name in ("Ravi Kumar", "Meera Iyer", "Kabir Singh"):
            add_child(store, name, "3A")
        grade_sheet(store, asha, SKILL, 1, "2026-11-02")

    in_store(setup)
    show(qtbot, ctx, page, "class", "3A")
    text = page.class_view.struggling.text()
    assert "doing well" not in text
    assert "3 of 4 children have no graded worksheet yet" in text


def test_a_class_that_has_started_and_struggles_with_nothing_is_doing_well(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
) -> None:
    def setup(store: Store) -> None:
        for seed, name in enumerate(("Asha Verma", "Ravi Kumar")):
            grade_sheet(store, add_child(store, name, "3A"), SKILL, seed, "2026-11-02")

    in_store(setup)
    show(qtbot, ctx, page, "class", "3A")
    assert "doing well" in page.class_view.struggling.text()


def test_confidence_is_not_claimed_after_one_sheet(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
) -> None:
    child = in_store(lambda s: add_child(s, "Asha Verma"))
    in_store(lambda s: grade_sheet(s, child, SKILL, 1, "2026-11-02"))
    show(qtbot, ctx, page, "child", child)
    row = skill_item(page, TITLE)
    assert "sure" not in row.text(3)
    assert row.text(3) == "after 2 sheets"


def test_confidence_is_shown_once_a_skill_is_on_two_sheets(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
) -> None:
    child = in_store(lambda s: add_child(s, "Asha Verma"))
    in_store(lambda s: grade_sheet(s, child, SKILL, 1, "2026-11-02"))
    in_store(lambda s: grade_sheet(s, child, SKILL, 2, "2026-11-03"))
    show(qtbot, ctx, page, "child", child)
    assert skill_item(page, TITLE).text(3).endswith("% sure")


def test_after_the_first_graded_day_no_empty_timeline_is_drawn(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
) -> None:
    child = in_store(lambda s: add_child(s, "Asha Verma"))
    in_store(lambda s: grade_sheet(s, child, SKILL, 1, "2026-11-02"))
    show(qtbot, ctx, page, "child", child)
    view = page.child_view
    assert not view.skills_chart.isVisibleTo(page)
    assert view.first_day.isVisibleTo(page)
    assert "1 skill improving" in view.first_day.text()


def test_after_two_graded_days_the_timeline_is_drawn(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
) -> None:
    child = in_store(lambda s: add_child(s, "Asha Verma"))
    in_store(lambda s: grade_sheet(s, child, SKILL, 1, "2026-11-02", wrong=3))
    in_store(lambda s: grade_sheet(s, child, SKILL, 2, "2026-11-05"))
    show(qtbot, ctx, page, "child", child)
    view = page.child_view
    assert view.skills_chart.isVisibleTo(page) and not view.first_day.isVisibleTo(page)


def test_a_few_skills_share_the_width_of_the_class_grid(
    qtbot: Any, ctx: AppContext, page: ProgressPage, in_store: InStore
) -> None:
    in_store(lambda s: grade_sheet(s, add_child(s, "Asha Verma", "3A"), SKILL, 1, "2026-11-02"))
    page.window().resize(1200, 800)
    show(qtbot, ctx, page, "class", "3A")
    QApplication.processEvents()
    grid = page.class_view.grid
    used = sum(grid.columnWidth(c) for c in range(grid.columnCount()))
    assert used >= grid.viewport().width() - 2
