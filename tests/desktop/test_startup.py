"""Opening the window on a data folder: one writer, a lost file restored, a clock recovered."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import open_window
from desktop.window import MainWindow
from storage.database import Store
from storage.folder_lock import FolderLock, Holder
from storage.paths import local_database_path
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle

IN_2062_MS = 2_910_000_000_000


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def opened(qtbot: Any) -> Iterator[list[MainWindow]]:
    """Windows a test opened; their workers are closed after it."""
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        qtbot.waitUntil(lambda w=window: w.ctx.worker.idle, timeout=30_000)
        window.close()
        window.ctx.worker.close()


def _open(qtbot: Any, data_dir: Path, opened: list[MainWindow]) -> MainWindow | None:
    window = open_window(data_dir)
    if window is not None:
        qtbot.addWidget(window)
        opened.append(window)
        wait_idle(qtbot, window.ctx)
    return window


def _names(data_dir: Path) -> list[str]:
    with Store.open(local_database_path(data_dir), read_only=True) as store:
        return [c.name for c in store.children.all()]


def _lost_beside_a_backup(data_dir: Path) -> Path:
    database = local_database_path(data_dir)
    with Store.open(database) as store:
        store.profiles.save({"role": "parent", "active_role": "parent", "display_name": "Rao"})
        store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        backup = store.backup()
    database.write_bytes(b"")
    return backup


def _answer_offer(button: str) -> None:
    """Press a button of the restore offer once it is showing (it is modal)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        (chosen,) = [b for b in box.buttons() if b.text().replace("&", "").startswith(button)]
        chosen.click()

    QTimer.singleShot(0, press)


def test_a_lost_data_file_beside_backups_offers_to_restore_the_latest(
    qtbot: Any, data_dir: Path, opened: list[MainWindow], dialogs: list[tuple[str, str]]
) -> None:
    _lost_beside_a_backup(data_dir)
    _answer_offer("Restore")
    window = _open(qtbot, data_dir, opened)
    assert window is not None
    assert window.wizard is None, "the first-run wizard must not open over restored data"
    assert _names(data_dir) == ["Asha"]
    assert list(data_dir.glob("*.replaced-*")), "the empty file is kept aside"
    assert dialogs == []


def test_declining_the_offer_changes_nothing_and_opens_no_window(
    qtbot: Any, data_dir: Path, opened: list[MainWindow]
) -> None:
    _lost_beside_a_backup(data_dir)
    _answer_offer("Quit")
    assert _open(qtbot, data_dir, opened) is None
    assert local_database_path(data_dir).stat().st_size == 0
    FolderLock.acquire(data_dir, Holder.COMMAND).release()  # the folder was let go


def test_a_second_window_on_the_folder_is_told_in_a_dialog(
    qtbot: Any, data_dir: Path, opened: list[MainWindow], dialogs: list[tuple[str, str]]
) -> None:
    data_dir.mkdir()
    other = FolderLock.acquire(data_dir, Holder.WINDOW)
    try:
        assert _open(qtbot, data_dir, opened) is None
    finally:
        other.release()
    ((_title, text),) = dialogs
    assert "PracticeCraft is open on this data folder in another window" in text
    assert not local_database_path(data_dir).exists()


def test_a_command_is_refused_while_the_window_is_open(
    qtbot: Any, data_dir: Path, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, data_dir, opened)
    assert window is not None
    done = subprocess.run(
        [sys.executable, "-m", "practicecraft", "--data-dir", str(data_dir),
         "child", "add", "--name", "Ravi", "--grade", "3",
         "--guardian", "Sunita Verma", "--relation", "Mother", "--yes"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr == (
        "practicecraft: error: PracticeCraft is open on this data folder in another window "
        f"({data_dir}); make the change there, or close that window first\n"
    )
    listed = subprocess.run(
        [sys.executable, "-m", "practicecraft", "--data-dir", str(data_dir), "child", "list"],
        capture_output=True, text=True, check=False, timeout=60,
        env={**os.environ},
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr


def test_the_window_tells_of_a_clock_recovered_from_the_future(
    qtbot: Any, data_dir: Path, opened: list[MainWindow], dialogs: list[tuple[str, str]]
) -> None:
    with Store.open(local_database_path(data_dir), wall=lambda: IN_2062_MS) as store:
        store.profiles.save({"role": "parent", "active_role": "parent", "display_name": "Rao"})
    assert _open(qtbot, data_dir, opened) is not None
    ((title, text),) = dialogs
    assert "clock" in title.lower() and "2062" in text


def test_restoring_in_the_window_keeps_every_row_it_replaces(
    qtbot: Any, data_dir: Path, opened: list[MainWindow], dialogs: list[tuple[str, str]]
) -> None:
    from desktop.pages.settings import SettingsPage

    window = _open(qtbot, data_dir, opened)
    assert window is not None
    run = window.ctx.worker.submit
    run(
        lambda store, _p: store.children.add({"name": "Asha", "grade": 3}, SCHOOL),
        lambda r, e: None,
    )
    run(lambda store, _p: store.backup(), lambda r, e: None)
    run(
        lambda store, _p: store.children.add({"name": "Diya", "grade": 3}, SCHOOL),
        lambda r, e: None,
    )
    wait_idle(qtbot, window.ctx)
    settings = window.show_page(SettingsPage)
    assert isinstance(settings, SettingsPage)
    settings.backups.show_backups()
    wait_idle(qtbot, window.ctx)
    settings.backups.restore_button.click()  # `question` answers Yes (the dialogs fixture)
    wait_idle(qtbot, window.ctx)
    (replaced,) = data_dir.glob("*.replaced-*")
    with Store.open(replaced, read_only=True) as kept:
        assert [c.name for c in kept.children.all()] == ["Asha", "Diya"]
    assert dialogs == []
