"""Automatic backups while the window is open: one a day, and one when the window closes.

Both run on the database worker like any other job. They are automatic work: a failure is
logged and shown in the status bar, never a dialog. The one on quit is made after the last
page's work, and its result is logged there and then, because no event loop is left by then to
deliver it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from desktop.context import AppContext
from desktop.tasks import Op
from desktop.worker import Progress
from storage.backup import daily_backup_due
from storage.database import Store
from storage.errors import StorageError

log = logging.getLogger("practicecraft.desktop")
CHECK_EVERY_MS = 60 * 60 * 1000  # a window left open overnight still makes the next day's
FIRST_CHECK_MS = 60 * 1000  # not during start-up, which should be quick


def daily_backup(store: Store, _progress: Progress | None = None) -> Path | None:
    """A backup if none was made today (none of a read-only store: it can change nothing)."""
    if store.read_only or not daily_backup_due(store.path):
        return None
    return store.backup()


def backup_on_quit(store: Store, _progress: Progress | None = None) -> Path | None:
    """The last job of the window: a backup of how the data was left, logged either way."""
    if store.read_only:
        return None
    try:
        made = store.backup()
    except (StorageError, OSError) as error:
        log.warning("the backup on closing was not made: %s", error)
        return None
    log.info("backup made on closing: %s", made.name)
    return made


class AutoBackup(QObject):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.setInterval(CHECK_EVERY_MS)

    def start(self) -> None:
        QTimer.singleShot(FIRST_CHECK_MS, self.check)
        self.timer.start()

    def check(self) -> None:
        Op(self.ctx, daily_backup).success(self._made).quietly().run()

    def _made(self, path: Path | None) -> None:
        if path is not None:
            self.ctx.status(f"Today's backup is made: {path.name}")

    def before_quit(self) -> None:
        """Queue the backup on quit; the worker runs it before it closes the database."""
        self.timer.stop()
        self.ctx.worker.submit(backup_on_quit, lambda _result, _error: None)
