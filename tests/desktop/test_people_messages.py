"""Adding children says what will happen and offers what exists (section 8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.pages.children import ChildrenPage
from desktop.pages.classes import AddClassDialog, ClassesPage
from desktop.window import MainWindow
from storage.database import Store
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle
from tests.desktop.test_children_classes import (
    InStore,
    _add_dialog,
    _choose,
    _csv,
    _import_dialog,
)


@pytest.fixture
def children_page(qtbot: Any, window: MainWindow) -> ChildrenPage:
    page = window.show_page(ChildrenPage)
    assert isinstance(page, ChildrenPage)
    wait_idle(qtbot, page.ctx)
    return page


def _class_3a_with(store: Store, *names: str) -> None:
    three_a = store.classes.add({"name": "3A", "grade": 3, "subject": "maths"})
    for name in names:
        child = store.children.add({"name": name, "grade": 3}, SCHOOL)
        store.classes.add_member(three_a.id or "", child.id or "")


def _offered(combo: Any) -> list[int]:
    return [combo.itemData(i) for i in range(combo.count())]


def test_add_child_offers_only_the_classes_with_worksheets(
    qtbot: Any, children_page: ChildrenPage
) -> None:
    dialog = _add_dialog(qtbot, children_page)
    assert _offered(dialog.child.grade) == [1, 2, 3, 4, 5]
    dialog.reject()


def test_add_class_offers_only_the_grades_with_worksheets(qtbot: Any, window: MainWindow) -> None:
    page = window.show_page(ClassesPage)
    assert isinstance(page, ClassesPage)
    dialog = AddClassDialog(page.ctx, lambda _c: None, page)
    qtbot.addWidget(dialog)
    assert _offered(dialog.grade) == [1, 2, 3, 4, 5]
    assert dialog.grade.currentData() == 3


def test_a_child_of_another_grade_is_not_put_in_a_class_silently(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore
) -> None:
    in_store(lambda s: _class_3a_with(s))
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    dialog = _add_dialog(qtbot, children_page)
    _choose(dialog.school_class, "3A")
    _choose(dialog.child.grade, "Class 5")
    dialog.agree.click()
    dialog.save_button.click()
    wait_idle(qtbot, children_page.ctx)
    assert dialog.isVisible()
    assert "3A is a Class 3 class" in dialog.problem.text()
    assert in_store(lambda s: s.children.all()) == []


def _preview(qtbot: Any, page: ChildrenPage, path: Path, class_name: str) -> Any:
    dialog = _import_dialog(page)
    _choose(dialog.school_class, class_name)
    dialog.open_roster(path)
    wait_idle(qtbot, page.ctx)
    return dialog


def test_the_roster_preview_says_when_every_child_is_already_there(
    qtbot: Any, tmp_path: Path, children_page: ChildrenPage, in_store: InStore
) -> None:
    in_store(lambda s: _class_3a_with(s, "Asha Verma", "Ravi Kumar"))
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    path = _csv(tmp_path, "name,grade", "Asha Verma,3", "Ravi Kumar,3")
    dialog = _preview(qtbot, children_page, path, "3A")
    text = dialog.summary.text()
    assert "ready to import" not in text
    assert "Both children are already in 3A" in text and "nothing to import" in text


def test_the_roster_preview_tells_new_children_from_those_already_there(
    qtbot: Any, tmp_path: Path, children_page: ChildrenPage, in_store: InStore
) -> None:
    in_store(lambda s: _class_3a_with(s, "Asha Verma"))
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    path = _csv(tmp_path, "name,grade", "Asha Verma,3", "Ravi Kumar,3", "Neha Gupta,3")
    dialog = _preview(qtbot, children_page, path, "3A")
    assert dialog.summary.text() == (
        "2 new children will be added to 3A; 1 child is already there and is left as is."
    )
    assert dialog.import_button.isEnabled()


def test_a_roster_row_of_another_grade_than_the_class_stops_the_import(
    qtbot: Any, tmp_path: Path, children_page: ChildrenPage, in_store: InStore
) -> None:
    in_store(lambda s: _class_3a_with(s))
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    path = _csv(tmp_path, "name,grade", "Asha Verma,3", "Ravi Kumar,9")
    dialog = _preview(qtbot, children_page, path, "3A")
    assert not dialog.import_button.isEnabled()
    assert "line 3" in dialog.summary.text() and "Class 9" in dialog.summary.text()
