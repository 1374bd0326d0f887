"""Starting the desktop app: the window opens at once; the database opens on its own thread."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.accounts import AccountActions
from desktop.auto_backup import AutoBackup
from desktop.collector import UiThreadCollector
from desktop.context import AppContext
from desktop.crash import CrashGuard
from desktop.damaged import ask_to_restore, restorer
from desktop.errors import show_error
from desktop.look import apply_look
from desktop.pages.settings_backups import RestoreThenOpen
from desktop.startup import OpenForWindow, choose_opener
from desktop.sync_control import SyncController
from desktop.window import MainWindow
from desktop.wizard import FirstRunWizard
from desktop.worker import Worker
from storage.database import Store
from storage.errors import CorruptDatabaseError
from storage.logfiles import hide_names_of, start_logging
from storage.records import UserProfile
from sync.settings import database_path

SYNC_STARTS_AFTER_MS = 1500


def run(data_dir: Path, quit_after_first_paint: bool = False) -> int:
    """Open the main window on the local database; returns the exit code."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough  # 125% and 150% stay sharp
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PracticeCraft")
    apply_look(app)
    collector = UiThreadCollector(app)  # Qt objects must never be collected on another thread
    collector.start()
    window = open_window(data_dir)
    if window is None:
        collector.stop()
        return 1  # the user was told why (another window has the folder, a lost data file)
    guard = CrashGuard(window.ctx, window, _log_file(data_dir))
    guard.install()
    window.show()
    backups = AutoBackup(window.ctx)
    if quit_after_first_paint:
        quit_when_ready(window)
    else:
        backups.start()
    try:
        return app.exec()
    finally:
        if window.ctx.accounts is not None:
            window.ctx.accounts.close()  # stops sync before the store's thread goes
        if not quit_after_first_paint:
            backups.before_quit()
        window.ctx.worker.close()
        guard.uninstall()
        collector.stop()


def _log_file(data_dir: Path) -> Path | None:
    """The window's log file; None (the log then goes to stderr) where it cannot be made."""
    try:
        return start_logging(data_dir)
    except OSError as error:
        print(f"practicecraft: note: no log file in {data_dir}: {error}", file=sys.stderr)
        return None


def open_window(data_dir: Path) -> MainWindow | None:
    """The main window on the data folder, or None if it must not open (the user was told)."""
    opener = choose_opener(database_path(data_dir))
    if opener is None:
        return None
    worker = Worker(opener)
    ctx = AppContext(worker=worker, data_dir=data_dir)
    ctx.sync = SyncController(worker, data_dir)
    ctx.accounts = AccountActions(worker, data_dir, ctx.sync)
    window = MainWindow(ctx)
    ctx.accounts.on_switched = window.refresh_current
    worker.wrote.connect(ctx.sync.local_change)
    # Sync starts once the window is up: loading the network code must not delay the paint.
    QTimer.singleShot(SYNC_STARTS_AFTER_MS, ctx.sync.start)
    QTimer.singleShot(SYNC_STARTS_AFTER_MS, ctx.sync.watch_network)
    if isinstance(opener, RestoreThenOpen):
        ctx.status("Your latest backup is back in place.")
    elif isinstance(opener, OpenForWindow) and opener.read_only:
        ctx.status(f"{data_dir} is read-only: you can look at everything, but not change it.")
    worker.submit(_first_look, lambda found, e: _first_run(window, found, e))
    return window


def _first_look(store: Store, _progress: object) -> tuple[UserProfile | None, list[str]]:
    """Who uses the app (None: the first run), and what opening the store found to tell."""
    hide_names_of(store)  # before anything can log a child's name
    return store.profiles.current(), store.take_notices()


def _first_run(
    window: MainWindow,
    found: tuple[UserProfile | None, list[str]] | None,
    error: BaseException | None,
) -> None:
    if isinstance(error, CorruptDatabaseError):
        _damaged(window, error)
        return
    if error is not None or found is None:
        show_error(window, error or RuntimeError("the data could not be opened"))
        return
    profile, notices = found
    for notice in notices:
        QMessageBox.information(
            window, "Check the computer's clock", notice[:1].upper() + notice[1:]
        )
    if profile is None:
        wizard = FirstRunWizard(window.ctx, on_done=window.after_wizard)
        window.wizard = wizard
        wizard.open()


def _damaged(window: MainWindow, error: CorruptDatabaseError) -> None:
    """Offer the latest backup in place of a damaged file; without one, or declined, close."""
    opener = restorer(error)
    if opener is None or not ask_to_restore(window, error):
        window.close()
        return

    def restored(_path: object, failed: BaseException | None) -> None:
        if failed is not None:
            show_error(window, failed)
            return
        window.ctx.status("Your latest backup is back in place.")
        window.ctx.worker.submit(_first_look, lambda found, e: _first_run(window, found, e))
        window.refresh_current()

    window.ctx.worker.reopen(opener, restored)


class _FirstPaint(QObject):
    """Quits once the window has painted and its first data has loaded (for `bench startup`)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._quit_when_idle)
        return False

    def _quit_when_idle(self) -> None:
        if self.window.ctx.worker.idle:
            QApplication.quit()
        else:
            QTimer.singleShot(5, self._quit_when_idle)


def quit_when_ready(window: MainWindow) -> None:
    watcher = _FirstPaint(window)
    window.installEventFilter(watcher)
    window.first_paint = watcher
