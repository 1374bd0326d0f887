"""Errors nobody caught: logged with their traceback, and told to the user in a dialog.

Qt hands an exception raised in a slot or a callback to `sys.excepthook`; threads other than
the UI thread hand theirs to `threading.excepthook` (logged only: a dialog belongs to the UI
thread). The database is safe either way: every write runs in a transaction on the database
worker, which rolls back on any exception (`Store.write`), so an error leaves the data as it
was before the action.

Also here: keeping the log's list of names to hide up to date as children are added.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.context import AppContext
from desktop.worker import Progress
from storage.database import Store
from storage.logfiles import hide_names_of

log = logging.getLogger("practicecraft.desktop")


def crash_message(error: BaseException, log_file: Path | None) -> str:
    where = (
        f"The details are in the log file:\n{log_file}"
        if log_file is not None
        else "The details could not be written to a log file."
    )
    return (
        f"PracticeCraft ran into a problem it did not expect ({type(error).__name__}: "
        f"{error}).\n\nYour data is safe: what was being saved when it happened was not saved, "
        f"and everything saved before is kept.\n\n{where}\n\nIf it happens again, send that "
        "file to whoever looks after PracticeCraft for you, and say what you were doing."
    )


class CrashGuard(QObject):
    """Installs the hooks for the window's lifetime; `uninstall` puts the old ones back."""

    def __init__(self, ctx: AppContext, window: QWidget | None, log_file: Path | None) -> None:
        super().__init__()
        self.ctx = ctx
        self.window = window
        self.log_file = log_file
        self._showing = False
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self.unhandled
        threading.excepthook = self.unhandled_in_thread
        self.ctx.worker.wrote.connect(self.names_changed)
        if self.ctx.sync is not None:  # a pull may bring children added on another computer
            self.ctx.sync.data_changed.connect(self.names_changed)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def unhandled(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, error, trace)
            return
        log.critical("an unexpected error in the window", exc_info=(kind, error, trace))
        if self._showing:
            return  # an error while the dialog is up: logged, one dialog is enough
        self._showing = True
        try:
            QMessageBox.critical(
                self.window, "Something went wrong", crash_message(error, self.log_file)
            )
        finally:
            self._showing = False

    def unhandled_in_thread(self, args: threading.ExceptHookArgs) -> None:
        error = args.exc_value or args.exc_type()
        log.critical(
            "an unexpected error in the background (%s)",
            args.thread.name if args.thread else "a thread",
            exc_info=(args.exc_type, error, args.exc_traceback),
        )

    def names_changed(self, *_what: object) -> None:
        """After a change: refresh the names the log hides (on the database worker)."""
        self.ctx.worker.submit(_hide_names, lambda _r, _e: None)


def _hide_names(store: Store, _progress: Progress) -> None:
    hide_names_of(store)
