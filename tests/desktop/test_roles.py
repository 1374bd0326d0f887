"""Each role sees what it uses; a new user is pointed at their first step (section 8)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWizard

from desktop.context import AppContext
from desktop.pages.child_dialogs import AddChildDialog
from desktop.pages.children import COLUMNS, ChildrenPage
from desktop.pages.classes import ClassesPage
from desktop.window import MainWindow
from desktop.wizard import FirstRunWizard
from tests.desktop.conftest import wait_idle
from tests.desktop.test_children_classes import InStore


def _be(qtbot: Any, window: MainWindow, in_store: InStore, role: str) -> None:
    in_store(lambda s: s.profiles.save({"role": role, "active_role": role}))
    window.refresh_current()
    wait_idle(qtbot, window.ctx)


def _classes_row(window: MainWindow) -> int:
    return list(window.pages).index(ClassesPage)


def test_a_parent_does_not_see_the_classes_page(
    qtbot: Any, window: MainWindow, in_store: InStore
) -> None:
    _be(qtbot, window, in_store, "parent")
    assert window.nav.isRowHidden(_classes_row(window))
    assert not window.menus.pages.actions()[_classes_row(window)].isVisible()


def test_a_teacher_sees_the_classes_page(qtbot: Any, window: MainWindow, in_store: InStore) -> None:
    _be(qtbot, window, in_store, "teacher")
    assert not window.nav.isRowHidden(_classes_row(window))


def test_a_parent_is_not_offered_roster_import_or_roll_numbers(
    qtbot: Any, window: MainWindow, in_store: InStore
) -> None:
    _be(qtbot, window, in_store, "parent")
    page = window.show_page(ChildrenPage)
    assert isinstance(page, ChildrenPage)
    wait_idle(qtbot, window.ctx)
    assert not page.import_button.isVisibleTo(page) and not page.import_button.isEnabled()
    assert page.table.isColumnHidden(COLUMNS.index("Roll no."))
    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, AddChildDialog)
    assert not dialog.child.roll.isVisibleTo(dialog)
    assert not dialog.school_class.isVisibleTo(dialog)
    dialog.reject()


def test_a_teacher_is_offered_roster_import_and_roll_numbers(
    qtbot: Any, window: MainWindow, in_store: InStore
) -> None:
    _be(qtbot, window, in_store, "teacher")
    page = window.show_page(ChildrenPage)
    assert isinstance(page, ChildrenPage)
    wait_idle(qtbot, window.ctx)
    assert page.import_button.isVisibleTo(page)
    assert not page.table.isColumnHidden(COLUMNS.index("Roll no."))


def _finish_wizard(qtbot: Any, window: MainWindow, ctx: AppContext, role: str) -> None:
    wizard = FirstRunWizard(ctx, on_done=window.after_wizard)
    qtbot.addWidget(wizard)
    wizard.open()
    wizard.role_page.buttons[role].click()
    for _ in range(3):
        wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)


def test_after_the_wizard_a_teacher_is_pointed_to_adding_a_class(
    qtbot: Any, window: MainWindow, ctx: AppContext
) -> None:
    said: list[str] = []
    ctx.status = said.append
    _finish_wizard(qtbot, window, ctx, "teacher")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages[ClassesPage])
    assert any("add your class" in line for line in said)


def test_after_the_wizard_a_parent_is_pointed_to_adding_a_child(
    qtbot: Any, window: MainWindow, ctx: AppContext
) -> None:
    said: list[str] = []
    ctx.status = said.append
    _finish_wizard(qtbot, window, ctx, "parent")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages[ChildrenPage])
    assert any("add your child" in line for line in said)
