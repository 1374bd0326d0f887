"""Errors the user started become a dialog that says what happened and what to do next."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from curriculum.sourcefile import DataFileError
from storage.errors import (
    CorruptDatabaseError,
    DamagedBackup,
    DataFolderBusy,
    DiskFullError,
    InvalidInput,
    MissingDatabaseError,
    NotFoundError,
    ReadOnlyStore,
)
from storage.logfiles import current_log_file
from sync.errors import (
    AuthFailed,
    ClockWrong,
    NotConnected,
    NotSignedIn,
    Offline,
    SignedOut,
    SyncError,
    UpdateRequired,
)
from worksheets.render.fonts import FontNotFound

log = logging.getLogger("practicecraft.desktop")


def explain(error: BaseException) -> tuple[str, str]:
    """(title, message with the next step) for an error."""
    if isinstance(error, InvalidInput | DataFileError):
        return "Please check", f"{error}\n\nCorrect it and try again; nothing was changed."
    if isinstance(error, NotFoundError):
        return "Not found", f"{error}\n\nIt may have been erased on another device."
    if isinstance(error, DamagedBackup):
        return "This backup cannot be used", as_sentence(error)
    if isinstance(error, CorruptDatabaseError):  # SQLite's report is for the log, not here
        log.warning("damaged data file: %s", error)
        return "Your data file is damaged", (
            "Your data file is damaged: put back the latest backup in Settings → Backups."
        )
    if isinstance(error, MissingDatabaseError):
        return "Your data file is missing", (
            f"{error}\n\nOpen Settings → Backups and restore the latest backup."
        )
    if isinstance(error, DataFolderBusy):
        return "In use elsewhere", f"{as_sentence(error)}\n\nNothing was changed here."
    if isinstance(error, ReadOnlyStore):
        return "Only for looking at here", f"{as_sentence(error)}\n\nNothing was changed."
    if isinstance(error, DiskFullError):
        return "The disk is full", as_sentence(error)
    if isinstance(error, FontNotFound):
        text = str(error)
        return "A font is missing", f"{text[:1].upper()}{text[1:]}."
    if isinstance(error, SyncError):
        return _sync_explained(error)
    if isinstance(error, OSError):
        return "Could not use the file", (
            f"{error.strerror or error}: {error.filename or ''}\n\n"
            "Choose another folder, or check there is space on the disk."
        )
    log.exception("unexpected error", exc_info=error)
    log_file = current_log_file()
    where = f" The details are in the log file: {log_file}" if log_file else ""
    return "Something went wrong", (
        f"{type(error).__name__}: {error}\n\nNothing was changed. If it happens again, "
        f"make a backup in Settings and tell us what you were doing.{where}"
    )


def _sync_explained(error: SyncError) -> tuple[str, str]:
    """A failed sync the user asked for: what happened, and that their work is safe."""
    safe = "Everything you did is kept on this computer and will be sent later."
    if isinstance(error, Offline):
        return "No connection", f"{as_sentence(error)}\n\nCheck the internet connection. {safe}"
    if isinstance(error, ClockWrong):
        return "Check the computer's clock", f"{as_sentence(error)}"
    if isinstance(error, UpdateRequired):
        return "Please update PracticeCraft", f"{as_sentence(error)}"
    if isinstance(error, SignedOut | NotSignedIn):
        return "Sign in again", f"{as_sentence(error)}"
    if isinstance(error, AuthFailed | NotConnected):
        return "Could not sign in", as_sentence(error)
    return "Sync did not finish", f"{as_sentence(error)}\n\n{safe}"


def as_sentence(error: BaseException) -> str:
    text = str(error)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def show_error(parent: QWidget | None, error: BaseException) -> None:
    title, message = explain(error)
    QMessageBox.warning(parent, title, message)
