"""Withdrawing consent from the Children page: one button, one answer, erasure offered."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.pages.children import ChildrenPage
from desktop.window import MainWindow
from storage.consent import WITHDRAWAL_NOTICE
from tests.desktop.conftest import wait_idle
from tests.desktop.test_children_classes import InStore, _seed, _select


@pytest.fixture
def children_page(qtbot: Any, window: MainWindow, in_store: InStore) -> ChildrenPage:
    _seed(in_store)
    page = window.show_page(ChildrenPage)
    assert isinstance(page, ChildrenPage)
    page.refresh()
    wait_idle(qtbot, page.ctx)
    return page


def answering(monkeypatch: pytest.MonkeyPatch, button_text: str, shown: list[str]) -> None:
    """Answer the withdrawal question by pressing the button labelled `button_text`."""

    def press(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press)


def test_withdrawing_consent_is_one_click_and_one_answer(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    answering(monkeypatch, "Withdraw consent", shown)
    _select(children_page.table, "Fatima Khan")
    children_page.withdraw_button.click()
    wait_idle(qtbot, children_page.ctx)
    assert shown == [WITHDRAWAL_NOTICE]
    (fatima,) = in_store(lambda store: store.children.find_by_name("Fatima Khan"))
    assert in_store(lambda store: store.consents.withdrawn_children()) == {fatima.id}


def test_withdraw_and_erase_goes_on_to_the_erasure_question(
    qtbot: Any, children_page: ChildrenPage, in_store: InStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, "Withdraw and erase…", [])
    asked: list[str] = []

    def answer_yes(_parent: Any, title: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer_yes))
    _select(children_page.table, "Fatima Khan")
    children_page.withdraw_button.click()
    qtbot.waitUntil(lambda: asked == ["Erase Fatima Khan?"], timeout=10_000)
    wait_idle(qtbot, children_page.ctx)
    assert in_store(lambda store: store.children.find_by_name("Fatima Khan")) == []


def test_withdraw_and_save_their_data_withdraws_then_exports_the_child(
    qtbot: Any,
    children_page: ChildrenPage,
    in_store: InStore,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # Withdrawal offers what a parent may want next: their child's data, or its erasure.
    answering(monkeypatch, "Withdraw and save their data…", [])
    _select(children_page.table, "Fatima Khan")
    children_page.withdraw_button.click()
    qtbot.waitUntil(lambda: isinstance(children_page.dialog, QFileDialog), timeout=10_000)
    (fatima,) = in_store(lambda store: store.children.find_by_name("Fatima Khan"))
    assert in_store(lambda store: store.consents.withdrawn_children()) == {fatima.id}
    out = tmp_path / "fatima.zip"
    children_page.dialog.fileSelected.emit(str(out))
    children_page.dialog.close()
    wait_idle(qtbot, children_page.ctx)
    with zipfile.ZipFile(out) as archive:
        (child,) = json.loads(archive.read("data.json"))["tables"]["children"]
    assert child["name"] == "Fatima Khan"
