"""Before the window opens: take the data folder, and put a lost data file back from a backup.

Both questions are answered on the UI thread before any page asks for data, so the user sees
one clear dialog (never a page's error, never the first-run wizard over data that is only
missing): "open in another window", or "your data file is missing: restore the latest backup?".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.errors import as_sentence
from desktop.pages.settings_backups import RestoreThenOpen, describe_backup
from storage.backup import latest_backup
from storage.database import Store
from storage.errors import DataFolderBusy, ReadOnlyStore, StorageError
from storage.folder_lock import FolderLock, Holder
from storage.opening import has_data
from storage.paths import ensure_private_dir

Opener = Callable[[], Store]


class OpenForWindow:
    """Opens the window's store with the folder lock taken at start (once; later opens, e.g.
    after a restore closed the store, take the lock again)."""

    def __init__(self, database: Path, lock: FolderLock | None, read_only: bool = False) -> None:
        self.database = database
        self.lock = lock
        self.read_only = read_only

    def __call__(self) -> Store:
        if self.read_only:
            return Store.open(self.database, read_only=True)
        lock, self.lock = self.lock, None
        return Store.open(self.database, holder=Holder.WINDOW, lock=lock)


def choose_opener(database: Path) -> Opener | None:
    """How the window's worker should open the store; None if the window must not open
    (the user was told why)."""
    try:
        ensure_private_dir(database.parent)  # the window's first run makes the data folder
        lock = FolderLock.acquire(database.parent, Holder.WINDOW)
    except DataFolderBusy as busy:
        QMessageBox.warning(None, "PracticeCraft is already open", as_sentence(busy))
        return None
    except ReadOnlyStore:
        return OpenForWindow(database, None, read_only=True)
    except (StorageError, OSError) as error:
        QMessageBox.warning(None, "PracticeCraft cannot use its data folder", as_sentence(error))
        return None
    backup = latest_backup(database) if not has_data(database) else None
    if backup is None:
        return OpenForWindow(database, lock)
    if offer_restore(database, backup):
        return RestoreThenOpen(backup, database, lock)
    lock.release()
    return None


def offer_restore(database: Path, backup: Path) -> bool:
    """Ask to put the latest backup back; True if the user chose Restore."""
    state = "is empty" if database.exists() else "is missing"
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Your data file is missing",
        f"The file that keeps your children, worksheets and marks {state}:\n{database}\n\n"
        f"Your latest backup is from {describe_backup(backup).split(' · ')[0]}. Put it back? "
        "Anything added after it was made will not be in it.",
    )
    restore = box.addButton("&Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setObjectName("restore-offer")
    box.exec()
    return box.clickedButton() is restore
