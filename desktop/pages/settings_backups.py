"""Settings → Your data and Backups: where the data is, backing up, and putting a backup back.

The backup list is read from the backups folder directly (not through the store), so it still
shows when the database itself is damaged and cannot be opened: that is when it is needed.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import show_error
from desktop.tasks import Op
from desktop.wizard import muted
from desktop.worker import Worker
from storage.backup import list_backups, restore_backup
from storage.database import Store
from storage.folder_lock import FolderLock, Holder
from storage.paths import local_database_path


class RestoreThenOpen:
    """Opens the store for a fresh worker, first putting `backup` in place of the database.

    The restore happens once, on the worker's thread, before anything opens the file, holding
    the data folder's lock (taken at the window's start, or now), so no other window or command
    can write the file being replaced. If it fails (a damaged backup, the folder taken),
    nothing was replaced and later jobs open the database as it was.
    """

    def __init__(self, backup: Path, database: Path, lock: FolderLock | None = None) -> None:
        self.backup: Path | None = backup
        self.database = database
        self.lock = lock
        self.replaced: Path | None = None

    def __call__(self) -> Store:
        backup, self.backup = self.backup, None
        lock, self.lock = self.lock, None
        if backup is not None:
            lock = lock or FolderLock.acquire(self.database.parent, Holder.WINDOW)
            try:
                self.replaced = restore_backup(backup, self.database, lock)
            except BaseException:
                lock.release()
                raise
        return Store.open(self.database, holder=Holder.WINDOW, lock=lock)


def describe_backup(path: Path, seconds: bool = False) -> str:
    """`Sat 21 Nov 2026, 3:45 pm · 236 KB`: when it was made (local time) and its size."""
    info = path.stat()
    made = datetime.fromtimestamp(info.st_mtime)
    hour, noon = made.hour % 12 or 12, "am" if made.hour < 12 else "pm"
    clock = f"{hour}:{made:%M:%S}" if seconds else f"{hour}:{made:%M}"
    return f"{made:%a} {made.day} {made:%b %Y}, {clock} {noon} · {_size(info.st_size)}"


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def backup_labels(paths: list[Path]) -> list[str]:
    """One label per backup; with seconds when two were made in the same minute."""
    labels = [describe_backup(path) for path in paths]
    if len(set(labels)) < len(labels):
        labels = [describe_backup(path, seconds=True) for path in paths]
    return labels


class DataFolderBox(QGroupBox):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__("Your data")
        self.ctx = ctx
        self.path = path = QLabel(str(local_database_path(ctx.data_dir)))
        path.setObjectName("database-path")
        path.setWordWrap(True)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("&Open folder")
        self.open_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Children, worksheets and marks are kept in this file:"))
        layout.addWidget(path)
        layout.addWidget(muted(QLabel("Only you can open this folder on this computer.")))
        layout.addLayout(row)

    def open_folder(self) -> None:
        self.ctx.data_dir.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir))):
            self.ctx.status(f"Could not open the folder; it is {self.ctx.data_dir}")


class BackupsBox(QGroupBox):
    """The list of backups, newest first; "Back up now" and "Restore…"."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__("Backups")
        self.ctx = ctx
        self.database = local_database_path(ctx.data_dir)
        self.list = QListWidget()
        self.list.setObjectName("backups")
        self.empty = muted(QLabel("No backups yet. Press “Back up now” to make the first one."))
        self.empty.setWordWrap(True)
        self.backup_button = QPushButton("&Back up now")
        self.backup_button.setToolTip("Ctrl+B")
        self.restore_button = QPushButton("&Restore…")
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.ask_to_restore)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        QShortcut(QKeySequence("Ctrl+B"), self, self.back_up)
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        note = muted(
            QLabel(
                "A backup is made every day and whenever PracticeCraft closes. One a day is "
                "kept for the last 7 days and one a week for the 4 weeks before. Copy one to "
                "a USB stick now and then, in case this computer is lost."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(note)

    def show_backups(self) -> None:
        """List the backup files (a folder listing, no database needed)."""
        chosen = self.selected()
        self.list.clear()
        paths = list_backups(self.database)
        for path, label in zip(paths, backup_labels(paths), strict=True):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)
        self.list.setCurrentRow(paths.index(chosen) if chosen in paths else 0)
        self._enable()

    @property
    def count(self) -> int:
        return self.list.count()

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def back_up(self) -> None:
        self.backup_button.setEnabled(False)
        Op(self.ctx, lambda store, _p: store.backup(), self).named("backup.make").with_progress(
            "Making a backup…"
        ).success(self._backed_up).failure(self._backup_failed).run()

    def _backed_up(self, path: Path) -> None:
        self.backup_button.setEnabled(True)
        self.show_backups()
        self.list.setCurrentRow(0)
        self.ctx.status(f"Backup made: {path.name}")

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        show_error(self, error)

    def ask_to_restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            "Put this backup back?",
            f"Your data will go back to how it was on {describe_backup(backup).split(' · ')[0]}."
            "\n\nAnything added or marked since then will not be in it. The data you have "
            "now is kept as a separate file in the same folder, just in case.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(backup)

    def restore(self, backup: Path) -> None:
        """Close the database, put the backup in its place and open it again, on a new worker."""
        if not self.ctx.worker.idle:
            self.ctx.status("Please wait for the current work to finish, then restore again.")
            return
        self.ctx.worker.close()  # quick: nothing is queued; closes the store
        opener = RestoreThenOpen(backup, self.database)
        self.ctx.worker = Worker(opener)
        Op(self.ctx, lambda store, _p: store.schema_version(), self).with_progress(
            "Putting the backup back…"
        ).success(lambda _version: self._restored(opener.replaced)).run()

    def _restored(self, replaced: Path | None) -> None:
        self.show_backups()
        kept = f" The data you had is kept as {replaced.name}." if replaced else ""
        self.ctx.status("The backup is back in place." + kept)
        self.ctx.changed("everything")


def data_column(data_folder: DataFolderBox, backups: BackupsBox) -> QWidget:
    """The right-hand column of the page: the data folder above the backups."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(data_folder)
    layout.addWidget(backups)
    layout.addStretch(1)
    return column
