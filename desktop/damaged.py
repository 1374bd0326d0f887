"""A damaged data file found while the window opens: one sentence, and a Restore button.

SQLite's own report (often many lines) goes behind "Show Details…", for whoever helps; a
window user is never told to run a command.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.pages.settings_backups import RestoreThenOpen, describe_backup
from storage.database import Store
from storage.errors import CorruptDatabaseError


def damaged_sentence(error: CorruptDatabaseError) -> str:
    if error.latest_backup is None:
        return (
            "Your data file is damaged and PracticeCraft found no backup of it to put back; "
            "please ask whoever looks after this computer for help."
        )
    made = describe_backup(error.latest_backup).split(" · ")[0]
    return f"Your data file is damaged; put back your latest backup, from {made}?"


def ask_to_restore(parent: QWidget, error: CorruptDatabaseError) -> bool:
    """Show the damage in one sentence; True if the user chose to restore the latest backup."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Your data file is damaged",
        damaged_sentence(error),
        parent=parent,
    )
    box.setObjectName("damaged-data")
    box.setDetailedText(f"{error.path}\n\n{error.reason}")
    restore = None
    if error.latest_backup is not None:
        restore = box.addButton("&Restore the backup", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(restore)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return restore is not None and box.clickedButton() is restore


def restorer(error: CorruptDatabaseError) -> Callable[[], Store] | None:
    """How the worker opens the store after putting the latest backup back, if there is one."""
    backup: Path | None = error.latest_backup
    return RestoreThenOpen(backup, error.path) if backup is not None else None
