"""Errors the user started become a dialog that says what happened and what to do next."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from curriculum.sourcefile import DataFileError
from storage.errors import (
    CorruptDatabaseError,
    DataFolderBusy,
    DiskFullError,
    InvalidInput,
    MissingDatabaseError,
    NotFoundError,
    ReadOnlyStore,
)
from worksheets.render.fonts import FontNotFound

log = logging.getLogger("practicecraft.desktop")


def explain(error: BaseException) -> tuple[str, str]:
    """(title, message with the next step) for an error."""
    if isinstance(error, InvalidInput | DataFileError):
        return "Please check", f"{error}\n\nCorrect it and try again; nothing was changed."
    if isinstance(error, NotFoundError):
        return "Not found", f"{error}\n\nIt may have been erased on another device."
    if isinstance(error, CorruptDatabaseError):
        return "Your data file is damaged", (
            f"{error}\n\nOpen Settings → Backups and restore the latest backup."
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
    if isinstance(error, OSError):
        return "Could not use the file", (
            f"{error.strerror or error}: {error.filename or ''}\n\n"
            "Choose another folder, or check there is space on the disk."
        )
    log.exception("unexpected error", exc_info=error)
    return "Something went wrong", (
        f"{type(error).__name__}: {error}\n\nNothing was changed. If it happens again, "
        "make a backup in Settings and tell us what you were doing."
    )


def as_sentence(error: BaseException) -> str:
    text = str(error)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def show_error(parent: QWidget | None, error: BaseException) -> None:
    title, message = explain(error)
    QMessageBox.warning(parent, title, message)
