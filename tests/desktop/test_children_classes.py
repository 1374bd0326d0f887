"""The Children and Classes pages: consent first, roster import with a preview, class rosters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QTableWidget, QWidget

from desktop.pages.child_dialogs import (
    CONSENT_NOTICE,
    NOTICE_VERSION,
    AddChildDialog,
    EditChildDialog,
)
from desktop.pages.children import ChildrenPage
from desktop.pages.classes import AddClassDialog, AddMembersDialog, ClassesPage
from desktop.pages.roster_import import BAD_ROW, RosterImportDialog
from desktop.window import MainWindow
from storage.database import Store
from storage.records import notice_sha256
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle

InStore = Callable[[Callable[[Store], Any]], Any]


def _rows(table: QTableWidget, column: int = 0) -> list[str]:
    return [
        table.item(row, column).text()
        for row in range(table.rowCount())
        if not table.isRowHidden(row)
    ]


def _closed(dialog: QWidget) -> bool:
    """Closed dialogs are deleted; one still there must at least be hidden."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(index)


def _select(table: QTableWidget, name: str) -> None:
    for row in range(table.rowCount()):
        if table.item(row, 0).text().startswith(name):
            table.selectRow(row)
            return
    raise AssertionError(f"{name} is not listed")


@pytest.fixture
def children_page(qtbot: Any, window: MainWindow) -> ChildrenPage:
    page = window.show_page(ChildrenPage)
    assert isinstance(page, ChildrenPage)
    wait_idle(qtbot, page.ctx)
    return page


@pytest.fixture
def classes_page(qtbot: Any, window: MainWindow) -> ClassesPage:
    page = window.show_page(ClassesPage)
    assert isinstance(page, ClassesPage)
    wait_idle(qtbot, page.ctx)
    return page


def _seed(in_store: InStore) -> None:
    def seed(store: Store) -> None:
        three_a = store.classes.add({"name": "3A", "grade": 3, "subject": "maths"})
        for roll, name in enumerate(("Aarav Sharma", "Fatima Khan"), start=1):
            child = store.children.add({"name": name, "grade": 3, "roll_number": str(roll)}, SCHOOL)
            store.classes.add_member(three_a.id or "", child.id or "")
        store.children.add({"name": "Kavya Nair", "grade": 4}, SCHOOL)

    in_store(seed)


def _add_dialog(qtbot: Any, page: ChildrenPage) -> AddChildDialog:
    page.add_button.click()
    assert isinstance(page.dialog, AddChildDialog) and page.dialog.isVisible()
    dialog = page.dialog
    qtbot.keyClicks(dialog.guardian, "Sunita Verma")
    qtbot.keyClicks(dialog.child.name, "Asha Verma")
    _choose(dialog.child.grade, "Class 3")
    return dialog


# --- Adding a child: the guardian's consent first -------------------------------------------


def test_adding_a_child_keeps_the_guardians_consent_to_the_notice_shown(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore
) -> None:
    dialog = _add_dialog(qtbot, children_page)
    dialog.agree.click()
    dialog.save_button.click()
    wait_idle(qtbot, children_page.ctx)

    [child] = in_store(lambda store: store.children.all())
    [consent] = in_store(lambda store: store.consents.for_child(child.id))
    assert (child.name, child.grade) == ("Asha Verma", 3)
    assert consent.guardian_name == "Sunita Verma" and consent.relation == "Mother"
    assert consent.notice_version == NOTICE_VERSION
    assert consent.notice_sha256 == notice_sha256(CONSENT_NOTICE)
    assert _closed(dialog)
    assert _rows(children_page.table) == ["Asha Verma"]


def test_the_consent_is_stored_before_the_child(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore
) -> None:
    dialog = _add_dialog(qtbot, children_page)
    dialog.agree.click()
    dialog.save_button.click()
    wait_idle(qtbot, children_page.ctx)
    tables = in_store(
        lambda store: [r["table_name"] for r in store.query("SELECT * FROM outbox ORDER BY hlc")]
    )
    assert tables == ["guardian_consents", "children"]


def test_adding_without_ticking_i_agree_is_refused_and_stores_nothing(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore
) -> None:
    dialog = _add_dialog(qtbot, children_page)
    dialog.save_button.click()
    wait_idle(qtbot, children_page.ctx)

    assert dialog.isVisible() and "I agree" in dialog.problem.text()
    assert in_store(lambda store: store.children.all()) == []
    assert in_store(lambda store: store.query("SELECT count(*) FROM guardian_consents")[0][0]) == 0


def test_a_child_added_with_a_class_joins_its_roster(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore
) -> None:
    _seed(in_store)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    dialog = _add_dialog(qtbot, children_page)
    _choose(dialog.school_class, "3A")
    dialog.agree.click()
    dialog.save_button.click()
    wait_idle(qtbot, children_page.ctx)
    three_a = in_store(lambda store: store.classes.by_name("3A"))
    members = in_store(lambda store: store.classes.members(three_a.id))
    assert "Asha Verma" in [c.name for c in members]


# --- Roster import: every row previewed before anything is kept -----------------------------


def _import_dialog(page: ChildrenPage) -> RosterImportDialog:
    page.import_button.click()
    assert isinstance(page.dialog, RosterImportDialog)
    return page.dialog


def _csv(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_bad_row_is_marked_with_its_line_and_nothing_can_be_imported(
    qtbot: Any, tmp_path: Path, children_page: ChildrenPage, in_store: InStore
) -> None:
    dialog = _import_dialog(children_page)
    path = _csv(tmp_path, "name,grade,roll number", "Asha,3,1", "Ravi,14,2", "Neha,III,3")
    dialog.open_roster(path)
    wait_idle(qtbot, children_page.ctx)

    assert _rows(dialog.rows, 1) == ["Asha", "Ravi", "Neha"]
    marked = [
        dialog.rows.item(row, 0).text()
        for row in range(dialog.rows.rowCount())
        if dialog.rows.item(row, 1).background().color() == BAD_ROW
    ]
    assert marked == ["3"]
    assert dialog.rows.item(1, 4).text().startswith("line 3: grade")
    assert "14" in dialog.rows.item(1, 4).text()
    assert not dialog.import_button.isEnabled()
    assert "Fix the file and open it again" in dialog.summary.text()
    dialog.import_children()  # even if asked directly, nothing is imported
    wait_idle(qtbot, children_page.ctx)
    assert in_store(lambda store: store.children.all(include_archived=True)) == []


def test_a_clean_roster_imports_into_the_class_chosen(
    qtbot: Any, tmp_path: Path, children_page: ChildrenPage, in_store: InStore
) -> None:
    _seed(in_store)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    dialog = _import_dialog(children_page)
    _choose(dialog.school_class, "3A")
    dialog.open_roster(_csv(tmp_path, "Name,Class,Roll No", "Asha Verma,3,3", "Rohan Das,III,4"))
    wait_idle(qtbot, children_page.ctx)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    wait_idle(qtbot, children_page.ctx)

    three_a = in_store(lambda store: store.classes.by_name("3A"))
    members = in_store(lambda store: store.classes.members(three_a.id))
    assert [c.name for c in members] == ["Aarav Sharma", "Asha Verma", "Fatima Khan", "Rohan Das"]
    assert _closed(dialog)
    _select(children_page.table, "Rohan Das")
    assert children_page.table.item(children_page.table.currentRow(), 1).text() == "3A"
    wait_idle(qtbot, children_page.ctx)  # Rohan's topics load


# --- Edit, archive, erase, topics -----------------------------------------------------------


def test_editing_a_child_saves_name_grade_and_roll(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore
) -> None:
    _seed(in_store)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    _select(children_page.table, "Kavya Nair")
    children_page.edit_button.click()
    dialog = children_page.dialog
    assert isinstance(dialog, EditChildDialog) and dialog.isVisible()
    form = dialog.child
    form.name.clear()
    qtbot.keyClicks(form.name, "Kavya S. Nair")
    _choose(form.grade, "Class 5")
    qtbot.keyClicks(form.roll, "12")
    qtbot.keyClick(form.roll, Qt.Key.Key_Return)
    wait_idle(qtbot, children_page.ctx)

    edited = in_store(lambda store: store.children.find_by_name("Kavya S. Nair"))
    assert [(c.grade, c.roll_number) for c in edited] == [(5, "12")]
    assert "Kavya S. Nair" in _rows(children_page.table)


def test_archiving_hides_a_child_until_archived_children_are_shown(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore
) -> None:
    _seed(in_store)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    _select(children_page.table, "Fatima Khan")
    children_page.archive_button.click()
    wait_idle(qtbot, children_page.ctx)
    assert "Fatima Khan" not in _rows(children_page.table)

    children_page.show_archived.click()
    wait_idle(qtbot, children_page.ctx)
    assert "Fatima Khan  (archived)" in _rows(children_page.table)
    _select(children_page.table, "Fatima Khan")
    assert children_page.archive_button.text() == "Bring back"
    [fatima] = in_store(lambda store: store.children.find_by_name("Fatima Khan"))
    assert fatima.archived_at is not None


def test_erasing_a_child_asks_first_then_removes_everything_kept(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(in_store)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    asked: list[str] = []

    def answer_yes(_parent: Any, title: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer_yes))
    _select(children_page.table, "Aarav Sharma")
    children_page.erase_button.click()
    wait_idle(qtbot, children_page.ctx)
    assert asked == ["Erase Aarav Sharma?"]
    assert in_store(lambda store: store.children.find_by_name("Aarav Sharma")) == []
    assert "Aarav Sharma" not in _rows(children_page.table)


def test_search_shows_only_matching_children(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore
) -> None:
    _seed(in_store)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    qtbot.keyClicks(children_page.search, "3a")
    assert _rows(children_page.table) == ["Aarav Sharma", "Fatima Khan"]


def test_ticked_chapters_are_saved_as_the_childs_topics(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore
) -> None:
    _seed(in_store)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    _select(children_page.table, "Aarav Sharma")
    wait_idle(qtbot, children_page.ctx)
    panel = children_page.topics
    _choose(panel.subject, "Maths")
    panel.chapters.item(1).setCheckState(Qt.CheckState.Checked)
    assert panel.save.isEnabled()
    panel.save.click()
    wait_idle(qtbot, children_page.ctx)

    [aarav] = in_store(lambda store: store.children.find_by_name("Aarav Sharma"))
    [preference] = in_store(lambda store: store.topic_preferences.for_child(aarav.id))
    assert (preference.subject, preference.selected_topics) == ("maths", ["maths.c3.ch2"])
    assert not panel.save.isEnabled()


# --- Classes --------------------------------------------------------------------------------


def test_an_added_class_is_listed_with_no_children(
    qtbot: Any, classes_page: ClassesPage, in_store: InStore
) -> None:
    classes_page.add_class_button.click()
    dialog = classes_page.dialog
    assert isinstance(dialog, AddClassDialog)
    qtbot.keyClicks(dialog.name, "4B")
    _choose(dialog.grade, "Class 4")
    _choose(dialog.subject, "English")
    dialog.save_button.click()
    wait_idle(qtbot, classes_page.ctx)

    assert [(c.name, c.grade, c.subject) for c in in_store(lambda s: s.classes.all())] == [
        ("4B", 4, "english")
    ]
    assert [classes_page.classes.item(0, c).text() for c in range(4)] == ["4B", "4", "English", "0"]
    assert classes_page.roster_title.text() == "Roster of 4B"


def test_a_class_name_already_used_is_refused_inside_the_dialog(
    qtbot: Any, classes_page: ClassesPage, in_store: InStore
) -> None:
    _seed(in_store)
    classes_page.add_class_button.click()
    dialog = classes_page.dialog
    assert isinstance(dialog, AddClassDialog)
    qtbot.keyClicks(dialog.name, "3a")
    dialog.save_button.click()
    wait_idle(qtbot, classes_page.ctx)
    assert dialog.isVisible() and "already exists" in dialog.problem.text()
    assert len(in_store(lambda s: s.classes.all())) == 1


def test_a_child_added_to_a_class_joins_its_roster(
    qtbot: Any, classes_page: ClassesPage, in_store: InStore
) -> None:
    _seed(in_store)
    classes_page.refresh()
    wait_idle(qtbot, classes_page.ctx)
    _select(classes_page.classes, "3A")
    wait_idle(qtbot, classes_page.ctx)
    assert _rows(classes_page.roster) == ["Aarav Sharma", "Fatima Khan"]
    classes_page.add_member_button.click()
    dialog = classes_page.dialog
    assert isinstance(dialog, AddMembersDialog)
    wait_idle(qtbot, classes_page.ctx)
    dialog.same_grade.click()  # Kavya is in Class 4
    [kavya] = dialog.list.findItems("Kavya Nair", Qt.MatchFlag.MatchStartsWith)
    kavya.setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    wait_idle(qtbot, classes_page.ctx)

    assert _rows(classes_page.roster) == ["Aarav Sharma", "Fatima Khan", "Kavya Nair"]
    assert classes_page.classes.item(0, 3).text() == "3"


def test_a_child_removed_from_a_class_leaves_its_roster_only(
    qtbot: Any, classes_page: ClassesPage, in_store: InStore
) -> None:
    _seed(in_store)
    classes_page.refresh()
    wait_idle(qtbot, classes_page.ctx)
    _select(classes_page.classes, "3A")
    wait_idle(qtbot, classes_page.ctx)
    _select(classes_page.roster, "Fatima Khan")
    classes_page.remove_button.click()
    wait_idle(qtbot, classes_page.ctx)

    assert _rows(classes_page.roster) == ["Aarav Sharma"]
    assert in_store(lambda store: store.children.find_by_name("Fatima Khan")) != []


# --- Keyboard -------------------------------------------------------------------------------


def _activate(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_ctrl_n_opens_add_child_and_delete_in_the_list_archives(
    qtbot: Any, window: MainWindow, children_page: ChildrenPage, in_store: InStore
) -> None:
    _seed(in_store)
    children_page.refresh()
    wait_idle(qtbot, children_page.ctx)
    _activate(qtbot, window)
    qtbot.keyClick(children_page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(children_page.dialog, AddChildDialog)
    children_page.dialog.reject()

    _activate(qtbot, window)  # shortcuts need the window active, as when a teacher uses it
    _select(children_page.table, "Kavya Nair")
    qtbot.keyClick(children_page.search, Qt.Key.Key_Delete)  # typing, not archiving
    wait_idle(qtbot, children_page.ctx)
    assert "Kavya Nair" in _rows(children_page.table)
    children_page.table.setFocus()
    qtbot.keyClick(children_page.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, children_page.ctx)
    assert "Kavya Nair" not in _rows(children_page.table)
