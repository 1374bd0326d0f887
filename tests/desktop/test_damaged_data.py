"""A damaged data file: one sentence and a Restore button, never SQLite's report (section 8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import open_window
from desktop.errors import explain
from desktop.window import MainWindow
from storage.database import Store
from storage.errors import CorruptDatabaseError
from storage.paths import local_database_path
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle

seen: dict[str, Any] = {}


@pytest.fixture
def opened(qtbot: Any) -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        qtbot.waitUntil(lambda w=window: w.ctx.worker.idle, timeout=30_000)
        window.close()
        window.ctx.worker.close()


def _damaged_beside_a_backup(data_dir: Path) -> None:
    database = local_database_path(data_dir)
    with Store.open(database) as store:
        store.profiles.save({"role": "teacher", "active_role": "teacher"})
        store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        store.backup()
    database.write_bytes(b"this is not a database, it was overwritten by accident\n" * 200)


def _answer(button: str) -> None:
    """Read the damage box once it shows (it is modal), then press `button`."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "damaged-data":
            QTimer.singleShot(20, press)
            return
        seen["text"] = box.text()
        seen["buttons"] = [b.text().replace("&", "") for b in box.buttons()]
        (chosen,) = [b for b in box.buttons() if b.text().replace("&", "").startswith(button)]
        chosen.click()

    seen.clear()
    QTimer.singleShot(0, press)


def _open(qtbot: Any, data_dir: Path, opened: list[MainWindow]) -> MainWindow:
    window = open_window(data_dir)
    assert window is not None
    qtbot.addWidget(window)
    opened.append(window)
    window.show()
    qtbot.waitUntil(lambda: "text" in seen, timeout=30_000)
    wait_idle(qtbot, window.ctx)
    return window


def test_a_damaged_file_is_told_in_one_sentence_with_a_restore_button(
    qtbot: Any, tmp_path: Path, opened: list[MainWindow], dialogs: list[tuple[str, str]]
) -> None:
    _damaged_beside_a_backup(tmp_path)
    _answer("Quit")
    _open(qtbot, tmp_path, opened)
    text = seen["text"]
    assert text.count(".") + text.count("?") == 1 and "\n" not in text
    assert "practicecraft" not in text.lower()  # no command to run
    assert "Restore the backup" in seen["buttons"]


def test_restore_puts_the_latest_backup_back_and_the_window_goes_on(
    qtbot: Any, tmp_path: Path, opened: list[MainWindow], dialogs: list[tuple[str, str]]
) -> None:
    _damaged_beside_a_backup(tmp_path)
    _answer("Restore")
    window = _open(qtbot, tmp_path, opened)
    qtbot.waitUntil(lambda: window.ctx.worker.idle, timeout=30_000)
    names = window.ctx.worker.call(lambda store: [c.name for c in store.children.all()])
    assert names == ["Asha"]
    assert window.isVisible()


def test_a_damage_found_later_names_no_command_either() -> None:
    error = CorruptDatabaseError(Path("/data/x.sqlite3"), "row 7 missing from index\n" * 17, None)
    _title, message = explain(error)
    assert "\n" not in message and "practicecraft" not in message
    assert "Settings → Backups" in message
