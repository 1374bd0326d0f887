"""Save dialogs open in Documents/PracticeCraft, then in the folder last used (section 8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.context import AppContext
from desktop.pages import pdf_files
from desktop.pages.pdf_files import choose_pdf
from desktop.window import MainWindow


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(pdf_files, "documents_folder", lambda: folder)
    return folder


def _save_dialog(qtbot: Any, window: MainWindow, chosen: list[Path]) -> Any:
    dialog = choose_pdf(window, "Save the worksheets", "Sheets.pdf", chosen.append)
    qtbot.addWidget(dialog)
    return dialog


def test_the_first_save_dialog_opens_in_documents_practicecraft(
    qtbot: Any, window: MainWindow, documents: Path
) -> None:
    dialog = _save_dialog(qtbot, window, [])
    assert Path(dialog.directory().absolutePath()) == documents / "PracticeCraft"
    assert (documents / "PracticeCraft").is_dir()
    dialog.reject()


def test_the_next_save_dialog_opens_where_the_last_pdf_went(
    qtbot: Any, window: MainWindow, documents: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "USB" / "Class 3A"
    elsewhere.mkdir(parents=True)
    chosen: list[Path] = []
    first = _save_dialog(qtbot, window, chosen)
    first.fileSelected.emit(str(elsewhere / "Sheets.pdf"))  # as when Save is pressed there
    assert chosen == [elsewhere / "Sheets.pdf"]
    again = _save_dialog(qtbot, window, chosen)
    assert Path(again.directory().absolutePath()) == elsewhere
    again.reject()


def test_the_last_folder_is_remembered_after_a_restart(
    qtbot: Any, ctx: AppContext, window: MainWindow, documents: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "Reports"
    elsewhere.mkdir()
    _save_dialog(qtbot, window, []).fileSelected.emit(str(elsewhere / "Report.pdf"))
    window.close()
    pdf_files.save_folders.settings = None  # as in a new process
    reopened = MainWindow(ctx)
    qtbot.addWidget(reopened)
    dialog = _save_dialog(qtbot, reopened, [])
    assert Path(dialog.directory().absolutePath()) == elsewhere
    dialog.reject()
