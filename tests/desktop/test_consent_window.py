"""Consent in the window: a roster is kept on the school's basis, confirmed once per class
after reading its notice; children kept before consent was asked for are pointed out, and
their consent can be recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from desktop.pages.children import ChildrenPage
from desktop.pages.consent_dialog import MissingConsentDialog
from desktop.pages.roster_import import RosterImportDialog
from desktop.window import MainWindow
from storage.consent import SCHOOL_NOTICE, SCHOOL_RELATION
from storage.database import Store
from storage.records import notice_sha256
from storage.tables import CHILDREN
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle

InStore = Callable[[Callable[[Store], Any]], Any]


@pytest.fixture
def page(qtbot: Any, window: MainWindow) -> ChildrenPage:
    shown = window.show_page(ChildrenPage)
    assert isinstance(shown, ChildrenPage)
    wait_idle(qtbot, shown.ctx)
    return shown


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(index)


def _open_import(qtbot: Any, page: ChildrenPage, roster: Path) -> RosterImportDialog:
    page.import_button.click()
    dialog = page.dialog
    assert isinstance(dialog, RosterImportDialog)
    dialog.open_roster(roster)
    wait_idle(qtbot, page.ctx)
    return dialog


def _consents(in_store: InStore) -> list[Any]:
    return in_store(  # type: ignore[no-any-return]
        lambda store: [
            c for child in store.children.all() for c in store.consents.for_child(child.id or "")
        ]
    )


# --- Roster import: the school's basis ------------------------------------------------------


def test_a_roster_import_shows_the_school_notice(
    qtbot: Any, tmp_path: Path, page: ChildrenPage
) -> None:
    dialog = _open_import(qtbot, page, _csv(tmp_path, "name,grade\nAsha,3\n"))
    assert dialog.basis.notice.text() == SCHOOL_NOTICE
    assert dialog.basis.isVisible()


def test_a_roster_is_not_imported_until_the_basis_is_confirmed(
    qtbot: Any, tmp_path: Path, page: ChildrenPage, in_store: InStore
) -> None:
    dialog = _open_import(qtbot, page, _csv(tmp_path, "name,grade\nAsha,3\nRavi,3\n"))
    qtbot.keyClicks(dialog.basis.responsible, "R. Sharma, Principal")
    dialog.import_button.click()
    wait_idle(qtbot, page.ctx)
    assert "confirm" in dialog.summary.text()
    assert in_store(lambda store: store.children.all()) == []


def test_a_confirmed_roster_keeps_the_schools_record_for_every_child(
    qtbot: Any, tmp_path: Path, page: ChildrenPage, in_store: InStore
) -> None:
    dialog = _open_import(qtbot, page, _csv(tmp_path, "name,grade\nAsha,3\nRavi,3\n"))
    qtbot.keyClicks(dialog.basis.responsible, "R. Sharma, Principal")
    dialog.basis.confirm.click()
    dialog.import_button.click()
    wait_idle(qtbot, page.ctx)
    consents = _consents(in_store)
    assert len(consents) == 2
    assert {(c.guardian_name, c.relation) for c in consents} == {
        ("R. Sharma, Principal", SCHOOL_RELATION)
    }
    assert {c.notice_sha256 for c in consents} == {notice_sha256(SCHOOL_NOTICE)}


def test_a_class_whose_basis_is_recorded_covers_its_next_roster(
    qtbot: Any, tmp_path: Path, page: ChildrenPage, in_store: InStore
) -> None:
    def seed(store: Store) -> None:
        three_a = store.classes.add({"name": "3A", "grade": 3})
        child = store.children.add({"name": "Aarav", "grade": 3}, SCHOOL)
        store.classes.add_member(three_a.id or "", child.id or "")

    in_store(seed)
    page.refresh()
    wait_idle(qtbot, page.ctx)
    dialog = _open_import(qtbot, page, _csv(tmp_path, "name,grade\nAsha,3\n"))
    _choose(dialog.school_class, "3A")
    wait_idle(qtbot, page.ctx)
    assert "R. Sharma, Principal" in dialog.basis.covered.text()
    dialog.import_button.click()
    wait_idle(qtbot, page.ctx)
    assert len(_consents(in_store)) == 2


def test_a_semicolon_roster_is_previewed_row_by_row(
    qtbot: Any, tmp_path: Path, page: ChildrenPage
) -> None:
    dialog = _open_import(qtbot, page, _csv(tmp_path, "Name;Grade\nKhan, Fatima;3\nRavi;III\n"))
    names = [dialog.rows.item(row, 1).text() for row in range(dialog.rows.rowCount())]
    assert names == ["Khan, Fatima", "Ravi"]
    assert "2 children are ready" in dialog.summary.text()


def test_a_roster_with_only_a_header_says_it_has_no_children(
    qtbot: Any, tmp_path: Path, page: ChildrenPage
) -> None:
    dialog = _open_import(qtbot, page, _csv(tmp_path, "name,grade,roll number\n"))
    assert "no children" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_the_import_is_reported_with_the_right_plural(
    qtbot: Any, tmp_path: Path, page: ChildrenPage
) -> None:
    messages: list[str] = []
    page.ctx.status = messages.append
    dialog = _open_import(qtbot, page, _csv(tmp_path, "name,grade\nAsha,3\n"))
    qtbot.keyClicks(dialog.basis.responsible, "R. Sharma")
    dialog.basis.confirm.click()
    dialog.import_button.click()
    wait_idle(qtbot, page.ctx)
    assert messages[-1] == "Imported 1 child."


# --- Children kept before consent was asked for ---------------------------------------------


def _old_children(in_store: InStore, *names: str) -> None:
    def insert(store: Store) -> None:
        with store.write() as writer:
            writer.insert(CHILDREN, [(n, 3, "CBSE", None, None, None, None) for n in names])

    in_store(insert)


def test_children_without_a_consent_record_are_pointed_out(
    qtbot: Any, page: ChildrenPage, in_store: InStore
) -> None:
    _old_children(in_store, "Asha", "Ravi")
    page.refresh()
    wait_idle(qtbot, page.ctx)
    assert page.missing.isVisible()
    assert "2 children have no consent record" in page.missing_text.text()


def test_consent_can_be_recorded_for_them_on_the_schools_basis(
    qtbot: Any, page: ChildrenPage, in_store: InStore
) -> None:
    _old_children(in_store, "Asha", "Ravi")
    page.refresh()
    wait_idle(qtbot, page.ctx)
    page.record_consent_button.click()
    dialog = page.dialog
    assert isinstance(dialog, MissingConsentDialog)
    assert dialog.child_list.count() == 2
    dialog.use_school.click()
    qtbot.keyClicks(dialog.school.responsible, "R. Sharma, Principal")
    dialog.school.confirm.click()
    dialog.save_button.click()
    wait_idle(qtbot, page.ctx)
    assert {c.relation for c in _consents(in_store)} == {SCHOOL_RELATION}
    assert len(_consents(in_store)) == 2
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert not page.missing.isVisible()


def test_consent_can_be_recorded_as_a_guardians(
    qtbot: Any, page: ChildrenPage, in_store: InStore
) -> None:
    _old_children(in_store, "Asha")
    page.refresh()
    wait_idle(qtbot, page.ctx)
    page.record_consent_button.click()
    dialog = page.dialog
    assert isinstance(dialog, MissingConsentDialog)
    qtbot.keyClicks(dialog.guardian.name, "Sunita Verma")
    dialog.guardian.agree.click()
    dialog.save_button.click()
    wait_idle(qtbot, page.ctx)
    [consent] = _consents(in_store)
    assert (consent.guardian_name, consent.relation) == ("Sunita Verma", "Mother")


def test_nothing_is_recorded_without_the_tick(
    qtbot: Any, page: ChildrenPage, in_store: InStore
) -> None:
    _old_children(in_store, "Asha")
    page.refresh()
    wait_idle(qtbot, page.ctx)
    page.record_consent_button.click()
    dialog = page.dialog
    assert isinstance(dialog, MissingConsentDialog)
    qtbot.keyClicks(dialog.guardian.name, "Sunita Verma")
    dialog.save_button.click()
    wait_idle(qtbot, page.ctx)
    assert dialog.isVisible() and "I agree" in dialog.problem.text()
    assert _consents(in_store) == []
