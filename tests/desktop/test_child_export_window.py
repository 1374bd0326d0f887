"""Children → Export…: the selected child's zip, saved where the user chose."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from desktop.pages.children import ChildrenPage
from desktop.window import MainWindow
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle


def _page_with_asha(qtbot: Any, window: MainWindow, in_store: Any) -> ChildrenPage:
    in_store(lambda store: store.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL))
    page = window.show_page(ChildrenPage)
    assert isinstance(page, ChildrenPage)
    wait_idle(qtbot, page.ctx)
    return page


def test_export_is_offered_only_once_a_child_is_chosen(
    qtbot: Any, window: MainWindow, in_store: Any
) -> None:
    page = _page_with_asha(qtbot, window, in_store)
    page.table.clearSelection()
    assert not page.export_button.isEnabled()
    page.table.selectRow(0)
    assert page.export_button.isEnabled()


def test_export_asks_where_with_the_childs_name_and_saves_the_zip_there(
    qtbot: Any, window: MainWindow, in_store: Any, tmp_path: Path
) -> None:
    page = _page_with_asha(qtbot, window, in_store)
    page.table.selectRow(0)
    page.export_button.click()
    dialog = page.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.selectedFiles()[0].endswith("PracticeCraft - Asha Verma.zip")
    out = tmp_path / "asha.zip"
    dialog.fileSelected.emit(str(out))
    dialog.close()
    wait_idle(qtbot, page.ctx)
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["attempts.csv", "data.json", "progress-report.pdf"]
        (child,) = json.loads(archive.read("data.json"))["tables"]["children"]
    assert child["name"] == "Asha Verma"
    assert "asha.zip" in window.statusBar().currentMessage()
